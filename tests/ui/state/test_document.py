"""The document: every edit is one undo command between immutable states, announced by signals."""

from __future__ import annotations

import pytest

from playground.core.design import design_from_dict, get_block, new_block
from playground.ui.state.document import INPUT_ID, DesignDocument

DESIGN = {
    "format": "cnn-playground.design", "version": 1, "name": "Doc", "input": [1, 28, 28],
    "layers": [
        {"type": "Conv2d", "id": "conv", "out_channels": 6, "kernel_size": 5},
        {"type": "ReLU", "id": "relu"},
        {"type": "Sequential", "id": "seq", "layers": [{"type": "MaxPool2d", "id": "pool", "kernel_size": 2}]},
        {"type": "Flatten", "id": "flat"},
    ],
}


@pytest.fixture
def doc(qapp) -> DesignDocument:
    return DesignDocument(design_from_dict(DESIGN))


def test_signals_follow_an_edit_in_order(qtbot, doc) -> None:
    seen: list[str] = []
    doc.designChanged.connect(lambda d: seen.append("design"))
    doc.analysisChanged.connect(lambda a: seen.append("analysis"))
    doc.selectionChanged.connect(lambda s: seen.append(f"select {s}"))
    doc.modifiedChanged.connect(lambda m: seen.append(f"modified {m}"))
    new_id = doc.insert_block((), 1, new_block("Dropout"))
    assert seen == ["design", "analysis", f"select {new_id}", "modified True"]
    assert doc.analysis.by_id[new_id].output_shape == (6, 24, 24)


def test_a_parameter_gesture_merges_until_sealed_and_a_no_op_leaves_no_step(doc) -> None:
    doc.set_param("conv", "out_channels", 7)
    doc.set_param("conv", "out_channels", 8)
    assert doc.undo_stack.count() == 1
    doc.seal()
    doc.set_param("conv", "out_channels", 9)
    doc.set_param("conv", "out_channels", 8)  # back where this gesture started
    assert doc.undo_stack.count() == 1
    doc.set_param("conv", "kernel_size", 3)
    doc.set_param("conv", "out_channels", 4)  # another parameter: a new step
    assert doc.undo_stack.count() == 3
    doc.undo()
    doc.undo()
    doc.undo()
    assert doc.block("conv").params == {"out_channels": 6, "kernel_size": 5}
    assert not doc.modified


def test_a_value_equal_to_torchs_default_is_dropped_from_the_file(doc) -> None:
    doc.set_param("conv", "stride", 2)
    assert doc.block("conv").params["stride"] == 2
    doc.set_param("conv", "stride", 1)
    assert "stride" not in doc.block("conv").params
    doc.set_param("conv", "kernel_size", 5)  # required: kept even if it were a default
    assert doc.block("conv").params["kernel_size"] == 5


def test_delete_selects_the_neighbour(doc) -> None:
    doc.select("relu")
    doc.remove_block("relu")
    assert doc.selected_id == "seq"
    doc.select("pool")
    doc.remove_block("pool")
    assert doc.selected_id == "seq"  # the enclosing group
    doc.select("flat")
    doc.remove_block("flat")
    assert doc.selected_id == "seq"
    doc.undo()
    assert doc.selected_id == "flat"


def test_wrap_and_ungroup_keep_ids(doc) -> None:
    doc.wrap_block("relu", "Residual")
    res = get_block(doc.design, (1,))
    assert res.type == "Residual" and res.children[0][0].id == "relu" and res.children[1] == ()
    assert doc.selected_id == res.id
    doc.ungroup_block("seq")
    assert [b.id for b in doc.design.layers] == ["conv", res.id, "pool", "flat"]
    doc.undo()
    doc.undo()
    assert [b.id for b in doc.design.layers] == ["conv", "relu", "seq", "flat"]


def test_a_group_wrapped_in_a_group_keeps_its_id_and_only_wrappers_wrap(doc) -> None:
    group = doc.insert_block((), 0, new_block("Sequential"))
    assert group == "sequential1" and doc.wrap_block(group, "Sequential")
    outer = get_block(doc.design, (0,))
    assert outer.id != group and outer.children[0][0].id == group
    assert not doc.wrap_block("conv", "Concat") and not doc.wrap_block("conv", "ReLU")
    assert not doc.ungroup_block("conv")
    assert doc.undo_stack.count() == 2


def test_impossible_edits_say_why(doc) -> None:
    failures: list[str] = []
    doc.editFailed.connect(failures.append)
    assert not doc.move_block("seq", (2, 0), 0)
    assert "into itself" in failures[-1]
    assert not doc.set_input([0, 28, 28])
    assert "input" in failures[-1]
    assert doc.undo_stack.count() == 0


def test_locking_refuses_structural_edits_but_not_names(doc) -> None:
    refused: list[str] = []
    doc.editRefused.connect(refused.append)
    doc.set_locked(True, "Training in progress")
    assert doc.insert_block((), 0, new_block("ReLU")) is None
    assert not doc.remove_block("conv")
    assert not doc.set_input((3, 32, 32))
    doc.undo()
    assert len(refused) == 4 and refused[0] == "Training in progress"
    assert doc.set_label("conv", "first")
    assert doc.set_meta(name="Renamed")
    assert doc.design.layers[0].label == "first" and doc.design.name == "Renamed"
    doc.set_locked(False)
    assert doc.remove_block("conv")


def test_insertion_point_follows_the_selection(doc) -> None:
    assert doc.insertion_point() == ((), 4)
    doc.select(INPUT_ID)
    assert doc.insertion_point() == ((), 0)
    doc.select("pool")
    assert doc.insertion_point() == ((2, 0), 1)


def test_save_marks_clean_and_recovered_designs_start_modified(doc, tmp_path) -> None:
    doc.set_param("conv", "out_channels", 3)
    assert doc.modified
    doc.save(tmp_path / "d.json")
    assert not doc.modified and doc.clean_design == doc.design
    doc.open_design(doc.design, tmp_path / "d.json", modified=True)
    assert doc.modified and doc.undo_stack.count() == 0
    doc.save()
    assert not doc.modified
