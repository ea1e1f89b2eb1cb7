"""Running an exported file the way a user would: written, then imported as a fresh module."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType


def load_exported(path: Path) -> ModuleType:
    """Import the written file as a fresh module, the way a user would run it."""
    spec = importlib.util.spec_from_file_location(f"exported_{path.stem}", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
