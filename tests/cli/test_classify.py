"""`cnn-playground classify`: digit and probability per image, one-line errors with status 2."""

from __future__ import annotations

import re

import numpy as np
import pytest
from PIL import Image

from playground import paths
from playground.cli import main
from cli_helpers import assert_one_line_error

LINE = re.compile(r"^(?P<name>.+): (?P<digit>\d) \((?P<percent>\d+\.\d)%\)$")


@pytest.fixture(scope="module")
def validation_digits() -> tuple[np.ndarray, np.ndarray]:
    with np.load(paths.embedded_mnist_path()) as data:
        return data["images"][-6:], data["labels"][-6:]


def classify(capsys, *args: str) -> tuple[int, list[str], str]:
    status = main(["classify", *map(str, args)])
    out, err = capsys.readouterr()
    return status, out.splitlines(), err


def test_each_image_gets_its_digit_and_probability_with_the_default_model(tmp_path, capsys, validation_digits) -> None:
    images, labels = validation_digits
    files = []
    for i, image in enumerate(images):
        path = tmp_path / f"digit{i}.png"
        big = Image.fromarray(image).resize((140, 140), Image.Resampling.BILINEAR)
        if i % 2:  # every other one as black ink on white paper, in RGB
            big = Image.fromarray(255 - np.asarray(big)).convert("RGB")
        big.save(path)
        files.append(path)
    status, lines, err = classify(capsys, *files)
    assert status == 0 and err == ""
    assert len(lines) == len(files)
    for path, label, line in zip(files, labels, lines):
        match = LINE.match(line)
        assert match, line
        assert match["name"] == str(path)
        assert int(match["digit"]) == int(label)
        assert 10.0 <= float(match["percent"]) <= 100.0


def test_an_explicit_model_is_used(tmp_path, capsys, validation_digits) -> None:
    images, labels = validation_digits
    path = tmp_path / "d.png"
    Image.fromarray(images[0]).save(path)
    status, lines, _ = classify(capsys, "--model", paths.default_model_path(), path)
    assert status == 0 and LINE.match(lines[0])["digit"] == str(labels[0])


def test_a_blank_image_says_so(tmp_path, capsys) -> None:
    path = tmp_path / "blank.png"
    Image.new("L", (40, 40), 255).save(path)
    status, lines, _ = classify(capsys, path)
    assert status == 0 and lines == [f"{path}: no digit (the image is blank)"]


def one_line_error(status: int, lines: list[str], err: str, *needles: str) -> None:
    assert status == 2
    assert lines == []  # nothing half printed
    assert err.count("\n") == 1
    assert_one_line_error(err, *needles)


def test_unreadable_image_is_one_line_exit_2_and_nothing_else_is_printed(tmp_path, capsys, validation_digits) -> None:
    good = tmp_path / "good.png"
    Image.fromarray(validation_digits[0][0]).save(good)
    bad = tmp_path / "bad.png"
    bad.write_text("not a picture")
    one_line_error(*classify(capsys, good, bad), str(bad), "not an image")


def test_missing_image_file(tmp_path, capsys) -> None:
    one_line_error(*classify(capsys, tmp_path / "nope.png"), "nope.png", "no such file")


def test_missing_or_foreign_model_file(tmp_path, capsys, validation_digits) -> None:
    image = tmp_path / "d.png"
    Image.fromarray(validation_digits[0][0]).save(image)
    one_line_error(*classify(capsys, "--model", tmp_path / "none.pt", image), "none.pt")
    not_a_checkpoint = tmp_path / "weights.pt"
    not_a_checkpoint.write_bytes(b"garbage")
    one_line_error(*classify(capsys, "--model", not_a_checkpoint, image), "weights.pt")


def test_no_image_is_a_usage_error(capsys) -> None:
    status, lines, err = classify(capsys)
    assert status == 2 and "images" in err and err.count("\n") == 1
