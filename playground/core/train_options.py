"""Every training option, declared once: `TrainConfig` and what its fields' metadata says.

Each field of `TrainConfig` carries an `Option` (range or choices, help text, command-line
flag, form label, unit), so `TrainConfig.validate`, the flags of `cnn-playground train`
(`add_arguments`) and the settings form on the Train page all read the same numbers, as
the layer catalogue's `Param`s drive the Inspector. Adding a field here adds its check,
its flag and its form row. No torch and no Qt: the CLI builds its parser from this module
without loading either.

    for option in OPTIONS: option.name, option.type, option.default, option.minimum, ...
    option_named("augment_shift").flag == "--augment"
"""

from __future__ import annotations

import argparse
import types
import typing
from dataclasses import asdict, dataclass, field, fields
from typing import Any, Union

from playground.core.i18n import N_, _

__all__ = [
    "ConfigError", "DEFAULT_LR", "OPTIMIZERS", "OPTIONS", "Option", "SCHEDULES", "TrainConfig", "add_arguments",
    "cli_options", "config_errors", "form_options", "option_named",
]

DEFAULT_LR = {"sgd": 0.05, "adam": 3e-3, "adamw": 3e-3}  # the peak under onecycle
OPTIMIZER_CHOICES = (("adam", "Adam"), ("adamw", "AdamW"), ("sgd", N_("SGD with momentum")))
SCHEDULE_CHOICES = (("constant", N_("Constant")), ("cosine", N_("Cosine decay")), ("onecycle", N_("One-cycle")))
# What the help texts' {placeholders} stand for (a help text is a template, so that the
# catalogue holds it once, whatever the numbers).
_HELP_VALUES = {"adam": f"{DEFAULT_LR['adam']:g}", "sgd": f"{DEFAULT_LR['sgd']:g}"}
OPTIMIZERS = tuple(value for value, _ in OPTIMIZER_CHOICES)
SCHEDULES = tuple(value for value, _ in SCHEDULE_CHOICES)


class ConfigError(ValueError):
    """A TrainConfig field with a bad value; `field` names it."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


@dataclass(frozen=True)
class Option:
    """One training option: its field (name, type, default) and how it is checked and shown.

    `type` is int, float, str or bool; `optional` options may also be None (for `lr`: the
    optimizer's DEFAULT_LR; for the sample limits: all of them). The range is closed,
    [minimum, maximum], unless `below_maximum` leaves the maximum out. `flag` is None for
    options the command line does not offer, `label` None for those the form does not show.
    The texts a person reads (label, help, details, the choices' titles, none_text) are
    marked for translation and read through the *_text methods, in the current language.
    """

    name: str
    type: type
    optional: bool
    default: Any
    help: str  # a sentence: the flag's help, and the first line of the form's tooltip
    details: str = ""  # more for the tooltip
    minimum: float | None = None
    maximum: float | None = None
    below_maximum: bool = False
    choices: tuple[tuple[str, str], ...] = ()  # (value, what the form shows)
    unit: str = ""  # "pixels", "degrees", "samples": in messages
    suffix: str = ""  # what the form shows after the number: " px", "°"
    flag: str | None = None
    metavar: str | None = None
    label: str | None = None
    step: float | None = None  # the form's arrow step (None: 1)
    decimals: int = 2  # the form's decimals for a float
    log_step: float | None = None  # a rate spanning decades: arrows step 1, 2, 5, 10 from this smallest step
    none_text: str = ""  # what the form shows for None (at 0)

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(value for value, _title in self.choices)

    def label_text(self) -> str:
        """The form's label, translated."""
        return _(self.label) if self.label else ""

    def help_text(self) -> str:
        """The help sentence, translated, its numbers filled in."""
        return _(self.help).format(**_HELP_VALUES)

    def details_text(self) -> str:
        """More for the tooltip, translated ("" when there is none)."""
        return _(self.details) if self.details else ""

    def none_label(self) -> str:
        """What the form shows for None, translated."""
        return _(self.none_text) if self.none_text else ""

    def choice_texts(self) -> tuple[tuple[str, str], ...]:
        """(value, title) of each choice, the titles translated."""
        return tuple((value, _(title)) for value, title in self.choices)

    def expected(self) -> str:
        """What a good value is, in the words of an error message."""
        if self.choices:
            return ", ".join(self.values)
        if self.type is bool:
            return "true or false"
        if self.type is str:
            return "text"
        if self.type is int and self.minimum == 1:
            text = f"a positive number of {self.unit}" if self.unit else "a positive int"
            return text + (f" up to {_number(self.maximum)}" if self.maximum is not None else "")
        if self.unit:
            noun = f"a whole number of {self.unit}" if self.type is int else f"a number of {self.unit}"
        else:
            noun = "an int" if self.type is int else "a number"
        low, high = _number(self.minimum), _number(self.maximum)
        if self.maximum is None:
            return f"{noun} from {low} up"
        if self.below_maximum:
            return f"{noun} in [{low}, {high})"
        return f"{noun} from {low} to {high}"

    def problem(self, value: Any) -> ConfigError | None:
        """The error for `value`, or None when it is good."""
        if value is None and self.optional:
            return None
        if not self._fits(value):
            return ConfigError(self.name, f"expected {self.expected()}, got {value!r}")
        return None

    def _fits(self, value: Any) -> bool:
        if self.choices:
            return value in self.values
        if self.type is bool or self.type is str:
            return isinstance(value, self.type)
        numeric = (int,) if self.type is int else (int, float)
        if isinstance(value, bool) or not isinstance(value, numeric):
            return False
        if self.minimum is not None and not value >= self.minimum:
            return False
        if self.maximum is not None:
            return value < self.maximum if self.below_maximum else value <= self.maximum
        return value == value  # NaN is no number of anything


def _number(value: float | None) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def _option(default: Any, **spec: Any) -> Any:
    """A TrainConfig field whose metadata holds its Option's declaration."""
    return field(default=default, metadata={"option": spec})


@dataclass
class TrainConfig:
    """Everything that decides a training run; stored in checkpoints as `asdict(config)`.

    Each field's metadata declares its Option; the fields come in the order the form and
    `cnn-playground train --help` show them.
    """

    optimizer: str = _option(
        "adam", choices=OPTIMIZER_CHOICES, flag="--optimizer", label=N_("Optimizer"),
        help=N_("How the weights move downhill on the loss."),
        details=N_("Adam adapts a step size per weight and works with little tuning;\n"
                   "AdamW is Adam with weight decay done right;\n"
                   "SGD with momentum is the classic (needs a larger learning rate)."))
    lr: float | None = _option(
        None, minimum=1e-6, maximum=10.0, log_step=1e-6, flag="--lr", label=N_("Learning rate"),
        help=N_("The size of each step, the peak under one-cycle (default: {adam} for Adam and AdamW, "
                "{sgd} for SGD)."),
        details=N_("Too high and the loss jumps or becomes NaN; too low and nothing happens for a long time.\n"
                   "Arrows step 1, 2, 5, 10."))
    momentum: float = _option(
        0.9, minimum=0.0, maximum=1.0, below_maximum=True,
        help=N_("SGD only: how much of the previous step carries into the next."))
    schedule: str = _option(
        "onecycle", choices=SCHEDULE_CHOICES, flag="--schedule", label=N_("Schedule"),
        help=N_("How the learning rate changes over the run."),
        details=N_("Constant: the same all along. Cosine: glides down to zero by the end.\n"
                   "One-cycle: warms up for the first 30%, then anneals (often the fastest)."))
    batch_size: int = _option(
        64, minimum=1, maximum=8192, flag="--batch-size", label=N_("Batch size"),
        help=N_("Images per step."),
        details=N_("Larger batches give smoother steps and use more memory;\n"
                   "smaller ones take more, noisier steps per epoch."))
    epochs: int = _option(
        3, minimum=1, maximum=1000, flag="--epochs", label=N_("Epochs"),
        help=N_("Passes over the whole training set."))
    weight_decay: float = _option(
        0.0, minimum=0.0, maximum=1.0, log_step=1e-6, flag="--weight-decay", label=N_("Weight decay"),
        help=N_("Pulls every weight a little towards zero each step (L2 regularisation), which fights overfitting."),
        details=N_("0 turns it off; 1e-4 to 5e-4 is typical."))
    label_smoothing: float = _option(
        0.0, minimum=0.0, maximum=0.5, step=0.05, decimals=2, flag="--label-smoothing", label=N_("Label smoothing"),
        # xgettext: no-python-format
        help=N_("Aim a little below 100% certainty: the right class gets 1 - s of the target "
                "and the rest is spread over the others."),
        details=N_("0.1 often helps a bit."))
    augment_shift: int = _option(
        0, minimum=0, maximum=8, unit="pixels", suffix=" px", flag="--augment", metavar="PIXELS",
        label=N_("Random shift"),
        help=N_("Augmentation: move each training image by up to this many pixels at random, "
                "so the model learns that a digit is the same wherever it sits."))
    augment_rotate: float = _option(
        0.0, minimum=0.0, maximum=180.0, unit="degrees", suffix="°", step=5.0, decimals=0, flag="--rotate",
        metavar="DEGREES", label=N_("Random rotation"),
        help=N_("Augmentation: rotate each training image by up to this many degrees at random."))
    augment_scale: float = _option(
        0.0, minimum=0.0, maximum=1.0, below_maximum=True,
        help=N_("Augmentation: scale each training image by up to this fraction at random (0.1 for +-10 %)."))
    seed: int = _option(
        0, minimum=0, maximum=2**31 - 1, flag="--seed", label=N_("Seed"),
        help=N_("Fixes the initial weights, the shuffling and the augmentation: "
                "the same seed on the CPU gives the same run every time."))
    max_train_samples: int | None = _option(
        None, minimum=1, unit="samples", flag="--max-train-samples", metavar="N", label=N_("Training images"),
        none_text=N_("all"), step=1000,
        help=N_("Train on only the first N training images (all when not set): a quick try before a full run."))
    max_val_samples: int | None = _option(
        None, minimum=1, unit="samples", flag="--max-val-samples", metavar="N",
        help=N_("Validate on only the first N validation images (all when not set)."))
    device: str = _option(
        "auto", flag="--device", metavar="auto|cpu|cuda|cuda:N|mps", label=N_("Device"),
        help=N_("Where the model trains: auto picks a CUDA GPU, then Apple's MPS, then the CPU."),
        details=N_("On the CPU one core is left free for the window."))
    cpu_threads: int | None = _option(
        None, minimum=1, unit="threads",
        help=N_("Torch threads on the CPU (default: one fewer than the cores)."))
    mixed_precision: bool = _option(True, help=N_("Run CUDA steps under bf16 autocast (ignored on other devices)."))
    download: bool = _option(False, flag="--download", help=N_("Download a torchvision dataset if it is missing."))
    memory_budget: int | None = _option(
        None, minimum=1, unit="MiB", suffix=" MiB", flag="--memory-budget", metavar="MIB", label=N_("Memory budget"),
        none_text=N_("automatic"), step=256,
        help=N_("An image folder whose images would take more memory than this (MiB) is streamed from disk "
                "batch by batch instead of being held in memory (default: a quarter of the machine's memory)."),
        details=N_("The data section says which path the chosen folder takes and why."))
    loader_workers: int = _option(
        2, minimum=0, maximum=64, unit="processes", flag="--loader-workers", metavar="N", label=N_("Loader workers"),
        help=N_("Processes that decode images while a streamed folder trains (0: decode in the training process)."),
        details=N_("More workers keep a fast device fed; each one takes a little memory and a core."))
    dist_timeout: float = _option(
        300.0, minimum=1.0, maximum=86400.0, unit="seconds", flag="--dist-timeout", metavar="SECONDS",
        help=N_("Under torchrun: how long a process waits for the others in one exchange before it gives up "
                "(a process that died or hangs ends the job instead of stalling it)."))

    @property
    def learning_rate(self) -> float:
        return self.lr if self.lr is not None else DEFAULT_LR[self.optimizer]

    def validate(self) -> None:
        """Raise the ConfigError of the first bad field (see config_errors for all of them)."""
        errors = config_errors(self)
        if errors:
            raise errors[0]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "TrainConfig":
        """Known keys only (a checkpoint from a newer version may carry more)."""
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in d.items() if k in known})


def _options() -> tuple[Option, ...]:
    hints = typing.get_type_hints(TrainConfig)
    options = []
    for f in fields(TrainConfig):
        hint = hints[f.name]
        args = typing.get_args(hint) if typing.get_origin(hint) in (Union, types.UnionType) else (hint,)
        kinds = [a for a in args if a is not type(None)]
        options.append(Option(f.name, kinds[0], len(kinds) < len(args), f.default, **f.metadata["option"]))
    return tuple(options)


OPTIONS: tuple[Option, ...] = _options()
_BY_NAME = {option.name: option for option in OPTIONS}


def option_named(name: str) -> Option:
    """The option of TrainConfig's field `name` (KeyError for an unknown name)."""
    return _BY_NAME[name]


def cli_options() -> tuple[Option, ...]:
    """The options `cnn-playground train` offers as flags, in declaration order."""
    return tuple(option for option in OPTIONS if option.flag)


def form_options() -> tuple[Option, ...]:
    """The options the settings form shows, in declaration order (its rows)."""
    return tuple(option for option in OPTIONS if option.label)


def config_errors(config: TrainConfig) -> list[ConfigError]:
    """One ConfigError per bad field of `config`, in declaration order; empty when all are good."""
    errors = (option.problem(getattr(config, option.name)) for option in OPTIONS)
    return [error for error in errors if error is not None]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add a flag per command-line option; each stores under its field's name (`args.augment_shift`).

    Ranges are not checked here but by TrainConfig.validate, whose message the command
    turns into one line naming the flag.
    """
    for option in cli_options():
        assert option.flag is not None
        help_text = option.help_text().replace("%", "%%")  # argparse formats help with %
        if option.type is bool:
            parser.add_argument(option.flag, dest=option.name, action="store_true", help=help_text)
            continue
        if option.default is not None:
            help_text = f"{help_text.removesuffix('.')} (default: {option.default})."
        kwargs: dict[str, Any] = {"dest": option.name, "default": option.default, "help": help_text}
        if option.choices:
            kwargs["choices"] = option.values
        else:
            kwargs["type"] = option.type
            kwargs["metavar"] = option.metavar or option.flag.lstrip("-").replace("-", "_").upper()
        parser.add_argument(option.flag, **kwargs)
