"""Checkpoints: round trip, atomic writes, and refusal of files that are unsafe or do not fit."""

from __future__ import annotations

import builtins
import io
import pickle

import pytest
import torch

from playground import paths
from playground.core.builder import build_model
from playground.core.checkpoint import (
    FORMAT, VERSION, CheckpointError, load_checkpoint, load_default_checkpoint, save_checkpoint)
from playground.core.datasets import DatasetInfo, load_embedded
from playground.core.design import design_from_dict, design_to_json
from playground.core.fileio import WriteError

INFO = DatasetInfo("digits", (1, 12, 12), tuple("0123456789"), (0.13,), (0.31,))


def small_design(channels: int = 4):
    return design_from_dict({
        "format": "cnn-playground.design", "version": 1, "name": "small", "input": [1, 12, 12],
        "layers": [{"type": "Conv2d", "out_channels": channels, "kernel_size": 3},
                   {"type": "BatchNorm2d"}, {"type": "ReLU"}, {"type": "MaxPool2d", "kernel_size": 2},
                   {"type": "Flatten"}, {"type": "Linear", "out_features": 10}]})


def test_round_trip_keeps_design_weights_config_metrics_and_dataset(tmp_path):
    design = small_design()
    model = build_model(design)
    model.train()
    model(torch.randn(8, 1, 12, 12))  # moves BatchNorm's running statistics away from the defaults
    path = tmp_path / "m.pt"
    save_checkpoint(path, design, model, {"optimizer": "adam", "lr": 0.001}, {"val_acc": 0.5}, INFO)

    ckpt = load_checkpoint(path)
    assert design_to_json(ckpt.design) == design_to_json(design)
    assert ckpt.config == {"optimizer": "adam", "lr": 0.001}
    assert ckpt.metrics == {"val_acc": 0.5}
    assert ckpt.dataset == INFO
    assert set(ckpt.state_dict) == set(model.state_dict())
    rebuilt = ckpt.build_model()
    assert not rebuilt.training
    assert all(p.device.type == "cpu" for p in rebuilt.parameters())
    x = torch.randn(3, 1, 12, 12)
    torch.testing.assert_close(rebuilt(x), model.eval()(x))


def test_save_accepts_a_state_dict_and_leaves_no_temp_files(tmp_path):
    design = small_design()
    save_checkpoint(tmp_path / "m.pt", design, build_model(design).state_dict(), {}, {}, INFO)
    assert [p.name for p in tmp_path.iterdir()] == ["m.pt"]


def test_failed_save_keeps_the_old_file(tmp_path):
    design = small_design()
    path = tmp_path / "m.pt"
    save_checkpoint(path, design, build_model(design), {}, {"val_acc": 0.9}, INFO)
    before = path.read_bytes()
    with pytest.raises(CheckpointError, match="JSON"):
        save_checkpoint(path, design, build_model(design), {"device": torch.device("cpu")}, {}, INFO)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["m.pt"]


def test_save_into_a_missing_folder_is_a_one_line_error(tmp_path):
    design = small_design()
    target = tmp_path / "nowhere" / "m.pt"
    with pytest.raises(WriteError) as info:
        save_checkpoint(target, design, build_model(design), {}, {}, INFO)
    assert str(target) in str(info.value) and "\n" not in str(info.value)


def test_save_refuses_weights_of_another_design(tmp_path):
    with pytest.raises(CheckpointError, match="do not fit"):
        save_checkpoint(tmp_path / "m.pt", small_design(4), build_model(small_design(8)), {}, {}, INFO)


class _RunsCode:
    """Unpickling this would run code: exactly what a checkpoint loader must never do."""

    def __init__(self, marker):
        self.marker = marker

    def __reduce__(self):
        return builtins.exec, (f"open({str(self.marker)!r}, 'w').close()",)


@pytest.mark.parametrize("writer", ["torch.save", "pickle.dump"])
def test_a_pickle_that_would_run_code_is_refused(tmp_path, writer):
    marker = tmp_path / "code-ran"
    path = tmp_path / "evil.pt"
    payload = {"format": FORMAT, "version": VERSION, "state_dict": {}, "hook": _RunsCode(marker)}
    with open(path, "wb") as fh:
        torch.save(payload, fh) if writer == "torch.save" else pickle.dump(payload, fh, protocol=2)
    with pytest.raises(CheckpointError, match="refused") as info:
        load_checkpoint(path)
    assert str(path) in str(info.value) and "\n" not in str(info.value)
    assert not marker.exists()


def test_a_whole_pickled_module_is_refused(tmp_path):
    path = tmp_path / "module.pt"
    torch.save(build_model(small_design()), path)
    with pytest.raises(CheckpointError, match="refused"):
        load_checkpoint(path)


def _write_raw(path, **overrides):
    design = small_design()
    payload = {"format": FORMAT, "version": VERSION, "design": design_to_json(design), "config": "{}",
               "metrics": "{}", "dataset": '{"name": "digits", "input_shape": [1, 12, 12], '
               '"class_names": ["0","1","2","3","4","5","6","7","8","9"], "mean": [0.1], "std": [0.3]}',
               "state_dict": build_model(design).state_dict()}
    payload.update(overrides)
    buffer = io.BytesIO()
    torch.save(payload, buffer)
    path.write_bytes(buffer.getvalue())
    return path


def test_weights_that_do_not_fit_the_design_are_refused_on_load(tmp_path):
    wrong = build_model(small_design(8)).state_dict()
    with pytest.raises(CheckpointError, match=r"do not fit the design \(.*shape \[8, 1, 3, 3\]"):
        load_checkpoint(_write_raw(tmp_path / "m.pt", state_dict=wrong))
    partial = dict(build_model(small_design()).state_dict())
    partial.pop(next(iter(partial)))
    with pytest.raises(CheckpointError, match="missing"):
        load_checkpoint(_write_raw(tmp_path / "m.pt", state_dict=partial))


@pytest.mark.parametrize("overrides, message", [
    ({"format": "something else"}, "not a cnn-playground checkpoint"),
    ({"version": 99}, "version 99"),
    ({"design": '{"format": "cnn-playground.design", "version": 1, "input": [1, 12]}'}, "design is not valid"),
    ({"metrics": "{not json"}, "damaged metrics"),
    ({"dataset": '{"name": "x"}'}, "dataset"),
])
def test_malformed_checkpoints_are_refused_with_a_reason(tmp_path, overrides, message):
    with pytest.raises(CheckpointError, match=message):
        load_checkpoint(_write_raw(tmp_path / "m.pt", **overrides))


def test_files_that_are_not_checkpoints(tmp_path):
    with pytest.raises(CheckpointError, match="no such file"):
        load_checkpoint(tmp_path / "missing.pt")
    text = tmp_path / "notes.pt"
    text.write_text("hello")
    with pytest.raises(CheckpointError, match="not a cnn-playground checkpoint") as info:
        load_checkpoint(text)
    assert "\n" not in str(info.value)


@pytest.mark.parametrize("content", [
    '{"format": "cnn-playground.design", "version": 1, "layers": []}\n',  # JSON: torch calls it "Weights only load failed"
    "just some notes\nabout a model\n",
    "a,b\n1,2\n",
    "",
])
def test_text_and_json_files_are_not_checkpoints_not_a_security_risk(tmp_path, content):
    path = tmp_path / "model.json"
    path.write_text(content)
    with pytest.raises(CheckpointError) as info:
        load_checkpoint(path)
    message = str(info.value)
    assert message.startswith(f"{path}: not a cnn-playground checkpoint (") and "\n" not in message
    assert "refused" not in message and "run code" not in message


def test_the_shipped_default_model_loads_and_reaches_98_percent_on_the_embedded_validation_digits():
    assert paths.default_model_path().stat().st_size < 1_000_000
    ckpt = load_default_checkpoint()
    data = load_embedded()
    assert ckpt.dataset.input_shape == (1, 28, 28) and ckpt.dataset.class_names == data.info.class_names
    model = ckpt.build_model()
    mean = torch.tensor(ckpt.dataset.mean).view(1, -1, 1, 1)
    std = torch.tensor(ckpt.dataset.std).view(1, -1, 1, 1)
    with torch.no_grad():
        pred = model((data.val_x.float() / 255 - mean) / std).argmax(1)
    accuracy = (pred == data.val_y).float().mean().item()
    assert accuracy >= 0.98
    assert ckpt.metrics["val_acc"] == pytest.approx(accuracy, abs=1e-3)
