"""The window meets hostile files and a broken data folder: it starts, says what happened,
and keeps what it can (numbers of 5,000 digits, lone surrogates, damaged autosaves)."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtWidgets import QLabel
from ui_helpers import SMALL, open_window

from playground.core.design import load_design
from playground.ui.shell.autosave import FORMAT, find_recoveries


def autosave_dir() -> Path:
    import os

    return Path(os.environ["CNN_PLAYGROUND_DATA"]) / "autosave"


def test_a_deeply_nested_autosave_is_set_aside_and_the_app_starts(qtbot, message_boxes) -> None:
    folder = autosave_dir()
    folder.mkdir(parents=True)
    damaged = folder / "autosave-crashed.json"
    damaged.write_text('{"format": "%s", "version": 1, "design": %s%s}' % (FORMAT, "[" * 100_000, "]" * 100_000))
    huge = folder / "autosave-huge.json"
    huge.write_text('{"format": "%s", "version": 1, "design": {"version": %s}}' % (FORMAT, "9" * 5000))

    window = open_window(qtbot)
    window.start_session()
    assert window.document.design.name  # started, with its default design
    assert "2 damaged autosave(s) could not be read and were set aside" in window.statusBar().currentMessage()
    assert not any(heading == "Recover unsaved changes?" for _, heading, _ in message_boxes.shown)
    assert not damaged.exists() and (folder / "autosave-crashed.json.unreadable").is_file()
    assert (folder / "autosave-huge.json.unreadable").is_file()
    assert find_recoveries(folder) == []  # the next start meets them no more


def test_a_file_in_place_of_the_data_folder_means_autosave_off_and_says_why(qtbot) -> None:
    folder = autosave_dir()
    folder.parent.mkdir(parents=True)
    folder.write_text("not a folder")
    window = open_window(qtbot)
    window.start_session()
    label = window.statusBar().findChild(QLabel, "autosaveOffLabel")
    assert label is not None and label.isVisible()
    assert label.text() == f"Autosave is off: {folder} is a file, not a folder"
    assert not window.autosave.timer.isActive()


def test_a_last_file_with_a_5000_digit_number_does_not_stop_the_start(qtbot, tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings

    path = tmp_path / "huge.json"
    path.write_text(json.dumps(SMALL).replace('"out_features": 10', '"out_features": ' + "1" * 5000))
    QSettings().setValue("session/lastPath", str(path))
    window = open_window(qtbot)
    window.start_session()
    message = window.statusBar().currentMessage()
    assert message.startswith("Could not reopen huge.json: ") and "a number has too many digits" in message


def test_a_design_named_with_a_lone_surrogate_opens_and_saves(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "odd.json"
    path.write_text(json.dumps({**SMALL, "name": "net \ud800 one"}), encoding="ascii")  # "\\ud800" in the file
    window = open_window(qtbot)
    assert window.open_file(path, confirm=False)
    window.document.set_label("conv", "label \udfff")
    window.save_action.trigger()
    assert not window.document.modified
    again = load_design(path)
    assert again.name == "net \ud800 one" and again.layers[0].label == "label \udfff"
    assert again == window.document.design


def _hostile_checkpoints(folder: Path) -> dict[str, Path]:
    """Checkpoints that used to raise inside the Load Model slot, or allocate gigabytes."""
    import io

    import torch

    from playground.core.builder import build_model
    from playground.core.checkpoint import FORMAT as CHECKPOINT
    from playground.core.design import design_from_dict, design_to_json

    design = design_from_dict({**SMALL, "input": [1, 28, 28]})
    sound = {"format": CHECKPOINT, "version": 1, "design": design_to_json(design), "config": "{}", "metrics": "{}",
             "state_dict": build_model(design).state_dict(),
             "dataset": json.dumps({"name": "d", "input_shape": [1, 28, 28], "class_names": list("0123456789"),
                                    "mean": [0.1], "std": [0.3]})}
    weights = {k: v.clone() for k, v in sound["state_dict"].items()}
    variants = {
        "stride0.pt": {"state_dict": {**weights, "fc.weight": torch.zeros(1).expand(10, 6 * 28 * 28)}},
        "sparse.pt": {"state_dict": {**weights, "fc.bias": torch.zeros(10).to_sparse()}},
        "meta.pt": {"state_dict": {**weights, "fc.bias": torch.empty(10, device="meta")}},
        "deep-config.pt": {"config": "[" * 100_000},
        "huge-mean.pt": {"dataset": sound["dataset"].replace("0.1", "1" * 5000)},
        "infinite-std.pt": {"dataset": sound["dataset"].replace("0.3", "Infinity")},
    }
    paths = {}
    for name, change in variants.items():
        buffer = io.BytesIO()
        torch.save({**sound, **change}, buffer)
        paths[name] = folder / name
        paths[name].write_bytes(buffer.getvalue())
    return paths


def test_load_model_refuses_hostile_checkpoints_with_a_message(qtbot, file_dialogs, tmp_path: Path) -> None:
    from playground.ui.shell.workbench import Workbench

    bench = Workbench()
    qtbot.addWidget(bench.window)
    bench.start_session()
    bench.window.show()
    active = bench.hub.active
    for name, path in _hostile_checkpoints(tmp_path).items():
        file_dialogs.answers.append(str(path))
        bench.window.action("load_model").trigger()
        text = bench.training.message_label.text()
        assert text.startswith(f"Could not load the model: {path}: ") and "\n" not in text, name
        assert bench.hub.active is active
    bench.window.close()


def test_a_read_only_data_folder_means_autosave_off_and_says_why(qtbot, monkeypatch) -> None:
    import playground.ui.shell.autosave as autosave

    def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")  # root writes anywhere, so the refusal is simulated

    monkeypatch.setattr(autosave.tempfile, "mkstemp", refuse)
    window = open_window(qtbot)
    window.start_session()
    label = window.statusBar().findChild(QLabel, "autosaveOffLabel")
    assert label is not None
    assert label.text() == f"Autosave is off: cannot write in {autosave_dir()} (Permission denied)"
    assert not window.autosave.timer.isActive()
