"""The class probabilities as bars, the winner highlighted (pyqtgraph).

One rectangle item per class, created once and resized in place (cheaper to repaint
30 times a second than a BarGraphItem, which re-records its picture on every change);
the plot does not pan or zoom and its y axis is fixed to 0-1, so bars are comparable
from one drawing to the next.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPen
from PySide6.QtWidgets import QGraphicsRectItem, QWidget

from playground.ui.widgets.retranslate import Retranslating

WINNER = QColor(230, 126, 34)
OTHERS = QColor(120, 144, 170)
_WINNER_BRUSH, _OTHERS_BRUSH = QBrush(WINNER), QBrush(OTHERS)
BAR_WIDTH = 0.72
MAX_BARS = 20  # up to this many classes, every class has its bar
TOP_BARS = 10  # beyond it (ImageNet's 1000), the most probable ones


class ProbabilityChart(Retranslating, pg.PlotWidget):
    """Ten (or however many classes) bars of probability."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("probabilityChart")
        self.setMinimumSize(240, 150)
        self.setBackground(None)
        self.setMenuEnabled(False)
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        plot = self.getPlotItem()
        plot.setYRange(0, 1.2, padding=0)
        for level in (0.25, 0.5, 0.75, 1.0):  # own lines, not showGrid: a grid makes every bar change repaint the axis
            plot.addItem(pg.InfiniteLine(pos=level, angle=0, pen=pg.mkPen(150, 150, 150, 70)))
        plot.getAxis("left").setTicks([[(v, f"{v:.0%}") for v in (0, 0.25, 0.5, 0.75, 1.0)]])
        plot.getAxis("left").setWidth(40)
        plot.getAxis("left").setStyle(hideOverlappingLabels=False)
        self._bars: list[QGraphicsRectItem] = []
        self._label = pg.TextItem(anchor=(0.5, 1.0), color=WINNER)
        plot.addItem(self._label)
        self._probabilities = np.zeros(0, dtype=np.float32)
        self._names: list[str] = []
        self._many = False
        self.set_class_names([str(i) for i in range(10)])
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setAccessibleName(self.tr("Class probabilities"))

    def set_class_names(self, names: Sequence[str]) -> None:
        """One bar per class; with more than MAX_BARS classes, bars for the TOP_BARS most
        probable ones (most probable first), labelled with their class names."""
        self._names = list(names)
        self._many = len(self._names) > MAX_BARS
        n = TOP_BARS if self._many else len(self._names)
        plot = self.getPlotItem()
        plot.setXRange(-0.6, n - 0.4, padding=0)
        self._set_ticks(range(n) if not self._many else [])
        for bar in self._bars:
            plot.removeItem(bar)
        self._bars = []
        for _ in range(n):
            bar = QGraphicsRectItem()
            bar.setPen(QPen(Qt.PenStyle.NoPen))
            bar.setBrush(_OTHERS_BRUSH)
            plot.addItem(bar)
            self._bars.append(bar)
        self.set_probabilities(None)

    def _set_ticks(self, classes: Sequence[int]) -> None:
        self.getPlotItem().getAxis("bottom").setTicks([[(i, self._names[c]) for i, c in enumerate(classes)]])

    @property
    def probabilities(self) -> np.ndarray:
        """The probability of every class (empty when nothing is shown)."""
        return self._probabilities.copy()

    @property
    def winner(self) -> int | None:
        return int(self._probabilities.argmax()) if self._probabilities.size else None

    def set_probabilities(self, probabilities: Sequence[float] | np.ndarray | None) -> None:
        """Bars for one prediction, or no bars at all (None: nothing to classify)."""
        if probabilities is None:
            self._probabilities = np.zeros(0, dtype=np.float32)
            for bar in self._bars:
                bar.hide()
            if self._label.toPlainText():
                self._label.setText("")
            return
        p = np.asarray(probabilities, dtype=np.float32).reshape(-1)[:len(self._names)]
        self._probabilities = p
        if self._many:
            shown = np.argsort(-p, kind="stable")[:TOP_BARS]
            self._set_ticks(shown.tolist())
        else:
            shown = np.arange(len(p))
        heights = p[shown]
        winner = int(heights.argmax())
        for i, bar in enumerate(self._bars):
            height = float(heights[i]) if i < len(heights) else 0.0
            bar.setRect(QRectF(i - BAR_WIDTH / 2, 0.0, BAR_WIDTH, height))
            bar.setBrush(_WINNER_BRUSH if i == winner else _OTHERS_BRUSH)
            bar.setVisible(i < len(heights))
        text = f"{heights[winner]:.0%}"
        if text != self._label.toPlainText():
            self._label.setText(text)
        self._label.setPos(winner, min(float(heights[winner]), 1.0) + 0.01)
