"""`cnn-playground train`: a real run as a process, one-line errors with exit status 2, and
flags that are TrainConfig's options (checked flag by flag, generated from the table)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from playground.cli import main
from playground.core import datasets
from playground.core.checkpoint import load_checkpoint
from playground.core.events import FailedEvent
from playground.core.train_options import Option, TrainConfig, cli_options
from cli_helpers import assert_one_line_error

SMALL = {"format": "cnn-playground.design", "version": 1, "name": "small", "input": [1, 28, 28],
         "layers": [{"type": "Conv2d", "out_channels": 6, "kernel_size": 3, "stride": 2}, {"type": "ReLU"},
                    {"type": "MaxPool2d", "kernel_size": 2}, {"type": "Flatten"},
                    {"type": "Linear", "out_features": 10}]}
QUICK = ["--max-train-samples", "512", "--max-val-samples", "200", "--device", "cpu"]


@pytest.fixture
def design_file(tmp_path):
    path = tmp_path / "small.json"
    path.write_text(json.dumps(SMALL))
    return path


def test_train_as_a_process_prints_progress_and_accuracy_and_saves(design_file, tmp_path):
    out = tmp_path / "model.pt"
    done = subprocess.run([sys.executable, "-m", "playground", "train", str(design_file), "--dataset", "embedded",
                           "--epochs", "2", "--out", str(out), *QUICK], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    epoch_lines = [line for line in done.stderr.splitlines() if line.startswith("epoch ")]
    assert [line.split()[1] for line in epoch_lines] == ["1/2", "2/2"]
    assert all("samples/s" in line and "acc" in line and "loss" in line for line in epoch_lines)
    assert done.stdout.startswith("validation accuracy: ") and str(out) in done.stdout
    ckpt = load_checkpoint(out)
    assert ckpt.design.name == "small" and ckpt.config["epochs"] == 2 and ckpt.config["dataset"] == "embedded"
    reported = float(done.stdout.split()[2].rstrip("%")) / 100
    assert ckpt.metrics["val_acc"] == pytest.approx(reported, abs=5e-5)
    assert ckpt.dataset.name == "embedded MNIST"


def assert_error(capsys, argv, *fragments):
    assert main(argv) == 2
    assert_one_line_error(capsys.readouterr().err, *fragments)


def test_errors_are_one_line_with_exit_status_2(capsys, design_file, tmp_path, monkeypatch):
    out = str(tmp_path / "m.pt")
    assert_error(capsys, ["train", str(tmp_path / "missing.json"), "--out", out], "missing.json", "no such file")
    assert_error(capsys, ["train", str(design_file), "--epochs", "0", "--out", out], "--epochs", "positive")
    assert_error(capsys, ["train", str(design_file), "--augment", "-1", "--out", out], "--augment")
    assert_error(capsys, ["train", str(design_file), "--out", str(tmp_path / "no" / "m.pt")], "does not exist")
    assert_error(capsys, ["train", str(design_file), "--dataset", "imagenet", "--out", out], "unknown dataset")
    assert_error(capsys, ["train", str(design_file), "--device", "tpu", "--out", out], "unknown device")
    assert_error(capsys, ["train", str(design_file), "--optimizer", "lion", "--out", out], "invalid choice")
    monkeypatch.setattr(datasets, "cache_dir", lambda: tmp_path / "cache")
    assert_error(capsys, ["train", str(design_file), "--dataset", "mnist", "--out", out, *QUICK],
                 "MNIST is not in", "download")
    rgb = tmp_path / "rgb.json"
    rgb.write_text(json.dumps({**SMALL, "input": [3, 32, 32]}))
    assert_error(capsys, ["train", str(rgb), "--out", out, *QUICK], "design expects 3x32x32, embedded MNIST gives 1x28x28")
    assert not (tmp_path / "m.pt").exists()


def test_a_diverging_run_saves_nothing(capsys, design_file, tmp_path):
    out = tmp_path / "m.pt"
    assert_error(capsys, ["train", str(design_file), "--optimizer", "sgd", "--lr", "10", "--schedule", "constant",
                          "--epochs", "2", "--out", str(out), *QUICK, "--max-train-samples", "2048"],
                 "diverged", "learning rate")
    assert not out.exists()


def test_an_unwritable_out_folder_is_refused_before_training(capsys, design_file, tmp_path, monkeypatch):
    import os

    from playground.commands import train as train_command

    def no_training(*args, **kwargs):
        raise AssertionError("training must not start")

    monkeypatch.setattr(train_command, "make_trainer", no_training)
    locked = tmp_path / "locked"
    locked.mkdir()
    real_access = os.access
    monkeypatch.setattr(train_command.os, "access",  # root may write anywhere, so the refusal is simulated
                        lambda path, mode: False if os.fspath(path) == str(locked) else real_access(path, mode))
    assert_error(capsys, ["train", str(design_file), "--out", str(locked / "m.pt")], "--out", "locked", "not writable")
    assert_error(capsys, ["train", str(design_file), "--out", str(tmp_path)], "--out", "is a folder")
    assert_error(capsys, ["train", str(design_file), "--out", str(tmp_path / "no" / "m.pt")], "does not exist")


def test_sample_limits_name_the_flag_in_plain_words(capsys, design_file, tmp_path):
    out = str(tmp_path / "m.pt")
    assert_error(capsys, ["train", str(design_file), "--max-train-samples", "0", "--out", out],
                 "--max-train-samples: expected a positive number of samples, got 0")
    assert_error(capsys, ["train", str(design_file), "--max-val-samples", "-3", "--out", out],
                 "--max-val-samples: expected a positive number of samples, got -3")


def test_an_unexpected_failure_in_training_is_one_line_without_a_traceback(capsys, design_file, tmp_path,
                                                                          monkeypatch):
    from playground.core.trainer import Trainer

    def broken(self):
        raise ZeroDivisionError("a bug deep inside\nwith a second line")

    monkeypatch.setattr(Trainer, "_run", broken)
    out = tmp_path / "m.pt"
    assert main(["train", str(design_file), "--out", str(out), *QUICK]) == 2
    err = capsys.readouterr().err
    assert err == "cnn-playground: error: training failed: ZeroDivisionError: a bug deep inside\n"
    assert not out.exists()


class RecordingTrainer:
    """Stands in for the Trainer: keeps the config the command built and trains nothing."""

    configs: list[TrainConfig] = []

    def __init__(self, design, dataset, config, callback):
        self.configs.append(config)
        # What the run history's recorder reads of a trainer (it goes in front of the callback).
        self.design, self.dataset, self.config, self.callback = design, dataset, config, callback
        self.model = self.device = None

    def run(self):
        return FailedEvent("recorded, not trained")


def config_of(flags, design_file, tmp_path, monkeypatch, capsys) -> TrainConfig:
    from playground.commands import train as train_command

    monkeypatch.setattr(train_command, "make_trainer", lambda design, dataset, config, callback, rendezvous=None:
                        RecordingTrainer(design, dataset, config, callback))
    RecordingTrainer.configs.clear()
    assert_error(capsys, ["train", str(design_file), "--out", str(tmp_path / "m.pt"), *flags], "recorded")
    [config] = RecordingTrainer.configs
    return config


def test_without_flags_the_command_trains_with_train_configs_defaults(design_file, tmp_path, monkeypatch, capsys):
    assert config_of([], design_file, tmp_path, monkeypatch, capsys) == TrainConfig()


def good_value(option: Option):
    """A value the option accepts that is not its default."""
    if option.choices:
        return next(value for value in reversed(option.values) if value != option.default)
    if option.type is str:
        return "cpu"
    if option.maximum is not None:
        return option.maximum if option.type is float else int(option.maximum)
    return option.type(option.minimum + 6)


@pytest.mark.parametrize("option", cli_options(), ids=[o.flag for o in cli_options()])
def test_every_flag_sets_its_field(option, design_file, tmp_path, monkeypatch, capsys):
    if option.type is bool:
        flags, value = [option.flag], True
    else:
        value = good_value(option)
        flags = [option.flag, str(value)]
    config = config_of(flags, design_file, tmp_path, monkeypatch, capsys)
    assert getattr(config, option.name) == value
    assert config == TrainConfig(**{option.name: value})


RANGED = [o for o in cli_options() if o.minimum is not None]


@pytest.mark.parametrize("option", RANGED, ids=[o.flag for o in RANGED])
def test_a_flag_out_of_its_range_is_one_line_naming_the_flag(option, capsys, design_file, tmp_path):
    beyond = [option.minimum - 1] + ([option.maximum * 2 + 1] if option.maximum is not None else [])
    for value in beyond:
        text = str(option.type(value))
        assert_error(capsys, ["train", str(design_file), option.flag, text, "--out", str(tmp_path / "m.pt")],
                     f"{option.flag}: expected {option.expected()}, got ")
    assert not (tmp_path / "m.pt").exists()


def test_a_value_of_the_wrong_kind_is_one_line_naming_the_flag(capsys, design_file, tmp_path):
    out = str(tmp_path / "m.pt")
    assert_error(capsys, ["train", str(design_file), "--epochs", "three", "--out", out], "--epochs", "invalid int")
    assert_error(capsys, ["train", str(design_file), "--augment", "2.5", "--out", out], "--augment", "invalid int")
    assert_error(capsys, ["train", str(design_file), "--schedule", "linear", "--out", out], "--schedule",
                 "invalid choice")


def test_help_lists_every_flag_with_its_help_and_default(capsys):
    with pytest.raises(SystemExit) as done:
        main(["train", "--help"])
    assert done.value.code == 0
    text = " ".join(capsys.readouterr().out.split())
    for option in cli_options():
        assert option.flag in text
        help_text = " ".join(option.help_text().removesuffix(".").split())
        assert help_text in text, option.flag
        if option.default is not None and option.type is not bool:
            assert f"{help_text} (default: {option.default})." in text
    assert "--max-train-samples N" in text and "--augment PIXELS" in text and "--rotate DEGREES" in text
