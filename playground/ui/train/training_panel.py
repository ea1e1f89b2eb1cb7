"""The Train page: pick data and settings, train the open design on a background thread,
watch the loss fall, then see what the model gets wrong.

The panel is a view over a `TrainingSession` (playground.ui.state.training_session),
which runs `core.trainer.Trainer` on its own thread, keeps the run's state, history and
timing and the runs of this window, and hands the trained network to the active model.
This widget gathers a run's settings, and turns the session's signals into plot points, a
progress bar, results and the runs table. While training runs the design is locked against
structural edits (the weights belong to it).
"""

from __future__ import annotations

import html
import time
from typing import Callable

import numpy as np

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from playground.core.datasets import Dataset
from playground.core.devices import resolve_device
from playground.core.streaming import ImageFiles, StreamingDataset
from playground.core.events import Callback, EpochEvent, FailedEvent, FinishedEvent, ProgressEvent
from playground.core.memory import training_memory_problem
from playground.core.text import format_duration, format_int
from playground.ui.state.active_model import ModelHub
from playground.ui.state.document import DesignDocument
from playground.ui.state.jobs import StepBatch
from playground.ui.state.training_session import RunRequest, RunState, TrainingSession
from playground.ui.train.dataset_picker import DatasetCache, DatasetPicker
from playground.ui.train.live_plots import TrainingPlots
from playground.ui.train.results_view import ResultsView
from playground.ui.train.runs_view import RunsView
from playground.ui.train.training_settings import TrainingSettings, device_name
from playground.ui.widgets import style
from playground.ui.widgets.candidate_bar import CandidateBar
from playground.ui.widgets.retranslate import Retranslating

PROGRESS_INTERVAL_S = 0.2
LOCK_REASON = QT_TRANSLATE_NOOP("TrainingPanel", "Training is running: stop it to change the network's layers")

MESSAGE_STYLES = {
    "error": "background: #fef1f0; color: #b42318; border: 1px solid #f5c2bd;",
    "warning": "background: #fff7e6; color: #8a4b00; border: 1px solid #f3d9a4;",
    "info": "background: #eef4ff; color: #1d4ed8; border: 1px solid #c9dafc;",
    "success": "background: #ecfdf3; color: #146c2e; border: 1px solid #b7e4c7;",
}


class TrainingPanel(Retranslating, QWidget):
    """Settings on the left; live plots, results and the runs of the session on the right.

    `session` is the window's training session; without one the panel makes its own over
    `hub` (a panel on its own, as in tests and benchmarks).
    """

    trainingFinished = Signal(object)  # FinishedEvent, FailedEvent or None (failed to start)
    message = Signal(str, str)  # text, kind (error, warning, info, success): for a status bar

    def __init__(self, document: DesignDocument, hub: ModelHub, parent: QWidget | None = None,
                 session: TrainingSession | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trainingPanel")
        if session is not None and session.hub is not hub:
            raise ValueError("the training session must publish to the same active model as the panel shows")
        self.document = document
        self.hub = hub
        self.session = session if session is not None else TrainingSession(hub, self)
        self.cache = DatasetCache()
        self._pending_results: EpochEvent | None = None  # evaluation not drawn yet (tab hidden)
        self._shown_results: EpochEvent | None = None  # the evaluation the Results tab shows
        self._progress_shown_at = 0.0
        self._message_text: Callable[[], str] | None = None  # the panel's own message, in any language
        self._loading_what = ""  # the data being loaded as the run prepares

        self.picker = DatasetPicker(self.cache)
        self.settings = TrainingSettings()
        self.plots = TrainingPlots()
        self.results = ResultsView()
        self.runs = RunsView(hub)
        self._build()

        session = self.session
        session.stateChanged.connect(self._on_state_changed)
        session.dataProgress.connect(self._on_data_progress)
        session.dataReady.connect(self._on_data_ready)
        session.stepsReported.connect(self._on_steps)
        session.epochEnded.connect(self._on_epoch)
        session.notice.connect(self._on_notice)
        session.runChanged.connect(self._on_run_changed)
        session.ended.connect(self._on_ended)
        hub.message.connect(self.show_message)
        self.picker.changed.connect(self._update_controls)
        self._watch_settings()
        self.picker.set_memory_budget(self.settings.config().memory_budget)
        self.settings.fields["memory_budget"].valueChanged.connect(self._on_memory_budget)
        document.analysisChanged.connect(self._on_design_changed)  # always sent right after designChanged
        app = QCoreApplication.instance()
        if app is not None:  # a safety net: never leave a running thread (or download) behind at exit
            app.aboutToQuit.connect(self.shutdown)
        self._clock = QTimer(self)
        self._clock.setInterval(500)
        self._clock.timeout.connect(self._update_time_text)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Every text of the panel in the current language; the ones that follow the run
        are computed again from its state."""
        self.stop_button.setText(self.tr("Stop"))
        self.stop_button.setToolTip(self.tr("Stop after the current step and keep the weights so far (Ctrl+.)"))
        self.data_box.setTitle(self.tr("Data"))
        self.settings_box.setTitle(self.tr("Settings"))
        self.run_box.setTitle(self.tr("Run"))
        self.tabs.setTabText(self.tabs.indexOf(self.plots), self.tr("Live plots"))
        self.tabs.setTabText(self.tabs.indexOf(self.runs), self.tr("Runs"))
        self._show_results_tab_title()
        self._on_design_changed()
        self._show_run_text()
        if self._message_text is not None and self.message_label.isVisible():
            self.message_label.setText(self._message_text())
        if self._shown_results is not None and self._pending_results is None:
            self._pending_results = self._shown_results  # its caption is said again when the tab shows
            if self.results.isVisible():
                self._show_results()

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self.session.warm_up()

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        self.train_button = QPushButton()
        self.train_button.setObjectName("trainButton")
        self.train_button.setMinimumHeight(32)
        font = QFont(self.train_button.font())
        font.setBold(True)
        self.train_button.setFont(font)
        self.train_button.clicked.connect(self._on_train_button)
        self.stop_button = QPushButton()
        self.stop_button.setObjectName("stopButton")
        self.stop_button.setMinimumHeight(32)
        self.stop_button.clicked.connect(self.stop)
        buttons = QHBoxLayout()
        buttons.addWidget(self.train_button, 2)
        buttons.addWidget(self.stop_button, 1)

        self.progress = QProgressBar()
        self.progress.setObjectName("trainProgress")
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
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

        self.memory_label = QLabel()  # why the design would not fit, before Train is pressed
        self.memory_label.setObjectName("trainMemoryLabel")
        self.memory_label.setWordWrap(True)
        self.memory_label.setStyleSheet(MESSAGE_STYLES["warning"] + " padding: 4px;")
        self.memory_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.memory_label.hide()

        self.design_label = QLabel()
        self.design_label.setObjectName("trainDesignLabel")
        self.design_label.setWordWrap(True)
        self.design_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        data_box = self.data_box = QGroupBox()
        data_layout = QVBoxLayout(data_box)
        data_layout.addWidget(self.picker)
        settings_box = self.settings_box = QGroupBox()
        settings_layout = QVBoxLayout(settings_box)
        settings_layout.addWidget(self.settings)
        run_box = self.run_box = QGroupBox()
        run_layout = QVBoxLayout(run_box)
        run_layout.addWidget(self.design_label)
        run_layout.addLayout(buttons)
        run_layout.addWidget(self.memory_label)
        run_layout.addWidget(self.progress)
        run_layout.addWidget(self.speed_label)
        run_layout.addWidget(self.message_label)
        self.candidate_bar = CandidateBar(self.hub)
        run_layout.addWidget(self.candidate_bar)

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
        self.tabs.addTab(self.plots, "")
        self.tabs.addTab(self.results, "")
        self.tabs.addTab(self.runs, "")
        self.tabs.currentChanged.connect(self._on_tab_changed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        layout.addWidget(self.tabs, 1)

    # ------------------------------------------------------------------ state
    @property
    def is_training(self) -> bool:
        return self.session.is_running

    @property
    def paused(self) -> bool:
        return self.session.paused

    def _on_design_changed(self, *_args: object) -> None:
        design = self.document.design
        self.picker.set_design(design)
        analysis = self.document.analysis
        params = analysis.total_params
        name = html.escape(design.name or self.tr("Untitled"), quote=False)
        self.design_label.setText(self.tr("<b>{name}</b> · {params} parameters · {macs} MACs per image").format(
            name=name, params=format_int(params), macs=format_int(analysis.total_macs)))
        self._update_controls()

    def start_problem(self) -> str:
        """Why Train cannot start now ("" when it can)."""
        return self._start_problem()[0]

    def _start_problem(self) -> tuple[str, bool]:
        """Why Train cannot start now ("" when it can), and whether the reason is memory."""
        analysis = self.document.analysis
        if analysis.errors:
            path, text = analysis.errors[0]
            if path:
                return self.tr("fix the design first: {path}: {problem}").format(path=path, problem=text), False
            return self.tr("fix the design first: {problem}").format(problem=text), False
        if not analysis.rows:
            return self.tr("add some layers to the design first"), False
        data = self.picker.problem()
        if data:
            return data, False
        memory = self.memory_problem()
        return memory, bool(memory)

    def memory_problem(self) -> str:
        """Why training the design with the form's settings would not fit in the device's
        free memory ("" when it fits or the free memory cannot be told)."""
        return training_memory_problem(self.document.analysis, self.settings.config()) or ""

    def _watch_settings(self) -> None:
        """Any change of the form re-checks whether Train can start (batch size, optimizer
        and device change the memory a run needs)."""
        for field in self.settings.fields.values():
            if isinstance(field, QComboBox):
                field.currentIndexChanged.connect(self._update_controls)
            elif isinstance(field, (QSpinBox, QDoubleSpinBox)):
                field.valueChanged.connect(self._update_controls)

    def _on_memory_budget(self) -> None:
        """The data section says at once which path the chosen folder now takes."""
        self.picker.set_memory_budget(self.settings.config().memory_budget)

    def _update_controls(self) -> None:
        running = self.is_training
        stopping = self.session.stopping
        self.picker.set_running(running)
        self.settings.set_running(running)
        if running:
            self.train_button.setEnabled(not stopping)
            self.train_button.setText(self.tr("Resume") if self.paused else self.tr("Pause"))
            self.train_button.setToolTip(self.tr("Continue training (Ctrl+T)") if self.paused
                                         else self.tr("Pause after the current step (Ctrl+T)"))
            self.stop_button.setEnabled(not stopping)
            return
        problem, is_memory = self._start_problem()
        self.memory_label.setText(self.tr("Too big to train here: %1").replace("%1", problem) if is_memory else "")
        self.memory_label.setVisible(is_memory)
        self.train_button.setText(self.tr("Train"))
        self.train_button.setEnabled(not problem)
        self.train_button.setToolTip(self.tr("Can't train yet: {problem}").format(problem=problem) if problem
                                     else self.tr("Train the open design with these settings (Ctrl+T)"))
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
            self.show_message(self.tr("Can't train yet: {problem}").format(problem=problem), "error")
            return False
        design = self.document.design
        analysis = self.document.analysis
        config = self.settings.config()
        spec, shape, cache = self.picker.spec(), tuple(design.input), self.cache

        def load_data(callback: Callback) -> Dataset:  # runs on the worker thread, for the in-memory path
            return cache.get(spec, shape, callback)

        request = RunRequest(design, config, spec, load_data, self.picker.title(), analysis.total_params,
                             analysis.total_macs, device_name(resolve_device(config.device)))
        self._pending_results = self._shown_results = None
        self._progress_shown_at = 0.0
        self.plots.reset(config.epochs)
        self.results.clear()
        self.hide_message()
        self.progress.setRange(0, 0)
        self._loading_what = self.picker.title()
        self.session.start(request)
        self._show_run_text()
        self.plots.start_live()
        self._clock.start()
        self._update_controls()
        return True

    def pause(self) -> None:
        self.session.pause()

    def resume(self) -> None:
        self.session.resume()

    def stop(self) -> None:
        """Ask the run to stop after the current step; the weights so far are kept."""
        self.session.stop()

    def shutdown(self) -> None:
        """Stop any run and join its thread, and any data download (closing the window)."""
        self.session.shutdown()
        self.picker.shutdown()
        self.runs.shutdown()
        self._clock.stop()
        self.plots.stop_live()

    def ask_to_stop(self, what: str = "") -> bool:
        """If training runs, ask whether to stop it in order to `what` (default: close the
        window); True when nothing runs any more (the person agreed, or nothing was running)."""
        if not self.is_training:
            return True
        what = what or self.tr("close the window")
        answer = QMessageBox.question(self.window(), self.tr("Training is running"),
                                      self.tr("A model is training. Stop training to {what}?\n"
                                              "The weights of the epochs done so far are kept.").format(what=what),
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                                      QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        self.shutdown()
        return True

    def closeEvent(self, event) -> None:  # noqa: N802
        self.shutdown()
        super().closeEvent(event)

    # ------------------------------------------------------------------ the session's signals
    def _on_state_changed(self, state: RunState) -> None:
        if self.session.is_running:
            self.document.set_locked(True, QCoreApplication.translate("TrainingPanel", LOCK_REASON))
            self._show_run_text()
        else:
            self.document.set_locked(False)
        self._update_controls()

    def _on_data_progress(self, event: ProgressEvent) -> None:
        if event.total > 0:
            self.progress.setRange(0, event.total)
            self.progress.setValue(event.done)
        self.progress.setFormat(event.what)

    def _on_notice(self, text: str) -> None:
        self.show_message(text, "warning")

    def _on_data_ready(self, _data: Dataset) -> None:
        self.speed_label.setText(self.tr("Training…"))

    def _on_steps(self, batch: StepBatch) -> None:
        self.plots.add_steps(batch.epochs, batch.losses, batch.lrs)
        if time.monotonic() - self._progress_shown_at >= PROGRESS_INTERVAL_S:
            self._show_progress()  # the speed line follows on the half-second clock

    def _show_progress(self) -> None:
        """The bar and its text for the latest step (a progress bar repaints at once, so
        this runs at most five times a second, not for every delivery)."""
        e, config = self.session.latest_step, self.session.config
        if e is None or config is None:
            return
        total = config.epochs * e.steps_per_epoch
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(min(total, e.step))
        self.progress.setFormat(self._progress_text())
        self._progress_shown_at = time.monotonic()

    def _progress_text(self) -> str:
        """Where the run is, in words: preparing, or its epoch and step; paused or not."""
        e, config = self.session.latest_step, self.session.config
        if e is None or config is None:
            text = self.tr("Preparing…")
        else:
            text = self.tr("Epoch {epoch}/{epochs} · step {step}/{steps}").format(
                epoch=e.epoch, epochs=config.epochs, step=e.epoch_step, steps=e.steps_per_epoch)
        return self.tr("{progress} · paused").format(progress=text) if self.paused else text

    def _show_run_text(self) -> None:
        """The progress bar's text and the line under it for the session's state (also when
        the language changes)."""
        session = self.session
        if session.is_running:
            self.progress.setFormat(self._progress_text())
            if session.stopping:
                self.speed_label.setText(self.tr("Stopping after the current step…"))
            elif session.dataset is None:
                self.speed_label.setText(self.tr("Loading {data} and building the model…").format(
                    data=self._loading_what))
            elif not session.samples_per_s:
                self.speed_label.setText(self.tr("Training…"))
            return
        result = session.result
        if isinstance(result, FinishedEvent):
            done = result.epochs_done
            if result.stopped:
                text = self.tr("Stopped: 1 epoch") if done == 1 else self.tr("Stopped: {count} epochs")
            else:
                text = self.tr("Done: 1 epoch") if done == 1 else self.tr("Done: {count} epochs")
            self.progress.setFormat(text.format(count=done))
        elif isinstance(result, FailedEvent):
            self.progress.setFormat(self.tr("Failed"))
        else:
            self.progress.setFormat(self.tr("Not started"))
        if isinstance(result, (FinishedEvent, FailedEvent)):
            self.speed_label.setText(self.tr("{duration} of training").format(
                duration=format_duration(session.elapsed())))

    def _update_time_text(self) -> None:
        session = self.session
        if not session.is_running or session.stopping or not session.samples_per_s:
            return
        elapsed = session.elapsed()
        fraction = session.fraction
        text = self.tr("{rate} images/s · {elapsed} elapsed").format(
            rate=format_int(round(session.samples_per_s)), elapsed=format_duration(elapsed))
        if 0.02 < fraction < 1:
            text = self.tr("{speed} · about {left} left").format(
                speed=text, left=format_duration(elapsed * (1 - fraction) / fraction))
        self.speed_label.setText(self.tr("paused · {speed}").format(speed=text) if self.paused else text)

    def _on_epoch(self, e: EpochEvent) -> None:
        self._show_progress()
        self.plots.add_epoch(float(e.epoch), e.train_loss, e.val_loss, e.train_acc, e.val_acc)
        if self.session.dataset is not None:
            self._pending_results = e
            if self.results.isVisible():  # else drawn when its tab is opened or the run ends
                self._show_results()
        self._show_results_tab_title()

    def _show_results_tab_title(self) -> None:
        """"Results", with the epoch its evaluation is of once there is one."""
        history = self.session.history
        index = self.tabs.indexOf(self.results)
        if history and self.session.design is not None:
            self.tabs.setTabText(index, self.tr("Results (epoch {epoch})").format(epoch=int(history[-1]["epoch"])))
        else:
            self.tabs.setTabText(index, self.tr("Results"))

    def _show_results(self) -> None:
        """Draw the latest epoch's evaluation in the Results tab (if one is waiting)."""
        e, data = self._pending_results, self.session.dataset
        if e is None or data is None:
            return
        self._pending_results = None
        self._shown_results = e
        n_val = len(e.val_pred)
        self.results.show_results(
            e.confusion, e.per_class_acc, data.val_y[:n_val].numpy(), e.val_pred, e.worst,
            _validation_images(data), list(data.info.class_names),
            caption=self.tr("Epoch {epoch} of {epochs}: {accuracy}% of {count} validation images right "
                            "(loss {loss}). Click a cell of the matrix to see its images.").format(
                epoch=e.epoch, epochs=e.epochs, accuracy=f"{100 * e.val_acc:.1f}", count=format_int(n_val),
                loss=f"{e.val_loss:.3f}"))

    def _on_tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.results:
            self._show_results()

    def _on_run_changed(self, _run_id: int) -> None:
        self.runs.refresh()  # the recorder wrote the run to the history before the session heard of it

    def _on_ended(self, result: FinishedEvent | FailedEvent | None) -> None:
        self._show_results()
        self.plots.stop_live()
        self._clock.stop()
        if isinstance(result, FinishedEvent):
            self._say_finished(result)
            self.progress.setRange(0, 1)
            self.progress.setValue(1 if not result.stopped else 0)
            if result.stopped:
                self.progress.setRange(0, 100)
                self.progress.setValue(int(100 * self.session.fraction))
        elif isinstance(result, FailedEvent):
            message = result.message
            self._say(lambda: self.tr("Training stopped: {reason}").format(reason=message), "error")
            self.progress.setRange(0, 1)
            self.progress.setValue(0)
        else:
            self.progress.setRange(0, 1)
            self.progress.setValue(0)
        self._show_run_text()
        self._update_controls()
        self.trainingFinished.emit(result)

    def _say_finished(self, e: FinishedEvent) -> None:
        if e.epochs_done == 0:
            self._say(lambda: self.tr("Stopped before the first epoch ended: no weights kept.") if e.stopped
                      else self.tr("Finished before the first epoch ended: no weights kept."), "info")
            return

        def text() -> str:
            numbers = dict(count=e.epochs_done, duration=format_duration(e.duration_s),
                           last=f"{100 * (e.last_val_acc or 0.0):.1f}", best=f"{100 * (e.best_val_acc or 0.0):.1f}")
            one = e.epochs_done == 1
            if e.stopped:
                said = (self.tr("Stopped after 1 epoch in {duration}: validation accuracy {last}% (best {best}%).")
                        if one else self.tr("Stopped after {count} epochs in {duration}: validation accuracy "
                                            "{last}% (best {best}%)."))
            else:
                said = (self.tr("Finished after 1 epoch in {duration}: validation accuracy {last}% (best {best}%).")
                        if one else self.tr("Finished after {count} epochs in {duration}: validation accuracy "
                                            "{last}% (best {best}%)."))
            return self.tr("{result} The trained model is now the active one for drawing.").format(
                result=said.format(**numbers))

        self._say(text, "success")

    # ------------------------------------------------------------------ messages
    def _say(self, text: Callable[[], str], kind: str) -> None:
        """Show the panel's own message, which is said again when the language changes."""
        self.show_message(text(), kind)
        self._message_text = text

    def show_message(self, text: str, kind: str = "info") -> None:
        self._message_text = None
        self.message_kind = kind
        self.message_label.setText(text)
        self.message_label.setStyleSheet(f"QLabel {{ {MESSAGE_STYLES[kind]} border-radius: 4px; padding: 6px; }}")
        self.message_label.show()
        self.message.emit(text, kind)

    def hide_message(self) -> None:
        self._message_text = None
        self.message_kind = ""
        self.message_label.clear()
        self.message_label.hide()


def _validation_images(data: Dataset | StreamingDataset) -> Callable[[int], np.ndarray]:
    """Validation image i as uint8 (C, H, W): from memory, or decoded from disk (a streamed
    folder; only the few images the Results tab shows)."""
    val_x = data.val_x
    if isinstance(val_x, ImageFiles):
        return lambda i: val_x.image(i).numpy()
    return lambda i: val_x[i].numpy()
