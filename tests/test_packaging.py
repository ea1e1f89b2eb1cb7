"""The installed distribution carries its data: a wheel holds resources/ and examples/ inside
the package, and the app finds them there (not only in a source checkout)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest

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
def test_installed_files_include_data_and_examples(tmp_path: Path) -> None:
    files = {str(f).replace("\\", "/") for f in metadata.files(DIST) or []}
    assert "playground/resources/data/mnist_10k.npz" in files
    assert "playground/examples/lenet5.json" in files
    # Outside the checkout (whose own playground/ pytest imports), the installed package
    # must find its data inside itself.
    script = ("import playground; from playground import paths; "
              "print(playground.__file__); print(paths.examples_dir()); print(paths.embedded_mnist_path())")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    done = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True,
                          check=True)
    module, examples, data = (Path(line) for line in done.stdout.split("\n")[:3])
    package = module.parent
    assert examples == package / "examples" and (examples / "lenet5.json").is_file()
    assert data == package / "resources" / "data" / "mnist_10k.npz" and data.is_file()
