"""Live plots: growing buffers, smoothing, refresh on the timer, read-out, export."""

from __future__ import annotations

import csv
import os
import stat

import numpy as np
import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QImage

from playground.core.fileio import WriteError
from playground.ui.train.live_plots import EmaSmoother, GrowingSeries, LivePlot, TrainingPlots


def test_growing_series_doubles_and_keeps_every_point():
    s = GrowingSeries(capacity=4)
    for i in range(10):
        s.extend([i], [i * i])
    s.extend(np.arange(10, 100), np.arange(10, 100) ** 2)
    assert len(s) == 100
    assert s.capacity == 128
    assert s.x.tolist() == list(range(100))
    assert np.array_equal(s.y, np.arange(100) ** 2)


def test_growing_series_hands_out_views_not_copies():
    s = GrowingSeries(capacity=8)
    s.extend([1.0, 2.0], [3.0, 4.0])
    before = s.x
    s.extend([5.0], [6.0])  # still within capacity: the same buffer, a longer slice
    assert np.shares_memory(before, s.x)
    assert s.x.tolist() == [1.0, 2.0, 5.0]


def test_growing_series_rejects_mismatched_lengths():
    with pytest.raises(ValueError, match="x has 2 values but y has 1"):
        GrowingSeries().extend([1, 2], [3])


def test_ema_matches_a_debiased_moving_average_computed_by_hand():
    values = np.array([2.0, 1.0, 3.0, 0.5, 0.25])
    ema = EmaSmoother(0.5)
    got = np.concatenate([ema.extend(values[:2]), ema.extend(values[2:])])  # in two batches
    expected, last = [], 0.0
    for k, v in enumerate(values, start=1):
        last = 0.5 * last + 0.5 * v
        expected.append(last / (1 - 0.5**k))
    assert np.allclose(got, expected)
    assert got[0] == pytest.approx(2.0)  # starts on the first value, not near zero


def test_ema_leaves_nan_as_a_gap_and_carries_on():
    got = EmaSmoother(0.5).extend(np.array([1.0, np.nan, 1.0]))
    assert np.isnan(got[1]) and got[2] == pytest.approx(1.0)


def test_points_reach_the_plot_only_on_refresh(qtbot):
    plots = TrainingPlots()
    qtbot.addWidget(plots)
    plots.add_steps(np.array([0.1, 0.2, 0.3]), np.array([2.0, 1.5, 1.2]), np.array([0.1, 0.1, 0.1]))
    assert plots.loss_plot.point_count("raw") == 0
    plots.refresh()
    assert plots.loss_plot.point_count("raw") == 3
    assert plots.loss_plot.point_count("smooth") == 3
    assert plots.lr_plot.point_count("lr") == 3


def test_the_timer_refreshes_while_live_and_stops_cleanly(qtbot):
    plots = TrainingPlots()
    qtbot.addWidget(plots)
    plots.start_live()
    plots.add_steps(np.array([0.5]), np.array([1.0]))
    qtbot.waitUntil(lambda: plots.loss_plot.point_count("raw") == 1, timeout=2000)
    plots.add_epoch(1.0, 0.9, 0.8, 0.7, 0.75)
    plots.stop_live()
    assert not plots.live
    assert plots.loss_plot.point_count("val") == 1
    _, acc = plots.accuracy_plot.item("val").getData()
    assert acc.tolist() == [75.0]  # drawn in percent


def test_items_are_created_once_and_reused(qtbot):
    plots = TrainingPlots()
    qtbot.addWidget(plots)
    before = plots.loss_plot.item("raw")
    children = len(plots.loss_plot.plot_widget.getPlotItem().listDataItems())
    for k in range(5):
        plots.add_steps(np.array([k + 0.5]), np.array([1.0 / (k + 1)]))
        plots.refresh()
    assert plots.loss_plot.item("raw") is before
    assert len(plots.loss_plot.plot_widget.getPlotItem().listDataItems()) == children


def test_downsampling_and_clip_to_view_are_on(qtbot):
    plots = TrainingPlots()
    qtbot.addWidget(plots)
    item = plots.loss_plot.item("raw")
    assert item.opts["autoDownsample"] and item.opts["downsampleMethod"] == "peak"
    assert item.opts["clipToView"]


def test_reset_forgets_the_previous_run(qtbot):
    plots = TrainingPlots()
    qtbot.addWidget(plots)
    plots.add_steps(np.arange(1, 6) / 5, np.ones(5))
    plots.refresh()
    plots.reset()
    assert plots.loss_plot.point_count("raw") == 0
    plots.add_steps(np.array([0.2]), np.array([4.0]))
    plots.refresh()
    _, smooth = plots.loss_plot.item("smooth").getData()
    assert smooth.tolist() == [4.0]  # the smoother restarted too


def test_crosshair_readout_names_the_nearest_values(qtbot):
    plots = TrainingPlots()
    qtbot.addWidget(plots)
    plots.add_steps(np.array([0.25, 0.5, 0.75, 1.0]), np.array([2.0, 1.0, 0.5, 0.25]))
    plots.add_epoch(1.0, 0.5, 0.4, 0.8, 0.85)
    plots.refresh()
    plots.loss_plot.show_readout_at(0.52)
    text = plots.loss_plot.readout.text()
    assert "epoch 0.52" in text and "train (per step) 1" in text and "validation 0.4" in text


def test_mouse_move_over_the_plot_moves_the_crosshair(qtbot):
    plot = LivePlot("Loss", "epoch", "loss")
    qtbot.addWidget(plot)
    from playground.ui.train.live_plots import SeriesStyle, TRAIN_COLOUR

    plot.add_series("a", SeriesStyle("a", TRAIN_COLOUR))
    plot.extend("a", [0.0, 1.0, 2.0], [5.0, 6.0, 7.0])
    plot.refresh()
    plot.resize(400, 300)
    plot.show()
    qtbot.waitExposed(plot)
    qtbot.wait(50)  # let the view auto-range to the data
    view_box = plot.plot_widget.getPlotItem().getViewBox()
    widget_pos = plot.plot_widget.mapFromScene(view_box.mapViewToScene(QPointF(1.0, 6.0)))
    qtbot.mouseMove(plot.plot_widget.viewport(), widget_pos)
    qtbot.waitUntil(lambda: "a 6" in plot.readout.text(), timeout=2000)
    assert plot.readout.text().startswith("epoch 1.0")


def test_export_csv_and_png(qtbot, tmp_path):
    plots = TrainingPlots()
    qtbot.addWidget(plots)
    plots.resize(600, 400)
    plots.add_steps(np.array([0.5, 1.0]), np.array([2.0, 1.0]), np.array([0.1, 0.05]))
    plots.add_epoch(1.0, 1.5, 1.2, 0.6, 0.65)
    plots.loss_plot.export_csv(tmp_path / "loss.csv")
    with open(tmp_path / "loss.csv", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["series", "epoch", "value"]
    assert ["validation", "1.0", "1.2"] in rows
    assert sum(r[0] == "train (per step)" for r in rows) == 2
    plots.accuracy_plot.export_png(tmp_path / "acc.png")
    image = QImage(str(tmp_path / "acc.png"))
    assert not image.isNull() and image.width() > 50


def plots_with_points(qtbot) -> TrainingPlots:
    plots = TrainingPlots()
    qtbot.addWidget(plots)
    plots.resize(600, 400)
    plots.add_steps(np.array([0.5, 1.0]), np.array([2.0, 1.0]), np.array([0.1, 0.05]))
    plots.add_epoch(1.0, 1.5, 1.2, 0.6, 0.65)
    return plots


@pytest.mark.parametrize("export", ["export_csv", "export_png"])
def test_export_refuses_a_read_only_file_and_leaves_it_as_it_was(qtbot, tmp_path, export):
    plots = plots_with_points(qtbot)
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "locked"
    target.write_bytes(b"keep")
    target.chmod(0o444)  # root may write anyway: the mode bits are what must be respected
    with pytest.raises(WriteError, match="read-only"):
        getattr(plots.loss_plot, export)(target)
    assert target.read_bytes() == b"keep"
    assert [p.name for p in folder.iterdir()] == ["locked"]  # no temp file left either


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_export_menu_shows_one_line_for_a_pipe_and_does_not_block(qtbot, tmp_path, file_dialogs, message_boxes):
    plots = plots_with_points(qtbot)
    pipe = tmp_path / "plot.csv"
    os.mkfifo(pipe)  # writing into it directly would wait forever for a reader
    file_dialogs.answers.append(str(pipe))
    plots.loss_plot.csv_action.trigger()
    file_dialogs.answers.append(str(pipe))
    plots.loss_plot.png_action.trigger()
    assert [(kind, title) for kind, title, _ in message_boxes.shown] == [("warning", "Export failed")] * 2
    assert all(text == f"{pipe}: cannot write (it is a named pipe, not a regular file)"
               for _, _, text in message_boxes.shown)
    assert stat.S_ISFIFO(os.lstat(pipe).st_mode)


def test_x_grows_in_whole_epochs_and_y_starts_at_zero(qtbot):
    plots = TrainingPlots()
    qtbot.addWidget(plots)
    plots.reset()
    view = plots.loss_plot.plot_widget.getPlotItem().getViewBox()
    plots.add_steps(np.array([0.1, 0.5]), np.array([2.3, 1.9]))
    plots.refresh()
    (x0, x1), (y0, y1) = view.viewRange()
    assert x0 <= 0 < 1 <= x1 < 1.1  # epoch 0 to 1, whatever the step count
    assert y0 <= 0 and 2.5 <= y1 < 2.6  # 0 to the round number above 2.3
    plots.add_steps(np.array([1.2]), np.array([0.8]))  # into epoch 2: one more epoch of room
    plots.refresh()
    (x0, x1), (y0, y1) = view.viewRange()
    assert 2 <= x1 < 2.1 and 2.5 <= y1 < 2.6  # a falling loss leaves the y axis alone


def test_zooming_by_hand_stops_the_range_following(qtbot):
    plots = TrainingPlots()
    qtbot.addWidget(plots)
    plots.reset()
    view = plots.loss_plot.plot_widget.getPlotItem().getViewBox()
    plots.add_steps(np.array([0.5]), np.array([1.0]))
    plots.refresh()
    view.sigRangeChangedManually.emit([True, True])  # what a mouse zoom announces
    view.setXRange(0.2, 0.4, padding=0)
    plots.add_steps(np.array([3.5]), np.array([5.0]))
    plots.refresh()
    (x0, x1), _ = view.viewRange()
    assert (x0, x1) == pytest.approx((0.2, 0.4))


def test_nice_ceiling():
    from playground.ui.train.live_plots import _nice_ceiling

    assert [_nice_ceiling(v) for v in (2.3, 0.001, 0.0011, 97.0, 1.0)] == pytest.approx([2.5, 0.001, 0.0012, 100.0, 1.0])


def test_legend_is_in_the_title(qtbot):
    plots = TrainingPlots()
    qtbot.addWidget(plots)
    title = plots.loss_plot.plot_widget.getPlotItem().titleLabel.text
    assert "Loss" in title and "train (smoothed)" in title and "validation" in title


def test_frame_budget_spaces_expensive_frames_out():
    from playground.ui.train.live_plots import FrameBudget

    now = [100.0]
    budget = FrameBudget(share=0.05, min_interval=0.033, clock=lambda: now[0])
    assert budget.wait_time() == 0.0  # nothing drawn yet
    budget.start_frame()
    budget.add(0.001)  # a cheap frame: the ~30 Hz floor decides
    now[0] += 0.010
    assert budget.wait_time() == pytest.approx(0.023)
    budget.start_frame()
    budget.add(0.010)  # 10 ms of work at a 5% share: the next frame waits 200 ms
    now[0] += 0.100
    assert budget.wait_time() == pytest.approx(0.100)
    now[0] += 0.101
    assert budget.wait_time() == 0.0


def test_live_plots_draw_only_when_points_wait(qtbot):
    plots = TrainingPlots()
    qtbot.addWidget(plots)
    plots.reset()
    plots.start_live()
    assert plots.live and plots.frames == 0
    qtbot.wait(100)
    assert plots.frames == 0  # nothing queued, no frame and no ticking timer
    plots.add_steps(np.array([0.1]), np.array([2.0]), np.array([0.001]))
    qtbot.waitUntil(lambda: plots.loss_plot.point_count("raw") == 1, timeout=2000)
    assert plots.frames == 1
    plots.stop_live()


def test_a_short_run_gets_its_whole_x_range_and_a_long_one_doubles(qtbot):
    plots = TrainingPlots()
    qtbot.addWidget(plots)
    view = plots.loss_plot.plot_widget.getPlotItem().getViewBox()
    plots.reset(epochs=3)
    plots.add_steps(np.array([0.1]), np.array([1.0]))
    plots.refresh()
    assert 3 <= view.viewRange()[0][1] < 3.2
    plots.reset(epochs=40)
    edges = []
    for x in (0.5, 10.5, 21.0, 39.9):
        plots.add_steps(np.array([x]), np.array([1.0]))
        plots.refresh()
        edges.append(round(view.viewRange()[0][1] / 1.04))
    assert edges == [10, 20, 40, 40]
