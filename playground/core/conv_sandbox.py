"""The kernel slide's sandbox: a convolution typed in by hand.

The tutorials' worked examples use small grids of their own numbers ("[0..8] as 3x3 with
kernel [[0,1],[2,3]] gives [[19,25],[37,43]]"). `SandboxSpec` holds such an example (input
grid, kernels, bias, stride, padding, dilation), builds the `nn.Conv2d` it describes and
the `core.sliding.Sliding` that animates it, so the page shows the same animation and
arithmetic as for a trained network. Text in and out (`parse_grids`, `grids_text`) is how
the sandbox's fields read and show numbers; `PRESETS` are the classic examples.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

from playground.core.i18n import N_, _
from playground.core.sliding import Sliding, window_op_from_module

MAX_SIDE = 16  # an input grid is at most 16 x 16
MAX_CHANNELS = 4  # input channels and output channels
MAX_KERNEL = 7


class SandboxError(ValueError):
    """A typed grid or setting that cannot make a convolution; the message says why."""


@dataclass(frozen=True)
class SandboxSpec:
    """A hand-made convolution: input (C, H, W), kernels (O, C, kh, kw), bias (O,)."""

    input: np.ndarray
    kernels: np.ndarray
    bias: np.ndarray
    stride: int = 1
    padding: int = 0
    dilation: int = 1

    def __post_init__(self) -> None:
        channels, height, width = self.input.shape
        outs, kernel_channels, kh, kw = self.kernels.shape
        if not (1 <= channels <= MAX_CHANNELS and 1 <= outs <= MAX_CHANNELS):
            raise SandboxError(_("use 1 to {most} input and output channels").format(most=MAX_CHANNELS))
        if height > MAX_SIDE or width > MAX_SIDE:
            raise SandboxError(_("the input grid is {height}x{width}; at most {most}x{most}").format(
                height=height, width=width, most=MAX_SIDE))
        if kernel_channels != channels:
            raise SandboxError(_("the input has {channels} channel(s) but the kernels have {kernel_channels}: give one "
                                 "kernel grid per input channel for each output channel").format(
                channels=channels, kernel_channels=kernel_channels))
        if kh > MAX_KERNEL or kw > MAX_KERNEL:
            raise SandboxError(_("kernels are at most {most}x{most}").format(most=MAX_KERNEL))
        if self.bias.shape != (outs,):
            raise SandboxError(_("give one bias per output channel ({outs}), got {count}").format(outs=outs, count=self.bias.size))
        if self.stride < 1 or self.dilation < 1 or self.padding < 0:
            raise SandboxError(_("stride and dilation are at least 1, padding at least 0"))
        span_h, span_w = self.dilation * (kh - 1) + 1, self.dilation * (kw - 1) + 1
        if span_h > height + 2 * self.padding or span_w > width + 2 * self.padding:
            raise SandboxError(_("the kernel spans {span_h}x{span_w} cells, more than the padded input ({height}x{width})")
                               .format(span_h=span_h, span_w=span_w, height=height + 2 * self.padding,
                                       width=width + 2 * self.padding))

    def module(self) -> nn.Conv2d:
        """The nn.Conv2d these numbers describe."""
        outs, channels, kh, kw = self.kernels.shape
        conv = nn.Conv2d(channels, outs, (kh, kw), stride=self.stride, padding=self.padding, dilation=self.dilation)
        with torch.no_grad():
            conv.weight.copy_(torch.as_tensor(self.kernels, dtype=torch.float32))
            conv.bias.copy_(torch.as_tensor(self.bias, dtype=torch.float32))
        return conv

    def input_tensor(self) -> torch.Tensor:
        return torch.as_tensor(self.input, dtype=torch.float32)

    def sliding(self) -> Sliding:
        """The window's steps over the typed input, as the page animates them."""
        return Sliding(window_op_from_module(self.module()), self.input_tensor())

    def output(self) -> np.ndarray:
        """The whole output (O, H_out, W_out), summed step by step over every input channel."""
        sliding = self.sliding()
        return np.stack([sliding.channel(o).output_map() for o in range(sliding.out_channels)])


@dataclass(frozen=True)
class Preset:
    """A classic example: its numbers and what it shows. `shifted` is the same picture moved
    by a pixel, to compare the maps before and after pooling."""

    name: str
    spec: SandboxSpec
    note: str
    shifted: np.ndarray | None = None


def parse_grids(text: str, what: str) -> np.ndarray:
    """Grids typed one row a line (numbers split by spaces or commas), a blank line between
    grids; returns (grids, rows, cols). Raises SandboxError naming `what`."""
    grids: list[list[list[float]]] = []
    current: list[list[float]] = []
    for line in [*text.replace("[", " ").replace("]", " ").splitlines(), ""]:
        numbers = [n for n in re.split(r"[\s,;]+", line.strip()) if n]
        if not numbers:
            if current:
                grids.append(current)
                current = []
            continue
        try:
            current.append([float(n) for n in numbers])
        except ValueError:
            raise SandboxError(_("{what}: {line} is not a row of numbers").format(what=what, line=repr(line.strip()))) from None
    if not grids:
        raise SandboxError(_("{what}: type at least one number").format(what=what))
    shape = (len(grids[0]), len(grids[0][0]))
    for grid in grids:
        if len(grid) != shape[0] or any(len(row) != shape[1] for row in grid):
            raise SandboxError(_("{what}: every grid needs the same number of rows and of numbers in each row").format(what=what))
    values = np.asarray(grids, dtype=np.float64)
    if not np.isfinite(values).all():
        raise SandboxError(_("{what}: only finite numbers").format(what=what))
    return values


def parse_numbers(text: str, what: str) -> np.ndarray:
    """A flat list of numbers (a bias per output channel)."""
    return parse_grids(text, what).reshape(-1)


def kernels_from_grids(grids: np.ndarray, in_channels: int) -> np.ndarray:
    """Kernel grids in order (output 0: channel 0, 1, ...; output 1: ...) as (O, C, kh, kw)."""
    if grids.shape[0] % in_channels:
        raise SandboxError(_("kernels: {count} grid(s) do not split into {per} per output channel").format(
            count=grids.shape[0], per=in_channels))
    return grids.reshape(grids.shape[0] // in_channels, in_channels, *grids.shape[1:])


def number_text(value: float) -> str:
    """1.0 -> "1", 0.5 -> "0.5": as a person types it."""
    return f"{value:g}"


def grids_text(values: np.ndarray) -> str:
    """The text `parse_grids` reads back: rows a line, a blank line between grids."""
    grids = values.reshape(-1, *values.shape[-2:])
    return "\n\n".join("\n".join(" ".join(number_text(v) for v in row) for row in grid) for grid in grids)


def pooled(maps: np.ndarray, size: int = 2) -> np.ndarray:
    """`size` x `size` max pooling of (O, H, W) maps, as nn.MaxPool2d does it."""
    return F.max_pool2d(torch.as_tensor(maps)[None], size)[0].numpy()


def _x_picture() -> np.ndarray:
    """The 9x9 "X" of +1 on -1 from the classic X-or-O explanation of convolution."""
    picture = -np.ones((9, 9))
    for i in range(1, 8):
        picture[i, i] = picture[i, 8 - i] = 1
    return picture


def _stroke(column: int) -> np.ndarray:
    """An 8x8 picture: a vertical stroke (rows 1-6) in `column`."""
    picture = np.zeros((8, 8))
    picture[1:7, column] = 1
    return picture


_DIAGONAL = np.where(np.eye(3) > 0, 1.0, -1.0)
_LINE = np.tile([-1.0, 2.0, -1.0], (3, 1))  # a vertical line detector

PRESETS: tuple[Preset, ...] = (
    Preset(N_("[0..8] with a 2×2 kernel"),
           SandboxSpec(np.arange(9.0).reshape(1, 3, 3), np.array([[[[0.0, 1], [2, 3]]]]), np.zeros(1)),
           N_("0·0 + 1·1 + 3·2 + 4·3 = 19: each output is the window's products, summed.")),
    Preset(N_("X with ±1 kernels"),
           SandboxSpec(_x_picture()[None], np.stack([_DIAGONAL, _DIAGONAL[:, ::-1],
                                                      np.where(np.eye(3) + np.eye(3)[:, ::-1] > 0, 1.0, -1.0)])[:, None],
                       np.zeros(3)),
           N_("9 is a perfect match of the 3×3 feature (9 cells agree); each disagreeing cell takes 2 off.")),
    Preset(N_("5×5, 3×3 kernel, stride 2, padding 1"),
           SandboxSpec(np.arange(25.0).reshape(1, 5, 5), np.ones((1, 1, 3, 3)), np.zeros(1), stride=2, padding=1),
           N_("(5 + 2·1 − 3)/2 + 1 = 3: the padding ring counts as zeros, the window jumps two cells.")),
    Preset(N_("Edge kernel, picture shifted by a pixel"),
           SandboxSpec(_stroke(3)[None], _LINE[None, None], np.zeros(1)),
           N_("The same stroke one pixel to the right moves the whole map by a pixel; "
              "after 2×2 max pooling both give the same map: what pooling forgives."),
           shifted=_stroke(4)[None]),
)


def shift_comparison(preset: Preset) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray] | None:
    """For a preset with a shifted picture: the maps of the original and the shifted one,
    and both after 2x2 max pooling; None for the others."""
    if preset.shifted is None:
        return None
    spec = preset.spec
    moved = SandboxSpec(preset.shifted, spec.kernels, spec.bias, spec.stride, spec.padding, spec.dilation)
    first, second = spec.output(), moved.output()
    return first, second, pooled(first), pooled(second)
