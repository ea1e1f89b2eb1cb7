"""The settings form is the options table: one row per form option with its range, unit,
default and help, and it yields what `cnn-playground train` would for the same values."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QFormLayout, QSpinBox

from playground.cli import _parser
from playground.commands.train import config_from_args
from playground.core.train_options import DEFAULT_LR, TrainConfig, form_options, option_named
from playground.ui.train.training_settings import INT_MAX, LogSpinBox, TrainingSettings

OBJECT_NAMES = {  # the names tests and accessibility tools find the fields by
    "optimizer": "optimizerCombo", "lr": "learningRate", "schedule": "scheduleCombo", "batch_size": "batchSize",
    "epochs": "epochs", "weight_decay": "weightDecay", "label_smoothing": "labelSmoothing",
    "augment_shift": "augmentShift", "augment_rotate": "augmentRotate", "seed": "seed",
    "max_train_samples": "maxTrainSamples", "device": "deviceCombo", "memory_budget": "memoryBudget",
    "loader_workers": "loaderWorkers"}


@pytest.fixture
def form(qtbot):
    widget = TrainingSettings()
    qtbot.addWidget(widget)
    return widget


def words(text: str) -> str:
    return " ".join(text.split())


def test_one_row_per_form_option_with_its_label_name_and_help(form):
    layout = form.layout()
    assert isinstance(layout, QFormLayout) and layout.rowCount() == len(form_options())
    assert list(form.fields) == [o.name for o in form_options()]
    for row, option in enumerate(form_options()):
        field = form.fields[option.name]
        assert layout.itemAt(row, QFormLayout.ItemRole.FieldRole).widget() is field
        assert layout.itemAt(row, QFormLayout.ItemRole.LabelRole).widget().text() == option.label_text() == option.label
        assert field.objectName() == OBJECT_NAMES[option.name]
        assert form.findChild(type(field), OBJECT_NAMES[option.name]) is field
        assert words(field.toolTip()) == words(f"{option.help_text()} {option.details_text()}")
    assert (form.optimizer, form.lr, form.shift, form.rotate, form.max_train, form.device) == tuple(
        form.fields[name] for name in ("optimizer", "lr", "augment_shift", "augment_rotate", "max_train_samples",
                                       "device"))


def test_every_spin_box_has_the_options_range_unit_and_default(form):
    defaults = TrainConfig()
    for option in form_options():
        field = form.fields[option.name]
        if option.choices or option.name == "device":
            continue
        none_as_zero = option.optional and option.type is int  # "all" training images
        assert (field.minimum(), field.maximum()) == (
            0 if none_as_zero else option.minimum, INT_MAX if option.maximum is None else option.maximum)
        if isinstance(field, QSpinBox):
            assert option.type is int
            assert field.specialValueText() == (option.none_text if option.optional else "")
            assert field.value() == (getattr(defaults, option.name) or 0)
        else:
            assert option.type is float and isinstance(field, QDoubleSpinBox)
            assert isinstance(field, LogSpinBox) == (option.log_step is not None)
            assert field.value() == pytest.approx(defaults.learning_rate if option.name == "lr"
                                                  else getattr(defaults, option.name))
        assert field.suffix() == option.suffix
    assert (form.shift.maximum(), form.shift.suffix()) == (8, " px")
    assert (form.rotate.maximum(), form.rotate.suffix()) == (180.0, "°")


def test_drop_downs_offer_the_options_choices(form):
    for name in ("optimizer", "schedule"):
        combo: QComboBox = form.fields[name]
        option = option_named(name)
        assert [(combo.itemData(i), combo.itemText(i)) for i in range(combo.count())] == list(option.choices)
        assert combo.currentData() == option.default
    assert form.device.itemData(0) == "auto" and form.device.currentData() == "auto"


def test_an_untouched_form_reads_as_train_configs_defaults(form):
    defaults = TrainConfig()
    assert form.config() == dataclasses.replace(defaults, lr=defaults.learning_rate)


def test_the_form_at_its_ends_gives_configs_that_validate(form):
    for spin in (form.batch_size, form.epochs, form.weight_decay, form.label_smoothing, form.shift, form.rotate,
                 form.seed, form.max_train, form.lr, form.fields["memory_budget"], form.fields["loader_workers"]):
        spin.setValue(spin.maximum())
    high = form.config()
    high.validate()
    assert (high.epochs, high.augment_shift, high.augment_rotate, high.max_train_samples) == (
        option_named("epochs").maximum, 8, 180.0, INT_MAX)
    for spin in (form.batch_size, form.epochs, form.weight_decay, form.label_smoothing, form.shift, form.rotate,
                 form.seed, form.max_train, form.lr, form.fields["memory_budget"], form.fields["loader_workers"]):
        spin.setValue(spin.minimum())
    low = form.config()
    low.validate()
    assert low.max_train_samples is None and low.lr == option_named("lr").minimum
    assert (low.memory_budget, low.loader_workers, high.loader_workers) == (None, 0, 64)


def test_the_form_and_the_command_line_agree(form):
    form.optimizer.setCurrentIndex(form.optimizer.findData("sgd"))
    form.schedule.setCurrentIndex(form.schedule.findData("cosine"))
    form.batch_size.setValue(128)
    form.epochs.setValue(7)
    form.weight_decay.setValue(5e-4)
    form.label_smoothing.setValue(0.1)
    form.shift.setValue(2)
    form.rotate.setValue(15)
    form.seed.setValue(42)
    form.max_train.setValue(3000)
    form.device.setCurrentIndex(form.device.findData("cpu"))
    form.fields["memory_budget"].setValue(512)
    form.fields["loader_workers"].setValue(4)
    args = _parser().parse_args([
        "train", "design.json", "--out", "m.pt", "--optimizer", "sgd", "--lr", str(DEFAULT_LR["sgd"]),
        "--schedule", "cosine", "--batch-size", "128", "--epochs", "7", "--weight-decay", "5e-4",
        "--label-smoothing", "0.1", "--augment", "2", "--rotate", "15", "--seed", "42", "--max-train-samples", "3000",
        "--device", "cpu", "--memory-budget", "512", "--loader-workers", "4"])
    assert form.config() == config_from_args(args)


def test_the_learning_rate_follows_the_optimizer_until_the_person_sets_one(form):
    form.optimizer.setCurrentIndex(form.optimizer.findData("sgd"))
    assert form.lr.value() == pytest.approx(DEFAULT_LR["sgd"])
    form.lr.setValue(0.2)
    form.optimizer.setCurrentIndex(form.optimizer.findData("adam"))
    assert form.lr.value() == pytest.approx(0.2) and form.config().lr == pytest.approx(0.2)


def test_running_locks_every_field(form):
    form.set_running(True)
    assert not any(field.isEnabled() for field in form.fields.values())
    form.set_running(False)
    assert all(field.isEnabled() for field in form.fields.values())
