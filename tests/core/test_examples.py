"""The shipped examples: the promised set, their numbers, and a file format that diffs well."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

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
