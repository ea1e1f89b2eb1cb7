"""The training options' one declaration: TrainConfig's fields, their checks, their flags.

Generated from the table, so a new option is checked here without a new test.
"""

from __future__ import annotations

import argparse
import dataclasses
import math
import subprocess
import sys

import pytest

from playground.core.train_options import (
    OPTIONS, ConfigError, Option, TrainConfig, add_arguments, cli_options, config_errors, form_options, option_named)

NUMERIC = [o for o in OPTIONS if o.type in (int, float) and not o.choices]
RANGED = [o for o in NUMERIC if o.maximum is not None]


def ids(options):
    return [o.name for o in options]


def with_value(name, value) -> TrainConfig:
    return dataclasses.replace(TrainConfig(), **{name: value})


def rejection(name, value) -> ConfigError:
    with pytest.raises(ConfigError) as caught:
        with_value(name, value).validate()
    error = caught.value
    assert error.field == name and str(error) == f"{name}: {error.message}"
    assert error.message == f"expected {option_named(name).expected()}, got {value!r}"
    return error


def test_every_field_of_train_config_is_one_option_in_field_order():
    config = TrainConfig()
    assert ids(OPTIONS) == [f.name for f in dataclasses.fields(TrainConfig)]
    for option in OPTIONS:
        assert option_named(option.name) is option
        assert getattr(config, option.name) == option.default
        assert option.help.endswith(".") and option.help[0].isupper(), option.name
    assert option_named("lr").type is float and option_named("lr").optional
    assert option_named("epochs").type is int and not option_named("epochs").optional
    with pytest.raises(KeyError):
        option_named("learning_rate")


def test_the_defaults_are_good_values():
    TrainConfig().validate()
    assert config_errors(TrainConfig()) == []
    for option in OPTIONS:
        assert option.problem(option.default) is None, option.name


@pytest.mark.parametrize("option", RANGED, ids=ids(RANGED))
def test_a_range_holds_its_ends_and_nothing_beyond(option):
    low, high = option.minimum, option.maximum
    with_value(option.name, option.type(low)).validate()
    step = 1 if option.type is int else 1e-9 * max(1.0, abs(high))
    rejection(option.name, option.type(low - step) if option.type is int else low - step)
    if option.below_maximum:
        rejection(option.name, option.type(high))
        with_value(option.name, high - step).validate()
    else:
        with_value(option.name, option.type(high)).validate()
        rejection(option.name, option.type(high + step) if option.type is int else high + step)


@pytest.mark.parametrize("option", NUMERIC, ids=ids(NUMERIC))
def test_numbers_are_numbers_of_the_right_kind(option):
    rejection(option.name, "3")
    rejection(option.name, True)  # a bool is an int to Python, never to a training option
    if option.type is int:
        rejection(option.name, float(option.minimum) + 1.0)
    else:
        rejection(option.name, math.nan)
        with_value(option.name, math.ceil(option.minimum)).validate()  # an int is a good float


@pytest.mark.parametrize("option", OPTIONS, ids=ids(OPTIONS))
def test_none_is_good_only_for_optional_options(option):
    if option.optional:
        with_value(option.name, None).validate()
    else:
        rejection(option.name, None)


def test_choices_and_text_and_flags():
    for name in ("optimizer", "schedule"):
        for value in option_named(name).values:
            with_value(name, value).validate()
    assert str(rejection("schedule", "linear")) == "schedule: expected constant, cosine, onecycle, got 'linear'"
    assert rejection("optimizer", "lion").message == "expected adam, adamw, sgd, got 'lion'"
    rejection("device", 0)
    rejection("download", "yes")
    rejection("mixed_precision", 1)


def test_messages_say_what_is_expected_in_plain_words():
    assert option_named("epochs").expected() == "a positive int up to 1000"
    assert option_named("max_train_samples").expected() == "a positive number of samples"
    assert option_named("augment_shift").expected() == "a whole number of pixels from 0 to 8"
    assert option_named("augment_rotate").expected() == "a number of degrees from 0 to 180"
    assert option_named("momentum").expected() == "a number in [0, 1)"
    assert option_named("lr").expected() == "a number from 1e-06 to 10"
    open_ended = Option("ratio", float, False, 1.0, help="A ratio.", minimum=0.5)
    assert open_ended.expected() == "a number from 0.5 up"
    assert open_ended.problem(1e9) is None and open_ended.problem(0.25) is not None


def test_every_bad_field_gets_its_own_error_and_validate_raises_the_first():
    config = dataclasses.replace(TrainConfig(), epochs=0, augment_shift=9, max_val_samples=-3, optimizer="lion")
    errors = config_errors(config)
    assert [e.field for e in errors] == ["optimizer", "epochs", "augment_shift", "max_val_samples"]
    assert [str(e) for e in errors] == [
        "optimizer: expected adam, adamw, sgd, got 'lion'", "epochs: expected a positive int up to 1000, got 0",
        "augment_shift: expected a whole number of pixels from 0 to 8, got 9",
        "max_val_samples: expected a positive number of samples, got -3"]
    with pytest.raises(ConfigError, match="^optimizer: "):
        config.validate()


def test_the_flags_are_the_options_with_their_defaults():
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    flags = [o.flag for o in cli_options()]
    assert len(set(flags)) == len(flags)
    args = parser.parse_args([])
    assert set(vars(args)) == set(ids(cli_options()))
    assert TrainConfig(**vars(args)) == TrainConfig()
    for option in cli_options():
        if option.type is bool:
            assert option.default is False, f"{option.flag} is a switch: it can only turn {option.name} on"
    given = parser.parse_args(["--augment", "3", "--rotate", "12.5", "--optimizer", "sgd", "--download",
                               "--max-train-samples", "100"])
    assert (given.augment_shift, given.augment_rotate, given.optimizer, given.download, given.max_train_samples) == (
        3, 12.5, "sgd", True, 100)


def test_what_the_form_and_the_command_line_offer():
    assert ids(form_options()) == ["optimizer", "lr", "schedule", "batch_size", "epochs", "weight_decay",
                                   "label_smoothing", "augment_shift", "augment_rotate", "seed",
                                   "max_train_samples", "device", "memory_budget", "loader_workers"]
    assert [o.flag for o in cli_options()] == [
        "--optimizer", "--lr", "--schedule", "--batch-size", "--epochs", "--weight-decay", "--label-smoothing",
        "--augment", "--rotate", "--seed", "--max-train-samples", "--max-val-samples", "--device", "--download",
        "--memory-budget", "--loader-workers", "--dist-timeout"]


def test_the_table_needs_neither_torch_nor_qt():
    code = ("import sys\n"
            "for name in ('torch', 'PySide6', 'shiboken6', 'pyqtgraph'):\n"
            "    sys.modules[name] = None\n"
            "from playground.core.train_options import TrainConfig\n"
            "TrainConfig(epochs=2).validate()\n"
            "print('ok')\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"
