"""The whole application: the design window plus the Train, Draw and Kernel slide pages,
all looking at one active model.

The wiring lives here rather than in MainWindow, so the editor window stays testable on
its own and every page stays a standalone widget. The state lives in two models of
playground.ui.state: the active model (`ModelHub`: what is active, saving and loading
checkpoints, an opened design's untrained network on offer) and the training session
(`TrainingSession`: the run, its history, the runs of this window). What is wired: the
drawing feeds the kernel slide; the session publishes trained networks to the active
model; opening another design offers its network, built when the Draw or Kernel slide
page shows; File > Save/Load Model ask for a file and hand it to the active model; a
running training is asked to stop before the window closes or the design is replaced.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QFileDialog, QFrame, QScrollArea, QWidget

from playground.ui.widgets import style
from playground.ui.shell.actions import TRAIN_PAGE, WORKBENCH_ACTIONS
from playground.ui.shell.import_dialog import ImportModelCommand, open_untitled
from playground.ui.slide.slide_page import KernelSlidePage
from playground.ui.draw.draw_panel import DrawPanel
from playground.ui.lessons.lesson_dock import LessonDock
from playground.ui.shell.main_window import MainWindow, file_stem
from playground.ui.state.active_model import ModelHub
from playground.ui.state.previews import BlockPreviews
from playground.ui.state.training_session import TrainingSession
from playground.ui.train.torchrun_dialog import TorchrunCommand
from playground.ui.train.training_panel import TrainingPanel

MODEL_FILTER = "Models (*.pt);;All files (*)"
FOLLOW_DELAY_MS = 300  # an edit is followed once the person pauses this long


def _scrollable(page: QWidget) -> QScrollArea:
    """A page that scrolls rather than forcing its minimum width on the whole window (the
    tab widget is as wide as its widest page, even while the Design page shows)."""
    area = QScrollArea()
    area.setWidget(page)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    return area


class Workbench:
    """Builds the window with all pages; `window` is what the app shows."""

    def __init__(self, settings: QSettings | None = None, data_dir: Path | None = None) -> None:
        self.hub = ModelHub()
        self.window = MainWindow(hub=self.hub, settings=settings, data_dir=data_dir)
        self.hub.setParent(self.window)
        self.session = TrainingSession(self.hub, self.window)
        self.training = TrainingPanel(self.window.document, self.hub, self.window, session=self.session)
        self.draw = DrawPanel(self.hub, self.window)
        self.slide = KernelSlidePage(self.hub, self.window)
        window = self.window
        self.train_page = window.add_page("Train", _scrollable(self.training), style.icon("train"),
                                          "Train the design with live plots")
        self.draw_page = window.add_page("Draw", _scrollable(self.draw), style.icon("draw"),
                                         "Draw a digit and watch the network classify it")
        self.slide_page = window.add_page("Kernel slide", _scrollable(self.slide), style.icon("slide"),
                                          "Watch a kernel slide over your digit, multiply-add by multiply-add")
        self.importer = ImportModelCommand(window, self.hub)
        self.torchrun = TorchrunCommand(self.training, window)
        self.training.runs.openDesignRequested.connect(lambda design: open_untitled(window, design, design.name))
        self.previews = BlockPreviews(window.document, self.hub, window)
        window.editor.set_previews(self.previews)
        self.lessons_dock = LessonDock(window, window.document, window.settings, self.session, self.hub,
                                       window.confirm_discard)
        self.lessons_dock.panel.pageRequested.connect(window.show_page)
        self._add_model_actions()
        self.actions["show_previews"].setChecked(self.previews.shown)
        self.previews.shownChanged.connect(self.actions["show_previews"].setChecked)

        self.draw.inputChanged.connect(self.slide.set_input)
        self.draw.inputChanged.connect(self.previews.set_sample)
        self.draw.overview.openInSlide.connect(self.open_in_slide)
        self.draw.trainRequested.connect(lambda: window.tabs.setCurrentIndex(self.train_page))
        self.training.message.connect(self._on_training_message)
        window.add_leave_guard(self.training.ask_to_stop)
        window.closing.connect(self._on_closing)
        self._follow_timer = QTimer(window, singleShot=True, interval=FOLLOW_DELAY_MS)
        self._follow_timer.timeout.connect(self.follow_edit_now)
        self.use_default_model()

    def start_session(self, design_path: str | Path | None = None) -> None:
        """Open what a normal start shows; from then on, opening a design offers its network."""
        self.window.start_session(design_path)
        self.lessons_dock.welcome_on_first_start()
        document = self.window.document
        self.hub.set_followed(document.design)
        document.opened.connect(self._on_design_opened)
        document.designChanged.connect(lambda _design: self._follow_timer.start())
        self.window.tabs.currentChanged.connect(self._build_offered_if_shown)
        if design_path is not None:  # the design asked for is the one the pages show
            self._on_design_opened()

    def follow_edit_now(self) -> None:
        """The pages follow the edited design: its network, with the trained weights that
        still fit, is offered and built once a page that shows it is open."""
        self._follow_timer.stop()
        self.hub.follow_edit(self.window.document.design)
        self._build_offered_if_shown()

    # ------------------------------------------------------------ the active model

    def use_default_model(self) -> None:
        """The shipped pretrained network, so drawing works before any training."""
        problem = self.hub.use_default()
        if problem:
            self.window.statusBar().showMessage(f"The pretrained model could not be loaded: {problem}", 10000)

    def _on_design_opened(self) -> None:
        """A different design has no trained weights yet; its fresh network is offered, and
        built once a page that shows the active model is open."""
        self._follow_timer.stop()
        self.hub.offer_untrained(self.window.document.design)
        self._build_offered_if_shown()

    def _build_offered_if_shown(self, *_args: object) -> None:
        if self.hub.offered is not None and self.window.tabs.currentIndex() in (self.draw_page, self.slide_page):
            problem = self.hub.build_offered()
            if problem:
                self.window.statusBar().showMessage(problem, 10000)

    def _on_training_message(self, text: str, _kind: str) -> None:
        """The Train page shows its messages itself; elsewhere the status bar repeats them."""
        if self.window.tabs.currentIndex() != self.train_page:
            self.window.statusBar().showMessage(text, 8000)

    def open_in_slide(self, block_id: str, channel: int) -> None:
        """A convolution tile of the Draw page's network overview: slide that kernel."""
        self.window.tabs.setCurrentIndex(self.slide_page)
        self.slide.select_block_and_channel(block_id, channel)

    def toggle_previews(self) -> None:
        """View ▸ Block previews: the person's choice overrides the automatic one."""
        self.previews.set_shown(self.actions["show_previews"].isChecked())

    # ------------------------------------------------------------ File > Save Model / Load Model

    def _add_model_actions(self) -> None:
        """The app's own commands of the action table (model files, Ctrl+1…4 for the pages,
        Ctrl+T / Ctrl+. for training) join the window's menus and shortcut list."""
        self.window.name_pages({TRAIN_PAGE: self.train_page, "draw": self.draw_page, "slide": self.slide_page})
        self.actions = self.window.install_actions(WORKBENCH_ACTIONS, self)

    def save_model_dialog(self) -> bool:
        active = self.hub.active
        name = file_stem(active.design.name if active else "", "model")
        path, _ = QFileDialog.getSaveFileName(self.window, "Save model", str(Path.home() / f"{name}.pt"),
                                              MODEL_FILTER)
        if not path:
            return False
        path = path if path.endswith(".pt") else path + ".pt"
        if not self.hub.save_model(path):
            return False
        if active is not None:
            self.session.note_saved(active.model, path)  # the run history can then load it
        return True

    def load_model_dialog(self) -> bool:
        path, _ = QFileDialog.getOpenFileName(self.window, "Load model", str(Path.home()), MODEL_FILTER)
        return bool(path) and self.hub.load_model(path) is not None

    # ------------------------------------------------------------ closing

    def _on_closing(self) -> None:
        """Pages stop their threads and timers in their close events; a closing window does
        not send those to its children, so send them now."""
        for page in (self.training, self.draw, self.slide):
            page.close()
        self.previews.shutdown()
