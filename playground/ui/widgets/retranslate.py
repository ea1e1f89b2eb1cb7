"""Live language switching for a widget: its texts are set again when the language changes.

Installing or removing a QTranslator sends every widget a LanguageChange event. A widget
that inherits `Retranslating` (before its Qt class: `class Foo(Retranslating, QWidget)`)
and keeps every text it sets in `retranslate_ui()` follows the switch without a restart.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent


class Retranslating:
    """Calls `retranslate_ui()` on Qt's LanguageChange event; the widget calls it once itself
    at the end of __init__."""

    def retranslate_ui(self) -> None:
        raise NotImplementedError(f"{type(self).__name__} sets its texts in retranslate_ui()")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)  # type: ignore[misc]
