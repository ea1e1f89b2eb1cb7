"""The run history's speed: recording a 50-epoch run, and listing a history of 10,000 runs.

    .venv/bin/python benchmarks/runs_store.py [--runs 10000] [--rounds 20]

In a temporary folder (never the user's history). First, the writes of one 50-epoch run
as the recorder makes them: start, per epoch one batch of 100 step losses and the epoch's
metrics with a 10 x 10 confusion matrix, then the end; printed per epoch and in all.
Then a history of --runs runs, each with 10 epochs and a full loss curve, is filled and
timed as a table would ask it: a page of 100 (newest first, best accuracy first, and a
page from the middle), a filtered page, the count, one run in full, and opening the file
(which runs `PRAGMA integrity_check` and looks for dead writers). Medians and p95 over
--rounds repetitions. Target: a page and the count under 100 ms.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path
from typing import Callable

import _bench  # noqa: F401  (first: this checkout on sys.path, Qt offscreen)

import numpy as np

from playground.core.runs import FINISHED, EpochRecord, RunFilter, RunStore, StepPoint

CONFUSION = (np.eye(10, dtype=np.int64) * 90 + 1).tolist()
STEPS_PER_EPOCH = 100


def record_run(store: RunStore, epochs: int, name: str, started_at: float | None = None) -> tuple[int, list[float]]:
    """One run as the recorder writes it; returns its id and the seconds of each epoch's writes."""
    run_id = store.start_run(design_json='{"name": "%s"}' % name, design_name=name, dataset="embedded",
                             settings={"epochs": epochs, "optimizer": "adam"}, device="CPU", params=61706,
                             macs=416520, source="benchmark", started_at=started_at)
    times = []
    for e in range(1, epochs + 1):
        t0 = time.perf_counter()
        steps = [StepPoint((e - 1) * STEPS_PER_EPOCH + i, e - 1 + i / STEPS_PER_EPOCH, 2.3 / (e + i / 100))
                 for i in range(1, STEPS_PER_EPOCH + 1)]
        store.record_steps(run_id, steps)
        acc = 1 - 0.5 / e
        store.record_epoch(run_id, EpochRecord(e, 1 / e, acc, 1.1 / e, acc, 1e-3, 2.0, 4000.0), confusion=CONFUSION)
        times.append(time.perf_counter() - t0)
    store.finish(run_id, FINISHED)
    return run_id, times


def timed(fn: Callable[[], object], rounds: int) -> tuple[float, float]:
    """Median and p95 in milliseconds."""
    samples = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t0) * 1000)
    return _bench.percentile(samples, 50), _bench.percentile(samples, 95)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "runs.sqlite3"
        store = RunStore(db)
        t0 = time.perf_counter()
        _, per_epoch = record_run(store, 50, "LeNet-5")
        total = time.perf_counter() - t0
        print(f"recording a 50-epoch run ({STEPS_PER_EPOCH} step losses per epoch): {total * 1000:.0f} ms in all; "
              f"per epoch median {_bench.percentile(per_epoch, 50) * 1000:.2f} ms, "
              f"max {max(per_epoch) * 1000:.2f} ms")

        t0 = time.perf_counter()
        start = time.time() - args.runs * 60.0
        for i in range(args.runs):
            record_run(store, 10, ("LeNet-5", "VGG-mini", "ResNet-mini")[i % 3], started_at=start + i * 60.0)
        store.close()
        size = db.stat().st_size / 1e6
        print(f"filled a history of {args.runs:,} runs (10 epochs each) in {time.perf_counter() - t0:.1f} s; "
              f"{size:.0f} MB")

        open_ms = timed(lambda: RunStore(db).close(), max(3, args.rounds // 4))
        store = RunStore(db)
        middle = args.runs // 2
        cases = [
            ("page of 100, newest first", lambda: store.list(limit=100)),
            ("page of 100, best accuracy first", lambda: store.list(sort="best_val_acc", limit=100)),
            (f"page of 100 at offset {middle:,}", lambda: store.list(limit=100, offset=middle)),
            ("page of 100, design filter", lambda: store.list(RunFilter(text="vgg"), limit=100)),
            ("count", lambda: store.count()),
            ("count, design filter", lambda: store.count(RunFilter(text="vgg"))),
            ("one run in full", lambda: store.get(middle)),
        ]
        for label, fn in cases:
            median, p95 = timed(fn, args.rounds)
            print(f"{label:<34} median {median:7.2f} ms   p95 {p95:7.2f} ms")
        print(f"{'opening (integrity check)':<34} median {open_ms[0]:7.2f} ms   p95 {open_ms[1]:7.2f} ms")
        store.close()


if __name__ == "__main__":
    main()
