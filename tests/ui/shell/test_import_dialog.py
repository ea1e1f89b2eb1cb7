"""File ▸ Import PyTorch model…: a torchvision model or a module becomes an untitled design
(with weights, the active model); a model that cannot be imported says why in one line."""

from __future__ import annotations

import textwrap

import pytest
import torch

from playground.ui.shell.import_dialog import ImportModelDialog
from playground.ui.shell.workbench import Workbench

MODULES = textwrap.dedent('''
    import torch
    import torch.nn as nn


    class Small(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv = nn.Conv2d(1, 3, 3)
            self.flat = nn.Flatten()
            self.fc = nn.Linear(3 * 6 * 6, 4)

        def forward(self, x):
            return self.fc(self.flat(torch.relu(self.conv(x))))


    class Odd(torch.autograd.Function):
        @staticmethod
        def forward(ctx, x):
            return x * 2

        @staticmethod
        def backward(ctx, g):
            return g * 2


    class Custom(nn.Module):
        def forward(self, x):
            return Odd.apply(x)
''')


@pytest.fixture
def workbench(qtbot):
    bench = Workbench()
    qtbot.addWidget(bench.window)
    bench.start_session()
    bench.window.show()
    qtbot.waitExposed(bench.window)
    yield bench
    bench.window.close()


@pytest.fixture
def modules(tmp_path, monkeypatch):
    (tmp_path / "ui_import_models.py").write_text(MODULES)
    monkeypatch.syspath_prepend(str(tmp_path))
    return tmp_path


def run_import(qtbot, dialog: ImportModelDialog, source: str, shape: str = "", weights: str = "") -> None:
    dialog.source_edit.setText(source)
    dialog.input_edit.setText(shape)
    dialog.weights_edit.setText(weights)
    with qtbot.waitSignal(dialog.job.finished, timeout=120_000):
        dialog.import_button.click()


def test_resnet18_opens_as_an_untitled_design(qtbot, workbench):
    window = workbench.window
    window.action("import_model").trigger()
    dialog = workbench.importer.dialog
    assert dialog is not None and dialog.isVisible()
    run_import(qtbot, dialog, "torchvision:resnet18")
    assert not dialog.isVisible() and dialog.message.text() == ""
    design = window.document.design
    assert design.name.lower().startswith("resnet18") and window.document.path is None
    assert window.document.modified
    assert design.input == (3, 224, 224)


def test_a_module_that_cannot_be_imported_says_why_in_one_line(qtbot, workbench, modules):
    window = workbench.window
    before = window.document.design
    dialog = workbench.importer.open()
    run_import(qtbot, dialog, "module:ui_import_models:Custom", "1,8,8")
    assert dialog.isVisible() and dialog.message.property("error")
    text = dialog.message.text()
    assert text and "\n" not in text and "Odd" in text
    assert window.document.design is before  # nothing opened
    run_import(qtbot, dialog, "module:ui_import_models:Missing", "1,8,8")
    assert "Missing" in dialog.message.text() and window.document.design is before
    dialog.close()


def test_a_module_with_weights_becomes_the_active_model(qtbot, workbench, modules, tmp_path):
    import ui_import_models

    source = ui_import_models.Small()
    weights = tmp_path / "small.pth"
    torch.save(source.state_dict(), weights)
    dialog = workbench.importer.open()
    run_import(qtbot, dialog, "module:ui_import_models:Small", "1,8,8", str(weights))
    assert not dialog.isVisible()
    active = workbench.hub.active
    assert active is not None and active.design is workbench.window.document.design
    x = torch.rand(2, 1, 8, 8)
    with torch.no_grad():
        assert torch.allclose(active.model(x), source.eval()(x), atol=1e-6)
    assert "small.pth" in active.source


def test_an_unexpected_error_of_the_model_still_reads_as_one_line(qtbot, workbench, modules):
    (modules / "ui_import_broken.py").write_text("class Net:\n    def __init__(self):\n        raise KeyError('no')\n")
    dialog = workbench.importer.open()
    run_import(qtbot, dialog, "module:ui_import_broken:Net", "1,8,8")
    text = dialog.message.text()
    assert text and "\n" not in text and text != "the import failed"
    dialog.close()
