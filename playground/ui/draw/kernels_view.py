"""The learned kernels of a convolution block, as pictures.

One row per output channel, one column per input channel, each kernel a tile in a
diverging colour map centred at zero (red positive, blue negative, white zero) on one
scale for the whole block. A first layer looking at RGB shows each output channel's
three kernels as one colour tile instead, as in the AlexNet paper's figure. The view
re-reads the weights whenever asked (`refresh`), which the draw panel does after every
training epoch, so kernels visibly change while a network learns.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from playground.core.inspect_model import BlockRef, kernels
from playground.ui.widgets.block_combo import BlockCombo
from playground.ui.widgets.retranslate import Retranslating
from playground.ui.draw.feature_maps import block_picker_text
from playground.ui.widgets.tile_grid import (
    DIVERGING,
    NOT_A_NUMBER,
    ColourBar,
    FitScrollArea,
    TileGrid,
    colourise,
    finite_bound,
    non_finite_note,
)

MAX_OUT, MAX_IN = 64, 32  # a readable grid; bigger blocks show their first channels and say so


class KernelView(Retranslating, QWidget):
    """Pick a convolution block; see its kernels."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kernelView")
        self._refs: list[BlockRef] = []
        self._weights: np.ndarray | None = None
        self._empty_message = ""

        self.block_combo = BlockCombo("kernelBlockCombo", "")
        self.shape_label = QLabel(objectName="kernelShapeLabel")
        self.grid = TileGrid()
        self.grid.setObjectName("kernelGrid")
        scroll = FitScrollArea(self.grid)
        self.colour_bar = ColourBar()
        self.info_label = QLabel(objectName="kernelInfoLabel")
        self.info_label.setWordWrap(True)

        header = QHBoxLayout()
        self.block_caption = QLabel()
        header.addWidget(self.block_caption)
        header.addWidget(self.block_combo, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(header)
        layout.addWidget(self.shape_label)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.colour_bar)
        layout.addWidget(self.info_label)

        self.block_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.grid.hovered.connect(self._on_hover)
        self._empty_message: str | None = None
        self.set_blocks([])
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.block_combo.setToolTip(self.tr("The convolution block whose kernels are shown"))
        self.block_caption.setText(self.tr("Block"))
        self.refresh()  # the captions of the kernels shown

    def set_blocks(self, conv_refs: Sequence[BlockRef], select: str | None = None,
                   empty_message: str | None = None) -> None:
        """The convolution blocks of the active model; keeps the current choice by id.
        `empty_message` is shown when there are none (default: this model has no convolutions)."""
        keep = select or self.current_block_id()
        self._refs = list(conv_refs)
        self._empty_message = empty_message
        self.block_combo.set_blocks([(block_picker_text(ref, None), ref.block_id) for ref in self._refs], keep)
        self.refresh()

    def current_block_id(self) -> str | None:
        return self.block_combo.current_block_id()

    def select_block(self, block_id: str) -> None:
        self.block_combo.select_block(block_id)

    @property
    def grid_shape(self) -> tuple[int, int]:
        """(rows, columns) of kernels shown: output channels x input channels (1 for RGB tiles)."""
        if self._weights is None:
            return 0, 0
        out, inp = self._weights.shape[:2]
        return min(out, MAX_OUT), (1 if inp in (1, 3) else min(inp, MAX_IN))

    def refresh(self) -> None:
        """Re-read the chosen block's weights (after a training epoch, say) and redraw."""
        ref = next((r for r in self._refs if r.block_id == self.current_block_id()), None)
        if ref is None:
            self._weights = None
            empty = self._empty_message or self.tr("No convolution blocks in this model.")
            self.grid.show_message(empty if not self._refs else "")
            self.shape_label.setText("")
            self.colour_bar.set_scale(0, 0, None)
            self.info_label.setText("")
            return
        w = kernels(ref.module)
        self._weights = w
        out, inp, kh, kw = w.shape
        bound = finite_bound(w)
        self.shape_label.setText(self.tr("{out} output × {inp} input channels, {kh}×{kw} kernels   range {low} … {high}")
                                 .format(out=out, inp=inp, kh=kh, kw=kw, low=f"{w.min():.3g}", high=f"{w.max():.3g}"))
        self.colour_bar.set_scale(-bound, bound, DIVERGING)
        shown = w[:MAX_OUT]
        if inp == 3:
            self._show_rgb(shown, bound)
        elif inp == 1:
            self._show_single_input(shown, bound)
        else:
            self._show_grid(shown[:, :MAX_IN], bound)
        few_out, few_in = out > MAX_OUT, inp > MAX_IN and inp != 3
        if few_out and few_in:
            showing = self.tr("Showing the first {n} of {out} output channels and the first {m} of {inp} input "
                              "channels. ").format(n=MAX_OUT, out=out, m=MAX_IN, inp=inp)
        elif few_out:
            showing = self.tr("Showing the first {n} of {out} output channels. ").format(n=MAX_OUT, out=out)
        elif few_in:
            showing = self.tr("Showing the first {m} of {inp} input channels. ").format(m=MAX_IN, inp=inp)
        else:
            showing = self.tr("Red: positive weights, blue: negative, white: zero. Hover a kernel for values.")
        layout_note = "" if inp in (1, 3) else self.tr("Rows: output channels; columns: input channels. ")
        self.info_label.setText(non_finite_note(w) + layout_note + showing)

    def _on_hover(self, text: str) -> None:
        if text:
            self.info_label.setText(text)

    def _show_grid(self, w: np.ndarray, bound: float) -> None:
        out, inp = w.shape[:2]
        tiles = colourise(w, -bound, bound, DIVERGING).reshape(out * inp, *w.shape[2:], 3)  # one lookup for all

        def hover(tile: int, row: int, col: int) -> str:
            o, i = divmod(tile, inp)
            k = w[o, i]
            return self.tr("out {o}, in {i}: weight[{row}, {col}] = {value}   (kernel range {low} … {high})").format(
                o=o, i=i, row=row, col=col, value=f"{k[row, col]:.4g}", low=f"{k.min():.3g}", high=f"{k.max():.3g}")

        self.grid.set_tiles(tiles, columns=inp, row_labels=[self.tr("out {o}").format(o=o) for o in range(out)],
                            column_labels=[str(i) for i in range(inp)], hover_text=hover, max_px=96, min_px=24)

    def _show_single_input(self, w: np.ndarray, bound: float) -> None:
        """One input channel: no columns to speak of, so the kernels wrap like feature maps."""
        tiles = colourise(w[:, 0], -bound, bound, DIVERGING)

        def hover(tile: int, row: int, col: int) -> str:
            k = w[tile, 0]
            return self.tr("out {o}: weight[{row}, {col}] = {value}   (kernel range {low} … {high})").format(
                o=tile, row=row, col=col, value=f"{k[row, col]:.4g}", low=f"{k.min():.3g}", high=f"{k.max():.3g}")

        self.grid.set_tiles(tiles, [self.tr("out {o}").format(o=o) for o in range(len(tiles))], hover_text=hover,
                            max_px=120, min_px=24)

    def _show_rgb(self, w: np.ndarray, bound: float) -> None:
        finite = np.isfinite(w)
        rgb = np.round((np.clip(np.where(finite, w, 0.0) / bound, -1, 1) + 1.0) * 127.5).astype(np.uint8)  # zero -> grey
        tiles = [np.transpose(k, (1, 2, 0)).copy() for k in rgb]
        for tile, ok in zip(tiles, finite):
            tile[~np.transpose(ok, (1, 2, 0)).all(axis=2)] = NOT_A_NUMBER

        def hover(tile: int, row: int, col: int) -> str:
            r, g, b = w[tile, :, row, col]
            return self.tr("out {o}: weight[{row}, {col}] = R {r}, G {g}, B {b}").format(
                o=tile, row=row, col=col, r=f"{r:.3g}", g=f"{g:.3g}", b=f"{b:.3g}")

        self.grid.set_tiles(tiles, [str(i) for i in range(len(tiles))], hover_text=hover, max_px=96, min_px=24)
