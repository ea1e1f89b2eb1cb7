"""The kernel slide's sandbox: typed numbers and the presets animate as a network's layer does."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt

from playground.core.conv_sandbox import PRESETS
from playground.ui.slide.slide_page import KernelSlidePage
from playground.ui.state.active_model import ModelHub


@pytest.fixture
def page(qtbot) -> KernelSlidePage:
    hub = ModelHub()
    hub.use_default()
    view = KernelSlidePage(hub)
    qtbot.addWidget(view)
    view.resize(1100, 700)
    view.show()
    qtbot.waitExposed(view)
    view.open_sandbox()
    return view


def _output(page) -> list[list[float]]:
    return page.sliding.channel(0).output_map().tolist()


def test_the_first_preset_slides_zero_to_eight_into_the_tutorials_numbers(page) -> None:
    page.sandbox.choose_preset("[0..8]")
    assert _output(page) == [[19, 25], [37, 43]]
    assert page.step.value == 19  # the first window: 0·0 + 1·1 + 3·2 + 4·3
    assert page.source_label.text().startswith("sandbox")
    assert page.block_combo.currentText() == PRESETS[0].name


@pytest.mark.parametrize("example", PRESETS, ids=lambda p: p.name)
def test_every_preset_shows_its_own_numbers(page, example) -> None:
    page.sandbox.choose_preset(example.name)
    expected = example.spec.output()
    assert page.sliding.out_shape == expected.shape
    assert np.array_equal(page.sliding.channel(0).output_map(), expected[0])


def test_typed_numbers_and_settings_are_what_slides(page, qtbot) -> None:
    sandbox = page.sandbox
    sandbox.input_edit.setPlainText("1 2 3\n4 5 6\n7 8 9")
    assert sandbox.preset is None  # the person's own numbers
    sandbox.kernel_edit.setPlainText("1 0\n0 1")
    sandbox.bias_edit.setText("10")
    sandbox.padding_spin.setValue(1)
    qtbot.mouseClick(sandbox.apply_button, Qt.MouseButton.LeftButton)
    assert page.sliding.out_shape == (1, 4, 4)
    assert _output(page)[1][1] == 1 + 5 + 10
    sandbox.kernel_edit.setPlainText("1 0\n0")
    assert not sandbox.apply() and "same number" in sandbox.error_label.text()
    assert _output(page)[1][1] == 16  # the last good convolution stays on show


def test_the_shift_preset_compares_the_maps_before_and_after_pooling(page) -> None:
    page.sandbox.choose_preset("Edge")
    assert page.sandbox.shifted_box.isVisible()
    assert "after pooling the maps are the same" in page.sandbox.note_label.text()
    before = page.sliding.channel(0).output_map()
    page.sandbox.shifted_box.setChecked(True)
    assert np.array_equal(page.sliding.channel(0).output_map()[:, 1:], before[:, :-1])


def test_closing_the_sandbox_goes_back_to_the_network(page) -> None:
    page.close_sandbox()
    assert page.block_combo.currentData() is not None and not page.sandbox.isVisible()
