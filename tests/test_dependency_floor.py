"""The declared torch floor excludes the releases whose weights-only loader can be bypassed."""

from __future__ import annotations

import re
from pathlib import Path

import torch
import torchvision

ROOT = Path(__file__).resolve().parents[1]


def _release(version: str) -> tuple[int, int]:
    major, minor = re.match(r"(\d+)\.(\d+)", version).groups()  # type: ignore[union-attr]
    return int(major), int(minor)


def _floor(name: str) -> tuple[int, int]:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    match = re.search(rf'^\s*"{name}>=([\d.]+)"', text, re.MULTILINE)
    assert match, f"no {name} floor in pyproject.toml"
    return _release(match.group(1))


def test_pyproject_requires_torch_2_10_and_the_torchvision_that_pairs_with_it() -> None:
    assert _floor("torch") >= (2, 10)  # CVE-2025-32434 (< 2.6), CVE-2026-24747 (< 2.10)
    assert _floor("torchvision") >= (0, 25)  # torchvision 0.25 is the release built for torch 2.10


def test_readme_states_the_same_floor() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "torch >= 2.10, torchvision >= 0.25" in readme


def test_the_installed_torch_meets_the_floor() -> None:
    assert _release(torch.__version__) >= _floor("torch")
    assert _release(torchvision.__version__) >= _floor("torchvision")
