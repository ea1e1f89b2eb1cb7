"""The whole network at a glance for the drawn digit (the Draw page's "Network" tab).

Input on the left, one column per top-level block (its channels as a column of small
tiles, a flat output as bars), the class probabilities on the right: the digit turning
into the answer, as in CNN Explainer. A composite is one framed group holding a lane per
branch (a residual's body and shortcut, each branch of a concat) with its blocks' columns,
then the merged output (geometry: `overview_layout`). The columns come from the same
forward pass as the prediction and the feature maps (the Draw page adds `watch()`'s
modules, nested ones included, to that pass and hands its `Inspection` over); the tiles
are drawn a few milliseconds later, so the answer is on screen first.

Hovering a tile names the block, channel, value range and the lane it sits in; clicking
it opens the block in the Feature maps view (`blockChosen`), and a convolution's tile
asks for the Kernel slide page at that layer and channel (`openInSlide`, wired by the
workbench: pages never import each other) when that page can slide it.
"""

from __future__ import annotations

import numpy as np
import torch
import torch.nn as nn
from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QImage, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QFrame, QScrollArea, QToolTip, QWidget

from playground.core.block_preview import MAPS, PROBABILITIES, BlockPreview, previews_of
from playground.core.inspect_model import BlockRef, Inspection, block_modules
from playground.ui.draw.overview_layout import (COLUMN_GAP, FLOW_DY, GROUP_H, INPUT_SIDE, MARGIN, OVERVIEW_BARS,
                                                OVERVIEW_TILES, TITLE_H, BlockColumn, OverviewTile, RefTree,
                                                place_columns, ref_trees)
from playground.ui.state.active_model import ActiveModel, ModelHub
from playground.ui.widgets import style
from playground.ui.widgets.retranslate import Retranslating

__all__ = ["NetworkOverview", "OverviewCanvas", "OverviewTile", "OVERVIEW_TILES", "OVERVIEW_BARS"]

# The tiles are laid out this long after the answer: the platform paints a window on its
# next frame (a few ms after an update is asked for), and the answer must be painted first.
DRAW_DELAY_MS = 8
_LINE = QColor("#c5ccd6")


def _number(value: float) -> str:
    return f"{value:.3g}"


class OverviewCanvas(Retranslating, QWidget):
    """Paints the columns and answers hover and clicks; `NetworkOverview` scrolls it."""

    blockChosen = Signal(str)
    openInSlide = Signal(str, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("networkOverviewCanvas")
        self.setMouseTracking(True)
        self.trees: list[RefTree] = []  # the top-level blocks, each with its nested ones
        self.columns: list[BlockColumn] = []  # one per top-level block
        self.by_id: dict[str, BlockColumn] = {}  # every block's column, nested ones too
        self.tiles: list[OverviewTile] = []
        self.top = MARGIN + TITLE_H  # where the tiles start
        self.digit: torch.Tensor | None = None
        self.probabilities: np.ndarray | None = None
        self.message = ""
        self.hover_text = ""
        self._size = QSize(400, 300)

    def retranslate_ui(self) -> None:
        """Every text is painted, so a repaint says it in the new language."""
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        return self._size

    def lay_out(self, previews: dict[str, BlockPreview] | None, probabilities: np.ndarray | None) -> None:
        """Place a column per top-level block from the pass's previews (None: nothing drawn);
        a composite's column holds its lanes' columns."""
        self.probabilities = probabilities
        self.columns, placer, self.top, right = place_columns(self.trees, previews)
        self.tiles, self.by_id = placer.tiles, placer.columns
        bottom = max([self.top + INPUT_SIDE] + [column.bottom for column in self.columns])
        self._size = QSize(int(right + MARGIN), int(bottom + MARGIN + 16))
        self.setMinimumSize(self._size)
        self.updateGeometry()
        self.update()

    # ------------------------------------------------------------------ painting

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        p = QPainter(self)
        p.fillRect(self.rect(), QColor(style.CARD))
        small = QFont(self.font())
        small.setPixelSize(10)
        p.setFont(small)
        self._input(p)
        if not self.columns or all(c.preview is None for c in self.columns):
            p.setPen(QColor(style.FAINT))
            p.drawText(QRectF(MARGIN + INPUT_SIDE + COLUMN_GAP, self.top + INPUT_SIDE + 12, 420, 40),
                       Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
                       self.message)
        p.setPen(QPen(QColor("#e3e7ee"), 1))
        y = self.top + FLOW_DY
        p.drawLine(QPointF(MARGIN + INPUT_SIDE, y), QPointF(self.width() - MARGIN, y))  # the data flows right
        for column in self.columns:
            self._block(p, column)
        p.end()

    def _input(self, p: QPainter) -> None:
        rect = QRectF(MARGIN, self.top, INPUT_SIDE, INPUT_SIDE)
        p.setPen(QColor(style.MUTED))
        p.drawText(QRectF(MARGIN, self.top - 30, INPUT_SIDE, 28),
                   Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignLeft, self.tr("Input"))
        if self.digit is None:
            p.fillRect(rect, QColor("#000000"))
            return
        levels = np.ascontiguousarray(np.round(self.digit.reshape(self.digit.shape[-2], -1).numpy() * 255)
                                      .clip(0, 255).astype(np.uint8))
        h, w = levels.shape
        image = QImage(levels.data, w, h, w, QImage.Format.Format_Grayscale8).copy()
        p.drawImage(rect, image)

    def _block(self, p: QPainter, column: BlockColumn) -> None:
        if column.frame is not None:
            self._group(p, column)
            self._column(p, column, self.tr("output"))
        else:
            self._column(p, column, column.ref.block.label or column.ref.block.type)

    def _group(self, p: QPainter, column: BlockColumn) -> None:
        """A composite: its frame and title, its lanes forking off and joining again, their columns."""
        block, frame, merge = column.ref.block, column.frame, column.merge
        assert frame is not None and merge is not None, "only a composite's column is a group"
        colour = QColor(style.type_colour(block.type))
        fill = QColor(colour)
        fill.setAlpha(12)
        p.setPen(QPen(colour, 1, Qt.PenStyle.DashLine))
        p.setBrush(fill)
        p.drawRoundedRect(frame, 5, 5)
        p.setBrush(Qt.BrushStyle.NoBrush)
        title_rect = QRectF(frame.left() + 6, frame.top() + 2, frame.width() - 12, GROUP_H - 2)
        metrics = p.fontMetrics()
        title = metrics.elidedText(block.label or block.type, Qt.TextElideMode.ElideRight, int(title_rect.width()))
        p.setPen(colour)
        p.drawText(title_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)
        room = title_rect.adjusted(metrics.horizontalAdvance(title) + 6, 0, 0, 0)
        p.setPen(QColor(style.FAINT))  # the id, as under a column's name
        p.drawText(room, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                   metrics.elidedText(block.id, Qt.TextElideMode.ElideRight, int(max(0.0, room.width()))))
        lanes = column.lanes
        for lane in lanes:
            p.setPen(QColor(style.MUTED))
            caption = p.fontMetrics().elidedText(lane.caption, Qt.TextElideMode.ElideRight, int(lane.rect.width()))
            p.drawText(QRectF(lane.rect.left(), lane.rect.top(), lane.rect.width(), 12),
                       Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, caption)
            p.setPen(QPen(_LINE, 1.5, Qt.PenStyle.DashLine if lane.identity else Qt.PenStyle.SolidLine))
            p.drawLine(QPointF(column.fork_x, lane.flow_y), QPointF(merge.x(), lane.flow_y))
        p.setPen(QPen(_LINE, 1.5))
        if len(lanes) > 1:
            p.drawLine(QPointF(column.fork_x, lanes[0].flow_y), QPointF(column.fork_x, lanes[-1].flow_y))
            p.drawLine(QPointF(merge.x(), lanes[0].flow_y), QPointF(merge.x(), lanes[-1].flow_y))
        p.drawLine(merge, QPointF(column.rect.left(), merge.y()))
        for lane in lanes:
            for inner in lane.columns:
                self._block(p, inner)
        self._merge_node(p, column, colour)

    def _merge_node(self, p: QPainter, column: BlockColumn, colour: QColor) -> None:
        symbol = column.ref.block.kind.composite.merge_symbol
        if symbol is None:
            return
        merge = column.merge
        p.setPen(QPen(colour, 1.5))
        p.setBrush(QColor(style.CARD))
        if len(symbol) == 1:
            box = QRectF(merge.x() - 9, merge.y() - 9, 18, 18)
            p.drawEllipse(box)
        else:
            width = p.fontMetrics().horizontalAdvance(symbol) + 12
            box = QRectF(merge.x() - width / 2, merge.y() - 9, width, 18)
            p.drawRoundedRect(box, 9, 9)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.setPen(colour)
        p.drawText(box, Qt.AlignmentFlag.AlignCenter, symbol)

    def _column(self, p: QPainter, column: BlockColumn, title: str) -> None:
        rect, ref = column.rect, column.ref
        metrics = p.fontMetrics()
        room = int(rect.width() + COLUMN_GAP - 2)
        lines = (metrics.elidedText(title, Qt.TextElideMode.ElideRight, room),
                 metrics.elidedText(ref.block_id, Qt.TextElideMode.ElideRight, room))
        p.setPen(QColor(style.type_colour(ref.block.type)))
        p.drawText(QRectF(rect.left() - COLUMN_GAP / 2, rect.top() - 30, rect.width() + COLUMN_GAP, 14),
                   Qt.AlignmentFlag.AlignHCenter, lines[0])
        p.setPen(QColor(style.FAINT))
        p.drawText(QRectF(rect.left() - COLUMN_GAP / 2, rect.top() - 16, rect.width() + COLUMN_GAP, 14),
                   Qt.AlignmentFlag.AlignHCenter, lines[1])
        preview, tiles = column.preview, column.tiles
        if preview is None:
            return
        if preview.kind == MAPS:
            for tile, image in zip(tiles, column.images):
                p.drawImage(tile.rect, image)
            if column.more > 0:  # compact columns are too narrow for the word
                more = self.tr("+{n}") if column.compact else self.tr("+{n} more")
                p.save()
                tiny = QFont(p.font())
                tiny.setPixelSize(9)
                p.setFont(tiny)
                p.setPen(QColor(style.FAINT))
                p.drawText(QRectF(rect.left() - 6, rect.bottom() + 1, rect.width() + 12, 14),
                           Qt.AlignmentFlag.AlignHCenter, more.format(n=column.more))
                p.restore()
        elif preview.kind == PROBABILITIES:
            winner = int(np.argmax(preview.values))
            label_w = 14.0 if preview.channels <= 10 else 24.0  # room for 3-digit class numbers
            for tile in tiles:
                value = preview.values[tile.channel]
                colour = QColor(style.ACCENT if tile.channel == winner else "#9aa5b5")
                p.setPen(QColor(style.TEXT if tile.channel == winner else style.MUTED))
                label = QRectF(tile.rect.left(), tile.rect.top(), label_w, tile.rect.height())
                p.drawText(label, Qt.AlignmentFlag.AlignCenter, str(tile.channel))
                length = max(1.0, float(value) * (tile.rect.width() - label_w - 4))
                p.fillRect(QRectF(tile.rect.left() + label_w + 2, tile.rect.top() + 3, length, tile.rect.height() - 6),
                           colour)
            if column.more > 0:
                p.setPen(QColor(style.FAINT))
                p.drawText(QRectF(rect.left(), rect.bottom() + 1, rect.width(), 14), Qt.AlignmentFlag.AlignLeft,
                           self.tr("top {n} of {total}").format(n=column.shown, total=preview.channels))
        else:
            for tile, value in zip(tiles, preview.values):
                length = max(1.0, float(value) * tile.rect.width())
                p.fillRect(QRectF(tile.rect.left(), tile.rect.top(), length, tile.rect.height()), QColor("#7a8799"))

    # ------------------------------------------------------------------ hover and click

    def tile_at(self, pos: QPointF) -> OverviewTile | None:
        return next((t for t in self.tiles if t.rect.contains(pos)), None)

    def describe(self, tile: OverviewTile) -> str:
        column = self.by_id[tile.block_id]
        ref, preview = column.ref, column.preview
        if preview is not None and preview.kind == PROBABILITIES:
            return self.tr("{block}: class {c}, p = {p}").format(
                block=ref.title, c=tile.channel, p=_number(float(preview.values[tile.channel])))
        what = self.tr("channel") if preview is not None and preview.kind == MAPS else self.tr("unit")
        lines = [self.tr("{block}: {what} {c}, values {low} … {high}").format(
            block=ref.title, what=what, c=tile.channel, low=_number(tile.low), high=_number(tile.high))]
        if column.context:
            lines.append(self.tr("inside {where}").format(where=column.context))
        if tile.convolution and tile.slidable:
            lines.append(self.tr("Click to slide this kernel over the digit"))
        elif tile.convolution:
            lines.append(self.tr("The Kernel slide page cannot show a {kind} (it slides Conv2d and pooling "
                                 "windows only): click to open it in Feature maps").format(kind=ref.block.type))
        else:
            lines.append(self.tr("Click to open this block in Feature maps"))
        return "\n".join(lines)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        tile = self.tile_at(event.position())
        self.hover_text = self.describe(tile) if tile is not None else ""
        self.setCursor(Qt.CursorShape.PointingHandCursor if tile is not None else Qt.CursorShape.ArrowCursor)
        if tile is not None:
            QToolTip.showText(event.globalPosition().toPoint(), self.hover_text, self)
        else:
            QToolTip.hideText()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() != Qt.MouseButton.LeftButton:
            return
        tile = self.tile_at(event.position())
        if tile is None:
            return
        if tile.convolution and tile.slidable:
            self.openInSlide.emit(tile.block_id, tile.channel)
        else:
            self.blockChosen.emit(tile.block_id)


class NetworkOverview(Retranslating, QScrollArea):
    """The overview tab: follows the active model, shows each pass it is handed."""

    blockChosen = Signal(str)  # open this block in the Feature maps view
    openInSlide = Signal(str, int)  # block id, output channel: the Kernel slide page should show it

    def __init__(self, hub: ModelHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("networkOverview")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(True)
        self.canvas = OverviewCanvas()
        self.setWidget(self.canvas)
        self.canvas.blockChosen.connect(self.blockChosen)
        self.canvas.openInSlide.connect(self.openInSlide)
        self._pending: Inspection | None = None
        self._watched: dict[str, nn.Module] = {}
        self._opaque = False
        self._last_id: str | None = None
        self._draw_timer = QTimer(self)  # the tiles are drawn after the answer is painted
        self._draw_timer.setSingleShot(True)
        self._draw_timer.setInterval(DRAW_DELAY_MS)
        self._draw_timer.timeout.connect(self._show_pending)
        hub.modelChanged.connect(self._on_model_changed)
        self._on_model_changed(hub.active)

    def retranslate_ui(self) -> None:
        if self._opaque:
            self.canvas.message = self.tr("This network was not built from its design here: "
                                          "its blocks cannot be shown one by one.")
        else:
            self.canvas.message = self.tr("Draw a digit to see the whole network at work.")
        self.canvas.update()

    def _on_model_changed(self, active: ActiveModel | None) -> None:
        refs: list[BlockRef] = []
        self._opaque = False  # a network whose blocks cannot be paired with its design
        if active is not None:
            try:
                refs = block_modules(active.design, active.model)
            except (AttributeError, IndexError, TypeError):
                self._opaque = True
        self.retranslate_ui()
        self.canvas.trees = ref_trees(refs)
        self._watched = {ref.block_id: ref.module for ref in refs}  # nested blocks too: the lanes show them
        self._last_id = self.canvas.trees[-1].ref.block_id if self.canvas.trees else None
        self.show_inspection(None)

    def watch(self) -> dict[str, nn.Module]:
        """The modules whose outputs the overview needs from the Draw page's forward pass:
        every block, those inside composites too (one pass, hooks on each)."""
        return dict(self._watched)

    def set_input(self, digit: torch.Tensor | None) -> None:
        """The picture for the input column; painted with the pass's columns, after the answer."""
        self.canvas.digit = digit

    def show_inspection(self, inspection: Inspection | None) -> None:
        """Show a pass (drawn a moment later); None clears the columns."""
        self._pending = inspection
        self._draw_timer.start()

    @property
    def pending(self) -> bool:
        return self._draw_timer.isActive()

    def _show_pending(self) -> None:
        inspection, self._pending = self._pending, None
        if inspection is None or not all(block_id in inspection.activations
                                         for block_id in self._watched if block_id != self._last_id):
            self.canvas.lay_out(None, None)  # no pass, or one made while the overview was not watching
            return
        previews = previews_of(inspection, self._last_id, OVERVIEW_TILES, OVERVIEW_BARS)
        self.canvas.lay_out(previews, inspection.probabilities.numpy())

    # for tests and the benchmark
    def column_ids(self) -> list[str]:
        """The top-level blocks' ids, one column (or group) each, left to right."""
        return [c.ref.block_id for c in self.canvas.columns]

    def tiles_of(self, block_id: str) -> list[OverviewTile]:
        """The tiles of any block's column, nested ones too."""
        column = self.canvas.by_id.get(block_id)
        return list(column.tiles) if column is not None else []

    def lanes_of(self, block_id: str) -> list[list[str]]:
        """A composite's lanes, top to bottom, each as the ids of its blocks' columns."""
        return [[c.ref.block_id for c in lane.columns] for lane in self.canvas.by_id[block_id].lanes]
