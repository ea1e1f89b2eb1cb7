"""Grids of small magnified images (feature maps, kernels) and the colour maps they use.

A learner needs to see every pixel of a 5x5 kernel or a 7x7 feature map, so tiles are
magnified by whole multiples with nearest-neighbour sampling: no smoothing invents
detail that is not there. Hovering reports the tile and the value under the cursor in
the `hovered` signal (and a tooltip), so views can show it in a status line.
"""

from __future__ import annotations

from typing import Callable, Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QScrollArea, QSizePolicy, QToolTip, QWidget

LAYER_MAX_PIXELS = 4_000_000  # frames and captions are cached in a pixmap up to this size (16 MB)

SEQUENTIAL = pg.colormap.get("viridis").getLookupTable(nPts=256, alpha=False).astype(np.uint8)
DIVERGING = pg.colormap.get("CET-D1").getLookupTable(nPts=256, alpha=False).astype(np.uint8)

HoverText = Callable[[int, int, int], str]  # (tile, row, column) -> text


NOT_A_NUMBER = np.array([255, 0, 255], dtype=np.uint8)  # magenta: in neither colour map


def colourise(values: np.ndarray, low: float, high: float, lut: np.ndarray) -> np.ndarray:
    """Map values onto a lookup table between `low` and `high` -> (..., 3) uint8 RGB.

    NaN and infinite values (weights that diverged) get NOT_A_NUMBER, not a colour of the map."""
    finite = np.isfinite(values)
    span = high - low
    if not np.isfinite(span) or span <= 0:
        index = np.full(values.shape, 128, dtype=np.intp)
    else:
        with np.errstate(invalid="ignore", over="ignore"):
            scaled = np.where(finite, (values - low) * (255.0 / span), 0.0)
        index = np.clip(np.rint(scaled), 0, 255).astype(np.intp)  # zero -> 128 when centred
    rgb = lut[index]
    if not finite.all():
        rgb[~finite] = NOT_A_NUMBER
    return rgb


def colour_scale(values: np.ndarray) -> tuple[float, float, np.ndarray]:
    """The shared scale for a block's outputs: diverging around zero when they have both
    signs (so zero always looks the same), sequential from min to max otherwise.
    Only finite values set the scale; with none, the scale is empty."""
    finite = values[np.isfinite(values)]
    if finite.size == 0:
        return 0.0, 0.0, SEQUENTIAL
    low, high = float(finite.min()), float(finite.max())
    if low < 0.0 < high:
        bound = max(-low, high)
        return -bound, bound, DIVERGING
    return low, high, SEQUENTIAL


def finite_bound(values: np.ndarray) -> float:
    """The largest finite magnitude (1.0 when there is none): a symmetric scale that NaN cannot spoil."""
    finite = np.abs(values[np.isfinite(values)])
    return float(finite.max()) if finite.size and finite.max() > 0 else 1.0


def non_finite_note(values: np.ndarray) -> str:
    """'' when every value is a number; else a sentence saying how many are not and how they look."""
    count = int(values.size - np.count_nonzero(np.isfinite(values)))
    if count == 0:
        return ""
    return QCoreApplication.translate(
        "TileGrid", "{count} of {total} values are not numbers (NaN or infinite), shown in magenta: "
                    "the weights have diverged. ").format(count=f"{count:,}", total=f"{values.size:,}")


def rgb_image(rgb: np.ndarray) -> QImage:
    """An HxWx3 uint8 array as a QImage that owns its pixels."""
    rgb = np.ascontiguousarray(rgb, dtype=np.uint8)
    h, w = rgb.shape[:2]
    return QImage(rgb.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()


def _rgb32_images(tiles: np.ndarray) -> list[QImage]:
    """(N, H, W, 3) RGB -> QImages in Format_RGB32 (BGRA bytes in memory), each owning its pixels."""
    n, h, w, _ = tiles.shape
    bgra = np.empty((n, h, w, 4), np.uint8)
    bgra[..., :3] = tiles[..., ::-1]
    bgra[..., 3] = 255
    return [QImage(tile.data, w, h, 4 * w, QImage.Format.Format_RGB32).copy() for tile in bgra]


class TileGrid(QWidget):
    """Paints tiles (HxWx3 uint8 arrays) in a grid, each magnified by a whole factor.

    `columns`: fixed number of columns (kernels: one per input channel) or None to fill
    the width. `row_labels` are drawn left of each row (fixed columns only). Live feature
    maps repaint many times a second with new values in the same places, so the tiles are
    converted once to the painter's native 32-bit format (which Qt magnifies quickly), and
    the tile positions and a layer holding the background, frames and captions are kept
    until the layout changes: a repaint is one blit and one drawImage per tile.
    """

    hovered = Signal(str)

    GAP = 6
    CAPTION = 14
    FRAME = (150, 150, 150)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMouseTracking(True)
        # Paints every pixel itself, so a live update never repaints the tab pane behind it.
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self._tiles = np.zeros((0, 1, 1, 3), np.uint8)
        self._captions: list[str] = []
        self._columns: int | None = None
        self._row_labels: list[str] = []
        self._column_labels: list[str] = []
        self._hover_text: HoverText | None = None
        self._max_px, self._min_px = 160, 40
        self._fit_height = 0
        self._message = ""
        self._images: list[QImage] = []
        self._placement_key: tuple | None = None
        self._placed: tuple[int, int, list[QRect]] = (1, 1, [])
        self._layer_key: tuple | None = None
        self._layer: QPixmap | None = None
        self._label_width_key: tuple | None = None
        self._label_width_px = 0

    # ------------------------------------------------------------------ content

    def set_tiles(self, tiles: Sequence[np.ndarray] | np.ndarray, captions: Sequence[str] = (), *,
                  columns: int | None = None, row_labels: Sequence[str] = (),
                  column_labels: Sequence[str] = (), hover_text: HoverText | None = None,
                  max_px: int = 160, min_px: int = 40) -> None:
        """Show `tiles` (all the same size), each between `min_px` and `max_px` a side on screen."""
        before = self._geometry_key()
        self._tiles = np.ascontiguousarray(np.asarray(tiles, dtype=np.uint8).reshape(len(tiles), *np.shape(tiles[0])))
        self._captions = list(captions)
        self._columns = columns
        self._row_labels = list(row_labels)
        self._column_labels = list(column_labels)
        self._hover_text = hover_text
        self._max_px, self._min_px = max_px, min_px
        self._message = ""
        self._images = _rgb32_images(self._tiles)
        if self._geometry_key() != before:  # live updates with new values only repaint, no relayout
            self.updateGeometry()
        self.update()

    def _geometry_key(self) -> tuple:
        return (self._tiles.shape, len(self._captions), self._columns, tuple(self._row_labels),
                tuple(self._column_labels), self._max_px, self._min_px)

    def show_message(self, text: str) -> None:
        """No tiles, a sentence instead (nothing drawn yet, no model, ...)."""
        self._tiles = np.zeros((0, 1, 1, 3), np.uint8)
        self._message = text
        self._images = []
        self.updateGeometry()
        self.update()

    @property
    def message(self) -> str:
        """The sentence shown instead of tiles ("" while tiles are shown)."""
        return self._message

    @property
    def tile_count(self) -> int:
        return len(self._tiles)

    @property
    def tile_arrays(self) -> np.ndarray:
        """The tiles shown, (N, H, W, 3) uint8, unmagnified."""
        return self._tiles.copy()

    @property
    def _shape(self) -> tuple[int, int]:
        return int(self._tiles.shape[1]), int(self._tiles.shape[2])

    # ------------------------------------------------------------------ layout

    def _label_width(self) -> int:
        """Room for the row labels; measured once per set of labels and font (a 64-row
        kernel grid asks for it for every tile)."""
        if not self._row_labels:
            return 0
        key = (tuple(self._row_labels), self.font().key())
        if key != self._label_width_key:
            self._label_width_key = key
            self._label_width_px = max(self.fontMetrics().horizontalAdvance(t) for t in self._row_labels) + self.GAP
        return self._label_width_px

    def _top(self) -> int:
        return self.CAPTION if self._column_labels else 0

    def _layout(self, width: int) -> tuple[int, int, int]:
        """(scale, columns, rows) for a widget `width` pixels wide.

        The largest whole magnification (tiles up to `max_px` a side) whose grid fits the
        width and the visible height; when even `min_px` tiles do not fit the height, the
        grid keeps that size and its scroll area scrolls. Without a height to fit (no
        scroll area), a few tiles stay on one row as long as they can be `min_px` wide.
        """
        h, w = self._shape
        count = max(1, len(self._tiles))
        avail = max(1, width - self._label_width())
        side = max(h, w)
        max_scale = max(1, self._max_px // side)
        min_scale = max(1, min(max_scale, round(self._min_px / side)))
        columns, rows = 1, count
        for scale in range(max_scale, 0, -1):
            cell_w, cell_h = self._cell(scale)
            if self._columns:
                columns = self._columns
                if columns * cell_w > avail and scale > 1:
                    continue
            else:
                columns = max(1, min(count, avail // cell_w))
            rows = -(-count // columns)
            height = self._top() + rows * cell_h
            if self._fit_height <= 0 and not self._columns:
                if rows == 1 or scale <= min_scale:
                    return scale, columns, rows
            elif self._fit_height <= 0 or height <= self._fit_height or scale <= min_scale:
                return scale, columns, rows
        return 1, columns, rows

    def set_fit_height(self, height: int) -> None:
        """The height the grid should fit in without scrolling (its scroll area's viewport)."""
        if height != self._fit_height:
            self._fit_height = height
            self.updateGeometry()
            self.update()

    def _cell(self, scale: int) -> tuple[int, int]:
        h, w = self._shape
        caption = self.CAPTION if self._captions else 0
        return w * scale + self.GAP, h * scale + caption + self.GAP

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        if not len(self._tiles):
            return 60
        scale, _, rows = self._layout(width)
        return self._top() + rows * self._cell(scale)[1]

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(360, self.heightForWidth(360))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(120, 60)

    def _tile_rect(self, index: int, scale: int, columns: int) -> QRect:
        h, w = self._shape
        cell_w, cell_h = self._cell(scale)
        row, col = divmod(index, columns)
        top = self._top() + row * cell_h + (self.CAPTION if self._captions else 0) + 1  # +1: room for the frame
        return QRect(self._label_width() + col * cell_w + 1, top, w * scale, h * scale)

    # ------------------------------------------------------------------ painting

    def _placement(self) -> tuple[int, int, list[QRect]]:
        """(scale, columns, each tile's rectangle) for the current size, worked out once per layout."""
        key = (self.width(), self._fit_height, self._geometry_key())
        if key != self._placement_key:
            scale, columns, _ = self._layout(self.width())
            self._placed = (scale, columns, [self._tile_rect(i, scale, columns) for i in range(len(self._tiles))])
            self._placement_key = key
        return self._placed

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.PaletteChange, QEvent.Type.StyleChange):
            self._placement_key = self._layer_key = None  # label widths and colours change
        super().changeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        if not len(self._tiles):
            painter.fillRect(event.rect(), self.palette().window())
            painter.setPen(self.palette().placeholderText().color())
            painter.drawText(self.rect().adjusted(8, 8, -8, -8),
                             Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self._message)
            painter.end()
            return
        scale, columns, rects = self._placement()
        layer = self._frame_layer(scale, columns, rects)
        if layer is None:  # too big to keep (hundreds of channels): paint the frames directly
            self._paint_frames(painter, scale, columns, rects)
        else:
            painter.drawPixmap(0, 0, layer)  # clipped to the exposed region by the painter
        exposed = event.rect()
        for rect, image in zip(rects, self._images):
            if rect.intersects(exposed):
                painter.drawImage(rect, image)  # whole-number magnification, no smoothing: every pixel shows
        painter.end()

    def _frame_layer(self, scale: int, columns: int, rects: list[QRect]) -> QPixmap | None:
        """Background, frames, captions and labels: everything that stays while values change."""
        ratio = self.devicePixelRatioF()
        if self.width() * self.height() * ratio * ratio > LAYER_MAX_PIXELS:
            return None
        key = (self.size(), ratio, self._placement_key, tuple(self._captions), self.palette().cacheKey())
        if key != self._layer_key:
            layer = QPixmap(self.size() * ratio)
            layer.setDevicePixelRatio(ratio)
            painter = QPainter(layer)
            self._paint_frames(painter, scale, columns, rects)
            painter.end()
            self._layer, self._layer_key = layer, key
        return self._layer

    def _paint_frames(self, painter: QPainter, scale: int, columns: int, rects: list[QRect]) -> None:
        painter.fillRect(self.rect(), self.palette().window())
        painter.setPen(QColor(*self.FRAME))
        painter.drawRects([rect.adjusted(-1, -1, 0, 0) for rect in rects])
        small = painter.font()
        small.setPointSizeF(max(6.5, small.pointSizeF() * 0.8))
        painter.setFont(small)
        painter.setPen(self.palette().text().color())
        for text, rect in zip(self._column_labels[:columns], rects):
            painter.drawText(QRect(rect.x(), 0, rect.width(), self.CAPTION), Qt.AlignmentFlag.AlignCenter, text)
        for text, rect in zip(self._captions, rects):
            painter.drawText(QRect(rect.x(), rect.y() - self.CAPTION, rect.width(), self.CAPTION - 1),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, text)
        label_width = self._label_width() - self.GAP
        for text, rect in zip(self._row_labels, rects[::columns]):
            painter.drawText(QRect(0, rect.y(), label_width, rect.height()),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, text)

    # ------------------------------------------------------------------ hover

    def tile_at(self, pos: QPoint) -> tuple[int, int, int] | None:
        """(tile, row, column) under a widget position, or None."""
        if not len(self._tiles):
            return None
        scale, _, rects = self._placement()
        for index, rect in enumerate(rects):
            if rect.contains(pos):
                return index, (pos.y() - rect.y()) // scale, (pos.x() - rect.x()) // scale
        return None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        hit = self.tile_at(event.position().toPoint())
        text = self._hover_text(*hit) if hit is not None and self._hover_text is not None else ""
        self.hovered.emit(text)
        if text:
            QToolTip.showText(event.globalPosition().toPoint(), text, self)
        else:
            QToolTip.hideText()

    def leaveEvent(self, event) -> None:  # noqa: N802
        self.hovered.emit("")
        super().leaveEvent(event)


class FitScrollArea(QScrollArea):
    """A scroll area that tells its TileGrid how much height is visible, so a few large
    tiles fill the space and many small ones scroll."""

    def __init__(self, grid: TileGrid, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setWidget(grid)
        self._grid = grid

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._grid.set_fit_height(self.viewport().height())


class ColourBar(QWidget):
    """A thin horizontal legend: the colour map with its low and high values."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lut: np.ndarray | None = None
        self._strip: QImage | None = None  # the colour map as a 256x1 image, made when the map changes
        self._low = self._high = 0.0
        self.setFixedHeight(30)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_scale(self, low: float, high: float, lut: np.ndarray | None) -> None:
        if lut is not self._lut:
            self._strip = None if lut is None else rgb_image(lut[None, :, :])
        self._low, self._high, self._lut = low, high, lut
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        if self._strip is None:
            return
        painter = QPainter(self)
        painter.drawImage(QRect(4, 2, self.width() - 8, 10), self._strip)
        painter.setPen(self.palette().text().color())
        small = painter.font()
        small.setPointSizeF(max(6.5, small.pointSizeF() * 0.85))
        painter.setFont(small)
        text_rect = QRect(4, 13, self.width() - 8, 16)
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignLeft, f"{self._low:.3g}")
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignRight, f"{self._high:.3g}")
        if self._low < 0 < self._high:
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignHCenter, "0")
        painter.end()
