"""The Draw page in Chinese: switched while open (View ▸ Language), every tab of its inside
views says nothing in English but code names (tests/ui/i18n_helpers.py's allow-list)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from i18n_helpers import english_words
from playground.core.checkpoint import load_default_checkpoint
from playground.ui.draw.draw_panel import DrawPanel
from playground.ui.state.active_model import ActiveModel, ModelHub
from ui_helpers import line, stroke

# The bar offering a newly trained model is the shared widgets' (ui/widgets/candidate_bar.py),
# translated with them; the whole window's test covers it.
NOT_THIS_PAGES = ("candidateBar ", "candidateText ", "useCandidateButton ")


def page_english(panel: DrawPanel) -> list[str]:
    return [problem for problem in english_words(panel) if not problem.startswith(NOT_THIS_PAGES)]


@pytest.fixture(scope="module")
def default_checkpoint():
    return load_default_checkpoint()


@pytest.fixture
def english_panel(qtbot, default_checkpoint) -> DrawPanel:
    """The page built in English with a seven drawn; the test switches the language after.
    The model's source is a file name, as for a loaded checkpoint (data, not the page's words)."""
    hub = ModelHub()
    hub.set_active(ActiveModel.from_checkpoint(default_checkpoint, "lenet5.pt"))
    panel = DrawPanel(hub)
    qtbot.addWidget(panel)
    panel.resize(1400, 800)
    panel.show()
    stroke(panel.canvas, line((70, 55), (210, 55)))
    stroke(panel.canvas, line((210, 55), (120, 235)))
    panel.update_prediction()
    assert panel.tabs.tabText(0) == "Feature maps" and "sure" in panel.confidence_label.text()
    return panel


def _show_tab(qtbot, panel: DrawPanel, index: int) -> None:
    panel.tabs.setCurrentIndex(index)
    panel.update_prediction()
    QApplication.processEvents()
    qtbot.waitUntil(lambda: not panel.overview.pending and not panel.saliency_busy)


def test_every_tab_of_the_draw_page_reads_in_chinese_after_a_live_switch(qtbot, english_panel, zh_CN) -> None:
    panel = english_panel
    qtbot.waitUntil(lambda: panel.tabs.tabText(0) == "特征图")  # LanguageChange lands on the next turn
    assert "把握" in panel.confidence_label.text()  # the answer's texts were made again
    for index in range(panel.tabs.count()):
        _show_tab(qtbot, panel, index)
        assert page_english(panel) == [], panel.tabs.tabText(index)
    overview = panel.overview
    conv = overview.column_ids()[0]
    assert "通道" in overview.canvas.describe(overview.tiles_of(conv)[0])  # the overview's hover text too


def test_the_page_without_a_model_reads_in_chinese(qtbot, zh_CN) -> None:
    panel = DrawPanel(ModelHub())
    qtbot.addWidget(panel)
    panel.show()
    for index in range(panel.tabs.count()):
        _show_tab(qtbot, panel, index)
        assert page_english(panel) == [], panel.tabs.tabText(index)
    assert panel.confidence_label.text() == "没有可询问的模型"
