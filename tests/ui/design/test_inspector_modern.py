"""The inspector builds its fields for the modern kinds from their catalogue Params, like any other."""

from __future__ import annotations

from playground.core.design import design_from_dict, get_block
from playground.ui.design.inspector import BlockInspector
from playground.ui.design.inspector_fields import ChoiceField, FloatField, IntField, OptionalPairField, PairField
from playground.ui.state.document import DesignDocument

MODERN = {"format": "cnn-playground.design", "version": 1, "input": [8, 8, 8], "layers": [
    {"type": "ZeroPad2d", "id": "pad", "padding": 1},
    {"type": "PReLU", "id": "prelu", "num_parameters": 8},
    {"type": "Upsample", "id": "up", "scale_factor": 2, "mode": "bilinear"},
    {"type": "StochasticDepth", "id": "depth", "p": 0.1, "mode": "row"},
    {"type": "ChannelSlice", "id": "slice", "start": 0, "stop": 4},
    {"type": "LayerScale", "id": "scale"},
    {"type": "Gate", "id": "gate", "body": [{"type": "AdaptiveAvgPool2d", "id": "squeeze", "output_size": 1},
                                            {"type": "Hardsigmoid", "id": "hs"}]}]}


def test_modern_kinds_get_fields_from_their_params(qtbot) -> None:
    document = DesignDocument(design_from_dict(MODERN))
    inspector = BlockInspector(document)
    qtbot.addWidget(inspector)
    inspector.resize(360, 900)
    inspector.show()
    qtbot.waitExposed(inspector)
    document.select("pad")
    assert isinstance(inspector.fields["padding"], PairField)
    document.select("prelu")
    assert isinstance(inspector.fields["num_parameters"], IntField) and isinstance(inspector.fields["init"], FloatField)
    document.select("up")
    fields = inspector.fields
    assert isinstance(fields["size"], OptionalPairField) and isinstance(fields["scale_factor"], OptionalPairField)
    assert fields["size"].auto.text() == "unset" and fields["size"].auto.isChecked()  # not "= kernel size"
    assert not fields["scale_factor"].auto.isChecked() and fields["scale_factor"].value() == 2
    assert [fields["mode"].combo.itemText(i) for i in range(4)] == ["nearest", "nearest-exact", "bilinear", "bicubic"]
    document.select("depth")
    assert isinstance(inspector.fields["mode"], ChoiceField) and inspector.fields["mode"].combo.currentText() == "row"
    document.select("slice")
    assert inspector.fields["stop"].spin.value() == 4
    document.select("scale")
    assert inspector.fields["init_value"].spin.value() > 0
    document.select("gate")
    text = inspector.findChild(object, "inspectorExplanation").text()
    assert "squeeze-and-excitation" in text
    assert get_block(document.design, (6,)).kind.composite.editor_hint
