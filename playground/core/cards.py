"""What a leaf block's card says about its parameters, one function per family of kinds.

The catalogue entry of each kind points to its function here (`LayerKind.card`), so the
card, the summary and the status bar read a kind's key parameters from the kind itself:
"6 × 5×5, pad 2", "2×2", "p 0.5", "10 out" (in the current language; parameter
names such as p, eps and dim stay as torch spells them). Blocks are read through what every Block
offers (`params`, `resolved_params()`, `kind`), so nothing here imports the design.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

from playground.core.i18n import _
from playground.core.text import TIMES, pair_str

if TYPE_CHECKING:
    from playground.core.design import Block

Card = Callable[["Block"], str]


def scalar_pair(value: Any) -> str:
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
        parts.append(_("stride {stride}").format(stride=scalar_pair(p["stride"])))
    if "padding" in p and not _is_default(block, "padding"):
        pad = p["padding"]
        parts.append(_("pad {padding}").format(padding=pad if isinstance(pad, str) else scalar_pair(pad)))
    if "dilation" in p and not _is_default(block, "dilation"):
        parts.append(_("dil {dilation}").format(dilation=scalar_pair(p["dilation"])))
    if "groups" in p and not _is_default(block, "groups"):
        parts.append(_("groups {groups}").format(groups=p["groups"]))
    if p.get("ceil_mode"):
        # Translators: a pooling block's card when ceil_mode rounds its output size up.
        parts.append(_("ceil"))
    if "bias" in p and p["bias"] is False:
        parts.append(_("no bias"))


def _join(parts: list[str]) -> str:
    """The parts of a card line, with the current language's list separator."""
    # Translators: separates the parts of a block's card line ("6 × 5×5, pad 2").
    return _(", ").join(parts)


def nothing(block: Block) -> str:
    """Kinds with nothing worth a card line (ReLU, Identity, ...)."""
    return ""


def convolution(block: Block) -> str:
    p = block.resolved_params()
    parts = [f"{p['out_channels']} {TIMES} {pair_str(p['kernel_size'])}"]
    _window_extras(block, parts)
    if "output_padding" in p and not _is_default(block, "output_padding"):
        parts.append(_("out pad {output_padding}").format(output_padding=scalar_pair(p["output_padding"])))
    return _join(parts)


def window(block: Block) -> str:
    parts = [pair_str(block.resolved_params()["kernel_size"])]
    _window_extras(block, parts)
    return _join(parts)


def adaptive(block: Block) -> str:
    return _("to {size}").format(size=pair_str(block.resolved_params()["output_size"]))


def linear(block: Block) -> str:
    p = block.resolved_params()
    out = _("{count} out").format(count=p["out_features"])
    return _join([out, _("no bias")]) if p["bias"] is False else out


def normalization(block: Block) -> str:
    p = block.resolved_params()
    parts = []
    if p.get("affine") is False or p.get("elementwise_affine") is False:
        parts.append(_("no affine"))
    if not _is_default(block, "eps"):
        parts.append(f"eps {_number(p['eps'])}")
    return _join(parts)


def group_norm(block: Block) -> str:
    return _("{groups} groups").format(groups=block.resolved_params()["num_groups"])


def local_response_norm(block: Block) -> str:
    return _("size {size}").format(size=block.resolved_params()["size"])


def dropout(block: Block) -> str:
    return f"p {_number(block.resolved_params()['p'])}"


def leaky_relu(block: Block) -> str:
    return _("slope {slope}").format(slope=_number(block.resolved_params()["negative_slope"]))


def elu(block: Block) -> str:
    return "" if _is_default(block, "alpha") else f"alpha {_number(block.resolved_params()['alpha'])}"


def gelu(block: Block) -> str:
    approximate = block.resolved_params()["approximate"]
    return "" if approximate == "none" else _("{approximate} approx.").format(approximate=approximate)


def softmax(block: Block) -> str:
    return f"dim {block.resolved_params()['dim']}"


def flatten(block: Block) -> str:
    if _is_default(block, "start_dim") and _is_default(block, "end_dim"):
        return ""
    p = block.resolved_params()
    return _("dims {start}..{end}").format(start=p["start_dim"], end=p["end_dim"])


def prelu(block: Block) -> str:
    return _("per channel") if block.resolved_params()["num_parameters"] > 1 else ""


def zero_pad(block: Block) -> str:
    return _("pad {padding}").format(padding=scalar_pair(block.resolved_params()["padding"]))


def upsample(block: Block) -> str:
    p = block.resolved_params()
    where = _("to {size}").format(size=pair_str(p["size"])) if p["size"] is not None else (
        f"{TIMES}{scalar_pair(p['scale_factor'])}" if p["scale_factor"] is not None else "")
    return _join([part for part in (where, p["mode"]) if part])


def pixel_shuffle(block: Block) -> str:
    return f"{TIMES}{block.resolved_params()['upscale_factor']}"


def channel_shuffle(block: Block) -> str:
    return _("{groups} groups").format(groups=block.resolved_params()["groups"])


def channel_slice(block: Block) -> str:
    p = block.resolved_params()
    return _("channels {first}..{last}").format(first=p["start"], last=p["stop"] - 1)


def layer_scale(block: Block) -> str:
    return f"init {_number(block.resolved_params()['init_value'])}"


def stochastic_depth(block: Block) -> str:
    p = block.resolved_params()
    return _join([f"p {_number(p['p'])}", p["mode"]])
