"""The detail panel of the kernel animation: the actual numbers of the current step.

patch x weights = products, then sum + bias = output (or the max, or the mean), then the
output-size formula with the layer's real numbers. The texts are built once per step as
plain strings (`DetailText`), painted here and offered to tests and screen readers as is.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen

from playground.core.sliding import CELL_INPUT, CELL_OUTSIDE, ChannelView, Sliding, Step
from playground.ui import conv_animation_colors as colours

NUMBERS_FROM = 22.0  # matrix cells at least this many pixels wide show their numbers
TEXT = QColor("#1f2328")
MUTED = QColor("#5c6675")
LINE = QColor("#d3d9e1")


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
    title = (f"Output channel {view.out_channel}, row {step.out_row}, col {step.out_col}"
             f"  ·  step {step.index + 1} of {len(view)}")
    op = sliding.op
    note = ""
    if op.kind == "conv":
        if len(view.in_channels) > 1:
            equation = (f"Σ over {len(view.in_channels)} channels = {number(step.total, 3)}   "
                        f"+ bias {number(step.bias, 3)}   = {number(step.value, 3)}")
        elif view.whole_group:
            equation = f"Σ products = {number(step.total, 3)}   + bias {number(step.bias, 3)}   = {number(step.value, 3)}"
        else:
            equation = f"Σ products = {number(step.total, 3)}"
            others = len(sliding.group_channels(view.out_channel))
            note = (f"Input channel {view.in_channels[0]}'s share. With all {others} input channels "
                    f"and the bias the layer outputs {number(step.layer_value, 3)} here.")
    elif op.kind == "max":
        row, col = step.argmax
        equation = f"max of the window = {number(step.value, 3)}"
        note = f"The largest value sits at window row {row}, col {col}; padding counts as −∞."
    else:
        equation = f"Σ window = {number(step.total, 3)}   ÷ {step.divisor}   = {number(step.value, 3)}"
        note = ("The divisor is fixed by divisor_override." if op.divisor_override else
                "Padding cells count in the divisor." if op.count_include_pad and step.padding_mask.any()
                else "")
    return DetailText(title, equation, note, op.describe(), sliding.formula_lines())


# ---------------------------------------------------------------- painting

@dataclass
class MatrixHit:
    """Where a channel row of the 'sum over channels' panel was painted (for clicks)."""

    channel: int
    rect: QRectF


def _font(base: QFont, pixels: float, bold: bool = False) -> QFont:
    font = QFont(base)
    font.setPixelSize(max(7, int(pixels)))
    font.setBold(bold)
    return font


def _matrix(painter: QPainter, left: float, top: float, cell: float, values: np.ndarray, rgb: np.ndarray,
            kinds: np.ndarray, winner: tuple[int, int] | None = None) -> QRectF:
    """One kh x kw matrix of coloured cells, numbers on them when they are big enough."""
    kh, kw = values.shape
    show_numbers = cell >= NUMBERS_FROM
    if show_numbers:
        painter.setFont(_font(painter.font(), cell * 0.3))
    hatch = QBrush(QColor(255, 255, 255, 90), Qt.BrushStyle.BDiagPattern)
    for i in range(kh):
        for j in range(kw):
            rect = QRectF(left + j * cell, top + i * cell, cell, cell)
            if kinds[i, j] == CELL_OUTSIDE:
                painter.fillRect(rect, colours.OUTSIDE)
                continue
            painter.fillRect(rect, QColor(*(int(v) for v in rgb[i, j])))
            if kinds[i, j] != CELL_INPUT:
                painter.fillRect(rect, hatch)
            if show_numbers:
                painter.setPen(colours.text_colour(rgb[i, j]))
                painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, number(float(values[i, j])))
    box = QRectF(left, top, kw * cell, kh * cell)
    painter.setPen(QPen(LINE, 1))
    for i in range(1, kh):
        painter.drawLine(QPointF(left, top + i * cell), QPointF(box.right(), top + i * cell))
    for j in range(1, kw):
        painter.drawLine(QPointF(left + j * cell, top), QPointF(left + j * cell, box.bottom()))
    painter.setPen(QPen(MUTED, 1))
    painter.drawRect(box)
    if winner is not None:
        painter.setPen(QPen(colours.WINDOW_DARK, max(2.0, cell * 0.1)))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(QRectF(left + winner[1] * cell, top + winner[0] * cell, cell, cell).adjusted(1, 1, -1, -1))
    return box


def _caption(painter: QPainter, box: QRectF, text: str, pixels: float) -> None:
    painter.setFont(_font(painter.font(), pixels))
    painter.setPen(MUTED)
    painter.drawText(QRectF(box.left() - 40, box.bottom() + 3, box.width() + 80, pixels + 6),
                     Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, text)


def _operator(painter: QPainter, x: float, y: float, text: str, pixels: float) -> None:
    painter.setFont(_font(painter.font(), pixels, bold=True))
    painter.setPen(TEXT)
    painter.drawText(QRectF(x - 15, y - pixels, 30, 2 * pixels), Qt.AlignmentFlag.AlignCenter, text)


def _fitted(painter: QPainter, text: str, pixels: float, width: float, bold: bool = False,
            mono: bool = False, smallest: float = 9.0) -> None:
    """Set the largest font (down to `smallest` px) in which `text` fits `width`."""
    size = pixels
    while True:
        font = _font(painter.font(), size, bold)
        if mono:
            font.setFamily("monospace")
            font.setStyleHint(QFont.StyleHint.Monospace)
        painter.setFont(font)
        if painter.fontMetrics().horizontalAdvance(text) <= width or size <= smallest:
            return
        size -= 1


def _line(painter: QPainter, rect: QRectF, text: str) -> None:
    """One left-aligned line, elided if even the smallest font is too wide."""
    elided = painter.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, int(rect.width()))
    painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, elided)


@dataclass(frozen=True)
class _Rows:
    """How the 'sum over channels' rows fit: matrix cell size, row height, rows shown."""

    cell: float
    row_h: float
    shown: int


class DetailPainter:
    """Paints the panel into a rectangle; remembers channel rows for clicks."""

    def __init__(self) -> None:
        self.channel_rows: list[MatrixHit] = []

    def paint(self, painter: QPainter, rect: QRectF, sliding: Sliding, view: ChannelView, step: Step,
              text: DetailText, display_channel: int, output_rgb: tuple[int, int, int]) -> None:
        self.channel_rows = []
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.fillRect(rect, QColor("#ffffff"))
        painter.setPen(QPen(LINE, 1))
        painter.drawRect(rect)
        inner = rect.adjusted(16, 10, -16, -10)
        _fitted(painter, text.title, 15, inner.width(), bold=True)
        painter.setPen(TEXT)
        _line(painter, QRectF(inner.left(), inner.top(), inner.width(), 22), text.title)
        footer_h = 18.0 * (1 + len(text.formula)) + 10
        equation_h = 34.0 + (36.0 if text.note else 0.0)
        middle = QRectF(inner.left(), inner.top() + 30, inner.width(), inner.height() - 30 - footer_h)
        matrices_h = middle.height() - equation_h - 10
        kh, kw = step.patch.shape[1:]
        if len(view.in_channels) > 1:
            rows = self._rows_fit(middle.width(), matrices_h, len(view.in_channels), kh, kw)
            used = rows.row_h * (rows.shown + (rows.shown < len(view.in_channels)))
        else:
            count = 3 if step.kernel is not None else 1
            cell = self._triplet_cell(middle.width(), matrices_h, count, kh, kw)
            used = kh * cell + 22
        top = middle.top() + max(0.0, (middle.height() - used - 10 - equation_h) / 2)
        area = QRectF(middle.left(), top, middle.width(), used)
        if len(view.in_channels) > 1:
            self._channel_rows(painter, area, rows, sliding, view, step, display_channel)
        else:
            self._triplet(painter, area, cell, sliding, view, step)
        eq_top = area.bottom() + 10
        self._equation(painter, QRectF(inner.left(), eq_top, inner.width(), 30), text.equation, output_rgb)
        if text.note:
            painter.setFont(_font(painter.font(), 12))
            painter.setPen(MUTED)
            painter.drawText(QRectF(inner.left(), eq_top + 34, inner.width(), 36),
                             Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap, text.note)
        footer_top = inner.bottom() - footer_h + 10
        painter.setPen(QPen(LINE, 1))
        painter.drawLine(QPointF(inner.left(), footer_top - 5), QPointF(inner.right(), footer_top - 5))
        _fitted(painter, text.describe, 12, inner.width())
        painter.setPen(MUTED)
        _line(painter, QRectF(inner.left(), footer_top, inner.width(), 17), text.describe)
        painter.setPen(TEXT)
        for k, formula in enumerate(text.formula):
            _fitted(painter, formula, 12, inner.width(), mono=True)
            _line(painter, QRectF(inner.left(), footer_top + 18 * (k + 1), inner.width(), 17), formula)
        painter.restore()

    @staticmethod
    def _triplet_cell(width: float, height: float, count: int, kh: int, kw: int) -> float:
        gap = 34.0
        cap = 40.0 if count > 1 else 48.0
        return max(2.0, min(cap, (width - gap * (count - 1)) / (count * kw), (height - 22) / kh))

    def _triplet(self, painter: QPainter, area: QRectF, cell: float, sliding: Sliding, view: ChannelView,
                 step: Step) -> None:
        """patch x kernel = products (conv) or the window alone (pooling), with numbers."""
        kh, kw = step.patch.shape[1:]
        patch = step.patch[0]
        low, high = colours.value_range(sliding.input[view.in_channels[0]])
        patch_rgb = colours.tint_padding(colours.greys(patch, low, high), step.cell_kind != CELL_INPUT)
        matrices = [(patch, patch_rgb, "input patch" if step.kernel is not None else "window")]
        if step.kernel is not None:
            kernel, products = step.kernel[0], step.products[0]
            matrices.append((kernel, colours.diverging(kernel, colours.limit_of(kernel)), "kernel weights"))
            matrices.append((products, colours.diverging(products, colours.limit_of(products)), "products"))
        gap = 34.0
        n = len(matrices)
        total_w = n * kw * cell + gap * (n - 1)
        left = area.left() + max(0.0, (area.width() - total_w) / 2)
        kinds = step.cell_kind
        for k, (values, rgb, caption) in enumerate(matrices):
            winner = step.argmax if k == 0 else None
            box = _matrix(painter, left, area.top(), cell, values, rgb, kinds if k != 1 else np.zeros_like(kinds),
                          winner)
            _caption(painter, box, caption, 12)
            if k < n - 1:
                _operator(painter, box.right() + gap / 2, box.center().y(), "×" if k == 0 else "=", 20)
            left = box.right() + gap

    @staticmethod
    def _rows_fit(width: float, height: float, channels: int, kh: int, kw: int) -> _Rows:
        """Matrix cells up to 12 px; shrink (not below 4 px) before hiding channel rows."""
        label_w, sum_w, gap = 50.0, 80.0, 22.0
        cell = min(12.0, (width - label_w - sum_w - 2 * gap) / (3 * kw))
        wanted = min(channels, 8)
        cell = max(4.0, min(cell, height / wanted / kh - 6 / kh))
        row_h = kh * cell + 6
        fit = max(1, int((height + 1) // row_h))
        shown = channels if fit >= channels else max(1, fit - 1)
        return _Rows(cell, row_h, shown)

    def _channel_rows(self, painter: QPainter, area: QRectF, rows: _Rows, sliding: Sliding, view: ChannelView,
                      step: Step, display_channel: int) -> None:
        """One row per input channel: its patch x kernel = products, and their sum."""
        channels = len(view.in_channels)
        label_w, sum_w, gap = 50.0, 80.0, 22.0
        cell, row_h = rows.cell, rows.row_h
        kernel_limit = colours.limit_of(step.kernel)
        product_limit = colours.limit_of(step.products)
        small = _font(painter.font(), 12)
        kinds = step.cell_kind
        block_w = label_w + 3 * step.patch.shape[2] * cell + 2 * gap + sum_w
        left0 = area.left() + max(0.0, (area.width() - block_w) / 2)
        for k in range(rows.shown):
            channel = view.in_channels[k]
            top = area.top() + k * row_h
            row_rect = QRectF(area.left(), top, area.width(), row_h)
            if channel == display_channel:
                painter.fillRect(row_rect.adjusted(0, 1, 0, -1), QColor(245, 158, 11, 40))
            self.channel_rows.append(MatrixHit(channel, row_rect))
            painter.setFont(small)
            painter.setPen(TEXT)
            painter.drawText(QRectF(left0, top, label_w, row_h), Qt.AlignmentFlag.AlignVCenter, f"in {channel}")
            left = left0 + label_w
            low, high = colours.value_range(sliding.input[channel])
            matrices = [(step.patch[k], colours.tint_padding(colours.greys(step.patch[k], low, high),
                                                             kinds != CELL_INPUT), kinds),
                        (step.kernel[k], colours.diverging(step.kernel[k], kernel_limit), np.zeros_like(kinds)),
                        (step.products[k], colours.diverging(step.products[k], product_limit), kinds)]
            for m, (values, rgb, cell_kinds) in enumerate(matrices):
                box = _matrix(painter, left, top + 3, cell, values, rgb, cell_kinds)
                if m < 2:
                    _operator(painter, box.right() + gap / 2, box.center().y(), "×" if m == 0 else "=", 13)
                left = box.right() + gap
            painter.setFont(small)
            painter.setPen(TEXT)
            painter.drawText(QRectF(left - gap + 10, top, sum_w, row_h), Qt.AlignmentFlag.AlignVCenter,
                             f"Σ {number(float(step.channel_sums[k]), 3)}")
        if rows.shown < channels:
            rest = float(step.channel_sums[rows.shown:].sum())
            painter.setFont(small)
            painter.setPen(MUTED)
            painter.drawText(QRectF(left0, area.top() + rows.shown * row_h, area.width(), row_h),
                             Qt.AlignmentFlag.AlignVCenter,
                             f"… and {channels - rows.shown} more input channels, together Σ {number(rest, 3)}")

    def _equation(self, painter: QPainter, rect: QRectF, equation: str, output_rgb: tuple[int, int, int]) -> None:
        chip = QRectF(rect.left(), rect.top() + 5, 20, 20)
        painter.fillRect(chip, QColor(*output_rgb))
        painter.setPen(QPen(colours.WINDOW, 3))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(chip)
        _fitted(painter, equation, 17, rect.width() - 30, bold=True)
        painter.setPen(TEXT)
        _line(painter, QRectF(rect.left() + 30, rect.top(), rect.width() - 30, rect.height()), equation)
