"""The Kernel slide's playback: which step of the window is shown, and how it advances.

A plain object with an injectable clock. The page shows `index`, arms a repeating timer
at `interval_ms()` while `playing`, and calls `tick()` when it fires. The speed runs
from one step a second (0) to the whole output map in about WHOLE_MAP_SECONDS (1),
geometrically, so every notch of the slider feels like the same change. Above ~30 steps
a second several steps share one tick: a tick never comes sooner than FRAME_MS.
"""

from __future__ import annotations

import math
import time
from typing import Callable

WHOLE_MAP_SECONDS = 2.0  # the fastest speed fills the whole output map in this long
FRAME_MS = 33  # above ~30 steps a second, several steps share one tick


class SlidePlayback:
    """Position and play state over `frame_count` steps of the sliding window.

    Methods that can move the window return whether `index` changed, so the page knows
    when to repaint. With no frames (nothing to show) the index is kept for when frames
    come back, and nothing plays.
    """

    def __init__(self, clock: Callable[[], float] = time.monotonic,
                 whole_map_seconds: float = WHOLE_MAP_SECONDS, frame_ms: int = FRAME_MS) -> None:
        self._clock = clock
        self.whole_map_seconds = whole_map_seconds
        self.frame_ms = frame_ms
        self._frames = 0
        self._index = 0
        self._speed = 0.0
        self._playing = False
        self._carry = 0.0  # steps earned by elapsed time and not yet taken (within half a step either way)
        self._last_tick = 0.0

    # ------------------------------------------------------------ state

    @property
    def frame_count(self) -> int:
        return self._frames

    @property
    def index(self) -> int:
        return self._index

    @property
    def playing(self) -> bool:
        return self._playing

    @property
    def at_end(self) -> bool:
        """On the last step (or nothing to show)."""
        return self._index >= self._frames - 1

    @property
    def speed(self) -> float:
        """0 (one step a second) to 1 (the whole map in about `whole_map_seconds`)."""
        return self._speed

    def steps_per_second(self) -> float:
        fastest = max(1.0, self._frames / self.whole_map_seconds) if self._frames else 1.0
        return fastest ** self._speed

    def interval_ms(self) -> int:
        """How often the page's timer ticks while playing."""
        return max(self.frame_ms, int(round(1000.0 / self.steps_per_second())))

    def whole_map_s(self) -> float:
        """Seconds the whole map takes at the current speed."""
        return self._frames / self.steps_per_second()

    # ------------------------------------------------------------ changes

    def set_frame_count(self, frames: int, keep_index: bool) -> None:
        """New steps to show (another block, channel or input); 0: nothing to show, which
        also stops playback. `keep_index`: stay on the same step as far as it exists."""
        self._frames = max(0, int(frames))
        if self._frames == 0:
            self._playing = False
            return
        self._index = min(self._index, self._frames - 1) if keep_index else 0

    def set_speed(self, speed: float) -> None:
        """Clamped to [0, 1]; while playing, timing restarts from now at the new rate."""
        self._speed = min(1.0, max(0.0, float(speed)))
        self._last_tick = self._clock()

    def seek(self, index: int) -> bool:
        """Go to step `index`, clamped to the steps there are."""
        if self._frames == 0:
            return False
        index = max(0, min(int(index), self._frames - 1))
        if index == self._index:
            return False
        self._index = index
        return True

    def step(self, delta: int) -> bool:
        return self.seek(self._index + delta)

    def play(self) -> bool:
        """Start playing, from the first step when on the last one."""
        if self._frames == 0:
            return False
        moved = self.seek(0) if self.at_end else False
        self._carry = 0.0
        self._last_tick = self._clock()
        self._playing = True
        return moved

    def pause(self) -> None:
        self._playing = False

    def tick(self) -> bool:
        """The page's timer fired: advance by the steps the elapsed time has earned at the
        current speed; playback stops on the last step. A step is taken once half of it is
        owed, so a timer firing a little early or late neither skips a step nor stalls one
        tick (each tick on time earns at least one step)."""
        if not self._playing:
            return False
        now = self._clock()
        self._carry += self.steps_per_second() * (now - self._last_tick)
        self._last_tick = now
        steps = math.floor(self._carry + 0.5)
        if steps == 0:
            return False
        self._carry -= steps
        moved = self.seek(min(self._index + steps, self._frames - 1))
        if self.at_end:
            self._playing = False
        return moved
