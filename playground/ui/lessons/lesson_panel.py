"""The Lessons panel: pick a lesson, read it beside the editor, and be told when it is solved.

Two views in one panel: the list of lessons with progress (✓ solved, the part reached),
and the open lesson (title, idea and formula, the task of the current part, and the
checker's answer). Opening a lesson loads its starting design into the document as an
untitled copy (like File ▸ Examples: unsaved work is asked about first), shows the page
the lesson is about and selects the block to change. Every edit of the document re-runs
`core.lessons.check_design` (lightly debounced): "not yet" with the next hint and what
the checker saw, or "solved" with why it works, in the learner's own numbers. Lessons
about training also take the runs this window trained (`TrainedRuns`) as evidence.

The language of the lesson texts follows the app's locale (`lesson_language`), also when
the window switches language while it is open; `set_language` switches it alone, and
`render` redraws every text the panel shows.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QEvent, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (QFrame, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QScrollArea,
                               QSizePolicy, QStackedWidget, QToolButton, QVBoxLayout, QWidget)

from playground.core.lessons import CheckResult, Lesson, LessonError, check_design, load_lessons
from playground.ui.lessons import lesson_text
from playground.ui.lessons.progress import LessonProgress
from playground.ui.lessons.trained_runs import TrainedRuns
from playground.ui.state.document import DesignDocument
from playground.ui.widgets import style
from playground.ui.widgets.retranslate import Retranslating

CHECK_DELAY_MS = 120  # a burst of edits (typing "32") is checked once, when it pauses
_LIST, _LESSON = 0, 1


def _label(name: str, parent: QWidget, rich: bool = True) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    return label


class LessonPanel(Retranslating, QWidget):
    """The lessons: a list with progress, and the open lesson with its live check."""

    pageRequested = Signal(str)  # the page a lesson is about ("design", "train", ...)
    dismissed = Signal()  # "Just explore": the person wants the room, not the lessons

    def __init__(self, document: DesignDocument, settings: QSettings | None = None,
                 evidence: TrainedRuns | None = None, confirm_discard: Callable[[], bool] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lessonPanel")
        self.document = document
        self.progress = LessonProgress(settings if settings is not None else QSettings())
        self.evidence = evidence
        self._confirm_discard = confirm_discard
        self.lang = lesson_text.lesson_language()
        self._lessons: list[Lesson] | None = None
        self._load_error = ""
        self.lesson: Lesson | None = None
        self.result: CheckResult | None = None
        self._timer = QTimer(self)
        self._timer.setObjectName("lessonCheckTimer")
        self._timer.setSingleShot(True)
        self._timer.setInterval(CHECK_DELAY_MS)
        self._timer.timeout.connect(self.check_now)
        self._build()
        document.analysisChanged.connect(self._on_design_edited)
        if evidence is not None:
            evidence.changed.connect(self._on_design_edited)
        self.render()

    def retranslate_ui(self) -> None:
        """The window's language changed: the lessons follow it (checked again in it)."""
        lang = lesson_text.lesson_language()
        if lang != self.lang:
            self.set_language(lang)
        else:
            self.render()

    # ------------------------------------------------------------ building

    def _build(self) -> None:
        self.stack = QStackedWidget(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.stack.addWidget(self._build_list_page())
        self.stack.addWidget(self._build_lesson_page())

    def _build_list_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(8, 8, 8, 8)
        self.welcome = QFrame(page)
        self.welcome.setObjectName("lessonWelcome")
        self.welcome.setStyleSheet(f"#lessonWelcome {{ background: {style.ACCENT_SOFT}; border-radius: 6px; }}")
        welcome_layout = QVBoxLayout(self.welcome)
        self.welcome_label = _label("lessonWelcomeText", self.welcome)
        self.start_first_button = QPushButton(self.welcome)
        self.start_first_button.setObjectName("startFirstLessonButton")
        self.start_first_button.setDefault(True)
        self.just_explore_button = QPushButton(self.welcome)
        self.just_explore_button.setObjectName("justExploreButton")
        buttons = QHBoxLayout()
        buttons.addWidget(self.start_first_button)
        buttons.addWidget(self.just_explore_button)
        welcome_layout.addWidget(self.welcome_label)
        welcome_layout.addLayout(buttons)
        self.welcome.hide()
        self.start_first_button.clicked.connect(self._start_first_lesson)
        self.just_explore_button.clicked.connect(self._just_explore)

        self.intro_label = _label("lessonIntro", page)
        self.list = QListWidget(page)
        self.list.setObjectName("lessonList")
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(False)
        self.list.setStyleSheet("QListWidget::item { padding: 3px 2px; }")
        self.list.itemClicked.connect(self._on_item_chosen)
        self.list.itemActivated.connect(self._on_item_chosen)  # Enter (and a double-click)
        layout.addWidget(self.welcome)
        layout.addWidget(self.intro_label)
        layout.addWidget(self.list, 1)
        return page

    def _build_lesson_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        top = QHBoxLayout()
        top.setContentsMargins(6, 6, 8, 2)
        self.back_button = QToolButton(page)
        self.back_button.setObjectName("lessonBackButton")
        self.back_button.setAutoRaise(True)
        self.back_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.back_button.clicked.connect(self.show_list)
        self.position_label = QLabel(page)
        self.position_label.setObjectName("lessonPosition")
        self.position_label.setStyleSheet(f"color: {style.MUTED};")
        top.addWidget(self.back_button)
        top.addStretch(1)
        top.addWidget(self.position_label)
        layout.addLayout(top)

        scroll = QScrollArea(page)
        scroll.setObjectName("lessonScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget(scroll)
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(10, 4, 10, 10)
        body_layout.setSpacing(8)
        self.title_label = _label("lessonTitle", body, rich=False)
        self.title_label.setFont(style.scaled_font(self.font(), 1.3, bold=True))
        self.text_label = _label("lessonText", body)
        self.task_heading = _label("lessonTaskHeading", body, rich=False)
        self.task_heading.setFont(style.scaled_font(self.font(), 1.0, bold=True))
        self.task_label = _label("lessonTask", body)
        self.task_label.setStyleSheet(f"#lessonTask {{ border-left: 3px solid {style.ACCENT}; padding-left: 8px; }}")
        self.status = QFrame(body)
        self.status.setObjectName("lessonStatus")
        status_layout = QVBoxLayout(self.status)
        status_layout.setContentsMargins(10, 8, 10, 8)
        self.status_label = _label("lessonStatusText", self.status)
        status_layout.addWidget(self.status_label)
        self.evidence_label = _label("lessonEvidence", body, rich=False)
        self.evidence_label.setStyleSheet(f"color: {style.MUTED};")
        buttons = QHBoxLayout()
        self.show_block_button = QPushButton(body)
        self.show_block_button.setObjectName("lessonShowBlockButton")
        self.show_block_button.clicked.connect(self.show_focus)
        self.restart_button = QPushButton(body)
        self.restart_button.setObjectName("lessonRestartButton")
        self.restart_button.clicked.connect(self.restart)
        self.next_button = QPushButton(body)
        self.next_button.setObjectName("lessonNextButton")
        self.next_button.clicked.connect(self.open_next)
        self.next_button.setDefault(True)
        buttons.addWidget(self.show_block_button)
        buttons.addWidget(self.restart_button)
        buttons.addStretch(1)
        for widget in (self.title_label, self.text_label, self.task_heading, self.task_label, self.status,
                       self.next_button, self.evidence_label):
            body_layout.addWidget(widget)
        body_layout.addLayout(buttons)
        body_layout.addStretch(1)
        scroll.setWidget(body)
        layout.addWidget(scroll, 1)
        return page

    # ------------------------------------------------------------ the lessons

    @property
    def lessons(self) -> list[Lesson]:
        """The shipped lessons in order, read on first use (a bad file: none, and why)."""
        if self._lessons is None:
            try:
                self._lessons = load_lessons()
            except LessonError as exc:
                self._lessons, self._load_error = [], str(exc)
        return self._lessons

    def lesson_by_id(self, lesson_id: str) -> Lesson | None:
        return next((lesson for lesson in self.lessons if lesson.id == lesson_id), None)

    def is_solved(self, lesson: Lesson) -> bool:
        return self.progress.parts_solved(lesson.id) >= len(lesson.parts)

    # ------------------------------------------------------------ commands

    def open_lesson(self, lesson_id: str) -> bool:
        """Load the lesson's starting design (after asking about unsaved work) and show it."""
        lesson = self.lesson_by_id(lesson_id)
        if lesson is None:
            return False
        if self._confirm_discard is not None and not self._confirm_discard():
            return False
        self.lesson, self.result = lesson, None
        self.progress.current = lesson.id
        self.welcome.hide()
        self.document.open_design(lesson.start)
        self.pageRequested.emit(lesson.page)
        self._select(lesson.focus)
        self.check_now()
        self.stack.setCurrentIndex(_LESSON)
        return True

    def restart(self) -> bool:
        """Start the open lesson again from its starting design (progress is kept)."""
        return self.lesson is not None and self.open_lesson(self.lesson.id)

    def open_next(self) -> bool:
        """The lesson after the open one."""
        lessons = self.lessons
        if self.lesson is None or self.lesson not in lessons:
            return False
        index = lessons.index(self.lesson)
        return index + 1 < len(lessons) and self.open_lesson(lessons[index + 1].id)

    def show_list(self) -> None:
        self.stack.setCurrentIndex(_LIST)
        self.render()

    def show_focus(self) -> None:
        """Select the block the lesson is about now (the checker's focus), as a pointer."""
        self._select(self._focus_path())

    def show_welcome(self) -> None:
        """The first-start welcome: start the first lesson, or just explore."""
        self.stack.setCurrentIndex(_LIST)
        self.welcome.show()
        self.render()

    def set_language(self, lang: str) -> None:
        """Show the lessons in `lang` ("en" or "zh_CN") from now on."""
        self.lang = lang
        self.check_now()

    def check_now(self) -> None:
        """Check the document's design against the open lesson and show the answer."""
        self._timer.stop()
        if self.lesson is None:
            self.render()
            return
        runs = self.evidence.runs() if self.evidence is not None else ()
        self.result = check_design(self.lesson, self.document.design, self.lang, runs)
        self.progress.record(self.lesson.id, self.result.parts_solved)
        self.render()

    # ------------------------------------------------------------ showing

    def render(self) -> None:
        """Redraw every text of the panel (UI words, lesson texts, the check's answer)."""
        self.welcome_label.setText(self.tr(
            "<b>Welcome to CNN Playground.</b> Short lessons walk you from padding and stride to "
            "residual networks: each gives you a design and a task, and checks your work as you edit."))
        self.start_first_button.setText(self.tr("Start the first lesson"))
        self.just_explore_button.setText(self.tr("Just explore"))
        self.intro_label.setText(self._load_error or self.tr(
            "Pick a lesson: its design opens in the editor, and the panel tells you when the task is solved."))
        self.back_button.setText(self.tr("◂ All lessons"))
        self.show_block_button.setText(self.tr("Show the block"))
        self.restart_button.setText(self.tr("Start again"))
        self.next_button.setText(self.tr("Next lesson ▸"))
        self._render_list()
        self._render_lesson()

    def _render_list(self) -> None:
        chosen = self.list.currentRow()
        self.list.clear()
        current = self.lesson.id if self.lesson is not None else self.progress.current
        for number, lesson in enumerate(self.lessons, 1):
            title = lesson.title.get(self.lang)
            done = self.progress.parts_solved(lesson.id)
            if done >= len(lesson.parts):
                text, tip = f"✓  {number}. {title}", self.tr("Solved")
            elif done > 0:
                where = self.tr("part {n} of {m}").format(n=done + 1, m=len(lesson.parts))
                text, tip = f"◐  {number}. {title} ({where})", where
            else:
                text, tip = f"○  {number}. {title}", self.tr("Not started")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, lesson.id)
            item.setToolTip(tip)
            if lesson.id == current:
                font = QFont(self.list.font())
                font.setBold(True)
                item.setFont(font)
            self.list.addItem(item)
        if 0 <= chosen < self.list.count():
            self.list.setCurrentRow(chosen)

    def _render_lesson(self) -> None:
        lesson, result = self.lesson, self.result
        if lesson is None:
            return
        lang = self.lang
        lessons = self.lessons
        number = lessons.index(lesson) + 1 if lesson in lessons else 0
        self.position_label.setText(self.tr("Lesson {n} of {m}").format(n=number, m=len(lessons)))
        self.title_label.setText(lesson.title.get(lang))
        self.text_label.setText(lesson_text.paragraphs(lesson.text.get(lang)))
        part = lesson_text.current_part(lesson, result)
        parts = len(lesson.parts)
        self.task_heading.setText(self.tr("Task") if parts == 1 else
                                  self.tr("Task, part {n} of {m}").format(n=part + 1, m=parts))
        self.task_label.setText(lesson_text.paragraphs(lesson.parts[part].task.get(lang)))
        self._render_status(lesson, result)
        if lesson_text.needs_training(lesson):
            count = self.evidence.session_run_count() if self.evidence is not None else 0
            self.evidence_label.setText(self.tr(
                "Runs you train on the Train page count as evidence ({count} in this window so far).").format(
                count=count))
            self.evidence_label.show()
        else:
            self.evidence_label.hide()
        solved = result is not None and result.solved
        self.next_button.setVisible(solved and number < len(lessons))
        focus = self._focus_path()
        self.show_block_button.setEnabled(bool(lesson_text.block_at(self.document.analysis, focus)))
        self.show_block_button.setToolTip(self.tr("Select {path} in the editor").format(path=focus or "-"))

    def _render_status(self, lesson: Lesson, result: CheckResult | None) -> None:
        if result is None:
            self.status.hide()
            return
        self.status.show()
        if result.solved:
            heading, color, soft = self.tr("✓ Solved"), lesson_text.SOLVED_COLOR, lesson_text.SOLVED_SOFT
            text = lesson_text.status_html(heading, color, result.message)
        else:
            heading, color, soft = self.tr("Not yet"), lesson_text.NOT_YET_COLOR, lesson_text.NOT_YET_SOFT
            runs = self.evidence.runs() if self.evidence is not None else ()
            earlier = lesson_text.solved_parts_explanation(lesson, self.document.design, self.lang,
                                                           result.parts_solved, runs)
            if earlier:
                earlier = self.tr("✓ Part {n} solved: {why}").format(n=result.parts_solved, why=earlier)
            text = lesson_text.status_html(heading, color, result.message, result.detail, earlier)
        self.status.setStyleSheet(f"#lessonStatus {{ background: {soft}; border: 1px solid {color}; "
                                  "border-radius: 6px; }")
        self.status_label.setText(text)

    def _focus_path(self) -> str | None:
        if self.result is not None and self.result.focus:
            return self.result.focus
        if self.lesson is None:
            return None
        part = self.lesson.parts[lesson_text.current_part(self.lesson, self.result)]
        return part.focus or self.lesson.focus

    def _select(self, json_path: str | None) -> None:
        block_id = lesson_text.block_at(self.document.analysis, json_path)
        if block_id:
            self.document.select(block_id)

    # ------------------------------------------------------------ events

    def _on_design_edited(self, *_args: object) -> None:
        if self.lesson is not None:
            self._timer.start()

    def _on_item_chosen(self, item: QListWidgetItem) -> None:
        if self.stack.currentIndex() != _LIST:
            return  # the click already opened it; this is the same gesture's activation
        lesson_id = item.data(Qt.ItemDataRole.UserRole)
        if self.lesson is not None and lesson_id == self.lesson.id:
            self.stack.setCurrentIndex(_LESSON)  # back to the lesson in progress, work kept
            self.render()
            return
        self.open_lesson(lesson_id)

    def _start_first_lesson(self) -> None:
        if self.lessons:
            self.open_lesson(self.lessons[0].id)

    def _just_explore(self) -> None:
        self.welcome.hide()
        self.dismissed.emit()

    def hideEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        """A check still waiting is done now: progress is never lost, no timer outlives the view."""
        if self._timer.isActive():
            self.check_now()
        super().hideEvent(event)
