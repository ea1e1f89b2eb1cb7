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

A start comes in two halves. The window with the Design page, its docks, menus and the
Lessons dock is built without torch. The pages that need torch (Train, Draw, Kernel
slide), the block previews and the commands that act on a network follow once
`StartupLoader` has imported torch and loaded the pretrained default: at once
(`background=False`, the default), or on a worker thread after the window's first paint
(`background=True`, what `cnn-playground` does), their tabs saying "Loading…" meanwhile
and those commands off. `wait_until_ready` finishes a background start at once.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, QSettings, QTimer
from PySide6.QtWidgets import QFileDialog, QFrame, QScrollArea, QWidget

from playground.ui.widgets import style
from playground.ui.shell.actions import TRAIN_PAGE, WORKBENCH_ACTIONS
from playground.ui.shell.import_dialog import ImportModelCommand, open_untitled
from playground.ui.lessons.lesson_dock import LessonDock
from playground.ui.shell.main_window import MainWindow, file_stem
from playground.ui.shell.page_slot import PageSlot
from playground.ui.shell.startup_loader import StartupLoad, StartupLoader
from playground.ui.state.active_model import ActiveModel, ModelHub
from playground.ui.state.training_session import TrainingSession

if TYPE_CHECKING:  # the pages import torch: they are imported once it is loaded (_build_pages)
    from playground.ui.draw.draw_panel import DrawPanel
    from playground.ui.slide.slide_page import KernelSlidePage
    from playground.ui.state.previews import BlockPreviews
    from playground.ui.train.torchrun_dialog import TorchrunCommand
    from playground.ui.train.training_panel import TrainingPanel

MODEL_FILTER = QT_TRANSLATE_NOOP("Workbench", "Models (*.pt);;All files (*)")
FOLLOW_DELAY_MS = 300  # an edit is followed once the person pauses this long


def _scrollable(page: QWidget) -> QScrollArea:
    """A page that scrolls rather than forcing its minimum width on the whole window (the
    tab widget is as wide as its widest page, even while the Design page shows)."""
    area = QScrollArea()
    area.setWidget(page)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    return area


class _FirstPaint(QObject):
    """Calls `then` once, just after the watched window's first paint."""

    def __init__(self, watched: QWidget, then: Callable[[], None]) -> None:
        super().__init__(watched)
        self._then = then
        watched.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._then)  # after this paint has reached the screen
        return False


class Workbench:
    """Builds the window with all pages; `window` is what the app shows.

    With `background=True` the pages that need torch are built after the window's first
    paint (`ready()` says when); `training`, `draw`, `slide`, `previews` and `torchrun` are
    None until then.
    """

    def __init__(self, settings: QSettings | None = None, data_dir: Path | None = None, *,
                 background: bool = False) -> None:
        self.hub = ModelHub()
        self.window = MainWindow(hub=self.hub, settings=settings, data_dir=data_dir)
        self.hub.setParent(self.window)
        self.session = TrainingSession(self.hub, self.window)
        self.training: TrainingPanel | None = None
        self.draw: DrawPanel | None = None
        self.slide: KernelSlidePage | None = None
        self.previews: BlockPreviews | None = None
        self.torchrun: TorchrunCommand | None = None
        self._ready = False
        self._closed = False
        self._session_started = False
        self._opened_while_loading = False  # a design was opened before its network could be offered
        window = self.window
        self.slots = {TRAIN_PAGE: PageSlot(), "draw": PageSlot(), "slide": PageSlot()}
        self.train_page = window.add_page(QT_TRANSLATE_NOOP("Pages", "Train"), self.slots[TRAIN_PAGE],
                                          style.icon("train"),
                                          QT_TRANSLATE_NOOP("Pages", "Train the design with live plots"))
        self.draw_page = window.add_page(QT_TRANSLATE_NOOP("Pages", "Draw"), self.slots["draw"], style.icon("draw"),
                                         QT_TRANSLATE_NOOP("Pages", "Draw a digit and watch the network classify it"))
        self.slide_page = window.add_page(
            QT_TRANSLATE_NOOP("Pages", "Kernel slide"), self.slots["slide"], style.icon("slide"),
            QT_TRANSLATE_NOOP("Pages", "Watch a kernel slide over your digit, multiply-add by multiply-add"))
        self.importer = ImportModelCommand(window, self.hub)
        self.lessons_dock = LessonDock(window, window.document, window.settings, self.session, self.hub,
                                       window.confirm_discard)
        self.lessons_dock.panel.pageRequested.connect(window.show_page)
        self._add_model_actions()
        window.closing.connect(self._on_closing)
        self._follow_timer = QTimer(window, singleShot=True, interval=FOLLOW_DELAY_MS)
        self._follow_timer.timeout.connect(self.follow_edit_now)
        self.loader = StartupLoader(window)
        self.loader.loaded.connect(self._on_loaded)
        if background:
            _FirstPaint(window, self._start_loading)
        else:
            self._on_loaded(StartupLoad().run())

    # ------------------------------------------------------------ the second half of a start

    def ready(self) -> bool:
        """The pages that need torch are built and the commands on a network are on."""
        return self._ready

    def _start_loading(self) -> None:
        if not self._closed:  # a window closed before its first paint had settled loads nothing
            self.loader.start()

    def wait_until_ready(self) -> None:
        """Finish the start now: load torch and the default (if not done yet) and build the pages."""
        if not self._ready:
            self.loader.wait()

    def _on_loaded(self, default: ActiveModel | str) -> None:
        """Torch and the default network are loaded: build the pages into their slots, wire
        them, make the default active and catch up with what the person did meanwhile."""
        if self._ready or self._closed:
            return
        self._build_pages()
        self._wire_pages()
        if isinstance(default, ActiveModel):
            self.hub.set_active(default)
        else:
            message = QCoreApplication.translate("Workbench", "The pretrained model could not be loaded: {problem}")
            self.window.statusBar().showMessage(message.format(problem=default), 10000)
        self._ready = True
        self.actions.refresh()
        self.actions["show_previews"].setChecked(self.previews.shown)
        if self._session_started:  # the network follows the design the window shows now
            if self._opened_while_loading:
                self._on_design_opened()
            else:
                self.follow_edit_now()

    def _build_pages(self) -> None:
        from playground.ui.draw.draw_panel import DrawPanel
        from playground.ui.slide.slide_page import KernelSlidePage
        from playground.ui.state.previews import BlockPreviews
        from playground.ui.train.torchrun_dialog import TorchrunCommand
        from playground.ui.train.training_panel import TrainingPanel

        window = self.window
        self.training = TrainingPanel(window.document, self.hub, window, session=self.session)
        self.draw = DrawPanel(self.hub, window)
        self.slide = KernelSlidePage(self.hub, window)
        self.slots[TRAIN_PAGE].set_page(_scrollable(self.training))
        self.slots["draw"].set_page(_scrollable(self.draw))
        self.slots["slide"].set_page(_scrollable(self.slide))
        self.torchrun = TorchrunCommand(self.training, window)
        self.previews = BlockPreviews(window.document, self.hub, window)
        window.editor.set_previews(self.previews)

    def _wire_pages(self) -> None:
        window = self.window
        self.training.runs.openDesignRequested.connect(lambda design: open_untitled(window, design, design.name))
        self.previews.shownChanged.connect(self.actions["show_previews"].setChecked)
        self.draw.inputChanged.connect(self.slide.set_input)
        self.draw.inputChanged.connect(self.previews.set_sample)
        self.draw.overview.openInSlide.connect(self.open_in_slide)
        self.draw.trainRequested.connect(lambda: window.tabs.setCurrentIndex(self.train_page))
        self.training.message.connect(self._on_training_message)
        window.add_leave_guard(self.training.ask_to_stop)

    def start_session(self, design_path: str | Path | None = None) -> None:
        """Open what a normal start shows; from then on, opening a design offers its network."""
        self.window.start_session(design_path)
        self._session_started = True
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
        still fit, is offered and built once a page that shows it is open. Before the
        default network has loaded, nothing: the pages follow once it has."""
        self._follow_timer.stop()
        if not self._ready:
            return
        self.hub.follow_edit(self.window.document.design)
        self._build_offered_if_shown()

    # ------------------------------------------------------------ the active model

    def _on_design_opened(self) -> None:
        """A different design has no trained weights yet; its fresh network is offered, and
        built once a page that shows the active model is open."""
        self._follow_timer.stop()
        if not self._ready:
            self._opened_while_loading = True
            return
        self.hub.offer_untrained(self.window.document.design)
        self._build_offered_if_shown()

    def _build_offered_if_shown(self, *_args: object) -> None:
        shown = self.window.tabs.currentIndex() in (self.draw_page, self.slide_page)
        if self._ready and self.hub.offered is not None and shown:
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

    def press_train(self) -> None:
        """Ctrl+T: the Train page's Train (pause, resume) button."""
        self.training.train_button.click()

    def press_stop(self) -> None:
        """Ctrl+.: the Train page's Stop button."""
        self.training.stop_button.click()

    def open_torchrun(self) -> None:
        """Train ▸ Run on Several GPUs/Machines…"""
        self.torchrun.open()

    # ------------------------------------------------------------ File > Save Model / Load Model

    def _add_model_actions(self) -> None:
        """The app's own commands of the action table (model files, Ctrl+1…4 for the pages,
        Ctrl+T / Ctrl+. for training) join the window's menus and shortcut list."""
        self.window.name_pages({TRAIN_PAGE: self.train_page, "draw": self.draw_page, "slide": self.slide_page})
        self.actions = self.window.install_actions(WORKBENCH_ACTIONS, self)

    def save_model_dialog(self) -> bool:
        active = self.hub.active
        name = file_stem(active.design.name if active else "", "model")
        path, _ = QFileDialog.getSaveFileName(self.window, QCoreApplication.translate("Workbench", "Save model"),
                                              str(Path.home() / f"{name}.pt"),
                                              QCoreApplication.translate("Workbench", MODEL_FILTER))
        if not path:
            return False
        path = path if path.endswith(".pt") else path + ".pt"
        if not self.hub.save_model(path):
            return False
        if active is not None:
            self.session.note_saved(active.model, path)  # the run history can then load it
        return True

    def load_model_dialog(self) -> bool:
        path, _ = QFileDialog.getOpenFileName(self.window, QCoreApplication.translate("Workbench", "Load model"),
                                              str(Path.home()), QCoreApplication.translate("Workbench", MODEL_FILTER))
        return bool(path) and self.hub.load_model(path) is not None

    # ------------------------------------------------------------ closing

    def _on_closing(self) -> None:
        """Pages stop their threads and timers in their close events; a closing window does
        not send those to its children, so send them now. A start still loading is waited
        for (an import cannot be cut short) and builds nothing more."""
        self._closed = True
        if not self._ready:
            if self.loader.started:
                self.loader.wait()
            return
        for page in (self.training, self.draw, self.slide):
            page.close()
        self.previews.shutdown()
