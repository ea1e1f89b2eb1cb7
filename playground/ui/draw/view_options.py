"""What the Draw page does to a drawing before the network sees it, under the learner's
control: MNIST-style centring and scaling on or off, and sliders that move, turn and
resize the digit, so a learner sees what the network itself tolerates (and what only the
preprocessing made look robust)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QGridLayout, QGroupBox, QLabel, QPushButton, QSlider, QWidget

from playground.core.digit import DigitTransform
from playground.ui.widgets.retranslate import Retranslating

SHIFT_RANGE = 10  # pixels of the 28x28 input, either way
ROTATE_RANGE = 180  # degrees, either way
SCALE_RANGE = (40, 160)  # percent


class DigitViewOptions(Retranslating, QGroupBox):
    """The centring switch and the shift/rotate/scale sliders; `changed` after any change."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("digitViewOptions")
        self.centre_box = QCheckBox(objectName="centreDigitCheckBox")
        self.centre_box.setChecked(True)
        self.shift_x = self._slider("digitShiftX", -SHIFT_RANGE, SHIFT_RANGE, 0)
        self.shift_y = self._slider("digitShiftY", -SHIFT_RANGE, SHIFT_RANGE, 0)
        self.rotate = self._slider("digitRotate", -ROTATE_RANGE, ROTATE_RANGE, 0)
        self.scale = self._slider("digitScale", *SCALE_RANGE, 100)
        self.reset_button = QPushButton(objectName="digitViewReset")
        self._values: dict[QSlider, QLabel] = {}
        self._captions: list[QLabel] = []
        grid = QGridLayout(self)
        grid.addWidget(self.centre_box, 0, 0, 1, 2)
        grid.addWidget(self.reset_button, 0, 2)
        for row, slider in enumerate((self.shift_x, self.shift_y, self.rotate, self.scale), start=1):
            value = QLabel()
            value.setMinimumWidth(48)
            self._values[slider] = value
            caption = QLabel()
            self._captions.append(caption)
            grid.addWidget(caption, row, 0)
            grid.addWidget(slider, row, 1)
            grid.addWidget(value, row, 2)
        grid.setColumnStretch(1, 1)
        self.centre_box.toggled.connect(self.changed)
        self.reset_button.clicked.connect(self.reset)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("What the network gets"))
        self.centre_box.setText(self.tr("Centre and scale like MNIST"))
        self.centre_box.setToolTip(self.tr(
            "On: the drawing is cropped to its ink, scaled to 20 pixels and centred, as MNIST was made. "
            "Off: the whole canvas is shrunk to 28×28 as it is, so the network sees the digit where and "
            "as big as you drew it."))
        self.reset_button.setText(self.tr("Reset"))
        for caption, text in zip(self._captions, (self.tr("Shift right"), self.tr("Shift down"), self.tr("Rotate"),
                                                  self.tr("Scale"))):
            caption.setText(text)
        self._show_values()

    def _slider(self, name: str, low: int, high: int, value: int) -> QSlider:
        slider = QSlider(Qt.Orientation.Horizontal, objectName=name)
        slider.setRange(low, high)
        slider.setValue(value)
        slider.valueChanged.connect(self._on_slider)
        return slider

    def _on_slider(self, _value: int) -> None:
        self._show_values()
        self.changed.emit()

    def _show_values(self) -> None:
        if not self._values:
            return
        self._values[self.shift_x].setText(self.tr("{n} px").format(n=self.shift_x.value()))
        self._values[self.shift_y].setText(self.tr("{n} px").format(n=self.shift_y.value()))
        self._values[self.rotate].setText(f"{self.rotate.value()}°")
        self._values[self.scale].setText(f"{self.scale.value()}%")

    @property
    def centre(self) -> bool:
        """MNIST-style crop, scale and centring before the network sees the drawing."""
        return self.centre_box.isChecked()

    @property
    def transform(self) -> DigitTransform:
        return DigitTransform(self.shift_x.value(), self.shift_y.value(), self.rotate.value(),
                              self.scale.value() / 100)

    def reset(self) -> None:
        """Back to MNIST's preprocessing and the digit as drawn (one `changed`)."""
        widgets = (self.centre_box, self.shift_x, self.shift_y, self.rotate, self.scale)
        for widget in widgets:
            widget.blockSignals(True)
        self.centre_box.setChecked(True)
        for slider, value in ((self.shift_x, 0), (self.shift_y, 0), (self.rotate, 0), (self.scale, 100)):
            slider.setValue(value)
        for widget in widgets:
            widget.blockSignals(False)
        self._show_values()
        self.changed.emit()
