"""How deep a design nests, against the limit its own file format sets (MAX_NESTING).

A design file nested deeper than MAX_NESTING is refused when read, so an edit (wrap,
paste, move into a composite) must not build one: the app could not reopen its own file.
The walk is iterative, so even a design built deeper than Python's stack is measured.
"""

from __future__ import annotations

from playground.core.design import MAX_NESTING, Block, Design, DesignError, json_path
from playground.core.i18n import _


def deepest_block(design: Design) -> tuple[int, tuple[int, ...]]:
    """(levels, path) of the most deeply nested block; a top-level block is level 1, as in the file."""
    best: tuple[int, tuple[int, ...]] = (0, ())
    stack: list[tuple[tuple[Block, ...], tuple[int, ...], int]] = [(design.layers, (), 1)]
    while stack:
        blocks, prefix, level = stack.pop()
        for i, block in enumerate(blocks):
            path = prefix + (i,)
            if level > best[0]:
                best = (level, path)
            stack.extend((child, path + (c,), level + 1) for c, child in enumerate(block.children))
    return best


def check_nesting(design: Design) -> None:
    """Raise DesignError (naming the deepest block) when `design` nests past MAX_NESTING."""
    levels, path = deepest_block(design)
    if levels > MAX_NESTING:
        raise DesignError(json_path(design, path), _("nested too deeply: {levels} levels, a design file allows at "
                                                     "most {most}").format(levels=levels, most=MAX_NESTING))
