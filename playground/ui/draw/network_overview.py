"""The whole network at a glance for the drawn digit (the Draw page's "Network" tab).

Input on the left, one column per top-level block (its channels as a column of small
tiles, a flat output as bars, a composite framed as one group), the class probabilities
on the right: the digit turning into the answer, as in CNN Explainer. The columns come
from the same forward pass as the prediction and the feature maps (the Draw page adds
`watch()`'s modules to that pass and hands its `Inspection` over); the tiles are drawn a
few milliseconds later, so the answer is on screen first.

Hovering a tile names the block, channel and value range; clicking it opens the block in
the Feature maps view (`blockChosen`), and a convolution's tile asks for the Kernel slide
page at that layer and channel (`openInSlide`, wired by the workbench: pages never import
each other).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch
from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QImage, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QFrame, QScrollArea, QToolTip, QWidget

from playground.core.block_preview import MAPS, PROBABILITIES, BlockPreview, previews_of
from playground.core.inspect_model import BlockRef, Inspection, block_modules
from playground.ui.state.active_model import ActiveModel, ModelHub
from playground.ui.widgets import style
from playground.ui.widgets.tile_grid import SEQUENTIAL, colourise, rgb_image

OVERVIEW_TILES = 16  # channels a column shows at most
OVERVIEW_BARS = 48  # units a flat column shows at most
TILE = 26.0
TILE_GAP = 3.0
BAR_H = 4.0
COLUMN_W = 42.0
PROBABILITY_W = 92.0
INPUT_SIDE = 72.0
COLUMN_GAP = 12.0
TOP = 40.0  # room for the column titles
MARGIN = 10.0
# The tiles are laid out this long after the answer: the platform paints a window on its
# next frame (a few ms after an update is asked for), and the answer must be painted first.
DRAW_DELAY_MS = 8


def _number(value: float) -> str:
    return f"{value:.3g}"


@dataclass(frozen=True)
class OverviewTile:
    """One clickable tile (or bar) of the overview, in canvas coordinates."""

    block_id: str
    channel: int
    rect: QRectF
    low: float
    high: float
    convolution: bool


@dataclass
class _Column:
    ref: BlockRef
    rect: QRectF
    preview: BlockPreview | None
    images: list[QImage]


class OverviewCanvas(QWidget):
    """Paints the columns and answers hover and clicks; `NetworkOverview` scrolls it."""

    blockChosen = Signal(str)
    openInSlide = Signal(str, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("networkOverviewCanvas")
        self.setMouseTracking(True)
        self.refs: list[BlockRef] = []
        self.columns: list[_Column] = []
        self.tiles: list[OverviewTile] = []
        self.digit: torch.Tensor | None = None
        self.probabilities: np.ndarray | None = None
        self.message = ""
        self.hover_text = ""
        self._size = QSize(400, 300)

    def sizeHint(self) -> QSize:  # noqa: N802
        return self._size

    def lay_out(self, previews: dict[str, BlockPreview] | None, probabilities: np.ndarray | None) -> None:
        """Place a column per top-level block from the pass's previews (None: nothing drawn)."""
        self.columns, self.tiles = [], []
        self.probabilities = probabilities
        x = MARGIN + INPUT_SIDE + COLUMN_GAP
        bottom = TOP + INPUT_SIDE
        for ref in self.refs:
            preview = previews.get(ref.block_id) if previews else None
            width = PROBABILITY_W if preview is not None and preview.kind == PROBABILITIES else COLUMN_W
            column = _Column(ref, QRectF(x, TOP, width, 0), preview, [])
            column.rect.setHeight(self._place(column))
            bottom = max(bottom, column.rect.bottom())
            self.columns.append(column)
            x += width + COLUMN_GAP
        self._size = QSize(int(x + MARGIN), int(bottom + MARGIN + 16))
        self.setMinimumSize(self._size)
        self.updateGeometry()
        self.update()

    def _place(self, column: _Column) -> float:
        preview, ref = column.preview, column.ref
        if preview is None:
            return TILE
        left = column.rect.left() + (column.rect.width() - TILE) / 2
        y = column.rect.top()
        if preview.kind == MAPS:
            convolution = bool(ref.block.kind.convolution)
            coloured = colourise(preview.values, 0.0, 1.0, SEQUENTIAL)  # every tile in one go
            for channel in range(len(preview.values)):
                column.images.append(rgb_image(coloured[channel]))
                rect = QRectF(left, y, TILE, TILE)
                self.tiles.append(OverviewTile(ref.block_id, channel, rect, float(preview.lows[channel]),
                                               float(preview.highs[channel]), convolution))
                y += TILE + TILE_GAP
            return y - column.rect.top()
        if preview.kind == PROBABILITIES:
            row = 14.0
            for i in range(len(preview.values)):
                rect = QRectF(column.rect.left(), y, column.rect.width(), row)
                self.tiles.append(OverviewTile(ref.block_id, i, rect, 0.0, 1.0, False))
                y += row + 2
            return y - column.rect.top()
        for unit in range(len(preview.values)):
            rect = QRectF(column.rect.left() + 4, y, column.rect.width() - 8, BAR_H)
            self.tiles.append(OverviewTile(ref.block_id, unit, rect, float(preview.lows[0]),
                                           float(preview.highs[0]), False))
            y += BAR_H + 1
        return y - column.rect.top()

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
            p.drawText(QRectF(MARGIN + INPUT_SIDE + COLUMN_GAP, TOP, 420, 40),
                       Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
                       self.message)
        p.setPen(QPen(QColor("#e3e7ee"), 1))
        y = TOP + INPUT_SIDE / 2
        p.drawLine(QPointF(MARGIN + INPUT_SIDE, y), QPointF(self.width() - MARGIN, y))  # the data flows right
        for column in self.columns:
            self._column(p, column)
        p.end()

    def _input(self, p: QPainter) -> None:
        rect = QRectF(MARGIN, TOP, INPUT_SIDE, INPUT_SIDE)
        p.setPen(QColor(style.MUTED))
        p.drawText(QRectF(MARGIN, TOP - 30, INPUT_SIDE, 28), Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignLeft,
                   self.tr("Input"))
        if self.digit is None:
            p.fillRect(rect, QColor("#000000"))
            return
        levels = np.ascontiguousarray(np.round(self.digit.reshape(self.digit.shape[-2], -1).numpy() * 255)
                                      .clip(0, 255).astype(np.uint8))
        h, w = levels.shape
        image = QImage(levels.data, w, h, w, QImage.Format.Format_Grayscale8).copy()
        p.drawImage(rect, image)

    def _column(self, p: QPainter, column: _Column) -> None:
        rect, ref = column.rect, column.ref
        title = ref.block.label or ref.block.type
        p.setPen(QColor(style.type_colour(ref.block.type)))
        metrics = p.fontMetrics()
        lines = (metrics.elidedText(title, Qt.TextElideMode.ElideRight, int(rect.width() + COLUMN_GAP - 2)),
                 metrics.elidedText(ref.block_id, Qt.TextElideMode.ElideRight, int(rect.width() + COLUMN_GAP - 2)))
        p.drawText(QRectF(rect.left() - COLUMN_GAP / 2, TOP - 30, rect.width() + COLUMN_GAP, 14),
                   Qt.AlignmentFlag.AlignHCenter, lines[0])
        p.setPen(QColor(style.FAINT))
        p.drawText(QRectF(rect.left() - COLUMN_GAP / 2, TOP - 16, rect.width() + COLUMN_GAP, 14),
                   Qt.AlignmentFlag.AlignHCenter, lines[1])
        if ref.block.kind.composite is not None:  # a group of blocks: framed as one
            p.setPen(QPen(QColor(style.type_colour(ref.block.type)), 1, Qt.PenStyle.DashLine))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRoundedRect(rect.adjusted(-5, -4, 5, 4), 5, 5)
        preview = column.preview
        if preview is None:
            return
        tiles = [t for t in self.tiles if t.block_id == ref.block_id]
        if preview.kind == MAPS:
            for tile, image in zip(tiles, column.images):
                p.drawImage(tile.rect, image)
            more = preview.channels - len(tiles)
            if more > 0:
                p.setPen(QColor(style.FAINT))
                p.drawText(QRectF(rect.left() - 6, rect.bottom() + 1, rect.width() + 12, 14),
                           Qt.AlignmentFlag.AlignHCenter, self.tr("+{n} more").format(n=more))
        elif preview.kind == PROBABILITIES:
            winner = int(np.argmax(preview.values))
            for tile, value in zip(tiles, preview.values):
                colour = QColor(style.ACCENT if tile.channel == winner else "#9aa5b5")
                p.setPen(QColor(style.TEXT if tile.channel == winner else style.MUTED))
                label = QRectF(tile.rect.left(), tile.rect.top(), 14, tile.rect.height())
                p.drawText(label, Qt.AlignmentFlag.AlignCenter, str(tile.channel))
                length = max(1.0, float(value) * (tile.rect.width() - 18))
                p.fillRect(QRectF(tile.rect.left() + 16, tile.rect.top() + 3, length, tile.rect.height() - 6), colour)
        else:
            for tile, value in zip(tiles, preview.values):
                length = max(1.0, float(value) * tile.rect.width())
                p.fillRect(QRectF(tile.rect.left(), tile.rect.top(), length, tile.rect.height()), QColor("#7a8799"))

    # ------------------------------------------------------------------ hover and click

    def tile_at(self, pos: QPointF) -> OverviewTile | None:
        return next((t for t in self.tiles if t.rect.contains(pos)), None)

    def describe(self, tile: OverviewTile) -> str:
        ref = next(c.ref for c in self.columns if c.ref.block_id == tile.block_id)
        preview = next(c.preview for c in self.columns if c.ref.block_id == tile.block_id)
        if preview is not None and preview.kind == PROBABILITIES:
            return self.tr("{block}: class {c}, p = {p}").format(
                block=ref.title, c=tile.channel, p=_number(float(preview.values[tile.channel])))
        what = self.tr("channel") if preview is not None and preview.kind == MAPS else self.tr("unit")
        text = self.tr("{block}: {what} {c}, values {low} … {high}").format(
            block=ref.title, what=what, c=tile.channel, low=_number(tile.low), high=_number(tile.high))
        if tile.convolution:
            text += "\n" + self.tr("Click to slide this kernel over the digit")
        return text

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
        if tile.convolution:
            self.openInSlide.emit(tile.block_id, tile.channel)
        else:
            self.blockChosen.emit(tile.block_id)


class NetworkOverview(QScrollArea):
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
        self._last_id: str | None = None
        self._draw_timer = QTimer(self)  # the tiles are drawn after the answer is painted
        self._draw_timer.setSingleShot(True)
        self._draw_timer.setInterval(DRAW_DELAY_MS)
        self._draw_timer.timeout.connect(self._show_pending)
        hub.modelChanged.connect(self._on_model_changed)
        self._on_model_changed(hub.active)

    def _on_model_changed(self, active: ActiveModel | None) -> None:
        refs: list[BlockRef] = []
        self.canvas.message = self.tr("Draw a digit to see the whole network at work.")
        if active is not None:
            try:
                refs = block_modules(active.design, active.model)
            except (AttributeError, IndexError, TypeError):
                self.canvas.message = self.tr("This network was not built from its design here: "
                                              "its blocks cannot be shown one by one.")
        self.canvas.refs = [ref for ref in refs if ref.depth == 0]
        self._last_id = self.canvas.refs[-1].block_id if self.canvas.refs else None
        self.show_inspection(None)

    def watch(self) -> dict[str, object]:
        """The modules whose outputs the overview needs from the Draw page's forward pass."""
        return {ref.block_id: ref.module for ref in self.canvas.refs}

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
        if inspection is None or not all(ref.block_id in inspection.activations for ref in self.canvas.refs[:-1]):
            self.canvas.lay_out(None, None)  # no pass, or one made while the overview was not watching
            return
        previews = previews_of(inspection, self._last_id, OVERVIEW_TILES, OVERVIEW_BARS)
        self.canvas.lay_out(previews, inspection.probabilities.numpy())

    # for tests and the benchmark
    def column_ids(self) -> list[str]:
        return [c.ref.block_id for c in self.canvas.columns]

    def tiles_of(self, block_id: str) -> list[OverviewTile]:
        return [t for t in self.canvas.tiles if t.block_id == block_id]
