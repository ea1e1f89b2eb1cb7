"""The Train page driven as a person would: real clicks, real training on a small slice of
the embedded digits, and no thread left behind by any test."""

from __future__ import annotations

import urllib.error

import numpy as np
import pytest
from ui_helpers import RUN_TIMEOUT_MS, TINY, click, pause_and_check_the_curve_holds

from playground.core import datasets
from playground.core.design import design_from_dict
from playground.core.events import FailedEvent, FinishedEvent
from playground.ui.state.document import DesignDocument
from playground.ui.state.active_model import ModelHub
from playground.ui.train.training_panel import LOCK_REASON, TrainingPanel
from playground.ui.state.jobs import running_threads



@pytest.fixture
def panel(qtbot):
    document = DesignDocument(design_from_dict(TINY))
    hub = ModelHub()
    widget = TrainingPanel(document, hub)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.waitUntil(lambda: not widget.picker.busy and widget.train_button.isEnabled(), timeout=10_000)
    widget.settings.max_train.setValue(256)
    widget.settings.epochs.setValue(1)
    yield widget
    widget.shutdown()


def test_training_draws_the_loss_and_moves_the_progress_bar(qtbot, panel):
    panel.settings.max_train.setValue(2048)
    panel.settings.epochs.setValue(2)
    seen = []
    panel.progress.valueChanged.connect(seen.append)
    with qtbot.waitSignal(panel.trainingFinished, timeout=RUN_TIMEOUT_MS) as finished:
        click(qtbot, panel.train_button)
        assert panel.is_training and panel.train_button.text() == "Pause"
        qtbot.waitUntil(lambda: panel.plots.loss_plot.point_count("raw") > 0, timeout=RUN_TIMEOUT_MS)
    result = finished.args[0]
    assert isinstance(result, FinishedEvent) and result.epochs_done == 2
    raw_x, _ = panel.plots.loss_plot.item("raw").getData()
    assert len(raw_x) >= 2 and raw_x[-1] == 2.0  # the last point ends epoch 2
    assert np.all(np.diff(raw_x) > 0)
    assert panel.plots.loss_plot.point_count("val") == 2
    assert panel.plots.accuracy_plot.point_count("val") == 2
    total = 2 * (2048 // 64)
    assert max(seen) == total and min(v for v in seen if v > 0) < total  # it moved on its way to the end
    assert panel.train_button.text() == "Train" and not panel.stop_button.isEnabled()
    assert panel.message_kind == "success"
    assert not panel.plots.live


def test_the_confusion_matrix_appears_after_an_epoch(qtbot, panel):
    with qtbot.waitSignal(panel.trainingFinished, timeout=RUN_TIMEOUT_MS):
        click(qtbot, panel.train_button)
        assert panel.results.matrix_view.matrix is None
    matrix = panel.results.matrix_view.matrix
    assert matrix.shape == (10, 10) and matrix.sum() == 1000  # every validation digit counted once
    assert panel.results.accuracy_view.accuracy.shape == (10,)
    assert panel.results.gallery.count() > 0  # the most confident mistakes of a barely trained model
    assert panel.tabs.tabText(1) == "Results (epoch 1)"


def test_stop_mid_epoch_ends_the_run_and_its_thread(qtbot, panel):
    panel.settings.max_train.setValue(0)  # all 9,000: far longer than the test waits
    panel.settings.epochs.setValue(5)
    click(qtbot, panel.train_button)
    qtbot.waitUntil(lambda: panel.plots.loss_plot.point_count("raw") >= 1, timeout=RUN_TIMEOUT_MS)
    assert panel.document.locked and panel.document.lock_reason == LOCK_REASON
    with qtbot.waitSignal(panel.trainingFinished, timeout=RUN_TIMEOUT_MS) as finished:
        click(qtbot, panel.stop_button)
    result = finished.args[0]
    # A loaded machine may finish an epoch before the click lands; the run still stops in one.
    assert isinstance(result, FinishedEvent) and result.stopped and result.epochs_done < 5
    assert not panel.is_training and running_threads() == 0
    assert not panel.document.locked
    run = panel.session.runs[1]
    assert run.status == "stopped"
    done = result.epochs_done
    assert panel.progress.format() == f"Stopped: {done} epoch{'' if done == 1 else 's'}"


def test_pause_holds_training_and_resume_goes_on(qtbot, panel):
    panel.settings.max_train.setValue(0)
    panel.settings.epochs.setValue(5)
    click(qtbot, panel.train_button)
    qtbot.waitUntil(lambda: panel.plots.loss_plot.point_count("raw") >= 2, timeout=RUN_TIMEOUT_MS)
    held = pause_and_check_the_curve_holds(qtbot, panel)
    click(qtbot, panel.train_button)
    assert not panel.paused and panel.train_button.text() == "Pause"
    qtbot.waitUntil(lambda: panel.plots.loss_plot.series("raw").x.size > held, timeout=RUN_TIMEOUT_MS)
    with qtbot.waitSignal(panel.trainingFinished, timeout=RUN_TIMEOUT_MS):
        panel.stop()


def test_closing_the_panel_during_training_joins_the_thread(qtbot, panel):
    panel.settings.max_train.setValue(0)
    panel.settings.epochs.setValue(5)
    click(qtbot, panel.train_button)
    qtbot.waitUntil(lambda: panel.plots.loss_plot.point_count("raw") >= 1, timeout=RUN_TIMEOUT_MS)
    panel.pause()  # even a paused run must stop
    panel.close()
    assert not panel.is_training and running_threads() == 0
    assert not panel.plots.live


def test_a_diverging_run_says_so_and_leaves_the_panel_usable(qtbot, panel):
    panel.settings.optimizer.setCurrentIndex(panel.settings.optimizer.findData("sgd"))
    panel.settings.lr.setValue(10.0)
    panel.settings.schedule.setCurrentIndex(panel.settings.schedule.findData("constant"))
    panel.settings.max_train.setValue(2048)
    with qtbot.waitSignal(panel.trainingFinished, timeout=RUN_TIMEOUT_MS) as finished:
        click(qtbot, panel.train_button)
    assert isinstance(finished.args[0], FailedEvent)
    assert panel.message_kind == "error" and panel.message_label.isVisible()
    text = panel.message_label.text()
    assert "diverged" in text and "learning rate" in text
    assert panel.train_button.isEnabled() and panel.train_button.text() == "Train"
    assert not panel.document.locked
    assert panel.session.runs[1].status == "failed"


def test_a_design_that_does_not_fit_the_data_cannot_start(qtbot, panel):
    panel.document.set_input([3, 32, 32])
    assert not panel.train_button.isEnabled()
    assert "design expects 3x32x32, embedded MNIST gives 1x28x28" in panel.train_button.toolTip()
    assert "design expects 3x32x32" in panel.picker.status.text()
    assert not panel.start_training()
    assert panel.message_kind == "error" and "3x32x32" in panel.message_label.text()
    assert not panel.is_training
    panel.document.set_input([1, 28, 28])
    assert panel.train_button.isEnabled()


def test_structural_edits_are_refused_while_training(qtbot, panel):
    panel.settings.max_train.setValue(0)
    panel.settings.epochs.setValue(5)
    click(qtbot, panel.train_button)
    refused = []
    panel.document.editRefused.connect(refused.append)
    assert not panel.document.set_input([1, 32, 32])
    assert refused == [LOCK_REASON]
    assert not panel.settings.epochs.isEnabled() and not panel.picker.combo.isEnabled()
    with qtbot.waitSignal(panel.trainingFinished, timeout=RUN_TIMEOUT_MS):
        panel.stop()
    assert panel.settings.epochs.isEnabled()


def test_the_trained_model_becomes_active_and_follows_each_epoch(qtbot, panel):
    panel.settings.epochs.setValue(2)
    models, weights = [], []
    panel.hub.modelChanged.connect(models.append)
    panel.hub.weightsChanged.connect(weights.append)
    with qtbot.waitSignal(panel.trainingFinished, timeout=RUN_TIMEOUT_MS):
        click(qtbot, panel.train_button)
    assert len(models) == 2 and len(weights) == 1  # epoch 1: new model; epoch 2: weights; end: final model
    active = panel.hub.active
    assert active.source.startswith("trained: Tiny CNN, 2 epochs, ")
    assert active.class_names == [str(i) for i in range(10)]
    assert active.mean == datasets.load_embedded().info.mean
    assert not active.model.training


def test_save_and_load_model(qtbot, panel, tmp_path):
    assert not panel.hub.save_model(tmp_path / "none-yet.pt")  # nothing trained, nothing active
    assert panel.message_kind == "error"
    with qtbot.waitSignal(panel.trainingFinished, timeout=RUN_TIMEOUT_MS):
        click(qtbot, panel.train_button)
    path = tmp_path / "tiny.pt"
    assert panel.hub.save_model(path) and path.is_file()
    panel.hub.set_active(None)
    checkpoint = panel.hub.load_model(path)
    assert checkpoint is not None and checkpoint.design.name == "Tiny CNN"
    assert panel.hub.active.source.startswith("tiny.pt")
    assert checkpoint.metrics["epochs_done"] == 1
    assert checkpoint.config["max_train_samples"] == 256
    assert not panel.hub.save_model(tmp_path / "missing-folder" / "x.pt")
    assert panel.message_kind == "error" and "Could not save" in panel.message_label.text()
    (tmp_path / "junk.pt").write_bytes(b"not a checkpoint")
    assert panel.hub.load_model(tmp_path / "junk.pt") is None
    assert "Could not load the model" in panel.message_label.text()


def test_offline_download_shows_where_to_put_the_files(qtbot, panel, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))

    def offline(url):
        raise urllib.error.URLError("no network")

    monkeypatch.setattr(datasets, "_open_url", offline)
    picker = panel.picker
    picker.select("mnist")
    qtbot.waitUntil(lambda: not picker.busy, timeout=10_000)
    assert picker.download_button.isVisible()
    assert "Not downloaded yet: click Download" in picker.status.text()
    assert str(tmp_path) in picker.status.toolTip()  # where to put the files by hand
    assert not panel.train_button.isEnabled()
    click(qtbot, picker.download_button)
    qtbot.waitUntil(lambda: not picker.busy, timeout=10_000)
    text = picker.status.text()
    assert text.startswith("Download failed (offline?): cannot download MNIST")
    assert str(tmp_path) in text  # where to put the files by hand
    picker.select("embedded")
    qtbot.waitUntil(lambda: panel.train_button.isEnabled(), timeout=10_000)


def test_a_set_the_design_cannot_take_is_said_before_downloading_it(qtbot, panel, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))  # nothing downloaded
    picker = panel.picker
    picker.select("cifar10")
    qtbot.waitUntil(lambda: not picker.busy, timeout=10_000)
    assert picker.fit_problem() == ("design expects 1x28x28, CIFAR-10 (colour) gives 3x32x32 "
                                    "(set the design's input to [3, 32, 32])")
    assert not panel.train_button.isEnabled()
    picker.select("mnist")  # same shape as the design: nothing to say before a download
    qtbot.waitUntil(lambda: not picker.busy, timeout=10_000)
    assert picker.fit_problem() == ""


def test_deleting_the_main_window_during_training_neither_hangs_nor_crashes(qtbot, tmp_path):
    from PySide6.QtCore import QSettings
    from shiboken6 import delete

    from playground.ui.shell.main_window import MainWindow

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(ModelHub(), settings, data_dir=tmp_path)
    try:  # deleted by hand below, so not handed to qtbot (it would close a dead window)
        window.document.open_design(design_from_dict(TINY))
        panel = TrainingPanel(window.document, window.hub)
        window.add_page("Train", panel)
        window.show()
        window.tabs.setCurrentWidget(panel)
        qtbot.waitUntil(lambda: panel.train_button.isEnabled(), timeout=10_000)
        panel.settings.max_train.setValue(0)
        panel.settings.epochs.setValue(5)
        click(qtbot, panel.train_button)
        qtbot.waitUntil(lambda: panel.plots.loss_plot.point_count("raw") >= 1, timeout=RUN_TIMEOUT_MS)
        assert window.document.locked
        window.close()
    finally:
        delete(window)  # the panel's worker is stopped and joined as its owner goes
    assert running_threads() == 0


def test_a_folder_of_own_images_loads_and_is_checked_against_the_design(qtbot, panel, tmp_path):
    from PIL import Image

    rng = np.random.default_rng(0)
    root = tmp_path / "shapes"
    for name in ("circles", "squares"):
        (root / name).mkdir(parents=True)
        for i in range(6):
            pixels = rng.integers(0, 256, size=(20, 20), dtype=np.uint8)
            Image.fromarray(pixels).save(root / name / f"{i}.png")
    (root / "squares" / "broken.png").write_bytes(b"not an image")
    panel.picker.set_folder(root)
    qtbot.waitUntil(lambda: not panel.picker.busy, timeout=10_000)
    status = panel.picker.status.text()
    assert status.startswith("Ready: ") and "2 classes (circles, squares)" in status
    assert "skipped 1 unreadable file" in status
    assert not panel.train_button.isEnabled()  # 10 outputs for 2 classes
    assert "design ends with 10 outputs" in panel.train_button.toolTip()


def test_ask_to_stop_asks_and_stops_only_when_the_person_agrees(qtbot, panel, message_boxes):
    from PySide6.QtWidgets import QMessageBox

    assert panel.ask_to_stop()  # nothing runs: nothing to ask
    assert message_boxes.shown == []
    panel.settings.max_train.setValue(0)
    panel.settings.epochs.setValue(5)
    click(qtbot, panel.train_button)
    message_boxes.answers.append(QMessageBox.StandardButton.Cancel)
    assert not panel.ask_to_stop("open another design")
    assert panel.is_training
    assert "Stop training to open another design?" in message_boxes.texts()[0]
    message_boxes.answers.append(QMessageBox.StandardButton.Yes)
    assert panel.ask_to_stop("open another design")
    assert not panel.is_training and running_threads() == 0 and not panel.document.locked


def test_an_open_results_tab_follows_each_epoch_during_training(qtbot, panel):
    panel.settings.max_train.setValue(4096)
    panel.settings.epochs.setValue(50)
    panel.tabs.setCurrentWidget(panel.results)
    click(qtbot, panel.train_button)
    qtbot.waitUntil(lambda: panel.results.matrix_view.matrix is not None, timeout=RUN_TIMEOUT_MS)
    assert panel.is_training  # drawn after the first epoch, not at the end
    assert panel.results.matrix_view.matrix.sum() == 1000
    with qtbot.waitSignal(panel.trainingFinished, timeout=RUN_TIMEOUT_MS):
        panel.stop()


HUGE = {  # 100 layers of 65536 x 65536 weights: about 1.7 TB for the weights alone, more than any machine has
    "format": "cnn-playground.design", "version": 1, "name": "Huge", "input": [1, 28, 28],
    "layers": [{"type": "Flatten"}] + [{"type": "Linear", "out_features": 65536}] * 100
              + [{"type": "Linear", "out_features": 10}]}
WIDE = {  # 64 full-size feature maps: ~0.6 MB of activations per image
    "format": "cnn-playground.design", "version": 1, "name": "Wide", "input": [1, 28, 28],
    "layers": [{"type": "Conv2d", "out_channels": 64, "kernel_size": 3, "padding": 1}, {"type": "ReLU"},
               {"type": "Flatten"}, {"type": "Linear", "out_features": 10}]}


def test_a_design_far_too_big_for_memory_disables_train_and_says_why(qtbot, panel):
    assert panel.train_button.isEnabled() and not panel.memory_label.isVisible()
    panel.document.open_design(design_from_dict(HUGE))
    assert not panel.train_button.isEnabled()
    assert "for weights alone" in panel.train_button.toolTip()
    assert panel.memory_label.isVisible() and "for weights alone" in panel.memory_label.text()
    panel.document.open_design(design_from_dict(TINY))  # a small one again: Train is back
    assert panel.train_button.isEnabled() and not panel.memory_label.isVisible()


def test_the_memory_check_follows_the_batch_size(qtbot, panel, monkeypatch):
    monkeypatch.setattr("playground.core.memory.host_free_memory", lambda: 1 << 30)  # 1 GiB free
    panel.settings.device.setCurrentIndex(panel.settings.device.findData("cpu"))
    panel.document.open_design(design_from_dict(WIDE))
    assert panel.train_button.isEnabled()
    panel.settings.batch_size.setValue(8192)  # ~5 GB of activations
    assert not panel.train_button.isEnabled()
    assert "batch size" in panel.memory_label.text() and "would fit" in panel.memory_label.text()
    assert panel.memory_label.isVisible() and "would fit" in panel.train_button.toolTip()
    panel.settings.batch_size.setValue(64)
    assert panel.train_button.isEnabled() and not panel.memory_label.isVisible()
