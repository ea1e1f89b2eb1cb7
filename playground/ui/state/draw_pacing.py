"""When the Draw page runs the network, and what follows an answer: its pacing policy.

Prediction is throttled, not run per mouse event: the first change after a quiet spell is
classified at once, later ones at most every PREDICT_INTERVAL_MS, and a settled drawing
(stroke end, clear, undo, load) at once by the page itself. A slow network (a ResNet on
224x224 input) widens the interval to three times the last update's cost, so the window
keeps at least two thirds of its time for drawing; one slower than LIVE_LIMIT_MS in two
updates running (one slow first call is only a warm-up) would make the ink stutter, so it
answers when the stroke ends. After an answer the feature maps of the same forward pass
follow one event-loop turn later (their tiles never delay the answer), and saliency maps,
~25 backward passes, only for a settled drawing, SALIENCY_DELAY_MS later, in slices of
SALIENCY_SLICE_S per event-loop turn.

`DrawPacing` is plain Python with an injectable clock. It keeps an appointment per `Due`
task; the page arms one single-shot QTimer per task from `delay_ms`, runs the task when
its timer fires, and tells the pacing what happened.
"""

from __future__ import annotations

import time
from enum import Enum
from typing import Callable

PREDICT_INTERVAL_MS = 30
LIVE_LIMIT_MS = 100  # a network slower than this answers at the end of a stroke, not while drawing
SLOW_COST_FACTOR = 3.0  # a slow network's updates are this many of its own costs apart
SALIENCY_DELAY_MS = 15  # after a stroke: long enough for the prediction to be painted first
SALIENCY_SLICE_S = 0.04  # saliency work per event-loop turn (a big network's single pass may take longer)


class Due(Enum):
    """Work the Draw page runs later, each on its own timer."""

    LIVE_UPDATE = "live update"  # classify the drawing in the middle of a stroke
    FEATURE_MAPS = "feature maps"  # show the last forward pass's activations, once the answer is painted
    SALIENCY = "saliency"  # start the saliency maps of a settled drawing
    SALIENCY_SLICE = "saliency slice"  # the next slice of the saliency maps being worked out


class DrawPacing:
    """The Draw page's timing rules, fed with events, answering what is due and when.

    Times are in the clock's seconds (`time.perf_counter` unless a test gives a fake one);
    delays handed to timers are whole milliseconds.
    """

    def __init__(self, clock: Callable[[], float] = time.perf_counter,
                 interval_ms: float = PREDICT_INTERVAL_MS, live_limit_ms: float = LIVE_LIMIT_MS,
                 saliency_delay_ms: float = SALIENCY_DELAY_MS, saliency_slice_s: float = SALIENCY_SLICE_S) -> None:
        self._clock = clock
        self.interval_ms = float(interval_ms)
        self.live_limit_ms = float(live_limit_ms)
        self.saliency_delay_ms = float(saliency_delay_ms)
        self.saliency_slice_s = saliency_slice_s
        self._due: dict[Due, float] = {}
        self._update_started: float | None = None  # when the latest update began (None: none yet)
        self._last_cost_ms = 0.0
        self._previous_cost_ms = 0.0  # the update before: one slow first call (warm-up) pauses nothing

    # ------------------------------------------------------------ what is due

    def appointment(self, task: Due) -> float | None:
        """When `task` is due, in clock seconds; None when it is not."""
        return self._due.get(task)

    def delay_ms(self, task: Due) -> int | None:
        """Milliseconds from now until `task` is due (0: at the next turn of the event loop)."""
        at = self._due.get(task)
        if at is None:
            return None
        return max(0, round((at - self._clock()) * 1000.0))

    def done(self, task: Due) -> None:
        """`task` ran (its timer fired), or newer work made it pointless."""
        self._due.pop(task, None)

    def _schedule(self, task: Due, at: float) -> None:
        self._due[task] = at

    # ------------------------------------------------------------ the network's speed

    @property
    def last_cost_ms(self) -> float:
        """Wall time the last update that ran the network took (0 until one has, per model)."""
        return self._last_cost_ms

    @property
    def live_updates_paused(self) -> bool:
        """The network is too slow to classify while drawing: it answers at each stroke's end."""
        return min(self._last_cost_ms, self._previous_cost_ms) > self.live_limit_ms

    @property
    def throttle_interval_ms(self) -> float:
        """Least time between two live updates while drawing: the interval, or three times
        what the last update cost when the network is slow."""
        return max(self.interval_ms, SLOW_COST_FACTOR * self._last_cost_ms)

    # ------------------------------------------------------------ events

    def drawing_changed(self) -> None:
        """A point of a stroke (or any change of the canvas): a live update becomes due,
        unless one already is or the network is too slow to answer while drawing."""
        if Due.LIVE_UPDATE in self._due or self.live_updates_paused:
            return
        now = self._clock()
        if self._update_started is None:
            self._schedule(Due.LIVE_UPDATE, now)
            return
        waited_ms = (now - self._update_started) * 1000.0
        wait_ms = max(0, round(self.throttle_interval_ms - waited_ms))
        self._schedule(Due.LIVE_UPDATE, now + wait_ms / 1000.0)

    def update_started(self) -> None:
        """An update of the prediction begins (live or not): it answers for the drawing as
        it is, so a pending live update, feature maps and saliency slices are out of date."""
        self._update_started = self._clock()
        for task in (Due.LIVE_UPDATE, Due.FEATURE_MAPS, Due.SALIENCY_SLICE):
            self.done(task)

    def answered(self, live: bool, features_shown: bool, saliency_shown: bool) -> bool:
        """The network answered; the feature maps follow a turn later, the saliency maps a
        moment later for a settled drawing. Returns True when saliency maps are on show
        but wait for the stroke to end (`live`: the update came in the middle of a stroke)."""
        now = self._clock()
        if features_shown:
            self._schedule(Due.FEATURE_MAPS, now)
        if not saliency_shown:
            return False
        if live:
            return True
        self._schedule(Due.SALIENCY, now + self.saliency_delay_ms / 1000.0)
        return False

    def update_finished(self, ran_network: bool) -> None:
        """The update ended; if it ran the network its cost paces the next ones (an empty
        canvas or a failed pass says nothing of the network's speed)."""
        if ran_network and self._update_started is not None:
            self._previous_cost_ms = self._last_cost_ms
            self._last_cost_ms = (self._clock() - self._update_started) * 1000.0

    def model_changed(self) -> None:
        """Another network: the old one's speed says nothing of this one; its saliency stops."""
        self._last_cost_ms = self._previous_cost_ms = 0.0
        self.done(Due.SALIENCY_SLICE)

    def saliency_slice_ran(self, finished: bool) -> None:
        """A slice of saliency work ran; unless the maps are finished the next is due at once."""
        if finished:
            self.done(Due.SALIENCY_SLICE)
        else:
            self._schedule(Due.SALIENCY_SLICE, self._clock())

    def saliency_stopped(self) -> None:
        """The saliency maps being worked out were dropped (stale, or out of sight)."""
        self.done(Due.SALIENCY_SLICE)

    def page_shown(self, saliency_wanted: bool) -> None:
        """The page came into view; saliency maps skipped while hidden are worked out now
        (`saliency_wanted`: the saliency tab is open and there is an answer to explain)."""
        if saliency_wanted:
            self._schedule(Due.SALIENCY, self._clock() + self.saliency_delay_ms / 1000.0)

    def closed(self) -> None:
        """The page closed: nothing stays due."""
        self._due.clear()
