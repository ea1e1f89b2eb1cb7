"""Block previews in the design editor: each card shows what its block makes of the
sample, they follow every edit (stale until the new pass lands), and a design with an
error shows none."""

from __future__ import annotations

import numpy as np
import torch

from playground.core.block_preview import BARS, MAPS, PREVIEW_MACS_LIMIT, PROBABILITIES, colour_sample, sample_input
from playground.core.design import design_from_dict, load_design
from playground.core.inspect_model import block_modules
from playground.paths import examples_dir
from playground.ui.design.editor import DesignEditor
from playground.ui.state.active_model import ActiveModel, ModelHub
from playground.ui.state.document import DesignDocument
from playground.ui.state.previews import BlockPreviews
from playground.core.builder import build_model

SMALL_NET = {
    "format": "cnn-playground.design", "version": 1, "name": "Small", "input": [1, 28, 28],
    "layers": [
        {"type": "Conv2d", "id": "conv", "out_channels": 6, "kernel_size": 5},
        {"type": "ReLU", "id": "relu"},
        {"type": "MaxPool2d", "id": "pool", "kernel_size": 2},
        {"type": "Flatten", "id": "flat"},
        {"type": "Linear", "id": "fc", "out_features": 10},
    ],
}


def _editor(qtbot, data: dict = SMALL_NET, hub: ModelHub | None = None) -> tuple[DesignEditor, BlockPreviews]:
    document = DesignDocument(design_from_dict(data))
    hub = hub or ModelHub()
    previews = BlockPreviews(document, hub)
    editor = DesignEditor(document)
    qtbot.addWidget(editor)
    editor.set_previews(previews)
    editor.resize(700, 1000)
    editor.show()
    _settle(qtbot, previews)
    return editor, previews


def _settle(qtbot, previews: BlockPreviews) -> None:
    qtbot.waitUntil(lambda: not previews.busy and not previews.stale)
    qtbot.waitUntil(lambda: not previews.job.running)


def test_previews_appear_on_every_card_by_kind(qtbot) -> None:
    editor, previews = _editor(qtbot)
    assert editor.previews_shown
    for block_id in ("conv", "relu", "pool", "flat", "fc"):
        assert editor.has_preview(block_id), block_id
    assert editor.block_preview("conv").kind == MAPS
    assert editor.block_preview("conv").channels == 6
    assert editor.block_preview("flat").kind == BARS
    last = editor.block_preview("fc")
    assert last.kind == PROBABILITIES and abs(float(last.values.sum()) - 1.0) < 1e-4
    assert not previews.latest.trained  # no active model of this design: the untrained network
    assert editor.viewport().grab().width() > 0  # the previews paint


def test_previews_change_after_an_edit_and_are_stale_until_they_land(qtbot) -> None:
    editor, previews = _editor(qtbot)
    before = editor.block_preview("conv")
    stale_seen = []
    previews.staleChanged.connect(stale_seen.append)
    editor.document.set_param("conv", "out_channels", 3)
    assert editor.previews_stale  # greyed at once, before the pass lands
    _settle(qtbot, previews)
    assert stale_seen == [True, False]
    after = editor.block_preview("conv")
    assert before.channels == 6 and after.channels == 3
    assert len(after.values) == 3


def test_a_broken_block_shows_no_preview(qtbot) -> None:
    editor, previews = _editor(qtbot)
    editor.document.set_param("conv", "kernel_size", 40)  # bigger than the 28x28 input
    _settle(qtbot, previews)
    assert editor.document.analysis.by_id["conv"].error
    assert not editor.has_preview("conv")
    assert previews.problem


def test_the_active_models_weights_are_used_when_the_design_matches(qtbot) -> None:
    design = design_from_dict(SMALL_NET)
    torch.manual_seed(3)
    model = build_model(design)
    hub = ModelHub()
    hub.set_active(ActiveModel(design, model, "trained here"))
    editor, previews = _editor(qtbot, hub=hub)
    assert previews.latest.trained
    refs = {r.block_id: r.module for r in block_modules(design, model)}
    conv = refs["conv"](  # the same first feature map, computed here directly
        (sample_input(None, design.input) - 0.1307) / 0.3081)[0].detach()
    shown = editor.block_preview("conv")
    assert np.allclose(shown.lows, conv.reshape(6, -1).min(1).values.numpy()[:len(shown.lows)], atol=1e-5)


def test_the_drawn_digit_replaces_the_sample(qtbot) -> None:
    editor, previews = _editor(qtbot)
    before = previews.latest.probabilities.copy()
    digit = torch.zeros(1, 28, 28)
    digit[:, 4:24, 12:16] = 1.0
    previews.set_sample(digit)
    _settle(qtbot, previews)
    assert not np.allclose(before, previews.latest.probabilities)


def test_previews_can_be_switched_off_and_are_off_by_default_for_huge_designs(qtbot) -> None:
    editor, previews = _editor(qtbot)
    previews.set_shown(False)
    assert not editor.previews_shown and not editor.has_preview("conv")
    previews.set_shown(True)
    _settle(qtbot, previews)
    assert editor.has_preview("conv")
    big = load_design(examples_dir() / "vgg11.json")
    document = DesignDocument(big)
    assert document.analysis.total_macs > PREVIEW_MACS_LIMIT
    assert not BlockPreviews(document, ModelHub()).shown


def test_colour_designs_get_a_colour_sample() -> None:
    x = sample_input(None, (3, 32, 32))
    assert x.shape == (1, 3, 32, 32)
    assert not torch.allclose(x[0, 0], x[0, 2])  # the channels differ
    assert colour_sample(torch.ones(1, 28, 28))[0].min() > 0.9  # ink is warm


def test_the_view_menu_toggle_is_checkable_on_by_default_and_switches_previews(qtbot) -> None:
    from PySide6.QtGui import QAction

    from playground.ui.shell.workbench import Workbench

    bench = Workbench()
    qtbot.addWidget(bench.window)
    bench.start_session()
    bench.window.show()
    qtbot.waitExposed(bench.window)
    action = bench.window.findChild(QAction, "showPreviewsAction")
    assert action is not None and action.isCheckable() and action.isChecked()
    assert bench.previews.shown
    action.trigger()
    assert not action.isChecked() and not bench.previews.shown and not bench.window.editor.previews_shown
    action.trigger()
    assert bench.previews.shown
    _settle(qtbot, bench.previews)
    bench.window.close()


def test_no_pass_runs_while_the_editor_is_hidden_and_the_newest_runs_when_it_shows(qtbot) -> None:
    editor, previews = _editor(qtbot)
    before = previews.latest.probabilities.copy()
    editor.hide()
    digit = torch.zeros(1, 28, 28)
    digit[:, 6:22, 8:20] = 1.0
    previews.set_sample(digit)  # the Draw page's drawing changes while the Design page is hidden
    assert previews.stale and not previews.job.running
    editor.show()
    _settle(qtbot, previews)
    assert not np.allclose(before, previews.latest.probabilities)


RESIDUAL_NET = {
    "format": "cnn-playground.design", "version": 1, "name": "Residual", "input": [1, 28, 28],
    "layers": [
        {"type": "Conv2d", "id": "stem", "out_channels": 8, "kernel_size": 3, "padding": 1},
        {"type": "Residual", "id": "res", "label": "Block", "body": [
            {"type": "Conv2d", "id": "inner", "out_channels": 8, "kernel_size": 3, "padding": 1},
            {"type": "ReLU", "id": "inner_relu"}]},
        {"type": "Flatten", "id": "flat"},
        {"type": "Linear", "id": "fc", "out_features": 10},
    ],
}


def test_an_expanded_composite_shows_its_merged_output_greyed_while_stale_and_none_when_broken(qtbot) -> None:
    editor, previews = _editor(qtbot, RESIDUAL_NET)
    assert not editor.is_collapsed("res")
    assert editor.has_preview("res") and editor.has_preview("inner")
    merged = editor.block_preview("res")
    assert merged.kind == MAPS and merged.channels == 8
    header_with_preview = editor.block_rect("res")
    assert header_with_preview.bottom() <= editor.column_rect(editor.document.path_of("res") + (0,)).top()
    previews.set_shown(False)
    assert header_with_preview.height() > editor.block_rect("res").height()  # the header grew for it
    previews.set_shown(True)
    _settle(qtbot, previews)
    editor.document.set_param("stem", "out_channels", 6)  # breaks the sum: the body still gives 8
    assert editor.previews_stale and editor.has_preview("res")  # greyed at once, until the pass lands
    _settle(qtbot, previews)
    assert editor.document.analysis.by_id["res"].error
    assert not editor.has_preview("res")
