"""Choosing the language: --lang, View ▸ Language (remembered), the system's locale; and a
switch that changes the open window at once, Qt's texts and core's alike."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMenu

from ui_helpers import open_window

from playground.core import i18n
from playground.ui.shell.app import create_application
from playground.ui.shell.language import SETTINGS_KEY, LanguageSwitcher, initial_language, system_language


def _menu_titles(window) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def test_view_language_switches_the_open_window_and_is_remembered(qtbot) -> None:
    window = open_window(qtbot)
    assert _menu_titles(window)[:3] == ["&File", "&Edit", "&View"]
    chinese = window.findChild(QMenu, "languageMenu").findChild(type(window.action("undo")), "languageChineseAction")
    assert chinese is not None and window.findChild(QMenu, "languageMenu").title() == "&Language"
    try:
        chinese.trigger()  # Qt posts LanguageChange to every window: it lands on the next turn
        qtbot.waitUntil(lambda: _menu_titles(window)[:3] == ["文件(&F)", "编辑(&E)", "视图(&V)"])
        assert window.findChild(QMenu, "languageMenu").title() == "语言(&L)"
        assert chinese.isChecked() and i18n.current_language() == "zh_CN"
        assert QSettings().value(SETTINGS_KEY) == "zh_CN"
        assert initial_language() == "zh_CN"  # the next start
    finally:
        window.findChild(type(chinese), "languageEnglishAction").trigger()
    qtbot.waitUntil(lambda: _menu_titles(window)[:3] == ["&File", "&Edit", "&View"])
    assert i18n.current_language() == "en" and QSettings().value(SETTINGS_KEY) == "en"


def test_lang_beats_the_remembered_choice_which_beats_the_system() -> None:
    assert system_language() == "en"  # the tests' LANG
    assert initial_language() == "en"
    QSettings().setValue(SETTINGS_KEY, "zh_CN")
    assert initial_language() == "zh_CN"
    assert initial_language("en") == "en"
    assert initial_language("zh_CN") == "zh_CN"


def test_the_application_starts_in_the_language_asked_for(qapp: QApplication) -> None:
    switcher = LanguageSwitcher.of(qapp)
    try:
        assert create_application(language="zh_CN") is qapp
        assert switcher.language == "zh_CN" and i18n.current_language() == "zh_CN"
        assert QApplication.translate("Actions", "&File") == "文件(&F)"
        assert QApplication.translate("QPlatformTheme", "Cancel") == "取消"  # Qt's own buttons too
    finally:
        switcher.apply("en")
    assert QApplication.translate("Actions", "&File") == "&File"
