"""The main window as a whole: its parts, menus, totals, examples and the screenshot command."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QSpinBox,
    QTableView,
    QWidget,
)
from ui_helpers import SMALL, double_click, open_window

from playground.core.design import design_from_dict, load_design, walk
from playground.paths import example_paths
from playground.core.text import format_int
from playground.ui.shell.main_window import MainWindow
from playground.ui.state.active_model import ModelHub


@pytest.fixture
def window(qtbot) -> MainWindow:
    return open_window(qtbot, design_from_dict(SMALL))


def test_the_parts_are_there_by_name(qtbot) -> None:
    window = open_window(qtbot)
    assert window.objectName() == "MainWindow"
    for name in ("layerPalette", "designEditor", "blockInspector", "summaryTable"):
        assert window.findChild(QWidget, name) is not None, name
    assert isinstance(window.hub, ModelHub)
    assert window.tabs.tabText(0) == "Design"
    assert sorted(d.windowTitle() for d in window.findChildren(QDockWidget) if d.isVisible()) == \
        ["Inspector", "Layers", "Summary"]


def test_it_starts_with_the_relu_lenet5_and_its_totals(qtbot) -> None:
    window = open_window(qtbot)
    lenet = next(p for p in example_paths() if p.stem == "lenet5_relu")
    assert window.document.design == load_design(lenet)
    assert window.windowTitle() == f"{window.document.design.name} — CNN Playground"
    total = window.document.analysis.total_params
    assert format_int(total) in window.params_label.text()
    assert "ready" in window.validity_label.text()


def test_editing_in_the_inspector_updates_totals_and_summary(qtbot, window) -> None:
    window.document.select("conv")
    spin = window.inspector.fields["out_channels"].spin
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, "8")
    analysis = window.document.analysis
    assert analysis.by_id["conv"].output_shape == (8, 28, 28)
    assert format_int(analysis.total_params) in window.params_label.text()
    assert analysis.total_params == (8 * 25 + 8) + (8 * 28 * 28 * 10 + 10)
    model = window.summary.model()
    row = window.summary.row_of("conv")
    assert model.index(row, 2).data() == "8 × 28 × 28"
    total_row = model.rowCount() - 1
    assert model.index(total_row, 0).data() == "Total"
    assert model.index(total_row, 3).data() == format_int(analysis.total_params)


def test_a_label_shows_in_the_summary_and_undo_takes_it_back(qtbot, window) -> None:
    window.document.set_label("conv", "edge finder")
    model = window.summary.model()
    assert model.index(window.summary.row_of("conv"), 0).data() == "edge finder"
    assert window.undo_action.isEnabled() and window.undo_action.text() == "&Undo Rename block"
    window.document.undo_stack.undo()
    assert model.index(window.summary.row_of("conv"), 0).data() == "conv"
    assert window.redo_action.isEnabled() and not window.undo_action.isEnabled()


def test_an_error_shows_in_the_status_bar_and_summary(qtbot, window) -> None:
    window.document.set_param("conv", "kernel_size", 40)
    assert "1 error" in window.validity_label.text()
    model = window.summary.model()
    row = window.summary.row_of("conv")
    assert model.index(row, 2).data() == "error"
    assert "larger than" in model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)


def test_the_edit_menu_names_what_undo_and_redo_will_do(qtbot, window) -> None:
    assert not window.undo_action.isEnabled()
    window.document.select("relu")
    qtbot.keyClick(window.editor, Qt.Key.Key_Delete)
    assert [b.id for b in window.document.design.layers] == ["conv", "flat", "fc"]
    assert window.undo_action.text() == "&Undo Delete ReLU"
    window.undo_action.trigger()
    assert window.redo_action.text() == "&Redo Delete ReLU"
    assert [b.id for b in window.document.design.layers] == ["conv", "relu", "flat", "fc"]
    window.redo_action.trigger()
    assert len(window.document.design.layers) == 3
    window.document.set_locked(True, "Training in progress")
    assert not window.undo_action.isEnabled() and not window.delete_action.isEnabled()
    window.document.set_locked(False)
    assert window.undo_action.isEnabled()


def test_keyboard_shortcuts_of_the_window(qtbot, window) -> None:
    window.editor.setFocus()
    window.document.select("conv")
    qtbot.keyClick(window.editor, Qt.Key.Key_Down)
    assert window.document.selected_id == "relu"
    qtbot.keyClick(window.editor, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert [b.type for b in window.document.design.layers] == ["Conv2d", "ReLU", "ReLU", "Flatten", "Linear"]
    qtbot.keyClick(window.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(window.document.design.layers) == 4
    qtbot.keyClick(window.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert len(window.document.design.layers) == 5
    qtbot.keyClick(window.editor, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.palette.filter.hasFocus()


def test_enter_in_the_editor_moves_focus_to_the_inspector(qtbot, window) -> None:
    window.editor.setFocus()
    window.document.select("conv")
    qtbot.keyClick(window.editor, Qt.Key.Key_Return)
    focused = QApplication.focusWidget()
    assert focused is not None and window.inspector.isAncestorOf(focused)
    spin = window.inspector.fields["out_channels"].spin
    assert focused is spin or spin.isAncestorOf(focused)


def test_double_clicking_a_palette_kind_adds_it_after_the_selection(qtbot, window) -> None:
    window.document.select("conv")
    tree = window.palette.tree
    item = tree.item_for("BatchNorm2d")
    tree.scrollToItem(item)
    double_click(tree.viewport(), tree.visualItemRect(item).center())
    assert [b.type for b in window.document.design.layers][:3] == ["Conv2d", "BatchNorm2d", "ReLU"]
    assert window.document.selected_block().type == "BatchNorm2d"


def test_clicking_a_summary_row_selects_the_block(qtbot, window) -> None:
    table: QTableView = window.summary
    row = table.row_of("flat")
    rect = table.visualRect(table.model().index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.document.selected_id == "flat"
    window.document.select("fc")
    assert table.currentIndex().row() == table.row_of("fc")


def test_the_examples_menu_opens_every_example(qtbot, window, message_boxes) -> None:
    actions = window.examples_menu.actions()
    assert len(actions) == len(example_paths()) > 0
    for action in actions:
        action.trigger()
        path = Path(action.data())
        design = load_design(path)
        assert window.document.design == design
        assert action.text() == design.name
        assert window.document.path is None and not window.document.modified
        assert window.editor.block_rect(design.layers[0].id).isValid()
        assert window.summary.model().rowCount() == len(list(walk(design))) + 1
    assert message_boxes.shown == []


def test_pages_and_menus_for_the_other_panels(qtbot, window) -> None:
    page = QLabel("training")
    index = window.add_page("Train", page)
    assert window.tabs.widget(index) is page and window.tabs.tabText(index) == "Train"
    assert window.tabs.tabBar().isVisible()
    menu = window.file_menu()
    assert menu.title() == "&File"
    assert menu.actions()[-1] is window.quit_action


def test_help_lists_the_keyboard_shortcuts(qtbot, window) -> None:
    window.shortcuts_action.trigger()
    dialog = window.findChild(QWidget, "shortcutsDialog")
    assert dialog is not None and dialog.isVisible()
    table = dialog.findChild(QTableView)
    rows = [(table.model().index(r, 0).data(), table.model().index(r, 1).data())
            for r in range(table.model().rowCount())]
    assert rows == window.shortcut_rows()
    assert ("Ctrl+Shift+S", "Save under a new name") in rows and ("Esc", "Clear the selection") in rows
    dialog.close()


def test_locking_pauses_editing_visibly(qtbot, window) -> None:
    window.document.set_locked(True, "Training in progress: stop it to edit the network.")
    window.document.select("conv")
    qtbot.keyClick(window.editor, Qt.Key.Key_Delete)
    assert len(window.document.design.layers) == 4
    window.editor.delete_selection()
    assert "Training in progress" in window.statusBar().currentMessage()
    assert not window.inspector.fields["out_channels"].isEnabled()
    window.document.set_locked(False)


def _run_cli(args: list[str], tmp_path: Path) -> subprocess.CompletedProcess:
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"),
               XDG_DATA_HOME=str(home / ".local" / "share"))
    env.pop("CNN_PLAYGROUND_DATA", None)
    return subprocess.run([sys.executable, "-m", "playground", *args], env=env, capture_output=True, text=True,
                          timeout=300)


def test_the_screenshot_command_writes_a_png_and_leaves_no_trace(tmp_path: Path) -> None:
    target = tmp_path / "window.png"
    result = _run_cli(["--screenshot", str(target)], tmp_path)
    assert result.returncode == 0, result.stderr
    image = QImage(str(target))
    assert (image.width(), image.height()) == (1280, 800)
    assert not (tmp_path / "home" / ".config").exists()
    assert not (tmp_path / "home" / ".local").exists()


def test_the_screenshot_of_a_given_design_and_bad_input(tmp_path: Path) -> None:
    design = tmp_path / "small.json"
    design.write_text(__import__("json").dumps(SMALL))
    target = tmp_path / "small.png"
    result = _run_cli(["gui", str(design), "--screenshot", str(target)], tmp_path)
    assert result.returncode == 0, result.stderr
    assert not QImage(str(target)).isNull()
    missing = _run_cli(["gui", str(tmp_path / "nope.json"), "--screenshot", str(target)], tmp_path)
    assert missing.returncode == 2 and missing.stderr.count("\n") == 1 and "nope.json" in missing.stderr


def test_the_input_spin_boxes_fit_the_inspector(qtbot, window) -> None:
    """Nothing in the inspector is wider than its dock (no clipped editors)."""
    for block_id in (":input", "conv", "fc", ""):
        window.document.select(block_id)
        QApplication.processEvents()
        content = window.inspector.widget()
        assert content.minimumSizeHint().width() <= window.inspector.viewport().width(), block_id
        for spin in content.findChildren(QSpinBox):
            if spin.isVisible():
                assert spin.width() >= 40


def test_editing_keys_stay_with_text_fields(qtbot, window) -> None:
    """Delete, Ctrl+C and the arrows act on a focused text field or spin box, not on the design."""
    window.document.select("conv")
    layers = window.document.design.layers
    window.palette.filter.setFocus()
    qtbot.keyClicks(window.palette.filter, "ab")
    qtbot.keyClick(window.palette.filter, Qt.Key.Key_Home)
    qtbot.keyClick(window.palette.filter, Qt.Key.Key_Delete)
    assert window.palette.filter.text() == "b"
    assert window.document.design.layers == layers
    spin = window.inspector.fields["out_channels"].spin
    spin.setFocus()
    qtbot.keyClick(spin, Qt.Key.Key_Up)
    assert window.document.selected_id == "conv"
    assert window.document.block("conv").params["out_channels"] == 7


def test_file_names_are_suggested_from_the_design_or_model_name() -> None:
    from playground.ui.shell.main_window import file_stem

    assert file_stem("LeNet-5 (ReLU)", "design") == "lenet-5_relu"
    assert file_stem("  My  first net!! ", "design") == "my_first_net"
    assert file_stem("???", "model") == "model" and file_stem("", "design") == "design"
