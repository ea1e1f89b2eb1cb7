"""`cnn-playground train --dataset FOLDER`: the log says which data path the folder takes
and why; over `--memory-budget` it streams from disk and still saves a checkpoint."""

from __future__ import annotations

import json

import numpy as np
from PIL import Image

from playground.cli import main
from playground.core.checkpoint import load_checkpoint

DESIGN = {"format": "cnn-playground.design", "version": 1, "name": "tiny", "input": [3, 64, 64],
          "layers": [{"type": "Conv2d", "out_channels": 4, "kernel_size": 4, "stride": 4}, {"type": "ReLU"},
                     {"type": "Flatten"}, {"type": "Linear", "out_features": 2}]}


def test_a_folder_over_the_memory_budget_streams_and_the_log_says_why(tmp_path, capsys):
    rng = np.random.default_rng(1)
    for label, name in enumerate(("dark", "light")):
        (tmp_path / "photos" / name).mkdir(parents=True)
        for i in range(48):  # 96 images at 3x64x64: 1.1 MiB as tensors, over a budget of 1 MiB
            pixels = rng.integers(0, 128, (64, 64, 3), dtype=np.uint8) + 100 * label
            Image.fromarray(pixels.astype(np.uint8)).save(tmp_path / "photos" / name / f"{i}.png")
    design = tmp_path / "tiny.json"
    design.write_text(json.dumps(DESIGN))
    base = ["train", str(design), "--dataset", str(tmp_path / "photos"), "--epochs", "1", "--device", "cpu",
            "--batch-size", "16", "--loader-workers", "1"]

    assert main([*base, "--memory-budget", "1", "--out", str(tmp_path / "streamed.pt")]) == 0
    err = capsys.readouterr().err
    assert "data: 96 images at 3x64x64 take 1.1 MiB in memory, over the memory budget of 1.0 MiB: " \
           "streaming them from disk" in err
    assert "streaming 76 training images from photos with 1 loader worker" in err
    assert load_checkpoint(tmp_path / "streamed.pt").dataset.class_names == ("dark", "light")

    assert main([*base, "--memory-budget", "2", "--out", str(tmp_path / "held.pt")]) == 0
    err = capsys.readouterr().err
    assert "within the memory budget of 2.0 MiB: holding them in memory" in err and "streaming 76" not in err
