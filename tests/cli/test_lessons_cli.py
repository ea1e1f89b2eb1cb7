"""`cnn-playground lessons`: list, start, check; exit 0 solved, 1 not yet, 2 bad input (one line)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from playground.cli import main
from playground.core.design import design_to_json, load_design, save_design
from playground.core.lessons import get_lesson, load_lessons
from cli_helpers import assert_one_line_error
from lesson_cases import CASES, plain_net, residual_net


@pytest.fixture(autouse=True)
def _english_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")


def _error(capsys: pytest.CaptureFixture[str], *fragments: str) -> str:
    captured = capsys.readouterr()
    assert captured.out == ""
    return assert_one_line_error(captured.err, *fragments)


def test_lessons_lists_ids_and_titles(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lessons"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines] == [lesson.id for lesson in load_lessons()]
    assert lines[0].split(None, 1)[1] == "Padding: keep the size"


def test_lessons_json_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lessons", "--json", "--lang", "zh_CN"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows[0] == {"id": "padding", "title": "填充：保持特征图尺寸", "page": "design", "parts": 1}
    assert {row["id"] for row in rows} >= {"residual", "lenet", "plain_vs_residual"}
    assert next(row for row in rows if row["id"] == "residual")["parts"] == 2


def test_the_language_follows_lang_by_default(capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert main(["lessons"]) == 0
    assert "填充：保持特征图尺寸" in capsys.readouterr().out


def test_start_writes_the_starting_design(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "padding.json"
    assert main(["lessons", "start", "padding", "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith(f"wrote {out}: Padding: keep the size\n")
    assert "Make the convolution output 6×28×28" in printed
    assert design_to_json(load_design(out)) == design_to_json(get_lesson("padding").start)
    assert [p.name for p in tmp_path.iterdir()] == ["padding.json"]  # written atomically, no temp file left


def test_start_into_a_missing_folder_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lessons", "start", "padding", "-o", str(tmp_path / "no" / "such.json")]) == 2
    _error(capsys, "such.json: cannot write")


def test_check_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    start = tmp_path / "start.json"
    assert main(["lessons", "start", "padding", "-o", str(start)]) == 0
    capsys.readouterr()
    assert main(["lessons", "check", "padding", str(start)]) == 1
    assert capsys.readouterr().out.startswith("not yet: Select the Conv2d and look at its padding")
    solved = tmp_path / "solved.json"
    save_design(CASES["padding"][0][1], solved)
    assert main(["lessons", "check", "padding", str(solved), "--lang", "zh_CN"]) == 0
    assert capsys.readouterr().out.startswith("已解决：padding 为 same 时")
    assert main(["lessons", "--lang", "en", "check", "padding", str(solved)]) == 0
    assert capsys.readouterr().out == ("solved: With padding same the 5×5 kernel can centre on every pixel: "
                                       "(28 + 2*2 - 5) / 1 + 1 = 28. The output is 6 × 28 × 28, and the layer "
                                       "still has 156 parameters: padding changes the size, never the weights.\n")


@pytest.mark.parametrize("lesson_id", [lesson.id for lesson in load_lessons()])
def test_every_lessons_start_checks_as_not_yet(lesson_id: str, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    start = tmp_path / "start.json"
    assert main(["lessons", "start", lesson_id, "-o", str(start)]) == 0
    assert main(["lessons", "check", lesson_id, str(start)]) == 1
    assert capsys.readouterr().out.splitlines()[-1].startswith("not yet")


@pytest.mark.parametrize("argv, fragments", [
    (["lessons", "check", "nope", "{design}"], ['no lesson "nope" (lessons: dilation, ', "padding"]),
    (["lessons", "check", "../../etc/passwd", "{design}"], ['no lesson "../../etc/passwd"']),
    (["lessons", "start", "nope", "-o", "{design}"], ['no lesson "nope"']),
    (["lessons", "check", "padding", "{missing}"], ["missing.json: no such file"]),
    (["lessons", "check", "padding", "{garbage}"], ["garbage.json: not valid JSON (line 1, column 2"]),
    (["lessons", "check", "padding", "{hostile}"], ['hostile.json: layers[0].type: unknown layer type "Conv3d"']),
    (["lessons", "check", "padding", "{design}", "--lang", "fr"], ["--lang: invalid choice: 'fr'"]),
    (["lessons", "check", "padding"], ["the following arguments are required: design"]),
    (["lessons", "start", "padding"], ["the following arguments are required: -o/--output"]),
    (["lessons", "check", "plain_vs_residual", "{design}", "--trained", "{garbage}"],
     ["garbage.json: not a cnn-playground checkpoint"]),
])
def test_bad_input_is_one_line_and_status_2(argv: list[str], fragments: list[str], tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    files = {"design": tmp_path / "design.json", "missing": tmp_path / "missing.json",
             "garbage": tmp_path / "garbage.json", "hostile": tmp_path / "hostile.json"}
    save_design(get_lesson("padding").start, files["design"])
    files["garbage"].write_text("{not json")
    files["hostile"].write_text(json.dumps({"format": "cnn-playground.design", "version": 1, "input": [1, 28, 28],
                                            "layers": [{"type": "Conv3d"}]}))
    assert main([arg.format(**files) for arg in argv]) == 2
    _error(capsys, *fragments)


def test_the_training_lesson_takes_checkpoints_as_evidence(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    """A real (tiny) training run of each network, then the lesson checks with both checkpoints."""
    designs = {"plain": plain_net(), "residual": residual_net()}
    for name, d in designs.items():
        save_design(d, tmp_path / f"{name}.json")
        assert main(["train", str(tmp_path / f"{name}.json"), "--dataset", "embedded", "--epochs", "1",
                     "--device", "cpu", "--max-train-samples", "64", "--max-val-samples", "64",
                     "--out", str(tmp_path / f"{name}.pt")]) == 0
    capsys.readouterr()
    design = str(tmp_path / "residual.json")
    assert main(["lessons", "check", "plain_vs_residual", design]) == 1
    assert capsys.readouterr().out.startswith("not yet (part 1 of 3): Open the Train page")
    assert main(["lessons", "check", "plain_vs_residual", design, "--trained", str(tmp_path / "plain.pt")]) == 1
    assert capsys.readouterr().out.startswith("not yet (part 3 of 3): Press Train")
    assert main(["lessons", "check", "plain_vs_residual", design, "--trained", str(tmp_path / "plain.pt"),
                 "--trained", str(tmp_path / "residual.pt")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("solved: The plain network reached ") and "in 1 epoch(s)" in out


def test_check_as_a_process() -> None:
    """The real command: one line on stdout and the exit status a script reads."""
    done = subprocess.run([sys.executable, "-m", "playground", "lessons", "check", "lenet",
                           str(Path(__file__).parents[2] / "examples" / "lenet5.json"), "--lang", "en"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("solved: Your LeNet-5 gives 6 × 28 × 28 after the first convolution")
    assert done.stderr == ""


def test_listing_and_checking_load_neither_torch_nor_qt() -> None:
    """Like summary, the lessons answer from the closed-form analysis: no torch, no window."""
    script = ("import sys; from playground.cli import main; "
              "codes = [main(['lessons']), main(['lessons', 'check', 'padding', sys.argv[1]])]; "
              "print(codes, 'torch' in sys.modules, 'PySide6' in sys.modules)")
    lenet = str(Path(__file__).parents[2] / "examples" / "lenet5.json")
    done = subprocess.run([sys.executable, "-c", script, lenet], capture_output=True, text=True, timeout=120,
                          cwd=Path(__file__).parents[2])
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "[0, 0] False False"
