"""`cnn-playground lessons [--json] | start ID -o FILE.json | check ID DESIGN.json`.

The shipped lessons for scripts and tests: list them, write a lesson's starting design,
or check a design against a lesson ("solved: why", exit 0; "not yet: hint", exit 1). A
lesson about training also takes checkpoints (`--trained M.pt`, repeatable) as evidence
that a design was trained. Texts come in English or Chinese (`--lang en|zh_CN`, default
from the locale). Bad input ends in one line and exit status 2 (see playground.cli).
"""

from __future__ import annotations

import argparse
import json

from playground.commands.output import write_stdout
from playground.cli import UsageError
from playground.core.design import load_design, save_design
from playground.core.i18n import _, current_language
from playground.core.lessons import LessonError, TrainedRun, check_design, get_lesson, load_lessons


def run(args: argparse.Namespace) -> int:
    lang = args.lang or current_language()
    try:
        if args.lessons_command == "start":
            return _start(args, lang)
        if args.lessons_command == "check":
            return _check(args, lang)
        return _list(args, lang)
    except LessonError as exc:
        raise UsageError(str(exc)) from None


def _list(args: argparse.Namespace, lang: str) -> int:
    lessons = load_lessons()
    if args.json:
        rows = [{"id": lesson.id, "title": lesson.title.get(lang), "page": lesson.page, "parts": len(lesson.parts)}
                for lesson in lessons]
        write_stdout(json.dumps(rows, indent=2, ensure_ascii=False) + "\n")
        return 0
    width = max(len(lesson.id) for lesson in lessons)
    write_stdout("".join(f"{lesson.id:<{width}}  {lesson.title.get(lang)}\n" for lesson in lessons))
    return 0


def _start(args: argparse.Namespace, lang: str) -> int:
    lesson = get_lesson(args.lesson)
    save_design(lesson.start, args.output)
    wrote = _("wrote {path}: {title}").format(path=args.output, title=lesson.title.get(lang))
    write_stdout(f"{wrote}\n{lesson.parts[0].task.get(lang)}\n")
    return 0


def _trained_runs(paths: list[str]) -> list[TrainedRun]:
    if not paths:
        return []
    from playground.core.checkpoint import CheckpointError, load_checkpoint  # loads torch: only when asked

    runs = []
    for path in paths:
        try:
            checkpoint = load_checkpoint(path)
        except CheckpointError as exc:
            raise UsageError(str(exc)) from None
        runs.append(TrainedRun(checkpoint.design, checkpoint.metrics, str(path)))
    return runs


def _check(args: argparse.Namespace, lang: str) -> int:
    lesson = get_lesson(args.lesson)
    design = load_design(args.design)
    result = check_design(lesson, design, lang, _trained_runs(args.trained))
    write_stdout(result.line() + "\n")
    return 0 if result.solved else 1
