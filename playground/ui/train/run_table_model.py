"""The run history as a Qt table model: a view over paged queries, never a row of widgets.

`RunTableModel` asks the store (core.runs.RunStore) for the count of runs that pass the
filter and fetches rows a page at a time as the view paints them, so a history of
10,000 runs costs one count and the page or two on screen. Sorting and filtering are
done by the store's SQL (indexed columns), not by a proxy model over every row.
Name and note are edited in place (double click), written straight to the store.
"""

from __future__ import annotations

import sqlite3
import time
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal)

from playground.core.runs import RunFilter, RunStore, RunStoreError, RunSummary
from playground.core.safe_text import printable
from playground.core.text import format_count, format_duration, format_int

PAGE_SIZE = 200
STORE_ERRORS = (RunStoreError, sqlite3.Error, OSError)  # what a store call may raise
MAX_CACHED_PAGES = 20  # pages kept in memory; further pages are fetched again when scrolled back to

# (title, store sort key, right-aligned); the titles translated where shown (context RunTableModel)
COLUMNS: tuple[tuple[str, str, bool], ...] = (
    ("#", "id", True),
    (QT_TRANSLATE_NOOP("RunTableModel", "Name"), "name", False),
    (QT_TRANSLATE_NOOP("RunTableModel", "Design"), "design", False),
    (QT_TRANSLATE_NOOP("RunTableModel", "Dataset"), "dataset", False),
    (QT_TRANSLATE_NOOP("RunTableModel", "Params"), "params", True),
    ("MACs", "macs", True),
    (QT_TRANSLATE_NOOP("RunTableModel", "Best val acc"), "best_val_acc", True),
    (QT_TRANSLATE_NOOP("RunTableModel", "Epochs"), "epochs", True),
    (QT_TRANSLATE_NOOP("RunTableModel", "Time"), "duration", True),
    (QT_TRANSLATE_NOOP("RunTableModel", "Started"), "started", False),
    (QT_TRANSLATE_NOOP("RunTableModel", "Status"), "status", False),
    (QT_TRANSLATE_NOOP("RunTableModel", "Note"), "", False),
)
STATUS_COLUMN = 10
# A run's status and where it ran, as stored (English, data) and shown (translated)
_SHOWN_WORDS = (QT_TRANSLATE_NOOP("RunTableModel", "running"), QT_TRANSLATE_NOOP("RunTableModel", "finished"),
                QT_TRANSLATE_NOOP("RunTableModel", "stopped"), QT_TRANSLATE_NOOP("RunTableModel", "failed"),
                QT_TRANSLATE_NOOP("RunTableModel", "interrupted"), QT_TRANSLATE_NOOP("RunTableModel", "window"),
                QT_TRANSLATE_NOOP("RunTableModel", "cli"))
NAME_COLUMN, NOTE_COLUMN = 1, len(COLUMNS) - 1
RUN_ID_ROLE = Qt.ItemDataRole.UserRole


def _cell_text(run: RunSummary, column: int) -> str:
    acc = run.best_val_acc
    planned = run.epochs_planned
    return (
        str(run.id),
        run.name,
        run.design_name,
        run.dataset,
        format_count(run.params) if run.params is not None else "–",
        format_count(run.macs) if run.macs is not None else "–",
        "–" if acc is None else f"{100 * acc:.2f}%",
        f"{run.epochs_done}/{planned}" if planned else str(run.epochs_done),
        format_duration(run.duration_s) if run.duration_s is not None else "–",
        time.strftime("%Y-%m-%d %H:%M", time.localtime(run.started_at)),
        run.status,
        run.note.replace("\n", " "),
    )[column]


class RunTableModel(QAbstractTableModel):
    """Rows of the run history that pass `filters`, in the store's sort order."""

    failed = Signal(str)  # a store read or write failed: one line for the view

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store: RunStore | None = None
        self.filters = RunFilter()
        self.sort_key = "started"
        self.descending = True
        self._count = 0
        self._pages: dict[int, list[RunSummary]] = {}
        self.pages_fetched = 0  # how many page queries ran (tests check rows are fetched lazily)

    # ------------------------------------------------------------ what it shows

    def set_store(self, store: RunStore | None) -> None:
        self.store = store
        self.refresh()

    def set_filter(self, filters: RunFilter) -> None:
        self.filters = filters
        self.refresh()

    def refresh(self) -> None:
        """Count again and forget the fetched pages (a run was added, changed or deleted)."""
        self.beginResetModel()
        self._pages.clear()
        self._count = 0
        if self.store is not None:
            try:
                self._count = self.store.count(self.filters)
            except STORE_ERRORS as exc:
                self.failed.emit(str(exc))
        self.endResetModel()

    def summary(self, row: int) -> RunSummary | None:
        """The run on `row` (fetching its page if needed)."""
        if not 0 <= row < self._count or self.store is None:
            return None
        page_index = row // PAGE_SIZE
        page = self._pages.get(page_index)
        if page is None:
            try:
                page = self.store.list(self.filters, sort=self.sort_key, descending=self.descending,
                                       limit=PAGE_SIZE, offset=page_index * PAGE_SIZE)
            except STORE_ERRORS as exc:
                self.failed.emit(str(exc))
                page = []
            self.pages_fetched += 1
            if len(self._pages) >= MAX_CACHED_PAGES:
                self._pages.pop(next(iter(self._pages)))
            self._pages[page_index] = page
        offset = row - page_index * PAGE_SIZE
        return page[offset] if offset < len(page) else None

    def row_of(self, run_id: int, hint: int | None = None) -> int | None:
        """The row of a run among the fetched pages, or on the page of `hint` (its row
        before a refresh); None when it is on neither (or filtered out)."""
        if hint is not None:
            self.summary(hint)  # fetches that page
        for page_index, page in self._pages.items():
            for offset, run in enumerate(page):
                if run.id == run_id:
                    return page_index * PAGE_SIZE + offset
        return None

    # ------------------------------------------------------------ QAbstractTableModel

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(COLUMNS[section][0])
        return None

    def retranslate(self) -> None:
        """The headers and the statuses again, in the current language (its view calls this)."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self._count:
            self.dataChanged.emit(self.index(0, STATUS_COLUMN), self.index(self._count - 1, STATUS_COLUMN))

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        run = self.summary(index.row())
        if run is None:
            return None
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if role == Qt.ItemDataRole.EditRole and column == NOTE_COLUMN:
                return run.note
            if role == Qt.ItemDataRole.DisplayRole and column == STATUS_COLUMN:
                return self.tr(run.status)  # one of _SHOWN_WORDS
            return printable(_cell_text(run, column)) if role == Qt.ItemDataRole.DisplayRole else _cell_text(run, column)
        if role == RUN_ID_ROLE:
            return run.id
        if role == Qt.ItemDataRole.TextAlignmentRole and COLUMNS[column][2]:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tip(run, column)
        return None

    def _tip(self, run: RunSummary, column: int) -> str | None:
        if column == 4 and run.params is not None:
            return self.tr("{n} parameters").format(n=format_int(run.params))
        if column == 5 and run.macs is not None:
            return self.tr("{n} multiply-accumulates per image").format(n=format_int(run.macs))
        if column == NOTE_COLUMN and run.note:
            return printable(run.note)
        if column == STATUS_COLUMN and run.message:
            return printable(run.message)
        if column == 3 and run.device:
            return self.tr("trained on {device}, from the {source}").format(device=run.device,
                                                                           source=self.tr(run.source))
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() in (NAME_COLUMN, NOTE_COLUMN):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any,  # noqa: N802
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        run = self.summary(index.row()) if index.isValid() else None
        if run is None or role != Qt.ItemDataRole.EditRole or index.column() not in (NAME_COLUMN, NOTE_COLUMN):
            return False
        return self.rename(run.id, str(value)) if index.column() == NAME_COLUMN else self.set_note(run.id, str(value))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = COLUMNS[column][1]
        if not key:
            return
        self.sort_key = key
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.refresh()

    # ------------------------------------------------------------ edits

    def rename(self, run_id: int, name: str) -> bool:
        return self._edit(lambda store: store.rename(run_id, name.strip()))

    def set_note(self, run_id: int, note: str) -> bool:
        return self._edit(lambda store: store.set_note(run_id, note))

    def delete(self, run_ids: list[int]) -> int:
        gone = 0

        def delete(store: RunStore) -> None:
            nonlocal gone
            gone = store.delete(run_ids)

        self._edit(delete)
        return gone

    def _edit(self, change: Any) -> bool:
        if self.store is None:
            return False
        try:
            change(self.store)
        except STORE_ERRORS as exc:
            self.failed.emit(str(exc))
            return False
        self.refresh()
        return True
