"""Short human text for blocks and numbers: what a card, a table cell or the status bar shows.

Pure functions (no Qt), so the wording is tested once and every view says the same thing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

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


def format_bytes(n: int) -> str:
    """Binary units, as memory is counted: 246824 -> 241.0 KiB."""
    value = float(n)
    for unit in ("B", "KiB", "MiB", "GiB"):
        if value < 1024 or unit == "GiB":
            return f"{int(value)} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    raise AssertionError("unreachable")


def shape_str(shape: tuple[int, ...] | None) -> str:
    """6 × 28 × 28, or a dash while the shape is unknown."""
    return f" {TIMES} ".join(str(s) for s in shape) if shape else "—"


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
