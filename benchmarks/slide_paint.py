"""How long the kernel slide takes to paint one frame (target: under 8 ms).

Renders the canvas into a QImage with `widget.render`, moving the window one step before
every frame as playback does (so the output map image is rebuilt each time), for a 28x28
digit under a 5x5 kernel; also a 16-channel 'sum over channels' frame and a large window.

    .venv/bin/python benchmarks/slide_paint.py [--frames 300]
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

import _bench  # first: this checkout on sys.path, Qt offscreen

import numpy as np
import torch
import torch.nn as nn
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from playground import paths
from playground.ui.slide.slide_page import KernelSlidePage
from playground.ui.state.active_model import ModelHub


def time_frames(view: KernelSlidePage, frames: int) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU milliseconds per frame (CPU time is what the frame costs this
    process; wall time also counts waiting for a core on a busy machine)."""
    canvas = view.canvas
    image = QImage(canvas.size(), QImage.Format.Format_ARGB32_Premultiplied)
    steps = len(view.channel_view)
    wall, cpu = [], []
    for frame in range(frames + 10):
        view.set_position((frame * 7) % steps)
        start, start_cpu = time.perf_counter(), time.process_time()
        canvas.render(image)
        if frame >= 10:  # the first frames warm caches and fonts
            wall.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - start_cpu) * 1000)
    return wall, cpu


def summary(timings: list[float]) -> str:
    return f"median {statistics.median(timings):6.2f} ms  p95 {_bench.percentile(timings, 95):6.2f} ms"


def report(name: str, timings: tuple[list[float], list[float]]) -> None:
    wall, cpu = timings
    print(f"{name:<50} wall {summary(wall)}   cpu {summary(cpu)}   (n={len(wall)})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frames", type=int, default=300)
    args = parser.parse_args()
    torch.set_num_threads(1)
    torch.manual_seed(0)
    app = QApplication.instance() or QApplication([])
    digit = torch.from_numpy(np.load(paths.embedded_mnist_path())["images"][7] / 255.0).float()[None]
    x = (digit - 0.1307) / 0.3081
    view = KernelSlidePage(ModelHub())
    cases = [
        ("28x28 input, 5x5 conv, padding 2 (1280x600 view)", nn.Conv2d(1, 6, 5, padding=2), x, (1280, 600)),
        ("28x28 input, 5x5 conv, padding 2 (1920x1080 view)", nn.Conv2d(1, 6, 5, padding=2), x, (1920, 1080)),
        ("14x14x16 input, 5x5 conv, sum over 16 channels", nn.Conv2d(16, 32, 5), torch.rand(16, 14, 14), (1280, 600)),
        ("28x28 input, 2x2 max pooling", nn.MaxPool2d(2), x, (1280, 600)),
    ]
    for name, module, source, size in cases:
        view.resize(*size)
        view.show()
        app.processEvents()
        view.set_source(module, source)
        report(name, time_frames(view, args.frames))
    view.close()
    print(f"target: under 8 ms a frame; load average at the end {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
