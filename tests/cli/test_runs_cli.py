"""`cnn-playground runs`: CLI trainings land in the run history, and it lists, shows and
exports them; a killed training reads as interrupted; bad input is one line, exit 2."""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from playground.cli import main
from playground.core.run_export import tensorboard_available
from playground.core.runs import FINISHED, INTERRUPTED, SCHEMA_VERSION, RunStore, default_path
from cli_helpers import assert_one_line_error

REPO = Path(__file__).resolve().parents[2]
LENET = str(REPO / "examples" / "lenet5_relu.json")
TINY = ["--dataset", "embedded", "--epochs", "1", "--max-train-samples", "256", "--max-val-samples", "128",
        "--device", "cpu"]


def train(tmp_path: Path, capsys, name: str) -> None:
    assert main(["train", LENET, *TINY, "--out", str(tmp_path / name)]) == 0
    capsys.readouterr()


def runs_json(capsys, *args: str) -> dict:
    assert main(["runs", "--json", *args]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.fixture(scope="module")
def two_trainings(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder holding the run history of two CLI trainings (trained once for this file)."""
    data = tmp_path_factory.mktemp("history")
    env = dict(os.environ, CNN_PLAYGROUND_DATA=str(data))
    for name in ("first.pt", "second.pt"):
        done = subprocess.run([sys.executable, "-m", "playground", "train", LENET, *TINY, "--out", str(data / name)],
                              cwd=REPO, env=env, capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, done.stderr
    return data


@pytest.fixture
def history(two_trainings: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the two trainings' history as this test's data folder."""
    data = tmp_path / "data"
    data.mkdir()
    (data / "runs.sqlite3").write_bytes((two_trainings / "runs.sqlite3").read_bytes())
    monkeypatch.setenv("CNN_PLAYGROUND_DATA", str(data))
    return data


def test_two_cli_trainings_are_listed_with_their_metrics(history: Path, two_trainings: Path, capsys) -> None:
    listed = runs_json(capsys)
    assert listed["total"] == 2 and listed["database"] == str(history / "runs.sqlite3")
    second, first = listed["runs"]  # newest first
    assert (first["id"], second["id"]) == (1, 2)
    for run, out in ((first, "first.pt"), (second, "second.pt")):
        assert run["status"] == FINISHED and run["source"] == "cli"
        assert run["design"] == run["name"] == "LeNet-5 (ReLU)" and run["dataset"] == "embedded"
        assert run["epochs_done"] == run["epochs"] == 1 and run["settings"]["max_train_samples"] == 256
        assert run["params"] == 61706 and run["macs"] > 0 and run["device"].startswith("CPU")
        assert run["checkpoint"] == str(two_trainings / out)
        [epoch] = run["history"]
        assert epoch["epoch"] == 1 and 0 <= epoch["val_acc"] <= 1 and epoch["train_loss"] > 0
        assert run["best_val_acc"] == run["last_val_acc"] == epoch["val_acc"]
        assert run["started"] <= run["ended"]
    assert first["history"][0]["val_acc"] == second["history"][0]["val_acc"]  # same seed, same numbers


def test_an_in_process_training_is_recorded_too(tmp_path: Path, capsys, isolated_data_dir: Path) -> None:
    train(tmp_path, capsys, "m.pt")
    [run] = runs_json(capsys)["runs"]
    assert run["status"] == FINISHED and run["checkpoint"] == str(tmp_path / "m.pt")
    assert (isolated_data_dir / "runs.sqlite3").exists()


def test_the_table_lists_newest_first_and_filters(history: Path, capsys) -> None:
    with RunStore() as store:
        store.rename(1, "baseline")
    assert main(["runs"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:3] == ["ID", "started", "name"] and "best val" in lines[0]
    assert [line.split()[0] for line in lines[1:]] == ["2", "1"]
    assert "baseline" in lines[2] and "1/1" in lines[2] and "61.7K" in lines[2] and "finished" in lines[2]
    assert main(["runs", "--design", "BASE"]) == 0
    assert [line.split()[0] for line in capsys.readouterr().out.splitlines()[1:]] == ["1"]
    assert main(["runs", "--limit", "1", "--ascending"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in out[1:-1]] == ["1"] and out[-1] == "(1 of 2 runs; --limit shows more)"
    assert runs_json(capsys, "--status", "failed", "--dataset", "embedded")["runs"] == []
    assert main(["runs", "--status", "failed"]) == 0
    assert capsys.readouterr().out == "no runs match\n"


def test_every_sort_and_status_the_parser_offers_is_one_the_store_knows(history: Path, capsys) -> None:
    from playground.core.runs import SORT_KEYS, STATUSES

    for key in ("started", "name", "design", "dataset", "status", "epochs", "best_val_acc", "params", "macs",
                "duration"):
        assert key in SORT_KEYS and main(["runs", "--sort", key, "--ascending"]) == 0
    for status in STATUSES:
        assert main(["runs", "--status", status]) == 0
    assert main(["runs", "--sort", "id"]) == 2  # the parser offers no more than this list
    capsys.readouterr()


def test_show_prints_one_run_in_full(history: Path, capsys) -> None:
    assert main(["runs", "show", "2"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("run 2: LeNet-5 (ReLU) [finished]")
    assert "61,706 params" in out and "epoch  train loss" in out and "confusion matrix" in out
    assert main(["runs", "show", "2", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["design_json"]["name"] == "LeNet-5 (ReLU)" and len(shown["confusion"]) == 10
    assert sum(map(sum, shown["confusion"])) == 128 and shown["class_names"] == [str(i) for i in range(10)]
    assert len(shown["steps"]["loss"]) == len(shown["steps"]["step"]) >= 1


def test_text_from_the_database_cannot_drive_the_terminal(history: Path, capsys) -> None:
    evil = "\x1b[2J\x1b]0;pwned\x07 name\u202eright\x9b31m\U000e0041"
    with RunStore() as store:
        store.rename(1, evil)
        store.set_note(1, "line one\nline two\r")
    outputs = []
    for argv in (["runs"], ["runs", "--json"], ["runs", "show", "1"], ["runs", "show", "1", "--json"]):
        assert main(argv) == 0
        outputs.append(capsys.readouterr().out)
    for out in outputs:
        assert not any(ch in out for ch in "\x1b\x07\u202e\x9b\r\U000e0041"), repr(out)
    assert "\\x1b[2J" in outputs[0] and "\\u202e" in outputs[2] and "line one\\x0aline two" in outputs[2]
    assert json.loads(outputs[1])["runs"][1]["name"] == evil  # the JSON still says exactly what is stored
    assert json.loads(outputs[3])["note"] == "line one\nline two\r"


@pytest.mark.parametrize("argv, fragments", [
    (["runs", "show", "abc"], ("run ID", "abc")),
    (["runs", "show", "0"], ("run ID",)),
    (["runs", "show", "-3"], ("run ID",)),
    (["runs", "show", "99"], ("no run 99",)),
    (["runs", "export", "99", "--to", "csv", "out"], ("no run 99",)),
    (["runs", "export", "1", "--to", "png", "out"], ("invalid choice", "png")),
    (["runs", "export", "1", "out"], ("--to",)),
    (["runs", "--limit", "0"], ("--limit",)),
    (["runs", "--sort", "colour"], ("invalid choice",)),
    (["runs", "--status", "sleeping"], ("invalid choice",)),
])
def test_bad_input_is_one_line_and_exit_status_2(history: Path, capsys, argv: list[str],
                                                 fragments: tuple[str, ...]) -> None:
    assert main(argv) == 2
    assert_one_line_error(capsys.readouterr().err, *fragments)


def test_without_a_history_nothing_is_created(isolated_data_dir: Path, capsys) -> None:
    assert main(["runs"]) == 0
    assert "no runs yet" in capsys.readouterr().out
    assert runs_json(capsys) == {"database": str(default_path()), "total": 0, "runs": []}
    assert main(["runs", "show", "1"]) == 2
    assert_one_line_error(capsys.readouterr().err, "no run 1")
    assert not isolated_data_dir.exists()


def test_a_damaged_history_is_moved_aside_with_a_message(isolated_data_dir: Path, capsys) -> None:
    isolated_data_dir.mkdir()
    default_path().write_text("not a database\n" * 100)
    assert main(["runs"]) == 0
    captured = capsys.readouterr()
    assert "no runs yet" in captured.out
    [message] = captured.err.splitlines()
    assert "was damaged" in message and "moved it to" in message
    assert [p.name.split("-")[0] for p in isolated_data_dir.iterdir() if "damaged" in p.name] == ["runs.sqlite3.damaged"]


def test_a_history_from_a_newer_version_is_one_line_exit_2(isolated_data_dir: Path, capsys) -> None:
    import sqlite3

    isolated_data_dir.mkdir()
    conn = sqlite3.connect(default_path())
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.close()
    assert main(["runs"]) == 2
    assert_one_line_error(capsys.readouterr().err, "newer cnn-playground")


def test_a_training_goes_on_when_the_history_cannot_be_used(isolated_data_dir: Path, tmp_path: Path, capsys) -> None:
    import sqlite3

    isolated_data_dir.mkdir()
    conn = sqlite3.connect(default_path())
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    assert main(["train", LENET, *TINY, "--out", str(tmp_path / "m.pt")]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("validation accuracy: ") and (tmp_path / "m.pt").exists()
    [notice] = [line for line in captured.err.splitlines() if line.startswith("run history:")]
    assert "newer cnn-playground" in notice and notice.endswith("this run is not recorded")


# ------------------------------------------------------------ export

def test_export_to_csv(history: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "exports"
    assert main(["runs", "export", "2", "--to", "csv", str(out)]) == 0
    assert str(out / "run-2") in capsys.readouterr().out
    folder = out / "run-2"
    assert sorted(p.name for p in folder.iterdir()) == ["confusion.csv", "epochs.csv", "run.json", "steps.csv"]
    with RunStore() as store:
        run = store.get(2)
    epochs = list(csv.DictReader((folder / "epochs.csv").open()))
    assert len(epochs) == 1 and float(epochs[0]["val_acc"]) == run.epochs[0].val_acc
    assert float(epochs[0]["lr"]) == run.epochs[0].lr
    steps = list(csv.DictReader((folder / "steps.csv").open()))
    assert [float(s["loss"]) for s in steps] == [p.loss for p in run.steps]
    confusion = list(csv.reader((folder / "confusion.csv").open()))
    assert confusion[0][1:] == [str(i) for i in range(10)]
    assert [[int(v) for v in row[1:]] for row in confusion[1:]] == run.confusion
    assert json.loads((folder / "run.json").read_text())["id"] == 2
    assert main(["runs", "export", "2", "--to", "csv", str(out)]) == 2  # never over an earlier export
    assert_one_line_error(capsys.readouterr().err, "already exists")
    assert [p.name for p in out.iterdir()] == ["run-2"]


@pytest.mark.skipif(not tensorboard_available(), reason="tensorboard is not installed")
def test_export_to_tensorboard(history: Path, tmp_path: Path, capsys) -> None:
    from tensorboard.backend.event_processing.event_accumulator import EventAccumulator

    assert main(["runs", "export", "1", "--to", "tensorboard", str(tmp_path / "tb")]) == 0
    assert "tensorboard --logdir" in capsys.readouterr().out
    events = EventAccumulator(str(tmp_path / "tb" / "run-1"))
    events.Reload()
    with RunStore() as store:
        run = store.get(1)
    tags = set(events.Tags()["scalars"])
    assert {"loss/train", "loss/validation", "accuracy/train", "accuracy/validation", "learning_rate",
            "loss/steps"} <= tags
    [val_acc] = events.Scalars("accuracy/validation")
    assert val_acc.step == 1 and val_acc.value == pytest.approx(run.epochs[0].val_acc)
    assert [e.step for e in events.Scalars("loss/steps")] == [p.step for p in run.steps]
    assert {"run/text_summary", "design/text_summary", "confusion/text_summary"} <= set(events.Tags()["tensors"])


def test_export_to_tensorboard_without_the_package_says_how_to_install_it(
        history: Path, tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "torch.utils.tensorboard", None)  # import fails as if absent
    assert main(["runs", "export", "1", "--to", "tensorboard", str(tmp_path / "tb")]) == 2
    assert_one_line_error(capsys.readouterr().err, "pip install 'cnn-playground[tensorboard]'")
    assert not (tmp_path / "tb" / "run-1").exists()


# ------------------------------------------------------------ a training that is killed

@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_killed_training_reads_as_interrupted_at_the_next_open(isolated_data_dir: Path, tmp_path: Path) -> None:
    args = [sys.executable, "-m", "playground", "train", LENET, *TINY, "--out", str(tmp_path / "m.pt")]
    args[args.index("--epochs") + 1] = "1000"  # the most allowed: it does not finish before the kill
    child = subprocess.Popen(args, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 300  # a guard against hanging, not a speed limit
        while True:
            assert child.poll() is None, child.stderr.read() if child.stderr else ""
            assert time.monotonic() < deadline, "the training never recorded its first epoch"
            if default_path().exists():
                with RunStore() as store:  # opening while it trains: still running
                    runs = store.list()
                if runs and runs[0].epochs_done >= 1:
                    assert runs[0].status == "running"
                    break
            time.sleep(0.05)
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.kill()
        child.wait()
    with RunStore() as store:
        [run] = store.list()
    assert run.status == INTERRUPTED and run.epochs_done >= 1 and run.ended_at is not None
    assert not (tmp_path / "m.pt").exists()
