"""Where every block of a design sits in the editor, and where a drop would land.

The layout is a tree of plain nodes with rectangles in content coordinates (before zoom
and scrolling): cards for the input, leaf blocks and composite headers, columns for every
child list (a Residual's body and shortcut, a Concat's branches, a Sequential's layers, as
each kind's `Composite` titles them), and an output pill. It is rebuilt after every change (cheap: no painting, only text
measuring), and both painting and hit testing read it, so what is drawn is what is hit.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF

from playground.core.analysis import Analysis, LayerInfo
from playground.core.design import Block, BlockPath, Design, ListPath

# Geometry in content pixels.
CARD_W = 268.0
GAP = 30.0  # between consecutive blocks: the connector, and where a drop lands
COL_GAP = 20.0  # between side-by-side columns
PAD = 12.0  # inside a composite frame
MERGE_H = 44.0  # the "+" / "concat" node under the columns
EMPTY_W = 196.0
EMPTY_H = 44.0
IDENTITY_W = 132.0
BYPASS_W = 22.0  # beside the columns of a composite whose input bypasses them (a Gate's x)
MARGIN = 32.0
OUTPUT_H = 32.0
MAX_MESSAGE_LINES = 4
HEADING_MIN_W = 460.0
_ELIDE_RIGHT = Qt.TextElideMode.ElideRight


@dataclass
class Metrics:
    """Text sizes that drive card heights, so larger system fonts never clip."""

    title: QFontMetricsF
    body: QFontMetricsF
    small: QFontMetricsF
    heading: QFontMetricsF

    @property
    def card_h(self) -> float:
        return max(60.0, 10 + self.title.height() + 4 + self.body.height() + 16)

    @property
    def heading_h(self) -> float:
        """The design's name and description above the input."""
        return self.heading.height() + 4 + self.small.height()

    @property
    def message_line_h(self) -> float:
        return self.small.height() + 1


def metrics_for(title: QFont, body: QFont, small: QFont, heading: QFont) -> Metrics:
    return Metrics(QFontMetricsF(title), QFontMetricsF(body), QFontMetricsF(small), QFontMetricsF(heading))


@dataclass
class Column:
    """A child list of blocks laid out top to bottom."""

    list_path: ListPath
    title: str
    rect: QRectF
    items: list["Card"] = field(default_factory=list)
    empty: QRectF | None = None  # the drop placeholder of an empty list
    identity: bool = False  # a Residual shortcut with no blocks: the identity
    caption: str = ""  # what is written over the column ("shortcut: identity"); the title by default

    def __post_init__(self) -> None:
        self.caption = self.caption or self.title

    @property
    def center_x(self) -> float:
        return self.rect.center().x()

    def slot_y(self, index: int) -> float:
        """The y of the insertion marker before item `index` (len(items): after the last)."""
        if not self.items:
            return self.empty.center().y() if self.empty else self.rect.center().y()
        if index < len(self.items):
            return self.items[index].rect.top() - GAP / 2
        return self.items[-1].rect.bottom() + GAP / 2


@dataclass
class Card:
    """One block (or the input/output terminal) and, for composites, its columns."""

    kind: str  # "input", "leaf", "composite", "output"
    block_id: str
    path: BlockPath | None
    block: Block | None
    rect: QRectF
    header: QRectF
    info: LayerInfo | None = None
    columns: list[Column] = field(default_factory=list)
    merge: QRectF | None = None
    collapsed: bool = False
    message: list[str] = field(default_factory=list)
    message_is_error: bool = True
    preview: QRectF | None = None  # where the block's output preview goes (previews shown)

    @property
    def composite(self) -> bool:
        return self.kind == "composite"

    def chevron_rect(self) -> QRectF:
        return chevron_rect(self.header)


def chevron_rect(header: QRectF) -> QRectF:
    """Where a composite's collapse chevron sits in its header: drawn and clicked there."""
    return QRectF(header.left() + 8, header.top() + 9, 16, 18)


@dataclass
class Layout:
    input: Card
    root: Column
    output: Card
    size: tuple[float, float]
    heading: QRectF  # where the design's name and description go
    cards: dict[str, Card]  # by block id (the input under its selection id)
    order: list[str]  # visible cards top to bottom, for keyboard navigation


def _wrap(text: str, fm: QFontMetricsF, width: float, max_lines: int) -> list[str]:
    words = text.split()
    lines: list[str] = []
    line = ""
    for word in words:
        candidate = f"{line} {word}".strip()
        if fm.horizontalAdvance(candidate) <= width or not line:
            line = candidate
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    if len(lines) > max_lines:
        rest = " ".join(lines[max_lines - 1:])
        lines = lines[:max_lines - 1] + [fm.elidedText(rest, _ELIDE_RIGHT, width)]
    return [fm.elidedText(l, _ELIDE_RIGHT, width) if fm.horizontalAdvance(l) > width else l for l in lines]



def _shift_card(card: Card, dx: float, dy: float) -> None:
    card.rect.translate(dx, dy)
    card.header.translate(dx, dy)
    if card.preview is not None:
        card.preview.translate(dx, dy)
    if card.merge is not None:
        card.merge.translate(dx, dy)
    for column in card.columns:
        _shift_column(column, dx, dy)


def _shift_column(column: Column, dx: float, dy: float) -> None:
    column.rect.translate(dx, dy)
    if column.empty is not None:
        column.empty.translate(dx, dy)
    for item in column.items:
        _shift_card(item, dx, dy)


class _Builder:
    def __init__(self, design: Design, analysis: Analysis, metrics: Metrics, collapsed: set[str],
                 preview_h: float = 0.0) -> None:
        self.design = design
        self.preview_h = preview_h
        self.rows = analysis.by_id
        self.m = metrics
        self.collapsed = collapsed
        self.cards: dict[str, Card] = {}
        self.order: list[str] = []

    def message_for(self, info: LayerInfo | None, width: float) -> tuple[list[str], bool]:
        if info is None:
            return [], True
        text = info.error or info.warning
        if not text:
            return [], True
        return _wrap(text, self.m.small, width - 30, MAX_MESSAGE_LINES), bool(info.error)

    def header_height(self, message: list[str]) -> float:
        extra = len(message) * self.m.message_line_h + 6 if message else 0.0
        return self.m.card_h + extra

    def preview_rect(self, header: QRectF) -> QRectF | None:
        """The strip at the foot of a card (grown by preview_h) where its preview goes."""
        if not self.preview_h:
            return None
        return QRectF(header.left(), header.bottom() - self.preview_h - 4, header.width(), self.preview_h)

    def card(self, block: Block, path: BlockPath) -> Card:
        info = self.rows.get(block.id)
        self.order.append(block.id)
        if not block.kind.composite:
            message, is_error = self.message_for(info, CARD_W)
            rect = QRectF(0, 0, CARD_W, self.header_height(message) + self.preview_h)
            card = Card("leaf", block.id, path, block, rect, QRectF(rect), info, message=message,
                        message_is_error=is_error, preview=self.preview_rect(rect))
            self.cards[block.id] = card
            return card
        collapsed = block.id in self.collapsed
        composite = block.kind.composite
        titles = composite.slot_titles(block.children)
        columns: list[Column] = []
        if not collapsed:
            columns = [self.column(child, path + (c,), titles[c], composite.identity_slot(c),
                                   composite.slot_caption(block.children, c))
                       for c, child in enumerate(block.children)]
        cols_w = sum(c.rect.width() for c in columns) + COL_GAP * max(0, len(columns) - 1)
        width = max(CARD_W, cols_w + 2 * PAD)
        if columns and composite.bypass_caption is not None:
            width = max(width, cols_w + 2 * (PAD + BYPASS_W))  # room for the input's line past the slots
        message, is_error = self.message_for(info, width)
        header_h = self.header_height(message)
        if collapsed:
            header = QRectF(0, 0, width, header_h + self.preview_h)
            card = Card("composite", block.id, path, block, QRectF(header), header, info, [], None, True,
                        message, is_error, preview=self.preview_rect(header))
            self.cards[block.id] = card
            return card
        header = QRectF(0, 0, width, header_h + self.preview_h)  # its preview: the merged output
        cols_h = max(c.rect.height() for c in columns)
        x = (width - cols_w) / 2
        for column in columns:
            column.rect.setHeight(cols_h)
            _shift_column(column, x, header.height())
            x += column.rect.width() + COL_GAP
        y = header.height() + cols_h
        merge = None
        if composite.merge_symbol is not None:
            merge = QRectF(0, y, width, MERGE_H)
            y += MERGE_H
        else:
            y += PAD / 2
        rect = QRectF(0, 0, width, y)
        preview = self.preview_rect(header)
        if preview is not None:  # as wide as a block card's, not the whole frame's
            preview.setWidth(min(preview.width(), CARD_W))
        card = Card("composite", block.id, path, block, rect, header, info, columns, merge, False,
                    message, is_error, preview=preview)
        self.cards[block.id] = card
        return card

    def column(self, blocks: tuple[Block, ...], list_path: ListPath, title: str, identity_slot: bool,
               caption: str = "") -> Column:
        items = [self.card(b, list_path + (i,)) for i, b in enumerate(blocks)]
        if not items:
            w, h = (IDENTITY_W, EMPTY_H) if identity_slot else (EMPTY_W, EMPTY_H)
            column = Column(list_path, title, QRectF(0, 0, w + 16, h + 2 * GAP),
                            empty=QRectF(8, GAP, w, h), identity=identity_slot, caption=caption)
            return column
        width = max(i.rect.width() for i in items)
        y = GAP
        for item in items:
            _shift_card(item, (width - item.rect.width()) / 2, y)
            y += item.rect.height() + GAP
        return Column(list_path, title, QRectF(0, 0, width, y), items, caption=caption)


def build_layout(design: Design, analysis: Analysis, metrics: Metrics, collapsed: set[str],
                 input_id: str, preview_h: float = 0.0) -> Layout:
    """Lay out the whole design: input card, the blocks, and the output pill; with
    `preview_h`, every card (a composite's header too) grows by that much for its output preview."""
    builder = _Builder(design, analysis, metrics, collapsed, preview_h)
    builder.order.append(input_id)
    root = builder.column(design.layers, (), "", False)
    input_rect = QRectF(0, 0, CARD_W, metrics.card_h)
    width = max(root.rect.width(), CARD_W)
    inner = max(width, HEADING_MIN_W)  # room for the design's name and description
    left = MARGIN + (inner - width) / 2
    heading = QRectF(MARGIN, MARGIN - 8, inner, metrics.heading_h)
    input_card = Card("input", input_id, None, None, input_rect, QRectF(input_rect))
    _shift_card(input_card, left + (width - CARD_W) / 2, heading.bottom() + 18)
    _shift_column(root, left + (width - root.rect.width()) / 2, input_card.rect.bottom())
    root.rect = QRectF(left, root.rect.top(), width, root.rect.height())
    out_rect = QRectF(0, 0, 180, OUTPUT_H)
    output = Card("output", "", None, None, out_rect, QRectF(out_rect))
    _shift_card(output, left + (width - 180) / 2, root.rect.bottom())
    builder.cards[input_id] = input_card
    size = (inner + 2 * MARGIN, output.rect.bottom() + MARGIN)
    return Layout(input_card, root, output, size, heading, builder.cards, builder.order)


# ------------------------------------------------------------------ hit testing

def card_at(layout: Layout, point: QPointF) -> Card | None:
    """The innermost card under a point (a composite when on its frame, not its children)."""
    if layout.input.rect.contains(point):
        return layout.input
    if layout.output.rect.contains(point):
        return layout.output
    return _card_in_column(layout.root, point)


def _card_in_column(column: Column, point: QPointF) -> Card | None:
    for item in column.items:
        if not item.rect.contains(point):
            continue
        for child in item.columns:
            if child.rect.contains(point):
                inner = _card_in_column(child, point)
                if inner is not None:
                    return inner
        return item
    return None


def drop_target(layout: Layout, point: QPointF) -> tuple[Column, int]:
    """The list and index a block dropped at `point` goes to, and the column it is drawn in.

    Inside a composite's column the drop goes into that list; on a composite's header or
    frame it goes before or after the composite; anywhere else into the top-level list.
    """
    return _target_in(layout.root, point)


def _target_in(column: Column, point: QPointF) -> tuple[Column, int]:
    for i, item in enumerate(column.items):
        if not item.rect.contains(point):
            continue
        for child in item.columns:
            if child.rect.adjusted(-COL_GAP / 2, 0, COL_GAP / 2, 0).contains(point) and not item.header.contains(point):
                return _target_in(child, point)
        return column, (i if point.y() < item.rect.center().y() else i + 1)
    index = sum(1 for item in column.items if item.rect.center().y() < point.y())
    return column, index
