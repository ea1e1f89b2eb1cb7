"""The language of the window: Qt's translators for playground/ui, gettext for core.

The language is chosen once at start (`--lang`, else the one picked in View ▸ Language
last time, else the system's locale) and can be switched at any moment: installing the
translators sends every widget Qt's LanguageChange event, and widgets that keep their
texts in `retranslate_ui()` (widgets/retranslate.py) show the new language at once.
Qt's own dialogs and buttons (Cancel, the file dialog) follow through qtbase's catalogue.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QSettings, QTranslator, Signal

from playground import paths
from playground.core import i18n

SETTINGS_KEY = "ui/language"
CATALOGUE = "cnn_playground"


def translations_dir() -> str:
    """Where the app's compiled Qt catalogue (cnn_playground_<lang>.qm) lives."""
    return str(paths.resources_dir() / "translations")


def system_language() -> str:
    """The system's language as the app knows it: "zh_CN" for any Chinese locale, else "en"."""
    return i18n.normalize_language(QLocale.system().name())


def saved_language() -> str | None:
    """The language picked in View ▸ Language last time, if any."""
    value = QSettings().value(SETTINGS_KEY)
    return i18n.normalize_language(str(value)) if value else None


def initial_language(requested: str | None = None) -> str:
    """`--lang` first, then the remembered choice, then the system's locale."""
    if requested:
        return i18n.normalize_language(requested)
    return saved_language() or system_language()


class LanguageSwitcher(QObject):
    """Owns the translators of the running app; `apply` switches the whole app at once."""

    changed = Signal(str)

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self.setObjectName("languageSwitcher")
        self._app = app
        self._translators: list[QTranslator] = []
        self.language = i18n.ENGLISH

    @classmethod
    def of(cls, app: QCoreApplication) -> "LanguageSwitcher":
        """The app's switcher, made on first use."""
        switcher = app.findChild(LanguageSwitcher, "languageSwitcher")
        return switcher if switcher is not None else cls(app)

    def apply(self, language: str) -> str:
        """Show every text in `language` from now on; returns the language applied.

        Installing and removing translators is what sends the LanguageChange events."""
        language = i18n.normalize_language(language)
        i18n.set_language(language)  # first: widgets that retranslate ask core too
        if language == self.language:
            return language
        QLocale.setDefault(QLocale("en_US" if language == i18n.ENGLISH else language))
        for translator in self._translators:
            self._app.removeTranslator(translator)
        self._translators = []
        self.language = language
        if language != i18n.ENGLISH:
            qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            for name, folder in ((f"qtbase_{language}", qt_folder), (f"{CATALOGUE}_{language}", translations_dir())):
                translator = QTranslator(self)
                if translator.load(name, folder):
                    self._app.installTranslator(translator)
                    self._translators.append(translator)
        self.changed.emit(language)
        return language

    def choose(self, language: str) -> None:
        """View ▸ Language: switch now and remember it for the next start."""
        QSettings().setValue(SETTINGS_KEY, self.apply(language))

