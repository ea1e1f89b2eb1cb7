"""A start in two halves: the window paints before torch is imported, then the pages that
need torch load in the background and swap in for their "Loading…" notes.

Nothing here measures time (benchmarks/startup.py does); the subprocess timeout only
stops a hang.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from playground.core.design import load_design, new_block
from playground.paths import example_paths
from playground.ui.shell.actions import TRAIN_PAGE
from playground.ui.shell.workbench import Workbench
from playground.ui.state.active_model import DEFAULT_SOURCE

REPO = Path(__file__).resolve().parents[3]
NETWORK_COMMANDS = ("save_model", "load_model", "import_model", "show_previews", "distributed")

# A fresh process started as `cnn-playground` starts (run_gui's steps, throwaway folders):
# what was there at the first paint of the main window, and what the pages show once ready.
CHILD = r"""
import json, os, sys, tempfile
from pathlib import Path
from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from playground.ui.shell.app import create_application
from playground.ui.shell.workbench import Workbench

app = create_application()
seen = {}

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and "torch_at_paint" not in seen:
            seen["torch_at_paint"] = "torch" in sys.modules
            seen["loading_at_paint"] = [slot.loading for slot in bench.slots.values()]
            seen["ready_at_paint"] = bench.ready()
        return False

def check():
    if not bench.ready():
        return
    poll.stop()
    seen["active"] = bench.hub.active.source
    seen["draw_model"] = bench.draw.model_label.text()
    seen["pages"] = [type(slot.page.widget()).__name__ for slot in bench.slots.values()]
    seen["commands_on"] = [bench.window.action(a).isEnabled() for a in %(commands)r]
    bench.window.close()
    app.quit()

scratch = tempfile.mkdtemp(prefix="cnn-playground-start-test-")
bench = Workbench(settings=QSettings(os.path.join(scratch, "s.ini"), QSettings.Format.IniFormat),
                  data_dir=Path(scratch) / "data", background=True)
bench.start_session()
paint_filter = FirstPaint()
bench.window.installEventFilter(paint_filter)
bench.window.show()
poll = QTimer()
poll.timeout.connect(check)
poll.start(10)
app.exec()
print(json.dumps(seen))
""" % {"commands": NETWORK_COMMANDS}


def test_the_window_paints_before_torch_is_imported_and_the_pages_load_after() -> None:
    env = {**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, "-c", CHILD], env=env, cwd=REPO, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["torch_at_paint"] is False
    assert seen["loading_at_paint"] == [True, True, True] and seen["ready_at_paint"] is False
    assert seen["active"] == DEFAULT_SOURCE and DEFAULT_SOURCE in seen["draw_model"]  # the Draw page has its model
    assert seen["pages"] == ["TrainingPanel", "DrawPanel", "KernelSlidePage"]
    assert seen["commands_on"] == [True] * len(NETWORK_COMMANDS)


def test_a_page_says_loading_until_it_is_built_then_shows_itself(qtbot) -> None:
    bench = Workbench(background=True)  # never shown, so never painted: the load waits for wait_until_ready
    qtbot.addWidget(bench.window)
    window, slot = bench.window, bench.slots["draw"]
    assert not bench.ready() and not bench.loader.started and bench.draw is None
    window.action("go_draw").trigger()  # Ctrl+3 works at once: it shows the note
    assert window.current_page() == "draw" and window.tabs.currentWidget() is slot
    assert slot.loading and slot.currentWidget() is slot.placeholder and slot.placeholder.text() == "Loading…"
    assert [window.action(a).isEnabled() for a in NETWORK_COMMANDS] == [False] * len(NETWORK_COMMANDS)

    bench.wait_until_ready()
    assert bench.ready() and not slot.loading and slot.placeholder is None
    assert slot.currentWidget() is slot.page and slot.page.widget() is bench.draw
    assert window.tabs.currentWidget() is slot and window.current_page() == "draw"  # still where the person was
    assert bench.hub.active.source == DEFAULT_SOURCE and DEFAULT_SOURCE in bench.draw.model_label.text()
    assert [window.action(a).isEnabled() for a in NETWORK_COMMANDS] == [True] * len(NETWORK_COMMANDS)
    assert window.action("show_previews").isChecked() == bench.previews.shown
    window.show_page(TRAIN_PAGE)
    assert window.action("train").isEnabled()  # on its page, once the page is there
    window.close()


def test_a_design_opened_while_loading_is_the_network_the_pages_get(qtbot) -> None:
    example = next(p for p in example_paths() if p.stem == "mnist_cnn")
    bench = Workbench(background=True)
    qtbot.addWidget(bench.window)
    bench.start_session(example)  # `cnn-playground gui mnist_cnn.json`, before torch is there
    bench.window.show_page("draw")
    bench.wait_until_ready()
    assert bench.hub.active.design == load_design(example)  # offered, and built: the Draw page shows
    assert "not the design" not in bench.draw.model_label.text()
    bench.window.close()


def test_an_edit_while_loading_keeps_the_default_weights_that_still_fit(qtbot) -> None:
    bench = Workbench(background=True)
    qtbot.addWidget(bench.window)
    bench.start_session()
    document = bench.window.document
    assert document.insert_block((), len(document.design.layers), new_block("ReLU"))
    bench.follow_edit_now()  # the debounce timer's call: nothing to follow before the default is loaded
    assert bench.hub.offered is None
    bench.wait_until_ready()
    assert bench.hub.offered == document.design  # followed now, from the default network
    bench.window.show_page("draw")
    active = bench.hub.active
    assert active.design == document.design and active.edited and active.untrained_blocks == ()
    bench.window.close()


def test_closing_while_loading_waits_for_the_load_and_builds_nothing(qtbot) -> None:
    bench = Workbench(background=True)
    qtbot.addWidget(bench.window)
    bench.loader.start()  # what the first paint does
    bench.window.close()
    assert not bench.ready() and bench.draw is None and bench.slots["draw"].loading
