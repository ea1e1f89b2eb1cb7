"""The words beside the catalogue's code names: a term for every parameter name and a title
for every group, plain English in English and the glossary's Chinese in Chinese."""

from __future__ import annotations

from i18n_helpers import foreign_words

from playground.core.layers import CATALOGUE, GROUPS, group_text
from playground.ui.widgets.layer_terms import PARAM_TERMS, param_caption, param_term


def test_every_parameter_name_and_group_of_the_catalogue_has_its_words() -> None:
    names = {param.name for kind in CATALOGUE.values() for param in kind.params}
    assert sorted(names - set(PARAM_TERMS)) == []
    assert sorted(set(PARAM_TERMS) - names) == []  # no term for a parameter that is gone
    assert set(GROUPS) == {kind.group for kind in CATALOGUE.values()}


def test_english_shows_a_plain_description(qapp) -> None:
    assert param_term("kernel_size") == "kernel size"
    assert param_caption("out_channels") == "out_channels (number of output channels)"
    assert group_text("Regularization & shape") == "Regularization & shape"


def test_chinese_puts_the_glossary_term_beside_the_name(qapp, zh_CN) -> None:
    assert param_caption("kernel_size") == "kernel_size 卷积核大小"
    assert (param_term("stride"), param_term("padding"), param_term("dilation")) == ("步幅", "填充", "空洞率")
    assert [group_text(group) for group in GROUPS[:3]] == ["卷积", "池化", "归一化"]
    english = {name: param_term(name) for name in PARAM_TERMS if foreign_words(param_term(name))}
    english |= {group: group_text(group) for group in GROUPS if foreign_words(group_text(group))}
    assert english == {}
