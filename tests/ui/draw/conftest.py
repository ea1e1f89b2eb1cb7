"""The Draw page as the tests of this folder open it: over each test file's own `hub`."""

from __future__ import annotations

import pytest

from playground.ui.draw.draw_panel import DrawPanel


@pytest.fixture
def panel(qtbot, hub) -> DrawPanel:
    panel = DrawPanel(hub)
    qtbot.addWidget(panel)
    panel.resize(1200, 700)
    panel.show()
    return panel
