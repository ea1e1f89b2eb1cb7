"""One editor per catalogue parameter kind, all with the same small interface.

A field shows a value (`set_value`, which never signals) and reports the person's edits
(`edited(value)` with a JSON value, `finished()` when the gesture ends). The inspector
turns `edited` into live document edits and `finished` into the end of an undo step.
Fields live only as long as one inspector form: a language switch builds a new form, so
their texts are set once, translated, when they are made.
"""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QValidator
from PySide6.QtWidgets import (QAbstractSpinBox, QCheckBox, QComboBox, QDoubleSpinBox, QHBoxLayout, QLabel, QMenu,
                               QSpinBox, QToolButton, QWidget)

from playground.core.i18n import _
from playground.core.layers import BOOL, CHOICE, FLOAT, INT, PADDING, PAIR, PAIR_OR_NONE, Param
from playground.ui.widgets import style

_INT_LIMIT = 2**31 - 1


class ParamField(QWidget):
    """Base: a row editor for one parameter."""

    edited = Signal(object)  # the new JSON value
    finished = Signal()  # the gesture ended (editing finished, box toggled, choice made)

    def __init__(self, param: Param, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.param = param
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.setSpacing(4)
        self.setToolTip(_(param.help))

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def value(self) -> Any:
        raise NotImplementedError


def _number_box(box: QAbstractSpinBox) -> QAbstractSpinBox:
    """How every number box of the inspector behaves: live while typing, right-aligned."""
    box.setKeyboardTracking(True)
    box.setAlignment(Qt.AlignmentFlag.AlignRight)
    box.setMinimumWidth(48)
    return box


def _spin(param: Param, parent: QWidget | None = None) -> QSpinBox:
    box = QSpinBox(parent)
    box.setRange(int(param.minimum) if param.minimum is not None else -_INT_LIMIT,
                 int(param.maximum) if param.maximum is not None else _INT_LIMIT)
    box.setAccelerated(True)
    _number_box(box)
    return box


class _SpinField(ParamField):
    """One number in a spin box; `cast` gives the JSON type (int or float)."""

    def __init__(self, param: Param, spin: QSpinBox | QDoubleSpinBox, cast: type, parent: QWidget | None) -> None:
        super().__init__(param, parent)
        self.spin, self._cast = spin, cast
        self.row.addWidget(spin, 1)
        spin.valueChanged.connect(lambda v: self.edited.emit(cast(v)))
        spin.editingFinished.connect(self.finished)

    def set_value(self, value: Any) -> None:
        with QSignalBlocker(self.spin):
            self.spin.setValue(self._cast(value))

    def value(self) -> Any:
        return self._cast(self.spin.value())


class IntField(_SpinField):
    def __init__(self, param: Param, parent: QWidget | None = None) -> None:
        super().__init__(param, _spin(param), int, parent)


class _GeneralDoubleSpinBox(QDoubleSpinBox):
    """Shows 1e-05 as 1e-05 and 0.5 as 0.5: no fixed number of decimals."""

    def textFromValue(self, value: float) -> str:  # noqa: N802 - Qt's name
        return f"{value:g}"

    def valueFromText(self, text: str) -> float:  # noqa: N802
        try:
            return float(text)
        except ValueError:
            return self.value()

    def validate(self, text: str, pos: int) -> object:
        stripped = text.strip()
        if not stripped:
            return QValidator.State.Intermediate, text, pos
        try:
            value = float(stripped)
        except ValueError:
            partial = all(c in "0123456789.eE+-" for c in stripped)
            return (QValidator.State.Intermediate if partial else QValidator.State.Invalid), text, pos
        if math.isfinite(value) and self.minimum() <= value <= self.maximum():
            return QValidator.State.Acceptable, text, pos
        return QValidator.State.Intermediate, text, pos


class FloatField(_SpinField):
    def __init__(self, param: Param, parent: QWidget | None = None) -> None:
        spin = _GeneralDoubleSpinBox()
        spin.setDecimals(12)
        spin.setRange(param.minimum if param.minimum is not None else -1e9,
                      param.maximum if param.maximum is not None else 1e9)
        spin.setStepType(QAbstractSpinBox.StepType.AdaptiveDecimalStepType)
        super().__init__(param, _number_box(spin), float, parent)


class BoolField(ParamField):
    def __init__(self, param: Param, parent: QWidget | None = None) -> None:
        super().__init__(param, parent)
        self.box = QCheckBox(self)
        self.row.addWidget(self.box)
        self.row.addStretch(1)
        self.box.toggled.connect(self._on_toggled)

    def _on_toggled(self, checked: bool) -> None:
        self.edited.emit(bool(checked))
        self.finished.emit()

    def set_value(self, value: Any) -> None:
        with QSignalBlocker(self.box):
            self.box.setChecked(bool(value))

    def value(self) -> bool:
        return self.box.isChecked()


class ChoiceField(ParamField):
    def __init__(self, param: Param, parent: QWidget | None = None) -> None:
        super().__init__(param, parent)
        self.combo = QComboBox(self)
        self.combo.addItems(list(param.choices))
        self.row.addWidget(self.combo, 1)
        self.combo.activated.connect(self._on_activated)

    def _on_activated(self, index: int) -> None:
        self.edited.emit(self.combo.itemText(index))
        self.finished.emit()

    def set_value(self, value: Any) -> None:
        with QSignalBlocker(self.combo):
            self.combo.setCurrentText(str(value))

    def value(self) -> str:
        return self.combo.currentText()


class PairEditor(QWidget):
    """[h, w] as two spin boxes and a link toggle that keeps them equal ("square")."""

    edited = Signal(object)
    finished = Signal()

    def __init__(self, param: Param, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(3)
        self.h = _spin(param, self)
        self.w = _spin(param, self)
        self.h.setToolTip(self.tr("height"))
        self.w.setToolTip(self.tr("width"))
        times = QLabel("×", self)
        times.setStyleSheet(f"color: {style.FAINT};")
        self.square = QToolButton(self)
        self.square.setCheckable(True)
        self.square.setChecked(True)
        self.square.setIcon(style.icon("link"))
        self.square.setAutoRaise(True)
        self.square.setToolTip(self.tr("Square: keep height and width equal"))
        self.square.setAccessibleName(self.tr("square"))
        row.addWidget(self.h, 1)
        row.addWidget(times)
        row.addWidget(self.w, 1)
        row.addWidget(self.square)
        self.h.valueChanged.connect(self._on_h_changed)
        self.w.valueChanged.connect(self._on_w_changed)
        self.square.toggled.connect(self._on_square_toggled)
        self.h.editingFinished.connect(self.finished)
        self.w.editingFinished.connect(self.finished)

    def value(self) -> int | list[int]:
        h, w = self.h.value(), self.w.value()
        return h if h == w else [h, w]

    def set_value(self, value: Any) -> None:
        h, w = (value[0], value[1]) if isinstance(value, (list, tuple)) else (value, value)
        with QSignalBlocker(self.h), QSignalBlocker(self.w), QSignalBlocker(self.square):
            self.h.setValue(int(h))
            self.w.setValue(int(w))
            if h != w:
                self.square.setChecked(False)
        self._sync_enabled()

    def _sync_enabled(self) -> None:
        self.w.setEnabled(not self.square.isChecked())

    def _on_h_changed(self, h: int) -> None:
        if self.square.isChecked():
            with QSignalBlocker(self.w):
                self.w.setValue(h)
        self.edited.emit(self.value())

    def _on_w_changed(self, _w: int) -> None:
        self.edited.emit(self.value())

    def _on_square_toggled(self, square: bool) -> None:
        self._sync_enabled()
        if square and self.h.value() != self.w.value():
            with QSignalBlocker(self.w):
                self.w.setValue(self.h.value())
            self.edited.emit(self.value())
            self.finished.emit()


class PairField(ParamField):
    def __init__(self, param: Param, parent: QWidget | None = None) -> None:
        super().__init__(param, parent)
        self.pair = PairEditor(param, self)
        self.row.addWidget(self.pair, 1)
        self.pair.edited.connect(self.edited)
        self.pair.finished.connect(self.finished)

    def set_value(self, value: Any) -> None:
        self.pair.set_value(value)

    def value(self) -> int | list[int]:
        return self.pair.value()


class PaddingField(ParamField):
    """A number or pair of cells, or "same" / "valid", chosen from a small menu button."""

    _MODES = (("cells", QT_TRANSLATE_NOOP("PaddingField", "A number of cells on each side")),
              ("same", QT_TRANSLATE_NOOP("PaddingField", '"same": keep H × W (stride 1 only)')),
              ("valid", QT_TRANSLATE_NOOP("PaddingField", '"valid": no padding at all')))

    def __init__(self, param: Param, parent: QWidget | None = None) -> None:
        super().__init__(param, parent)
        self.pair = PairEditor(param, self)
        self.word = QLabel(self)
        self.word.setStyleSheet(f"color: {style.TEXT}; padding-left: 4px;")
        self.mode = QToolButton(self)
        self.mode.setObjectName("paddingMode")
        self.mode.setText("▾")
        self.mode.setStyleSheet("QToolButton::menu-indicator { image: none; width: 0; }")
        self.mode.setAutoRaise(True)
        self.mode.setToolTip(self.tr('Choose cells, "same" or "valid"'))
        self.mode.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.mode)
        group = QActionGroup(menu)
        self._mode_actions: dict[str, QAction] = {}
        for mode, text in self._MODES:
            action = menu.addAction(self.tr(text))
            action.setCheckable(True)
            action.setData(mode)
            group.addAction(action)
            self._mode_actions[mode] = action
        menu.triggered.connect(self._on_mode_triggered)
        self.mode.setMenu(menu)
        self.row.addWidget(self.pair, 1)
        self.row.addWidget(self.word, 1)
        self.row.addWidget(self.mode)
        self.pair.edited.connect(self.edited)
        self.pair.finished.connect(self.finished)
        self._show_mode("cells")

    @property
    def current_mode(self) -> str:
        return next(m for m, a in self._mode_actions.items() if a.isChecked())

    def set_mode(self, mode: str) -> None:
        """Switch between cells, "same" and "valid" as the person would from the menu."""
        self._mode_actions[mode].trigger()

    def _show_mode(self, mode: str) -> None:
        self._mode_actions[mode].setChecked(True)
        self.pair.setVisible(mode == "cells")
        self.word.setVisible(mode != "cells")
        self.word.setText(f'"{mode}"' if mode != "cells" else "")

    def set_value(self, value: Any) -> None:
        if isinstance(value, str):
            self._show_mode(value)
        else:
            self._show_mode("cells")
            self.pair.set_value(value)

    def value(self) -> Any:
        mode = self.current_mode
        return self.pair.value() if mode == "cells" else mode

    def _on_mode_triggered(self, action: QAction) -> None:
        self._show_mode(action.data())
        self.edited.emit(self.value())
        self.finished.emit()


class OptionalPairField(ParamField):
    """A pair that may be left to follow another value (MaxPool2d's stride follows the kernel)."""

    def __init__(self, param: Param, parent: QWidget | None = None) -> None:
        super().__init__(param, parent)
        self.auto = QCheckBox(_(param.unset_label) if param.unset_label else self.tr("= kernel size"), self)
        self.auto.setToolTip(_(param.help) if param.unset_label else
                             self.tr("Leave it unset: it then equals the kernel size"))
        self.pair = PairEditor(param, self)
        self.row.addWidget(self.auto)
        self.row.addWidget(self.pair, 1)
        self.auto.toggled.connect(self._on_auto_toggled)
        self.pair.edited.connect(self.edited)
        self.pair.finished.connect(self.finished)
        self._fallback: Any = 1

    def set_fallback(self, value: Any) -> None:
        """What the pair shows while unset (the current kernel size)."""
        self._fallback = value
        if self.auto.isChecked():
            self.pair.set_value(value)

    def set_value(self, value: Any) -> None:
        with QSignalBlocker(self.auto):
            self.auto.setChecked(value is None)
        self.pair.set_value(self._fallback if value is None else value)
        self.pair.setEnabled(value is not None)

    def value(self) -> Any:
        return None if self.auto.isChecked() else self.pair.value()

    def _on_auto_toggled(self, auto: bool) -> None:
        self.pair.setEnabled(not auto)
        self.edited.emit(self.value())
        self.finished.emit()


def make_field(param: Param, parent: QWidget | None = None) -> ParamField:
    """The right editor for a catalogue parameter."""
    factory = {INT: IntField, FLOAT: FloatField, BOOL: BoolField, CHOICE: ChoiceField, PAIR: PairField,
               PADDING: PaddingField, PAIR_OR_NONE: OptionalPairField}[param.kind]
    return factory(param, parent)
