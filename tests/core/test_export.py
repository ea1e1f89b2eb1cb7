"""Export: the generated source runs on its own, holds the builder's network, and takes its weights."""

from __future__ import annotations

import ast
import sys
from pathlib import Path
from typing import Any

import pytest
import torch

from exported import load_exported
from playground.core.builder import build_model
from playground.core.design import Design, DesignError, design_from_dict, load_design
from playground.core.export import class_name_for, export_source, onnx_available, write_onnx, write_source
from playground.core.fileio import WriteError
from playground.paths import example_paths
from sample_designs import every_kind_design
from torch_reference import count_params

EXAMPLES = {p.stem: p for p in example_paths()}


def _export_and_compare(d: Design, tmp_path: Path) -> None:
    target = tmp_path / "model.py"
    write_source(d, target, source_name="design.json")
    exported = getattr(load_exported(target), class_name_for(d))()
    built = build_model(d)
    assert count_params(exported) == count_params(built)
    assert list(exported.state_dict()) == list(built.state_dict())
    exported.load_state_dict(built.state_dict())  # strict: same keys, same shapes
    exported.eval()
    built.eval()
    x = torch.randn(3, *d.input)
    with torch.no_grad():
        torch.testing.assert_close(exported(x), built(x), rtol=0, atol=0)


@pytest.mark.parametrize("name", sorted(n for n in EXAMPLES if load_design(EXAMPLES[n]).input == (1, 28, 28)))
def test_exported_examples_run_and_load_the_builders_weights(name: str, tmp_path: Path) -> None:
    _export_and_compare(load_design(EXAMPLES[name]), tmp_path)


def test_every_kind_exports(tmp_path: Path) -> None:
    _export_and_compare(every_kind_design(), tmp_path)


@pytest.mark.parametrize("name", ["alexnet", "vgg11", "resnet18", "googlenet", "nin"])
def test_large_examples_export_the_same_tensors(name: str, tmp_path: Path) -> None:
    d = load_design(EXAMPLES[name])
    target = tmp_path / "model.py"
    write_source(d, target)
    cls = getattr(load_exported(target), class_name_for(d))
    with torch.device("meta"):
        exported, built = cls(), build_model(d)
    shapes = lambda m: [(k, tuple(v.shape)) for k, v in m.state_dict().items()]  # noqa: E731
    assert shapes(exported) == shapes(built)


def test_source_needs_only_torch_and_reads_well() -> None:
    source = export_source(load_design(EXAMPLES["resnet_mini"]), "resnet_mini.json")
    tree = ast.parse(source)
    imported = {alias.name.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    imported |= {node.module.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
    assert imported <= {"__future__", "collections", "torch"}
    assert "class ResNetMini(nn.Module):" in source
    assert "class Residual(nn.Module):" in source and "class Concat" not in source
    assert "nn.Conv2d(1, 16, kernel_size=3, padding=1, bias=False)" in source
    assert "x = self.residual2(x)  # 32 x 7 x 7" in source
    assert "# Residual block 2 (downsample)" in source
    assert "from resnet_mini.json" in source
    assert all(len(line) <= 120 for line in source.splitlines())


def _design(layers: list[dict[str, Any]], name: str = "Odd ids") -> Design:
    return design_from_dict({"format": "cnn-playground.design", "version": 1, "name": name,
                             "input": [1, 8, 8], "layers": layers})


def test_ids_that_are_not_python_names_still_export(tmp_path: Path) -> None:
    d = _design([{"type": "Conv2d", "id": "conv.1", "out_channels": 2, "kernel_size": 3},
                 {"type": "ReLU", "id": "forward"}, {"type": "Flatten", "id": "1"},
                 {"type": "Linear", "id": "class", "out_features": 3}, {"type": "Identity", "id": "a-b"}])
    _export_and_compare(d, tmp_path)


def test_class_names() -> None:
    assert class_name_for(_design([], "LeNet-5")) == "LeNet5"
    assert class_name_for(_design([], "ResNet mini")) == "ResNetMini"
    assert class_name_for(_design([], "3 layers")) == "Net3Layers"
    assert class_name_for(_design([], "—")) == "Net"


def test_designs_with_errors_or_no_layers_are_refused(tmp_path: Path) -> None:
    with pytest.raises(DesignError, match=r"layers\[0\]: Linear needs a flat vector"):
        export_source(_design([{"type": "Linear", "out_features": 3}]))
    with pytest.raises(DesignError, match="no layers"):
        export_source(_design([]))
    with pytest.raises(WriteError, match="cannot write"):
        write_source(load_design(EXAMPLES["lenet5"]), tmp_path / "missing" / "model.py")
    assert not (tmp_path / "missing").exists()


@pytest.mark.skipif(not onnx_available(), reason="the onnx package is not installed")
def test_onnx_export(tmp_path: Path) -> None:
    import onnx
    from onnx.reference import ReferenceEvaluator

    d = load_design(EXAMPLES["resnet_mini"])
    built = build_model(d).eval()
    target = tmp_path / "resnet_mini.onnx"
    write_onnx(d, target, built)
    model = onnx.load(str(target))
    onnx.checker.check_model(model)
    assert [i.name for i in model.graph.input] == ["input"]
    assert model.graph.input[0].type.tensor_type.shape.dim[0].dim_param == "batch"
    x = torch.randn(3, *d.input)
    (onnx_out,) = ReferenceEvaluator(model).run(None, {"input": x.numpy()})
    with torch.no_grad():
        torch.testing.assert_close(torch.from_numpy(onnx_out), built(x), rtol=1e-4, atol=1e-4)


def test_onnx_without_the_package_says_what_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from playground.core.export import ExportError

    monkeypatch.setitem(sys.modules, "onnx", None)
    with pytest.raises(ExportError, match="pip install onnx"):
        write_onnx(load_design(EXAMPLES["lenet5"]), tmp_path / "x.onnx")
    assert not (tmp_path / "x.onnx").exists()


def test_onnx_exporter_errors_are_one_line_and_leave_no_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from playground.core import export
    from playground.core.export import ExportError

    def failing_export(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("Unsupported: ONNX export of operator strange_op\nmore detail on a second line")

    monkeypatch.setattr(export, "onnx_available", lambda: True)
    monkeypatch.setattr(torch.onnx, "export", failing_export)
    target = tmp_path / "x.onnx"
    with pytest.raises(ExportError) as info:
        write_onnx(load_design(EXAMPLES["lenet5"]), target)
    assert str(info.value) == (f"{target}: ONNX export failed "
                               "(RuntimeError: Unsupported: ONNX export of operator strange_op)")
    assert list(tmp_path.iterdir()) == []


def test_onnx_export_uses_its_own_temp_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from playground.core import export

    def fake_export(model: Any, args: Any, f: Any, **kwargs: Any) -> None:
        assert not (tmp_path / "x.onnx").exists()  # nothing on disk until the bytes are whole
        f.write(b"onnx bytes")

    monkeypatch.setattr(export, "onnx_available", lambda: True)
    monkeypatch.setattr(torch.onnx, "export", fake_export)
    other = tmp_path / ".x.onnx.tmp"  # e.g. another export's temp file: left alone
    other.write_bytes(b"someone else's")
    write_onnx(load_design(EXAMPLES["lenet5"]), tmp_path / "x.onnx")
    assert (tmp_path / "x.onnx").read_bytes() == b"onnx bytes"
    assert other.read_bytes() == b"someone else's"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".x.onnx.tmp", "x.onnx"]
