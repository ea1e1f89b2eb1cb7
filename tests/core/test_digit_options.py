"""The Draw page's honest view of invariance: no MNIST centring on request, and the digit
moved, turned and resized by the learner."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from playground.core.digit import SIDE, DigitPreprocessor, DigitTransform, centre_of_mass


def corner_stroke() -> np.ndarray:
    """A 280x280 white-on-black canvas with a short vertical stroke near the top-left."""
    image = np.zeros((280, 280), np.uint8)
    image[20:100, 40:60] = 255
    return image


def bar() -> torch.Tensor:
    digit = torch.zeros(1, SIDE, SIDE)
    digit[0, 6:22, 13:15] = 1.0
    return digit


def test_centring_off_keeps_the_digit_where_and_as_big_as_it_was_drawn() -> None:
    preprocess = DigitPreprocessor()
    centred = preprocess(corner_stroke(), ink_dark=False)
    raw = preprocess(corner_stroke(), ink_dark=False, centre=False)
    assert centre_of_mass(centred) == pytest.approx((14, 14), abs=0.6)
    row, col = centre_of_mass(raw)
    assert row == pytest.approx(5.5, abs=0.5) and col == pytest.approx(4.5, abs=0.5)  # (60, 50) / 10
    assert float(raw.sum()) == pytest.approx(2 * 8, rel=0.05) and raw.shape == (1, SIDE, SIDE)  # 20x80 px / 10
    assert preprocess(np.zeros((280, 280), np.uint8), centre=False) is None


def test_a_shift_moves_the_ink_by_whole_pixels() -> None:
    moved = DigitTransform(shift_x=3, shift_y=-2).apply(bar())
    assert torch.equal(moved[0, 4:20, 16:18], bar()[0, 6:22, 13:15])
    assert float(moved.sum()) == pytest.approx(float(bar().sum()))


def test_a_quarter_turn_lays_the_bar_down_and_a_half_scale_halves_it() -> None:
    turned = DigitTransform(rotate=90).apply(bar())[0]
    rows, cols = np.nonzero(turned.numpy() > 0.5)
    assert np.ptp(cols) >= 14 and np.ptp(rows) <= 2  # 16 tall and 2 wide -> 16 wide and 2 tall
    smaller = DigitTransform(scale=0.5).apply(bar())[0]
    rows, _cols = np.nonzero(smaller.numpy() > 0.2)
    assert 6 <= np.ptp(rows) + 1 <= 9 and centre_of_mass(smaller[None]) == pytest.approx(centre_of_mass(bar()), abs=0.3)


def test_the_identity_changes_nothing_and_a_bad_scale_is_refused() -> None:
    digit = bar()
    assert DigitTransform().apply(digit) is digit
    with pytest.raises(ValueError, match="scale"):
        DigitTransform(scale=0).apply(digit)
