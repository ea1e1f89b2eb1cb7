"""Which pixels of the drawing drove the prediction, overlaid on the 28x28 input.

Three maps side by side for the predicted class or one the person picks:
input x gradient (how much each inked pixel added to or took from the class score),
SmoothGrad (the score's gradient averaged over noisy copies: where more ink would help
or hurt) and Grad-CAM on the last convolution block (where that block found evidence).
The draw panel computes the maps with `playground.core.inspect_model`; this view only
paints them.
"""

from __future__ import annotations

from typing import Mapping, Sequence

import numpy as np
import pyqtgraph as pg
import torch
from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from playground.ui.widgets.retranslate import Retranslating
from playground.ui.widgets.tile_grid import TileGrid

HEAT = pg.colormap.get("inferno").getLookupTable(nPts=256, alpha=False).astype(np.float32)
RAISES = np.array([214, 39, 40], dtype=np.float32)  # red: raises the class score
LOWERS = np.array([31, 119, 180], dtype=np.float32)  # blue: lowers it

METHODS = ("input_x_gradient", "smooth_grad", "grad_cam")
TITLES = {"input_x_gradient": QT_TRANSLATE_NOOP("SaliencyView", "Input × gradient"), "smooth_grad": "SmoothGrad",
          "grad_cam": "Grad-CAM"}  # translated where shown


def _base(digit: np.ndarray) -> np.ndarray:
    """The input as dim grey RGB, so coloured evidence stands out on it."""
    return np.repeat((digit * 170.0)[:, :, None], 3, axis=2)


def signed_overlay(digit: np.ndarray, values: np.ndarray, gamma: float = 1.0) -> np.ndarray:
    """Red where `values` are positive, blue where negative, opacity by magnitude.

    `gamma` < 1 lifts weak values (input x gradient is sparse: only inked pixels);
    SmoothGrad covers every pixel, so it stays linear to keep faint noise faint.
    """
    bound = float(np.abs(values).max())
    strength = np.zeros_like(values) if bound <= 0 else np.abs(values) / bound
    alpha = (strength ** gamma)[:, :, None] * 0.9
    colour = np.where((values >= 0)[:, :, None], RAISES, LOWERS)
    return np.round(_base(digit) * (1 - alpha) + colour * alpha).astype(np.uint8)


def heat_overlay(digit: np.ndarray, heat: np.ndarray) -> np.ndarray:
    """A [0, 1] heat map in a warm colour map over the input."""
    index = np.clip(heat * 255.0, 0, 255).astype(np.intp)
    alpha = (np.clip(heat, 0, 1) * 0.75)[:, :, None]
    return np.round(_base(digit) * (1 - alpha) + HEAT[index] * alpha).astype(np.uint8)


class SaliencyView(Retranslating, QWidget):
    """The three maps for one class; `classChosen` asks the owner to recompute."""

    classChosen = Signal(object)  # int class index, or None for "the predicted class"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("saliencyView")
        self._maps: dict[str, np.ndarray] = {}

        self.class_combo = QComboBox(objectName="saliencyClassCombo")
        self.class_combo.currentIndexChanged.connect(self._on_class_index)
        self.grid = TileGrid()
        self.grid.setObjectName("saliencyGrid")
        self.info_label = QLabel(objectName="saliencyInfoLabel")
        self.info_label.setWordWrap(True)
        legend = self.legend = QLabel()
        legend.setWordWrap(True)
        legend.setObjectName("saliencyLegend")

        header = QHBoxLayout()
        self.class_caption = QLabel()
        header.addWidget(self.class_caption)
        header.addWidget(self.class_combo)
        header.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(header)
        layout.addWidget(self.grid)
        layout.addWidget(self.info_label)
        layout.addWidget(legend)
        layout.addStretch(1)
        self.grid.hovered.connect(self._on_hover)
        self._shown: tuple | None = None  # the maps' arguments, to caption them again after a language switch
        self.set_class_names([str(i) for i in range(10)])
        self.show_message(self.tr("Draw a digit to see which pixels drove the prediction."))
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.class_combo.setToolTip(self.tr("Explain the predicted class or any other one"))
        self.class_combo.setItemText(0, self.tr("the predicted one"))
        self.class_caption.setText(self.tr("Explain class"))
        self.legend.setText(self.tr(
            "<b>Input × gradient</b>: each inked pixel's share of the class score "
            "(<span style='color:#d62728'>red raises it</span>, "
            "<span style='color:#1f77b4'>blue lowers it</span>). "
            "<b>SmoothGrad</b>: the score's gradient averaged over 24 noisy copies: where more ink "
            "would raise or lower the score. <b>Grad-CAM</b>: where the last convolution block "
            "found evidence for the class (bright = strong)."))
        if self._shown is not None:
            self.set_maps(*self._shown)

    def set_class_names(self, names: Sequence[str]) -> None:
        keep = self.class_combo.currentIndex()
        self.class_combo.blockSignals(True)
        self.class_combo.clear()
        self.class_combo.addItem(self.tr("the predicted one"), None)
        for i, name in enumerate(names):
            self.class_combo.addItem(name, i)
        self.class_combo.setCurrentIndex(keep if 0 <= keep < self.class_combo.count() else 0)
        self.class_combo.blockSignals(False)

    def chosen_class(self) -> int | None:
        data = self.class_combo.currentData()
        return None if data is None else int(data)

    def choose_class(self, index: int | None) -> None:
        self.class_combo.setCurrentIndex(self.class_combo.findData(index) if index is not None else 0)

    def _on_class_index(self, _index: int) -> None:
        self.classChosen.emit(self.chosen_class())

    @property
    def maps(self) -> dict[str, np.ndarray]:
        """The maps shown, by method name (empty when none)."""
        return dict(self._maps)

    def show_message(self, text: str) -> None:
        self._maps, self._shown = {}, None
        self.grid.show_message(text)
        self.info_label.setText("")

    def show_progress(self, fraction: float) -> None:
        """The maps are still being worked out (a big network takes a few seconds)."""
        self._maps, self._shown = {}, None
        self.grid.show_message(self.tr("Working out the maps for this drawing… {percent}").format(
            percent=f"{fraction:.0%}"))
        self.info_label.setText(self.tr("A big network takes a few seconds for these; the window stays usable "
                                        "meanwhile."))

    def set_maps(self, digit: torch.Tensor, maps: Mapping[str, torch.Tensor], target_text: str,
                 cam_block: str | None) -> None:
        """Show maps (HxW each, by method name) over the input (1xHxW in [0, 1])."""
        self._shown = (digit, maps, target_text, cam_block)
        picture = digit.reshape(digit.shape[-2], digit.shape[-1]).float().numpy()
        self._maps = {name: maps[name].detach().float().numpy() for name in METHODS if name in maps}
        tiles, captions = [], []
        for name, values in self._maps.items():
            if name == "grad_cam":
                tiles.append(heat_overlay(picture, values))
            else:
                tiles.append(signed_overlay(picture, values, gamma=0.5 if name == "input_x_gradient" else 1.0))
            title = QCoreApplication.translate("SaliencyView", TITLES[name])
            captions.append(title + (f" · {cam_block}" if name == "grad_cam" and cam_block else ""))
        names = list(self._maps)

        def hover(tile: int, row: int, col: int) -> str:
            return self.tr("{map} at ({row}, {col}): {value}").format(
                map=captions[tile], row=row, col=col, value=f"{self._maps[names[tile]][row, col]:.3g}")

        if not tiles:
            self.show_message(self.tr("This model has no block these maps can look at."))
            return
        self.grid.set_tiles(tiles, captions, hover_text=hover, max_px=224, min_px=112)
        self.info_label.setText(self.tr("Explaining class {target}.").format(target=target_text))

    def _on_hover(self, text: str) -> None:
        if text:
            self.info_label.setText(text)
