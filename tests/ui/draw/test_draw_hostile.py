"""The Draw page with hostile input: diverged (NaN) weights and images Pillow chokes on."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from playground import paths
from playground.core.builder import build_model
from playground.core.design import load_design
from playground.ui.state.active_model import ActiveModel, ModelHub
from playground.ui.widgets.tile_grid import NOT_A_NUMBER
from ui_helpers import loop, stroke


@pytest.fixture
def hub() -> ModelHub:
    design = load_design(paths.examples_dir() / "lenet5.json")
    hub = ModelHub()
    hub.set_active(ActiveModel(design, build_model(design).eval(), "lenet5", trained=False))
    return hub


def is_magenta(tiles: np.ndarray) -> np.ndarray:
    return (tiles == NOT_A_NUMBER).all(axis=-1)


def test_nan_weights_are_drawn_as_not_a_number_and_said_so(panel, hub, qtbot) -> None:
    state = {k: v.clone() for k, v in hub.active.model.state_dict().items()}
    state["conv2d1.weight"][0] = float("nan")  # the first kernel diverged, so its whole output map is NaN
    state["conv2d1.weight"][1, 0, 0, 0] = float("inf")
    hub.update_weights(state, "trained: epoch 9 (diverged)")

    stroke(panel.canvas, loop())  # every drawing repaints the maps: no IndexError in the colouring
    view = panel.feature_maps
    qtbot.waitUntil(lambda: view.channel_count == 6)
    assert view.current_block_id() == "conv2d1"
    tiles = view.grid.tile_arrays
    assert is_magenta(tiles[0]).all() and not is_magenta(tiles[2]).any()
    assert "values are not numbers (NaN or infinite), shown in magenta" in view.info_label.text()

    panel.tabs.setCurrentWidget(panel.kernels)
    kernels = panel.kernels
    assert kernels.current_block_id() == "conv2d1"
    tiles = kernels.grid.tile_arrays
    assert is_magenta(tiles[0]).all() and is_magenta(tiles[1]).sum() == 1 and not is_magenta(tiles[2]).any()
    assert "26 of 150 values are not numbers" in kernels.info_label.text()


def test_an_image_with_bad_exif_is_reported_under_the_canvas(panel, tmp_path) -> None:
    path = tmp_path / "bad-exif.png"
    Image.new("L", (28, 28), 255).save(path, exif=b"garbage!xx")  # Pillow: SyntaxError "not a TIFF file"
    assert not panel.load_image(str(path))
    assert panel.error_label.isVisible()
    assert panel.error_label.text().startswith(f"{path}: cannot read image (not a TIFF file")
    assert panel.canvas.stroke_count == 0
