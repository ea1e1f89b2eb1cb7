"""The background worker: throttled delivery, control from the GUI thread, clean joins."""

from __future__ import annotations

import threading
import time

import numpy as np
import pytest

from playground.core.events import EpochEvent, FailedEvent, FinishedEvent, InfoEvent, ProgressEvent, StepEvent
from playground.ui.state.jobs import BackgroundJob, EventThrottle, StepBatch, fractional_epoch, running_threads


def step(i: int, per_epoch: int = 100) -> StepEvent:
    return StepEvent(step=i, epoch=(i - 1) // per_epoch + 1, epoch_step=(i - 1) % per_epoch + 1,
                     steps_per_epoch=per_epoch, loss=1.0 / i, accuracy=0.5, lr=0.01, samples_per_s=1000.0)


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_fractional_epoch_places_steps_between_epochs():
    assert fractional_epoch(step(1, 4)) == pytest.approx(0.25)
    assert fractional_epoch(step(4, 4)) == pytest.approx(1.0)
    assert fractional_epoch(step(6, 4)) == pytest.approx(1.5)


def test_throttle_coalesces_fast_steps_to_the_rate_limit():
    clock, got = FakeClock(), []
    throttle = EventThrottle(got.append, max_rate=30, clock=clock)
    for i in range(1, 10_001):  # 10,000 steps in 2 s of fake time
        clock.now = i * 0.0002
        throttle(step(i))
    throttle.flush()
    assert all(isinstance(g, StepBatch) for g in got)
    assert len(got) <= 2 * 30 + 2
    steps = np.concatenate([g.steps for g in got])
    assert steps.tolist() == list(range(1, 10_001))  # every loss point arrives, in order
    assert got[-1].latest.step == 10_000
    assert np.allclose(np.concatenate([g.losses for g in got]), 1.0 / steps)


def test_important_events_flush_pending_steps_and_pass_at_once():
    clock, got = FakeClock(), []
    throttle = EventThrottle(got.append, max_rate=30, clock=clock)
    throttle(step(1))  # first one goes out (nothing delivered yet)
    throttle(step(2))
    throttle(step(3))
    info = InfoEvent("batch halved")
    throttle(info)
    failed = FailedEvent("loss is NaN")
    throttle(failed)
    assert [type(g) for g in got] == [StepBatch, StepBatch, InfoEvent, FailedEvent]
    assert got[1].steps.tolist() == [2, 3]
    assert got[2] is info and got[3] is failed


def test_progress_keeps_only_the_newest_and_the_last_one_always_arrives():
    clock, got = FakeClock(), []
    throttle = EventThrottle(got.append, max_rate=10, clock=clock)
    throttle(ProgressEvent("downloading", 0, 100))
    for done in range(1, 100):
        throttle(ProgressEvent("downloading", done, 100))
    throttle(ProgressEvent("downloading", 100, 100))
    assert [g.done for g in got] == [0, 99, 100]


class CountingJob:
    """A job that emits `steps` step events, honouring stop and pause like the trainer."""

    def __init__(self, callback, steps: int = 100_000, delay: float = 0.0) -> None:
        self.callback = callback
        self.steps = steps
        self.delay = delay
        self._stop = threading.Event()
        self._running = threading.Event()
        self._running.set()
        self.done = 0

    def run(self) -> str:
        for i in range(1, self.steps + 1):
            self._running.wait()
            if self._stop.is_set():
                self.callback(FinishedEvent(None, None, 0, 0.0, True, {}))
                return "stopped"
            self.callback(step(i))
            self.done = i
            if self.delay:
                time.sleep(self.delay)
        self.callback(FinishedEvent(None, None, 1, 0.0, False, {}))
        return "done"

    def stop(self) -> None:
        self._stop.set()
        self._running.set()

    def pause(self) -> None:
        self._running.clear()

    def resume(self) -> None:
        self._running.set()


def test_job_runs_to_the_end_on_its_own_thread(qtbot):
    job = BackgroundJob()
    got = []
    job.update.connect(got.append)
    with qtbot.waitSignal(job.finished, timeout=10_000) as finished:
        job.start(lambda cb: CountingJob(cb, steps=500))
        assert job.running
    assert finished.args == ["done"]
    assert not job.running
    batches = [g for g in got if isinstance(g, StepBatch)]
    assert np.concatenate([b.steps for b in batches]).tolist() == list(range(1, 501))
    assert isinstance(got[-1], FinishedEvent)


def start_long_job(qtbot, job: BackgroundJob, done_at_least: int) -> dict:
    """Start a counting job far longer than any test and wait until it is under way;
    `holder["job"]` is the running job."""
    holder = {}

    def factory(cb):
        holder["job"] = CountingJob(cb, steps=10_000_000, delay=0.0001)
        return holder["job"]

    job.start(factory)
    qtbot.waitUntil(lambda: "job" in holder and holder["job"].done > done_at_least, timeout=5000)
    return holder


def test_stop_ends_a_long_job_and_joins_its_thread(qtbot):
    job = BackgroundJob()
    start_long_job(qtbot, job, done_at_least=10)
    thread = job.thread
    with qtbot.waitSignal(job.finished, timeout=5000) as finished:
        job.stop()
    assert finished.args == ["stopped"]
    assert thread is not None and not job.running


def test_pause_holds_the_job_and_resume_continues_it(qtbot):
    job = BackgroundJob()
    holder = start_long_job(qtbot, job, done_at_least=10)
    job.pause()
    assert job.paused
    qtbot.wait(50)
    held = holder["job"].done
    qtbot.wait(100)
    assert holder["job"].done - held <= 1  # at most the step in flight when pause came
    job.resume()
    qtbot.waitUntil(lambda: holder["job"].done > held + 10, timeout=5000)
    assert job.shutdown()
    assert not job.running


def test_a_failing_factory_becomes_a_failed_event(qtbot):
    job = BackgroundJob()
    got = []
    job.update.connect(got.append)

    def factory(cb):
        raise ValueError("design expects 3x32x32, embedded MNIST gives 1x28x28")

    with qtbot.waitSignal(job.finished, timeout=5000) as finished:
        job.start(factory)
    assert finished.args == [None]
    assert len(got) == 1 and isinstance(got[0], FailedEvent)
    assert "3x32x32" in got[0].message


def test_shutdown_stops_a_paused_job_joins_and_announces_once(qtbot):
    job = BackgroundJob()
    ends = []
    job.finished.connect(ends.append)
    job.start(lambda cb: CountingJob(cb, steps=10_000_000, delay=0.0001))
    qtbot.wait(50)
    job.pause()  # a paused job must still stop
    assert job.shutdown()
    qtbot.wait(50)  # let any queued end-of-thread signal arrive
    assert len(ends) == 1 and not job.running


def test_a_second_start_while_running_is_refused(qtbot):
    job = BackgroundJob()
    job.start(lambda cb: CountingJob(cb, steps=10_000_000, delay=0.0001))
    with pytest.raises(RuntimeError):
        job.start(lambda cb: CountingJob(cb))
    assert job.shutdown()


def test_epoch_events_are_delivered_unchanged(qtbot):
    epoch = EpochEvent(1, 1, 0.5, 0.8, 0.4, 0.85, np.eye(2, dtype=np.int64), np.ones(2), np.zeros(3, dtype=np.int64),
                       (), {})

    class OneEpoch:
        def __init__(self, cb):
            self.cb = cb

        def run(self):
            self.cb(step(1))
            self.cb(epoch)

        def stop(self):
            pass

    job = BackgroundJob()
    got = []
    job.update.connect(got.append)
    with qtbot.waitSignal(job.finished, timeout=5000):
        job.start(OneEpoch)
    assert got[-1] is epoch
    assert isinstance(got[0], StepBatch)


def test_deleting_the_owner_during_a_job_stops_and_joins_it(qtbot):
    from PySide6.QtWidgets import QWidget
    from shiboken6 import delete

    owner = QWidget()
    job = BackgroundJob(owner)
    holder = start_long_job(qtbot, job, done_at_least=5)
    job.pause()
    delete(owner)  # the window goes away without anyone calling shutdown()
    assert running_threads() == 0
    assert holder["job"]._stop.is_set()


def test_the_gil_switch_interval_is_short_only_while_a_job_runs(qtbot):
    import sys

    before = sys.getswitchinterval()
    job = BackgroundJob()
    job.start(lambda cb: CountingJob(cb, steps=10_000_000, delay=0.0001))
    assert sys.getswitchinterval() == pytest.approx(min(before, 0.001))
    assert job.shutdown()
    assert sys.getswitchinterval() == pytest.approx(before)
