"""The kinds of modern CNNs (MobileNet, EfficientNet, ShuffleNet, ConvNeXt, U-Net) beyond
what the catalogue-wide checks in test_layers.py show: their modules, errors and export."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import torch

from exported import load_exported
from playground.core.analysis import analyze
from playground.core.builder import build_model
from playground.core.design import design_from_dict
from playground.core.export import class_name_for, export_source
from playground.core.layers import make_module


def design(layers: list[dict[str, Any]], input_shape: tuple[int, int, int] = (4, 8, 8)) -> Any:
    return design_from_dict({"format": "cnn-playground.design", "version": 1, "name": "Modern",
                             "input": list(input_shape), "layers": layers})


def test_own_modules_compute_what_they_say() -> None:
    x = torch.randn(2, 6, 3, 3)
    assert torch.equal(make_module("ChannelSlice", {"start": 2, "stop": 5}, (6, 3, 3))(x), x[:, 2:5])
    scale = make_module("LayerScale", {"init_value": 0.5}, (6, 3, 3))
    assert tuple(scale.gamma.shape) == (6, 1, 1) and torch.equal(scale(x), x * 0.5)
    norm = make_module("LayerNorm2d", {"eps": 1e-6}, (6, 3, 3))
    expected = torch.nn.functional.layer_norm(x.permute(0, 2, 3, 1), (6,), eps=1e-6).permute(0, 3, 1, 2)
    assert torch.allclose(norm(x), expected)
    depth = make_module("StochasticDepth", {"p": 0.5, "mode": "row"}, (6, 3, 3)).eval()
    assert torch.equal(depth(x), x)  # identity at evaluation


def test_zero_pad_takes_h_and_w_as_the_other_pair_kinds_do() -> None:
    module = make_module("ZeroPad2d", {"padding": [1, 2]}, (1, 3, 3))
    assert tuple(module(torch.ones(1, 1, 3, 3)).shape) == (1, 1, 5, 7)


@pytest.mark.parametrize(("layer", "message"), [
    ({"type": "Upsample"}, "set exactly one of scale_factor (e.g. 2) and size"),
    ({"type": "Upsample", "size": 4, "scale_factor": 2}, "set exactly one of scale_factor"),
    ({"type": "PixelShuffle", "upscale_factor": 3}, "the 4 channels must be a multiple of 9"),
    ({"type": "ChannelShuffle", "groups": 3}, "groups=3 does not divide the 4 channels"),
    ({"type": "ChannelSlice", "start": 2, "stop": 6}, "start=2, stop=6 must pick channels inside 0..4"),
    ({"type": "PReLU", "num_parameters": 3}, "num_parameters=3 must be 1 (one slope for all) or the 4 channels"),
])
def test_errors_say_what_to_change(layer: dict[str, Any], message: str) -> None:
    errors = analyze(design([layer])).errors
    assert len(errors) == 1 and errors[0][0] == "layers[0]" and message in errors[0][1]


def test_a_design_of_every_new_kind_exports_and_loads_its_weights(tmp_path: Path) -> None:
    d = design([
        {"type": "ZeroPad2d", "padding": 1}, {"type": "Conv2d", "out_channels": 8, "kernel_size": 3},
        {"type": "LayerNorm2d", "eps": 1e-6}, {"type": "PReLU", "num_parameters": 8}, {"type": "ChannelShuffle", "groups": 2},
        {"type": "ChannelSlice", "start": 0, "stop": 4}, {"type": "LayerScale"}, {"type": "ReLU6"},
        {"type": "Hardswish"}, {"type": "Hardsigmoid"}, {"type": "Mish"},
        {"type": "StochasticDepth", "p": 0.1, "mode": "row"}, {"type": "Upsample", "scale_factor": 2, "mode": "bilinear"},
        {"type": "PixelShuffle", "upscale_factor": 2}, {"type": "AlphaDropout", "p": 0.1},
        {"type": "Flatten"}, {"type": "Linear", "out_features": 3}])
    analysis = analyze(d)
    assert analysis.ok and analysis.output_shape == (3,)
    source = export_source(d)
    assert "from torchvision.ops import StochasticDepth" in source and "needs torch and torchvision" in source
    assert "class ChannelSlice(nn.Module)" in source and "class LayerScale(nn.Module)" in source
    assert "playground" not in source.split('"""', 2)[2]  # the own modules are copied, not imported
    target = tmp_path / "modern.py"
    target.write_text(source, encoding="utf-8")
    module = load_exported(target)
    exported = getattr(module, class_name_for(d))().eval()
    built = build_model(d).eval()
    exported.load_state_dict(built.state_dict())
    x = torch.randn(2, 4, 8, 8)
    with torch.no_grad():
        assert torch.equal(exported(x), built(x))
    assert sum(p.numel() for p in built.parameters()) == analysis.total_params


def test_a_squeeze_and_excitation_gate_broadcasts_its_channel_factors() -> None:
    d = design([{"type": "Gate", "body": [
        {"type": "AdaptiveAvgPool2d", "output_size": 1}, {"type": "Conv2d", "out_channels": 2, "kernel_size": 1},
        {"type": "ReLU"}, {"type": "Conv2d", "out_channels": 4, "kernel_size": 1}, {"type": "Hardsigmoid"}]}])
    analysis = analyze(d)
    assert analysis.ok and analysis.output_shape == (4, 8, 8)
    assert [r.output_shape for r in analysis.rows][1:] == [(4, 1, 1), (2, 1, 1), (2, 1, 1), (4, 1, 1), (4, 1, 1)]
    assert analysis.rows[0].params == 4 * 2 + 2 + 2 * 4 + 4 and analysis.rows[0].macs == 8 + 8
    model = build_model(d).eval()
    x = torch.randn(2, 4, 8, 8)
    with torch.no_grad():
        gate = model[0]
        assert torch.equal(gate(x), x * gate.body(x))
    assert analysis.rows[0].receptive_field.size == (8, 8)  # after global pooling every value sees it all


def test_a_gate_whose_body_cannot_broadcast_names_both_shapes() -> None:
    d = design([{"type": "Gate", "body": [{"type": "Flatten"}]}])
    ((path, message),) = analyze(d).errors
    assert path == "layers[0]" and message.startswith("the body gives 256, which cannot scale the input 4 x 8 x 8")
    d = design([{"type": "Gate", "body": [{"type": "AdaptiveAvgPool2d", "output_size": 2}]}])
    assert analyze(d).errors[0][1].startswith("the body gives 4 x 2 x 2, which cannot scale the input 4 x 8 x 8")
