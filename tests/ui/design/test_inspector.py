"""The inspector: one proper editor per parameter kind, applied live, undoable per gesture."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from playground.core.design import design_from_dict
from playground.ui.state.document import INPUT_ID, DesignDocument
from playground.ui.design.inspector import BlockInspector
from playground.ui.design.inspector_fields import (BoolField, ChoiceField, FloatField, IntField, OptionalPairField,
                                            PaddingField, PairField)

DESIGN = {
    "format": "cnn-playground.design", "version": 1, "name": "Inspect me", "input": [1, 28, 28],
    "layers": [
        {"type": "Conv2d", "id": "conv", "out_channels": 6, "kernel_size": 5, "padding": 2},
        {"type": "ReLU", "id": "relu"},
        {"type": "MaxPool2d", "id": "pool", "kernel_size": 2},
        {"type": "Dropout", "id": "drop"},
        {"type": "Concat", "id": "cat", "branches": [[], []]},
        {"type": "Flatten", "id": "flat"},
        {"type": "Linear", "id": "fc", "out_features": 10},
    ],
}


@pytest.fixture
def inspector(qtbot) -> BlockInspector:
    widget = BlockInspector(DesignDocument(design_from_dict(DESIGN)))
    qtbot.addWidget(widget)
    widget.resize(360, 900)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def type_into(qtbot, spin, text: str) -> None:
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, text)


def test_each_parameter_kind_gets_its_own_editor(inspector) -> None:
    inspector.document.select("conv")
    fields = inspector.fields
    assert isinstance(fields["out_channels"], IntField)
    assert isinstance(fields["kernel_size"], PairField)
    assert isinstance(fields["padding"], PaddingField)
    assert isinstance(fields["bias"], BoolField)
    assert isinstance(fields["padding_mode"], ChoiceField)
    spin = fields["out_channels"].spin
    assert (spin.minimum(), spin.maximum(), spin.value()) == (1, 4096, 6)
    assert [fields["padding_mode"].combo.itemText(i) for i in range(4)] == ["zeros", "reflect", "replicate", "circular"]
    inspector.document.select("pool")
    assert isinstance(inspector.fields["stride"], OptionalPairField)
    inspector.document.select("drop")
    assert isinstance(inspector.fields["p"], FloatField)
    assert inspector.fields["p"].spin.value() == 0.5
    text = inspector.findChild(object, "inspectorExplanation").text()
    assert "zeroes each value" in text


def test_typing_a_value_updates_shapes_live_and_is_one_undo_step(qtbot, inspector) -> None:
    doc = inspector.document
    doc.select("conv")
    steps = doc.undo_stack.count()
    spin = inspector.fields["out_channels"].spin
    type_into(qtbot, spin, "16")
    assert doc.block("conv").params["out_channels"] == 16
    assert doc.analysis.by_id["conv"].output_shape == (16, 28, 28)
    assert doc.analysis.by_id["fc"].params == 2 * 16 * 14 * 14 * 10 + 10  # the concat doubles channels
    assert doc.undo_stack.count() == steps + 1  # "1" then "16": one gesture, one step
    assert doc.undo_stack.undoText() == "Set out_channels = 16"
    qtbot.keyClick(spin, Qt.Key.Key_Return)  # finishing the edit ends the gesture
    qtbot.keyClick(spin, Qt.Key.Key_Up)
    assert doc.block("conv").params["out_channels"] == 17
    assert doc.undo_stack.count() == steps + 2
    doc.undo()
    assert spin.value() == 16
    doc.undo()
    assert spin.value() == 6 and doc.analysis.by_id["conv"].output_shape == (6, 28, 28)
    doc.redo()
    assert spin.value() == 16


def test_a_kernel_larger_than_the_input_is_allowed_and_shown_as_the_error(qtbot, inspector) -> None:
    doc = inspector.document
    doc.select("conv")
    type_into(qtbot, inspector.fields["kernel_size"].pair.h, "40")
    assert doc.block("conv").params["kernel_size"] == 40
    message = inspector.findChild(object, "inspectorMessage")
    assert message.isVisible() and "larger than its padded input 32x32" in message.text()
    assert "larger than" in doc.analysis.by_id["conv"].error
    doc.undo()
    assert not message.isVisible()
    assert inspector.fields["kernel_size"].pair.h.value() == 5


def test_the_square_toggle_links_height_and_width(qtbot, inspector) -> None:
    doc = inspector.document
    doc.select("conv")
    pair = inspector.fields["kernel_size"].pair
    assert pair.square.isChecked() and not pair.w.isEnabled()
    qtbot.mouseClick(pair.square, Qt.MouseButton.LeftButton)
    assert pair.w.isEnabled()
    type_into(qtbot, pair.w, "3")
    assert doc.block("conv").params["kernel_size"] == [5, 3]
    assert doc.analysis.by_id["conv"].output_shape == (6, 28, 30)
    qtbot.mouseClick(pair.square, Qt.MouseButton.LeftButton)
    assert doc.block("conv").params["kernel_size"] == 5
    assert pair.w.value() == 5


def test_padding_takes_cells_or_same_or_valid(inspector) -> None:
    doc = inspector.document
    doc.select("conv")
    padding = inspector.fields["padding"]
    padding.set_mode("valid")
    assert doc.block("conv").params["padding"] == "valid"
    assert doc.analysis.by_id["conv"].output_shape == (6, 24, 24)
    assert not padding.pair.isVisible() and padding.word.text() == '"valid"'
    padding.set_mode("same")
    assert doc.analysis.by_id["conv"].output_shape == (6, 28, 28)
    padding.set_mode("cells")
    assert doc.block("conv").params["padding"] == 2
    doc.undo()
    assert padding.current_mode == "same"


def test_bool_choice_and_float_fields(qtbot, inspector) -> None:
    doc = inspector.document
    doc.select("conv")
    qtbot.mouseClick(inspector.fields["bias"].box, Qt.MouseButton.LeftButton)
    assert doc.block("conv").params["bias"] is False
    assert doc.analysis.by_id["conv"].params == 150
    combo = inspector.fields["padding_mode"].combo
    combo.setCurrentIndex(1)
    combo.activated.emit(1)
    assert doc.block("conv").params["padding_mode"] == "reflect"
    doc.select("drop")
    type_into(qtbot, inspector.fields["p"].spin, "0.25")
    assert doc.block("drop").params["p"] == 0.25


def test_stride_follows_the_kernel_until_set(qtbot, inspector) -> None:
    doc = inspector.document
    doc.select("pool")
    stride = inspector.fields["stride"]
    assert stride.auto.isChecked() and stride.pair.h.value() == 2 and not stride.pair.isEnabled()
    qtbot.mouseClick(stride.auto, Qt.MouseButton.LeftButton)
    type_into(qtbot, stride.pair.h, "1")
    assert doc.block("pool").params["stride"] == 1
    assert doc.analysis.by_id["pool"].output_shape == (6, 27, 27)
    qtbot.mouseClick(stride.auto, Qt.MouseButton.LeftButton)
    assert "stride" not in doc.block("pool").params
    assert doc.analysis.by_id["pool"].output_shape == (6, 14, 14)


def test_reset_returns_a_parameter_to_torchs_default(qtbot, inspector) -> None:
    doc = inspector.document
    doc.select("conv")
    reset = inspector.findChild(object, "reset_padding")
    assert reset.isVisible()
    assert not inspector.findChild(object, "reset_stride").isVisible()
    qtbot.mouseClick(reset, Qt.MouseButton.LeftButton)
    assert "padding" not in doc.block("conv").params
    assert not reset.isVisible()
    assert doc.analysis.by_id["conv"].output_shape == (6, 24, 24)


def test_the_input_shape_is_edited_on_the_input_block(qtbot, inspector) -> None:
    doc = inspector.document
    doc.select(INPUT_ID)
    channels = inspector.findChild(object, "input_channels")
    type_into(qtbot, channels, "3")
    assert doc.design.input == (3, 28, 28)
    assert doc.analysis.by_id["conv"].params == 6 * 3 * 25 + 6
    assert doc.undo_stack.undoText() == "Set input to 3 × 28 × 28"
    qtbot.mouseClick(inspector.findChild(object, "preset_ImageNet"), Qt.MouseButton.LeftButton)
    assert doc.design.input == (3, 224, 224)
    assert channels.value() == 3 and inspector.findChild(object, "input_height").value() == 224
    doc.undo()
    assert inspector.findChild(object, "input_height").value() == 28


def test_label_and_design_name(qtbot, inspector) -> None:
    doc = inspector.document
    doc.select("conv")
    qtbot.keyClicks(inspector.label_edit, "first conv")
    qtbot.keyClick(inspector.label_edit, Qt.Key.Key_Return)
    assert doc.block("conv").label == "first conv"
    assert doc.undo_stack.undoText() == "Rename block"
    doc.select("")
    inspector.name_edit.setFocus()
    inspector.name_edit.selectAll()
    qtbot.keyClicks(inspector.name_edit, "My net")
    qtbot.keyClick(inspector.name_edit, Qt.Key.Key_Return)
    assert doc.design.name == "My net"


def test_concat_branches_are_added_and_removed(qtbot, inspector) -> None:
    doc = inspector.document
    doc.select("cat")
    qtbot.mouseClick(inspector.findChild(object, "addBranchButton"), Qt.MouseButton.LeftButton)
    assert len(doc.block("cat").children) == 3
    qtbot.mouseClick(inspector.findChild(object, "removeBranchButton"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(inspector.findChild(object, "removeBranchButton"), Qt.MouseButton.LeftButton)
    assert len(doc.block("cat").children) == 1


def test_locked_design_disables_editors_and_says_why(qtbot, inspector) -> None:
    doc = inspector.document
    doc.select("conv")
    doc.set_locked(True, "Training in progress: stop it to edit the network.")
    QApplication.processEvents()
    assert not inspector.fields["out_channels"].isEnabled()
    note = inspector.findChild(object, "inspectorLockNote")
    assert note.isVisible() and "Training in progress" in note.text()
    refused: list[str] = []
    doc.editRefused.connect(refused.append)
    assert not doc.set_param("conv", "out_channels", 9)
    assert refused and doc.block("conv").params["out_channels"] == 6
    doc.set_locked(False)
    assert inspector.fields["out_channels"].isEnabled() and not note.isVisible()


def test_deleting_the_selected_block_builds_the_next_form_once(inspector, monkeypatch) -> None:
    builds = []
    original = BlockInspector._build
    monkeypatch.setattr(BlockInspector, "_build", lambda self: (builds.append(self.document.selected_id),
                                                                original(self))[1])
    inspector.document.select("relu")
    builds.clear()
    inspector.document.remove_block("relu")
    selected = inspector.document.selected_id
    assert selected != "relu" and builds == [selected]  # straight to the new selection's form
    inspector.document.undo_stack.undo()
    assert builds[-1] == "relu" and len(builds) == 2
