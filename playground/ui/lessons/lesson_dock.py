"""The Lessons panel as a dock of the main window, beside the editor.

The learner reads the lesson while editing on the Design page (or training on the Train
page), so the panel is a dock next to the editor rather than a page of its own, and it
stays in view on every page. Its place and visibility are part of the window's saved
layout; on the very first start it opens by itself with a welcome (`welcome_on_first_start`).
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow

from playground.ui.lessons.lesson_panel import LessonPanel
from playground.ui.lessons.trained_runs import TrainedRuns
from playground.ui.state.active_model import ModelHub
from playground.ui.state.document import DesignDocument
from playground.ui.state.training_session import TrainingSession
from playground.ui.widgets.retranslate import Retranslating

DOCK_WIDTH = 300


class LessonDock(Retranslating, QDockWidget):
    """The dock holding the `LessonPanel`; `panel` is the panel, `reveal` shows it."""

    def __init__(self, window: QMainWindow, document: DesignDocument, settings: QSettings,
                 session: TrainingSession | None = None, hub: ModelHub | None = None,
                 confirm_discard: Callable[[], bool] | None = None) -> None:
        super().__init__(window)
        self.setObjectName("lessonDock")
        self.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable
                         | QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        evidence = TrainedRuns(session, hub, self)
        self.panel = LessonPanel(document, settings, evidence, confirm_discard, self)
        self.setWidget(self.panel)
        self.retranslate_ui()
        self.panel.dismissed.connect(self.close)
        self._window = window
        # A saved layout knows where the person put it; else it goes beside the editor the
        # first time it is shown (placed while hidden, its width would widen the palette).
        self._placed = window.restoreDockWidget(self)
        if not self._placed:
            window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self)
            self.hide()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Lessons"))
        self.toggleViewAction().setText(self.tr("Lessons"))

    def _place_beside_editor(self, window: QMainWindow) -> None:
        """Between the layer palette and the editor: the text right beside the work, the
        palette and the inspector still at hand."""
        window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self)
        palette = window.findChild(QDockWidget, "paletteDock")
        if palette is not None and window.dockWidgetArea(palette) == Qt.DockWidgetArea.LeftDockWidgetArea:
            window.splitDockWidget(palette, self, Qt.Orientation.Horizontal)
        window.resizeDocks([self], [DOCK_WIDTH], Qt.Orientation.Horizontal)

    def reveal(self) -> None:
        """Help ▸ Lessons: show the panel (floating or docked) and put it on top."""
        self.show()
        if not self._placed:
            self._place_beside_editor(self._window)
            self._placed = True
        self.raise_()
        self.panel.setFocus(Qt.FocusReason.OtherFocusReason)

    def welcome_on_first_start(self) -> bool:
        """The very first start: open the panel with the welcome. True when it did."""
        progress = self.panel.progress
        if progress.welcomed:
            return False
        progress.mark_welcomed()
        self.panel.show_welcome()
        self.reveal()
        return True
