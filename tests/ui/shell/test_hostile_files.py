"""The window meets hostile files and a broken data folder: it starts, says what happened,
and keeps what it can (numbers of 5,000 digits, lone surrogates, damaged autosaves)."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtWidgets import QLabel
from ui_helpers import SMALL, open_window

from playground.core.design import load_design
from playground.ui.shell.autosave import FORMAT, find_recoveries


def autosave_dir() -> Path:
    import os

    return Path(os.environ["CNN_PLAYGROUND_DATA"]) / "autosave"


def test_a_deeply_nested_autosave_is_set_aside_and_the_app_starts(qtbot, message_boxes) -> None:
    folder = autosave_dir()
    folder.mkdir(parents=True)
    damaged = folder / "autosave-crashed.json"
    damaged.write_text('{"format": "%s", "version": 1, "design": %s%s}' % (FORMAT, "[" * 100_000, "]" * 100_000))
    huge = folder / "autosave-huge.json"
    huge.write_text('{"format": "%s", "version": 1, "design": {"version": %s}}' % (FORMAT, "9" * 5000))

    window = open_window(qtbot)
    window.start_session()
    assert window.document.design.name  # started, with its default design
    assert "2 damaged autosave(s) could not be read and were set aside" in window.statusBar().currentMessage()
    assert not any(heading == "Recover unsaved changes?" for _, heading, _ in message_boxes.shown)
    assert not damaged.exists() and (folder / "autosave-crashed.json.unreadable").is_file()
    assert (folder / "autosave-huge.json.unreadable").is_file()
    assert find_recoveries(folder) == []  # the next start meets them no more


def test_a_file_in_place_of_the_data_folder_means_autosave_off_and_says_why(qtbot) -> None:
    folder = autosave_dir()
    folder.parent.mkdir(parents=True)
    folder.write_text("not a folder")
    window = open_window(qtbot)
    window.start_session()
    label = window.statusBar().findChild(QLabel, "autosaveOffLabel")
    assert label is not None and label.isVisible()
    assert label.text() == f"Autosave is off: {folder} is a file, not a folder"
    assert not window.autosave.timer.isActive()


def test_a_last_file_with_a_5000_digit_number_does_not_stop_the_start(qtbot, tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings

    path = tmp_path / "huge.json"
    path.write_text(json.dumps(SMALL).replace('"out_features": 10', '"out_features": ' + "1" * 5000))
    QSettings().setValue("session/lastPath", str(path))
    window = open_window(qtbot)
    window.start_session()
    message = window.statusBar().currentMessage()
    assert message.startswith("Could not reopen huge.json: ") and "a number has too many digits" in message


def test_a_design_named_with_a_lone_surrogate_opens_and_saves(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "odd.json"
    path.write_text(json.dumps({**SMALL, "name": "net \ud800 one"}), encoding="ascii")  # "\\ud800" in the file
    window = open_window(qtbot)
    assert window.open_file(path, confirm=False)
    window.document.set_label("conv", "label \udfff")
    window.save_action.trigger()
    assert not window.document.modified
    again = load_design(path)
    assert again.name == "net \ud800 one" and again.layers[0].label == "label \udfff"
    assert again == window.document.design
