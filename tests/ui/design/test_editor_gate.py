"""The Gate is drawn like a Residual: its body column, the input's line past it, and × where they meet."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtGui import QImage, QPainter

from playground.core.design import design_from_dict
from playground.ui.design.editor import DesignEditor
from playground.ui.design.editor_layout import BYPASS_W, PAD
from playground.ui.state.document import DesignDocument

GATED = {"format": "cnn-playground.design", "version": 1, "input": [4, 8, 8], "layers": [
    {"type": "Gate", "id": "se", "label": "Squeeze-and-excitation", "body": [
        {"type": "AdaptiveAvgPool2d", "id": "pool", "output_size": 1},
        {"type": "Conv2d", "id": "fc", "out_channels": 4, "kernel_size": 1},
        {"type": "Sigmoid", "id": "gate"}]}]}


def test_a_gate_has_its_body_column_a_bypass_margin_and_a_merge_node(qtbot) -> None:
    editor = DesignEditor(DesignDocument(design_from_dict(GATED)))
    qtbot.addWidget(editor)
    editor.resize(600, 900)
    editor.show()
    qtbot.waitExposed(editor)
    card = editor._layout.cards["se"]
    (column,) = card.columns
    assert [item.block.id for item in column.items] == ["pool", "fc", "gate"]
    assert card.merge is not None and column.caption == "body: the gate"
    assert card.rect.right() - column.rect.right() >= PAD + BYPASS_W  # room for the x line
    image = QImage(editor.viewport().size(), QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    editor.viewport().render(painter, QPoint())
    painter.end()
    assert not image.isNull()
