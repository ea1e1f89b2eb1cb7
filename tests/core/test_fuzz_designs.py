"""Property tests: whatever a file holds, loading and analysing it ends in a DesignError or a
valid analysis, never another exception; and a valid analysis is what torch computes."""

from __future__ import annotations

import json
import warnings
from typing import Any

import pytest
import torch
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from playground.core.analysis import Analysis, analyze
from playground.core.builder import build_model
from playground.core.design import Design, DesignError, design_from_dict, design_from_json
from playground.core.layers import CATALOGUE
from playground.paths import examples_dir
from test_layers import leaf_cases
from torch_reference import block_modules, count_params, output_shapes_by_hook

KEYS = sorted({p.name for k in CATALOGUE.values() for p in k.params}
              | {"type", "id", "label", "layers", "body", "shortcut", "branches", "format", "version", "input", "name"})
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-3, 70), st.floats(allow_nan=True, allow_infinity=True),
                    st.text(max_size=6), st.sampled_from([*CATALOGUE, "same", "valid", "identity", "zeros"]))
JSON = st.recursive(SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                     st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=4),
                                                                     inner, max_size=5)),
                    max_leaves=20)
SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def load_or_error(data: Any) -> Design | None:
    try:
        return design_from_dict(data)
    except DesignError as exc:
        assert str(exc) and "\n" not in str(exc)
        return None


def analyse_checked(d: Design) -> Analysis:
    """Analyse and, when the design is valid and small, compare with the built torch model."""
    analysis = analyze(d, num_classes=10)
    for row in analysis.rows:
        assert row.error is None or (row.error and "\n" not in row.error)
    if analysis.ok and d.layers and analysis.total_params < 300_000 and analysis.total_macs < 20_000_000:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            model = build_model(d, analysis).eval()
            modules = dict(block_modules(d.layers, model))
            shapes = output_shapes_by_hook(model, torch.randn(2, *d.input), {m: str(p) for p, m in modules.items()})
        assert count_params(model)[0] == analysis.total_params
        for row in analysis.rows:
            assert shapes[str(row.path)] == row.output_shape, row.json_path
    return analysis


@SETTINGS
@given(JSON)
def test_random_json_is_a_design_error_or_a_design(data: Any) -> None:
    d = load_or_error(data)
    if d is not None:
        analyse_checked(d)


@SETTINGS
@given(st.binary(max_size=40) | st.text(max_size=40))
def test_random_text_is_a_design_error(text: Any) -> None:
    raw = text.decode("utf-8", "replace") if isinstance(text, bytes) else text  # undecodable bytes are tested too
    # No text this short can hold the format, version and input a design needs.
    with pytest.raises(DesignError) as error:
        design_from_json(raw)
    assert "\n" not in str(error.value)


def _containers(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path] if isinstance(node, (dict, list)) else []
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else []
    for key, child in items:
        found += _containers(child, path + (key,))
    return found


def _at(node: Any, path: tuple[Any, ...]) -> Any:
    for key in path:
        node = node[key]
    return node


@st.composite
def corrupted_examples(draw: st.DrawFn) -> Any:
    """A small shipped example with a few random edits: values replaced, keys dropped or added,
    list items removed or duplicated, types swapped."""
    name = draw(st.sampled_from(["lenet5", "resnet_mini", "inception_mini", "nin_mini", "mnist_cnn", "vgg_mini"]))
    data = json.loads((examples_dir() / f"{name}.json").read_text(encoding="utf-8"))
    for _ in range(draw(st.integers(1, 3))):
        target = _at(data, draw(st.sampled_from(_containers(data))))
        op = draw(st.sampled_from(["set", "delete", "duplicate", "type"]))
        if isinstance(target, dict):
            key = draw(st.sampled_from(sorted(target) + KEYS))
            if op == "delete" and key in target:
                del target[key]
            elif op == "type":
                target["type"] = draw(st.sampled_from(sorted(CATALOGUE)))
            else:
                target[key] = draw(JSON)
        elif target:
            index = draw(st.integers(0, len(target) - 1))
            if op == "delete":
                del target[index]
            elif op == "duplicate":
                target.insert(index, json.loads(json.dumps(target[index])))
            else:
                target[index] = draw(JSON)
    return data


@SETTINGS
@given(corrupted_examples())
def test_corrupted_examples_give_an_error_or_a_true_analysis(data: Any) -> None:
    d = load_or_error(data)
    if d is not None:
        analyse_checked(d)


@st.composite
def random_designs(draw: st.DrawFn, depth: int = 0) -> list[dict[str, Any]]:
    """Layer lists of catalogue blocks with params in range, composites nested up to twice."""
    layers = []
    for _ in range(draw(st.integers(0 if depth else 1, 4))):
        choice = draw(st.integers(0, 6)) if depth < 2 else 0
        if choice == 4:
            layers.append({"type": "Sequential", "layers": draw(random_designs(depth + 1))})
        elif choice == 5:
            shortcut = draw(st.one_of(st.just("identity"), random_designs(depth + 1)))
            layers.append({"type": "Residual", "body": draw(random_designs(depth + 1)), "shortcut": shortcut})
        elif choice == 6:
            layers.append({"type": "Concat", "branches": draw(st.lists(random_designs(depth + 1), min_size=1, max_size=3))})
        else:
            type_name, params, _ = draw(leaf_cases())
            layers.append({"type": type_name, **params})
    return layers


@SETTINGS
@given(random_designs(), st.tuples(st.integers(1, 4), st.integers(1, 16), st.integers(1, 16)))
def test_random_designs_analyse_as_torch_runs_them(layers: list[dict[str, Any]], shape: tuple[int, int, int]) -> None:
    d = design_from_dict({"format": "cnn-playground.design", "version": 1, "input": list(shape), "layers": layers})
    analyse_checked(d)
