"""Core's design-side text in Chinese: the catalogue, block errors and warnings, cards,
composites, design errors and the summary table follow the current language."""

from __future__ import annotations

from typing import Any, Iterator

import pytest

from playground.core import i18n
from playground.core.analysis import analyze
from playground.core.arithmetic import FLOPS_NOTE, block_arithmetic, flops_note
from playground.core.design import Design, DesignError, design_from_dict, design_from_json, new_block
from playground.core.layer_search import kind_matches
from playground.core.layers import CATALOGUE, GROUPS, composite_kinds, group_text
from playground.core.norm_axes import NormStatistics, norm_picture
from playground.core.summary_format import display_width, format_summary
from playground.core.text import short_params


@pytest.fixture
def zh_CN() -> Iterator[str]:
    yield i18n.set_language("zh_CN")
    i18n.set_language("en")


def design(layers: list[dict[str, Any]], input_shape: tuple[int, int, int] = (1, 28, 28)) -> Design:
    return design_from_dict({"format": "cnn-playground.design", "version": 1, "name": "Net",
                             "input": list(input_shape), "layers": layers})


def conv(out: int, k: Any, **kw: Any) -> dict[str, Any]:
    return {"type": "Conv2d", "out_channels": out, "kernel_size": k, **kw}


def has_chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


# ---------------------------------------------------------------- the catalogue

def test_every_explanation_param_help_and_group_has_a_translation(zh_CN: str) -> None:
    untranslated = [name for name, kind in CATALOGUE.items() if kind.explained() == kind.explanation]
    untranslated += [f"{name}.{p.name}" for name, kind in CATALOGUE.items() for p in kind.params
                     if p.help_text() == p.help]
    untranslated += [f"{name}.{p.name} unset" for name, kind in CATALOGUE.items() for p in kind.params
                     if p.unset_label and p.unset_text() == p.unset_label]
    untranslated += [group for group in GROUPS if group_text(group) == group]
    untranslated += [kind.name for kind in composite_kinds()
                     if kind.composite is not None and kind.composite.editor_hint
                     and kind.composite.hint_text() == kind.composite.editor_hint]
    assert untranslated == []
    assert CATALOGUE["Conv2d"].group_text() == "卷积" and "卷积核" in CATALOGUE["Conv2d"].explained()
    assert flops_note() != FLOPS_NOTE and has_chinese(flops_note())


def test_the_raw_fields_stay_english_keys_whatever_the_language(zh_CN: str) -> None:
    assert CATALOGUE["Conv2d"].group == "Convolution" and CATALOGUE["Conv2d"].explanation.startswith("Slides")
    assert GROUPS[0] == "Convolution"


def test_english_accessors_answer_the_source_text() -> None:
    kind = CATALOGUE["MaxPool2d"]
    assert kind.explained() == kind.explanation and kind.group_text() == "Pooling"
    assert kind.param("ceil_mode").help_text() == "Round the output size up instead of down."
    assert kind.formula_text() == kind.formula


def test_formulas_with_words_are_translated_and_pure_maths_is_left_alone(zh_CN: str) -> None:
    assert "默认" in CATALOGUE["MaxPool2d"].formula_text()
    assert CATALOGUE["Conv2d"].formula_text() == CATALOGUE["Conv2d"].formula


# ---------------------------------------------------------------- analysis

def test_a_block_error_from_the_analysis_is_chinese(zh_CN: str) -> None:
    analysis = analyze(design([conv(4, 7)], (1, 4, 4)))
    ((path, message),) = analysis.errors
    assert path == "layers[0]"
    assert message == "卷积核 7x7 大于填充后的输入 4x4；请用更小的卷积核、更多的填充，或在它之前少做池化"


def test_a_warning_from_the_analysis_is_chinese(zh_CN: str) -> None:
    analysis = analyze(design([{"type": "Flatten"}, {"type": "Linear", "out_features": 10}, {"type": "Softmax"}]))
    ((path, message),) = analysis.warnings
    assert path == "layers[2]" and "交叉熵" in message and "Softmax" in message


def test_two_warnings_on_one_block_are_joined_with_chinese_punctuation(zh_CN: str) -> None:
    analysis = analyze(design([{"type": "Flatten"}, {"type": "Linear", "out_features": 10},
                               {"type": "Softmax"}]), num_classes=5)
    ((_path, message),) = analysis.warnings
    assert "；网络输出 10，但数据集有 5 个类别" in message


def test_an_error_analysed_in_english_is_analysed_again_in_chinese() -> None:
    """The closed forms are memoised; a cached message must not outlive a language switch."""
    broken = design([conv(4, 7)], (1, 4, 4))
    assert analyze(broken).errors[0][1].startswith("kernel 7x7 is larger")
    try:
        i18n.set_language("zh_CN")
        assert analyze(broken).errors[0][1].startswith("卷积核 7x7")
    finally:
        i18n.set_language("en")
    assert analyze(broken).errors[0][1].startswith("kernel 7x7 is larger")


@pytest.mark.parametrize(("layers", "shape", "words"), [
    ([conv(4, 3, groups=3)], (4, 8, 8), "不能整除"),
    ([{"type": "Linear", "out_features": 10}], (1, 8, 8), "扁平向量"),
    ([{"type": "Residual", "body": [conv(4, 3, stride=2, padding=1)]}], (1, 8, 8), "恒等映射"),
    ([{"type": "Concat", "branches": [[conv(2, 3)], [conv(2, 1)]]}], (1, 8, 8), "尺寸不同"),
    ([{"type": "MaxPool2d", "kernel_size": 2, "padding": 2}], (1, 8, 8), "窗口的一半"),
])
def test_errors_of_leaves_and_composites_are_chinese(zh_CN: str, layers: list[dict[str, Any]],
                                                      shape: tuple[int, int, int], words: str) -> None:
    ((_path, message),) = analyze(design(layers, shape)).errors
    assert words in message, message


def test_a_design_file_error_is_chinese(zh_CN: str) -> None:
    with pytest.raises(DesignError) as caught:
        design_from_json('{"format": "cnn-playground.design", "version": 1, "input": [1, 28, 28], '
                         '"layers": [{"type": "Conv2d", "out_channels": 2.5, "kernel_size": 3}]}')
    assert caught.value.path == "layers[0].out_channels" and caught.value.message == "应为整数，得到的是 2.5"


# ---------------------------------------------------------------- cards, composites, inspector text

def test_cards_and_composite_captions_are_chinese(zh_CN: str) -> None:
    assert short_params(new_block("Conv2d", out_channels=6, kernel_size=5, stride=2, bias=False)) == \
        "6 × 5×5，步幅 2，无偏置"
    assert short_params(new_block("Linear", out_features=10)) == "10 个输出"
    assert short_params(new_block("Concat")) == "2 个分支" and short_params(new_block("Sequential")) == "0 个模块"
    assert short_params(new_block("Residual")) == "恒等捷径"
    residual = CATALOGUE["Residual"].composite
    assert residual is not None and residual.slot_caption(((), ()), 1) == "捷径：恒等映射"


def test_worked_sums_and_norm_statistics_speak_chinese(zh_CN: str) -> None:
    sums = block_arithmetic("MaxPool2d", {"kernel_size": 2}, (1, 28, 28))
    assert sums is not None and sums.params == "0（固定规则，没有可学习的参数）"
    assert [name for name, _text in sums.lines()] == ["Parameters", "Output size"]  # keys the view titles itself
    assert norm_picture("BatchNorm2d").per == "每个通道一个均值"
    stats = NormStatistics(values=1352, means=6, mean=0.1, std=0.5, batch=(8, 6, 26, 26))
    assert stats.text().startswith("每个均值取 1,352 个值") and "8x6x26x26" in stats.text()


# ---------------------------------------------------------------- layer search

def test_chinese_words_find_kinds_through_their_translated_explanation(zh_CN: str) -> None:
    found = {name for name, kind in CATALOGUE.items() if kind_matches(kind, "风格迁移")}
    assert found == {"InstanceNorm2d"}
    assert kind_matches(CATALOGUE["LayerNorm"], "正则化与形状") is False
    assert kind_matches(CATALOGUE["Dropout"], "正则化与形状")  # the translated group


def test_english_words_still_find_kinds_under_chinese(zh_CN: str) -> None:
    assert kind_matches(CATALOGUE["InstanceNorm2d"], "style transfer")


# ---------------------------------------------------------------- summary table

def test_the_summary_table_is_chinese_and_its_columns_line_up(zh_CN: str) -> None:
    d = design([{"type": "Sequential", "label": "卷积层", "layers": [conv(6, 5, padding=2)]},
                {"type": "Flatten"}, {"type": "Linear", "out_features": 10}])
    text = format_summary(d, analyze(d))
    lines = text.splitlines()
    assert lines[0] == "Net：输入 1 x 28 x 28"
    assert "参数总量：47,206" in lines and "可训练参数：47,206" in lines
    heavy = lines[1]
    table = lines[2:lines.index(heavy, 2)]
    header, rows = table[0], table[2:]
    assert header.split() == ["路径", "类型", "输出形状", "参数量", "MACs", "感受野"]
    assert {display_width(line) for line in [header, *rows]} == {len(heavy)}  # right-aligned last column
    params_end = display_width(header[:header.index("参数量") + len("参数量")])
    for row, count in zip(rows, ("156", "156", "0", "47,050")):
        assert display_width(row[:row.index(f" {count} ") + 1 + len(count)]) == params_end, row
