"""Property test: arbitrary JSON text (deep nesting, huge integers, lone surrogates, NaN,
control characters) fed to every loader the way a person reaches it.

- a design file through `cnn-playground summary` (exit 0/1 with a table, or 2 and one line);
- a checkpoint through `cnn-playground classify --model` (the JSON in each of its text
  fields, and as the whole file);
- an autosave left in the data folder (recovered, or set aside: never raised);
- the clipboard through `mime.block_from_text` (a Block, or a one-line DesignError).

Each example runs in process and under tracemalloc: no traceback, one line, bounded memory.
"""

from __future__ import annotations

import io
import json
import tempfile
import tracemalloc
from pathlib import Path
from typing import Any, Callable

import pytest
import torch
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from playground.cli import main
from playground.core.builder import build_model
from playground.core.checkpoint import FORMAT as CHECKPOINT_FORMAT
from playground.core.design import Block, DesignError, design_from_dict, design_to_json
from playground.core.layers import CATALOGUE
from cli_helpers import assert_one_line_error

MEMORY_LIMIT = 64 * 1024 * 1024  # Python allocations per example; the inputs are at most a few hundred kB
SETTINGS = settings(max_examples=40, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                           HealthCheck.data_too_large])


class Raw(str):
    """A JSON token written as is (a 5,000-digit number, NaN, a nesting of 100,000 brackets)."""


def to_text(value: Any) -> str:
    """JSON text of a tree whose leaves may be Raw tokens; strings keep lone surrogates as escapes."""
    if isinstance(value, Raw):
        return str(value)
    if isinstance(value, dict):
        return "{" + ", ".join(f"{to_text(str(k))}: {to_text(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(to_text(v) for v in value) + "]"
    return json.dumps(value)  # ensure_ascii: a lone surrogate becomes "\\udXXX"


KEYS = sorted({p.name for k in CATALOGUE.values() for p in k.params}
              | {"type", "id", "label", "layers", "body", "shortcut", "branches", "format", "version", "input",
                 "name", "description", "design", "path", "saved_at", "class_names", "input_shape", "mean", "std"})
HOSTILE_TOKENS = st.sampled_from([
    Raw("9" * 5000), Raw("-" + "1" * 4301), Raw("1" + "0" * 400), Raw("1e999"), Raw("-1e999"), Raw("NaN"),
    Raw("Infinity"), Raw("-Infinity"), Raw("[" * 100_000 + "]" * 100_000), Raw("[" * 2000 + "]" * 2000),
    Raw('{"a": ' * 3000 + "1" + "}" * 3000), Raw('"\\ud800"'), Raw('"\\udfff tail"'), Raw('"\\u001b[31m\\n"'),
    Raw("1.0"), Raw("true"), Raw("0"), Raw("-0"), Raw("4096"), Raw("4097"),
])
SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(-10, 5000), st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=8), st.sampled_from([*CATALOGUE, "cnn-playground.design", "cnn-playground.autosave", "same",
                                          "identity", "\ud800", "x\x1b[2J"]),
    HOSTILE_TOKENS)
JSON = st.recursive(SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=4),
    st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=4), inner, max_size=5)), max_leaves=16)


def design_like(layers: Any, **fields: Any) -> dict[str, Any]:
    return {"format": "cnn-playground.design", "version": 1, "input": [1, 28, 28], "layers": layers, **fields}


BLOCK = st.builds(lambda kind, extra: {"type": kind, **extra}, st.sampled_from(sorted(CATALOGUE)),
                  st.dictionaries(st.sampled_from(KEYS), JSON, max_size=3))
DOCUMENT = st.one_of(
    JSON,  # anything at all
    st.builds(design_like, st.lists(BLOCK | JSON, max_size=4)),  # a design holding odd layers
    st.builds(lambda v, n: design_like([{"type": "ReLU"}], version=v, name=n), JSON, JSON),  # odd top-level fields
)
TEXT = DOCUMENT.map(to_text)


def bounded(call: Callable[[], Any]) -> Any:
    """Run `call`, failing when its Python allocations peak above MEMORY_LIMIT."""
    tracemalloc.start()
    try:
        result = call()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < MEMORY_LIMIT, f"peak {peak:,} bytes"
    return result


def assert_cli_outcome(status: int, out: str, err: str, allowed: tuple[int, ...]) -> None:
    assert status in allowed, (status, err)
    if status == 2:
        assert_one_line_error(err)
        assert out == ""
    else:
        assert err == "" and out
    for stream in (out, err):
        assert "\x1b" not in stream and "Traceback" not in stream
        stream.encode("utf-8")  # printable: no lone surrogate reached the terminal


@pytest.fixture(scope="module")
def workdir() -> Path:
    with tempfile.TemporaryDirectory(prefix="hostile-loaders-") as folder:
        yield Path(folder)


@SETTINGS
@given(TEXT)
def test_any_design_file_is_a_table_or_one_line(workdir: Path, capsys: pytest.CaptureFixture[str], text: str) -> None:
    path = workdir / "design.json"
    path.write_text(text, encoding="utf-8")
    status = bounded(lambda: main(["summary", str(path)]))
    out, err = capsys.readouterr()
    assert_cli_outcome(status, out, err, (0, 1, 2))


@pytest.fixture(scope="module")
def digit_image(workdir: Path) -> Path:
    from PIL import Image

    image = Image.new("L", (28, 28), 0)
    image.paste(255, (12, 4, 16, 24))
    image.save(workdir / "digit.png")
    return workdir / "digit.png"


def _sound_fields() -> dict[str, Any]:
    design = design_from_dict(design_like([{"type": "Flatten"}, {"type": "Linear", "out_features": 10}]))
    return {"format": CHECKPOINT_FORMAT, "version": 1, "design": design_to_json(design), "config": "{}",
            "metrics": "{}", "state_dict": build_model(design).state_dict(),
            "dataset": json.dumps({"name": "d", "input_shape": [1, 28, 28], "class_names": list("0123456789"),
                                   "mean": [0.1], "std": [0.3]})}


@SETTINGS
@given(TEXT, st.sampled_from(["design", "config", "metrics", "dataset", "whole file"]))
def test_any_json_in_a_checkpoint_is_a_digit_or_one_line(workdir: Path, digit_image: Path,
                                                         capsys: pytest.CaptureFixture[str],
                                                         text: str, field: str) -> None:
    path = workdir / "model.pt"
    if field == "whole file":
        path.write_text(text, encoding="utf-8")
    else:
        buffer = io.BytesIO()
        torch.save({**_sound_fields(), field: text}, buffer)
        path.write_bytes(buffer.getvalue())
    status = bounded(lambda: main(["classify", "--model", str(path), str(digit_image)]))
    out, err = capsys.readouterr()
    assert_cli_outcome(status, out, err, (0, 2))


@SETTINGS
@given(st.one_of(TEXT, DOCUMENT.map(lambda d: to_text({"format": "cnn-playground.autosave", "version": 1,
                                                         "path": "", "saved_at": "", "design": d}))))
def test_any_autosave_is_offered_or_set_aside(workdir: Path, text: str) -> None:
    from playground.ui.shell.autosave import scan_recoveries

    folder = workdir / "autosave"
    folder.mkdir(exist_ok=True)
    for old in folder.iterdir():
        old.unlink()
    (folder / "autosave-left.json").write_text(text, encoding="utf-8")
    scan = bounded(lambda: scan_recoveries(folder))
    for recovery in scan.recoveries:
        recovery.lock.unlock()
    assert len(scan.recoveries) + len(scan.set_aside) == 1
    if scan.set_aside:
        assert scan.set_aside[0].name == "autosave-left.json.unreadable"
    else:
        design_to_json(scan.recoveries[0].design).encode("utf-8")  # what was offered can be saved


@SETTINGS
@given(st.one_of(TEXT, BLOCK.map(to_text), JSON.map(to_text)))
def test_any_clipboard_text_is_a_block_or_one_line(text: str) -> None:
    from playground.ui.widgets.mime import block_from_text

    try:
        block = bounded(lambda: block_from_text(text))
    except DesignError as exc:
        assert str(exc) and "\n" not in str(exc) and len(str(exc)) < 2000
    else:
        assert isinstance(block, Block)
