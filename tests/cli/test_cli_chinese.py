"""The command line in Chinese (LANG=zh_CN.UTF-8 or --lang zh_CN): progress, results, tables and
errors speak Chinese, aligned by terminal columns; what scripts read (the error prefix, --json,
checkpoints) stays the same in both languages."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import torch
from PIL import Image

from playground import paths
from playground.cli import main
from playground.commands.train import ProgressPrinter
from playground.core import i18n
from playground.core.checkpoint import load_checkpoint
from playground.core.events import FILES, ProgressEvent, StepEvent
from playground.core.text import display_width
from cli_helpers import assert_one_line_error

REPO = Path(__file__).resolve().parents[2]
LENET = REPO / "examples" / "lenet5_relu.json"
QUICK = ["--epochs", "1", "--max-train-samples", "256", "--max-val-samples", "128", "--device", "cpu"]


def cli(*words: str, lang: str) -> subprocess.CompletedProcess[str]:
    """`cnn-playground WORDS` as a process in the locale `lang` (the run history stays in this test's folder)."""
    env = {**os.environ, "LANG": lang, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-m", "playground", *map(str, words)], capture_output=True, text=True,
                          env=env, cwd=REPO)


@pytest.fixture
def english_afterwards():
    """In-process commands switch the process's language; the next test reads English again."""
    yield
    i18n.set_language("en")


@pytest.fixture(scope="module")
def trained(tmp_path_factory: pytest.TempPathFactory) -> dict[str, subprocess.CompletedProcess[str] | Path]:
    """The same short training in Chinese and in English, into one run history."""
    folder = tmp_path_factory.mktemp("both")
    env_data = folder / "user-data"
    runs: dict[str, subprocess.CompletedProcess[str] | Path] = {"data": env_data}
    for lang, name in (("zh_CN.UTF-8", "zh"), ("en_US.UTF-8", "en")):
        env = {**os.environ, "LANG": lang, "PYTHONPATH": str(REPO), "CNN_PLAYGROUND_DATA": str(env_data)}
        out = folder / f"{name}.pt"
        runs[name] = subprocess.run([sys.executable, "-m", "playground", "train", str(LENET), *QUICK, "--out", str(out)],
                                    capture_output=True, text=True, env=env, cwd=REPO)
        runs[f"{name}.pt"] = out
    return runs


def test_training_in_chinese_prints_chinese_progress_and_result(trained) -> None:
    done = trained["zh"]
    assert done.returncode == 0, done.stderr
    epoch_lines = [line for line in done.stderr.splitlines() if line.startswith("第 ")]
    assert len(epoch_lines) == 1, done.stderr
    assert epoch_lines[0].startswith("第 1/1 轮 [") and "损失" in epoch_lines[0] and "样本/秒" in epoch_lines[0]
    assert "| 验证损失" in epoch_lines[0] and "samples/s" not in done.stderr
    final = done.stdout.strip()
    assert final.startswith("验证准确率：") and "（最佳 " in final and "1 轮" in final
    assert final.endswith(f"已保存 {trained['zh.pt']}")


def test_the_checkpoint_is_the_same_in_both_languages(trained) -> None:
    assert trained["en"].returncode == 0, trained["en"].stderr
    assert trained["en"].stdout.startswith("validation accuracy: ")
    zh, en = load_checkpoint(trained["zh.pt"]), load_checkpoint(trained["en.pt"])
    assert zh.design == en.design and zh.config == en.config and zh.dataset == en.dataset
    assert {k: v for k, v in zh.metrics.items() if k != "duration_s"} == \
        {k: v for k, v in en.metrics.items() if k != "duration_s"}
    assert zh.state_dict.keys() == en.state_dict.keys()
    assert all(torch.equal(zh.state_dict[k], en.state_dict[k]) for k in zh.state_dict)


def test_runs_json_is_the_same_in_both_languages_and_the_table_is_chinese_and_aligned(trained) -> None:
    env = {"CNN_PLAYGROUND_DATA": str(trained["data"])}
    def runs(*words: str, lang: str) -> str:
        done = subprocess.run([sys.executable, "-m", "playground", "runs", *words], capture_output=True, text=True,
                              env={**os.environ, **env, "LANG": lang, "PYTHONPATH": str(REPO)}, cwd=REPO)
        assert done.returncode == 0, done.stderr
        return done.stdout
    as_json = runs("--json", lang="zh_CN.UTF-8")
    assert as_json == runs("--json", lang="en_US.UTF-8")
    assert [r["status"] for r in json.loads(as_json)["runs"]] == ["finished", "finished"]
    header, *rows = runs(lang="zh_CN.UTF-8").splitlines()
    assert "开始时间" in header and "数据集" in header and "已完成" in rows[0]
    column = display_width(header[:header.index("数据集")])  # wide characters count two columns
    assert all(display_width(row[:row.index("embedded")]) == column for row in rows)
    shown = runs("show", "1", lang="zh_CN.UTF-8")
    assert "运行 1：" in shown and "验证准确率" in shown and "混淆矩阵" in shown
    assert runs("show", "1", "--json", lang="zh_CN.UTF-8") == runs("show", "1", "--json", lang="en_US.UTF-8")


def test_errors_are_chinese_after_the_english_prefix(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"
    done = cli("train", LENET, "--out", missing / "m.pt", lang="zh_CN.UTF-8")
    assert done.returncode == 2
    assert_one_line_error(done.stderr, f"--out {missing / 'm.pt'}：文件夹 {missing} 不存在")
    done = cli("classify", missing / "d.png", lang="zh_CN.UTF-8")
    assert done.returncode == 2 and done.stdout == ""
    assert_one_line_error(done.stderr, f"{missing / 'd.png'}：没有这个文件")


def test_classify_says_the_same_digits_in_both_languages_and_a_blank_in_chinese(tmp_path, capsys,
                                                                                 english_afterwards) -> None:
    with np.load(paths.embedded_mnist_path()) as data:
        digit = data["images"][-1]
    Image.fromarray(digit).save(tmp_path / "d.png")
    Image.new("L", (40, 40), 255).save(tmp_path / "blank.png")
    outputs = {}
    for lang in ("zh_CN", "en"):
        assert main(["--lang", lang, "classify", str(tmp_path / "d.png")]) == 0
        outputs[lang] = capsys.readouterr().out
    assert outputs["zh_CN"] == outputs["en"]  # "FILE: DIGIT (PERCENT)" has no words
    assert main(["--lang", "zh_CN", "classify", str(tmp_path / "blank.png")]) == 0
    assert capsys.readouterr().out == f"{tmp_path / 'blank.png'}：没有数字（图片是空白的）\n"


def test_help_and_the_torchrun_readme_follow_the_language(tmp_path, capsys, english_afterwards) -> None:
    with pytest.raises(SystemExit):
        main(["--lang", "zh_CN", "train", "--help"])
    assert "设计 JSON 文件" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["--lang", "zh_CN", "--help"])
    assert "训练一个设计并保存检查点" in capsys.readouterr().out
    job = tmp_path / "job"
    assert main(["--lang", "zh_CN", "export", str(LENET), "--to", "torchrun", "-o", str(job)]) == 0
    assert capsys.readouterr().out.startswith(f"已写入 {job}/")
    readme = (job / "README.txt").read_text(encoding="utf-8").splitlines()
    assert len(readme) == 3 and readme[0].startswith("CNN Playground 设计")
    assert "exec ${TORCHRUN:-torchrun}" in (job / "launch.sh").read_text()  # the script is code: English


def test_argparse_speaks_chinese_too_and_english_stays_as_it_was(capsys, english_afterwards) -> None:
    assert main(["--lang", "zh_CN", "train", str(LENET)]) == 2
    assert_one_line_error(capsys.readouterr().err, "缺少以下必需参数：--out")
    assert main(["--lang", "zh_CN", "runs", "--status", "sleeping"]) == 2
    assert_one_line_error(capsys.readouterr().err, "参数 --status：无效的选择：'sleeping'")
    with pytest.raises(SystemExit):
        main(["--lang", "zh_CN", "classify", "--help"])
    shown = capsys.readouterr().out
    assert shown.startswith("用法：cnn-playground classify") and "显示此帮助信息并退出" in shown
    assert main(["train", str(LENET)]) == 2
    assert_one_line_error(capsys.readouterr().err, "the following arguments are required: --out")


def test_chinese_help_wraps_by_terminal_columns(capsys, monkeypatch, english_afterwards) -> None:
    monkeypatch.setenv("COLUMNS", "60")
    with pytest.raises(SystemExit):
        main(["--lang", "zh_CN", "runs", "--help"])
    chinese = [line for line in capsys.readouterr().out.splitlines() if display_width(line) > len(line)]
    assert len(chinese) > 5
    assert all(display_width(line) <= 60 for line in chinese), chinese  # textwrap would give up to twice that
    assert not any(line.strip().startswith(("）", "，", "。")) for line in chinese)


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_live_progress_bar_fills_the_terminal_by_columns_in_chinese(monkeypatch, english_afterwards) -> None:
    monkeypatch.setenv("COLUMNS", "61")
    i18n.set_language("zh_CN")
    terminal = _Terminal()
    printer = ProgressPrinter(terminal, epochs=3)
    printer(StepEvent(step=5, epoch=1, epoch_step=5, steps_per_epoch=10, loss=1.5, accuracy=0.5, lr=0.01,
                      samples_per_s=1234.0))
    drawn = terminal.getvalue()
    assert drawn.startswith("\r第 1/3 轮 [") and display_width(drawn[1:]) == 60  # never wraps: \r redraws one line
    printer(ProgressEvent("reading images in cats", 3, 11, FILES))
    assert terminal.getvalue().rsplit("\r", 1)[1].rstrip().endswith("] 3 / 11")
    i18n.set_language("en")
    printer(ProgressEvent("downloading x", 2048, 4096))
    assert terminal.getvalue().rsplit("\r", 1)[1].rstrip().endswith("] 2.0 KiB of 4.0 KiB")
