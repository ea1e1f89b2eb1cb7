"""Train ▸ Run on several GPUs/machines…: the exact torchrun command for the design and the
Train page's settings, the job folder; and the data path a folder dataset takes."""

from __future__ import annotations

import os
import stat

import numpy as np
import pytest
from PySide6.QtWidgets import QFileDialog

from playground.core.design import design_from_dict, load_design
from playground.core.torchrun_job import torchrun_command
from playground.ui.state.active_model import ModelHub
from playground.ui.state.document import DesignDocument
from playground.ui.train.torchrun_dialog import TorchrunCommand
from playground.ui.train.training_panel import TrainingPanel

TINY = {
    "format": "cnn-playground.design", "version": 1, "name": "Tiny CNN", "input": [1, 28, 28],
    "layers": [{"type": "Conv2d", "out_channels": 4, "kernel_size": 3}, {"type": "ReLU"}, {"type": "Flatten"},
               {"type": "Linear", "out_features": 10}],
}


@pytest.fixture
def panel(qtbot):
    widget = TrainingPanel(DesignDocument(design_from_dict(TINY)), ModelHub())
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitUntil(lambda: not widget.picker.busy, timeout=10_000)
    yield widget
    widget.shutdown()


def test_the_dialog_shows_the_exact_command_for_the_settings(qtbot, panel):
    panel.settings.epochs.setValue(7)
    dialog = TorchrunCommand(panel).open()
    qtbot.addWidget(dialog)
    config = panel.settings.config()
    assert config.epochs == 7
    assert dialog.command.toPlainText() == torchrun_command("design.json", config, 1, 1)
    assert "--epochs 7" in dialog.command.toPlainText()
    dialog.processes.setValue(4)
    assert dialog.command.toPlainText() == torchrun_command("design.json", config, 4, 1)
    assert f"global batch is {4 * config.batch_size}" in dialog.explanation.text()
    dialog.machines.setValue(2)
    assert "--nnodes 2" in dialog.command.toPlainText() and "$NODE_RANK" in dialog.command.toPlainText()
    panel.settings.epochs.setValue(5)
    dialog.refresh()
    assert "--epochs 5" in dialog.command.toPlainText()
    dialog.copy_command()
    from PySide6.QtGui import QGuiApplication
    assert QGuiApplication.clipboard().text() == dialog.command.toPlainText()


def test_the_job_folder_is_written_where_the_person_chooses(qtbot, panel, monkeypatch, tmp_path):
    dialog = TorchrunCommand(panel).open()
    qtbot.addWidget(dialog)
    dialog.processes.setValue(2)
    target = tmp_path / "job"
    target.mkdir()
    asked = []
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        staticmethod(lambda *a, **k: asked.append(a) or str(target)))
    dialog.write_button.click()
    assert len(asked) == 1
    assert sorted(p.name for p in target.iterdir()) == ["README.txt", "design.json", "launch.sh"]
    assert load_design(target / "design.json").name == "Tiny CNN"
    assert "--nproc_per_node" in (target / "launch.sh").read_text()
    assert os.stat(target / "launch.sh").st_mode & stat.S_IXUSR
    assert "Wrote" in dialog.result.text()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: ""))
    assert dialog.write_job_dialog() == []  # cancelled: nothing written
    (tmp_path / "a-file").write_text("x")
    assert dialog.write_job(tmp_path / "a-file") == []
    assert "Could not write the job" in dialog.result.text()


def test_a_folder_dataset_says_which_data_path_it_takes_and_why(qtbot, panel, tmp_path):
    from PIL import Image

    rng = np.random.default_rng(0)
    root = tmp_path / "shapes"
    for name in ("circles", "squares"):
        (root / name).mkdir(parents=True)
        for i in range(4):
            Image.fromarray(rng.integers(0, 256, size=(20, 20), dtype=np.uint8)).save(root / name / f"{i}.png")
    panel.picker.set_folder(root)
    qtbot.waitUntil(lambda: not panel.picker.busy, timeout=10_000)
    status = panel.picker.status.text()
    assert "Held in memory while training: 8 images at 1x28x28" in status and "within the memory budget" in status
