"""The shipped examples: the promised set, their numbers, and a file format that diffs well."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from playground.core.analysis import analyze
from playground.core.design import design_to_json, load_design, walk, without_ids
from playground.paths import example_paths, examples_dir

EXPECTED = {
    # name: (input, output, total params or None when not fixed by the issue)
    "lenet5": ((1, 28, 28), (10,), 61_706),
    "lenet5_relu": ((1, 28, 28), (10,), 61_706),
    "mnist_cnn": ((1, 28, 28), (10,), 21_840),
    "alexnet": ((3, 224, 224), (1000,), 61_100_840),
    "vgg11": ((3, 224, 224), (1000,), 132_863_336),
    "resnet18": ((3, 224, 224), (1000,), 11_689_512),
    "googlenet": ((3, 224, 224), (1000,), 6_624_904),
    "nin": ((3, 224, 224), (1000,), None),
    # the classics as published (the torchvision variants above say they are variants)
    "lenet5_1998": ((1, 32, 32), (10,), 61_706),
    "alexnet_2012": ((3, 227, 227), (1000,), 60_965_224),
    "googlenet_2014": ((3, 224, 224), (1000,), 6_998_552),
    "vgg16": ((3, 224, 224), (1000,), 138_357_544),
    "vgg_mini": ((1, 28, 28), (10,), None),
    "resnet_mini": ((1, 28, 28), (10,), None),
    "inception_mini": ((1, 28, 28), (10,), None),
    "nin_mini": ((1, 28, 28), (10,), None),
    "se_mini": ((1, 28, 28), (10,), None),
    "mobilenet_mini": ((1, 28, 28), (10,), None),
    # imported from torchvision by `cnn-playground import` (tests/core/test_importer.py checks them)
    "mobilenet_v2": ((3, 224, 224), (1000,), 3_504_872),
    "efficientnet_b0": ((3, 224, 224), (1000,), 5_288_548),
    "shufflenet_v2": ((3, 224, 224), (1000,), 2_278_604),
    "convnext_tiny": ((3, 224, 224), (1000,), 28_589_128),
    "densenet121": ((3, 224, 224), (1000,), 7_978_856),
    "resnet50": ((3, 224, 224), (1000,), 25_557_032),
}


def test_the_promised_examples_are_shipped() -> None:
    assert {p.stem for p in example_paths()} == set(EXPECTED)
    assert all(p.parent == examples_dir() for p in example_paths())


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_example_numbers(name: str) -> None:
    d = load_design(examples_dir() / f"{name}.json")
    shape_in, shape_out, params = EXPECTED[name]
    analysis = analyze(d, num_classes=shape_out[0])
    assert analysis.ok and not analysis.warnings
    assert d.input == shape_in and analysis.output_shape == shape_out
    if params is not None:
        assert analysis.total_params == params
    if shape_in == (1, 28, 28):
        assert analysis.total_macs < 3_000_000  # small enough to train in seconds on a CPU


@pytest.mark.parametrize("path", example_paths(), ids=lambda p: p.stem)
def test_examples_are_described_and_labelled(path: Path) -> None:
    d = load_design(path)
    assert d.name and d.description and "\n" not in d.description and len(d.description) < 200
    for _, block in walk(d):
        if block.kind.composite:
            assert block.label, f"{path.stem}: unlabelled {block.type}"


@pytest.mark.parametrize("path", example_paths(), ids=lambda p: p.stem)
def test_example_files_are_in_the_saved_format(path: Path) -> None:
    """Exactly what save_design writes (ids left out), so a saved copy diffs cleanly."""
    d = load_design(path)
    bare = replace(d, layers=tuple(without_ids(b) for b in d.layers))
    assert path.read_text(encoding="utf-8") == design_to_json(bare)


def test_mnist_cnn_shapes() -> None:
    rows = analyze(load_design(examples_dir() / "mnist_cnn.json")).rows
    assert [r.output_shape for r in rows] == [(10, 24, 24), (10, 24, 24), (10, 12, 12), (20, 8, 8), (20, 8, 8),
                                               (20, 4, 4), (320,), (50,), (50,), (10,)]


def test_nin_has_no_linear_layer() -> None:
    for name in ("nin", "nin_mini"):
        types = {b.type for _, b in walk(load_design(examples_dir() / f"{name}.json"))}
        assert "Linear" not in types and "AdaptiveAvgPool2d" in types


def test_lenet5_is_the_original_and_the_relu_variant_is_not() -> None:
    original = {b.type for _, b in walk(load_design(examples_dir() / "lenet5.json"))}
    relu = {b.type for _, b in walk(load_design(examples_dir() / "lenet5_relu.json"))}
    assert {"Sigmoid", "AvgPool2d"} <= original and not {"ReLU", "MaxPool2d"} & original
    assert {"ReLU", "MaxPool2d"} <= relu and not {"Sigmoid", "AvgPool2d"} & relu
    first = load_design(examples_dir() / "lenet5.json").layers[0]
    assert first.params["padding"] == 2


def _meta_params(module: Any) -> int:
    return sum(p.numel() for p in module.parameters())


def _built_params(name: str) -> int:
    """The design built as a torch module on the meta device (no weights allocated)."""
    import torch

    from playground.core.builder import build_model

    with torch.device("meta"):
        return _meta_params(build_model(load_design(examples_dir() / f"{name}.json")))


def test_lenet5_1998_equals_the_paper_layers_built_by_hand() -> None:
    """C1 conv 5x5 on 32x32, S2, C3, S4, C5 as a 5x5 conv giving 120 x 1 x 1, F6 84, 10 outputs."""
    import torch.nn as nn

    by_hand = nn.Sequential(nn.Conv2d(1, 6, 5), nn.Tanh(), nn.AvgPool2d(2), nn.Conv2d(6, 16, 5), nn.Tanh(),
                            nn.AvgPool2d(2), nn.Conv2d(16, 120, 5), nn.Tanh(), nn.Flatten(),
                            nn.Linear(120, 84), nn.Tanh(), nn.Linear(84, 10))
    assert _built_params("lenet5_1998") == _meta_params(by_hand) == 61_706
    rows = analyze(load_design(examples_dir() / "lenet5_1998.json")).rows
    assert [r.output_shape for r in rows[:7]] == [(6, 28, 28), (6, 28, 28), (6, 14, 14), (16, 10, 10),
                                                  (16, 10, 10), (16, 5, 5), (120, 1, 1)]


def test_vgg16_equals_torchvision() -> None:
    import torch
    from torchvision.models import vgg16

    with torch.device("meta"):
        assert _built_params("vgg16") == _meta_params(vgg16(weights=None)) == 138_357_544


@pytest.mark.parametrize("name", ["alexnet_2012", "googlenet_2014"])
def test_the_classics_build_to_their_analysed_totals(name: str) -> None:
    assert _built_params(name) == analyze(load_design(examples_dir() / f"{name}.json")).total_params


def test_alexnet_2012_is_the_two_gpu_net_and_googlenet_2014_has_real_5x5_branches() -> None:
    alex = [b for _, b in walk(load_design(examples_dir() / "alexnet_2012.json"))]
    first = next(b for b in alex if b.type == "Conv2d")
    assert first.params["out_channels"] == 96 and first.params["kernel_size"] == 11
    assert "LocalResponseNorm" in {b.type for b in alex}
    assert [b.params.get("groups", 1) for b in alex if b.type == "Conv2d"] == [1, 2, 1, 2, 2]
    google = [b for _, b in walk(load_design(examples_dir() / "googlenet_2014.json"))]
    assert "BatchNorm2d" not in {b.type for b in google}
    assert sum(1 for b in google if b.type == "Conv2d" and b.params["kernel_size"] == 5) == 9
    torchvision_google = [b for _, b in walk(load_design(examples_dir() / "googlenet.json"))]
    assert not any(b.type == "Conv2d" and b.params["kernel_size"] == 5 for b in torchvision_google)


def test_lenet5_1998_trains_on_the_embedded_digits_padded_to_32x32() -> None:
    """The 28x28 digits get a 2-pixel border of zeros (a resize would stretch the strokes)."""
    import torch

    from playground.core.datasets import check_input_fits, load_embedded
    from playground.core.trainer import FinishedEvent, TrainConfig, Trainer

    digits = load_embedded().subset(64, 32)
    padded = digits.padded_to((1, 32, 32))
    assert padded.info.input_shape == (1, 32, 32) and padded.train_x.shape[1:] == (1, 32, 32)
    assert torch.equal(padded.train_x[:, :, 2:30, 2:30], digits.train_x)
    assert int(padded.train_x[:, :, :2].sum()) == 0 and int(padded.train_x[:, :, :, 30:].sum()) == 0
    check_input_fits((1, 32, 32), (1, 28, 28), "digits")
    with pytest.raises(Exception, match="design expects 1x64x64"):
        check_input_fits((1, 64, 64), (1, 28, 28), "digits")
    design = load_design(examples_dir() / "lenet5_1998.json")
    config = TrainConfig(epochs=1, batch_size=32, device="cpu", cpu_threads=1, seed=0)
    result = Trainer(design, digits, config, report_every_s=0.0).run()
    assert isinstance(result, FinishedEvent)


def test_a_drawing_reaches_lenet5_1998_padded_as_its_training_digits_were() -> None:
    import torch

    from playground.core.inspect_model import fit_input

    digit = torch.rand(28, 28)
    x = fit_input(digit, (1, 32, 32))
    assert x.shape == (1, 1, 32, 32) and torch.equal(x[0, 0, 2:30, 2:30], digit)
    assert fit_input(digit, (3, 32, 32)).shape == (1, 3, 32, 32)  # colour: resized, grey repeated
    assert not torch.equal(fit_input(digit, (3, 32, 32))[0, 0, 2:30, 2:30], digit)
