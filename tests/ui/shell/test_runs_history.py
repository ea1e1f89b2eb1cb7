"""A restarted window shows the runs of earlier launches (the run history outlives the app)."""

from __future__ import annotations

from ui_helpers import SMALL

from playground.core.design import design_from_dict
from playground.core.runs import RunStore, default_path
from playground.ui.shell.workbench import Workbench


def launch(qtbot) -> Workbench:
    bench = Workbench()
    qtbot.addWidget(bench.window)
    bench.start_session()
    bench.window.show()
    qtbot.waitExposed(bench.window)
    return bench


def test_a_restarted_window_shows_the_runs_of_earlier_launches(qtbot) -> None:
    first = launch(qtbot)
    panel = first.training
    first.window.document.open_design(design_from_dict(SMALL))
    first.window.show_page("train")
    qtbot.waitUntil(lambda: not panel.picker.busy and panel.train_button.isEnabled(), timeout=10_000)
    panel.settings.max_train.setValue(128)
    panel.settings.epochs.setValue(1)
    with qtbot.waitSignal(panel.trainingFinished, timeout=60_000):
        panel.train_button.click()
    first.window.close()

    second = launch(qtbot)
    runs = second.training.runs
    second.window.show_page("train")
    with qtbot.waitSignal(runs.storeReady, timeout=10_000):
        second.training.tabs.setCurrentWidget(runs)
    assert runs.model.rowCount() == 1
    assert runs.model.index(0, 10).data() == "finished" and runs.model.index(0, 2).data() == SMALL["name"]
    with RunStore(default_path()) as store:
        assert store.count() == 1 and store.list()[0].source == "window"
    second.window.close()
