"""Hostile or broken input to the CLI ends in one line and exit status 2, never a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from playground.cli import main
from playground.core.design import MAX_NESTING
from cli_helpers import assert_one_line_error


def nested_design(levels: int) -> dict:
    block: dict = {"type": "ReLU"}
    for _ in range(levels):
        block = {"type": "Sequential", "layers": [block]}
    return {"format": "cnn-playground.design", "version": 1, "input": [1, 28, 28], "layers": [block]}


def one_line_error(capsys: pytest.CaptureFixture[str]) -> str:
    captured = capsys.readouterr()
    assert captured.out == ""
    return assert_one_line_error(captured.err)


def test_deeply_nested_blocks_are_a_one_line_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "deep.json"
    path.write_text(json.dumps(nested_design(300)))
    assert main(["summary", str(path)]) == 2
    line = one_line_error(capsys)
    assert f"nested too deeply (more than {MAX_NESTING} levels)" in line
    assert "layers[0]" + ".layers[0]" * MAX_NESTING + ": nested too deeply" in line


def test_nesting_up_to_the_limit_is_fine(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "deep.json"
    path.write_text(json.dumps(nested_design(MAX_NESTING - 1)))
    assert main(["summary", str(path)]) == 0
    assert "ReLU" in capsys.readouterr().out


def test_json_nested_past_pythons_stack_is_a_one_line_error(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "brackets.json"
    path.write_text("[" * 100_000)
    assert main(["summary", str(path)]) == 2
    line = one_line_error(capsys)
    assert "brackets.json: not readable JSON (nested too deeply" in line


@pytest.mark.parametrize("content, fragment", [
    ("{not json", "not valid JSON (line 1, column 2"),
    ('{"format": "cnn-playground.design", "version": 1, "input": [1, 28, 28], "layers": [{"type": "Conv3d"}]}',
     'layers[0].type: unknown layer type "Conv3d"'),
])
def test_gui_refuses_a_bad_design_before_opening_a_window(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                          monkeypatch: pytest.MonkeyPatch,
                                                          content: str, fragment: str) -> None:
    import playground.ui.shell.app as app

    def no_window(*args: object) -> int:
        raise AssertionError("the window must not open for a bad design")

    monkeypatch.setattr(app, "run_gui", no_window)
    monkeypatch.setattr(app, "save_screenshot", no_window)
    path = tmp_path / "bad.json"
    path.write_text(content)
    assert main(["gui", str(path)]) == 2
    assert fragment in one_line_error(capsys)
    assert main(["gui", str(path), "--screenshot", str(tmp_path / "x.png")]) == 2
    assert fragment in one_line_error(capsys)
    assert main(["gui", str(tmp_path / "missing.json")]) == 2
    assert "missing.json: no such file" in one_line_error(capsys)
