"""A drawn or photographed digit -> the 1x28x28 input an MNIST network expects.

MNIST was made by fitting each digit's ink into a 20x20 box (keeping its aspect, with
antialiasing) and then placing that box in a 28x28 field so the centre of mass lands in
the middle. Networks trained on it see nothing else, so a drawing must go through the
same steps before it is classified: crop to the ink, scale the longer side to 20 px,
centre by centre of mass. The drawing canvas, `cnn-playground classify` and the parity
benchmark all use this one module, so what the person sees in the 28x28 thumbnail is
exactly what the network gets.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F

from playground.core.i18n import _
from playground.core.image_files import failure_reason, image_read_errors, quiet_pillow
from playground.core.safe_load import UnreadableFile, check_regular_file

SIDE = 28
BOX = 20
CENTRE = SIDE / 2  # 14.0 in pixel-index coordinates: where MNIST's own digits have their centre of mass
INK_THRESHOLD = 0.1  # share of the ink's contrast a pixel needs to count for the bounding box
MIN_CONTRAST = 0.08  # an image whose ink differs less than this from its background is empty

_LUMA = np.array([0.299, 0.587, 0.114], dtype=np.float32)


class DigitImageError(ValueError):
    """An image file that cannot be read; the message names the file."""


def load_image(path: str | os.PathLike[str]) -> np.ndarray:
    """Read an image file as a numpy array: HxW grey, or HxWx4 RGBA where it has transparency.

    Raises DigitImageError with a one-line message naming the file.
    """
    from PIL import Image, ImageOps, UnidentifiedImageError

    name = str(path)
    try:
        check_regular_file(name)  # a FIFO or a device is never opened: it could block or never end
    except UnreadableFile as exc:
        reason = _("is a folder, not an image") if os.path.isdir(name) else str(exc)
        raise DigitImageError(_("{file}: {reason}").format(file=name, reason=reason)) from None
    try:
        with quiet_pillow(), Image.open(name) as img:
            img = ImageOps.exif_transpose(img)
            has_alpha = img.mode in ("RGBA", "LA", "PA") or "transparency" in img.info
            return np.asarray(img.convert("RGBA" if has_alpha else "L"))
    except FileNotFoundError:
        raise DigitImageError(_("{file}: no such file").format(file=name)) from None
    except IsADirectoryError:
        raise DigitImageError(_("{file}: is a folder, not an image").format(file=name)) from None
    except UnidentifiedImageError:
        raise DigitImageError(_("{file}: not an image file Pillow can read").format(file=name)) from None
    except image_read_errors() as exc:  # bad EXIF (SyntaxError), a decompression bomb, a truncated file, ...
        raise DigitImageError(_("{file}: cannot read image ({reason})").format(file=name,
                                                                              reason=failure_reason(exc))) from None


@dataclass(frozen=True)
class _Levels:
    """How to read ink from a grey image: its background level, the contrast of the
    strongest ink against it, and which way ink goes (in the image's own units)."""

    background: float
    contrast: float
    ink_dark: bool

    def ink(self, grey: np.ndarray) -> np.ndarray:
        """Ink in [0, 1] (background 0, strongest ink 1) of `grey`, as a new float32 array."""
        out = grey.astype(np.float32)
        out -= self.background
        if self.ink_dark:
            np.negative(out, out=out)
        out *= 1.0 / self.contrast
        return np.clip(out, 0.0, 1.0, out=out)


class DigitPreprocessor:
    """Turns images into MNIST-like tensors, reusing its full-size buffers between calls.

    A drawing canvas calls this many times a second on a uint8 image of the same size:
    such an image is thresholded as it is (one reused mask buffer) and only the crop
    around the ink becomes float, so a call allocates little beyond the 28x28 result.
    Other inputs (colour, float, 16-bit) are first converted to grey in a reused buffer.
    """

    def __init__(self) -> None:
        self._grey: np.ndarray | None = None
        self._mask: np.ndarray | None = None

    def __call__(self, image: np.ndarray, ink_dark: bool | None = None, centre: bool = True) -> torch.Tensor | None:
        """The 1x28x28 float tensor in [0, 1] (white digit on black), or None when blank.

        `image`: HxW grey or HxWx3/HxWx4 colour, uint8 (0-255), bool or float (0-1).
        `ink_dark`: True for dark ink on a light background, False for the reverse,
        None to tell from the image (the median of its border is the background).
        `centre`: False skips MNIST's crop, scaling and centring: the whole image is
        shrunk to 28x28 as it is, so the network sees the digit where and as big as drawn.
        """
        grey, full_scale = self._grey_levels(image)
        levels = _levels(grey, full_scale, ink_dark)
        if levels is None:
            return None
        if not centre:
            return _shrink_whole(levels.ink(grey))
        box = self._ink_box(grey, levels)
        if box is None:
            return None
        top, bottom, left, right = box
        return _fit_and_centre(levels.ink(grey[top:bottom, left:right]))

    def ink(self, image: np.ndarray, ink_dark: bool | None = None) -> np.ndarray | None:
        """HxW float32 ink levels of the whole image: background 0, strongest ink 1; None when blank."""
        grey, full_scale = self._grey_levels(image)
        levels = _levels(grey, full_scale, ink_dark)
        return None if levels is None else levels.ink(grey)

    # ------------------------------------------------------------------ steps

    def _grey_levels(self, image: np.ndarray) -> tuple[np.ndarray, float]:
        """A 2-D grey view of the image and the value of full white in it (255 or 1.0).

        A 2-D uint8 image is used as it is (never copied, never modified); anything else
        is converted to [0, 1] floats in the reused buffer.
        """
        image = np.asarray(image)
        if image.ndim == 3 and image.shape[2] == 1:
            image = image[:, :, 0]
        if image.ndim not in (2, 3) or (image.ndim == 3 and image.shape[2] not in (3, 4)):
            raise ValueError(_("expected an HxW grey or HxWx3/4 colour image, got shape {shape}").format(
                shape=image.shape))
        if image.shape[0] == 0 or image.shape[1] == 0:
            raise ValueError(_("the image is empty (zero width or height)"))
        self._ensure_buffers(image.shape[:2], float_buffer=not (image.ndim == 2 and image.dtype == np.uint8))
        if image.ndim == 2 and image.dtype == np.uint8:
            return image, 255.0
        grey = self._grey
        assert grey is not None
        scale = _value_scale(image)
        if image.ndim == 2:
            np.multiply(image, np.float32(scale), out=grey, casting="unsafe")
            return grey, 1.0
        np.dot(image[:, :, :3].astype(np.float32) * np.float32(scale), _LUMA, out=grey)
        if image.shape[2] == 4:
            alpha = image[:, :, 3].astype(np.float32) * np.float32(scale)
            if float(alpha.min()) < 1.0:
                _composite_on_contrast(grey, alpha)
        return grey, 1.0

    def _ensure_buffers(self, shape: tuple[int, int], float_buffer: bool) -> None:
        if self._mask is None or self._mask.shape != shape:
            self._mask = np.empty(shape, dtype=bool)
            self._grey = None
        if float_buffer and self._grey is None:
            self._grey = np.empty(shape, dtype=np.float32)

    def _ink_box(self, grey: np.ndarray, levels: _Levels) -> tuple[int, int, int, int] | None:
        """Rows [top, bottom) and columns [left, right) holding ink, or None."""
        assert self._mask is not None
        step = INK_THRESHOLD * levels.contrast
        if levels.ink_dark:
            mask = np.less(grey, levels.background - step, out=self._mask)
        else:
            mask = np.greater(grey, levels.background + step, out=self._mask)
        rows = np.flatnonzero(mask.any(axis=1))
        if rows.size == 0:
            return None
        cols = np.flatnonzero(mask[rows[0]:rows[-1] + 1].any(axis=0))
        return int(rows[0]), int(rows[-1]) + 1, int(cols[0]), int(cols[-1]) + 1


def _levels(grey: np.ndarray, full_scale: float, ink_dark: bool | None) -> _Levels | None:
    """Background from the border's median; contrast from the strongest ink; None when blank."""
    background = float(np.median(_border(grey)))
    if ink_dark is None:
        ink_dark = background > full_scale / 2
    contrast = background - float(grey.min()) if ink_dark else float(grey.max()) - background
    if contrast < MIN_CONTRAST * full_scale:
        return None
    return _Levels(background, contrast, ink_dark)


_shared = DigitPreprocessor()


def to_mnist(image: np.ndarray, ink_dark: bool | None = None) -> torch.Tensor | None:
    """Preprocess one image the way MNIST was made; None when nothing is drawn.

    See DigitPreprocessor.__call__; this shares one preprocessor (not thread-safe: use
    your own DigitPreprocessor per thread).
    """
    return _shared(image, ink_dark)


def ink_levels(image: np.ndarray, ink_dark: bool | None = None) -> np.ndarray | None:
    """HxW float32 ink levels of an image (background 0, strongest ink 1), or None when blank.

    The same polarity and contrast rules as `to_mnist`, without the crop and scale: what
    the canvas uses to put a loaded picture on its paper.
    """
    return DigitPreprocessor().ink(image, ink_dark)  # a new array, not the preprocessor's buffer


def load_digit(path: str | os.PathLike[str]) -> torch.Tensor | None:
    """Read an image file and preprocess it; DigitImageError when unreadable."""
    return to_mnist(load_image(Path(path)))


def centre_of_mass(digit: torch.Tensor) -> tuple[float, float]:
    """(row, column) of the ink's centre of mass in pixel-index coordinates."""
    img = digit.reshape(digit.shape[-2], digit.shape[-1]).double()
    total = float(img.sum())
    rows = torch.arange(img.shape[0], dtype=torch.float64)
    cols = torch.arange(img.shape[1], dtype=torch.float64)
    return float((img.sum(1) * rows).sum()) / total, float((img.sum(0) * cols).sum()) / total


# ---------------------------------------------------------------------- helpers

def _value_scale(image: np.ndarray) -> float:
    if image.dtype == np.uint8:
        return 1.0 / 255.0
    if image.dtype == bool:
        return 1.0
    if np.issubdtype(image.dtype, np.integer):
        return 1.0 / 65535.0 if int(image.max(initial=0)) > 255 else 1.0 / 255.0
    return 1.0 / 255.0 if float(np.nanmax(image)) > 1.0 else 1.0


def _border(grey: np.ndarray) -> np.ndarray:
    return np.concatenate((grey[0], grey[-1], grey[1:-1, 0], grey[1:-1, -1]))


def _composite_on_contrast(grey: np.ndarray, alpha: np.ndarray) -> None:
    """Flatten a transparent image onto white when its opaque ink is dark, else black."""
    opaque = grey[alpha > 0.5]
    backdrop = 1.0 if opaque.size and float(np.median(opaque)) < 0.5 else 0.0
    np.multiply(grey, alpha, out=grey)
    grey += backdrop * (1.0 - alpha)


def _shrink_whole(ink: np.ndarray) -> torch.Tensor:
    """The whole image's ink levels shrunk to 28x28 (antialiased), nothing moved."""
    src = torch.from_numpy(np.ascontiguousarray(ink, dtype=np.float32))[None, None]
    return F.interpolate(src, size=(SIDE, SIDE), mode="bilinear", antialias=True,
                         align_corners=False)[0].clamp_(0.0, 1.0)


@dataclass(frozen=True)
class DigitTransform:
    """Move, turn and resize a preprocessed digit, to see what the network tolerates.

    `shift_x`/`shift_y` in pixels of the 28x28 input (right, down), `rotate` in degrees
    (clockwise on screen), `scale` as a factor; all about the picture's centre.
    """

    shift_x: float = 0.0
    shift_y: float = 0.0
    rotate: float = 0.0
    scale: float = 1.0

    @property
    def is_identity(self) -> bool:
        return self == DigitTransform()

    def apply(self, digit: torch.Tensor) -> torch.Tensor:
        """The 1xHxW digit moved, turned and resized (bilinear; what leaves the field is lost)."""
        if self.is_identity:
            return digit
        if self.scale <= 0:
            raise ValueError(f"scale must be positive, got {self.scale}")
        height, width = digit.shape[-2:]
        angle = np.deg2rad(self.rotate)
        cos, sin = float(np.cos(angle)), float(np.sin(angle))
        # Output point p shows the input at R(-angle)(p - t) / scale, in normalised [-1, 1]
        # coordinates (x right, y down), where pixel distances become 2/width and 2/height.
        inverse = torch.tensor([[cos, sin], [-sin, cos]], dtype=torch.float64) / self.scale
        aspect = torch.tensor([[1.0, 0.0], [0.0, height / width]], dtype=torch.float64)
        matrix = torch.linalg.inv(aspect) @ inverse @ aspect  # rotate in pixels, not in stretched units
        shift = torch.tensor([2 * self.shift_x / width, 2 * self.shift_y / height], dtype=torch.float64)
        theta = torch.cat([matrix, (-matrix @ shift)[:, None]], dim=1)[None].float()
        grid = F.affine_grid(theta, [1, 1, height, width], align_corners=False)
        moved = F.grid_sample(digit.reshape(1, 1, height, width).float(), grid, mode="bilinear",
                              padding_mode="zeros", align_corners=False)
        return moved.reshape(digit.shape).clamp_(0.0, 1.0)


def _fit_and_centre(crop: np.ndarray) -> torch.Tensor:
    """Scale the crop's longer side to 20 px (antialiased) and centre it by mass in 28x28."""
    h, w = crop.shape
    scale = BOX / max(h, w)
    size = (max(1, round(h * scale)), max(1, round(w * scale)))
    src = torch.from_numpy(crop)[None, None]  # shares the crop's memory (the crop is this call's own array)
    if size == (h, w):
        small = src[0, 0]
    else:
        small = F.interpolate(src, size=size, mode="bilinear", antialias=True, align_corners=False)[0, 0]
    small.clamp_(0.0, 1.0)
    total = float(small.sum())
    out = torch.zeros(1, SIDE, SIDE)
    if total <= 0.0:
        return out
    rows = torch.arange(size[0], dtype=torch.float32)
    cols = torch.arange(size[1], dtype=torch.float32)
    com_row = float((small.sum(1) * rows).sum()) / total
    com_col = float((small.sum(0) * cols).sum()) / total
    top = min(max(round(CENTRE - com_row), 0), SIDE - size[0])
    left = min(max(round(CENTRE - com_col), 0), SIDE - size[1])
    out[0, top:top + size[0], left:left + size[1]] = small
    return out
