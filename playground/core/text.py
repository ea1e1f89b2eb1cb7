"""Short human text for blocks and numbers: what a card, a table cell, the status bar or
the terminal shows. The one home of shape, count, int, byte and duration formatting.

Pure functions (no Qt), so the wording is tested once and every view says the same thing.
"""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING, Any, Sequence

if TYPE_CHECKING:
    from playground.core.design import Block

TIMES = "×"


def format_int(n: int) -> str:
    """61706 -> 61,706."""
    return f"{n:,}"


def format_count(n: int) -> str:
    """A compact count: 156, 1.2K, 61.7K, 11.7M, 1.8G."""
    for limit, suffix in ((1_000_000_000, "G"), (1_000_000, "M"), (1_000, "K")):
        if abs(n) >= limit:
            value = n / limit
            text = f"{value:.1f}" if value < 100 else f"{value:.0f}"
            return text.removesuffix(".0") + suffix
    return str(n)


_BYTE_UNITS = ("KiB", "MiB", "GiB", "TiB")


def format_bytes(n: int) -> str:
    """Binary units, as memory is counted, in the unit that fits: 40 B, 241.0 KiB,
    44.6 MiB, 244.1 GiB (never 0.0 KiB, never hundreds of thousands of MiB)."""
    if abs(n) < 1024:
        return f"{n} B"
    value = n / 1024
    for unit in _BYTE_UNITS:
        if abs(round(value, 1)) < 1024 or unit == _BYTE_UNITS[-1]:
            return f"{value:.1f} {unit}"
        value /= 1024
    raise AssertionError("unreachable")


def format_duration(seconds: float) -> str:
    """42.2 s, 3 min 05 s, 1 h 02 min: a wall-clock time at the precision a person reads."""
    seconds = max(0.0, seconds)
    if seconds < 60:
        return f"{seconds:.1f} s"
    minutes, secs = divmod(int(round(seconds)), 60)
    if minutes < 60:
        return f"{minutes} min {secs:02d} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"


COMPACT = "x"
"""Shape separator for the compact form in dataset messages: 1x28x28."""


def shape_str(shape: Sequence[int] | None, sep: str = f" {TIMES} ") -> str:
    """6 × 28 × 28 on screen (sep=COMPACT: 6x28x28), or a dash while the shape is unknown."""
    return sep.join(str(int(s)) for s in shape) if shape else "—"


def shape_text(shape: Sequence[int] | None) -> str:
    """The plain-ASCII shape for the terminal table, generated source and error messages:
    6 x 28 x 28, or a dash while unknown."""
    return shape_str(shape, " x ")


def pair_str(value: Any) -> str:
    """5 -> 5×5; [3, 1] -> 3×1."""
    if isinstance(value, (list, tuple)):
        return f"{value[0]}{TIMES}{value[1]}"
    return f"{value}{TIMES}{value}"


def short_params(block: Block) -> str:
    """The key parameters in a few characters: "6 × 5×5, pad 2", "2×2", "p 0.5", "10 out".

    Each kind's catalogue entry says it (`LayerKind.card`, composites through their
    `Composite.card_text`)."""
    return block.kind.card(block)


def block_title(block: Block) -> str:
    """The label the person gave, or the layer type."""
    return block.label or block.type


def display_width(text: str) -> int:
    """Terminal columns of `text`: two for a wide (CJK) character, none for a combining mark."""
    return sum(0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1
               for ch in text)


def pad(text: str, width: int, right: bool = False) -> str:
    """`text` filled with spaces to `width` columns (on the left when `right`), so "训练损失" lines up."""
    fill = " " * max(0, width - display_width(text))
    return fill + text if right else text + fill


def fit(text: str, width: int, ellipsis: str = "…") -> str:
    """`text` cut to `width` columns (ending in `ellipsis` when cut), then padded to exactly `width`."""
    if display_width(text) > width:
        room = width - display_width(ellipsis)
        while text and display_width(text) > room:
            text = text[:-1]
        text += ellipsis
    return pad(text, width)
