"""The trainer's settings as a form: one row per option that playground.core.train_options
gives a form label (optimizer, learning rate, schedule, batch size, epochs, regularisation,
augmentation, seed, training subset, device).

Each widget takes its kind, range, default, unit and tooltip from that table, so the
window and `cnn-playground train` accept the same values and start from the same numbers.
The labels, tooltips and choices are the table's texts in the current language (core's
gettext catalogue), set again when the language changes.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Iterable

import torch
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QWidget,
)

from playground.core.devices import available_devices, describe, resolve_device
from playground.core.train_options import DEFAULT_LR, Option, TrainConfig, form_options
from playground.ui.widgets.retranslate import Retranslating

TOOLTIP_WIDTH = 80  # characters
INT_MAX = 2**31 - 1  # a QSpinBox holds a C int: the top of an option without a maximum
# objectNames (tests and accessibility tools find the fields by them): the field's name in
# camelCase, "Combo" after a drop-down, except where an older name is kept.
_OBJECT_NAMES = {"lr": "learningRate"}


class LogSpinBox(QDoubleSpinBox):
    """A spin box for rates spanning decades: arrows step 1 → 2 → 5 → 10, text like 1e-05.

    Zero is allowed when the minimum is 0 (weight decay off); the step up from 0 goes to
    the smallest decade shown.
    """

    _MANTISSAS = (1.0, 2.0, 5.0)

    def __init__(self, minimum: float, maximum: float, smallest_step: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._smallest = smallest_step
        self.setDecimals(12)
        self.setRange(minimum, maximum)
        self.setKeyboardTracking(False)

    def textFromValue(self, value: float) -> str:  # noqa: N802
        return "0" if value == 0 else f"{value:.6g}"

    def valueFromText(self, text: str) -> float:  # noqa: N802
        try:
            return float(text.strip())
        except ValueError:
            return self.value()

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        stripped = text.strip()
        if stripped in ("", "-", ".", "e", "1e", "1e-"):
            return QValidator.State.Intermediate, text, pos
        try:
            value = float(stripped)
        except ValueError:
            if stripped.endswith(("e", "e-", "E", "E-")):
                return QValidator.State.Intermediate, text, pos
            return QValidator.State.Invalid, text, pos
        if self.minimum() <= value <= self.maximum():
            return QValidator.State.Acceptable, text, pos
        return QValidator.State.Intermediate, text, pos

    def stepBy(self, steps: int) -> None:  # noqa: N802
        value = self.value()
        for _ in range(abs(steps)):
            value = self._next(value, up=steps > 0)
        self.setValue(min(self.maximum(), max(self.minimum(), value)))

    def _next(self, value: float, up: bool) -> float:
        if value <= 0:
            return self._smallest if up else 0.0
        ladder = []
        decade = math.floor(math.log10(value)) - 1
        for d in range(decade, decade + 3):
            ladder += [m * 10.0**d for m in self._MANTISSAS]
        if up:
            return next(v for v in ladder if v > value * (1 + 1e-9))
        lower = [v for v in ladder if v < value * (1 - 1e-9)]
        if value <= self._smallest * (1 + 1e-9):
            return self.minimum()
        return lower[-1]


def device_choices() -> list[tuple[str, str]]:
    """(spec, label) for every device torch can use here: auto, the CPU, each GPU by name."""
    choices = []
    for spec in available_devices():
        if spec == "auto":
            label = QCoreApplication.translate("TrainingSettings", "Automatic ({device})").format(
                device=device_name(resolve_device("auto")))
        else:
            label = device_name(resolve_device(spec))
        choices.append((spec, label))
    return choices


def device_name(device: torch.device) -> str:
    """"CPU", or the GPU's name and index: what the person knows the device as."""
    if device.type == "cpu":
        return "CPU"
    return describe(device)


def object_name(option: Option) -> str:
    """The objectName of `option`'s field: learningRate, optimizerCombo, augmentShift, ..."""
    if option.name in _OBJECT_NAMES:
        return _OBJECT_NAMES[option.name]
    first, *rest = option.name.split("_")
    combo = "Combo" if option.choices or option.name == "device" else ""
    return first + "".join(word.capitalize() for word in rest) + combo


def tooltip(option: Option) -> str:
    """The option's help (wrapped: a plain tooltip never wraps by itself), then its details."""
    return "\n".join(filter(None, (textwrap.fill(option.help_text(), TOOLTIP_WIDTH), option.details_text())))


def make_field(option: Option) -> QWidget:
    """The widget of one option with its range, unit and steps, set to its default."""
    if option.name == "device":
        return _combo(device_choices(), option.default)
    if option.choices:
        return _combo(option.choice_texts(), option.default)
    assert option.minimum is not None and not option.below_maximum, f"{option.name}: the form needs [min, max]"
    if option.type is int:
        spin = QSpinBox()
        spin.setRange(0 if option.optional else int(option.minimum),
                      INT_MAX if option.maximum is None else int(option.maximum))
        if option.optional:  # 0 stands for None
            spin.setSpecialValueText(option.none_label())
        spin.setSingleStep(int(option.step or 1))
        spin.setSuffix(option.suffix)
        spin.setValue(option.default or 0)
        return spin
    assert option.maximum is not None, f"{option.name}: the form needs a maximum"
    # The learning rate's None means the optimizer's default; the form shows that number.
    default = TrainConfig().learning_rate if option.name == "lr" else option.default
    if option.log_step is not None:
        rate = LogSpinBox(option.minimum, option.maximum, option.log_step)
        rate.setValue(default)
        return rate
    spin_f = QDoubleSpinBox()
    spin_f.setDecimals(option.decimals)
    spin_f.setRange(option.minimum, option.maximum)
    spin_f.setSingleStep(option.step or 1.0)
    spin_f.setSuffix(option.suffix)
    spin_f.setValue(default)
    return spin_f


def _combo(items: Iterable[tuple[str, str]], current: str) -> QComboBox:
    combo = QComboBox()
    for value, title in items:
        combo.addItem(title, value)
    combo.setCurrentIndex(combo.findData(current))
    return combo


class TrainingSettings(Retranslating, QWidget):
    """The form; `config()` reads it as a TrainConfig, `fields` holds its widgets by option name."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trainingSettings")
        self._lr_edited = False
        self._options = form_options()
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields: dict[str, QWidget] = {}
        self._labels: dict[str, QLabel] = {}
        for option in self._options:
            field = make_field(option)
            field.setObjectName(object_name(option))
            label = QLabel()
            form.addRow(label, field)
            self.fields[option.name] = field
            self._labels[option.name] = label
        # The names the Train page, its tests and the scripts use.
        self.optimizer: QComboBox = self.fields["optimizer"]  # type: ignore[assignment]
        self.lr: LogSpinBox = self.fields["lr"]  # type: ignore[assignment]
        self.schedule: QComboBox = self.fields["schedule"]  # type: ignore[assignment]
        self.batch_size: QSpinBox = self.fields["batch_size"]  # type: ignore[assignment]
        self.epochs: QSpinBox = self.fields["epochs"]  # type: ignore[assignment]
        self.weight_decay: LogSpinBox = self.fields["weight_decay"]  # type: ignore[assignment]
        self.label_smoothing: QDoubleSpinBox = self.fields["label_smoothing"]  # type: ignore[assignment]
        self.shift: QSpinBox = self.fields["augment_shift"]  # type: ignore[assignment]
        self.rotate: QDoubleSpinBox = self.fields["augment_rotate"]  # type: ignore[assignment]
        self.seed: QSpinBox = self.fields["seed"]  # type: ignore[assignment]
        self.max_train: QSpinBox = self.fields["max_train_samples"]  # type: ignore[assignment]
        self.device: QComboBox = self.fields["device"]  # type: ignore[assignment]
        self.lr.valueChanged.connect(self._on_lr_edited)
        self.optimizer.currentIndexChanged.connect(self._on_optimizer)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Labels, tooltips, choices and "all"/"automatic" in the current language."""
        for option in self._options:
            field = self.fields[option.name]
            self._labels[option.name].setText(option.label_text())
            field.setToolTip(tooltip(option))
            if isinstance(field, QComboBox):
                titles = dict(device_choices() if option.name == "device" else option.choice_texts())
                for i in range(field.count()):
                    field.setItemText(i, titles.get(field.itemData(i), field.itemText(i)))
            elif isinstance(field, QSpinBox) and option.optional:
                field.setSpecialValueText(option.none_label())

    def _value(self, option: Option) -> object:
        field = self.fields[option.name]
        if isinstance(field, QComboBox):
            return field.currentData()
        if isinstance(field, QSpinBox):
            return (int(field.value()) or None) if option.optional else int(field.value())
        assert isinstance(field, QDoubleSpinBox)
        return float(field.value())

    def _on_optimizer(self) -> None:
        if not self._lr_edited:  # follow the optimizer's default until the person picks a rate
            self.lr.blockSignals(True)
            self.lr.setValue(DEFAULT_LR[self.optimizer.currentData()])
            self.lr.blockSignals(False)

    def _on_lr_edited(self) -> None:
        self._lr_edited = True

    def config(self) -> TrainConfig:
        """The form's values; every option the form leaves out keeps TrainConfig's default."""
        return TrainConfig(**{option.name: self._value(option) for option in self._options})

    def set_running(self, running: bool) -> None:
        for field in self.fields.values():
            field.setEnabled(not running)
