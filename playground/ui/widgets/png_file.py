"""Writing a rendered image as a PNG file the safe way.

QImage.save(path) writes straight into the target: a full disk or a file-size limit
leaves a truncated PNG, and a named pipe blocks until someone reads it. Encoding into
memory first and handing the bytes to the one atomic write gives a whole file or none,
and refuses links, pipes, devices and read-only files with a one-line WriteError.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice
from PySide6.QtGui import QImage, QPixmap

from playground.core.fileio import WriteError, atomic_write


def png_bytes(image: QImage | QPixmap) -> bytes | None:
    """The image encoded as PNG, or None when Qt cannot encode it (a null image)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    encoded = image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data()) if encoded else None


def write_png(path: str | os.PathLike[str], image: QImage | QPixmap) -> None:
    """Encode `image` as PNG in memory, then write it atomically; WriteError names the file."""
    data = png_bytes(image)
    if data is None:
        raise WriteError(path, QCoreApplication.translate("write_png", "the image could not be encoded as PNG"))
    atomic_write(path, data)
