"""Evidence of training for lessons about training: what this window has trained.

The training lesson (plain vs residual) asks for a trained run of a design, not only for
the design. `TrainedRuns` keeps one `core.lessons.TrainedRun` (the run's design and its
metrics, as a checkpoint records them) per run of the window's training session, updated
after every epoch, plus the active model when it is a trained network that came from
elsewhere (a loaded checkpoint). It listens to state objects only and never trains.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from playground.core.lessons import TrainedRun
from playground.ui.state.active_model import ActiveModel, ModelHub
from playground.ui.state.training_session import TrainingSession


class TrainedRuns(QObject):
    """The trained runs a lesson check may take as evidence; `changed` when they change."""

    changed = Signal()

    def __init__(self, session: TrainingSession | None = None, hub: ModelHub | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._by_run: dict[int, TrainedRun] = {}
        self._active: TrainedRun | None = None
        if session is not None:
            session.runChanged.connect(self._on_run_changed)
        if hub is not None:
            hub.modelChanged.connect(self._on_model_changed)
            self._on_model_changed(hub.active)

    def runs(self) -> list[TrainedRun]:
        """The session's runs (oldest first), then the active model if it is other evidence."""
        runs = list(self._by_run.values())
        if self._active is not None and not any(r.design == self._active.design
                                                and r.metrics == self._active.metrics for r in runs):
            runs.append(self._active)
        return runs

    def session_run_count(self) -> int:
        """Runs of this window with at least one finished epoch."""
        return sum(1 for run in self._by_run.values() if run.metrics.get("epochs_done", 0) > 0)

    def _on_run_changed(self, run_id: int) -> None:
        session = self._session
        if session is None or run_id != session.run_id or session.design is None:
            return  # only the current run has its design and history at hand
        record = session.runs.get(run_id)
        label = record.design_name if record is not None else ""
        run = TrainedRun(session.design, session.metrics(), label)
        if self._by_run.get(run_id) != run:
            self._by_run[run_id] = run
            self.changed.emit()

    def _on_model_changed(self, active: ActiveModel | None) -> None:
        """A trained active model with recorded epochs (a loaded checkpoint) counts too."""
        run = None
        if active is not None and active.trained and active.metrics.get("epochs_done", 0):
            run = TrainedRun(active.design, dict(active.metrics), active.source)
        if run != self._active:
            self._active = run
            self.changed.emit()
