"""The Draw page, driven as a person would: real mouse strokes on the canvas, clicks, keys."""

from __future__ import annotations

import time

import numpy as np
import pytest
import torch
from PIL import Image
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QImage, QInputDevice, QPointingDevice, QTabletEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from playground import paths
from playground.core.builder import build_model
from playground.core.checkpoint import load_default_checkpoint
from playground.core.design import load_design
from playground.core.digit import to_mnist
from playground.ui.draw.canvas import RESOLUTION
from playground.ui.draw.draw_panel import EMPTY_TEXT, THUMBNAIL_SCALE, DrawPanel
from playground.ui.state.active_model import ActiveModel, ModelHub
from ui_helpers import line, loop, mouse, stroke



# ---------------------------------------------------------------------- helpers

def draw_seven(canvas) -> None:
    stroke(canvas, line((70, 55), (210, 55)))
    stroke(canvas, line((210, 55), (120, 235)))


def thumbnail_levels(panel: DrawPanel) -> np.ndarray:
    image = panel.thumbnail.pixmap().toImage().convertToFormat(QImage.Format.Format_Grayscale8)
    side = image.width()
    pixels = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine())[:, :side]
    return pixels[THUMBNAIL_SCALE // 2::THUMBNAIL_SCALE, THUMBNAIL_SCALE // 2::THUMBNAIL_SCALE]


@pytest.fixture(scope="module")
def default_checkpoint():
    return load_default_checkpoint()


@pytest.fixture
def hub(default_checkpoint) -> ModelHub:
    hub = ModelHub()
    hub.set_active(ActiveModel.from_checkpoint(default_checkpoint, "pretrained default"))
    return hub


def lenet5_active() -> ActiveModel:
    design = load_design(paths.examples_dir() / "lenet5.json")
    return ActiveModel(design, build_model(design).eval(), "lenet5, freshly initialised", trained=False)


# ---------------------------------------------------------------------- classification

def test_canvas_is_square_at_least_280_and_named(panel) -> None:
    canvas = panel.canvas
    assert canvas.objectName() == "drawCanvas"
    assert min(canvas.width(), canvas.height()) >= RESOLUTION
    corner = canvas.widget_point(RESOLUTION, RESOLUTION) - canvas.widget_point(0, 0)
    assert corner.x() == pytest.approx(corner.y())


def test_a_vertical_stroke_is_a_one(panel) -> None:
    stroke(panel.canvas, line((140, 40), (140, 240)))
    assert panel.prediction_label.objectName() == "predictionLabel"
    assert panel.prediction_label.text() == "1"
    assert panel.confidence_label.text().endswith("% sure")
    assert panel.chart.winner == 1


def test_a_closed_loop_is_a_zero(panel) -> None:
    stroke(panel.canvas, loop())
    assert panel.prediction_label.text() == "0"


def test_a_seven_drawn_as_two_strokes_is_a_seven(panel) -> None:
    draw_seven(panel.canvas)
    assert panel.canvas.stroke_count == 2
    assert panel.prediction_label.text() == "7"
    probabilities = panel.chart.probabilities
    assert probabilities.shape == (10,) and probabilities.sum() == pytest.approx(1.0, abs=1e-4)
    assert int(probabilities.argmax()) == 7


def test_an_empty_canvas_shows_no_prediction(panel) -> None:
    assert panel.prediction_label.text() == EMPTY_TEXT
    assert panel.confidence_label.text() == "Draw a digit"
    assert panel.chart.probabilities.size == 0
    assert panel.current_input is None


def test_clear_button_and_escape_empty_the_prediction(panel, qtbot) -> None:
    draw_seven(panel.canvas)
    assert panel.prediction_label.text() == "7"
    qtbot.mouseClick(panel.clear_button, Qt.MouseButton.LeftButton)
    assert panel.canvas.is_empty()
    assert panel.prediction_label.text() == EMPTY_TEXT
    assert panel.chart.probabilities.size == 0
    stroke(panel.canvas, loop())
    assert panel.prediction_label.text() == "0"
    panel.canvas.setFocus()
    qtbot.keyClick(panel.canvas, Qt.Key.Key_Escape)
    assert panel.canvas.is_empty() and panel.prediction_label.text() == EMPTY_TEXT


def test_ctrl_z_removes_the_last_stroke(panel, qtbot) -> None:
    stroke(panel.canvas, line((70, 55), (210, 55)))
    after_first = panel.canvas.image().copy()
    first_answer = panel.prediction_label.text()
    stroke(panel.canvas, line((210, 55), (120, 235)))
    assert panel.prediction_label.text() == "7"
    qtbot.keyClick(panel.canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert panel.canvas.stroke_count == 1
    assert np.array_equal(panel.canvas.image(), after_first)
    assert panel.prediction_label.text() == first_answer
    qtbot.mouseClick(panel.undo_button, Qt.MouseButton.LeftButton)
    assert panel.canvas.is_empty() and panel.prediction_label.text() == EMPTY_TEXT


def test_the_thumbnail_is_exactly_the_core_preprocessing_of_the_canvas(panel) -> None:
    draw_seven(panel.canvas)
    expected = to_mnist(panel.canvas.image().copy())
    assert torch.equal(panel.current_input, expected)
    assert panel.thumbnail.pixmap().width() == 28 * THUMBNAIL_SCALE
    levels = np.round(expected[0].numpy() * 255).astype(np.uint8)
    assert np.array_equal(thumbnail_levels(panel), levels)


def test_input_changed_carries_the_tensor_and_none_when_cleared(panel, qtbot) -> None:
    seen = []
    panel.inputChanged.connect(seen.append)
    stroke(panel.canvas, loop())
    assert isinstance(seen[-1], torch.Tensor) and seen[-1].shape == (1, 28, 28)
    assert torch.equal(seen[-1], panel.current_input)
    qtbot.mouseClick(panel.clear_button, Qt.MouseButton.LeftButton)
    assert seen[-1] is None


def test_prediction_is_live_while_drawing_but_not_per_mouse_event(panel, qtbot) -> None:
    predictions = []
    panel.predicted.connect(predictions.append)
    stroke(panel.canvas, line((140, 40), (140, 240), steps=60), release=False)
    assert predictions == []  # sixty moves, no event loop turn yet: nothing was classified per event
    with qtbot.waitSignal(panel.predicted, timeout=2000):
        pass
    assert len(predictions) == 1 and predictions[0] is not None
    assert panel.canvas.is_drawing()
    assert panel.prediction_label.text() == "1"


class SlowNetwork(torch.nn.Module):
    """The pretrained network taking as long as VGG-11 does on a laptop CPU."""

    def __init__(self, inner: torch.nn.Module, seconds: float) -> None:
        super().__init__()
        self.inner, self.seconds = inner, seconds

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        time.sleep(self.seconds)
        return self.inner(x)


def test_a_network_too_slow_for_live_answers_answers_when_the_stroke_ends(panel, hub, qtbot) -> None:
    default = hub.active
    hub.set_active(ActiveModel(default.design, SlowNetwork(default.model, 0.15), "slow"))
    predictions = []
    panel.predicted.connect(predictions.append)
    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton

    def drag(points) -> None:  # the pen stays down
        for x, y in points:
            mouse(panel.canvas, QEvent.Type.MouseMove, panel.canvas.widget_point(x, y), none, left)

    stroke(panel.canvas, line((140, 40), (140, 100), steps=10), release=False)
    qtbot.waitUntil(lambda: len(predictions) == 1)  # a slow live answer
    drag(line((140, 100), (140, 160), steps=10))
    qtbot.waitUntil(lambda: len(predictions) == 2)  # and another: two slow ones in a row are enough
    assert panel.live_updates_paused and panel.prediction_label.isEnabled()
    drag(line((140, 160), (140, 240), steps=20))
    qtbot.wait(500)  # more than three times a slow answer: a live one would have come by now
    assert len(predictions) == 2 and panel.canvas.is_drawing()
    assert not panel.prediction_label.isEnabled() and "when the stroke ends" in panel.confidence_label.text()
    mouse(panel.canvas, QEvent.Type.MouseButtonRelease, panel.canvas.widget_point(140, 240), left, none)
    assert len(predictions) == 3 and panel.prediction_label.isEnabled()
    assert panel.prediction_label.text() == "1" and "sure" in panel.confidence_label.text()
    hub.set_active(default)  # a fast network again: live answers come back at once
    assert not panel.live_updates_paused


def test_the_canvas_on_screen_follows_strokes_undo_invert_hover_and_resize(panel) -> None:
    canvas = panel.canvas

    def on_screen(x: float, y: float) -> int:  # grey level the person sees at canvas units (x, y)
        point = canvas.widget_point(x, y).toPoint()
        return canvas.grab().toImage().pixelColor(point).lightness()

    stroke(canvas, line((140, 40), (140, 240)))
    assert on_screen(140, 140) == 255 and on_screen(60, 140) == 0
    stroke(canvas, line((40, 140), (240, 140)), release=False)  # in progress: drawn over the finished ones
    assert on_screen(60, 140) == 255
    mouse(canvas, QEvent.Type.MouseButtonRelease, canvas.widget_point(240, 140), Qt.MouseButton.LeftButton,
          Qt.MouseButton.NoButton)
    mouse(canvas, QEvent.Type.MouseMove, canvas.widget_point(20, 20), Qt.MouseButton.NoButton,
          Qt.MouseButton.NoButton)  # a hover repaints over the kept strokes
    assert on_screen(60, 140) == 255 and on_screen(140, 60) == 255
    canvas.undo()
    assert on_screen(60, 140) == 0 and on_screen(140, 60) == 255
    canvas.set_inverted(True)
    assert on_screen(60, 140) == 255 and on_screen(140, 60) == 0
    canvas.resize(canvas.width() + 40, canvas.height() + 40)
    assert on_screen(140, 60) == 0 and on_screen(60, 140) == 255


def test_inverted_canvas_gives_the_same_input_and_answer(panel, qtbot) -> None:
    draw_seven(panel.canvas)
    before = panel.current_input.clone()
    qtbot.mouseClick(panel.invert_box, Qt.MouseButton.LeftButton)
    assert panel.canvas.inverted
    assert float(panel.canvas.image().mean()) > 128  # black ink on white paper now
    assert torch.allclose(panel.current_input, before, atol=1e-6)
    assert panel.prediction_label.text() == "7"


def test_pen_width_slider_sets_new_strokes_width(panel) -> None:
    panel.width_slider.setValue(10)
    stroke(panel.canvas, line((140, 40), (140, 240)))
    thin = int((panel.canvas.image() > 127).sum())
    panel.canvas.clear()
    panel.width_slider.setValue(40)
    stroke(panel.canvas, line((140, 40), (140, 240)))
    thick = int((panel.canvas.image() > 127).sum())
    assert panel.canvas.pen_width == 40
    assert thick > 3 * thin


def test_a_loaded_image_is_classified_and_a_bad_one_is_reported(panel, tmp_path) -> None:
    with np.load(paths.embedded_mnist_path()) as data:
        image, label = data["images"][-3], int(data["labels"][-3])
    path = tmp_path / "photo.png"
    Image.fromarray(255 - image).resize((84, 84)).save(path)  # black on white, like a scan
    assert panel.load_image(str(path))
    assert panel.prediction_label.text() == str(label)
    assert panel.canvas.stroke_count == 1
    bad = tmp_path / "bad.png"
    bad.write_text("nope")
    assert not panel.load_image(str(bad))
    assert panel.error_label.isVisible() and str(bad) in panel.error_label.text()
    assert panel.canvas.stroke_count == 1


def test_a_touch_stroke_draws(panel) -> None:
    device = QTest.createTouchDevice()
    canvas = panel.canvas
    pts = [canvas.widget_point(x, y).toPoint() for x, y in line((140, 40), (140, 240), steps=12)]
    QTest.touchEvent(canvas, device).press(0, pts[0]).commit()
    for p in pts[1:]:
        QTest.touchEvent(canvas, device).move(0, p).commit()
    QTest.touchEvent(canvas, device).release(0, pts[-1]).commit()
    assert canvas.stroke_count == 1 and not canvas.is_drawing()
    assert panel.prediction_label.text() == "1"


def test_a_pen_stroke_draws(panel) -> None:
    canvas = panel.canvas
    pen = QPointingDevice("test pen", 1000, QInputDevice.DeviceType.Stylus, QPointingDevice.PointerType.Pen,
                          QInputDevice.Capability.Position | QInputDevice.Capability.Pressure, 1, 3)

    def tablet(kind: QEvent.Type, pos: QPointF, button: Qt.MouseButton, buttons: Qt.MouseButton) -> None:
        event = QTabletEvent(kind, pen, pos, canvas.mapToGlobal(pos), 0.6, 0.0, 0.0, 0.0, 0.0, 0.0,
                             Qt.KeyboardModifier.NoModifier, button, buttons)
        QApplication.sendEvent(canvas, event)
        assert event.isAccepted()  # handled as a pen, so no synthesized mouse events follow

    pts = [canvas.widget_point(x, y) for x, y in loop()]
    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    tablet(QEvent.Type.TabletPress, pts[0], left, left)
    for p in pts[1:]:
        tablet(QEvent.Type.TabletMove, p, none, left)
    tablet(QEvent.Type.TabletRelease, pts[-1], left, none)
    assert canvas.stroke_count == 1
    assert panel.prediction_label.text() == "0"


# ---------------------------------------------------------------------- following the model

def test_no_active_model_is_said_clearly_and_the_default_can_be_chosen(panel, hub, qtbot) -> None:
    draw_seven(panel.canvas)
    hub.set_active(None)
    assert panel.no_model_box.isVisible()
    assert "No trained model" in panel.no_model_text.text()
    assert panel.prediction_label.text() == EMPTY_TEXT
    assert panel.confidence_label.text() == "No model to ask"
    with qtbot.waitSignal(panel.trainRequested, timeout=1000):
        qtbot.mouseClick(panel.train_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(panel.use_default_button, Qt.MouseButton.LeftButton)
    assert hub.active is not None and hub.active.source == "pretrained default"
    assert not panel.no_model_box.isVisible()
    assert panel.prediction_label.text() == "7"


def test_an_untrained_design_is_flagged_with_the_same_offer(panel, hub) -> None:
    hub.set_active(lenet5_active())  # trained=False
    assert panel.no_model_box.isVisible()
    assert "no trained weights" in panel.no_model_text.text()
    stroke(panel.canvas, loop())
    assert panel.prediction_label.text() != EMPTY_TEXT  # it still answers, flagged as a guess
    assert "untrained" in panel.confidence_label.text()


def test_lenet5_feature_maps_show_6_then_16_channels_and_flat_outputs_as_bars(panel, hub, qtbot) -> None:
    hub.set_active(lenet5_active())
    stroke(panel.canvas, loop())
    view = panel.feature_maps
    assert view.objectName() == "featureMapView"
    assert view.current_block_id() == "conv2d1"
    qtbot.waitUntil(lambda: view.channel_count == 6)
    view.select_block("conv2d2")
    assert view.channel_count == 16
    view.select_block("avgpool2d2")
    assert view.channel_count == 16 and view.grid.tile_arrays.shape[1:3] == (5, 5)
    view.select_block("linear3")
    assert view.stack.currentWidget() is view.bars and view.channel_count == 10


def test_feature_map_arrows_step_through_blocks(panel, qtbot) -> None:
    stroke(panel.canvas, loop())
    view = panel.feature_maps
    first = view.current_block_id()
    qtbot.mouseClick(view.next_button, Qt.MouseButton.LeftButton)
    second = view.current_block_id()
    assert second != first
    assert "output" in view.shape_label.text()
    qtbot.mouseClick(view.previous_button, Qt.MouseButton.LeftButton)
    assert view.current_block_id() == first


def test_the_answer_is_shown_before_the_feature_maps_which_follow_a_turn_later(panel, qtbot) -> None:
    stroke(panel.canvas, loop())
    assert panel.prediction_label.text() == "0"  # the answer at once, before any event is processed
    assert panel.feature_maps.channel_count == 0  # the tiles wait for the next turn of the event loop
    qtbot.waitUntil(lambda: panel.feature_maps.channel_count > 0)
    expected = panel.current_inspection.activations[panel.feature_maps.current_block_id()]
    assert panel.feature_maps.channel_count == expected.shape[0]


def test_feature_map_hover_reports_the_channel_range(panel, qtbot) -> None:
    stroke(panel.canvas, loop())
    grid = panel.feature_maps.grid
    qtbot.waitUntil(lambda: grid.tile_count > 0)
    texts = []
    grid.hovered.connect(texts.append)
    scale, columns, _ = grid._layout(grid.width())  # noqa: SLF001 (where tile 0 is drawn)
    centre = grid._tile_rect(0, scale, columns).center()  # noqa: SLF001
    mouse(grid, QEvent.Type.MouseMove, QPointF(centre), Qt.MouseButton.NoButton, Qt.MouseButton.NoButton)
    assert texts and texts[-1].startswith("channel 0: range ")


def test_lenet5_kernels_show_6x1_then_16x6_and_follow_training(panel, hub, qtbot) -> None:
    active = lenet5_active()
    hub.set_active(active)
    panel.tabs.setCurrentWidget(panel.kernels)
    view = panel.kernels
    assert view.objectName() == "kernelView"
    assert view.current_block_id() == "conv2d1" and view.grid_shape == (6, 1)
    assert view.grid.tile_count == 6
    view.select_block("conv2d2")
    assert view.grid_shape == (16, 6) and view.grid.tile_count == 96
    before = view.grid.tile_arrays
    state = {k: v.clone() for k, v in active.model.state_dict().items()}
    state["conv2d2.weight"] = -state["conv2d2.weight"]
    hub.update_weights(state, "trained: epoch 1")
    after = view.grid.tile_arrays
    assert len(after) == 96 and not np.array_equal(after, before)
    assert "trained: epoch 1" in panel.model_label.text()


def test_saliency_maps_for_the_predicted_and_a_chosen_class(panel, qtbot) -> None:
    draw_seven(panel.canvas)
    panel.tabs.setCurrentWidget(panel.saliency)
    qtbot.waitUntil(lambda: not panel.saliency_busy)
    maps = panel.saliency.maps
    assert set(maps) == {"input_x_gradient", "smooth_grad", "grad_cam"}
    assert all(m.shape == (28, 28) for m in maps.values())
    assert "7 (predicted)" in panel.saliency.info_label.text()
    assert maps["grad_cam"].min() >= 0 and maps["grad_cam"].max() == pytest.approx(1.0)
    panel.saliency.choose_class(1)
    qtbot.waitUntil(lambda: not panel.saliency_busy)
    assert "1 (chosen)" in panel.saliency.info_label.text()
    assert not np.allclose(panel.saliency.maps["input_x_gradient"], maps["input_x_gradient"])


def test_the_chart_shows_every_class_or_the_top_ten_of_many(qtbot) -> None:
    from playground.ui.draw.probability_chart import ProbabilityChart

    chart = ProbabilityChart()
    qtbot.addWidget(chart)
    chart.set_probabilities(np.eye(10)[3] * 0.9 + 0.01)
    assert chart.winner == 3 and len(chart._bars) == 10  # noqa: SLF001
    chart.set_class_names([f"class {i}" for i in range(1000)])
    p = np.full(1000, 0.0005, np.float32)
    p[[7, 420, 999]] = [0.2, 0.5, 0.1]
    chart.set_probabilities(p)
    assert chart.winner == 420 and chart.probabilities.shape == (1000,)
    ticks = chart.getPlotItem().getAxis("bottom")._tickLevels[0]  # noqa: SLF001
    assert [name for _, name in ticks[:3]] == ["class 420", "class 7", "class 999"]
    heights = [bar.rect().height() for bar in chart._bars]  # noqa: SLF001
    assert len(heights) == 10 and heights[0] == pytest.approx(0.5)
    chart.set_probabilities(None)
    assert chart.winner is None and not any(bar.isVisible() for bar in chart._bars)  # noqa: SLF001


def test_a_slow_networks_saliency_is_worked_out_between_events_and_a_new_stroke_restarts_it(
        panel, qtbot, monkeypatch) -> None:
    from playground.core.inspect_model import fit_input, input_x_gradient

    monkeypatch.setattr(panel.pacing, "saliency_slice_s", 0.0)  # as for a big network: one pass per event-loop turn
    panel.tabs.setCurrentWidget(panel.saliency)
    stroke(panel.canvas, loop())
    qtbot.waitUntil(lambda: "Working out the maps" in panel.saliency.grid.message)
    assert panel.saliency_busy and panel.saliency.maps == {}
    stroke(panel.canvas, line((140, 40), (140, 240)))  # drawing on while the maps are worked out
    qtbot.waitUntil(lambda: len(panel.saliency.maps) == 3, timeout=5000)
    winner = panel.current_inspection.predicted
    assert not panel.saliency_busy and f"{winner} (predicted)" in panel.saliency.info_label.text()
    active = panel.hub.active
    expected = input_x_gradient(active.model, fit_input(panel.current_input, active.design.input), winner,
                                active.mean, active.std)
    assert np.allclose(panel.saliency.maps["input_x_gradient"], expected.numpy(), atol=1e-6)  # the newest drawing's

    panel.canvas.clear()
    stroke(panel.canvas, loop())
    qtbot.waitUntil(lambda: panel.saliency_busy)
    panel.tabs.setCurrentWidget(panel.feature_maps)  # out of sight: the work stops
    qtbot.waitUntil(lambda: not panel.saliency_busy)
    assert panel.saliency.maps == {}


def test_a_hidden_page_works_out_no_saliency_and_catches_up_when_shown(panel, hub, qtbot) -> None:
    draw_seven(panel.canvas)
    panel.tabs.setCurrentWidget(panel.saliency)
    qtbot.waitUntil(lambda: len(panel.saliency.maps) == 3)
    before = panel.saliency.maps["input_x_gradient"]
    panel.hide()  # another page of the window is shown
    state = {k: v.clone() for k, v in hub.active.model.state_dict().items()}
    state["conv2d1.weight"] = -state["conv2d1.weight"]
    hub.update_weights(state, "trained: epoch 1")  # an epoch ends while the page is away
    qtbot.wait(50)
    assert not panel.saliency_busy and np.array_equal(panel.saliency.maps["input_x_gradient"], before)
    panel.show()
    qtbot.waitUntil(lambda: len(panel.saliency.maps) == 3 and not panel.saliency_busy
                    and not np.array_equal(panel.saliency.maps["input_x_gradient"], before))


def test_saliency_follows_at_the_end_of_a_stroke_not_during_it(panel, qtbot) -> None:
    panel.tabs.setCurrentWidget(panel.saliency)
    stroke(panel.canvas, line((140, 40), (140, 240), steps=40), release=False)
    with qtbot.waitSignal(panel.predicted, timeout=2000):
        pass  # a live update while the pen is down
    assert panel.saliency.maps == {}
    assert "stroke ends" in panel.saliency.info_label.text()
    pos = panel.canvas.widget_point(140, 240)
    mouse(panel.canvas, QEvent.Type.MouseButtonRelease, pos, Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton)
    qtbot.waitUntil(lambda: len(panel.saliency.maps) == 3, timeout=2000)
    assert "1 (predicted)" in panel.saliency.info_label.text()
