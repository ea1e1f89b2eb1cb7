"""The summary table: one row per block, torchinfo style, with a totals row.

Rows are the analysis rows as they are (block, path, type, output shape, parameters,
MACs, receptive field); the block column is indented by depth. Clicking a row selects
the block in the document, and selecting a block elsewhere highlights its row.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QItemSelectionModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import (QAbstractItemView, QHeaderView, QStyle, QStyledItemDelegate, QStyleOptionViewItem,
                               QTableView, QWidget)

from playground.core.analysis import Analysis, LayerInfo
from playground.core.design import walk
from playground.ui import style
from playground.ui.block_text import format_int, shape_str
from playground.ui.document import DesignDocument

COLUMNS = ("Block", "Type", "Output shape", "Params", "MACs", "RF", "Path")
_BLOCK, _TYPE, _SHAPE, _PARAMS, _MACS, _RF, _PATH = range(len(COLUMNS))
_DEPTH_ROLE = Qt.ItemDataRole.UserRole + 1
_ID_ROLE = Qt.ItemDataRole.UserRole + 2
_INDENT = 16


class SummaryModel(QAbstractTableModel):
    """Analysis rows plus a final totals row."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[LayerInfo] = []
        self._analysis: Analysis | None = None
        self._labels: dict[str, str] = {}

    def set_analysis(self, analysis: Analysis, labels: dict[str, str]) -> None:
        self.beginResetModel()
        self._analysis = analysis
        self._rows = list(analysis.rows)
        self._labels = labels
        self.endResetModel()

    def row_of(self, block_id: str) -> int:
        for r, info in enumerate(self._rows):
            if info.block_id == block_id:
                return r
        return -1

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() or self._analysis is None else len(self._rows) + 1

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal:
            if role == Qt.ItemDataRole.DisplayRole:
                return COLUMNS[section]
            if role == Qt.ItemDataRole.TextAlignmentRole:
                side = Qt.AlignmentFlag.AlignRight if section in (_PARAMS, _MACS, _RF) else Qt.AlignmentFlag.AlignLeft
                return int(side | Qt.AlignmentFlag.AlignVCenter)
            if role == Qt.ItemDataRole.ToolTipRole and section == _RF:
                return "Receptive field: how many input pixels one output cell sees"
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._analysis is None:
            return None
        if index.row() == len(self._rows):
            return self._total(index.column(), role)
        info = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(info, col)
        if role == _DEPTH_ROLE:
            return info.depth
        if role == _ID_ROLE:
            return info.block_id
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (_PARAMS, _MACS, _RF):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if info.error:
                return QBrush(QColor(style.ERROR))
            if col == _PATH:
                return QBrush(QColor(style.FAINT))
            if col == _TYPE:
                return QBrush(style.type_colour(info.type))
            if info.composite and col in (_PARAMS, _MACS):
                return QBrush(QColor(style.MUTED))
        if role == Qt.ItemDataRole.FontRole and info.composite and col == _BLOCK:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return info.error or info.warning or None
        return None

    def _text(self, info: LayerInfo, col: int) -> str:
        if col == _BLOCK:
            return self._labels.get(info.block_id) or info.block_id
        if col == _PATH:
            return info.json_path
        if col == _TYPE:
            return info.type
        if col == _SHAPE:
            return "error" if info.error else shape_str(info.output_shape)
        if col == _PARAMS:
            return format_int(info.params)
        if col == _MACS:
            return format_int(info.macs)
        if col == _RF:
            return info.receptive_field.text() if info.receptive_field else ""
        return ""

    def _total(self, col: int, role: int) -> Any:
        analysis = self._analysis
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor("#eef1f5"))
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (_PARAMS, _MACS, _RF):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and not analysis.ok and col == _SHAPE:
            return QBrush(QColor(style.ERROR))
        if role == Qt.ItemDataRole.ToolTipRole and col == _PARAMS:
            return f"{format_int(analysis.trainable_params)} trainable"
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        errors = len(analysis.errors)
        return {
            _BLOCK: "Total",
            _PATH: f"{errors} error{'s' if errors != 1 else ''}" if errors else "",
            _SHAPE: shape_str(analysis.output_shape) if analysis.ok else "—",
            _PARAMS: format_int(analysis.total_params),
            _MACS: format_int(analysis.total_macs),
        }.get(col, "")


class _IndentDelegate(QStyledItemDelegate):
    """Draws the block column indented by nesting depth, the row background unshifted."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        widget = opt.widget
        widget.style().drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        depth = index.data(_DEPTH_ROLE) or 0
        rect = opt.rect.adjusted(6 + depth * _INDENT, 0, -4, 0)
        brush = index.data(Qt.ItemDataRole.ForegroundRole)
        painter.save()
        painter.setFont(opt.font)
        painter.setPen(brush.color() if isinstance(brush, QBrush) else opt.palette.text().color())
        elided = QFontMetrics(opt.font).elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, elided)
        painter.restore()


class SummaryTable(QTableView):
    """The bottom dock's table; follows and drives the document's selection."""

    def __init__(self, document: DesignDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("summaryTable")
        self.setAccessibleName("Summary table")
        self.document = document
        self.summary_model = SummaryModel(self)
        self.setModel(self.summary_model)
        self.setItemDelegateForColumn(_BLOCK, _IndentDelegate(self))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        widths = (160, 115, 120, 85, 100, 45, 150)
        for col, width in enumerate(widths):
            header.resizeSection(col, width)
        header.setStretchLastSection(True)
        self._syncing = False
        self.selectionModel().currentRowChanged.connect(self._on_current_row_changed)
        document.analysisChanged.connect(self._on_analysis_changed)
        document.selectionChanged.connect(self._on_selection_changed)
        self._on_analysis_changed(document.analysis)

    def _labels(self) -> dict[str, str]:
        return {b.id: b.label for _, b in walk(self.document.design) if b.label}

    def _on_analysis_changed(self, analysis: Analysis) -> None:
        self._syncing = True
        try:
            self.summary_model.set_analysis(analysis, self._labels())
        finally:
            self._syncing = False
        self._on_selection_changed(self.document.selected_id)

    def _on_selection_changed(self, block_id: str) -> None:
        row = self.summary_model.row_of(block_id)
        self._syncing = True
        try:
            if row < 0:
                self.selectionModel().clearSelection()
            else:
                index = self.summary_model.index(row, 0)
                self.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
                self.scrollTo(index)
        finally:
            self._syncing = False

    def _on_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._syncing or not current.isValid():
            return
        block_id = current.data(_ID_ROLE)
        if block_id:
            self.document.select(block_id)
