"""`cnn-playground summary` under a Chinese locale: Chinese headings, totals and messages in
the table, columns that line up by display width, and `--json` the same bytes as in English."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from playground.core.summary_format import display_width
from playground.paths import examples_dir

REPO = Path(__file__).resolve().parents[2]
LENET = str(examples_dir() / "lenet5.json")
BROKEN = {"format": "cnn-playground.design", "version": 1, "name": "坏的", "input": [1, 4, 4],
          "layers": [{"type": "Conv2d", "out_channels": 4, "kernel_size": 7},
                     {"type": "MaxPool2d", "kernel_size": 1, "stride": 2},
                     {"type": "Flatten"}, {"type": "Linear", "out_features": 10}, {"type": "Softmax"}]}


def cli(*args: str, lang: str) -> subprocess.CompletedProcess[bytes]:
    env = {"LANG": lang, "PATH": "/usr/bin:/bin", "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-m", "playground", *args], capture_output=True, env=env, cwd=REPO,
                          timeout=120)


def summary(*args: str, lang: str) -> subprocess.CompletedProcess[bytes]:
    return cli("summary", *args, lang=lang)


@pytest.fixture
def broken(tmp_path: Path) -> str:
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(BROKEN, ensure_ascii=False), encoding="utf-8")
    return str(path)


def test_lenet5_summary_has_chinese_headings_and_totals() -> None:
    done = summary(LENET, lang="zh_CN.UTF-8")
    assert done.returncode == 0 and done.stderr == b""
    text = done.stdout.decode("utf-8")
    lines = text.splitlines()
    assert lines[0] == "LeNet-5：输入 1 x 28 x 28"
    assert lines[2].split() == ["路径", "类型", "输出形状", "参数量", "MACs", "感受野"]
    for total in ("参数总量：61,706", "可训练参数：61,706", "不可训练参数：0", "输出形状：10",
                  "MACs 总量：每个样本 416,520（FLOPs = 2 x MACs = 833,040）"):
        assert total in lines, total
    assert "Total params" not in text and "Output shape" not in text


def test_the_chinese_table_lines_up_like_the_english_one() -> None:
    """A Chinese character takes two terminal columns: widths are counted that way, so each
    number stands right under the end of its heading and the rules span the table."""
    english = summary(LENET, lang="en_US.UTF-8").stdout.decode("utf-8").splitlines()
    chinese = summary(LENET, lang="zh_CN.UTF-8").stdout.decode("utf-8").splitlines()
    heavy = chinese[1]
    rows = slice(2, chinese.index(heavy, 2))
    assert {display_width(line) for line in chinese[rows]} == {display_width(heavy)}
    assert [line.split()[:2] for line in chinese[4:rows.stop]] == [line.split()[:2] for line in english[4:rows.stop]]
    header, *body = chinese[rows]
    assert header.split() == ["路径", "类型", "输出形状", "参数量", "MACs", "感受野"]
    for row in body[1:]:  # after the light rule
        # Columns are two or more spaces apart; the last three (counts, RF) are right-aligned.
        assert cell_ends(row)[3:] == cell_ends(header)[3:], row


def cell_ends(line: str) -> list[int]:
    """The display column where each cell of a table line ends."""
    return [display_width(line[:match.end()]) for match in re.finditer(r"\S+(?: \S+)*", line)]


def test_errors_and_warnings_are_chinese_in_the_table(broken: str) -> None:
    done = summary(broken, "--classes", "5", lang="zh_CN.UTF-8")
    assert done.returncode == 1
    text = done.stdout.decode("utf-8")
    assert "错误（1）：" in text and "  layers[0]: 卷积核 7x7 大于填充后的输入 4x4" in text
    assert "警告（2）：" in text and "步幅 2 大于 1x1 的窗口" in text


@pytest.mark.parametrize("design", ["lenet", "broken"])
def test_json_is_the_same_bytes_in_both_languages(design: str, broken: str) -> None:
    path = LENET if design == "lenet" else broken
    english = summary(path, "--json", "--classes", "5", lang="en_US.UTF-8")
    chinese = summary(path, "--json", "--classes", "5", lang="zh_CN.UTF-8")
    assert english.returncode == chinese.returncode and english.stdout == chinese.stdout
    data = json.loads(english.stdout)
    messages = [m["message"] for m in data["errors"] + data["warnings"]]
    assert messages and all(message.isascii() for message in messages)


def test_lang_flag_overrides_the_locale_for_the_table() -> None:
    done = cli("--lang", "zh_CN", "summary", LENET, lang="en_US.UTF-8")
    assert done.returncode == 0, done.stderr
    assert "参数总量：61,706" in done.stdout.decode("utf-8")
