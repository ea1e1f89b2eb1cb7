"""What the Lessons panel says, as rich text: pure functions of a lesson and a check result.

The panel's widgets only show these strings; keeping them here keeps the panel about
events and state, and lets one `render` redraw everything when the language changes.
Every lesson text is HTML-escaped: lesson files are data, never markup. UI words come in
already translated (the panel's `tr`), lesson words in the lesson language.
"""

from __future__ import annotations

import html
from dataclasses import replace
from typing import Sequence

from PySide6.QtCore import QLocale

from playground.core.analysis import Analysis
from playground.core.design import Design
from playground.core.lessons import CheckResult, Lesson, TrainedRun, check_design
from playground.ui.state.document import INPUT_ID
from playground.ui.widgets import style

SOLVED_COLOR = "#2f8a44"
SOLVED_SOFT = "#eaf6ec"
NOT_YET_COLOR = style.WARNING
NOT_YET_SOFT = style.WARNING_SOFT


def lesson_language(locale: QLocale | None = None) -> str:
    """The lesson language for the app's locale: zh_CN for any Chinese locale, else en."""
    name = (locale if locale is not None else QLocale()).name()
    return "zh_CN" if name.lower().startswith("zh") else "en"


def paragraphs(text: str) -> str:
    """Plain lesson text as HTML paragraphs (blank lines separate them)."""
    parts = [p.strip() for p in text.split("\n\n") if p.strip()]
    return "".join(f"<p>{html.escape(p).replace(chr(10), '<br>')}</p>" for p in parts)


def needs_training(lesson: Lesson) -> bool:
    """The lesson takes trained runs as evidence (the training lesson)."""
    return any(check.trained is not None for part in lesson.parts for check in part.checks)


def current_part(lesson: Lesson, result: CheckResult | None) -> int:
    """The index of the part the learner works on (the last one once all are solved)."""
    done = result.parts_solved if result is not None else 0
    return min(done, len(lesson.parts) - 1)


def solved_parts_explanation(lesson: Lesson, design: Design, lang: str, parts: int,
                             runs: Sequence[TrainedRun] = ()) -> str:
    """Why the first `parts` parts are solved, in the learner's numbers ("" if they are not)."""
    if parts <= 0:
        return ""
    result = check_design(replace(lesson, parts=lesson.parts[:parts]), design, lang, runs)
    return result.message if result.solved else ""


def block_at(analysis: Analysis, json_path: str | None) -> str:
    """The block id at a JSON path of the design ("input": the input block; "" if none)."""
    if not json_path:
        return ""
    if json_path == "input":
        return INPUT_ID
    return next((row.block_id for row in analysis.rows if row.json_path == json_path), "")


def status_html(heading: str, color: str, message: str, detail: str = "", earlier: str = "") -> str:
    """The status box: a coloured heading, the message, what was seen, earlier parts' why."""
    parts = [f"<p style='margin:0'><b style='color:{color}'>{html.escape(heading)}</b></p>"]
    if earlier:
        parts.append(f"<p style='color:{SOLVED_COLOR}'>{earlier}</p>")
    parts.append(f"<p>{html.escape(message)}</p>")
    if detail:
        parts.append(f"<p style='color:{style.MUTED}'>{html.escape(detail)}</p>")
    return "".join(parts)
