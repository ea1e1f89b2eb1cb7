"""Design smells: warnings on the block that causes them, with the fix; errors never hide each other."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from playground.cli import main
from playground.core.analysis import analyze
from playground.core.design import Design, design_from_dict

FLAT = [{"type": "Flatten"}]


def design(*layers: dict, input_shape: tuple[int, ...] = (1, 28, 28)) -> Design:
    return design_from_dict({"format": "cnn-playground.design", "version": 1, "input": list(input_shape),
                             "layers": list(layers)})


def linear(n: int, **kw: object) -> dict:
    return {"type": "Linear", "out_features": n, **kw}


def warnings_of(d: Design) -> dict[str, str]:
    return dict(analyze(d).warnings)


@pytest.mark.parametrize("last", ["Softmax", "LogSoftmax"])
def test_a_trailing_softmax_is_applied_twice_by_the_loss(last: str) -> None:
    w = warnings_of(design(*FLAT, linear(10), {"type": last}))
    assert list(w) == ["layers[2]"]
    assert "cross-entropy" in w["layers[2]"] and "applied twice" in w["layers[2]"] and "remove it" in w["layers[2]"]


def test_a_softmax_inside_a_trailing_classifier_group_is_found() -> None:
    d = design(*FLAT, {"type": "Sequential", "label": "Classifier",
                       "layers": [linear(10), {"type": "Softmax"}, {"type": "Dropout"}]})
    assert "cross-entropy" in warnings_of(d)["layers[1].layers[1]"]


def test_a_softmax_in_the_middle_is_not_a_smell() -> None:
    assert warnings_of(design(*FLAT, linear(20), {"type": "Softmax"}, linear(10))) == {}


def test_linear_after_linear_without_an_activation_is_one_linear_map() -> None:
    w = warnings_of(design(*FLAT, linear(100), {"type": "Dropout"}, linear(10)))
    assert list(w) == ["layers[3]"] and "one linear map" in w["layers[3]"] and "ReLU" in w["layers[3]"]
    assert warnings_of(design(*FLAT, linear(100), {"type": "ReLU"}, linear(10))) == {}


def test_a_bias_before_batch_norm_cancels_out() -> None:
    conv = {"type": "Conv2d", "out_channels": 4, "kernel_size": 3}
    w = warnings_of(design(conv, {"type": "BatchNorm2d"}, *FLAT, linear(10)))
    assert list(w) == ["layers[0]"] and "set bias to false" in w["layers[0]"]
    assert warnings_of(design({**conv, "bias": False}, {"type": "BatchNorm2d"}, *FLAT, linear(10))) == {}
    w = warnings_of(design(*FLAT, linear(32), {"type": "BatchNorm1d"}, {"type": "ReLU"}, linear(10)))
    assert list(w) == ["layers[1]"] and "BatchNorm1d" in w["layers[1]"]


def test_dropout_at_the_very_end() -> None:
    w = warnings_of(design(*FLAT, linear(10), {"type": "Dropout", "p": 0.5}))
    assert list(w) == ["layers[2]"] and "before the last Linear" in w["layers[2]"]


def test_pooling_with_a_stride_larger_than_its_window_skips_pixels() -> None:
    w = warnings_of(design({"type": "MaxPool2d", "kernel_size": 2, "stride": 3}, *FLAT, linear(10)))
    assert list(w) == ["layers[0]"] and "never looked at" in w["layers[0]"]
    assert warnings_of(design({"type": "MaxPool2d", "kernel_size": 3, "stride": 2}, *FLAT, linear(10))) == {}


def test_two_independent_errors_are_both_reported() -> None:
    """A BatchNorm2d after Flatten keeps the shape it gets, so the bad Linear later is found too."""
    d = design({"type": "Conv2d", "out_channels": 6, "kernel_size": 3, "groups": 4},
               {"type": "ReLU"}, *FLAT, {"type": "BatchNorm2d"}, linear(10), {"type": "Softmax", "dim": 3})
    errors = dict(analyze(d).errors)
    assert list(errors) == ["layers[0]", "layers[3]", "layers[5]"]
    assert "groups=4" in errors["layers[0]"] and "BatchNorm2d" in errors["layers[3]"] and "dim=3" in errors["layers[5]"]


def test_summary_json_lists_the_smells_by_block_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "smelly.json"
    path.write_text(json.dumps({"format": "cnn-playground.design", "version": 1, "input": [1, 28, 28],
                                "layers": [*FLAT, linear(64), linear(10), {"type": "Softmax"}]}), encoding="utf-8")
    assert main(["summary", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [w["path"] for w in data["warnings"]] == ["layers[2]", "layers[3]"]
    assert "one linear map" in data["warnings"][0]["message"] and "cross-entropy" in data["warnings"][1]["message"]
