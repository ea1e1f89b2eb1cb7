"""Which values a normalisation layer averages together, and what that gives on real digits.

BatchNorm, LayerNorm, InstanceNorm and GroupNorm all compute "(x − mean) / std", and
differ only in the set of values one mean is taken over: an N x C x H x W tensor cut
along different axes. The inspector draws that set as a shaded part of a cube (the
picture of Wu & He's GroupNorm paper); this module says which cells are in it and
measures the statistics on a real batch: 8 embedded digits through an untrained,
seeded 3x3 convolution (what a norm layer early in a net would see).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from playground.core.i18n import _

__all__ = ["NORM_KINDS", "NormPicture", "NormStatistics", "batch_statistics", "norm_picture"]

# The cube the picture shows: a batch of N samples, C channels, and H·W drawn as one axis.
CUBE_N, CUBE_C = 4, 6
NORM_KINDS = ("BatchNorm2d", "LayerNorm", "InstanceNorm2d", "GroupNorm")


@dataclass(frozen=True)
class NormPicture:
    """One normalisation set of a kind: the (sample, channel) pairs averaged together
    (all H·W positions of each pair always belong to it), and the words for it."""

    kind: str
    cells: frozenset[tuple[int, int]]
    over: str  # "N, H, W": the axes one mean runs over
    per: str  # "one mean per channel": how many means there are, in the language current when made


def norm_picture(kind: str, groups: int = 2) -> NormPicture:
    """The first normalisation set of `kind` in a CUBE_N x CUBE_C cube (GroupNorm with `groups`)."""
    every_n, every_c = range(CUBE_N), range(CUBE_C)
    if kind == "BatchNorm2d":
        return NormPicture(kind, frozenset((n, 0) for n in every_n), "N, H, W", _("one mean per channel"))
    if kind == "LayerNorm":
        return NormPicture(kind, frozenset((0, c) for c in every_c), "C, H, W", _("one mean per sample"))
    if kind == "InstanceNorm2d":
        return NormPicture(kind, frozenset({(0, 0)}), "H, W", _("one mean per sample and channel"))
    if kind == "GroupNorm":
        size = CUBE_C // groups if groups and CUBE_C % groups == 0 else 2
        return NormPicture(kind, frozenset((0, c) for c in range(size)), "C/G, H, W",
                           _("one mean per sample and group of channels"))
    raise KeyError(kind)


@dataclass(frozen=True)
class NormStatistics:
    """The first normalisation set's size and statistics on the real batch."""

    values: int  # how many numbers one mean is taken over
    means: int  # how many means (and stds) the layer computes for the batch
    mean: float
    std: float
    batch: tuple[int, int, int, int]  # N, C, H, W of the convolution's output the numbers come from

    @property
    def batch_text(self) -> str:
        """Where the numbers come from, in the current language."""
        n, c, h, w = self.batch
        return _("{n} digits through an untrained {c}-channel 3x3 conv, {n}x{c}x{h}x{w}").format(n=n, c=c, h=h, w=w)

    def text(self) -> str:
        """The statistics in one sentence, in the current language."""
        return _("{values} values per mean, {means} means for this batch; the first: mean {mean}, std {std} "
                 "({batch})").format(values=f"{self.values:,}", means=f"{self.means:,}", mean=f"{self.mean:+.3f}",
                                     std=f"{self.std:.3f}", batch=self.batch_text)


_BATCH, _CHANNELS, _GROUPS = 8, 6, 2


@lru_cache(maxsize=8)
def batch_statistics(kind: str) -> NormStatistics:
    """Measured on 8 embedded digits through an untrained 6-channel 3x3 convolution (seed 0);
    GroupNorm uses 2 groups of 3 channels."""
    import torch

    from playground.core.datasets import load_embedded

    data = load_embedded()
    x = data.train_x[:_BATCH].float() / 255.0
    torch.manual_seed(0)
    conv = torch.nn.Conv2d(1, _CHANNELS, 3)
    with torch.no_grad():
        y = conv(x)  # 8 x 6 x 26 x 26
    n, c, h, w = y.shape
    if kind == "BatchNorm2d":
        first, means = y[:, 0], c
    elif kind == "LayerNorm":
        first, means = y[0], n
    elif kind == "InstanceNorm2d":
        first, means = y[0, 0], n * c
    elif kind == "GroupNorm":
        first, means = y[0, : c // _GROUPS], n * _GROUPS
    else:
        raise KeyError(kind)
    return NormStatistics(first.numel(), means, float(first.mean()), float(first.std(unbiased=False)), (n, c, h, w))
