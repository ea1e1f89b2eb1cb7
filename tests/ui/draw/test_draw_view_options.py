"""The Draw page's switch for MNIST's centring and its shift/rotate/scale sliders change
what the network gets, and the thumbnail and the answer follow."""

from __future__ import annotations

import pytest
import torch
from ui_helpers import line, stroke

from playground.core.digit import centre_of_mass
from playground.ui.draw.draw_panel import DrawPanel
from playground.ui.state.active_model import ModelHub


@pytest.fixture
def panel(qtbot) -> DrawPanel:
    hub = ModelHub()
    hub.use_default()
    view = DrawPanel(hub)
    qtbot.addWidget(view)
    view.resize(1200, 800)
    view.show()
    qtbot.waitExposed(view)
    stroke(view.canvas, line((50, 30), (50, 110)))  # a short "1" near the top-left corner
    view.update_prediction()
    return view


def test_without_centring_the_network_sees_the_digit_where_it_was_drawn(panel) -> None:
    assert centre_of_mass(panel.current_input) == pytest.approx((14, 14), abs=0.6)
    panel.view_options.centre_box.setChecked(False)
    row, col = centre_of_mass(panel.current_input)
    assert row < 9 and col < 8  # near the top-left, as drawn
    assert panel.current_inspection is not None  # and it is classified like that


def test_the_sliders_move_turn_and_resize_what_the_network_gets(panel) -> None:
    centred = panel.current_input.clone()
    panel.view_options.shift_x.setValue(4)
    assert centre_of_mass(panel.current_input)[1] == pytest.approx(centre_of_mass(centred)[1] + 4, abs=0.3)
    panel.view_options.rotate.setValue(90)
    rows, cols = torch.nonzero(panel.current_input[0] > 0.5, as_tuple=True)
    assert int(cols.max() - cols.min()) > int(rows.max() - rows.min())  # the upright stroke now lies flat
    panel.view_options.reset()
    assert torch.equal(panel.current_input, centred)
    panel.view_options.scale.setValue(50)
    assert float(panel.current_input.sum()) < 0.6 * float(centred.sum())
