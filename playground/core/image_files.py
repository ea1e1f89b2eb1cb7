"""Opening image files a person points the app at: every way Pillow can fail is one reason.

Pillow reports a malformed file in many ways besides OSError: SyntaxError (bad EXIF, a
broken chunk), struct.error, KeyError, IndexError, ZeroDivisionError, its own
DecompressionBombError (not an OSError), and prints warnings (corrupt EXIF, a large
image) straight to stderr. The drawing page, `classify` and image folders all read
through these helpers, so one bad file is one line (or one skipped file), never a
traceback or a stray warning.
"""

from __future__ import annotations

import contextlib
import struct
import warnings
from typing import Iterator


def image_read_errors() -> tuple[type[BaseException], ...]:
    """The exceptions that mean "this file is not a usable image" (Pillow imported lazily)."""
    from PIL import Image

    return (OSError, ValueError, SyntaxError, EOFError, struct.error, KeyError, IndexError, TypeError,
            ZeroDivisionError, Image.DecompressionBombError)


@contextlib.contextmanager
def quiet_pillow() -> Iterator[None]:
    """Pillow's warnings (corrupt EXIF, possible decompression bomb) kept off the terminal."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        yield


def failure_reason(exc: BaseException) -> str:
    """The first line of the error, or its class name when it says nothing."""
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
