"""What every block does to one input sample: small pictures of block outputs.

One forward pass with hooks (`inspect_model.inspect`) captures every block's output; this
module turns those outputs into what a preview draws: a few channels of a feature map as
tiles scaled to [0, 1], a flat output as a strip of bars, and for the last block the
class probabilities. The design editor's block previews and the Draw page's network
overview both read these, so neither runs the network again for the same drawing. The
records themselves, and the kinds and limits, live in `core/preview_types.py`, which
imports no torch (the Design page paints before torch is loaded).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Mapping, Sequence

import numpy as np
import torch
import torch.nn as nn

from playground.core.builder import build_model
from playground.core.design import Design
from playground.core.inspect_model import BlockRef, Inspection, block_modules, fit_input, inspect
from playground.core.preview_types import (  # noqa: F401 - the kinds and limits are read from here too
    BARS, EDITOR_BARS, EDITOR_TILES, MAPS, PREVIEW_MACS_LIMIT, PROBABILITIES, BlockPreview, NetworkPreview)

SAMPLE_INDEX = 0  # which validation digit stands in while nothing is drawn


def block_preview(block_id: str, output: torch.Tensor, max_tiles: int, max_bars: int) -> BlockPreview:
    """A block's output (no batch dimension) as tiles (3-D outputs) or bars (anything else)."""
    values = output.detach().float().cpu()
    if values.dim() == 3:
        shown = values[:max_tiles]
        flat = shown.reshape(shown.shape[0], -1)
        lows, highs = flat.min(dim=1).values, flat.max(dim=1).values
        span = (highs - lows).clamp_min(1e-12).view(-1, 1, 1)
        tiles = ((shown - lows.view(-1, 1, 1)) / span).numpy().astype(np.float32)
        return BlockPreview(block_id, MAPS, tiles, lows.numpy(), highs.numpy(), int(values.shape[0]))
    flat = values.reshape(-1)
    shown = flat[:max_bars]
    low, high = float(flat.min()), float(flat.max())
    bars = ((shown - low) / max(high - low, 1e-12)).numpy().astype(np.float32)
    return BlockPreview(block_id, BARS, bars, np.array([low]), np.array([high]), int(flat.numel()))


def probability_preview(block_id: str, probabilities: torch.Tensor) -> BlockPreview:
    p = probabilities.detach().float().cpu().numpy()
    return BlockPreview(block_id, PROBABILITIES, p, np.array([0.0]), np.array([1.0]), int(p.size))


def previews_of(inspection: Inspection, last_block_id: str | None, max_tiles: int = EDITOR_TILES,
                max_bars: int = EDITOR_BARS) -> dict[str, BlockPreview]:
    """Every captured block's preview; the last top-level block shows the class probabilities."""
    out = {block_id: block_preview(block_id, output, max_tiles, max_bars)
           for block_id, output in inspection.activations.items()}
    if last_block_id is not None:
        out[last_block_id] = probability_preview(last_block_id, inspection.probabilities)
    return out


# ---------------------------------------------------------------------- the sample

@lru_cache(maxsize=1)
def validation_digit() -> torch.Tensor:
    """A 1x28x28 digit in [0, 1] from the embedded set's validation part: the sample shown
    while nothing is drawn."""
    from playground.core.datasets import load_embedded  # reads the shipped file on first use only

    return load_embedded().val_x[SAMPLE_INDEX].float() / 255.0


def colour_sample(digit: torch.Tensor) -> torch.Tensor:
    """A 3x28x28 colour picture made from a grey digit, for networks taking colour input.

    No colour dataset is shipped, so the digit is painted warm on a cool gradient: the
    channels differ (a colour network's first kernels see something to tell apart),
    and the picture stays recognisable.
    """
    grey = digit.reshape(1, digit.shape[-2], digit.shape[-1]).float()
    height, width = grey.shape[-2:]
    ramp_y = torch.linspace(0.15, 0.55, height).view(1, height, 1).expand(1, height, width)
    ramp_x = torch.linspace(0.25, 0.45, width).view(1, 1, width).expand(1, height, width)
    red = grey * 0.95 + (1 - grey) * 0.10
    green = grey * 0.55 + (1 - grey) * ramp_x
    blue = grey * 0.15 + (1 - grey) * ramp_y
    return torch.cat([red, green, blue]).clamp(0, 1)


def sample_input(digit: torch.Tensor | None, input_shape: Sequence[int]) -> torch.Tensor:
    """A batch of one in [0, 1] for a network taking `input_shape`: the drawn digit, else
    the embedded validation digit; coloured for 3-channel inputs."""
    picture = digit if digit is not None else validation_digit()
    channels, height, width = (int(v) for v in input_shape)
    if channels == 3:
        colour = colour_sample(fit_input(picture, (1, height, width))[0])
        return colour.unsqueeze(0)
    return fit_input(picture, input_shape)


# ---------------------------------------------------------------------- the whole pass

def watch_all(refs: Sequence[BlockRef]) -> dict[str, nn.Module]:
    return {ref.block_id: ref.module for ref in refs}


def preview_design(design: Design, digit: torch.Tensor | None, mean: Sequence[float], std: Sequence[float],
                   state_dict: Mapping[str, torch.Tensor] | None = None) -> NetworkPreview:
    """Build `design` (with `state_dict`'s weights when given, else untrained), send the
    sample through once and preview every block. Raises DesignError for a design with an
    error (no preview then) and RuntimeError when torch refuses the input."""
    model = build_model(design)
    if state_dict is not None:
        model.load_state_dict(state_dict)
    model.eval()
    refs = block_modules(design, model)
    inspection = inspect(model, sample_input(digit, design.input), mean, std, watch_all(refs))
    last = design.layers[-1].id if design.layers else None
    return NetworkPreview(previews_of(inspection, last), inspection.probabilities.numpy(), state_dict is not None)
