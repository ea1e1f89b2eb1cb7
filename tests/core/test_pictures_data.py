"""What the inspector's pictures show: norm axes, real-batch statistics, activation slopes."""

from __future__ import annotations

import pytest

from playground.core.activation_curves import activation_curve, has_curve
from playground.core.norm_axes import CUBE_C, CUBE_N, batch_statistics, norm_picture


def test_each_norm_averages_over_its_own_axes() -> None:
    assert norm_picture("BatchNorm2d").cells == {(n, 0) for n in range(CUBE_N)}
    assert norm_picture("LayerNorm").cells == {(0, c) for c in range(CUBE_C)}
    assert norm_picture("InstanceNorm2d").cells == {(0, 0)}
    assert norm_picture("GroupNorm", groups=3).cells == {(0, 0), (0, 1)}


@pytest.mark.parametrize(("kind", "values", "means"), [
    ("BatchNorm2d", 8 * 26 * 26, 6), ("LayerNorm", 6 * 26 * 26, 8),
    ("InstanceNorm2d", 26 * 26, 48), ("GroupNorm", 3 * 26 * 26, 16)])
def test_statistics_of_a_real_batch(kind: str, values: int, means: int) -> None:
    stats = batch_statistics(kind)
    assert (stats.values, stats.means) == (values, means)
    assert stats.std > 0 and f"{values:,} values per mean" in stats.text()


def test_sigmoid_slope_never_exceeds_a_quarter_and_relu_is_one_where_on() -> None:
    sigmoid = activation_curve("Sigmoid")
    assert sigmoid.max_slope == pytest.approx(0.25) and all(s <= 0.25 + 1e-12 for s in sigmoid.slopes)
    relu = activation_curve("ReLU")
    assert {round(s, 9) for x, s in zip(relu.xs, relu.slopes) if abs(x) > 1e-9} == {0.0, 1.0}
    assert activation_curve("Tanh").max_slope == pytest.approx(1.0)
    assert not has_curve("Softmax") and has_curve("GELU")


@pytest.mark.parametrize("kind", ["ReLU", "LeakyReLU", "PReLU", "ELU", "GELU", "SiLU", "Mish", "Sigmoid", "Tanh",
                                  "ReLU6", "Hardsigmoid", "Hardswish"])
def test_each_curve_is_what_the_kinds_torch_module_and_autograd_compute(kind: str) -> None:
    """The closed forms (no torch at start-up) equal the module's output and autograd's
    slope at every sampled point, kinks included (torch keeps 1/6 as a float32)."""
    import torch

    from playground.core.layers import CATALOGUE

    curve = activation_curve(kind)
    assert has_curve(kind) and len(curve.xs) == 241 and 0.0 in curve.xs
    module = CATALOGUE[kind].call({}, (1,)).build().double()
    x = torch.tensor(curve.xs, dtype=torch.float64, requires_grad=True)
    y = module(x.view(1, -1)).view(-1)
    (slope,) = torch.autograd.grad(y.sum(), x)
    assert curve.ys == pytest.approx(y.tolist(), abs=1e-12)
    assert curve.slopes == pytest.approx(slope.tolist(), abs=1e-7)
