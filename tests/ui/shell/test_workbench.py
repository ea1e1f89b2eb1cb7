"""The assembled application: every page in one window, wired to one active model."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from ui_helpers import line, stroke

from playground.core.design import load_design
from playground.paths import example_paths
from playground.ui.state.active_model import DEFAULT_SOURCE
from playground.ui.shell.workbench import Workbench

CONTRACT_NAMES = ("MainWindow", "layerPalette", "designEditor", "blockInspector", "summaryTable", "trainButton",
                  "stopButton", "lossPlot", "accuracyPlot", "drawCanvas", "clearCanvasButton", "predictionLabel",
                  "probabilityChart", "featureMapView", "kernelView", "convAnimation")


def test_every_contract_object_name_is_in_the_window(workbench) -> None:
    window = workbench.window
    assert window.objectName() == "MainWindow"
    for name in CONTRACT_NAMES[1:]:
        assert window.findChild(QWidget, name) is not None, name


def test_the_pretrained_model_is_active_at_start_so_drawing_works_at_once(workbench, qtbot) -> None:
    assert workbench.hub.active is not None and workbench.hub.active.source == DEFAULT_SOURCE
    workbench.window.tabs.setCurrentIndex(workbench.draw_page)
    stroke(workbench.draw.canvas, line((140, 40), (140, 240)))
    qtbot.waitUntil(lambda: workbench.draw.prediction_label.text() == "1", timeout=3000)


def test_the_drawing_feeds_the_kernel_animation(workbench, qtbot) -> None:
    assert workbench.slide.sliding is None  # nothing drawn yet
    stroke(workbench.draw.canvas, line((140, 40), (140, 240)))
    assert workbench.slide.sliding is None  # a hidden page waits until it is looked at
    workbench.window.tabs.setCurrentIndex(workbench.slide_page)
    qtbot.waitUntil(lambda: workbench.slide.sliding is not None, timeout=3000)
    digit = workbench.draw.current_input
    active = workbench.hub.active
    expected = ((digit[0] - active.mean[0]) / active.std[0]).double().numpy()
    assert workbench.slide.sliding.input[0] == pytest.approx(expected, abs=1e-5)  # the first conv sees the digit


def test_design_docks_make_room_on_other_pages_and_come_back(workbench) -> None:
    window = workbench.window
    docks = (window.palette_dock, window.inspector_dock, window.summary_dock)
    assert all(d.isVisible() for d in docks)
    window.tabs.setCurrentIndex(workbench.draw_page)
    assert not any(d.isVisible() for d in docks)
    window.tabs.setCurrentIndex(0)
    assert all(d.isVisible() for d in docks)


def test_ctrl_number_keys_switch_pages(workbench, qtbot) -> None:
    window = workbench.window
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == workbench.draw_page
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == 0


def test_opening_another_design_offers_its_untrained_network_or_the_default(workbench, qtbot) -> None:
    example = next(p for p in example_paths() if p.stem == "mnist_cnn")
    assert workbench.window.open_example(example)
    assert workbench.hub.active.source == DEFAULT_SOURCE  # built only when a page shows it
    workbench.window.tabs.setCurrentIndex(workbench.draw_page)
    active = workbench.hub.active
    assert active is not None and not active.trained and active.design.name == load_design(example).name
    assert workbench.draw.no_model_box.isVisible()
    qtbot.mouseClick(workbench.draw.use_default_button, Qt.MouseButton.LeftButton)
    assert workbench.hub.active.trained and workbench.hub.active.source == DEFAULT_SOURCE


def test_file_menu_has_save_and_load_model(workbench, file_dialogs, tmp_path) -> None:
    texts = [a.text() for a in workbench.window.file_menu().actions()]
    assert "Save &Model…" in texts and "&Load Model…" in texts
    target = tmp_path / "default_copy.pt"
    file_dialogs.answers.append(str(target))
    assert workbench.save_model_dialog()
    assert target.is_file()
    file_dialogs.answers.append(str(target))
    assert workbench.load_model_dialog()
    assert workbench.hub.active.source.startswith("default_copy.pt")


def test_closing_during_training_asks_then_stops_and_joins(workbench, qtbot, message_boxes) -> None:
    panel = workbench.training
    qtbot.waitUntil(lambda: panel.train_button.isEnabled(), timeout=10_000)
    panel.settings.max_train.setValue(0)  # the whole split: still running when the window closes
    workbench.window.tabs.setCurrentIndex(workbench.train_page)
    assert panel.start_training()
    qtbot.waitUntil(lambda: panel.plots.loss_plot.point_count("raw") >= 1, timeout=30_000)

    message_boxes.answers.append(QMessageBox.StandardButton.Cancel)
    assert not workbench.window.close()  # the person chose to keep training
    assert panel.is_training

    message_boxes.answers.append(QMessageBox.StandardButton.Yes)
    assert workbench.window.close()
    assert not panel.is_training
    assert any("Stop training to close the window" in text for text in message_boxes.texts())


def test_editing_keys_leave_the_design_alone_on_other_pages(workbench, qtbot) -> None:
    window, document = workbench.window, workbench.window.document
    first_conv = next(r.block_id for r in document.analysis.rows if r.type == "Conv2d")
    document.select(first_conv)
    blocks = len(document.analysis.rows)
    window.tabs.setCurrentIndex(workbench.draw_page)
    canvas = workbench.draw.canvas
    stroke(canvas, line((140, 40), (140, 240)))
    stroke(canvas, line((100, 60), (180, 60)))
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key.Key_Delete)
    qtbot.keyClick(canvas, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert len(document.analysis.rows) == blocks  # no block deleted or duplicated out of sight
    qtbot.keyClick(canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert canvas.stroke_count == 1  # Ctrl+Z took back the stroke, not a design edit
    window.tabs.setCurrentIndex(0)
    assert window.delete_action.isEnabled()


def test_a_model_set_after_opening_a_design_is_not_replaced_by_its_fresh_network(workbench) -> None:
    example = next(p for p in example_paths() if p.stem == "mnist_cnn")
    assert workbench.window.open_example(example)
    workbench.draw.use_default_model()  # e.g. a run finished, or the person chose the default
    workbench.window.tabs.setCurrentIndex(workbench.draw_page)
    assert workbench.hub.active.trained and workbench.hub.active.source == DEFAULT_SOURCE


def test_the_train_page_shows_the_windows_session_which_publishes_to_its_active_model(workbench) -> None:
    assert workbench.training.session is workbench.session
    assert workbench.session.hub is workbench.hub is workbench.training.hub


def _formula(workbench) -> str:
    return "\n".join(workbench.slide.sliding.formula_lines())


def test_the_kernel_slide_follows_an_edit_of_the_design(workbench, qtbot) -> None:
    document = workbench.window.document
    conv = document.design.layers[0].id
    assert document.set_param(conv, "stride", 2)
    document.seal()
    workbench.follow_edit_now()  # what the debounce timer does once the person pauses
    stroke(workbench.draw.canvas, line((140, 40), (140, 240)))
    workbench.window.tabs.setCurrentIndex(workbench.slide_page)
    qtbot.waitUntil(lambda: workbench.slide.sliding is not None, timeout=3000)
    assert workbench.hub.active.design == document.design
    assert _formula(workbench).endswith("floor(27 / 2) + 1 = 14") and workbench.slide.sliding.out_shape[1:] == (14, 14)
    assert workbench.hub.active.title() in workbench.slide.source_label.text()  # which network, and how trained
    assert document.set_param(conv, "stride", 1)
    document.seal()
    qtbot.waitUntil(lambda: workbench.slide.sliding is not None and workbench.slide.sliding.out_shape[1:] == (28, 28),
                    timeout=3000)  # the debounced follow, with no call from the test
    assert _formula(workbench).endswith("- 1) / 1 + 1 = 28")


def test_the_pages_say_when_they_show_another_network_than_the_edited_one(workbench) -> None:
    example = next(p for p in example_paths() if p.stem == "mnist_cnn")
    assert workbench.window.open_example(example)  # on the Design page: its network is not built yet
    design_name = load_design(example).name
    assert workbench.hub.active.source == DEFAULT_SOURCE and not workbench.hub.shows_followed()
    assert f"not the design on the Design page ({design_name})" in workbench.draw.model_label.text()
    assert f"not the design being edited ({design_name})" in workbench.slide.source_label.text()
    workbench.window.tabs.setCurrentIndex(workbench.draw_page)  # now it is built, and the notes go
    assert workbench.hub.shows_followed() and "not the design" not in workbench.draw.model_label.text()


def test_a_design_opened_from_the_command_line_is_the_network_on_the_draw_page(qtbot) -> None:
    example = next(p for p in example_paths() if p.stem == "mnist_cnn")
    bench = Workbench()
    qtbot.addWidget(bench.window)
    bench.start_session(example)
    bench.window.tabs.setCurrentIndex(bench.draw_page)
    assert bench.hub.active.design == load_design(example)
    assert load_design(example).name in bench.draw.model_label.text()
    assert "not the design" not in bench.draw.model_label.text()
    bench.window.close()


def test_a_kept_better_model_offers_the_new_one_on_the_train_and_draw_pages(workbench, qtbot) -> None:
    from playground.core.builder import build_model
    from playground.ui.state.active_model import ActiveModel

    kept = workbench.hub.active
    design = workbench.window.document.design
    newer = ActiveModel(design, build_model(design), "trained: LeNet-5", metrics={"val_acc": 0.862})
    workbench.hub.keep_better(kept, newer)
    workbench.window.tabs.setCurrentIndex(workbench.draw_page)
    bar = workbench.draw.candidate_bar
    assert bar.isVisible() and workbench.training.candidate_bar.label.text() == bar.label.text()
    assert f"{100 * kept.val_acc:.1f}%" in bar.label.text() and "86.2%" in bar.label.text()
    qtbot.mouseClick(bar.use_button, Qt.MouseButton.LeftButton)
    assert workbench.hub.active is newer and not bar.isVisible()
