"""The action table: every command runs from its QAction, every key is bound once, and the
F1 list and README's shortcut table are the table's own."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QWidget
from ui_helpers import SMALL

from playground.core.design import design_from_dict, walk
from playground.paths import example_paths
from playground.ui.design.edit_actions import EDIT_ACTIONS, NAVIGATION_KEYS
from playground.ui.shell.actions import MENUS, TOOLBAR, WINDOW_ACTIONS, WORKBENCH_ACTIONS, action_table, shortcut_specs
from playground.ui.widgets.action_table import portable_keys, shortcut_rows

README = Path(__file__).resolve().parents[3] / "README.md"
RUN_TIMEOUT_MS = 60_000  # generous: the machine may be busy; never a speed assertion

# Every kind of block an edit command looks for: a Sequential to ungroup, a Concat to branch.
GROUPS = {
    "format": "cnn-playground.design", "version": 1, "name": "Groups", "input": [1, 28, 28],
    "layers": [
        {"type": "Conv2d", "id": "conv", "out_channels": 4, "kernel_size": 3, "padding": 1},
        {"type": "Concat", "id": "cat", "branches": [[{"type": "Conv2d", "id": "b1", "out_channels": 2,
                                                       "kernel_size": 1}], [{"type": "ReLU", "id": "b2"}]]},
        {"type": "Sequential", "id": "seq", "layers": [{"type": "Flatten", "id": "flat"}]},
        {"type": "Linear", "id": "fc", "out_features": 10},
    ],
}


def _block_for(document, selected_by: str) -> str:
    """A block on which a command applies: a Sequential to ungroup, a Concat to branch, else the first."""
    wanted = {"selection_can_ungroup": "Sequential", "selection_has_branches": "Concat"}.get(selected_by)
    if wanted is None:
        return document.design.layers[0].id
    return next(b.id for _, b in walk(document.design) if b.type == wanted)


def test_every_action_of_the_table_runs_from_its_qaction(workbench, qtbot, file_dialogs, tmp_path) -> None:
    """Each command triggered as a menu click does it: QAction.trigger(), dialogs answered
    with a file or cancelled; no exception escapes any handler (Qt's `checked` flag included)."""
    window, document = workbench.window, workbench.window.document
    design_file = tmp_path / "groups.json"
    design_file.write_text(json.dumps(GROUPS))
    answers = {"open": [str(design_file)], "save_as": [str(tmp_path / "copy")],
               "save_model": [str(tmp_path / "model.pt")], "load_model": []}
    specs = {spec.id: spec for spec in window.installed_specs()}
    assert set(specs) == {spec.id for spec in action_table()}
    first, last = ["open"], ["new", "quit"]
    order = first + [s.id for s in EDIT_ACTIONS] + [i for i in specs if i not in first + last
                                                   and i not in {s.id for s in EDIT_ACTIONS}] + last
    panel = workbench.training
    panel.settings.max_train.setValue(64)  # a short run, should Stop come too late
    panel.settings.epochs.setValue(1)
    ran = []
    with qtbot.capture_exceptions() as exceptions:
        for action_id in order:
            spec, action = specs[action_id], window.action(action_id)
            if spec.page:
                window.show_page(spec.page)
            if spec.page == "design" and document.design.layers:
                document.select(_block_for(document, spec.shown_when))
            if action_id == "train":  # the edits above may have broken the design: train a sound one
                document.open_design(design_from_dict(SMALL))
                qtbot.waitUntil(lambda: not panel.picker.busy and panel.train_button.isEnabled(), timeout=10_000)
            file_dialogs.answers[:] = answers.get(action_id, [])
            if action.isEnabled():
                ran.append(action_id)
            action.trigger()
            for dialog in window.findChildren(QWidget, "shortcutsDialog"):
                dialog.close()
            if action_id == "open":
                assert document.path == design_file
            if action_id == "save_as":
                saved = tmp_path / "copy.json"
                assert saved.is_file() and document.path == saved
                assert json.loads(saved.read_text())["name"] == "Groups"
            if action_id == "save_model":
                assert (tmp_path / "model.pt").is_file()
            if action_id == "train":
                assert panel.is_training
            if action_id == "stop":
                qtbot.waitUntil(lambda: not panel.is_training, timeout=RUN_TIMEOUT_MS)
    assert exceptions == []
    assert ran == order  # each was enabled when triggered, so each really ran
    assert not window.isVisible()  # Quit closed the window


def test_save_as_writes_the_file_it_was_given(workbench, file_dialogs, tmp_path) -> None:
    window = workbench.window
    file_dialogs.answers.append(str(tmp_path / "mine"))
    window.save_as_action.trigger()
    assert (tmp_path / "mine.json").is_file()
    assert window.document.path == tmp_path / "mine.json" and not window.document.modified
    window.save_as_action.trigger()  # cancelled: nothing changes
    assert file_dialogs.asked == ["save", "save"] and window.document.path == tmp_path / "mine.json"


def test_every_key_is_bound_once() -> None:
    keys = portable_keys([*action_table(), *NAVIGATION_KEYS])
    assert len(keys) == len(set(keys)), sorted(k for k in keys if keys.count(k) > 1)
    assert all(not QKeySequence(k).isEmpty() for k in keys)


def test_every_command_in_a_menu_or_toolbar_has_its_place() -> None:
    layouts = {menu.id: menu.items for menu in MENUS}
    for spec in action_table():
        if spec.menu:
            assert spec.group in layouts[spec.menu], spec.id
        if spec.tool:
            assert spec.tool in TOOLBAR, spec.id
        assert spec.menu or spec.context or spec.shortcuts, f"{spec.id} can never be reached"


def test_the_shortcut_list_is_the_table(workbench) -> None:
    """F1 lists every key of the table (the window has installed all of it)."""
    rows = workbench.window.shortcut_rows()
    assert rows == shortcut_rows(shortcut_specs(action_table()))
    listed = {key for keys, _ in rows for key in keys.split(" or ")}
    assert {"Ctrl+Alt+S", "Ctrl+Alt+O", "Ctrl+1", "Ctrl+4", "Ctrl+T", "Ctrl+.", "Esc", "Up"} <= listed


def _readme_rows() -> list[tuple[list[str], str]]:
    """The rows of README's "### Keyboard shortcuts" table: (keys, what they do)."""
    text = README.read_text(encoding="utf-8")
    section = text.split("### Keyboard shortcuts", 1)[1]
    rows = []
    for line in section.splitlines()[1:]:
        if line.startswith("#"):
            break
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 2 or cells[0] in ("Keys", "") or set(cells[0]) <= {"-"}:
            continue
        rows.append(([k.strip() for k in cells[0].split(" or ")], cells[1]))
    return rows


def test_readme_lists_exactly_the_keys_of_the_table() -> None:
    rows = _readme_rows()
    assert rows, "README.md has no keyboard shortcut table"
    portable = QKeySequence.SequenceFormat.PortableText
    readme_keys = [QKeySequence(k).toString(portable) for keys, _ in rows for k in keys]
    table_keys = portable_keys([*action_table(), *NAVIGATION_KEYS])
    assert sorted(readme_keys) == sorted(table_keys)
    described = {" or ".join(portable_keys([spec])): spec.describe() for spec in shortcut_specs(action_table())}
    for keys, what in rows:
        assert described[" or ".join(QKeySequence(k).toString(portable) for k in keys)] == what


def test_commands_of_a_page_act_only_on_that_page(workbench, qtbot) -> None:
    window = workbench.window
    window.document.select(window.document.design.layers[0].id)
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == workbench.draw_page
    assert not window.delete_action.isEnabled() and not window.action("train").isEnabled()
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() == "train" and window.action("train").isEnabled()
    assert not window.undo_action.isEnabled()
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == 0 and window.delete_action.isEnabled()
    assert "(Ctrl+2)" in window.tabs.tabToolTip(workbench.train_page)


def test_train_and_stop_keys_on_the_train_page(workbench, qtbot) -> None:
    window, panel = workbench.window, workbench.training
    window.open_example(next(p for p in example_paths() if p.stem == "lenet5"))
    qtbot.waitUntil(lambda: not panel.picker.busy and panel.train_button.isEnabled(), timeout=10_000)
    panel.settings.max_train.setValue(0)  # the whole split: still running when Stop is pressed
    panel.settings.epochs.setValue(5)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert not panel.is_training  # Ctrl+T belongs to the Train page
    window.show_page("train")
    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert panel.is_training
    qtbot.waitUntil(lambda: panel.plots.loss_plot.point_count("raw") >= 1, timeout=RUN_TIMEOUT_MS)
    with qtbot.waitSignal(panel.trainingFinished, timeout=RUN_TIMEOUT_MS) as finished:
        qtbot.keyClick(window, Qt.Key.Key_Period, Qt.KeyboardModifier.ControlModifier)
    assert finished.args[0].stopped
    assert not panel.is_training


def test_the_tables_are_declared_where_they_belong() -> None:
    """The window's, the Design page's and the app's commands are three tables of one."""
    assert action_table() == WINDOW_ACTIONS + EDIT_ACTIONS + WORKBENCH_ACTIONS
    assert all(spec.page == "design" for spec in EDIT_ACTIONS)


def test_handlers_get_their_declared_arguments_and_never_qts_checked_flag(qtbot) -> None:
    """Qt sends triggered(checked); a handler with an optional first parameter must not see it."""
    from playground.ui.widgets.action_table import ActionSet, ActionSpec

    calls: list[tuple] = []

    class Target:
        def save_as(self, path: object = None) -> None:
            calls.append((path,))

        def move(self, *args: object) -> None:
            calls.append(args)

    widget = QWidget()
    qtbot.addWidget(widget)
    actions = ActionSet((ActionSpec("save_as", "Save As", "save_as"), ActionSpec("move", "Move", "move", args=(-1,))),
                        Target(), widget)
    actions["save_as"].setCheckable(True)  # a checkable action sends checked=True
    actions["save_as"].trigger()
    actions["move"].trigger()
    assert calls == [(None,), (-1,)]
    assert actions["save_as"].objectName() == "saveAsAction"
