"""Design -> torch.nn.Module.

Every block becomes its own module named by its block id, so a block's weights keep their
state_dict keys when it moves, and forward hooks see every block (Flatten included).
Composite blocks are assembled by their kind's `composites.Composite`. Shapes come from the
analysis, which already validated the design: a design with errors is refused with the
first one.
"""

from __future__ import annotations

from collections import OrderedDict

import torch
import torch.nn as nn

from playground.core.analysis import Analysis, analyze
from playground.core.design import Block, BlockPath, Design, DesignError, walk
from playground.core.layers import build_cap_problem, make_module
from playground.core.memory import refuse_weights_that_cannot_fit


class PlaygroundNet(nn.Sequential):
    """The built network: an nn.Sequential of blocks keyed by block id."""


Shapes = dict[BlockPath, tuple[int, ...] | None]


# Attribute names an nn.Sequential already has ("forward", "training", ...): an id equal
# to one of them cannot name a child module.
_TAKEN = nn.Sequential()


def module_names(blocks: tuple[Block, ...]) -> list[str]:
    """The module names of sibling blocks: their ids, so weights and hooks follow a block
    when it moves. A block without an id (a design built in code) is named by position;
    an id torch cannot take ("." inside, or "forward") gets a "_" added."""
    names: list[str] = []
    for i, block in enumerate(blocks):
        name = block.id.replace(".", "_") if block.id else f"block{i}"
        while hasattr(_TAKEN, name) or name in names:
            name += "_"
        names.append(name)
    return names


def _build_list(blocks: tuple[Block, ...], prefix: BlockPath, in_shapes: Shapes) -> "OrderedDict[str, nn.Module]":
    return OrderedDict((name, _build_block(block, prefix + (i,), in_shapes))
                       for i, (name, block) in enumerate(zip(module_names(blocks), blocks)))


def _build_block(block: Block, path: BlockPath, in_shapes: Shapes) -> nn.Module:
    composite = block.kind.composite
    if composite is not None:
        return composite.build([nn.Sequential(_build_list(child, path + (c,), in_shapes))
                                for c, child in enumerate(block.children)])
    in_shape = in_shapes[path]
    assert in_shape is not None, "an analysis without errors knows every input shape"
    return make_module(block.type, block.params, in_shape)


def buildable_analysis(design: Design, analysis: Analysis | None = None) -> Analysis:
    """The design's analysis, or DesignError naming the first block with an error (or the
    empty design): what anything that turns a design into code or weights checks first."""
    analysis = analysis or analyze(design)
    if analysis.errors:
        path, message = analysis.errors[0]
        raise DesignError(path, message)
    if not design.layers:
        raise DesignError("layers", "the design has no layers")
    json_paths = {row.path: row.json_path for row in analysis.rows}
    for path, block in walk(design):
        problem = None if block.kind.composite else build_cap_problem(block.type, block.params)
        if problem:
            raise DesignError(json_paths[path], problem)
    return analysis


def build_model(design: Design, analysis: Analysis | None = None) -> PlaygroundNet:
    """Build the network on the CPU with torch's default initialisation.

    Raises DesignError naming the first block with an error, and NotEnoughMemory (a
    DesignError) when the weights alone exceed the free memory, before torch allocates.
    """
    analysis = buildable_analysis(design, analysis)
    refuse_weights_that_cannot_fit(analysis, torch.get_default_device())
    in_shapes = {row.path: row.input_shape for row in analysis.rows}
    return PlaygroundNet(_build_list(design.layers, (), in_shapes))
