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


def train_small(qtbot, bench: Workbench) -> None:
    """Open the small design and train it for one short epoch from the Train page."""
    panel = bench.training
    bench.window.document.open_design(design_from_dict(SMALL))
    bench.window.show_page("train")
    qtbot.waitUntil(lambda: not panel.picker.busy and panel.train_button.isEnabled(), timeout=10_000)
    panel.settings.max_train.setValue(128)
    panel.settings.epochs.setValue(1)
    with qtbot.waitSignal(panel.trainingFinished, timeout=60_000):
        panel.train_button.click()


def test_a_restarted_window_shows_the_runs_of_earlier_launches(qtbot) -> None:
    first = launch(qtbot)
    train_small(qtbot, first)
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


def test_a_runs_design_opens_as_an_untitled_copy(qtbot) -> None:
    design = design_from_dict(SMALL)
    from playground.core.design import design_to_json
    with RunStore(default_path()) as store:
        store.start_run(design_json=design_to_json(design), design_name="Small", dataset="embedded MNIST",
                        settings={}, source="cli")
    bench = launch(qtbot)
    window, runs = bench.window, bench.training.runs
    window.show_page("train")
    with qtbot.waitSignal(runs.storeReady, timeout=10_000):
        bench.training.tabs.setCurrentWidget(runs)
    runs.table.selectRow(0)
    assert runs.open_design()
    assert window.document.design.name == "Small" and window.document.path is None and window.document.modified
    window.close()


def test_a_window_training_saved_with_save_model_is_loadable_from_its_run(qtbot, file_dialogs, tmp_path) -> None:
    bench = launch(qtbot)
    train_small(qtbot, bench)
    # 128 images do not beat the shipped model: it stays active and the new one is offered.
    assert bench.hub.use_candidate()  # "Use the new model"
    target = tmp_path / "small.pt"
    file_dialogs.answers.append(str(target))
    bench.window.action("save_model").trigger()  # File > Save Model
    assert target.exists()
    with RunStore(default_path()) as store:
        run = store.get(store.list()[0].id)
    assert run.summary.checkpoint_path == str(target.resolve())
    bench.window.close()
