"""Closed-form arithmetic of one non-composite block: output shape, parameters, MACs.

Building a torch module (even on the meta device) for every block on every edit is slow:
the first meta forward alone imports torch._dynamo (about 2 s), and each module costs
tens of microseconds. Every leaf kind's catalogue entry points to its exact formula here
(`LayerKind.closed_form`), checked against the built torch module by the tests. Results are memoised per (kind, params,
incoming shape), so a live edit recomputes only the blocks whose inputs changed.

The checks mirror the ones torch makes (and raise where torch would raise), but in words
a learner understands.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Callable

from playground.core.i18n import _
from playground.core.text import shape_text

Shape = tuple[int, ...]
Pair = tuple[int, int]


@dataclass(frozen=True)
class Window:
    """A sliding window's geometry per (h, w), for the receptive-field recurrence:
    effective (dilated) size, stride, and padding before the first cell."""

    size: Pair
    stride: Pair
    pad: Pair


@dataclass(frozen=True)
class LeafResult:
    """What one block does to the shape flowing through it (per sample, batch excluded).

    `window` is the block's sliding window, None when it keeps every pixel where it is
    (activations, norms); `spatial_rf` is False when the receptive field cannot be
    followed through it (transposed convolution).
    """

    output_shape: Shape
    params: int
    macs: int
    window: Window | None = None
    spatial_rf: bool = True


# A kind's closed form: its resolved params and the incoming per-sample shape -> result.
Formula = Callable[[dict[str, Any], Shape], LeafResult]


class BlockError(Exception):
    """A learner-facing message about one block.

    `carry_on` is the shape the block would give once fixed, when that is clear (a Linear
    fed a map gives out_features either way), so the analysis can go on past it.
    """

    def __init__(self, message: str, carry_on: Shape | None = None) -> None:
        super().__init__(message)
        self.carry_on = carry_on


def pair(value: Any) -> Pair:
    if isinstance(value, (list, tuple)):
        return int(value[0]), int(value[1])
    return int(value), int(value)


def _size_text(h: int, w: int) -> str:
    return f"{h}x{w}"


def _needs_map(type_name: str, shape: Shape, keeps_shape: bool = False) -> None:
    """A kind that keeps the shape it gets carries that shape on past the error, so the
    blocks after it are still analysed (one mistake does not hide the next)."""
    if len(shape) != 3:
        raise BlockError(_("{kind} needs a C x H x W input but gets {what}; move it before Flatten").format(
            kind=type_name, what=_flat_words(shape)), shape if keeps_shape else None)


def _flat_words(shape: Shape) -> str:
    if len(shape) == 1:
        return _("a flat vector of {count} features").format(count=shape[0])
    return _("a {dims}-D input of {shape}").format(dims=len(shape), shape=shape_text(shape))


def _effective(k: Pair, d: Pair) -> Pair:
    return d[0] * (k[0] - 1) + 1, d[1] * (k[1] - 1) + 1


def _too_big(k: Pair, eff: Pair, padded: Pair) -> BlockError:
    if eff != k:
        return BlockError(_("kernel {kernel} (dilated to {dilated}) is larger than its padded input {size}; "
                            "use a smaller kernel, more padding, or less pooling before it").format(
            kernel=_size_text(*k), dilated=_size_text(*eff), size=_size_text(*padded)))
    return BlockError(_("kernel {kernel} is larger than its padded input {size}; "
                        "use a smaller kernel, more padding, or less pooling before it").format(
        kernel=_size_text(*k), size=_size_text(*padded)))


def _not_positive(out: Pair, fix: str) -> BlockError:
    return BlockError(_("the output would be {size} (zero or negative): {fix}").format(size=_size_text(*out), fix=fix))


def _check_padding_mode(mode: str, pads: tuple[Pair, Pair], h: int, w: int) -> None:
    """torch's F.pad limits: reflect needs padding < size, circular padding <= size."""
    for (before, after), size, axis in ((pads[0], h, _("height")), (pads[1], w, _("width"))):
        widest = max(before, after)
        if mode == "reflect" and widest >= size:
            raise BlockError(_('padding_mode "reflect" mirrors the input, so padding ({padding}) must be smaller '
                               'than the input {axis} ({size}); use less padding or padding_mode "zeros"').format(
                padding=widest, axis=axis, size=size))
        if mode == "circular" and widest > size:
            raise BlockError(_('padding_mode "circular" wraps the input around once, so padding ({padding}) may '
                               'not exceed the input {axis} ({size}); use less padding or padding_mode "zeros"').format(
                padding=widest, axis=axis, size=size))


def conv2d(p: dict[str, Any], shape: Shape) -> LeafResult:
    _needs_map("Conv2d", shape)
    c, h, w = shape
    out_c, groups = p["out_channels"], p["groups"]
    k, s, d = pair(p["kernel_size"]), pair(p["stride"]), pair(p["dilation"])
    eff = _effective(k, d)
    padding = p["padding"]
    if padding == "same":
        if s != (1, 1):
            raise BlockError(_('padding "same" needs stride 1; use a number for padding with stride > 1'))
        before = ((eff[0] - 1) // 2, (eff[1] - 1) // 2)
        pads = ((before[0], eff[0] - 1 - before[0]), (before[1], eff[1] - 1 - before[1]))
        out = (h, w)
    else:
        before = (0, 0) if padding == "valid" else pair(padding)
        pads = ((before[0], before[0]), (before[1], before[1]))
        padded = (h + 2 * before[0], w + 2 * before[1])
        if padded[0] < eff[0] or padded[1] < eff[1]:
            raise _too_big(k, eff, padded)
        out = ((padded[0] - eff[0]) // s[0] + 1, (padded[1] - eff[1]) // s[1] + 1)
    if p["padding_mode"] != "zeros":
        _check_padding_mode(p["padding_mode"], pads, h, w)
    if c % groups:
        raise BlockError(_("groups={groups} does not divide the {channels} input channels; "
                           "use a divisor of {channels} (1 is an ordinary convolution)").format(
            groups=groups, channels=c), (out_c, *out))
    if out_c % groups:
        raise BlockError(_("groups={groups} does not divide out_channels={out_channels}; "
                           "make out_channels a multiple of {groups}").format(groups=groups, out_channels=out_c),
                         (out_c, *out))
    per_output = (c // groups) * k[0] * k[1]
    params = out_c * per_output + (out_c if p["bias"] else 0)
    return LeafResult((out_c, *out), params, out_c * out[0] * out[1] * per_output, Window(eff, s, before))


def conv_transpose2d(p: dict[str, Any], shape: Shape) -> LeafResult:
    _needs_map("ConvTranspose2d", shape)
    c, h, w = shape
    out_c, groups = p["out_channels"], p["groups"]
    k, s, d = pair(p["kernel_size"]), pair(p["stride"]), pair(p["dilation"])
    pp, op = pair(p["padding"]), pair(p["output_padding"])
    if c % groups or out_c % groups:
        raise BlockError(_("groups={groups} must divide both the {channels} input channels and "
                           "out_channels={out_channels}").format(groups=groups, channels=c, out_channels=out_c))
    for axis in (0, 1):
        if op[axis] >= s[axis] and op[axis] >= d[axis]:
            raise BlockError(_("output_padding {output_padding} must be smaller than the stride ({stride}) "
                               "or the dilation ({dilation})").format(
                output_padding=op[axis], stride=s[axis], dilation=d[axis]))
    out = ((h - 1) * s[0] - 2 * pp[0] + d[0] * (k[0] - 1) + op[0] + 1,
           (w - 1) * s[1] - 2 * pp[1] + d[1] * (k[1] - 1) + op[1] + 1)
    if out[0] <= 0 or out[1] <= 0:
        raise _not_positive(out, _("padding {padding} trims more than the kernel adds to the {size} input; "
                                   "use less padding").format(padding=max(pp), size=_size_text(h, w)))
    per_input = (out_c // groups) * k[0] * k[1]
    params = c * per_input + (out_c if p["bias"] else 0)
    return LeafResult((out_c, *out), params, c * h * w * per_input, spatial_rf=False)


def window_pool(type_name: str) -> Formula:
    """MaxPool2d / AvgPool2d, with torch's pooling_output_shape (ceil_mode included)."""
    return lambda p, shape: _window_pool(type_name, p, shape)


def _window_pool(type_name: str, p: dict[str, Any], shape: Shape) -> LeafResult:
    _needs_map(type_name, shape)
    c, h, w = shape
    k = pair(p["kernel_size"])
    s = pair(p["stride"] if p["stride"] is not None else p["kernel_size"])
    d = pair(p.get("dilation", 1))
    pp = pair(p["padding"])
    eff = _effective(k, d)
    if pp[0] > k[0] // 2 or pp[1] > k[1] // 2:
        raise BlockError(_("padding {padding} is more than half the {window} window; use at most {most}").format(
            padding=max(pp), window=_size_text(*k), most=min(k) // 2))
    out = []
    for n, ki, si, pi in zip((h, w), eff, s, pp):
        size = (n + 2 * pi - ki + (si - 1 if p["ceil_mode"] else 0)) // si + 1
        if p["ceil_mode"] and (size - 1) * si >= n + pi:
            size -= 1  # the last window would start in the right padding
        out.append(size)
    if out[0] <= 0 or out[1] <= 0:
        padded = (h + 2 * pp[0], w + 2 * pp[1])
        if padded[0] < eff[0] or padded[1] < eff[1]:
            raise _too_big(k, eff, padded)
        raise _not_positive((out[0], out[1]), _("the input is too small for this window"))
    return LeafResult((c, out[0], out[1]), 0, 0, Window(eff, s, pp))


def adaptive_pool(type_name: str) -> Formula:
    """AdaptiveAvgPool2d / AdaptiveMaxPool2d."""
    return lambda p, shape: _adaptive_pool(type_name, p, shape)


def _adaptive_pool(type_name: str, p: dict[str, Any], shape: Shape) -> LeafResult:
    _needs_map(type_name, shape)
    c, h, w = shape
    oh, ow = pair(p["output_size"])
    # Windows of at most ceil(H/out) cells every ~H/out cells (exact when out divides H).
    size = (math.ceil(h / oh), math.ceil(w / ow))
    stride = (max(1, h // oh), max(1, w // ow))
    return LeafResult((c, oh, ow), 0, 0, Window(size, stride, (0, 0)))


def batch_norm2d(p: dict[str, Any], shape: Shape) -> LeafResult:
    _needs_map("BatchNorm2d", shape, keeps_shape=True)
    return LeafResult(shape, 2 * shape[0] if p["affine"] else 0, 0)


def batch_norm1d(p: dict[str, Any], shape: Shape) -> LeafResult:
    if len(shape) not in (1, 2):
        raise BlockError(_("BatchNorm1d needs a flat vector but gets {shape}; use BatchNorm2d "
                           "for C x H x W maps, or add a Flatten block before it").format(shape=shape_text(shape)),
                         shape)
    return LeafResult(shape, 2 * shape[0] if p["affine"] else 0, 0)


def layer_norm(p: dict[str, Any], shape: Shape) -> LeafResult:
    per_element = (1 + int(p["bias"])) if p["elementwise_affine"] else 0
    return LeafResult(shape, per_element * math.prod(shape), 0)


def instance_norm(p: dict[str, Any], shape: Shape) -> LeafResult:
    _needs_map("InstanceNorm2d", shape, keeps_shape=True)
    if shape[1] * shape[2] == 1:
        raise BlockError(_("InstanceNorm2d normalises each channel over H x W, which is 1 x 1 here; "
                           "move it before the layers that shrink the map"), shape)
    return LeafResult(shape, 2 * shape[0] if p["affine"] else 0, 0)


def group_norm(p: dict[str, Any], shape: Shape) -> LeafResult:
    _needs_map("GroupNorm", shape, keeps_shape=True)
    groups = p["num_groups"]
    if shape[0] % groups:
        raise BlockError(_("num_groups={groups} does not divide the {channels} channels; "
                           "use a divisor of {channels}").format(groups=groups, channels=shape[0]), shape)
    return LeafResult(shape, 2 * shape[0] if p["affine"] else 0, 0)


def map_only(type_name: str) -> Formula:
    """Kinds that keep the shape but need a C x H x W map (LocalResponseNorm, Dropout2d)."""
    def run(p: dict[str, Any], shape: Shape) -> LeafResult:
        _needs_map(type_name, shape, keeps_shape=True)
        return LeafResult(shape, 0, 0)
    return run


def same_shape(p: dict[str, Any], shape: Shape) -> LeafResult:
    """Kinds that keep any shape as it is (activations, Dropout, Identity)."""
    return LeafResult(shape, 0, 0)


def _dim_error(name: str, value: int, ndim: int) -> BlockError:
    return BlockError(_("{name}={value} does not exist for this {dims}-D input (batch included); "
                        "use a value from {low} to {high}, usually 1").format(
        name=name, value=value, dims=ndim, low=-ndim, high=ndim - 1))


def softmax(p: dict[str, Any], shape: Shape) -> LeafResult:
    ndim = len(shape) + 1
    if not -ndim <= p["dim"] < ndim:
        error = _dim_error("dim", p["dim"], ndim)
        error.carry_on = shape
        raise error
    return LeafResult(shape, 0, 0)


def flatten(p: dict[str, Any], shape: Shape) -> LeafResult:
    ndim = len(shape) + 1
    for name in ("start_dim", "end_dim"):
        if not -ndim <= p[name] < ndim:
            raise _dim_error(name, p[name], ndim)
    start, end = p["start_dim"] % ndim, p["end_dim"] % ndim
    if start > end:
        raise BlockError(_("start_dim={start} comes after end_dim={end}; "
                           "the defaults (1 and -1) flatten everything but the batch").format(
            start=p["start_dim"], end=p["end_dim"]))
    if start == end:
        return LeafResult(shape, 0, 0)
    # Per-sample index = batched index - 1 (start >= 1 by the catalogue's range).
    merged = math.prod(shape[start - 1:end])
    return LeafResult(shape[:start - 1] + (merged,) + shape[end:], 0, 0)


def linear(p: dict[str, Any], shape: Shape) -> LeafResult:
    out = p["out_features"]
    if len(shape) != 1:
        raise BlockError(_("Linear needs a flat vector but gets {shape}; add a Flatten block before it").format(
            shape=shape_text(shape)), (out,))
    return LeafResult((out,), shape[0] * out + (out if p["bias"] else 0), shape[0] * out)


def params_key(params: dict[str, Any]) -> tuple[tuple[str, Any], ...]:
    """A hashable, order-free key for a block's params ([h, w] lists become tuples)."""
    return tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in params.items()))


# ---------------------------------------------------------------- modern CNN kinds

def prelu(p: dict[str, Any], shape: Shape) -> LeafResult:
    """One learned slope, or one per channel (dim 1: the channels of a map, the features of a vector)."""
    n, channels = p["num_parameters"], shape[0]
    if n not in (1, channels):
        raise BlockError(_("num_parameters={n} must be 1 (one slope for all) or the {channels} channels "
                           "(one slope each)").format(n=n, channels=channels), shape)
    return LeafResult(shape, n, 0)


def zero_pad2d(p: dict[str, Any], shape: Shape) -> LeafResult:
    _needs_map("ZeroPad2d", shape)
    c, h, w = shape
    ph, pw = pair(p["padding"])
    return LeafResult((c, h + 2 * ph, w + 2 * pw), 0, 0, Window((1, 1), (1, 1), (ph, pw)))


def upsample(p: dict[str, Any], shape: Shape) -> LeafResult:
    _needs_map("Upsample", shape)
    c, h, w = shape
    size, factor = p["size"], p["scale_factor"]
    if (size is None) == (factor is None):
        raise BlockError(_("set exactly one of scale_factor (e.g. 2) and size (e.g. [56, 56]); clear the other"))
    if size is not None:
        out = pair(size)
    else:
        fh, fw = pair(factor)
        out = (h * fh, w * fw)
    return LeafResult((c, *out), 0, 0, spatial_rf=False)


def pixel_shuffle(p: dict[str, Any], shape: Shape) -> LeafResult:
    _needs_map("PixelShuffle", shape)
    c, h, w = shape
    r = p["upscale_factor"]
    if c % (r * r):
        raise BlockError(_("PixelShuffle moves {r}x{r} = {square} channels into each {r}x{r} patch, so the "
                           "{channels} channels must be a multiple of {square}").format(r=r, square=r * r, channels=c))
    return LeafResult((c // (r * r), h * r, w * r), 0, 0, spatial_rf=False)


def channel_shuffle(p: dict[str, Any], shape: Shape) -> LeafResult:
    _needs_map("ChannelShuffle", shape, keeps_shape=True)
    groups = p["groups"]
    if shape[0] % groups:
        raise BlockError(_("groups={groups} does not divide the {channels} channels; use a divisor of {channels}").format(
            groups=groups, channels=shape[0]), shape)
    return LeafResult(shape, 0, 0)


def channel_slice(p: dict[str, Any], shape: Shape) -> LeafResult:
    start, stop, channels = p["start"], p["stop"], shape[0]
    if not start < stop <= channels:
        raise BlockError(_("start={start}, stop={stop} must pick channels inside 0..{channels} with start < stop "
                           "(the input has {channels})").format(start=start, stop=stop, channels=channels))
    return LeafResult((stop - start, *shape[1:]), 0, 0)


def layer_norm2d(p: dict[str, Any], shape: Shape) -> LeafResult:
    _needs_map("LayerNorm2d", shape, keeps_shape=True)
    per_channel = (1 + int(p["bias"])) if p["elementwise_affine"] else 0
    return LeafResult(shape, per_channel * shape[0], 0)


def layer_scale(p: dict[str, Any], shape: Shape) -> LeafResult:
    _needs_map("LayerScale", shape, keeps_shape=True)
    return LeafResult(shape, shape[0], 0)
