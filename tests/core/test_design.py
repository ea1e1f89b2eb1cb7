"""Designs: the JSON format, validation errors with JSON paths, structural edits, atomic saves."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from playground.core.design import (
    Block, Design, DesignError, add_branch, block_from_json, block_to_json, design_from_dict, design_from_json,
    design_to_dict, design_to_json, find_path, get_block, get_list, insert, json_path, load_design, move, new_block,
    remove, remove_branch, save_design, set_input, set_label, set_meta, set_param, set_params, walk, without_ids)
from playground.core.fileio import WriteError
from playground.paths import example_paths

DOC_EXAMPLE = """{
  "format": "cnn-playground.design",
  "version": 1,
  "name": "LeNet-5",
  "description": "LeCun et al. 1998, with ReLU and max pooling",
  "input": [1, 28, 28],
  "layers": [
    {"type": "Conv2d", "out_channels": 6, "kernel_size": 5, "padding": 2},
    {"type": "ReLU"},
    {"type": "MaxPool2d", "kernel_size": 2},
    {"type": "Residual", "body": [{"type": "Conv2d", "out_channels": 6, "kernel_size": 3, "padding": 1}],
     "shortcut": "identity"},
    {"type": "Concat", "branches": [[{"type": "Conv2d", "out_channels": 4, "kernel_size": 1}],
                                    [{"type": "MaxPool2d", "kernel_size": 3, "stride": 1, "padding": 1}]]},
    {"type": "Flatten"},
    {"type": "Linear", "out_features": 10}
  ]
}"""


def doc_dict() -> dict[str, Any]:
    return json.loads(DOC_EXAMPLE)


def test_the_documented_example_parses_with_fresh_ids() -> None:
    d = design_from_json(DOC_EXAMPLE)
    assert d.name == "LeNet-5" and d.input == (1, 28, 28)
    assert [b.type for b in d.layers] == ["Conv2d", "ReLU", "MaxPool2d", "Residual", "Concat", "Flatten", "Linear"]
    ids = [b.id for _, b in walk(d)]
    assert all(ids) and len(set(ids)) == len(ids)
    assert d.layers[3].children[1] == ()  # identity shortcut
    assert d.layers[0].params == {"out_channels": 6, "kernel_size": 5, "padding": 2}


@pytest.mark.parametrize("path", example_paths(), ids=lambda p: p.stem)
def test_round_trip_keeps_everything(path: Path) -> None:
    d = load_design(path)
    text = design_to_json(d)
    again = design_from_json(text)
    assert again == d  # ids, labels, params and nesting survive
    assert design_to_json(again) == text
    assert design_from_dict(design_to_dict(d)) == d


def test_written_json_has_a_stable_readable_shape() -> None:
    d = design_from_json(DOC_EXAMPLE)
    text = design_to_json(d)
    lines = text.splitlines()
    assert lines[:3] == ["{", '  "format": "cnn-playground.design",', '  "version": 1,']
    assert '    {"type": "ReLU", "id": "relu1"},' in lines
    assert text.endswith("}\n")
    data = json.loads(text)
    assert list(data) == ["format", "version", "name", "description", "input", "layers"]
    assert list(data["layers"][0]) == ["type", "id", "out_channels", "kernel_size", "padding"]


def _error(mutate: Any) -> DesignError:
    data = doc_dict()
    mutate(data)
    with pytest.raises(DesignError) as info:
        design_from_dict(data)
    return info.value


def _set(path: list[Any], value: Any) -> Any:
    def mutate(data: dict[str, Any]) -> None:
        target = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
    return mutate


def _delete(path: list[Any]) -> Any:
    def mutate(data: dict[str, Any]) -> None:
        target = data
        for key in path[:-1]:
            target = target[key]
        del target[path[-1]]
    return mutate


@pytest.mark.parametrize(("mutate", "expected"), [
    (_set(["layers", 3, "kernel_size"], -2), "layers[3].kernel_size: unknown key for Residual"),
    (_set(["layers", 0, "kernel_size"], -2), "layers[0].kernel_size: expected a positive int or [h, w], got -2"),
    (_set(["layers", 0, "kernel_size"], [3, 0]), "layers[0].kernel_size: expected a positive int or [h, w] with values from 1 to 64, got [3, 0]"),
    (_set(["layers", 0, "kernel_size"], True), "layers[0].kernel_size: expected a positive int or [h, w], got true"),
    (_set(["layers", 0, "padding"], "full"), 'layers[0].padding: expected a non-negative int, [h, w], "same" or "valid", got "full"'),
    (_set(["layers", 0, "padding_mode"], "mirror"), 'layers[0].padding_mode: expected one of "zeros", "reflect", "replicate", "circular", got "mirror"'),
    (_set(["layers", 0, "out_channels"], 2.5), "layers[0].out_channels: expected an int, got 2.5"),
    (_set(["layers", 0, "out_channels"], 0), "layers[0].out_channels: expected an int from 1 to 4096, got 0"),
    (_set(["layers", 0, "bias"], "yes"), 'layers[0].bias: expected true or false, got "yes"'),
    (_set(["layers", 0, "in_channels"], 1), "layers[0].in_channels: unknown key for Conv2d (in_channels is never stored: it follows from the shape flowing in)"),
    (_delete(["layers", 0, "out_channels"]), "layers[0].out_channels: missing (required by Conv2d)"),
    (_delete(["layers", 1, "type"]), "layers[1].type: missing"),
    (_set(["layers", 1, "type"], "Conv3d"), 'layers[1].type: unknown layer type "Conv3d"'),
    (_set(["layers", 1], "ReLU"), 'layers[1]: expected a layer object, got "ReLU"'),
    (_set(["layers", 3, "body", 0, "kernel_size"], 0), "layers[3].body[0].kernel_size: expected a positive int or [h, w], got 0"),
    (_set(["layers", 3, "shortcut"], "none"), 'layers[3].shortcut: expected "identity" or a list of layers, got "none"'),
    (_delete(["layers", 3, "body"]), "layers[3].body: missing (required by Residual)"),
    (_set(["layers", 4, "branches", 1, 0, "stride"], 0), "layers[4].branches[1][0].stride: expected a positive int or [h, w], got 0"),
    (_set(["layers", 4, "branches"], []), "layers[4].branches: expected a non-empty list of branches, got []"),
    (_set(["layers", 6, "label"], 3), "layers[6].label: expected a string, got 3"),
    (_set(["layers", 6, "id"], "has space"), 'layers[6].id: expected a short name of letters, digits, _ . -, got "has space"'),
    (_set(["input"], [1, 28]), "input: expected [channels, height, width] of positive ints, got [1, 28]"),
    (_set(["input"], [1, 0, 28]), "input: expected [channels, height, width] of positive ints, got [1, 0, 28]"),
    (_set(["input"], [1, 5000, 28]), "input: expected at most 4096 channels and 4096 pixels a side, got [1, 5000, 28]"),
    (_set(["layers"], {}), "layers: expected a list of layers, got {}"),
    (_set(["format"], "other"), 'format: expected "cnn-playground.design", got "other"'),
    (_set(["version"], 2), "version: expected 1, got 2"),
    (_set(["name"], 5), "name: expected a string, got 5"),
    (_set(["extra"], 1), "extra: unknown key"),
])
def test_validation_errors_name_the_json_path(mutate: Any, expected: str) -> None:
    assert str(_error(mutate)) == expected


def test_a_new_unique_id_is_fine_on_its_own() -> None:
    data = doc_dict()
    _set(["layers", 5, "id"], "x")(data)
    assert design_from_dict(data).layers[5].id == "x"


def test_duplicate_ids_are_refused() -> None:
    data = doc_dict()
    data["layers"][0]["id"] = "same"
    data["layers"][3]["body"][0]["id"] = "same"
    with pytest.raises(DesignError, match=r'layers\[3\].body\[0\].id: duplicate id "same"'):
        design_from_dict(data)


def test_not_json_or_not_an_object() -> None:
    with pytest.raises(DesignError, match=r"not valid JSON \(line 1, column 2"):
        design_from_json("{oops")
    with pytest.raises(DesignError, match="expected a JSON object, got list"):
        design_from_json("[]")


def test_load_and_save(tmp_path: Path) -> None:
    d = design_from_json(DOC_EXAMPLE)
    target = tmp_path / "net.json"
    save_design(d, target)
    assert target.read_text(encoding="utf-8") == design_to_json(d)
    assert load_design(target) == d
    assert [p.name for p in tmp_path.iterdir()] == ["net.json"]  # no temp file left behind
    with pytest.raises(DesignError, match="no such file"):
        load_design(tmp_path / "missing.json")
    with pytest.raises(WriteError, match="cannot write"):
        save_design(d, tmp_path / "missing" / "net.json")
    (tmp_path / "latin1.json").write_bytes(b"\xff\xfe")
    with pytest.raises(DesignError, match="cannot read"):
        load_design(tmp_path / "latin1.json")


def test_a_failed_save_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "net.json"
    target.write_text("old", encoding="utf-8")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("playground.core.fileio.os.replace", broken_replace)
    with pytest.raises(WriteError, match="No space left on device"):
        save_design(design_from_json(DOC_EXAMPLE), target)
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["net.json"]


# ---------------------------------------------------------------- addressing and edits

@pytest.fixture()
def doc() -> Design:
    return design_from_json(DOC_EXAMPLE)


def test_paths(doc: Design) -> None:
    assert json_path(doc, (4, 1, 0)) == "layers[4].branches[1][0]"
    assert json_path(doc, (3, 0, 0)) == "layers[3].body[0]"
    assert get_block(doc, (4, 1, 0)).type == "MaxPool2d"
    assert get_list(doc, (3, 1)) == ()
    assert get_list(doc, ()) is doc.layers
    assert find_path(doc, doc.layers[4].children[0][0].id) == (4, 0, 0)
    assert find_path(doc, "nope") is None
    assert [p for p, _ in walk(doc)][:6] == [(0,), (1,), (2,), (3,), (3, 0, 0), (4,)]
    for bad in ((), (0, 0), (9,), (3, 0, 5)):
        with pytest.raises(DesignError):
            get_block(doc, bad)


def test_new_blocks_get_starter_values_their_slots_and_refuse_unknown_keys() -> None:
    assert new_block("Conv2d", out_channels=16).params == {"out_channels": 16, "kernel_size": 3}
    assert [len(new_block(t).children) for t in ("Sequential", "Residual", "Concat", "ReLU")] == [1, 2, 2, 0]
    with pytest.raises(DesignError, match="out_chanels: unknown key for Conv2d"):
        new_block("Conv2d", out_chanels=16)  # a typo is an error, not silently dropped


def test_insert_gives_fresh_ids_and_keeps_others(doc: Design) -> None:
    conv = new_block("Conv2d")
    assert conv.params == {"out_channels": 8, "kernel_size": 3}
    edited = insert(doc, (3, 1), 0, conv)
    added = get_block(edited, (3, 1, 0))
    assert added.type == "Conv2d" and added.id and added.id not in {b.id for _, b in walk(doc)}
    assert [b.id for b in edited.layers] == [b.id for b in doc.layers]
    twice = insert(edited, (), 0, added)  # same id again: renewed
    assert twice.layers[0].id != added.id
    with pytest.raises(DesignError, match="outside"):
        insert(doc, (), 99, conv)


def test_remove_and_move(doc: Design) -> None:
    assert [b.type for b in remove(doc, (1,)).layers][:2] == ["Conv2d", "MaxPool2d"]
    moved, new_path = move(doc, (0,), (3, 0), 1)  # the first conv into the residual body, at its end
    assert new_path == (2, 0, 1)
    assert get_block(moved, new_path).id == doc.layers[0].id
    moved_back, path = move(moved, new_path, (), 0)
    assert moved_back == doc and path == (0,)
    down, path = move(doc, (0,), (), 3)  # index as seen before the move
    assert [b.type for b in down.layers][:3] == ["ReLU", "MaxPool2d", "Conv2d"] and path == (2,)
    with pytest.raises(DesignError, match="into itself"):
        move(doc, (3,), (3, 0), 0)


def test_params_labels_input_meta(doc: Design) -> None:
    edited = set_param(doc, (0,), "stride", 2)
    assert get_block(edited, (0,)).params["stride"] == 2
    assert "stride" not in get_block(set_param(edited, (0,), "stride", None), (0,)).params
    pool = set_param(doc, (2,), "stride", None)  # MaxPool2d's stride may be null
    assert get_block(pool, (2,)).params["stride"] is None
    with pytest.raises(DesignError, match=r"layers\[0\].kernel_size: expected a positive int"):
        set_param(doc, (0,), "kernel_size", -1)
    with pytest.raises(DesignError, match=r"layers\[0\].out_channels: missing"):
        set_params(doc, (0,), {"kernel_size": 3})
    with pytest.raises(DesignError, match="unknown key"):
        set_params(doc, (0,), {"out_channels": 3, "kernel_size": 3, "in_channels": 1})
    assert get_block(set_label(doc, (3,), "skip"), (3,)).label == "skip"
    assert get_block(set_label(doc, (3,), ""), (3,)).label is None
    assert set_input(doc, [3, 32, 32]).input == (3, 32, 32)
    with pytest.raises(DesignError, match="input"):
        set_input(doc, [3, 32])
    assert set_meta(doc, name="X").name == "X" and set_meta(doc, description="d").description == "d"


def test_branches(doc: Design) -> None:
    more = add_branch(doc, (4,))
    assert len(get_block(more, (4,)).children) == 3
    assert len(get_block(remove_branch(more, (4,), 0), (4,)).children) == 2
    with pytest.raises(DesignError, match="only Concat"):
        add_branch(doc, (3,))
    single = remove_branch(doc, (4,), 1)
    with pytest.raises(DesignError, match="at least one branch"):
        remove_branch(single, (4,), 0)
    for outside in (-1, 3):
        with pytest.raises(DesignError, match=rf"layers\[4\]: no branch {outside} \(this Concat has branches 0 to 2\)"):
            remove_branch(more, (4,), outside)


def test_load_design_errors_name_the_file_first(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{oops")
    with pytest.raises(DesignError) as info:
        load_design(bad)
    assert str(info.value).startswith(f"{bad}: not valid JSON (line 1, column 2: ")
    data = doc_dict()
    data["layers"][0]["kernel_size"] = -2
    bad.write_text(json.dumps(data))
    with pytest.raises(DesignError) as info:
        load_design(bad)
    assert str(info.value) == f"{bad}: layers[0].kernel_size: expected a positive int or [h, w], got -2"
    assert info.value.path == "layers[0].kernel_size" and info.value.file == str(bad)
    with pytest.raises(DesignError, match="no such file") as info:
        load_design(tmp_path / "missing.json")
    assert str(info.value) == f"{tmp_path / 'missing.json'}: no such file"


def test_clipboard_payload_round_trip(doc: Design) -> None:
    block = doc.layers[4]
    assert block_from_json(block_to_json(block)) == block
    bare = without_ids(block)
    assert bare.id == "" and all(not b.id for branch in bare.children for b in branch)
    with pytest.raises(DesignError, match="not a block"):
        block_from_json("<pickle>")
    with pytest.raises(DesignError, match=r"block.type: unknown layer type"):
        block_from_json('{"type": "Magic"}')
    with pytest.raises(DesignError, match="nested too deeply"):
        block_from_json("[" * 100_000)
    deep = '{"type": "ReLU"}'
    for _ in range(40):
        deep = '{"type": "Sequential", "layers": [' + deep + ']}'
    with pytest.raises(DesignError, match=r"nested too deeply \(more than 32 levels\)"):
        block_from_json(deep)


def test_designs_are_immutable_values(doc: Design) -> None:
    before = copy.deepcopy(doc)
    set_param(doc, (0,), "stride", 2)
    insert(doc, (), 0, new_block("ReLU"))
    assert doc == before
    with pytest.raises(AttributeError):
        doc.name = "x"  # type: ignore[misc]
    assert isinstance(doc.layers[0], Block)


def test_saved_file_gets_the_usual_permissions(tmp_path):
    """mkstemp makes 0600 files; a saved design must be readable like any file the user writes."""
    import os
    import stat

    from playground.core.design import Design, save_design

    target = tmp_path / "d.json"
    old = os.umask(0o022)
    try:
        save_design(Design(), target)
    finally:
        os.umask(old)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_odd_unknown_keys_stay_on_one_line() -> None:
    with pytest.raises(DesignError) as info:
        design_from_dict({"\n": None})
    assert str(info.value) == '["\\n"]: unknown key'
    data = doc_dict()
    data["layers"][0]["a\nb"] = 1
    with pytest.raises(DesignError) as info:
        design_from_dict(data)
    assert str(info.value).startswith('layers[0]["a\\nb"]: unknown key for ')
