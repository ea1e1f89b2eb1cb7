"""The active model: the one network that drawing, feature maps, kernels and the kernel
animation look at. It starts as the shipped pretrained default, becomes the trained model
after training, or whatever checkpoint the person loads.

`ModelHub` is its only owner. Besides what is active, it keeps what a checkpoint of it
needs (design, weights, training config, metrics, dataset info), so saving writes
exactly the network on show, and it holds an opened design's untrained network on offer
until a page that shows the active model asks for it. It imports QtCore only: no widget,
no dialog; a failure comes back as a one-line message, never as an exception. Nor does it
import torch until a network is built or loaded: the window opens (and is painted) while
torch and the pretrained default load in the background (`load_default`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Signal

from playground.core.design import Design, DesignError
from playground.core.fileio import WriteError

if TYPE_CHECKING:  # the modules below import torch: each is imported where it is used
    import torch
    import torch.nn as nn

    from playground.core.checkpoint import Checkpoint
    from playground.core.datasets import DatasetInfo

DEFAULT_SOURCE = QT_TRANSLATE_NOOP("ActiveModel", "pretrained default")  # as written; shown translated


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
    # An edited design's network: trained weights carried over where they fit; these
    # blocks (by id) kept their fresh initialisation.
    edited: bool = False
    untrained_blocks: tuple[str, ...] = ()

    @property
    def val_acc(self) -> float | None:
        """Its recorded validation accuracy (a fraction), to compare a new run's with."""
        value = self.metrics.get("val_acc")
        return float(value) if isinstance(value, (int, float)) else None

    def source_text(self) -> str:
        """Where it came from, in the current language where the source is one of ours
        ("pretrained default"); a file name or a run's words as they are."""
        return QCoreApplication.translate("ActiveModel", self.source)

    def title(self) -> str:
        """Which network this is, in a few words: "LeNet-5 (edited, 2 blocks untrained)"."""
        translate = QCoreApplication.translate
        name = self.design.name or translate("ActiveModel", "Untitled")
        if not self.edited:
            return name if self.trained or self.untrained_blocks else translate("ActiveModel", "{name} (not trained)").format(
                name=name)
        count = len(self.untrained_blocks)
        if not count:
            return translate("ActiveModel", "{name} (edited, trained weights)").format(name=name)
        text = translate("ActiveModel", "{name} (edited, {count} block untrained)") if count == 1 else \
            translate("ActiveModel", "{name} (edited, {count} blocks untrained)")
        return text.format(name=name, count=count)

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
        from playground.core.datasets import DatasetInfo

        channels = self.design.input[0]
        return DatasetInfo(self.source, tuple(self.design.input), tuple(self.class_names),
                           tuple(self.mean[:channels]), tuple(self.std[:channels]))


def load_default() -> ActiveModel | str:
    """The shipped pretrained network, or why it cannot be loaded. Imports torch and reads
    the checkpoint: the slow part of a start, so the window runs it on a worker thread
    (it touches no QObject) and hands the result to `ModelHub.set_active`."""
    from playground.core.checkpoint import CheckpointError, load_default_checkpoint

    try:
        checkpoint = load_default_checkpoint()
    except CheckpointError as exc:
        return str(exc)
    return ActiveModel.from_checkpoint(checkpoint, DEFAULT_SOURCE)  # translated where shown (source_text)


@dataclass(frozen=True)
class Candidate:
    """A newly trained network that scored below the active one, offered instead of used."""

    model: ActiveModel
    kept_acc: float | None
    new_acc: float | None


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
    candidateChanged = Signal(object)  # Candidate | None: a newer, less accurate network on offer
    followedChanged = Signal()  # the design being edited changed (pages say whether they show it)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._active: ActiveModel | None = None
        self._offered: Design | None = None  # an opened design whose network is not built yet
        # Edits copy weights from `_offered_base` (the trained network of the design being
        # edited); None: the offered network starts untrained.
        self._offered_base: ActiveModel | None = None
        self._followed: Design | None = None  # the design on the Design page
        self._lineage: ActiveModel | None = None  # the last trained network set active
        self._candidate: Candidate | None = None
        self._loading_blocked = ""

    @property
    def active(self) -> ActiveModel | None:
        return self._active

    def set_active(self, active: ActiveModel | None) -> None:
        """Make `active` the model every page shows; it replaces any design on offer."""
        if active is not None:
            active.model.eval()
            if active.trained and not active.edited:
                self._lineage = active
        self._active = active
        self._offered = self._offered_base = None
        if self._candidate is not None and (active is None or self._candidate.model is not active):
            self._candidate = None
            self.candidateChanged.emit(None)
        self.modelChanged.emit(active)

    def use_default(self) -> str | None:
        """Make the shipped pretrained network active; returns why it could not, or None."""
        default = load_default()
        if isinstance(default, str):
            return default
        self.set_active(default)
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
        self._offered, self._offered_base = design, None
        self.set_followed(design)

    # ------------------------------------------------------------ following the edited design

    def set_followed(self, design: Design) -> None:
        """Note the design on the Design page (pages say whether they show it) without
        building anything."""
        self._followed = design
        self.followedChanged.emit()

    @property
    def followed(self) -> Design | None:
        return self._followed

    def shows_followed(self) -> bool:
        """The active network is the design being edited (True when none is followed)."""
        return self._followed is None or (self._active is not None and self._active.design == self._followed)

    def _base_for_edits(self) -> ActiveModel | None:
        """The trained network whose weights an edit of the followed design keeps: the last
        trained network, when it was a network of that design (before this edit)."""
        lineage, followed = self._lineage, self._followed
        if lineage is None or followed is None:
            return None
        active = self._active
        if lineage.design == followed or (active is not None and active.edited and active.design == followed):
            return lineage
        return None

    def follow_edit(self, design: Design) -> None:
        """The design being edited became `design`: offer its network, with the trained
        weights of every block whose shapes still fit, built by `build_offered`."""
        if design == self._followed and (self._offered is None or self._offered == design):
            return
        base = self._offered_base if self._offered is not None else self._base_for_edits()
        self.set_followed(design)
        if self._active is not None and self._active.design == design:
            self._offered = self._offered_base = None
            return
        self._offered, self._offered_base = design, base

    def _build(self, design: Design, base: ActiveModel | None) -> ActiveModel:
        """`design`'s network: `base` itself when it is that design, else a fresh one with
        `base`'s weights carried over where they fit (raises DesignError)."""
        if base is not None and base.design == design:
            return base
        from playground.core.builder import build_model
        from playground.core.weight_transfer import carry_weights

        model = build_model(design)
        if base is None:
            return ActiveModel(design, model, self.tr("{name}, not trained yet").format(name=design.name),
                               trained=False)
        untrained = carry_weights(base.model, model, base.untrained_blocks)
        source = self.tr("edited from {source}").format(source=base.source)
        return ActiveModel(design, model, source, base.mean, base.std, list(base.class_names),
                           trained=not untrained, dataset=base.dataset, edited=True, untrained_blocks=untrained)

    @property
    def offered(self) -> Design | None:
        return self._offered

    def build_offered(self) -> str | None:
        """Make the offered design's fresh, untrained network active. Returns why it could
        not (the active model stays), or None (also when nothing was on offer)."""
        design, base = self._offered, self._offered_base
        self._offered = self._offered_base = None
        if design is None:
            return None
        try:
            active = self._build(design, base)
        except DesignError as exc:
            source = self._active.source if self._active else self.tr("no model")
            return self.tr("{name} cannot be built yet ({error}); the Draw page keeps the {source}.").format(
                name=design.name, error=exc, source=source)
        self.set_active(active)
        return None

    # ------------------------------------------------------------ a newer network on offer

    def keep_better(self, kept: ActiveModel, newer: ActiveModel) -> None:
        """Keep `kept` active (it scored better) and offer `newer` for `use_candidate`."""
        self.set_active(kept)
        self._candidate = Candidate(newer, kept.val_acc, newer.val_acc)
        self.candidateChanged.emit(self._candidate)

    @property
    def candidate(self) -> Candidate | None:
        return self._candidate

    def use_candidate(self) -> bool:
        """Make the network on offer active; False when none is."""
        candidate = self._candidate
        if candidate is None:
            return False
        self._candidate = None
        self.set_active(candidate.model)
        self.candidateChanged.emit(None)
        return True

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
            self.message.emit(self.tr("Could not save the model: there is no model yet: train one or load a "
                                      "checkpoint"), "error")
            return False
        metrics = active.metrics or {"source": active.source}
        from playground.core.checkpoint import CheckpointError, save_checkpoint

        try:
            save_checkpoint(path, active.design, active.model, active.config, metrics, active.dataset_info())
        except (CheckpointError, WriteError) as exc:
            self.message.emit(self.tr("Could not save the model: {error}").format(error=exc), "error")
            return False
        self.message.emit(self.tr("Saved the model to {path}").format(path=path), "success")
        return True

    def load_model(self, path: str | Path) -> Checkpoint | None:
        """Load a checkpoint and make it the active model; returns the Checkpoint, or None
        (with the reason on `message`) when the file cannot be used or loading is blocked."""
        if self._loading_blocked:
            self.message.emit(self._loading_blocked, "error")
            return None
        from playground.core.checkpoint import CheckpointError, load_checkpoint

        try:
            checkpoint = load_checkpoint(path)
            accuracy = checkpoint.metrics.get("val_acc")
            detail = f", {100 * accuracy:.1f}%" if isinstance(accuracy, (int, float)) else ""
            active = ActiveModel.from_checkpoint(checkpoint, f"{Path(path).name}{detail}")
        except CheckpointError as exc:
            self.message.emit(self.tr("Could not load the model: {error}").format(error=exc), "error")
            return None
        self.set_active(active)
        self.message.emit(self.tr("Loaded {file}: {name}, trained on {dataset}{detail}.").format(
            file=Path(path).name, name=checkpoint.design.name, dataset=checkpoint.dataset.name, detail=detail),
            "success")
        return checkpoint
