"""Torch modules of the leaf kinds that neither torch nor torchvision ship as a module (or
ship in a form ONNX cannot export).

Kept apart from the catalogue so it is read without torch. The exporter copies these
classes' source into every export that uses them, so they use only `torch` and `nn`.
"""

from __future__ import annotations

import torch
import torch.nn as nn


class ChannelShuffle(nn.ChannelShuffle):
    """torch.nn.ChannelShuffle with its forward written as a view and a transpose (the same
    numbers): torch's own op, aten::channel_shuffle, has no ONNX form, so ONNX export and
    onnxruntime could not take a ShuffleNet otherwise."""

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        n, c, h, w = x.shape
        return x.view(n, self.groups, c // self.groups, h, w).transpose(1, 2).reshape(n, c, h, w)


class ChannelSlice(nn.Module):
    """Keeps channels start..stop-1 (dim 1): one half of ShuffleNetV2's channel split."""

    def __init__(self, start: int, stop: int) -> None:
        super().__init__()
        self.start = start
        self.stop = stop

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x[:, self.start:self.stop]

    def extra_repr(self) -> str:
        return f"start={self.start}, stop={self.stop}"


class LayerNorm2d(nn.LayerNorm):
    """LayerNorm over the channels of every pixel of an N x C x H x W map (ConvNeXt's)."""

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = x.permute(0, 2, 3, 1)
        x = nn.functional.layer_norm(x, self.normalized_shape, self.weight, self.bias, self.eps)
        return x.permute(0, 3, 1, 2)


class LayerScale(nn.Module):
    """Multiplies each channel by a learned factor that starts small (ConvNeXt, CaiT)."""

    def __init__(self, num_channels: int, init_value: float = 1e-6) -> None:
        super().__init__()
        self.gamma = nn.Parameter(torch.full((num_channels, 1, 1), init_value))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x * self.gamma
