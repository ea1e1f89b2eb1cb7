"""The small picture at the foot of a block card: what the block makes of the sample.

`BlockPreview`s (core/block_preview.py) arrive from `ui/state/previews.py` after each
edit; each is turned into one pixmap here, once, so a repaint only blits it. Feature maps
become a row of tiles (viridis, each channel over its own range), flat outputs a strip
of bars, the last block the class probabilities with the winner in the accent colour.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPixmap

from playground.core.block_preview import MAPS, PROBABILITIES, BlockPreview, NetworkPreview
from playground.ui.widgets import style
from playground.ui.widgets.tile_grid import SEQUENTIAL, colourise, rgb_image

PREVIEW_H = 46.0  # content pixels a leaf card grows by while previews are shown
PREVIEW_PAD = 4.0
_BAR = QColor("#7a8799")
_STALE_OPACITY = 0.35


def preview_pixmap(preview: BlockPreview, width: float, height: float, scale: float) -> QPixmap:
    """One block's preview drawn into a width x height (content pixels) pixmap."""
    pixmap = QPixmap(max(1, int(width * scale + 0.5)), max(1, int(height * scale + 0.5)))
    pixmap.setDevicePixelRatio(scale)
    pixmap.fill(Qt.GlobalColor.transparent)
    p = QPainter(pixmap)
    if preview.kind == MAPS:
        _tiles(p, preview, width, height)
    else:
        _bars(p, preview, width, height)
    p.end()
    return pixmap


def _tiles(p: QPainter, preview: BlockPreview, width: float, height: float) -> None:
    count = len(preview.values)
    side = height
    gap = 4.0
    for i, tile in enumerate(preview.values):
        image: QImage = rgb_image(colourise(tile, 0.0, 1.0, SEQUENTIAL))
        h, w = tile.shape
        tile_w = side * w / max(h, 1)
        x = i * (tile_w + gap)
        if x + tile_w > width:
            break
        p.drawImage(QRectF(x, 0, tile_w, side), image)
    more = preview.channels - count
    if more > 0:
        p.setPen(QColor(style.FAINT))
        font = QFont(p.font())
        font.setPixelSize(10)
        p.setFont(font)
        text = QCoreApplication.translate("BlockPreview", "+{n} ch").format(n=more)
        p.drawText(QRectF(count * (side * preview.values.shape[2] / max(preview.values.shape[1], 1) + gap), 0,
                          60, side), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)


def _bars(p: QPainter, preview: BlockPreview, width: float, height: float) -> None:
    values = np.asarray(preview.values, dtype=np.float64)
    count = max(1, len(values))
    slot = width / max(count, 10)
    winner = int(np.argmax(values)) if preview.kind == PROBABILITIES and len(values) else -1
    label_h = 11.0 if preview.kind == PROBABILITIES else 0.0
    usable = height - label_h
    font = QFont(p.font())
    font.setPixelSize(9)
    p.setFont(font)
    for i, v in enumerate(values):
        v = float(v) if np.isfinite(v) else 0.0
        bar_h = max(1.0, v * usable)
        colour = QColor(style.ACCENT) if i == winner else _BAR
        p.fillRect(QRectF(i * slot + 1, usable - bar_h, max(1.0, slot - 2), bar_h), colour)
        if label_h:
            p.setPen(QColor(style.TEXT if i == winner else style.FAINT))
            p.drawText(QRectF(i * slot, usable, slot, label_h), Qt.AlignmentFlag.AlignCenter, str(i))


class PreviewPixmaps:
    """The pixmaps of the latest previews, made once per arrival (and per zoom)."""

    def __init__(self) -> None:
        self.preview: NetworkPreview | None = None
        self.stale = False
        self._pixmaps: dict[tuple[str, float, float, str], QPixmap] = {}

    def set_preview(self, preview: NetworkPreview | None) -> None:
        self.preview = preview
        self._pixmaps = {}

    def has(self, block_id: str) -> bool:
        return self.preview is not None and block_id in self.preview.blocks

    def pixmap(self, block_id: str, width: float, height: float, scale: float) -> QPixmap | None:
        if self.preview is None or block_id not in self.preview.blocks:
            return None
        # The caption's wording is part of the key: a language switch draws the pixmaps anew.
        key = (block_id, round(width, 1), round(scale, 3), QCoreApplication.translate("BlockPreview", "+{n} ch"))
        pixmap = self._pixmaps.get(key)
        if pixmap is None:
            pixmap = preview_pixmap(self.preview.blocks[block_id], width, height, scale)
            self._pixmaps[key] = pixmap
        return pixmap

    def paint(self, p: QPainter, block_id: str, rect: QRectF, scale: float) -> None:
        """The block's preview in `rect` (greyed while stale), with "untrained" when it is."""
        inner = rect.adjusted(16, PREVIEW_PAD, -12, -PREVIEW_PAD)
        pixmap = self.pixmap(block_id, inner.width(), inner.height(), scale)
        if pixmap is None:
            return
        p.save()
        if self.stale:
            p.setOpacity(_STALE_OPACITY)
        p.drawPixmap(inner.topLeft(), pixmap)
        if self.preview is not None and not self.preview.trained:
            font = QFont(p.font())
            font.setPixelSize(9)
            p.setFont(font)
            p.setPen(QColor(style.FAINT))
            p.drawText(inner, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom,
                       QCoreApplication.translate("BlockPreview", "untrained"))
        p.restore()
