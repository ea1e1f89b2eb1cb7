"""The inspector's worked sums and pictures, each its own widget beside the form.

`ArithmeticPanel` writes the selected block's sums with its own numbers
(`core.arithmetic`); `NormCube` shades the part of an N x C x H x W batch one mean of a
normalisation layer runs over (`core.norm_axes`), with the statistics of a real batch;
`ActivationPlot` draws an activation and its derivative (`core.activation_curves`), and
`curve_tooltip_html` puts the same picture in the palette's tooltip.
"""

from __future__ import annotations

import base64
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPainterPath, QPen, QPixmap, QPolygonF
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from playground.core.activation_curves import Curve, activation_curve, has_curve
from playground.core.arithmetic import FLOPS_NOTE, block_arithmetic
from playground.core.i18n import _
from playground.core.norm_axes import CUBE_C, CUBE_N, NORM_KINDS, batch_statistics, norm_picture
from playground.ui.widgets import style

__all__ = ["ActivationPlot", "ArithmeticPanel", "NormCube", "curve_tooltip_html", "picture_for"]

_SHADE = QColor("#4a90d9")
_LINE = QColor("#8a94a6")


class ArithmeticPanel(QFrame):
    """The selected block's parameters, output size, MACs and connections, worked out."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inspectorArithmetic")
        self.setStyleSheet(f"#inspectorArithmetic {{ background: white; border: 1px solid {style.BORDER};"
                           "border-radius: 6px; }")
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(10, 8, 10, 8)
        self._grid.setHorizontalSpacing(10)
        self._grid.setVerticalSpacing(3)
        self._grid.setColumnStretch(1, 1)
        self.values: dict[str, QLabel] = {}
        self._note = QLabel(_(FLOPS_NOTE))  # core text, like the analysis messages
        self._note.setObjectName("flopsNote")
        self._note.setWordWrap(True)
        self._note.setStyleSheet(f"color: {style.MUTED};")
        self.hide()

    def show_block(self, type_name: str, params: dict[str, Any], in_shape: tuple[int, ...] | None) -> None:
        """Show the block's sums, or hide when it has none (an error, an activation, a composite)."""
        sums = block_arithmetic(type_name, params, in_shape)
        lines = sums.lines() if sums is not None else []
        if [name for name, _ in lines] != list(self.values):
            self._relayout([name for name, _ in lines])
        for name, text in lines:
            self.values[name].setText(text)
        self.setVisible(bool(lines))

    def _relayout(self, names: list[str]) -> None:
        while self._grid.count():
            item = self._grid.takeAt(0)
            widget = item.widget()
            if widget is not None and widget is not self._note:
                widget.deleteLater()
        self.values = {}
        titles = {"Parameters": self.tr("Parameters"), "Output size": self.tr("Output size"),
                  "MACs": self.tr("MACs"), "Connections": self.tr("Connections")}
        for r, name in enumerate(names):
            title = QLabel(titles[name])
            title.setStyleSheet(f"color: {style.MUTED};")
            value = QLabel()
            value.setObjectName(f"arithmetic_{name.replace(' ', '_').lower()}")
            value.setFont(style.mono_font(self.font(), 0.95))
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            self._grid.addWidget(title, r, 0, Qt.AlignmentFlag.AlignTop)
            self._grid.addWidget(value, r, 1)
            self.values[name] = value
        if "MACs" in names:
            self._grid.addWidget(self._note, len(names), 0, 1, 2)
            self._note.show()
        else:
            self._note.hide()


class NormCube(QWidget):
    """An N x C x (H·W) cube with the cells one mean runs over shaded (Wu & He's picture)."""

    def __init__(self, kind: str, groups: int = 2, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("normCube")
        self.picture = norm_picture(kind, groups)
        self.setMinimumSize(QSize(200, 180))
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(240, 180)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        cell_w, height, depth = 26.0, 80.0, 9.0  # one sample's width, the H·W height, one channel's depth
        x0, y0 = 30.0, 20.0 + CUBE_C * depth
        pen = QPen(_LINE, 1)
        painter.setPen(pen)
        shade, plain = QColor(_SHADE), QColor("#eef1f6")
        cells = self.picture.cells

        def quad(points: list[tuple[float, float]], filled: bool) -> None:
            painter.setBrush(shade if filled else plain)
            painter.drawPolygon(QPolygonF([QPointF(x, y) for x, y in points]))

        for n in range(CUBE_N):  # front face: samples x H·W, channel 0
            x = x0 + n * cell_w
            quad([(x, y0), (x + cell_w, y0), (x + cell_w, y0 + height), (x, y0 + height)], (n, 0) in cells)
        for c in range(CUBE_C):  # top face: samples x channels
            for n in range(CUBE_N):
                x, y = x0 + n * cell_w + c * depth, y0 - c * depth
                quad([(x, y), (x + cell_w, y), (x + cell_w + depth, y - depth), (x + depth, y - depth)],
                     (n, c) in cells)
        right = x0 + CUBE_N * cell_w
        for c in range(CUBE_C):  # right face: channels x H·W, the last sample
            x, y = right + c * depth, y0 - c * depth
            quad([(x, y), (x + depth, y - depth), (x + depth, y - depth + height), (x, y + height)],
                 (CUBE_N - 1, c) in cells)
        painter.setPen(QColor(style.MUTED))
        painter.drawText(QRectF(x0, y0 + height + 2, CUBE_N * cell_w, 16), Qt.AlignmentFlag.AlignCenter,
                         self.tr("N (samples)"))
        painter.drawText(QRectF(0, y0, x0 - 4, height), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                         "H·W")
        painter.drawText(QPointF(right + CUBE_C * depth + 4, y0 - CUBE_C * depth + 4), self.tr("C (channels)"))
        painter.end()


def _curve_path(curve: Curve, values: tuple[float, ...], rect: QRectF, lo: float, hi: float) -> QPainterPath:
    path = QPainterPath()
    x_lo, x_hi = curve.xs[0], curve.xs[-1]
    for i, (x, v) in enumerate(zip(curve.xs, values)):
        px = rect.left() + (x - x_lo) / (x_hi - x_lo) * rect.width()
        py = rect.bottom() - (min(max(v, lo), hi) - lo) / (hi - lo) * rect.height()
        if i == 0:
            path.moveTo(px, py)
        else:
            path.lineTo(px, py)
    return path


def paint_curve(painter: QPainter, rect: QRectF, curve: Curve, curve_label: str, slope_label: str) -> None:
    """f(x) in blue, f'(x) in orange, axes through zero, the largest slope written."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillRect(rect, QColor("white"))
    plot = rect.adjusted(6, 18, -6, -6)
    lo = min(-1.0, min(curve.ys), min(curve.slopes))
    hi = max(1.0, min(max(curve.ys), 6.0), max(curve.slopes))
    painter.setPen(QPen(QColor("#d5dae3"), 1))
    zero_y = plot.bottom() - (0 - lo) / (hi - lo) * plot.height()
    painter.drawLine(QPointF(plot.left(), zero_y), QPointF(plot.right(), zero_y))
    zero_x = plot.left() + (0 - curve.xs[0]) / (curve.xs[-1] - curve.xs[0]) * plot.width()
    painter.drawLine(QPointF(zero_x, plot.top()), QPointF(zero_x, plot.bottom()))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QPen(_SHADE, 2))
    painter.drawPath(_curve_path(curve, curve.ys, plot, lo, hi))
    painter.setPen(QPen(QColor("#e8892c"), 2, Qt.PenStyle.DashLine))
    painter.drawPath(_curve_path(curve, curve.slopes, plot, lo, hi))
    painter.setPen(_SHADE)
    painter.drawText(QRectF(rect.left() + 6, rect.top() + 2, rect.width() / 2, 16), Qt.AlignmentFlag.AlignLeft,
                     curve_label)
    painter.setPen(QColor("#e8892c"))
    painter.drawText(QRectF(rect.center().x(), rect.top() + 2, rect.width() / 2 - 6, 16),
                     Qt.AlignmentFlag.AlignRight, slope_label)


class ActivationPlot(QWidget):
    """An activation's curve and derivative on [-6, 6]."""

    def __init__(self, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("activationPlot")
        self.curve = activation_curve(kind)
        self.setMinimumSize(QSize(200, 130))
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(240, 130)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        paint_curve(painter, QRectF(self.rect()), self.curve, self.curve.kind,
                    self.tr("slope (max {value})").format(value=f"{self.curve.max_slope:.3g}"))
        painter.end()


def curve_tooltip_html(kind: str) -> str:
    """The activation's picture as an inline PNG for a rich-text tooltip ("" for other kinds)."""
    if not has_curve(kind):
        return ""
    curve = activation_curve(kind)
    pixmap = QPixmap(220, 110)
    painter = QPainter(pixmap)
    slope = QCoreApplication.translate("ActivationPlot", "f′ max {value}").format(value=f"{curve.max_slope:.3g}")
    paint_curve(painter, QRectF(0, 0, 220, 110), curve, kind, slope)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    pixmap.save(buffer, "PNG")
    encoded = base64.b64encode(bytes(data.data())).decode("ascii")
    return f"<p><img src='data:image/png;base64,{encoded}' width='220' height='110'></p>"


def picture_for(kind: str, params: dict[str, Any]) -> QWidget | None:
    """The picture the inspector shows for a kind: the norm cube with real statistics, or
    the activation curve; None for the other kinds."""
    if kind in NORM_KINDS:
        holder = QWidget()
        holder.setObjectName("normPicture")
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        picture = norm_picture(kind, int(params.get("num_groups") or 2))
        column.addWidget(NormCube(kind, int(params.get("num_groups") or 2)))
        sentence = QCoreApplication.translate("NormPicture", "One mean and std over {axes} (shaded), {count}.")
        words = QLabel(sentence.format(axes=picture.over, count=_(picture.per)) + " " + batch_statistics(kind).text())
        words.setObjectName("normStatistics")
        words.setWordWrap(True)
        words.setStyleSheet(f"color: {style.MUTED};")
        column.addWidget(words)
        return holder
    if has_curve(kind):
        return ActivationPlot(kind)
    return None
