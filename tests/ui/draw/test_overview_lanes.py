"""The network overview shows a composite's branches side by side: one lane per child list
(a residual's body and shortcut, each branch of a concat), each with its blocks' columns,
from the same single forward pass; inner tiles answer hover and clicks like top-level ones."""

from __future__ import annotations

import pytest
import torch
import torch.nn as nn
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from playground.core.builder import build_model
from playground.core.design import Design, design_from_dict, load_design
from playground.paths import examples_dir
from playground.ui.draw.draw_panel import DrawPanel
from playground.ui.draw.overview_layout import LANE_TILES, OVERVIEW_TILES
from playground.ui.state.active_model import ActiveModel, ModelHub
from ui_helpers import line, stroke


def _active(design: Design) -> ActiveModel:
    torch.manual_seed(0)
    return ActiveModel(design, build_model(design).eval(), "untrained here", trained=False)


def _example(name: str) -> ActiveModel:
    return _active(load_design(examples_dir() / f"{name}.json"))


def _panel(qtbot, active: ActiveModel) -> DrawPanel:
    hub = ModelHub()
    hub.set_active(active)
    panel = DrawPanel(hub)
    qtbot.addWidget(panel)
    panel.resize(1400, 800)
    panel.show()
    panel.tabs.setCurrentWidget(panel.overview)
    _draw(qtbot, panel)
    return panel


def _draw(qtbot, panel: DrawPanel) -> None:
    stroke(panel.canvas, line((70, 55), (210, 55)))
    stroke(panel.canvas, line((210, 55), (120, 235)))
    panel.update_prediction()
    qtbot.waitUntil(lambda: not panel.overview.pending)


def _click(widget, pos: QPoint) -> None:
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos)


def _children_ids(design: Design, block_id: str) -> list[list[str]]:
    block = next(b for b in design.layers if b.id == block_id)
    return [[child.id for child in children] for children in block.children]


def _assert_tiles_match(panel: DrawPanel, block_ids: list[str], cap: int) -> None:
    activations = panel.current_inspection.activations
    for block_id in block_ids:
        output = activations[block_id]
        assert output.dim() == 3, block_id
        assert len(panel.overview.tiles_of(block_id)) == min(output.shape[0], cap), block_id


def test_a_residual_shows_body_and_shortcut_as_lanes_with_tiles_matching_the_pass(qtbot) -> None:
    panel = _panel(qtbot, _example("resnet_mini"))
    design, overview = panel.hub.active.design, panel.overview
    assert overview.column_ids() == [block.id for block in design.layers]  # still one group per top-level block
    projected = next(b.id for b in design.layers if b.type == "Residual" and b.children[1])
    identity = next(b.id for b in design.layers if b.type == "Residual" and not b.children[1])
    body, shortcut = _children_ids(design, projected)
    assert overview.lanes_of(projected) == [body, shortcut]
    _assert_tiles_match(panel, body + shortcut, LANE_TILES)  # two branches run side by side: compact
    assert overview.lanes_of(identity) == [_children_ids(design, identity)[0], []]  # the identity shortcut's lane
    _assert_tiles_match(panel, _children_ids(design, identity)[0], OVERVIEW_TILES)
    merged = panel.current_inspection.activations[projected]
    assert len(overview.tiles_of(projected)) == min(merged.shape[0], OVERVIEW_TILES)  # the sum, after the lanes


def test_the_lanes_come_from_the_predictions_one_forward_pass(qtbot) -> None:
    active = _example("resnet_mini")
    calls = []
    active.model.register_forward_hook(lambda *_args: calls.append(1))
    panel = _panel(qtbot, active)
    calls.clear()
    panel.update_prediction()
    qtbot.waitUntil(lambda: not panel.overview.pending)
    assert len(calls) == 1  # one update, one pass: the lanes' outputs were captured in it
    design = active.design
    projected = next(b.id for b in design.layers if b.type == "Residual" and b.children[1])
    shortcut_conv = _children_ids(design, projected)[1][0]
    tile = panel.overview.tiles_of(shortcut_conv)[1]
    output = panel.current_inspection.activations[shortcut_conv][1]
    assert tile.low == pytest.approx(float(output.min())) and tile.high == pytest.approx(float(output.max()))


def test_an_inception_block_shows_one_lane_per_branch_stacked_top_to_bottom(qtbot) -> None:
    panel = _panel(qtbot, _example("inception_mini"))
    design, overview = panel.hub.active.design, panel.overview
    concat = next(b.id for b in design.layers if b.type == "Concat")
    branches = _children_ids(design, concat)
    assert len(branches) == 4 and overview.lanes_of(concat) == branches
    _assert_tiles_match(panel, [block_id for branch in branches for block_id in branch], LANE_TILES)
    lanes = overview.canvas.by_id[concat].lanes
    assert all(upper.rect.bottom() < lower.rect.top() for upper, lower in zip(lanes, lanes[1:]))
    first_tiles = [overview.tiles_of(branch[0])[0].rect for branch in branches]
    assert len({round(rect.left()) for rect in first_tiles}) == 1  # the branches start in one column
    group = overview.canvas.by_id[concat]
    assert all(lane.rect.right() < group.rect.left() for lane in lanes)  # the merged output comes after them


def test_hovering_an_inner_tile_names_its_block_and_where_it_sits(qtbot) -> None:
    panel = _panel(qtbot, _example("inception_mini"))
    design, overview = panel.hub.active.design, panel.overview
    concat = next(b for b in design.layers if b.type == "Concat")
    conv = concat.children[2][0].id
    tile = overview.tiles_of(conv)[1]
    overview.ensureVisible(int(tile.rect.center().x()), int(tile.rect.center().y()))
    QTest.mouseMove(overview.canvas, overview.canvas.mapFrom(overview.canvas, tile.rect.center().toPoint()))
    text = overview.canvas.hover_text
    assert conv in text and "channel 1" in text and "…" in text
    assert concat.label in text and "branch 3" in text
    assert "slide this kernel" in text


def test_clicking_an_inner_conv_tile_opens_the_kernel_slide_page_at_that_block(qtbot, workbench) -> None:
    active = _example("resnet_mini")
    workbench.hub.set_active(active)
    window, draw = workbench.window, workbench.draw
    window.tabs.setCurrentIndex(workbench.draw_page)
    draw.tabs.setCurrentWidget(draw.overview)
    _draw(qtbot, draw)
    projected = next(b.id for b in active.design.layers if b.type == "Residual" and b.children[1])
    target = _children_ids(active.design, projected)[1][0]  # the 1x1 projection in the shortcut lane
    tile = draw.overview.tiles_of(target)[2]
    draw.overview.ensureVisible(int(tile.rect.center().x()), int(tile.rect.center().y()))
    QApplication.processEvents()
    _click(draw.overview.canvas, tile.rect.center().toPoint())
    assert window.tabs.currentIndex() == workbench.slide_page
    assert workbench.slide.block_combo.currentData() == target
    assert workbench.slide.out_channel_spin.value() == 2
    assert workbench.slide.sliding is not None and workbench.slide.sliding.out_channels == 32


UPSAMPLING_BRANCH = {
    "format": "cnn-playground.design", "version": 1, "name": "Transposed inside", "input": [1, 28, 28],
    "layers": [
        {"type": "Conv2d", "id": "stem", "out_channels": 4, "kernel_size": 3, "padding": 1},
        {"type": "Residual", "id": "res", "body": [
            {"type": "ConvTranspose2d", "id": "up", "out_channels": 4, "kernel_size": 3, "padding": 1}]},
        {"type": "Flatten", "id": "flat"},
        {"type": "Linear", "id": "fc", "out_features": 10},
    ],
}


def test_a_conv_the_slide_page_cannot_show_says_why_and_opens_in_feature_maps(qtbot) -> None:
    panel = _panel(qtbot, _active(design_from_dict(UPSAMPLING_BRANCH)))
    overview = panel.overview
    assert isinstance(panel.hub.active.model.res.body[0], nn.ConvTranspose2d)
    tile = overview.tiles_of("up")[0]
    assert tile.convolution and not tile.slidable
    text = overview.canvas.describe(tile)
    assert "cannot show a ConvTranspose2d" in text and "Feature maps" in text
    chosen, slides = [], []
    overview.blockChosen.connect(chosen.append)
    overview.openInSlide.connect(lambda *args: slides.append(args))
    overview.ensureVisible(int(tile.rect.center().x()), int(tile.rect.center().y()))
    QApplication.processEvents()
    _click(overview.canvas, tile.rect.center().toPoint())
    assert chosen == ["up"] and slides == []
    assert panel.tabs.currentWidget() is panel.feature_maps
    assert panel.feature_maps.current_block_id() == "up"
