"""The inspector's worked sums follow edits; norm layers and activations get their pictures."""

from __future__ import annotations

import base64

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QLabel

from playground.core.design import design_from_dict, load_design
from playground.paths import examples_dir
from playground.ui.design.inspector import BlockInspector
from playground.ui.design.inspector_pictures import ActivationPlot, NormCube, curve_tooltip_html
from playground.ui.design.palette import LayerPalette
from playground.ui.state.document import DesignDocument


def make(qtbot, document: DesignDocument) -> BlockInspector:
    widget = BlockInspector(document)
    qtbot.addWidget(widget)
    widget.resize(360, 1000)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def text_of(inspector: BlockInspector, name: str) -> str:
    return inspector.findChild(QLabel, f"arithmetic_{name}").text()


def test_lenet5_c1_shows_its_own_sums_and_they_follow_an_edit(qtbot) -> None:
    document = DesignDocument(load_design(examples_dir() / "lenet5.json"))
    inspector = make(qtbot, document)
    c1 = document.design.layers[0].id
    document.select(c1)
    assert text_of(inspector, "parameters") == "(5·5·1 + 1)·6 = 156"
    assert text_of(inspector, "output_size") == "(28 + 2·2 − 5)/1 + 1 = 28"
    assert text_of(inspector, "connections") == "117,600 + 28·28·6 = 122,304"
    assert "FLOPs = 2 × MACs" in inspector.findChild(QLabel, "flopsNote").text()
    document.set_param(c1, "stride", 2)
    assert text_of(inspector, "output_size") == "⌊(28 + 2·2 − 5)/2⌋ + 1 = 14"
    document.select(document.design.layers[1].id)  # Sigmoid: no sums, a curve
    assert not inspector.findChild(QLabel, "arithmetic_parameters")
    plot = inspector.findChild(ActivationPlot)
    assert plot is not None and plot.curve.max_slope == pytest.approx(0.25)


@pytest.mark.parametrize("kind", ["BatchNorm2d", "LayerNorm", "InstanceNorm2d", "GroupNorm"])
def test_norm_layers_show_the_cube_and_real_statistics(qtbot, kind: str) -> None:
    extra = {"num_groups": 3} if kind == "GroupNorm" else {}
    document = DesignDocument(design_from_dict({
        "format": "cnn-playground.design", "version": 1, "input": [1, 28, 28],
        "layers": [{"type": "Conv2d", "out_channels": 6, "kernel_size": 3, "bias": False}, {"type": kind, **extra}]}))
    inspector = make(qtbot, document)
    document.select(document.design.layers[1].id)
    cube = inspector.findChild(NormCube)
    assert cube is not None and cube.picture.kind == kind
    words = inspector.findChild(QLabel, "normStatistics").text()
    assert "values per mean" in words and "8 digits" in words
    image = cube.grab().toImage()
    assert image.width() > 100 and len({image.pixel(x, y) for x in range(0, image.width(), 7)
                                        for y in range(0, image.height(), 7)}) > 3


def test_the_palette_tooltip_of_an_activation_holds_its_curve(qtbot) -> None:
    palette = LayerPalette()
    qtbot.addWidget(palette)
    tip = palette.tree.item_for("Sigmoid").toolTip(0)
    assert "data:image/png;base64," in tip
    png = base64.b64decode(tip.split("base64,")[1].split("'")[0])
    assert not QImage.fromData(png).isNull()
    assert "<img" not in palette.tree.item_for("Conv2d").toolTip(0)
    assert curve_tooltip_html("Softmax") == ""
