"""Render the README's pictures of block previews and the network overview.

    QT_QPA_PLATFORM=offscreen python scripts/preview_screenshots.py [--out docs]

The pretrained default model's own design is opened, so the previews use its trained
weights; a handwritten 2 is drawn on the Draw page with mouse strokes, and both the
design editor's previews and the Draw page's network overview show that digit.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path[:0] = [str(Path(__file__).resolve().parents[1]), str(Path(__file__).resolve().parent)]  # this checkout

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QSplitter  # noqa: E402

from playground.ui.shell.app import create_application  # noqa: E402
from playground.ui.shell.workbench import Workbench  # noqa: E402
from readme_screenshots import stroke, two, wait  # noqa: E402

SIZE = (1440, 980)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="docs", help="folder for the PNGs")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    app = create_application()
    with tempfile.TemporaryDirectory(prefix="cnn-playground-previews-") as scratch:
        settings = QSettings(str(Path(scratch) / "settings.ini"), QSettings.Format.IniFormat)
        bench = Workbench(settings=settings, data_dir=Path(scratch) / "data")
        window = bench.window
        window.document.open_design(bench.hub.active.design)  # the trained network's design: trained previews
        window.resize(*SIZE)
        window.show()

        draw = bench.draw
        window.tabs.setCurrentIndex(bench.draw_page)
        draw.tabs.setCurrentWidget(draw.overview)
        splitter = draw.findChild(QSplitter)
        splitter.setSizes([330, 280, 830])  # room for every column of the overview
        wait(app, lambda: draw.canvas.isVisible(), 5)
        stroke(draw.canvas, two())
        wait(app, lambda: draw.prediction_label.text() == "2" and bool(draw.overview.canvas.tiles), 10)
        for _ in range(20):
            app.processEvents()
        window.grab().save(str(out / "overview.png"))

        window.tabs.setCurrentIndex(0)
        wait(app, lambda: not bench.previews.busy and not bench.previews.stale and bench.previews.latest, 30)
        for _ in range(20):
            app.processEvents()
        window.grab().save(str(out / "previews.png"))
        window.document.undo_stack.setClean()
        window.close()
    print(f"wrote {out / 'previews.png'}, {out / 'overview.png'}")


if __name__ == "__main__":
    main()
