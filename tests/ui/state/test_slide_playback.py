"""The Kernel slide's playback arithmetic, on a fake clock: no widget, no timer."""

from __future__ import annotations

import pytest
from ui_helpers import FakeClock

from playground.ui.state.slide_playback import FRAME_MS, WHOLE_MAP_SECONDS, SlidePlayback


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(start=50.0)


def playback_of(clock: FakeClock, frames: int, speed: float = 0.0) -> SlidePlayback:
    playback = SlidePlayback(clock=clock)
    playback.set_frame_count(frames, keep_index=False)
    playback.set_speed(speed)
    return playback


def play_until_it_stops(playback: SlidePlayback, clock: FakeClock) -> float:
    """Tick at the playback's own interval, as the page's timer does; seconds until the end."""
    start = clock.now
    playback.play()
    while playback.playing:
        clock.advance_ms(playback.interval_ms())
        playback.tick()
    return clock.now - start


def test_speed_runs_from_one_step_a_second_to_the_whole_map_in_two(clock: FakeClock) -> None:
    playback = playback_of(clock, 784)
    assert playback.steps_per_second() == pytest.approx(1.0) and playback.interval_ms() == 1000
    playback.set_speed(1.0)
    assert playback.steps_per_second() == pytest.approx(784 / WHOLE_MAP_SECONDS)
    assert playback.whole_map_s() == pytest.approx(WHOLE_MAP_SECONDS)
    assert playback.interval_ms() == FRAME_MS  # several steps share a tick
    playback.set_speed(0.5)
    assert playback.steps_per_second() == pytest.approx((784 / WHOLE_MAP_SECONDS) ** 0.5)
    playback.set_speed(7)
    assert playback.speed == 1.0


def test_a_tiny_map_never_plays_slower_than_a_step_a_second(clock: FakeClock) -> None:
    assert playback_of(clock, 1, speed=1.0).steps_per_second() == pytest.approx(1.0)
    assert playback_of(clock, 0, speed=1.0).steps_per_second() == pytest.approx(1.0)


def test_seek_and_step_clamp_to_the_steps_there_are(clock: FakeClock) -> None:
    playback = playback_of(clock, 10)
    assert playback.seek(4) and playback.index == 4
    assert not playback.seek(4)  # already there: nothing to repaint
    assert playback.seek(99) and playback.index == 9 and playback.at_end
    assert not playback.step(1)
    assert playback.step(-2) and playback.index == 7
    assert playback.seek(-5) and playback.index == 0


def test_with_nothing_to_show_nothing_moves_or_plays(clock: FakeClock) -> None:
    playback = playback_of(clock, 0)
    assert not playback.seek(3) and not playback.play() and not playback.playing
    assert not playback.tick()


def test_new_frames_keep_or_reset_the_step(clock: FakeClock) -> None:
    playback = playback_of(clock, 100)
    playback.seek(60)
    playback.set_frame_count(80, keep_index=True)  # a new drawing, same block
    assert playback.index == 60
    playback.set_frame_count(40, keep_index=True)  # a smaller map: the last step
    assert playback.index == 39
    playback.set_frame_count(100, keep_index=False)  # another block
    assert playback.index == 0


def test_losing_the_frames_stops_playback_and_keeps_the_step_for_later(clock: FakeClock) -> None:
    playback = playback_of(clock, 100)
    playback.seek(30)
    playback.play()
    playback.set_frame_count(0, keep_index=True)  # the drawing was cleared
    assert not playback.playing and playback.index == 30
    playback.set_frame_count(100, keep_index=True)  # drawn again
    assert playback.index == 30


def test_ticks_advance_by_the_elapsed_time(clock: FakeClock) -> None:
    playback = playback_of(clock, 100)  # one step a second
    playback.play()
    clock.advance_ms(400)
    assert not playback.tick() and playback.index == 0  # not half a step yet
    clock.advance_ms(600)
    assert playback.tick() and playback.index == 1
    clock.advance_ms(3000)  # the event loop was busy: it catches up
    assert playback.tick() and playback.index == 4


def test_a_timer_a_little_early_or_late_neither_skips_nor_stalls(clock: FakeClock) -> None:
    playback = playback_of(clock, 100)
    playback.play()
    for elapsed in (960, 1040, 970, 1030, 990):  # a coarse timer's jitter around 1 s
        clock.advance_ms(elapsed)
        assert playback.tick()
    assert playback.index == 5


def test_fast_speeds_take_several_steps_a_tick(clock: FakeClock) -> None:
    playback = playback_of(clock, 784, speed=1.0)  # 392 steps a second, a tick every 33 ms
    playback.play()
    clock.advance_ms(playback.interval_ms())
    assert playback.tick() and playback.index == 13


def test_the_whole_map_takes_about_two_seconds_at_full_speed_and_stops_at_the_end(clock: FakeClock) -> None:
    playback = playback_of(clock, 784, speed=1.0)
    seconds = play_until_it_stops(playback, clock)
    assert seconds == pytest.approx(WHOLE_MAP_SECONDS, abs=FRAME_MS / 1000)
    assert playback.index == 783 and playback.at_end and not playback.playing
    assert not playback.tick()


def test_slowest_speed_is_a_step_a_second(clock: FakeClock) -> None:
    playback = playback_of(clock, 5)
    assert play_until_it_stops(playback, clock) == pytest.approx(4.0)


def test_play_on_the_last_step_starts_over(clock: FakeClock) -> None:
    playback = playback_of(clock, 10)
    playback.seek(9)
    assert playback.play() and playback.index == 0 and playback.playing
    assert not playback.play()  # elsewhere it plays on from where it is


def test_pause_stops_the_ticks(clock: FakeClock) -> None:
    playback = playback_of(clock, 10)
    playback.play()
    playback.pause()
    clock.advance_ms(5000)
    assert not playback.tick() and playback.index == 0 and not playback.playing


def test_a_new_speed_counts_from_the_moment_it_is_set(clock: FakeClock) -> None:
    playback = playback_of(clock, 784)
    playback.play()
    clock.advance_ms(900)  # 0.9 of a step at one step a second
    playback.set_speed(1.0)  # the timer restarts: the time before is not paid at the new rate
    clock.advance_ms(playback.interval_ms())
    assert playback.tick() and playback.index == 13


def test_play_restarts_the_count(clock: FakeClock) -> None:
    playback = playback_of(clock, 10)
    clock.advance_ms(10_000)  # a long time before play: none of it is owed
    playback.play()
    clock.advance_ms(100)
    assert not playback.tick() and playback.index == 0
