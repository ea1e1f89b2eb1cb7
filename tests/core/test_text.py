"""The short texts on cards, in the summary and in the status bar."""

from __future__ import annotations

import pytest

from playground.core.design import new_block
from playground.core.text import (
    COMPACT, display_width, fit, format_bytes, format_count, format_duration, format_int, pad, pair_str, shape_str, shape_text, short_params)


@pytest.mark.parametrize("n, text", [(0, "0"), (156, "156"), (1000, "1K"), (2416, "2.4K"), (61706, "61.7K"),
                                     (416_520, "417K"), (11_689_512, "11.7M"), (1_800_000_000, "1.8G")])
def test_counts_read_compactly(n: int, text: str) -> None:
    assert format_count(n) == text


def test_bytes_use_binary_units() -> None:
    assert format_bytes(512) == "512 B"
    assert format_bytes(61706 * 4) == "241.0 KiB"
    assert format_bytes(11_689_512 * 4) == "44.6 MiB"


@pytest.mark.parametrize("n, text", [
    (0, "0 B"), (40, "40 B"), (1023, "1023 B"), (1024, "1.0 KiB"),
    (1024 * 1024 - 1, "1.0 MiB"),  # 1023.999 KiB rounds up to the next unit, not "1024.0 KiB"
    (250_000 * 2**20 + 2**18, "244.1 GiB"),  # not "250,000.25 MiB"
    (3 * 2**40, "3.0 TiB"), (1000 * 2**20 - 2**19, "999.5 MiB"), (5000 * 2**40, "5000.0 TiB"),
])
def test_bytes_are_in_the_unit_that_fits(n: int, text: str) -> None:
    assert format_bytes(n) == text


def test_ints_and_durations() -> None:
    assert format_int(61706) == "61,706" and format_int(-5) == "-5"
    assert format_duration(-1) == "0.0 s"
    assert format_duration(42.25) == "42.2 s"
    assert format_duration(185) == "3 min 05 s"
    assert format_duration(3725) == "1 h 02 min"


def test_shapes_and_pairs() -> None:
    assert shape_str((6, 28, 28)) == "6 × 28 × 28"
    assert shape_str(None) == "—"
    assert shape_text((6, 28, 28)) == "6 x 28 x 28" and shape_text(None) == "—"
    assert shape_str([1, 28, 28], COMPACT) == "1x28x28"
    assert pair_str(5) == "5×5" and pair_str([3, 1]) == "3×1"


@pytest.mark.parametrize("type_name, params, text", [
    ("Conv2d", {"out_channels": 6, "kernel_size": 5, "padding": 2}, "6 × 5×5, pad 2"),
    ("Conv2d", {"out_channels": 64, "kernel_size": 7, "stride": 2, "padding": 3, "bias": False},
     "64 × 7×7, stride 2, pad 3, no bias"),
    ("Conv2d", {"out_channels": 8, "kernel_size": [3, 1], "padding": "same", "groups": 8},
     "8 × 3×1, pad same, groups 8"),
    ("MaxPool2d", {"kernel_size": 3, "stride": 2, "padding": 1}, "3×3, stride 2, pad 1"),
    ("AvgPool2d", {"kernel_size": 2}, "2×2"),
    ("AdaptiveAvgPool2d", {"output_size": 1}, "to 1×1"),
    ("Linear", {"out_features": 10}, "10 out"),
    ("Dropout", {}, "p 0.5"),
    ("LeakyReLU", {"negative_slope": 0.2}, "slope 0.2"),
    ("ReLU", {}, ""),
    ("BatchNorm2d", {"eps": 0.001}, "eps 0.001"),
])
def test_key_parameters_in_short_form(type_name: str, params: dict, text: str) -> None:
    assert short_params(new_block(type_name, **params)) == text


def test_composites_say_what_they_hold() -> None:
    assert short_params(new_block("Residual")) == "identity shortcut"
    assert short_params(new_block("Concat")) == "2 branches"
    assert short_params(new_block("Sequential")) == "0 blocks"


def test_terminal_columns_count_wide_characters_twice() -> None:
    assert display_width("loss") == 4 and display_width("训练损失") == 8 and display_width("e\u0301") == 1
    assert pad("损失", 6) == "损失  " and pad("损失", 6, right=True) == "  损失" and pad("too long", 3) == "too long"
    assert fit("训练损失很长", 7) == "训练损…" and display_width(fit("训练损失很长", 7)) == 7
    assert fit("训练训练", 5, ellipsis="") == "训练 " and fit("ab", 4) == "ab  " and fit("abcdef", 4) == "abc…"
