"""Saliency maps in slices: the same maps as in one go, however the work is split."""

from __future__ import annotations

import itertools

import pytest
import torch

from playground import paths
from playground.core.builder import build_model
from playground.core.design import load_design
from playground.core.inspect_model import SmoothGrad, block_modules, grad_cam, grad_cam_block, input_x_gradient, smooth_grad
from playground.core.saliency_job import SaliencyJob

MEAN, STD = (0.1307,), (0.3081,)


@pytest.fixture(scope="module")
def lenet():
    design = load_design(paths.examples_dir() / "lenet5_relu.json")
    torch.manual_seed(0)
    model = build_model(design).eval()
    cam = grad_cam_block(block_modules(design, model))
    return model, cam.module


def picture() -> torch.Tensor:
    torch.manual_seed(1)
    return torch.rand(1, 1, 28, 28)


@pytest.mark.parametrize("chunks", [[24], [1] * 24, [5, 5, 5, 5, 4], [7, 30]])
def test_smooth_grad_in_steps_is_the_one_batch_map(lenet, chunks) -> None:
    model, _ = lenet
    x = picture()
    job = SmoothGrad(model, x, 3, MEAN, STD, samples=24)
    for count in chunks:
        assert not job.finished
        job.step(count)
    assert job.finished and job.done == 24
    assert torch.allclose(job.result(), smooth_grad(model, x, 3, MEAN, STD, samples=24), atol=1e-6)


def test_an_unfinished_smooth_grad_has_no_result(lenet) -> None:
    model, _ = lenet
    job = SmoothGrad(model, picture(), 3, MEAN, STD, samples=4)
    job.step(3)
    with pytest.raises(RuntimeError, match="3 of its 4"):
        job.result()


def ticking_clock(step_s: float = 0.01):
    """A clock that moves `step_s` on every reading: each pass looks as slow as a big network's."""
    counter = itertools.count()
    return lambda: next(counter) * step_s


def test_a_slow_network_gets_one_pass_per_slice_and_the_same_maps(lenet) -> None:
    model, cam_layer = lenet
    x = picture()
    job = SaliencyJob(model, x, 7, MEAN, STD, cam_layer, clock=ticking_clock())
    assert job.total == 26 and job.done == 0
    progress = []
    while not job.run(budget_s=0.0):
        progress.append(job.done)
    assert progress == list(range(1, 26))  # one pass at a time: input x gradient, 24 copies, Grad-CAM
    assert job.finished and set(job.maps) == {"input_x_gradient", "smooth_grad", "grad_cam"}
    assert torch.equal(job.maps["input_x_gradient"], input_x_gradient(model, x, 7, MEAN, STD))
    assert torch.allclose(job.maps["smooth_grad"], smooth_grad(model, x, 7, MEAN, STD), atol=1e-6)
    assert torch.allclose(job.maps["grad_cam"], grad_cam(model, x, 7, MEAN, STD, cam_layer), atol=1e-6)


def test_the_budget_decides_how_much_a_slice_does(lenet) -> None:
    model, cam_layer = lenet
    # Every pass reads this clock twice, 10 ms apart, so a pass seems to cost 10 ms.
    short = SaliencyJob(model, picture(), 7, MEAN, STD, cam_layer, clock=ticking_clock(0.01))
    short.run(budget_s=0.055)
    assert "input_x_gradient" in short.maps and 1 < short.done < short.total
    roomy = SaliencyJob(model, picture(), 7, MEAN, STD, cam_layer, clock=ticking_clock(0.01))
    assert roomy.run(budget_s=0.5)  # all 24 copies fit the time left after the first pass: one batch


def test_a_fast_network_is_done_in_one_slice_and_without_a_spatial_layer_makes_two_maps(lenet) -> None:
    model, _ = lenet
    job = SaliencyJob(model, picture(), 2, MEAN, STD)
    assert job.total == 25
    assert job.run(budget_s=60.0)
    assert set(job.maps) == {"input_x_gradient", "smooth_grad"}
