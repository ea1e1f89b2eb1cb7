"""The Inspector fits its dock: in the default 1280 x 800 window no widget of its content
reaches past the dock's viewport, for every layer kind, the input and the overview (a
MaxPool2d once pushed its pair editors, link buttons, values and explanation past the
right edge). Long rows wrap their field under the name; long values are elided."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QSettings
from PySide6.QtWidgets import QApplication, QWidget

from playground.core.design import new_block
from playground.core.layers import CATALOGUE
from playground.ui.state.document import INPUT_ID


def _past_the_edge(inspector) -> list[str]:
    """Every visible content widget whose right edge passes the viewport's, described."""
    viewport = inspector.viewport()
    content = inspector.widget()
    out = []
    for child in content.findChildren(QWidget):
        if not child.isVisibleTo(content):
            continue
        right = child.mapTo(viewport, QPoint(0, 0)).x() + child.width()
        if right > viewport.width():
            out.append(f"{child.metaObject().className()} {child.objectName()!r} ends at {right} > {viewport.width()}")
    return out


@pytest.fixture(scope="module")
def window(qapp, tmp_path_factory):
    """One window for all kinds (building one per kind would take most of this file's time),
    on its own settings file, at the default size."""
    from playground.ui.shell.main_window import MainWindow

    scratch = tmp_path_factory.mktemp("inspector-fits")
    win = MainWindow(settings=QSettings(str(scratch / "settings.ini"), QSettings.Format.IniFormat),
                     data_dir=scratch / "data")
    win.resize(1280, 800)
    win.show()
    QApplication.processEvents()
    yield win
    win.close()
    win.deleteLater()
    QApplication.processEvents()


@pytest.mark.parametrize("kind", sorted(CATALOGUE))
def test_no_inspector_child_passes_the_dock_for(window, kind) -> None:
    block_id = window.document.insert_block((), 0, new_block(kind))
    assert block_id
    window.document.select(block_id)
    QApplication.processEvents()
    try:
        assert window.inspector.viewport().width() > 0
        assert _past_the_edge(window.inspector) == []
    finally:
        window.document.undo()


@pytest.mark.parametrize("selection", [INPUT_ID, ""])
def test_the_input_and_the_overview_fit_the_dock_too(window, selection) -> None:
    window.document.select(selection)
    QApplication.processEvents()
    assert _past_the_edge(window.inspector) == []


def test_a_long_value_is_elided_and_its_whole_text_is_the_tooltip(window) -> None:
    window.document.set_meta(name="A design name far longer than any dock is wide " * 3)
    window.document.select("")
    QApplication.processEvents()
    assert _past_the_edge(window.inspector) == []
    title = window.inspector._title
    assert title is not None and title.toolTip() == window.document.design.name
    window.document.undo()
