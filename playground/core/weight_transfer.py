"""Carry trained weights into an edited design's network.

The builder names every module after its block id, so a block that survives an edit keeps
its name in the new network's state dict. A block is carried over when every tensor of
it exists in both networks under the same name with the same shape; a block that does not
fit whole (its channels changed, it is new) keeps its fresh initialisation and counts as
untrained.
"""

from __future__ import annotations

from collections.abc import Iterable

import torch
import torch.nn as nn


def _block_of(name: str) -> str:
    """The top-level block a state-dict entry belongs to ("conv2d1.weight" -> "conv2d1")."""
    return name.split(".", 1)[0]


def carry_weights(source: nn.Module, target: nn.Module, untrained_in_source: Iterable[str] = ()) -> tuple[str, ...]:
    """Copy every block of `source` whose tensors all fit `target` (names, shapes); returns the
    blocks of `target` with learnable parameters that did not get trained values (sorted by
    their order in `target`). Blocks listed in `untrained_in_source` never count as trained."""
    old = source.state_dict()
    skip = set(untrained_in_source)
    new = target.state_dict()
    fits: dict[str, bool] = {}  # a block is carried whole or not at all
    for name, tensor in new.items():
        block = _block_of(name)
        fit = name in old and old[name].shape == tensor.shape and block not in skip
        fits[block] = fits.get(block, True) and fit
    with torch.no_grad():
        for name, tensor in new.items():
            if fits[_block_of(name)]:
                tensor.copy_(old[name])
    order = list(dict.fromkeys(_block_of(name) for name, _ in target.named_parameters()))
    return tuple(block for block in order if not fits[block])
