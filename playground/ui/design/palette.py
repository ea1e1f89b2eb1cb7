"""The layer palette: every catalogue kind, grouped and colour-coded, ready to drag.

Dragging an entry carries a fresh block (with the catalogue's starter values) in the one
block MIME format, exactly as the editor's own drags and the clipboard do. Double-click or
Enter inserts the block after the selection, so the palette works from the keyboard too.
Group titles, explanations and tooltips are read again when the language changes.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import (QAbstractItemView, QLineEdit, QStyle, QStyledItemDelegate, QStyleOptionViewItem,
                               QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from playground.core.design import new_block
from playground.core.i18n import _
from playground.core.layers import CATALOGUE, GROUPS, LayerKind, group_text, kinds_in_group
from playground.core.layer_search import kind_matches, match_rank
from playground.ui.design.inspector_pictures import curve_tooltip_html
from playground.ui.widgets import style
from playground.ui.widgets.mime import MIME_TYPE, block_mime
from playground.ui.widgets.retranslate import Retranslating

_TYPE_ROLE = Qt.ItemDataRole.UserRole + 1
_SUMMARY_ROLE = Qt.ItemDataRole.UserRole + 2
_GROUP_ROLE = Qt.ItemDataRole.UserRole + 3


def _first_sentence(text: str) -> str:
    """Up to the first full stop, English (". ") or Chinese ("。")."""
    ends = [i + 1 for i in (text.find(". "), text.find("。")) if i >= 0]
    return text[:min(ends)] if ends else text


class _PaletteDelegate(QStyledItemDelegate):
    """Group headers as small captions; kinds as a name over a one-line explanation."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        fm = option.fontMetrics
        if index.data(_TYPE_ROLE) is None:
            return QSize(120, fm.height() + 14)
        return QSize(120, fm.height() * 2 + 12)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRect(option.rect)
        type_name = index.data(_TYPE_ROLE)
        font = QFont(option.font)
        if type_name is None:
            font.setPointSizeF(font.pointSizeF() * 0.85)
            font.setBold(True)
            font.setCapitalization(QFont.Capitalization.AllUppercase)
            font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 106)
            painter.setFont(font)
            painter.setPen(QColor(style.MUTED))
            text_rect = rect.adjusted(4, 6, -4, -2)
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, index.data())
            painter.restore()
            return
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        hovered = bool(option.state & QStyle.StateFlag.State_MouseOver)
        card = QRectF(rect.adjusted(2, 2, -6, -2))
        painter.setPen(QColor(style.ACCENT) if selected else QColor(style.BORDER if hovered else "#e3e7ec"))
        painter.setBrush(QColor(style.ACCENT_SOFT) if selected else QColor("#ffffff"))
        painter.drawRoundedRect(card.adjusted(0.5, 0.5, -0.5, -0.5), 5, 5)
        colour = style.type_colour(type_name)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(QRectF(card.left() + 1, card.top() + 1, 4, card.height() - 2), 2, 2)
        fm = option.fontMetrics
        left = int(card.left()) + 13
        width = int(card.width()) - 19
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(QColor(style.TEXT))
        top = int(card.top()) + 4
        painter.drawText(QRect(left, top, width, fm.height()), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         type_name)
        small = QFont(option.font)
        small.setPointSizeF(small.pointSizeF() * 0.88)
        painter.setFont(small)
        painter.setPen(QColor(style.MUTED))
        summary = painter.fontMetrics().elidedText(index.data(_SUMMARY_ROLE), Qt.TextElideMode.ElideRight, width)
        painter.drawText(QRect(left, top + fm.height(), width, fm.height()),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, summary)
        painter.restore()


class PaletteTree(Retranslating, QTreeWidget):
    """The grouped list; drags a fresh block of the chosen kind."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("layerPaletteList")
        self.setHeaderHidden(True)
        self.setRootIsDecorated(False)
        self.setIndentation(0)
        self.setItemDelegate(_PaletteDelegate(self))
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setMouseTracking(True)
        self.setUniformRowHeights(False)
        self.setStyleSheet("QTreeWidget { border: none; background: #f7f8fa; }")
        self._items: dict[str, QTreeWidgetItem] = {}
        self._headers: list[QTreeWidgetItem] = []
        for group in GROUPS:
            header = QTreeWidgetItem(self)
            header.setData(0, _GROUP_ROLE, group)
            header.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self._headers.append(header)
            for kind in kinds_in_group(group):
                self._items[kind.name] = self._kind_item(header, kind)
            header.setExpanded(True)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Group titles, each kind's one-line summary and tooltip, in the current language."""
        for header in self._headers:
            header.setText(0, group_text(header.data(0, _GROUP_ROLE)))
        hint = self.tr("Drag into the design, or double-click to add it after the selected block.")
        for name, item in self._items.items():
            kind = CATALOGUE[name]
            explanation = _(kind.explanation)
            item.setData(0, _SUMMARY_ROLE, _first_sentence(explanation))
            formula = f"<p><code>{_(kind.formula)}</code></p>" if kind.formula else ""
            item.setToolTip(0, f"<p><b>{kind.name}</b> <i>({group_text(kind.group)})</i></p><p>{explanation}</p>"
                               f"{formula}{curve_tooltip_html(kind.name)}<p style='color:{style.MUTED}'>{hint}</p>")

    @staticmethod
    def _kind_item(header: QTreeWidgetItem, kind: LayerKind) -> QTreeWidgetItem:
        item = QTreeWidgetItem(header, [kind.name])
        item.setData(0, _TYPE_ROLE, kind.name)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled)
        return item

    def item_for(self, type_name: str) -> QTreeWidgetItem:
        return self._items[type_name]

    def mimeTypes(self) -> list[str]:  # noqa: N802 - Qt's name
        return [MIME_TYPE]

    def mimeData(self, items: list[QTreeWidgetItem]) -> QMimeData:  # noqa: N802 - Qt's name
        type_name = next(i.data(0, _TYPE_ROLE) for i in items if i.data(0, _TYPE_ROLE))
        return block_mime(new_block(type_name))

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.CopyAction

    def apply_filter(self, text: str) -> None:
        needle = text.strip().lower()
        for g in range(self.topLevelItemCount()):
            header = self.topLevelItem(g)
            shown = 0
            for i in range(header.childCount()):
                item = header.child(i)
                match = kind_matches(CATALOGUE[item.data(0, _TYPE_ROLE)], needle)
                item.setHidden(not match)
                shown += match
            header.setHidden(shown == 0)


    def visible_kinds(self, text: str = "") -> list[str]:
        needle = text.strip().lower()
        shown = [name for name, item in self._items.items() if not item.isHidden()]

        return sorted(shown, key=lambda name: match_rank(name, needle)) if needle else shown


class LayerPalette(Retranslating, QWidget):
    """Filter box over the grouped list of layer kinds."""

    activated = Signal(str)  # a kind was double-clicked or chosen with Enter

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("layerPalette")
        self.filter = QLineEdit(self)
        self.filter.setObjectName("paletteFilter")
        self.filter.setClearButtonEnabled(True)
        self.tree = PaletteTree(self)
        column = QVBoxLayout(self)
        column.setContentsMargins(8, 8, 4, 0)
        column.setSpacing(6)
        column.addWidget(self.filter)
        column.addWidget(self.tree, 1)
        self.filter.textChanged.connect(self.tree.apply_filter)
        self.filter.returnPressed.connect(self._on_filter_return_pressed)
        self.tree.itemActivated.connect(self._on_item_activated)
        self.setMinimumWidth(190)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setAccessibleName(self.tr("Layer palette"))
        self.filter.setPlaceholderText(self.tr("Filter layers…"))

    def mime_for(self, type_name: str) -> QMimeData:
        """The data a drag of this kind carries (what `QTreeWidget.startDrag` puts on the QDrag)."""
        return self.tree.mimeData([self.tree.item_for(type_name)])

    def visible_kinds(self) -> list[str]:
        """Kinds the filter lets through, best match first (name before explanation)."""
        return self.tree.visible_kinds(self.filter.text())

    def _on_item_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        type_name = item.data(0, _TYPE_ROLE)
        if type_name:
            self.activated.emit(type_name)

    def _on_filter_return_pressed(self) -> None:
        """Enter in the filter adds the first match: type "relu", press Enter."""
        kinds = self.visible_kinds()
        if kinds:
            self.activated.emit(kinds[0])
