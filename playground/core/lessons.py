"""Lessons as data, and a small declarative checker over the analysis.

A lesson is one JSON file in `resources/lessons/` (see `resources/lessons/README.md` for
the format): a title and a short text, a starting design, and one or more *parts*, each
with a task, checks, ordered hints and a "why it works" explanation. Every text is
written in English and Simplified Chinese (`{"en": ..., "zh_CN": ...}`).

Checks say what a solution must *do*, never what it must *be*: "the first Conv2d keeps
kernel_size 5 and outputs 6 x 28 x 28" passes with padding 2, padding [2, 2] or padding
"same". Each check selects blocks ("first Conv2d", "every Conv2d", "any Residual",
"design") and expects fields of the analysis (output_shape, params, receptive_field, ...)
or of the block (kernel_size, groups, the blocks in a Residual's body, ...). A part is
solved when all its checks pass; a lesson when all its parts are. Lessons about training
also take *trained runs* (a design and its metrics, e.g. from a checkpoint) as evidence.

Loading validates everything, templates included, so a bad lesson file is one line that
names the file and the field. The checker's own short phrases live in `PHRASES`, in both
languages, chosen by a `lang` argument.
"""

from __future__ import annotations

import json
import math
import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Iterator, Mapping, Sequence

from playground import paths
from playground.core.analysis import Analysis, LayerInfo, analysis_by_path, analyze
from playground.core.design import Block, Design, DesignError, design_from_dict, has_branches, json_path, walk
from playground.core.i18n import _
from playground.core.layers import CATALOGUE, PADDING, PAIR, PAIR_OR_NONE

FORMAT = "cnn-playground.lesson"
VERSION = 1
LANGS = ("en", "zh_CN")
PAGES = ("design", "train", "draw", "slide")
MAX_LESSON_BYTES = 1_000_000
MAX_EXPECT_DEPTH = 8  # "has" inside "has": far more than any lesson needs, far less than Python's stack

# The checker's own words. Lesson texts live in the lesson files.
PHRASES: dict[str, dict[str, str]] = {
    "solved": {"en": "solved", "zh_CN": "已解决"},
    "not_yet": {"en": "not yet", "zh_CN": "还没有"},
    "fix_error": {"en": "first fix the design's error at {path}: {message}",
                  "zh_CN": "请先修正设计在 {path} 处的错误：{message}"},
    "is_not": {"en": "{what}: {field} is {got}; the task needs {want}",
               "zh_CN": "{what}：{field} 现在是 {got}；任务要求 {want}"},
    "missing": {"en": "there is no {type} yet", "zh_CN": "还没有 {type}"},
    "missing_nth": {"en": "there is no {type} number {n} yet", "zh_CN": "还没有第 {n} 个 {type}"},
    "not_one": {"en": "there are {n} blocks of {type}; the task needs exactly one",
                "zh_CN": "现在有 {n} 个 {type}；任务只要一个"},
    "or": {"en": " or ", "zh_CN": " 或 "},
    "does_not_match": {"en": "{what}: {field} does not match the task yet",
                       "zh_CN": "{what}：{field} 还不符合任务要求"},
    "lacks": {"en": "{what}: no block inside is {want}", "zh_CN": "{what}：里面还没有 {want} 的模块"},
    "no_run": {"en": "no trained run matches yet", "zh_CN": "还没有符合要求的训练记录"},
    "part": {"en": "part {n} of {m}", "zh_CN": "第 {n}/{m} 部分"},
    "first": {"en": "the first {type}", "zh_CN": "第一个 {type}"},
    "last": {"en": "the last {type}", "zh_CN": "最后一个 {type}"},
    "only": {"en": "the {type}", "zh_CN": "{type}"},
    "any": {"en": "a {type}", "zh_CN": "{type}"},
    "every": {"en": "each {type}", "zh_CN": "每个 {type}"},
    "nth": {"en": "{type} number {n}", "zh_CN": "第 {n} 个 {type}"},
    "design": {"en": "the design", "zh_CN": "设计"},
    "block": {"en": "block", "zh_CN": "模块"},
    "none": {"en": "none", "zh_CN": "无"},
    "one_of": {"en": "one of {values}", "zh_CN": "{values} 之一"},
}

OPERATORS = ("<", "<=", ">", ">=", "!=", "in")
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5}
QUANTIFIERS = (*ORDINALS, "last", "only", "any", "every")
SLOT_FIELDS = ("body", "shortcut", "layers")
_DERIVED_ROW_FIELDS = ("type", "label", "input_shape", "output_shape", "output_channels", "output_hw",
                       "output_numel", "params", "macs", "receptive_field", "depthwise", "changes_channels",
                       "next", "previous", "branch_count", "count", "has", *SLOT_FIELDS)
_PARAM_FIELDS = {p.name: p for kind in CATALOGUE.values() for p in kind.params}
ROW_FIELDS = frozenset(_DERIVED_ROW_FIELDS) | frozenset(_PARAM_FIELDS)
DESIGN_FIELDS = frozenset(("input", "output_shape", "output_channels", "output_hw", "output_numel", "params",
                           "macs", "count", "has"))
METRIC_FIELDS = frozenset(("epochs_done", "val_acc", "best_val_acc", "train_acc", "val_loss", "train_loss"))
LIST_FIELDS = frozenset(("count", "has", "length"))
# Pairs compare as one number when square: kernel_size 5 equals [5, 5].
_PAIR_FIELDS = frozenset({name for name, p in _PARAM_FIELDS.items() if p.kind in (PAIR, PADDING, PAIR_OR_NONE)}
                         | {"receptive_field", "output_hw"})
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
_LESSON_ID = re.compile(r"[a-z][a-z0-9_]{0,39}")


class LessonError(ValueError):
    """A lesson file that cannot be used: one line naming the file and the field."""


def phrase(key: str, lang: str, **values: Any) -> str:
    """One of the checker's own phrases in `lang` (English when the language is unknown)."""
    table = PHRASES[key]
    return table.get(lang, table["en"]).format(**values)


# ---------------------------------------------------------------- the lesson model

@dataclass(frozen=True)
class Localized:
    """One text in every language of LANGS."""

    texts: Mapping[str, str]

    def get(self, lang: str) -> str:
        return self.texts.get(lang, self.texts["en"])


@dataclass(frozen=True)
class Selector:
    """Which blocks a check looks at: `quantifier` (first, last, only, any, every, or an
    ordinal) of the blocks whose type is in `types` (empty: any type), or the whole design."""

    text: str
    quantifier: str
    types: tuple[str, ...] = ()

    @property
    def is_design(self) -> bool:
        return self.quantifier == "design"

    def type_text(self, lang: str) -> str:
        return phrase("or", lang).join(self.types) if self.types else phrase("block", lang)

    def missing(self, lang: str) -> str:
        """There is no such block (yet)."""
        n = ORDINALS.get(self.quantifier, 1)
        return phrase("missing_nth" if n > 1 else "missing", lang, type=self.type_text(lang), n=n)

    def describe(self, lang: str) -> str:
        type_text = self.type_text(lang)
        if self.is_design:
            return phrase("design", lang)
        if self.quantifier in ORDINALS and self.quantifier != "first":
            return phrase("nth", lang, type=type_text, n=ORDINALS[self.quantifier])
        return phrase(self.quantifier, lang, type=type_text)


@dataclass(frozen=True)
class Check:
    """One declarative check: `select` + `expect` over the design, or `trained` (an expect over
    a trained run's design) + `metrics` over that run. `hint` indexes the part's hints."""

    hint: int
    select: Selector | None = None
    expect: Mapping[str, Any] = field(default_factory=dict)
    trained: Mapping[str, Any] | None = None
    metrics: Mapping[str, Any] = field(default_factory=dict)
    name: str = ""


@dataclass(frozen=True)
class Part:
    task: Localized
    checks: tuple[Check, ...]
    hints: tuple[Localized, ...]
    explanation: Localized
    focus: str | None = None


@dataclass(frozen=True)
class Lesson:
    id: str
    order: int
    title: Localized
    text: Localized
    page: str
    focus: str
    start: Design
    parts: tuple[Part, ...]
    path: Path | None = None


@dataclass(frozen=True)
class TrainedRun:
    """Evidence that a design was trained: the design and its metrics (a checkpoint's, or a
    run history entry's), e.g. {"epochs_done": 3, "best_val_acc": 0.97}."""

    design: Design
    metrics: Mapping[str, Any]
    label: str = ""


@dataclass(frozen=True)
class CheckResult:
    """What the checker says: solved with the explanation, or not yet with the next hint.

    `focus` is the JSON path of the block the learner should look at ("input" for the
    design's input); `detail` says what was seen, in the learner's numbers."""

    lesson_id: str
    solved: bool
    parts_solved: int
    parts: int
    message: str
    lang: str
    detail: str = ""
    hint_index: int | None = None
    focus: str | None = None

    def line(self) -> str:
        """One line: "solved: why" or "not yet: hint (what was seen)"."""
        word = phrase("solved" if self.solved else "not_yet", self.lang)
        zh = self.lang == "zh_CN"
        if not self.solved and self.parts > 1:
            part = phrase("part", self.lang, n=self.parts_solved + 1, m=self.parts)
            word += f"（{part}）" if zh else f" ({part})"
        sep = "：" if zh else ": "
        text = self.message
        if self.detail:
            text = f"{text} ({self.detail})" if self.lang != "zh_CN" else f"{text}（{self.detail}）"
        return f"{word}{sep}{text}"


# ---------------------------------------------------------------- loading and validation

def lessons_dir() -> Path:
    return paths.resources_dir() / "lessons"


class _Reader:
    """Validation with the file name and JSON path in every error."""

    def __init__(self, file: str) -> None:
        self.file = file

    def fail(self, where: str, message: str) -> LessonError:
        return LessonError(": ".join(part for part in (self.file, where, message) if part))

    def get(self, obj: Mapping[str, Any], key: str, where: str, kind: type | tuple[type, ...]) -> Any:
        path = f"{where}.{key}" if where else key
        if key not in obj:
            raise self.fail(path, "missing")
        value = obj[key]
        if not isinstance(value, kind) or isinstance(value, bool) and kind is int:
            raise self.fail(path, f"expected {_kind_words(kind)}, got {_short(value)}")
        return value

    def keys(self, obj: Mapping[str, Any], where: str, allowed: set[str] | frozenset[str]) -> None:
        for key in obj:
            if key not in allowed:
                raise self.fail(f"{where}.{key}" if where else str(key), "unknown key")

    def localized(self, value: Any, where: str) -> Localized:
        if not isinstance(value, dict):
            raise self.fail(where, f'expected {{"en": ..., "zh_CN": ...}}, got {_short(value)}')
        self.keys(value, where, set(LANGS))
        for lang in LANGS:
            text = value.get(lang)
            if not isinstance(text, str) or not text.strip():
                raise self.fail(f"{where}.{lang}", "missing" if text is None else "expected a non-empty string")
        return Localized(dict(value))


def _kind_words(kind: type | tuple[type, ...]) -> str:
    names = {str: "a string", int: "an int", list: "a list", dict: "an object"}
    kinds = kind if isinstance(kind, tuple) else (kind,)
    return " or ".join(names.get(k, k.__name__) for k in kinds)


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else json.dumps(value)
    return text if len(text) <= 40 else text[:37] + "..."


def parse_selector(text: Any) -> Selector:
    """"design", or "<first|last|only|any|every|second|...> <Type>[|<Type>...]" ("block": any type)."""
    if not isinstance(text, str):
        raise ValueError(f"expected a selector string, got {_short(text)}")
    words = text.split()
    if words == ["design"]:
        return Selector(text, "design")
    if len(words) != 2 or words[0] not in QUANTIFIERS:
        raise ValueError(f'expected "design" or "<{"|".join(QUANTIFIERS)}> <Type>", got {_short(text)}')
    types = () if words[1] == "block" else tuple(words[1].split("|"))
    for name in types:
        if name not in CATALOGUE:
            raise ValueError(f"unknown layer type {_short(name)}")
    return Selector(text, words[0], types)


def _validate_condition(reader: _Reader, value: Any, where: str) -> None:
    """A literal, or an object of operators: {"<": 5}, {">=": 2, "<=": 4}, {"in": [...]}."""
    if isinstance(value, dict):
        if not value:
            raise reader.fail(where, "expected at least one operator")
        for op, operand in value.items():
            if op not in OPERATORS:
                raise reader.fail(f"{where}.{op}", f"unknown operator (use {', '.join(OPERATORS)})")
            if op == "in" and not isinstance(operand, list):
                raise reader.fail(f"{where}.in", f"expected a list, got {_short(operand)}")
            if op in ("<", "<=", ">", ">=") and (isinstance(operand, bool) or not isinstance(operand, (int, float))):
                raise reader.fail(f"{where}.{op}", f"expected a number, got {_short(operand)}")


def _validate_types_key(reader: _Reader, key: str, where: str) -> None:
    for name in key.split("|"):
        if name not in CATALOGUE:
            raise reader.fail(where, f"unknown layer type {_short(name)}")


def _validate_list_expect(reader: _Reader, value: Any, where: str, depth: int) -> None:
    if not isinstance(value, dict):
        raise reader.fail(where, f"expected an object of count, has, length, got {_short(value)}")
    reader.keys(value, where, LIST_FIELDS)
    if "count" in value:
        counts = value["count"]
        if not isinstance(counts, dict) or not counts:
            raise reader.fail(f"{where}.count", f"expected an object of layer type: number, got {_short(counts)}")
        for type_key, cond in counts.items():
            _validate_types_key(reader, type_key, f"{where}.count.{type_key}")
            _validate_condition(reader, cond, f"{where}.count.{type_key}")
    if "has" in value:
        items = value["has"]
        if not isinstance(items, list) or not items:
            raise reader.fail(f"{where}.has", f"expected a non-empty list of block expectations, got {_short(items)}")
        if depth >= MAX_EXPECT_DEPTH:
            raise reader.fail(f"{where}.has", f"nested too deeply (more than {MAX_EXPECT_DEPTH} levels)")
        for i, item in enumerate(items):
            _validate_expect(reader, item, f"{where}.has[{i}]", ROW_FIELDS, depth + 1)
    if "length" in value:
        _validate_condition(reader, value["length"], f"{where}.length")


def _validate_expect(reader: _Reader, value: Any, where: str, allowed: frozenset[str], depth: int = 0) -> None:
    if not isinstance(value, dict) or not value:
        raise reader.fail(where, f"expected a non-empty object of fields, got {_short(value)}")
    for key, cond in value.items():
        path = f"{where}.{key}"
        if key not in allowed:
            raise reader.fail(path, "unknown field")
        if key == "type":
            names = cond.get("in") if isinstance(cond, dict) else [cond]
            if not isinstance(names, list) or (isinstance(cond, dict) and set(cond) != {"in"}):
                raise reader.fail(path, 'expected a layer type or {"in": [types]}')
            for name in names:
                if name not in CATALOGUE:
                    raise reader.fail(path, f"unknown layer type {_short(name)}")
        elif key in SLOT_FIELDS:
            if not (key == "shortcut" and cond == "identity"):
                _validate_list_expect(reader, cond, path, depth)
        elif key in ("count", "has"):
            _validate_list_expect(reader, {key: cond}, where, depth)
        else:
            _validate_condition(reader, cond, path)


def _read_check(reader: _Reader, raw: Any, where: str, hints: int) -> Check:
    if not isinstance(raw, dict):
        raise reader.fail(where, f"expected a check object, got {_short(raw)}")
    reader.keys(raw, where, {"select", "expect", "trained", "metrics", "hint", "name"})
    hint = reader.get(raw, "hint", where, int)
    if not 0 <= hint < hints:
        raise reader.fail(f"{where}.hint", f"expected a hint index from 0 to {hints - 1}, got {hint}")
    name = raw.get("name", "")
    if not isinstance(name, str) or (name and (not re.fullmatch(r"[a-z_][a-z0-9_]*", name) or name == "design")):
        raise reader.fail(f"{where}.name", f"expected a lowercase name, got {_short(name)}")
    if "trained" in raw:
        if "select" in raw or "expect" in raw:
            raise reader.fail(where, 'a check is either "select"/"expect" or "trained"/"metrics", not both')
        _validate_expect(reader, raw["trained"], f"{where}.trained", DESIGN_FIELDS)
        metrics = raw.get("metrics", {})
        if metrics:
            _validate_expect(reader, metrics, f"{where}.metrics", METRIC_FIELDS)
        return Check(hint, trained=raw["trained"], metrics=metrics, name=name)
    if "metrics" in raw:
        raise reader.fail(f"{where}.metrics", 'only a "trained" check has metrics')
    try:
        selector = parse_selector(reader.get(raw, "select", where, str))
    except ValueError as exc:
        raise reader.fail(f"{where}.select", str(exc)) from None
    expect = raw.get("expect")
    _validate_expect(reader, expect, f"{where}.expect", DESIGN_FIELDS if selector.is_design else ROW_FIELDS)
    return Check(hint, selector, expect, name=name)


def _matches(check: Check) -> str:
    """What a named check gives templates to quote: a trained "run", the "design", or a "block"."""
    if check.trained is not None:
        return "run"
    return "design" if check.select is not None and check.select.is_design else "block"


def _validate_template(reader: _Reader, text: Localized, where: str, names: Mapping[str, str]) -> None:
    """Every {placeholder} is "<selector>.<field>" or "<check name>.<field>"."""
    for lang in LANGS:
        for match in _PLACEHOLDER.finditer(text.get(lang)):
            try:
                _parse_placeholder(match.group(1), names)
            except ValueError as exc:
                raise reader.fail(f"{where}.{lang}", f"placeholder {{{match.group(1)}}}: {exc}") from None
        stripped = _PLACEHOLDER.sub("", text.get(lang))
        if "{" in stripped or "}" in stripped:
            raise reader.fail(f"{where}.{lang}", "unbalanced { or }")


_TEMPLATE_ROW_FIELDS = (ROW_FIELDS | {"formula"}) - {"count", "has", *SLOT_FIELDS}
_TEMPLATE_DESIGN_FIELDS = DESIGN_FIELDS - {"count", "has"}


def _parse_placeholder(inner: str, names: Mapping[str, str]) -> tuple[str, str]:
    """(what, field): `what` is a check name or a selector text; ValueError when unknown."""
    head, dot, name = inner.rpartition(".")
    if not dot:
        raise ValueError('expected "<selector>.<field>" or "<check name>.<field>"')
    if " " not in head and head != "design":
        kind = names.get(head)
        if kind is None:
            raise ValueError(f"no check is named {_short(head)}")
    else:
        kind = "design" if parse_selector(head).is_design else "block"
    allowed = {"run": METRIC_FIELDS, "design": _TEMPLATE_DESIGN_FIELDS, "block": _TEMPLATE_ROW_FIELDS}[kind]
    if name not in allowed:
        raise ValueError(f"unknown field {_short(name)}")
    return head, name


def _read_part(reader: _Reader, raw: Any, where: str, start: Design, names: dict[str, str]) -> Part:
    """One part; `names` holds the named checks of the parts before it and gains this one's."""
    if not isinstance(raw, dict):
        raise reader.fail(where, f"expected a part object, got {_short(raw)}")
    reader.keys(raw, where, {"task", "checks", "hints", "explanation", "focus"})
    task = reader.localized(raw.get("task"), f"{where}.task")
    hints_raw = reader.get(raw, "hints", where, list)
    if not hints_raw:
        raise reader.fail(f"{where}.hints", "expected at least one hint")
    hints = tuple(reader.localized(h, f"{where}.hints[{i}]") for i, h in enumerate(hints_raw))
    checks_raw = reader.get(raw, "checks", where, list)
    if not checks_raw:
        raise reader.fail(f"{where}.checks", "expected at least one check")
    checks = tuple(_read_check(reader, c, f"{where}.checks[{i}]", len(hints)) for i, c in enumerate(checks_raw))
    for i, check in enumerate(checks):
        if check.name in names:
            raise reader.fail(f"{where}.checks[{i}].name", f"{_short(check.name)} names another check too")
        if check.name:
            names[check.name] = _matches(check)
    explanation = reader.localized(raw.get("explanation"), f"{where}.explanation")
    _validate_template(reader, explanation, f"{where}.explanation", names)
    focus = raw.get("focus")
    if focus is not None:
        _check_focus(reader, focus, f"{where}.focus", start)
    return Part(task, checks, hints, explanation, focus)


def _check_focus(reader: _Reader, focus: Any, where: str, start: Design) -> None:
    known = {"input"} | {json_path(start, p) for p, _ in walk(start)}
    if focus not in known:
        raise reader.fail(where, f"expected \"input\" or a block path of the starting design, got {_short(focus)}")


def lesson_from_dict(data: Any, file: str = "", expected_id: str | None = None) -> Lesson:
    """Validate a parsed lesson file; LessonError names the file and the field."""
    reader = _Reader(file)
    if not isinstance(data, dict):
        raise reader.fail("", f"expected a lesson object, got {_short(data)}")
    reader.keys(data, "", {"format", "version", "id", "order", "title", "text", "page", "focus", "start", "parts"})
    if data.get("format") != FORMAT:
        raise reader.fail("format", f'expected "{FORMAT}", got {_short(data.get("format"))}')
    if data.get("version") != VERSION:
        raise reader.fail("version", f"expected {VERSION}, got {_short(data.get('version'))}")
    lesson_id = reader.get(data, "id", "", str)
    if not _LESSON_ID.fullmatch(lesson_id):
        raise reader.fail("id", f"expected a short lowercase name, got {_short(lesson_id)}")
    if expected_id is not None and lesson_id != expected_id:
        raise reader.fail("id", f"expected {_short(expected_id)} (the file's name), got {_short(lesson_id)}")
    order = reader.get(data, "order", "", int)
    title = reader.localized(data.get("title"), "title")
    text = reader.localized(data.get("text"), "text")
    page = reader.get(data, "page", "", str)
    if page not in PAGES:
        raise reader.fail("page", f"expected one of {', '.join(PAGES)}, got {_short(page)}")
    try:
        start = design_from_dict(reader.get(data, "start", "", dict))
    except DesignError as exc:
        raise reader.fail(f"start.{exc.path}" if exc.path else "start", exc.message) from None
    focus = reader.get(data, "focus", "", str)
    _check_focus(reader, focus, "focus", start)
    parts_raw = reader.get(data, "parts", "", list)
    if not parts_raw:
        raise reader.fail("parts", "expected at least one part")
    names: dict[str, str] = {}
    parts = tuple(_read_part(reader, p, f"parts[{i}]", start, names) for i, p in enumerate(parts_raw))
    return Lesson(lesson_id, order, title, text, page, focus, start, parts)


def load_lesson(path: str | os.PathLike[str]) -> Lesson:
    """Read and validate one lesson file; its id must be its file name."""
    p = Path(path)
    try:
        if p.stat().st_size > MAX_LESSON_BYTES:
            raise LessonError(_("{file}: too large for a lesson (over {limit:,} bytes)").format(
                file=p.name, limit=MAX_LESSON_BYTES))
        data = json.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise LessonError(_("{path}: no such file").format(path=p)) from None
    except json.JSONDecodeError as exc:
        raise LessonError(_("{file}: {reason}").format(file=p.name, reason=_(
            "not valid JSON (line {line}, column {column}: {reason})").format(
                line=exc.lineno, column=exc.colno, reason=exc.msg))) from None
    except RecursionError:
        raise LessonError(_("{file}: {reason}").format(file=p.name, reason=_("not readable JSON (nested too deeply)"))) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise LessonError(_("{path}: cannot read ({error}: {reason})").format(
            path=p, error=exc.__class__.__name__, reason=exc)) from None
    return replace(lesson_from_dict(data, p.name, expected_id=p.stem), path=p)


def load_lessons(directory: str | os.PathLike[str] | None = None) -> list[Lesson]:
    """Every lesson of a folder (the shipped ones by default), in teaching order."""
    folder = Path(directory) if directory is not None else lessons_dir()
    lessons = [load_lesson(p) for p in sorted(folder.glob("*.json"))]
    return sorted(lessons, key=lambda lesson: (lesson.order, lesson.id))


def get_lesson(lesson_id: str, directory: str | os.PathLike[str] | None = None) -> Lesson:
    """One lesson by id; LessonError lists the known ids when there is none."""
    folder = Path(directory) if directory is not None else lessons_dir()
    path = folder / f"{lesson_id}.json"
    if not _LESSON_ID.fullmatch(lesson_id) or not path.is_file():
        known = ", ".join(p.stem for p in sorted(folder.glob("*.json")))
        raise LessonError(_("no lesson {id} (lessons: {known})").format(id=_short(lesson_id), known=known))
    return load_lesson(path)


# ---------------------------------------------------------------- what the checks look at

@dataclass
class _Node:
    """One block with its analysis row, its neighbours and its child lists."""

    block: Block
    info: LayerInfo
    previous: str | None = None
    next: str | None = None
    slots: list[list["_Node"]] = field(default_factory=list)

    def descendants(self) -> Iterator["_Node"]:
        for child_list in self.slots:
            yield from _walk_nodes(child_list)


def _walk_nodes(nodes: Sequence[_Node]) -> Iterator[_Node]:
    for node in nodes:
        yield node
        yield from node.descendants()


def _build_nodes(blocks: tuple[Block, ...], prefix: tuple[int, ...], rows: dict[tuple[int, ...], LayerInfo]
                 ) -> list[_Node]:
    nodes = []
    for i, block in enumerate(blocks):
        path = prefix + (i,)
        node = _Node(block, rows[path],
                     previous=blocks[i - 1].type if i > 0 else None,
                     next=blocks[i + 1].type if i + 1 < len(blocks) else None)
        node.slots = [_build_nodes(child, path + (c,), rows) for c, child in enumerate(block.children)]
        nodes.append(node)
    return nodes


@dataclass
class _Scene:
    """A design, its analysis and its blocks as nodes, ready for checks."""

    design: Design
    analysis: Analysis
    top: list[_Node]

    @classmethod
    def of(cls, design: Design) -> "_Scene":
        analysis = analyze(design)
        return cls(design, analysis, _build_nodes(design.layers, (), analysis_by_path(analysis)))

    def nodes(self) -> list[_Node]:
        return list(_walk_nodes(self.top))


_MISSING = object()


def _shape_fields(shape: tuple[int, ...] | None, name: str) -> Any:
    if shape is None:
        return None
    if name == "output_shape":
        return list(shape)
    if name == "output_channels":
        return shape[0] if len(shape) == 3 else None
    if name == "output_hw":
        return list(shape[1:]) if len(shape) == 3 else None
    return math.prod(shape)  # output_numel


def _row_value(node: _Node, name: str) -> Any:
    info, block = node.info, node.block
    if name == "type":
        return block.type
    if name == "label":
        return block.label
    if name == "input_shape":
        return list(info.input_shape) if info.input_shape is not None else None
    if name in ("output_shape", "output_channels", "output_hw", "output_numel"):
        return _shape_fields(info.output_shape, name)
    if name == "params":
        return info.params
    if name == "macs":
        return info.macs
    if name == "receptive_field":
        return list(info.receptive_field.size) if info.receptive_field is not None else None
    if name == "depthwise":
        groups = block.resolved_params().get("groups")
        return bool(block.type == "Conv2d" and info.input_shape and groups == info.input_shape[0] and groups > 1)
    if name == "changes_channels":
        if info.input_shape is None or info.output_shape is None:
            return None
        return info.input_shape[0] != info.output_shape[0]
    if name == "next":
        return node.next
    if name == "previous":
        return node.previous
    if name == "branch_count":
        return len(block.children) if has_branches(block) else None
    params = block.resolved_params()
    if name in params:
        value = params[name]
        if name == "stride" and value is None:
            value = params.get("kernel_size")  # pooling's stride defaults to its window
        return value
    return _MISSING


def _design_value(scene: _Scene, name: str) -> Any:
    if name == "input":
        return list(scene.design.input)
    if name == "params":
        return scene.analysis.total_params
    if name == "macs":
        return scene.analysis.total_macs
    return _shape_fields(scene.analysis.output_shape, name)


def _normal(value: Any, name: str) -> Any:
    if name in _PAIR_FIELDS and isinstance(value, (list, tuple)) and len(value) == 2 and value[0] == value[1]:
        return value[0]
    if isinstance(value, tuple):
        return list(value)
    return value


def _holds(cond: Any, value: Any, name: str = "") -> bool:
    value = _normal(value, name)
    if not isinstance(cond, dict):
        return value == _normal(cond, name)
    for op, operand in cond.items():
        if op == "in":
            if value not in [_normal(x, name) for x in operand]:
                return False
        elif op == "!=":
            if value == _normal(operand, name):
                return False
        else:
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                return False
            if not {"<": value < operand, "<=": value <= operand, ">": value > operand,
                    ">=": value >= operand}[op]:
                return False
    return True


# ---------------------------------------------------------------- evaluation

@dataclass
class _Failure:
    """Why a check failed, in the learner's numbers."""

    detail: str = ""
    focus: str | None = None


def _format_value(value: Any, name: str, lang: str) -> str:
    value = _normal(value, name)
    if value is None:
        return phrase("none", lang)
    if isinstance(value, bool):
        return json.dumps(value)
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        if name.endswith("acc"):
            return f"{value * 100:.1f}%" if value <= 1 else f"{value:.1f}%"
        return f"{value:.4g}"
    if isinstance(value, list) and all(isinstance(v, int) for v in value):
        return " × ".join(str(v) for v in value)
    return str(value)


def _format_cond(cond: Any, name: str, lang: str) -> str:
    if not isinstance(cond, dict):
        return _format_value(cond, name, lang)
    parts = []
    for op, operand in cond.items():
        if op == "in":
            parts.append(phrase("one_of", lang, values=", ".join(_format_value(v, name, lang) for v in operand)))
        else:
            parts.append(f"{op} {_format_value(operand, name, lang)}")
    return ", ".join(parts)


def _count(nodes: Sequence[_Node], type_key: str) -> int:
    wanted = set(type_key.split("|"))
    return sum(1 for n in nodes if n.block.type in wanted)


@dataclass(frozen=True)
class _Miss:
    """The first field a block (or the design) does not meet: what it is and what it should be.
    `want` is _MISSING for structural expectations that have no one value to show."""

    field: str
    got: Any = None
    want: Any = _MISSING
    name: str = ""  # the field name the values are formatted as
    key: str = ""  # the key of the expectation that failed
    lacks: Mapping[str, Any] | None = None  # a "has" item that no block meets


def _list_miss(expect: Mapping[str, Any], nodes: list[_Node], where: str) -> _Miss | None:
    """None when a block list (searched to any depth) meets `expect`."""
    everything = list(_walk_nodes(nodes))
    prefix = f"{where}." if where else ""
    if "length" in expect and not _holds(expect["length"], len(nodes)):
        return _Miss(f"{prefix}length", len(nodes), expect["length"])
    for type_key, cond in expect.get("count", {}).items():
        seen = _count(everything, type_key)
        if not _holds(cond, seen):
            return _Miss(f"{prefix}count({type_key})", seen, cond)
    for item in expect.get("has", []):
        if not any(_row_miss(item, n) is None for n in everything):
            return _Miss(where, lacks=item)
    return None


def _row_miss(expect: Mapping[str, Any], node: _Node) -> _Miss | None:
    """None when the block meets every field of `expect`."""
    for name, cond in expect.items():
        if name in SLOT_FIELDS:
            slots = node.block.kind.slots
            if name not in slots:
                return _Miss(name, key=name)
            children = node.slots[slots.index(name)]
            if cond == "identity":
                if children:
                    return _Miss(name, " + ".join(n.block.type for n in children), "identity", key=name)
                continue
            miss = _list_miss(cond, children, name)
            if miss is not None:
                return replace(miss, key=name)
        elif name in ("count", "has"):
            miss = _list_miss({name: cond}, list(node.descendants()), "")
            if miss is not None:
                return replace(miss, key=name)
        else:
            value = _row_value(node, name)
            if value is _MISSING:
                return _Miss(name, key=name)
            if not _holds(cond, value, name):
                return _Miss(name, value, cond, name, key=name)
    return None


def _design_miss(expect: Mapping[str, Any], scene: _Scene) -> _Miss | None:
    for name, cond in expect.items():
        if name in ("count", "has"):
            miss = _list_miss({name: cond}, scene.top, "")
            if miss is not None:
                return miss
        else:
            value = _design_value(scene, name)
            if not _holds(cond, value, name):
                return _Miss(name, value, cond, name)
    return None


def _describe_item(item: Mapping[str, Any], lang: str) -> str:
    """A "has" item as words: Conv2d, kernel_size 1."""
    parts = [_format_cond(cond, name, lang) if name == "type" else f"{name} {_format_cond(cond, name, lang)}"
             for name, cond in item.items()]
    return ", ".join(parts)


def _describe_miss(what: str, miss: _Miss, lang: str) -> str:
    if miss.lacks is not None:
        where = f"{what} {miss.field}" if miss.field else what
        return phrase("lacks", lang, what=where, want=_describe_item(miss.lacks, lang))
    if miss.want is _MISSING:
        return phrase("does_not_match", lang, what=what, field=miss.field)
    return phrase("is_not", lang, what=what, field=miss.field, got=_format_value(miss.got, miss.name, lang),
                  want=_format_cond(miss.want, miss.name, lang))


def _selected(scene: _Scene, selector: Selector) -> list[_Node]:
    return [n for n in scene.nodes() if not selector.types or n.block.type in selector.types]


def _run_check(check: Check, scene: _Scene, runs: Sequence[TrainedRun], lang: str,
               matched: dict[str, Any]) -> _Failure | None:
    """None when the check passes (recording what it matched, for the explanation)."""
    if check.trained is not None:
        for run in runs:
            if _design_miss(check.trained, _Scene.of(run.design)) is None and \
                    all(_holds(c, run.metrics.get(k), k) for k, c in check.metrics.items()):
                if check.name:
                    matched[check.name] = run
                return None
        return _Failure(phrase("no_run", lang))
    selector = check.select
    assert selector is not None
    what = selector.describe(lang)
    if selector.is_design:
        miss = _design_miss(check.expect, scene)
        if miss is None:
            if check.name:
                matched[check.name] = scene
            return None
        return _Failure(_describe_miss(what, miss, lang), "input" if miss.field == "input" else None)
    nodes = _selected(scene, selector)
    if not nodes:
        return _Failure(selector.missing(lang))
    q = selector.quantifier
    if q == "only" and len(nodes) != 1:
        return _Failure(phrase("not_one", lang, n=len(nodes), type=selector.type_text(lang)), nodes[1].info.json_path)
    if q in ("any", "every"):
        candidates = nodes
    elif q == "last":
        candidates = nodes[-1:]
    else:
        index = 1 if q == "only" else ORDINALS[q]
        if len(nodes) < index:
            return _Failure(selector.missing(lang))
        candidates = [nodes[index - 1]]
    misses = [(n, _row_miss(check.expect, n)) for n in candidates]
    passing = [n for n, m in misses if m is None]
    ok = len(passing) == len(candidates) if q == "every" else bool(passing)
    if ok:
        matched.setdefault(selector.text, passing[0])
        if check.name:
            matched[check.name] = passing[0]
        return None
    # The block that came closest: its first unmet expectation is the latest in the list.
    order = list(check.expect)
    node, miss = max(((n, m) for n, m in misses if m is not None),
                     key=lambda nm: order.index(nm[1].key) if nm[1] and nm[1].key in order else -1)
    label = what if q not in ("any", "every") else f"{node.info.json_path} ({node.block.type})"
    assert miss is not None
    return _Failure(_describe_miss(label, miss, lang), node.info.json_path)


def check_design(lesson: Lesson, design: Design, lang: str = "en",
                 runs: Sequence[TrainedRun] = ()) -> CheckResult:
    """Check a learner's design (and trained runs, for lessons about training) against every
    part of a lesson, in order: solved with the explanation in the learner's own numbers, or
    not yet with the hint of the first check that fails. A design with an error is asked to
    fix it first, whatever the checks say."""
    scene = _Scene.of(design)
    total = len(lesson.parts)
    matched: dict[str, Any] = {}
    explanations = []
    not_yet: CheckResult | None = None
    for index, part in enumerate(lesson.parts):
        for check in part.checks:
            failure = _run_check(check, scene, runs, lang, matched)
            if failure is not None:
                not_yet = CheckResult(lesson.id, False, index, total, part.hints[check.hint].get(lang), lang,
                                      failure.detail, check.hint, failure.focus or part.focus or lesson.focus)
                break
        if not_yet is not None:
            break
        explanations.append(fill_template(part.explanation.get(lang), scene, matched, lang))
    if scene.analysis.errors:
        path, message = scene.analysis.errors[0]
        done = not_yet.parts_solved if not_yet is not None else total - 1
        return CheckResult(lesson.id, False, done, total, phrase("fix_error", lang, path=path, message=message),
                           lang, focus=path)
    if not_yet is not None:
        return not_yet
    return CheckResult(lesson.id, True, total, total, ("" if lang == "zh_CN" else " ").join(explanations), lang)


# ---------------------------------------------------------------- explanations

def output_size_formula(info: LayerInfo, block: Block) -> str:
    """The height's output-size arithmetic with the block's own numbers, e.g.
    (28 + 2*2 - 5) / 1 + 1 = 28, (28 + 2*2 - 2*(3-1) - 1) / 1 + 1 = 28 with dilation,
    floor((28 + 2*1 - 3) / 2) + 1 = 14 with stride; empty for a block without a window."""
    if info.input_shape is None or info.output_shape is None or len(info.input_shape) != 3 \
            or len(info.output_shape) != 3:
        return ""
    size, out = info.input_shape[1], info.output_shape[1]
    params = block.resolved_params()
    if "output_size" in params:
        return f"{size} / {out} = {size / out:g}"  # adaptive pooling: the window follows the sizes
    if "kernel_size" not in params:
        return ""
    k = _first(params["kernel_size"])
    s = _first(params["stride"] if params.get("stride") is not None else params["kernel_size"])
    d = _first(params.get("dilation", 1))
    padding = params.get("padding", 0)
    if padding == "same":
        total = d * (k - 1)
        pad_text = f"2*{total // 2}" if total % 2 == 0 else f"{total // 2} + {total - total // 2}"
    else:
        pad_text = f"2*{0 if padding == 'valid' else _first(padding)}"
    window = f"{k}" if d == 1 else f"{d}*({k}-1) - 1"
    inner = f"{size} + {pad_text} - {window}"
    if s == 1:
        return f"({inner}) / 1 + 1 = {out}"
    return f"floor(({inner}) / {s}) + 1 = {out}"


def _first(value: Any) -> int:
    return int(value[0]) if isinstance(value, (list, tuple)) else int(value)


def fill_template(text: str, scene: _Scene, matched: Mapping[str, Any], lang: str) -> str:
    """Replace {selector.field} and {check name.field} with the learner's numbers: a named or
    an "any"/"every" selector quotes the block its check matched."""
    def one(match: re.Match[str]) -> str:
        head, _, name = match.group(1).rpartition(".")
        target = matched.get(head)
        if isinstance(target, TrainedRun):
            return _format_value(target.metrics.get(name), name, lang)
        if head == "design" or isinstance(target, _Scene):
            return _format_value(_design_value(scene, name), name, lang)
        node = target if isinstance(target, _Node) else _pick(scene, parse_selector(head))
        if node is None:
            return "?"
        if name == "formula":
            return output_size_formula(node.info, node.block)
        value = _row_value(node, name)
        return _format_value(None if value is _MISSING else value, name, lang)
    return _PLACEHOLDER.sub(one, text)


def _pick(scene: _Scene, selector: Selector) -> _Node | None:
    """The one block a selector names (the first for any/every/only)."""
    nodes = _selected(scene, selector)
    if not nodes:
        return None
    if selector.quantifier == "last":
        return nodes[-1]
    index = ORDINALS.get(selector.quantifier, 1)
    return nodes[index - 1] if len(nodes) >= index else None
