"""The steps of a kernel (or pooling window) sliding over an input, one output cell each.

The kernel slide shows a learner *why* a convolution produces the number it does, so
every number here is recomputed by hand (patch x weights, summed, plus bias; or the max, or
the mean) from an explicitly padded grid, never read back from torch. The property tests
then check that the numbers assembled from the steps equal torch's own results, which is
what makes the animation trustworthy.

Coordinates. The *grid* is the input with its padding ring around it (and, for pooling in
ceil mode, the extra cells a last window may hang over). Grid cell (0, 0) is the top-left
padding cell; input cell (r, c) sits at grid cell (r + pad_top, c + pad_left). Output cell
(i, j) has its window's top-left tap at grid cell (i * stride_h, j * stride_w), and its taps
spaced `dilation` cells apart.

Steps are made on demand (`ChannelView[i]`), so a 224 x 224 map costs nothing until a
step is looked at; `ChannelView.output_map()` fills the whole map at once, tap by tap.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Iterator, Literal, Sequence

import numpy as np
import torch
import torch.nn as nn

# What a grid cell holds: an input value, a padding value, or nothing (a ceil-mode pooling
# window hanging over the padded input; torch leaves those cells out entirely).
CELL_INPUT, CELL_PADDING, CELL_OUTSIDE = 0, 1, 2

OpKind = Literal["conv", "max", "avg"]
PADDING_MODES = ("zeros", "reflect", "replicate", "circular")


class SlidingError(ValueError):
    """A layer or input the animation cannot slide over, said in one line."""


# ---------------------------------------------------------------- the operation

@dataclass(frozen=True)
class WindowOp:
    """A Conv2d, MaxPool2d or AvgPool2d reduced to what the sliding window needs.

    `padding` is (top, bottom, left, right): torch's "same" can pad one more cell on the
    bottom/right than on the top/left.
    """

    kind: OpKind
    kernel_size: tuple[int, int]
    stride: tuple[int, int]
    padding: tuple[int, int, int, int]
    dilation: tuple[int, int] = (1, 1)
    padding_mode: str = "zeros"
    groups: int = 1
    ceil_mode: bool = False
    count_include_pad: bool = True
    divisor_override: int | None = None
    weight: np.ndarray | None = None  # (C_out, C_in / groups, kh, kw), float64
    bias: np.ndarray | None = None  # (C_out,), float64

    @property
    def name(self) -> str:
        return {"conv": "Conv2d", "max": "MaxPool2d", "avg": "AvgPool2d"}[self.kind]

    @property
    def padding_text(self) -> str:
        t, b, l, r = self.padding
        if t == b == l == r:
            return str(t)
        if t == b and l == r:
            return f"({t}, {l})"
        return f"top {t}, bottom {b}, left {l}, right {r}"

    def describe(self) -> str:
        """One line, e.g. 'Conv2d 5x5, stride 1, padding 2 (zeros), dilation 1'."""
        kh, kw = self.kernel_size
        parts = [f"{self.name} {kh}x{kw}", f"stride {_pair_text(self.stride)}",
                 f"padding {self.padding_text}" + (f" ({self.padding_mode})" if self.kind == "conv" else "")]
        if self.kind != "avg":
            parts.append(f"dilation {_pair_text(self.dilation)}")
        if self.kind == "conv" and self.groups > 1:
            parts.append(f"groups {self.groups}")
        if self.kind != "conv" and self.ceil_mode:
            parts.append("ceil mode")
        if self.kind == "avg" and not self.count_include_pad:
            parts.append("padding not counted")
        return ", ".join(parts)


def _pair_text(p: tuple[int, int]) -> str:
    return str(p[0]) if p[0] == p[1] else f"({p[0]}, {p[1]})"


def _as_pair(value: int | Sequence[int], what: str) -> tuple[int, int]:
    if isinstance(value, int):
        return (value, value)
    pair = tuple(int(v) for v in value)
    if len(pair) != 2:
        raise SlidingError(f"{what}: expected an int or a pair, got {value!r}")
    return pair  # type: ignore[return-value]


def _same_padding(kernel: tuple[int, int], dilation: tuple[int, int]) -> tuple[int, int, int, int]:
    """torch's padding="same": the total d*(k-1), the odd cell on the bottom/right."""
    (kh, kw), (dh, dw) = kernel, dilation
    th, tw = dh * (kh - 1), dw * (kw - 1)
    return (th // 2, th - th // 2, tw // 2, tw - tw // 2)


def window_op_from_module(module: nn.Module) -> WindowOp:
    """Read a Conv2d, MaxPool2d or AvgPool2d; anything else is a SlidingError."""
    if isinstance(module, nn.Conv2d):
        kernel = _as_pair(module.kernel_size, "kernel_size")
        dilation = _as_pair(module.dilation, "dilation")
        if isinstance(module.padding, str):
            padding = _same_padding(kernel, dilation) if module.padding == "same" else (0, 0, 0, 0)
        else:
            ph, pw = _as_pair(module.padding, "padding")
            padding = (ph, ph, pw, pw)
        weight = module.weight.detach().to("cpu", torch.float64).numpy()
        bias = None if module.bias is None else module.bias.detach().to("cpu", torch.float64).numpy()
        return WindowOp("conv", kernel, _as_pair(module.stride, "stride"), padding, dilation,
                        module.padding_mode, module.groups, weight=weight, bias=bias)
    if isinstance(module, nn.MaxPool2d):
        ph, pw = _as_pair(module.padding, "padding")
        return WindowOp("max", _as_pair(module.kernel_size, "kernel_size"),
                        _as_pair(module.stride or module.kernel_size, "stride"), (ph, ph, pw, pw),
                        _as_pair(module.dilation, "dilation"), ceil_mode=bool(module.ceil_mode))
    if isinstance(module, nn.AvgPool2d):
        ph, pw = _as_pair(module.padding, "padding")
        return WindowOp("avg", _as_pair(module.kernel_size, "kernel_size"),
                        _as_pair(module.stride or module.kernel_size, "stride"), (ph, ph, pw, pw),
                        ceil_mode=bool(module.ceil_mode), count_include_pad=bool(module.count_include_pad),
                        divisor_override=module.divisor_override)
    raise SlidingError(f"{type(module).__name__} has no sliding window to show; "
                       "pick a Conv2d, MaxPool2d or AvgPool2d")


# ---------------------------------------------------------------- one axis

@dataclass(frozen=True)
class AxisGeometry:
    """Where the window goes along one axis (rows or columns), in grid coordinates."""

    size: int  # input cells
    kernel: int
    stride: int
    dilation: int
    pad_before: int
    pad_after: int
    out: int  # output cells
    source: np.ndarray  # grid cell -> the input cell whose value it holds, or -1
    kind: np.ndarray  # grid cell -> CELL_INPUT / CELL_PADDING / CELL_OUTSIDE
    formula: str  # the output-size formula with the real numbers

    @property
    def grid(self) -> int:
        return len(self.source)

    def taps(self, out_index: int) -> np.ndarray:
        """Grid cells of the window's taps for one output index."""
        return out_index * self.stride + np.arange(self.kernel) * self.dilation

    def outputs_covering(self, grid_index: int) -> list[int]:
        """Output indices whose window has a tap on this grid cell."""
        found = []
        for tap in range(self.kernel):
            start = grid_index - tap * self.dilation
            if start >= 0 and start % self.stride == 0 and start // self.stride < self.out:
                found.append(start // self.stride)
        return sorted(set(found))

    def cells_holding(self, input_index: int) -> list[int]:
        """Grid cells holding this input cell's value: its own and any padding copies."""
        return [int(g) for g in np.flatnonzero(self.source == input_index)]


def _source_index(i: int, size: int, mode: str) -> int:
    """Which input cell a padding cell at input coordinate i copies (torch's F.pad modes)."""
    if mode == "reflect":
        return -i if i < 0 else 2 * (size - 1) - i
    if mode == "replicate":
        return min(max(i, 0), size - 1)
    if mode == "circular":
        return i % size
    return -1


def _axis(size: int, kernel: int, stride: int, dilation: int, before: int, after: int,
          op: WindowOp, label: str) -> AxisGeometry:
    span = dilation * (kernel - 1) + 1
    padded = size + before + after
    ceil = op.kind != "conv" and op.ceil_mode  # pooling may round the window count up
    numerator = padded - span + (stride - 1 if ceil else 0)
    out = numerator // stride + 1 if numerator >= 0 else 0
    if ceil and out > 0 and (out - 1) * stride >= size + before:
        out -= 1  # torch: the last window must start inside the input or its left padding
    if out <= 0:
        raise SlidingError(f"the {span}-cell window does not fit the {label} axis: "
                           f"{size} input cells + {before + after} padding give {padded}")
    grid = max(padded, (out - 1) * stride + span)
    source = np.full(grid, -1, dtype=np.int64)
    kind = np.full(grid, CELL_OUTSIDE, dtype=np.int8)
    mode = op.padding_mode if op.kind == "conv" else "zeros"
    for g in range(padded):
        i = g - before
        if 0 <= i < size:
            source[g], kind[g] = i, CELL_INPUT
        else:
            source[g], kind[g] = _source_index(i, size, mode), CELL_PADDING
    formula = _formula(size, kernel, stride, dilation, before, after, out, op)
    return AxisGeometry(size, kernel, stride, dilation, before, after, out, source, kind, formula)


def _formula(size: int, k: int, s: int, d: int, before: int, after: int, out: int, op: WindowOp) -> str:
    """E.g. (28 + 2*2 - 1*(5-1) - 1) / 1 + 1 = 28, with floor/ceil spelled out when s > 1."""
    pad = f"2*{before}" if before == after else f"{before} + {after}"
    if op.kind == "avg":
        inner = f"{size} + {pad} - {k}"
        numerator = size + before + after - k
    else:
        inner = f"{size} + {pad} - {d}*({k}-1) - 1"
        numerator = size + before + after - d * (k - 1) - 1
    if s == 1:
        return f"({inner}) / 1 + 1 = {out}"
    rounding = "ceil" if op.kind != "conv" and op.ceil_mode else "floor"
    text = f"{rounding}(({inner}) / {s}) + 1 = {rounding}({numerator} / {s}) + 1"
    plain = (math.ceil if rounding == "ceil" else math.floor)(numerator / s) + 1
    if plain != out:
        return f"{text} - 1 = {out} (the last window would start in the right padding, so torch drops it)"
    return f"{text} = {out}"


# ---------------------------------------------------------------- the whole layer

@dataclass(frozen=True)
class Feeds:
    """The output cells an input cell reaches: through its own grid cell, and only through
    the padding cells that copy it (reflect, replicate, circular)."""

    direct: tuple[tuple[int, int], ...]
    via_padding: tuple[tuple[int, int], ...]

    @property
    def all(self) -> tuple[tuple[int, int], ...]:
        return tuple(sorted(set(self.direct) | set(self.via_padding)))


class Sliding:
    """A layer's window over one input (C, H, W): geometry, padded grid and the steps."""

    def __init__(self, op: WindowOp, x: torch.Tensor | np.ndarray) -> None:
        values = x.detach().to("cpu", torch.float64).numpy() if isinstance(x, torch.Tensor) else np.asarray(x, np.float64)
        if values.ndim != 3:
            raise SlidingError(f"expected an input of shape (channels, height, width), got {tuple(values.shape)}")
        if op.padding_mode not in PADDING_MODES:
            raise SlidingError(f"unknown padding_mode {op.padding_mode!r}; expected one of {', '.join(PADDING_MODES)}")
        self.op = op
        self.input = values
        channels, height, width = values.shape
        _check(op, channels, height, width)
        (kh, kw), (sh, sw), (dh, dw) = op.kernel_size, op.stride, op.dilation
        top, bottom, left, right = op.padding
        self.rows = _axis(height, kh, sh, dh, top, bottom, op, "height")
        self.cols = _axis(width, kw, sw, dw, left, right, op, "width")
        self.cell_kind = np.maximum.outer(self.rows.kind, self.cols.kind).astype(np.int8)
        self.grid_values = self._grid_values()
        self._ranges: dict[int, tuple[float, float]] = {}

    # -- shapes and text

    @property
    def in_channels(self) -> int:
        return self.input.shape[0]

    @property
    def out_channels(self) -> int:
        return self.op.weight.shape[0] if self.op.kind == "conv" else self.in_channels

    @property
    def out_shape(self) -> tuple[int, int, int]:
        return (self.out_channels, self.rows.out, self.cols.out)

    @property
    def grid_shape(self) -> tuple[int, int]:
        return (self.rows.grid, self.cols.grid)

    def formula_lines(self) -> list[str]:
        """H_out and W_out with the layer's real numbers (one line when they read alike)."""
        if self.rows.formula == self.cols.formula:
            return [f"H_out = W_out = {self.rows.formula}"]
        return [f"H_out = {self.rows.formula}", f"W_out = {self.cols.formula}"]

    def channel_range(self, channel: int) -> tuple[float, float]:
        """The smallest and largest finite value of one input channel (a view's grey scale)."""
        if channel not in self._ranges:
            values = self.input[channel][np.isfinite(self.input[channel])]
            self._ranges[channel] = (float(values.min()), float(values.max())) if values.size else (0.0, 1.0)
        return self._ranges[channel]

    def group_channels(self, out_channel: int) -> tuple[int, ...]:
        """The input channels an output channel reads (its group; pooling: itself)."""
        self._check_out_channel(out_channel)
        if self.op.kind != "conv":
            return (out_channel,)
        per_group_in = self.in_channels // self.op.groups
        group = out_channel // (self.out_channels // self.op.groups)
        return tuple(range(group * per_group_in, (group + 1) * per_group_in))

    def channel(self, out_channel: int, in_channel: int | None = None) -> "ChannelView":
        """The steps for one output channel: one input channel's share, or (None) the sum
        over every input channel of its group, which is the layer's real output."""
        group = self.group_channels(out_channel)
        if in_channel is None or len(group) == 1:
            return ChannelView(self, out_channel, group)
        if in_channel not in group:
            raise SlidingError(f"output channel {out_channel} reads input channels {group[0]}..{group[-1]}, "
                               f"not {in_channel}")
        return ChannelView(self, out_channel, (in_channel,))

    # -- reverse map

    def outputs_covering(self, grid_row: int, grid_col: int) -> tuple[tuple[int, int], ...]:
        """Output cells whose window has a tap on this grid cell."""
        return tuple((r, c) for r in self.rows.outputs_covering(grid_row)
                     for c in self.cols.outputs_covering(grid_col))

    def feeds(self, row: int, col: int) -> Feeds:
        """Which output cells input cell (row, col) feeds: its receptive field in reverse."""
        if not (0 <= row < self.rows.size and 0 <= col < self.cols.size):
            raise SlidingError(f"input cell ({row}, {col}) is outside the {self.rows.size}x{self.cols.size} input")
        own = (row + self.rows.pad_before, col + self.cols.pad_before)
        direct = self.outputs_covering(*own)
        copies: set[tuple[int, int]] = set()
        if self.op.kind == "conv":  # pooling pads with -inf / 0, never with copies
            for gr in self.rows.cells_holding(row):
                for gc in self.cols.cells_holding(col):
                    if (gr, gc) != own:
                        copies.update(self.outputs_covering(gr, gc))
        return Feeds(direct, tuple(sorted(copies - set(direct))))

    def grid_to_input(self, grid_row: int, grid_col: int) -> tuple[int, int] | None:
        """The input cell a grid cell is (or copies), None for constant padding/outside."""
        r, c = int(self.rows.source[grid_row]), int(self.cols.source[grid_col])
        return None if r < 0 or c < 0 else (r, c)

    # -- internals

    def _check_out_channel(self, out_channel: int) -> None:
        if not 0 <= out_channel < self.out_channels:
            raise SlidingError(f"output channel {out_channel} does not exist; the layer has {self.out_channels}")

    def _grid_values(self) -> np.ndarray:
        """The padded input (C, grid_h, grid_w) with the values torch computes with:
        zeros or copies per padding_mode for conv, -inf padding for max pooling, 0 for avg."""
        rows, cols = self.rows.source, self.cols.source
        values = self.input[:, np.clip(rows, 0, None)][:, :, np.clip(cols, 0, None)]
        constant = np.outer(rows < 0, np.ones_like(cols, bool)) | np.outer(np.ones_like(rows, bool), cols < 0)
        fill = -np.inf if self.op.kind == "max" else 0.0
        values[:, constant] = fill  # padding and cells past the input have no source: both are filled here
        return values


def _check(op: WindowOp, channels: int, height: int, width: int) -> None:
    """Refuse what torch refuses, with the reason in words."""
    top, bottom, left, right = op.padding
    if min(op.kernel_size + op.stride + op.dilation) < 1 or min(op.padding) < 0:
        raise SlidingError("kernel size, stride and dilation must be at least 1 and padding at least 0")
    if op.kind == "conv":
        weight = op.weight
        if weight is None or weight.ndim != 4:
            raise SlidingError("a convolution needs a weight of shape (C_out, C_in / groups, kh, kw)")
        if weight.shape[2:] != op.kernel_size:
            raise SlidingError(f"weight is {weight.shape[2]}x{weight.shape[3]}, kernel_size says "
                               f"{op.kernel_size[0]}x{op.kernel_size[1]}")
        if channels != weight.shape[1] * op.groups or weight.shape[0] % op.groups:
            raise SlidingError(f"the layer expects {weight.shape[1] * op.groups} input channels, "
                               f"the input has {channels}")
        if op.padding_mode == "reflect" and (max(top, bottom) >= height or max(left, right) >= width):
            raise SlidingError(f"reflect padding must be smaller than the input ({height}x{width})")
        if op.padding_mode == "circular" and (max(top, bottom) > height or max(left, right) > width):
            raise SlidingError(f"circular padding can be at most the input size ({height}x{width})")
        return
    limit_h, limit_w = op.kernel_size[0] // 2, op.kernel_size[1] // 2
    if top > limit_h or left > limit_w:
        raise SlidingError(f"pooling padding ({top}, {left}) must be at most half the window "
                           f"({limit_h}, {limit_w})")


# ---------------------------------------------------------------- one channel's steps

@dataclass(frozen=True)
class Step:
    """Everything about one output cell, in the order the learner reads it.

    Arrays are (channels shown, kh, kw). `value` is what this view writes into the output
    map: with every input channel of the group it is the layer's real output (products
    summed + bias); with one input channel of several it is that channel's share (no bias),
    and `layer_value` says what the layer really outputs there.
    """

    index: int
    out_row: int
    out_col: int
    grid_rows: np.ndarray  # (kh,) grid rows of the taps
    grid_cols: np.ndarray  # (kw,)
    input_rows: np.ndarray  # (kh,) input row each tap reads (a padding copy's source), -1 for none
    input_cols: np.ndarray  # (kw,)
    cell_kind: np.ndarray  # (kh, kw) CELL_INPUT / CELL_PADDING / CELL_OUTSIDE
    patch: np.ndarray
    kernel: np.ndarray | None  # conv only
    products: np.ndarray | None  # conv only
    channel_sums: np.ndarray | None  # conv only: sum of products per channel shown
    total: float  # conv: sum of products; avg: sum of the counted cells; max: the max
    bias: float | None  # conv with every channel of the group: the bias added (0.0 without one)
    value: float
    layer_value: float
    argmax: tuple[int, int] | None = None  # max pooling: the tap that won
    divisor: int | None = None  # avg pooling: what the sum is divided by

    @property
    def padding_mask(self) -> np.ndarray:
        """(kh, kw) True where the tap lies on padding (or outside the padded input)."""
        return self.cell_kind != CELL_INPUT

    @property
    def window(self) -> tuple[int, int, int, int]:
        """(top, left, height, width) of the window's span in grid cells."""
        top, left = int(self.grid_rows[0]), int(self.grid_cols[0])
        return (top, left, int(self.grid_rows[-1]) - top + 1, int(self.grid_cols[-1]) - left + 1)


class ChannelView(Sequence[Step]):
    """The steps of one output channel in row-major order, made when asked for."""

    def __init__(self, sliding: Sliding, out_channel: int, in_channels: tuple[int, ...]) -> None:
        self.sliding = sliding
        self.out_channel = out_channel
        self.in_channels = in_channels
        group = sliding.group_channels(out_channel)
        self.whole_group = in_channels == group
        op = sliding.op
        if op.kind == "conv":
            offsets = [c - group[0] for c in in_channels]
            self.kernel: np.ndarray | None = op.weight[out_channel, offsets]
            self.bias = float(op.bias[out_channel]) if op.bias is not None else 0.0
        else:
            self.kernel = None
            self.bias = 0.0

    @property
    def shape(self) -> tuple[int, int]:
        return (self.sliding.rows.out, self.sliding.cols.out)

    def __len__(self) -> int:
        return self.sliding.rows.out * self.sliding.cols.out

    def __iter__(self) -> Iterator[Step]:
        return (self[i] for i in range(len(self)))

    def __getitem__(self, index: int) -> Step:  # type: ignore[override]
        if not isinstance(index, (int, np.integer)):
            raise TypeError("steps are indexed by a single int")
        n = len(self)
        if not -n <= index < n:
            raise IndexError(f"step {index} of {n}")
        index = int(index) % n
        return self.step_at(*divmod(index, self.sliding.cols.out))

    def index_of(self, out_row: int, out_col: int) -> int:
        return out_row * self.sliding.cols.out + out_col

    def step_at(self, out_row: int, out_col: int) -> Step:
        s = self.sliding
        if not (0 <= out_row < s.rows.out and 0 <= out_col < s.cols.out):
            raise IndexError(f"output cell ({out_row}, {out_col}) outside {s.rows.out}x{s.cols.out}")
        grid_rows, grid_cols = s.rows.taps(out_row), s.cols.taps(out_col)
        kind = s.cell_kind[np.ix_(grid_rows, grid_cols)]
        patch = s.grid_values[np.ix_(self.in_channels, grid_rows, grid_cols)]
        common = dict(index=self.index_of(out_row, out_col), out_row=out_row, out_col=out_col,
                      grid_rows=grid_rows, grid_cols=grid_cols, input_rows=s.rows.source[grid_rows],
                      input_cols=s.cols.source[grid_cols], cell_kind=kind, patch=patch)
        if s.op.kind == "conv":
            products = patch * self.kernel
            channel_sums = products.reshape(len(self.in_channels), -1).sum(axis=1)
            total = float(channel_sums.sum())
            value = total + self.bias if self.whole_group else total
            # The layer's own output: this sum when every input channel of the group is shown.
            layer_value = value if self.whole_group else self._layer_conv_value(grid_rows, grid_cols)
            return Step(**common, kernel=self.kernel, products=products, channel_sums=channel_sums,
                        total=total, bias=self.bias if self.whole_group else None, value=value,
                        layer_value=layer_value)
        if s.op.kind == "max":
            flat = int(np.argmax(patch[0]))
            best = float(patch[0].flat[flat])
            return Step(**common, kernel=None, products=None, channel_sums=None, total=best, bias=None,
                        value=best, layer_value=best, argmax=divmod(flat, patch.shape[2]))
        counted = kind == CELL_INPUT
        divisor = _avg_divisor(s.op, kind)
        total = float(patch[0][counted].sum())
        return Step(**common, kernel=None, products=None, channel_sums=None, total=total, bias=None,
                    value=total / divisor, layer_value=total / divisor, divisor=divisor)

    def _layer_conv_value(self, grid_rows: np.ndarray, grid_cols: np.ndarray) -> float:
        """The output cell over the whole group, for a view of only some of its input channels."""
        group = self.sliding.group_channels(self.out_channel)
        patch = self.sliding.grid_values[np.ix_(group, grid_rows, grid_cols)]
        return float((patch * self.sliding.op.weight[self.out_channel]).sum() + self.bias)

    def output_map(self) -> np.ndarray:
        """The whole (H_out, W_out) map this view fills in, computed tap by tap."""
        s = self.sliding
        values = s.grid_values[list(self.in_channels)]
        if s.op.kind == "conv":
            out = np.zeros(self.shape)
            for i, j, taps in self._tap_slices(values):
                out += np.tensordot(self.kernel[:, i, j], taps, axes=1)
            return out + self.bias if self.whole_group else out
        if s.op.kind == "max":
            out = np.full(self.shape, -np.inf)
            for _, _, taps in self._tap_slices(values):
                np.maximum(out, taps[0], out=out)
            return out
        counted = np.where(s.cell_kind == CELL_INPUT, values[0], 0.0)[None]
        out = np.zeros(self.shape)
        for _, _, taps in self._tap_slices(counted):
            out += taps[0]
        return out / self._avg_divisors()

    def _tap_slices(self, values: np.ndarray) -> Iterator[tuple[int, int, np.ndarray]]:
        """For every kernel tap (i, j): the grid values it reads at every output cell."""
        s = self.sliding
        (kh, kw), (sh, sw), (dh, dw) = s.op.kernel_size, s.op.stride, s.op.dilation
        ho, wo = self.shape
        for i in range(kh):
            for j in range(kw):
                yield i, j, values[:, i * dh: i * dh + (ho - 1) * sh + 1: sh, j * dw: j * dw + (wo - 1) * sw + 1: sw]

    def _avg_divisors(self) -> np.ndarray:
        s = self.sliding
        if s.op.divisor_override:
            return np.full(self.shape, float(s.op.divisor_override))
        limit = _counted_limit(s.op)
        counts = [np.array([(axis.kind[axis.taps(o)] < limit).sum() for o in range(axis.out)], dtype=np.float64)
                  for axis in (s.rows, s.cols)]
        return np.outer(counts[0], counts[1])


def _avg_divisor(op: WindowOp, kind: np.ndarray) -> int:
    """torch's divisor: the override, else the cells counted (padding too, unless told not)."""
    if op.divisor_override:
        return int(op.divisor_override)
    return int((kind < _counted_limit(op)).sum())


def _counted_limit(op: WindowOp) -> int:
    """Cells below this kind count towards an average: padding too, unless told not."""
    return CELL_OUTSIDE if op.count_include_pad else CELL_PADDING


def sliding_for_module(module: nn.Module, x: torch.Tensor) -> Sliding:
    """The Sliding of a module over one input (C, H, W) (a batch of one is accepted too)."""
    if x.ndim == 4 and x.shape[0] == 1:
        x = x[0]
    return Sliding(window_op_from_module(module), x)


class _Captured(Exception):
    """Stops the forward pass once the wanted block's input is in hand."""


def capture_input(model: nn.Module, module: nn.Module, x: torch.Tensor) -> torch.Tensor:
    """What `module` receives (C, H, W) when `model` runs on the batch of one `x`.

    A forward pre-hook grabs the block's real input (after every block before it, branches
    and residual sums included) and aborts the pass there, so deep networks cost only the
    layers up to the block. The hook is always removed again.
    """
    seen: list[torch.Tensor] = []

    def grab(_module: nn.Module, args: tuple[torch.Tensor, ...]) -> None:
        seen.append(args[0][0].detach().clone())
        raise _Captured

    handle = module.register_forward_pre_hook(grab)
    try:
        with torch.inference_mode():
            model(x)
    except _Captured:
        return seen[0]
    finally:
        handle.remove()
    raise SlidingError(f"{type(module).__name__} is not used by this network's forward pass")
