"""Parity: digits put on the canvas and read back score like the raw digits.

200 embedded validation digits are drawn onto the canvas as pictures (upscaled from
28x28 to the canvas's 280x280) and classified through the Draw panel exactly as a
drawing is (canvas image -> core/digit.py -> model). The accuracy must be within one
point of the same model on the raw 28x28 digits. benchmarks/canvas_parity.py runs the
same check on all 1,000 and prints both numbers.
"""

from __future__ import annotations

import torch

from playground.core.checkpoint import load_default_checkpoint
from playground.core.datasets import load_embedded
from playground.core.inspect_model import normalise
from playground.ui.draw.draw_panel import DrawPanel
from playground.ui.state.active_model import ActiveModel, ModelHub

COUNT = 200


def test_validation_digits_through_the_canvas_score_within_one_point_of_the_raw_digits(qtbot) -> None:
    hub = ModelHub()
    hub.set_active(ActiveModel.from_checkpoint(load_default_checkpoint(), "pretrained default"))
    panel = DrawPanel(hub)
    qtbot.addWidget(panel)
    panel.tabs.setCurrentWidget(panel.kernels)  # the feature maps are not part of the comparison
    data = load_embedded()
    images, labels = data.val_x[:COUNT], data.val_y[:COUNT]
    active = hub.active
    with torch.inference_mode():
        raw = active.model(normalise(images.float() / 255.0, active.mean, active.std)).argmax(1)
    raw_accuracy = float((raw == labels).float().mean())

    correct = 0
    for image, label in zip(images, labels):
        panel.canvas.clear()
        panel.canvas.set_picture(image[0].numpy(), "validation digit")
        assert panel.canvas.image().shape == (280, 280)
        inspection = panel.current_inspection
        assert inspection is not None
        correct += int(inspection.predicted == int(label))
    canvas_accuracy = correct / COUNT

    assert raw_accuracy > 0.95
    assert abs(raw_accuracy - canvas_accuracy) <= 0.01
