"""Hostile or broken input to the CLI ends in one line and exit status 2, never a traceback."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from playground.cli import main
from playground.core.design import MAX_NESTING
from playground.core.export import onnx_available
from playground.paths import examples_dir
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


# ---------------------------------------------------------------- unsafe write targets
# The atomic write replaces its target with a new regular file; for these targets that
# would mean following a link, turning a pipe or a device (as root: `-o /dev/full`) into a
# plain file, or overwriting a file someone made read-only. Each is made here, per test.

LENET = str(examples_dir() / "lenet5.json")
HOSTILE = {
    "symlink": "symbolic link",
    "fifo": "named pipe",
    "device": "device",
    "readonly": "read-only",
}


def make_target(kind: str, folder: Path) -> Path:
    target = folder / f"{kind}.out"
    if kind in ("fifo", "device") and not hasattr(os, "mkfifo"):
        pytest.skip("named pipes and device nodes are POSIX")
    if kind == "symlink":
        real = folder / "real.py"
        real.write_text("# keep\n")
        os.symlink(real, target)
    elif kind == "fifo":
        os.mkfifo(target)
    elif kind == "device":
        try:
            os.mknod(target, stat.S_IFCHR | 0o666, os.makedev(1, 7))  # what /dev/full is
        except PermissionError:
            pytest.skip("creating a device node needs root (CAP_MKNOD)")
    else:
        target.write_text("# keep\n")
        target.chmod(0o444)  # tests run as root: only the mode bits say read-only
    return target


def snapshot(folder: Path) -> dict[str, tuple[int, bytes | None]]:
    """Each entry's type and permission bits, and the bytes of regular files (never a pipe's)."""
    state = {}
    for entry in sorted(folder.iterdir()):
        st = os.lstat(entry)
        state[entry.name] = (st.st_mode, entry.read_bytes() if stat.S_ISREG(st.st_mode) else None)
    return state


@pytest.mark.parametrize("to", ["py", pytest.param("onnx", marks=pytest.mark.skipif(
    not onnx_available(), reason="the onnx package is not installed"))])
@pytest.mark.parametrize("kind", HOSTILE)
def test_export_refuses_a_target_it_would_replace_unsafely(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                           kind: str, to: str) -> None:
    target = make_target(kind, tmp_path)
    before = snapshot(tmp_path)
    assert main(["export", LENET, "--to", to, "-o", str(target)]) == 2
    line = one_line_error(capsys)
    assert line.startswith(f"cnn-playground: error: {target}: cannot write (") and HOSTILE[kind] in line
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("kind", HOSTILE)
def test_screenshot_refuses_an_unsafe_target_without_waiting_on_it(tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str],
                                                                   kind: str) -> None:
    target = make_target(kind, tmp_path)
    before = snapshot(tmp_path)
    assert main(["--screenshot", str(target)]) == 2  # a pipe opened for writing would block here
    line = one_line_error(capsys)
    assert str(target) in line and HOSTILE[kind] in line
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("kind", HOSTILE)
def test_train_refuses_an_unsafe_out_before_training(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                     monkeypatch: pytest.MonkeyPatch, kind: str) -> None:
    from playground.commands import train as train_command

    def no_training(*args: object, **kwargs: object) -> None:
        raise AssertionError("training must not start")

    monkeypatch.setattr(train_command, "make_trainer", no_training)
    target = make_target(kind, tmp_path)
    before = snapshot(tmp_path)
    assert main(["train", LENET, "--out", str(target)]) == 2
    line = one_line_error(capsys)
    assert line.startswith(f"cnn-playground: error: --out {target}: cannot write") and HOSTILE[kind] in line
    assert snapshot(tmp_path) == before
