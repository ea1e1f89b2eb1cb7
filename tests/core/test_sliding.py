"""The sliding-window steps, checked number by number against torch itself."""

from __future__ import annotations

import numpy as np
import pytest
import torch
import torch.nn as nn
import torch.nn.functional as F
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from playground.core.sliding import (
    CELL_INPUT, CELL_OUTSIDE, CELL_PADDING, Sliding, SlidingError, sliding_for_module,
    window_op_from_module)

pytestmark = pytest.mark.filterwarnings("ignore:Using padding='same':UserWarning")

PROPERTY = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
TOL = dict(rtol=1e-5, atol=1e-5)


def assembled(sliding: Sliding) -> torch.Tensor:
    """The layer's output put together from its steps alone."""
    out = np.zeros(sliding.out_shape)
    for oc in range(sliding.out_channels):
        for step in sliding.channel(oc):
            out[oc, step.out_row, step.out_col] = step.value
    return torch.from_numpy(out)


def torch_output(module: nn.Module, x: torch.Tensor) -> torch.Tensor:
    with torch.no_grad():
        return module(x[None].double())[0]


sizes = st.integers(1, 8)
small = st.integers(1, 3)


@st.composite
def conv_cases(draw: st.DrawFn) -> tuple[nn.Conv2d, torch.Tensor]:
    groups = draw(st.integers(1, 3))
    in_channels = groups * draw(st.integers(1, 2))
    out_channels = groups * draw(st.integers(1, 2))
    h, w = draw(sizes), draw(sizes)
    kernel = (draw(small), draw(small))
    dilation = (draw(st.integers(1, 2)), draw(st.integers(1, 2)))
    mode = draw(st.sampled_from(["zeros", "reflect", "replicate", "circular"]))
    padding_kind = draw(st.sampled_from(["int", "pair", "same", "valid"]))
    stride = (draw(small), draw(small)) if padding_kind != "same" else (1, 1)
    padding: object = {"int": draw(st.integers(0, 2)), "pair": (draw(st.integers(0, 2)), draw(st.integers(0, 2))),
                       "same": "same", "valid": "valid"}[padding_kind]
    module = nn.Conv2d(in_channels, out_channels, kernel, stride, padding, dilation, groups,
                       bias=draw(st.booleans()), padding_mode=mode).double()
    return torch_accepts(module, torch.randn(in_channels, h, w, dtype=torch.float64))


def torch_accepts(module: nn.Module, x: torch.Tensor) -> tuple[nn.Module, torch.Tensor]:
    """The case, unless torch itself refuses it (a window larger than the input, ...)."""
    try:
        torch_output(module, x)
    except RuntimeError:
        assume(False)
    return module, x


def assert_assembles_to_torch(module: nn.Module, x: torch.Tensor) -> None:
    """Every step put together, and each output channel's map, equal torch's output."""
    sliding = sliding_for_module(module, x)
    expected = torch_output(module, x)
    assert sliding.out_shape == tuple(expected.shape)
    torch.testing.assert_close(assembled(sliding), expected, **TOL)
    for oc in range(sliding.out_channels):
        np.testing.assert_allclose(sliding.channel(oc).output_map(), expected[oc].numpy(), **TOL)


@PROPERTY
@given(conv_cases())
def test_conv_steps_assemble_to_torch(case: tuple[nn.Conv2d, torch.Tensor]) -> None:
    assert_assembles_to_torch(*case)


@PROPERTY
@given(conv_cases())
def test_one_input_channel_shares_sum_to_the_output(case: tuple[nn.Conv2d, torch.Tensor]) -> None:
    module, x = case
    sliding = sliding_for_module(module, x)
    expected = torch_output(module, x)
    bias = module.bias.detach().numpy() if module.bias is not None else np.zeros(module.out_channels)
    for oc in range(sliding.out_channels):
        views = [sliding.channel(oc, c) for c in sliding.group_channels(oc)]
        added_bias = 0.0 if views[0].whole_group else bias[oc]  # a lone channel is the whole group
        shares = sum(view.output_map() for view in views)
        np.testing.assert_allclose(shares + added_bias, expected[oc].numpy(), **TOL)
        step = sliding.channel(oc, sliding.group_channels(oc)[-1])[-1]
        assert step.layer_value == pytest.approx(float(expected[oc, -1, -1]), abs=1e-5)


@st.composite
def pool_cases(draw: st.DrawFn) -> tuple[nn.Module, torch.Tensor]:
    channels, h, w = draw(st.integers(1, 2)), draw(sizes), draw(sizes)
    kernel = (draw(small), draw(small))
    stride = draw(st.one_of(st.none(), st.tuples(small, small)))
    padding = (draw(st.integers(0, kernel[0] // 2)), draw(st.integers(0, kernel[1] // 2)))
    ceil_mode = draw(st.booleans())
    if draw(st.booleans()):
        module: nn.Module = nn.MaxPool2d(kernel, stride, padding, (draw(small), draw(small)), ceil_mode=ceil_mode)
    else:
        module = nn.AvgPool2d(kernel, stride, padding, ceil_mode, draw(st.booleans()),
                              draw(st.sampled_from([None, 3])))
    return torch_accepts(module, torch.randn(channels, h, w, dtype=torch.float64))


@PROPERTY
@given(pool_cases())
def test_pool_steps_assemble_to_torch(case: tuple[nn.Module, torch.Tensor]) -> None:
    assert_assembles_to_torch(*case)


@PROPERTY
@given(st.one_of(conv_cases(), pool_cases()), st.data())
def test_feeds_is_the_receptive_field_in_reverse(case: tuple[nn.Module, torch.Tensor], data: st.DataObject) -> None:
    """An input cell feeds exactly the outputs that change when only that cell is set."""
    module, x = case
    sliding = sliding_for_module(module, x)
    row = data.draw(st.integers(0, x.shape[1] - 1))
    col = data.draw(st.integers(0, x.shape[2] - 1))
    one_hot = torch.zeros_like(x)
    one_hot[:, row, col] = 1.0
    if isinstance(module, nn.Conv2d):
        probe = nn.Conv2d(module.in_channels, module.out_channels, module.kernel_size, module.stride,
                          module.padding, module.dilation, module.groups, bias=False,
                          padding_mode=module.padding_mode).double()
        nn.init.ones_(probe.weight)
    else:
        probe = module
    reached = torch_output(probe, one_hot)[0] > 0
    expected = {(int(r), int(c)) for r, c in torch.nonzero(reached)}
    assert set(sliding.feeds(row, col).all) == expected


def test_step_numbers_for_a_known_window() -> None:
    """A hand-checked step: the centre of a 3x3 input under a 2x2 kernel of ones."""
    conv = nn.Conv2d(1, 1, 2, bias=True)
    with torch.no_grad():
        conv.weight.fill_(1.0)
        conv.bias.fill_(0.5)
    x = torch.arange(9, dtype=torch.float32).reshape(1, 3, 3)
    step = sliding_for_module(conv, x).channel(0)[3]  # output (1, 1)
    assert (step.out_row, step.out_col) == (1, 1)
    np.testing.assert_array_equal(step.patch[0], [[4, 5], [7, 8]])
    np.testing.assert_array_equal(step.products[0], [[4, 5], [7, 8]])
    assert step.total == 24 and step.bias == 0.5 and step.value == 24.5
    assert step.window == (1, 1, 2, 2)


def test_padding_cells_are_flagged_with_their_mode_values() -> None:
    x = torch.arange(1, 10, dtype=torch.float64).reshape(1, 3, 3)
    expected = {"zeros": 0.0, "reflect": 5.0, "replicate": 1.0, "circular": 9.0}
    for mode, corner in expected.items():
        conv = nn.Conv2d(1, 1, 3, padding=1, padding_mode=mode)
        sliding = sliding_for_module(conv, x)
        assert sliding.grid_shape == (5, 5)
        assert sliding.cell_kind[0, 0] == CELL_PADDING and sliding.cell_kind[1, 1] == CELL_INPUT
        assert sliding.grid_values[0, 0, 0] == corner, mode
        step = sliding.channel(0)[0]
        assert step.padding_mask.sum() == 5  # top row and left column of the first window


def test_dilated_taps_skip_cells() -> None:
    conv = nn.Conv2d(1, 1, 3, dilation=2)
    step = sliding_for_module(conv, torch.rand(1, 9, 9)).channel(0)[0]
    np.testing.assert_array_equal(step.grid_rows, [0, 2, 4])
    assert step.window == (0, 0, 5, 5)


def test_max_pool_names_the_winning_tap() -> None:
    x = torch.tensor([[[0.1, 0.9], [0.3, 0.2]]])
    step = sliding_for_module(nn.MaxPool2d(2), x).channel(0)[0]
    assert step.argmax == (0, 1) and step.value == pytest.approx(0.9)


def test_ceil_mode_overhang_is_outside_and_not_counted() -> None:
    pool = nn.AvgPool2d(2, ceil_mode=True)
    sliding = sliding_for_module(pool, torch.ones(1, 3, 3))
    assert sliding.out_shape == (1, 2, 2) and sliding.grid_shape == (4, 4)
    assert sliding.cell_kind[3, 3] == CELL_OUTSIDE
    step = sliding.channel(0)[3]
    assert step.divisor == 1 and step.value == 1.0


def test_formula_has_the_real_numbers() -> None:
    conv = nn.Conv2d(1, 6, 5, padding=2)
    assert sliding_for_module(conv, torch.rand(1, 28, 28)).formula_lines() == [
        "H_out = W_out = (28 + 2*2 - 1*(5-1) - 1) / 1 + 1 = 28"]
    strided = sliding_for_module(nn.Conv2d(1, 1, 3, stride=2), torch.rand(1, 28, 28))
    assert strided.formula_lines() == ["H_out = W_out = floor((28 + 2*0 - 1*(3-1) - 1) / 2) + 1 "
                                       "= floor(25 / 2) + 1 = 13"]
    same = sliding_for_module(nn.Conv2d(1, 1, (4, 3), padding="same"), torch.rand(1, 10, 12))
    assert same.formula_lines() == ["H_out = (10 + 1 + 2 - 1*(4-1) - 1) / 1 + 1 = 10",
                                    "W_out = (12 + 2*1 - 1*(3-1) - 1) / 1 + 1 = 12"]


def test_steps_are_lazy_and_indexable() -> None:
    conv = nn.Conv2d(1, 1, 3, padding=1)
    view = sliding_for_module(conv, torch.rand(1, 300, 300)).channel(0)
    assert len(view) == 90_000
    last = view[-1]
    assert (last.out_row, last.out_col) == (299, 299) and view.index_of(299, 299) == 89_999


def test_clear_errors() -> None:
    with pytest.raises(SlidingError, match="no sliding window"):
        window_op_from_module(nn.ReLU())
    with pytest.raises(SlidingError, match="does not fit"):
        sliding_for_module(nn.Conv2d(1, 1, 5), torch.rand(1, 3, 3))
    with pytest.raises(SlidingError, match="expects 3 input channels"):
        sliding_for_module(nn.Conv2d(3, 1, 3), torch.rand(1, 5, 5))
    with pytest.raises(SlidingError, match="reflect padding"):
        sliding_for_module(nn.Conv2d(1, 1, 3, padding=3, padding_mode="reflect"), torch.rand(1, 3, 3))
    with pytest.raises(SlidingError, match="reads input channels"):
        sliding_for_module(nn.Conv2d(4, 2, 1, groups=2), torch.rand(4, 3, 3)).channel(0, 3)


def test_single_precision_input_matches_float_conv() -> None:
    conv = nn.Conv2d(3, 4, 3, stride=2, padding=1)
    x = torch.rand(3, 11, 11)
    sliding = sliding_for_module(conv, x)
    torch.testing.assert_close(assembled(sliding).float(), F.conv2d(x[None], conv.weight, conv.bias, 2, 1)[0].detach(),
                               rtol=1e-4, atol=1e-5)
