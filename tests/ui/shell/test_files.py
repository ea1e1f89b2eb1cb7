"""Files as a person meets them: save and reopen, bad files, unsaved-change prompts,
recent files, the last session, autosave recovery, and the window's layout."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from ui_helpers import SMALL, open_window

from playground.core.design import design_from_dict, load_design, new_block
from playground.paths import example_paths
from playground.ui.shell.autosave import find_recoveries

Button = QMessageBox.StandardButton

@pytest.fixture
def window(qtbot):
    return open_window(qtbot, design_from_dict(SMALL))


def edit(window) -> None:
    window.document.insert_block((), 1, new_block("BatchNorm2d"))


def test_save_then_reopen_gives_the_same_design(qtbot, window, tmp_path: Path) -> None:
    edit(window)
    window.document.set_label("conv", "features")
    assert window.windowTitle() == "Small* — CNN Playground"
    target = tmp_path / "small.json"
    assert window.save_as(target)
    assert window.windowTitle() == "small.json — CNN Playground"
    assert not window.document.modified
    text = target.read_text()
    assert json.loads(text)["layers"][0]["label"] == "features"
    other = open_window(qtbot)
    assert other.open_file(target)
    assert other.document.design == window.document.design  # ids, labels, params, all of it
    assert other.windowTitle() == "small.json — CNN Playground"
    assert other.recent_files()[0] == str(target.resolve())


def test_ctrl_s_asks_for_a_name_once_then_saves_in_place(window, file_dialogs, tmp_path: Path) -> None:
    target = tmp_path / "named"
    file_dialogs.answers.append(str(target))
    edit(window)
    window.save_action.trigger()
    saved = tmp_path / "named.json"
    assert saved.exists() and file_dialogs.asked == ["save"]
    edit(window)
    window.save_action.trigger()
    assert file_dialogs.asked == ["save"]  # no second dialog
    assert len(load_design(saved).layers) == 6


@pytest.mark.parametrize("content, expected", [
    ('{"format": "cnn-playground.design", "version": 1, "input": [1, 28, 28], '
     '"layers": [{"type": "ReLU"}, {"type": "Conv2d", "out_channels": 4, "kernel_size": -2}]}',
     "layers[1].kernel_size: expected a positive int or [h, w], got -2"),
    ('{"format": "cnn-playground.design", "version": 1, "input": [1, 28, 28], "layers": [', "not valid JSON"),
    ('{"format": "something else"}', 'format: expected "cnn-playground.design"'),
])
def test_a_bad_file_shows_its_json_path_and_changes_nothing(window, message_boxes, tmp_path: Path,
                                                            content: str, expected: str) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(content)
    edit(window)
    before = window.document.design
    title = window.windowTitle()
    assert not window.open_file(bad, confirm=False)
    kind, heading, text = message_boxes.shown[-1]
    assert kind == "critical" and heading == "Cannot open design"
    assert expected in text and "bad.json" in text
    assert window.document.design is before
    assert window.document.modified and window.windowTitle() == title


def test_unsaved_changes_are_asked_about_before_they_are_lost(window, message_boxes, file_dialogs,
                                                              tmp_path: Path) -> None:
    edit(window)
    before = window.document.design
    message_boxes.answers.append(Button.Cancel)
    assert not window.new_design()
    assert window.document.design is before
    assert "not saved" in message_boxes.shown[-1][2]

    message_boxes.answers.append(Button.Save)
    file_dialogs.answers.append(str(tmp_path / "kept.json"))
    assert window.new_design()
    assert load_design(tmp_path / "kept.json") == before
    assert window.document.design.layers == ()

    edit(window)
    message_boxes.answers.append(Button.Discard)
    assert window.new_design()
    assert window.document.design.layers == ()


def test_closing_with_unsaved_changes_can_be_cancelled(qtbot, window, message_boxes) -> None:
    edit(window)
    message_boxes.answers.append(Button.Cancel)
    assert not window.close()
    assert window.isVisible()
    message_boxes.answers.append(Button.Discard)
    assert window.close()


def test_recent_files_menu_reopens_a_file(qtbot, window, tmp_path: Path) -> None:
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    window.save_as(first)
    edit(window)
    window.save_as(second)
    window.recent_menu.aboutToShow.emit()
    entries = [a for a in window.recent_menu.actions() if a.data()]
    assert [Path(a.data()).name for a in entries] == ["b.json", "a.json"]
    entries[1].trigger()
    assert window.document.path == first and len(window.document.design.layers) == 4
    window.clear_recent_action.trigger()
    assert window.recent_files() == []


def test_the_last_design_is_restored_at_the_next_start(qtbot, tmp_path: Path) -> None:
    first = open_window(qtbot, design_from_dict(SMALL))
    path = tmp_path / "last.json"
    first.save_as(path)
    first.close()
    second = open_window(qtbot)
    second.start_session()
    assert second.document.path == path
    assert second.document.design == load_design(path)

    # An untitled design (an example, say) comes back as it was last opened or saved.
    alexnet = next(p for p in example_paths() if p.stem == "alexnet")
    assert second.open_example(alexnet)
    second.close()
    third = open_window(qtbot)
    third.start_session()
    assert third.document.path is None and third.document.design.name == load_design(alexnet).name


def test_an_explicit_file_wins_over_the_last_session(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "given.json"
    path.write_text(json.dumps(SMALL))
    window = open_window(qtbot)
    window.start_session(path)
    assert window.document.path == path


def test_autosave_survives_a_crash_and_is_offered_at_the_next_start(qtbot, message_boxes) -> None:
    crashed = open_window(qtbot, design_from_dict(SMALL))
    edit(crashed)
    assert crashed.autosave.save_now()
    assert crashed.autosave.file.exists()
    assert not crashed.autosave.save_now()  # nothing new since
    crashed.autosave._lock.unlock()  # the process died: nobody holds its lock any more
    lost = crashed.document.design

    message_boxes.answers.append(Button.Yes)
    restarted = open_window(qtbot)
    restarted.start_session()
    kind, heading, text = message_boxes.shown[-1]
    assert heading == "Recover unsaved changes?" and "Small" in text
    assert restarted.document.design == lost
    assert restarted.document.modified and restarted.windowTitle().startswith("Small*")
    assert not crashed.autosave.file.exists()


def test_declined_recovery_is_removed(qtbot, message_boxes) -> None:
    crashed = open_window(qtbot, design_from_dict(SMALL))
    edit(crashed)
    crashed.autosave.save_now()
    crashed.autosave._lock.unlock()
    message_boxes.answers.append(Button.No)
    restarted = open_window(qtbot)
    restarted.start_session()
    assert restarted.document.design != crashed.document.design
    assert find_recoveries(crashed.autosave.directory) == []


def test_a_running_windows_autosave_is_not_offered(qtbot, message_boxes) -> None:
    running = open_window(qtbot, design_from_dict(SMALL))
    edit(running)
    running.autosave.save_now()
    other = open_window(qtbot)
    other.start_session()
    assert not any(heading == "Recover unsaved changes?" for _, heading, _ in message_boxes.shown)
    assert running.autosave.file.exists()


def test_saving_removes_the_autosave_and_a_clean_close_leaves_nothing(qtbot, window, tmp_path: Path) -> None:
    edit(window)
    window.autosave.save_now()
    assert window.autosave.file.exists()
    window.save_as(tmp_path / "saved.json")
    assert not window.autosave.file.exists()
    edit(window)
    window.autosave.save_now()
    window.document.undo()  # back to the saved state: clean again
    assert not window.autosave.file.exists()


def test_saving_where_it_cannot_shows_why(window, message_boxes, tmp_path: Path) -> None:
    edit(window)
    assert not window.save_as(tmp_path / "missing folder" / "x.json")
    kind, heading, text = message_boxes.shown[-1]
    assert kind == "critical" and "cannot write" in text
    assert window.document.modified


def test_window_geometry_and_docks_persist(qtbot) -> None:
    first = open_window(qtbot)
    first.summary_dock.hide()
    first.resize(1100, 700)
    first.close()
    second = open_window(qtbot)
    assert not second.summary_dock.isVisible()
    second.reset_layout()
    assert second.summary_dock.isVisible()


def test_locks_of_killed_sessions_without_changes_are_cleaned_up(tmp_path: Path) -> None:
    import subprocess
    import sys
    folder = tmp_path / "autosave"
    folder.mkdir()
    lock = folder / "autosave-gone.lock"
    code = ("import os, sys; from PySide6.QtCore import QLockFile; "
            "l = QLockFile(sys.argv[1]); l.tryLock(0); os._exit(0)")  # dies holding it
    subprocess.run([sys.executable, "-c", code, str(lock)], check=True, timeout=60)
    assert lock.exists()
    assert find_recoveries(folder) == []
    assert not lock.exists()
