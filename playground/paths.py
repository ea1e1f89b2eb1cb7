"""Where the shipped resources and examples live, installed or in a checkout.

A wheel carries them inside the package (`playground/resources`, `playground/examples`);
a source checkout keeps them at the repository root. Callers never care which.
"""

from __future__ import annotations

import os
import sys
from importlib import resources
from pathlib import Path

DATA_DIR_ENV = "CNN_PLAYGROUND_DATA"
APP_DIR_NAME = "cnn-playground"


def _shipped_dir(name: str) -> Path:
    packaged = Path(str(resources.files("playground"))) / name
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / name


def resources_dir() -> Path:
    """The folder holding data/ and models/."""
    return _shipped_dir("resources")


def examples_dir() -> Path:
    """The folder of example designs (*.json)."""
    return _shipped_dir("examples")


def embedded_mnist_path() -> Path:
    return resources_dir() / "data" / "mnist_10k.npz"


def default_model_path() -> Path:
    return resources_dir() / "models" / "lenet_default.pt"


def example_paths() -> list[Path]:
    """Every shipped example design, sorted by file name."""
    return sorted(examples_dir().glob("*.json"))


def user_data_dir() -> Path:
    """Where autosaves and the run history live: $CNN_PLAYGROUND_DATA, else the platform's
    user data folder (XDG_DATA_HOME on Linux, Application Support on macOS, APPDATA on
    Windows). Plain Python, so the Qt-free core and the CLI find the same folder."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / APP_DIR_NAME
