"""The Train page: pick data and settings, train the open design on a background thread,
watch the loss fall, then see what the model gets wrong.

The panel is a thin view over `core.trainer.Trainer`. A `BackgroundJob` runs the trainer
on its own QThread and delivers throttled events (at most ~30 a second); this widget only
turns them into plot points, a progress bar and results. While training runs the design
is locked against structural edits (the weights belong to it), and after every epoch the
model hub gets the new weights, so drawing and the kernel views follow the training live.
"""

from __future__ import annotations

import html
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import torch.nn as nn
from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from playground.core.builder import build_model
from playground.core.checkpoint import CheckpointError, load_checkpoint, save_checkpoint
from playground.core.fileio import WriteError
from playground.core.datasets import Dataset, DatasetInfo
from playground.core.design import Design
from playground.core.devices import resolve_device
from playground.core.events import EpochEvent, FailedEvent, FinishedEvent, InfoEvent, ProgressEvent, StepEvent
from playground.core.text import format_duration as duration_text
from playground.core.trainer import TrainConfig, Trainer, metrics_from_history
from playground.ui.train.dataset_picker import DatasetCache, DatasetPicker
from playground.ui.state.document import DesignDocument
from playground.ui.train.live_plots import TrainingPlots
from playground.ui.state.active_model import ActiveModel, ModelHub
from playground.ui.train.results_view import ResultsView
from playground.ui.train.runs_view import RunRecord, RunsView
from playground.ui.train.training_settings import TrainingSettings, device_name
from playground.ui.state.jobs import BackgroundJob, StepBatch
from playground.ui.widgets import style

PROGRESS_INTERVAL_S = 0.2
LOCK_REASON = "Training is running: stop it to change the network's layers"
# How often the trainer reports the loss: the faint curve's points are means over this
# long (a few steps), 20 a second. Every step would cost the training thread and the
# window time for detail nobody can see; on a GPU each report also waits for the device.
REPORT_EVERY_S = 0.05

MESSAGE_STYLES = {
    "error": "background: #fef1f0; color: #b42318; border: 1px solid #f5c2bd;",
    "warning": "background: #fff7e6; color: #8a4b00; border: 1px solid #f3d9a4;",
    "info": "background: #eef4ff; color: #1d4ed8; border: 1px solid #c9dafc;",
    "success": "background: #ecfdf3; color: #146c2e; border: 1px solid #b7e4c7;",
}


@dataclass(frozen=True)
class RunStarted:
    """Sent from the worker once the data is loaded: what the GUI needs for this run."""

    dataset: Dataset  # on the CPU, as loaded (validation images for the gallery)
    hub_model: nn.Module  # a CPU copy of the network that the hub will show


@dataclass
class TrainedModel:
    """The latest weights this panel produced, with what a checkpoint needs."""

    design: Design
    state_dict: dict
    config: TrainConfig
    metrics: dict
    dataset: DatasetInfo


class TrainingPanel(QWidget):
    """Settings on the left; live plots, results and the runs of the session on the right."""

    trainingFinished = Signal(object)  # FinishedEvent, FailedEvent or None (failed to start)
    message = Signal(str, str)  # text, kind (error, warning, info, success): for a status bar

    def __init__(self, document: DesignDocument, hub: ModelHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trainingPanel")
        self.document = document
        self.hub = hub
        self.cache = DatasetCache()
        self.job = BackgroundJob(self)
        self.job.update.connect(self._on_update)
        self.job.finished.connect(self._on_job_finished)

        self._run_design: Design | None = None
        self._run_config: TrainConfig | None = None
        self._run_data: RunStarted | None = None
        self._run_id: int | None = None
        self._result: FinishedEvent | FailedEvent | None = None
        self._history: list[dict] = []
        self._started_at = 0.0
        self._paused_at: float | None = None
        self._paused_total = 0.0
        self._stopping = False
        self._pending_results: EpochEvent | None = None  # evaluation not drawn yet (tab hidden)
        self._samples_per_s = 0.0
        self._fraction = 0.0  # of all steps of the run
        self._latest_step: StepEvent | None = None
        self._progress_shown_at = 0.0
        self.trained: TrainedModel | None = None

        self.picker = DatasetPicker(self.cache)
        self.settings = TrainingSettings()
        self.plots = TrainingPlots()
        self.results = ResultsView()
        self.runs = RunsView()
        self._build()

        self.picker.changed.connect(self._update_controls)
        document.analysisChanged.connect(self._on_design_changed)  # always sent right after designChanged
        app = QCoreApplication.instance()
        if app is not None:  # a safety net: never leave a running thread behind at exit
            app.aboutToQuit.connect(self.shutdown)
        self._clock = QTimer(self)
        self._clock.setInterval(500)
        self._clock.timeout.connect(self._update_time_text)
        self._warm_up = BackgroundJob(self)
        self._on_design_changed()

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if not self._warm_up.running and "torch._dynamo" not in sys.modules:
            # Building the first optimizer imports torch._dynamo (seconds of Python). Done in
            # the background now, the first Train starts at once instead of after that wait.
            self._warm_up.start(lambda _callback: _TorchWarmUp())

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        self.train_button = QPushButton("Train")
        self.train_button.setObjectName("trainButton")
        self.train_button.setMinimumHeight(32)
        font = QFont(self.train_button.font())
        font.setBold(True)
        self.train_button.setFont(font)
        self.train_button.clicked.connect(self._on_train_button)
        self.stop_button = QPushButton("Stop")
        self.stop_button.setObjectName("stopButton")
        self.stop_button.setToolTip("Stop after the current step and keep the weights so far (Ctrl+.)")
        self.stop_button.setMinimumHeight(32)
        self.stop_button.clicked.connect(self.stop)
        buttons = QHBoxLayout()
        buttons.addWidget(self.train_button, 2)
        buttons.addWidget(self.stop_button, 1)

        self.progress = QProgressBar()
        self.progress.setObjectName("trainProgress")
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setFormat("Not started")
        self.progress.setTextVisible(True)
        self.speed_label = QLabel(" ")
        self.speed_label.setObjectName("trainSpeed")
        self.speed_label.setStyleSheet(f"color: {style.MUTED};")
        self.speed_label.setWordWrap(True)

        self.message_label = QLabel()
        self.message_label.setObjectName("trainMessage")
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.message_label.hide()
        self.message_kind = ""

        self.design_label = QLabel()
        self.design_label.setObjectName("trainDesignLabel")
        self.design_label.setWordWrap(True)
        self.design_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        data_box = QGroupBox("Data")
        data_layout = QVBoxLayout(data_box)
        data_layout.addWidget(self.picker)
        settings_box = QGroupBox("Settings")
        settings_layout = QVBoxLayout(settings_box)
        settings_layout.addWidget(self.settings)
        run_box = QGroupBox("Run")
        run_layout = QVBoxLayout(run_box)
        run_layout.addWidget(self.design_label)
        run_layout.addLayout(buttons)
        run_layout.addWidget(self.progress)
        run_layout.addWidget(self.speed_label)
        run_layout.addWidget(self.message_label)

        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(6, 6, 6, 6)
        side_layout.addWidget(run_box)
        side_layout.addWidget(data_box)
        side_layout.addWidget(settings_box)
        side_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setObjectName("trainSettingsScroll")
        scroll.setWidget(side)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(320)
        scroll.setMaximumWidth(380)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("trainTabs")
        self.tabs.addTab(self.plots, "Live plots")
        self.tabs.addTab(self.results, "Results")
        self.tabs.addTab(self.runs, "Runs")
        self.tabs.currentChanged.connect(self._on_tab_changed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        layout.addWidget(self.tabs, 1)

    # ------------------------------------------------------------------ state
    @property
    def is_training(self) -> bool:
        return self.job.running

    @property
    def paused(self) -> bool:
        return self.job.paused

    def _on_design_changed(self, *_args: object) -> None:
        design = self.document.design
        self.picker.set_design(design)
        analysis = self.document.analysis
        params = analysis.total_params
        name = html.escape(design.name or "Untitled", quote=False)
        self.design_label.setText(f"<b>{name}</b> · {params:,} parameters · "
                                  f"{analysis.total_macs:,} MACs per image")
        self._update_controls()

    def start_problem(self) -> str:
        """Why Train cannot start now ("" when it can)."""
        analysis = self.document.analysis
        if analysis.errors:
            path, text = analysis.errors[0]
            return f"fix the design first: {path}: {text}" if path else f"fix the design first: {text}"
        if not analysis.rows:
            return "add some layers to the design first"
        return self.picker.problem()

    def _update_controls(self) -> None:
        running = self.is_training
        self.picker.set_running(running)
        self.settings.set_running(running)
        if running:
            self.train_button.setEnabled(not self._stopping)
            self.train_button.setText("Resume" if self.paused else "Pause")
            self.train_button.setToolTip("Continue training (Ctrl+T)" if self.paused
                                         else "Pause after the current step (Ctrl+T)")
            self.stop_button.setEnabled(not self._stopping)
            return
        problem = self.start_problem()
        self.train_button.setText("Train")
        self.train_button.setEnabled(not problem)
        self.train_button.setToolTip(f"Can't train yet: {problem}" if problem
                                     else "Train the open design with these settings (Ctrl+T)")
        self.stop_button.setEnabled(False)

    # ------------------------------------------------------------------ actions
    def _on_train_button(self) -> None:
        if not self.is_training:
            self.start_training()
        elif self.paused:
            self.resume()
        else:
            self.pause()

    def start_training(self) -> bool:
        """Start a run of the open design; False (with a message) when it cannot start."""
        if self.is_training:
            return False
        problem = self.start_problem()
        if problem:
            self.show_message(f"Can't train yet: {problem}", "error")
            return False
        design = self.document.design
        analysis = self.document.analysis
        config = self.settings.config()
        spec, shape, cache = self.picker.spec(), tuple(design.input), self.cache

        def make_trainer(callback):  # runs on the worker thread
            data = cache.get(spec, shape, callback)
            callback(RunStarted(data, build_model(design)))
            return Trainer(design, data, config, callback, report_every_s=REPORT_EVERY_S)

        self._run_design, self._run_config, self._run_data, self._result = design, config, None, None
        self._pending_results = None
        self._history = []
        self._started_at, self._paused_at, self._paused_total, self._stopping = time.monotonic(), None, 0.0, False
        self.plots.reset(config.epochs)
        self.results.clear()
        self.hide_message()
        self.progress.setRange(0, 0)
        self.progress.setFormat("Preparing…")
        self.speed_label.setText(f"Loading {self.picker.combo.currentText()} and building the model…")
        self._samples_per_s, self._fraction = 0.0, 0.0
        self._latest_step, self._progress_shown_at = None, 0.0
        self._run_id = self.runs.add_run(RunRecord(
            design.name or "Untitled", _dataset_title(self.picker), analysis.total_params, analysis.total_macs,
            None, 0, 0.0, device_name(resolve_device(config.device))))
        self.document.set_locked(True, LOCK_REASON)
        self.job.start(make_trainer)
        self.plots.start_live()
        self._clock.start()
        self._update_controls()
        return True

    def pause(self) -> None:
        if self.is_training and not self.paused:
            self.job.pause()
            self._paused_at = time.monotonic()
            self.progress.setFormat(self.progress.format().split(" · paused")[0] + " · paused")
            self._update_controls()

    def resume(self) -> None:
        if self.is_training and self.paused:
            self.job.resume()
            if self._paused_at is not None:
                self._paused_total += time.monotonic() - self._paused_at
                self._paused_at = None
            self.progress.setFormat(self.progress.format().replace(" · paused", ""))
            self._update_controls()

    def stop(self) -> None:
        """Ask the run to stop after the current step; the weights so far are kept."""
        if self.is_training and not self._stopping:
            self._stopping = True
            self.job.stop()
            self.job.resume()
            self.speed_label.setText("Stopping after the current step…")
            self._update_controls()

    def shutdown(self) -> None:
        """Stop any run and join its thread, and any data download (closing the window)."""
        self.job.shutdown()
        self.picker.shutdown()
        self._warm_up.shutdown()
        self._clock.stop()
        self.plots.stop_live()

    def ask_to_stop(self, what: str = "close the window") -> bool:
        """If training runs, ask whether to stop it in order to `what`; True when nothing
        runs any more (the person agreed, or nothing was running)."""
        if not self.is_training:
            return True
        answer = QMessageBox.question(self.window(), "Training is running",
                                      f"A model is training. Stop training to {what}?\n"
                                      "The weights of the epochs done so far are kept.",
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                                      QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        self.shutdown()
        return True

    def closeEvent(self, event) -> None:  # noqa: N802
        self.shutdown()
        super().closeEvent(event)

    # ------------------------------------------------------------------ events from the worker
    def _on_update(self, event: object) -> None:
        if isinstance(event, StepBatch):
            self._on_steps(event)
        elif isinstance(event, EpochEvent):
            self._on_epoch(event)
        elif isinstance(event, RunStarted):
            self._run_data = event
            self.speed_label.setText("Training…")
        elif isinstance(event, FinishedEvent):
            self._on_finished(event)
        elif isinstance(event, FailedEvent):
            self._on_failed(event)
        elif isinstance(event, InfoEvent):
            self.show_message(event.message, "warning")
        elif isinstance(event, ProgressEvent):
            if event.total > 0:
                self.progress.setRange(0, event.total)
                self.progress.setValue(event.done)
            self.progress.setFormat(event.what)

    def _on_steps(self, batch: StepBatch) -> None:
        self.plots.add_steps(batch.epochs, batch.losses, batch.lrs)
        self._latest_step = e = batch.latest
        total = self._run_config.epochs * e.steps_per_epoch if self._run_config else e.steps_per_epoch
        self._samples_per_s = e.samples_per_s
        self._fraction = e.step / max(1, total)  # the speed line follows on the half-second clock
        if time.monotonic() - self._progress_shown_at >= PROGRESS_INTERVAL_S:
            self._show_progress()

    def _show_progress(self) -> None:
        """The bar and its text for the latest step (a progress bar repaints at once, so
        this runs at most five times a second, not for every delivery)."""
        e = self._latest_step
        if e is None or self._run_config is None:
            return
        total = self._run_config.epochs * e.steps_per_epoch
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(min(total, e.step))
        paused = " · paused" if self.paused else ""
        self.progress.setFormat(f"Epoch {e.epoch}/{self._run_config.epochs} · step {e.epoch_step}/{e.steps_per_epoch}"
                                f"{paused}")
        self._progress_shown_at = time.monotonic()

    def _update_time_text(self) -> None:
        if not self.is_training or self._stopping or not self._samples_per_s:
            return
        elapsed = self._elapsed()
        left = ""
        if 0.02 < self._fraction < 1:
            left = f" · about {duration_text(elapsed * (1 - self._fraction) / self._fraction)} left"
        state = "paused · " if self.paused else ""
        self.speed_label.setText(f"{state}{self._samples_per_s:,.0f} images/s · {duration_text(elapsed)} elapsed{left}")

    def _elapsed(self) -> float:
        paused = self._paused_total + (time.monotonic() - self._paused_at if self._paused_at else 0.0)
        return time.monotonic() - self._started_at - paused

    def _on_epoch(self, e: EpochEvent) -> None:
        self._show_progress()
        self._history.append({"epoch": e.epoch, "train_loss": e.train_loss, "train_acc": e.train_acc,
                              "val_loss": e.val_loss, "val_acc": e.val_acc})
        self.plots.add_epoch(float(e.epoch), e.train_loss, e.val_loss, e.train_acc, e.val_acc)
        if self._run_data is not None:
            self._pending_results = e
            if self.results.isVisible():  # else drawn when its tab is opened or the run ends
                self._show_results()
            self._publish(e.state_dict, f"training: {self._run_design.name}, epoch {e.epoch}/{e.epochs}, "
                                        f"{100 * e.val_acc:.1f}%", replace=False)
        self.tabs.setTabText(1, f"Results (epoch {e.epoch})")
        if self._run_id is not None:
            self.runs.update_run(self._run_id, best_val_acc=max(h["val_acc"] for h in self._history), epochs=e.epoch, duration_s=self._elapsed())

    def _show_results(self) -> None:
        """Draw the latest epoch's evaluation in the Results tab (if one is waiting)."""
        e, run = self._pending_results, self._run_data
        if e is None or run is None:
            return
        self._pending_results = None
        data = run.dataset
        val_x = data.val_x
        n_val = len(e.val_pred)
        self.results.show_results(
            e.confusion, e.per_class_acc, data.val_y[:n_val].numpy(), e.val_pred, e.worst,
            lambda i: val_x[i].numpy(), list(data.info.class_names),
            caption=f"Epoch {e.epoch} of {e.epochs}: {100 * e.val_acc:.1f}% of {n_val:,} validation images "
                    f"right (loss {e.val_loss:.3f}). Click a cell of the matrix to see its images.")

    def _on_tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.results:
            self._show_results()

    def _on_finished(self, e: FinishedEvent) -> None:
        self._result = e
        what = "Stopped" if e.stopped else "Finished"
        if e.epochs_done == 0:
            self.show_message(f"{what} before the first epoch ended: no weights kept.", "info")
        else:
            best = 100 * (e.best_val_acc or 0.0)
            last = 100 * (e.last_val_acc or 0.0)
            self.show_message(f"{what} after {e.epochs_done} epoch{'s' if e.epochs_done != 1 else ''} in "
                              f"{duration_text(e.duration_s)}: validation accuracy {last:.1f}% (best {best:.1f}%). "
                              "The trained model is now the active one for drawing.", "success")
            source = (f"trained: {self._run_design.name}, {e.epochs_done} epoch{'s' if e.epochs_done != 1 else ''}, "
                      f"{last:.1f}%")
            self._publish(e.state_dict, source, replace=True)
        if self._run_id is not None:
            self.runs.update_run(self._run_id, status="stopped" if e.stopped else "finished",
                                 duration_s=e.duration_s, epochs=e.epochs_done, best_val_acc=e.best_val_acc)

    def _on_failed(self, e: FailedEvent) -> None:
        self._result = e
        self.show_message(f"Training stopped: {e.message}", "error")
        if self._run_id is not None:
            self.runs.update_run(self._run_id, status="failed", duration_s=self._elapsed())

    def _on_job_finished(self, _result: object) -> None:
        self._show_results()
        self.plots.stop_live()
        self._clock.stop()
        self.document.set_locked(False)
        self._stopping = False
        result = self._result
        if result is None:
            self.progress.setRange(0, 1)
            self.progress.setValue(0)
            self.progress.setFormat("Not started")
        elif isinstance(result, FinishedEvent):
            done = result.epochs_done
            self.progress.setRange(0, 1)
            self.progress.setValue(1 if not result.stopped else 0)
            self.progress.setFormat(f"{'Stopped' if result.stopped else 'Done'}: {done} epoch{'s' if done != 1 else ''}")
            if result.stopped:
                self.progress.setRange(0, 100)
                self.progress.setValue(int(100 * self._fraction))
        else:
            self.progress.setRange(0, 1)
            self.progress.setValue(0)
            self.progress.setFormat("Failed")
        if isinstance(result, (FinishedEvent, FailedEvent)):
            self.speed_label.setText(f"{duration_text(self._elapsed())} of training")
        self._update_controls()
        self.trainingFinished.emit(result)

    # ------------------------------------------------------------------ the model hub
    def _publish(self, state_dict: dict, source: str, replace: bool) -> None:
        """Show these weights as the active model: a new model on the first epoch and at the
        end of the run (`replace`), new weights in the same model in between."""
        run = self._run_data
        if run is None:
            return
        info = run.dataset.info
        self.trained = TrainedModel(self._run_design, state_dict, self._run_config,
                                    metrics_from_history(self._history), info)
        model = run.hub_model
        active = self.hub.active
        if not replace and active is not None and active.model is model:
            self.hub.update_weights(state_dict, source)
            return
        model.load_state_dict(state_dict)
        self.hub.set_active(ActiveModel.from_info(self._run_design, model, source, info))

    # ------------------------------------------------------------------ save / load
    def save_model(self, path: str | Path) -> bool:
        """Save the active model (the one just trained, or a loaded one) as a checkpoint."""
        try:
            design, weights, config, metrics, info = self._model_to_save()
            save_checkpoint(path, design, weights, config, metrics, info)
        except (CheckpointError, WriteError, ValueError) as exc:
            self.show_message(f"Could not save the model: {exc}", "error")
            return False
        self.show_message(f"Saved the model to {path}", "success")
        return True

    def _model_to_save(self) -> tuple[Design, dict, dict, dict, DatasetInfo]:
        active = self.hub.active
        trained = self.trained
        if trained is not None and (active is None or (self._run_data is not None and active.model is
                                                       self._run_data.hub_model)):
            return trained.design, trained.state_dict, trained.config.to_dict(), trained.metrics, trained.dataset
        if active is None:
            raise ValueError("there is no model yet: train one or load a checkpoint")
        channels = active.design.input[0]
        info = DatasetInfo(active.source, tuple(active.design.input), tuple(active.class_names),
                           tuple(active.mean[:channels]), tuple(active.std[:channels]))
        return active.design, active.model.state_dict(), {}, {"source": active.source}, info

    def load_model(self, path: str | Path):
        """Load a checkpoint and make it the active model; returns the Checkpoint, or None
        (with the reason shown) when the file cannot be used or training runs."""
        if self.is_training:
            self.show_message("Stop training before loading another model.", "error")
            return None
        try:
            checkpoint = load_checkpoint(path)
            accuracy = checkpoint.metrics.get("val_acc")
            detail = f", {100 * accuracy:.1f}%" if isinstance(accuracy, (int, float)) else ""
            active = ActiveModel.from_checkpoint(checkpoint, f"{Path(path).name}{detail}")
        except CheckpointError as exc:
            self.show_message(f"Could not load the model: {exc}", "error")
            return None
        info = checkpoint.dataset
        self.hub.set_active(active)
        self.show_message(f"Loaded {Path(path).name}: {checkpoint.design.name}, trained on {info.name}{detail}.",
                          "success")
        return checkpoint

    # ------------------------------------------------------------------ messages
    def show_message(self, text: str, kind: str = "info") -> None:
        self.message_kind = kind
        self.message_label.setText(text)
        self.message_label.setStyleSheet(f"QLabel {{ {MESSAGE_STYLES[kind]} border-radius: 4px; padding: 6px; }}")
        self.message_label.show()
        self.message.emit(text, kind)

    def hide_message(self) -> None:
        self.message_kind = ""
        self.message_label.clear()
        self.message_label.hide()


class _TorchWarmUp:
    """A job that imports what torch imports lazily when the first optimizer is built."""

    def run(self) -> None:
        import torch._dynamo  # noqa: F401

    def stop(self) -> None:
        """An import cannot be interrupted; it ends by itself within seconds."""


def _dataset_title(picker: DatasetPicker) -> str:
    data = picker.loaded()
    return data.info.name if data is not None else picker.combo.currentText()
