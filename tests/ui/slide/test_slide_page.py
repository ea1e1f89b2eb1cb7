"""The kernel slide, driven as a person would: keys, clicks, the play button.

Every number the view shows is checked against torch computing the same thing its own way.
"""

from __future__ import annotations

import re

import numpy as np
import pytest
import torch
import torch.nn as nn
import torch.nn.functional as F
from PySide6.QtCore import QPoint, Qt

from playground import paths
from playground.core.builder import build_model
from playground.core.design import design_from_dict
from playground.ui.slide import slide_colors as colours
from playground.ui.slide.slide_page import KernelSlidePage
from playground.ui.state.active_model import ActiveModel, ModelHub

MEAN, STD = 0.1307, 0.3081
pytestmark = pytest.mark.filterwarnings("ignore:Using padding='same':UserWarning")


@pytest.fixture
def digit() -> torch.Tensor:
    """A real MNIST digit, 1x28x28 in [0, 1], as the drawing canvas sends it."""
    image = np.load(paths.embedded_mnist_path())["images"][7]
    return torch.from_numpy(image.astype(np.float32) / 255.0)[None]


@pytest.fixture
def view(qtbot) -> KernelSlidePage:
    widget = KernelSlidePage(ModelHub())
    qtbot.addWidget(widget)
    widget.resize(1280, 600)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    widget.pause()


def numbers(text: str) -> list[float]:
    return [float(n) for n in re.findall(r"-?\d+\.\d+", text.replace("−", "-"))]


def centre(rect) -> QPoint:
    return rect.center().toPoint()


def test_steps_move_the_window_and_show_torchs_numbers(qtbot, view: KernelSlidePage, digit: torch.Tensor) -> None:
    conv = nn.Conv2d(1, 6, 5, padding=2).requires_grad_(False)
    x = (digit - MEAN) / STD
    view.set_source(conv, x)
    expected = F.conv2d(x[None], conv.weight, conv.bias, padding=2)[0]
    padded = F.pad(x, (2, 2, 2, 2))[0]
    view.out_channel_spin.setValue(3)
    view.set_position(28 * 9 + 5)  # output row 9, col 5: the window is on the digit
    for _ in range(3):
        qtbot.keyClick(view.canvas, Qt.Key.Key_Right)
    qtbot.mouseClick(view.back_button, Qt.MouseButton.LeftButton)
    row, col = divmod(view.position, 28)
    assert (row, col) == (9, 7)
    step = view.step
    # The window sits on the grid cells of output (9, 7) and is painted there.
    assert view.canvas.window_rect() == view.canvas.grid_cell_rect(row, col).united(
        view.canvas.grid_cell_rect(row + 4, col + 4))
    edge = view.canvas.window_rect().adjusted(-1, -1, 1, 1)
    painted = view.canvas.grab().toImage().pixelColor(int(edge.left()), int(edge.center().y()))
    assert painted == colours.WINDOW
    # Detail panel: patch, kernel and products are torch's; sum + bias is torch's output.
    np.testing.assert_allclose(step.patch[0], padded[row:row + 5, col:col + 5].numpy(), atol=1e-6)
    np.testing.assert_allclose(step.kernel[0], conv.weight[3, 0].numpy(), atol=1e-7)
    np.testing.assert_allclose(step.products[0], (padded[row:row + 5, col:col + 5] * conv.weight[3, 0]).numpy(),
                               atol=1e-6)
    total, bias, value = numbers(view.canvas.detail.equation)
    assert total == pytest.approx(float((padded[row:row + 5, col:col + 5] * conv.weight[3, 0]).sum()), abs=1e-3)
    assert bias == pytest.approx(float(conv.bias[3]), abs=1e-3)
    assert value == pytest.approx(float(expected[3, row, col]), abs=1e-3)
    assert view.canvas.detail.formula == ["H_out = W_out = (28 + 2*2 - 1*(5-1) - 1) / 1 + 1 = 28"]
    assert view.position_label.text().startswith(f"step {view.position + 1} / 784")


def test_click_on_an_output_cell_jumps_there(qtbot, view: KernelSlidePage, digit: torch.Tensor) -> None:
    view.set_source(nn.Conv2d(1, 2, 3, stride=2), digit)
    target = view.canvas.output_cell_rect(6, 4)
    qtbot.mouseClick(view.canvas, Qt.MouseButton.LeftButton, pos=centre(target))
    assert view.position == 6 * 13 + 4
    assert (view.step.out_row, view.step.out_col) == (6, 4)
    assert view.canvas.window_rect().topLeft() == view.canvas.grid_cell_rect(12, 8).topLeft()
    assert view.scrub_slider.value() == view.position


def test_click_on_an_input_cell_shows_the_outputs_it_feeds(qtbot, view: KernelSlidePage, digit: torch.Tensor) -> None:
    conv = nn.Conv2d(1, 1, 3, stride=2, padding=1, padding_mode="reflect")
    view.set_source(conv, digit)
    qtbot.mouseClick(view.canvas, Qt.MouseButton.LeftButton, pos=centre(view.canvas.grid_cell_rect(1, 1)))
    # input (0, 0): torch says which outputs move when only that cell is set
    probe = nn.Conv2d(1, 1, 3, stride=2, padding=1, padding_mode="reflect", bias=False)
    nn.init.ones_(probe.weight)
    one_hot = torch.zeros(1, 1, 28, 28)
    one_hot[0, 0, 0, 0] = 1
    reached = {tuple(int(v) for v in rc) for rc in torch.nonzero(probe(one_hot)[0, 0] > 0)}
    assert set(view.canvas.fed_outputs) == reached
    assert view.canvas.picked == (1, 1)
    image = view.canvas.grab().toImage()
    fed = view.canvas.output_cell_rect(*sorted(reached)[0])
    assert image.pixelColor(int(fed.left()) + 1, int(fed.center().y())) == colours.FEED
    qtbot.mouseClick(view.canvas, Qt.MouseButton.LeftButton, pos=centre(view.canvas.grid_cell_rect(1, 1)))
    assert view.canvas.picked is None and view.canvas.fed_outputs == ()


@pytest.mark.parametrize("module, cells", [
    (nn.Conv2d(1, 1, 3, stride=2), 13 * 13),
    (nn.Conv2d(1, 1, 3, dilation=2), 24 * 24),
    (nn.Conv2d(1, 1, 4, padding="same"), 28 * 28),
    (nn.MaxPool2d(2), 14 * 14),
    (nn.AvgPool2d(3, stride=2, padding=1, ceil_mode=True), 15 * 15),
])
def test_output_cell_count_matches_torch(view: KernelSlidePage, digit: torch.Tensor, module: nn.Module,
                                         cells: int) -> None:
    view.set_source(module, digit)
    with torch.no_grad():
        out = module(digit[None])[0, 0]
    assert out.numel() == cells
    assert len(view.channel_view) == cells and view.scrub_slider.maximum() == cells - 1
    rows, cols = out.shape
    last = view.canvas.output_cell_rect(rows - 1, cols - 1)
    assert view.canvas.hit(last.center()) == ("output", rows - 1, cols - 1)
    view.set_position(cells - 1)
    assert view.step.value == pytest.approx(float(out[-1, -1]), abs=1e-5)


def test_dilated_taps_are_painted_apart(view: KernelSlidePage, digit: torch.Tensor) -> None:
    view.set_source(nn.Conv2d(1, 1, 3, dilation=2), digit)
    view.set_position(0)
    image = view.canvas.grab().toImage()
    tap, gap = view.canvas.grid_cell_rect(2, 2), view.canvas.grid_cell_rect(1, 1)
    tinted = image.pixelColor(centre(tap))
    skipped = image.pixelColor(centre(gap))
    assert tinted.red() > tinted.blue() + 40  # an orange-tinted tap
    assert abs(skipped.red() - skipped.blue()) < 10  # the cell between taps stays grey


def test_play_runs_on_the_timer_and_stops_at_the_end(qtbot, view: KernelSlidePage, digit: torch.Tensor) -> None:
    view.set_source(nn.MaxPool2d(4), digit)  # 7x7 = 49 steps
    view.speed_slider.setValue(100)  # the whole map in about two seconds
    qtbot.mouseClick(view.play_button, Qt.MouseButton.LeftButton)
    assert view.is_playing and view.play_button.text() == "Pause"
    qtbot.waitUntil(lambda: view.position > 3, timeout=3000)
    qtbot.waitUntil(lambda: not view.is_playing, timeout=5000)
    assert view.position == 48


def test_keys_play_pause_and_step(qtbot, view: KernelSlidePage, digit: torch.Tensor) -> None:
    view.set_source(nn.Conv2d(1, 1, 5), digit)
    qtbot.keyClick(view.canvas, Qt.Key.Key_Right)
    qtbot.keyClick(view.canvas, Qt.Key.Key_Right)
    qtbot.keyClick(view.canvas, Qt.Key.Key_Left)
    assert view.position == 1
    qtbot.keyClick(view.canvas, Qt.Key.Key_Space)
    assert view.is_playing
    qtbot.keyClick(view.canvas, Qt.Key.Key_Space)
    assert not view.is_playing


def test_speed_runs_from_one_step_a_second_to_the_map_in_two(view: KernelSlidePage, digit: torch.Tensor) -> None:
    view.set_source(nn.Conv2d(1, 1, 5, padding=2), digit)
    view.speed_slider.setValue(0)
    assert view.steps_per_second() == pytest.approx(1.0)
    view.speed_slider.setValue(100)
    assert view.steps_per_second() == pytest.approx(784 / 2)
    assert view.speed_label.text() == "whole map in 2 s"


def test_one_input_channel_shows_its_share(view: KernelSlidePage) -> None:
    conv = nn.Conv2d(3, 2, 3)
    x = torch.rand(3, 8, 8)
    view.set_source(conv, x)
    assert view.in_channel_combo.currentText() == "Σ all 3 input channels"
    view.in_channel_combo.setCurrentIndex(view.in_channel_combo.findData(1))
    view.set_position(10)
    share = F.conv2d(x[None, 1:2], conv.weight[:, 1:2])[0, 0].detach()
    (total,) = numbers(view.canvas.detail.equation)
    assert total == pytest.approx(float(share[1, 4]), abs=1e-3)
    assert "share" in view.canvas.detail.note


def test_max_pool_detail(view: KernelSlidePage, digit: torch.Tensor) -> None:
    view.set_source(nn.MaxPool2d(2), digit)
    view.set_position(14 * 10 + 6)
    (value,) = numbers(view.canvas.detail.equation)
    assert value == pytest.approx(float(F.max_pool2d(digit, 2)[0, 10, 6]), abs=1e-3)


LENET = {
    "format": "cnn-playground.design", "version": 1, "name": "tiny", "input": [1, 28, 28],
    "layers": [{"type": "Conv2d", "out_channels": 4, "kernel_size": 5, "padding": 2, "id": "c1"},
               {"type": "ReLU", "id": "r1"},
               {"type": "MaxPool2d", "kernel_size": 2, "id": "p1"},
               {"type": "Conv2d", "out_channels": 3, "kernel_size": 3, "id": "c2"},
               {"type": "Flatten", "id": "f"},
               {"type": "Linear", "out_features": 10, "id": "fc"}],
}


def test_follows_the_active_model_and_the_drawing(qtbot, digit: torch.Tensor) -> None:
    hub = ModelHub()
    view = KernelSlidePage(hub)
    qtbot.addWidget(view)
    view.resize(1200, 560)
    view.show()
    assert view.stack.currentIndex() == 0 and "No model yet" in view.message_label.text()
    design = design_from_dict(LENET)
    model = build_model(design).eval()
    hub.set_active(ActiveModel(design, model, "test model"))
    assert "Draw a digit" in view.message_label.text() and view.sample_button.isVisible()
    assert [view.block_combo.itemData(i) for i in range(view.block_combo.count())] == ["c1", "p1", "c2"]
    view.set_input(digit)
    assert view.stack.currentWidget() is view.canvas
    view.block_combo.setCurrentIndex(2)  # c2: its input is pool(relu(conv(digit)))
    x = (digit[None] - MEAN) / STD
    with torch.no_grad():
        fed = model.p1(model.r1(model.c1(x)))
        expected = model.c2(fed)[0]
    assert view.sliding.input.shape == (4, 14, 14)
    np.testing.assert_allclose(view.sliding.input, fed[0].numpy(), atol=1e-6)
    view.out_channel_spin.setValue(2)
    view.set_position(7)
    assert numbers(view.canvas.detail.equation)[-1] == pytest.approx(float(expected[2, 0, 7]), abs=1e-3)
    # New weights after an epoch refresh the numbers in place.
    state = {k: v * 2 for k, v in model.state_dict().items()}
    hub.update_weights(state)
    assert view.position == 7 and view.block_combo.currentData() == "c2"
    with torch.no_grad():
        doubled = model.c2(model.p1(model.r1(model.c1(x))))[0]
    assert numbers(view.canvas.detail.equation)[-1] == pytest.approx(float(doubled[2, 0, 7]), abs=1e-3)
    view.set_input(None)
    assert view.stack.currentIndex() == 0
    qtbot.mouseClick(view.sample_button, Qt.MouseButton.LeftButton)
    assert view.stack.currentWidget() is view.canvas and "sample digit" in view.source_label.text()
    assert view.canvas.content.input_caption == "Input to c2"
    view.block_combo.setCurrentIndex(0)
    assert view.canvas.content.input_caption == "Input: the sample digit, normalised"
    hub.set_active(None)
    assert "No model yet" in view.message_label.text() and not view.play_button.isEnabled()


def test_a_network_without_windows_says_so(qtbot, digit: torch.Tensor) -> None:
    hub = ModelHub()
    view = KernelSlidePage(hub)
    qtbot.addWidget(view)
    design = design_from_dict({"format": "cnn-playground.design", "version": 1, "name": "MLP", "input": [1, 28, 28],
                               "layers": [{"type": "Flatten"}, {"type": "Linear", "out_features": 10}]})
    hub.set_active(ActiveModel(design, build_model(design), "mlp"))
    view.set_input(digit)
    assert "no Conv2d, MaxPool2d or AvgPool2d" in view.message_label.text()


def test_tooltips_explain_cells(view: KernelSlidePage, digit: torch.Tensor) -> None:
    view.set_source(nn.Conv2d(1, 1, 3, padding=1), digit)
    assert view.canvas.tooltip_at(view.canvas.grid_cell_rect(0, 0).center()).startswith("Zero padding = 0")
    assert "Input row 4, col 5" in view.canvas.tooltip_at(view.canvas.grid_cell_rect(5, 6).center())
    assert "Click to jump" in view.canvas.tooltip_at(view.canvas.output_cell_rect(2, 2).center())
    for widget in (view.play_button, view.back_button, view.forward_button, view.scrub_slider,
                   view.speed_slider, view.block_combo, view.out_channel_spin, view.in_channel_combo):
        assert widget.toolTip()


def test_hiding_stops_playback(qtbot, view: KernelSlidePage, digit: torch.Tensor) -> None:
    view.set_source(nn.Conv2d(1, 1, 3), digit)
    view.play()
    view.hide()
    assert not view.is_playing


def test_a_big_input_keeps_output_cells_clickable(qtbot, view: KernelSlidePage) -> None:
    conv = nn.Conv2d(3, 2, 11, stride=4, padding=2)  # AlexNet's first layer on a 224x224 picture
    x = torch.rand(3, 224, 224)
    view.set_source(conv, x)
    target = view.canvas.output_cell_rect(30, 40)
    assert target.width() >= 4
    qtbot.mouseClick(view.canvas, Qt.MouseButton.LeftButton, pos=centre(target))
    assert (view.step.out_row, view.step.out_col) == (30, 40)
    with torch.no_grad():
        expected = conv(x[None])
    assert view.step.value == pytest.approx(float(expected[0, 0, 30, 40]), abs=1e-4)


def test_click_on_a_channel_row_shows_that_input_channel(qtbot, view: KernelSlidePage) -> None:
    view.set_source(nn.Conv2d(3, 2, 3), torch.rand(3, 10, 10))
    view.set_position(5)
    rows = view.canvas.channel_row_rects()
    assert [channel for channel, _ in rows] == [0, 1, 2]
    qtbot.mouseClick(view.canvas, Qt.MouseButton.LeftButton, pos=centre(rows[2][1]))
    assert view.canvas.display_channel == 2
    assert "(channel 2)" in view.canvas.tooltip_at(view.canvas.grid_cell_rect(1, 1).center())
