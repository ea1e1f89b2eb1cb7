"""The layer palette: every kind, grouped and explained, filterable, dragged as a fresh block."""

from __future__ import annotations

from PySide6.QtCore import Qt
from ui_helpers import double_click

from playground.core.design import new_block
from playground.core.layers import CATALOGUE, GROUPS
from playground.ui.widgets.mime import MIME_TYPE, block_from_mime, origin_of
from playground.ui.design.palette import LayerPalette


def make_palette(qtbot) -> LayerPalette:
    palette = LayerPalette()
    qtbot.addWidget(palette)
    palette.resize(260, 700)
    palette.show()
    return palette


def test_every_kind_is_listed_under_its_group_with_its_explanation(qtbot) -> None:
    palette = make_palette(qtbot)
    tree = palette.tree
    groups = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert groups == list(GROUPS)
    listed = {}
    for g in range(tree.topLevelItemCount()):
        header = tree.topLevelItem(g)
        for i in range(header.childCount()):
            listed[header.child(i).text(0)] = header.text(0)
    assert listed == {name: kind.group for name, kind in CATALOGUE.items()}
    tip = tree.item_for("Conv2d").toolTip(0)
    assert CATALOGUE["Conv2d"].explanation in tip and "Convolution" in tip


def test_a_dragged_kind_carries_a_fresh_block_in_the_block_format(qtbot) -> None:
    palette = make_palette(qtbot)
    data = palette.mime_for("Conv2d")
    assert data.formats()[0] == MIME_TYPE
    block = block_from_mime(data)
    assert block == new_block("Conv2d")
    assert origin_of(data) == ""  # from the palette: always a copy, never a move
    assert tree_item_draggable(palette, "Conv2d")
    assert not tree_item_draggable_header(palette)


def tree_item_draggable(palette: LayerPalette, name: str) -> bool:
    return bool(palette.tree.item_for(name).flags() & Qt.ItemFlag.ItemIsDragEnabled)


def tree_item_draggable_header(palette: LayerPalette) -> bool:
    return bool(palette.tree.topLevelItem(0).flags() & Qt.ItemFlag.ItemIsDragEnabled)


def test_the_filter_hides_what_does_not_match_and_enter_adds_the_best_match(qtbot) -> None:
    palette = make_palette(qtbot)
    qtbot.keyClicks(palette.filter, "relu")
    shown = palette.visible_kinds()
    assert shown[0] == "ReLU" and "LeakyReLU" in shown
    assert "Conv2d" not in shown and palette.tree.item_for("Conv2d").isHidden()
    assert palette.tree.topLevelItem(GROUPS.index("Convolution")).isHidden()
    with qtbot.waitSignal(palette.activated) as blocker:
        qtbot.keyClick(palette.filter, Qt.Key.Key_Return)
    assert blocker.args == ["ReLU"]
    palette.filter.clear()
    assert len(palette.visible_kinds()) == len(CATALOGUE)
    assert not palette.tree.topLevelItem(0).isHidden()


def test_the_filter_matches_groups_and_explanations(qtbot) -> None:
    palette = make_palette(qtbot)
    palette.filter.setText("pooling")
    assert {"MaxPool2d", "AvgPool2d", "AdaptiveAvgPool2d", "AdaptiveMaxPool2d"} <= set(palette.visible_kinds())
    palette.filter.setText("no such layer")
    assert palette.visible_kinds() == []


def test_double_click_activates_a_kind(qtbot) -> None:
    palette = make_palette(qtbot)
    item = palette.tree.item_for("Dropout")
    palette.tree.scrollToItem(item)
    rect = palette.tree.visualItemRect(item)
    with qtbot.waitSignal(palette.activated) as blocker:
        double_click(palette.tree.viewport(), rect.center())
    assert blocker.args == ["Dropout"]


def test_the_filter_finds_synonyms_and_chinese_terms(qtbot) -> None:
    palette = make_palette(qtbot)
    palette.filter.setText("fc")
    assert palette.visible_kinds()[0] == "Linear"
    palette.filter.setText("全连接")
    assert palette.visible_kinds() == ["Linear"]
    palette.filter.setText("池化")
    assert {"MaxPool2d", "AvgPool2d"} <= set(palette.visible_kinds()) and "Conv2d" not in palette.visible_kinds()
    palette.filter.setText("lrn")
    assert palette.visible_kinds() == ["LocalResponseNorm"]
