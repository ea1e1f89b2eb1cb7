"""The Kernel slide page in Chinese, switched while open: the controls, the captions and the
step's texts, the sandbox's fields; nothing in English but code names."""

from __future__ import annotations

import pytest
import torch

from i18n_helpers import english_words
from playground.core.checkpoint import load_default_checkpoint
from playground.core.conv_sandbox import PRESETS
from playground.ui.slide.slide_page import KernelSlidePage
from playground.ui.state.active_model import ActiveModel, ModelHub

# The sandbox's example names and notes are core's table (core/conv_sandbox.py, shown through
# core's catalogue with `_`): core's translation covers them, not this page's.
CORE_TEXTS = tuple(text[:30] for preset in PRESETS for text in (preset.name, preset.note))


def page_english(page: KernelSlidePage) -> list[str]:
    return [problem for problem in english_words(page)
            if not any(text in problem for text in CORE_TEXTS)]


@pytest.fixture
def english_page(qtbot) -> KernelSlidePage:
    hub = ModelHub()
    hub.set_active(ActiveModel.from_checkpoint(load_default_checkpoint(), "lenet5.pt"))
    page = KernelSlidePage(hub)
    qtbot.addWidget(page)
    page.resize(1300, 800)
    page.show()
    digit = torch.zeros(1, 28, 28)
    digit[:, 5:23, 12:16] = 1.0
    page.set_input(digit)
    assert page.play_button.text() == "Play" and page.sliding is not None
    return page


def test_the_kernel_slide_page_reads_in_chinese_after_a_live_switch(qtbot, english_page, zh_CN) -> None:
    page = english_page
    qtbot.waitUntil(lambda: page.play_button.text() == "播放")
    assert page_english(page) == []
    assert "第 1/" in page.position_label.text() and "输出通道" in page.canvas.detail.title
    page.out_channel_spin.setValue(2)
    page.step_forward()
    assert page_english(page) == []
    page.open_sandbox()
    assert page_english(page) == []
    page.close_sandbox()
    page.set_input(None)  # the message page
    assert "画一个数字" in page.message_label.text()
    assert page_english(page) == []
