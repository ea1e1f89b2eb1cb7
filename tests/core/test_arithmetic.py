"""The inspector's worked sums use the block's own numbers and land on the analysis's results."""

from __future__ import annotations

import re

import pytest

from playground.core.analysis import analyze
from playground.core.arithmetic import FLOPS_NOTE, block_arithmetic
from playground.core.design import load_design, walk
from playground.core.text import format_int
from playground.paths import examples_dir


def _result(text: str) -> int:
    """The number after the last '=' ("(5·5·1 + 1)·6 = 156" -> 156)."""
    return int(re.sub(r"[^0-9]", "", text.rsplit("=", 1)[1].split()[0]))


def test_lenet5_first_convolution_is_worked_as_the_tutorials_do() -> None:
    d = load_design(examples_dir() / "lenet5.json")
    rows = analyze(d).rows
    c1 = block_arithmetic(d.layers[0].type, d.layers[0].params, rows[0].input_shape)
    assert c1 is not None
    assert c1.params == "(5·5·1 + 1)·6 = 156"
    assert c1.output == "(28 + 2·2 − 5)/1 + 1 = 28"
    assert c1.macs == "28·28·6 outputs · 5·5·1 = 117,600"
    assert c1.connections == "117,600 + 28·28·6 = 122,304"  # LeNet's paper: 122,304 connections for C1
    s2 = block_arithmetic(d.layers[2].type, d.layers[2].params, rows[2].input_shape)
    assert s2 is not None and s2.output == "(28 − 2)/2 + 1 = 14"
    f5 = block_arithmetic(d.layers[7].type, d.layers[7].params, rows[7].input_shape)
    assert f5 is not None and f5.params == "(400 + 1)·120 = 48,120" and f5.macs == "400·120 = 48,000"


@pytest.mark.parametrize("name", ["lenet5", "lenet5_1998", "alexnet_2012", "googlenet_2014"])
def test_every_worked_sum_lands_on_the_analysis_numbers(name: str) -> None:
    d = load_design(examples_dir() / f"{name}.json")
    rows = analyze(d).rows
    worked = 0
    for (_, block), row in zip(walk(d), rows):
        sums = block_arithmetic(block.type, block.params, row.input_shape)
        if sums is None:
            continue
        worked += 1
        if sums.params is not None and "=" in sums.params:
            assert _result(sums.params) == row.params, sums.params
        if sums.macs is not None:
            assert _result(sums.macs) == row.macs, sums.macs
        if sums.output is not None and row.output_shape is not None:
            assert sums.output.endswith(f"= {row.output_shape[-1]}") or \
                sums.output.endswith(f"= {format_int(row.output_shape[-1])} features"), sums.output
        if sums.connections is not None and "+" in sums.connections:
            bias_terms = row.output_shape[0] if len(row.output_shape) == 1 else \
                row.output_shape[0] * row.output_shape[1] * row.output_shape[2]
            assert _result(sums.connections) == row.macs + bias_terms
    assert worked >= 5


def test_unequal_axes_strides_and_ceil_mode_are_written_per_axis() -> None:
    sums = block_arithmetic("MaxPool2d", {"kernel_size": 3, "stride": 2, "ceil_mode": True}, (64, 112, 111))
    assert sums is not None and sums.output == "H: ⌈(112 − 3)/2⌉ + 1 = 56; W: (111 − 3)/2 + 1 = 55"
    dilated = block_arithmetic("Conv2d", {"out_channels": 2, "kernel_size": 3, "dilation": 2, "bias": False},
                               (1, 9, 9))
    assert dilated is not None and dilated.output == "(9 − 2·(3 − 1) − 1)/1 + 1 = 5"
    assert dilated.params == "(3·3·1)·2 = 18" and dilated.connections == "450 (no bias)"


def test_nothing_to_work_out_gives_none_and_the_flops_note_names_both_conventions() -> None:
    assert block_arithmetic("ReLU", {}, (6, 28, 28)) is None
    assert block_arithmetic("Conv2d", {"out_channels": 6, "kernel_size": 5}, None) is None
    assert block_arithmetic("Linear", {"out_features": 10}, (6, 4, 4)) is None  # an error: no sums
    assert "FLOPs" in FLOPS_NOTE and "2 × MACs" in FLOPS_NOTE
