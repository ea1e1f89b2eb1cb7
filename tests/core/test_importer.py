"""Importing torchvision's modern CNNs: the same parameters, FLOPs and outputs as torchvision.

For each model the imported design must have torchvision's parameter count; its MACs
must equal FlopCounterMode's count of torchvision's eval forward at 224x224 (FLOPs / 2;
both count only convolutions and matrix products, so BatchNorm, activations, the
Residual adds and the Gate multiplies count zero on both sides and nothing is left to
explain); and the app's module, with torchvision's tensors copied in, must give
torchvision's outputs. The models are built with weights=None and seeded; the output
check runs at 64x64 (the layers do not depend on the size), the FLOP check on the meta
device, so the whole file takes seconds.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
import torch
import torch.nn as nn
from torch.utils.flop_counter import FlopCounterMode
from torchvision import models

from playground.core.analysis import analyze
from playground.core.builder import build_model
from playground.core.design import Block, Design, load_design, walk, without_ids
from playground.core.importer import ImportFailure, import_module
from playground.paths import examples_dir

MODELS = ["resnet50", "mobilenet_v2", "densenet121", "efficientnet_b0", "shufflenet_v2_x1_0", "convnext_tiny"]
EXAMPLE_FILES = {"resnet50": "resnet50", "mobilenet_v2": "mobilenet_v2", "densenet121": "densenet121",
                 "efficientnet_b0": "efficientnet_b0", "shufflenet_v2_x1_0": "shufflenet_v2",
                 "convnext_tiny": "convnext_tiny"}


def _seeded(name: str) -> nn.Module:
    """torchvision's model with random weights and statistics far from their defaults, so a
    running_mean swapped with a running_var, or a LayerScale left at 1e-6, would show."""
    torch.manual_seed(0)
    model = models.get_model(name, weights=None).eval()
    with torch.no_grad():
        for key, tensor in model.state_dict().items():
            if not tensor.is_floating_point():
                continue
            if key.endswith("running_var") or (tensor.dim() == 1 and key.endswith("weight")):
                tensor.uniform_(0.5, 1.5)
            elif key.endswith("running_mean") or key.endswith("bias"):
                tensor.uniform_(-0.2, 0.2)
            elif "layer_scale" in key:
                tensor.uniform_(0.2, 0.5)
    return model


@pytest.mark.parametrize("name", MODELS)
def test_imported_model_gives_torchvisions_parameters_and_outputs(name: str) -> None:
    model = _seeded(name)
    imported = import_module(model, (3, 64, 64), name)
    analysis = analyze(imported.design)
    assert analysis.ok
    assert analysis.total_params == sum(p.numel() for p in model.parameters())
    net = build_model(imported.design, analysis).eval()
    net.load_state_dict(imported.state_dict(model.state_dict()))  # strict: every key of the design
    x = torch.randn(2, 3, 64, 64)
    with torch.no_grad():
        expected, got = model(x), net(x)
    assert got.shape == expected.shape == (2, 1000)
    torch.testing.assert_close(got, expected, rtol=1e-4, atol=1e-4 * float(expected.abs().max()))


@pytest.mark.parametrize("name", MODELS)
def test_imported_macs_equal_flop_counter_at_224_and_the_example_is_the_import(name: str) -> None:
    with torch.device("meta"):
        model = models.get_model(name, weights=None).eval()
    with FlopCounterMode(display=False) as counter:
        model(torch.empty(1, 3, 224, 224, device="meta"))
    imported = import_module(model, (3, 224, 224), name)
    analysis = analyze(imported.design)
    assert 2 * analysis.total_macs == counter.get_total_flops()
    assert analysis.total_params == sum(p.numel() for p in model.parameters())
    shipped = load_design(examples_dir() / f"{EXAMPLE_FILES[name]}.json")
    assert shipped.input == (3, 224, 224)
    assert [without_ids(b) for b in shipped.layers] == [without_ids(b) for b in imported.design.layers]


def _types(design: Design) -> list[str]:
    return [b.type for _, b in walk(design)]


def _blocks(design: Design, kind: str) -> list[Block]:
    return [b for _, b in walk(design) if b.type == kind]


def _meta(name: str, **kwargs: Any) -> nn.Module:
    with torch.device("meta"):
        return models.get_model(name, weights=None, **kwargs)


def test_blocks_nest_where_the_model_nests() -> None:
    resnet = import_module(_meta("resnet18"), (3, 64, 64), "resnet18").design
    residuals = _blocks(resnet, "Residual")
    assert len(residuals) == 8 and residuals[0].label == "BasicBlock (layer1.0)"
    assert residuals[0].children[1] == ()  # identity shortcut
    assert [b.type for b in residuals[2].children[1]] == ["Conv2d", "BatchNorm2d"]  # layer2.0's downsample
    layer1 = next(b for b in resnet.layers if b.label == "Sequential (layer1)")
    assert [b.label for b in layer1.children[0]] == ["BasicBlock (layer1.0)", "BasicBlock (layer1.1)"]
    assert resnet.layers[0].id == "conv1" and _types(resnet)[-2:] == ["Flatten", "Linear"]

    mobilenet = import_module(_meta("mobilenet_v2"), (3, 64, 64), "mobilenet_v2").design
    assert len(_blocks(mobilenet, "Residual")) == 10  # the InvertedResiduals with use_res_connect
    assert "ReLU6" in _types(mobilenet)

    efficientnet = import_module(_meta("efficientnet_b0"), (3, 64, 64), "efficientnet_b0").design
    gates = _blocks(efficientnet, "Gate")
    assert len(gates) == 16 and gates[0].label.startswith("SqueezeExcitation (")
    assert [b.type for b in gates[0].children[0]] == ["AdaptiveAvgPool2d", "Conv2d", "SiLU", "Conv2d", "Sigmoid"]
    assert len(_blocks(efficientnet, "StochasticDepth")) == 9


def test_densenet_shufflenet_and_convnext_read_as_the_apps_blocks() -> None:
    densenet = import_module(_meta("densenet121"), (3, 64, 64), "densenet121").design
    concats = _blocks(densenet, "Concat")
    assert len(concats) == 58 and all(len(c.children) == 2 and c.children[0] == () for c in concats)
    assert concats[0].label == "_DenseLayer (features.denseblock1.denselayer1)"

    shufflenet = import_module(_meta("shufflenet_v2_x1_0"), (3, 64, 64), "shufflenet").design
    split = _blocks(shufflenet, "Concat")[1]  # stage2.1: x1, branch2(x2)
    assert [b.type for b in split.children[0]] == ["ChannelSlice"]
    assert split.children[0][0].params == {"start": 0, "stop": 58}
    assert split.children[1][0].params == {"start": 58, "stop": 116}
    assert len(_blocks(shufflenet, "ChannelShuffle")) == 16

    convnext = import_module(_meta("convnext_tiny"), (3, 64, 64), "convnext_tiny").design
    block = _blocks(convnext, "Residual")[0]
    assert block.label == "CNBlock (features.1.0)"
    inner, scale, depth = block.children[0]
    assert (inner.label, scale.type, depth.type) == ("Sequential (features.1.0.block)", "LayerScale", "StochasticDepth")
    assert [b.type for b in inner.children[0]] == ["Conv2d", "LayerNorm2d", "Conv2d", "GELU", "Conv2d"]
    assert inner.children[0][2].params == {"out_channels": 384, "kernel_size": 1}  # the Linear, as a 1x1 conv
    assert inner.children[0][1].params == {"eps": 1e-6}


class _SharedConv(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.conv = nn.Conv2d(3, 3, 3, padding=1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.conv(self.conv(x))


class _Doubled(nn.Module):
    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x * 2


class _CrossedBranches(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.a = nn.Conv2d(3, 3, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        y = self.a(x)
        return (x + y) + y  # y is used again after its branch met x


@pytest.mark.parametrize(("model", "message"), [
    (_SharedConv(), 'node "conv_1" (call_module torch.nn.Conv2d) in the model\'s own forward (_SharedConv): the '
                    'module is called a second time (first at node "conv"); a design cannot share weights'),
    (_Doubled(), 'node "mul" (call_function operator.mul) in the model\'s own forward (_Doubled): only x * body(x)'),
    (_CrossedBranches(), 'node "add_1" (add) in the model\'s own forward (_CrossedBranches): it joins a value from '
                         "outside the block that splits here"),
])
def test_what_cannot_be_a_design_is_named_in_one_line(model: nn.Module, message: str) -> None:
    with pytest.raises(ImportFailure) as caught:
        import_module(model, (3, 8, 8), "bad")
    assert message in str(caught.value) and "\n" not in str(caught.value)


def test_a_design_built_by_the_app_imports_back_to_its_blocks() -> None:
    d = load_design(examples_dir() / "se_mini.json")
    model = build_model(d).eval()
    imported = import_module(model, d.input, "se_mini")
    leaves = [b for _, b in walk(imported.design) if b.kind.composite is None]
    assert [b.type for b in leaves] == [b.type for _, b in walk(d) if b.kind.composite is None]
    assert [b.type for _, b in walk(imported.design) if b.type in ("Residual", "Gate")] == ["Residual", "Gate", "Gate"]
    net = build_model(imported.design).eval()
    net.load_state_dict(imported.state_dict(model.state_dict()))
    x = torch.randn(2, *d.input)
    with torch.no_grad():
        assert torch.equal(net(x), model(x))
    assert replace(imported.design, layers=()).input == d.input


class _Functional(nn.Module):
    """A forward written with functions rather than modules."""

    def __init__(self) -> None:
        super().__init__()
        self.conv = nn.Conv2d(3, 8, 3, padding=1)
        self.up = nn.Conv2d(4, 4, 1)
        self.fc = nn.Linear(8, 5)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = nn.functional.relu6(self.conv(x))
        x = nn.functional.max_pool2d(x, 2)
        x = nn.functional.avg_pool2d(x, kernel_size=3, stride=1, padding=1)
        a, b = x.chunk(2, dim=1)
        b = nn.functional.interpolate(self.up(nn.functional.max_pool2d(b, 2)), scale_factor=2, mode="nearest")
        x = torch.cat([a, nn.functional.hardswish(b)], dim=1).contiguous()
        x = x * torch.sigmoid(x.mean((2, 3), keepdim=True))
        return self.fc(torch.flatten(nn.functional.adaptive_avg_pool2d(x, 1), 1))


def test_functions_of_a_forward_become_their_blocks() -> None:
    torch.manual_seed(0)
    model = _Functional().eval()
    imported = import_module(model, (3, 8, 8), "functional")
    types = _types(imported.design)
    for kind in ("ReLU6", "MaxPool2d", "AvgPool2d", "ChannelSlice", "Upsample", "Hardswish", "Concat", "Gate",
                 "AdaptiveAvgPool2d", "Sigmoid", "Flatten", "Linear"):
        assert kind in types, kind
    net = build_model(imported.design).eval()
    net.load_state_dict(imported.state_dict(model.state_dict()))
    x = torch.randn(2, 3, 8, 8)
    with torch.no_grad():
        torch.testing.assert_close(net(x), model(x))
