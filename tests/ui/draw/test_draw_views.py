"""The Draw page's inside views on their own: kernels of a colour network, feature maps of
flat and spatial outputs, hover read-outs."""

from __future__ import annotations

import numpy as np
import torch
from PySide6.QtCore import QEvent, QPointF, Qt

from playground.core.builder import build_model
from playground.core.design import design_from_dict
from playground.core.inspect_model import block_modules, conv_blocks
from playground.ui.draw.feature_maps import FeatureMapView
from playground.ui.draw.kernels_view import KernelView
from playground.ui.widgets.tile_grid import DIVERGING, TileGrid
from ui_helpers import mouse

COLOUR_NET = {"format": "cnn-playground.design", "version": 1, "input": [3, 32, 32], "layers": [
    {"type": "Conv2d", "out_channels": 8, "kernel_size": 3, "padding": 1},
    {"type": "ReLU"},
    {"type": "Conv2d", "out_channels": 4, "kernel_size": 3},
    {"type": "Flatten"},
    {"type": "Linear", "out_features": 10}]}


def hover(widget, pos: QPointF) -> None:
    mouse(widget, QEvent.Type.MouseMove, pos, Qt.MouseButton.NoButton, Qt.MouseButton.NoButton)


def colour_refs():
    design = design_from_dict(COLOUR_NET)
    model = build_model(design).eval()
    return model, block_modules(design, model)


def test_rgb_first_layer_kernels_are_colour_tiles_and_deeper_ones_a_grid(qtbot) -> None:
    model, refs = colour_refs()
    view = KernelView()
    qtbot.addWidget(view)
    view.resize(600, 500)
    view.set_blocks(conv_blocks(refs))
    assert view.grid_shape == (8, 1) and view.grid.tile_count == 8
    tiles = view.grid.tile_arrays
    weight = model.get_submodule("conv2d1").weight.detach()
    bound = float(weight.abs().max())
    expected = np.round((weight[0].permute(1, 2, 0).numpy() / bound + 1) * 127.5).astype(np.uint8)
    assert np.array_equal(tiles[0], expected)  # zero weight is mid grey, channels are R, G, B
    view.select_block("conv2d2")
    assert view.grid_shape == (4, 8) and view.grid.tile_count == 32
    assert "4 output × 8 input channels" in view.shape_label.text()


def test_kernel_tiles_are_centred_at_zero_and_hover_gives_the_weight(qtbot) -> None:
    model, refs = colour_refs()
    view = KernelView()
    qtbot.addWidget(view)
    view.resize(600, 500)
    view.show()
    view.set_blocks(conv_blocks(refs), select="conv2d2")
    with torch.no_grad():
        model.get_submodule("conv2d2").weight.zero_()
    view.refresh()
    assert (view.grid.tile_arrays == DIVERGING[128]).all()  # all-zero kernels: the colour of zero
    texts = []
    view.grid.hovered.connect(texts.append)
    hit = None
    for y in range(view.grid.height()):
        hit = view.grid.tile_at(QPointF(view.grid.width() / 2, y).toPoint())
        if hit is not None:
            hover(view.grid, QPointF(view.grid.width() / 2, y))
            break
    assert hit is not None and texts and "= 0" in texts[-1]


def test_feature_map_view_shows_channels_bars_and_messages(qtbot) -> None:
    _, refs = colour_refs()
    view = FeatureMapView()
    qtbot.addWidget(view)
    view.resize(500, 500)
    view.set_blocks(refs, {}, [str(i) for i in range(10)])
    chosen = []
    view.blockSelected.connect(chosen.append)
    view.select_block("relu1")
    assert chosen == ["relu1"]
    view.set_activation(torch.rand(8, 32, 32))
    assert view.channel_count == 8 and view.shape_label.text().startswith("output 8 × 32 × 32")
    view.set_activation(torch.randn(10))
    assert view.stack.currentWidget() is view.bars and view.channel_count == 10
    view.set_activation(None, "Draw a digit to see each block's output.")
    assert view.channel_count == 0 and view.grid.message == "Draw a digit to see each block's output."


def test_tile_grid_keeps_whole_pixel_magnification(qtbot) -> None:
    grid = TileGrid()
    qtbot.addWidget(grid)
    grid.resize(400, 400)
    grid.set_fit_height(400)
    grid.set_tiles(np.zeros((6, 28, 28, 3), np.uint8), [str(i) for i in range(6)])
    scale, columns, rows = grid._layout(400)  # noqa: SLF001
    assert scale >= 2 and columns * rows >= 6
    rect = grid._tile_rect(0, scale, columns)  # noqa: SLF001
    assert rect.width() == 28 * scale and rect.height() == 28 * scale


def _pixel(grid: TileGrid, x: int, y: int) -> tuple[int, int, int]:
    colour = grid.grab().toImage().pixelColor(x, y)
    return colour.red(), colour.green(), colour.blue()


def test_tile_grid_repaints_new_values_and_new_layouts_over_its_cached_frames(qtbot) -> None:
    grid = TileGrid()
    qtbot.addWidget(grid)
    grid.resize(400, 300)
    grid.set_fit_height(300)
    red = np.zeros((4, 6, 6, 3), np.uint8)
    red[..., 0] = 255
    grid.set_tiles(red, ["0", "1", "2", "3"])
    _, _, rects = grid._placement()  # noqa: SLF001
    centre = rects[3].center()
    assert _pixel(grid, centre.x(), centre.y()) == (255, 0, 0)
    frame = rects[3].adjusted(-1, -1, 0, 0).topLeft()
    assert _pixel(grid, frame.x(), frame.y()) == TileGrid.FRAME

    blue = np.zeros_like(red)
    blue[1:, :, :, 2] = 255  # same layout, new values: only the tiles change
    blue[0, 2, 3] = (0, 255, 0)
    grid.set_tiles(blue, ["0", "1", "2", "3"])
    assert _pixel(grid, centre.x(), centre.y()) == (0, 0, 255)
    scale, _, rects = grid._placement()  # noqa: SLF001
    x, y = rects[0].x() + 3 * scale + scale // 2, rects[0].y() + 2 * scale + scale // 2
    assert _pixel(grid, x, y) == (0, 255, 0)  # one source pixel is one whole scale x scale block

    grid.resize(200, 300)  # a new layout: new places, new frames
    grid.set_fit_height(300)
    _, _, moved = grid._placement()  # noqa: SLF001
    assert moved != rects
    assert _pixel(grid, moved[3].center().x(), moved[3].center().y()) == (0, 0, 255)
    corner = moved[3].adjusted(-1, -1, 0, 0).topLeft()
    assert _pixel(grid, corner.x(), corner.y()) == TileGrid.FRAME
