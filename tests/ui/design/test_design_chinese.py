"""The Design page in Chinese: the palette, the inspector (every kind of block), the summary
table and the editor's context menu show no English beyond code names (core's explanations,
help and block errors included), and a language switch with the window open changes them at
once, and back."""

from __future__ import annotations


import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QLabel, QMenu

from i18n_helpers import english_words
from ui_helpers import open_window

from playground.core.design import design_from_dict
from playground.ui.shell.language import LanguageSwitcher
from playground.ui.state.document import INPUT_ID


# Ids as the editor makes them (kind and number); names that stay English are data, like a file's.
DESIGN = {
    "format": "cnn-playground.design", "version": 1, "name": "中文检查", "input": [1, 28, 28],
    "layers": [
        {"type": "Conv2d", "id": "conv2d1", "out_channels": 8, "kernel_size": 3, "padding": 1, "bias": False},
        {"type": "BatchNorm2d", "id": "batchnorm2d1"},
        {"type": "ReLU", "id": "relu1"},
        {"type": "MaxPool2d", "id": "maxpool2d1", "kernel_size": 2},
        {"type": "Residual", "id": "residual1", "body": [
            {"type": "Conv2d", "id": "conv2d2", "out_channels": 8, "kernel_size": 3, "padding": 1}]},
        {"type": "Flatten", "id": "flatten1"},
        {"type": "Linear", "id": "linear1", "out_features": 10},
    ],
}
BLOCKS = ("conv2d1", "batchnorm2d1", "relu1", "maxpool2d1", "residual1", "linear1")


@pytest.fixture
def chinese(zh_CN):
    """The window and core in Chinese."""
    return zh_CN


@pytest.fixture
def window(qtbot):
    window = open_window(qtbot, design_from_dict(DESIGN))
    yield window
    window.close()


def test_the_palette_is_chinese(qtbot, chinese, window) -> None:
    assert english_words(window.palette) == []
    assert window.palette.filter.placeholderText() == "筛选层…"


def test_the_inspector_is_chinese_for_every_kind_of_block(qtbot, chinese, window) -> None:
    inspector = window.inspector
    for block_id in BLOCKS:
        window.document.select(block_id)
        assert english_words(inspector) == [], block_id
    window.document.select("conv2d1")
    caption = inspector.findChild(QLabel, "paramTerm_kernel_size")
    assert caption is not None and caption.text() == "卷积核大小"
    assert inspector.findChild(QLabel, "paramName_kernel_size").toolTip().startswith("kernel_size 卷积核大小")
    for view in ("", INPUT_ID):  # the design's overview and the input block
        window.document.select(view)
        assert english_words(inspector) == [], view


def test_the_summary_table_is_chinese(qtbot, chinese, window) -> None:
    window.document.set_param("conv2d1", "kernel_size", 40)  # an error: the table says so
    assert english_words(window.summary) == []
    model = window.summary.model()
    assert model.headerData(0, Qt.Orientation.Horizontal) == "模块"
    assert model.index(model.rowCount() - 1, 0).data() == "合计"
    assert model.index(model.rowCount() - 1, 6).data() == "1 个错误"


def test_the_editor_context_menu_is_chinese(qtbot, chinese, window, monkeypatch) -> None:
    editor = window.editor
    seen: dict[str, list[str]] = {}

    def look(menu: QMenu, _pos: QPoint) -> None:
        seen[where] = [action.text() for action in menu.actions() if action.text()]
        problems.extend(english_words(menu))

    monkeypatch.setattr(editor, "show_menu", look)
    problems: list[str] = []
    for where, pos in (("block", editor.block_rect("residual1").center()),
                       ("canvas", QPoint(5, editor.viewport().height() - 5))):
        QApplication.sendEvent(editor.viewport(), QContextMenuEvent(
            QContextMenuEvent.Reason.Mouse, pos, editor.viewport().mapToGlobal(pos)))
    assert problems == []
    assert "折叠" in seen["block"] and "删除(&D)" in seen["block"]
    assert seen["canvas"][0] == "粘贴(&P)"


def test_switching_language_with_the_window_open_changes_the_page_at_once(qtbot, window) -> None:
    window.document.select("conv2d1")
    palette, inspector, summary = window.palette, window.inspector, window.summary

    def texts() -> tuple[str, str, str, str]:
        title = inspector.findChild(QLabel, "sectionTitle")
        return (palette.filter.placeholderText(), palette.tree.topLevelItem(0).text(0),
                title.text() if title is not None else "", summary.model().headerData(0, Qt.Orientation.Horizontal))

    english = texts()
    assert english == ("Filter layers…", "Convolution", "Label", "Block")
    switcher = LanguageSwitcher.of(QApplication.instance())
    try:
        switcher.apply("zh_CN")
        qtbot.waitUntil(lambda: texts() == ("筛选层…", "卷积", "标签", "模块"))
        assert inspector.findChild(QLabel, "paramTerm_out_channels").text() == "输出通道数"
        assert window.document.selected_id == "conv2d1" and "out_channels" in inspector.fields
    finally:
        switcher.apply("en")
    qtbot.waitUntil(lambda: texts() == english)
    # English reads the name itself: no term under it once the Chinese form is gone
    qtbot.waitUntil(lambda: inspector.findChild(QLabel, "paramTerm_out_channels") is None)
