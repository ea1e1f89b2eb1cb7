"""The Draw page reads an output as class scores only when it is an N-class vector, and its
thumbnail is the input the network really gets."""

from __future__ import annotations

import pytest
from ui_helpers import line, stroke

from playground.core.builder import build_model
from playground.core.design import design_from_dict
from playground.core.output_kind import output_kind
from playground.ui.draw.draw_panel import EMPTY_TEXT, DrawPanel
from playground.ui.state.active_model import ActiveModel, ModelHub


def design(input_shape, layers) -> dict:
    return {"format": "cnn-playground.design", "version": 1, "name": "Shapes", "input": input_shape,
            "layers": layers}


MAP_OUT = design([1, 28, 28], [{"type": "Conv2d", "out_channels": 1, "kernel_size": 10, "stride": 9}])
SMALL_CLASSIFIER = design([1, 16, 16], [{"type": "Flatten"}, {"type": "Linear", "out_features": 10}])


@pytest.fixture
def panel(qtbot) -> DrawPanel:
    view = DrawPanel(ModelHub())
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    qtbot.waitExposed(view)
    return view


def activate(panel: DrawPanel, spec: dict) -> None:
    made = design_from_dict(spec)
    panel.hub.set_active(ActiveModel(made, build_model(made), "test", trained=False))


@pytest.mark.parametrize("shape, classes", [((10,), 10), ((10, 1, 1), 10), ((1, 3, 3), 0), ((1,), 0), ((4, 2, 2), 0)])
def test_only_an_n_class_vector_is_class_scores(shape, classes) -> None:
    assert output_kind(shape).classes == classes


def test_a_map_output_is_shown_as_a_map_not_as_probabilities(panel) -> None:
    activate(panel, MAP_OUT)
    stroke(panel.canvas, line((140, 40), (140, 240)))
    panel.update_prediction()
    assert not panel.output_kind.is_classes
    assert panel.prediction_label.text() == EMPTY_TEXT and "%" not in panel.confidence_label.text()
    assert "1×3×3 map (9 numbers), not class scores" in panel.output_caption.text()
    assert panel.output_map.isVisible() and not panel.chart.isVisible()
    assert panel.output_map.values.shape == (1, 3, 3)
    assert panel.output_map.values.ravel().tolist() == pytest.approx(
        panel.current_inspection.logits.double().tolist())


def test_a_class_vector_keeps_the_probabilities_and_the_thumbnail_is_the_real_input_size(panel) -> None:
    activate(panel, SMALL_CLASSIFIER)
    stroke(panel.canvas, line((140, 40), (140, 240)))
    panel.update_prediction()
    assert panel.chart.isVisible() and not panel.output_map.isVisible()
    assert panel.confidence_label.text().endswith("sure (untrained)")
    assert panel.sees_label.text() == "The network sees (16×16)"
    assert panel.thumbnail.pixmap().width() == 16 * (140 // 16)  # whole pixels of a 16x16 input
