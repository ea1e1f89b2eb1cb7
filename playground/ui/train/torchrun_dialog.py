"""Train ▸ Run on several GPUs/machines…: the exact torchrun command for the open design
and the Train page's settings, and a job folder to copy to a cluster.

The command and the folder come from core.torchrun_job (the same as `cnn-playground
export --to torchrun`): `cnn-playground train` under torchrun, with every setting that
differs from its default as a flag. The batch size is per process, so the dialog says
what the global batch is. The dialog is not modal: changing the settings on the Train
page and pressing Refresh shows the new command.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from playground.core.fileio import WriteError
from playground.core.safe_text import printable
from playground.core.torchrun_job import DESIGN_FILE, LAUNCH_FILE, torchrun_command, write_job
from playground.core.train_options import TrainConfig
from playground.ui.train.training_panel import TrainingPanel
from playground.ui.widgets.retranslate import Retranslating


class TorchrunDialog(Retranslating, QDialog):
    """The torchrun command for `panel`'s design, settings and data; writes the job folder."""

    def __init__(self, panel: TrainingPanel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("torchrunDialog")
        self.panel = panel
        self.processes = QSpinBox()
        self.processes.setObjectName("torchrunProcesses")
        self.processes.setRange(1, 1024)
        self.machines = QSpinBox()
        self.machines.setObjectName("torchrunMachines")
        self.machines.setRange(1, 4096)
        for spin in (self.processes, self.machines):
            spin.valueChanged.connect(self.refresh)
        self._processes_label, self._machines_label = QLabel(), QLabel()
        form = QFormLayout()
        form.addRow(self._processes_label, self.processes)
        form.addRow(self._machines_label, self.machines)

        self.command = QPlainTextEdit()
        self.command.setObjectName("torchrunCommand")
        self.command.setReadOnly(True)
        self.command.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.command.setMinimumHeight(80)
        self.explanation = QLabel()
        self.explanation.setObjectName("torchrunExplanation")
        self.explanation.setWordWrap(True)
        self.result = QLabel()
        self.result.setObjectName("torchrunResult")
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        copy_button = self._copy_button = QPushButton()
        copy_button.setObjectName("torchrunCopy")
        copy_button.clicked.connect(self.copy_command)
        refresh_button = self._refresh_button = QPushButton()
        refresh_button.setObjectName("torchrunRefresh")
        refresh_button.clicked.connect(self.refresh)
        self.write_button = QPushButton()
        self.write_button.setObjectName("torchrunWriteJob")
        self.write_button.clicked.connect(lambda _checked=False: self.write_job_dialog())
        row = QHBoxLayout()
        for button in (copy_button, refresh_button, self.write_button):
            row.addWidget(button)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.close)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.command)
        layout.addWidget(self.explanation)
        layout.addLayout(row)
        layout.addWidget(self.result)
        layout.addWidget(close)
        self.resize(640, 360)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Title, labels, buttons and the explanation in the current language."""
        self.setWindowTitle(self.tr("Run on several GPUs/machines"))
        self.processes.setToolTip(self.tr("Processes per machine: one per GPU (on the CPU they share the cores)"))
        self.machines.setToolTip(self.tr("Machines (nodes); on several, each runs the command with its NODE_RANK "
                                         "and the first machine's MASTER_ADDR"))
        self._processes_label.setText(self.tr("Processes per machine"))
        self._machines_label.setText(self.tr("Machines"))
        self._copy_button.setText(self.tr("Copy command"))
        self._refresh_button.setText(self.tr("Refresh"))
        self._refresh_button.setToolTip(self.tr("Read the Train page's settings again"))
        self.write_button.setText(self.tr("Write job folder…"))
        self.write_button.setToolTip(self.tr("Write design.json, launch.sh and a README into a folder to copy to "
                                             "the machines"))
        self.refresh()

    def config(self) -> TrainConfig:
        return self.panel.settings.config()

    def dataset(self) -> str:
        return self.panel.picker.spec() or "embedded"

    def design_path(self) -> str:
        """The saved design file, else the job folder's design.json."""
        path = self.panel.document.path
        return str(path) if path is not None and not self.panel.document.modified else DESIGN_FILE

    def command_text(self) -> str:
        return torchrun_command(self.design_path(), self.config(), self.processes.value(), self.machines.value(),
                                dataset=self.dataset())

    def refresh(self, *_args: object) -> None:
        """Show the command for the current design, settings and counts."""
        try:
            config = self.config()
            text = self.command_text()
        except ValueError as exc:
            self.command.setPlainText("")
            self.explanation.setText(self.tr("The settings are not valid: {reason}").format(reason=exc))
            return
        self.command.setPlainText(text)
        world = self.processes.value() * self.machines.value()
        where = (self.tr("Run it where {design} is, or write the job folder and run its {launch}.").format(
            design=DESIGN_FILE, launch=LAUNCH_FILE) if self.design_path() == DESIGN_FILE
                 else self.tr("It trains the saved design file."))
        self.explanation.setText(printable(self.tr(
            "{world} process(es) in all; the batch size {batch} is per process, so the global batch is {total}. "
            "Only the first process prints and writes the checkpoint, which opens here with File ▸ Load Model. "
            "{where}").format(world=world, batch=config.batch_size, total=config.batch_size * world, where=where)))

    def copy_command(self) -> None:
        QGuiApplication.clipboard().setText(self.command.toPlainText())

    def write_job_dialog(self) -> list[Path]:
        """Ask for a folder and write the job into it; returns the files written."""
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for the training job"), str(Path.home()))
        if not folder:
            return []
        return self.write_job(folder)

    def write_job(self, folder: str | Path) -> list[Path]:
        try:
            files = list(write_job(self.panel.document.design, folder, self.config(), self.processes.value(),
                                   self.machines.value(), dataset=self.dataset()))
        except (WriteError, ValueError) as exc:
            self.result.setText(printable(self.tr("Could not write the job: {reason}").format(reason=exc)))
            self.result.setStyleSheet("color: #b42318;")
            return []
        self.result.setStyleSheet("")
        self.result.setText(printable(self.tr("Wrote {files} in {folder}: copy the folder to the machines and run "
                                              "./{launch} there.").format(
            files=", ".join(path.name for path in files), folder=folder, launch=LAUNCH_FILE)))
        return files


class TorchrunCommand:
    """The menu command: one dialog per window, shown (and refreshed) on demand."""

    def __init__(self, panel: TrainingPanel, parent: QWidget | None = None) -> None:
        self.panel = panel
        self.parent = parent
        self.dialog: TorchrunDialog | None = None

    def open(self) -> TorchrunDialog:
        if self.dialog is None:
            self.dialog = TorchrunDialog(self.panel, self.parent)
        self.dialog.refresh()
        self.dialog.show()
        self.dialog.raise_()
        return self.dialog
