"""The installed distribution carries its data: a wheel holds resources/ and examples/ inside
the package, and the app finds them there (not only in a source checkout)."""

from __future__ import annotations

import json
from importlib import metadata
from pathlib import Path

import pytest

import playground
from playground import paths

DIST = "cnn-playground"


def _editable() -> bool:
    text = metadata.distribution(DIST).read_text("direct_url.json")
    return bool(text) and json.loads(text).get("dir_info", {}).get("editable", False)


def test_examples_dir_lists_the_examples() -> None:
    names = {p.name for p in paths.example_paths()}
    assert {"lenet5.json", "lenet5_relu.json", "resnet_mini.json", "vgg11.json"} <= names
    assert all(p.parent == paths.examples_dir() for p in paths.example_paths())
    assert paths.embedded_mnist_path().is_file()


@pytest.mark.skipif(_editable(), reason="an editable install reads resources from the checkout")
def test_installed_files_include_data_and_examples() -> None:
    files = {str(f).replace("\\", "/") for f in metadata.files(DIST) or []}
    assert "playground/resources/data/mnist_10k.npz" in files
    assert "playground/examples/lenet5.json" in files
    package = Path(playground.__file__).resolve().parent
    assert paths.examples_dir().resolve() == package / "examples"
    assert paths.resources_dir().resolve() == package / "resources"
