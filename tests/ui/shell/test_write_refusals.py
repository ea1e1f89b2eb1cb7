"""Saving from the window to a target the atomic write must not replace: a symbolic link,
a named pipe, a device or a read-only file. The window says so in one line and leaves the
target, and the document's unsaved state, as they were. Targets are made per test."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from hostile_targets import HOSTILE, make_target, snapshot
from ui_helpers import SMALL, open_window

from playground.core.design import design_from_dict, new_block

@pytest.mark.parametrize("kind", HOSTILE)
def test_save_as_refuses_the_target_in_one_line_and_keeps_the_changes_unsaved(qtbot, tmp_path: Path, message_boxes,
                                                                               kind: str) -> None:
    window = open_window(qtbot, design_from_dict(SMALL))
    window.document.insert_block((), 1, new_block("BatchNorm2d"))
    folder = tmp_path / "out"
    folder.mkdir()
    target = make_target(kind, folder, ".json")
    before = snapshot(folder)
    assert not window.save_as(target)
    [(box, title, text)] = message_boxes.shown
    assert (box, title) == ("critical", "Cannot save design")
    assert text.startswith(f"{target}: cannot write (") and HOSTILE[kind] in text and "\n" not in text
    assert snapshot(folder) == before
    assert window.document.modified and window.document.path is None


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_an_autosave_file_that_became_a_pipe_is_reported_not_waited_on(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, design_from_dict(SMALL))
    window.document.insert_block((), 1, new_block("BatchNorm2d"))
    window.autosave.directory.mkdir(parents=True, exist_ok=True)
    os.mkfifo(window.autosave.file)
    failures: list[str] = []
    window.document.editFailed.connect(failures.append)
    assert not window.autosave.save_now()
    assert failures == [f"Autosave failed: {window.autosave.file}: cannot write (it is a named pipe, not a regular file)"]
    assert stat.S_ISFIFO(os.lstat(window.autosave.file).st_mode)
    window.autosave.file.unlink()
