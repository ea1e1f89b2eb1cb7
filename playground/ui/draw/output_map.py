"""The network's output shown as a map when it is not a vector of class scores.

A design whose output is, say, 1x3x3 gives nine numbers at positions, not nine classes:
the Draw page shows them as tiles on one colour scale (the values on hover) instead of
class probabilities.
"""

from __future__ import annotations

import numpy as np
import torch
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from playground.core.output_kind import OutputKind
from playground.ui.widgets.retranslate import Retranslating
from playground.ui.widgets.tile_grid import TileGrid, colour_scale, colourise

MAX_TILES = 16


class OutputMapView(Retranslating, QWidget):
    """Tiles of a (C, H, W) output, one per channel; `values` keeps the last one shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outputMapView")
        self.grid = TileGrid()
        self.info_label = QLabel(objectName="outputMapInfo", wordWrap=True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.grid, 1)
        layout.addWidget(self.info_label)
        self.values: np.ndarray | None = None
        self._shown: tuple[torch.Tensor | None, OutputKind] | None = None
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        if self._shown is not None:  # the same output, captioned in the new language
            self.set_output(*self._shown)

    def set_output(self, logits: torch.Tensor | None, kind: OutputKind) -> None:
        """Show the flat output `logits` folded back to `kind`'s map shape (None: clear)."""
        self._shown = (logits, kind)
        if logits is None or logits.numel() != kind.size:
            self.values = None
            self.grid.show_message(self.tr("Draw a digit to see the network's output."))
            self.info_label.clear()
            return
        values = logits.detach().double().reshape(kind.map_shape).numpy()
        self.values = values
        shown = values[:MAX_TILES]
        low, high, lut = colour_scale(shown)

        def hover(tile: int, row: int, col: int) -> str:
            return self.tr("channel {c}, at ({r}, {k}): {v:.4g}").format(c=tile, r=row, k=col, v=shown[tile, row, col])

        self.grid.set_tiles(colourise(shown, low, high, lut), [str(i) for i in range(len(shown))], hover_text=hover,
                            max_px=140, min_px=30)
        self.info_label.setText(self.tr("Values from {low:.3g} to {high:.3g}; hover a cell for its value.").format(
            low=float(np.nanmin(values)), high=float(np.nanmax(values))))
