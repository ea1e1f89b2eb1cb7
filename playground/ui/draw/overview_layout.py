"""Where the network overview puts each column, lane and tile (geometry only, no painting).

Every block becomes a `BlockColumn`: its output as a column of tiles (feature maps), bars
(a flat output) or the class probabilities. A composite block is a group: one `Lane` per
child list (a residual's body and shortcut, each branch of a concat, a gate's body and
the input it scales), stacked top to bottom because they run side by side on the same
input, each lane holding its blocks' columns left to right, then the node where the
lanes join and the composite's own (merged) output column. The first lane's tiles start
at the same height as the columns around the group, so the main line of data runs
straight through; the other lanes fork off below it and join again at the merge node.

Inside a group with more than one non-empty lane the columns are compact (smaller
tiles, fewer of them), so an Inception block's four branches stay readable on screen.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping, Sequence

import numpy as np
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QImage

from playground.core.block_preview import MAPS, PROBABILITIES, BlockPreview
from playground.core.inspect_model import BlockRef
from playground.ui.widgets.tile_grid import SEQUENTIAL, colourise, rgb_image

OVERVIEW_TILES = 16  # channels a top-level column shows at most
OVERVIEW_BARS = 48  # units a top-level flat column shows at most
LANE_TILES = 8  # ... and a column inside parallel lanes
LANE_BARS = 24
TILE = 26.0
LANE_TILE = 18.0
TILE_GAP = 3.0
BAR_H = 4.0
LANE_BAR_H = 3.0
COLUMN_W = 42.0
LANE_COLUMN_W = 34.0
PROBABILITY_W = 92.0
PROBABILITY_ROW = 14.0
MAX_CLASSES = 20  # up to this many classes the probability column lists them all
TOP_CLASSES = 10  # ... beyond it, only the most probable
INPUT_SIDE = 72.0
COLUMN_GAP = 12.0
MARGIN = 10.0
TITLE_H = 30.0  # a column's two title lines (name, id) above its tiles
GROUP_H = 16.0  # a group's title line above its lanes
CAPTION_H = 14.0  # a lane's caption ("body", "branch 2") above its columns' titles
FORK_W = 16.0  # room left of the lanes for the line that forks into them
LANE_GAP = 8.0
MIN_LANE_W = 84.0  # an empty (identity) lane still has room for its caption
MORE_H = 14.0  # the "+n more" line under a column that shows only some channels
FLOW_DY = INPUT_SIDE / 2  # the data line runs this far below the top of the tiles
GROUP_PAD = 6.0


@dataclass(frozen=True)
class OverviewTile:
    """One clickable tile (or bar) of the overview, in canvas coordinates.

    `convolution`: the block holds kernels; `slidable`: the Kernel slide page can show it."""

    block_id: str
    channel: int
    rect: QRectF
    low: float
    high: float
    convolution: bool
    slidable: bool = False


def shown_classes(probabilities: np.ndarray) -> list[int]:
    """Every class in order for a few classes; for many (ImageNet's 1000) the most probable first."""
    if len(probabilities) <= MAX_CLASSES:
        return list(range(len(probabilities)))
    return [int(i) for i in np.argsort(-np.asarray(probabilities), kind="stable")[:TOP_CLASSES]]


@dataclass(frozen=True)
class RefTree:
    """A block with, for a composite, the blocks of each of its child lists."""

    ref: BlockRef
    slots: tuple[tuple["RefTree", ...], ...] = ()


def ref_trees(refs: Sequence[BlockRef]) -> list[RefTree]:
    """The top-level blocks of `block_modules`' reading-order list, each with its children."""
    by_path = {ref.path: ref for ref in refs}

    def tree(ref: BlockRef) -> RefTree:
        slots = tuple(tuple(tree(by_path[ref.path + (c, j)]) for j in range(len(children)))
                      for c, children in enumerate(ref.block.children))
        return RefTree(ref, slots)

    return [tree(ref) for ref in refs if ref.depth == 0]


@dataclass
class Lane:
    """One child list of a composite: its caption, its blocks' columns, where data runs."""

    caption: str
    rect: QRectF  # from the caption's top to the lowest column's bottom
    flow_y: float
    columns: list["BlockColumn"]
    identity: bool  # no blocks: the input passes unchanged (an identity shortcut, a gate's x)


@dataclass
class BlockColumn:
    """One block's column of tiles; for a composite also its lanes and where they join."""

    ref: BlockRef
    rect: QRectF  # the tiles (or bars) of the block's own output
    preview: BlockPreview | None
    compact: bool
    context: str  # the groups and lanes it sits in ("Residual block 1 › body"), "" at the top
    images: list[QImage] = field(default_factory=list)
    tiles: list[OverviewTile] = field(default_factory=list)
    lanes: list[Lane] = field(default_factory=list)
    frame: QRectF | None = None  # a composite's group frame
    merge: QPointF | None = None  # where its lanes join
    fork_x: float = 0.0

    @property
    def shown(self) -> int:
        return len(self.tiles)

    @property
    def right(self) -> float:
        return self.frame.right() if self.frame is not None else self.rect.right()

    @property
    def bottom(self) -> float:
        bottom = self.rect.bottom() + (MORE_H if self.more > 0 else 0.0)
        return max(bottom, self.frame.bottom()) if self.frame is not None else bottom

    @property
    def more(self) -> int:
        """Channels of a feature map (or classes) beyond the tiles shown."""
        if self.preview is None or self.preview.kind not in (MAPS, PROBABILITIES):
            return 0
        return self.preview.channels - self.shown


def head_room(tree: RefTree) -> float:
    """How far above its tiles a block's titles (and a group's lanes and title) reach."""
    if not tree.slots:
        return TITLE_H
    return GROUP_H + CAPTION_H + lane_head_room(tree.slots[0])


def lane_head_room(lane: Sequence[RefTree]) -> float:
    return max((head_room(t) for t in lane), default=TITLE_H)


def tile_cap(compact: bool) -> int:
    """How many channels a column shows: fewer inside parallel lanes."""
    return LANE_TILES if compact else OVERVIEW_TILES


def bar_cap(compact: bool) -> int:
    return LANE_BARS if compact else OVERVIEW_BARS


def lane_captions(tree: RefTree) -> list[str]:
    """Each lane's caption: the composite's own slot captions, and its bypass line's (a gate's x)."""
    block = tree.ref.block
    composite = block.kind.composite
    assert composite is not None, "only composites have lanes"
    captions = [composite.slot_caption(block.children, c) for c in range(len(block.children))]
    if composite.bypass_caption is not None:
        captions.append(composite.bypass_caption)
    return captions


class OverviewPlacer:
    """Places the columns of one pass left to right, collecting every tile for hit tests."""

    def __init__(self, previews: Mapping[str, BlockPreview] | None) -> None:
        self.previews = previews or {}
        self.tiles: list[OverviewTile] = []
        self.columns: dict[str, BlockColumn] = {}  # every block's column, nested ones too

    def place(self, tree: RefTree, x: float, top: float, compact: bool, context: str) -> BlockColumn:
        """The column of `tree` with its left edge at x and its tiles starting at `top`."""
        if tree.slots:
            return self._group(tree, x, top, compact, context)
        column = self._leaf(tree.ref, x, top, compact, context)
        self.columns[tree.ref.block_id] = column
        return column

    def _leaf(self, ref: BlockRef, x: float, top: float, compact: bool, context: str) -> BlockColumn:
        preview = self.previews.get(ref.block_id)
        probabilities = preview is not None and preview.kind == PROBABILITIES
        width = PROBABILITY_W if probabilities else (LANE_COLUMN_W if compact else COLUMN_W)
        column = BlockColumn(ref, QRectF(x, top, width, 0), preview, compact, context)
        tile = LANE_TILE if compact else TILE
        height = tile
        if preview is not None and preview.kind == MAPS:
            height = self._maps(column, preview, tile)
        elif probabilities:
            height = self._probabilities(column, preview)
        elif preview is not None:
            height = self._bars(column, preview, LANE_BAR_H if compact else BAR_H)
        column.rect.setHeight(height)
        self.tiles += column.tiles
        return column

    def _maps(self, column: BlockColumn, preview: BlockPreview, tile: float) -> float:
        ref, rect = column.ref, column.rect
        shown = min(len(preview.values), tile_cap(column.compact))
        coloured = colourise(preview.values[:shown], 0.0, 1.0, SEQUENTIAL)  # every tile in one go
        left, y = rect.left() + (rect.width() - tile) / 2, rect.top()
        kind = ref.block.kind
        for channel in range(shown):
            column.images.append(rgb_image(coloured[channel]))
            column.tiles.append(OverviewTile(ref.block_id, channel, QRectF(left, y, tile, tile),
                                             float(preview.lows[channel]), float(preview.highs[channel]),
                                             bool(kind.convolution), bool(kind.animatable)))
            y += tile + TILE_GAP
        return y - TILE_GAP - rect.top()

    def _probabilities(self, column: BlockColumn, preview: BlockPreview) -> float:
        rect, y = column.rect, column.rect.top()
        for i in shown_classes(preview.values):
            column.tiles.append(OverviewTile(column.ref.block_id, i, QRectF(rect.left(), y, rect.width(),
                                                                            PROBABILITY_ROW), 0.0, 1.0, False))
            y += PROBABILITY_ROW + 2
        return y - rect.top()

    def _bars(self, column: BlockColumn, preview: BlockPreview, bar_h: float) -> float:
        rect, y = column.rect, column.rect.top()
        for unit in range(min(len(preview.values), bar_cap(column.compact))):
            column.tiles.append(OverviewTile(column.ref.block_id, unit, QRectF(rect.left() + 4, y, rect.width() - 8,
                                                                               bar_h),
                                             float(preview.lows[0]), float(preview.highs[0]), False))
            y += bar_h + 1
        return y - rect.top()

    def _group(self, tree: RefTree, x: float, top: float, compact: bool, context: str) -> BlockColumn:
        ref = tree.ref
        captions = lane_captions(tree)
        lists = list(tree.slots) + [()] * (len(captions) - len(tree.slots))  # the bypass lane has no blocks
        inner = compact or sum(1 for blocks in lists if blocks) > 1
        title = ref.block.label or ref.block.type
        lanes_x = x + FORK_W
        caption_y = top - lane_head_room(lists[0]) - CAPTION_H
        group_top = caption_y - GROUP_H
        lanes: list[Lane] = []
        for c, (caption, blocks) in enumerate(zip(captions, lists)):
            tiles_top = top if c == 0 else caption_y + CAPTION_H + lane_head_room(blocks)
            where = " › ".join(part for part in (context, title, caption) if part)
            cx, bottom, columns = lanes_x, tiles_top + FLOW_DY + 8, []
            for child in blocks:
                column = self.place(child, cx, tiles_top, inner, where)
                columns.append(column)
                cx = column.right + COLUMN_GAP
                bottom = max(bottom, column.bottom)
            width = max(cx - COLUMN_GAP - lanes_x, MIN_LANE_W) if columns else MIN_LANE_W
            lanes.append(Lane(caption, QRectF(lanes_x, caption_y, width, bottom - caption_y),
                              tiles_top + FLOW_DY, columns, not columns))
            caption_y = bottom + LANE_GAP
        lanes_right = max(lane.rect.right() for lane in lanes)
        symbol = ref.block.kind.composite.merge_symbol
        merge_w = FORK_W if symbol is None else (30.0 if len(symbol) == 1 else 52.0)
        for lane in lanes:  # every lane runs on to the merge node
            lane.rect.setRight(lanes_right)
        out = self._leaf(ref, lanes_right + merge_w, top, compact, context)
        right = out.rect.right() + GROUP_PAD
        bottom = max([lane.rect.bottom() for lane in lanes] + [out.bottom]) + GROUP_PAD
        out.lanes = lanes
        out.frame = QRectF(x - GROUP_PAD / 2, group_top, right - x + GROUP_PAD / 2, bottom - group_top)
        out.merge = QPointF(lanes_right + merge_w / 2, lanes[0].flow_y)
        out.fork_x = x + FORK_W / 2
        self.columns[ref.block_id] = out
        return out


def place_columns(trees: Sequence[RefTree], previews: Mapping[str, BlockPreview] | None
                  ) -> tuple[list[BlockColumn], OverviewPlacer, float, float]:
    """The top-level columns after the input picture; also the placer (every tile and
    column), the top of the tiles and the canvas's right edge."""
    placer = OverviewPlacer(previews)
    top = MARGIN + max((head_room(t) for t in trees), default=TITLE_H)
    x = MARGIN + INPUT_SIDE + COLUMN_GAP
    columns = []
    for tree in trees:
        column = placer.place(tree, x, top, False, "")
        columns.append(column)
        x = column.right + COLUMN_GAP
    return columns, placer, top, x
