"""The events that loading data and training report through one callback.

Every long-running piece of `playground.core` (a dataset download, a training run) takes
a single `callback(event)`; the event's class says what happened. They are plain frozen
dataclasses so a GUI worker can forward them unchanged as `Signal(object)` payloads and a
CLI can print them. See `playground.core.trainer` for when each one is sent.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Union

import numpy as np
import torch


BYTES = "bytes"
FILES = "files"


@dataclass(frozen=True)
class ProgressEvent:
    """Part of a long job is done: `what` ("downloading MNIST train-images-idx3-ubyte.gz", in
    the language of the messages), `done` of `total` units (`total` is 0 when unknown).
    `unit` is BYTES (downloads) or FILES (images read), so a view formats the amounts
    without reading `what`."""

    what: str
    done: int
    total: int
    unit: str = BYTES


@dataclass(frozen=True)
class InfoEvent:
    """Something the person should know that is not an error (batch halved, files skipped)."""

    message: str


@dataclass(frozen=True)
class StepEvent:
    """Training progress, sent a few times a second (not every step: reading the loss
    forces the GPU to wait). `loss` is the mean over the steps since the previous
    StepEvent, `accuracy` the running training accuracy of this epoch so far.
    `step` counts optimizer steps from 1 over the whole run; `epoch` counts from 1;
    `epoch_step` is the step within the epoch (1..steps_per_epoch)."""

    step: int
    epoch: int
    epoch_step: int
    steps_per_epoch: int
    loss: float
    accuracy: float
    lr: float
    samples_per_s: float


@dataclass(frozen=True)
class WorstExample:
    """A validation example the model got wrong with high confidence."""

    index: int  # into the validation split
    true: int
    pred: int
    confidence: float  # softmax probability of `pred`


@dataclass(frozen=True)
class EpochEvent:
    """One epoch is done and the model was evaluated on the validation split.

    `confusion[t, p]` counts validation examples of true class t predicted as p;
    `per_class_acc[c]` is the recall of class c (NaN for a class with no examples);
    `val_pred` holds the predicted class of every validation example; `state_dict` is a
    CPU copy of the weights after this epoch (safe to keep; the run goes on)."""

    epoch: int
    epochs: int
    train_loss: float
    train_acc: float
    val_loss: float
    val_acc: float
    confusion: np.ndarray
    per_class_acc: np.ndarray
    val_pred: np.ndarray
    worst: tuple[WorstExample, ...]
    state_dict: dict[str, torch.Tensor] = field(repr=False)
    duration_s: float = 0.0
    samples_per_s: float = 0.0


@dataclass(frozen=True)
class FinishedEvent:
    """The run ended normally or by `stop()` (`stopped`). Accuracies are None when no
    epoch finished. `state_dict` is a CPU copy of the final weights (empty when stopped
    before the model was built, e.g. during a download)."""

    best_val_acc: float | None
    last_val_acc: float | None
    epochs_done: int
    duration_s: float
    stopped: bool
    state_dict: dict[str, torch.Tensor] = field(repr=False)


@dataclass(frozen=True)
class FailedEvent:
    """The run could not go on; `message` is one line saying why and what to try."""

    message: str


Event = Union[ProgressEvent, InfoEvent, StepEvent, EpochEvent, FinishedEvent, FailedEvent]
Callback = Callable[[Event], None]


def ignore(event: Event) -> None:
    """The callback used when the caller passes none."""
