"""The design editor: the network drawn top to bottom, edited by mouse and keyboard.

A custom-painted scroll area (no scene graph to keep in sync): after every change of the
document it rebuilds a `Layout` (editor_layout) and repaints what is visible
(editor_paint). Drops, reorders, keys and the context menu all become edit calls on the
`DesignDocument`; the editor never changes a design itself, it only follows the document.
A language switch lays the cards out again, so their words are read in the new language.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (QColor, QContextMenuEvent, QDrag, QDragEnterEvent, QDragMoveEvent, QDropEvent,
                           QBrush, QGuiApplication, QHelpEvent, QKeyEvent, QKeySequence, QMouseEvent, QPainter, QPaintEvent,
                           QPixmap, QTransform, QWheelEvent)
from PySide6.QtWidgets import (QAbstractScrollArea, QApplication, QFrame, QHBoxLayout, QLabel, QMenu, QToolTip,
                               QWidget)

from playground.core.design import DesignError, ListPath, can_ungroup, get_block, get_list, has_branches, without_ids
from playground.core.block_preview import BlockPreview, NetworkPreview
from playground.core.layers import CATALOGUE, group_text
from playground.ui.widgets import style
from playground.core.text import format_int, shape_str
from playground.ui.state.document import INPUT_ID, DesignDocument
from playground.ui.design.edit_actions import EDIT_ACTIONS, NAVIGATION_KEYS
from playground.ui.design.editor_layout import Card, Column, Layout, build_layout, card_at, drop_target, metrics_for
from playground.ui.design.editor_paint import Fonts, LayoutPainter, ViewState
from playground.ui.design.editor_previews import PREVIEW_H, PreviewPixmaps
from playground.ui.state.previews import BlockPreviews
from playground.ui.widgets.action_table import ActionSet, KeySpec, fill_menu, resolve
from playground.ui.widgets.mime import block_from_mime, block_from_text, block_mime, has_block, origin_of
from playground.ui.widgets.retranslate import Retranslating

_GRID = 22  # spacing of the background dots


def _dot_grid() -> QBrush:
    """The canvas: a faint dot every _GRID pixels, as a texture (painted by Qt, not Python)."""
    tile = QPixmap(_GRID, _GRID)
    tile.fill(QColor(style.CANVAS))
    painter = QPainter(tile)
    painter.fillRect(QRectF(_GRID / 2 - 1, _GRID / 2 - 1, 2, 2), QColor("#dde2ea"))
    painter.end()
    return QBrush(tile)


ZOOM_STEPS = (0.5, 0.67, 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0)
_EDGE_SCROLL = 36  # pixels from the viewport edge where a drag scrolls


class LockBanner(QFrame):
    """The note across the top of the editor while the design is locked (e.g. training)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("lockBanner")
        self.setStyleSheet(f"#lockBanner {{ background: {style.LOCKED_SOFT}; border-bottom: 1px solid #e8c56b; }}"
                           f"#lockBanner QLabel {{ color: #6b4a00; }}")
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 6, 12, 6)
        row.setSpacing(8)
        icon = QLabel(self)
        icon.setPixmap(style.icon("lock").pixmap(16, 16))
        self.text = QLabel(self)
        self.text.setObjectName("lockBannerText")
        row.addWidget(icon)
        row.addWidget(self.text, 1)
        self.hide()


class DesignEditor(Retranslating, QAbstractScrollArea):
    """Shows the document's design as cards and edits it through the document."""

    inspectRequested = Signal()  # Enter or double-click: the inspector should take focus

    def __init__(self, document: DesignDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("designEditor")
        self.document = document
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.viewport().setAcceptDrops(True)
        self.viewport().setMouseTracking(True)
        self.viewport().setAutoFillBackground(False)
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)  # it paints every pixel
        self.horizontalScrollBar().setSingleStep(24)
        self.verticalScrollBar().setSingleStep(24)
        self._collapsed: set[str] = set()
        self._zoom = 1.0
        self._state = ViewState()
        self._previews: BlockPreviews | None = None
        self._preview_pixmaps = PreviewPixmaps()
        self._press: tuple[QPointF, str] | None = None
        self._banner = LockBanner(self)
        base = self.font()
        self._fonts = Fonts(
            title=style.scaled_font(base, 1.0, bold=True),
            body=style.scaled_font(base, 0.95),
            small=style.scaled_font(base, 0.9),
            caption=style.scaled_font(base, 0.88),
            heading=style.scaled_font(base, 1.3, bold=True),
        )
        self._metrics = metrics_for(self._fonts.title, self._fonts.body, self._fonts.small, self._fonts.heading)
        self._painter = LayoutPainter(self._fonts, self._metrics)
        self._background = _dot_grid()
        self._layout: Layout = self._build()
        document.analysisChanged.connect(self._on_analysis_changed)
        document.selectionChanged.connect(self._on_selection_changed)
        document.lockedChanged.connect(self._on_locked_changed)
        document.opened.connect(self._on_opened)
        self._on_analysis_changed(document.analysis)
        self._on_locked_changed(document.locked, document.lock_reason)
        # The page's commands (edit_actions.py): the window shows them in its menus and toolbar.
        self.edit_actions = ActionSet(EDIT_ACTIONS, self, self)
        self._navigation = _navigation_keys(NAVIGATION_KEYS)
        document.selectionChanged.connect(self.edit_actions.refresh)
        document.lockedChanged.connect(self.edit_actions.refresh)
        document.designChanged.connect(self.edit_actions.refresh)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """The banner's words and the cards (laid out again: their texts change width)."""
        self.setAccessibleName(self.tr("Design editor"))
        self._on_locked_changed(self.document.locked, self.document.lock_reason)
        self._relayout()

    # ------------------------------------------------------------ block previews

    def set_previews(self, previews: BlockPreviews) -> None:
        """Show `previews` at the foot of each card (while they are shown)."""
        self._previews = previews
        previews.previewsChanged.connect(self._on_previews_changed)
        previews.staleChanged.connect(self._on_previews_stale)
        previews.shownChanged.connect(lambda _shown: self._relayout())
        self._preview_pixmaps.set_preview(previews.latest)
        self._preview_pixmaps.stale = previews.stale
        previews.set_watched(self.isVisible())
        self._relayout()

    @property
    def previews_shown(self) -> bool:
        return self._previews is not None and self._previews.shown

    @property
    def previews_stale(self) -> bool:
        return self._preview_pixmaps.stale

    def has_preview(self, block_id: str) -> bool:
        """Whether the card of `block_id` shows an output preview now."""
        card = self._layout.cards.get(block_id)
        return card is not None and card.preview is not None and self._preview_pixmaps.has(block_id)

    def block_preview(self, block_id: str) -> BlockPreview | None:
        """What the card of `block_id` shows (None when it shows no preview)."""
        preview = self._preview_pixmaps.preview
        return preview.blocks.get(block_id) if preview is not None and self.has_preview(block_id) else None

    def _on_previews_changed(self, preview: NetworkPreview | None) -> None:
        self._preview_pixmaps.set_preview(preview)
        self.viewport().update()

    def _on_previews_stale(self, stale: bool) -> None:
        self._preview_pixmaps.stale = stale
        self.viewport().update()

    # ------------------------------------------------------------ public view API

    @property
    def zoom(self) -> float:
        return self._zoom

    def set_zoom(self, zoom: float) -> None:
        zoom = min(max(zoom, ZOOM_STEPS[0]), ZOOM_STEPS[-1])
        if abs(zoom - self._zoom) < 1e-6:
            return
        self._zoom = zoom
        self._update_scrollbars()
        self.viewport().update()

    def zoom_in(self) -> None:
        self.set_zoom(next((z for z in ZOOM_STEPS if z > self._zoom + 1e-6), ZOOM_STEPS[-1]))

    def zoom_out(self) -> None:
        self.set_zoom(next((z for z in reversed(ZOOM_STEPS) if z < self._zoom - 1e-6), ZOOM_STEPS[0]))

    def reset_zoom(self) -> None:
        self.set_zoom(1.0)

    def is_collapsed(self, block_id: str) -> bool:
        return block_id in self._collapsed

    def set_collapsed(self, block_id: str, collapsed: bool) -> None:
        if collapsed == (block_id in self._collapsed):
            return
        if collapsed:
            self._collapsed.add(block_id)
            # The selection may not hide inside a collapsed group.
            path = self.document.path_of(self.document.selected_id)
            own = self.document.path_of(block_id)
            if path is not None and own is not None and len(path) > len(own) and path[:len(own)] == own:
                self.document.select(block_id)
        else:
            self._collapsed.discard(block_id)
        self._relayout()

    def set_all_collapsed(self, collapsed: bool) -> None:
        ids = {c.block_id for c in self._all_cards() if c.composite}
        self._collapsed = ids if collapsed else set()
        if collapsed:
            self.document.select("")
        self._relayout()

    def block_rect(self, block_id: str) -> QRect:
        """Where a block's card is on the viewport (the header for composites); empty if hidden."""
        card = self._layout.cards.get(block_id)
        if card is None:
            return QRect()
        return self._to_viewport(card.header).toAlignedRect()

    def block_frame(self, block_id: str) -> QRect:
        """A block's whole area on the viewport (a composite with everything inside it)."""
        card = self._layout.cards.get(block_id)
        return self._to_viewport(card.rect).toAlignedRect() if card is not None else QRect()

    def column_rect(self, list_path: ListPath) -> QRect:
        """Where a child list (e.g. a Residual body) is drawn on the viewport."""
        for column in self._all_columns():
            if column.list_path == tuple(list_path):
                return self._to_viewport(column.rect).toAlignedRect()
        return QRect()

    def block_message(self, block_id: str) -> str:
        """The error or warning text written on a block's card ("" when it has none)."""
        card = self._layout.cards.get(block_id)
        return " ".join(card.message) if card is not None else ""

    def drop_marker(self) -> tuple[ListPath, int] | None:
        """The list and index the insertion marker points at during a drag, if any."""
        if self._state.drop is None:
            return None
        column, index = self._state.drop
        return column.list_path, index

    def visible_order(self) -> list[str]:
        return list(self._layout.order)

    def ensure_visible(self, block_id: str) -> None:
        card = self._layout.cards.get(block_id)
        if card is None:
            return
        rect = self._to_viewport(card.header)
        view = QRectF(self.viewport().rect()).adjusted(12, 12, -12, -12)
        vbar, hbar = self.verticalScrollBar(), self.horizontalScrollBar()
        if rect.top() < view.top() or rect.bottom() > view.bottom():
            # Out of sight: bring it to a third of the way down, so what follows shows too.
            vbar.setValue(vbar.value() + int(rect.top() - view.top() - view.height() / 3))
        if rect.left() < view.left():
            hbar.setValue(hbar.value() - int(view.left() - rect.left()))
        elif rect.right() > view.right():
            hbar.setValue(hbar.value() + int(min(rect.right() - view.right(), rect.left() - view.left())))

    # ------------------------------------------------------------ edits the menus call

    def delete_selection(self) -> bool:
        block_id = self.document.selected_id
        if block_id in ("", INPUT_ID):
            return False
        return self.document.remove_block(block_id)

    def duplicate_selection(self) -> bool:
        block_id = self.document.selected_id
        if block_id in ("", INPUT_ID):
            return False
        return self.document.duplicate_block(block_id) is not None

    def copy_selection(self) -> bool:
        block = self.document.selected_block()
        if block is None:
            return False
        QGuiApplication.clipboard().setMimeData(block_mime(without_ids(block)))
        return True

    def cut_selection(self) -> bool:
        return self.copy_selection() and self.delete_selection()

    def paste(self) -> bool:
        """Insert the block on the clipboard after the selection (JSON text works too)."""
        data = QGuiApplication.clipboard().mimeData()
        try:
            if has_block(data):
                block = block_from_mime(data)
            elif data is not None and data.hasText() and data.text().strip().startswith("{"):
                block = block_from_text(data.text())
            else:
                self.document.editFailed.emit(self.tr("The clipboard holds no block to paste"))
                return False
        except DesignError as exc:
            self.document.editFailed.emit(self.tr("Cannot paste: {reason}").format(reason=exc))
            return False
        list_path, index = self.document.insertion_point()
        text = self.tr("Paste {type}").format(type=block.type)
        return self.document.insert_block(list_path, index, without_ids(block), text) is not None

    def select_relative(self, step: int) -> None:
        order = self._layout.order
        current = self.document.selected_id
        if current not in order:
            target = order[0] if step > 0 else order[-1]
        else:
            target = order[max(0, min(len(order) - 1, order.index(current) + step))]
        self.document.select(target)

    def move_selection(self, step: int) -> bool:
        """Move the selected block one place up (-1) or down (+1) within its list."""
        path = self.document.path_of(self.document.selected_id)
        if path is None:
            return False
        siblings = get_list(self.document.design, path[:-1])
        target = path[-1] + step
        if not 0 <= target < len(siblings):
            return False
        # core.move counts the index before the block is taken out.
        return self.document.move_block(self.document.selected_id, path[:-1], target + (1 if step > 0 else 0))

    def wrap_selection(self, kind: str) -> bool:
        """Put the selected block inside a new `kind` block (Sequential or Residual)."""
        return self.document.wrap_block(self.document.selected_id, kind)

    def ungroup_selection(self) -> bool:
        return self.document.ungroup_block(self.document.selected_id)

    def add_branch_to_selection(self) -> bool:
        return self.document.add_branch(self.document.selected_id)

    # ------------------------------------------------------------ when the commands apply

    def has_selected_block(self) -> bool:
        return self.document.selected_block() is not None

    def can_edit(self) -> bool:
        return not self.document.locked

    def can_edit_selection(self) -> bool:
        return self.has_selected_block() and self.can_edit()

    def selection_can_ungroup(self) -> bool:
        block = self.document.selected_block()
        return block is not None and can_ungroup(block)

    def selection_has_branches(self) -> bool:
        block = self.document.selected_block()
        return block is not None and has_branches(block)

    # ------------------------------------------------------------ what the navigation keys do

    def select_first(self) -> None:
        self.document.select(self._layout.order[0])

    def select_last(self) -> None:
        self.document.select(self._layout.order[-1])

    def clear_selection(self) -> None:
        self.document.select("")

    def inspect_selection(self) -> None:
        if self.document.selected_id:
            self.inspectRequested.emit()

    def collapse_selection(self, collapsed: bool) -> None:
        card = self._layout.cards.get(self.document.selected_id)
        if card is not None and card.composite:
            self.set_collapsed(card.block_id, collapsed)

    def toggle_selection_collapsed(self) -> None:
        card = self._layout.cards.get(self.document.selected_id)
        if card is not None and card.composite:
            self.set_collapsed(card.block_id, not card.collapsed)

    # ------------------------------------------------------------ document events

    def _on_analysis_changed(self, analysis: object) -> None:
        self._relayout()

    def _on_opened(self) -> None:
        self._collapsed.clear()
        self._relayout()
        self.verticalScrollBar().setValue(0)
        self.horizontalScrollBar().setValue(0)

    def _on_selection_changed(self, block_id: str) -> None:
        self._state.selected = block_id
        self._reveal(block_id)
        self.ensure_visible(block_id)
        self.viewport().update()

    def _on_locked_changed(self, locked: bool, reason: str) -> None:
        self._banner.text.setText(self.tr("<b>Editing paused.</b> {reason}").format(reason=reason) if reason
                                  else self.tr("<b>Editing paused.</b>"))
        self._banner.setVisible(locked)
        self._place_banner()

    # ------------------------------------------------------------ layout and geometry

    def _build(self) -> Layout:
        # Drop collapsed ids of blocks that no longer exist.
        self._collapsed = {b for b in self._collapsed if self.document.path_of(b) is not None}
        preview_h = PREVIEW_H if self.previews_shown else 0.0
        return build_layout(self.document.design, self.document.analysis, self._metrics, self._collapsed, INPUT_ID,
                            preview_h)

    def _relayout(self) -> None:
        analysis = self.document.analysis
        self._layout = self._build()
        self._state.total_params = analysis.total_params
        self._state.output_shape = analysis.output_shape
        self._state.output_ok = analysis.ok
        self._state.input_shape = tuple(self.document.design.input)
        self._state.name = self.document.design.name
        self._state.description = self.document.design.description
        self._state.selected = self.document.selected_id
        self._state.previews = self._preview_pixmaps if self.previews_shown else None
        self._painter.forget_unused()
        self._update_scrollbars()
        self.viewport().update()

    def _reveal(self, block_id: str) -> None:
        """Expand collapsed groups around a block that got selected."""
        path = self.document.path_of(block_id)
        if path is None:
            return
        hidden = {get_block(self.document.design, path[:k]).id for k in range(1, len(path), 2)} & self._collapsed
        if hidden:
            self._collapsed -= hidden
            self._relayout()

    def _content_size(self) -> QSize:
        w, h = self._layout.size
        return QSize(int(w * self._zoom + 0.5), int(h * self._zoom + 0.5))

    def _update_scrollbars(self) -> None:
        size = self._content_size()
        view = self.viewport().size()
        hbar, vbar = self.horizontalScrollBar(), self.verticalScrollBar()
        hbar.setRange(0, max(0, size.width() - view.width()))
        hbar.setPageStep(view.width())
        vbar.setRange(0, max(0, size.height() - view.height()))
        vbar.setPageStep(view.height())

    def _origin(self) -> QPointF:
        """Where content (0, 0) is on the viewport: centred when narrower, else scrolled."""
        size = self._content_size()
        view = self.viewport().size()
        # Whole pixels, so cached card pixmaps land 1:1 on the screen and stay crisp.
        x = (view.width() - size.width()) // 2 if size.width() < view.width() else -self.horizontalScrollBar().value()
        return QPointF(x, -self.verticalScrollBar().value())

    def _to_content(self, pos: QPointF | QPoint) -> QPointF:
        origin = self._origin()
        return QPointF((pos.x() - origin.x()) / self._zoom, (pos.y() - origin.y()) / self._zoom)

    def _to_viewport(self, rect: QRectF) -> QRectF:
        origin = self._origin()
        return QRectF(origin.x() + rect.left() * self._zoom, origin.y() + rect.top() * self._zoom,
                      rect.width() * self._zoom, rect.height() * self._zoom)

    def _all_columns(self) -> list[Column]:
        out: list[Column] = []

        def visit(column: Column) -> None:
            out.append(column)
            for item in column.items:
                for child in item.columns:
                    visit(child)
        visit(self._layout.root)
        return out

    def _all_cards(self) -> list[Card]:
        return [item for column in self._all_columns() for item in column.items]

    def _place_banner(self) -> None:
        if self._banner.isVisible():
            height = self._banner.sizeHint().height()
            self.setViewportMargins(0, height, 0, 0)
            self._banner.setGeometry(0, 0, self.width(), height)
        else:
            self.setViewportMargins(0, 0, 0, 0)

    # ------------------------------------------------------------ painting

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self.viewport())
        origin = self._origin()
        self._background.setTransform(QTransform.fromTranslate(origin.x() % _GRID, origin.y() % _GRID))
        painter.fillRect(event.rect(), self._background)
        painter.translate(origin)
        painter.scale(self._zoom, self._zoom)
        exposed = QRectF(self._to_content(event.rect().topLeft()), self._to_content(event.rect().bottomRight()))
        self._state.focused = self.hasFocus()
        self._state.zoom = self._zoom
        self._painter.paint(painter, self._layout, self._state, exposed.adjusted(-4, -4, 4, 4))
        painter.end()

    def resizeEvent(self, event: object) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._place_banner()
        self._update_scrollbars()

    def scrollContentsBy(self, dx: int, dy: int) -> None:  # noqa: N802
        self.viewport().update()

    def showEvent(self, event: object) -> None:  # noqa: N802
        super().showEvent(event)
        if self._previews is not None:
            self._previews.set_watched(True)

    def hideEvent(self, event: object) -> None:  # noqa: N802
        super().hideEvent(event)
        if self._previews is not None:
            self._previews.set_watched(False)

    def focusInEvent(self, event: object) -> None:  # noqa: N802
        super().focusInEvent(event)
        self.viewport().update()

    def focusOutEvent(self, event: object) -> None:  # noqa: N802
        super().focusOutEvent(event)
        self.viewport().update()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(640, 600)

    # ------------------------------------------------------------ mouse

    def _card_at(self, pos: QPointF | QPoint) -> Card | None:
        return card_at(self._layout, self._to_content(pos))

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        card = self._card_at(event.position())
        self._press = None
        if card is None or card.kind == "output":
            if event.button() == Qt.MouseButton.LeftButton:
                self.document.select("")
            return
        if card.composite and card.chevron_rect().contains(self._to_content(event.position())):
            self.set_collapsed(card.block_id, not card.collapsed)
            return
        self.document.select(card.block_id)
        if event.button() == Qt.MouseButton.LeftButton and card.kind != "input":
            self._press = (event.position(), card.block_id)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._press is not None and event.buttons() & Qt.MouseButton.LeftButton:
            start, block_id = self._press
            if (event.position() - start).manhattanLength() >= QApplication.startDragDistance():
                self._press = None
                self._start_drag(block_id, start)
            return
        card = self._card_at(event.position())
        hovered = card.block_id if card is not None and card.kind != "output" else ""
        over_chevron = card is not None and card.composite and card.chevron_rect().contains(self._to_content(event.position()))
        self.viewport().setCursor(Qt.CursorShape.PointingHandCursor if over_chevron else Qt.CursorShape.ArrowCursor)
        if hovered != self._state.hovered:
            self._state.hovered = hovered
            self.viewport().update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self._press = None

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        card = self._card_at(event.position())
        if card is not None and card.kind != "output":
            if card.composite and card.chevron_rect().contains(self._to_content(event.position())):
                return
            self.document.select(card.block_id)
            self.inspectRequested.emit()

    def leaveEvent(self, event: QEvent) -> None:  # noqa: N802
        if self._state.hovered:
            self._state.hovered = ""
            self.viewport().update()

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            if event.angleDelta().y() > 0:
                self.zoom_in()
            elif event.angleDelta().y() < 0:
                self.zoom_out()
            event.accept()
            return
        super().wheelEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.ToolTip:
            self._show_tooltip(event)  # type: ignore[arg-type]
            return True
        return super().viewportEvent(event)

    def _show_tooltip(self, event: QHelpEvent) -> None:
        card = self._card_at(event.pos())
        text = self._tooltip_text(card) if card is not None else ""
        if text:
            QToolTip.showText(event.globalPos(), text, self.viewport())
        else:
            QToolTip.hideText()

    def _tooltip_text(self, card: Card) -> str:
        if card.kind == "input":
            return self.tr("<b>Input</b><br>{shape} (channels × height × width)<br>"
                           "Select it to change the shape.").format(shape=shape_str(self.document.design.input))
        if card.kind == "output":
            analysis = self.document.analysis
            if analysis.ok:
                return self.tr("<b>Output</b><br>{shape} values per image").format(
                    shape=shape_str(analysis.output_shape))
            return self.tr("<b>Output</b><br>Unknown until the errors above are fixed.")
        info = card.info
        block = card.block
        lines = [f"<b>{block.label + ' · ' if block.label else ''}{block.type}</b>",
                 f"<i>{group_text(CATALOGUE[block.type].group)}</i>"]
        if info is not None:
            lines.append(f"{shape_str(info.input_shape)} → {shape_str(info.output_shape)}")
            lines.append(self.tr("{params} parameters, {macs} MACs").format(
                params=format_int(info.params), macs=format_int(info.macs)))
            if info.receptive_field is not None:
                lines.append(self.tr("Receptive field {size}").format(size=info.receptive_field.text()))
            if info.error:
                lines.append(f"<span style='color:{style.ERROR}'>{info.error}</span>")
            if info.warning:
                lines.append(f"<span style='color:{style.WARNING}'>{info.warning}</span>")
        return "<br>".join(lines)

    # ------------------------------------------------------------ drag out

    def _start_drag(self, block_id: str, press: QPointF) -> None:
        if self.document.refuse_if_locked():
            return
        block = self.document.block(block_id)
        card = self._layout.cards.get(block_id)
        if block is None or card is None:
            return
        drag = QDrag(self)
        drag.setMimeData(block_mime(block, origin=self.document.token))
        rect = self._to_viewport(card.header).toAlignedRect().intersected(self.viewport().rect())
        if not rect.isEmpty():
            drag.setPixmap(self.viewport().grab(rect))
            drag.setHotSpot((press - QPointF(rect.topLeft())).toPoint())
        self._state.dragging = block_id
        self.viewport().update()
        try:
            drag.exec(Qt.DropAction.MoveAction | Qt.DropAction.CopyAction, Qt.DropAction.MoveAction)
        finally:
            self._state.dragging = ""
            self._state.drop = None
            self.viewport().update()

    # ------------------------------------------------------------ drops

    def _target(self, pos: QPointF) -> tuple[Column, int]:
        return drop_target(self._layout, self._to_content(pos))

    def _is_move(self, event: QDropEvent) -> tuple[bool, str]:
        """A drop is a move when it comes from this document's own drag without Ctrl held."""
        data = event.mimeData()
        if origin_of(data) != self.document.token:
            return False, ""
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            return False, ""
        try:
            block_id = block_from_mime(data).id
        except DesignError:
            return False, ""
        return self.document.path_of(block_id) is not None, block_id

    def _allowed(self, drag: tuple[bool, str], target: tuple[Column, int]) -> bool:
        """No drop of a block into its own insides (`drag`: what _is_move said of the drop)."""
        move, block_id = drag
        if not move:
            return True
        own = self.document.path_of(block_id)
        list_path = target[0].list_path
        return not (own is not None and tuple(list_path[:len(own)]) == own)

    def _accept(self, event: QDropEvent, move: bool) -> None:
        wanted = Qt.DropAction.MoveAction if move else Qt.DropAction.CopyAction
        if event.possibleActions() & wanted:
            event.setDropAction(wanted)
            event.accept()
        else:
            event.acceptProposedAction()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if has_block(event.mimeData()) and not self.document.locked:
            self._accept(event, self._is_move(event)[0])
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802
        if not has_block(event.mimeData()) or self.document.locked:
            event.ignore()
            return
        self._autoscroll(event.position())
        target = self._target(event.position())
        move = self._is_move(event)  # reads the dragged block once per event
        if not self._allowed(move, target):
            self._set_drop(None)
            event.ignore()
            return
        self._set_drop(target)
        self._accept(event, move[0])

    def dragLeaveEvent(self, event: QEvent) -> None:  # noqa: N802
        self._set_drop(None)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        self._set_drop(None)
        if not has_block(event.mimeData()):
            event.ignore()
            return
        if self.document.refuse_if_locked():
            event.ignore()
            return
        target = self._target(event.position())
        move, block_id = self._is_move(event)
        if not self._allowed((move, block_id), target):
            event.ignore()
            return
        column, index = target
        if move:
            done = self.document.move_block(block_id, column.list_path, index)
        else:
            try:
                block = block_from_mime(event.mimeData())
            except DesignError as exc:
                self.document.editFailed.emit(self.tr("Cannot drop: {reason}").format(reason=exc))
                event.ignore()
                return
            done = self.document.insert_block(column.list_path, index, without_ids(block)) is not None
        self._accept(event, move)
        if not done and not move:
            event.ignore()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def _set_drop(self, target: tuple[Column, int] | None) -> None:
        old = self._state.drop
        if old is None and target is None:
            return
        if old is not None and target is not None and old[0] is target[0] and old[1] == target[1]:
            return
        self._state.drop = target
        self.viewport().update()

    def _autoscroll(self, pos: QPointF) -> None:
        vbar = self.verticalScrollBar()
        if pos.y() < _EDGE_SCROLL:
            vbar.setValue(vbar.value() - 16)
        elif pos.y() > self.viewport().height() - _EDGE_SCROLL:
            vbar.setValue(vbar.value() + 16)

    # ------------------------------------------------------------ keyboard

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        """Navigation only (NAVIGATION_KEYS); edit keys are the shortcuts of `edit_actions`."""
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        spec = self._navigation.get((event.key(), mods))
        if spec is None:
            super().keyPressEvent(event)
            return
        resolve(self, spec.handler)(*spec.args)

    # ------------------------------------------------------------ context menu

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802
        """The page's commands for a block ("block" in their `context`) or for the canvas."""
        card = self._card_at(event.pos())
        menu = QMenu(self)
        on_block = card is not None and card.kind in ("leaf", "composite")
        if on_block:
            self.document.select(card.block_id)
        self.edit_actions.refresh()
        offered = [(spec, action) for spec, action in self.edit_actions.items() if self.edit_actions.shown(spec)]
        fill_menu(menu, offered, "block" if on_block else "canvas")
        if on_block:
            self._block_menu_extras(menu, card, self._to_content(event.pos()))
        self.show_menu(menu, event.globalPos())
        menu.deleteLater()  # the shared actions stay; the menu built for this click goes

    def show_menu(self, menu: QMenu, global_pos: QPoint) -> None:
        """Run a context menu (its own event loop; tests replace this to pick an entry)."""
        menu.exec(global_pos)

    def _block_menu_extras(self, menu: QMenu, card: Card, point: QPointF) -> None:
        """What depends on where the click was: the branch under the mouse, this group's chevron."""
        doc = self.document
        block_id = card.block_id
        if has_branches(card.block) and len(card.columns) > 1:
            for c, column in enumerate(card.columns):
                if column.rect.contains(point):
                    menu.addAction(self.tr("Remove branch %n", "", c + 1),
                                   lambda c=c: doc.remove_branch(block_id, c)).setEnabled(not doc.locked)
        if card.composite:
            menu.addSeparator()
            menu.addAction(self.tr("Expand") if card.collapsed else self.tr("Collapse"),
                           lambda: self.set_collapsed(block_id, not card.collapsed))


def _navigation_keys(specs: tuple[KeySpec, ...]) -> dict[tuple[Qt.Key, Qt.KeyboardModifier], KeySpec]:
    """(key, modifiers) -> the KeySpec it runs."""
    table = {}
    for spec in specs:
        for key in spec.keys:
            combination = QKeySequence(key)[0]
            table[(combination.key(), combination.keyboardModifiers())] = spec
    return table
