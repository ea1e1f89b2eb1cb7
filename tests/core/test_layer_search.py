"""Finding a kind by what tutorials call it, in English and Chinese."""

from __future__ import annotations

import pytest

from playground.core.layer_search import SYNONYMS, kind_matches, match_rank
from playground.core.layers import CATALOGUE


def found(text: str) -> set[str]:
    return {name for name, kind in CATALOGUE.items() if kind_matches(kind, text)}


@pytest.mark.parametrize(("text", "expected"), [
    ("fc", {"Linear"}), ("dense", {"Linear"}), ("全连接", {"Linear"}), ("Fully connected layer", {"Linear"}),
    ("pool", {"MaxPool2d", "AvgPool2d", "AdaptiveAvgPool2d", "AdaptiveMaxPool2d"}),
    ("池化", {"MaxPool2d", "AvgPool2d", "AdaptiveAvgPool2d", "AdaptiveMaxPool2d"}),
    ("pad", {"ZeroPad2d"}), ("填充", {"ZeroPad2d", "Conv2d"}), ("lrn", {"LocalResponseNorm"}),
    ("卷积", {"Conv2d", "ConvTranspose2d"}), ("批归一化", {"BatchNorm2d", "BatchNorm1d"}),
    ("激活", {"ReLU", "Sigmoid", "Tanh", "GELU"}), ("gap", {"AdaptiveAvgPool2d"}),
])
def test_synonyms_find_their_kinds(text: str, expected: set[str]) -> None:
    assert expected <= found(text)


def test_short_words_match_whole_and_unknown_words_find_nothing() -> None:
    assert "Conv2d" not in found("fc") and "Concat" not in found("ln")  # no "fully connected" inside "conv"
    assert found("no such layer") == set()
    assert found("") == set(CATALOGUE)


def test_every_synonym_names_catalogue_kinds() -> None:
    assert all(k in CATALOGUE for kinds in SYNONYMS.values() for k in kinds)


def test_a_name_match_ranks_before_a_synonym() -> None:
    assert match_rank("ReLU", "relu") < match_rank("LeakyReLU", "relu") < match_rank("Linear", "relu")
    assert match_rank("Linear", "fc") == 3 and match_rank("Conv2d", "fc") == 4
