"""Starting the application: the QApplication, the window, and the screenshot mode.

`run_gui` is what `cnn-playground` runs. `save_screenshot` opens the window on throwaway
settings and data folders (so neither the person's last session nor an autosave changes
what it shows, and it leaves nothing of theirs changed), loads the opening design with its first
convolution selected, renders it and writes a PNG.
"""

from __future__ import annotations

import signal
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEventLoop, QSettings
from PySide6.QtWidgets import QApplication

from playground import __version__
from playground.core.design import walk
from playground.core.fileio import check_writable
from playground.ui.shell.gui_gc import GuiThreadCollector
from playground.ui.shell.language import LanguageSwitcher, initial_language, system_language
from playground.ui.widgets.mime import settle_clipboard
from playground.ui.widgets.png_file import write_png
from playground.ui.widgets.style import apply_style

if TYPE_CHECKING:
    from playground.ui.shell.workbench import Workbench

ORGANIZATION = "CNN Playground"
APPLICATION = "cnn-playground"
SCREENSHOT_SIZE = (1280, 800)


def create_application(argv: list[str] | None = None, language: str | None = None) -> QApplication:
    """The one QApplication, named (for settings and data folders), styled, and speaking
    `language` (None: the one chosen last time in View ▸ Language, else the system's)."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    QCoreApplication.setApplicationVersion(__version__)
    apply_style(app)  # type: ignore[arg-type]
    LanguageSwitcher.of(app).apply(initial_language(language))
    app.aboutToQuit.connect(settle_clipboard)
    if app.findChild(GuiThreadCollector) is None:  # workers must never run Qt destructors
        collector = GuiThreadCollector(app)
        app.aboutToQuit.connect(collector.uninstall)
    return app  # type: ignore[return-value]


def run_gui(design_path: str | None = None, language: str | None = None) -> int:
    """Open the window (restoring the last session) and run until it closes."""
    from playground.ui.shell.workbench import Workbench

    app = create_application(language=language)
    # Ctrl+C in the terminal ends the app at once; autosave has the unsaved work.
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    workbench = Workbench()
    workbench.start_session(design_path)  # before showing: no flash of the default design
    workbench.window.show()
    return app.exec()


PREVIEW_WAIT_S = 10.0


def _wait_for_previews(app: QApplication, bench: "Workbench") -> None:
    """The block previews are worked out on a background thread; the picture shows them
    landed (up to PREVIEW_WAIT_S on a slow machine), as a person sees the window a moment
    after it opens."""
    deadline = time.monotonic() + PREVIEW_WAIT_S
    previews = bench.previews
    while previews.shown and (previews.busy or previews.stale) and time.monotonic() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)
    app.processEvents()


def save_screenshot(path: str | Path, design_path: str | None = None,
                    size: tuple[int, int] = SCREENSHOT_SIZE, language: str | None = None) -> Path:
    """Render the window with a design (default: the opening design) and its first convolution selected,
    in `language` (None: the system's; a language picked in the window is not used here).

    Raises DesignError for a bad design and WriteError when the PNG cannot be written
    (checked before rendering too, so a pipe, a link or a read-only file fails at once).
    """
    from playground.ui.shell.workbench import Workbench

    target = Path(path)
    check_writable(target)
    app = create_application(language=language or system_language())
    with tempfile.TemporaryDirectory(prefix="cnn-playground-shot-") as scratch:
        settings = QSettings(str(Path(scratch) / "settings.ini"), QSettings.Format.IniFormat)
        bench = Workbench(settings=settings, data_dir=Path(scratch) / "data")
        window = bench.window
        if design_path:  # else the window opened the default example itself
            window.document.load(design_path)
        window.resize(*size)
        window.show()
        app.processEvents()
        first_conv = next((b.id for _, b in walk(window.document.design) if b.type == "Conv2d"), "")
        window.document.select(first_conv)
        for _ in range(3):
            app.processEvents()
        _wait_for_previews(app, bench)
        image = window.grab()
        window.close()
        window.deleteLater()
        app.processEvents()
    write_png(target, image)
    return target

