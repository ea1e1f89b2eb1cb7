"""Short human text for blocks and numbers: what a card, a table cell, the status bar or
the terminal shows. The one home of shape, count, int, byte and duration formatting.

Pure functions (no Qt), so the wording is tested once and every view says the same thing.
"""

from __future__ import annotations

from typing import Any, Sequence

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


def _scalar_pair(value: Any) -> str:
    """Stride and padding read best as one number when square: 2, or 2×1."""
    if isinstance(value, (list, tuple)):
        return str(value[0]) if value[0] == value[1] else pair_str(value)
    return str(value)


def _is_default(block: Block, name: str) -> bool:
    return name not in block.params or block.params[name] == block.kind.param(name).default


def _number(value: float) -> str:
    return f"{value:g}"


def _window_extras(block: Block, parts: list[str]) -> None:
    p = block.resolved_params()
    if "stride" in p and p["stride"] is not None and not _is_default(block, "stride"):
        parts.append(f"stride {_scalar_pair(p['stride'])}")
    if "padding" in p and not _is_default(block, "padding"):
        pad = p["padding"]
        parts.append(f"pad {pad}" if isinstance(pad, str) else f"pad {_scalar_pair(pad)}")
    if "dilation" in p and not _is_default(block, "dilation"):
        parts.append(f"dil {_scalar_pair(p['dilation'])}")
    if "groups" in p and not _is_default(block, "groups"):
        parts.append(f"groups {p['groups']}")
    if p.get("ceil_mode"):
        parts.append("ceil")
    if "bias" in p and p["bias"] is False:
        parts.append("no bias")


def short_params(block: Block) -> str:
    """The key parameters in a few characters: "6 × 5×5, pad 2", "2×2", "p 0.5", "10 out"."""
    p = block.resolved_params()
    t = block.type
    parts: list[str] = []
    if t in ("Conv2d", "ConvTranspose2d"):
        parts.append(f"{p['out_channels']} {TIMES} {pair_str(p['kernel_size'])}")
        _window_extras(block, parts)
        if t == "ConvTranspose2d" and not _is_default(block, "output_padding"):
            parts.append(f"out pad {_scalar_pair(p['output_padding'])}")
    elif t in ("MaxPool2d", "AvgPool2d"):
        parts.append(pair_str(p["kernel_size"]))
        _window_extras(block, parts)
    elif t in ("AdaptiveAvgPool2d", "AdaptiveMaxPool2d"):
        parts.append(f"to {pair_str(p['output_size'])}")
    elif t == "Linear":
        parts.append(f"{p['out_features']} out")
        if p["bias"] is False:
            parts.append("no bias")
    elif t == "GroupNorm":
        parts.append(f"{p['num_groups']} groups")
    elif t == "LocalResponseNorm":
        parts.append(f"size {p['size']}")
    elif t in ("Dropout", "Dropout2d"):
        parts.append(f"p {_number(p['p'])}")
    elif t == "LeakyReLU":
        parts.append(f"slope {_number(p['negative_slope'])}")
    elif t == "ELU" and not _is_default(block, "alpha"):
        parts.append(f"alpha {_number(p['alpha'])}")
    elif t == "GELU" and p["approximate"] != "none":
        parts.append(f"{p['approximate']} approx.")
    elif t in ("Softmax", "LogSoftmax"):
        parts.append(f"dim {p['dim']}")
    elif t == "Flatten" and (not _is_default(block, "start_dim") or not _is_default(block, "end_dim")):
        parts.append(f"dims {p['start_dim']}..{p['end_dim']}")
    elif t == "Sequential":
        n = len(block.children[0])
        parts.append(f"{n} block{'s' if n != 1 else ''}")
    elif t == "Residual":
        parts.append("projection shortcut" if block.children[1] else "identity shortcut")
    elif t == "Concat":
        n = len(block.children)
        parts.append(f"{n} branch{'es' if n != 1 else ''}")
    elif t in ("BatchNorm2d", "BatchNorm1d", "InstanceNorm2d", "LayerNorm"):
        if "affine" in p and p["affine"] is False or p.get("elementwise_affine") is False:
            parts.append("no affine")
        if not _is_default(block, "eps"):
            parts.append(f"eps {_number(p['eps'])}")
    return ", ".join(parts)


def block_title(block: Block) -> str:
    """The label the person gave, or the layer type."""
    return block.label or block.type
