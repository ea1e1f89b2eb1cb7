"""The design editor as a person uses it: drops from the palette, drags to reorder and
into composite blocks, keys, collapsing, errors on cards, and undo/redo of each."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QColor, QDrag, QGuiApplication
from ui_helpers import SMALL, double_click, drag_drop, drag_hover, mouse, open_window

from playground.core.design import design_from_dict, get_block, get_list
from playground.ui.widgets import style
from playground.ui.state.document import INPUT_ID, DesignDocument
from playground.ui.design.editor import DesignEditor
from playground.ui.widgets.mime import MIME_TYPE, block_mime
from playground.ui.design.palette import LayerPalette
from playground.ui.widgets.action_table import plain_text

WITH_COMPOSITES = {
    "format": "cnn-playground.design", "version": 1, "name": "Composites", "input": [1, 28, 28],
    "layers": [
        {"type": "Conv2d", "id": "stem", "out_channels": 8, "kernel_size": 3, "padding": 1},
        {"type": "Residual", "id": "res", "body": [], "shortcut": "identity"},
        {"type": "Sequential", "id": "group", "label": "Head", "layers": [
            {"type": "MaxPool2d", "id": "pool", "kernel_size": 2},
            {"type": "Flatten", "id": "flat"},
        ]},
        {"type": "Linear", "id": "fc", "out_features": 10},
    ],
}


def _open(qtbot, data: dict) -> DesignEditor:
    document = DesignDocument(design_from_dict(data))
    editor = DesignEditor(document)
    qtbot.addWidget(editor)
    editor.resize(760, 1100)
    editor.show()
    qtbot.waitExposed(editor)
    return editor


@pytest.fixture
def editor(qtbot) -> DesignEditor:
    return _open(qtbot, SMALL)


@pytest.fixture
def in_window(qtbot) -> DesignEditor:
    """The editor in the main window, focused: edit keys are the window's action shortcuts."""
    window = open_window(qtbot, design_from_dict(SMALL))
    window.activateWindow()
    window.editor.setFocus()
    return window.editor


@pytest.fixture
def composites(qtbot) -> DesignEditor:
    return _open(qtbot, WITH_COMPOSITES)


@pytest.fixture
def palette(qtbot) -> LayerPalette:
    widget = LayerPalette()
    qtbot.addWidget(widget)
    return widget


def gap(editor: DesignEditor, above: str, below: str) -> QPoint:
    """The point halfway between two cards: where a person aims a drop."""
    a, b = editor.block_frame(above), editor.block_frame(below)
    return QPoint(a.center().x(), (a.bottom() + b.top()) // 2)


def types(editor: DesignEditor) -> list[str]:
    return [b.type for b in editor.document.design.layers]


@pytest.mark.parametrize("zoom", [1.0, 1.5])
def test_dropping_a_palette_block_between_two_blocks_inserts_it_with_its_shape(editor, palette, zoom) -> None:
    editor.set_zoom(zoom)
    doc = editor.document
    fc_before = doc.analysis.by_id["fc"].params
    where = gap(editor, "conv", "relu")
    hover = drag_hover(editor.viewport(), palette.mime_for("MaxPool2d"), where)
    assert hover.isAccepted()
    assert editor.drop_marker() == ((), 1)  # the marker follows the cursor to the gap

    drop = drag_drop(editor.viewport(), palette.mime_for("MaxPool2d"), where)

    assert drop.isAccepted() and drop.dropAction() == Qt.DropAction.CopyAction
    assert editor.drop_marker() is None
    assert types(editor) == ["Conv2d", "MaxPool2d", "ReLU", "Flatten", "Linear"]
    new = doc.design.layers[1]
    assert doc.selected_id == new.id
    assert doc.analysis.by_id[new.id].output_shape == (6, 14, 14)
    assert doc.analysis.by_id["fc"].params == 6 * 14 * 14 * 10 + 10
    pool, conv, relu = editor.block_rect(new.id), editor.block_rect("conv"), editor.block_rect("relu")
    assert conv.bottom() < pool.top() and pool.bottom() < relu.top()
    assert doc.undo_stack.undoText() == "Insert MaxPool2d"

    doc.undo()
    assert types(editor) == ["Conv2d", "ReLU", "Flatten", "Linear"]
    assert doc.analysis.by_id["fc"].params == fc_before
    assert editor.block_rect(new.id).isEmpty()
    doc.redo()
    assert types(editor) == ["Conv2d", "MaxPool2d", "ReLU", "Flatten", "Linear"]
    assert doc.analysis.by_id["fc"].params == 6 * 14 * 14 * 10 + 10


def test_drop_below_the_last_block_appends(editor, palette) -> None:
    below_last = editor.block_rect("fc").bottom() + 12
    drag_drop(editor.viewport(), palette.mime_for("Softmax"), QPoint(editor.block_rect("fc").center().x(), below_last))
    assert types(editor)[-1] == "Softmax"


def _drag_card(qtbot, editor: DesignEditor, block_id: str, target: QPoint, monkeypatch) -> dict:
    """Press on a card, move past the drag distance, and let the drag drop at `target`."""
    seen: dict = {}

    def fake_exec(drag: QDrag, *args) -> Qt.DropAction:
        seen["mime"] = drag.mimeData()
        seen["dimmed"] = editor._state.dragging
        drop = drag_drop(editor.viewport(), drag.mimeData(), target)
        return drop.dropAction() if drop.isAccepted() else Qt.DropAction.IgnoreAction

    monkeypatch.setattr(QDrag, "exec", fake_exec)
    start = editor.block_rect(block_id).center()
    mouse(editor.viewport(), QEvent.Type.MouseButtonPress, start)
    mouse(editor.viewport(), QEvent.Type.MouseMove, start + QPoint(4, 25), buttons=Qt.MouseButton.LeftButton)
    mouse(editor.viewport(), QEvent.Type.MouseButtonRelease, start + QPoint(4, 25))
    return seen


def test_dragging_a_block_reorders_it_in_one_undo_step(qtbot, editor, monkeypatch) -> None:
    doc = editor.document
    steps = doc.undo_stack.count()
    above_conv = gap(editor, INPUT_ID, "conv")
    seen = _drag_card(qtbot, editor, "relu", above_conv, monkeypatch)

    payload = json.loads(bytes(seen["mime"].data(MIME_TYPE)).decode())
    assert payload["type"] == "ReLU" and payload["id"] == "relu"
    assert seen["dimmed"] == "relu"
    assert [b.id for b in doc.design.layers] == ["relu", "conv", "flat", "fc"]
    assert doc.undo_stack.count() == steps + 1
    assert doc.undo_stack.undoText() == "Move ReLU"
    assert doc.selected_id == "relu"
    doc.undo()
    assert [b.id for b in doc.design.layers] == ["conv", "relu", "flat", "fc"]
    doc.redo()
    assert [b.id for b in doc.design.layers] == ["relu", "conv", "flat", "fc"]


def test_ctrl_drop_of_an_own_block_copies_it(editor) -> None:
    block = editor.document.block("relu")
    data = block_mime(block, origin=editor.document.token)
    drag_drop(editor.viewport(), data, gap(editor, "flat", "fc"), modifiers=Qt.KeyboardModifier.ControlModifier)
    ids = [b.id for b in editor.document.design.layers]
    assert types(editor) == ["Conv2d", "ReLU", "Flatten", "ReLU", "Linear"]
    assert ids[1] == "relu" and ids[3] != "relu"


def test_dragging_into_an_empty_residual_body_and_back_out(qtbot, composites, palette, monkeypatch) -> None:
    doc = composites.document
    body = composites.column_rect((1, 0))
    assert not body.isEmpty()
    drag_drop(composites.viewport(), palette.mime_for("Conv2d"), body.center())
    res = get_block(doc.design, (1,))
    assert [b.type for b in res.children[0]] == ["Conv2d"]
    inner = res.children[0][0].id
    # A 3x3 conv without padding shrinks the body: the Residual explains why it cannot add.
    assert "cannot be added" in doc.analysis.by_id["res"].error
    assert "cannot be added" in composites.block_message("res")
    doc.set_param(inner, "padding", 1)
    assert doc.analysis.by_id["res"].error is None
    assert doc.analysis.by_id["res"].output_shape == (8, 28, 28)

    # Drag it out again, to the top level just before the head group.
    _drag_card(qtbot, composites, inner, gap(composites, "res", "group"), monkeypatch)
    assert get_block(doc.design, (1,)).children[0] == ()
    assert [b.type for b in doc.design.layers] == ["Conv2d", "Residual", "Conv2d", "Sequential", "Linear"]
    assert doc.design.layers[2].id == inner


def test_dropping_into_the_identity_shortcut_makes_a_projection(composites, palette) -> None:
    doc = composites.document
    shortcut = composites.column_rect((1, 1))
    drag_drop(composites.viewport(), palette.mime_for("Conv2d"), shortcut.center())
    assert [b.type for b in get_block(doc.design, (1,)).children[1]] == ["Conv2d"]


def test_dropping_into_a_sequential_between_its_blocks(composites, palette) -> None:
    doc = composites.document
    drag_drop(composites.viewport(), palette.mime_for("Dropout"), gap(composites, "pool", "flat"))
    assert [b.type for b in get_list(doc.design, (2, 0))] == ["MaxPool2d", "Dropout", "Flatten"]


def test_a_group_cannot_be_dropped_into_itself(composites) -> None:
    doc = composites.document
    before = doc.design
    data = block_mime(doc.block("group"), origin=doc.token)
    hover = drag_hover(composites.viewport(), data, gap(composites, "pool", "flat"))
    assert not hover.isAccepted()
    assert composites.drop_marker() is None
    drop = drag_drop(composites.viewport(), data, gap(composites, "pool", "flat"))
    assert not drop.isAccepted()
    assert doc.design is before


def test_a_foreign_payload_that_is_not_a_block_changes_nothing(editor) -> None:
    from PySide6.QtCore import QMimeData
    data = QMimeData()
    data.setData(MIME_TYPE, b'{"type": "Conv2d", "out_channels": 4, "kernel_size": -3}')
    before = editor.document.design
    failures: list[str] = []
    editor.document.editFailed.connect(failures.append)
    drag_drop(editor.viewport(), data, gap(editor, "conv", "relu"))
    assert editor.document.design is before
    assert failures and "kernel_size" in failures[0]


def test_drops_are_refused_while_locked(editor, palette) -> None:
    doc = editor.document
    doc.set_locked(True, "Training in progress: stop it to edit the network.")
    assert editor._banner.isVisible()
    assert "Training in progress" in editor._banner.text.text()
    before = doc.design
    drop = drag_drop(editor.viewport(), palette.mime_for("ReLU"), gap(editor, "conv", "relu"))
    assert not drop.isAccepted()
    assert doc.design is before
    doc.set_locked(False)
    assert not editor._banner.isVisible()


def test_clicks_select_and_keys_navigate(qtbot, editor) -> None:
    doc = editor.document
    qtbot.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton, pos=editor.block_rect("relu").center())
    assert doc.selected_id == "relu"
    qtbot.keyClick(editor, Qt.Key.Key_Home)
    assert doc.selected_id == INPUT_ID
    qtbot.keyClick(editor, Qt.Key.Key_Down)
    assert doc.selected_id == "conv"
    qtbot.keyClick(editor, Qt.Key.Key_Down)
    assert doc.selected_id == "relu"
    qtbot.keyClick(editor, Qt.Key.Key_Up)
    assert doc.selected_id == "conv"
    qtbot.keyClick(editor, Qt.Key.Key_End)
    assert doc.selected_id == "fc"
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert doc.selected_id == ""


def test_keys_delete_duplicate_and_move_in_the_window(qtbot, in_window) -> None:
    editor = in_window
    doc = editor.document
    qtbot.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton, pos=editor.block_rect("flat").center())
    assert doc.selected_id == "flat"
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    assert types(editor) == ["Conv2d", "ReLU", "Linear"]
    assert doc.selected_id == "fc"  # the next block takes the selection
    assert doc.analysis.by_id["fc"].error  # Linear now gets a C x H x W map
    doc.undo()
    assert types(editor) == ["Conv2d", "ReLU", "Flatten", "Linear"]
    doc.select("flat")
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    assert types(editor) == ["Conv2d", "ReLU", "Linear"]
    doc.undo()

    doc.select("relu")
    qtbot.keyClick(editor, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert types(editor) == ["Conv2d", "ReLU", "ReLU", "Flatten", "Linear"]
    copy = doc.design.layers[2].id
    assert copy != "relu" and doc.selected_id == copy

    qtbot.keyClick(editor, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(editor, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert [b.id for b in doc.design.layers][:3] == [copy, "conv", "relu"]
    qtbot.keyClick(editor, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)  # already first: nothing
    qtbot.keyClick(editor, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert [b.id for b in doc.design.layers][:3] == ["conv", copy, "relu"]


def test_enter_and_double_click_ask_for_the_inspector(qtbot, editor) -> None:
    with qtbot.waitSignal(editor.inspectRequested):
        double_click(editor.viewport(), editor.block_rect("conv").center())
    assert editor.document.selected_id == "conv"
    with qtbot.waitSignal(editor.inspectRequested):
        qtbot.keyClick(editor, Qt.Key.Key_Return)


def test_copy_and_paste_go_through_the_clipboard_as_json(qtbot, in_window) -> None:
    editor = in_window
    doc = editor.document
    doc.select("conv")
    qtbot.keyClick(editor, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    data = QGuiApplication.clipboard().mimeData()
    assert data.hasFormat(MIME_TYPE)
    assert json.loads(data.text())["out_channels"] == 6
    doc.select("flat")
    qtbot.keyClick(editor, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert types(editor) == ["Conv2d", "ReLU", "Flatten", "Conv2d", "Linear"]
    pasted = doc.design.layers[3]
    assert pasted.params == doc.design.layers[0].params and pasted.id != "conv"
    assert doc.analysis.by_id[pasted.id].error  # a conv after Flatten explains itself

    # Plain JSON text from a design file pastes too; anything else is refused politely.
    QGuiApplication.clipboard().setText('{"type": "Dropout", "p": 0.25}')
    doc.select("conv")
    assert editor.paste()
    assert doc.design.layers[1].type == "Dropout" and doc.design.layers[1].params == {"p": 0.25}
    QGuiApplication.clipboard().setText("hello")
    failures: list[str] = []
    doc.editFailed.connect(failures.append)
    assert not editor.paste()
    assert failures == ["The clipboard holds no block to paste"]


def test_cut_removes_and_keeps_the_block_on_the_clipboard(qtbot, in_window) -> None:
    editor = in_window
    editor.document.select("relu")
    qtbot.keyClick(editor, Qt.Key.Key_X, Qt.KeyboardModifier.ControlModifier)
    assert types(editor) == ["Conv2d", "Flatten", "Linear"]
    assert json.loads(QGuiApplication.clipboard().text())["type"] == "ReLU"


def test_groups_collapse_by_chevron_and_keys(qtbot, composites) -> None:
    doc = composites.document
    assert not composites.block_rect("pool").isEmpty()
    header = composites.block_rect("group")
    qtbot.mouseClick(composites.viewport(), Qt.MouseButton.LeftButton, pos=header.topLeft() + QPoint(16, 18))
    assert composites.is_collapsed("group")
    assert composites.block_rect("pool").isEmpty()
    assert "pool" not in composites.visible_order()
    doc.select("group")
    qtbot.keyClick(composites, Qt.Key.Key_Right)
    assert not composites.is_collapsed("group")
    qtbot.keyClick(composites, Qt.Key.Key_Left)
    assert composites.is_collapsed("group")
    doc.select("flat")  # selecting a hidden block opens its group
    assert not composites.is_collapsed("group")


def test_an_error_turns_the_block_red_with_its_message(qtbot, editor) -> None:
    doc = editor.document
    doc.set_param("conv", "kernel_size", 40)
    info = doc.analysis.by_id["conv"]
    assert "larger than" in info.error
    assert editor.block_message("conv") == info.error
    rect = editor.block_rect("conv")
    image = editor.viewport().grab().toImage()
    fill = QColor(image.pixel(rect.right() - 20, rect.top() + rect.height() // 2))
    soft = QColor(style.ERROR_SOFT)
    assert abs(fill.red() - soft.red()) < 6 and abs(fill.green() - soft.green()) < 6
    # The rest of the design is still analysed where it can be; the output is unknown.
    assert doc.analysis.by_id["relu"].output_shape is None
    assert not doc.analysis.ok
    doc.undo()
    assert editor.block_message("conv") == ""
    doc.redo()
    assert "larger than" in editor.block_message("conv")


def test_the_context_menu_wraps_ungroups_and_adds_branches(qtbot, composites, monkeypatch) -> None:
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QApplication, QMenu

    doc = composites.document
    choice: list[str] = []
    offered: list[list[str]] = []

    def pick(menu: QMenu, _pos) -> None:
        offered.append([plain_text(a.text()) for a in menu.actions() if a.text()])
        next(a for a in menu.actions() if plain_text(a.text()) == choice[0]).trigger()

    monkeypatch.setattr(composites, "show_menu", pick)

    def right_click(block_id: str, text: str) -> None:
        choice[:] = [text]
        pos = composites.block_rect(block_id).center()
        QApplication.sendEvent(composites.viewport(), QContextMenuEvent(
            QContextMenuEvent.Reason.Mouse, pos, composites.viewport().mapToGlobal(pos)))

    right_click("stem", "Wrap in Sequential")
    wrapper = doc.design.layers[0]
    assert wrapper.type == "Sequential" and wrapper.children[0][0].id == "stem"
    assert {"Cut", "Copy", "Paste", "Duplicate", "Delete", "Wrap in Residual"} <= set(offered[-1])
    assert "Ungroup" not in offered[-1] and "Add Branch" not in offered[-1]  # Conv2d is no group
    right_click(wrapper.id, "Ungroup")
    assert doc.design.layers[0].id == "stem"
    right_click("stem", "Delete")
    assert doc.design.layers[0].id == "res"


def test_the_canvas_context_menu_offers_the_page_commands(qtbot, editor, monkeypatch) -> None:
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QApplication, QMenu

    offered: list[list[str]] = []

    def pick(menu: QMenu, _pos) -> None:
        offered.append([plain_text(a.text()) for a in menu.actions() if a.text()])
        next(a for a in menu.actions() if plain_text(a.text()) == "Actual Size").trigger()

    monkeypatch.setattr(editor, "show_menu", pick)
    editor.zoom_in()
    pos = QPoint(5, editor.viewport().height() - 5)  # below the output: no block there
    QApplication.sendEvent(editor.viewport(), QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, pos, editor.viewport().mapToGlobal(pos)))
    assert offered == [["Paste", "Actual Size", "Expand All Groups", "Collapse All Groups"]]
    assert editor.zoom == 1.0
