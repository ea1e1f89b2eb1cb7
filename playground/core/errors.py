"""The error a design gives when it is not valid, and how its messages quote JSON values.

Apart from `design` so that the composite kinds (which read their own JSON keys) can raise
it without importing the design module that dispatches to them.
"""

from __future__ import annotations

import json
from typing import Any


class DesignError(ValueError):
    """A design that is not valid, with the JSON path of the offending value.

    `file`, when the design came from one, leads the text ("bad.json: layers[3]: ...");
    `path` stays the JSON path alone."""

    def __init__(self, path: str, message: str, file: str | None = None) -> None:
        super().__init__(": ".join(part for part in (file, path, message) if part))
        self.path = path
        self.message = message
        self.file = file


def json_text(value: Any) -> str:
    """A JSON value as a message quotes it: 3, [1, 2], "same"."""
    return json.dumps(value) if not isinstance(value, str) else repr(value).replace("'", '"')
