"""The whole window in Chinese: on every page, everything a person can see (labels, buttons,
tabs, dock titles, tooltips, placeholders, table headers, plots' captions) and every menu
and action, after switching with the window open and when it starts in Chinese. Only code
names (tests/ui/i18n_helpers.py's allow-list) and data stay English: the opening design's
own description is the design file's text, like a file name."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from i18n_helpers import english_words

from playground.ui.shell.language import LanguageSwitcher

DATA = ("designDescriptionEdit ",)  # the design's own words, as its file has them


def _walk_every_page(bench, qtbot) -> list[str]:
    window = bench.window
    problems: list[str] = []
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        qtbot.wait(20)  # a page that rebuilds its texts when seen does it now
        problems += [f"page {index}: {p}" for p in english_words(window, visible_only=True) if not p.startswith(DATA)]
    return sorted(set(problems))


def test_switching_to_chinese_translates_every_page_of_the_open_window(workbench, qtbot) -> None:
    switcher = LanguageSwitcher.of(QApplication.instance())
    assert workbench.window.tabs.tabText(1) == "Train"
    try:
        switcher.apply("zh_CN")
        QApplication.processEvents()  # the LanguageChange events Qt posted: one turn of the loop
        assert workbench.window.tabs.tabText(1) == "训练"
        assert _walk_every_page(workbench, qtbot) == []
    finally:
        switcher.apply("en")
    QApplication.processEvents()
    assert workbench.window.tabs.tabText(1) == "Train"


def test_a_window_opened_in_chinese_has_no_english_left(zh_CN, workbench, qtbot) -> None:
    assert _walk_every_page(workbench, qtbot) == []
