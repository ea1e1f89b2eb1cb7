"""The one drag-and-drop and clipboard format: a block as JSON.

The palette, reordering inside the editor, drops from another window and paste all
decode the same payload, so there is one path from "bytes arrived" to "block inserted".
Foreign data is only ever parsed as JSON and validated; nothing is unpickled.

A drag that starts in the editor also tags the QMimeData object with the document it came
from (a dynamic Qt property, which never leaves this process). A drop into that same
document is a move; anything else is a copy with fresh ids.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QMimeData

from playground.core.design import Block, DesignError, block_from_json, block_to_json

MIME_TYPE = "application/x-cnn-playground-block"
_ORIGIN_PROPERTY = "cnnPlaygroundOrigin"


def block_mime(block: Block, origin: str = "") -> QMimeData:
    """Mime data carrying `block` (with its ids); `origin` is the source document's token."""
    data = QMimeData()
    payload = block_to_json(block)
    data.setData(MIME_TYPE, payload.encode("utf-8"))
    data.setText(payload)
    if origin:
        data.setProperty(_ORIGIN_PROPERTY, origin)
    return data


def has_block(data: QMimeData | None) -> bool:
    return data is not None and data.hasFormat(MIME_TYPE)


def block_from_mime(data: QMimeData) -> Block:
    """Decode the payload; DesignError when it is not a valid block."""
    raw = bytes(data.data(MIME_TYPE).data())
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise DesignError("", QCoreApplication.translate(
            "BlockMime", "not a block (the dropped data is not UTF-8 text)")) from None
    return block_from_json(text)


def origin_of(data: QMimeData) -> str:
    """The token of the document a drag started in, or "" for palette and foreign drops."""
    value = data.property(_ORIGIN_PROPERTY)
    return value if isinstance(value, str) else ""


def block_from_text(text: str) -> Block:
    """A block pasted as plain text (e.g. JSON copied from a design file)."""
    return block_from_json(text.strip())


def settle_clipboard() -> None:
    """Before exit: swap a block the clipboard holds for a Qt-made plain-text copy.

    The clipboard owns the QMimeData that `copy` made in Python; Qt destroys it in its own
    exit handlers, after Python has shut down, which crashes the process. Plain JSON text
    still pastes as a block (`block_from_text`).
    """
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        return
    clipboard = QGuiApplication.clipboard()
    data = clipboard.mimeData()
    if has_block(data):
        clipboard.setText(bytes(data.data(MIME_TYPE).data()).decode("utf-8", errors="replace"))
