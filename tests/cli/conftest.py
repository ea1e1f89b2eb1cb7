"""CLI tests keep the run history (and any other user data) in a temporary folder."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """$CNN_PLAYGROUND_DATA for this test, inherited by the processes it starts too."""
    data = tmp_path / "user-data"
    monkeypatch.setenv("CNN_PLAYGROUND_DATA", str(data))
    return data
