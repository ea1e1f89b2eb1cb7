"""Own-image folders in the window take the command line's data path: over the memory
budget (a setting of the form) they stream from disk through DataLoader workers, under it
they are held in memory; the data section says which and why, live as the budget changes,
and a streamed run trains, pauses, stops and closes without leaving a worker behind."""

from __future__ import annotations

import multiprocessing

import numpy as np
import pytest
from ui_helpers import RUN_TIMEOUT_MS, click, pause_and_check_the_curve_holds
from PIL import Image

from playground.core.datasets import Dataset
from playground.core.design import design_from_dict
from playground.core.events import FinishedEvent
from playground.core.streaming import StreamingDataset
from playground.ui.state.active_model import ModelHub
from playground.ui.state.document import DesignDocument
from playground.ui.state.jobs import running_threads
from playground.ui.train.training_panel import TrainingPanel

# 3x64x64 images: 96 of them take 1.1 MiB as tensors, over a budget of 1 MiB, within 2 MiB.
DESIGN = {"format": "cnn-playground.design", "version": 1, "name": "Photos", "input": [3, 64, 64],
          "layers": [{"type": "Conv2d", "out_channels": 4, "kernel_size": 4, "stride": 4}, {"type": "ReLU"},
                     {"type": "Flatten"}, {"type": "Linear", "out_features": 2}]}
PER_CLASS = 48
OVER, UNDER = 1, 2  # memory budgets in MiB


@pytest.fixture(scope="module")
def photos(tmp_path_factory):
    """Two classes of 64x64 colour photos in ImageFolder layout: dark and light."""
    root = tmp_path_factory.mktemp("photos")
    rng = np.random.default_rng(1)
    for label, name in enumerate(("dark", "light")):
        (root / name).mkdir()
        for i in range(PER_CLASS):
            pixels = rng.integers(0, 128, (64, 64, 3), dtype=np.uint8) + 100 * label
            Image.fromarray(pixels.astype(np.uint8)).save(root / name / f"{i}.png")
    return root


@pytest.fixture
def workers():
    """The child processes (loader workers) this test started; earlier tests' are theirs."""
    before = set(multiprocessing.active_children())
    return lambda: set(multiprocessing.active_children()) - before


@pytest.fixture
def panel(qtbot, workers):
    widget = TrainingPanel(DesignDocument(design_from_dict(DESIGN)), ModelHub())
    qtbot.addWidget(widget)
    widget.resize(1100, 760)
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.waitUntil(lambda: not widget.picker.busy, timeout=10_000)
    settings = widget.settings
    settings.device.setCurrentIndex(settings.device.findData("cpu"))
    settings.epochs.setValue(1)
    settings.batch_size.setValue(16)
    settings.fields["loader_workers"].setValue(1)
    yield widget
    widget.shutdown()
    assert workers() == set()  # no loader worker outlives the panel


def budget(panel, mib: int) -> None:
    panel.settings.fields["memory_budget"].setValue(mib)


def choose(qtbot, panel, folder) -> None:
    panel.picker.set_folder(folder)
    qtbot.waitUntil(lambda: not panel.picker.busy and panel.train_button.isEnabled(), timeout=10_000)


def test_a_folder_over_the_budget_streams_and_trains_to_the_end(qtbot, panel, photos, workers):
    budget(panel, OVER)
    choose(qtbot, panel, photos)
    status = panel.picker.status.text()
    assert "Streams from disk while training: 96 images at 3x64x64 take 1.1 MiB, over the memory budget " \
           "of 1.0 MiB." in status
    assert status.startswith("Ready: 76 to train · 20 to validate · 2 classes (dark, light)")
    assert panel.picker.streams() and panel.picker.loaded() is None  # nothing was read into memory
    with qtbot.waitSignal(panel.trainingFinished, timeout=RUN_TIMEOUT_MS) as finished:
        click(qtbot, panel.train_button)
    result = finished.args[0]
    assert isinstance(result, FinishedEvent) and not result.stopped and result.epochs_done == 1
    assert isinstance(panel.session.dataset, StreamingDataset)
    assert panel.plots.loss_plot.point_count("raw") > 0 and panel.plots.loss_plot.point_count("val") == 1
    assert panel.progress.format() == "Done: 1 epoch" and panel.message_kind == "success"
    assert panel.picker.cache.peek(str(photos), (3, 64, 64)) is None  # still never held in memory
    panel.tabs.setCurrentWidget(panel.results)  # validation images decoded from disk for the gallery
    matrix = panel.results.matrix_view.matrix
    assert matrix.shape == (2, 2) and matrix.sum() == 20
    assert panel.session.runs[1].dataset == photos.name and panel.session.runs[1].status == "finished"
    assert running_threads() == 0 and workers() == set()


def test_a_folder_within_the_budget_is_held_in_memory(qtbot, panel, photos):
    budget(panel, UNDER)
    choose(qtbot, panel, photos)
    assert "Held in memory while training: 96 images at 3x64x64 take 1.1 MiB, within the memory budget " \
           "of 2.0 MiB." in panel.picker.status.text()
    assert not panel.picker.streams() and panel.picker.loaded() is not None
    with qtbot.waitSignal(panel.trainingFinished, timeout=RUN_TIMEOUT_MS) as finished:
        click(qtbot, panel.train_button)
    assert isinstance(finished.args[0], FinishedEvent) and finished.args[0].epochs_done == 1
    data = panel.session.dataset
    assert isinstance(data, Dataset) and data is panel.picker.loaded()  # the loaded set, not read again


def test_the_status_follows_the_budget_as_it_changes(qtbot, panel, photos):
    budget(panel, UNDER)
    choose(qtbot, panel, photos)
    assert "Held in memory" in panel.picker.status.text()
    budget(panel, OVER)  # no waiting: the count is known, only the budget changed
    assert "Streams from disk while training" in panel.picker.status.text()
    assert "over the memory budget of 1.0 MiB" in panel.picker.status.text() and panel.picker.streams()
    budget(panel, 0)  # automatic: a quarter of the machine's memory holds 1.1 MiB
    assert "Held in memory" in panel.picker.status.text()
    assert panel.settings.fields["memory_budget"].text() == "automatic"


def test_a_budget_lowered_as_the_folder_loads_leaves_it_streaming(qtbot, panel, photos):
    budget(panel, UNDER)
    panel.picker.set_folder(photos)
    qtbot.waitUntil(lambda: panel.picker.listing() is not None, timeout=10_000)
    budget(panel, OVER)
    qtbot.waitUntil(lambda: not panel.picker.busy, timeout=10_000)
    assert panel.picker.streams() and "Streams from disk" in panel.picker.status.text()
    assert panel.train_button.isEnabled()


def test_a_streamed_run_pauses_resumes_and_stops_mid_epoch(qtbot, panel, photos, workers):
    budget(panel, OVER)
    choose(qtbot, panel, photos)
    panel.settings.epochs.setValue(500)  # far longer than the test waits
    panel.settings.batch_size.setValue(4)
    click(qtbot, panel.train_button)
    qtbot.waitUntil(lambda: panel.plots.loss_plot.point_count("raw") >= 2, timeout=RUN_TIMEOUT_MS)
    assert panel.document.locked
    started = workers()  # the training loader's (they persist across epochs)
    held = pause_and_check_the_curve_holds(qtbot, panel)
    click(qtbot, panel.train_button)
    qtbot.waitUntil(lambda: panel.plots.loss_plot.series("raw").x.size > held, timeout=RUN_TIMEOUT_MS)
    assert "Epoch " in panel.progress.format()
    with qtbot.waitSignal(panel.trainingFinished, timeout=RUN_TIMEOUT_MS) as finished:
        click(qtbot, panel.stop_button)
    result = finished.args[0]
    assert isinstance(result, FinishedEvent) and result.stopped and result.epochs_done < 500
    assert not panel.is_training and running_threads() == 0 and not panel.document.locked
    assert workers() == set()  # the stopped loader's workers are gone
    assert started and [p.exitcode for p in started] == [0] * len(started)  # ended as asked, none died
    assert panel.session.runs[1].status == "stopped"


def test_closing_the_panel_during_a_streamed_run_ends_its_workers(qtbot, panel, photos, workers):
    budget(panel, OVER)
    choose(qtbot, panel, photos)
    panel.settings.epochs.setValue(500)
    panel.settings.batch_size.setValue(4)
    click(qtbot, panel.train_button)
    qtbot.waitUntil(lambda: panel.plots.loss_plot.point_count("raw") >= 1, timeout=RUN_TIMEOUT_MS)
    assert workers()  # the loader's worker decodes
    panel.close()
    assert not panel.is_training and running_threads() == 0
    assert workers() == set()
