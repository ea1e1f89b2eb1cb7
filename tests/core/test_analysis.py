"""The analysis: MACs, receptive fields, errors and warnings, checked against torch itself."""

from __future__ import annotations

import math
import subprocess
import sys
from typing import Any

import pytest
import torch
import torch.nn as nn

from playground.core.analysis import BYTES_PER_VALUE, analysis_by_path, analyze, iter_design_paths
from playground.core.builder import build_model
from playground.core.design import Design, design_from_dict, json_path, load_design, set_param
from playground.paths import example_paths
from torch_reference import flop_macs

EXAMPLES = {p.stem: p for p in example_paths()}


def design(layers: list[dict[str, Any]], input_shape: tuple[int, int, int] = (1, 28, 28)) -> Design:
    return design_from_dict({"format": "cnn-playground.design", "version": 1, "input": list(input_shape),
                             "layers": layers})


def conv(out: int, k: Any, **kw: Any) -> dict[str, Any]:
    return {"type": "Conv2d", "out_channels": out, "kernel_size": k, **kw}


# ---------------------------------------------------------------- numbers vs torch

@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_macs_equal_flop_counter_for_every_example(name: str) -> None:
    """FLOPs = 2 x MACs, as torch.utils.flop_counter counts a forward pass (on the meta device)."""
    d = load_design(EXAMPLES[name])
    analysis = analyze(d)
    with torch.device("meta"):
        model = build_model(d, analysis)
    _, macs = flop_macs(model, torch.empty((2, *d.input), device="meta"))
    assert analysis.total_macs == macs


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_rows_name_their_json_paths_and_totals_add_up(name: str) -> None:
    d = load_design(EXAMPLES[name])
    analysis = analyze(d)
    assert [r.path for r in analysis.rows] == iter_design_paths(d)
    for row in analysis.rows:
        assert row.json_path == json_path(d, row.path)
        assert row.activation_bytes == math.prod(row.output_shape) * BYTES_PER_VALUE
    assert analysis.ok and not analysis.errors
    assert analysis.weight_bytes == analysis.total_params * 4
    assert analysis.total_params == sum(r.params for r in analysis.rows if r.depth == 0)
    assert analysis.total_macs == sum(r.macs for r in analysis.rows if r.depth == 0)
    assert set(analysis.by_id) == {r.block_id for r in analysis.rows}
    assert analysis_by_path(analysis)[(0,)] is analysis.rows[0]


def test_lenet5_numbers() -> None:
    a = analyze(load_design(EXAMPLES["lenet5"]))
    assert [r.output_shape for r in a.rows] == [
        (6, 28, 28), (6, 28, 28), (6, 14, 14), (16, 10, 10), (16, 10, 10), (16, 5, 5),
        (400,), (120,), (120,), (84,), (84,), (10,)]
    assert [r.params for r in a.rows if r.params] == [156, 2416, 48120, 10164, 850]
    assert a.total_params == a.trainable_params == 61_706
    assert a.total_macs == 28 * 28 * 6 * 25 + 10 * 10 * 16 * 6 * 25 + 400 * 120 + 120 * 84 + 84 * 10
    assert [r.receptive_field.size for r in a.rows[:6]] == [(5, 5), (5, 5), (6, 6), (14, 14), (14, 14), (16, 16)]
    assert a.rows[6].receptive_field is None  # a flat vector has no spatial field


# ---------------------------------------------------------------- receptive field by brute force

def _positive_model(d: Design) -> nn.Module:
    """The built model with positive weights and zero biases: every block is monotone, so
    raising one input pixel changes an output cell exactly when the cell can see it."""
    model = build_model(d).double().eval()
    with torch.no_grad():
        for name, p in model.named_parameters():
            p.copy_(torch.zeros_like(p) if name.endswith("bias") else torch.rand_like(p) + 0.1)
    return model


def _seen_pixels(d: Design, oh: int, ow: int) -> torch.Tensor:
    """Which input pixels change output cell (oh, ow) when raised: a (H, W) bool mask."""
    c, h, w = d.input
    model = _positive_model(d)
    torch.manual_seed(1)
    base = torch.rand(1, c, h, w, dtype=torch.float64) + 0.5
    bumped = base.repeat(h * w, 1, 1, 1)
    idx = torch.arange(h * w)
    bumped[idx, :, idx // w, idx % w] += 100.0
    with torch.no_grad():
        ref = model(base)[0, :, oh, ow]
        out = model(bumped)[:, :, oh, ow]
    return ((out - ref).abs().amax(dim=1) > 1e-9).reshape(h, w)


RF_DESIGNS = {
    "conv-pool-conv": ([conv(2, 3), {"type": "ReLU"}, {"type": "MaxPool2d", "kernel_size": 2}, conv(2, 3)], (1, 20, 20)),
    "strided-dilated": ([conv(2, 5, stride=2, padding=2), conv(2, 3, dilation=2, padding=2),
                         {"type": "AvgPool2d", "kernel_size": 3, "stride": 2, "padding": 1}, conv(1, 3)], (1, 32, 32)),
    "non-square": ([conv(2, [3, 5], stride=[1, 2]), {"type": "Sigmoid"}, conv(1, [1, 3], padding=[0, 1])], (1, 16, 24)),
    "even-kernel-same": ([conv(2, 4, padding="same"), conv(1, 2, padding="same")], (1, 12, 12)),
    "maxpool-dilated": ([{"type": "MaxPool2d", "kernel_size": 2, "stride": 1, "dilation": 3}, conv(1, 3)], (1, 16, 16)),
    "residual": ([conv(2, 3, padding=1), {"type": "Residual", "body": [conv(2, 3, padding=1), {"type": "ReLU"},
                                                                       conv(2, 3, padding=1)]}], (1, 16, 16)),
    "concat": ([{"type": "Concat", "branches": [[conv(2, 1)], [conv(2, 5, padding=2), conv(1, 3, padding=1)]]},
                conv(1, 3, stride=2)], (1, 17, 17)),
    "adaptive": ([conv(2, 3, padding=1), {"type": "AdaptiveAvgPool2d", "output_size": 4}], (1, 12, 12)),
}


@pytest.mark.parametrize("name", sorted(RF_DESIGNS))
def test_receptive_field_matches_brute_force(name: str) -> None:
    layers, shape = RF_DESIGNS[name]
    d = design(layers, shape)
    a = analyze(d)
    assert a.ok
    rf = a.rows[-1].receptive_field
    _, out_h, out_w = a.output_shape
    checked = 0
    for oh in range(out_h):
        for ow in range(out_w):
            centre = (rf.start[0] + oh * rf.jump[0], rf.start[1] + ow * rf.jump[1])
            first = [centre[i] - (rf.size[i] - 1) / 2 for i in range(2)]
            last = [centre[i] + (rf.size[i] - 1) / 2 for i in range(2)]
            if first[0] < 0 or first[1] < 0 or last[0] > shape[1] - 1 or last[1] > shape[2] - 1:
                continue  # the field reaches into the padding: torch cannot show all of it
            seen = _seen_pixels(d, oh, ow).nonzero()
            assert seen[:, 0].min() == first[0] and seen[:, 0].max() == last[0], (oh, ow)
            assert seen[:, 1].min() == first[1] and seen[:, 1].max() == last[1], (oh, ow)
            checked += 1
            if checked == 3:
                return
    assert checked, "no output cell sees a field entirely inside the input"


# ---------------------------------------------------------------- errors a learner meets

def _only_error(d: Design) -> tuple[str, str]:
    errors = analyze(d).errors
    assert len(errors) == 1, errors
    return errors[0]


def test_kernel_larger_than_padded_input() -> None:
    path, message = _only_error(design([conv(4, 5)], (1, 3, 3)))
    assert path == "layers[0]"
    assert "kernel 5x5 is larger than its padded input 3x3" in message


def test_pooling_too_far_reports_the_kernel() -> None:
    d = design([{"type": "MaxPool2d", "kernel_size": 2}, {"type": "MaxPool2d", "kernel_size": 2}], (1, 2, 2))
    path, message = _only_error(d)
    assert path == "layers[1]" and "larger than its padded input 1x1" in message


def test_linear_fed_a_map_suggests_flatten_and_goes_on() -> None:
    d = design([conv(2, 3), {"type": "Linear", "out_features": 10}, {"type": "Linear", "out_features": 4}], (1, 8, 8))
    a = analyze(d)
    assert a.errors == [("layers[1]", "Linear needs a flat vector but gets 2 x 6 x 6; add a Flatten block before it")]
    assert a.rows[1].output_shape is None
    # The analysis goes on past the error with the shape the fixed block would give.
    assert a.rows[2].input_shape == (10,) and a.rows[2].params == 44
    assert not a.ok


def test_residual_with_identity_shortcut_that_changes_shape_suggests_projection() -> None:
    d = design([conv(8, 3, padding=1),
                {"type": "Residual", "body": [conv(16, 3, stride=2, padding=1)]}], (1, 8, 8))
    path, message = _only_error(d)
    assert path == "layers[1]"
    assert "8 x 8 x 8 into 16 x 4 x 4" in message
    assert "add a 1x1 Conv2d shortcut (16 channels, stride 2)" in message


def test_residual_with_mismatched_projection() -> None:
    d = design([{"type": "Residual", "body": [conv(4, 3, padding=1)], "shortcut": [conv(3, 1)]}], (1, 8, 8))
    assert "body gives 4 x 8 x 8 but the shortcut gives 3 x 8 x 8" in _only_error(d)[1]


def test_concat_branches_with_different_sizes() -> None:
    d = design([{"type": "Concat", "branches": [[conv(4, 1)], [conv(4, 3)]]}], (1, 8, 8))
    path, message = _only_error(d)
    assert path == "layers[0]"
    assert message == "branches give different sizes (8 x 8, 6 x 6); all branches must keep the same H x W"


def test_concat_sums_channels_and_flat_branches() -> None:
    d = design([{"type": "Concat", "branches": [[conv(4, 1)], [conv(3, 3, padding=1)], []]}], (2, 8, 8))
    assert analyze(d).output_shape == (9, 8, 8)
    flat = design([{"type": "Flatten"}, {"type": "Concat", "branches": [[{"type": "Linear", "out_features": 3}], []]}],
                  (1, 2, 2))
    assert analyze(flat).output_shape == (7,)


def test_group_norm_groups_must_divide_channels() -> None:
    d = design([conv(6, 3), {"type": "GroupNorm", "num_groups": 4}, {"type": "ReLU"}], (1, 8, 8))
    a = analyze(d)
    assert a.errors == [("layers[1]", "num_groups=4 does not divide the 6 channels; use a divisor of 6")]
    assert a.rows[2].output_shape == (6, 6, 6)


def test_conv_groups_must_divide_channels() -> None:
    path, message = _only_error(design([conv(4, 3, groups=2)], (3, 8, 8)))
    assert message.startswith("groups=2 does not divide the 3 input channels")
    path, message = _only_error(design([conv(3, 3, groups=2)], (4, 8, 8)))
    assert message.startswith("groups=2 does not divide out_channels=3")


def test_output_size_zero_or_negative() -> None:
    d = design([{"type": "ConvTranspose2d", "out_channels": 2, "kernel_size": 1, "padding": 1}], (1, 2, 2))
    path, message = _only_error(d)
    assert message.startswith("the output would be 0x0 (zero or negative)")


def test_same_padding_needs_stride_one() -> None:
    assert "needs stride 1" in _only_error(design([conv(2, 3, padding="same", stride=2)]))[1]


def test_map_blocks_after_flatten_say_so() -> None:
    message = _only_error(design([{"type": "Flatten"}, {"type": "MaxPool2d", "kernel_size": 2}]))[1]
    assert message == "MaxPool2d needs a C x H x W input but gets a flat vector of 784 features; move it before Flatten"


def test_nested_errors_name_their_nested_path_and_every_error_is_reported() -> None:
    d = design([{"type": "Sequential", "layers": [conv(4, 3, groups=3)]},
                {"type": "Residual", "body": [{"type": "GroupNorm", "num_groups": 3}]}], (2, 8, 8))
    paths = [p for p, _ in analyze(d).errors]
    assert paths == ["layers[0].layers[0]", "layers[1].body[0]"]


def test_num_classes_warning_is_not_an_error() -> None:
    d = load_design(EXAMPLES["lenet5"])
    a = analyze(d, num_classes=26)
    assert a.ok and not a.errors
    assert a.warnings == [("layers[11]", "the network gives 10 outputs but the dataset has 26 classes; "
                                         "end with Flatten and Linear(out_features=26)")]
    assert analyze(d, num_classes=10).warnings == []
    no_head = design([conv(4, 3)], (1, 8, 8))
    assert "gives 4 x 6 x 6 outputs" in analyze(no_head, num_classes=10).warnings[0][1]


def test_empty_design_passes_the_input_through() -> None:
    a = analyze(design([]))
    assert a.rows == [] and a.output_shape == (1, 28, 28) and a.total_params == 0


# ---------------------------------------------------------------- live edits

def test_re_analysis_after_an_edit_sees_the_edit() -> None:
    """Memoised leaf results are keyed by params and incoming shape, so nothing goes stale."""
    d = load_design(EXAMPLES["lenet5_relu"])
    before = analyze(d)
    edited = set_param(d, (0,), "out_channels", 8)
    after = analyze(edited)
    assert after.rows[0].output_shape == (8, 28, 28)
    assert after.rows[3].params == 16 * 8 * 25 + 16  # the next conv sees 8 channels now
    assert analyze(d).rows[3].params == before.rows[3].params == 2416
    wider = set_param(d, (0,), "kernel_size", [5, 3])
    assert analyze(wider).rows[0].output_shape == (6, 28, 30)


def test_analysis_never_imports_torch() -> None:
    code = ("import sys; sys.modules['torch'] = None\n"
            "from playground.core.design import load_design\n"
            "from playground.core.analysis import analyze\n"
            "from playground.paths import example_paths\n"
            "for p in example_paths():\n"
            "    assert analyze(load_design(p)).ok, p\n"
            "print('ok')\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"
