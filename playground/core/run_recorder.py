"""Records a training run into the run history as the trainer's events come.

    trainer = Trainer(design, "embedded", config, callback=printer)
    recorder = RunRecorder.attach(trainer, source="cli")   # the run starts, status running
    try:
        trainer.run()
    finally:
        recorder.close()     # ended without an end event (Ctrl-C): interrupted
    recorder.set_checkpoint("model.pt")

`attach` puts the recorder in front of the trainer's callback: each event is written to
the store, then passed on unchanged. Recording never stops a training: when the history
cannot be opened or written, one InfoEvent says so (the CLI prints it, the window shows
it) and the run goes on unrecorded. Step losses are written in batches (at each epoch's
end and every FLUSH_EVERY_S), so the database sees a few short writes a minute.
Make the recorder in the thread that runs the trainer, just before `run()`.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from pathlib import Path

import torch.nn as nn

from playground.core.analysis import analyze
from playground.core.datasets import Dataset
from playground.core.design import design_to_json
from playground.core.devices import describe
from playground.core.events import Callback, EpochEvent, Event, FailedEvent, FinishedEvent, InfoEvent, StepEvent
from playground.core.i18n import N_, _
from playground.core.runs import FAILED, FINISHED, INTERRUPTED, STOPPED, EpochRecord, RunStore, RunStoreError, StepPoint
from playground.core.trainer import Trainer

log = logging.getLogger(__name__)

FLUSH_EVERY_S = 10.0
_STORE_ERRORS = (RunStoreError, sqlite3.Error, OSError)
# The message of a run that got no end event: stored in English, translated where shown.
STOPPED_EARLY = N_("stopped before training ended")


class RunRecorder:
    """Turns one trainer's events into RunStore calls; see the module docstring."""

    def __init__(self, trainer: Trainer, downstream: Callback) -> None:
        """Use `attach`; this makes a recorder that records nothing yet."""
        self.trainer = trainer
        self.downstream = downstream
        self.store: RunStore | None = None
        self.run_id: int | None = None
        self._owns_store = False
        self._path: Path | None = None
        self._pending: list[StepPoint] = []
        self._last_flush = time.monotonic()
        self._lr: float | None = None
        self._details_sent = False
        self._ended = False

    @classmethod
    def attach(cls, trainer: Trainer, *, source: str, store: RunStore | None = None,
               name: str | None = None) -> "RunRecorder":
        """Start recording `trainer`'s run into `store` (default: the user's run history,
        opened here and closed by `close()`); the recorder becomes the trainer's callback."""
        downstream = trainer.callback
        recorder = cls(trainer, downstream)
        trainer.callback = recorder
        try:
            if store is None:
                store = RunStore()
                recorder._owns_store = True
                if store.damaged is not None:
                    downstream(InfoEvent(store.damaged.message()))
            recorder.store = store
            recorder._path = store.path
            recorder.run_id = store.start_run(**_run_facts(trainer), source=source, name=name)
        except _STORE_ERRORS as exc:
            recorder._give_up(exc)
        return recorder

    @property
    def recording(self) -> bool:
        return self.store is not None and self.run_id is not None

    def __call__(self, event: Event) -> None:
        if self.recording:
            try:
                self._record(event)
            except _STORE_ERRORS as exc:
                self._give_up(exc)
        self.downstream(event)

    def _record(self, event: Event) -> None:
        assert self.store is not None and self.run_id is not None
        if isinstance(event, (StepEvent, EpochEvent)) and not self._details_sent:
            self._send_details()
        if isinstance(event, StepEvent):
            self._lr = event.lr
            progress = event.epoch - 1 + event.epoch_step / max(event.steps_per_epoch, 1)
            self._pending.append(StepPoint(event.step, progress, event.loss))
            if time.monotonic() - self._last_flush >= FLUSH_EVERY_S:
                self._flush()
        elif isinstance(event, EpochEvent):
            self._flush()
            self.store.record_epoch(self.run_id, EpochRecord(
                event.epoch, event.train_loss, event.train_acc, event.val_loss, event.val_acc, self._lr,
                event.duration_s, event.samples_per_s), confusion=event.confusion.tolist())
        elif isinstance(event, FinishedEvent):
            self._flush()
            self._ended = True
            self.store.finish(self.run_id, STOPPED if event.stopped else FINISHED, duration_s=event.duration_s)
        elif isinstance(event, FailedEvent):
            self._flush()
            self._ended = True
            self.store.finish(self.run_id, FAILED, message=event.message)

    def _send_details(self) -> None:
        assert self.store is not None and self.run_id is not None
        self._details_sent = True
        data = self.trainer.dataset
        device = describe(self.trainer.device) if self.trainer.device is not None else None
        class_names = data.info.class_names if isinstance(data, Dataset) else None
        self.store.set_details(self.run_id, device=device, class_names=class_names)

    def _flush(self) -> None:
        assert self.store is not None and self.run_id is not None
        self._last_flush = time.monotonic()
        if self._pending:
            points, self._pending = self._pending, []
            self.store.record_steps(self.run_id, points)

    def _give_up(self, exc: BaseException) -> None:
        """Stop recording (the training goes on) and say why, once."""
        log.debug("run history failed", exc_info=exc)
        if self.store is not None and self._owns_store:
            self.store.close()
        self.store = None
        self.run_id = None
        self.downstream(InfoEvent(_("run history: {error}; this run is not recorded").format(error=exc)))

    def set_checkpoint(self, path: str) -> None:
        """Remember where the run's weights were saved (after `close()` too)."""
        if self.run_id is None:
            return
        try:
            if self.store is not None:
                self.store.set_checkpoint(self.run_id, path)
                return
        except _STORE_ERRORS as exc:
            self.downstream(InfoEvent(_not_recorded(exc)))
            return
        problem = record_checkpoint(self.run_id, path, self._path)
        if problem:
            self.downstream(InfoEvent(problem))

    def close(self) -> None:
        """A run that got no end event (the process is being interrupted) ends as
        interrupted; the store opened by `attach` is closed."""
        if self.store is None:
            return
        try:
            if self.run_id is not None and not self._ended:
                self._flush()
                self.store.finish(self.run_id, INTERRUPTED, message=STOPPED_EARLY)
                self._ended = True
        except _STORE_ERRORS as exc:
            self.downstream(InfoEvent(_("run history: {error}; this run may read as interrupted later").format(
                error=exc)))
        finally:
            if self._owns_store:
                self.store.close()
            self.store = None


def _run_facts(trainer: Trainer) -> dict[str, object]:
    """What a run record says about the run before it starts."""
    data = trainer.dataset
    dataset = data.info.name if isinstance(data, Dataset) else str(data)
    if trainer.design is not None:
        analysis = analyze(trainer.design)
        return {"design_json": design_to_json(trainer.design), "design_name": trainer.design.name or "Untitled",
                "dataset": dataset, "settings": trainer.config.to_dict(), "params": analysis.total_params,
                "macs": analysis.total_macs}
    model = trainer.model
    params = sum(p.numel() for p in model.parameters()) if isinstance(model, nn.Module) else None
    return {"design_json": "", "design_name": type(model).__name__, "dataset": dataset,
            "settings": trainer.config.to_dict(), "params": params}


def record_checkpoint(run_id: int, path: str, store_path: Path | None = None) -> str:
    """Note in the run history that run `run_id`'s weights were saved at `path`, once the
    run (and its recorder) is over; returns why it could not, or ''."""
    try:
        with RunStore(store_path, check=False) as store:
            store.set_checkpoint(run_id, path)
    except _STORE_ERRORS as exc:
        return _not_recorded(exc)
    return ""


def _not_recorded(exc: BaseException) -> str:
    return _("run history: {error}; the checkpoint path is not recorded").format(error=exc)
