"""`cnn-playground summary` and `export`, through main() and as a real process."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from playground.cli import main
from playground.core import export
from playground.core.export import onnx_available
from playground.paths import examples_dir
from cli_helpers import assert_one_line_error

GOLDEN = Path(__file__).parent / "golden"
LENET = str(examples_dir() / "lenet5.json")


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "playground", *args], capture_output=True, text=True,
                          timeout=120, cwd=cwd)



def test_lenet5_summary_matches_the_golden_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["summary", LENET]) == 0
    out = capsys.readouterr().out
    golden = GOLDEN / "lenet5_summary.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(out, encoding="utf-8")
        pytest.fail("golden file rewritten; run again without UPDATE_GOLDEN to check it")
    assert out == golden.read_text(encoding="utf-8")


def test_summary_as_a_process() -> None:
    done = run_cli("summary", LENET)
    assert done.returncode == 0, done.stderr
    assert done.stdout == (GOLDEN / "lenet5_summary.txt").read_text(encoding="utf-8")
    assert done.stderr == ""


def test_summary_json_structure(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["summary", str(examples_dir() / "resnet_mini.json"), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["total_params"] == data["trainable_params"] == 19_706
    assert data["total_flops"] == 2 * data["total_macs"]
    assert data["errors"] == [] and data["warnings"] == []
    first = data["rows"][0]
    assert {"path", "type", "output_shape", "params", "macs", "receptive_field"} <= first.keys()
    assert first["path"] == "layers[0]" and first["type"] == "Sequential" and first["label"] == "Stem"
    nested = [r for r in data["rows"] if r["path"] == "layers[3].shortcut[0]"]
    assert nested and nested[0]["output_shape"] == [32, 7, 7]


def test_summary_of_a_broken_design_lists_its_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    design = tmp_path / "broken.json"
    design.write_text(json.dumps({"format": "cnn-playground.design", "version": 1, "input": [1, 28, 28],
                                  "layers": [{"type": "Conv2d", "out_channels": 4, "kernel_size": 3},
                                             {"type": "Linear", "out_features": 10}]}), encoding="utf-8")
    assert main(["summary", str(design)]) == 1
    out = capsys.readouterr().out
    assert "Errors (1):\n  layers[1]: Linear needs a flat vector but gets 4 x 26 x 26; add a Flatten block before it" in out
    assert main(["summary", str(design), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["errors"] == [{"path": "layers[1]",
                               "message": "Linear needs a flat vector but gets 4 x 26 x 26; add a Flatten block before it"}]


def test_summary_classes_warning(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["summary", LENET, "--classes", "26"]) == 0
    out = capsys.readouterr().out
    assert "Warnings (1):\n  layers[11]: the network gives 10 outputs but the dataset has 26 classes" in out


@pytest.mark.parametrize(("args", "fragments"), [
    (["summary", "no/such/design.json"], ["no/such/design.json: no such file"]),
    (["summary", LENET, "--classes", "0"], ["--classes expects a positive number of classes, got 0"]),
    (["summary", LENET, "--classes", "ten"], ["--classes", "ten"]),
    (["summary", LENET, "--bogus"], ["--bogus"]),
    (["summary"], ["design"]),
    (["export", LENET], ["-o"]),
    (["export", LENET, "--to", "keras", "-o", "x"], ["keras"]),
])
def test_bad_flags_and_files_give_one_line_and_status_2(args: list[str], fragments: list[str],
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    assert main(args) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert_one_line_error(captured.err, *fragments)


@pytest.mark.parametrize(("content", "fragment"), [
    ("{not json", "not valid JSON (line 1, column 2"),
    ('{"format": "cnn-playground.design", "version": 1, "input": [1, 28, 28], "layers": [{"type": "Conv2d", '
     '"out_channels": 4, "kernel_size": -2}]}', "layers[0].kernel_size: expected a positive int or [h, w], got -2"),
    ('{"format": "cnn-playground.design", "version": 1, "input": [1, 28, 28], "layers": [{"type": "Conv3d"}]}',
     'layers[0].type: unknown layer type "Conv3d"'),
    ('[]', "expected a JSON object"),
])
def test_bad_design_files_as_a_process(tmp_path: Path, content: str, fragment: str) -> None:
    design = tmp_path / "bad.json"
    design.write_text(content, encoding="utf-8")
    done = run_cli("summary", str(design))
    assert done.returncode == 2 and done.stdout == ""
    assert_one_line_error(done.stderr, fragment)


def test_a_folder_is_not_a_design(tmp_path: Path) -> None:
    done = run_cli("summary", str(tmp_path))
    assert done.returncode == 2
    assert_one_line_error(done.stderr, "cannot read")


def test_export_py_writes_a_runnable_file(tmp_path: Path) -> None:
    target = tmp_path / "model.py"
    done = run_cli("export", str(examples_dir() / "resnet_mini.json"), "--to", "py", "-o", str(target))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"wrote {target}"
    ran = subprocess.run([sys.executable, str(target)], capture_output=True, text=True, timeout=120)
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.strip().endswith("torch.Size([1, 10])")


def test_export_refuses_broken_designs_and_unwritable_places(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "cnn-playground.design", "version": 1, "input": [1, 4, 4], '
                      '"layers": [{"type": "Conv2d", "out_channels": 2, "kernel_size": 7}]}', encoding="utf-8")
    assert main(["export", str(broken), "-o", str(tmp_path / "m.py")]) == 2
    assert_one_line_error(capsys.readouterr().err, "layers[0]: kernel 7x7 is larger than its padded input 4x4")
    assert not (tmp_path / "m.py").exists()
    assert main(["export", LENET, "-o", str(tmp_path / "nowhere" / "m.py")]) == 2
    assert_one_line_error(capsys.readouterr().err, "cannot write")
    assert list(tmp_path.iterdir()) == [broken]


def test_export_over_an_earlier_export_replaces_it_and_keeps_its_permissions(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "model.py"
    target.write_text("# an earlier export\n")
    target.chmod(0o600)
    assert main(["export", LENET, "--to", "py", "-o", str(target)]) == 0
    assert capsys.readouterr().out.strip() == f"wrote {target}"
    assert "class LeNet5(nn.Module)" in target.read_text()
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert list(tmp_path.iterdir()) == [target]


def test_export_onnx_without_onnx_says_what_to_install(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(export, "onnx_available", lambda: False)  # as on a machine without the package
    assert main(["export", LENET, "--to", "onnx", "-o", str(tmp_path / "m.onnx")]) == 2
    assert_one_line_error(capsys.readouterr().err, "pip install onnx")
    assert not (tmp_path / "m.onnx").exists()


@pytest.mark.skipif(not onnx_available(), reason="the onnx package is not installed")
def test_export_onnx(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", LENET, "--to", "onnx", "-o", str(tmp_path / "m.onnx")]) == 0
    assert (tmp_path / "m.onnx").stat().st_size > 0
