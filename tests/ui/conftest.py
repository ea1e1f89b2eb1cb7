"""Fixtures for every window test: isolation from the person's settings and data, no
blocking dialogs, no leaked threads or timers, and real drag-and-drop events.

- Settings (QSettings) and the data folder (autosaves) live in a fresh temporary folder
  per test, so tests never read or change the user's state, nor each other's.
- Message boxes and file dialogs are replaced by recorders (`message_boxes`,
  `file_dialogs`): a test can queue answers and check what was shown; nothing blocks.
- A test fails when it leaves a QThread or Python thread running, or a QTimer it started
  active, after its widgets were closed (napari's conftest does the same).

Drag-and-drop and mouse helpers that act like a person are in ui_helpers.py.
"""

from __future__ import annotations

import threading
import weakref
from pathlib import Path
from typing import Any, Callable

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings, QThread, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from playground.ui.shell.gui_gc import GuiThreadCollector
from playground.ui.shell.language import LanguageSwitcher
from playground.ui.widgets.mime import settle_clipboard
from playground.ui.state.jobs import running_threads as worker_threads

StandardButton = QMessageBox.StandardButton


# ---------------------------------------------------------------- isolation

@pytest.fixture(scope="session", autouse=True)
def gui_thread_gc(qapp: QApplication):
    """Garbage is collected on the GUI thread only, as in the app (see ui/shell/gui_gc.py):
    a closed widget collected on a worker thread deadlocks Qt against the GIL."""
    collector = GuiThreadCollector(qapp)
    yield collector
    collector.uninstall()


@pytest.fixture(autouse=True)
def collected_between_tests(gui_thread_gc: GuiThreadCollector):
    """What a test left behind is collected here, on the GUI thread, when it is due."""
    yield
    gui_thread_gc.collect_due()


@pytest.fixture(autouse=True)
def settled_clipboard(qapp: QApplication):
    """A block left on the clipboard would be destroyed by Qt after Python exits (a crash)."""
    yield
    settle_clipboard()



@pytest.fixture(autouse=True)
def isolated_settings(qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """QSettings and the data folder in a temporary folder; returns the settings folder."""
    settings_dir = tmp_path / "settings"
    settings_dir.mkdir()
    QCoreApplication.setOrganizationName("CNN Playground Tests")
    QCoreApplication.setApplicationName(f"CNN Playground Test {tmp_path.name}")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(settings_dir))
        QSettings.setPath(QSettings.Format.NativeFormat, scope, str(settings_dir))
    monkeypatch.setenv("CNN_PLAYGROUND_DATA", str(tmp_path / "data"))
    return settings_dir


@pytest.fixture
def zh_CN(qapp: QApplication):  # noqa: N802 - named after the language it sets
    """The running app in Simplified Chinese for this test (Qt's catalogues and core's), as
    View ▸ Language does it; English again afterwards."""
    switcher = LanguageSwitcher.of(qapp)
    switcher.apply("zh_CN")
    yield switcher
    switcher.apply("en")


# ---------------------------------------------------------------- dialogs

class MessageBoxes:
    """Stands in for QMessageBox's static functions: records them and answers from a queue.

    Without a queued answer: Discard where offered (closing a test window never blocks),
    else No, else Ok.
    """

    def __init__(self) -> None:
        self.shown: list[tuple[str, str, str]] = []
        self.answers: list[StandardButton] = []

    def texts(self) -> list[str]:
        return [f"{title}\n{text}" for _, title, text in self.shown]

    def _answer(self, buttons: Any) -> StandardButton:
        if self.answers:
            return self.answers.pop(0)
        for choice in (StandardButton.Discard, StandardButton.No, StandardButton.Ok):
            if buttons is None or buttons & choice:
                return choice
        return StandardButton.Ok

    def fake(self, kind: str) -> Callable[..., StandardButton]:
        def show(parent: QWidget | None, title: str, text: str, buttons: Any = None, *args: Any, **kw: Any) -> Any:
            self.shown.append((kind, title, text))
            return self._answer(buttons if buttons is not None else StandardButton.Ok)
        return show


@pytest.fixture(autouse=True)
def message_boxes(monkeypatch: pytest.MonkeyPatch) -> MessageBoxes:
    boxes = MessageBoxes()
    for kind in ("question", "warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(boxes.fake(kind)))
    monkeypatch.setattr(QMessageBox, "about", staticmethod(
        lambda parent, title, text: boxes.shown.append(("about", title, text))))
    return boxes


class FileDialogs:
    """Stands in for QFileDialog's getOpenFileName/getSaveFileName: queued paths, else cancel."""

    def __init__(self) -> None:
        self.answers: list[str] = []
        self.asked: list[str] = []

    def fake(self, kind: str) -> Callable[..., tuple[str, str]]:
        def ask(*args: Any, **kw: Any) -> tuple[str, str]:
            self.asked.append(kind)
            return (self.answers.pop(0), "") if self.answers else ("", "")
        return ask


@pytest.fixture(autouse=True)
def file_dialogs(monkeypatch: pytest.MonkeyPatch) -> FileDialogs:
    dialogs = FileDialogs()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(dialogs.fake("open")))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(dialogs.fake("save")))
    return dialogs


# ---------------------------------------------------------------- leaks

def _alive(obj: Any, check: Callable[[Any], bool]) -> bool:
    try:
        return check(obj)
    except RuntimeError:  # the C++ object is gone: certainly not running
        return False


@pytest.fixture(autouse=True)
def no_leaked_threads_or_timers(monkeypatch: pytest.MonkeyPatch) -> Any:
    timers: weakref.WeakSet[QTimer] = weakref.WeakSet()
    qthreads: weakref.WeakSet[QThread] = weakref.WeakSet()
    timer_start = QTimer.start
    thread_start = QThread.start

    def start_timer(self: QTimer, *args: Any) -> None:
        timers.add(self)
        timer_start(self, *args)

    def start_thread(self: QThread, *args: Any) -> None:
        qthreads.add(self)
        thread_start(self, *args)

    monkeypatch.setattr(QTimer, "start", start_timer)
    monkeypatch.setattr(QThread, "start", start_thread)
    threads_before = set(threading.enumerate())
    yield
    app = QApplication.instance()
    if app is not None:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        app.processEvents()
    running_qthreads = [t for t in qthreads if _alive(t, lambda t: t.isRunning())]
    python_threads = [t for t in threading.enumerate() if t not in threads_before and t.is_alive()]
    active_timers = [t for t in timers if _alive(t, lambda t: t.isActive())]
    problems = []
    if running_qthreads:
        problems.append(f"QThreads still running: {running_qthreads}")
    if worker_threads():
        problems.append(f"{worker_threads()} background job(s) not joined")
    if python_threads:
        problems.append(f"Python threads still running: {python_threads}")
    if active_timers:
        names = [f"{t.objectName() or 'QTimer'} (parent {type(t.parent()).__name__})" for t in active_timers]
        problems.append(f"timers still active: {names}")
    for t in active_timers:
        t.stop()
    if problems:
        pytest.fail("the test left work running: " + "; ".join(problems))


# ---------------------------------------------------------------- the whole app

@pytest.fixture
def workbench(qtbot):
    """The whole window with every page, started as `cnn-playground` starts it, at 1280x800."""
    from playground.ui.shell.workbench import Workbench

    bench = Workbench()
    qtbot.addWidget(bench.window)
    bench.start_session()
    bench.window.resize(1280, 800)
    bench.window.show()
    qtbot.waitExposed(bench.window)
    yield bench
    bench.window.close()
