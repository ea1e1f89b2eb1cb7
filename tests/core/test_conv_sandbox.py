"""The sandbox's typed convolutions: every preset's numbers, worked out by hand, equal both
the step-by-step arithmetic and torch's own nn.Conv2d."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from playground.core.conv_sandbox import (
    PRESETS, SandboxError, SandboxSpec, grids_text, kernels_from_grids, parse_grids, shift_comparison)


def preset(start: str):
    return next(p for p in PRESETS if p.name.startswith(start))


def torch_output(spec: SandboxSpec) -> np.ndarray:
    with torch.no_grad():
        return spec.module()(spec.input_tensor()[None])[0].double().numpy()


@pytest.mark.parametrize("example", PRESETS, ids=lambda p: p.name)
def test_every_preset_steps_add_up_to_torchs_output(example) -> None:
    assert example.spec.output() == pytest.approx(torch_output(example.spec), abs=1e-5)


def test_zero_to_eight_with_a_two_by_two_kernel_gives_the_tutorials_numbers() -> None:
    assert preset("[0..8]").spec.output()[0].tolist() == [[19, 25], [37, 43]]


def test_the_x_matches_its_diagonal_feature_perfectly_and_its_corner_in_part() -> None:
    out = preset("X").spec.output()
    assert out.shape == (3, 7, 7)
    assert out[0, 1, 1] == 9 and out[0, 0, 0] == 7  # 9/9 = 1.00 and 7/9 = 0.77 in the classic slides
    assert out[1, 1, 5] == 9 and out[2, 3, 3] == 9  # the other diagonal, and the cross at the centre


def test_five_by_five_stride_two_padding_one() -> None:
    example = preset("5×5")
    assert example.spec.output()[0].tolist() == [[12, 27, 24], [63, 108, 81], [72, 117, 84]]
    assert example.spec.sliding().formula_lines() == ["H_out = W_out = floor((5 + 2*1 - 1*(3-1) - 1) / 2) + 1 "
                                                      "= floor(4 / 2) + 1 = 3"]


def test_a_one_pixel_shift_moves_the_edge_map_but_not_the_pooled_map() -> None:
    first, second, pooled_first, pooled_second = shift_comparison(preset("Edge"))
    assert first[0, 2, 2] == 6 and second[0, 2, 3] == 6  # the stroke's centre line, one cell apart
    assert not np.array_equal(first, second)
    assert np.array_equal(pooled_first, pooled_second)
    assert shift_comparison(preset("[0..8]")) is None


def test_typed_grids_read_back_as_they_were_shown() -> None:
    values = np.arange(18.0).reshape(2, 3, 3) / 2
    assert np.array_equal(parse_grids(grids_text(values), "input"), values)
    assert parse_grids("[0, 1]\n[2, 3]", "kernel").tolist() == [[[0, 1], [2, 3]]]
    assert kernels_from_grids(np.zeros((4, 2, 2)), in_channels=2).shape == (2, 2, 2, 2)


@pytest.mark.parametrize("text, message", [("1 2\n3", "same number"), ("1 x", "not a row of numbers"),
                                           ("", "at least one number"), ("1 nan", "finite")])
def test_bad_grids_say_why(text, message) -> None:
    with pytest.raises(SandboxError, match=message):
        parse_grids(text, "input")


def test_specs_that_cannot_be_a_convolution_say_why() -> None:
    with pytest.raises(SandboxError, match="at most 16x16"):
        SandboxSpec(np.zeros((1, 17, 3)), np.zeros((1, 1, 2, 2)), np.zeros(1))
    with pytest.raises(SandboxError, match="kernel spans"):
        SandboxSpec(np.zeros((1, 3, 3)), np.zeros((1, 1, 2, 2)), np.zeros(1), dilation=3)
    with pytest.raises(SandboxError, match="one bias per output"):
        SandboxSpec(np.zeros((1, 3, 3)), np.zeros((2, 1, 2, 2)), np.zeros(1))
    with pytest.raises(SandboxError, match="channel"):
        SandboxSpec(np.zeros((2, 3, 3)), np.zeros((1, 1, 2, 2)), np.zeros(1))
