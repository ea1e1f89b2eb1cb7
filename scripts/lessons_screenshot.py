"""Render the README's Lessons picture: the padding lesson solved, the panel beside the editor.

    QT_QPA_PLATFORM=offscreen python scripts/lessons_screenshot.py [--out docs/lessons.png]

The window runs on throw-away settings at 1280 x 800; the lesson is opened from the panel
and solved with padding 2 on the first convolution, so the panel shows the explanation
with the window's own numbers.
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings  # noqa: E402

from playground.ui.shell.app import SCREENSHOT_SIZE, create_application  # noqa: E402
from playground.ui.shell.workbench import Workbench  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="docs/lessons.png", help="the PNG to write")
    args = parser.parse_args()
    app = create_application()
    with tempfile.TemporaryDirectory(prefix="cnn-playground-lessons-") as scratch:
        settings = QSettings(str(Path(scratch) / "settings.ini"), QSettings.Format.IniFormat)
        bench = Workbench(settings=settings, data_dir=Path(scratch) / "data")
        window, panel = bench.window, bench.lessons_dock.panel
        window.resize(*SCREENSHOT_SIZE)
        window.show()
        bench.lessons_dock.reveal()
        panel.open_lesson("padding")
        conv = window.document.design.layers[0].id
        window.document.set_param(conv, "padding", 2)
        window.document.select(conv)
        panel.check_now()
        for _ in range(10):
            app.processEvents()
        window.grab().save(args.out)
        window.save_as(Path(scratch) / "padding.json")  # saved: closing asks nothing
        window.close()
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
