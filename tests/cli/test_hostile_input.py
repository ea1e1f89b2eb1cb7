"""Hostile or broken input to the CLI ends in one line and exit status 2, never a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from playground.cli import main
from playground.core.design import MAX_NESTING
from playground.core.export import onnx_available
from playground.paths import examples_dir
from cli_helpers import assert_one_line_error
from hostile_targets import HOSTILE, make_target, snapshot


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

LENET = str(examples_dir() / "lenet5.json")


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
# ---------------------------------------------------------------- checkpoints (classify --model)

def _digit_png(path: Path) -> Path:
    from PIL import Image

    image = Image.new("L", (28, 28), 0)
    image.paste(255, (12, 4, 16, 24))
    image.save(path)
    return path


def _stride_zero_checkpoint(path: Path, side: int) -> Path:
    """A few-kB checkpoint whose design needs 2*side*side*32 floats, every weight a stride-0 view."""
    import io

    import torch

    from playground.core.builder import build_model
    from playground.core.checkpoint import FORMAT, VERSION
    from playground.core.design import design_from_dict, design_to_json

    design = design_from_dict({
        "format": "cnn-playground.design", "version": 1, "input": [1, side, side],
        "layers": [{"type": "Conv2d", "out_channels": 2, "kernel_size": 1}, {"type": "Flatten"},
                   {"type": "Linear", "out_features": 32}]})
    with torch.device("meta"):
        expected = build_model(design).state_dict()
    state = {k: torch.zeros(1, dtype=v.dtype).expand(v.shape) for k, v in expected.items()}
    buffer = io.BytesIO()
    torch.save({"format": FORMAT, "version": VERSION, "design": design_to_json(design), "config": "{}",
                "metrics": "{}", "state_dict": state,
                "dataset": '{"name": "x", "input_shape": [1, %d, %d], "class_names": ["a", "b"], '
                           '"mean": [0.1], "std": [0.3]}' % (side, side)}, buffer)
    path.write_bytes(buffer.getvalue())
    return path


def test_classify_refuses_a_stride_zero_checkpoint_without_allocating_its_model(tmp_path: Path) -> None:
    import subprocess
    import sys

    model = _stride_zero_checkpoint(tmp_path / "tiny.pt", side=4096)  # the design claims 4.3 GB of weights
    assert model.stat().st_size < 20_000
    image = _digit_png(tmp_path / "d.png")
    script = ("import resource, sys\nfrom playground.cli import main\n"
              f"status = main(['classify', '--model', {str(model)!r}, {str(image)!r}])\n"
              "print(status, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    status, peak_mib = (int(v) for v in done.stdout.split())
    assert status == 2
    assert_one_line_error(done.stderr, "tiny.pt: refused", "a view of a smaller storage")
    assert peak_mib < 1500, f"peak RSS {peak_mib} MiB"


@pytest.mark.parametrize("model, fragment", [
    ("/dev/zero", "/dev/zero: cannot read (not a regular file"),
    ("{tmp}", "cannot read (a folder, not a file)"),
    ("{tmp}/none.pt", "none.pt: no such file"),
])
def test_classify_says_what_the_model_path_is(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                              model: str, fragment: str) -> None:
    image = _digit_png(tmp_path / "d.png")
    assert main(["classify", "--model", model.format(tmp=tmp_path), str(image)]) == 2
    assert fragment in one_line_error(capsys)


# ---------------------------------------------------------------- dataset archives (train --dataset)

def test_train_refuses_a_hand_placed_archive_that_would_write_outside_the_cache(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    import hashlib
    import io
    import sys
    import tarfile

    import torchvision.datasets as tvd

    if sys.platform in ("win32", "darwin"):
        pytest.skip("the cache follows XDG_CACHE_HOME on Linux and other Unixes")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home" / ".cache"))
    cache = tmp_path / "home" / ".cache" / "cnn-playground"
    cache.mkdir(parents=True)
    archive = cache / tvd.CIFAR10.filename
    with tarfile.open(archive, "w:gz") as tar:
        for name, data in (("cifar-10-batches-py/batches.meta", b"meta"), ("../../.bashrc", b"echo owned\n")):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    design = tmp_path / "rgb.json"
    design.write_text(json.dumps({"format": "cnn-playground.design", "version": 1, "input": [3, 32, 32],
                                  "layers": [{"type": "Flatten"}, {"type": "Linear", "out_features": 10}]}))
    args = ["train", str(design), "--dataset", "cifar10", "--epochs", "1", "--out", str(tmp_path / "m.pt")]

    assert main(args) == 2  # the file as placed: not the published archive
    assert "MD5 checksum differs" in one_line_error(capsys)
    monkeypatch.setattr(tvd.CIFAR10, "tgz_md5", hashlib.md5(archive.read_bytes()).hexdigest())
    assert main(args) == 2  # even were its checksum the published one, the tar filter refuses it
    assert "refused to unpack" in one_line_error(capsys)
    assert not (tmp_path / "home" / ".bashrc").exists() and not (tmp_path / "m.pt").exists()


# ---------------------------------------------------------------- design files (summary)

def _design_text(**overrides: object) -> str:
    design = {"format": "cnn-playground.design", "version": 1, "name": "net", "input": [1, 28, 28],
              "layers": [{"type": "Flatten"}, {"type": "Linear", "out_features": 10}]}
    design.update(overrides)
    return json.dumps(design)


@pytest.mark.parametrize("text, fragment", [
    (_design_text().replace('"out_features": 10', '"out_features": ' + "7" * 5000),
     "not readable JSON (a number has too many digits)"),
    (_design_text().replace('"version": 1', '"version": true'), "version: expected 1, got true"),
    (_design_text().replace('"version": 1', '"version": 1.0'), "version: expected 1, got 1.0"),
], ids=["5000-digits", "version-true", "version-float"])
def test_summary_refuses_what_python_would_misread_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                               text: str, fragment: str) -> None:
    path = tmp_path / "d.json"
    path.write_text(text)
    assert main(["summary", str(path)]) == 2
    line = one_line_error(capsys)
    assert fragment in line and len(line) < 300


def test_summary_reads_no_device_pipe_or_oversized_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import os

    assert main(["summary", "/dev/zero"]) == 2  # used to read until MemoryError
    assert "/dev/zero: cannot read (not a regular file" in one_line_error(capsys)
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    assert main(["summary", str(fifo)]) == 2  # no writer: reading would wait forever
    assert "pipe.json: cannot read (not a regular file" in one_line_error(capsys)
    huge = tmp_path / "huge.json"
    with open(huge, "wb") as fh:
        fh.truncate(64 * 1024 * 1024)  # sparse: takes no disk, claims 64 MiB
    assert main(["summary", str(huge)]) == 2
    assert "huge.json: cannot read (too large: 67,108,864 bytes" in one_line_error(capsys)


def test_names_from_a_file_cannot_drive_the_terminal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    name = "net\x1b[2J\x1b]0;owned\x07\nsecond line\ud800"
    path = tmp_path / "d.json"
    path.write_text(_design_text(name=name, layers=[{"type": "Flatten", "label": "flat\r\x1b[31m"},
                                                    {"type": "Linear", "out_features": 10}]), encoding="ascii")
    assert main(["summary", str(path)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\r" not in out and "\x07" not in out
    assert out.splitlines()[0].startswith("net\\x1b[2J\\x1b]0;owned\\x07\\nsecond line\\ud800: input")
    assert '"flat\\r\\x1b[31m"' in out
    assert main(["summary", str(path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["name"] == name  # JSON keeps the exact text, escaped


def test_a_design_with_a_lone_surrogate_saves_and_reads_back(tmp_path: Path) -> None:
    from playground.core.design import design_from_json, load_design, save_design

    design = design_from_json(_design_text(name="a\udc80b"))
    save_design(design, tmp_path / "saved.json")
    assert load_design(tmp_path / "saved.json") == design
    assert "\\udc80" in (tmp_path / "saved.json").read_text(encoding="utf-8")


# ---------------------------------------------------------------- images and class names (classify)

def test_classify_reports_an_image_with_bad_exif_in_one_line(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    from PIL import Image

    path = tmp_path / "bad-exif.png"
    Image.new("L", (28, 28), 255).save(path, exif=b"garbage!xx")  # Pillow raises SyntaxError on reading it
    assert main(["classify", str(path)]) == 2
    assert f"{path}: cannot read image (not a TIFF file" in one_line_error(capsys)


def test_classify_escapes_class_names_and_file_names(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from playground.core.checkpoint import load_default_checkpoint, save_checkpoint
    from playground.core.datasets import DatasetInfo

    shipped = load_default_checkpoint()
    info = shipped.dataset
    names = tuple(f"\x1b[31m{n}\n" for n in info.class_names)
    model = tmp_path / "m.pt"
    save_checkpoint(model, shipped.design, shipped.state_dict, {}, {},
                    DatasetInfo(info.name, info.input_shape, names, info.mean, info.std))
    image = _digit_png(tmp_path / "one\x1b[1m.png")
    assert main(["classify", "--model", str(model), str(image)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and out.count("\n") == 1
    assert out.startswith(f"{tmp_path}/one\\x1b[1m.png: \\x1b[31m") and "\\n (" in out


# ---------------------------------------------------------------- train: refused before any training

@pytest.fixture
def no_training(monkeypatch: pytest.MonkeyPatch) -> None:
    import playground.commands.train as train_command

    def no_trainer(*args: object, **kwargs: object) -> None:
        raise AssertionError("training must not start")

    monkeypatch.setattr(train_command, "make_trainer", no_trainer)


def _lenet() -> str:
    from playground.paths import examples_dir

    return str(examples_dir() / "lenet5.json")


@pytest.mark.parametrize("out, fragment", [
    ("/proc/x", "--out /proc/x: cannot write (the folder /proc takes no new file"),
    ("{tmp}/pipe.pt", "pipe.pt: cannot write (it is a named pipe"),
    ("{tmp}/link.pt", "link.pt: cannot write (it is a symbolic link"),
], ids=["proc", "fifo", "symlink"])
def test_train_checks_the_output_location_before_training(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                          no_training: None, out: str, fragment: str) -> None:
    import os

    os.mkfifo(tmp_path / "pipe.pt")
    (tmp_path / "link.pt").symlink_to(tmp_path / "elsewhere.pt")
    assert main(["train", _lenet(), "--out", out.format(tmp=tmp_path)]) == 2
    assert fragment in one_line_error(capsys)


def test_train_refuses_an_empty_dataset_name_instead_of_reading_the_current_folder(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("cats", "dogs"):  # the current folder would pass as an image folder
        (tmp_path / name).mkdir()
    monkeypatch.chdir(tmp_path)
    assert main(["train", _lenet(), "--dataset", "", "--epochs", "1", "--out", str(tmp_path / "m.pt")]) == 2
    assert "no dataset given: expected embedded, mnist" in one_line_error(capsys)
    assert not (tmp_path / "m.pt").exists()


def test_batchnorm_eps_zero_is_refused_by_summary_with_its_path(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bn.json"
    path.write_text(_design_text(layers=[{"type": "Conv2d", "out_channels": 2, "kernel_size": 3},
                                         {"type": "BatchNorm2d", "eps": 0}, {"type": "Flatten"},
                                         {"type": "Linear", "out_features": 10}]))
    assert main(["summary", str(path)]) == 2
    assert "bn.json: layers[1].eps: expected a number from 1e-12 to 1, got 0" in one_line_error(capsys)
