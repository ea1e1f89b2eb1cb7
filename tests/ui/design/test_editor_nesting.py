"""The editor never nests deeper than a design file may (MAX_NESTING): what it saves, it can reopen."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtGui import QContextMenuEvent, QGuiApplication
from PySide6.QtWidgets import QApplication
from ui_helpers import SMALL

from playground.core.design import MAX_NESTING, design_from_dict, load_design, save_design
from playground.core.nesting import deepest_block
from playground.ui.design.editor import DesignEditor
from playground.ui.state.document import DesignDocument
from playground.ui.widgets.action_table import plain_text


def open_editor(qtbot, data: dict) -> DesignEditor:
    editor = DesignEditor(DesignDocument(design_from_dict(data)))
    qtbot.addWidget(editor)
    editor.resize(760, 1100)
    editor.show()
    qtbot.waitExposed(editor)
    return editor


def test_wrapping_forty_times_stops_at_the_files_limit_with_a_message(qtbot, monkeypatch, tmp_path: Path) -> None:
    editor = open_editor(qtbot, SMALL)
    doc = editor.document
    monkeypatch.setattr(editor, "show_menu", lambda menu, _pos: next(
        a for a in menu.actions() if plain_text(a.text()) == "Wrap in Sequential").trigger())
    failures: list[str] = []
    doc.editFailed.connect(failures.append)
    for _ in range(40):
        pos = editor.block_rect("relu").center()
        QApplication.sendEvent(editor.viewport(), QContextMenuEvent(
            QContextMenuEvent.Reason.Mouse, pos, editor.viewport().mapToGlobal(pos)))
    assert deepest_block(doc.design)[0] == MAX_NESTING
    assert len(failures) == 40 - (MAX_NESTING - 1)
    assert failures[0].endswith(f"nested too deeply: {MAX_NESTING + 1} levels, a design file allows at most "
                                f"{MAX_NESTING}")
    save_design(doc.design, tmp_path / "deep.json")
    assert load_design(tmp_path / "deep.json") == doc.design  # the app reopens its own file


def test_pasting_a_deep_block_into_a_deep_place_is_refused(qtbot) -> None:
    inner: dict = {"type": "ReLU", "id": "inner"}
    for _ in range(MAX_NESTING - 2):
        inner = {"type": "Sequential", "layers": [inner]}
    editor = open_editor(qtbot, {**SMALL, "layers": [inner]})
    doc = editor.document
    before = doc.design
    failures: list[str] = []
    doc.editFailed.connect(failures.append)
    QGuiApplication.clipboard().setText(json.dumps(inner))  # a block nested 30 levels, pasted at level 30
    doc.select("inner")
    editor.edit_actions["paste"].trigger()  # Edit > Paste (Ctrl+V in the window)
    assert doc.design == before
    assert failures and "nested too deeply" in failures[-1] and f"at most {MAX_NESTING}" in failures[-1]
