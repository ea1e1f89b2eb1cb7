"""What one block of the network computes for the current drawing.

Spatial outputs (C x H x W) are a grid of channel images on one shared colour scale, so
a bright channel really is more active than a dull one; flat outputs (a Linear layer's
features, the logits) are a strip of bars. The view only shows what it is given: the
draw panel runs the model with a hook on the chosen block and passes the output here.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np
import torch
from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from playground.core.inspect_model import BlockRef
from playground.core.text import shape_str
from playground.ui.widgets.block_combo import BlockCombo
from playground.ui.widgets.retranslate import Retranslating
from playground.ui.widgets.tile_grid import (
    ColourBar,
    FitScrollArea,
    TileGrid,
    colour_scale,
    colourise,
    non_finite_note,
)

MAX_CHANNELS = 256  # more than this is not readable as tiles; the rest are counted, not drawn


def block_picker_text(ref: BlockRef, shape: Sequence[int] | None) -> str:
    indent = "    " * ref.depth
    dims = shape_str(shape) if shape else ""
    return f"{indent}{ref.title}" + (f"   {dims}" if dims else "")


class BarStrip(QWidget):
    """A flat output as bars around a zero line; hover gives index and value."""

    hovered = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMouseTracking(True)
        self.setMinimumHeight(140)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._values = np.zeros(0, dtype=np.float32)
        self._labels: list[str] = []

    def set_values(self, values: np.ndarray, labels: Sequence[str] = ()) -> None:
        self._values = np.asarray(values, dtype=np.float32).reshape(-1)
        self._labels = list(labels)
        self.update()

    @property
    def bar_count(self) -> int:
        return int(self._values.size)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(360, 180)

    def _geometry(self) -> tuple[QRectF, float, float]:
        area = QRectF(8, 8, self.width() - 16, self.height() - 28)
        low = min(0.0, float(self._values.min(initial=0.0)))
        high = max(0.0, float(self._values.max(initial=0.0)))
        if high - low <= 0:
            high = 1.0
        return area, low, high

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        n = self._values.size
        if n == 0:
            return
        painter = QPainter(self)
        area, low, high = self._geometry()
        to_y = lambda v: area.bottom() - (v - low) / (high - low) * area.height()  # noqa: E731
        zero = to_y(0.0)
        step = area.width() / n
        positive, negative = QColor(214, 96, 77), QColor(67, 147, 195)
        for i, v in enumerate(self._values):
            y = to_y(float(v))
            top, bottom = min(y, zero), max(y, zero)
            painter.fillRect(QRectF(area.x() + i * step + step * 0.1, top, max(1.0, step * 0.8), max(1.0, bottom - top)),
                             positive if v >= 0 else negative)
        painter.setPen(self.palette().text().color())
        painter.drawLine(int(area.left()), int(zero), int(area.right()), int(zero))
        small = painter.font()
        small.setPointSizeF(max(6.5, small.pointSizeF() * 0.85))
        painter.setFont(small)
        if self._labels and step >= 14:
            for i, text in enumerate(self._labels):
                painter.drawText(QRectF(area.x() + i * step, area.bottom() + 2, step, 16),
                                 Qt.AlignmentFlag.AlignHCenter, text)
        else:
            painter.drawText(QRectF(area.x(), area.bottom() + 2, area.width(), 16), Qt.AlignmentFlag.AlignLeft, "0")
            painter.drawText(QRectF(area.x(), area.bottom() + 2, area.width(), 16), Qt.AlignmentFlag.AlignRight,
                             str(n - 1))
        painter.drawText(QRectF(area.x(), 0, area.width(), 14), Qt.AlignmentFlag.AlignRight,
                         self.tr("max {value}").format(value=f"{high:.3g}"))
        painter.end()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        n = self._values.size
        area, _, _ = self._geometry()
        if n == 0 or not area.contains(event.position()):
            self.hovered.emit("")
            return
        i = min(n - 1, int((event.position().x() - area.x()) / area.width() * n))
        value = f"{self._values[i]:.4g}"
        if i < len(self._labels):
            self.hovered.emit(self.tr("unit {i} ({name}): {value}").format(i=i, name=self._labels[i], value=value))
        else:
            self.hovered.emit(self.tr("unit {i}: {value}").format(i=i, value=value))

    def leaveEvent(self, event) -> None:  # noqa: N802
        self.hovered.emit("")
        super().leaveEvent(event)


class FeatureMapView(Retranslating, QWidget):
    """Pick a block (or step with the arrows) and see its output for the drawing."""

    blockSelected = Signal(str)  # block id; the owner answers with set_activation

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("featureMapView")
        self._refs: list[BlockRef] = []
        self._activation: np.ndarray | None = None
        self._class_names: list[str] = []

        self.previous_button = QToolButton(text="◀")
        self.next_button = QToolButton(text="▶")
        self.block_combo = BlockCombo("featureBlockCombo", "")
        self.shape_label = QLabel(objectName="featureShapeLabel")
        # Its text changes with every drawing: a fixed box keeps that from re-laying out the view.
        self.shape_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.shape_label.setFixedHeight(self.shape_label.sizeHint().height())
        header = QHBoxLayout()
        header.addWidget(self.previous_button)
        header.addWidget(self.block_combo, 1)
        header.addWidget(self.next_button)

        self.grid = TileGrid()
        self.grid.setObjectName("featureGrid")
        self.bars = BarStrip()
        self.bars.setObjectName("featureBars")
        self.stack = QStackedWidget()
        self.stack.addWidget(FitScrollArea(self.grid))
        self.stack.addWidget(self.bars)
        self.colour_bar = ColourBar()
        self.info_label = QLabel(objectName="featureInfoLabel")
        self.info_label.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(header)
        layout.addWidget(self.shape_label)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.colour_bar)
        layout.addWidget(self.info_label)

        self.previous_button.clicked.connect(lambda: self._step(-1))
        self.next_button.clicked.connect(lambda: self._step(+1))
        self.block_combo.currentIndexChanged.connect(self._on_block_index)
        self.grid.hovered.connect(self._on_hover)
        self.bars.hovered.connect(self._on_hover)
        self.set_blocks([], {})
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.previous_button.setToolTip(self.tr("Previous block"))
        self.next_button.setToolTip(self.tr("Next block"))
        self.block_combo.setToolTip(self.tr("The block whose output is shown"))
        if self._activation is not None:  # the captions of the output shown, in the new language
            self._show(self._activation)
        self.bars.update()

    # ------------------------------------------------------------------ blocks

    def set_blocks(self, refs: Sequence[BlockRef], shapes: dict[str, tuple[int, ...]],
                   class_names: Sequence[str] = (), select: str | None = None) -> None:
        """The blocks to choose from (with their output shapes); keeps the choice by id."""
        keep = select or self.current_block_id()
        self._refs = list(refs)
        self._class_names = list(class_names)
        self.block_combo.set_blocks([(block_picker_text(ref, shapes.get(ref.block_id)), ref.block_id)
                                     for ref in self._refs], keep)
        self._update_arrows()
        self.set_activation(None, self.tr("Draw a digit to see each block's output.") if refs else self.tr("No model."))

    def current_block_id(self) -> str | None:
        return self.block_combo.current_block_id()

    def select_block(self, block_id: str) -> None:
        self.block_combo.select_block(block_id)

    def _step(self, delta: int) -> None:
        index = self.block_combo.currentIndex() + delta
        if 0 <= index < self.block_combo.count():
            self.block_combo.setCurrentIndex(index)

    def _update_arrows(self) -> None:
        index = self.block_combo.currentIndex()
        self.previous_button.setEnabled(index > 0)
        self.next_button.setEnabled(0 <= index < self.block_combo.count() - 1)

    def _on_block_index(self, _index: int) -> None:
        self._update_arrows()
        block_id = self.current_block_id()
        if block_id is not None:
            self.blockSelected.emit(block_id)

    # ------------------------------------------------------------------ content

    @property
    def channel_count(self) -> int:
        """Channels shown as tiles (spatial outputs) or bars (flat outputs); 0 when empty."""
        return self.grid.tile_count if self.stack.currentIndex() == 0 else self.bars.bar_count

    def set_activation(self, output: torch.Tensor | None, message: str = "") -> None:
        """Show one block's output for one input (no batch dimension), or a message."""
        if output is None:
            self._activation = None
            self.stack.setCurrentIndex(0)
            self.grid.show_message(message)
            self.colour_bar.set_scale(0, 0, None)
            self.shape_label.setText("")
            self.info_label.setText("")
            return
        self._show(output.detach().float().cpu().numpy())

    def _show(self, values: np.ndarray) -> None:
        self._activation = values
        self.shape_label.setText(self.tr("output {shape}   range {low} … {high}").format(
            shape=" × ".join(str(d) for d in values.shape), low=f"{values.min():.3g}", high=f"{values.max():.3g}"))
        if values.ndim == 3:
            self._show_channels(values)
        else:
            self._show_flat(values.reshape(-1))

    def _show_channels(self, values: np.ndarray) -> None:
        shown = values[:MAX_CHANNELS]
        low, high, lut = colour_scale(shown)
        tiles = colourise(shown, low, high, lut)  # all channels in one lookup: (C, H, W, 3)
        lows, highs = shown.min(axis=(1, 2)), shown.max(axis=(1, 2))
        ranges = list(zip(lows.tolist(), highs.tolist()))

        def hover(tile: int, row: int, col: int) -> str:
            lo, hi = ranges[tile]
            return self.tr("channel {c}: range {low} … {high}; at ({row}, {col}) {value}").format(
                c=tile, low=f"{lo:.3g}", high=f"{hi:.3g}", row=row, col=col, value=f"{shown[tile, row, col]:.3g}")

        self.stack.setCurrentIndex(0)
        self.grid.set_tiles(tiles, [str(i) for i in range(len(shown))], hover_text=hover)
        self.colour_bar.set_scale(low, high, lut)
        more = values.shape[0] - len(shown)
        self.info_label.setText(non_finite_note(shown) + (
            self.tr("{n} more channels not shown.").format(n=more) if more > 0 else
            self.tr("One shared colour scale for all channels. Hover a channel for its range.")))

    def _show_flat(self, values: np.ndarray) -> None:
        self.stack.setCurrentIndex(1)
        labels = self._class_names if len(self._class_names) == values.size else ()
        self.bars.set_values(values, labels)
        self.colour_bar.set_scale(0, 0, None)
        self.info_label.setText(self.tr("A flat output: one bar per unit. Hover a bar for its value."))

    def _on_hover(self, text: str) -> None:
        if text:
            self.info_label.setText(text)
