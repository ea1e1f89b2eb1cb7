"""Design smells: blocks that build and train but quietly do less than a learner thinks.

An error stops a design from building; a smell does not, so it is a warning on the block
that causes it, with the fix in words (the same form as the analysis's errors). Each check
reads one list of sibling blocks and the analysis rows, never builds a module.
"""

from __future__ import annotations

from typing import Callable, Iterator

from playground.core.composites import SEQUENTIAL
from playground.core.design import Block, BlockPath, Design
from playground.core.formulas import pair
from playground.core.i18n import _

__all__ = ["design_smells"]

Smell = tuple[BlockPath, str]
# Blocks that change nothing a smell cares about: they pass values through at evaluation.
_TRANSPARENT = frozenset({"Dropout", "AlphaDropout", "Identity", "Flatten"})
_POOLS = frozenset({"MaxPool2d", "AvgPool2d"})
_BN_AFTER = {"Conv2d": "BatchNorm2d", "Linear": "BatchNorm1d"}


def _lists(blocks: tuple[Block, ...], prefix: BlockPath) -> Iterator[tuple[tuple[Block, ...], BlockPath]]:
    """Every list of sibling blocks in the tree, with the path of its parent."""
    yield blocks, prefix
    for i, block in enumerate(blocks):
        for c, child in enumerate(block.children):
            yield from _lists(child, prefix + (i, c))


def _tail(blocks: tuple[Block, ...], prefix: BlockPath) -> Iterator[tuple[Block, BlockPath]]:
    """The blocks at the end of the network, last first, looking inside a trailing
    Sequential (a "Classifier" group) as the torch module would run them."""
    for i in range(len(blocks) - 1, -1, -1):
        block = blocks[i]
        if block.kind.composite is SEQUENTIAL:
            yield from _tail(block.children[0], prefix + (i, 0))
        else:
            yield block, prefix + (i,)


def _trailing_softmax(design: Design) -> Iterator[Smell]:
    """The loss (cross-entropy) applies log-softmax itself: a Softmax before it squashes twice."""
    for block, path in _tail(design.layers, ()):
        if block.type in ("Softmax", "LogSoftmax"):
            yield (path, _("the training loss (cross-entropy) applies log-softmax itself, so this {kind} "
                           "is applied twice and flattens the gradients; remove it (the Draw page shows "
                           "probabilities without it)").format(kind=block.type))
            return
        if block.type not in _TRANSPARENT:
            return


def _trailing_dropout(design: Design) -> Iterator[Smell]:
    for block, path in _tail(design.layers, ()):
        if block.type in ("Dropout", "AlphaDropout"):
            yield (path, _("dropout as the last block zeroes class scores while training; "
                           "put it before the last Linear instead"))
        return


def _next_real(blocks: tuple[Block, ...], i: int) -> int | None:
    """The index of the first block after i that is not a pass-through (Dropout, Identity)."""
    for j in range(i + 1, len(blocks)):
        if blocks[j].type not in _TRANSPARENT:
            return j
    return None


def _stacked_linear(design: Design) -> Iterator[Smell]:
    """Linear -> Linear with nothing non-linear between is one linear map (W2 W1 x)."""
    for blocks, prefix in _lists(design.layers, ()):
        for i, block in enumerate(blocks):
            j = _next_real(blocks, i)
            if block.type == "Linear" and j is not None and blocks[j].type == "Linear":
                yield (prefix + (j,), _("two Linear blocks with no activation between them are one linear map "
                                        "(W2·W1·x), so the first adds parameters but no power; put a ReLU "
                                        "between them"))


def _bias_before_norm(design: Design) -> Iterator[Smell]:
    """BatchNorm subtracts each channel's mean, so the bias just before it cancels out."""
    for blocks, prefix in _lists(design.layers, ()):
        for i, block in enumerate(blocks[:-1]):
            norm = _BN_AFTER.get(block.type)
            if norm and blocks[i + 1].type == norm and block.params.get("bias", True):
                yield (prefix + (i,), _("{norm} right after subtracts each channel's mean, which cancels this "
                                        "{kind}'s bias (its beta does the shift); set bias to false").format(
                    norm=norm, kind=block.type))


def _skipping_pool(design: Design) -> Iterator[Smell]:
    """A pooling window with a stride larger than itself never looks at the cells between windows."""
    for blocks, prefix in _lists(design.layers, ()):
        for i, block in enumerate(blocks):
            if block.type not in _POOLS or block.params.get("stride") is None:
                continue
            k, s = pair(block.params["kernel_size"]), pair(block.params["stride"])
            if s[0] > k[0] or s[1] > k[1]:
                gap = max(s[0] - k[0], s[1] - k[1])
                yield (prefix + (i,), _("stride {stride} is larger than the {height}x{width} window, so {gap} "
                                        "row(s)/column(s) between windows are never looked at; use a stride "
                                        "of at most the kernel size").format(stride=max(s), height=k[0], width=k[1],
                                                                             gap=gap))


_CHECKS: tuple[Callable[[Design], Iterator[Smell]], ...] = (
    _trailing_softmax, _trailing_dropout, _stacked_linear, _bias_before_norm, _skipping_pool)


def design_smells(design: Design) -> list[Smell]:
    """Every smell of the design as (block path, message), in check order."""
    return [smell for check in _CHECKS for smell in check(design)]
