"""The window's own texts in Chinese: menus and every command, the toolbar, dock titles,
the status bar and the page tabs; switched live, and the loading note of a page too."""

from __future__ import annotations

from i18n_helpers import english_words, foreign_words
from PySide6.QtWidgets import QDockWidget

from playground.ui.shell.workbench import Workbench

SWITCH_TIMEOUT_MS = 10_000  # LanguageChange is posted; a busy machine delivers it late (never a speed check)


def _action_problems(window) -> list[str]:
    problems = []
    for spec in window.installed_specs():
        action = window.action(spec.id)
        for what, text in (("text", action.text()), ("tip", action.toolTip()), ("status", action.statusTip())):
            words = foreign_words(text)
            if words:
                problems.append(f"{spec.id} {what}: {text!r} -> {words}")
    return problems


def _window_problems(window) -> list[str]:
    problems = english_words(window.menuBar()) + english_words(window.toolbar) + english_words(window.statusBar())
    problems += english_words(window.tabs.tabBar())
    for menu in (window.recent_menu, window.examples_menu, window.language_menu):
        problems += english_words(menu)
    problems += _action_problems(window)
    for dock in window.findChildren(QDockWidget):
        for text in (dock.windowTitle(), dock.toggleViewAction().text()):
            if foreign_words(text):
                problems.append(f"{dock.objectName()} title: {text!r}")
    return problems


def test_the_window_chrome_reads_as_chinese_after_a_live_switch(workbench, zh_CN, qtbot) -> None:
    window = workbench.window
    qtbot.waitUntil(lambda: window.tabs.tabText(0) == "设计", timeout=SWITCH_TIMEOUT_MS)
    assert _window_problems(window) == []
    assert [window.tabs.tabText(i) for i in range(4)] == ["设计", "训练", "绘制", "卷积滑动"]
    assert window.palette_dock.windowTitle() == "层" and "参数" in window.params_label.text()
    window.document.set_param(window.document.design.layers[0].id, "out_channels", 8)
    assert window.action("undo").text().startswith("撤销") and "out_channels" in window.action("undo").text()
    assert _action_problems(window) == []  # the step Undo names is Chinese too


def test_the_loading_note_of_a_page_is_chinese_and_follows_a_switch(qtbot, zh_CN) -> None:
    bench = Workbench(background=True)  # never painted: its pages stay loading
    qtbot.addWidget(bench.window)
    slot = bench.slots["draw"]
    assert slot.placeholder.text() == "加载中…"
    zh_CN.apply("en")
    qtbot.waitUntil(lambda: slot.placeholder.text() == "Loading…", timeout=SWITCH_TIMEOUT_MS)
    assert bench.window.tabs.tabText(bench.draw_page) == "Draw"
    bench.window.close()
