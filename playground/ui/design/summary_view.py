"""The summary table: one row per block, torchinfo style, with a totals row.

Rows are the analysis rows as they are (block, type, output shape, parameters, MACs,
receptive field, JSON path); the block column is indented by depth. Clicking a row
selects the block in the document, and selecting a block elsewhere highlights its row.

The cells live in a QStandardItemModel (C++ storage, so painting calls no Python), and
an edit only rewrites the cells whose text changed: typing into a spin box re-analyses
the design on every keystroke, and the table must keep up without a reset. Headers and the
totals row are in the window's language and follow a switch at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QItemSelectionModel, QModelIndex, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPixmap, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

from playground.core.analysis import Analysis, LayerInfo
from playground.ui.widgets import style
from playground.core.text import format_int, shape_str
from playground.ui.state.document import DesignDocument
from playground.ui.widgets.retranslate import Retranslating

COLUMNS = (QT_TRANSLATE_NOOP("SummaryTable", "Block"), QT_TRANSLATE_NOOP("SummaryTable", "Type"),
           QT_TRANSLATE_NOOP("SummaryTable", "Output shape"), QT_TRANSLATE_NOOP("SummaryTable", "Params"),
           QT_TRANSLATE_NOOP("SummaryTable", "MACs"), QT_TRANSLATE_NOOP("SummaryTable", "RF"),
           QT_TRANSLATE_NOOP("SummaryTable", "Path"))
_BLOCK, _TYPE, _SHAPE, _PARAMS, _MACS, _RF, _PATH = range(len(COLUMNS))
_NUMERIC = (_PARAMS, _MACS, _RF)
ID_ROLE = Qt.ItemDataRole.UserRole + 2
_INDENT = 14
_MAX_DEPTH = 12


@dataclass(frozen=True)
class _Cell:
    """What one cell shows; equal cells are not rewritten."""

    text: str
    colour: str = ""
    tooltip: str = ""


def _indent_icon(depth: int) -> QIcon:
    """A transparent decoration as wide as the nesting: indentation painted by Qt itself."""
    pixmap = QPixmap(max(1, depth * _INDENT), 1)
    pixmap.fill(Qt.GlobalColor.transparent)
    return QIcon(pixmap)


@lru_cache(maxsize=4096)
def _cells_for(key: tuple) -> tuple[_Cell, ...]:
    """The cells of a row; `error_word` (in the key, so a language switch misses the cache) is
    what the shape column says for a block with an error."""
    block_id, label, type_name, error_text, warning, shape, params, macs, rf, json_path, composite, error_word = key
    tip = error_text or warning or ""
    error = style.ERROR if error_text else ""
    muted = style.MUTED if composite else ""
    return (
        _Cell(label or block_id, error, tip),
        _Cell(type_name, error or _type_colour(type_name), tip),
        _Cell(error_word if error_text else shape_str(shape), error, tip),
        _Cell(format_int(params), error or muted, tip),
        _Cell(format_int(macs), error or muted, tip),
        _Cell(rf, error, tip),
        _Cell(json_path, error or style.FAINT, tip),
    )


@lru_cache(maxsize=64)
def _type_colour(type_name: str) -> str:
    return style.type_colour(type_name).name()


def _row_cells(info: LayerInfo, label: str | None) -> tuple[_Cell, ...]:
    """A row's cells; rows that did not change come from the cache, formatted once."""
    rf = info.receptive_field.text() if info.receptive_field else ""
    return _cells_for((info.block_id, label, info.type, info.error, info.warning, info.output_shape, info.params,
                       info.macs, rf, info.json_path, info.composite,
                       QCoreApplication.translate("SummaryTable", "error")))


def _errors_text(errors: int) -> str:
    if errors == 0:
        return ""
    if errors == 1:
        return QCoreApplication.translate("SummaryTable", "1 error")
    return QCoreApplication.translate("SummaryTable", "{count} errors").format(count=errors)


def _total_cells(analysis: Analysis) -> tuple[_Cell, ...]:
    errors = len(analysis.errors)
    trainable = QCoreApplication.translate("SummaryTable", "{count} trainable").format(
        count=format_int(analysis.trainable_params))
    return (
        _Cell(QCoreApplication.translate("SummaryTable", "Total")),
        _Cell(""),
        _Cell(shape_str(analysis.output_shape) if analysis.ok else "—", "" if analysis.ok else style.ERROR),
        _Cell(format_int(analysis.total_params), "", trainable),
        _Cell(format_int(analysis.total_macs)),
        _Cell(""),
        _Cell(_errors_text(errors), style.ERROR if errors else ""),
    )


class SummaryTable(Retranslating, QTableView):
    """The bottom dock's table; follows and drives the document's selection."""

    def __init__(self, document: DesignDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("summaryTable")
        self.document = document
        self.summary_model = QStandardItemModel(0, len(COLUMNS), self)
        self.summary_model.setHorizontalHeaderLabels(list(COLUMNS))  # retranslate_ui names them
        for col in _NUMERIC:
            self.summary_model.horizontalHeaderItem(col).setTextAlignment(
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        for col in set(range(len(COLUMNS))) - set(_NUMERIC):
            self.summary_model.horizontalHeaderItem(col).setTextAlignment(
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.setModel(self.summary_model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setIconSize(QSize(_INDENT * _MAX_DEPTH, 1))
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setMinimumSectionSize(36)
        for col, width in enumerate((140, 108, 112, 80, 96, 40, 90)):
            header.resizeSection(col, width)
        header.setStretchLastSection(True)
        self._structure: list[tuple[str, int]] = []  # (block id, depth) per row
        self._cells: list[tuple[_Cell, ...]] = []
        self._icons = [_indent_icon(d) for d in range(_MAX_DEPTH + 1)]
        self._bold = QFont(self.font())
        self._bold.setBold(True)
        self._syncing = False
        self.selectionModel().currentRowChanged.connect(self._on_current_row_changed)
        document.analysisChanged.connect(self._on_analysis_changed)
        document.selectionChanged.connect(self._on_selection_changed)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Headers, the totals row and the error cells in the current language."""
        self.setAccessibleName(self.tr("Summary table"))
        for col, title in enumerate(COLUMNS):
            self.summary_model.horizontalHeaderItem(col).setText(self.tr(title))
        self.summary_model.horizontalHeaderItem(_RF).setToolTip(
            self.tr("Receptive field: how many input pixels one output cell sees"))
        self._on_analysis_changed(self.document.analysis)

    def row_of(self, block_id: str) -> int:
        for r, (row_id, _) in enumerate(self._structure):
            if row_id == block_id:
                return r
        return -1

    # ------------------------------------------------------------ filling

    def _on_analysis_changed(self, analysis: Analysis) -> None:
        structure = [(r.block_id, r.depth) for r in analysis.rows]
        rows = [_row_cells(r, r.label) for r in analysis.rows] + [_total_cells(analysis)]
        self._syncing = True
        try:
            if structure != self._structure or len(self._cells) != len(rows):
                self._rebuild(analysis, structure, rows)
            else:
                self._update(rows)
        finally:
            self._syncing = False
        self._on_selection_changed(self.document.selected_id)

    def _rebuild(self, analysis: Analysis, structure: list[tuple[str, int]], rows: list[tuple[_Cell, ...]]) -> None:
        model = self.summary_model
        model.removeRows(0, model.rowCount())
        total_background = QBrush(QColor("#eef1f5"))
        for r, cells in enumerate(rows):
            items = []
            is_total = r == len(structure)
            for col, cell in enumerate(cells):
                item = QStandardItem()
                self._fill(item, cell)
                if col in _NUMERIC:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if is_total:
                    item.setFont(self._bold)
                    item.setBackground(total_background)
                else:
                    item.setData(structure[r][0], ID_ROLE)
                items.append(item)
            if not is_total:
                block_id, depth = structure[r]
                items[_BLOCK].setIcon(self._icons[min(depth, _MAX_DEPTH)])
                if analysis.rows[r].composite:
                    items[_BLOCK].setFont(self._bold)
            model.appendRow(items)
        self._structure = structure
        self._cells = rows

    def _update(self, rows: list[tuple[_Cell, ...]]) -> None:
        for r, cells in enumerate(rows):
            if self._cells[r] is cells:
                continue
            for col, cell in enumerate(cells):
                if self._cells[r][col] != cell:
                    self._fill(self.summary_model.item(r, col), cell)
        self._cells = rows

    @staticmethod
    def _fill(item: QStandardItem, cell: _Cell) -> None:
        item.setText(cell.text)
        item.setToolTip(cell.tooltip)
        if cell.colour:
            item.setForeground(QBrush(QColor(cell.colour)))
        else:
            item.setData(None, Qt.ItemDataRole.ForegroundRole)

    # ------------------------------------------------------------ selection

    def _on_selection_changed(self, block_id: str) -> None:
        row = self.row_of(block_id)
        self._syncing = True
        try:
            if row < 0:
                self.selectionModel().clearSelection()
            elif self.currentIndex().row() != row or not self.selectionModel().isRowSelected(row, QModelIndex()):
                index = self.summary_model.index(row, 0)
                self.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
                self.scrollTo(index)
        finally:
            self._syncing = False

    def _on_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._syncing or not current.isValid():
            return
        block_id = current.data(ID_ROLE)
        if block_id:
            self.document.select(block_id)
