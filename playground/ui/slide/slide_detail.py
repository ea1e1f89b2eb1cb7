"""The detail panel of the kernel slide: the actual numbers of the current step.

patch x weights = products, then sum + bias = output (or the max, or the mean), then the
output-size formula with the layer's real numbers. The texts are built once per step as
plain strings (`DetailText`), painted here and offered to tests and screen readers as is.

Painting is split in two so a frame stays cheap: what does not change while the window
moves (frame, kernel weights, captions, formula) goes into the canvas's cached layer with
`paint_static`; `paint_step` adds the patch, products and equation of the current step.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen, QStaticText, QTransform

from playground.core.sliding import CELL_INPUT, CELL_OUTSIDE, ChannelView, Sliding, Step
from playground.ui.slide import slide_colors as colours
from playground.ui.widgets import style

NUMBERS_FROM = 22  # matrix cells at least this many pixels wide show their numbers
TEXT = QColor(style.TEXT)
MUTED = QColor(style.MUTED)
LINE = QColor(style.BORDER)
HIGHLIGHT = QColor(245, 158, 11, 40)  # the input channel shown in the input grid
OPERATOR_GAP = 34.0
ROW_LABEL_W, ROW_SUM_W, ROW_GAP = 50.0, 80.0, 22.0


def number(value: float, digits: int = 2) -> str:
    """A value as the panel shows it, with a real minus sign and -inf spelled out."""
    if math.isnan(value):
        return "—"
    if math.isinf(value):
        return "−∞" if value < 0 else "∞"
    if abs(value) >= 100:
        digits = 0
    elif abs(value) >= 10:
        digits = min(digits, 1)
    text = f"{value:.{digits}f}"
    if not text.lstrip("-").strip("0."):  # rounds to zero: no "−0.00"
        return text.lstrip("-")
    return text.replace("-", "−")


@dataclass
class DetailText:
    """Every line of the panel as text: what is painted, and what tests and screen readers read."""

    title: str
    equation: str
    note: str = ""
    describe: str = ""
    formula: list[str] = field(default_factory=list)

    def plain(self) -> str:
        return "\n".join(line for line in (self.title, self.equation, self.note, self.describe, *self.formula) if line)


def detail_text(sliding: Sliding, view: ChannelView, step: Step) -> DetailText:
    title = QCoreApplication.translate("SlideDetail", "Output channel {out}, row {row}, col {col}  ·  step {i} of {n}")\
        .format(out=view.out_channel, row=step.out_row, col=step.out_col, i=step.index + 1, n=len(view))
    op = sliding.op
    note = ""
    total, value = number(step.total, 3), number(step.value, 3)
    if op.kind == "conv":
        if len(view.in_channels) > 1:
            equation = QCoreApplication.translate(
                "SlideDetail", "Σ over {n} channels = {total}   + bias {bias}   = {value}").format(
                n=len(view.in_channels), total=total, bias=number(step.bias, 3), value=value)
        elif view.whole_group:
            equation = QCoreApplication.translate("SlideDetail", "Σ products = {total}   + bias {bias}   = {value}")\
                .format(total=total, bias=number(step.bias, 3), value=value)
        else:
            equation = QCoreApplication.translate("SlideDetail", "Σ products = {total}").format(total=total)
            others = len(sliding.group_channels(view.out_channel))
            note = QCoreApplication.translate(
                "SlideDetail", "Input channel {c}'s share. With all {others} input channels and the bias the layer "
                "outputs {value} here.").format(c=view.in_channels[0], others=others,
                                                value=number(step.layer_value, 3))
    elif op.kind == "max":
        row, col = step.argmax
        equation = QCoreApplication.translate("SlideDetail", "max of the window = {value}").format(value=value)
        note = QCoreApplication.translate(
            "SlideDetail", "The largest value sits at window row {row}, col {col}; padding counts as −∞.").format(
            row=row, col=col)
    else:
        equation = QCoreApplication.translate("SlideDetail", "Σ window = {total}   ÷ {divisor}   = {value}").format(
            total=total, divisor=step.divisor, value=value)
        if op.divisor_override:
            note = QCoreApplication.translate("SlideDetail", "The divisor is fixed by divisor_override.")
        elif op.count_include_pad and step.padding_mask.any():
            note = QCoreApplication.translate("SlideDetail", "Padding cells count in the divisor.")
    return DetailText(title, equation, note, op.describe(), sliding.formula_lines())


# ---------------------------------------------------------------- text

def font(pixels: float, bold: bool = False, mono: bool = False) -> QFont:
    """The application's font at a pixel size (always from the default, never from
    whatever font the painter was last given)."""
    f = QFont()
    f.setPixelSize(max(7, int(pixels)))
    f.setBold(bold)
    if mono:
        f.setFamily("monospace")
        f.setStyleHint(QFont.StyleHint.Monospace)
    return f


class TextCache:
    """Laid-out numbers (QStaticText), reused frame after frame: 4x cheaper than drawText."""

    def __init__(self) -> None:
        self._texts: dict[tuple[str, str], tuple[QStaticText, float, float]] = {}

    def get(self, text: str, painter: QPainter, font_key: str) -> tuple[QStaticText, float, float]:
        """The laid-out text with its width and height, in the painter's current font."""
        key = (text, font_key)
        found = self._texts.get(key)
        if found is None:
            if len(self._texts) > 4000:
                self._texts.clear()
            static = QStaticText(text)
            static.setTextFormat(Qt.TextFormat.PlainText)
            static.prepare(QTransform(), painter.font())
            size = static.size()
            found = self._texts[key] = (static, size.width(), size.height())
        return found

    def grid(self, painter: QPainter, left: float, top: float, cell: float, values: np.ndarray,
             dark: np.ndarray, shown: np.ndarray) -> None:
        """Numbers centred on a grid of cells: black on light fills, white on dark ones."""
        key = painter.font().key()
        current = None
        for (i, j), value in np.ndenumerate(values):
            if not shown[i, j]:
                continue
            if dark[i, j] is not current:
                current = dark[i, j]
                painter.setPen(colours.DARK_TEXT if current else colours.LIGHT_TEXT)
            static, w, h = self.get(number(float(value)), painter, key)
            painter.drawStaticText(QPointF(left + j * cell + (cell - w) / 2, top + i * cell + (cell - h) / 2), static)


def fit_font(painter: QPainter, text: str, pixels: float, width: float, bold: bool = False,
             mono: bool = False, smallest: float = 9.0) -> None:
    """Set the largest font (down to `smallest` px) in which `text` fits `width`."""
    size = pixels
    while True:
        painter.setFont(font(size, bold, mono))
        if painter.fontMetrics().horizontalAdvance(text) <= width or size <= smallest:
            return
        size -= 1


def draw_line(painter: QPainter, rect: QRectF, text: str) -> None:
    """One left-aligned line, elided if even the smallest font is too wide."""
    elided = painter.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, int(rect.width()))
    painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, elided)


# ---------------------------------------------------------------- matrices

def paint_matrix(painter: QPainter, texts: TextCache, left: float, top: float, cell: int, values: np.ndarray,
                 rgb: np.ndarray, kinds: np.ndarray, winner: tuple[int, int] | None = None) -> QRectF:
    """A kh x kw matrix of coloured cells (one blit), numbers on them when they are big enough."""
    kh, kw = values.shape
    box = QRectF(left, top, kw * cell, kh * cell)
    rgb = rgb.copy()
    rgb[kinds == CELL_OUTSIDE] = 255
    painter.drawImage(box, colours.cells_image(rgb, cell, (211, 217, 225), 1.0))
    padding = np.argwhere(kinds != CELL_INPUT)
    if len(padding):
        hatch = QBrush(QColor(255, 255, 255, 90), Qt.BrushStyle.BDiagPattern)
        for i, j in padding:
            painter.fillRect(QRectF(left + j * cell, top + i * cell, cell, cell), hatch)
    if cell >= NUMBERS_FROM:
        painter.setFont(font(cell * 0.33))
        texts.grid(painter, left, top, cell, values, colours.dark_text(rgb), kinds != CELL_OUTSIDE)
    painter.setPen(QPen(MUTED, 1))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(box)
    if winner is not None:
        painter.setPen(QPen(colours.WINDOW_DARK, max(2.0, cell * 0.1)))
        painter.drawRect(QRectF(left + winner[1] * cell, top + winner[0] * cell, cell, cell).adjusted(1, 1, -1, -1))
    return box


def _caption(painter: QPainter, box: QRectF, text: str) -> None:
    painter.setFont(font(12))
    painter.setPen(MUTED)
    painter.drawText(QRectF(box.left() - 40, box.bottom() + 3, box.width() + 80, 18),
                     Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, text)


def _operator(painter: QPainter, x: float, y: float, text: str, pixels: float) -> None:
    painter.setFont(font(pixels, bold=True))
    painter.setPen(TEXT)
    painter.drawText(QRectF(x - 15, y - pixels, 30, 2 * pixels), Qt.AlignmentFlag.AlignCenter, text)


def _patch_rgb(sliding: Sliding, channel: int, patch: np.ndarray, kinds: np.ndarray) -> np.ndarray:
    """The patch in the same greys as the input grid, padding tinted as there."""
    low, high = sliding.channel_range(channel)
    rgb = colours.greys(patch, low, high)
    padding = kinds != CELL_INPUT
    return colours.tint_padding(rgb, padding) if padding.any() else rgb


# ---------------------------------------------------------------- layout and painting

@dataclass(frozen=True)
class DetailLayout:
    """Where everything in the panel goes; fixed while the window moves."""

    rect: QRectF
    inner: QRectF
    rows_mode: bool  # one row per input channel ("sum over all input channels")
    cell: int
    matrices_top: float
    lefts: tuple[float, ...]  # x of each matrix (patch, kernel, products), or of each row's first matrix
    shown_rows: int
    row_h: float
    equation: QRectF
    note: QRectF
    footer_top: float


class DetailPainter:
    """Lays out and paints the panel; remembers channel rows for clicks."""

    def __init__(self) -> None:
        self.texts = TextCache()

    def layout(self, rect: QRectF, sliding: Sliding, view: ChannelView, has_note: bool) -> DetailLayout:
        inner = rect.adjusted(16, 10, -16, -10)
        footer_h = 18.0 * (1 + len(sliding.formula_lines())) + 10
        equation_h = 34.0 + (36.0 if has_note else 0.0)
        middle = QRectF(inner.left(), inner.top() + 30, inner.width(), inner.height() - 30 - footer_h)
        matrices_h = middle.height() - equation_h - 10
        kh, kw = sliding.op.kernel_size
        channels = len(view.in_channels)
        rows_mode = channels > 1
        if rows_mode:
            cell = min(12.0, (middle.width() - ROW_LABEL_W - ROW_SUM_W - 2 * ROW_GAP) / (3 * kw))
            cell = int(max(3.0, min(cell, (matrices_h / min(channels, 8) - 6) / kh)))
            row_h = kh * cell + 6.0
            fit = max(1, int((matrices_h + 1) // row_h))
            shown = channels if fit >= channels else max(1, fit - 1)
            used = row_h * (shown + (shown < channels))
            block_w = ROW_LABEL_W + 3 * kw * cell + 2 * ROW_GAP + ROW_SUM_W
            lefts: tuple[float, ...] = (inner.left() + max(0.0, (inner.width() - block_w) / 2),)
        else:
            count = 3 if sliding.op.kind == "conv" else 1
            cap = 40.0 if count > 1 else 48.0
            cell = int(max(2.0, min(cap, (middle.width() - OPERATOR_GAP * (count - 1)) / (count * kw),
                                    (matrices_h - 22) / kh)))
            shown, row_h = 1, 0.0
            used = kh * cell + 22.0
            total_w = count * kw * cell + OPERATOR_GAP * (count - 1)
            first = inner.left() + max(0.0, (inner.width() - total_w) / 2)
            lefts = tuple(first + k * (kw * cell + OPERATOR_GAP) for k in range(count))
        top = middle.top() + max(0.0, (middle.height() - used - 10 - equation_h) / 2)
        equation = QRectF(inner.left(), top + used + 10, inner.width(), 30)
        note = QRectF(inner.left(), equation.bottom() + 4, inner.width(), 36)
        return DetailLayout(rect, inner, rows_mode, cell, top, lefts, shown, row_h, equation, note,
                            inner.bottom() - footer_h + 10)

    def row_rects(self, layout: DetailLayout, view: ChannelView) -> list[tuple[int, QRectF]]:
        """(input channel, rect) of each painted channel row, for clicks and the highlight."""
        if not layout.rows_mode:
            return []
        return [(view.in_channels[k], QRectF(layout.inner.left(), layout.matrices_top + k * layout.row_h,
                                             layout.inner.width(), layout.row_h))
                for k in range(layout.shown_rows)]

    def paint_static(self, painter: QPainter, layout: DetailLayout, sliding: Sliding, view: ChannelView,
                     display_channel: int) -> None:
        """Frame, kernel weights, captions, operators and the formula: unchanged while playing."""
        painter.save()
        painter.fillRect(layout.rect, QColor("#ffffff"))
        painter.setPen(QPen(LINE, 1))
        painter.drawRect(layout.rect)
        inner = layout.inner
        top = layout.footer_top
        painter.drawLine(QPointF(inner.left(), top - 5), QPointF(inner.right(), top - 5))
        describe = sliding.op.describe()
        fit_font(painter, describe, 12, inner.width())
        painter.setPen(MUTED)
        draw_line(painter, QRectF(inner.left(), top, inner.width(), 17), describe)
        painter.setPen(TEXT)
        for k, formula in enumerate(sliding.formula_lines()):
            fit_font(painter, formula, 12, inner.width(), mono=True)
            draw_line(painter, QRectF(inner.left(), top + 18 * (k + 1), inner.width(), 17), formula)
        kh, kw = sliding.op.kernel_size
        cell = layout.cell
        no_padding = np.zeros((kh, kw), np.int8)
        if layout.rows_mode:
            limit = colours.limit_of(view.kernel)
            for k, (channel, row) in enumerate(self.row_rects(layout, view)):
                if channel == display_channel:
                    painter.fillRect(row.adjusted(0, 1, 0, -1), HIGHLIGHT)
                painter.setFont(font(12))
                painter.setPen(TEXT)
                painter.drawText(QRectF(layout.lefts[0], row.top(), ROW_LABEL_W, row.height()),
                                 Qt.AlignmentFlag.AlignVCenter,
                                 QCoreApplication.translate("SlideDetail", "in {c}").format(c=channel))
                x = layout.lefts[0] + ROW_LABEL_W
                for m in range(3):
                    box = QRectF(x, row.top() + 3, kw * cell, kh * cell)
                    if m == 1:
                        paint_matrix(painter, self.texts, x, box.top(), cell, view.kernel[k],
                                     colours.diverging(view.kernel[k], limit), no_padding)
                    if m < 2:
                        _operator(painter, box.right() + ROW_GAP / 2, box.center().y(), "×" if m == 0 else "=", 13)
                    x = box.right() + ROW_GAP
        else:
            if view.kernel is not None:
                captions = (QCoreApplication.translate("SlideDetail", "input patch"),
                            QCoreApplication.translate("SlideDetail", "kernel weights"),
                            QCoreApplication.translate("SlideDetail", "products"))
            else:
                captions = (QCoreApplication.translate("SlideDetail", "window"),)
            for k, caption in enumerate(captions):
                box = QRectF(layout.lefts[k], layout.matrices_top, kw * cell, kh * cell)
                if k == 1:
                    paint_matrix(painter, self.texts, box.left(), box.top(), cell, view.kernel[0],
                                 colours.diverging(view.kernel[0], colours.limit_of(view.kernel[0])), no_padding)
                _caption(painter, box, caption)
                if k < len(captions) - 1:
                    _operator(painter, box.right() + OPERATOR_GAP / 2, box.center().y(), "×" if k == 0 else "=", 20)
        painter.restore()

    def paint_step(self, painter: QPainter, layout: DetailLayout, sliding: Sliding, view: ChannelView,
                   step: Step, text: DetailText, output_rgb: tuple[int, int, int]) -> None:
        """Title, patch, products and the equation of the current step."""
        painter.save()
        inner = layout.inner
        fit_font(painter, text.title, 15, inner.width(), bold=True)
        painter.setPen(TEXT)
        draw_line(painter, QRectF(inner.left(), inner.top(), inner.width(), 22), text.title)
        kh, kw = step.patch.shape[1:]
        cell = layout.cell
        if layout.rows_mode:
            product_limit = colours.limit_of(step.products)
            for k, (channel, row) in enumerate(self.row_rects(layout, view)):
                x = layout.lefts[0] + ROW_LABEL_W
                top = row.top() + 3
                paint_matrix(painter, self.texts, x, top, cell, step.patch[k],
                             _patch_rgb(sliding, channel, step.patch[k], step.cell_kind), step.cell_kind)
                x += 2 * (kw * cell + ROW_GAP)
                paint_matrix(painter, self.texts, x, top, cell, step.products[k],
                             colours.diverging(step.products[k], product_limit), step.cell_kind)
                painter.setFont(font(12))
                painter.setPen(TEXT)
                painter.drawText(QRectF(x + kw * cell + 10, row.top(), ROW_SUM_W, row.height()),
                                 Qt.AlignmentFlag.AlignVCenter, f"Σ {number(float(step.channel_sums[k]), 3)}")
            hidden = len(view.in_channels) - layout.shown_rows
            if hidden:
                rest = float(step.channel_sums[layout.shown_rows:].sum())
                painter.setFont(font(12))
                painter.setPen(MUTED)
                painter.drawText(QRectF(layout.lefts[0], layout.matrices_top + layout.shown_rows * layout.row_h,
                                        inner.width(), layout.row_h), Qt.AlignmentFlag.AlignVCenter,
                                 QCoreApplication.translate(
                                     "SlideDetail", "… and {n} more input channels, together Σ {total}").format(
                                     n=hidden, total=number(rest, 3)))
        else:
            channel = view.in_channels[0]
            paint_matrix(painter, self.texts, layout.lefts[0], layout.matrices_top, cell, step.patch[0],
                         _patch_rgb(sliding, channel, step.patch[0], step.cell_kind), step.cell_kind, step.argmax)
            if step.products is not None:
                products = step.products[0]
                paint_matrix(painter, self.texts, layout.lefts[2], layout.matrices_top, cell, products,
                             colours.diverging(products, colours.limit_of(products)), step.cell_kind)
        self._equation(painter, layout.equation, text.equation, output_rgb)
        if text.note:
            painter.setFont(font(12))
            painter.setPen(MUTED)
            painter.drawText(layout.note, Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap, text.note)
        painter.restore()

    def _equation(self, painter: QPainter, rect: QRectF, equation: str, output_rgb: tuple[int, int, int]) -> None:
        chip = QRectF(rect.left(), rect.top() + 5, 20, 20)
        painter.fillRect(chip, QColor(*output_rgb))
        painter.setPen(QPen(colours.WINDOW, 3))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(chip)
        fit_font(painter, equation, 17, rect.width() - 30, bold=True)
        painter.setPen(TEXT)
        draw_line(painter, QRectF(rect.left() + 30, rect.top(), rect.width() - 30, rect.height()), equation)
