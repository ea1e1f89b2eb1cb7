"""The kernel slide's sandbox: type an input grid, kernels and a bias, set stride, padding
and dilation, and watch the page animate that convolution with its arithmetic.

The numbers are read by `core/conv_sandbox.py` (which builds the nn.Conv2d and checks the
shapes); this panel only holds the fields and the presets and emits what to show.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFrame, QGridLayout, QHBoxLayout, QLabel, QLineEdit,
                               QPlainTextEdit, QPushButton, QSpinBox, QVBoxLayout, QWidget)

from playground.core.i18n import _
from playground.core.conv_sandbox import (
    MAX_SIDE, PRESETS, Preset, SandboxError, SandboxSpec, grids_text, kernels_from_grids, number_text,
    parse_grids, parse_numbers, shift_comparison)
from playground.ui.widgets import style
from playground.ui.widgets.retranslate import Retranslating


class SandboxPanel(Retranslating, QFrame):
    """Fields for a hand-made convolution; `specReady` carries it when the person applies it."""

    specReady = Signal(object, str)  # SandboxSpec, title
    closeRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("slideSandbox")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.preset_combo = QComboBox(objectName="sandboxPreset")
        self.preset_combo.addItem("", None)  # "Your own numbers", set in retranslate_ui
        for preset in PRESETS:
            self.preset_combo.addItem("", preset)  # the preset's name, in retranslate_ui
        self.input_edit = self._grid_edit("sandboxInput", mono)
        self.kernel_edit = self._grid_edit("sandboxKernels", mono)
        self.bias_edit = QLineEdit(objectName="sandboxBias")
        self.bias_edit.setMaximumWidth(140)
        self.stride_spin = self._spin("sandboxStride", 1, 4)
        self.padding_spin = self._spin("sandboxPadding", 0, 4)
        self.dilation_spin = self._spin("sandboxDilation", 1, 4)
        self.shifted_box = QCheckBox(objectName="sandboxShifted")
        self.apply_button = QPushButton(objectName="sandboxApply")
        self.close_button = QPushButton(objectName="sandboxClose")
        self.note_label = QLabel(objectName="sandboxNote", wordWrap=True)
        self.error_label = QLabel(objectName="sandboxError", wordWrap=True)
        self.error_label.setStyleSheet("color: #c0392b;")
        self.note_label.setStyleSheet(f"color: {style.MUTED};")

        grid = QGridLayout()
        self._captions = [QLabel() for _ in range(7)]  # Input, Kernels, then one per setting
        grid.addWidget(self._captions[0], 0, 0)
        grid.addWidget(self._captions[1], 0, 1)
        grid.addWidget(self.input_edit, 1, 0)
        grid.addWidget(self.kernel_edit, 1, 1)
        settings = QHBoxLayout()
        for caption, widget in zip(self._captions[2:], (self.preset_combo, self.bias_edit, self.stride_spin,
                                                         self.padding_spin, self.dilation_spin)):
            settings.addWidget(caption)
            settings.addWidget(widget)
        settings.addWidget(self.shifted_box)
        settings.addStretch(1)
        settings.addWidget(self.apply_button)
        settings.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(settings)
        layout.addLayout(grid)
        layout.addWidget(self.note_label)
        layout.addWidget(self.error_label)

        self._filling = False  # the fields are being filled from a preset, not typed
        for edit in (self.input_edit, self.kernel_edit):
            edit.textChanged.connect(self._on_typed)
        self.bias_edit.textEdited.connect(self._on_typed)
        self.preset_combo.currentIndexChanged.connect(self._on_preset)
        self.shifted_box.toggled.connect(self._on_shifted)
        self.apply_button.clicked.connect(self.apply)
        self.close_button.clicked.connect(self.closeRequested)
        self.retranslate_ui()
        self.preset_combo.setCurrentIndex(1)

    def retranslate_ui(self) -> None:
        self.preset_combo.setItemText(0, self.tr("Your own numbers"))
        for index, preset in enumerate(PRESETS, start=1):  # core's table: its catalogue has the words
            self.preset_combo.setItemText(index, _(preset.name))
        self.input_edit.setToolTip(self.tr(
            "The input: one row a line, numbers split by spaces; a blank line starts the next channel "
            "(at most {side}×{side}).").format(side=MAX_SIDE))
        self.kernel_edit.setToolTip(self.tr(
            "The kernels: one grid per input channel for output channel 0, then the same for output 1, …; "
            "a blank line between grids."))
        self.bias_edit.setToolTip(self.tr("One bias per output channel."))
        self.stride_spin.setToolTip(self.tr("Stride: how many cells the window jumps."))
        self.padding_spin.setToolTip(self.tr("Padding: a ring of zeros around the input."))
        self.dilation_spin.setToolTip(self.tr("Dilation: the gap between kernel taps."))
        self.shifted_box.setText(self.tr("Shift the picture by one pixel"))
        self.apply_button.setText(self.tr("Slide it"))
        self.close_button.setText(self.tr("Back to the network"))
        for caption, text in zip(self._captions, (self.tr("Input"), self.tr("Kernels"), self.tr("Example"),
                                                  self.tr("Bias"), self.tr("Stride"), self.tr("Padding"),
                                                  self.tr("Dilation"))):
            caption.setText(text)
        preset = self.preset
        if preset is not None and self.note_label.text():
            self.note_label.setText(_(preset.note) + self._shift_text(preset))

    def _grid_edit(self, name: str, font: QFont) -> QPlainTextEdit:
        edit = QPlainTextEdit(objectName=name)  # its tooltip is set in retranslate_ui
        edit.setFont(font)
        edit.setMaximumHeight(110)
        return edit

    def _spin(self, name: str, low: int, high: int) -> QSpinBox:
        spin = QSpinBox(objectName=name)  # its tooltip is set in retranslate_ui
        spin.setRange(low, high)
        return spin

    # ------------------------------------------------------------ presets

    @property
    def preset(self) -> Preset | None:
        return self.preset_combo.currentData()

    def choose_preset(self, name_start: str) -> None:
        """Pick the preset whose name starts with `name_start` and show it."""
        index = next(i for i in range(self.preset_combo.count()) if self.preset_combo.itemText(i).startswith(name_start))
        self.preset_combo.setCurrentIndex(index)

    def _on_typed(self, *_args: object) -> None:
        """Typed numbers are the person's own: the example's name no longer fits them."""
        if not self._filling and self.preset is not None:
            self.preset_combo.blockSignals(True)
            self.preset_combo.setCurrentIndex(0)
            self.preset_combo.blockSignals(False)
            self.shifted_box.hide()
            self.note_label.clear()

    def _on_preset(self, _index: int) -> None:
        preset = self.preset
        self.shifted_box.blockSignals(True)
        self.shifted_box.setChecked(False)
        self.shifted_box.blockSignals(False)
        self.shifted_box.setVisible(preset is not None and preset.shifted is not None)
        if preset is None:
            self.note_label.clear()
            return
        spec = preset.spec
        self._filling = True
        self.input_edit.setPlainText(grids_text(spec.input))
        self.kernel_edit.setPlainText(grids_text(spec.kernels))
        self.bias_edit.setText(" ".join(number_text(b) for b in spec.bias))
        self._filling = False
        self.stride_spin.setValue(spec.stride)
        self.padding_spin.setValue(spec.padding)
        self.dilation_spin.setValue(spec.dilation)
        self.note_label.setText(_(preset.note) + self._shift_text(preset))
        self.apply()

    def _on_shifted(self, shifted: bool) -> None:
        preset = self.preset
        if preset is None or preset.shifted is None:
            return
        self._filling = True
        self.input_edit.setPlainText(grids_text(preset.shifted if shifted else preset.spec.input))
        self._filling = False
        self.apply()

    def _shift_text(self, preset: Preset) -> str:
        comparison = shift_comparison(preset)
        if comparison is None:
            return ""
        first, second, pooled_first, pooled_second = comparison
        moved = int(np.count_nonzero(first != second))
        if np.array_equal(pooled_first, pooled_second):
            text = self.tr("Here {moved} of {cells} map cells change with the shift; after pooling the maps are "
                           "the same.")
        else:
            text = self.tr("Here {moved} of {cells} map cells change with the shift; after pooling the maps are "
                           "different.")
        return " " + text.format(moved=moved, cells=first.size)

    # ------------------------------------------------------------ reading the fields

    def spec(self) -> SandboxSpec:
        """The convolution the fields describe (raises SandboxError with the reason)."""
        values = parse_grids(self.input_edit.toPlainText(), self.tr("input"))
        kernels = kernels_from_grids(parse_grids(self.kernel_edit.toPlainText(), self.tr("kernels")), values.shape[0])
        bias_text = self.bias_edit.text().strip()
        bias = parse_numbers(bias_text, self.tr("bias")) if bias_text else np.zeros(kernels.shape[0])
        return SandboxSpec(values, kernels, bias, self.stride_spin.value(), self.padding_spin.value(),
                           self.dilation_spin.value())

    def apply(self) -> bool:
        """Read the fields and emit the convolution; a mistake is shown under the fields."""
        try:
            spec = self.spec()
        except SandboxError as exc:
            self.error_label.setText(str(exc))
            self.error_label.show()
            return False
        self.error_label.hide()
        preset = self.preset
        self.specReady.emit(spec, _(preset.name) if preset is not None else self.tr("Your convolution"))
        return True
