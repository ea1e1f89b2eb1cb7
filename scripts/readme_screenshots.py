"""Render the README's pictures with the app itself: the window, a training run, a drawn digit.

    QT_QPA_PLATFORM=offscreen python scripts/readme_screenshots.py [--out docs]

The window runs on throw-away settings; the training picture comes from a real two-epoch
run on the embedded digits (about half a minute on a laptop CPU), and the drawing is made
of mouse strokes, as a person would draw it.
"""

from __future__ import annotations

import argparse
import math
import os
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QPointF, QSettings, Qt  # noqa: E402
from PySide6.QtGui import QMouseEvent  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from playground.core.design import load_design  # noqa: E402
from playground.ui.shell.app import create_application, save_screenshot  # noqa: E402
from playground.ui.shell.main_window import default_design_path  # noqa: E402
from playground.ui.shell.workbench import Workbench  # noqa: E402

SIZE = (1440, 900)


def wait(app: QApplication, condition, timeout_s: float) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not get there in time")
        app.processEvents()
        time.sleep(0.01)


def stroke(canvas, points: list[tuple[float, float]]) -> None:
    """Press, drag through the points (canvas units, 0-280) and release, like a mouse."""
    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    pts = [canvas.widget_point(x, y) for x, y in points]
    for kind, pos, button, buttons in ([(QEvent.Type.MouseButtonPress, pts[0], left, left)]
                                       + [(QEvent.Type.MouseMove, p, none, left) for p in pts[1:]]
                                       + [(QEvent.Type.MouseButtonRelease, pts[-1], left, none)]):
        event = QMouseEvent(kind, QPointF(pos), canvas.mapToGlobal(QPointF(pos)), button, buttons,
                            Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(canvas, event)


def two() -> list[tuple[float, float]]:
    """A handwritten 2: an arc over the top, a diagonal, a base line."""
    arc = [(140 + 60 * math.cos(a), 95 - 50 * math.sin(a)) for a in [math.pi * (1 - t / 20) for t in range(21)]]
    arc += [(200 - 8 * t, 95 + 12 * t) for t in range(1, 11)]
    down = [(arc[-1][0] + (75 - arc[-1][0]) * t / 12, arc[-1][1] + (230 - arc[-1][1]) * t / 12) for t in range(1, 13)]
    base = [(75 + 12 * t, 230) for t in range(1, 12)]
    return arc + down + base


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="docs", help="folder for the PNGs")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    app = create_application()
    save_screenshot(out / "window.png")

    with tempfile.TemporaryDirectory(prefix="cnn-playground-readme-") as scratch:
        settings = QSettings(str(Path(scratch) / "settings.ini"), QSettings.Format.IniFormat)
        bench = Workbench(settings=settings, data_dir=Path(scratch) / "data")
        window = bench.window
        window.document.open_design(load_design(default_design_path().with_name("lenet5_relu.json")))
        window.resize(*SIZE)
        window.show()

        window.tabs.setCurrentIndex(bench.draw_page)
        wait(app, lambda: bench.draw.canvas.isVisible(), 5)
        stroke(bench.draw.canvas, two())
        wait(app, lambda: bench.draw.prediction_label.text() == "2", 10)
        for _ in range(20):
            app.processEvents()
        window.grab().save(str(out / "draw_digit.png"))

        window.tabs.setCurrentIndex(bench.train_page)
        panel = bench.training
        wait(app, lambda: panel.train_button.isEnabled(), 30)
        panel.settings.epochs.setValue(2)
        panel.start_training()
        wait(app, lambda: panel.is_training, 30)
        wait(app, lambda: not panel.is_training, 600)
        for _ in range(30):
            app.processEvents()
        window.grab().save(str(out / "train.png"))
        window.close()
    save_screenshot(out / "window_zh_CN.png", language="zh_CN")  # last: it leaves the app in Chinese
    print(f"wrote {out / 'window.png'}, {out / 'draw_digit.png'}, {out / 'train.png'}, {out / 'window_zh_CN.png'}")


if __name__ == "__main__":
    main()
