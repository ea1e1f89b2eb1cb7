"""The builder: every example's parameters and per-block shapes equal the analysis, and the
torchvision replicas equal torchvision's own models."""

from __future__ import annotations

from typing import Any

import pytest
import torch
import torch.nn as nn
import torchvision

from playground.core.analysis import analyze
from playground.core.builder import PlaygroundNet, build_model, module_names
from playground.core.design import Block, Design, DesignError, design_from_dict, load_design, move
from playground.paths import example_paths
from torch_reference import block_modules, count_params, output_shapes_by_hook

EXAMPLES = {p.stem: p for p in example_paths()}
SMALL = [name for name in sorted(EXAMPLES) if load_design(EXAMPLES[name]).input == (1, 28, 28)]


def _check_against_analysis(d: Design, model: nn.Module, x: torch.Tensor) -> None:
    analysis = analyze(d)
    total, trainable = count_params(model)
    assert (total, trainable) == (analysis.total_params, analysis.trainable_params)
    modules = dict(block_modules(d.layers, model))
    shapes = output_shapes_by_hook(model, x, {m: str(path) for path, m in modules.items()})
    rows = {str(r.path): r for r in analysis.rows}
    assert shapes.keys() == rows.keys()
    for key, shape in shapes.items():
        assert shape == rows[key].output_shape, key
    for path, module in modules.items():
        assert count_params(module)[0] == rows[str(path)].params, path


@pytest.mark.parametrize("name", SMALL)
def test_small_examples_build_and_match_the_analysis_on_cpu(name: str) -> None:
    d = load_design(EXAMPLES[name])
    model = build_model(d)
    assert isinstance(model, PlaygroundNet)
    assert all(p.device.type == "cpu" for p in model.parameters())
    _check_against_analysis(d, model, torch.randn(2, *d.input))


@pytest.mark.parametrize("name", sorted(set(EXAMPLES) - set(SMALL)))
def test_large_examples_match_the_analysis_on_meta(name: str) -> None:
    d = load_design(EXAMPLES[name])
    with torch.device("meta"):
        model = build_model(d)
    _check_against_analysis(d, model, torch.empty(2, *d.input, device="meta"))


TORCHVISION = {
    "alexnet": (lambda: torchvision.models.alexnet(weights=None), 61_100_840),
    "vgg11": (lambda: torchvision.models.vgg11(weights=None), 132_863_336),
    "resnet18": (lambda: torchvision.models.resnet18(weights=None), 11_689_512),
    "googlenet": (lambda: torchvision.models.googlenet(weights=None, aux_logits=False, init_weights=False), 6_624_904),
}


@pytest.mark.parametrize("name", sorted(TORCHVISION))
def test_replicas_equal_torchvision_block_for_block(name: str) -> None:
    make, expected = TORCHVISION[name]
    with torch.device("meta"):
        reference = make()
        ours = build_model(load_design(EXAMPLES[name]))
    assert count_params(reference)[0] == count_params(ours)[0] == expected
    assert analyze(load_design(EXAMPLES[name])).total_params == expected
    # Same tensors in the same order: weights could be copied across one to one.
    assert [tuple(t.shape) for t in reference.state_dict().values()] == [tuple(t.shape) for t in ours.state_dict().values()]
    x = torch.empty(2, 3, 224, 224, device="meta")
    assert ours(x).shape == reference.eval()(x).shape == (2, 1000)


def test_state_dict_keys_are_block_ids_and_follow_a_moved_block() -> None:
    d = load_design(EXAMPLES["lenet5_relu"])
    keys = set(build_model(d).state_dict())
    assert {"conv2d1.weight", "conv2d1.bias", "linear3.weight"} <= keys
    moved, _ = move(d, (0,), (), 1)  # ReLU now comes before the first conv
    assert set(build_model(moved).state_dict()) == keys


def test_nested_keys_follow_the_composite_layout() -> None:
    keys = set(build_model(load_design(EXAMPLES["resnet_mini"])).state_dict())
    assert "residual2.shortcut.conv2d6.weight" in keys and "residual1.body.conv2d2.weight" in keys
    keys = set(build_model(load_design(EXAMPLES["inception_mini"])).state_dict())
    assert any(k.startswith("concat1.branches.3.") for k in keys)


def _design(layers: list[dict[str, Any]], shape: tuple[int, int, int] = (1, 8, 8)) -> Design:
    return design_from_dict({"format": "cnn-playground.design", "version": 1, "input": list(shape), "layers": layers})


def test_a_design_with_errors_is_refused_with_its_first_error() -> None:
    d = _design([{"type": "Conv2d", "out_channels": 2, "kernel_size": 9}, {"type": "Linear", "out_features": 3}])
    with pytest.raises(DesignError) as info:
        build_model(d)
    assert info.value.path == "layers[0]" and "larger than its padded input" in info.value.message
    with pytest.raises(DesignError, match="no layers"):
        build_model(_design([]))


def test_ids_torch_cannot_take_still_build() -> None:
    """Ids are free text to the design ("a.b", "forward"); module names must not be."""
    d = _design([{"type": "Conv2d", "id": "conv.1", "out_channels": 2, "kernel_size": 3},
                 {"type": "ReLU", "id": "forward"}, {"type": "Flatten", "id": "conv_1"},
                 {"type": "Linear", "id": "training", "out_features": 3}])
    assert module_names(d.layers) == ["conv_1", "forward_", "conv_1_", "training_"]
    model = build_model(d)
    assert model(torch.randn(2, 1, 8, 8)).shape == (2, 3)


def test_a_design_made_in_code_without_ids_builds() -> None:
    d = Design(layers=(Block("Flatten"), Block("Linear", {"out_features": 4}), Block("ReLU")))
    assert module_names(d.layers) == ["block0", "block1", "block2"]
    assert build_model(d)(torch.randn(3, 1, 28, 28)).shape == (3, 4)
