"""The catalogue and the closed-form arithmetic of every layer kind, checked against torch."""

from __future__ import annotations

import inspect
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from playground.core.formulas import BlockError
from playground.core.layers import has_formula, leaf_result
from playground.core.layers import (
    CATALOGUE, GROUPS, animatable_kinds, composite_kinds, convolution_kinds, kind, kinds_in_group, make_module, torch_call)
from torch_reference import leaf_facts, torch_refuses

LEAF_KINDS = [k.name for k in CATALOGUE.values() if not k.composite]

# (type, params, incoming per-sample shape): every kind, with its options exercised.
CASES: list[tuple[str, dict[str, Any], tuple[int, ...]]] = [
    ("Conv2d", {"out_channels": 6, "kernel_size": 5, "padding": 2}, (1, 28, 28)),
    ("Conv2d", {"out_channels": 8, "kernel_size": [3, 5], "stride": [2, 1], "padding": [1, 0], "dilation": [1, 2]}, (4, 11, 13)),
    ("Conv2d", {"out_channels": 6, "kernel_size": 3, "groups": 3, "bias": False}, (3, 9, 9)),
    ("Conv2d", {"out_channels": 4, "kernel_size": 4, "padding": "same", "dilation": 2}, (2, 7, 6)),
    ("Conv2d", {"out_channels": 4, "kernel_size": 3, "padding": "valid"}, (2, 7, 6)),
    ("Conv2d", {"out_channels": 2, "kernel_size": 3, "padding": 2, "padding_mode": "reflect"}, (2, 5, 5)),
    ("Conv2d", {"out_channels": 2, "kernel_size": 3, "padding": 1, "padding_mode": "replicate"}, (2, 5, 5)),
    ("Conv2d", {"out_channels": 2, "kernel_size": 5, "padding": "same", "padding_mode": "circular"}, (2, 5, 5)),
    ("ConvTranspose2d", {"out_channels": 3, "kernel_size": 4, "stride": 2, "padding": 1}, (6, 7, 7)),
    ("ConvTranspose2d", {"out_channels": 4, "kernel_size": 3, "stride": 2, "output_padding": 1, "groups": 2,
                         "dilation": 2, "bias": False}, (2, 5, 4)),
    ("MaxPool2d", {"kernel_size": 2}, (3, 9, 9)),
    ("MaxPool2d", {"kernel_size": 3, "stride": 2, "padding": 1, "dilation": 2, "ceil_mode": True}, (3, 10, 11)),
    ("MaxPool2d", {"kernel_size": 3, "stride": 2, "ceil_mode": True}, (1, 2, 2)),
    ("AvgPool2d", {"kernel_size": 2, "stride": 2}, (6, 28, 28)),
    ("AvgPool2d", {"kernel_size": [3, 2], "stride": [2, 1], "padding": [1, 1], "ceil_mode": True,
                   "count_include_pad": False}, (2, 7, 8)),
    ("AdaptiveAvgPool2d", {"output_size": 1}, (16, 7, 7)),
    ("AdaptiveAvgPool2d", {"output_size": [6, 4]}, (3, 13, 3)),
    ("AdaptiveMaxPool2d", {"output_size": 2}, (3, 5, 5)),
    ("BatchNorm2d", {}, (5, 4, 4)),
    ("BatchNorm2d", {"affine": False, "eps": 0.001, "momentum": 0.2}, (5, 4, 4)),
    ("BatchNorm1d", {}, (12,)),
    ("BatchNorm1d", {"affine": False, "track_running_stats": False}, (12,)),
    ("LayerNorm", {}, (3, 4, 5)),
    ("LayerNorm", {"bias": False}, (7,)),
    ("LayerNorm", {"elementwise_affine": False}, (3, 4, 5)),
    ("InstanceNorm2d", {}, (3, 4, 4)),
    ("InstanceNorm2d", {"affine": True, "track_running_stats": True}, (3, 4, 4)),
    ("GroupNorm", {"num_groups": 2}, (6, 3, 3)),
    ("GroupNorm", {"num_groups": 3, "affine": False}, (6, 3, 3)),
    ("LocalResponseNorm", {"size": 5}, (8, 3, 3)),
    ("LocalResponseNorm", {"size": 2, "alpha": 0.001, "beta": 0.5, "k": 2.0}, (8, 3, 3)),
    ("ReLU", {}, (3, 4, 4)),
    ("LeakyReLU", {"negative_slope": 0.2}, (10,)),
    ("ELU", {"alpha": 0.5}, (3, 4, 4)),
    ("GELU", {"approximate": "tanh"}, (3, 4, 4)),
    ("SiLU", {}, (3, 4, 4)),
    ("Sigmoid", {}, (10,)),
    ("Tanh", {}, (3, 4, 4)),
    ("Softmax", {}, (10,)),
    ("Softmax", {"dim": -1}, (3, 4, 5)),
    ("LogSoftmax", {"dim": 1}, (10,)),
    ("Dropout", {"p": 0.3}, (3, 4, 4)),
    ("Dropout2d", {"p": 0.1}, (3, 4, 4)),
    ("Flatten", {}, (16, 5, 5)),
    ("Flatten", {"start_dim": 2}, (16, 5, 5)),
    ("Flatten", {"start_dim": 1, "end_dim": 2}, (16, 5, 5)),
    ("Flatten", {}, (10,)),
    ("Identity", {}, (3, 4, 4)),
    ("Linear", {"out_features": 10}, (400,)),
    ("Linear", {"out_features": 3, "bias": False}, (7,)),
    ("ReLU6", {}, (3, 4, 4)),
    ("Hardswish", {}, (3, 4, 4)),
    ("Hardsigmoid", {}, (10,)),
    ("PReLU", {}, (3, 4, 4)),
    ("PReLU", {"num_parameters": 3, "init": 0.1}, (3, 4, 4)),
    ("PReLU", {"num_parameters": 10}, (10,)),
    ("Mish", {}, (3, 4, 4)),
    ("ZeroPad2d", {"padding": 2}, (3, 4, 5)),
    ("ZeroPad2d", {"padding": [1, 3]}, (3, 4, 5)),
    ("Upsample", {"scale_factor": 2}, (3, 4, 5)),
    ("Upsample", {"scale_factor": [3, 2], "mode": "bilinear"}, (3, 4, 5)),
    ("Upsample", {"size": [7, 9], "mode": "nearest-exact"}, (3, 4, 5)),
    ("Upsample", {"size": 6, "mode": "bicubic"}, (2, 4, 4)),
    ("PixelShuffle", {"upscale_factor": 2}, (8, 3, 4)),
    ("ChannelShuffle", {"groups": 2}, (6, 3, 3)),
    ("ChannelSlice", {"start": 0, "stop": 2}, (4, 3, 3)),
    ("ChannelSlice", {"start": 3, "stop": 7}, (8,)),
    ("LayerNorm2d", {}, (4, 3, 3)),
    ("LayerNorm2d", {"eps": 1e-6, "bias": False}, (4, 3, 3)),
    ("LayerNorm2d", {"elementwise_affine": False}, (4, 3, 3)),
    ("LayerScale", {}, (4, 3, 3)),
    ("LayerScale", {"init_value": 0.5}, (4, 3, 3)),
    ("StochasticDepth", {"p": 0.2, "mode": "row"}, (4, 3, 3)),
    ("StochasticDepth", {"p": 0.5, "mode": "batch"}, (10,)),
    ("AlphaDropout", {"p": 0.2}, (3, 4, 4)),
]


def test_every_leaf_kind_has_a_case_and_a_formula() -> None:
    assert {c[0] for c in CASES} == set(LEAF_KINDS)
    assert all(has_formula(name) for name in LEAF_KINDS)


@pytest.mark.parametrize(("type_name", "params", "shape"), CASES,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_formula_equals_the_built_torch_module(type_name: str, params: dict[str, Any], shape: tuple[int, ...]) -> None:
    facts = leaf_facts(type_name, params, shape)
    result = leaf_result(type_name, params, shape)
    assert result.output_shape == facts.output_shape
    assert result.params == facts.params == facts.trainable
    assert result.macs == facts.macs  # FlopCounterMode's FLOPs / 2 per sample


def test_catalogue_groups_and_lookup() -> None:
    assert {k.group for k in CATALOGUE.values()} <= set(GROUPS)
    assert sum(len(kinds_in_group(g)) for g in GROUPS) == len(CATALOGUE)
    assert kind("Conv2d").name == "Conv2d"
    with pytest.raises(KeyError):
        kind("Conv3d")
    for composite in ("Sequential", "Residual", "Concat", "Gate"):
        assert kind(composite).composite and kind(composite).call is None
        with pytest.raises(ValueError, match="composite"):
            make_module(composite, {}, (1, 4, 4))


# torch's Softmax(dim=None) guesses the dim (deprecated); the catalogue says 1 and passes it.
DELIBERATE_DEFAULTS = {("Softmax", "dim"), ("LogSoftmax", "dim")}


@pytest.mark.parametrize("type_name", LEAF_KINDS)
def test_params_carry_torch_names_and_defaults(type_name: str) -> None:
    entry = kind(type_name)
    type_name_, params, shape = next(case for case in CASES if case[0] == type_name)
    torch_class = torch_call(type_name_, params, shape).module_class()
    assert torch_class.__name__ == type_name  # the JSON keeps torch's (or torchvision's) name
    signature = inspect.signature(torch_class.__init__).parameters
    for p in entry.params:
        assert p.name in signature, f"{type_name}.{p.name} is not a torch argument"
        if not p.required and (type_name, p.name) not in DELIBERATE_DEFAULTS:
            assert signature[p.name].default == p.default, f"{type_name}.{p.name}"
    for size in ("in_channels", "in_features", "num_features", "normalized_shape", "num_channels"):
        assert size not in {p.name for p in entry.params}


@pytest.mark.parametrize("type_name", list(CATALOGUE))
def test_explanations_are_short_and_readable(type_name: str) -> None:
    text = kind(type_name).explanation
    sentences = [s for s in text.replace("e.g.", "eg").split(". ") if s.strip()]
    assert 1 <= len(sentences) <= 4 and len(text) < 500


def test_required_params_have_starters_that_build() -> None:
    for name in LEAF_KINDS:
        entry = kind(name)
        starters = entry.starter_params()
        assert set(starters) == {p.name for p in entry.params if p.required or p.starter is not None}
        assert {p.name for p in entry.params if p.required} <= set(starters)
        shape = (16,) if name in ("Linear", "BatchNorm1d") else (4, 8, 8)
        assert leaf_result(name, starters, shape).output_shape


def test_torch_call_reads_like_the_docs() -> None:
    call = torch_call("Conv2d", {"out_channels": 6, "kernel_size": [5, 5], "padding": 2}, (1, 28, 28))
    assert (call.class_name, call.args, call.kwargs) == ("Conv2d", (1, 6), {"kernel_size": (5, 5), "padding": 2})
    assert torch_call("GroupNorm", {"num_groups": 2}, (6, 3, 3)).args == (2, 6)
    assert torch_call("LayerNorm", {}, (3, 4, 5)).args == ([3, 4, 5],)
    assert torch_call("Linear", {"out_features": 10}, (400,)).args == (400, 10)
    assert torch_call("Softmax", {}, (10,)).kwargs == {"dim": 1}


# ---------------------------------------------------------------- property: formula == torch

_SMALL_PAIR = st.one_of(st.integers(1, 4), st.lists(st.integers(1, 4), min_size=2, max_size=2))
_PAD_PAIR = st.one_of(st.integers(0, 3), st.lists(st.integers(0, 3), min_size=2, max_size=2))
_MAP = st.tuples(st.integers(1, 6), st.integers(1, 10), st.integers(1, 10))
_FLAT = st.tuples(st.integers(1, 12))


def _optional(draw: st.DrawFn, params: dict[str, Any], name: str, strategy: st.SearchStrategy[Any]) -> None:
    if draw(st.booleans()):
        params[name] = draw(strategy)


@st.composite
def leaf_cases(draw: st.DrawFn) -> tuple[str, dict[str, Any], tuple[int, ...]]:
    """A kind, params inside the catalogue's ranges, and a shape of the kind's domain."""
    name = draw(st.sampled_from(LEAF_KINDS))
    p: dict[str, Any] = {}
    if name in ("Conv2d", "ConvTranspose2d"):
        p["out_channels"] = draw(st.integers(1, 6))
        p["kernel_size"] = draw(_SMALL_PAIR)
        _optional(draw, p, "stride", _SMALL_PAIR)
        _optional(draw, p, "dilation", _SMALL_PAIR)
        _optional(draw, p, "groups", st.integers(1, 3))
        _optional(draw, p, "bias", st.booleans())
        if name == "Conv2d":
            _optional(draw, p, "padding", st.one_of(_PAD_PAIR, st.sampled_from(["same", "valid"])))
            _optional(draw, p, "padding_mode", st.sampled_from(["zeros", "reflect", "replicate", "circular"]))
        else:
            _optional(draw, p, "padding", _PAD_PAIR)
            _optional(draw, p, "output_padding", _PAD_PAIR)
    elif name in ("MaxPool2d", "AvgPool2d"):
        p["kernel_size"] = draw(_SMALL_PAIR)
        _optional(draw, p, "stride", st.one_of(st.none(), _SMALL_PAIR))
        _optional(draw, p, "padding", _PAD_PAIR)
        _optional(draw, p, "ceil_mode", st.booleans())
        if name == "MaxPool2d":
            _optional(draw, p, "dilation", _SMALL_PAIR)
    elif name.startswith("Adaptive"):
        p["output_size"] = draw(_SMALL_PAIR)
    elif name in ("BatchNorm2d", "BatchNorm1d", "InstanceNorm2d", "GroupNorm"):
        _optional(draw, p, "affine", st.booleans())
        if name == "GroupNorm":
            p["num_groups"] = draw(st.integers(1, 4))
    elif name == "LayerNorm":
        _optional(draw, p, "elementwise_affine", st.booleans())
        _optional(draw, p, "bias", st.booleans())
    elif name == "LocalResponseNorm":
        p["size"] = draw(st.integers(1, 6))
    elif name in ("Softmax", "LogSoftmax"):
        p["dim"] = draw(st.integers(-4, 3))
    elif name == "Flatten":
        _optional(draw, p, "start_dim", st.integers(1, 3))
        _optional(draw, p, "end_dim", st.integers(-1, 3))
    elif name == "Linear":
        p["out_features"] = draw(st.integers(1, 8))
        _optional(draw, p, "bias", st.booleans())
    elif name == "PReLU":
        _optional(draw, p, "num_parameters", st.integers(1, 6))
    elif name == "ZeroPad2d":
        p["padding"] = draw(_PAD_PAIR)
    elif name == "Upsample":
        if draw(st.booleans()):
            p["size"] = draw(_SMALL_PAIR)
        if draw(st.booleans()):
            p["scale_factor"] = draw(_SMALL_PAIR)
        _optional(draw, p, "mode", st.sampled_from(["nearest", "nearest-exact", "bilinear", "bicubic"]))
    elif name == "PixelShuffle":
        p["upscale_factor"] = draw(st.integers(1, 3))
    elif name == "ChannelShuffle":
        p["groups"] = draw(st.integers(1, 4))
    elif name == "ChannelSlice":
        p["start"] = draw(st.integers(0, 5))
        p["stop"] = draw(st.integers(1, 7))
    elif name == "LayerNorm2d":
        _optional(draw, p, "elementwise_affine", st.booleans())
        _optional(draw, p, "bias", st.booleans())
    elif name == "StochasticDepth":
        p["p"] = draw(st.sampled_from([0.0, 0.3, 1.0]))
        p["mode"] = draw(st.sampled_from(["row", "batch"]))
    if name in ("Linear", "BatchNorm1d"):
        shape = draw(_FLAT)
    elif name in ("Softmax", "LogSoftmax", "Flatten", "LayerNorm", "Identity", "Dropout", "ReLU", "Tanh",
                  "PReLU", "ChannelSlice", "StochasticDepth", "Hardswish", "AlphaDropout"):
        shape = draw(st.one_of(_MAP, _FLAT))
    else:
        shape = draw(_MAP)
    return name, p, shape


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(leaf_cases())
def test_formula_agrees_with_torch_on_random_blocks(case: tuple[str, dict[str, Any], tuple[int, ...]]) -> None:
    """The closed form refuses exactly what torch refuses, and otherwise gives torch's numbers."""
    type_name, params, shape = case
    try:
        result = leaf_result(type_name, params, shape)
    except BlockError:
        assert torch_refuses(type_name, params, shape), f"torch accepts {type_name}{params} on {shape}"
        return
    facts = leaf_facts(type_name, params, shape)
    assert result.output_shape == facts.output_shape
    assert result.params == facts.params
    assert result.macs == facts.macs


@pytest.mark.parametrize("type_name", list(CATALOGUE))
def test_every_kind_has_its_formula_card_and_capabilities_in_its_entry(type_name: str) -> None:
    entry = kind(type_name)
    assert callable(entry.card)
    assert isinstance(entry.animatable, bool) and isinstance(entry.convolution, bool)
    if entry.composite is None:
        assert entry.closed_form is not None and entry.call is not None and has_formula(type_name)
        assert entry.slots == ()
    else:
        assert entry.closed_form is None and entry.call is None and not has_formula(type_name)
        assert entry.composite.name == type_name and entry.slots == entry.composite.json_keys
        assert not entry.animatable and not entry.convolution


def test_capabilities_name_the_kinds_the_views_need() -> None:
    assert animatable_kinds() == ("Conv2d", "MaxPool2d", "AvgPool2d")
    assert convolution_kinds() == ("Conv2d", "ConvTranspose2d")
    assert [k.name for k in composite_kinds()] == ["Sequential", "Residual", "Concat", "Gate"]
