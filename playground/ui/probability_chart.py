"""The class probabilities as bars, the winner highlighted (pyqtgraph).

One BarGraphItem created once and updated in place; the plot does not pan or zoom, its
y axis is fixed to 0-1, so bars are comparable from one drawing to the next.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

WINNER = QColor(230, 126, 34)
OTHERS = QColor(120, 144, 170)


class ProbabilityChart(pg.PlotWidget):
    """Ten (or however many classes) bars of probability."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("probabilityChart")
        self.setAccessibleName("Class probabilities")
        self.setMinimumSize(240, 150)
        self.setBackground(None)
        self.setMenuEnabled(False)
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        plot = self.getPlotItem()
        plot.setYRange(0, 1.2, padding=0)
        plot.showGrid(y=True, alpha=0.25)
        plot.getAxis("left").setTicks([[(v, f"{v:.0%}") for v in (0, 0.25, 0.5, 0.75, 1.0)]])
        plot.getAxis("left").setWidth(40)
        plot.getAxis("left").setStyle(hideOverlappingLabels=False)
        self._bars = pg.BarGraphItem(x=np.zeros(0), height=np.zeros(0), width=0.72, pen=None)
        plot.addItem(self._bars)
        self._label = pg.TextItem(anchor=(0.5, 1.0), color=WINNER)
        plot.addItem(self._label)
        self._probabilities = np.zeros(0, dtype=np.float32)
        self._names: list[str] = []
        self.set_class_names([str(i) for i in range(10)])

    def set_class_names(self, names: Sequence[str]) -> None:
        self._names = list(names)
        n = len(self._names)
        plot = self.getPlotItem()
        plot.setXRange(-0.6, n - 0.4, padding=0)
        plot.getAxis("bottom").setTicks([[(i, name) for i, name in enumerate(self._names)]])
        self.set_probabilities(None)

    @property
    def probabilities(self) -> np.ndarray:
        """The probabilities shown (empty when nothing is shown)."""
        return self._probabilities.copy()

    @property
    def winner(self) -> int | None:
        return int(self._probabilities.argmax()) if self._probabilities.size else None

    def set_probabilities(self, probabilities: Sequence[float] | np.ndarray | None) -> None:
        """Bars for one prediction, or no bars at all (None: nothing to classify)."""
        n = len(self._names)
        if probabilities is None:
            self._probabilities = np.zeros(0, dtype=np.float32)
            self._bars.setOpts(x=np.arange(n), height=np.zeros(n), brushes=[OTHERS] * n)
            self._label.setText("")
            return
        p = np.asarray(probabilities, dtype=np.float32).reshape(-1)[:n]
        self._probabilities = p
        winner = int(p.argmax())
        brushes = [WINNER if i == winner else OTHERS for i in range(len(p))]
        self._bars.setOpts(x=np.arange(len(p)), height=p, brushes=brushes)
        self._label.setText(f"{p[winner]:.0%}")
        self._label.setPos(winner, min(float(p[winner]), 1.0) + 0.01)
