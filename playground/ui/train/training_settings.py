"""The trainer's settings as a form: optimizer, learning rate, schedule, batch size,
epochs, regularisation, augmentation, seed, device and an optional training subset.

Defaults come from `TrainConfig` itself, so the window and `cnn-playground train` start
from the same numbers. Every field explains itself in a tooltip.
"""

from __future__ import annotations

import math

import torch
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QSpinBox,
    QWidget,
)

from playground.core.devices import available_devices, describe, resolve_device
from playground.core.trainer import DEFAULT_LR, TrainConfig

OPTIMIZER_CHOICES = (("adam", "Adam"), ("adamw", "AdamW"), ("sgd", "SGD with momentum"))
SCHEDULE_CHOICES = (("constant", "Constant"), ("cosine", "Cosine decay"), ("onecycle", "One-cycle"))


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
            label = f"Automatic ({device_name(resolve_device('auto'))})"
        else:
            label = device_name(resolve_device(spec))
        choices.append((spec, label))
    return choices


def device_name(device: torch.device) -> str:
    """"CPU", or the GPU's name and index: what the person knows the device as."""
    if device.type == "cpu":
        return "CPU"
    return describe(device)


class TrainingSettings(QWidget):
    """The form; `config()` reads it as a TrainConfig."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trainingSettings")
        defaults = TrainConfig()
        self._lr_edited = False

        self.optimizer = QComboBox()
        self.optimizer.setObjectName("optimizerCombo")
        for key, title in OPTIMIZER_CHOICES:
            self.optimizer.addItem(title, key)
        self.optimizer.setCurrentIndex(self.optimizer.findData(defaults.optimizer))
        self.optimizer.setToolTip("How the weights move downhill on the loss.\n"
                                  "Adam adapts a step size per weight and works with little tuning;\n"
                                  "AdamW is Adam with weight decay done right;\n"
                                  "SGD with momentum is the classic (needs a larger learning rate).")

        self.lr = LogSpinBox(1e-6, 10.0, 1e-6)
        self.lr.setObjectName("learningRate")
        self.lr.setValue(defaults.learning_rate)
        self.lr.setToolTip("The size of each step. Too high and the loss jumps or becomes NaN; too low and\n"
                           f"nothing happens for a long time. Defaults: Adam {DEFAULT_LR['adam']:g}, "
                           f"SGD {DEFAULT_LR['sgd']:g}. Arrows step 1, 2, 5, 10.")
        self.lr.valueChanged.connect(self._on_lr_edited)
        self.optimizer.currentIndexChanged.connect(self._on_optimizer)

        self.schedule = QComboBox()
        self.schedule.setObjectName("scheduleCombo")
        for key, title in SCHEDULE_CHOICES:
            self.schedule.addItem(title, key)
        self.schedule.setCurrentIndex(self.schedule.findData(defaults.schedule))
        self.schedule.setToolTip("How the learning rate changes over the run.\n"
                                 "Constant: the same all along. Cosine: glides down to zero by the end.\n"
                                 "One-cycle: warms up for the first 30%, then anneals (often the fastest).")

        self.batch_size = QSpinBox()
        self.batch_size.setObjectName("batchSize")
        self.batch_size.setRange(1, 8192)
        self.batch_size.setValue(defaults.batch_size)
        self.batch_size.setToolTip("Images per step. Larger batches give smoother steps and use more memory;\n"
                                   "smaller ones take more, noisier steps per epoch.")

        self.epochs = QSpinBox()
        self.epochs.setObjectName("epochs")
        self.epochs.setRange(1, 1000)
        self.epochs.setValue(defaults.epochs)
        self.epochs.setToolTip("Passes over the whole training set.")

        self.weight_decay = LogSpinBox(0.0, 1.0, 1e-6)
        self.weight_decay.setObjectName("weightDecay")
        self.weight_decay.setValue(defaults.weight_decay)
        self.weight_decay.setToolTip("Pulls every weight a little towards zero each step (L2 regularisation),\n"
                                     "which fights overfitting. 0 turns it off; 1e-4 to 5e-4 is typical.")

        self.label_smoothing = QDoubleSpinBox()
        self.label_smoothing.setObjectName("labelSmoothing")
        self.label_smoothing.setRange(0.0, 0.5)
        self.label_smoothing.setSingleStep(0.05)
        self.label_smoothing.setDecimals(2)
        self.label_smoothing.setValue(defaults.label_smoothing)
        self.label_smoothing.setToolTip("Aim a little below 100% certainty: the right class gets 1 - s of the target\n"
                                        "and the rest is spread over the others. 0.1 often helps a bit.")

        self.shift = QSpinBox()
        self.shift.setObjectName("augmentShift")
        self.shift.setRange(0, 8)
        self.shift.setSuffix(" px")
        self.shift.setValue(defaults.augment_shift)
        self.shift.setToolTip("Augmentation: move each training image by up to this many pixels at random,\n"
                              "so the model learns that a digit is the same wherever it sits.")
        self.rotate = QDoubleSpinBox()
        self.rotate.setObjectName("augmentRotate")
        self.rotate.setRange(0.0, 45.0)
        self.rotate.setSingleStep(5.0)
        self.rotate.setDecimals(0)
        self.rotate.setSuffix("°")
        self.rotate.setValue(defaults.augment_rotate)
        self.rotate.setToolTip("Augmentation: rotate each training image by up to this many degrees at random.")
        augment_row = QWidget()
        augment_layout = QHBoxLayout(augment_row)
        augment_layout.setContentsMargins(0, 0, 0, 0)
        augment_layout.addWidget(self.shift)
        augment_layout.addWidget(self.rotate)

        self.seed = QSpinBox()
        self.seed.setObjectName("seed")
        self.seed.setRange(0, 2**31 - 1)
        self.seed.setValue(defaults.seed)
        self.seed.setToolTip("Fixes the initial weights, the shuffling and the augmentation:\n"
                             "the same seed on the CPU gives the same run every time.")

        self.max_train = QSpinBox()
        self.max_train.setObjectName("maxTrainSamples")
        self.max_train.setRange(0, 10_000_000)
        self.max_train.setSingleStep(1000)
        self.max_train.setSpecialValueText("all")
        self.max_train.setValue(0)
        self.max_train.setToolTip("Train on only the first N training images (all when 0): a quick try\n"
                                  "before a full run.")

        self.device = QComboBox()
        self.device.setObjectName("deviceCombo")
        for spec, label in device_choices():
            self.device.addItem(label, spec)
        self.device.setToolTip("Where the model trains. Automatic picks a CUDA GPU, then Apple's MPS, then the CPU.\n"
                               "On the CPU one core is left free for the window.")

        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("Optimizer", self.optimizer)
        form.addRow("Learning rate", self.lr)
        form.addRow("Schedule", self.schedule)
        form.addRow("Batch size", self.batch_size)
        form.addRow("Epochs", self.epochs)
        form.addRow("Weight decay", self.weight_decay)
        form.addRow("Label smoothing", self.label_smoothing)
        form.addRow("Shift / rotate", augment_row)
        form.addRow("Seed", self.seed)
        form.addRow("Training images", self.max_train)
        form.addRow("Device", self.device)
        self._fields = (self.optimizer, self.lr, self.schedule, self.batch_size, self.epochs, self.weight_decay,
                        self.label_smoothing, self.shift, self.rotate, self.seed, self.max_train, self.device)

    def _on_optimizer(self) -> None:
        if not self._lr_edited:  # follow the optimizer's default until the person picks a rate
            self.lr.blockSignals(True)
            self.lr.setValue(DEFAULT_LR[self.optimizer.currentData()])
            self.lr.blockSignals(False)

    def _on_lr_edited(self) -> None:
        self._lr_edited = True

    def config(self) -> TrainConfig:
        return TrainConfig(
            optimizer=self.optimizer.currentData(),
            lr=float(self.lr.value()),
            schedule=self.schedule.currentData(),
            batch_size=int(self.batch_size.value()),
            epochs=int(self.epochs.value()),
            weight_decay=float(self.weight_decay.value()),
            label_smoothing=float(self.label_smoothing.value()),
            augment_shift=int(self.shift.value()),
            augment_rotate=float(self.rotate.value()),
            seed=int(self.seed.value()),
            max_train_samples=int(self.max_train.value()) or None,
            device=self.device.currentData(),
        )

    def set_running(self, running: bool) -> None:
        for field in self._fields:
            field.setEnabled(not running)
