"""How long from starting the app's process to the first paint of its window, and to a
model that the Draw and Kernel slide pages can use?

    .venv/bin/python benchmarks/startup.py [--runs 5]

Each run is a fresh Python process (so nothing is imported or cached in memory yet, as
when a person starts `cnn-playground`) that builds the window as `run_gui` does (torch and
the pages that need it load in the background after the first paint), on throwaway
settings and data folders, and reports two moments measured from the moment the parent
started it: the first paint event of the main window, and the moment the pages that need
torch are built and the active model is set (the shipped pretrained network). Also:
whether torch was already imported at the first paint, and the child's peak memory
(ru_maxrss) at the first paint and at the end. Printed: the median and the range over the
runs (target here: first paint under 1.2 s). Numbers are measured, never asserted; the
load average is printed because a shared machine slows every start.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

# The child: as small as run_gui, plus an event filter that notes the first paint.
CHILD = r"""
import json, os, resource, sys, tempfile, time
from pathlib import Path
from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from playground.ui.shell.app import create_application
from playground.ui.shell.workbench import Workbench

marks = {}
app = create_application()

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and "paint" not in marks:
            marks["paint"] = time.time()
            marks["torch_at_paint"] = "torch" in sys.modules
            marks["maxrss_paint_kib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return False

def check():
    if "ready" not in marks and workbench.ready() and workbench.hub.active is not None:
        marks["ready"] = time.time()
    if "paint" in marks and "ready" in marks:
        marks["maxrss_kib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(json.dumps(marks), flush=True)
        app.quit()

scratch = tempfile.mkdtemp(prefix="cnn-playground-startup-")
workbench = Workbench(settings=QSettings(os.path.join(scratch, "s.ini"), QSettings.Format.IniFormat),
                      data_dir=Path(scratch) / "data", background=True)
workbench.start_session()
window = workbench.window
paint_filter = FirstPaint()
window.installEventFilter(paint_filter)
window.resize(1280, 800)
window.show()
poll = QTimer()
poll.timeout.connect(check)
poll.start(5)
app.exec()
os._exit(0)
"""


def one_run() -> dict[str, float]:
    env = dict(os.environ, PYTHONPATH=str(REPO), QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    started = time.time()
    done = subprocess.run([sys.executable, "-c", CHILD], env=env, cwd=REPO, capture_output=True, text=True,
                          check=True)
    marks = json.loads(done.stdout.strip().splitlines()[-1])
    return {"paint": marks["paint"] - started, "ready": marks["ready"] - started,
            "torch_at_paint": marks["torch_at_paint"], "maxrss_mib": marks["maxrss_kib"] / 1024,
            "maxrss_paint_mib": marks["maxrss_paint_kib"] / 1024}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.2f}; {args.runs} fresh processes")
    runs = [one_run() for _ in range(args.runs)]
    for key, title in (("paint", "process start -> first paint"), ("ready", "process start -> model ready")):
        values = [r[key] for r in runs]
        print(f"{title}: median {statistics.median(values):.2f} s (min {min(values):.2f}, max {max(values):.2f})")
    print(f"torch imported before the first paint: {sum(bool(r['torch_at_paint']) for r in runs)} of {len(runs)} runs")
    print(f"peak memory at the first paint: median {statistics.median(r['maxrss_paint_mib'] for r in runs):.0f} MiB; "
          f"once the model is ready: median {statistics.median(r['maxrss_mib'] for r in runs):.0f} MiB")


if __name__ == "__main__":
    main()
