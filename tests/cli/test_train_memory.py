"""`cnn-playground train` (and anything that builds) checks memory first: one line, exit status 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from playground.cli import main
from playground.core import memory
from playground.core.design import load_design
from playground.core.memory import estimate_training_memory, format_size
from playground.paths import example_paths
from cli_helpers import assert_one_line_error

HUGE = {"format": "cnn-playground.design", "version": 1, "name": "13 trillion", "input": [1, 28, 28],
        "layers": [{"type": "Conv2d", "out_channels": 4096, "kernel_size": 1},
                   {"type": "AdaptiveAvgPool2d", "output_size": 220}, {"type": "Flatten"},
                   {"type": "Linear", "out_features": 65536}]}
LENET5 = next(p for p in example_paths() if p.stem == "lenet5")


@pytest.fixture
def huge_design(tmp_path: Path) -> Path:
    path = tmp_path / "huge.json"
    path.write_text(json.dumps(HUGE))
    return path


@pytest.mark.skipif(memory.host_free_memory() is None, reason="this platform cannot tell its free memory")
def test_a_13_trillion_parameter_design_never_reaches_the_allocator(huge_design: Path, tmp_path: Path) -> None:
    """As a process, so a regression would show torch's allocator error, not a test crash."""
    out = tmp_path / "m.pt"
    done = subprocess.run([sys.executable, "-m", "playground", "train", str(huge_design), "--device", "cpu",
                           "--out", str(out)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 2
    line = assert_one_line_error(done.stderr, "needs about 52 TB for weights alone; this machine has ", " free")
    assert "allocat" not in line
    assert done.stdout == "" and not out.exists()


def test_exporting_it_to_onnx_is_refused_the_same_way(huge_design: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("onnx")
    monkeypatch.setattr(memory, "host_free_memory", lambda: 24_000_000_000)
    out = tmp_path / "huge.onnx"
    assert main(["export", str(huge_design), "--to", "onnx", "-o", str(out)]) == 2
    assert_one_line_error(capsys.readouterr().err, "needs about 52 TB for weights alone; this machine has 24 GB free")
    assert not out.exists()


def test_a_batch_too_large_for_the_memory_left_is_refused_with_one_that_fits(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    estimate = estimate_training_memory(load_design(LENET5), "adam", batch_size=512)
    free = estimate.fixed + 100 * estimate.activations_per_sample + 7
    monkeypatch.setattr(memory, "host_free_memory", lambda: free)
    out = tmp_path / "m.pt"
    assert main(["train", str(LENET5), "--device", "cpu", "--batch-size", "512", "--out", str(out)]) == 2
    line = assert_one_line_error(capsys.readouterr().err, "at batch size 512",
                                 f"this machine has {format_size(free)} free", "batch size 100 would fit")
    assert line.startswith(f"cnn-playground: error: needs about {format_size(estimate.total)} at batch size 512")
    assert not out.exists()
