"""What torch itself says about a block or a design: the ground truth the analysis is tested against."""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from typing import Any, Iterator

import torch
import torch.nn as nn
from torch.utils.flop_counter import FlopCounterMode

from playground.core.design import Block, BlockPath
from playground.core.layers import make_module

BATCH = 2


@dataclass(frozen=True)
class TorchFacts:
    output_shape: tuple[int, ...]
    params: int
    trainable: int
    macs: int


def count_params(module: nn.Module) -> tuple[int, int]:
    params = list(module.parameters())
    return sum(p.numel() for p in params), sum(p.numel() for p in params if p.requires_grad)


def flop_macs(module: nn.Module, x: torch.Tensor) -> tuple[torch.Tensor, int]:
    """Run the module once under FlopCounterMode; MACs per sample = FLOPs / 2 / batch."""
    with FlopCounterMode(display=False) as counter:
        out = module(x)
    flops = counter.get_total_flops()
    assert flops % (2 * x.shape[0]) == 0
    return out, flops // (2 * x.shape[0])


def leaf_facts(type_name: str, params: dict[str, Any], shape: tuple[int, ...]) -> TorchFacts:
    """Build the block as torch does and run a batch through it in training mode.

    Raises whatever torch raises for an input it cannot take.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        module = make_module(type_name, params, shape)
        out, macs = flop_macs(module, torch.randn((BATCH, *shape)))
    total, trainable = count_params(module)
    return TorchFacts(tuple(out.shape[1:]), total, trainable, macs)


def torch_refuses(type_name: str, params: dict[str, Any], shape: tuple[int, ...]) -> bool:
    """True when torch cannot build or run the block on this input (or gives an empty output)."""
    try:
        facts = leaf_facts(type_name, params, shape)
    except (RuntimeError, ValueError, IndexError):
        return True
    return any(s <= 0 for s in facts.output_shape)


def output_shapes_by_hook(model: nn.Module, x: torch.Tensor, names: dict[nn.Module, str]) -> dict[str, tuple[int, ...]]:
    """Per-sample output shape of every named module, recorded by forward hooks."""
    seen: dict[str, tuple[int, ...]] = {}
    handles = [m.register_forward_hook(lambda mod, _i, out, name=name: seen.__setitem__(name, tuple(out.shape[1:])))
               for m, name in names.items()]
    try:
        with torch.no_grad():
            model(x)
    finally:
        for h in handles:
            h.remove()
    return seen


def block_modules(blocks: tuple[Block, ...], container: nn.Module, prefix: BlockPath = ()
                  ) -> Iterator[tuple[BlockPath, nn.Module]]:
    """Pair every block of a built design (nested ones too) with its module, by position."""
    for i, block in enumerate(blocks):
        module = container[i]
        path = prefix + (i,)
        yield path, module
        for c, child in enumerate(block.children):
            yield from block_modules(child, _child_container(block, module, c), path + (c,))


def _child_container(block: Block, module: nn.Module, slot: int) -> nn.Module:
    if block.type in ("Residual", "Gate"):
        return (module.body, getattr(module, "shortcut", None))[slot]
    if block.type == "Concat":
        return module.branches[slot]
    return module
