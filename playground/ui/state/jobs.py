"""Running a long core job (training, a dataset download) on a background thread.

The core reports through one `callback(event)` called on the worker thread, as often as
it likes. The window must never drown in those: `EventThrottle` coalesces step and
progress events and delivers at most ~30 a second, while the events a person must see
(epoch ends, finished, failed, info) go out at once. `BackgroundJob` owns the QThread,
moves a `JobWorker` onto it, forwards control (pause/resume/stop) straight to the job's
thread-safe methods, and joins the thread on `shutdown()`. The GUI thread never runs the
job and never waits on it, except for the final join.
"""

from __future__ import annotations

import sys
import threading
import time
import traceback
from dataclasses import dataclass
from typing import Any, Callable, Protocol

import numpy as np
import shiboken6
from PySide6.QtCore import QMetaObject, QObject, QThread, Qt, Signal, Slot

from playground.core.events import Callback, Event, FailedEvent, ProgressEvent, StepEvent

MAX_UPDATES_PER_S = 30.0


class Job(Protocol):
    """What the worker runs: a blocking `run()` and a thread-safe `stop()`.

    `pause()`/`resume()` are optional (a download cannot pause); the trainer has all four.
    """

    def run(self) -> Any: ...

    def stop(self) -> None: ...


JobFactory = Callable[[Callback], Job]


@dataclass(frozen=True)
class StepBatch:
    """All step events since the previous delivery, as arrays, plus the latest one.

    `epochs` is the position on the plots' x axis: epoch 2, step 30 of 120 is 1.25.
    """

    latest: StepEvent
    steps: np.ndarray
    epochs: np.ndarray
    losses: np.ndarray
    lrs: np.ndarray

    @staticmethod
    def of(events: list[StepEvent]) -> StepBatch:
        return StepBatch(
            latest=events[-1],
            steps=np.array([e.step for e in events], dtype=np.int64),
            epochs=np.array([fractional_epoch(e) for e in events], dtype=np.float64),
            losses=np.array([e.loss for e in events], dtype=np.float64),
            lrs=np.array([e.lr for e in events], dtype=np.float64),
        )


def fractional_epoch(event: StepEvent) -> float:
    return event.epoch - 1 + event.epoch_step / max(1, event.steps_per_epoch)


class EventThrottle:
    """The job's callback: coalesces frequent events, passes important ones at once.

    Step events pile up and go out together as one `StepBatch`; of progress events only
    the newest matters. Either is delivered when at least `1 / max_rate` seconds passed
    since the previous delivery. Any other event first flushes what is pending (so the
    plots are complete when an epoch ends) and is then delivered immediately. Safe to
    call from the job's thread while the GUI thread calls `flush()`.
    """

    def __init__(self, deliver: Callable[[object], None], max_rate: float = MAX_UPDATES_PER_S,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._deliver = deliver
        self._interval = 1.0 / max_rate
        self._clock = clock
        self._lock = threading.Lock()
        self._steps: list[StepEvent] = []
        self._progress: ProgressEvent | None = None
        self._last_delivery = -float("inf")

    def __call__(self, event: Event) -> None:
        with self._lock:
            if isinstance(event, StepEvent):
                self._steps.append(event)
            elif isinstance(event, ProgressEvent) and not _is_last_progress(event):
                self._progress = event
            else:
                self._flush_locked()
                self._deliver(event)
                return
            if self._clock() - self._last_delivery >= self._interval:
                self._flush_locked()

    def flush(self) -> None:
        """Deliver whatever is pending now (end of run, pause)."""
        with self._lock:
            self._flush_locked()

    def _flush_locked(self) -> None:
        if self._progress is not None:
            self._deliver(self._progress)
            self._progress = None
        if self._steps:
            self._deliver(StepBatch.of(self._steps))
            self._steps = []
        self._last_delivery = self._clock()


def _is_last_progress(event: ProgressEvent) -> bool:
    return event.total > 0 and event.done >= event.total


class JobWorker(QObject):
    """Lives on the worker thread; builds the job there and runs it to the end."""

    update = Signal(object)  # StepBatch or a core event, already throttled
    finished = Signal(object)  # what the job's run() returned; None when it failed

    def __init__(self, factory: JobFactory, max_rate: float = MAX_UPDATES_PER_S) -> None:
        super().__init__()
        self._factory = factory
        self.throttle = EventThrottle(self.update.emit, max_rate)
        self._lock = threading.Lock()
        self._job: Job | None = None
        self._stop_requested = False
        self._pause_requested = False

    @Slot()
    def run(self) -> None:
        result = None
        try:
            import torch  # here, on the worker: the window opens before torch is loaded

            from playground.core.devices import limit_cpu_threads, training_threads

            if torch.get_num_threads() > training_threads():
                limit_cpu_threads()  # all cores but one: the interface keeps a core
            job = self._factory(self.throttle)
            with self._lock:
                self._job = job
                if self._pause_requested:
                    _call_if_present(job, "pause")
                if self._stop_requested:
                    job.stop()
            result = job.run()
        except Exception as exc:  # any failure becomes a message in the window, not a dead thread
            traceback.print_exc()  # the window shows the one-line message; a bug report needs the rest
            self.throttle(FailedEvent(_one_line(exc)))
        finally:
            self.throttle.flush()
            with self._lock:
                self._job = None
            _forget_stand_in_thread()
            self.finished.emit(result)

    # Called from the GUI thread; the job's own methods are thread-safe flags.
    def stop(self) -> None:
        with self._lock:
            self._stop_requested = True
            if self._job is not None:
                self._job.stop()

    def pause(self) -> None:
        with self._lock:
            self._pause_requested = True
            if self._job is not None:
                _call_if_present(self._job, "pause")
        self.throttle.flush()

    def resume(self) -> None:
        with self._lock:
            self._pause_requested = False
            if self._job is not None:
                _call_if_present(self._job, "resume")


def _forget_stand_in_thread() -> None:
    """Drop the threading module's stand-in for this Qt thread as the job ends.

    A job that makes a `threading.Thread` (a DataLoader's queues start feeder threads)
    makes Python ask which thread it runs on; for a thread Python did not start, it then
    records a `_DummyThread`, which Python 3.11 never removes, so every ended worker would
    still be listed by `threading.enumerate()` as alive. The names are private; where a
    Python lacks them there is no such record to drop.
    """
    active = getattr(threading, "_active", None)
    lock = getattr(threading, "_active_limbo_lock", None)
    dummy = getattr(threading, "_DummyThread", None)
    if active is None or lock is None or dummy is None:
        return
    with lock:
        if isinstance(active.get(threading.get_ident()), dummy):
            del active[threading.get_ident()]


def _call_if_present(job: Job, name: str) -> None:
    method = getattr(job, name, None)
    if method is not None:
        method()


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if isinstance(exc, (ValueError, OSError, RuntimeError)) else f"{type(exc).__name__}: {text}"


class BackgroundJob(QObject):
    """One job at a time on a QThread owned by this object (and so by its parent widget).

    `update` carries throttled events, `finished` fires once the thread has really ended,
    with the job's result (None after a failure or before any job ran).
    """

    update = Signal(object)
    finished = Signal(object)

    def __init__(self, parent: QObject | None = None, max_rate: float = MAX_UPDATES_PER_S) -> None:
        super().__init__(parent)
        self._max_rate = max_rate
        self._thread: QThread | None = None
        self._worker: JobWorker | None = None
        self._guard: QMetaObject.Connection | None = None
        self._result: Any = None
        self._paused = False

    @property
    def running(self) -> bool:
        return self._thread is not None

    @property
    def paused(self) -> bool:
        return self._paused

    @property
    def thread(self) -> QThread | None:
        return self._thread

    def start(self, factory: JobFactory) -> None:
        """Build the job with `factory(callback)` on a new thread and run it there."""
        if self._thread is not None:
            raise RuntimeError("a background job is already running")
        self._result = None
        self._paused = False
        thread = QThread()
        thread.setObjectName("playground-worker")
        worker = JobWorker(factory, self._max_rate)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.update.connect(self.update)  # queued: the worker emits on its own thread
        worker.finished.connect(self._on_worker_finished)
        worker.finished.connect(thread.quit, Qt.ConnectionType.DirectConnection)
        thread.finished.connect(self._on_thread_finished)
        self._thread, self._worker = thread, worker
        # If this object is destroyed with the thread still running (its window deleted
        # without a shutdown), stop and join first: a running QThread must not be freed.
        self._guard = self.destroyed.connect(lambda *_: _stop_and_join(thread, worker))
        _started(thread)
        thread.start()

    def stop(self) -> None:
        """Ask the job to stop at its next step; returns at once."""
        if self._worker is not None:
            self._worker.stop()

    def pause(self) -> None:
        if self._worker is not None:
            self._worker.pause()
            self._paused = True

    def resume(self) -> None:
        if self._worker is not None:
            self._worker.resume()
            self._paused = False

    def shutdown(self, timeout_ms: int = 5000) -> bool:
        """Stop the job and join its thread; True when the thread had ended in time.

        If the job does not return within `timeout_ms` (a huge step), waiting goes on
        regardless: a QThread destroyed while running would abort the process.
        """
        thread = self._thread
        if thread is None:
            return True
        self.stop()
        self.resume()  # a paused job must wake up to see the stop
        in_time = thread.wait(timeout_ms)
        if not in_time:
            print("background job did not stop in time; still waiting for it", file=sys.stderr)
            thread.wait()
        self._release(thread)
        return in_time

    @Slot(object)
    def _on_worker_finished(self, result: Any) -> None:
        self._result = result

    @Slot()
    def _on_thread_finished(self) -> None:
        thread = self.sender()
        if thread is not None and thread is self._thread:
            self._release(thread)

    def _release(self, thread: QThread) -> None:
        """Forget the ended thread and its worker, then announce the end (once)."""
        if thread is not self._thread:
            return  # already released by shutdown()
        thread.wait()  # `finished` is emitted just before the thread really ends
        _ended(thread)
        QObject.disconnect(self._guard)
        self._thread = self._worker = self._guard = None
        self._paused = False
        thread.deleteLater()
        self.finished.emit(self._result)


_RUNNING: set[QThread] = set()
# While a job runs, a thread waiting for the GIL asks for it after 1 ms instead of
# Python's 5: the GUI thread gets its turn sooner, and the job loses less time when the
# GUI thread holds the GIL to paint (each wait is shorter). Restored when no job runs.
JOB_SWITCH_INTERVAL_S = 0.001
_switch_interval_before: float | None = None


def _started(thread: QThread) -> None:
    global _switch_interval_before
    if not _RUNNING:
        _switch_interval_before = sys.getswitchinterval()
        sys.setswitchinterval(min(_switch_interval_before, JOB_SWITCH_INTERVAL_S))
    _RUNNING.add(thread)


def _ended(thread: QThread) -> None:
    global _switch_interval_before
    if thread not in _RUNNING:
        return
    _RUNNING.discard(thread)
    if not _RUNNING and _switch_interval_before is not None:
        sys.setswitchinterval(_switch_interval_before)
        _switch_interval_before = None


def _stop_and_join(thread: QThread, worker: JobWorker) -> None:
    if not (shiboken6.isValid(thread) and shiboken6.isValid(worker)):
        _RUNNING.discard(thread)  # Qt already deleted a finished thread: nothing left to join
        return
    worker.stop()
    worker.resume()
    thread.wait()
    _ended(thread)


def running_threads() -> int:
    """Worker threads started and not yet joined, in this process (tests check it is 0)."""
    return len(_RUNNING)
