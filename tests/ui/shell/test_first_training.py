"""The first click succeeds: the design a first start opens, trained with the default
settings (the form's and `cnn-playground train`'s), reaches 97% on the embedded
validation digits, which is what the shipped pretrained model is measured on."""

from __future__ import annotations

from playground.core.datasets import load_embedded
from playground.core.design import load_design
from playground.core.trainer import FinishedEvent, TrainConfig, Trainer
from playground.ui.shell.main_window import default_design_path


def test_the_opening_design_reaches_97_percent_with_the_default_settings() -> None:
    path = default_design_path()
    assert path is not None
    config = TrainConfig(device="cpu", cpu_threads=1)  # the defaults, on this machine's CPU, seeded
    result = Trainer(load_design(path), load_embedded(), config, report_every_s=0.0).run()
    assert isinstance(result, FinishedEvent) and not result.stopped
    assert result.epochs_done == TrainConfig().epochs
    assert result.last_val_acc is not None and result.last_val_acc >= 0.97
