"""Every run ever trained, from this window, earlier launches and the command line.

The run history (core.runs.RunStore, one SQLite file) is shown as a table model over
paged queries (run_table_model.py), so ten thousand runs scroll as fast as ten. Above
it: filters by text (run or design name), dataset and date. Below: the accuracy-vs-MACs
scatter over every run that passes the filter (a learner compares designs by what they
cost and what they reach) and, for the selected runs, their loss and accuracy curves
overlaid. A run's design opens as an untitled copy, its checkpoint loads as the active
model; runs are renamed, annotated and deleted (after a confirmation).

Opening the store checks the file (PRAGMA integrity_check, a fraction of a second on a
big history), so it is opened on a background job when the tab is first shown.
"""

from __future__ import annotations

import math
import time
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from playground.core.design import DesignError, design_from_json
from playground.core.runs import EpochRecord, RunFilter, RunStore, RunSummary
from playground.core.safe_text import printable
from playground.core.text import format_int
from playground.ui.state.active_model import ModelHub
from playground.ui.state.jobs import BackgroundJob
from playground.ui.train.run_table_model import RUN_ID_ROLE, STORE_ERRORS, RunTableModel
from playground.ui.widgets.retranslate import Retranslating

POINT_COLOUR = QColor(31, 119, 180)
SELECTED_COLOUR = QColor(214, 95, 14)
CURVE_COLOURS = ("#1f77b4", "#d65f0e", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22")
MAX_LABELS = 30  # more points than this are left unlabelled (hover shows what each is)
MAX_OVERLAID = len(CURVE_COLOURS)
DAY_S = 24 * 3600.0
COLUMN_WIDTHS = (48, 150, 130, 120, 70, 70, 90, 60, 70, 120, 80)  # the note column stretches
DATE_CHOICES = (("any", QT_TRANSLATE_NOOP("RunsView", "Any time")), ("today", QT_TRANSLATE_NOOP("RunsView", "Today")),
                ("week", QT_TRANSLATE_NOOP("RunsView", "Last 7 days")),
                ("month", QT_TRANSLATE_NOOP("RunsView", "Last 30 days")))


class RunsScatter(Retranslating, pg.PlotWidget):
    """Best validation accuracy against MACs per image (log x), one point per run."""

    runClicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        palette = QWidget().palette() if parent is None else parent.palette()
        super().__init__(parent, background=palette.color(QPalette.ColorRole.Base))
        self.setObjectName("runsScatter")
        text = palette.color(QPalette.ColorRole.Text)
        item = self.getPlotItem()
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
        self._runs: dict[int, RunSummary] = {}
        self._selected: set[int] = set()
        self.setMinimumHeight(160)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        item, text = self.getPlotItem(), self._text_colour
        item.setTitle(self.tr("Accuracy vs compute"), color=text, size="10pt")
        item.setLabel("bottom", self.tr("MACs per image"), color=text)
        item.setLabel("left", self.tr("best validation accuracy (%)"), color=text)

    def set_runs(self, runs: dict[int, RunSummary]) -> None:
        self._runs = dict(runs)
        self._redraw()

    def select_runs(self, run_ids: set[int]) -> None:
        self._selected = set(run_ids)
        self._redraw()

    def point_count(self) -> int:
        return len(self._points.data)

    def _redraw(self) -> None:
        for label in self._labels:
            self.getPlotItem().removeItem(label)
        self._labels = []
        shown = [(run_id, run) for run_id, run in self._runs.items()
                 if run.best_val_acc is not None and run.macs is not None and run.macs > 0]
        spots = []
        for run_id, run in shown:
            x, y = math.log10(run.macs), 100.0 * run.best_val_acc
            colour = SELECTED_COLOUR if run_id in self._selected else POINT_COLOUR
            spots.append({"pos": (x, y), "data": run_id, "brush": pg.mkBrush(colour)})
            if len(shown) <= MAX_LABELS:
                label = pg.TextItem(printable(f"#{run_id} {run.design_name}"), color=self._text_colour,
                                    anchor=(0, 1))
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
        return printable(self.tr("#{id} {design} on {dataset}\n{macs} MACs, {params} params\n"
                                 "best validation accuracy {acc:.2f}%").format(
            id=data, design=run.design_name, dataset=run.dataset, macs=format_int(run.macs),
            params=format_int(run.params) if run.params is not None else "–", acc=y))

    def _on_clicked(self, item: pg.ScatterPlotItem, points, event) -> None:
        if len(points):
            self.runClicked.emit(int(points[0].data()))


class RunCurves(Retranslating, QWidget):
    """The selected runs' validation loss and accuracy per epoch, one colour per run."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("runsCurves")
        background = self.palette().color(QPalette.ColorRole.Base)
        text = self.palette().color(QPalette.ColorRole.Text)
        self.loss_plot = pg.PlotWidget(background=background)
        self.loss_plot.setObjectName("runsLossCurves")
        self.acc_plot = pg.PlotWidget(background=background)
        self.acc_plot.setObjectName("runsAccuracyCurves")
        self._text_colour = text
        for plot in (self.loss_plot, self.acc_plot):
            item = plot.getPlotItem()
            item.showGrid(x=True, y=True, alpha=0.15)
            item.addLegend(offset=(-10, 10))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.loss_plot)
        layout.addWidget(self.acc_plot)
        self.shown: list[int] = []
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        text = self._text_colour
        for plot, title, unit in ((self.loss_plot, self.tr("Loss (validation solid, training dashed)"),
                                   self.tr("loss")),
                                  (self.acc_plot, self.tr("Validation accuracy"), "%")):
            item = plot.getPlotItem()
            item.setTitle(title, color=text, size="10pt")
            item.setLabel("bottom", self.tr("epoch"), color=text)
            item.setLabel("left", unit, color=text)

    def set_runs(self, histories: dict[int, list[EpochRecord]], names: dict[int, str]) -> None:
        for plot in (self.loss_plot, self.acc_plot):
            plot.getPlotItem().clear()
        self.shown = []
        for colour, (run_id, epochs) in zip(CURVE_COLOURS, histories.items()):
            if not epochs:
                continue
            x = np.array([e.epoch for e in epochs], dtype=float)
            name = printable(f"#{run_id} {names.get(run_id, '')}")
            self.loss_plot.plot(x, [e.val_loss for e in epochs], pen=pg.mkPen(colour, width=2), symbol="o",
                                symbolSize=5, symbolBrush=colour, name=name)
            self.loss_plot.plot(x, [e.train_loss for e in epochs],
                                pen=pg.mkPen(colour, width=1, style=Qt.PenStyle.DashLine))
            self.acc_plot.plot(x, [100 * e.val_acc for e in epochs], pen=pg.mkPen(colour, width=2), symbol="o",
                               symbolSize=5, symbolBrush=colour, name=name)
            self.shown.append(run_id)


class _OpenStore:
    """A job that opens (and checks) the run history on the worker thread."""

    def __init__(self, path: Path | None) -> None:
        self.path = path

    def run(self) -> RunStore | str:
        try:
            return RunStore(self.path)
        except STORE_ERRORS as exc:
            return str(exc)

    def stop(self) -> None:
        """Opening a SQLite file is not interruptible; it ends within a second."""


class RunsView(Retranslating, QWidget):
    """The run history: filters, the table, the scatter and the selected runs' curves.

    `hub` (optional) loads a run's checkpoint as the active model; a run's design goes
    out on `openDesignRequested` (the shell opens it as an untitled copy). `store_path`
    picks the history file (default: the user's, core.runs.default_path()).
    """

    openDesignRequested = Signal(object)  # Design
    storeReady = Signal()  # the store was opened (or failed to: see `message`)

    def __init__(self, hub: ModelHub | None = None, parent: QWidget | None = None,
                 store_path: Path | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("runsView")
        self.hub = hub
        self.store: RunStore | None = None
        self._store_path = store_path
        self._opening = BackgroundJob(self)
        self._opening.finished.connect(self._on_store_opened)
        self._scatter_stale = True
        self.model = RunTableModel(self)
        self.model.failed.connect(lambda text: self.show_message(text, error=True))
        self._build()
        self.model.modelReset.connect(self._on_model_reset)

    # ------------------------------------------------------------ layout

    def _build(self) -> None:
        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("runsFilterText")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._apply_filter)
        self.dataset_combo = QComboBox()
        self.dataset_combo.setObjectName("runsDatasetFilter")
        self.dataset_combo.addItem("", None)
        self.dataset_combo.currentIndexChanged.connect(self._apply_filter)
        self.date_combo = QComboBox()
        self.date_combo.setObjectName("runsDateFilter")
        for key, _text in DATE_CHOICES:
            self.date_combo.addItem("", key)
        self.date_combo.currentIndexChanged.connect(self._apply_filter)
        self.count_label = QLabel()
        self.count_label.setObjectName("runsCount")
        filters = QHBoxLayout()
        filters.addWidget(self.filter_edit, 2)
        filters.addWidget(self.dataset_combo, 1)
        filters.addWidget(self.date_combo)
        filters.addWidget(self.count_label)

        self.table = QTableView()
        self.table.setObjectName("runsTable")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)  # never measures every row
        header.setStretchLastSection(True)
        for column, width in enumerate(COLUMN_WIDTHS):
            header.resizeSection(column, width)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)

        self.open_button = self._button("runsOpenDesign", self.open_design)
        self.load_button = self._button("runsLoadCheckpoint", self.load_checkpoint)
        self.rename_button = self._button("runsRename", self.rename_selected)
        self.note_button = self._button("runsNote", self.edit_note)
        self.delete_button = self._button("runsDelete", self.delete_selected)
        buttons = QHBoxLayout()
        for button in (self.open_button, self.load_button, self.rename_button, self.note_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.message_label = QLabel()
        self.message_label.setObjectName("runsMessage")
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_label.hide()

        self.scatter = RunsScatter(self)
        self.scatter.runClicked.connect(self.select_run)
        self.curves = RunCurves(self)
        plots = QSplitter(Qt.Orientation.Horizontal)
        plots.addWidget(self.scatter)
        plots.addWidget(self.curves)
        plots.setSizes([300, 500])
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(filters)
        top_layout.addWidget(self.table)
        top_layout.addLayout(buttons)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(plots)
        split.setChildrenCollapsible(False)
        split.setSizes([260, 260])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.message_label)
        layout.addWidget(split)
        self._update_buttons()
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Filters, buttons, the table's headers and tooltip, and the count in the current language."""
        self.filter_edit.setPlaceholderText(self.tr("Filter by run or design name"))
        self.dataset_combo.setItemText(0, self.tr("All datasets"))
        for i, (_key, text) in enumerate(DATE_CHOICES):
            self.date_combo.setItemText(i, self.tr(text))
        self.table.setToolTip(self.tr("Every training run, from this window, earlier launches and the command "
                                      "line. Select several to compare their curves; double-click a name or a "
                                      "note to edit it. MACs: multiply-accumulates per image."))
        for button, text, tip in (
                (self.open_button, self.tr("Open design"), self.tr("Open the run's design as a new untitled design")),
                (self.load_button, self.tr("Load checkpoint"),
                 self.tr("Make the run's saved weights the active model")),
                (self.rename_button, self.tr("Rename…"), self.tr("Give the run a name of its own")),
                (self.note_button, self.tr("Note…"), self.tr("Write a note about the run")),
                (self.delete_button, self.tr("Delete…"), self.tr("Delete the selected runs from the history"))):
            button.setText(text)
            button.setToolTip(tip)
        self._show_count()
        self.model.retranslate()

    def _button(self, name: str, slot) -> QPushButton:
        button = QPushButton()
        button.setObjectName(name)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    # ------------------------------------------------------------ the store

    def open_store(self) -> None:
        """Open the run history in the background (once); `storeReady` says when."""
        if self.store is None and not self._opening.running:
            path = self._store_path
            self._opening.start(lambda _callback: _OpenStore(path))

    def _on_store_opened(self, result: RunStore | str | None) -> None:
        if isinstance(result, RunStore):
            self.store = result
            if result.damaged is not None:
                self.show_message(result.damaged.message(), error=True)
            self.model.set_store(result)
        else:
            self.show_message(self.tr("The run history cannot be opened: {reason}").format(
                reason=result or self.tr("unknown error")), error=True)
        self.storeReady.emit()

    def refresh(self) -> None:
        """Read the history again (a run was recorded or changed), keeping the selection."""
        if self.store is None:
            return
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        selected = [(run.id, row) for row in rows if (run := self.model.summary(row)) is not None]
        self.model.refresh()
        for run_id, row in selected:
            self._select_row_of(run_id, QItemSelectionModel.SelectionFlag.Select, row)

    def shutdown(self) -> None:
        """Join the opening job and close the file (the window closes)."""
        self._opening.shutdown()
        store, self.store = self.store, None
        if store is not None:
            self.model.set_store(None)
            store.close()

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self.open_store()
        if self._scatter_stale and self.store is not None:
            self._redraw_scatter()

    def closeEvent(self, event) -> None:  # noqa: N802
        self.shutdown()
        super().closeEvent(event)

    # ------------------------------------------------------------ filters

    def current_filter(self) -> RunFilter:
        since = {"today": _local_midnight(), "week": time.time() - 7 * DAY_S,
                 "month": time.time() - 30 * DAY_S}.get(self.date_combo.currentData())
        return RunFilter(text=self.filter_edit.text().strip(), dataset=self.dataset_combo.currentData(),
                         started_from=since)

    def _apply_filter(self, *_args: object) -> None:
        self.model.set_filter(self.current_filter())

    def _show_count(self) -> None:
        total = self.model.rowCount()
        self.count_label.setText(self.tr("{n} runs").format(n=format_int(total)) if total != 1
                                 else self.tr("1 run"))

    def _on_model_reset(self) -> None:
        self._show_count()
        self._scatter_stale = True
        if self.scatter.isVisible():
            self._redraw_scatter()
        self._on_selection()

    def _redraw_scatter(self) -> None:
        """Every run that passes the filter (summaries only: no curves, no designs)."""
        self._scatter_stale = False
        if self.store is None:
            return
        try:
            runs = self.store.list(self.model.filters)
        except STORE_ERRORS as exc:
            self.show_message(str(exc), error=True)
            return
        self.scatter.set_runs({run.id: run for run in runs})
        self.scatter.select_runs(set(self.selected_runs()))
        self._update_datasets(run.dataset for run in runs)

    def _update_datasets(self, datasets) -> None:
        """Offer every dataset seen so far in the dataset filter (the choice stays)."""
        known = {self.dataset_combo.itemData(i) for i in range(1, self.dataset_combo.count())}
        for name in sorted(set(datasets) - known):
            self.dataset_combo.addItem(printable(name), name)

    # ------------------------------------------------------------ selection

    def selected_runs(self) -> list[int]:
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [run.id for row in rows if (run := self.model.summary(row)) is not None]

    def selected_summaries(self) -> list[RunSummary]:
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [run for row in rows if (run := self.model.summary(row)) is not None]

    def select_run(self, run_id: int) -> bool:
        """Select one run (a scatter click); False when the table does not hold it."""
        return self._select_row_of(run_id, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def _select_row_of(self, run_id: int, flag: QItemSelectionModel.SelectionFlag, hint: int | None = None) -> bool:
        row = self.model.row_of(run_id, hint)
        if row is None:
            return False
        self.table.selectionModel().select(self.model.index(row, 0),
                                           flag | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def _on_selection(self, *_args: object) -> None:
        runs = self.selected_summaries()
        self.scatter.select_runs({run.id for run in runs})
        self._update_buttons()
        if self.store is None:
            return
        shown = runs[:MAX_OVERLAID]
        try:
            histories = self.store.histories([run.id for run in shown])
        except STORE_ERRORS as exc:
            self.show_message(str(exc), error=True)
            return
        self.curves.set_runs(histories, {run.id: run.name or run.design_name for run in shown})

    def _update_buttons(self) -> None:
        runs = self.selected_summaries()
        one = runs[0] if len(runs) == 1 else None
        self.open_button.setEnabled(one is not None)
        self.load_button.setEnabled(one is not None and self.hub is not None and bool(one.checkpoint_path))
        self.rename_button.setEnabled(one is not None)
        self.note_button.setEnabled(one is not None)
        self.delete_button.setEnabled(bool(runs))

    # ------------------------------------------------------------ commands

    def open_design(self) -> bool:
        """Send the selected run's design out, to be opened as an untitled copy."""
        runs = self.selected_summaries()
        if len(runs) != 1 or self.store is None:
            return False
        try:
            design = design_from_json(self.store.get(runs[0].id).design_json)
        except STORE_ERRORS as exc:
            self.show_message(str(exc), error=True)
            return False
        except DesignError as exc:
            self.show_message(self.tr("The design of run #{id} cannot be opened: {reason}").format(
                id=runs[0].id, reason=exc), error=True)
            return False
        self.openDesignRequested.emit(design)
        return True

    def load_checkpoint(self) -> bool:
        """Make the selected run's checkpoint the active model (ModelHub says how it went)."""
        runs = self.selected_summaries()
        if len(runs) != 1 or self.hub is None or not runs[0].checkpoint_path:
            return False
        return self.hub.load_model(runs[0].checkpoint_path) is not None

    def rename_selected(self) -> bool:
        runs = self.selected_summaries()
        if len(runs) != 1:
            return False
        name, ok = QInputDialog.getText(self, self.tr("Rename run"), self.tr("Name of run #{id}:").format(
            id=runs[0].id), QLineEdit.EchoMode.Normal, runs[0].name)
        if not ok:
            return False
        return self._edit_and_reselect(runs[0].id, lambda: self.model.rename(runs[0].id, name))

    def edit_note(self) -> bool:
        runs = self.selected_summaries()
        if len(runs) != 1:
            return False
        note, ok = QInputDialog.getMultiLineText(self, self.tr("Note"), self.tr("Note on run #{id}:").format(
            id=runs[0].id), runs[0].note)
        if not ok:
            return False
        return self._edit_and_reselect(runs[0].id, lambda: self.model.set_note(runs[0].id, note))

    def _edit_and_reselect(self, run_id: int, edit) -> bool:
        """Run an edit (which refreshes the model) and select the run again, where it now is."""
        rows = self.table.selectionModel().selectedRows()
        hint = rows[0].row() if rows else None
        done = edit()
        self._select_row_of(run_id, QItemSelectionModel.SelectionFlag.ClearAndSelect, hint)
        return done

    def delete_selected(self) -> int:
        """Delete the selected runs after a confirmation; returns how many went."""
        run_ids = self.selected_runs()
        if not run_ids:
            return 0
        what = (self.tr("run #{id}").format(id=run_ids[0]) if len(run_ids) == 1
                else self.tr("{n} runs").format(n=len(run_ids)))
        answer = QMessageBox.question(
            self, self.tr("Delete runs"),
            self.tr("Delete {what} from the run history, with its metrics? This cannot be undone "
                    "(saved checkpoints stay where they are).").format(what=what),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return 0
        return self.model.delete(run_ids)

    # ------------------------------------------------------------ messages

    def show_message(self, text: str, error: bool = False) -> None:
        self.message_label.setText(printable(text))
        self.message_label.setProperty("error", error)
        self.message_label.setStyleSheet("color: #b42318;" if error else "")
        self.message_label.show()

    def run_id_at(self, row: int) -> int | None:
        return self.model.data(self.model.index(row, 0), RUN_ID_ROLE)


def _local_midnight() -> float:
    now = time.localtime()
    return time.mktime((now.tm_year, now.tm_mon, now.tm_mday, 0, 0, 0, 0, 0, -1))
