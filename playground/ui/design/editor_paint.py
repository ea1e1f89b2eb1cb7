"""Painting the editor's layout: cards, composite frames, connectors, the drop marker.

Kept apart from the widget so the widget handles events and this module only turns a
`Layout` plus a little view state into pixels. Only cards that meet the exposed rectangle
are painted, which keeps a repaint of a ResNet as cheap as one of a LeNet.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen, QPixmap, QPolygonF

from playground.core.layers import CATALOGUE, group_text
from playground.ui.widgets import style
from playground.core.text import block_title, format_count, shape_str, short_params
from playground.ui.design.editor_layout import BYPASS_W, GAP, Card, Column, Layout, Metrics, chevron_rect
from playground.ui.design.editor_previews import PreviewPixmaps

RADIUS = 7.0
_MARGIN = 6.0  # room around a cached card for its shadow and selection ring
_CONNECTOR = QColor("#aab4c2")
_TRACK = QColor("#edf0f4")


@dataclass
class ViewState:
    selected: str = ""
    hovered: str = ""
    dragging: str = ""
    total_params: int = 0
    output_shape: tuple[int, ...] | None = None
    output_ok: bool = True
    input_shape: tuple[int, ...] | None = None
    name: str = ""
    description: str = ""
    drop: tuple[Column, int] | None = None
    focused: bool = False
    zoom: float = 1.0
    previews: PreviewPixmaps | None = None  # block output previews, when they are shown


@dataclass(frozen=True)
class CardFace:
    """What a card shows; equal faces paint equal pixels, so a face keys the pixmap cache."""

    kind: str
    title: str
    subtitle: str
    right1: str
    right2: str
    type_hint: str
    message: tuple[str, ...]
    message_is_error: bool
    error: bool
    warning: bool
    collapsed: bool
    selected: bool
    hovered: bool
    focused: bool
    size: tuple[float, float]
    colour: str


@dataclass
class Fonts:
    title: QFont
    body: QFont
    small: QFont
    caption: QFont
    heading: QFont


class LayoutPainter:
    """Draws one layout with fixed fonts; created once per editor."""

    def __init__(self, fonts: Fonts, metrics: Metrics) -> None:
        self.fonts = fonts
        self.m = metrics
        self._cache: dict[tuple[CardFace, float], QPixmap] = {}
        self._used: set[tuple[CardFace, float]] = set()
        self._path_cache: dict[tuple[float, float], tuple[QPainterPath, QPainterPath]] = {}

    # ------------------------------------------------------------ entry point

    def paint(self, p: QPainter, layout: Layout, state: ViewState, exposed: QRectF) -> None:
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        if layout.heading.intersects(exposed):
            self._heading(p, layout.heading, state)
        self._connect_column(p, layout.root, exposed)
        self._input(p, layout.input, state)
        self._column(p, layout.root, state, exposed)
        self._output(p, layout.output, state)
        if state.drop is not None:
            self._drop_marker(p, *state.drop)

    def _heading(self, p: QPainter, rect: QRectF, state: ViewState) -> None:
        p.setFont(self.fonts.heading)
        p.setPen(QColor(style.TEXT))
        top = QRectF(rect.left(), rect.top(), rect.width(), self.m.heading.height())
        p.drawText(top, Qt.AlignmentFlag.AlignCenter,
                   self.m.heading.elidedText(state.name or QCoreApplication.translate("EditorPaint", "Untitled"),
                                             Qt.TextElideMode.ElideRight, rect.width()))
        if state.description:
            p.setFont(self.fonts.small)
            p.setPen(QColor(style.MUTED))
            below = QRectF(rect.left(), top.bottom() + 4, rect.width(), self.m.small.height())
            p.drawText(below, Qt.AlignmentFlag.AlignCenter,
                       self.m.small.elidedText(state.description, Qt.TextElideMode.ElideRight, rect.width()))

    # ------------------------------------------------------------ structure

    def _column(self, p: QPainter, column: Column, state: ViewState, exposed: QRectF) -> None:
        if column.empty is not None:
            self._placeholder(p, column, highlighted=state.drop is not None and state.drop[0] is column)
        for item in column.items:
            if not item.rect.intersects(exposed):
                continue
            faded = state.dragging and item.block_id == state.dragging
            if faded:
                p.setOpacity(0.35)
            if item.composite:
                self._composite(p, item, state, exposed)
            else:
                self._card(p, item, state)
            if faded:
                p.setOpacity(1.0)

    def _composite(self, p: QPainter, card: Card, state: ViewState, exposed: QRectF) -> None:
        colour = style.type_colour(card.block.type)
        if not card.collapsed:
            frame = QColor(colour)
            frame.setAlpha(16)
            border = QColor(colour)
            border.setAlpha(90)
            p.setPen(QPen(border, 1.0))
            p.setBrush(frame)
            p.drawRoundedRect(card.rect.adjusted(0.5, 0.5, -0.5, -0.5), RADIUS + 3, RADIUS + 3)
            self._connect_composite(p, card)
            for column in card.columns:
                self._connect_column(p, column, exposed)
                self._column_title(p, column)
                self._column(p, column, state, exposed)
            if card.merge is not None:
                self._merge_node(p, card)
        else:
            # A collapsed group: two offset edges hint at the blocks inside.
            for offset in (6.0, 3.0):
                edge = card.header.translated(offset, offset)
                p.setPen(QPen(QColor(style.BORDER), 1.0))
                p.setBrush(QColor("#f7f8fa"))
                p.drawRoundedRect(edge, RADIUS, RADIUS)
        self._card(p, card, state)

    def _connect_composite(self, p: QPainter, card: Card) -> None:
        pen = QPen(_CONNECTOR, 1.5)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        p.setPen(pen)
        cx = card.header.center().x()
        top = card.header.bottom()
        if len(card.columns) > 1:
            bus = top + 10
            p.drawLine(QPointF(cx, top), QPointF(cx, bus))
            xs = [c.center_x for c in card.columns]
            p.drawLine(QPointF(min(xs), bus), QPointF(max(xs), bus))
        if card.merge is not None:
            node_y = card.merge.top() + card.merge.height() / 2 - 3
            xs = [c.center_x for c in card.columns]
            p.drawLine(QPointF(min(xs), node_y), QPointF(max(xs), node_y))
            for x in xs:
                p.drawLine(QPointF(x, card.merge.top()), QPointF(x, node_y))
            p.drawLine(QPointF(cx, node_y), QPointF(cx, card.rect.bottom()))
            if card.block.kind.composite.bypass_caption is not None:
                self._bypass(p, card, top, node_y)
        elif card.columns:
            column = card.columns[0]
            p.drawLine(QPointF(column.center_x, column.rect.bottom()), QPointF(cx, card.rect.bottom()))

    def _bypass(self, p: QPainter, card: Card, top: float, node_y: float) -> None:
        """The block's input carried past its slots to the merge node, dashed like an identity
        shortcut and captioned (a Gate's x in x * body(x))."""
        cx = card.header.center().x()
        x = max(c.rect.right() for c in card.columns) + BYPASS_W / 2 + 2
        pen = QPen(_CONNECTOR, 1.5, Qt.PenStyle.DashLine)
        p.setPen(pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        bus = top + 10
        p.drawPolyline(QPolygonF([QPointF(cx, bus), QPointF(x, bus), QPointF(x, node_y), QPointF(cx + 14, node_y)]))
        p.setFont(self.fonts.caption)
        p.setPen(QColor(style.MUTED))
        p.drawText(QRectF(x - 8, bus + 2, 16, 16), Qt.AlignmentFlag.AlignCenter, card.block.kind.composite.bypass_caption)

    def _connect_column(self, p: QPainter, column: Column, exposed: QRectF) -> None:
        """Lines with arrowheads from the column's top, through its blocks, to its bottom."""
        x = column.center_x
        pen = QPen(_CONNECTOR, 1.5)
        if column.identity:
            pen.setStyle(Qt.PenStyle.DashLine)
        p.setPen(pen)
        top = column.rect.top() + (10 if column.title else 0)
        stops = [(item.rect.top(), item.rect.bottom()) for item in column.items]
        if column.empty is not None:
            stops = [(column.empty.top(), column.empty.bottom())]
        y = top
        for start, end in stops:
            if start > y and exposed.intersects(QRectF(x - 6, y, 12, start - y)):
                p.drawLine(QPointF(x, y), QPointF(x, start - 1))
                self._arrow(p, x, start)
                p.setPen(pen)
            y = end
        if column.rect.bottom() > y:
            p.drawLine(QPointF(x, y), QPointF(x, column.rect.bottom()))

    @staticmethod
    def _arrow(p: QPainter, x: float, tip: float) -> None:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(_CONNECTOR)
        p.drawPolygon(QPolygonF([QPointF(x - 4, tip - 6), QPointF(x + 4, tip - 6), QPointF(x, tip)]))

    def _column_title(self, p: QPainter, column: Column) -> None:
        if not column.title:
            return
        p.setFont(self.fonts.caption)
        p.setPen(QColor(style.MUTED))
        rect = QRectF(column.center_x + 7, column.rect.top() + 10, column.rect.width() / 2 + 40, GAP - 10)
        p.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, column.caption)

    def _merge_node(self, p: QPainter, card: Card) -> None:
        cx = card.merge.center().x()
        cy = card.merge.top() + card.merge.height() / 2 - 3
        error = bool(card.info and card.info.error)
        edge = QColor(style.ERROR) if error else QColor(style.type_colour(card.block.type))
        p.setPen(QPen(edge, 1.5))
        p.setBrush(QColor(style.ERROR_SOFT) if error else QColor("#ffffff"))
        symbol = card.block.kind.composite.merge_symbol
        if symbol == "+":
            p.drawEllipse(QPointF(cx, cy), 11, 11)
            p.setPen(QPen(edge, 2.0))
            p.drawLine(QPointF(cx - 5, cy), QPointF(cx + 5, cy))
            p.drawLine(QPointF(cx, cy - 5), QPointF(cx, cy + 5))
        else:
            p.setFont(self.fonts.caption)
            width = self.m.small.horizontalAdvance(symbol) + 20
            pill = QRectF(cx - width / 2, cy - 10, width, 20)
            p.drawRoundedRect(pill, 10, 10)
            p.setPen(edge)
            p.drawText(pill, Qt.AlignmentFlag.AlignCenter, symbol)

    def _placeholder(self, p: QPainter, column: Column, highlighted: bool) -> None:
        rect = column.empty
        pen = QPen(QColor(style.ACCENT) if highlighted else QColor("#b9c2ce"), 1.2, Qt.PenStyle.DashLine)
        p.setPen(pen)
        p.setBrush(QColor(style.ACCENT_SOFT) if highlighted else QColor(255, 255, 255, 150))
        p.drawRoundedRect(rect, RADIUS, RADIUS)
        p.setFont(self.fonts.small)
        p.setPen(QColor(style.ACCENT if highlighted else style.FAINT))
        if column.identity:
            text = QCoreApplication.translate("EditorPaint", "identity\ndrop a block to project")
        elif column.list_path == ():
            text = QCoreApplication.translate("EditorPaint", "Drag layers here from the palette")
        else:
            text = QCoreApplication.translate("EditorPaint", "Drop blocks here")
        p.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)

    # ------------------------------------------------------------ cards

    def _face(self, card: Card, state: ViewState) -> CardFace:
        """Everything that decides a card's pixels, except its share bar."""
        selected = card.block_id == state.selected and card.block_id != ""
        hovered = card.block_id == state.hovered and not selected
        size = (card.header.width(), card.header.height())
        focused = selected and state.focused  # focus only shows on the selection ring
        if card.kind == "input":
            return CardFace("input", QCoreApplication.translate("EditorPaint", "Input"),
                            QCoreApplication.translate("EditorPaint", "channels × height × width"),
                            shape_str(state.input_shape), QCoreApplication.translate("EditorPaint", "image"),
                            "", (), False, False, False, False, selected, hovered, focused, size,
                            style.INPUT_COLOUR)
        block = card.block
        info = card.info
        error = bool(info and info.error)
        warning = bool(info and info.warning) and not error
        params = info.params if info else 0
        shape = shape_str(info.output_shape) if info and info.output_shape else \
            (QCoreApplication.translate("EditorPaint", "error") if error else "—")
        count = QCoreApplication.translate("EditorPaint", "{count} params").format(count=format_count(params)) \
            if params else QCoreApplication.translate("EditorPaint", "no params")
        detail = short_params(block) or group_text(CATALOGUE[block.type].group)
        return CardFace(card.kind, block_title(block), detail, shape,
                        count, block.type if block.label else "", tuple(card.message), card.message_is_error,
                        error, warning, card.collapsed, selected, hovered, focused, size,
                        style.type_colour(block.type).name())

    def _card(self, p: QPainter, card: Card, state: ViewState) -> None:
        face = self._face(card, state)
        scale = p.device().devicePixelRatioF() * state.zoom
        key = (face, round(scale, 3))
        pixmap = self._cache.get(key)
        if pixmap is None:
            pixmap = self._render(face, scale)
            self._cache[key] = pixmap
        self._used.add(key)
        p.drawPixmap(card.header.topLeft() - QPointF(_MARGIN, _MARGIN), pixmap)
        if card.kind != "input":
            params = card.info.params if card.info else 0
            self._share_bar(p, card.header, params, state.total_params, QColor(face.colour))
        if card.preview is not None and state.previews is not None:
            state.previews.paint(p, card.block_id, card.preview, scale)

    def _input(self, p: QPainter, card: Card, state: ViewState) -> None:
        self._card(p, card, state)

    def forget_unused(self) -> None:
        """Drop cached cards that the last paints did not use (called after relayouts)."""
        self._cache = {k: v for k, v in self._cache.items() if k in self._used}
        self._used = set()

    def _render(self, face: CardFace, scale: float) -> QPixmap:
        w, h = face.size
        pixmap = QPixmap(max(1, int((w + 2 * _MARGIN) * scale + 0.5)), max(1, int((h + 2 * _MARGIN) * scale + 0.5)))
        pixmap.setDevicePixelRatio(scale)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        self._draw_face(painter, QRectF(_MARGIN, _MARGIN, w, h), face)
        painter.end()
        return pixmap

    def _draw_face(self, p: QPainter, rect: QRectF, face: CardFace) -> None:
        self._card_frame(p, rect, QColor(face.colour), face)
        left = rect.left() + 16
        if face.kind == "composite":
            self._chevron(p, rect, face.collapsed)
            left = rect.left() + 28
        faint = (QCoreApplication.translate("EditorPaint", "no params"), QCoreApplication.translate("EditorPaint", "image"))
        count_colour = QColor(style.FAINT if face.right2 in faint else style.MUTED)
        title_colour = QColor(style.ERROR if face.error else style.TEXT)
        y = self._two_lines(p, rect, left, face.title, face.subtitle, face.right1, face.right2, title_colour,
                            count_colour, type_hint=face.type_hint)
        if face.message:
            y += 5
            p.setFont(self.fonts.small)
            p.setPen(QColor(style.ERROR if face.message_is_error else style.WARNING))
            for i, line in enumerate(face.message):
                text = ("✖ " if face.message_is_error else "⚠ ") + line if i == 0 else "   " + line
                p.drawText(QRectF(rect.left() + 16, y, rect.width() - 28, self.m.message_line_h),
                           Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
                y += self.m.message_line_h

    def _card_frame(self, p: QPainter, rect: QRectF, strip: QColor, face: CardFace) -> None:
        # The shadow is soft and faint: no antialiasing needed, and it is the largest fill.
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(16, 24, 40, 12))
        p.drawRoundedRect(rect.adjusted(-1, 1, 1, 3), RADIUS, RADIUS)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        if face.selected:
            ring = QColor(style.ACCENT)
            ring.setAlpha(70 if face.focused else 45)
            p.setPen(QPen(ring, 4.0))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRoundedRect(rect.adjusted(-2, -2, 2, 2), RADIUS + 2, RADIUS + 2)
        fill = (QColor(style.ERROR_SOFT) if face.error else QColor(style.WARNING_SOFT) if face.warning
                else QColor(style.CARD))
        body, strip_path = self._paths(rect)
        p.fillPath(body, fill)
        p.fillPath(strip_path, strip)
        if face.selected:
            border = QPen(QColor(style.ACCENT), 2.0)
        elif face.error:
            border = QPen(QColor(style.ERROR), 1.5)
        elif face.warning:
            border = QPen(QColor(style.WARNING), 1.5)
        elif face.hovered:
            border = QPen(QColor("#95a2b3"), 1.2)
        else:
            border = QPen(QColor(style.BORDER), 1.0)
        p.setPen(border)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), RADIUS, RADIUS)

    def _two_lines(self, p: QPainter, rect: QRectF, left: float, title: str, subtitle: str, right1: str,
                   right2: str, title_colour: QColor, right2_colour: QColor, type_hint: str = "") -> float:
        """Title/shape on the first line, parameters/count on the second; returns the y below."""
        fm_t, fm_b = self.m.title, self.m.body
        top = rect.top() + 9
        inner_right = rect.right() - 12
        right1_w = fm_t.horizontalAdvance(right1) if right1 else 0.0
        title_w = inner_right - left - right1_w - 10
        p.setFont(self.fonts.title)
        p.setPen(title_colour)
        shown = fm_t.elidedText(title, Qt.TextElideMode.ElideRight, max(20.0, title_w))
        p.drawText(QRectF(left, top, title_w, fm_t.height()), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, shown)
        if type_hint:
            used = fm_t.horizontalAdvance(shown) + 6
            room = title_w - used
            if room > 30:
                p.setFont(self.fonts.small)
                p.setPen(QColor(style.FAINT))
                hint = self.m.small.elidedText(type_hint, Qt.TextElideMode.ElideRight, room)
                p.drawText(QRectF(left + used, top, room, fm_t.height()),
                           Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, hint)
        if right1:
            p.setFont(self.fonts.title)
            p.setPen(title_colour)
            p.drawText(QRectF(inner_right - right1_w, top, right1_w, fm_t.height()),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, right1)
        second = top + fm_t.height() + 4
        right2_w = fm_b.horizontalAdvance(right2) if right2 else 0.0
        sub_w = inner_right - left - right2_w - 10
        p.setFont(self.fonts.body)
        p.setPen(QColor(style.MUTED))
        p.drawText(QRectF(left, second, sub_w, fm_b.height()), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                   fm_b.elidedText(subtitle, Qt.TextElideMode.ElideRight, max(10.0, sub_w)))
        if right2:
            p.setPen(right2_colour)
            p.drawText(QRectF(inner_right - right2_w, second, right2_w, fm_b.height()),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, right2)
        return second + fm_b.height()

    def _chevron(self, p: QPainter, rect: QRectF, collapsed: bool) -> None:
        c = chevron_rect(rect).center()
        p.setPen(QPen(QColor(style.MUTED), 1.6, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
        p.setBrush(Qt.BrushStyle.NoBrush)
        if collapsed:
            pts = [QPointF(c.x() - 2, c.y() - 4), QPointF(c.x() + 2, c.y()), QPointF(c.x() - 2, c.y() + 4)]
        else:
            pts = [QPointF(c.x() - 4, c.y() - 2), QPointF(c.x(), c.y() + 2), QPointF(c.x() + 4, c.y() - 2)]
        p.drawPolyline(QPolygonF(pts))

    def _share_bar(self, p: QPainter, rect: QRectF, params: int, total: int, colour: QColor) -> None:
        track = QRectF(rect.left() + 16, rect.bottom() - 9, rect.width() - 28, 3)
        p.fillRect(track, _TRACK)
        if params and total:
            share = QRectF(track)
            share.setWidth(max(3.0, track.width() * params / total))
            p.fillRect(share, colour)

    def _paths(self, rect: QRectF) -> tuple[QPainterPath, QPainterPath]:
        """The card outline and its coloured left strip (cached per size: intersecting is slow)."""
        key = (rect.width(), rect.height())
        paths = self._path_cache.get(key)
        if paths is None:
            local = QRectF(0, 0, rect.width(), rect.height())
            body = QPainterPath()
            body.addRoundedRect(local, RADIUS, RADIUS)
            band = QPainterPath()
            band.addRect(QRectF(0, 0, 5, rect.height()))
            paths = (body, body.intersected(band))
            self._path_cache[key] = paths
        return paths[0].translated(rect.topLeft()), paths[1].translated(rect.topLeft())

    def _output(self, p: QPainter, card: Card, state: ViewState) -> None:
        rect = card.rect
        ok = state.output_ok and state.output_shape is not None
        p.setPen(Qt.PenStyle.NoPen if ok else QPen(QColor(style.ERROR), 1.2))
        p.setBrush(QColor(style.INPUT_COLOUR) if ok else QColor(style.ERROR_SOFT))
        p.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
        p.setFont(self.fonts.title)
        p.setPen(QColor("#ffffff") if ok else QColor(style.ERROR))
        text = QCoreApplication.translate("EditorPaint", "Output   {shape}").format(shape=shape_str(state.output_shape)) \
            if ok else QCoreApplication.translate("EditorPaint", "Output: fix the errors")
        p.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.m.title.elidedText(text, Qt.TextElideMode.ElideRight, rect.width() - 16))

    def _drop_marker(self, p: QPainter, column: Column, index: int) -> None:
        if column.empty is not None:
            return  # the placeholder itself lights up
        y = column.slot_y(index)
        left, right = column.rect.left() + 2, column.rect.right() - 2
        if column.list_path == ():
            width = min(column.rect.width(), 300.0)
            left = column.center_x - width / 2
            right = column.center_x + width / 2
        pen = QPen(QColor(style.ACCENT), 3.0, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
        p.setPen(pen)
        p.drawLine(QPointF(left + 5, y), QPointF(right - 5, y))
        p.setBrush(QColor("#ffffff"))
        p.setPen(QPen(QColor(style.ACCENT), 2.0))
        p.drawEllipse(QPointF(left + 4, y), 4, 4)
        p.drawEllipse(QPointF(right - 4, y), 4, 4)

