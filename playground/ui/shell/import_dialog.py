"""File ▸ Import PyTorch model…: a torchvision classifier or any importable nn.Module as a design.

The dialog asks what `cnn-playground import` asks (the source, `torchvision:resnet18` or
`module:package.module:Factory`; the input C,H,W; optionally a state_dict file) and runs
core.importer on a background job: tracing a big model with torch.fx and copying its
weights takes seconds. The design opens as a new untitled design; with weights, the
imported network becomes the active model (Draw and Kernel slide use it). Anything that
cannot become a block ends in one line in the dialog, and nothing changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from playground.core.analysis import analyze
from playground.core.design import Design, DesignError
from playground.core.events import FailedEvent
from playground.core.safe_text import printable
from playground.ui.shell.main_window import MainWindow
from playground.ui.state.active_model import ActiveModel, ModelHub
from playground.ui.state.jobs import BackgroundJob
from playground.ui.widgets.retranslate import Retranslating

if TYPE_CHECKING:  # torch: imported by the job, on its worker thread
    import torch.nn as nn

    from playground.core.datasets import DatasetInfo



@dataclass(frozen=True)
class Imported:
    """What the import job hands the GUI thread: the design and, with weights, its network."""

    design: Design
    network: nn.Module | None
    info: DatasetInfo | None
    weights: str


class ImportJob:
    """Traces the source into a design (and fills its weights) on the worker thread."""

    def __init__(self, source: str, input_shape: str, weights: str) -> None:
        self.source, self.input_shape, self.weights = source, input_shape, weights

    def run(self) -> Imported | str:
        """The import, or one line saying why it failed."""
        from playground.core.builder import build_model
        from playground.core.importer import (
            ImportFailure, checkpoint_dataset, import_module, load_source, load_state_dict)

        try:
            source = load_source(self.source, self.input_shape or None)
            imported = import_module(source.model, source.input_shape, source.name)
            if not self.weights:
                return Imported(imported.design, None, None, "")
            state = imported.state_dict(load_state_dict(self.weights))
            output_shape = analyze(imported.design).output_shape
            if output_shape is None:
                return QCoreApplication.translate("ImportJob", "{name}: its output shape cannot be worked out").format(
                    name=source.name)
            info = checkpoint_dataset(source, imported.design, output_shape)
            network = build_model(imported.design)
            network.load_state_dict(state)
        except (ImportFailure, DesignError, OSError, RuntimeError, ValueError) as exc:
            return " ".join(str(exc).split()) or type(exc).__name__
        return Imported(imported.design, network, info, self.weights)

    def stop(self) -> None:
        """Tracing cannot be interrupted; it ends by itself."""


class ImportModelDialog(Retranslating, QDialog):
    """Source, input shape and weights in; `imported` out, or an error line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importModelDialog")
        self.result_value: Imported | None = None
        self.job = BackgroundJob(self)
        self.job.update.connect(self._on_update)
        self.job.finished.connect(self._on_finished)
        self._failure = ""  # the worker's one line when the job raised something unexpected
        self.source_edit = QLineEdit()
        self.source_edit.setObjectName("importSource")
        self.source_edit.setPlaceholderText("torchvision:resnet18  ·  module:package.module:Factory")  # code
        self.input_edit = QLineEdit()
        self.input_edit.setObjectName("importInput")
        self.weights_edit = QLineEdit()
        self.weights_edit.setObjectName("importWeights")
        self.browse_button = QPushButton()
        self.browse_button.setObjectName("importBrowseWeights")
        self.browse_button.clicked.connect(self._browse_weights)
        weights_row = QHBoxLayout()
        weights_row.addWidget(self.weights_edit, 1)
        weights_row.addWidget(self.browse_button)
        self.source_label, self.input_label, self.weights_label = QLabel(), QLabel(), QLabel()
        form = QFormLayout()
        form.addRow(self.source_label, self.source_edit)
        form.addRow(self.input_label, self.input_edit)
        form.addRow(self.weights_label, weights_row)
        self.message = QLabel()
        self.message.setObjectName("importMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("importButton")
        self.buttons.accepted.connect(self.start_import)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(520, 200)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Import PyTorch model"))
        self.source_edit.setToolTip(self.tr("torchvision:NAME for a torchvision classifier, or "
                                            "module:package.module:ClassOrFactory for any nn.Module built "
                                            "without arguments"))
        self.input_edit.setPlaceholderText(self.tr("C,H,W, e.g. 3,224,224 (torchvision: optional)"))
        self.weights_edit.setPlaceholderText(self.tr("optional: a state_dict file (.pt, .pth)"))
        self.browse_button.setText(self.tr("Browse…"))
        self.source_label.setText(self.tr("Model"))
        self.input_label.setText(self.tr("Input"))
        self.weights_label.setText(self.tr("Weights"))
        self.import_button.setText(self.tr("Import"))

    @property
    def busy(self) -> bool:
        return self.job.running

    def start_import(self) -> bool:
        """Start the import in the background; False (with the reason shown) when it cannot start."""
        source = self.source_edit.text().strip()
        if self.busy:
            return False
        if not source:
            self._say(self.tr("Name a model first, e.g. torchvision:resnet18"), error=True)
            return False
        job = ImportJob(source, self.input_edit.text().strip(), self.weights_edit.text().strip())
        self.result_value = None
        self._failure = ""
        self.import_button.setEnabled(False)
        self._say(self.tr("Importing {source}…").format(source=source), error=False)
        self.job.start(lambda _callback: job)
        return True

    def _on_update(self, event: object) -> None:
        if isinstance(event, FailedEvent):
            self._failure = event.message

    def _on_finished(self, result: Imported | str | None) -> None:
        self.import_button.setEnabled(True)
        if isinstance(result, Imported):
            self.result_value = result
            self.message.clear()
            self.accept()
        else:
            self._say(result or self._failure or self.tr("the import failed"), error=True)

    def _say(self, text: str, error: bool) -> None:
        self.message.setText(printable(text))
        self.message.setProperty("error", error)
        self.message.setStyleSheet("color: #b42318;" if error else "")

    def _browse_weights(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Weights to load"), str(Path.home()),
                                              self.tr("PyTorch weights (*.pt *.pth);;All files (*)"))
        if path:
            self.weights_edit.setText(path)

    def reject(self) -> None:
        self.job.shutdown()
        super().reject()

    def closeEvent(self, event) -> None:  # noqa: N802
        self.job.shutdown()
        super().closeEvent(event)


def open_untitled(window: MainWindow, design: Design, what: str) -> bool:
    """Open `design` as a new untitled design, after the window's usual questions."""
    if not window.confirm_discard():
        return False
    window.document.open_design(design, modified=True)
    message = QCoreApplication.translate("ImportModelCommand", "Opened {what} as a new design").format(what=what)
    window.statusBar().showMessage(printable(message), 6000)
    return True


class ImportModelCommand:
    """The menu command: shows the dialog; a finished import opens its design (and,
    with weights, makes its network the active model)."""

    def __init__(self, window: MainWindow, hub: ModelHub) -> None:
        self.window = window
        self.hub = hub
        self.dialog: ImportModelDialog | None = None

    def open(self) -> ImportModelDialog:
        if self.dialog is None:
            self.dialog = ImportModelDialog(self.window)
            self.dialog.accepted.connect(self._on_imported)
        self.dialog.show()
        self.dialog.raise_()
        return self.dialog

    def _on_imported(self) -> None:
        assert self.dialog is not None
        imported = self.dialog.result_value
        if imported is None or not open_untitled(self.window, imported.design, imported.design.name):
            return
        if imported.network is not None and imported.info is not None:
            self.hub.set_active(ActiveModel.from_info(
                imported.design, imported.network,
                QCoreApplication.translate("ImportModelCommand", "{name}, weights from {file}").format(
                    name=imported.design.name, file=Path(imported.weights).name),
                imported.info, metrics={"imported_from": imported.weights}))

