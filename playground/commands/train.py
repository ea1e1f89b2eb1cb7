"""`cnn-playground train DESIGN.json --dataset embedded --epochs 3 --device auto --out M.pt`.

Progress goes to stderr: a bar per epoch (loss, accuracy, samples/s) redrawn in place on
a terminal, one line per epoch otherwise (logs, CI). The final validation accuracy goes to
stdout. Bad input or a failed run is one line and exit status 2; the checkpoint is written
only after training succeeded, atomically.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from pathlib import Path
from typing import TextIO

from playground.cli import UsageError
from playground.commands.train_launch import Launch
from playground.core.checkpoint import CheckpointError, save_checkpoint
from playground.core.design import load_design
from playground.core.devices import describe
from playground.core.events import FILES, EpochEvent, Event, InfoEvent, ProgressEvent, StepEvent, ignore
from playground.core.fileio import WriteError, check_can_create
from playground.core.i18n import _
from playground.core.memory import training_memory_problem
from playground.core.run_recorder import RunRecorder
from playground.core.safe_text import printable
from playground.core.text import fit, format_bytes, format_duration, format_int
from playground.core.train_options import ConfigError, TrainConfig, cli_options, option_named
from playground.core.trainer_choice import make_trainer

BAR_WIDTH = 24


def _bar(fraction: float) -> str:
    filled = int(round(BAR_WIDTH * min(max(fraction, 0.0), 1.0)))
    return "#" * filled + "." * (BAR_WIDTH - filled)


class ProgressPrinter:
    """The training callback of the CLI: draws the bars on `stream`."""

    def __init__(self, stream: TextIO, epochs: int) -> None:
        self.stream = stream
        self.epochs = epochs
        self.live = stream.isatty()
        self.width = max(20, shutil.get_terminal_size((100, 24)).columns - 1)  # never wrap: \r must redraw one line
        self._open_line = False

    def _draw(self, text: str) -> None:
        if self.live:
            self.stream.write("\r" + fit(printable(text), self.width, ellipsis=""))  # columns: 训 takes two
            self.stream.flush()
            self._open_line = True

    def _line(self, text: str) -> None:
        if self._open_line:
            self.stream.write("\r" + " " * self.width + "\r")
            self._open_line = False
        self.stream.write(printable(text) + "\n")  # names from files (class folders) reach the terminal escaped
        self.stream.flush()

    def __call__(self, event: Event) -> None:
        if isinstance(event, StepEvent):
            fraction = event.epoch_step / max(event.steps_per_epoch, 1)
            self._draw(_("epoch {epoch}/{epochs} [{bar}] {step}/{steps} loss {loss:.4f} acc {acc:.2%} "
                         "{speed} samples/s").format(
                epoch=event.epoch, epochs=self.epochs, bar=_bar(fraction), step=event.epoch_step,
                steps=event.steps_per_epoch, loss=event.loss, acc=event.accuracy,
                speed=format_int(round(event.samples_per_s))))
        elif isinstance(event, EpochEvent):
            self._line(_("epoch {epoch}/{epochs} [{bar}] loss {loss:.4f} acc {acc:.2%} {speed} samples/s {time} | "
                         "val loss {val_loss:.4f} acc {val_acc:.2%}").format(
                epoch=event.epoch, epochs=event.epochs, bar=_bar(1.0), loss=event.train_loss, acc=event.train_acc,
                speed=format_int(round(event.samples_per_s)), time=format_duration(event.duration_s),
                val_loss=event.val_loss, val_acc=event.val_acc))
        elif isinstance(event, ProgressEvent):
            size = str if event.unit == FILES else format_bytes
            amount = _("{done} of {total}").format(done=size(event.done), total=size(event.total)) if event.total \
                else size(event.done)
            fraction = event.done / event.total if event.total else 0.0
            self._draw(f"{event.what} [{_bar(fraction)}] {amount}")
            if event.total and event.done >= event.total and not self.live:
                self._line(f"{event.what}: {amount}")
        elif isinstance(event, InfoEvent):
            self._line(event.message)

    def close(self) -> None:
        if self._open_line:
            self.stream.write("\n")
            self._open_line = False


def config_from_args(args: argparse.Namespace) -> TrainConfig:
    """The TrainConfig of the flags (each stored under its field's name); a bad value is
    a UsageError naming its flag."""
    config = TrainConfig(**{option.name: getattr(args, option.name) for option in cli_options()})
    try:
        config.validate()
    except ConfigError as exc:
        raise UsageError(f"{option_named(exc.field).flag}: {exc.message}") from None
    return config


def check_out(out: Path) -> None:
    """Refuse a checkpoint path that could not be written, before minutes of training, not after."""
    if not out.parent.is_dir():
        raise UsageError(_("--out {path}: folder {folder} does not exist").format(path=out, folder=out.parent))
    if out.is_dir():
        raise UsageError(_("--out {path}: is a folder; give a file name such as model.pt").format(path=out))
    if not os.access(out.parent, os.W_OK | os.X_OK):
        raise UsageError(_("--out {path}: folder {folder} is not writable").format(path=out, folder=out.parent))
    try:
        check_can_create(out)  # a link, a pipe, a device, a read-only file or /proc: refused now
    except WriteError as exc:
        raise UsageError(f"--out {exc}") from None


def run(args: argparse.Namespace) -> int:
    config = config_from_args(args)
    out = Path(args.out)
    check_out(out)
    design = load_design(args.design)
    problem = training_memory_problem(design, config)  # before any data, weight or allocator
    if problem:
        raise UsageError(problem)
    launch = Launch.from_env()  # a plain process, or one rank of a torchrun job
    printer = ProgressPrinter(sys.stderr, config.epochs)
    trainer = make_trainer(design, args.dataset, launch.config(config), printer if launch.is_main else ignore,
                           launch.rendezvous)
    # Into the run history (`cnn-playground runs`): once per job, by the rank that prints.
    recorder = RunRecorder.attach(trainer, source="cli") if launch.is_main else None
    started = time.perf_counter()
    try:
        result = launch.run(trainer)
    finally:
        if recorder is not None:
            recorder.close()  # no end event (Ctrl-C): the run reads as interrupted
        printer.close()
    if recorder is None:  # another rank of a torchrun job: rank 0 reports and saves
        return 0
    if result.last_val_acc is None:
        raise UsageError(_("training ended before the first epoch finished; nothing saved"))
    metrics = {**trainer.metrics(), "duration_s": round(result.duration_s, 2)}
    dataset_info = trainer.dataset.info  # type: ignore[union-attr]
    try:
        save_checkpoint(out, design, result.state_dict,
                        {**config.to_dict(), "dataset": args.dataset, **launch.checkpoint_settings(config)}, metrics,
                        dataset_info)
    except CheckpointError as exc:
        raise UsageError(str(exc)) from None
    recorder.set_checkpoint(str(out))
    device = describe(trainer.device) if trainer.device is not None else config.device
    print(_("validation accuracy: {acc:.2%} (best {best:.2%}, {epochs} epochs, {time} on {device}); saved {path}").format(
        acc=result.last_val_acc, best=result.best_val_acc, epochs=result.epochs_done,
        time=format_duration(time.perf_counter() - started), device=device, path=out))
    return 0
