"""The drawing canvas: strokes kept as vector paths, rendered into a fixed-size image.

Strokes are stored in canvas units (a 280x280 square, ten times MNIST's 28) so the widget
can grow with its dock without changing what the network sees: the screen shows the
paths drawn at the widget's own resolution, and the model reads a 280x280 image rendered
from the same paths only when it asks for one (at most once per prediction, never per
mouse event). Mouse, pen (QTabletEvent) and touch (QTouchEvent) all feed the same
begin/extend/end stroke calls.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor, QImage, QKeyEvent, QKeySequence, QMouseEvent, QPainter, QPainterPath, QPaintEvent, QPen, QPixmap,
    QTabletEvent, QTouchEvent)
from PySide6.QtWidgets import QSizePolicy, QWidget

from playground.core.digit import ink_levels, load_image
from playground.ui.widgets.retranslate import Retranslating

RESOLUTION = 280  # canvas units per side; the rendered image is this many pixels square
DEFAULT_PEN_WIDTH = 22.0  # canvas units: about MNIST's stroke width once scaled to 20 px
MIN_PEN_WIDTH, MAX_PEN_WIDTH = 6, 48
_DOT = QPointF(0.01, 0.0)  # a click becomes a tiny segment, which round caps turn into a dot


@dataclass
class Stroke:
    """One press-to-release gesture: points in canvas units and the pen width used."""

    points: list[QPointF] = field(default_factory=list)
    width: float = DEFAULT_PEN_WIDTH

    def path(self) -> QPainterPath:
        """A smooth curve: quadratic segments through the midpoints of the raw points."""
        pts = self.points
        path = QPainterPath(pts[0])
        if len(pts) == 1:
            path.lineTo(pts[0] + _DOT)
            return path
        path.lineTo((pts[0] + pts[1]) / 2)
        for i in range(2, len(pts)):
            path.quadTo(pts[i - 1], (pts[i - 1] + pts[i]) / 2)
        path.lineTo(pts[-1])
        return path


@dataclass
class LoadedImage:
    """An image file fitted into the canvas, stored as white ink on black (0-255)."""

    ink: QImage  # Format_Grayscale8, RESOLUTION x RESOLUTION
    name: str


class DrawCanvas(Retranslating, QWidget):
    """A square drawing surface for one digit.

    Signals: `changed` after every change to the content (each mouse move too: the
    listener throttles); `settled` when a change is complete (stroke end, clear, undo,
    load, invert), so the listener can update at once.
    """

    changed = Signal()
    settled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("drawCanvas")
        self.setMinimumSize(RESOLUTION, RESOLUTION)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)  # for the brush outline under the cursor
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)  # each move repaints only the canvas
        self.setCursor(Qt.CursorShape.CrossCursor)
        self._items: list[Stroke | LoadedImage] = []
        self._current: Stroke | None = None
        self._pen_width = DEFAULT_PEN_WIDTH
        self._inverted = False
        self._hover: QPointF | None = None
        self._base = QImage(RESOLUTION, RESOLUTION, QImage.Format.Format_RGB32)  # finished items
        self._image = QImage(RESOLUTION, RESOLUTION, QImage.Format.Format_RGB32)  # base + current stroke
        self._base_dirty = True
        self._image_dirty = True
        # The screen: paper and finished items at the widget's resolution, redrawn when they
        # change or the widget resizes; a new point or a hover paints over it.
        self._generation = 0  # counts content changes
        self._layer = QPixmap()
        self._layer_key: tuple | None = None
        self.retranslate_ui()

    # ------------------------------------------------------------------ properties

    @property
    def pen_width(self) -> float:
        return self._pen_width

    def set_pen_width(self, width: float) -> None:
        """Width of strokes drawn from now on, in canvas units (280 per side)."""
        self._pen_width = float(min(max(width, MIN_PEN_WIDTH), MAX_PEN_WIDTH))
        self.update()

    @property
    def inverted(self) -> bool:
        """True: black ink on white paper; False (default): white ink on black, as MNIST."""
        return self._inverted

    def set_inverted(self, inverted: bool) -> None:
        if inverted == self._inverted:
            return
        self._inverted = inverted
        self._content_changed(settled=True)

    @property
    def ink_colour(self) -> QColor:
        return QColor(Qt.GlobalColor.black if self._inverted else Qt.GlobalColor.white)

    @property
    def paper_colour(self) -> QColor:
        return QColor(Qt.GlobalColor.white if self._inverted else Qt.GlobalColor.black)

    def is_empty(self) -> bool:
        return not self._items and self._current is None

    @property
    def stroke_count(self) -> int:
        """Undoable items: strokes and loaded images."""
        return len(self._items) + (self._current is not None)

    def is_drawing(self) -> bool:
        return self._current is not None

    # ------------------------------------------------------------------ actions

    def clear(self) -> None:
        if self.is_empty():
            return
        self._items.clear()
        self._current = None
        self._content_changed(settled=True)

    def undo(self) -> None:
        """Remove the last stroke (or loaded image)."""
        if self._current is not None:
            self._current = None
        elif self._items:
            self._items.pop()
        else:
            return
        self._content_changed(settled=True)

    def load_image_file(self, path: str | os.PathLike[str]) -> None:
        """Put an image file on the canvas (raises DigitImageError with a one-line message)."""
        self.set_picture(load_image(path), os.path.basename(os.fspath(path)))

    def retranslate_ui(self) -> None:
        self.setAccessibleName(self.tr("Drawing canvas"))
        self.setToolTip(self.tr("Draw a digit with the mouse, a pen or a finger.\nEsc clears, Ctrl+Z undoes the "
                                "last stroke."))
        self.update()  # the hint on an empty canvas

    def set_picture(self, picture: np.ndarray, name: str = "image") -> None:
        """Fit a picture (grey or RGB(A), either polarity) into the canvas, keeping its aspect.

        Its background becomes the canvas paper and its ink the canvas ink, whatever
        colours it came in; it is one undo step, like a stroke.
        """
        ink = ink_levels(picture)
        levels = (np.zeros(picture.shape[:2], np.uint8) if ink is None
                  else np.round(ink * 255.0).astype(np.uint8))
        self._current = None
        self._items.append(LoadedImage(_fit_to_canvas(levels), name))
        self._content_changed(settled=True)

    # ------------------------------------------------------------------ the model's view

    def image(self) -> np.ndarray:
        """The canvas as a RESOLUTION x RESOLUTION uint8 grey array, in the colours shown.

        A read-only view into the canvas's buffer, valid until the next change: copy it to
        keep it. Rendered here, on demand, so drawing costs nothing until someone looks.
        """
        self._render()
        bits = np.frombuffer(self._image.constBits(), dtype=np.uint8)
        pixels = bits.reshape(RESOLUTION, self._image.bytesPerLine() // 4, 4)
        return pixels[:, :RESOLUTION, 0]  # RGB32 is grey here: any colour byte will do

    def _render(self) -> None:
        if self._base_dirty:
            self._base.fill(self.paper_colour)
            painter = QPainter(self._base)
            self._paint_items(painter, self._items)
            painter.end()
            self._base_dirty = False
            self._image_dirty = True
        if self._image_dirty:  # blit the finished strokes, then draw the one in progress: no new buffers
            painter = QPainter(self._image)
            painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Source)
            painter.drawImage(0, 0, self._base)
            painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceOver)
            if self._current is not None:
                self._paint_items(painter, [self._current])
            painter.end()
            self._image_dirty = False

    def _paint_items(self, painter: QPainter, items: list[Stroke | LoadedImage]) -> None:
        """Draw items in canvas units with the current colours (the painter is set up by the caller)."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        for item in items:
            if isinstance(item, LoadedImage):
                ink = item.ink
                if self._inverted:
                    ink = ink.copy()
                    ink.invertPixels()
                # Lighten keeps earlier white ink; Darken keeps earlier black ink.
                mode = (QPainter.CompositionMode.CompositionMode_Darken if self._inverted
                        else QPainter.CompositionMode.CompositionMode_Lighten)
                painter.setCompositionMode(mode)
                painter.drawImage(QRectF(0, 0, RESOLUTION, RESOLUTION), ink)
                painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceOver)
            else:
                pen = QPen(self.ink_colour, item.width, Qt.PenStyle.SolidLine,
                           Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
                painter.setPen(pen)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawPath(item.path())

    # ------------------------------------------------------------------ strokes

    def begin_stroke(self, pos: QPointF) -> None:
        """Start a stroke at `pos` (widget coordinates)."""
        self._current = Stroke([self._to_canvas(pos)], self._pen_width)
        self._image_dirty = True
        self.changed.emit()
        self.update()

    def extend_stroke(self, pos: QPointF) -> None:
        if self._current is None:
            return
        point = self._to_canvas(pos)
        last = self._current.points[-1]
        if abs(point.x() - last.x()) + abs(point.y() - last.y()) < 0.5:
            return  # sub-pixel jitter: nothing new to draw
        self._current.points.append(point)
        self._image_dirty = True
        self.changed.emit()
        self.update()

    def end_stroke(self) -> None:
        if self._current is None:
            return
        self._items.append(self._current)
        self._current = None
        self._content_changed(settled=True)

    def _content_changed(self, settled: bool) -> None:
        self._base_dirty = True
        self._image_dirty = True
        self._generation += 1
        self.update()
        self.changed.emit()
        if settled:
            self.settled.emit()

    # ------------------------------------------------------------------ geometry

    def _square(self) -> QRectF:
        """The drawing square inside the widget (as large as fits, centred across, at the top)."""
        side = min(self.width(), self.height())
        return QRectF((self.width() - side) // 2, 0.0, side, side)  # on whole pixels: the cached layer lands exactly

    def widget_point(self, x: float, y: float) -> QPointF:
        """Where canvas units (0-280 each way) are in widget coordinates."""
        square = self._square()
        scale = square.width() / RESOLUTION
        return QPointF(square.x() + x * scale, square.y() + y * scale)

    def _to_canvas(self, pos: QPointF) -> QPointF:
        square = self._square()
        scale = RESOLUTION / square.width()
        return QPointF((pos.x() - square.x()) * scale, (pos.y() - square.y()) * scale)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt override)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return max(width, RESOLUTION)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(360, 360)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(RESOLUTION, RESOLUTION)

    # ------------------------------------------------------------------ painting

    def _finished_layer(self, square: QRectF) -> QPixmap:
        ratio = self.devicePixelRatioF()
        key = (square.size(), ratio, self._generation)
        if key != self._layer_key:
            self._layer = QPixmap((square.size() * ratio).toSize())
            self._layer.setDevicePixelRatio(ratio)
            self._layer.fill(self.paper_colour)
            painter = QPainter(self._layer)
            painter.scale(square.width() / RESOLUTION, square.height() / RESOLUTION)
            self._paint_items(painter, self._items)
            painter.end()
            self._layer_key = key
        return self._layer

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        square = self._square()
        painter.fillRect(self.rect(), self.palette().window())
        painter.drawPixmap(square.topLeft(), self._finished_layer(square))
        painter.save()
        painter.translate(square.topLeft())
        painter.scale(square.width() / RESOLUTION, square.height() / RESOLUTION)
        painter.setClipRect(QRectF(0, 0, RESOLUTION, RESOLUTION))
        if self._current is not None:
            self._paint_items(painter, [self._current])
        if self._hover is not None and self._current is None:
            outline = QColor(self.ink_colour)
            outline.setAlpha(110)
            painter.setPen(QPen(outline, 1.0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(self._hover, self._pen_width / 2, self._pen_width / 2)
        painter.restore()
        if self.is_empty():
            hint = QColor(self.ink_colour)
            hint.setAlpha(120)
            painter.setPen(hint)
            font = painter.font()
            font.setPointSizeF(font.pointSizeF() * 1.3)
            painter.setFont(font)
            painter.drawText(square, Qt.AlignmentFlag.AlignCenter, self.tr("Draw a digit here"))
        if self.hasFocus():
            painter.setPen(QPen(self.palette().highlight().color(), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(square.adjusted(1, 1, -1, -1))
        painter.end()

    # ------------------------------------------------------------------ input events

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            self.begin_stroke(event.position())
            event.accept()
        else:
            super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._current is not None and event.buttons() & Qt.MouseButton.LeftButton:
            self.extend_stroke(event.position())
            event.accept()
            return
        self._hover = self._to_canvas(event.position())
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton and self._current is not None:
            self.extend_stroke(event.position())
            self.end_stroke()
            event.accept()
        else:
            super().mouseReleaseEvent(event)

    def leaveEvent(self, event: QEvent) -> None:  # noqa: N802
        self._hover = None
        self.update()
        super().leaveEvent(event)

    def tabletEvent(self, event: QTabletEvent) -> None:  # noqa: N802
        """A pen: handled directly (so no synthesized mouse events follow)."""
        kind = event.type()
        if kind == QEvent.Type.TabletPress:
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            self.begin_stroke(event.position())
        elif kind == QEvent.Type.TabletMove and self._current is not None:
            self.extend_stroke(event.position())
        elif kind == QEvent.Type.TabletRelease:
            self.end_stroke()
        event.accept()

    def event(self, event: QEvent) -> bool:
        """Touch: the first finger draws."""
        kind = event.type()
        if kind in (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd):
            assert isinstance(event, QTouchEvent)
            points = event.points()
            if points:
                pos = points[0].position()
                if kind == QEvent.Type.TouchBegin:
                    self.begin_stroke(pos)
                elif kind == QEvent.Type.TouchUpdate:
                    self.extend_stroke(pos)
                else:
                    self.extend_stroke(pos)
                    self.end_stroke()
            event.accept()
            return True
        if kind == QEvent.Type.TouchCancel:
            if self._current is not None:  # the system took the touch: drop the half stroke
                self.undo()
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            self.clear()
            event.accept()
        elif event.matches(QKeySequence.StandardKey.Undo):
            self.undo()
            event.accept()
        else:
            super().keyPressEvent(event)


# ---------------------------------------------------------------------- pictures

def _fit_to_canvas(ink: np.ndarray) -> QImage:
    """Scale ink levels to fill the canvas square (aspect kept, centred), smoothly."""
    h, w = ink.shape
    ink = np.ascontiguousarray(ink)
    source = QImage(ink.data, w, h, w, QImage.Format.Format_Grayscale8)
    scaled = source.scaled(RESOLUTION, RESOLUTION, Qt.AspectRatioMode.KeepAspectRatio,
                           Qt.TransformationMode.SmoothTransformation)
    canvas = QImage(RESOLUTION, RESOLUTION, QImage.Format.Format_Grayscale8)
    canvas.fill(0)
    painter = QPainter(canvas)
    painter.drawImage((RESOLUTION - scaled.width()) // 2, (RESOLUTION - scaled.height()) // 2, scaled)
    painter.end()
    return canvas
