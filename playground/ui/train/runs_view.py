"""The runs of this session side by side: a table and an accuracy-vs-MACs scatter.

A learner compares designs by what they cost and what they reach; the scatter puts
compute (MACs per image, log scale) against best validation accuracy, one point per run.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from playground.core.text import format_count, format_duration, format_int
from playground.ui.state.training_session import RunRecord

POINT_COLOUR = QColor(31, 119, 180)
SELECTED_COLOUR = QColor(214, 95, 14)




class _SortableItem(QTableWidgetItem):
    """Shows text, sorts by the number behind it."""

    def __init__(self, text: str, key: float) -> None:
        super().__init__(text)
        self.key = key

    def __lt__(self, other: QTableWidgetItem) -> bool:
        if isinstance(other, _SortableItem):
            return self.key < other.key
        return super().__lt__(other)


COLUMNS = ("#", "Design", "Dataset", "Params", "MACs", "Best val acc", "Epochs", "Time", "Device", "Status")


class RunsTable(QTableWidget):
    """One row per run, newest first; sortable by any column."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(COLUMNS), parent)
        self.setObjectName("runsTable")
        self.setHorizontalHeaderLabels(COLUMNS)
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.setSortingEnabled(True)
        self.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.setToolTip("Every training run of this session. MACs: multiply-accumulates per image.")

    def set_run(self, run_id: int, run: RunRecord) -> None:
        """Add the row of `run_id`, or update it in place."""
        self.setSortingEnabled(False)
        row = self._row_of(run_id)
        if row is None:
            row = self.rowCount()
            self.insertRow(row)
        acc = run.best_val_acc
        cells = [
            _SortableItem(str(run_id), run_id),
            QTableWidgetItem(run.design_name),
            QTableWidgetItem(run.dataset),
            _SortableItem(format_count(run.params), run.params),
            _SortableItem(format_count(run.macs), run.macs),
            _SortableItem("–" if acc is None else f"{100 * acc:.2f}%", -1.0 if acc is None else acc),
            _SortableItem(str(run.epochs), run.epochs),
            _SortableItem(format_duration(run.duration_s), run.duration_s),
            QTableWidgetItem(run.device),
            QTableWidgetItem(run.status),
        ]
        for column, item in enumerate(cells):
            if column in (0, 3, 4, 5, 6, 7):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if column == 0:
                item.setData(Qt.ItemDataRole.UserRole, run_id)
            self.setItem(row, column, item)
        self.item(row, 3).setToolTip(self.tr("{n} parameters").format(n=format_int(run.params)))
        self.item(row, 4).setToolTip(self.tr("{n} multiply-accumulates per image").format(n=format_int(run.macs)))
        self.setSortingEnabled(True)

    def _row_of(self, run_id: int) -> int | None:
        for row in range(self.rowCount()):
            item = self.item(row, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == run_id:
                return row
        return None

    def select_run(self, run_id: int) -> None:
        row = self._row_of(run_id)
        if row is not None:
            self.selectRow(row)

    def selected_run(self) -> int | None:
        rows = self.selectionModel().selectedRows()
        if not rows:
            return None
        return self.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole)


class RunsScatter(pg.PlotWidget):
    """Best validation accuracy against MACs per image (log x), one labelled point per run."""

    runClicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        palette = QWidget().palette() if parent is None else parent.palette()
        super().__init__(parent, background=palette.color(QPalette.ColorRole.Base))
        self.setObjectName("runsScatter")
        text = palette.color(QPalette.ColorRole.Text)
        item = self.getPlotItem()
        item.setTitle("Accuracy vs compute", color=text, size="10pt")
        item.setLabel("bottom", "MACs per image", color=text)
        item.setLabel("left", "best validation accuracy (%)", color=text)
        for side in ("bottom", "left"):
            item.getAxis(side).setTextPen(pg.mkPen(text))
        item.setLogMode(x=True, y=False)
        item.showGrid(x=True, y=True, alpha=0.15)
        self._text_colour = text
        self._points = pg.ScatterPlotItem(size=11, pen=pg.mkPen(POINT_COLOUR.darker(130)),
                                          brush=pg.mkBrush(POINT_COLOUR), hoverable=True,
                                          hoverBrush=pg.mkBrush(SELECTED_COLOUR), tip=self._tip)
        self._points.sigClicked.connect(self._on_clicked)
        item.addItem(self._points)
        self._labels: list[pg.TextItem] = []
        self._runs: dict[int, RunRecord] = {}
        self._selected: int | None = None
        self.setMinimumHeight(160)

    def set_runs(self, runs: dict[int, RunRecord]) -> None:
        self._runs = dict(runs)
        self._redraw()

    def select_run(self, run_id: int | None) -> None:
        self._selected = run_id
        self._redraw()

    def point_count(self) -> int:
        return len(self._points.data)

    def _redraw(self) -> None:
        spots = []
        for label in self._labels:
            self.getPlotItem().removeItem(label)
        self._labels = []
        for run_id, run in self._runs.items():
            if run.best_val_acc is None or run.macs <= 0:
                continue
            x, y = math.log10(run.macs), 100.0 * run.best_val_acc
            colour = SELECTED_COLOUR if run_id == self._selected else POINT_COLOUR
            spots.append({"pos": (x, y), "data": run_id, "brush": pg.mkBrush(colour)})
            label = pg.TextItem(f"#{run_id} {run.design_name}", color=self._text_colour, anchor=(0, 1))
            label.setPos(x, y)
            self.getPlotItem().addItem(label)
            self._labels.append(label)
        self._points.setData(spots)
        if spots:
            ys = np.array([s["pos"][1] for s in spots])
            xs = np.array([s["pos"][0] for s in spots])
            self.getPlotItem().setYRange(max(0.0, ys.min() - 5), min(100.0, ys.max() + 3), padding=0.03)
            self.getPlotItem().setXRange(xs.min() - 0.5, xs.max() + 0.7, padding=0)

    def _tip(self, x: float, y: float, data: int) -> str:
        run = self._runs.get(data)
        if run is None:
            return ""
        return self.tr("#{id} {design} on {dataset}\n{macs} MACs, {params} params\nbest validation accuracy {acc:.2f}%").format(
            id=data, design=run.design_name, dataset=run.dataset, macs=format_int(run.macs),
            params=format_int(run.params), acc=y)

    def _on_clicked(self, item: pg.ScatterPlotItem, points, event) -> None:
        if len(points):
            self.runClicked.emit(int(points[0].data()))


class RunsView(QWidget):
    """The runs table above the scatter, selection kept in step between them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("runsView")
        self.runs: dict[int, RunRecord] = {}
        self._next_id = 1
        self._scatter_stale = False
        self.table = RunsTable()
        self.scatter = RunsScatter(self)
        self.table.itemSelectionChanged.connect(self._on_table_selection)
        self.scatter.runClicked.connect(self.table.select_run)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.scatter)
        split.setChildrenCollapsible(False)
        split.setSizes([180, 260])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(split)

    def add_run(self, run: RunRecord) -> int:
        """Record a new run; returns its id for later updates."""
        run_id = self._next_id
        self._next_id += 1
        self.runs[run_id] = run
        self.table.set_run(run_id, run)
        self._update_scatter()
        return run_id

    def update_run(self, run_id: int, **changes: object) -> None:
        run = self.runs[run_id]
        for name, value in changes.items():
            if not hasattr(run, name):
                raise AttributeError(f"RunRecord has no field {name}")
            setattr(run, name, value)
        self.table.set_run(run_id, run)
        self._update_scatter()

    def _update_scatter(self) -> None:
        """Redraw the scatter now if it shows, else when it is next shown (an epoch's end
        during training should not pay for a plot nobody sees)."""
        self._scatter_stale = not self.scatter.isVisible()
        if not self._scatter_stale:
            self.scatter.set_runs(self.runs)

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if self._scatter_stale:
            self._scatter_stale = False
            self.scatter.set_runs(self.runs)

    def _on_table_selection(self) -> None:
        self.scatter.select_run(self.table.selected_run())
