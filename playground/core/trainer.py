"""The training loop as a plain object that reports through one callback.

    trainer = Trainer(design, "embedded", TrainConfig(epochs=3), callback=print)
    result = trainer.run()          # blocks; FinishedEvent or FailedEvent
    trainer.pause() / resume() / stop()   # from any thread, honoured between steps

`run()` loads the data (a `Dataset`, or a name/folder given to `load_dataset`), moves it
to the device once, and draws every batch there by index: uint8 images -> float [0, 1]
-> augmentation (`augment_shift`, `augment_rotate`, optional `batch_transform`) ->
normalisation with the dataset's mean/std. On CUDA it runs under bf16 autocast and never
waits for the GPU inside a step: loss and accuracy are summed on the device and read only
when an event is due. On the CPU torch gets `cores - 1` threads. A fixed seed gives the
same weights and numbers on the CPU every time.

Events (playground.core.events), in the order they come:
- ProgressEvent(what, done, total) and InfoEvent(message) while data loads (downloads,
  reading an image folder, skipped files) and InfoEvent during training (batch halved
  after running out of memory).
- StepEvent(step, epoch, epoch_step, steps_per_epoch, loss, accuracy, lr, samples_per_s):
  at most every `report_every_s` (0.2 s) and after an epoch's last step; `loss` is the
  mean since the previous StepEvent, `accuracy` the epoch's running training accuracy.
- EpochEvent(epoch, epochs, train_loss, train_acc, val_loss, val_acc, confusion (K x K
  int64, rows true, columns predicted), per_class_acc (K float), val_pred (N int64),
  worst (up to 16 WorstExample(index, true, pred, confidence), most confident first),
  state_dict (CPU copy), duration_s (training time of the epoch), samples_per_s).
- Exactly one of FinishedEvent(best_val_acc, last_val_acc, epochs_done, duration_s,
  stopped, state_dict) or FailedEvent(message) ends every run; `run()` returns it.

A NaN or infinite loss fails the run with advice (lower the learning rate, add
normalisation); running out of memory halves the batch and goes on (as Accelerate's
find_executable_batch_size does). Nothing raises out of `run()`: unexpected errors
become a FailedEvent (their traceback goes to this module's logger at DEBUG level).
A stop while the data is still downloading ends the run as stopped, with no weights.

Where batches come from is a handful of hooks (`_load_data`, `_epoch_order`,
`_samples_per_epoch`, `_fetch`, `_fetch_val`): playground.core.streaming decodes them
from disk and playground.core.distributed trains one rank's share; this class's own
versions index tensors on the device, one method call per step.

`TrainConfig`, its checks and its defaults live in playground.core.train_options (torch-free,
shared with the command line and the settings form); this module re-exports them.
"""

from __future__ import annotations

import gc
import logging
import math
import threading
import time
from typing import Any, Callable

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

from playground.core.builder import build_model
from playground.core.checkpoint import cpu_state_dict
from playground.core.datasets import Dataset, DatasetError, augment, check_fits, load_dataset
from playground.core.design import Design, DesignError
from playground.core.devices import DeviceError, limit_cpu_threads, resolve_device
from playground.core.events import (
    Callback, EpochEvent, Event, FailedEvent, FinishedEvent, InfoEvent, ProgressEvent, StepEvent,
    WorstExample, ignore)
from playground.core.i18n import N_, _
from playground.core.train_options import DEFAULT_LR, OPTIMIZERS, SCHEDULES, ConfigError, TrainConfig

__all__ = [
    "ConfigError", "DEFAULT_LR", "EpochEvent", "Event", "FailedEvent", "FinishedEvent", "InfoEvent", "OPTIMIZERS",
    "ProgressEvent", "SCHEDULES", "StepEvent", "TrainConfig", "Trainer", "WorstExample", "lr_factor",
]

log = logging.getLogger(__name__)

WORST_COUNT = 16

BatchTransform = Callable[[torch.Tensor, torch.Generator], torch.Tensor]


def lr_factor(schedule: str, progress: float) -> float:
    """The learning rate's multiplier at `progress` (0 at the start, 1 at the end).

    cosine: from 1 down to 0; onecycle: 0.3 of the run warming up from 1/25 to 1 then
    annealing to 1/25e4 (torch's OneCycleLR defaults, cosine both ways).
    """
    p = min(max(progress, 0.0), 1.0)
    if schedule == "cosine":
        return 0.5 * (1 + math.cos(math.pi * p))
    if schedule == "onecycle":
        start, end, warm = 1 / 25, 1 / 25e4, 0.3
        if p < warm:
            return start + (1 - start) * 0.5 * (1 - math.cos(math.pi * p / warm))
        return end + (1 - end) * 0.5 * (1 + math.cos(math.pi * (p - warm) / (1 - warm)))
    return 1.0


class _Failed(Exception):
    """Ends a run with a FailedEvent carrying this message."""


class _Stopped(Exception):
    """Stop was asked for while the data was still loading (downloading, reading images)."""


def metrics_from_history(history: list[dict[str, float]]) -> dict[str, Any]:
    """A checkpoint's numbers from per-epoch rows (epoch, train/val loss and accuracy):
    the last epoch's, the best validation accuracy, and the history itself."""
    if not history:
        return {"epochs_done": 0, "history": []}
    last = history[-1]
    return {"val_acc": last["val_acc"], "val_loss": last["val_loss"], "train_acc": last["train_acc"],
            "train_loss": last["train_loss"], "best_val_acc": max(h["val_acc"] for h in history),
            "epochs_done": len(history), "history": list(history)}


class Trainer:
    """Trains one model on one dataset; see the module docstring for the events.

    `design_or_model`: a Design (built after seeding, so the seed fixes the initial
    weights) or an nn.Module (trained in place, moved to the device). `dataset`: a
    Dataset, or a name/folder for `load_dataset`. `batch_transform(x, generator)` may
    change each float training batch in [0, 1] after the built-in augmentation.
    A Trainer runs once; make a new one for the next run.
    """

    def __init__(self, design_or_model: Design | nn.Module, dataset: Dataset | str,
                 config: TrainConfig | None = None, callback: Callback | None = None,
                 batch_transform: BatchTransform | None = None, report_every_s: float = 0.2) -> None:
        self.design = design_or_model if isinstance(design_or_model, Design) else None
        self.model: nn.Module | None = design_or_model if isinstance(design_or_model, nn.Module) else None
        self.dataset = dataset
        self.config = config or TrainConfig()
        self.callback: Callback = callback or ignore
        self.batch_transform = batch_transform
        self.report_every_s = report_every_s
        self.history: list[dict[str, float]] = []
        self.device: torch.device | None = None
        self._eval_chunk = max(256, self.config.batch_size * 4)  # halved for good when it runs out of memory
        self._autocast: Callable[[], Any] | None = None
        self._augments = False
        self._scale = self._offset = self._mean = self._std = torch.ones(())
        self._stop = threading.Event()
        self._running = threading.Event()
        self._running.set()

    # ------------------------------------------------------------ control (any thread)

    def pause(self) -> None:
        self._running.clear()

    def resume(self) -> None:
        self._running.set()

    def stop(self) -> None:
        """Ask the run to end; it finishes the current step and sends FinishedEvent(stopped=True)."""
        self._stop.set()
        self._running.set()

    @property
    def paused(self) -> bool:
        return not self._running.is_set()

    def metrics(self) -> dict[str, Any]:
        """Final numbers for a checkpoint (see metrics_from_history)."""
        return metrics_from_history(self.history)

    # ------------------------------------------------------------ the run

    def run(self) -> FinishedEvent | FailedEvent:
        """Train; blocks until done, stopped or failed. Never raises for bad input or data."""
        result: FinishedEvent | FailedEvent
        started = time.perf_counter()
        try:
            result = self._run()
        except _Stopped:
            result = FinishedEvent(None, None, 0, time.perf_counter() - started, True, {})
        except (_Failed, DatasetError, DesignError, DeviceError) as exc:
            result = FailedEvent(str(exc))
        except ValueError as exc:
            result = FailedEvent(_("cannot train: {reason}").format(reason=exc))
        except Exception as exc:  # a worker thread must end with an event, not a dead thread
            log.debug("training failed", exc_info=True)
            first = str(exc).splitlines()[0] if str(exc) else ""
            result = FailedEvent(_("training failed: {error}: {detail}").format(error=exc.__class__.__name__, detail=first))
        self.callback(result)
        return result

    def _emit_while_loading(self, event: Event) -> None:
        """The data loaders' callback: also where a stop during a download takes effect."""
        if self._stop.is_set():
            raise _Stopped()
        self.callback(event)

    def _prepare(self) -> tuple[nn.Module, Dataset]:
        cfg = self.config
        cfg.validate()
        device = self.device = resolve_device(cfg.device)
        if device.type == "cpu":
            limit_cpu_threads(cfg.cpu_threads)
        data = self._load_data()
        data = data.subset(cfg.max_train_samples, cfg.max_val_samples)
        if len(data.train_x) == 0 or len(data.val_x) == 0:
            raise _Failed(_("{dataset}: needs at least one training and one validation example").format(
                dataset=data.info.name))
        torch.manual_seed(cfg.seed)
        if self.design is not None:
            if isinstance(data, Dataset):  # digits padded into a 32x32 LeNet input; a stream is sized already
                data = data.padded_to(self.design.input)
            check_fits(self.design, data.info)
            self.model = build_model(self.design)
        assert self.model is not None
        if device.type == "cuda":
            torch.backends.cudnn.benchmark = True
        self.dataset = data.to(device)
        return self.model.to(device), self.dataset

    def _load_data(self) -> Dataset:
        """The dataset as given, or loaded by name or folder (a subclass may stream it instead)."""
        if isinstance(self.dataset, Dataset):
            return self.dataset
        shape = self.design.input if self.design is not None else None
        return load_dataset(self.dataset, input_shape=shape, download=self.config.download,
                            callback=self._emit_while_loading)

    def _epoch_order(self, epoch: int, n: int, generator: torch.Generator, device: torch.device) -> torch.Tensor:
        """The training indices of one epoch, in the order they are visited: a seeded shuffle
        of all `n` (the distributed trainer keeps one rank's share of it)."""
        return torch.randperm(n, generator=generator, device=device)

    def _samples_per_epoch(self, n: int) -> int:
        """How many of the `n` training examples one epoch of this process visits."""
        return n

    def _fetch(self, data: Dataset, idx: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """The uint8 images and labels of training batch `idx`, on the device."""
        return data.train_x[idx], data.train_y[idx]

    def _fetch_val(self, data: Dataset, start: int, count: int) -> tuple[torch.Tensor, torch.Tensor]:
        """Validation images and labels `start` to `start + count`, on the device."""
        return data.val_x[start:start + count], data.val_y[start:start + count]

    def _optimizer(self, model: nn.Module) -> torch.optim.Optimizer:
        cfg = self.config
        params = [p for p in model.parameters() if p.requires_grad]
        if not params:
            raise _Failed(_("the design has no trainable parameters (add Conv2d or Linear layers)"))
        if cfg.optimizer == "sgd":
            return torch.optim.SGD(params, lr=cfg.learning_rate, momentum=cfg.momentum, weight_decay=cfg.weight_decay)
        if cfg.optimizer == "adamw":
            return torch.optim.AdamW(params, lr=cfg.learning_rate, weight_decay=cfg.weight_decay)
        return torch.optim.Adam(params, lr=cfg.learning_rate, weight_decay=cfg.weight_decay)

    def _wait_if_paused(self) -> float:
        """Block while paused (waking for stop); returns the seconds spent paused."""
        if self._running.is_set():
            return 0.0
        start = time.perf_counter()
        self._running.wait()  # stop() sets it too
        return time.perf_counter() - start

    def _run(self) -> FinishedEvent:
        self.history = []
        started = time.perf_counter()
        model, data = self._prepare()
        cfg = self.config
        device = data.device
        optimizer = self._optimizer(model)
        mean, std = data.normalization()
        self._scale, self._offset = 1.0 / (255.0 * std), -mean / std  # (x / 255 - mean) / std, one pass
        self._augments = bool(cfg.augment_shift or cfg.augment_rotate or cfg.augment_scale or self.batch_transform)
        self._mean, self._std = mean, std
        generator = torch.Generator(device=device).manual_seed(cfg.seed)
        use_amp = device.type == "cuda" and cfg.mixed_precision and torch.cuda.is_bf16_supported()
        self._autocast = (lambda: torch.autocast("cuda", dtype=torch.bfloat16)) if use_amp else None
        n = len(data.train_x)
        batch = min(cfg.batch_size, self._samples_per_epoch(n))
        base_lr = cfg.learning_rate
        paused_s = 0.0
        step = 0
        epochs_done = 0
        best: float | None = None
        last: float | None = None
        for epoch in range(1, cfg.epochs + 1):
            if self._stop.is_set():
                break
            model.train()
            order = self._epoch_order(epoch, n, generator, device)
            usable = (len(order) // batch) * batch
            pos = epoch_step = 0
            # Summed on the device, read only when an event is due (reading makes a GPU wait).
            loss_acc = torch.zeros((), device=device)  # step losses since the last read
            correct_acc = torch.zeros((), device=device)  # correct predictions this epoch
            loss_total = 0.0  # step losses this epoch, as read so far
            unread_steps = 0
            epoch_start = report_time = time.perf_counter()
            epoch_paused = 0.0
            report_samples = 0
            while pos < usable:
                waited = self._wait_if_paused()
                if waited:
                    paused_s += waited
                    epoch_paused += waited
                    report_time += waited
                if self._stop.is_set():
                    break
                lr = base_lr * lr_factor(cfg.schedule, ((epoch - 1) * usable + pos) / (cfg.epochs * usable))
                for group in optimizer.param_groups:
                    group["lr"] = lr
                idx = order[pos:pos + batch]
                if not self._train_step(model, optimizer, data, idx, generator, loss_acc, correct_acc):
                    optimizer.zero_grad(set_to_none=True)  # out of memory: the same samples, smaller batches
                    batch = self._halve_batch(batch)
                    continue
                pos += batch
                step += 1
                epoch_step += 1
                unread_steps += 1
                report_samples += batch
                now = time.perf_counter()
                if now - report_time >= self.report_every_s or pos >= usable:
                    loss_sum, correct = torch.stack((loss_acc, correct_acc)).tolist()
                    loss_acc.zero_()
                    mean_loss = loss_sum / unread_steps
                    if not math.isfinite(mean_loss):
                        raise _Failed(self._diverged_message(mean_loss, step, lr))
                    loss_total += loss_sum
                    unread_steps = 0
                    self.callback(StepEvent(step, epoch, epoch_step, usable // batch, mean_loss, correct / pos, lr,
                                         report_samples / max(now - report_time, 1e-9)))
                    report_time, report_samples = now, 0
            if self._stop.is_set() and pos < usable:
                break
            train_time = time.perf_counter() - epoch_start - epoch_paused
            train_loss, train_acc = loss_total / max(epoch_step, 1), float(correct_acc) / max(pos, 1)
            evaluation = self._evaluate(model, data)
            if evaluation is None:
                break
            val_loss, val_acc, confusion, val_pred, worst = evaluation
            if not math.isfinite(val_loss):
                raise _Failed(self._diverged_message(val_loss, step, base_lr))
            epochs_done = epoch
            last = val_acc
            best = val_acc if best is None else max(best, val_acc)
            self.history.append({"epoch": epoch, "train_loss": train_loss, "train_acc": train_acc,
                                 "val_loss": val_loss, "val_acc": val_acc})
            with np.errstate(invalid="ignore", divide="ignore"):
                per_class = np.diag(confusion) / confusion.sum(axis=1)
            self.callback(EpochEvent(epoch, cfg.epochs, train_loss, train_acc, val_loss, val_acc, confusion, per_class,
                                  val_pred, worst, cpu_state_dict(self.model), train_time, pos / max(train_time, 1e-9)))
        model.eval()
        duration = time.perf_counter() - started - paused_s
        return FinishedEvent(best, last, epochs_done, duration, self._stop.is_set(), cpu_state_dict(self.model))

    def _inputs(self, raw: torch.Tensor, generator: torch.Generator | None) -> torch.Tensor:
        """A uint8 batch on the device -> the normalised float batch the model takes.

        With augmentation (training only, `generator` given) the [0, 1] images are
        augmented first, so uncovered pixels become the background.
        """
        if generator is None or not self._augments:
            return torch.addcmul(self._offset, raw, self._scale)
        x = raw.float().div_(255)
        x = augment(x, self.config.augment_shift, self.config.augment_rotate, self.config.augment_scale, generator)
        if self.batch_transform is not None:
            x = self.batch_transform(x, generator)
        return x.sub_(self._mean).div_(self._std)

    def _forward(self, model: nn.Module, x: torch.Tensor) -> torch.Tensor:
        if self._autocast is None:
            return model(x)
        with self._autocast():
            return model(x).float()

    def _train_step(self, model: nn.Module, optimizer: torch.optim.Optimizer, data: Dataset, idx: torch.Tensor,
                    generator: torch.Generator, loss_acc: torch.Tensor, correct_acc: torch.Tensor) -> bool:
        """One optimizer step; False when it ran out of memory (nothing of it is kept)."""
        try:
            raw, y = self._fetch(data, idx)
            x = self._inputs(raw, generator)
            logits = self._forward(model, x)
            loss = F.cross_entropy(logits, y, label_smoothing=self.config.label_smoothing)
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            optimizer.step()
            loss_acc.add_(loss.detach())
            correct_acc.add_((logits.detach().argmax(1) == y).sum())
            return True
        except torch.OutOfMemoryError:
            # Returning drops the exception, its traceback and this frame's activations,
            # so the caller can free the memory.
            return False

    def _halve_batch(self, batch: int) -> int:
        """Release cached memory and return half the batch size, saying so."""
        gc.collect()
        if self.device is not None and self.device.type == "cuda":
            torch.cuda.empty_cache()
        if batch <= 1:
            raise _Failed(_("out of memory on {device} even with batch size 1: make the design smaller "
                            "or train on the CPU").format(device=self.device))
        smaller = batch // 2
        self.callback(InfoEvent(_("out of memory on {device} at batch size {batch}; "
                                  "continuing with batch size {smaller}").format(
            device=self.device, batch=batch, smaller=smaller)))
        return smaller

    @staticmethod
    def _diverged_message(value: float, step: int, lr: float) -> str:
        message = (N_("the loss became NaN at step {step}: training diverged. Try a lower learning rate "
                      "(e.g. {lower:g} instead of {lr:g}) or add normalisation (BatchNorm2d after the convolutions)")
                   if math.isnan(value) else
                   N_("the loss became infinite at step {step}: training diverged. Try a lower learning rate "
                      "(e.g. {lower:g} instead of {lr:g}) or add normalisation (BatchNorm2d after the convolutions)"))
        return _(message).format(step=step, lower=lr / 10, lr=lr)

    def _evaluate(self, model: nn.Module, data: Dataset
                  ) -> tuple[float, float, np.ndarray, np.ndarray, tuple[WorstExample, ...]] | None:
        """Validation loss, accuracy, confusion, predictions and worst mistakes; None if stopped."""
        model.eval()
        k = data.info.num_classes
        n = len(data.val_x)
        chunk = self._eval_chunk
        loss_sum = torch.zeros((), device=data.device)
        preds, confs = [], []
        with torch.no_grad():
            start = 0
            while start < n:
                if self._stop.is_set():
                    return None
                raw, y = self._fetch_val(data, start, chunk)
                x = self._inputs(raw, None)
                try:
                    logits = self._forward(model, x)
                except torch.OutOfMemoryError:
                    logits = None
                if logits is None:
                    chunk = self._eval_chunk = self._halve_batch(chunk)
                    continue
                loss_sum += F.cross_entropy(logits, y, reduction="sum")
                conf, pred = torch.softmax(logits, 1).max(1)
                preds.append(pred)
                confs.append(conf)
                start += len(y)
        pred = torch.cat(preds)
        conf = torch.cat(confs)
        truth = data.val_y
        confusion = torch.bincount(truth * k + pred, minlength=k * k).view(k, k)
        wrong_conf = torch.where(pred != truth, conf, torch.full_like(conf, -1.0))
        top = torch.topk(wrong_conf, min(WORST_COUNT, n))
        pred_np, truth_np = pred.cpu().numpy(), truth.cpu().numpy()
        worst = tuple(WorstExample(int(i), int(truth_np[i]), int(pred_np[i]), float(c))
                      for c, i in zip(top.values.tolist(), top.indices.tolist()) if c >= 0)
        val_loss = float(loss_sum) / n
        val_acc = float((pred_np == truth_np).mean())
        return val_loss, val_acc, confusion.cpu().numpy(), pred_np, worst
