"""Design -> torch.nn.Module.

Every block becomes its own module named by its block id, so a block's weights keep their
state_dict keys when it moves, and forward hooks see every block (Flatten included).
Shapes come from the analysis, which already validated the design: a design with errors
is refused with the first one.
"""

from __future__ import annotations

from collections import OrderedDict

import torch
import torch.nn as nn

from playground.core.analysis import Analysis, analyze
from playground.core.design import Block, Design, DesignError
from playground.core.layers import make_module


class Residual(nn.Module):
    """y = body(x) + shortcut(x); an empty shortcut is the identity."""

    def __init__(self, body: nn.Sequential, shortcut: nn.Sequential) -> None:
        super().__init__()
        self.body = body
        self.shortcut = shortcut

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.body(x) + self.shortcut(x)


class Concat(nn.Module):
    """Runs every branch on the same input and concatenates the outputs on channels."""

    def __init__(self, branches: list[nn.Sequential]) -> None:
        super().__init__()
        self.branches = nn.ModuleList(branches)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return torch.cat([branch(x) for branch in self.branches], dim=1)


class PlaygroundNet(nn.Sequential):
    """The built network: an nn.Sequential of blocks keyed by block id."""


def _build_list(blocks: tuple[Block, ...], analysis: Analysis) -> "OrderedDict[str, nn.Module]":
    info = analysis.by_id
    modules: OrderedDict[str, nn.Module] = OrderedDict()
    for block in blocks:
        modules[block.id] = _build_block(block, analysis, info[block.id].input_shape)
    return modules


def _build_block(block: Block, analysis: Analysis, in_shape: tuple[int, ...] | None) -> nn.Module:
    if block.type == "Sequential":
        return nn.Sequential(_build_list(block.children[0], analysis))
    if block.type == "Residual":
        return Residual(nn.Sequential(_build_list(block.children[0], analysis)),
                        nn.Sequential(_build_list(block.children[1], analysis)))
    if block.type == "Concat":
        return Concat([nn.Sequential(_build_list(branch, analysis)) for branch in block.children])
    assert in_shape is not None
    return make_module(block.type, block.params, in_shape)


def build_model(design: Design, analysis: Analysis | None = None) -> PlaygroundNet:
    """Build the network on the CPU with torch's default initialisation.

    Raises DesignError naming the first block with an error.
    """
    analysis = analysis or analyze(design)
    if analysis.errors:
        path, message = analysis.errors[0]
        raise DesignError(path, message)
    if not design.layers:
        raise DesignError("layers", "the design has no layers")
    return PlaygroundNet(_build_list(design.layers, analysis))
