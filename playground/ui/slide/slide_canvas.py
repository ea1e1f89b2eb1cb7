"""The painted part of the kernel slide: input grid, window, beam, output map, numbers.

One custom widget paints everything with QPainter, no item per cell. What stays put while
the window moves (the padded input, captions, colour scale, kernel weights, formula) is
painted once into a cached layer; a frame blits that layer and adds the beam, the output
map filled up to the current cell (two blits of prepared images), the window's taps and
the step's numbers. That keeps a frame in the low milliseconds.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (QBrush, QColor, QFont, QImage, QLinearGradient, QMouseEvent, QPainter, QPainterPath,
                           QPaintEvent, QPen, QPolygonF)
from PySide6.QtWidgets import QToolTip, QWidget

from playground.core.sliding import CELL_INPUT, CELL_OUTSIDE, CELL_PADDING, ChannelView, Sliding, Step
from playground.ui.slide import slide_colors as colours
from playground.ui.slide.slide_detail import DetailLayout, DetailPainter, DetailText, detail_text, number
from playground.ui.widgets import style
from playground.ui.widgets.retranslate import Retranslating

BACKGROUND = QColor(style.CANVAS)
CAPTION = QColor(style.TEXT)
MUTED = QColor(style.MUTED)
NUMBERS_FROM = 30.0  # grid cells at least this wide show their values
MARGIN = 14.0
CAPTION_H = 24.0
FOOTER_H = 58.0  # under the grids: the colour scale, then the hint line
MIN_OUTPUT_CELL = 6.0
HINT = QT_TRANSLATE_NOOP("SlidingCanvas", "Click an output cell to jump there; click an input cell to see what it "
                         "feeds.")  # translated where shown


@dataclass(frozen=True)
class Content:
    """What the canvas shows: a layer's window over one input, for one output channel."""

    sliding: Sliding
    view: ChannelView
    output_map: np.ndarray  # the values this view writes, (H_out, W_out)
    input_caption: str  # what the input is; the canvas adds the channel shown and the size
    output_caption: str


@dataclass(frozen=True)
class _Layout:
    cell: float  # input grid cell size
    out_cell: float  # output grid cell size (the same unless the input is too big for both)
    input_origin: QPointF
    output_origin: QPointF
    detail: DetailLayout


@dataclass
class _Layer:
    """The cached pictures of one content at one size."""

    key: tuple
    background: QImage  # everything that does not move, canvas-sized
    output_filled: QImage  # the whole output map in colour, one block of pixels per cell
    output_unfilled: QImage  # the same grid before the window reached it
    pixel_cell: int  # device pixels per output cell in those two images


class SlidingCanvas(Retranslating, QWidget):
    """Paints one step; clicks on an output cell ask to jump there, on an input cell show
    which outputs it feeds."""

    outputCellClicked = Signal(int, int)
    inputCellPicked = Signal(object)  # (row, col) grid cell, or None when the pick is cleared
    channelRowClicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("convAnimationCanvas")
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(640, 380)
        self._content: Content | None = None
        self._step: Step | None = None
        self._text: DetailText | None = None
        self._display_channel = 0
        self._picked: tuple[int, int] | None = None
        self._fed: tuple[tuple[int, int], ...] = ()
        self._fed_via_padding: tuple[tuple[int, int], ...] = ()
        self._copies: list[tuple[int, int]] = []
        self._layout: _Layout | None = None
        self._layer: _Layer | None = None
        self._output_rgb: np.ndarray | None = None
        self._output_limit = 1.0
        self._detail = DetailPainter()
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """The painted captions and the step's texts again, in the current language."""
        self.setAccessibleName(self.tr("Kernel animation"))
        self._layer = None  # its captions are painted into the cached layer
        if self._step is not None:
            self.set_step(self._step)
        self.update()

    # ------------------------------------------------------------ state

    def set_content(self, content: Content | None, display_channel: int = 0) -> None:
        self._content = content
        self._step = None
        self._text = None
        self._display_channel = display_channel
        self._picked, self._fed, self._fed_via_padding, self._copies = None, (), (), []
        self._layout = None
        self._layer = None
        if content is not None:
            self._output_limit = colours.limit_of(content.output_map)
            self._output_rgb = colours.diverging(content.output_map, self._output_limit)
        self.update()

    def set_display_channel(self, channel: int) -> None:
        if channel != self._display_channel:
            self._display_channel = channel
            self._layer = None
            self.update()

    def set_step(self, step: Step | None) -> None:
        self._step = step
        c = self._content
        self._text = detail_text(c.sliding, c.view, step) if c is not None and step is not None else None
        self.setAccessibleDescription(self._text.plain() if self._text else "")
        self.update()

    def pick(self, grid_cell: tuple[int, int] | None) -> None:
        """Mark a grid cell and the outputs it feeds (None clears the mark)."""
        c = self._content
        self._picked, self._fed, self._fed_via_padding, self._copies = None, (), (), []
        if c is not None and grid_cell is not None:
            self._picked = grid_cell
            source = c.sliding.grid_to_input(*grid_cell)
            if c.sliding.cell_kind[grid_cell] == CELL_INPUT and source is not None:
                feeds = c.sliding.feeds(*source)
                self._fed, self._fed_via_padding = feeds.direct, feeds.via_padding
                if c.sliding.op.kind == "conv":
                    self._copies = [(gr, gc) for gr in c.sliding.rows.cells_holding(source[0])
                                    for gc in c.sliding.cols.cells_holding(source[1]) if (gr, gc) != grid_cell]
            else:
                self._fed = c.sliding.outputs_covering(*grid_cell)
        self.inputCellPicked.emit(self._picked)
        self.update()

    @property
    def display_channel(self) -> int:
        """The input channel drawn in the input grid."""
        return self._display_channel

    @property
    def content(self) -> Content | None:
        return self._content

    @property
    def picked(self) -> tuple[int, int] | None:
        return self._picked

    @property
    def fed_outputs(self) -> tuple[tuple[int, int], ...]:
        """Outputs the picked cell feeds (directly and through padding copies)."""
        return tuple(sorted(set(self._fed) | set(self._fed_via_padding)))

    @property
    def detail(self) -> DetailText | None:
        return self._text

    # ------------------------------------------------------------ geometry

    def _geometry(self) -> _Layout | None:
        if self._content is None:
            return None
        if self._layout is not None:
            return self._layout
        s = self._content.sliding
        gh, gw = s.grid_shape
        oh, ow = s.rows.out, s.cols.out
        w, h = float(self.width()), float(self.height())
        if w >= 1.55 * h:
            detail_w = min(max(w * 0.42, 340.0), 600.0)
            detail = QRectF(w - MARGIN - detail_w, MARGIN, detail_w, h - 2 * MARGIN)
            area = QRectF(MARGIN, MARGIN + CAPTION_H, w - 3 * MARGIN - detail_w, h - 2 * MARGIN - CAPTION_H - FOOTER_H)
        else:
            detail_h = min(max(h * 0.42, 240.0), 400.0)
            detail = QRectF(MARGIN, h - MARGIN - detail_h, w - 2 * MARGIN, detail_h)
            area = QRectF(MARGIN, MARGIN + CAPTION_H, w - 2 * MARGIN, h - 3 * MARGIN - detail_h - CAPTION_H - FOOTER_H)
        gap = float(int(max(44.0, area.width() * 0.08)))
        in_cell = out_cell = min((area.width() - gap) / (gw + ow), area.height() / max(gh, oh), 56.0)
        if out_cell < MIN_OUTPUT_CELL:  # a big input: give the output its own, clickable scale
            in_cell = min(area.height() / gh, 0.6 * (area.width() - gap) / gw)
            out_cell = min(area.height() / oh, (area.width() - gap - gw * in_cell) / ow, 56.0)
        in_cell, out_cell = (float(int(c)) if c >= 1 else c for c in (in_cell, out_cell))  # crisp grid lines
        width = gw * in_cell + gap + ow * out_cell
        left = float(int(area.left() + max(0.0, (area.width() - width) / 2)))
        middle = area.top() + area.height() / 2
        input_origin = QPointF(left, float(int(middle - gh * in_cell / 2)))
        output_origin = QPointF(left + gw * in_cell + gap, float(int(middle - oh * out_cell / 2)))
        has_note = s.op.kind != "conv" or not self._content.view.whole_group
        detail_layout = self._detail.layout(detail, s, self._content.view, has_note)
        self._layout = _Layout(in_cell, out_cell, input_origin, output_origin, detail_layout)
        return self._layout

    def grid_cell_rect(self, grid_row: int, grid_col: int) -> QRectF:
        """Where a cell of the padded input grid is painted."""
        layout = self._geometry()
        assert layout is not None
        o, c = layout.input_origin, layout.cell
        return QRectF(o.x() + grid_col * c, o.y() + grid_row * c, c, c)

    def output_cell_rect(self, row: int, col: int) -> QRectF:
        layout = self._geometry()
        assert layout is not None
        o, c = layout.output_origin, layout.out_cell
        return QRectF(o.x() + col * c, o.y() + row * c, c, c)

    def window_rect(self) -> QRectF | None:
        """The painted span of the current window (all its taps and the gaps between)."""
        if self._step is None:
            return None
        top, left, height, width = self._step.window
        return self.grid_cell_rect(top, left).united(self.grid_cell_rect(top + height - 1, left + width - 1))

    def channel_row_rects(self) -> list[tuple[int, QRectF]]:
        """(input channel, rect) of the detail panel's channel rows ("sum over channels")."""
        layout = self._geometry()
        return [] if layout is None else self._detail.row_rects(layout.detail, self._content.view)

    def hit(self, pos: QPointF) -> tuple[str, int, int] | None:
        """("input", grid row, col), ("output", row, col), ("channel", in channel, 0) or None."""
        layout = self._geometry()
        if layout is None:
            return None
        s = self._content.sliding
        for kind, origin, cell, (rows, cols) in (
                ("input", layout.input_origin, layout.cell, s.grid_shape),
                ("output", layout.output_origin, layout.out_cell, (s.rows.out, s.cols.out))):
            r = int((pos.y() - origin.y()) // cell)
            c = int((pos.x() - origin.x()) // cell)
            if pos.y() >= origin.y() and pos.x() >= origin.x() and r < rows and c < cols:
                return (kind, r, c)
        for channel, rect in self.channel_row_rects():
            if rect.contains(pos):
                return ("channel", channel, 0)
        return None

    # ------------------------------------------------------------ events

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self._layout = None
        self._layer = None
        super().resizeEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        hit = self.hit(event.position())
        if hit is None:
            if self._picked is not None:
                self.pick(None)
            return
        kind, a, b = hit
        if kind == "output":
            self.outputCellClicked.emit(a, b)
        elif kind == "input":
            if self._content.sliding.cell_kind[a, b] != CELL_OUTSIDE:
                self.pick(None if self._picked == (a, b) else (a, b))
        else:
            self.channelRowClicked.emit(a)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            text = self.tooltip_at(QPointF(event.pos()))
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def tooltip_at(self, pos: QPointF) -> str:
        """The tooltip of whatever is under the pointer."""
        hit = self.hit(pos)
        if hit is None or self._content is None:
            return ""
        s = self._content.sliding
        kind, a, b = hit
        if kind == "output":
            value = self._content.output_map[a, b]
            return self.tr("Output row {row}, col {col} = {value}\nClick to jump the window here.").format(
                row=a, col=b, value=number(float(value), 3))
        if kind == "channel":
            return self.tr("Input channel {c}: click to show it in the input grid.").format(c=a)
        cell = s.cell_kind[a, b]
        value = float(s.grid_values[self._display_channel, a, b])
        if cell == CELL_OUTSIDE:
            return self.tr("Beyond the padded input: a ceil-mode window hangs over here; these cells are not counted.")
        if cell == CELL_PADDING:
            if s.op.kind == "max":
                return self.tr("Padding: max pooling ignores it (it counts as −∞).\nClick to see which outputs cover it.")
            if s.op.kind == "avg":
                return self.tr("Padding = 0.\nClick to see which outputs cover it.")
            source = s.grid_to_input(a, b)
            modes = {"zeros": self.tr("Zero padding = {value}"), "reflect": self.tr("Reflect padding = {value}"),
                     "replicate": self.tr("Replicate padding = {value}"),
                     "circular": self.tr("Circular padding = {value}")}
            text = modes[s.op.padding_mode].format(value=number(value, 3))
            if source is not None and s.op.padding_mode != "zeros":
                text += self.tr(", a copy of input row {row}, col {col}").format(row=source[0], col=source[1])
            return text + "\n" + self.tr("Click to see which outputs read it.")
        r, c = a - s.rows.pad_before, b - s.cols.pad_before
        return self.tr("Input row {row}, col {col} = {value} (channel {c})\nClick to see which outputs it feeds.").format(
            row=r, col=c, value=number(value, 3), c=self._display_channel)

    # ------------------------------------------------------------ painting

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        layout = self._geometry()
        if layout is None:
            painter.fillRect(self.rect(), BACKGROUND)
            painter.end()
            return
        layer = self._cached_layer(layout)
        painter.drawImage(QPointF(0, 0), layer.background)
        step = self._step
        if step is not None:
            self._paint_beam(painter, step)  # under the output map: it ends at the cell's edge
        self._paint_output(painter, layout, layer)
        self._paint_pick(painter)
        if step is not None:
            self._paint_window(painter, layout, step)
            rgb = self._output_rgb[step.out_row, step.out_col]
            self._detail.paint_step(painter, layout.detail, self._content.sliding, self._content.view, step,
                                    self._text, tuple(int(v) for v in rgb))
        painter.end()

    def _cached_layer(self, layout: _Layout) -> _Layer:
        dpr = self.devicePixelRatioF()
        key = (id(self._content), self._display_channel, self.width(), self.height(), dpr)
        if self._layer is not None and self._layer.key == key:
            return self._layer
        s = self._content.sliding
        pixel_cell = max(1, int(round(layout.out_cell * dpr)))
        filled = colours.cells_image(self._output_rgb, pixel_cell, (255, 255, 255), 0.67)
        blank = np.broadcast_to(np.array(colours.UNFILLED, np.uint8), self._output_rgb.shape)
        unfilled = colours.cells_image(blank, pixel_cell, (255, 255, 255), 0.67)
        background = QImage(int(self.width() * dpr), int(self.height() * dpr), QImage.Format.Format_ARGB32_Premultiplied)
        background.setDevicePixelRatio(dpr)
        background.fill(BACKGROUND)
        painter = QPainter(background)
        self._paint_input(painter, layout, max(1, int(round(layout.cell * dpr))))
        o = layout.output_origin
        oh, ow = s.rows.out, s.cols.out
        self._caption(painter, o.x(), o.y(), self._right_edge(layout) - o.x(), self._content.output_caption)
        self._paint_scale(painter, QRectF(o.x(), o.y() + oh * layout.out_cell + 8,
                                          min(max(ow * layout.out_cell, 140.0), 220.0), 9))
        self._detail.paint_static(painter, layout.detail, s, self._content.view, self._display_channel)
        painter.end()
        self._layer = _Layer(key, background, filled, unfilled, pixel_cell)
        return self._layer

    def _caption(self, painter: QPainter, x: float, y: float, width: float, text: str) -> None:
        font = QFont(self.font())
        font.setPixelSize(13)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(CAPTION)
        elided = painter.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, int(width))
        painter.drawText(QRectF(x, y - CAPTION_H, width, CAPTION_H - 4),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, elided)

    def _paint_input(self, painter: QPainter, layout: _Layout, pixel_cell: int) -> None:
        """The padded input grid: greys, the padding ring tinted and hatched, its border."""
        s = self._content.sliding
        gh, gw = s.grid_shape
        cell, o = layout.cell, layout.input_origin
        values = s.grid_values[self._display_channel]
        low, high = s.channel_range(self._display_channel)
        rgb = colours.tint_padding(colours.greys(values, low, high), s.cell_kind == CELL_PADDING)
        rgb[s.cell_kind == CELL_OUTSIDE] = 255
        grid = QRectF(o.x(), o.y(), gw * cell, gh * cell)
        painter.drawImage(grid, colours.cells_image(rgb, pixel_cell, (255, 255, 255), 0.12))
        padded = QRectF(o.x(), o.y(), (s.cols.size + s.cols.pad_before + s.cols.pad_after) * cell,
                        (s.rows.size + s.rows.pad_before + s.rows.pad_after) * cell)
        inner = QRectF(o.x() + s.cols.pad_before * cell, o.y() + s.rows.pad_before * cell,
                       s.cols.size * cell, s.rows.size * cell)
        if padded != inner:
            ring = QPainterPath()
            ring.addRect(padded)
            ring.addRect(inner)  # odd-even fill: the ring only
            painter.fillPath(ring, QBrush(QColor(255, 255, 255, 70), Qt.BrushStyle.BDiagPattern))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if grid != padded:  # ceil-mode cells beyond the padded input
            painter.setPen(QPen(QColor("#aab3c0"), 1, Qt.PenStyle.DashLine))
            painter.drawRect(grid)
        painter.setPen(QPen(QColor("#8fa0ff") if padded != inner else MUTED, 1.5))
        painter.drawRect(inner)
        if cell >= NUMBERS_FROM:
            font = QFont(self.font())
            font.setPixelSize(max(8, int(cell * 0.3)))
            painter.setFont(font)
            self._detail.texts.grid(painter, o.x(), o.y(), cell, values, colours.dark_text(rgb),
                                    s.cell_kind != CELL_OUTSIDE)
        c, h, w = s.input.shape
        if c > 1:
            caption = self.tr("{input}, channel {c} of {n}: {h}x{w}").format(
                input=self._content.input_caption, c=self._display_channel, n=c, h=h, w=w)
        else:
            caption = self.tr("{input}: {h}x{w}").format(input=self._content.input_caption, h=h, w=w)
        self._caption(painter, o.x(), o.y(), layout.output_origin.x() - o.x() - 8, caption)

    def _paint_scale(self, painter: QPainter, bar: QRectF) -> None:
        """The output colour scale: blue negative, white zero, red positive, with its ends."""
        gradient = QLinearGradient(bar.topLeft(), bar.topRight())
        for stop, rgb in zip(colours.SCALE_STOPS, colours.SCALE_RGB):
            gradient.setColorAt((stop + 1) / 2, QColor(*(int(v) for v in rgb)))
        painter.fillRect(bar, gradient)
        painter.setPen(QPen(QColor("#aab3c0"), 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(bar)
        font = QFont(self.font())
        font.setPixelSize(11)
        painter.setFont(font)
        painter.setPen(MUTED)
        labels = QRectF(bar.left(), bar.bottom() + 1, bar.width(), 14)
        painter.drawText(labels, Qt.AlignmentFlag.AlignLeft, number(-self._output_limit))
        painter.drawText(labels, Qt.AlignmentFlag.AlignHCenter, "0")
        painter.drawText(labels, Qt.AlignmentFlag.AlignRight, number(self._output_limit))

    def _paint_output(self, painter: QPainter, layout: _Layout, layer: _Layer) -> None:
        """The output map: coloured up to the current step, waiting grey after it."""
        s = self._content.sliding
        oh, ow = s.rows.out, s.cols.out
        cell, o, px = layout.out_cell, layout.output_origin, layer.pixel_cell
        painter.drawImage(QRectF(o.x(), o.y(), ow * cell, oh * cell), layer.output_unfilled)
        if self._step is not None:
            row, col = self._step.out_row, self._step.out_col
            if row:
                painter.drawImage(QRectF(o.x(), o.y(), ow * cell, row * cell), layer.output_filled,
                                  QRectF(0, 0, ow * px, row * px))
            painter.drawImage(QRectF(o.x(), o.y() + row * cell, (col + 1) * cell, cell), layer.output_filled,
                              QRectF(0, row * px, (col + 1) * px, px))
        painter.setPen(QPen(QColor(style.FAINT), 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(QRectF(o.x(), o.y(), ow * cell, oh * cell))
        if cell >= NUMBERS_FROM and self._step is not None:
            font = QFont(self.font())
            font.setPixelSize(max(8, int(cell * 0.3)))
            painter.setFont(font)
            filled = (np.arange(oh * ow) <= self._step.index).reshape(oh, ow)
            self._detail.texts.grid(painter, o.x(), o.y(), cell, self._content.output_map,
                                    colours.dark_text(self._output_rgb), filled)
        hint_top = max(layout.input_origin.y() + s.grid_shape[0] * layout.cell + 8, o.y() + oh * cell + 36)
        font = QFont(self.font())
        font.setPixelSize(13)
        painter.setFont(font)
        painter.setPen(colours.FEED if self._picked is not None else MUTED)
        width = self._right_edge(layout) - layout.input_origin.x()
        hint = painter.fontMetrics().elidedText(self._pick_text() or self.tr(HINT), Qt.TextElideMode.ElideRight,
                                                int(width))
        painter.drawText(QRectF(layout.input_origin.x(), hint_top, width, 20),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, hint)

    def _right_edge(self, layout: _Layout) -> float:
        """Where captions under and over the grids must stop: before the detail panel, or the edge."""
        detail = layout.detail.rect
        return detail.left() - 8 if detail.left() > layout.output_origin.x() else self.width() - MARGIN

    def _pick_text(self) -> str:
        if self._picked is None:
            return ""
        s = self._content.sliding
        n = len(self.fed_outputs)
        where = s.grid_to_input(*self._picked)
        if s.cell_kind[self._picked] == CELL_INPUT and where is not None:
            if self._fed_via_padding:
                return self.tr("Input row {row}, col {col} feeds the {n} highlighted output cells ({k} through "
                               "padding copies).").format(row=where[0], col=where[1], n=n,
                                                          k=len(self._fed_via_padding))
            return self.tr("Input row {row}, col {col} feeds the {n} highlighted output cells.").format(
                row=where[0], col=where[1], n=n)
        return self.tr("This padding cell is read by the {n} highlighted output cells.").format(n=n)

    def _paint_pick(self, painter: QPainter) -> None:
        if self._picked is None:
            return
        teal = QColor(colours.FEED)
        teal.setAlpha(90)
        fed = [self.output_cell_rect(r, c) for r, c in self.fed_outputs]
        for rect in fed:
            painter.fillRect(rect, teal)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(colours.FEED, 2))
        if fed:
            painter.drawRects([rect.adjusted(1, 1, -1, -1) for rect in fed])
        painter.setPen(QPen(colours.FEED, 3))
        painter.drawRect(self.grid_cell_rect(*self._picked))
        if self._copies:
            painter.setPen(QPen(colours.FEED, 2, Qt.PenStyle.DashLine))
            painter.drawRects([self.grid_cell_rect(r, c) for r, c in self._copies])

    def _paint_beam(self, painter: QPainter, step: Step) -> None:
        """A translucent band from the window to the output cell it writes."""
        span = self.window_rect()
        target = self.output_cell_rect(step.out_row, step.out_col)
        fill = QColor(colours.WINDOW)
        fill.setAlpha(50)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawPolygon(QPolygonF([span.topRight(), target.topLeft(), target.bottomLeft(), span.bottomRight()]))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(colours.BEAM_EDGE, 1.2))  # opaque: translucent antialiased lines cost ~1 ms
        painter.drawLine(span.topRight(), target.topLeft())
        painter.drawLine(span.bottomRight(), target.bottomLeft())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)

    def _paint_window(self, painter: QPainter, layout: _Layout, step: Step) -> None:
        """The kernel's taps (dilated ones apart), its span, and the output cell it writes."""
        span = self.window_rect()
        target = self.output_cell_rect(step.out_row, step.out_col)
        taps = [self.grid_cell_rect(int(r), int(c)) for r in step.grid_rows for c in step.grid_cols]
        tap_fill = QColor(colours.WINDOW)
        tap_fill.setAlpha(95)
        for rect in taps:
            painter.fillRect(rect, tap_fill)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if layout.cell >= 6:
            painter.setPen(QPen(colours.WINDOW, 1))
            painter.drawRects([rect.adjusted(1, 1, -1, -1) for rect in taps])
        if step.argmax is not None:
            i, j = step.argmax
            painter.setPen(QPen(colours.WINDOW_DARK, max(2.0, layout.cell / 6)))
            painter.drawRect(self.grid_cell_rect(int(step.grid_rows[i]), int(step.grid_cols[j])).adjusted(1, 1, -1, -1))
        painter.setPen(QPen(colours.WINDOW, 3))
        painter.drawRect(span.adjusted(-1, -1, 1, 1))
        painter.setPen(QPen(CAPTION, 1))
        painter.drawRect(target.adjusted(-3, -3, 3, 3))
        painter.setPen(QPen(colours.WINDOW, 3))
        painter.drawRect(target.adjusted(-1, -1, 1, 1))
