"""A composite kind is one `Composite` class, its torch module and its catalogue entry.

The Gate (y = x * body(x)) was first added here, inside these tests, to show that; it now
ships, and reads from and writes to JSON, analyses, builds, exports, is inspected, wrapped
and described like the other composites, with numbers equal to torch's.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import torch

from exported import load_exported
from playground.core.analysis import analyze
from playground.core.builder import build_model
from playground.core.composite_modules import Gate
from playground.core.design import (
    design_from_dict, design_from_json, design_to_json, get_block, walk, wrap)
from playground.core.export import class_name_for, export_source
from playground.core.inspect_model import block_modules
from playground.core.text import short_params
from torch_reference import count_params


def gated_design() -> Any:
    return design_from_dict({
        "format": "cnn-playground.design", "version": 1, "name": "Gated", "input": [3, 8, 8],
        "layers": [
            {"type": "Conv2d", "out_channels": 4, "kernel_size": 3, "padding": 1},
            {"type": "Gate", "body": [{"type": "Conv2d", "out_channels": 4, "kernel_size": 1}, {"type": "Sigmoid"}]},
            {"type": "Flatten"},
            {"type": "Linear", "out_features": 10},
        ]})


def test_a_new_composite_reads_writes_and_analyses_as_torch_runs_it() -> None:
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


def test_a_new_composite_exports_with_its_module(tmp_path: Path) -> None:
    d = gated_design()
    target = tmp_path / "gated.py"
    target.write_text(export_source(d), encoding="utf-8")
    module = load_exported(target)
    exported = getattr(module, class_name_for(d))().eval()
    built = build_model(d).eval()
    exported.load_state_dict(built.state_dict())
    x = torch.randn(1, 3, 8, 8)
    with torch.no_grad():
        assert torch.equal(exported(x), built(x))


def test_a_new_composite_reports_its_own_error_and_wraps() -> None:
    d = gated_design()
    wrapped = wrap(d, (1,), "Gate")  # a gate around the gate keeps its 4 x 8 x 8
    assert get_block(wrapped, (1, 0, 0)) == get_block(d, (1,)) and analyze(wrapped).ok
    bad = design_from_dict({"format": "cnn-playground.design", "version": 1, "input": [3, 8, 8],
                            "layers": [{"type": "Gate", "body": [{"type": "Conv2d", "out_channels": 2,
                                                                  "kernel_size": 1}]}]})
    assert analyze(bad).errors == [("layers[0]", "the body gives 2 x 8 x 8, which cannot scale the input 3 x 8 x 8: "
                                                 "each of its sizes must equal the input's or be 1 (e.g. C x 1 x 1 "
                                                 "after AdaptiveAvgPool2d(1), as squeeze-and-excitation does)")]
    assert [b.type for _, b in walk(bad)] == ["Gate", "Conv2d"]
