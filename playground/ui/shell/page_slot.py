"""A page's place in the main window while the page cannot be built yet.

The Train, Draw and Kernel slide pages need torch, which takes the longest part of a
start to import; the window opens without it. Until their page is built, their tab shows
a "Loading…" note in a `PageSlot`; `set_page` then swaps the page in, in the same tab, so
the tab's index, title and the page the person is on stay as they were.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QStackedWidget, QWidget

from playground.ui.widgets import style
from playground.ui.widgets.retranslate import Retranslating


class PageSlot(Retranslating, QStackedWidget):
    """A tab's content: the loading note until `set_page`, then the page itself."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pageSlot")
        self.placeholder: QLabel | None = QLabel(self)
        self.placeholder.setObjectName("pageLoading")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setStyleSheet(f"color: {style.MUTED};")
        self.addWidget(self.placeholder)
        self._page: QWidget | None = None
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        if self.placeholder is not None:
            self.placeholder.setText(self.tr("Loading…"))

    @property
    def page(self) -> QWidget | None:
        """The page, once it is built."""
        return self._page

    @property
    def loading(self) -> bool:
        return self._page is None

    def set_page(self, page: QWidget) -> None:
        """Show `page` instead of the loading note (once)."""
        if self._page is not None:
            raise RuntimeError("this slot already holds its page")
        self._page = page
        self.addWidget(page)
        self.setCurrentWidget(page)
        placeholder, self.placeholder = self.placeholder, None
        if placeholder is not None:
            self.removeWidget(placeholder)
            placeholder.deleteLater()
