"""The active model: the one network that drawing, feature maps, kernels and the kernel
animation look at. It starts as the shipped pretrained default, becomes the trained model
after training, or whatever checkpoint the person loads.

`ModelHub` is its only owner. Besides what is active, it keeps what a checkpoint of it
needs (design, weights, training config, metrics, dataset info), so saving writes
exactly the network on show, and it holds an opened design's untrained network on offer
until a page that shows the active model asks for it. It imports QtCore only: no widget,
no dialog; a failure comes back as a one-line message, never as an exception.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import torch
import torch.nn as nn
from PySide6.QtCore import QObject, Signal

from playground.core.builder import build_model
from playground.core.checkpoint import (
    Checkpoint, CheckpointError, load_checkpoint, load_default_checkpoint, save_checkpoint)
from playground.core.datasets import DatasetInfo
from playground.core.design import Design, DesignError
from playground.core.fileio import WriteError

DEFAULT_SOURCE = "pretrained default"


@dataclass
class ActiveModel:
    """A built network in eval mode on the CPU, with what is needed to feed and save it."""

    design: Design
    model: nn.Module
    source: str  # shown to the person: "pretrained default", "trained: LeNet-5, epoch 3", a file name
    mean: tuple[float, ...] = (0.1307,)
    std: tuple[float, ...] = (0.3081,)
    class_names: list[str] = field(default_factory=lambda: [str(i) for i in range(10)])
    # False for a design's freshly initialised network: its answers are guesses.
    trained: bool = True
    # What a checkpoint of this network records: how it was trained, how well, on what.
    config: dict[str, Any] = field(default_factory=dict)
    metrics: dict[str, Any] = field(default_factory=dict)
    dataset: DatasetInfo | None = None

    @classmethod
    def from_info(cls, design: Design, model: nn.Module, source: str, info: DatasetInfo,
                  config: dict[str, Any] | None = None, metrics: dict[str, Any] | None = None) -> "ActiveModel":
        """A trained network with the normalisation and class names of the data it learned."""
        return cls(design, model, source, tuple(info.mean), tuple(info.std), list(info.class_names),
                   config=dict(config or {}), metrics=dict(metrics or {}), dataset=info)

    @classmethod
    def from_checkpoint(cls, checkpoint: Checkpoint, source: str) -> "ActiveModel":
        """A loaded checkpoint's network."""
        return cls.from_info(checkpoint.design, checkpoint.build_model(), source, checkpoint.dataset,
                             checkpoint.config, checkpoint.metrics)

    def dataset_info(self) -> DatasetInfo:
        """The data this network expects; for one never trained here, read off the network."""
        if self.dataset is not None:
            return self.dataset
        channels = self.design.input[0]
        return DatasetInfo(self.source, tuple(self.design.input), tuple(self.class_names),
                           tuple(self.mean[:channels]), tuple(self.std[:channels]))


class ModelHub(QObject):
    """Holds the active model and announces changes.

    `modelChanged` fires when the network itself is replaced (new design or checkpoint);
    `weightsChanged` when the same network got new weights (after a training epoch);
    `message` carries the outcome of saving and loading, one line and its kind (error,
    success) for whichever page shows messages.
    """

    modelChanged = Signal(object)  # ActiveModel | None
    weightsChanged = Signal(object)  # ActiveModel
    message = Signal(str, str)  # text, kind

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._active: ActiveModel | None = None
        self._offered: Design | None = None  # an opened design whose network is not built yet
        self._loading_blocked = ""

    @property
    def active(self) -> ActiveModel | None:
        return self._active

    def set_active(self, active: ActiveModel | None) -> None:
        """Make `active` the model every page shows; it replaces any design on offer."""
        if active is not None:
            active.model.eval()
        self._active = active
        self._offered = None
        self.modelChanged.emit(active)

    def use_default(self) -> str | None:
        """Make the shipped pretrained network active; returns why it could not, or None."""
        try:
            checkpoint = load_default_checkpoint()
        except CheckpointError as exc:
            return str(exc)
        self.set_active(ActiveModel.from_checkpoint(checkpoint, DEFAULT_SOURCE))
        return None

    def update_weights(self, state_dict: dict[str, torch.Tensor], source: str | None = None,
                       metrics: dict[str, Any] | None = None) -> None:
        """Copy new weights into the active network (e.g. after an epoch) and announce it;
        `metrics` replaces the recorded numbers when given."""
        if self._active is None:
            return
        self._active.model.load_state_dict(state_dict)
        self._active.model.eval()
        if source:
            self._active.source = source
        if metrics is not None:
            self._active.metrics = dict(metrics)
        self.weightsChanged.emit(self._active)

    # ------------------------------------------------------------ an opened design's network

    def offer_untrained(self, design: Design) -> None:
        """Keep `design` on offer: its fresh network is built by `build_offered`, only when
        a page shows the active model (building VGG-11 costs half a gigabyte)."""
        self._offered = design

    @property
    def offered(self) -> Design | None:
        return self._offered

    def build_offered(self) -> str | None:
        """Make the offered design's fresh, untrained network active. Returns why it could
        not (the active model stays), or None (also when nothing was on offer)."""
        design, self._offered = self._offered, None
        if design is None:
            return None
        try:
            model = build_model(design)
        except DesignError as exc:
            source = self._active.source if self._active else "no model"
            return f"{design.name} cannot be built yet ({exc}); the Draw page keeps the {source}."
        self.set_active(ActiveModel(design, model, f"{design.name}, not trained yet", trained=False))
        return None

    # ------------------------------------------------------------ checkpoints

    def set_loading_blocked(self, reason: str) -> None:
        """Refuse `load_model` with `reason` (e.g. while a run publishes into the active
        model); an empty reason allows it again."""
        self._loading_blocked = reason

    def save_model(self, path: str | Path) -> bool:
        """Save the active model (design, weights, config, metrics, dataset) as a
        checkpoint; the outcome goes out on `message`."""
        active = self._active
        if active is None:
            self.message.emit("Could not save the model: there is no model yet: train one or load a checkpoint",
                              "error")
            return False
        metrics = active.metrics or {"source": active.source}
        try:
            save_checkpoint(path, active.design, active.model, active.config, metrics, active.dataset_info())
        except (CheckpointError, WriteError) as exc:
            self.message.emit(f"Could not save the model: {exc}", "error")
            return False
        self.message.emit(f"Saved the model to {path}", "success")
        return True

    def load_model(self, path: str | Path) -> Checkpoint | None:
        """Load a checkpoint and make it the active model; returns the Checkpoint, or None
        (with the reason on `message`) when the file cannot be used or loading is blocked."""
        if self._loading_blocked:
            self.message.emit(self._loading_blocked, "error")
            return None
        try:
            checkpoint = load_checkpoint(path)
            accuracy = checkpoint.metrics.get("val_acc")
            detail = f", {100 * accuracy:.1f}%" if isinstance(accuracy, (int, float)) else ""
            active = ActiveModel.from_checkpoint(checkpoint, f"{Path(path).name}{detail}")
        except CheckpointError as exc:
            self.message.emit(f"Could not load the model: {exc}", "error")
            return None
        self.set_active(active)
        self.message.emit(f"Loaded {Path(path).name}: {checkpoint.design.name}, trained on "
                          f"{checkpoint.dataset.name}{detail}.", "success")
        return checkpoint
