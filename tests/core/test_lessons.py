"""Lessons: every shipped file loads in both languages, every starting design is "not yet",
designs that meet a task in different ways are solved, near misses are not, and a hostile
lesson file is one line naming the file and the field."""

from __future__ import annotations

import json
import re
from importlib import metadata
from pathlib import Path
from typing import Any

import pytest

from playground.core.design import load_design
from playground.core.lessons import (
    LANGS, PHRASES, LessonError, check_design, get_lesson, lesson_from_dict, lessons_dir,
    load_lesson, load_lessons)
from playground.paths import example_paths
from lesson_cases import CASES, ISSUE_IDS, RES_PART1, conv, design, plain_net, residual, residual_net, run, split

@pytest.fixture(scope="module")
def lessons() -> dict[str, Any]:
    return {lesson.id: lesson for lesson in load_lessons()}


def test_every_lesson_the_issue_names_ships_in_teaching_order(lessons: dict[str, Any]) -> None:
    assert list(lessons) == ISSUE_IDS
    assert [lesson.order for lesson in load_lessons()] == sorted(lesson.order for lesson in load_lessons())
    assert set(CASES) == set(ISSUE_IDS)


@pytest.mark.parametrize("lesson_id", ISSUE_IDS)
def test_every_text_is_there_in_both_languages(lesson_id: str, lessons: dict[str, Any]) -> None:
    lesson = lessons[lesson_id]
    texts = [lesson.title, lesson.text]
    for part in lesson.parts:
        texts += [part.task, part.explanation, *part.hints]
    for text in texts:
        assert set(text.texts) == set(LANGS)
        assert text.get("en").strip() and text.get("zh_CN").strip()
        assert re.search(r"[\u4e00-\u9fff]", text.get("zh_CN")), text.get("zh_CN")
    assert set(PHRASES["solved"]) == set(LANGS)


@pytest.mark.parametrize("lesson_id", ISSUE_IDS)
@pytest.mark.parametrize("lang", LANGS)
def test_the_starting_design_is_not_yet(lesson_id: str, lang: str, lessons: dict[str, Any]) -> None:
    lesson = lessons[lesson_id]
    result = check_design(lesson, lesson.start, lang)
    assert not result.solved and result.parts_solved == 0
    assert result.message == lesson.parts[0].hints[result.hint_index].get(lang)
    assert result.line().startswith(PHRASES["not_yet"][lang])


@pytest.mark.parametrize("lesson_id", ISSUE_IDS)
def test_different_correct_designs_are_solved(lesson_id: str, lessons: dict[str, Any]) -> None:
    correct, _ = CASES[lesson_id]
    assert len(correct) >= 2
    for case in correct:
        d, runs = split(case)
        for lang in LANGS:
            result = check_design(lessons[lesson_id], d, lang, runs)
            assert result.solved, (lesson_id, lang, result.line())
            assert result.parts_solved == len(lessons[lesson_id].parts)
            assert "{" not in result.message and "?" not in result.message, result.message


@pytest.mark.parametrize("lesson_id", ISSUE_IDS)
def test_near_misses_are_not_yet_with_a_hint(lesson_id: str, lessons: dict[str, Any]) -> None:
    _, misses = CASES[lesson_id]
    assert misses
    for case in misses:
        d, runs = split(case)
        result = check_design(lessons[lesson_id], d, "en", runs)
        assert not result.solved, (lesson_id, result.line())
        assert result.line().startswith("not yet: ") or result.line().startswith("not yet (part ")


def test_the_explanation_quotes_the_learners_own_numbers(lessons: dict[str, Any]) -> None:
    result = check_design(lessons["padding"], design([1, 28, 28], conv(6, 5, padding=2)))
    assert result.line() == ("solved: With padding 2 the 5×5 kernel can centre on every pixel: "
                             "(28 + 2*2 - 5) / 1 + 1 = 28. The output is 6 × 28 × 28, and the layer still has 156 "
                             "parameters: padding changes the size, never the weights.")
    same = check_design(lessons["padding"], design([1, 28, 28], conv(6, 5, padding="same")), "zh_CN")
    assert same.line().startswith("已解决：padding 为 same 时") and "(28 + 2*2 - 5) / 1 + 1 = 28" in same.line()
    strided = check_design(lessons["stride"], design([1, 28, 28], conv(8, 3, stride=2, padding=1)))
    assert "floor((28 + 2*1 - 3) / 2) + 1 = 14" in strided.message
    dilated = check_design(lessons["dilation"], design([1, 28, 28], conv(8, 3, dilation=2, padding=2)))
    assert "(28 + 2*2 - 2*(3-1) - 1) / 1 + 1 = 28" in dilated.message and "2·(3 − 1) + 1 = 5" in dilated.message
    groups = check_design(lessons["groups"], CASES["groups"][0][0])
    assert "320 parameters" in groups.message and "2,112" in groups.message and "2,432 in all" in groups.message


def test_a_near_miss_says_what_it_sees(lessons: dict[str, Any]) -> None:
    result = check_design(lessons["padding"], design([1, 28, 28], conv(6, 5, padding=1)))
    assert result.detail == "the first Conv2d: output_shape is 6 × 26 × 26; the task needs 6 × 28 × 28"
    assert result.focus == "layers[0]"
    zh = check_design(lessons["padding"], design([1, 28, 28], conv(6, 5, padding=1)), "zh_CN")
    assert zh.line().endswith("（第一个 Conv2d：output_shape 现在是 6 × 26 × 26；任务要求 6 × 28 × 28）")


def test_a_design_with_an_error_is_asked_to_fix_it_first(lessons: dict[str, Any]) -> None:
    bad = design([16, 14, 14], RES_PART1, residual([conv(32, 3, padding=1)]))
    result = check_design(lessons["residual"], bad)
    assert not result.solved and result.focus == "layers[1]"
    assert result.parts_solved == 1
    assert result.line().startswith("not yet (part 2 of 2): first fix the design's error at layers[1]: ")
    assert "1x1 Conv2d shortcut" in result.line()


def test_parts_are_checked_in_order(lessons: dict[str, Any]) -> None:
    result = check_design(lessons["residual"], design([16, 14, 14], RES_PART1))
    assert not result.solved and result.parts_solved == 1 and result.parts == 2
    assert result.line().startswith("not yet (part 2 of 2): Add a second Residual")
    zh = check_design(lessons["residual"], design([16, 14, 14], RES_PART1), "zh_CN")
    assert zh.line().startswith("还没有（第 2/2 部分）：")


def test_the_training_lesson_quotes_both_runs(lessons: dict[str, Any]) -> None:
    runs = [run(plain_net(), 2, 0.912), run(residual_net(), 2, 0.957)]
    result = check_design(lessons["plain_vs_residual"], residual_net(), "en", runs)
    assert result.solved
    assert "plain 91.2%, residual 95.7%" in result.message
    assert "in 2 epoch(s)" in result.message


def _editable_install() -> bool:
    text = metadata.distribution("cnn-playground").read_text("direct_url.json")
    return bool(text) and json.loads(text).get("dir_info", {}).get("editable", False)


@pytest.mark.skipif(_editable_install(), reason="an editable install reads resources from the checkout")
def test_the_installed_package_ships_every_lesson() -> None:
    files = {str(f).replace("\\", "/") for f in metadata.files("cnn-playground") or []}
    assert {f"playground/resources/lessons/{lesson_id}.json" for lesson_id in ISSUE_IDS} <= files


def test_get_lesson_names_the_known_ids_for_an_unknown_one() -> None:
    with pytest.raises(LessonError, match=r"no lesson \"nope\" \(lessons: dilation, fc_vs_conv, groups"):
        get_lesson("nope")
    assert get_lesson("padding").path == lessons_dir() / "padding.json"


# ---------------------------------------------------------------- hostile lesson files

def _lesson(**changes: Any) -> dict[str, Any]:
    data = json.loads((lessons_dir() / "padding.json").read_text(encoding="utf-8"))
    data.update(changes)
    return data


NEW = f"padding.json: parts[0].checks[{len(_lesson()['parts'][0]['checks'])}]"  # the check _with_check adds


def _with_check(check: Any) -> dict[str, Any]:
    data = _lesson()
    data["parts"][0]["checks"].append(check)
    return data


@pytest.mark.parametrize("data, message", [
    ([], "padding.json: expected a lesson object, got []"),
    (_lesson(format="x"), 'padding.json: format: expected "cnn-playground.lesson", got "x"'),
    (_lesson(id="other"), 'padding.json: id: expected "padding" (the file\'s name), got "other"'),
    (_lesson(title={"en": "Padding"}), "padding.json: title.zh_CN: missing"),
    (_lesson(title={"en": "Padding", "zh_CN": "", "fr": "x"}), "padding.json: title.fr: unknown key"),
    (_lesson(page="kitchen"), "padding.json: page: expected one of design, train, draw, slide"),
    (_lesson(focus="layers[7]"), 'padding.json: focus: expected "input" or a block path of the starting design'),
    (_lesson(start={"format": "cnn-playground.design", "version": 1, "input": [1, 28, 28],
                    "layers": [{"type": "Conv2d", "out_channels": 6, "kernel_size": -2}]}),
     "padding.json: start.layers[0].kernel_size: expected a positive int or [h, w], got -2"),
    (_lesson(parts=[]), "padding.json: parts: expected at least one part"),
    (_with_check({"select": "first Conv2d", "expect": {"kernl_size": 5}, "hint": 0}),
     NEW + ".expect.kernl_size: unknown field"),
    (_with_check({"select": "first Conv3d", "expect": {"kernel_size": 5}, "hint": 0}),
     NEW + '.select: unknown layer type "Conv3d"'),
    (_with_check({"select": "most Conv2d", "expect": {"kernel_size": 5}, "hint": 0}),
     NEW + '.select: expected "design" or'),
    (_with_check({"select": "first Conv2d", "expect": {"params": {"~": 5}}, "hint": 0}),
     NEW + ".expect.params.~: unknown operator"),
    (_with_check({"select": "first Conv2d", "expect": {"params": {"<": "many"}}, "hint": 0}),
     NEW + '.expect.params.<: expected a number, got "many"'),
    (_with_check({"select": "first Conv2d", "expect": {"kernel_size": 5}, "hint": 9}),
     NEW + ".hint: expected a hint index from 0 to 2, got 9"),
    (_with_check({"select": "design", "expect": {"kernel_size": 5}, "hint": 0}),
     NEW + ".expect.kernel_size: unknown field"),
    (_with_check({"select": "any Residual", "expect": {"body": {"count": {"Conv9d": 1}}}, "hint": 0}),
     NEW + '.expect.body.count.Conv9d: unknown layer type "Conv9d"'),
    (_with_check("check it"), NEW + ': expected a check object, got "check it"'),
])
def test_a_bad_lesson_is_one_line_naming_the_file_and_field(tmp_path: Path, data: Any, message: str) -> None:
    path = tmp_path / "padding.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(LessonError) as info:
        load_lesson(path)
    assert str(info.value).startswith(message), str(info.value)
    assert "\n" not in str(info.value)


def test_a_bad_template_is_named(tmp_path: Path) -> None:
    data = _lesson()
    data["parts"][0]["explanation"]["zh_CN"] = "{first Conv2d.colour}"
    with pytest.raises(LessonError, match=r"^padding\.json: parts\[0\]\.explanation\.zh_CN: placeholder "
                                          r"\{first Conv2d\.colour\}: unknown field \"colour\"$"):
        lesson_from_dict(data, "padding.json")
    data["parts"][0]["explanation"]["zh_CN"] = "{nobody.params}"
    with pytest.raises(LessonError, match='no check is named "nobody"'):
        lesson_from_dict(data, "padding.json")
    data["parts"][0]["explanation"]["zh_CN"] = "a { b"
    with pytest.raises(LessonError, match="unbalanced"):
        lesson_from_dict(data, "padding.json")


def _deep_has(levels: int) -> dict[str, Any]:
    item: dict[str, Any] = {"type": "Conv2d"}
    for _ in range(levels):
        item = {"has": [item]}
    return item


@pytest.mark.parametrize("content, message", [
    ("{not json", "padding.json: not valid JSON (line 1, column 2"),
    (json.dumps(_with_check({"select": "design", "expect": _deep_has(300), "hint": 0})),
     NEW + ".expect" + ".has[0]" * 8 + ".has: nested too deeply (more than 8 levels)"),
    ("[" * 100_000, "padding.json: not readable JSON (nested too deeply)"),
])
def test_an_unreadable_lesson_file_is_one_line(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "padding.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(LessonError) as info:
        load_lesson(path)
    assert str(info.value).startswith(message)


# What the shipped examples happen to solve: LeNet-5's first layer is the padding lesson's
# answer, and every convolution of ResNet-mini (its shortcut's too) is followed by batch norm.
EXAMPLES_SOLVE = {"lenet5": {"padding", "lenet"}, "lenet5_relu": {"padding", "lenet"},
                  "resnet_mini": {"normalization"}, "mobilenet_mini": {"normalization"}}


@pytest.mark.parametrize("example", example_paths(), ids=lambda p: p.stem)
def test_every_lesson_checks_every_example_without_trouble(example: Path, lessons: dict[str, Any]) -> None:
    """Composites, big networks, flat outputs: the checker answers one line for any design."""
    d = load_design(example)
    solved = set()
    for lesson in lessons.values():
        for lang in LANGS:
            result = check_design(lesson, d, lang)
            line = result.line()
            assert "\n" not in line and "{" not in line
            if result.solved:
                solved.add(lesson.id)
    assert solved == EXAMPLES_SOLVE.get(example.stem, set())
