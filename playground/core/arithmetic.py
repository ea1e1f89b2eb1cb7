"""A block's arithmetic written out with its own numbers, as a tutorial works it by hand.

The inspector shows, for the selected block, how its parameters, output size, MACs and
connections come about: "(5·5·1 + 1)·6 = 156", "(28 + 2·2 − 5)/1 + 1 = 28". Every result
here is the analysis's own number (`formulas`, via `layers.leaf_result`); this module only
writes the sum that gives it, so the two can never disagree (the tests check they match).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Callable

from playground.core.formulas import BlockError, LeafResult, pair
from playground.core.i18n import _, N_
from playground.core.layers import CATALOGUE, leaf_result
from playground.core.text import format_int

__all__ = ["Arithmetic", "FLOPS_NOTE", "block_arithmetic", "flops_note"]

Shape = tuple[int, ...]

FLOPS_NOTE = N_("MACs count multiply-and-add pairs. Many texts (and papers) call MACs \"FLOPs\"; "
                "this app counts FLOPs = 2 × MACs, one multiply and one add.")


def flops_note() -> str:
    """FLOPS_NOTE in the current language."""
    return _(FLOPS_NOTE)


@dataclass(frozen=True)
class Arithmetic:
    """The worked sums of one block; None where the kind has nothing to work out. The sums'
    words are in the language current when they were worked out; the names `lines` pairs
    them with stay English (keys: a view titles them in its own language)."""

    params: str | None = None
    output: str | None = None
    macs: str | None = None
    connections: str | None = None

    def lines(self) -> list[tuple[str, str]]:
        """(what, sum) pairs in reading order, for a form or a plain-text report."""
        named = (("Parameters", self.params), ("Output size", self.output), ("MACs", self.macs),
                 ("Connections", self.connections))
        return [(name, text) for name, text in named if text is not None]


def _n(value: int) -> str:
    return format_int(value)


def _product(*factors: int) -> str:
    return "·".join(str(f) for f in factors)


def _window_size(n: int, k: int, s: int, p: int, d: int, ceil: bool, out: int) -> str:
    """One axis of torch's window formula written out: (H + 2p − k)/s + 1."""
    padded = f"{n} + 2·{p}" if p else f"{n}"
    kernel = f"{d}·({k} − 1) − 1" if d != 1 else f"{k}"
    top = n + 2 * p - (d * (k - 1) + 1)
    exact = top % s == 0
    bracket = ("⌈", "⌉") if ceil and not exact else ("⌊", "⌋") if not exact else ("", "")
    return f"{bracket[0]}({padded} − {kernel})/{s}{bracket[1]} + 1 = {out}"


def _both_axes(h: str, w: str) -> str:
    return h if h == w else _("H: {height}; W: {width}").format(height=h, width=w)


def _connections(macs: int, bias_terms: int, out_factors: tuple[int, ...]) -> str:
    """Connections as LeCun counted them: every multiply, plus one bias input per output."""
    if not bias_terms:
        return _("{macs} (no bias)").format(macs=_n(macs))
    return f"{_n(macs)} + {_product(*out_factors)} = {_n(macs + bias_terms)}"


def _conv(p: dict[str, Any], shape: Shape, r: LeafResult) -> Arithmetic:
    c, h, w = shape
    out_c, oh, ow = r.output_shape
    k, s, d = pair(p["kernel_size"]), pair(p["stride"]), pair(p["dilation"])
    groups, bias = p["groups"], bool(p["bias"])
    per_filter = (k[0], k[1], c // groups)
    params = f"({_product(*per_filter)}{' + 1' if bias else ''})·{out_c} = {_n(r.params)}"
    if p["padding"] == "same":
        output = _('padding "same" keeps {height}x{width}').format(height=h, width=w)
    else:
        pad = (0, 0) if p["padding"] == "valid" else pair(p["padding"])
        output = _both_axes(_window_size(h, k[0], s[0], pad[0], d[0], False, oh),
                            _window_size(w, k[1], s[1], pad[1], d[1], False, ow))
    macs = _("{outputs} outputs · {per_output} = {macs}").format(
        outputs=_product(oh, ow, out_c), per_output=_product(*per_filter), macs=_n(r.macs))
    return Arithmetic(params, output, macs, _connections(r.macs, oh * ow * out_c if bias else 0, (oh, ow, out_c)))


def _linear(p: dict[str, Any], shape: Shape, r: LeafResult) -> Arithmetic:
    n_in, n_out, bias = shape[0], r.output_shape[0], bool(p["bias"])
    params = f"({n_in}{' + 1' if bias else ''})·{n_out} = {_n(r.params)}"
    macs = f"{n_in}·{n_out} = {_n(r.macs)}"
    return Arithmetic(params, None, macs, _connections(r.macs, n_out if bias else 0, (n_out,)))


def _pool(p: dict[str, Any], shape: Shape, r: LeafResult) -> Arithmetic:
    h, w = shape[1:]
    oh, ow = r.output_shape[1:]
    k = pair(p["kernel_size"])
    s = pair(p["stride"] if p["stride"] is not None else p["kernel_size"])
    pad, d = pair(p["padding"]), pair(p.get("dilation", 1))
    output = _both_axes(_window_size(h, k[0], s[0], pad[0], d[0], p["ceil_mode"], oh),
                        _window_size(w, k[1], s[1], pad[1], d[1], p["ceil_mode"], ow))
    return Arithmetic(_("0 (a fixed rule, nothing learned)"), output)


def _per_channel_norm(p: dict[str, Any], shape: Shape, r: LeafResult) -> Arithmetic:
    if not r.params:
        return Arithmetic(_("0 (affine off)"))
    return Arithmetic(_("2·{channels} (γ and β per channel) = {params}").format(channels=shape[0], params=_n(r.params)))


def _layer_norm(p: dict[str, Any], shape: Shape, r: LeafResult) -> Arithmetic:
    if not r.params:
        return Arithmetic(_("0 (elementwise_affine off)"))
    per = 1 + int(p["bias"])
    return Arithmetic(_("{per}·{elements} (per element) = {params}").format(
        per=per, elements=_product(*shape), params=_n(r.params)))


def _flatten(p: dict[str, Any], shape: Shape, r: LeafResult) -> Arithmetic:
    if len(shape) == len(r.output_shape):
        return Arithmetic()
    return Arithmetic(output=_("{product} = {features} features").format(
        product=_product(*shape), features=_n(math.prod(r.output_shape))))


def _conv_transpose(p: dict[str, Any], shape: Shape, r: LeafResult) -> Arithmetic:
    c, h, w = shape
    out_c, oh, ow = r.output_shape
    k, s, d = pair(p["kernel_size"]), pair(p["stride"]), pair(p["dilation"])
    pp, op = pair(p["padding"]), pair(p["output_padding"])
    per_input = (k[0], k[1], out_c // p["groups"])
    params = f"{c}·{_product(*per_input)}{f' + {out_c}' if p['bias'] else ''} = {_n(r.params)}"

    def axis(n: int, i: int, out: int) -> str:
        return f"({n} − 1)·{s[i]} − 2·{pp[i]} + {d[i]}·({k[i]} − 1) + {op[i]} + 1 = {out}"
    macs = _("{inputs} inputs · {per_input} = {macs}").format(
        inputs=_product(h, w, c), per_input=_product(*per_input), macs=_n(r.macs))
    return Arithmetic(params, _both_axes(axis(h, 0, oh), axis(w, 1, ow)), macs)


_WORKED: dict[str, Callable[[dict[str, Any], Shape, LeafResult], Arithmetic]] = {
    "Conv2d": _conv,
    "ConvTranspose2d": _conv_transpose,
    "Linear": _linear,
    "MaxPool2d": _pool,
    "AvgPool2d": _pool,
    "BatchNorm2d": _per_channel_norm,
    "BatchNorm1d": _per_channel_norm,
    "InstanceNorm2d": _per_channel_norm,
    "GroupNorm": _per_channel_norm,
    "LayerNorm": _layer_norm,
    "Flatten": _flatten,
}


def block_arithmetic(type_name: str, params: dict[str, Any], in_shape: Shape | None) -> Arithmetic | None:
    """The worked sums of a leaf block fed `in_shape`; None when there is nothing to work
    out (a composite, an unknown input, a block with an error, a kind without sums)."""
    worked = _WORKED.get(type_name)
    if worked is None or in_shape is None:
        return None
    try:
        result = leaf_result(type_name, params, tuple(in_shape))
    except BlockError:  # the analysis shows the block's error; there is no sum to work out
        return None
    return worked(CATALOGUE[type_name].resolved(params), tuple(in_shape), result)
