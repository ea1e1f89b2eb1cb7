"""View ▸ Language: one checkable entry per language, each named in its own language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from playground.core import i18n
from playground.ui.shell.language import LanguageSwitcher
from playground.ui.widgets.retranslate import Retranslating

ACTION_NAMES = {i18n.ENGLISH: "languageEnglishAction", i18n.CHINESE: "languageChineseAction"}


class LanguageMenu(Retranslating, QMenu):
    """Picking a language switches the window at once and is remembered for the next start."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("languageMenu")
        self.switcher = LanguageSwitcher.of(QCoreApplication.instance())
        group = QActionGroup(self)
        group.setExclusive(True)
        self.language_actions: dict[str, QAction] = {}
        for language in i18n.LANGUAGES:
            action = QAction(i18n.LANGUAGE_NAMES[language], self)  # never translated: found by its own name
            action.setObjectName(ACTION_NAMES[language])
            action.setCheckable(True)
            action.triggered.connect(lambda _=False, lang=language: self.switcher.choose(lang))
            group.addAction(action)
            self.addAction(action)
            self.language_actions[language] = action
        self.switcher.changed.connect(self._show_current)
        self._show_current(self.switcher.language)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("&Language"))
        self.menuAction().setStatusTip(self.tr("The language of the window (remembered for the next start)"))

    def _show_current(self, language: str) -> None:
        self.language_actions[language].setChecked(True)
