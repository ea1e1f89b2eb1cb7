"""A bar that offers a newly trained network which scored below the active one.

A run that ends worse than the network active before it does not replace it (the session
keeps the better one, ModelHub.keep_better); this bar says both accuracies and makes the
new one active with one click. The Train and Draw pages each show one.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from playground.ui.state.active_model import Candidate, ModelHub
from playground.ui.widgets.retranslate import Retranslating


def _percent(value: float | None) -> str:
    return "?" if value is None else f"{100 * value:.1f}%"


class CandidateBar(Retranslating, QFrame):
    """Hidden unless the hub has a network on offer."""

    def __init__(self, hub: ModelHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("candidateBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._hub = hub
        self.label = QLabel(objectName="candidateText")
        self.label.setWordWrap(True)
        self.use_button = QPushButton(objectName="useCandidateButton")
        self.use_button.clicked.connect(hub.use_candidate)
        layout = QHBoxLayout(self)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.use_button)
        hub.candidateChanged.connect(self._show)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.use_button.setText(self.tr("Use the new model"))
        self._show(self._hub.candidate)

    def _show(self, candidate: Candidate | None) -> None:
        self.setVisible(candidate is not None)
        if candidate is None:
            self.label.clear()
            return
        active = self._hub.active
        kept = active.design.name if active is not None else ""
        self.label.setText(self.tr(
            "Kept {kept} active ({kept_acc} on validation): the new {new} reached {new_acc}.").format(
            kept=kept, kept_acc=_percent(candidate.kept_acc), new=candidate.model.design.name,
            new_acc=_percent(candidate.new_acc)))
