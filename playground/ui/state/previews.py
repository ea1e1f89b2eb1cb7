"""Block previews for the design being edited, computed off the GUI thread.

After every edit (and when the sample or the active model changes) the newest design is
sent once through its network on a `BackgroundJob` thread (`core/block_preview.py`); the
previews already shown are marked stale until the new ones land. Requests arriving while
a pass runs are coalesced: only the newest waits, so a burst of edits costs at most one
pass in flight plus one after it. The weights are the active model's when its design is
the document's (the same blocks, ids and shapes), else the design is built untrained.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Mapping

from PySide6.QtCore import QObject, Signal

from playground.core.design import Design, DesignError
from playground.core.events import Callback
from playground.core.preview_types import PREVIEW_MACS_LIMIT, NetworkPreview
from playground.ui.state.active_model import ModelHub
from playground.ui.state.document import DesignDocument
from playground.ui.state.jobs import BackgroundJob

if TYPE_CHECKING:  # the design editor imports this module before torch is loaded
    import torch

DIGIT_MEAN, DIGIT_STD = (0.1307,), (0.3081,)  # an untrained network is fed like an MNIST one


@dataclass(frozen=True)
class PreviewRequest:
    """Everything one pass needs, copied on the GUI thread so the worker shares nothing mutable."""

    generation: int
    design: Design
    digit: torch.Tensor | None
    mean: tuple[float, ...]
    std: tuple[float, ...]
    state_dict: Mapping[str, torch.Tensor] | None


@dataclass(frozen=True)
class PreviewOutcome:
    generation: int
    preview: NetworkPreview | None
    problem: str


class PreviewPass:
    """The job: one forward pass of one request (a design in error gives no preview)."""

    def __init__(self, request: PreviewRequest) -> None:
        self.request = request

    def run(self) -> PreviewOutcome:
        from playground.core.block_preview import preview_design  # torch: on the worker thread

        r = self.request
        try:
            preview = preview_design(r.design, r.digit, r.mean, r.std, r.state_dict)
        except (DesignError, RuntimeError) as exc:
            return PreviewOutcome(r.generation, None, str(exc).splitlines()[0])
        return PreviewOutcome(r.generation, preview, "")

    def stop(self) -> None:
        """One pass is short and cannot be cut; the next request simply replaces it."""


class BlockPreviews(QObject):
    """The previews the design editor paints, kept up to date with the document.

    `shown` is the person's choice once they made one (View ▸ Block previews), else
    automatic: on for designs up to PREVIEW_MACS_LIMIT multiply-adds.
    """

    previewsChanged = Signal(object)  # NetworkPreview | None, after a pass lands (or previews go off)
    staleChanged = Signal(bool)  # True from an edit until its previews land
    shownChanged = Signal(bool)

    def __init__(self, document: DesignDocument, hub: ModelHub, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document, self.hub = document, hub
        self._choice: bool | None = None
        self._shown = False
        self._digit: torch.Tensor | None = None
        self._latest: NetworkPreview | None = None
        self._problem = ""
        self._stale = False
        self._generation = 0
        self._waiting: PreviewRequest | None = None
        self._watched = True  # False while no view shows the previews: requests wait for one
        self._missed = False  # a request arrived while unwatched
        self.job = BackgroundJob(self)
        self.job.finished.connect(self._on_finished)
        document.analysisChanged.connect(lambda _a: self.request())
        hub.modelChanged.connect(lambda _m: self.request())
        hub.weightsChanged.connect(lambda _m: self.request())
        self._follow_shown()

    # ------------------------------------------------------------ what views read

    @property
    def shown(self) -> bool:
        return self._shown

    @property
    def stale(self) -> bool:
        return self._stale

    @property
    def latest(self) -> NetworkPreview | None:
        return self._latest

    @property
    def problem(self) -> str:
        """Why the newest design has no previews ("" when it has them)."""
        return self._problem

    @property
    def busy(self) -> bool:
        return self.job.running or self._waiting is not None

    # ------------------------------------------------------------ inputs

    def set_shown(self, shown: bool) -> None:
        """The person's choice: from now on previews stay on (or off) whatever the design."""
        self._choice = bool(shown)
        self._follow_shown()

    def set_sample(self, digit: torch.Tensor | None) -> None:
        """The drawn digit (1x28x28 in [0, 1]), or None for the embedded validation digit."""
        self._digit = None if digit is None else digit.detach().clone()
        self.request()

    def set_watched(self, watched: bool) -> None:
        """Whether a view shows the previews: while none does (the Draw page is open and the
        drawing changes with every stroke), no pass runs; the newest runs when one does."""
        self._watched = bool(watched)
        if self._watched and self._missed:
            self.request()

    def request(self) -> None:
        """Compute the previews of the document's design as it is now (coalesced)."""
        if not self._follow_shown():
            return
        self._generation += 1
        self._set_stale(True)
        if not self._watched:
            self._missed = True
            return
        self._missed = False
        self._waiting = self._make_request()
        self._start_waiting()

    def shutdown(self) -> None:
        """Join the worker thread (the window is closing)."""
        self._waiting = None
        self.job.shutdown()

    # ------------------------------------------------------------ internals

    def _follow_shown(self) -> bool:
        automatic = self.document.analysis.total_macs <= PREVIEW_MACS_LIMIT
        shown = automatic if self._choice is None else self._choice
        if shown != self._shown:
            self._shown = shown
            if shown:
                self.shownChanged.emit(True)
                self.request()
            else:
                self._waiting = None
                self._latest = None
                self._set_stale(False)
                self.shownChanged.emit(False)
                self.previewsChanged.emit(None)
        return shown

    def _make_request(self) -> PreviewRequest:
        design = self.document.design
        active = self.hub.active
        if active is not None and active.design == design:
            return PreviewRequest(self._generation, design, self._digit, tuple(active.mean), tuple(active.std),
                                  {k: v.detach().clone() for k, v in active.model.state_dict().items()})
        return PreviewRequest(self._generation, design, self._digit, DIGIT_MEAN, DIGIT_STD, None)

    def _start_waiting(self) -> None:
        if self.job.running or self._waiting is None:
            return  # the pass in flight starts the waiting one when it ends
        request, self._waiting = self._waiting, None

        def factory(_callback: Callback) -> PreviewPass:
            return PreviewPass(request)

        self.job.start(factory)

    def _on_finished(self, outcome: PreviewOutcome | None) -> None:
        if outcome is not None and outcome.generation == self._generation and self._shown:
            self._latest = outcome.preview
            self._problem = outcome.problem
            self._set_stale(False)
            self.previewsChanged.emit(outcome.preview)
        self._start_waiting()

    def _set_stale(self, stale: bool) -> None:
        if stale != self._stale:
            self._stale = stale
            self.staleChanged.emit(stale)
