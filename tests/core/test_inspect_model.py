"""Looking inside networks: hooks, kernels and saliency, checked against torch itself."""

from __future__ import annotations

import numpy as np
import pytest
import torch
import torch.nn as nn

from playground import paths
from playground.core.analysis import analyze
from playground.core.builder import build_model
from playground.core.composite_modules import Concat, Residual
from playground.core.design import design_from_dict, load_design, walk
from playground.core.inspect_model import (
    block_modules, conv_blocks, fit_input, grad_cam, grad_cam_block, input_x_gradient, inspect, kernels, last_conv, normalise,
    smooth_grad)

MEAN, STD = (0.1307,), (0.3081,)


def example(name: str):
    design = load_design(paths.examples_dir() / f"{name}.json")
    return design, build_model(design).eval()


def test_every_block_is_paired_with_its_module_in_reading_order() -> None:
    for name in ("lenet5", "resnet_mini", "inception_mini"):
        design, model = example(name)
        refs = block_modules(design, model)
        assert [r.path for r in refs] == [path for path, _ in walk(design)]
        kinds = {"Residual": Residual, "Concat": Concat, "Sequential": nn.Sequential}
        for ref in refs:
            expected = kinds.get(ref.block.type) or getattr(nn, ref.block.type)
            assert isinstance(ref.module, expected), (name, ref.block.id)


def test_blocks_with_dotted_ids_are_found() -> None:
    design = design_from_dict({"format": "cnn-playground.design", "version": 1, "input": [1, 8, 8], "layers": [
        {"type": "Conv2d", "out_channels": 2, "kernel_size": 3, "id": "stem.conv"},
        {"type": "Flatten", "id": "flat"},
        {"type": "Linear", "out_features": 3, "id": "head.fc"}]})
    refs = block_modules(design, build_model(design))
    assert [type(r.module) for r in refs] == [nn.Conv2d, nn.Flatten, nn.Linear]


def test_conv_blocks_last_conv_and_where_grad_cam_looks() -> None:
    design, model = example("lenet5")
    refs = block_modules(design, model)
    assert [r.block_id for r in conv_blocks(refs)] == ["conv2d1", "conv2d2"]
    assert last_conv(refs).block_id == "conv2d2"
    assert grad_cam_block(refs).block_id == "sigmoid2"  # the rectified/activated features
    assert last_conv([r for r in refs if r.block.type == "Linear"]) is None
    assert grad_cam_block([r for r in refs if r.block.type == "Linear"]) is None
    nested, nested_model = example("resnet_mini")
    nested_refs = block_modules(nested, nested_model)
    cam = grad_cam_block(nested_refs)
    assert cam.block.type in ("Conv2d", "ReLU") and cam.path[:-1] == last_conv(nested_refs).path[:-1]


def test_inspect_captures_every_watched_output_with_the_analysed_shape_and_removes_its_hooks() -> None:
    design, model = example("resnet_mini")
    refs = block_modules(design, model)
    x = torch.rand(1, *design.input)
    result = inspect(model, x, MEAN, STD, {r.block_id: r.module for r in refs})
    shapes = {row.block_id: tuple(row.output_shape) for row in analyze(design).rows}
    assert {k: tuple(v.shape) for k, v in result.activations.items()} == shapes
    assert all(not r.module._forward_hooks for r in refs)
    with torch.no_grad():
        logits = model(normalise(x, MEAN, STD))[0]
    assert torch.allclose(result.logits, logits, atol=1e-6)
    assert torch.allclose(result.probabilities, torch.softmax(logits, 0), atol=1e-6)
    assert result.predicted == int(logits.argmax())


def test_normalise_and_fit_input() -> None:
    x = torch.full((1, 1, 28, 28), 0.5)
    assert torch.allclose(normalise(x, (0.25,), (0.5,)), torch.full_like(x, 0.5))
    rgb = normalise(torch.ones(1, 3, 2, 2), (0.0, 0.5, 1.0), (1.0, 0.5, 0.25))
    assert rgb[0, :, 0, 0].tolist() == [1.0, 1.0, 0.0]
    digit = torch.rand(1, 28, 28)
    assert torch.equal(fit_input(digit, (1, 28, 28)), digit[None])
    wide = fit_input(digit, (3, 32, 32))
    assert wide.shape == (1, 3, 32, 32) and torch.equal(wide[0, 0], wide[0, 2])


def test_kernels_are_the_weights_with_output_channels_first() -> None:
    conv = nn.Conv2d(3, 8, 5)
    assert np.array_equal(kernels(conv), conv.weight.detach().numpy())
    transposed = nn.ConvTranspose2d(4, 6, 3)
    assert kernels(transposed).shape == (6, 4, 3, 3)
    with pytest.raises(ValueError, match="no 2-D convolution kernels"):
        kernels(nn.Linear(3, 4))


def test_input_x_gradient_is_the_picture_times_torchs_gradient() -> None:
    design, model = example("lenet5_relu")
    x = torch.zeros(1, 1, 28, 28)
    x[0, 0, 6:22, 12:16] = 1.0
    x_req = x.clone().requires_grad_(True)
    (grad,) = torch.autograd.grad(model(normalise(x_req, MEAN, STD))[0, 3], x_req)
    expected = (x * grad)[0, 0]
    got = input_x_gradient(model, x, 3, MEAN, STD)
    assert torch.allclose(got, expected, atol=1e-6)
    assert float(got[0:5].abs().max()) == 0.0  # blank background takes no credit
    assert all(p.grad is None for p in model.parameters())  # the model is left untouched


def test_smooth_grad_is_repeatable_and_without_noise_is_the_plain_gradient() -> None:
    design, model = example("lenet5_relu")
    x = torch.rand(1, 1, 28, 28)
    a = smooth_grad(model, x, 5, MEAN, STD, samples=8, seed=3)
    b = smooth_grad(model, x, 5, MEAN, STD, samples=8, seed=3)
    assert torch.equal(a, b) and a.shape == (28, 28)
    x_req = x.clone().requires_grad_(True)
    (grad,) = torch.autograd.grad(model(normalise(x_req, MEAN, STD))[0, 5], x_req)
    plain = smooth_grad(model, x, 5, MEAN, STD, samples=4, noise=0.0)
    assert torch.allclose(plain, grad[0, 0], atol=1e-6)


def test_grad_cam_matches_a_hand_computed_one() -> None:
    design, model = example("lenet5_relu")
    refs = block_modules(design, model)
    conv = last_conv(refs).module
    x = torch.rand(1, 1, 28, 28)
    seen = {}
    handle = conv.register_forward_hook(lambda m, i, o: seen.setdefault("a", o))
    score = model(normalise(x, MEAN, STD))[0, 2]
    handle.remove()
    (grad,) = torch.autograd.grad(score, seen["a"])
    cam = torch.relu((grad.mean((2, 3), keepdim=True) * seen["a"]).sum(1, keepdim=True)).detach()
    expected = torch.nn.functional.interpolate(cam, size=(28, 28), mode="bilinear", align_corners=False)[0, 0]
    expected = expected / expected.max()
    got = grad_cam(model, x, 2, MEAN, STD, conv)
    assert torch.allclose(got, expected, atol=1e-5)
    assert float(got.min()) >= 0.0 and float(got.max()) == pytest.approx(1.0)


def test_grad_cam_placement_puts_each_unit_over_its_receptive_field() -> None:
    """One active unit of a 10x10 layer whose units are centred at 4.5 + 2i lands there."""
    cam_layer = nn.Identity()

    class OneUnit(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.layer = cam_layer

        def forward(self, x: torch.Tensor) -> torch.Tensor:
            a = torch.zeros(1, 1, 10, 10)
            a[0, 0, 3, 7] = 1.0
            a = self.layer(a + 0 * x.sum())
            return torch.stack([a.sum(), -a.sum()])[None]

    heat = grad_cam(OneUnit(), torch.rand(1, 1, 28, 28), 0, MEAN, STD, cam_layer, ((4.5, 4.5), (2.0, 2.0)))
    peak = torch.nonzero(heat == heat.max())
    assert peak[:, 0].float().mean().item() == pytest.approx(4.5 + 3 * 2)
    assert peak[:, 1].float().mean().item() == pytest.approx(4.5 + 7 * 2)


def test_grad_cam_refuses_a_flat_layer() -> None:
    design, model = example("lenet5_relu")
    linear = block_modules(design, model)[-1].module
    with pytest.raises(ValueError, match="spatial"):
        grad_cam(model, torch.rand(1, 1, 28, 28), 0, MEAN, STD, linear)


def test_one_pass_captures_the_blocks_inside_composites_consistently_with_their_merge() -> None:
    for name in ("inception_mini", "resnet_mini"):
        design, model = example(name)
        refs = block_modules(design, model)
        passes = []
        model.register_forward_hook(lambda *_args: passes.append(1))
        x = fit_input(torch.rand(1, 28, 28), design.input)
        seen = inspect(model, x, MEAN, STD, {ref.block_id: ref.module for ref in refs}).activations
        assert len(passes) == 1 and set(seen) == {ref.block_id for ref in refs}
        for ref in refs:
            block = ref.block
            ends = [seen[children[-1].id] if children else None for children in block.children]
            if block.type == "Concat":  # the branches' last outputs, stacked on channels
                assert torch.allclose(torch.cat(ends), seen[block.id]), (name, block.id)
            elif block.type == "Residual":  # body + shortcut (the block's input when identity)
                shortcut = ends[1] if ends[1] is not None else seen[design.layers[ref.path[0] - 1].id]
                assert torch.allclose(ends[0] + shortcut, seen[block.id], atol=1e-5), (name, block.id)
