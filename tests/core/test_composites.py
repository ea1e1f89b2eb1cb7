"""A new composite kind is one `Composite` class, its torch module and its catalogue entry.

The Gate below (y = x * body(x)) is added to the catalogue for these tests only, and then
reads from and writes to JSON, analyses, builds, exports, is inspected, wrapped and
described like the composites the app ships, with numbers equal to torch's.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any, Iterator

import pytest
import torch
import torch.nn as nn

from playground.core import layers
from playground.core.analysis import analyze
from playground.core.builder import build_model
from playground.core.composites import Children, Composite, Flow, Shape
from playground.core.design import (
    design_from_dict, design_from_json, design_to_json, get_block, walk, wrap)
from playground.core.export import class_name_for, export_source
from playground.core.inspect_model import block_modules
from playground.core.text import short_params
from torch_reference import count_params


class Gate(nn.Module):
    """y = x * body(x): the body decides how much of each value passes."""

    def __init__(self, body: nn.Sequential) -> None:
        super().__init__()
        self.body = body

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x * self.body(x)


class GateComposite(Composite):
    name = "Gate"
    json_keys = ("body",)
    wraps = True
    merge_symbol = "×"

    def combine(self, children: Children, shape: Shape | None, outs: list[Flow]) -> tuple[Flow, str | None]:
        ((out, rf),) = outs
        if shape is None or out is None:
            return (None, None), None
        if out != shape:
            return (None, None), f"the body gives {out} but the gate multiplies {shape}"
        return (shape, rf), None

    def module_class(self) -> type[nn.Module]:
        return Gate

    def card_text(self, block: Any) -> str:
        return "x × body(x)"


GATE = GateComposite()


@pytest.fixture()
def gate_kind(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    entry = layers._composite(GATE, "Multiplies its input by what the body makes of it: y = x * body(x).")
    monkeypatch.setitem(layers.CATALOGUE, "Gate", entry)
    monkeypatch.setattr(layers, "_KINDS", [*layers._KINDS, entry])
    yield


def gated_design() -> Any:
    return design_from_dict({
        "format": "cnn-playground.design", "version": 1, "name": "Gated", "input": [3, 8, 8],
        "layers": [
            {"type": "Conv2d", "out_channels": 4, "kernel_size": 3, "padding": 1},
            {"type": "Gate", "body": [{"type": "Conv2d", "out_channels": 4, "kernel_size": 1}, {"type": "Sigmoid"}]},
            {"type": "Flatten"},
            {"type": "Linear", "out_features": 10},
        ]})


def test_a_new_composite_reads_writes_and_analyses_as_torch_runs_it(gate_kind: None) -> None:
    d = gated_design()
    assert design_from_json(design_to_json(d)) == d
    assert '"body": [' in design_to_json(d)
    analysis = analyze(d)
    assert analysis.ok and analysis.output_shape == (10,)
    gate_row = analysis.rows[1]
    assert gate_row.output_shape == (4, 8, 8) and gate_row.params == 4 * 4 + 4
    model = build_model(d).eval()
    assert isinstance(model[1], Gate)
    assert count_params(model)[0] == analysis.total_params
    x = torch.randn(2, 3, 8, 8)
    with torch.no_grad():
        first = model[0](x)
        assert torch.equal(model[1](first), first * model[1].body(first))
    assert [ref.block.type for ref in block_modules(d, model)] == ["Conv2d", "Gate", "Conv2d", "Sigmoid", "Flatten",
                                                                  "Linear"]
    assert short_params(get_block(d, (1,))) == "x × body(x)"


def test_a_new_composite_exports_with_its_module(gate_kind: None, tmp_path: Path) -> None:
    d = gated_design()
    target = tmp_path / "gated.py"
    target.write_text(export_source(d), encoding="utf-8")
    spec = importlib.util.spec_from_file_location("exported_gated", target)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    exported = getattr(module, class_name_for(d))().eval()
    built = build_model(d).eval()
    exported.load_state_dict(built.state_dict())
    x = torch.randn(1, 3, 8, 8)
    with torch.no_grad():
        assert torch.equal(exported(x), built(x))


def test_a_new_composite_reports_its_own_error_and_wraps(gate_kind: None) -> None:
    d = gated_design()
    wrapped = wrap(d, (1,), "Gate")  # a gate around the gate keeps its 4 x 8 x 8
    assert get_block(wrapped, (1, 0, 0)) == get_block(d, (1,)) and analyze(wrapped).ok
    bad = design_from_dict({"format": "cnn-playground.design", "version": 1, "input": [3, 8, 8],
                            "layers": [{"type": "Gate", "body": [{"type": "Conv2d", "out_channels": 2,
                                                                  "kernel_size": 1}]}]})
    assert analyze(bad).errors == [("layers[0]", "the body gives (2, 8, 8) but the gate multiplies (3, 8, 8)")]
    assert [b.type for _, b in walk(bad)] == ["Gate", "Conv2d"]
