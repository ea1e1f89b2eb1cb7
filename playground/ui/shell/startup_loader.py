"""The slow half of a start, on a worker thread: importing torch and the modules of the
pages that need it, and loading the pretrained default network.

The window is painted first (the Design page needs no torch); then `StartupLoader.start`
runs `StartupLoad` on a `BackgroundJob`. The worker only imports Python modules and reads
the checkpoint, touching no QObject; widgets are built by the GUI thread when `loaded`
arrives. `wait` finishes the load at once on the calling thread's behalf (the screenshot,
tests that need the finished window).
"""

from __future__ import annotations

import importlib

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal

from playground.core.events import Callback, Event, FailedEvent
from playground.ui.state.active_model import ActiveModel, load_default
from playground.ui.state.jobs import BackgroundJob

# What the Train, Draw and Kernel slide pages import that costs time: torch itself and the
# core modules that bring in its heavier parts (data loading, torchvision, the trainer).
# Imported here, off the GUI thread, so building the pages afterwards is quick.
PRELOADED_MODULES: tuple[str, ...] = (
    "torch",
    "playground.core.trainer",
    "playground.core.datasets",
    "playground.core.block_preview",
    "playground.core.sliding",
)


class StartupLoad:
    """The job: import the modules, then load the default network (or say why not)."""

    def run(self) -> ActiveModel | str:
        for name in PRELOADED_MODULES:
            importlib.import_module(name)
        return load_default()

    def stop(self) -> None:
        """An import cannot be cut short; the load ends by itself."""


class StartupLoader(QObject):
    """Runs the load once; `loaded` carries the default network, or why it could not be loaded."""

    loaded = Signal(object)  # ActiveModel | str, on the GUI thread

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._job = BackgroundJob(self)
        self._job.update.connect(self._on_update)
        self._job.finished.connect(self._on_finished)
        self._started = False
        self._failure = ""

    @property
    def started(self) -> bool:
        return self._started

    def start(self) -> None:
        """Begin loading on the worker thread (again: nothing)."""
        if self._started:
            return
        self._started = True

        def factory(_callback: Callback) -> StartupLoad:
            return StartupLoad()

        self._job.start(factory)

    def wait(self) -> None:
        """Start if need be and block until the load has ended; `loaded` has fired when this returns."""
        self.start()
        thread = self._job.thread
        if thread is not None:
            thread.wait()  # no time limit: an import cannot be interrupted anyway
        # The worker's last events (a failure's message, the thread's end) wait in the
        # queue: deliver them now, then `shutdown` announces the end if they did not.
        QCoreApplication.sendPostedEvents(self._job, QEvent.Type.MetaCall)
        self._job.shutdown()

    def _on_update(self, event: Event) -> None:
        if isinstance(event, FailedEvent):
            self._failure = event.message

    def _on_finished(self, result: ActiveModel | str | None) -> None:
        if result is None:  # the job raised: its one line came as a FailedEvent (traceback on stderr)
            result = self._failure or self.tr("loading failed (the terminal shows why)")
        self.loaded.emit(result)
