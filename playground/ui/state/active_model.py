"""The active model: the one network that drawing, feature maps, kernels and the kernel
animation look at. It starts as the shipped pretrained default, becomes the trained model
after training, or whatever checkpoint the person loads.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import torch
import torch.nn as nn
from PySide6.QtCore import QObject, Signal

from playground.core.checkpoint import Checkpoint, CheckpointError, load_default_checkpoint
from playground.core.datasets import DatasetInfo
from playground.core.design import Design

DEFAULT_SOURCE = "pretrained default"


@dataclass
class ActiveModel:
    """A built network in eval mode on the CPU, with what is needed to feed it."""

    design: Design
    model: nn.Module
    source: str  # shown to the person: "pretrained default", "trained: LeNet-5, epoch 3", a file name
    mean: tuple[float, ...] = (0.1307,)
    std: tuple[float, ...] = (0.3081,)
    class_names: list[str] = field(default_factory=lambda: [str(i) for i in range(10)])
    # False for a design's freshly initialised network: its answers are guesses.
    trained: bool = True

    @classmethod
    def from_info(cls, design: Design, model: nn.Module, source: str, info: DatasetInfo) -> "ActiveModel":
        """A trained network with the normalisation and class names of the data it learned."""
        return cls(design, model, source, tuple(info.mean), tuple(info.std), list(info.class_names))

    @classmethod
    def from_checkpoint(cls, checkpoint: Checkpoint, source: str) -> "ActiveModel":
        """A loaded checkpoint's network."""
        return cls.from_info(checkpoint.design, checkpoint.build_model(), source, checkpoint.dataset)


class ModelHub(QObject):
    """Holds the active model and announces changes.

    `modelChanged` fires when the network itself is replaced (new design or checkpoint);
    `weightsChanged` when the same network got new weights (after a training epoch).
    """

    modelChanged = Signal(object)  # ActiveModel | None
    weightsChanged = Signal(object)  # ActiveModel

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._active: ActiveModel | None = None

    @property
    def active(self) -> ActiveModel | None:
        return self._active

    def set_active(self, active: ActiveModel | None) -> None:
        if active is not None:
            active.model.eval()
        self._active = active
        self.modelChanged.emit(active)

    def use_default(self) -> str | None:
        """Make the shipped pretrained network active; returns why it could not, or None."""
        try:
            checkpoint = load_default_checkpoint()
        except CheckpointError as exc:
            return str(exc)
        self.set_active(ActiveModel.from_checkpoint(checkpoint, DEFAULT_SOURCE))
        return None

    def update_weights(self, state_dict: dict[str, torch.Tensor], source: str | None = None) -> None:
        """Copy new weights into the active network (e.g. after an epoch) and announce it."""
        if self._active is None:
            return
        self._active.model.load_state_dict(state_dict)
        self._active.model.eval()
        if source:
            self._active.source = source
        self.weightsChanged.emit(self._active)
