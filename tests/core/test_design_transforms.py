"""Property tests of the editor's pure design transforms: wrap in a composite, ungroup,
add and remove a branch, and the inspector's rule for setting a parameter."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from playground.core.analysis import analyze
from playground.core.design import (
    Design, DesignError, add_branch, block_to_dict, can_ungroup, can_wrap_in, design_from_dict, edit_param,
    get_block, get_list, has_branches, remove_branch, ungroup, walk, wrap)
from playground.core.layers import CATALOGUE
from test_fuzz_designs import random_designs

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
WRAPPERS = [name for name in CATALOGUE if can_wrap_in(name)]


@st.composite
def designs_with_a_path(draw: st.DrawFn) -> tuple[Design, tuple[int, ...]]:
    layers = draw(random_designs())
    d = design_from_dict({"format": "cnn-playground.design", "version": 1, "input": [2, 12, 12], "layers": layers})
    paths = [p for p, _ in walk(d)]
    return d, draw(st.sampled_from(paths))


def ids(d: Design) -> list[str]:
    return [b.id for _, b in walk(d)]


def test_sequential_residual_and_gate_wrap_the_rest_do_not() -> None:
    assert WRAPPERS == ["Sequential", "Residual", "Gate"]


@SETTINGS
@given(designs_with_a_path(), st.sampled_from(WRAPPERS))
def test_wrapping_puts_the_block_first_in_a_new_composite_and_keeps_every_id(case: Any, kind: str) -> None:
    d, path = case
    block = get_block(d, path)
    wrapped = wrap(d, path, kind)
    wrapper = get_block(wrapped, path)
    assert wrapper.type == kind and wrapper.children[0] == (block,)
    assert all(child == () for child in wrapper.children[1:])  # a Residual's shortcut is the identity
    assert set(ids(wrapped)) == set(ids(d)) | {wrapper.id} and len(set(ids(wrapped))) == len(ids(wrapped))
    siblings, before = get_list(wrapped, path[:-1]), get_list(d, path[:-1])
    assert siblings[:path[-1]] + siblings[path[-1] + 1:] == before[:path[-1]] + before[path[-1] + 1:]


@SETTINGS
@given(designs_with_a_path())
def test_ungroup_undoes_wrap_in_sequential_and_the_numbers_stay(case: Any) -> None:
    d, path = case
    grouped = wrap(d, path, "Sequential")
    assert ungroup(grouped, path) == d
    before, after = analyze(d), analyze(grouped)
    assert (after.output_shape, after.total_params, after.total_macs) == (
        before.output_shape, before.total_params, before.total_macs)
    assert len(after.errors) == len(before.errors)


@SETTINGS
@given(designs_with_a_path())
def test_ungroup_puts_a_groups_blocks_in_its_place(case: Any) -> None:
    d, path = case
    block = get_block(d, path)
    if not can_ungroup(block):
        with pytest.raises(DesignError, match="only a group can be ungrouped"):
            ungroup(d, path)
        return
    flat = ungroup(d, path)
    siblings = get_list(d, path[:-1])
    assert get_list(flat, path[:-1]) == siblings[:path[-1]] + block.children[0] + siblings[path[-1] + 1:]


@SETTINGS
@given(designs_with_a_path(), st.sampled_from(sorted(set(CATALOGUE) - set(WRAPPERS))))
def test_other_kinds_do_not_wrap(case: Any, kind: str) -> None:
    d, path = case
    with pytest.raises(DesignError, match=f"cannot be wrapped in {kind}"):
        wrap(d, path, kind)


@SETTINGS
@given(designs_with_a_path(), st.data())
def test_a_branch_added_then_removed_leaves_the_design_as_it_was(case: Any, data: st.DataObject) -> None:
    d, path = case
    block = get_block(d, path)
    if not has_branches(block):
        with pytest.raises(DesignError, match="only Concat has branches"):
            add_branch(d, path)
        with pytest.raises(DesignError, match="only Concat has branches"):
            remove_branch(d, path, 0)
        return
    more = add_branch(d, path)
    assert get_block(more, path).children == block.children + ((),)
    assert remove_branch(more, path, len(block.children)) == d
    branch = data.draw(st.integers(0, len(block.children) - 1))
    if len(block.children) == 1:
        with pytest.raises(DesignError, match="keeps at least one branch"):
            remove_branch(d, path, branch)
    else:
        fewer = get_block(remove_branch(d, path, branch), path)
        assert fewer.children == block.children[:branch] + block.children[branch + 1:]


@st.composite
def a_leaf_param(draw: st.DrawFn) -> tuple[Design, tuple[int, ...], str]:
    d, path = draw(designs_with_a_path())
    block = get_block(d, path)
    assume(block.kind.params)
    return d, path, draw(st.sampled_from([p.name for p in block.kind.params]))


@SETTINGS
@given(a_leaf_param())
def test_setting_a_parameter_to_its_default_drops_it_and_setting_it_back_restores(case: Any) -> None:
    d, path, name = case
    block = get_block(d, path)
    param = block.kind.param(name)
    if param.required:
        assert edit_param(d, path, name, block.params[name]) == d
        return
    reset = get_block(edit_param(d, path, name, param.default), path)
    assert name not in reset.params and name not in block_to_dict(reset)
    assert reset.resolved_params()[name] == param.default
    assert edit_param(d, path, name, None) == edit_param(d, path, name, param.default)
    if name in block.params and block.params[name] != param.default:
        assert edit_param(edit_param(d, path, name, param.default), path, name, block.params[name]) == d


def test_a_group_wrapped_in_a_group_keeps_its_id() -> None:
    d = design_from_dict({"format": "cnn-playground.design", "version": 1, "input": [1, 4, 4],
                          "layers": [{"type": "Sequential", "id": "sequential1", "layers": [{"type": "ReLU"}]}]})
    wrapped = wrap(d, (0,), "Sequential")
    assert get_block(wrapped, (0, 0, 0)) == get_block(d, (0,))
    assert get_block(wrapped, (0,)).id == "sequential2"
