"""How long saliency maps keep the window busy: all at once vs a SaliencyJob in slices.

The Draw page's saliency tab makes three maps after every stroke: input x gradient,
SmoothGrad (24 noisy copies forward and back) and Grad-CAM. For LeNet that is a few
milliseconds; for an ImageNet-sized network it is seconds, which on the GUI thread in one
go is a frozen window. The page runs a SaliencyJob one slice per event-loop turn instead.
For each network this prints, side by side, the wall time of the three maps in one go
(the longest the window would freeze) and, for the job with the page's slice budget, the
total time, the number of slices and the longest slice (the longest the window now
waits between two events), with their ratio.

    .venv/bin/python benchmarks/saliency_slices.py [--models lenet5_relu,resnet18,vgg11]
"""

from __future__ import annotations

import argparse
import os
import sys
import time

import _bench  # noqa: F401  (first: this checkout on sys.path, Qt offscreen)

import torch

from playground.core.builder import build_model
from playground.core.design import load_design
from playground.core.inspect_model import (
    block_modules, fit_input, grad_cam, grad_cam_block, input_x_gradient, smooth_grad)
from playground.core.saliency_job import SaliencyJob
from playground.paths import examples_dir

SLICE_S = 0.04  # SALIENCY_SLICE_S in playground/ui/state/draw_pacing.py (the ui module is not imported: no Qt needed here)
MEAN, STD = (0.1307,), (0.3081,)


def digit() -> torch.Tensor:
    """A drawn-looking 1: a bright vertical bar on black."""
    picture = torch.zeros(1, 28, 28)
    picture[0, 4:24, 12:16] = 1.0
    return picture


def measure(name: str) -> None:
    design = load_design(examples_dir() / f"{name}.json")
    torch.manual_seed(0)
    model = build_model(design).eval()
    cam = grad_cam_block(block_modules(design, model))
    x = fit_input(digit(), design.input)
    input_x_gradient(model, x, 1, MEAN, STD)  # warm-up: first-call allocations out of both timings

    start = time.perf_counter()
    input_x_gradient(model, x, 1, MEAN, STD)
    smooth_grad(model, x, 1, MEAN, STD)
    grad_cam(model, x, 1, MEAN, STD, cam.module)
    at_once = time.perf_counter() - start

    job = SaliencyJob(model, x, 1, MEAN, STD, cam.module)
    slices: list[float] = []
    start = time.perf_counter()
    while True:
        slice_start = time.perf_counter()
        finished = job.run(SLICE_S)
        slices.append(time.perf_counter() - slice_start)
        if finished:
            break
    total = time.perf_counter() - start
    print(f"{name:<12} input {'x'.join(map(str, design.input)):<10} all at once {1000 * at_once:8.0f} ms | "
          f"sliced: total {1000 * total:8.0f} ms in {len(slices):3d} slices, longest {1000 * max(slices):6.0f} ms; "
          f"all at once / longest slice = {at_once / max(slices):5.1f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--models", default="lenet5_relu,resnet18,vgg11", help="example designs, comma-separated")
    args = parser.parse_args()
    print(f"CPU, {torch.get_num_threads()} torch threads, {os.cpu_count()} cores; slice budget {1000 * SLICE_S:.0f} ms; "
          "untrained weights (the timing does not depend on them)")
    for name in args.models.split(","):
        measure(name.strip())
    return 0


if __name__ == "__main__":
    sys.exit(main())
