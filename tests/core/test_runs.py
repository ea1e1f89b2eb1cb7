"""The run history (playground.core.runs) and its recorder: what is kept, how it is
listed, and that it survives dead writers, two writers at once, old and damaged files."""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import numpy as np
import pytest
import torch.nn as nn

from playground.core.datasets import load_embedded
from playground.core.design import design_from_dict, design_to_json
from playground.core.events import FailedEvent, FinishedEvent, InfoEvent
from playground.core.run_recorder import RunRecorder
from playground.core.runs import (
    FAILED, FINISHED, INTERRUPTED, MAX_STEP_POINTS, RUNNING, SCHEMA_VERSION, STOPPED, EpochRecord, RunFilter,
    RunNotFound, RunStore, RunStoreError, StepPoint, default_path, process_alive)
from playground.core.trainer import TrainConfig, Trainer

REPO = Path(__file__).resolve().parents[2]
SMALL = {"format": "cnn-playground.design", "version": 1, "name": "small", "input": [1, 28, 28],
         "layers": [{"type": "Conv2d", "out_channels": 4, "kernel_size": 3, "stride": 2}, {"type": "ReLU"},
                    {"type": "Flatten"}, {"type": "Linear", "out_features": 10}]}


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "runs.sqlite3"


@pytest.fixture
def store(db: Path):
    with RunStore(db) as s:
        yield s


def new_run(store: RunStore, name: str = "LeNet", dataset: str = "embedded", **kw) -> int:
    return store.start_run(design_json='{"name": "%s"}' % name, design_name=name, dataset=dataset,
                           settings={"epochs": 3, "lr": 0.01}, **kw)


def epoch(n: int, val_acc: float, val_loss: float = 0.5) -> EpochRecord:
    return EpochRecord(n, 1.0 / n, 0.5 + n / 100, val_loss, val_acc, 1e-3 * n, 2.0 + n, 100.0 * n)


def dead_pid() -> int:
    """The id of a process that has ended (and been reaped)."""
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    return int(done.stdout)


# ------------------------------------------------------------ a run, stored and read back

def test_a_run_keeps_everything_it_was_given(store: RunStore) -> None:
    run_id = store.start_run(design_json=design_to_json(design_from_dict(SMALL)), design_name="small",
                             dataset="embedded", settings={"epochs": 2, "optimizer": "adam"}, device="CPU",
                             params=1234, macs=5678, source="cli")
    assert store.get(run_id).summary.status == RUNNING
    store.set_details(run_id, device="CPU (3 threads)", class_names=[str(i) for i in range(10)])
    store.record_epoch(run_id, epoch(1, 0.80), confusion=np.eye(10, dtype=np.int64) * 3)
    store.record_epoch(run_id, epoch(2, 0.75, val_loss=0.6), confusion=[[5] * 10] * 10)
    store.record_steps(run_id, [StepPoint(1, 0.5, 2.3), StepPoint(2, 1.0, 1.9)])
    store.set_checkpoint(run_id, "model.pt")
    store.finish(run_id, FINISHED, duration_s=4.5)

    run = store.get(run_id)
    s = run.summary
    assert (s.name, s.design_name, s.dataset, s.status, s.source) == ("small", "small", "embedded", FINISHED, "cli")
    assert (s.params, s.macs, s.device, s.epochs_done, s.epochs_planned) == (1234, 5678, "CPU (3 threads)", 2, 2)
    assert s.best_val_acc == pytest.approx(0.80) and s.last_val_acc == pytest.approx(0.75)
    assert s.last_val_loss == pytest.approx(0.6) and s.duration_s == pytest.approx(4.5)
    assert s.ended_at is not None and s.ended_at >= s.started_at
    assert s.checkpoint_path == str(Path("model.pt").resolve())
    assert s.settings == {"epochs": 2, "optimizer": "adam"}
    assert design_from_dict(json.loads(run.design_json)).name == "small"
    assert [e.epoch for e in run.epochs] == [1, 2]
    assert run.epochs[0] == EpochRecord(1, 1.0, 0.51, 0.5, 0.80, 1e-3, 3.0, 100.0, run.epochs[0].at)
    assert run.steps == (StepPoint(1, 0.5, 2.3), StepPoint(2, 1.0, 1.9))
    assert run.confusion == [[5] * 10] * 10  # the latest epoch's
    assert run.class_names == [str(i) for i in range(10)]


def test_recording_an_epoch_again_replaces_it(store: RunStore) -> None:
    run_id = new_run(store)
    store.record_epoch(run_id, epoch(1, 0.9))
    store.record_epoch(run_id, epoch(1, 0.7))
    run = store.get(run_id)
    assert len(run.epochs) == 1 and run.summary.best_val_acc == pytest.approx(0.7)


def test_a_nan_metric_is_stored_as_missing(store: RunStore) -> None:
    run_id = new_run(store)
    store.record_epoch(run_id, EpochRecord(1, float("nan"), 0.1, float("inf"), 0.2))
    store.record_steps(run_id, [StepPoint(1, 0.1, float("nan")), StepPoint(2, 0.2, 1.0)])
    run = store.get(run_id)
    assert run.epochs[0].train_loss is None and run.epochs[0].val_loss is None
    assert run.steps == (StepPoint(2, 0.2, 1.0),)


def test_ending_a_run_needs_an_end_status(store: RunStore) -> None:
    run_id = new_run(store)
    with pytest.raises(ValueError, match="finished"):
        store.finish(run_id, RUNNING)
    store.finish(run_id, FAILED, message="the loss became NaN")
    assert store.get(run_id).summary.message == "the loss became NaN"


def test_an_unknown_run_is_refused_by_name(store: RunStore) -> None:
    for call in (lambda: store.get(7), lambda: store.rename(7, "x"), lambda: store.set_note(7, "x"),
                 lambda: store.record_epoch(7, epoch(1, 0.5)), lambda: store.record_steps(7, [StepPoint(1, 0, 1)]),
                 lambda: store.finish(7, FINISHED), lambda: store.set_checkpoint(7, "m.pt")):
        with pytest.raises(RunNotFound, match="no run 7"):
            call()


def test_the_default_file_lives_in_the_user_data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CNN_PLAYGROUND_DATA", str(tmp_path / "data"))
    assert default_path() == tmp_path / "data" / "runs.sqlite3"
    with RunStore() as store:
        assert store.path == default_path()
    with sqlite3.connect(default_path()) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


# ------------------------------------------------------------ editing

def test_rename_note_and_delete(store: RunStore) -> None:
    keep, gone = new_run(store, "a"), new_run(store, "b")
    for run_id in (keep, gone):
        store.record_epoch(run_id, epoch(1, 0.5))
        store.record_steps(run_id, [StepPoint(1, 1.0, 1.0)])
    store.rename(keep, "BatchNorm helps?")
    store.set_note(keep, "lr 0.01, 3 epochs")
    assert store.delete([gone, 999]) == 1
    assert [r.id for r in store.list()] == [keep]
    summary = store.get(keep).summary
    assert (summary.name, summary.design_name, summary.note) == ("BatchNorm helps?", "a", "lr 0.01, 3 epochs")
    with pytest.raises(RunNotFound):
        store.get(gone)
    assert store.histories([gone]) == {gone: []}
    conn = sqlite3.connect(store.path)
    assert conn.execute("SELECT count(*) FROM curves WHERE run_id = ?", (gone,)).fetchone()[0] == 0
    conn.close()


# ------------------------------------------------------------ listing: filters, sorting, pages

def test_list_filters_sorts_and_pages(store: RunStore) -> None:
    day = 86400.0
    ids = {}
    for i, (name, dataset, acc) in enumerate([("LeNet-5", "embedded", 0.97), ("VGG-mini", "cifar10", 0.71),
                                              ("lenet wide", "embedded", 0.98), ("ResNet_mini", "mnist", None)]):
        ids[name] = new_run(store, name, dataset, started_at=1_700_000_000 + i * day, params=100 * (i + 1))
        if acc is not None:
            store.record_epoch(ids[name], epoch(1, acc))
            store.finish(ids[name], FINISHED)
    by_start = [ids[n] for n in ("ResNet_mini", "lenet wide", "VGG-mini", "LeNet-5")]
    assert [r.id for r in store.list()] == by_start
    assert [r.id for r in store.list(descending=False)] == by_start[::-1]
    assert [r.id for r in store.list(limit=2)] == by_start[:2]
    assert [r.id for r in store.list(limit=2, offset=2)] == by_start[2:]
    assert [r.name for r in store.list(sort="best_val_acc")] == ["lenet wide", "LeNet-5", "VGG-mini", "ResNet_mini"]
    assert [r.name for r in store.list(sort="best_val_acc", descending=False)][-1] == "ResNet_mini"  # no number: last
    assert [r.name for r in store.list(sort="name", descending=False)] == ["lenet wide", "LeNet-5", "ResNet_mini",
                                                                          "VGG-mini"]  # any case; " " < "-"
    lenets = RunFilter(text="LENET")
    assert {r.name for r in store.list(lenets)} == {"LeNet-5", "lenet wide"} and store.count(lenets) == 2
    assert store.count(RunFilter(text="_")) == 1  # LIKE wildcards are literal
    assert store.count(RunFilter(text="%")) == 0
    assert [r.name for r in store.list(RunFilter(dataset="embedded", text="wide"))] == ["lenet wide"]
    assert store.count(RunFilter(statuses=(RUNNING,))) == 1
    assert store.count(RunFilter(started_from=1_700_000_000 + day, started_to=1_700_000_000 + 2 * day)) == 2
    assert store.count() == 4
    with pytest.raises(ValueError, match="sort by"):
        store.list(sort="started_at; DROP TABLE runs")


def test_histories_of_several_runs_at_once(store: RunStore) -> None:
    a, b = new_run(store), new_run(store)
    for n in (1, 2, 3):
        store.record_epoch(a, epoch(n, 0.5 + n / 10))
    store.record_epoch(b, epoch(1, 0.3))
    found = store.histories([b, a, a])
    assert list(found) == [b, a]
    assert [r.val_acc for r in found[a]] == pytest.approx([0.6, 0.7, 0.8])


# ------------------------------------------------------------ the loss curve stays small

def test_step_losses_are_downsampled_evenly_and_keep_their_mean(store: RunStore) -> None:
    run_id = new_run(store)
    rng = np.random.default_rng(0)
    losses = rng.uniform(0, 4, 10_000)
    for start in range(0, len(losses), 137):  # batches of events, as the recorder flushes them
        store.record_steps(run_id, [StepPoint(i + 1, (i + 1) / 1000, float(losses[i]))
                                    for i in range(start, min(start + 137, len(losses)))])
    points = store.get(run_id).steps
    assert MAX_STEP_POINTS // 2 <= len(points) <= MAX_STEP_POINTS
    steps = np.array([p.step for p in points])
    assert steps[-1] == 10_000 and np.all(np.diff(steps) > 0)
    gaps = np.diff(np.concatenate([[0], steps]))
    assert gaps.max() <= 2 * np.median(gaps)  # evenly spread: the start is as detailed as the end
    weights = gaps  # each point stands for the raw points since the previous one
    assert np.average([p.loss for p in points], weights=weights) == pytest.approx(losses.mean())
    first = int(steps[0])
    assert points[0].loss == pytest.approx(losses[:first].mean())


# ------------------------------------------------------------ dead writers

def test_a_run_whose_process_died_reads_as_interrupted(db: Path) -> None:
    with RunStore(db) as store:
        mine = new_run(store)
        store.record_epoch(mine, epoch(1, 0.5))
        dead = new_run(store)
        store.record_epoch(dead, epoch(1, 0.5))
        reused = new_run(store)
        beat = time.time() - 60
    conn = sqlite3.connect(db)
    conn.execute("UPDATE runs SET pid = ?, heartbeat_at = ? WHERE id = ?", (dead_pid(), beat, dead))
    conn.execute("UPDATE runs SET process_token = 'another process' WHERE id = ?", (reused,))
    conn.commit()
    conn.close()
    assert process_alive(os.getpid())
    with RunStore(db) as store:
        assert store.get(mine).summary.status == RUNNING  # this process is alive
        interrupted = store.get(dead).summary
        assert interrupted.status == INTERRUPTED and interrupted.epochs_done == 1
        assert interrupted.ended_at == pytest.approx(beat) and "ended before" in interrupted.message
        if sys.platform.startswith("linux"):  # the start token is read from /proc
            assert store.get(reused).summary.status == INTERRUPTED
        assert store.mark_interrupted() == 0


def test_a_run_from_another_host_is_interrupted_only_after_a_day_of_silence(db: Path) -> None:
    with RunStore(db) as store:
        quiet, recent = new_run(store), new_run(store)
    conn = sqlite3.connect(db)
    conn.execute("UPDATE runs SET host = 'elsewhere', pid = 1, heartbeat_at = ? WHERE id = ?",
                 (time.time() - 2 * 86400, quiet))
    conn.execute("UPDATE runs SET host = 'elsewhere', pid = 1, heartbeat_at = ? WHERE id = ?", (time.time(), recent))
    conn.commit()
    conn.close()
    assert socket.gethostname() != "elsewhere"
    with RunStore(db) as store:
        assert store.get(quiet).summary.status == INTERRUPTED
        assert store.get(recent).summary.status == RUNNING


# ------------------------------------------------------------ two writers at once

WRITER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from playground.core.runs import EpochRecord, FINISHED, RunStore, StepPoint
    db, name, go = sys.argv[1], sys.argv[2], Path(sys.argv[3])
    store = RunStore(db)
    print("ready", flush=True)
    while not go.exists():
        time.sleep(0.01)
    for r in range(3):
        run_id = store.start_run(design_json="{}", design_name=name, dataset="embedded", settings={})
        for e in range(1, 21):
            store.record_steps(run_id, [StepPoint(e * 10 + i, e + i / 10, 1.0 / e) for i in range(10)])
            store.record_epoch(run_id, EpochRecord(e, 1.0 / e, 0.5, 1.0 / e, e / 20))
        store.finish(run_id, FINISHED)
    store.close()
""")


def test_two_processes_writing_at_once_both_land(db: Path, tmp_path: Path) -> None:
    go = tmp_path / "go"
    writers = [subprocess.Popen([sys.executable, "-c", WRITER, str(db), name, str(go)], cwd=REPO,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for name in ("a", "b")]
    for writer in writers:  # both have the database open before either writes
        assert writer.stdout is not None and writer.stdout.readline().strip() == "ready"
    go.touch()
    for writer in writers:
        _, err = writer.communicate(timeout=300)
        assert writer.returncode == 0, err
    with RunStore(db) as store:
        runs = store.list()
        assert sorted(r.design_name for r in runs) == ["a"] * 3 + ["b"] * 3
        assert all(r.status == FINISHED and r.epochs_done == 20 for r in runs)
        assert all(len(store.get(r.id).steps) == 200 for r in runs)


def test_one_store_may_be_shared_by_threads(store: RunStore) -> None:
    import threading

    def write(name: str) -> None:
        run_id = new_run(store, name)
        for n in range(1, 31):
            store.record_steps(run_id, [StepPoint(n, n / 30, 1.0)])
            store.record_epoch(run_id, epoch(n, n / 30))
            store.list(limit=5)
        store.finish(run_id, FINISHED)

    threads = [threading.Thread(target=write, args=(name,)) for name in ("a", "b", "c")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    runs = store.list()
    assert sorted(r.name for r in runs) == ["a", "b", "c"]
    assert all(r.epochs_done == 30 and r.status == FINISHED for r in runs)


# ------------------------------------------------------------ old, new and damaged files

SCHEMA_V1 = """
CREATE TABLE runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, status TEXT NOT NULL, started_at REAL NOT NULL,
    ended_at REAL, duration_s REAL, design_name TEXT NOT NULL DEFAULT '', design_json TEXT NOT NULL DEFAULT '',
    dataset TEXT NOT NULL DEFAULT '', settings_json TEXT NOT NULL DEFAULT '{}', device TEXT NOT NULL DEFAULT '',
    params INTEGER, macs INTEGER, epochs_done INTEGER NOT NULL DEFAULT 0, best_val_acc REAL, last_val_acc REAL,
    last_val_loss REAL, confusion_json TEXT, class_names_json TEXT, checkpoint_path TEXT,
    note TEXT NOT NULL DEFAULT '', message TEXT NOT NULL DEFAULT '', source TEXT NOT NULL DEFAULT '');
CREATE TABLE epochs (
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE, epoch INTEGER NOT NULL,
    train_loss REAL, train_acc REAL, val_loss REAL, val_acc REAL, lr REAL, duration_s REAL, samples_per_s REAL,
    at REAL, PRIMARY KEY (run_id, epoch)) WITHOUT ROWID;
CREATE INDEX runs_started ON runs(started_at);
INSERT INTO runs (name, status, started_at, ended_at, design_name, dataset, settings_json, epochs_done,
                  best_val_acc, last_val_acc, note)
    VALUES ('old run', 'finished', 1700000000, 1700000060, 'LeNet-5', 'embedded', '{"epochs": 1}', 1, 0.9, 0.9,
            'kept');
INSERT INTO epochs VALUES (1, 1, 0.5, 0.8, 0.4, 0.9, 0.003, 55.0, 1000.0, 1700000060);
PRAGMA user_version = 1;
"""


def test_a_file_of_an_older_schema_is_migrated_and_keeps_its_runs(db: Path) -> None:
    conn = sqlite3.connect(db)
    conn.executescript(SCHEMA_V1)
    conn.close()
    with RunStore(db) as store:
        assert store.damaged is None
        old = store.get(1)
        assert (old.summary.name, old.summary.note, old.summary.best_val_acc) == ("old run", "kept", 0.9)
        assert old.epochs[0].val_acc == 0.9 and old.steps == ()
        new = new_run(store)
        store.record_steps(new, [StepPoint(1, 0.1, 2.0)])
        assert [r.id for r in store.list(sort="best_val_acc")] == [1, new]
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    with RunStore(db) as store:  # opening an up-to-date file changes nothing
        assert store.count() == 2


def test_a_file_from_a_newer_version_is_refused_and_left_alone(db: Path) -> None:
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE future (x)")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    before = db.read_bytes()
    with pytest.raises(RunStoreError, match="newer cnn-playground"):
        RunStore(db)
    assert db.read_bytes() == before and [p.name for p in db.parent.iterdir() if "damaged" in p.name] == []


def test_a_file_that_is_not_sqlite_is_moved_aside_and_a_fresh_one_started(db: Path) -> None:
    db.write_text("these are my notes, not a database\n" * 50)
    with RunStore(db) as store:
        assert store.damaged is not None
        moved = store.damaged.moved_to
        assert moved.parent == db.parent and moved.name.startswith("runs.sqlite3.damaged-")
        assert moved.read_text().startswith("these are my notes")
        assert "not a database" in store.damaged.message() and str(moved) in store.damaged.message()
        assert store.count() == 0
        new_run(store)
    with RunStore(db) as store:
        assert store.damaged is None and store.count() == 1


def test_a_truncated_sqlite_file_is_moved_aside(db: Path) -> None:
    with RunStore(db) as store:
        for i in range(100):
            run_id = new_run(store, f"run {i}")
            store.record_steps(run_id, [StepPoint(s, s / 10, 1.0) for s in range(1, 60)])
    data = db.read_bytes()
    assert data.startswith(b"SQLite format 3\x00") and not db.with_name(db.name + "-wal").exists()
    db.write_bytes(data[:len(data) // 2])
    with RunStore(db) as store:
        assert store.damaged is not None and store.damaged.moved_to.stat().st_size == len(data) // 2
        assert store.count() == 0


def test_a_database_that_cannot_be_opened_is_an_error_not_damage(tmp_path: Path) -> None:
    folder = tmp_path / "a folder"
    folder.mkdir()
    with pytest.raises(RunStoreError, match="cannot open"):
        RunStore(folder)
    assert folder.is_dir() and list(tmp_path.iterdir()) == [folder]


# ------------------------------------------------------------ the recorder

def tiny_trainer(callback=None, **config) -> Trainer:
    data = load_embedded().subset(128, 64)
    return Trainer(design_from_dict(SMALL), data, TrainConfig(**{"epochs": 2, "device": "cpu", **config}), callback)


def test_the_recorder_writes_the_run_as_training_goes(store: RunStore) -> None:
    seen = []
    trainer = tiny_trainer(seen.append)
    recorder = RunRecorder.attach(trainer, source="test", store=store)
    assert store.get(recorder.run_id).summary.status == RUNNING
    result = trainer.run()
    recorder.close()
    assert isinstance(result, FinishedEvent) and isinstance(seen[-1], FinishedEvent)  # events still reach the callback
    run = store.get(recorder.run_id)
    s = run.summary
    assert (s.status, s.source, s.design_name, s.dataset, s.epochs_done) == (FINISHED, "test", "small",
                                                                             "embedded MNIST", 2)
    assert s.params == sum(p.numel() for p in trainer.model.parameters()) and s.macs > 0
    assert s.device.startswith("CPU") and s.settings["epochs"] == 2
    assert [e.val_acc for e in run.epochs] == pytest.approx([h["val_acc"] for h in trainer.history])
    assert all(e.lr is not None and e.duration_s is not None for e in run.epochs)
    assert run.steps and run.steps[-1].progress == pytest.approx(2.0)
    assert np.array_equal(np.array(run.confusion).sum(), 64) and run.class_names == [str(i) for i in range(10)]
    recorder.set_checkpoint("m.pt")
    assert store.get(recorder.run_id).summary.checkpoint_path == str(Path("m.pt").resolve())


def test_step_losses_are_written_in_batches(store: RunStore, monkeypatch: pytest.MonkeyPatch) -> None:
    from playground.core import run_recorder
    from playground.core.events import StepEvent

    recorder = RunRecorder.attach(tiny_trainer(), source="test", store=store)
    step = lambda n: StepEvent(n, 1, n, 10, 2.0 / n, 0.5, 1e-3, 1000.0)  # noqa: E731
    monkeypatch.setattr(run_recorder, "FLUSH_EVERY_S", 3600.0)
    recorder(step(1))
    recorder(step(2))
    assert store.get(recorder.run_id).steps == ()  # not yet: no epoch ended, no time passed
    monkeypatch.setattr(run_recorder, "FLUSH_EVERY_S", 0.0)
    recorder(step(3))
    assert [p.step for p in store.get(recorder.run_id).steps] == [1, 2, 3]
    recorder.close()
    assert store.get(recorder.run_id).summary.status == INTERRUPTED


def test_a_failed_and_a_stopped_run_say_so(store: RunStore) -> None:
    trainer = tiny_trainer(optimizer="sgd", lr=10.0, schedule="constant", batch_size=8, epochs=20)
    recorder = RunRecorder.attach(trainer, source="test", store=store)
    assert isinstance(trainer.run(), FailedEvent)
    failed = store.get(recorder.run_id).summary
    assert failed.status == FAILED and "diverged" in failed.message

    trainer = tiny_trainer()
    trainer.stop()
    recorder = RunRecorder.attach(trainer, source="test", store=store)
    trainer.run()
    assert store.get(recorder.run_id).summary.status == STOPPED


def test_a_run_without_an_end_event_is_interrupted_on_close(store: RunStore) -> None:
    trainer = tiny_trainer()
    recorder = RunRecorder.attach(trainer, source="test", store=store)
    recorder.close()
    assert store.get(recorder.run_id).summary.status == INTERRUPTED


def test_a_model_without_a_design_is_recorded_too(store: RunStore) -> None:
    model = nn.Sequential(nn.Flatten(), nn.Linear(784, 10))
    trainer = Trainer(model, load_embedded().subset(64, 32), TrainConfig(epochs=1, device="cpu"))
    recorder = RunRecorder.attach(trainer, source="test", store=store)
    trainer.run()
    s = store.get(recorder.run_id).summary
    assert (s.design_name, s.params, s.macs, s.status) == ("Sequential", 7850, None, FINISHED)


def test_training_goes_on_when_the_history_cannot_be_written(db: Path) -> None:
    seen = []
    trainer = tiny_trainer(seen.append)
    store = RunStore(db)
    recorder = RunRecorder.attach(trainer, source="test", store=store)
    store.close()  # every write from now on fails
    result = trainer.run()
    recorder.close()
    assert isinstance(result, FinishedEvent) and result.epochs_done == 2
    notes = [e.message for e in seen if isinstance(e, InfoEvent)]
    assert len(notes) == 1 and notes[0].startswith("run history: ") and "not recorded" in notes[0]


def test_the_default_history_is_opened_and_a_damaged_one_reported(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CNN_PLAYGROUND_DATA", str(tmp_path))
    default_path().write_bytes(b"garbage" * 100)
    seen = []
    trainer = tiny_trainer(seen.append, epochs=1)
    recorder = RunRecorder.attach(trainer, source="test")
    trainer.run()
    recorder.close()
    assert any(isinstance(e, InfoEvent) and "damaged" in e.message for e in seen)
    with RunStore() as store:
        assert [r.status for r in store.list()] == [FINISHED]
