"""Where the shipped resources and examples live, installed or in a checkout.

A wheel carries them inside the package (`playground/resources`, `playground/examples`);
a source checkout keeps them at the repository root. Callers never care which.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path


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
