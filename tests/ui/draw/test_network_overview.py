"""The Draw page's network overview: one column per top-level block from the same pass
as the prediction, tiles that match the block outputs, hover text, and clicks that open
the Feature maps view or (for a convolution) the Kernel slide page at that block."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from playground.core.checkpoint import load_default_checkpoint
from playground.ui.draw.draw_panel import DrawPanel
from playground.ui.draw.network_overview import OVERVIEW_BARS, OVERVIEW_TILES
from playground.ui.shell.workbench import Workbench
from playground.ui.state.active_model import ActiveModel, ModelHub
from ui_helpers import line, stroke


def draw_seven(canvas) -> None:
    stroke(canvas, line((70, 55), (210, 55)))
    stroke(canvas, line((210, 55), (120, 235)))


@pytest.fixture(scope="module")
def default_checkpoint():
    return load_default_checkpoint()


@pytest.fixture
def panel(qtbot, default_checkpoint) -> DrawPanel:
    hub = ModelHub()
    hub.set_active(ActiveModel.from_checkpoint(default_checkpoint, "pretrained default"))
    panel = DrawPanel(hub)
    qtbot.addWidget(panel)
    panel.resize(1400, 800)
    panel.show()
    panel.tabs.setCurrentWidget(panel.overview)
    return panel


def _drawn(qtbot, panel: DrawPanel) -> None:
    draw_seven(panel.canvas)
    panel.update_prediction()
    qtbot.waitUntil(lambda: not panel.overview.pending)


def _click(widget, pos: QPoint) -> None:
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos)


def test_one_column_per_top_level_block_with_tiles_matching_the_inspection(qtbot, panel) -> None:
    _drawn(qtbot, panel)
    overview, active = panel.overview, panel.hub.active
    assert overview.objectName() == "networkOverview"
    assert overview.column_ids() == [block.id for block in active.design.layers]
    inspection = panel.current_inspection
    last = active.design.layers[-1].id
    for block_id in overview.column_ids()[:-1]:
        output = inspection.activations[block_id]
        expected = min(output.shape[0], OVERVIEW_TILES) if output.dim() == 3 else min(output.numel(), OVERVIEW_BARS)
        assert len(overview.tiles_of(block_id)) == expected, block_id
    assert len(overview.tiles_of(last)) == inspection.probabilities.numel()


def test_the_overview_comes_from_the_predictions_own_pass(qtbot, panel) -> None:
    _drawn(qtbot, panel)
    overview = panel.overview
    conv = next(b.id for b in panel.hub.active.design.layers if b.type == "Conv2d")
    first = overview.tiles_of(conv)[0]
    output = panel.current_inspection.activations[conv][0]
    assert first.low == pytest.approx(float(output.min())) and first.high == pytest.approx(float(output.max()))


def test_hovering_a_tile_names_block_channel_and_range(qtbot, panel) -> None:
    _drawn(qtbot, panel)
    overview = panel.overview
    conv = next(b.id for b in panel.hub.active.design.layers if b.type == "Conv2d")
    tile = overview.tiles_of(conv)[2]
    QTest.mouseMove(overview.canvas, tile.rect.center().toPoint())
    assert conv in overview.canvas.hover_text and "channel 2" in overview.canvas.hover_text
    assert "…" in overview.canvas.hover_text


def test_clicking_a_pooling_tile_opens_it_in_feature_maps(qtbot, panel) -> None:
    _drawn(qtbot, panel)
    overview = panel.overview
    pool = next(b.id for b in panel.hub.active.design.layers if b.type.endswith("Pool2d"))
    _click(overview.canvas, overview.tiles_of(pool)[0].rect.center().toPoint())
    assert panel.tabs.currentWidget() is panel.feature_maps
    assert panel.feature_maps.current_block_id() == pool


def test_an_empty_canvas_shows_no_columns_of_tiles(qtbot, panel) -> None:
    panel.update_prediction()
    qtbot.waitUntil(lambda: not panel.overview.pending)
    assert panel.overview.canvas.tiles == []


@pytest.fixture
def workbench(qtbot) -> Workbench:
    bench = Workbench()
    qtbot.addWidget(bench.window)
    bench.start_session()
    bench.window.resize(1400, 900)
    bench.window.show()
    qtbot.waitExposed(bench.window)
    yield bench
    bench.window.close()


def test_clicking_a_conv_tile_opens_the_kernel_slide_page_at_that_block(qtbot, workbench) -> None:
    window, draw = workbench.window, workbench.draw
    window.tabs.setCurrentIndex(workbench.draw_page)
    draw.tabs.setCurrentWidget(draw.overview)
    _drawn(qtbot, draw)
    convs = [b.id for b in workbench.hub.active.design.layers if b.type == "Conv2d"]
    target = convs[-1]
    tile = draw.overview.tiles_of(target)[3]
    draw.overview.ensureVisible(int(tile.rect.center().x()), int(tile.rect.center().y()))
    QApplication.processEvents()
    _click(draw.overview.canvas, tile.rect.center().toPoint())
    assert window.tabs.currentIndex() == workbench.slide_page
    assert workbench.slide.block_combo.currentData() == target
    assert workbench.slide.out_channel_spin.value() == 3
