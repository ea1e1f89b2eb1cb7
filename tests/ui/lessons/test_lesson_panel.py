"""The Lessons panel in the window: open a lesson by clicking it, edit the design as a person
does (editor clicks, the context menu, drags, typing in the inspector) until it says solved;
progress outlives the window; the welcome, Help ▸ Lessons and training as evidence."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QLocale, QPoint, Qt
from PySide6.QtGui import QContextMenuEvent, QDrag
from PySide6.QtWidgets import QApplication, QListWidget, QMenu
from i18n_helpers import english_words
from ui_helpers import drag_drop, mouse

from playground.core.design import get_block
from playground.core.lessons import get_lesson
from playground.ui.lessons.lesson_panel import LessonPanel
from playground.ui.lessons.lesson_text import lesson_language
from playground.ui.shell.language import LanguageSwitcher
from playground.ui.shell.workbench import Workbench
from playground.ui.widgets.action_table import plain_text

RUN_TIMEOUT_MS = 120_000  # generous: the machine may be busy; never a speed assertion


def open_bench(qtbot) -> Workbench:
    """The app as a normal start opens it (settings isolated per test by conftest)."""
    bench = Workbench()
    qtbot.addWidget(bench.window)
    bench.start_session()
    bench.window.resize(1600, 1000)  # room for the editor beside the lesson text
    bench.window.show()
    qtbot.waitExposed(bench.window)
    return bench


@pytest.fixture
def bench(qtbot) -> Workbench:
    bench = open_bench(qtbot)
    yield bench
    bench.window.close()


def panel_of(bench: Workbench) -> LessonPanel:
    return bench.lessons_dock.panel


def click_lesson(qtbot, panel: LessonPanel, lesson_id: str) -> None:
    """Click the lesson's row in the list."""
    lessons: QListWidget = panel.list
    row = next(i for i in range(lessons.count())
               if lessons.item(i).data(Qt.ItemDataRole.UserRole) == lesson_id)
    lessons.scrollToItem(lessons.item(row))
    qtbot.mouseClick(lessons.viewport(), Qt.MouseButton.LeftButton,
                     pos=lessons.visualItemRect(lessons.item(row)).center())


def status(panel: LessonPanel) -> str:
    return panel.status_label.text() if panel.status.isVisible() else ""


def click_block(qtbot, bench: Workbench, block_id: str) -> None:
    editor = bench.window.editor
    editor.ensure_visible(block_id)
    qtbot.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton, pos=editor.block_rect(block_id).center())
    assert bench.window.document.selected_id == block_id


def type_into(qtbot, spin, text: str) -> None:
    """Select the field's text and type over it, as a person does."""
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, text)


def right_click(bench: Workbench, block_id: str, choice: str, monkeypatch) -> None:
    """Open the block's context menu and choose `choice` from what it offers."""
    editor = bench.window.editor

    def pick(menu: QMenu, _pos) -> None:
        next(a for a in menu.actions() if plain_text(a.text()) == choice).trigger()

    monkeypatch.setattr(editor, "show_menu", pick)
    editor.ensure_visible(block_id)
    pos = editor.block_rect(block_id).center()
    QApplication.sendEvent(editor.viewport(), QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, pos, editor.viewport().mapToGlobal(pos)))


def drag_card(bench: Workbench, block_id: str, after_id: str, monkeypatch) -> None:
    """Scroll the card into view as a person would, press on it, move past the drag
    distance; the drag drops just under the card of `after_id`."""
    editor = bench.window.editor
    editor.ensure_visible(block_id)
    target = below(bench, after_id)

    def fake_exec(drag: QDrag, *args) -> Qt.DropAction:
        drop = drag_drop(editor.viewport(), drag.mimeData(), target)
        return drop.dropAction() if drop.isAccepted() else Qt.DropAction.IgnoreAction

    monkeypatch.setattr(QDrag, "exec", fake_exec)
    start = editor.block_rect(block_id).center()
    mouse(editor.viewport(), QEvent.Type.MouseButtonPress, start)
    mouse(editor.viewport(), QEvent.Type.MouseMove, start + QPoint(4, 25), buttons=Qt.MouseButton.LeftButton)
    mouse(editor.viewport(), QEvent.Type.MouseButtonRelease, start + QPoint(4, 25))


def below(bench: Workbench, block_id: str) -> QPoint:
    """Just under a card, in its own column: where a person drops to put a block after it."""
    frame = bench.window.editor.block_frame(block_id)
    return QPoint(frame.center().x(), frame.bottom() + 8)


# ---------------------------------------------------------------- padding


def test_padding_is_solved_by_typing_the_padding_in_the_inspector(qtbot, bench, monkeypatch) -> None:
    window, panel = bench.window, panel_of(bench)
    assert bench.lessons_dock.isVisible()  # the first start opens the panel with its welcome
    click_lesson(qtbot, panel, "padding")

    document = window.document
    lesson = get_lesson("padding")
    assert document.design.name == lesson.start.name and document.path is None and not document.modified
    conv = document.design.layers[0].id
    assert document.selected_id == conv  # the block to change is selected
    assert panel.title_label.text() == lesson.title.get("en")
    assert "H_out = floor((H + 2p − k) / s) + 1" in panel.text_label.text()
    assert "6×28×28" in panel.task_label.text()
    assert "Not yet" in status(panel) and "padding is 0" in status(panel)

    click_block(qtbot, bench, document.design.layers[0].id)
    document.select("")  # looking elsewhere; "Show the block" points back at it
    qtbot.mouseClick(panel.show_block_button, Qt.MouseButton.LeftButton)
    assert document.selected_id == conv
    click_block(qtbot, bench, conv)
    padding = window.inspector.fields["padding"].pair.h
    type_into(qtbot, padding, "1")
    qtbot.waitUntil(lambda: "6 × 26 × 26" in status(panel))
    assert "Not yet" in status(panel)
    assert "2p = k − 1" in status(panel)  # the next hint

    type_into(qtbot, padding, "2")
    qtbot.waitUntil(lambda: "Solved" in status(panel))
    assert "(28 + 2*2 - 5) / 1 + 1 = 28" in status(panel)  # the learner's own numbers
    assert document.block(conv).params["padding"] == 2
    assert panel.next_button.isVisible()
    panel.back_button.click()
    assert panel.list.item(0).text().startswith("✓")


def test_progress_survives_a_new_window(qtbot, monkeypatch) -> None:
    first = open_bench(qtbot)
    panel = panel_of(first)
    click_lesson(qtbot, panel, "padding")
    conv = first.window.document.design.layers[0].id
    click_block(qtbot, first, conv)
    first.window.inspector.fields["padding"].set_mode("same")  # the menu's "same", as in the inspector test
    qtbot.waitUntil(lambda: "Solved" in status(panel))
    first.window.close()  # the unsaved lesson copy: the test's message box answers Discard

    second = open_bench(qtbot)
    try:
        panel = panel_of(second)
        assert second.lessons_dock.isVisible()  # where the person left it, open
        assert not panel.welcome.isVisible()  # the welcome comes on the first start only
        second.lessons_dock.close()
        second.window.action("lessons").trigger()  # Help ▸ Lessons
        assert second.lessons_dock.isVisible()
        items = panel.list
        assert items.item(0).text().startswith("✓") and items.item(0).font().bold()  # solved, and the last one
        assert items.item(1).text().startswith("○")
    finally:
        second.window.close()


# ---------------------------------------------------------------- residual


def test_residual_is_solved_by_wrapping_dragging_and_a_projection(qtbot, bench, monkeypatch) -> None:
    window, panel = bench.window, panel_of(bench)
    document, editor = window.document, window.editor
    click_lesson(qtbot, panel, "residual")
    conv1, relu, conv2 = (block.id for block in document.design.layers)
    assert "Not yet" in status(panel) and "no Residual" in status(panel)

    right_click(bench, conv1, "Wrap in Residual", monkeypatch)
    residual = document.design.layers[0]
    assert residual.type == "Residual"
    qtbot.waitUntil(lambda: "body" in status(panel))  # one Conv2d in the body: not yet
    assert "Not yet" in status(panel)

    drag_card(bench, relu, conv1, monkeypatch)
    drag_card(bench, conv2, relu, monkeypatch)
    body = get_block(document.design, (0,)).children[0]
    assert [b.id for b in body] == [conv1, relu, conv2] and len(document.design.layers) == 1
    # Part 1 is solved (and said why); part 2 is the task now.
    qtbot.waitUntil(lambda: "Part 1 solved" in status(panel))
    assert "Not yet" in status(panel) and "part 2 of 2" in panel.task_heading.text()
    assert "1×1 Conv2d" in panel.task_label.text()

    # Part 2: a second Residual whose body changes the channels, with a 1x1 projection.
    palette = window.palette
    drag_drop(editor.viewport(), palette.mime_for("Residual"), below(bench, residual.id))
    second = document.design.layers[1]
    assert second.type == "Residual"
    editor.ensure_visible(second.id)
    drag_drop(editor.viewport(), palette.mime_for("Conv2d"), editor.column_rect((1, 0)).center())
    inner = get_block(document.design, (1,)).children[0][0].id
    click_block(qtbot, bench, inner)
    type_into(qtbot, window.inspector.fields["out_channels"].spin, "32")
    type_into(qtbot, window.inspector.fields["padding"].pair.h, "1")
    qtbot.waitUntil(lambda: "Not yet" in status(panel) and "shortcut" in status(panel))
    assert "cannot be added" in document.analysis.by_id[second.id].error  # 32 channels + 16: no

    editor.ensure_visible(second.id)
    drag_drop(editor.viewport(), palette.mime_for("Conv2d"), editor.column_rect((1, 1)).center())
    projection = get_block(document.design, (1,)).children[1][0].id
    click_block(qtbot, bench, projection)
    type_into(qtbot, window.inspector.fields["kernel_size"].pair.h, "1")
    type_into(qtbot, window.inspector.fields["out_channels"].spin, "32")
    qtbot.waitUntil(lambda: "Solved" in status(panel))
    assert document.analysis.ok
    assert "16 × 14 × 14" in status(panel) and "32 × 14 × 14" in status(panel)  # the learner's shapes
    assert panel.progress.parts_solved("residual") == 2


# ---------------------------------------------------------------- welcome, menu, language


def test_the_welcome_starts_the_first_lesson(qtbot, bench) -> None:
    panel = panel_of(bench)
    assert bench.window.findChild(LessonPanel, "lessonPanel") is panel  # the contract's object name
    assert panel.welcome.isVisible()
    qtbot.mouseClick(panel.start_first_button, Qt.MouseButton.LeftButton)
    assert panel.lesson is not None and panel.lesson.id == "padding"
    assert bench.window.document.design.name == "Padding lesson"
    assert not panel.welcome.isVisible()


def test_just_explore_closes_the_panel_and_help_lessons_brings_it_back(qtbot, bench) -> None:
    panel = panel_of(bench)
    design = bench.window.document.design
    qtbot.mouseClick(panel.just_explore_button, Qt.MouseButton.LeftButton)
    assert not bench.lessons_dock.isVisible()
    assert bench.window.document.design == design  # nothing was opened
    help_menu = bench.window.menuBar().findChild(QMenu, "helpMenu")
    lessons = next(a for a in help_menu.actions() if plain_text(a.text()) == "Lessons")
    lessons.trigger()
    assert bench.lessons_dock.isVisible() and not panel.welcome.isVisible()


def test_back_to_the_list_and_into_the_same_lesson_keeps_the_work(qtbot, bench) -> None:
    panel = panel_of(bench)
    click_lesson(qtbot, panel, "stride")
    document = bench.window.document
    conv = document.design.layers[0].id
    document.set_param(conv, "stride", 2)
    qtbot.mouseClick(panel.back_button, Qt.MouseButton.LeftButton)
    click_lesson(qtbot, panel, "stride")
    assert document.block(conv).params["stride"] == 2 and panel.lesson.id == "stride"
    qtbot.mouseClick(panel.restart_button, Qt.MouseButton.LeftButton)  # asked about the edit: Discard
    assert "stride" not in document.design.layers[0].params


def test_a_lesson_opened_over_unsaved_work_asks_first(qtbot, bench, message_boxes) -> None:
    from PySide6.QtWidgets import QMessageBox

    panel = panel_of(bench)
    document = bench.window.document
    opening_name = document.design.name
    document.set_param(document.design.layers[0].id, "out_channels", 7)
    message_boxes.answers.append(QMessageBox.StandardButton.Cancel)
    click_lesson(qtbot, panel, "padding")
    assert "Unsaved changes" in message_boxes.texts()[-1]
    assert panel.lesson is None and document.design.name == opening_name


def test_the_lesson_language_follows_the_locale_and_can_switch(qtbot, bench) -> None:
    assert lesson_language(QLocale("zh_CN")) == "zh_CN" and lesson_language(QLocale("zh_TW")) == "zh_CN"
    assert lesson_language(QLocale("en_US")) == "en" and lesson_language(QLocale("de_DE")) == "en"
    panel = panel_of(bench)
    click_lesson(qtbot, panel, "padding")
    panel.set_language("zh_CN")
    lesson = get_lesson("padding")
    assert panel.title_label.text() == lesson.title.get("zh_CN")
    assert "还没有" not in status(panel) and "Not yet" in status(panel)  # UI words stay the UI's
    assert lesson.parts[0].hints[0].get("zh_CN") in status(panel)
    assert panel.list.item(0).text().endswith(lesson.title.get("zh_CN"))


def test_switching_the_window_to_chinese_switches_the_open_lesson_and_back(qtbot, bench) -> None:
    panel = panel_of(bench)
    click_lesson(qtbot, panel, "padding")
    lesson = get_lesson("padding")
    switcher = LanguageSwitcher.of(QApplication.instance())
    try:
        switcher.apply("zh_CN")  # View ▸ Language does this
        qtbot.waitUntil(lambda: panel.title_label.text() == lesson.title.get("zh_CN"))
        assert panel.lang == "zh_CN" and "还没有" in status(panel)
        assert lesson.parts[0].hints[0].get("zh_CN") in status(panel)  # checked again, in Chinese
        assert (panel.back_button.text(), panel.task_heading.text()) == ("◂ 全部课程", "任务")
        assert bench.lessons_dock.windowTitle() == "课程"
        assert english_words(panel) == []
    finally:
        switcher.apply("en")
    qtbot.waitUntil(lambda: panel.title_label.text() == lesson.title.get("en"))
    assert panel.lang == "en" and "Not yet" in status(panel) and panel.back_button.text() == "◂ All lessons"


def test_lesson_text_is_shown_as_text_never_as_markup(qtbot, bench) -> None:
    from playground.ui.lessons.lesson_text import paragraphs

    assert paragraphs("a <b>x</b> & y\n\nnext") == "<p>a &lt;b&gt;x&lt;/b&gt; &amp; y</p><p>next</p>"


# ---------------------------------------------------------------- training as evidence


def test_a_run_trained_in_the_window_counts_for_the_training_lesson(qtbot, bench) -> None:
    panel = panel_of(bench)
    click_lesson(qtbot, panel, "plain_vs_residual")
    assert bench.window.current_page() == "train"  # the lesson is about training
    assert "Not yet" in status(panel) and "no trained run" in status(panel)
    assert "0 in this window" in panel.evidence_label.text()

    training = bench.training
    training.settings.max_train.setValue(64)  # one short epoch is enough evidence
    training.settings.epochs.setValue(1)
    qtbot.waitUntil(lambda: not training.picker.busy and training.train_button.isEnabled(), timeout=RUN_TIMEOUT_MS)
    qtbot.mouseClick(training.train_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not training.is_training, timeout=RUN_TIMEOUT_MS)
    qtbot.waitUntil(lambda: "Part 1 solved" in status(panel))
    assert "1 in this window" in panel.evidence_label.text()
    assert "Task, part 2 of 3" == panel.task_heading.text()


def test_closing_the_panel_right_after_an_edit_still_records_the_progress(qtbot, bench) -> None:
    panel = panel_of(bench)
    click_lesson(qtbot, panel, "padding")
    document = bench.window.document
    document.set_param(document.design.layers[0].id, "padding", "same")
    bench.lessons_dock.close()  # before the short pause after an edit has passed
    assert panel.result is not None and panel.result.solved
    assert panel.progress.parts_solved("padding") == 1
