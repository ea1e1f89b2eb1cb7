"""The Train page in Chinese: switched live while open, every tab, the settings form, a
finished run's texts, the plots' titles and axes, and the torchrun dialog read as Chinese
(no English word outside the code names of i18n_helpers); English again after switching back."""

from __future__ import annotations

import ast
import re

import pytest
from i18n_helpers import english_words, foreign_words
from ui_helpers import RUN_TIMEOUT_MS, TINY
from PySide6.QtWidgets import QApplication

from playground.core.datasets import cache_dir
from playground.core.design import design_from_dict
from playground.core.torchrun_job import DESIGN_FILE, LAUNCH_FILE
from playground.core.events import FinishedEvent
from playground.ui.shell.language import LanguageSwitcher
from playground.ui.state.active_model import ModelHub
from playground.ui.state.document import DesignDocument
from playground.ui.train.torchrun_dialog import TorchrunCommand
from playground.ui.train.training_panel import TrainingPanel


@pytest.fixture
def switcher(qapp):
    made = LanguageSwitcher.of(qapp)
    yield made
    made.apply("en")


@pytest.fixture
def panel(qtbot):
    design = design_from_dict({**TINY, "name": "小 CNN"})  # the design's name is the person's, not ours
    widget = TrainingPanel(DesignDocument(design), ModelHub())
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.waitUntil(lambda: not widget.picker.busy and widget.train_button.isEnabled(), timeout=10_000)
    yield widget
    widget.shutdown()


def _not_paths(problems: list[str], *names: str) -> list[str]:
    """Leave out texts whose only English is the data folder's path or the file `names`
    (data, the same in every language)."""
    path_words = set(re.findall(r"[A-Za-z][A-Za-z0-9_]*", " ".join((str(cache_dir()), *names))))
    return [p for p in problems if not set(ast.literal_eval(p.rsplit(" -> ", 1)[1])) <= path_words]


def _plot_texts(panel) -> list[str]:
    """The titles and axis labels pyqtgraph draws (items of a scene, not widgets)."""
    texts = []
    for plot in panel.plots.plots:
        item = plot.plot_widget.getPlotItem()
        texts += [item.titleLabel.text, item.getAxis("bottom").labelText, item.getAxis("left").labelText]
    for plot in (panel.runs.scatter, panel.runs.curves.loss_plot, panel.runs.curves.acc_plot):
        item = plot.getPlotItem()
        texts += [item.titleLabel.text, item.getAxis("bottom").labelText, item.getAxis("left").labelText]
    return texts


def _every_tab_in_chinese(qtbot, panel) -> None:
    for index in range(panel.tabs.count()):
        panel.tabs.setCurrentIndex(index)
        qtbot.wait(10)
        assert _not_paths(english_words(panel)) == [], panel.tabs.tabText(index)
    for text in _plot_texts(panel):
        assert foreign_words(text) == [], text


def test_the_train_page_switches_to_chinese_while_open_and_back(qtbot, panel, switcher):
    assert panel.train_button.text() == "Train" and panel.settings_box.title() == "Settings"
    switcher.apply("zh_CN")  # LanguageChange reaches the widgets on the next turn of the loop
    qtbot.waitUntil(lambda: panel.train_button.text() == "训练", timeout=5_000)
    assert panel.settings_box.title() == "设置" and panel.tabs.tabText(0) == "实时曲线"
    assert panel.settings.findChild(type(panel.settings.fields["memory_budget"]), "memoryBudget").text() == "自动"
    assert panel.picker.status.text().startswith("就绪：")
    _every_tab_in_chinese(qtbot, panel)
    switcher.apply("en")
    qtbot.waitUntil(lambda: panel.train_button.text() == "Train", timeout=5_000)
    assert panel.settings_box.title() == "Settings" and panel.progress.format() == "Not started"
    assert panel.plots.loss_plot.plot_widget.getPlotItem().getAxis("left").labelText == "cross-entropy"


def test_a_run_in_chinese_says_everything_in_chinese(qtbot, panel, switcher):
    switcher.apply("zh_CN")
    qtbot.waitUntil(lambda: panel.train_button.text() == "训练", timeout=5_000)
    panel.settings.max_train.setValue(256)
    panel.settings.epochs.setValue(1)
    panel.tabs.setCurrentWidget(panel.runs)  # the run history opens when first shown
    qtbot.waitUntil(lambda: panel.runs.store is not None, timeout=10_000)
    with qtbot.waitSignal(panel.trainingFinished, timeout=RUN_TIMEOUT_MS) as finished:
        panel.train_button.click()
        assert panel.train_button.text() == "暂停"
    assert isinstance(finished.args[0], FinishedEvent)
    assert panel.progress.format() == "完成：1 个 epoch" and panel.tabs.tabText(1) == "结果（epoch 1）"
    assert panel.runs.model.rowCount() == 1
    _every_tab_in_chinese(qtbot, panel)
    assert panel.results.caption.text().startswith("第 1/1 个 epoch")
    message = panel.message_label.text()
    switcher.apply("en")  # the run's texts are said again in English
    qtbot.waitUntil(lambda: panel.progress.format() == "Done: 1 epoch", timeout=5_000)
    assert panel.message_label.text() != message and panel.message_label.text().startswith("Finished after 1 epoch")
    panel.tabs.setCurrentWidget(panel.results)
    qtbot.waitUntil(lambda: panel.results.caption.text().startswith("Epoch 1 of 1"), timeout=5_000)


def test_the_torchrun_dialog_in_chinese(qtbot, panel, switcher):
    switcher.apply("zh_CN")
    QApplication.processEvents()
    dialog = TorchrunCommand(panel).open()
    qtbot.addWidget(dialog)
    problems = [p for p in english_words(dialog) if not p.startswith("torchrunCommand ")]  # a shell command
    assert _not_paths(problems, DESIGN_FILE, LAUNCH_FILE, "README") == []
    assert dialog.windowTitle() == "在多个 GPU/多台机器上运行"
