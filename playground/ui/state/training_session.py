"""The training session of a window: the run in progress, its history, its timing, the
runs of this window, and handing the trained network to the active model.

`TrainingSession` drives the trainer `core.trainer_choice.make_trainer` picks, as the
command line does (a folder over the memory budget streams from disk through DataLoader
workers, everything else is held in memory), on a `BackgroundJob` (its own QThread,
throttled events), and turns the trainer's events into a small state machine:

    idle -> preparing (data loads, model is built) -> running <-> paused
         -> stopping (asked to stop) -> finished | stopped | failed

The epoch history is the trainer's own (`Trainer.history`, read up to the epoch just
reported), and its numbers are `metrics_from_history`, as the CLI's checkpoints have them.
After every epoch the active model gets the new weights, so drawing follows the training
live; at the end it gets the final network. Views (the Train page) listen to the signals
and paint; this object imports QtCore only and never touches a widget.
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, Signal

from playground.core.design import Design
from playground.core.events import (
    Callback, EpochEvent, FailedEvent, FinishedEvent, InfoEvent, ProgressEvent, StepEvent)
from playground.ui.state.active_model import ActiveModel, ModelHub
from playground.ui.state.jobs import BackgroundJob, StepBatch

if TYPE_CHECKING:  # torch comes with these: imported where used, after the window has opened
    import torch.nn as nn

    from playground.core.datasets import Dataset
    from playground.core.run_recorder import RunRecorder
    from playground.core.streaming import StreamingDataset
    from playground.core.trainer import TrainConfig, Trainer

# How often the trainer reports the loss: the faint curve's points are means over this
# long (a few steps), 20 a second. Every step would cost the training thread and the
# window time for detail nobody can see; on a GPU each report also waits for the device.
REPORT_EVERY_S = 0.05
LOADING_BLOCKED = QT_TRANSLATE_NOOP("TrainingSession", "Stop training before loading another model.")


class RunState(str, Enum):
    """Where the session's run stands."""

    IDLE = "idle"  # no run yet (or the last one ended before it began)
    PREPARING = "preparing"  # loading data and building the model
    RUNNING = "running"
    PAUSED = "paused"
    STOPPING = "stopping"  # asked to stop; ends after the current step
    FINISHED = "finished"
    STOPPED = "stopped"
    FAILED = "failed"


ACTIVE_STATES = (RunState.PREPARING, RunState.RUNNING, RunState.PAUSED, RunState.STOPPING)


@dataclass
class RunRecord:
    """One training run of the session; `best_val_acc` is a fraction (None: no epoch done)."""

    design_name: str
    dataset: str
    params: int
    macs: int
    best_val_acc: float | None
    epochs: int
    duration_s: float
    device: str
    status: str = "running"  # running, finished, stopped, failed


@dataclass(frozen=True)
class RunRequest:
    """What a run needs. `source` is the data's name or folder: a folder over the memory
    budget streams from disk; otherwise `load_data(callback)` runs on the worker thread and
    returns the dataset (reporting downloads through `callback`). The rest names the run
    in the list."""

    design: Design
    config: TrainConfig
    source: str
    load_data: Callable[[Callback], Dataset]
    dataset_title: str
    params: int
    macs: int
    device: str


@dataclass(frozen=True)
class _RunStarted:
    """Sent from the worker once the data is loaded: what the GUI thread needs of the run."""

    dataset: Dataset | StreamingDataset  # on the CPU, as loaded or opened (validation images for the results)
    network: nn.Module  # a CPU network that the active model shows


@dataclass(frozen=True)
class _TrainerReady:
    """Sent from the worker with the trainer, whose `history` is the run's history, and the
    recorder that keeps the run in the run history."""

    trainer: Trainer
    recorder: RunRecorder


class TrainingSession(QObject):
    """One run at a time, and the runs of this window."""

    stateChanged = Signal(object)  # RunState
    dataProgress = Signal(object)  # ProgressEvent while the data loads
    dataReady = Signal(object)  # Dataset: loaded, the model built, training begins
    stepsReported = Signal(object)  # StepBatch
    epochEnded = Signal(object)  # EpochEvent, after the history and the active model took it
    notice = Signal(str)  # a warning from the trainer (e.g. the batch was halved)
    runChanged = Signal(int)  # id of a run in `runs` that was added or changed
    ended = Signal(object)  # FinishedEvent, FailedEvent or None; the thread has ended

    def __init__(self, hub: ModelHub, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self.job = BackgroundJob(self)
        self.job.update.connect(self._on_update)
        self.job.finished.connect(self._on_job_finished)
        self._warm_up = BackgroundJob(self)

        self._state = RunState.IDLE
        self.runs: dict[int, RunRecord] = {}
        self._next_run_id = 1
        self._run_id: int | None = None
        self._request: RunRequest | None = None
        self._started: _RunStarted | None = None
        # The running trainer, for its history; let go when the run ends (its callback
        # holds the finished worker, which must go with its thread, not at some later time).
        self._trainer: Trainer | None = None
        self._history_id: int | None = None  # the latest run's id in the run history
        self._result: FinishedEvent | FailedEvent | None = None
        self._before: ActiveModel | None = None  # the trained network active when the run began
        self._history: list[dict[str, float]] = []
        self._started_at = 0.0
        self._ended_at: float | None = None
        self._paused_at: float | None = None
        self._paused_total = 0.0
        self.latest_step: StepEvent | None = None  # the newest of the run
        self.samples_per_s = 0.0
        self.fraction = 0.0  # of all steps of the run

    # ------------------------------------------------------------ what it is now

    @property
    def state(self) -> RunState:
        return self._state

    @property
    def is_running(self) -> bool:
        """A run's thread is alive (preparing, running, paused or stopping)."""
        return self._state in ACTIVE_STATES

    @property
    def paused(self) -> bool:
        return self._state is RunState.PAUSED

    @property
    def stopping(self) -> bool:
        return self._state is RunState.STOPPING

    @property
    def design(self) -> Design | None:
        """The design of the current (or last) run."""
        return self._request.design if self._request else None

    @property
    def config(self) -> TrainConfig | None:
        return self._request.config if self._request else None

    @property
    def dataset(self) -> Dataset | StreamingDataset | None:
        """The run's data on the CPU, once loaded (a streamed folder: listed, images on disk)."""
        return self._started.dataset if self._started else None

    @property
    def history(self) -> list[dict[str, float]]:
        """One row per finished epoch (epoch, train/val loss and accuracy), the trainer's own."""
        return list(self._history)

    def metrics(self) -> dict[str, Any]:
        """The run's numbers as a checkpoint records them."""
        from playground.core.trainer import metrics_from_history

        return metrics_from_history(self._history)

    @property
    def result(self) -> FinishedEvent | FailedEvent | None:
        return self._result

    @property
    def run_id(self) -> int | None:
        """The id in `runs` of the current (or last) run."""
        return self._run_id

    def elapsed(self) -> float:
        """Seconds of training so far, pauses left out (frozen once the run ended)."""
        now = self._ended_at if self._ended_at is not None else time.monotonic()
        paused = self._paused_total + (now - self._paused_at if self._paused_at is not None else 0.0)
        return now - self._started_at - paused

    # ------------------------------------------------------------ control

    def start(self, request: RunRequest) -> bool:
        """Start a run on the worker thread; False when one is already running."""
        if self.is_running:
            return False
        design, config, source, load_data = request.design, request.config, request.source, request.load_data

        def make_run(callback: Callback) -> _RecordedRun:  # runs on the worker thread
            from playground.core.builder import build_model
            from playground.core.run_recorder import RunRecorder
            from playground.core.streaming import StreamingTrainer
            from playground.core.trainer_choice import make_trainer

            trainer = make_trainer(design, source, config, callback, load=load_data, report_every_s=REPORT_EVERY_S)
            # A streamed folder is listed and its mean and std measured now; its images stay on disk.
            data = trainer.open() if isinstance(trainer, StreamingTrainer) else trainer.dataset
            recorder = RunRecorder.attach(trainer, source="window")
            callback(_TrainerReady(trainer, recorder))
            callback(_RunStarted(data, build_model(design)))
            return _RecordedRun(trainer, recorder)

        self._request, self._started, self._trainer, self._result, self._history = request, None, None, None, []
        self._started_at, self._ended_at = time.monotonic(), None
        self._paused_at, self._paused_total = None, 0.0
        self.latest_step, self.samples_per_s, self.fraction = None, 0.0, 0.0
        self._run_id = self._add_run(RunRecord(design.name or self.tr("Untitled"), request.dataset_title, request.params,
                                               request.macs, None, 0, 0.0, request.device))
        before = self.hub.active
        self._before = before if before is not None and before.trained and before.val_acc is not None else None
        self.hub.set_loading_blocked(self.tr(LOADING_BLOCKED))
        self.job.start(make_run)
        self._set_state(RunState.PREPARING)
        return True

    def pause(self) -> None:
        if self._state in (RunState.PREPARING, RunState.RUNNING):
            self.job.pause()
            self._paused_at = time.monotonic()
            self._set_state(RunState.PAUSED)

    def resume(self) -> None:
        if self._state is RunState.PAUSED:
            self.job.resume()
            self._end_pause()
            self._set_state(RunState.RUNNING if self._started else RunState.PREPARING)

    def stop(self) -> None:
        """Ask the run to stop after the current step; the weights so far are kept."""
        if self.is_running and not self.stopping:
            self.job.stop()
            self.job.resume()
            self._end_pause()
            self._set_state(RunState.STOPPING)

    def shutdown(self) -> None:
        """Stop any run and join its thread (closing the window); `ended` fires first."""
        self.job.shutdown()
        self._warm_up.shutdown()

    def warm_up(self) -> None:
        """Building the first optimizer imports torch._dynamo (seconds of Python). Done in
        the background ahead of time, the first run starts at once instead of after that."""
        if not self._warm_up.running and "torch._dynamo" not in sys.modules:
            self._warm_up.start(lambda _callback: _TorchWarmUp())

    # ------------------------------------------------------------ events from the worker

    def _on_update(self, event: object) -> None:
        if isinstance(event, StepBatch):
            self._on_steps(event)
        elif isinstance(event, EpochEvent):
            self._on_epoch(event)
        elif isinstance(event, _TrainerReady):
            self._trainer, self._history_id = event.trainer, event.recorder.run_id
        elif isinstance(event, _RunStarted):
            self._started = event
            if self._state is RunState.PREPARING:
                self._set_state(RunState.RUNNING)
            self.dataReady.emit(event.dataset)
        elif isinstance(event, FinishedEvent):
            self._on_finished(event)
        elif isinstance(event, FailedEvent):
            self._result = event
            self._update_run(status="failed", duration_s=self.elapsed())
        elif isinstance(event, InfoEvent):
            self.notice.emit(event.message)
        elif isinstance(event, ProgressEvent):
            self.dataProgress.emit(event)

    def _on_steps(self, batch: StepBatch) -> None:
        e = self.latest_step = batch.latest
        epochs = self.config.epochs if self.config else 1
        self.samples_per_s = e.samples_per_s
        self.fraction = e.step / max(1, epochs * e.steps_per_epoch)
        self.stepsReported.emit(batch)

    def _on_epoch(self, e: EpochEvent) -> None:
        if self._trainer is not None:
            self._history = self._trainer.history[:e.epoch]  # appended before the event was sent
        if self._started is not None:
            source = self.tr("training: {name}, epoch {epoch}/{epochs}, {accuracy}%").format(
                name=self.design.name, epoch=e.epoch, epochs=e.epochs, accuracy=f"{100 * e.val_acc:.1f}")
            self._publish(e.state_dict, source, replace=False)
        best = max((row["val_acc"] for row in self._history), default=e.val_acc)
        self._update_run(best_val_acc=best, epochs=e.epoch, duration_s=self.elapsed())
        self.epochEnded.emit(e)

    def _on_finished(self, e: FinishedEvent) -> None:
        self._result = e
        if e.epochs_done > 0:
            last = 100 * (e.last_val_acc or 0.0)
            source = (self.tr("trained: {name}, {count} epoch, {accuracy}%") if e.epochs_done == 1 else
                      self.tr("trained: {name}, {count} epochs, {accuracy}%")).format(
                name=self.design.name, count=e.epochs_done, accuracy=f"{last:.1f}")
            self._publish(e.state_dict, source, replace=True)
            self._keep_the_better(e.last_val_acc)
        self._update_run(status="stopped" if e.stopped else "finished", duration_s=e.duration_s,
                         epochs=e.epochs_done, best_val_acc=e.best_val_acc)

    def _on_job_finished(self, _result: object) -> None:
        # After shutdown() the thread is joined before its last events were delivered (they
        # wait in the event queue): take them now, so the run ends with its own result.
        QCoreApplication.sendPostedEvents(self.job, QEvent.Type.MetaCall)
        self._trainer = None
        self._end_pause()
        self._ended_at = time.monotonic()
        self.hub.set_loading_blocked("")
        result = self._result
        if isinstance(result, FinishedEvent):
            self._set_state(RunState.STOPPED if result.stopped else RunState.FINISHED)
        elif isinstance(result, FailedEvent):
            self._set_state(RunState.FAILED)
        else:
            self._set_state(RunState.IDLE)
        self.ended.emit(result)

    # ------------------------------------------------------------ the active model

    def _publish(self, state_dict: dict, source: str, replace: bool) -> None:
        """Show these weights as the active model: a new model on the first epoch and at the
        end of the run (`replace`), new weights in the same network in between (unless the
        person made another model active meanwhile)."""
        run, request = self._started, self._request
        if run is None or request is None:
            return
        metrics = self.metrics()
        active = self.hub.active
        if not replace and active is not None and active.model is run.network:
            self.hub.update_weights(state_dict, source, metrics=metrics)
            return
        run.network.load_state_dict(state_dict)
        self.hub.set_active(ActiveModel.from_info(request.design, run.network, source, run.dataset.info,
                                                  config=request.config.to_dict(), metrics=metrics))

    def note_saved(self, model: nn.Module, path: str) -> None:
        """The person saved `model` as a checkpoint: when it is the network of the latest run,
        the run history remembers where (its Runs row can then load it)."""
        run = self._started
        if self._history_id is not None and run is not None and model is run.network:
            from playground.core.run_recorder import record_checkpoint

            problem = record_checkpoint(self._history_id, path)
            if problem:
                self.notice.emit(problem)

    def _keep_the_better(self, new_acc: float | None) -> None:
        """A run that ended below the network active before it (on the same data) does not
        replace it: that one stays active and the new one is offered (ModelHub.candidate)."""
        before, run, newer = self._before, self._started, self.hub.active
        self._before = None
        if before is None or run is None or newer is None or new_acc is None or newer.model is not run.network:
            return
        if before.dataset_info().name != run.dataset.info.name or new_acc >= (before.val_acc or 0.0):
            return
        self.hub.keep_better(before, newer)

    # ------------------------------------------------------------ the runs of this window

    def _add_run(self, record: RunRecord) -> int:
        run_id = self._next_run_id
        self._next_run_id += 1
        self.runs[run_id] = record
        self.runChanged.emit(run_id)
        return run_id

    def _update_run(self, **changes: object) -> None:
        if self._run_id is None:
            return
        record = self.runs[self._run_id]
        for name, value in changes.items():
            setattr(record, name, value)
        self.runChanged.emit(self._run_id)

    # ------------------------------------------------------------ helpers

    def _end_pause(self) -> None:
        if self._paused_at is not None:
            self._paused_total += time.monotonic() - self._paused_at
            self._paused_at = None

    def _set_state(self, state: RunState) -> None:
        if state is not self._state:
            self._state = state
            self.stateChanged.emit(state)


class _RecordedRun:
    """The trainer as the worker's job, recorded in the run history (core.run_recorder):
    a run that ends without an end event is closed there as interrupted."""

    def __init__(self, trainer: Trainer, recorder: RunRecorder) -> None:
        self.trainer, self.recorder = trainer, recorder

    def run(self) -> Any:
        try:
            return self.trainer.run()
        finally:
            self.recorder.close()

    def stop(self) -> None:
        self.trainer.stop()

    def pause(self) -> None:
        self.trainer.pause()

    def resume(self) -> None:
        self.trainer.resume()


class _TorchWarmUp:
    """A job that imports what torch imports lazily when the first optimizer is built."""

    def run(self) -> None:
        import torch._dynamo  # noqa: F401

    def stop(self) -> None:
        """An import cannot be interrupted; it ends by itself within seconds."""
