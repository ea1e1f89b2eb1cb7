"""The Draw page's pacing rules, on a fake clock: no widget, no timer, no network."""

from __future__ import annotations

import pytest
from ui_helpers import FakeClock

from playground.ui.state.draw_pacing import (LIVE_LIMIT_MS, PREDICT_INTERVAL_MS, SALIENCY_DELAY_MS, Due,
                                             DrawPacing)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def pacing(clock: FakeClock) -> DrawPacing:
    return DrawPacing(clock=clock)


def run_update(pacing: DrawPacing, clock: FakeClock, cost_ms: float, ran_network: bool = True) -> None:
    """An update that takes `cost_ms` of the fake clock."""
    pacing.update_started()
    clock.advance_ms(cost_ms)
    pacing.update_finished(ran_network)


def test_nothing_is_due_at_first(pacing: DrawPacing) -> None:
    assert all(pacing.delay_ms(task) is None and pacing.appointment(task) is None for task in Due)
    assert pacing.last_cost_ms == 0 and not pacing.live_updates_paused
    assert pacing.throttle_interval_ms == PREDICT_INTERVAL_MS


def test_the_first_change_ever_is_classified_at_once(pacing: DrawPacing) -> None:
    pacing.drawing_changed()
    assert pacing.delay_ms(Due.LIVE_UPDATE) == 0


def test_the_first_change_after_a_quiet_spell_is_classified_at_once(pacing: DrawPacing, clock: FakeClock) -> None:
    run_update(pacing, clock, 2)
    clock.advance_ms(PREDICT_INTERVAL_MS + 50)
    pacing.drawing_changed()
    assert pacing.delay_ms(Due.LIVE_UPDATE) == 0


def test_later_changes_wait_for_the_interval_since_the_last_update_began(pacing: DrawPacing,
                                                                          clock: FakeClock) -> None:
    run_update(pacing, clock, 2)  # began 2 ms ago
    clock.advance_ms(8)
    pacing.drawing_changed()
    assert pacing.delay_ms(Due.LIVE_UPDATE) == PREDICT_INTERVAL_MS - 10
    clock.advance_ms(5)
    assert pacing.delay_ms(Due.LIVE_UPDATE) == PREDICT_INTERVAL_MS - 15


def test_a_change_while_an_update_is_due_leaves_the_appointment_alone(pacing: DrawPacing,
                                                                      clock: FakeClock) -> None:
    run_update(pacing, clock, 2)
    pacing.drawing_changed()
    first = pacing.appointment(Due.LIVE_UPDATE)
    for _ in range(20):  # twenty mouse moves, one update
        clock.advance_ms(1)
        pacing.drawing_changed()
    assert pacing.appointment(Due.LIVE_UPDATE) == first


def test_a_late_task_is_due_now_never_in_the_past(pacing: DrawPacing, clock: FakeClock) -> None:
    run_update(pacing, clock, 1)
    pacing.drawing_changed()
    clock.advance_ms(500)  # the event loop was busy
    assert pacing.delay_ms(Due.LIVE_UPDATE) == 0


def test_an_update_makes_pending_work_stale_but_keeps_the_saliency_start(pacing: DrawPacing) -> None:
    pacing.drawing_changed()
    pacing.answered(live=False, features_shown=True, saliency_shown=True)
    pacing.saliency_slice_ran(finished=False)
    assert {task for task in Due if pacing.appointment(task) is not None} == set(Due)
    pacing.update_started()
    assert [task for task in Due if pacing.appointment(task) is not None] == [Due.SALIENCY]


def test_only_updates_that_ran_the_network_are_costed(pacing: DrawPacing, clock: FakeClock) -> None:
    run_update(pacing, clock, 7)
    assert pacing.last_cost_ms == pytest.approx(7)
    run_update(pacing, clock, 300, ran_network=False)  # an empty canvas: the network did not run
    assert pacing.last_cost_ms == pytest.approx(7)


def test_a_slow_network_is_paced_at_three_times_its_cost(pacing: DrawPacing, clock: FakeClock) -> None:
    run_update(pacing, clock, 5)
    assert pacing.throttle_interval_ms == PREDICT_INTERVAL_MS  # a fast network: the fixed interval
    run_update(pacing, clock, 40)
    assert pacing.throttle_interval_ms == pytest.approx(120)
    pacing.drawing_changed()
    assert pacing.delay_ms(Due.LIVE_UPDATE) == 120 - 40


def test_two_updates_slower_than_the_limit_in_a_row_pause_live_answers(pacing: DrawPacing,
                                                                       clock: FakeClock) -> None:
    run_update(pacing, clock, LIVE_LIMIT_MS + 50)  # a slow first call is only a warm-up
    assert not pacing.live_updates_paused
    run_update(pacing, clock, 3)
    run_update(pacing, clock, LIVE_LIMIT_MS + 50)  # slow, but the one before was fast
    assert not pacing.live_updates_paused
    run_update(pacing, clock, LIVE_LIMIT_MS + 90)
    assert pacing.live_updates_paused
    clock.advance_ms(5000)
    pacing.drawing_changed()
    assert pacing.appointment(Due.LIVE_UPDATE) is None  # it answers when the stroke ends
    run_update(pacing, clock, 4)  # the stroke ended: a fast answer after all
    assert not pacing.live_updates_paused


def test_a_new_model_forgets_the_old_ones_speed_and_its_saliency(pacing: DrawPacing, clock: FakeClock) -> None:
    run_update(pacing, clock, 190)
    run_update(pacing, clock, 190)
    pacing.saliency_slice_ran(finished=False)
    assert pacing.live_updates_paused
    pacing.model_changed()
    assert not pacing.live_updates_paused and pacing.last_cost_ms == 0
    assert pacing.throttle_interval_ms == PREDICT_INTERVAL_MS
    assert pacing.appointment(Due.SALIENCY_SLICE) is None
    pacing.drawing_changed()
    assert pacing.appointment(Due.LIVE_UPDATE) is not None


def test_feature_maps_follow_an_answer_a_turn_later(pacing: DrawPacing) -> None:
    assert not pacing.answered(live=True, features_shown=True, saliency_shown=False)
    assert pacing.delay_ms(Due.FEATURE_MAPS) == 0
    pacing.done(Due.FEATURE_MAPS)  # shown, or superseded by a newer refresh
    assert pacing.appointment(Due.FEATURE_MAPS) is None
    pacing.answered(live=False, features_shown=False, saliency_shown=False)  # another tab is open
    assert pacing.appointment(Due.FEATURE_MAPS) is None


def test_saliency_follows_a_settled_drawing_a_moment_after_the_answer(pacing: DrawPacing,
                                                                      clock: FakeClock) -> None:
    assert not pacing.answered(live=False, features_shown=False, saliency_shown=True)
    assert pacing.delay_ms(Due.SALIENCY) == SALIENCY_DELAY_MS
    clock.advance_ms(SALIENCY_DELAY_MS)
    assert pacing.delay_ms(Due.SALIENCY) == 0


def test_saliency_waits_for_the_end_of_a_stroke(pacing: DrawPacing) -> None:
    assert pacing.answered(live=True, features_shown=False, saliency_shown=True)  # the page says the maps wait
    assert pacing.appointment(Due.SALIENCY) is None
    assert not pacing.answered(live=True, features_shown=False, saliency_shown=False)  # nothing to wait for


def test_saliency_is_worked_out_a_slice_per_turn_until_done_or_stopped(pacing: DrawPacing) -> None:
    pacing.saliency_slice_ran(finished=False)
    assert pacing.delay_ms(Due.SALIENCY_SLICE) == 0
    pacing.done(Due.SALIENCY_SLICE)
    pacing.saliency_slice_ran(finished=False)
    pacing.saliency_slice_ran(finished=True)
    assert pacing.appointment(Due.SALIENCY_SLICE) is None
    pacing.saliency_slice_ran(finished=False)
    pacing.saliency_stopped()  # out of sight, or stale
    assert pacing.appointment(Due.SALIENCY_SLICE) is None


def test_the_slice_length_is_a_setting() -> None:
    assert DrawPacing(saliency_slice_s=0.0).saliency_slice_s == 0.0


def test_a_shown_page_catches_up_on_saliency_only_when_wanted(pacing: DrawPacing) -> None:
    pacing.page_shown(saliency_wanted=False)
    assert pacing.appointment(Due.SALIENCY) is None
    pacing.page_shown(saliency_wanted=True)
    assert pacing.delay_ms(Due.SALIENCY) == SALIENCY_DELAY_MS


def test_a_closed_page_has_nothing_due(pacing: DrawPacing) -> None:
    pacing.drawing_changed()
    pacing.answered(live=False, features_shown=True, saliency_shown=True)
    pacing.saliency_slice_ran(finished=False)
    pacing.closed()
    assert all(pacing.appointment(task) is None for task in Due)


def test_intervals_and_limits_are_settings(clock: FakeClock) -> None:
    pacing = DrawPacing(clock=clock, interval_ms=50, live_limit_ms=10, saliency_delay_ms=5)
    run_update(pacing, clock, 12)
    assert pacing.throttle_interval_ms == 50
    run_update(pacing, clock, 12)
    assert pacing.live_updates_paused
    pacing.answered(live=False, features_shown=False, saliency_shown=True)
    assert pacing.delay_ms(Due.SALIENCY) == 5
