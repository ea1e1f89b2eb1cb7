"""Colours of the kernel slide, computed for whole arrays at once.

Painting 800 cells one `fillRect` at a time costs milliseconds in Python; turning a value
array into one RGB image (a pixel per cell) and drawing it scaled costs microseconds.
Inputs are grey like the digit itself; weights, products and outputs use the app's
diverging scale centred on zero, so the sign of every number is visible at a glance.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QColor, QImage

from playground.ui.widgets.tile_grid import DIVERGING

# The app's one diverging scale (the Kernels and Feature maps tabs use it too): blue
# negative, near-white zero, red positive; SCALE_STOPS/SCALE_RGB sample it for a legend.
SCALE_STOPS = np.linspace(-1.0, 1.0, 9)
SCALE_RGB = DIVERGING[np.rint((SCALE_STOPS + 1) * 127.5).astype(np.intp)].astype(float)

WINDOW = QColor("#f59e0b")  # the kernel window, its beam and the current output cell
WINDOW_DARK = QColor("#b45309")
BEAM_EDGE = QColor("#f4b95a")  # the window colour softened, drawn opaque
FEED = QColor("#0d9488")  # an input cell picked by click and the outputs it feeds
PADDING_TINT = np.array([88, 104, 214], float)  # the padding ring, mixed into its values
UNFILLED = (206, 212, 221)  # output cells the window has not reached yet


def greys(values: np.ndarray, low: float, high: float) -> np.ndarray:
    """Values -> uint8 RGB greys, low black and high white (the digit: white ink on black)."""
    span = high - low if high > low else 1.0
    level = np.clip((np.where(np.isnan(values), low, values) - low) / span, 0, 1) * 255  # clip takes +-inf
    return np.repeat(level[..., None], 3, axis=-1).astype(np.uint8)


def diverging(values: np.ndarray, limit: float) -> np.ndarray:
    """Values -> uint8 RGB on the red-blue scale, +-limit at the ends."""
    t = np.clip(np.where(np.isnan(values), 0.0, values) / (limit or 1.0), -1, 1)  # clip takes +-inf
    return DIVERGING[np.rint((t + 1) * 127.5).astype(np.intp)]


def tint_padding(rgb: np.ndarray, padding: np.ndarray) -> np.ndarray:
    """Mix the padding colour into the cells marked in `padding` (a boolean mask)."""
    out = rgb.copy()
    out[padding] = (0.45 * rgb[padding] + 0.55 * PADDING_TINT).astype(np.uint8)
    return out


def _packed(rgb: np.ndarray) -> np.ndarray:
    """(h, w, 3) uint8 -> (h, w) uint32 0xffRRGGBB, QImage's RGB32 pixels."""
    rgb = rgb.astype(np.uint32)
    return 0xFF000000 | (rgb[..., 0] << 16) | (rgb[..., 1] << 8) | rgb[..., 2]


def _image(pixels: np.ndarray) -> QImage:
    pixels = np.ascontiguousarray(pixels)
    h, w = pixels.shape
    return QImage(pixels.data, w, h, 4 * w, QImage.Format.Format_RGB32).copy()


def cells_image(rgb: np.ndarray, cell: int, line: tuple[int, int, int], alpha: float) -> QImage:
    """One `cell` x `cell` pixel square per value with thin grid lines baked in.

    Drawing a prepared image is a single blit; drawing the same grid lines with a
    translucent pen costs milliseconds a frame. The lines are each cell's first pixel row
    and column, mixed with the line colour.
    """
    big = np.repeat(np.repeat(_packed(rgb), cell, axis=0), cell, axis=1)
    if cell >= 5:
        edge = _packed((rgb * (1 - alpha) + np.array(line, float) * alpha).astype(np.uint8))
        big[cell::cell] = np.repeat(edge[1:], cell, axis=1)
        big[:, cell::cell] = np.repeat(edge[:, 1:], cell, axis=0)
    return _image(big)


DARK_TEXT, LIGHT_TEXT = QColor("#111111"), QColor("#ffffff")


def dark_text(rgb: np.ndarray) -> np.ndarray:
    """(..., 3) fills -> True where black text reads better than white (all at once)."""
    return rgb[..., 0] * 0.299 + rgb[..., 1] * 0.587 + rgb[..., 2] * 0.114 > 140


def limit_of(*arrays: np.ndarray) -> float:
    """The largest finite magnitude, the end of a symmetric colour scale."""
    finite = [np.abs(a[np.isfinite(a)]) for a in arrays if a is not None and a.size]
    biggest = max((float(f.max()) for f in finite if f.size), default=0.0)
    return biggest or 1.0

