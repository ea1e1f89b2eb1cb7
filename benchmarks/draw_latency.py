"""Latency of the Draw page: from a mouse event on the canvas to the updated prediction.

Drives the real DrawPanel (offscreen) with real QMouseEvents and the pretrained LeNet on
the CPU with one torch thread, and times, per event, until the window has painted the new
prediction (label, confidence, probability bars: the end of the first paint of the window
after the `predicted` signal), and until it has painted the feature maps of the same
forward pass, which the panel shows one event-loop turn after the answer. Three cases:

- move: a mouse move after a pause longer than the throttle interval, the moment a
  person starts moving again (the issue's target: p95 under 15 ms);
- release: the end of a stroke, which classifies at once;
- drawing: moves every 8 ms (a 125 Hz mouse), where throttling makes a move wait for the
  next update slot (at most PREDICT_INTERVAL_MS after the previous update) on purpose.

    .venv/bin/python benchmarks/draw_latency.py [--samples N] [--tab features|kernels|saliency|overview]
                                                 [--design EXAMPLE]

With `--tab overview` the network overview is open: its columns come from the same forward
pass as the answer (every block watched, those inside composites too, whose branches it
shows as lanes) and are drawn a turn later, timed like the feature maps (target: on screen
within 50 ms of the move for LeNet-5). `--design resnet_mini` (any example's name) runs that
design's untrained network instead of the pretrained LeNet, to see what composites cost.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

import _bench  # first: this checkout on sys.path, Qt offscreen

import numpy as np
import torch
from PySide6.QtCore import QEvent, QEventLoop, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from playground.core.builder import build_model
from playground.core.checkpoint import load_default_checkpoint
from playground.core.design import load_design
from playground.paths import examples_dir
from playground.ui.draw.draw_panel import DrawPanel
from playground.ui.state.active_model import ActiveModel, ModelHub
from playground.ui.state.draw_pacing import PREDICT_INTERVAL_MS

LEFT, NONE = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
TABS = {"features": "feature maps", "kernels": "kernels", "saliency": "saliency", "overview": "overview"}
STROKE_POINTS = 60  # a new stroke after this many points, as a digit has a few strokes


def send(canvas, kind: QEvent.Type, pos: QPointF, button: Qt.MouseButton, buttons: Qt.MouseButton) -> None:
    QApplication.sendEvent(canvas, QMouseEvent(kind, pos, canvas.mapToGlobal(pos), button, buttons,
                                               Qt.KeyboardModifier.NoModifier))


def path_point(i: int) -> tuple[float, float]:
    """A wandering pen: a loop around the canvas centre."""
    t = i * 0.11
    return 140 + 80 * np.sin(t), 140 - 100 * np.cos(t * 0.9)


class PaintTimedPanel(DrawPanel):
    """The panel as a top-level window that notes when each paint of the window is done:
    widgets paint in the window's UpdateRequest, which ends with the flush to the screen."""

    def __init__(self, hub: ModelHub) -> None:
        super().__init__(hub)
        self.painted: list[float] = []
        self.painted_cpu: list[float] = []  # this thread's CPU clock at the same moments

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.UpdateRequest:
            self.painted.append(time.perf_counter())
            self.painted_cpu.append(time.thread_time())
        return handled


class Probe:
    """Records when the panel classifies, when it shows feature maps, and when both are on screen."""

    def __init__(self, panel: PaintTimedPanel) -> None:
        self.panel = panel
        self.times: list[float] = []  # each `predicted` signal
        self.maps: list[float] = []  # each feature-map update
        self.cpu: list[float] = []  # CPU seconds of this thread per measured event, until the answer is painted
        self.compute: list[float] = []  # seconds inside the update itself (before painting)
        panel.predicted.connect(lambda _inspection: self._updated(panel))
        show_maps = panel.feature_maps.set_activation

        def timed_show_maps(*args, **kwargs) -> None:
            show_maps(*args, **kwargs)
            self.maps.append(time.perf_counter())
        panel.feature_maps.set_activation = timed_show_maps
        lay_out = panel.overview.canvas.lay_out

        def timed_lay_out(*args, **kwargs) -> None:
            lay_out(*args, **kwargs)
            self.maps.append(time.perf_counter())
        panel.overview.canvas.lay_out = timed_lay_out

    def _updated(self, panel: DrawPanel) -> None:
        self.times.append(time.perf_counter())
        self.compute.append(panel.last_update_ms / 1000.0)

    def painted_after(self, moment: float) -> float | None:
        """The end of the first paint of the window after `moment` (None: not yet)."""
        painted = self.panel.painted
        index = int(np.searchsorted(painted, moment))
        return painted[index] if index < len(painted) else None

    def wait_for_update(self, count_before: int, cpu_start: float) -> tuple[float, float | None]:
        """(when the answer was on screen, when the feature maps were, None when that tab is closed)."""
        loop = QEventLoop()

        def wait(condition) -> None:
            while not condition():
                loop.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)  # sleeps like the real loop

        wait(lambda: len(self.times) > count_before)
        answered = self.times[count_before]
        wait(lambda: self.painted_after(answered) is not None)
        answer_shown = self.painted_after(answered)
        self.cpu.append(self.panel.painted_cpu[self.panel.painted.index(answer_shown)] - cpu_start)
        if self.panel.tabs.currentWidget() not in (self.panel.feature_maps, self.panel.overview):
            return answer_shown, None
        wait(lambda: bool(self.maps) and self.maps[-1] > answered)
        maps_set = next(t for t in self.maps if t > answered)
        wait(lambda: self.painted_after(maps_set) is not None)
        return answer_shown, self.painted_after(maps_set)


def pause(app: QApplication, seconds: float) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.001)


def measure_moves(app, panel, probe, samples: int) -> tuple[list[float], list[float], list[float]]:
    """(latency of each move to the answer on screen, to the feature maps on screen, time its
    update took before painting)."""
    canvas = panel.canvas
    latencies, maps, computes = [], [], []
    for i in range(samples):
        if i % STROKE_POINTS == 0:
            send(canvas, QEvent.Type.MouseButtonRelease, canvas.widget_point(*path_point(i)), LEFT, NONE)
            canvas.clear()
            send(canvas, QEvent.Type.MouseButtonPress, canvas.widget_point(*path_point(i)), LEFT, LEFT)
        pause(app, (panel.throttle_interval_ms + 5) / 1000)  # quiet for longer than the throttle
        before = len(probe.times)
        cpu, start = time.thread_time(), time.perf_counter()
        send(canvas, QEvent.Type.MouseMove, canvas.widget_point(*path_point(i + 1)), NONE, LEFT)
        answer, feature_maps = probe.wait_for_update(before, cpu)
        latencies.append(answer - start)
        if feature_maps is not None:
            maps.append(feature_maps - start)
        computes.append(probe.compute[before])
    send(canvas, QEvent.Type.MouseButtonRelease, canvas.widget_point(*path_point(samples)), LEFT, NONE)
    return latencies, maps, computes


def measure_releases(app, panel, probe, samples: int) -> list[float]:
    canvas = panel.canvas
    latencies = []
    for i in range(samples):
        canvas.clear()
        pause(app, 0.002)
        send(canvas, QEvent.Type.MouseButtonPress, canvas.widget_point(*path_point(0)), LEFT, LEFT)
        for j in range(1, 30):
            send(canvas, QEvent.Type.MouseMove, canvas.widget_point(*path_point(j + i)), NONE, LEFT)
        pause(app, (PREDICT_INTERVAL_MS + 5) / 1000)
        before = len(probe.times)
        cpu, start = time.thread_time(), time.perf_counter()
        send(canvas, QEvent.Type.MouseButtonRelease, canvas.widget_point(*path_point(30 + i)), LEFT, NONE)
        latencies.append(probe.wait_for_update(before, cpu)[0] - start)
    return latencies


def measure_drawing(app, panel, probe, samples: int, period: float = 0.008) -> tuple[list[float], int]:
    """Moves at a steady rate; each move's latency is until the first update after it."""
    canvas = panel.canvas
    canvas.clear()
    moves: list[float] = []
    first_update = len(probe.times)
    send(canvas, QEvent.Type.MouseButtonPress, canvas.widget_point(*path_point(0)), LEFT, LEFT)
    next_move = time.perf_counter()
    for i in range(1, samples + 1):
        while time.perf_counter() < next_move:
            app.processEvents()
        if i % STROKE_POINTS == 0:
            send(canvas, QEvent.Type.MouseButtonRelease, canvas.widget_point(*path_point(i)), LEFT, NONE)
            canvas.clear()
            send(canvas, QEvent.Type.MouseButtonPress, canvas.widget_point(*path_point(i)), LEFT, LEFT)
        moves.append(time.perf_counter())
        send(canvas, QEvent.Type.MouseMove, canvas.widget_point(*path_point(i)), NONE, LEFT)
        next_move += period
    probe.wait_for_update(len(probe.times), time.thread_time())
    updates = np.array(probe.times[first_update:])
    shown = np.array([probe.painted_after(t) for t in updates])
    latencies = [float(shown[np.searchsorted(updates, t)] - t) for t in moves if t <= updates[-1]]
    return latencies, len(updates)


def report(name: str, seconds: list[float], cpu: list[float] | None = None) -> None:
    ms = np.array(seconds) * 1000
    line = f"{name:<46} n={len(ms):4d}  median {np.median(ms):6.2f} ms   p95 {_bench.percentile(ms, 95):6.2f} ms"
    if cpu:
        cpu_ms = np.array(cpu) * 1000
        line += f"   (CPU: median {np.median(cpu_ms):5.2f}, p95 {_bench.percentile(cpu_ms, 95):5.2f} ms)"
    print(line)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=300)
    parser.add_argument("--tab", choices=list(TABS), default="features",
                        help="the inside view that is open while drawing")
    parser.add_argument("--design", help="an example design's name (untrained), instead of the pretrained LeNet")
    args = parser.parse_args()
    torch.set_num_threads(1)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    hub = ModelHub()
    if args.design:
        design = load_design(examples_dir() / f"{args.design}.json")
        torch.manual_seed(0)
        hub.set_active(ActiveModel(design, build_model(design).eval(), "untrained example", trained=False))
    else:
        hub.set_active(ActiveModel.from_checkpoint(load_default_checkpoint(), "pretrained default"))
    panel = PaintTimedPanel(hub)
    panel.resize(1280, 760)
    panel.show()
    panel.tabs.setCurrentIndex(list(TABS).index(args.tab))
    probe = Probe(panel)
    pause(app, 0.2)
    measure_moves(app, panel, probe, 20)  # warm-up: first calls allocate and JIT-free paths settle
    print(f"model: {hub.active.design.name}, CPU, 1 torch thread; open view: {args.tab}; "
          f"throttle {PREDICT_INTERVAL_MS} ms; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    probe.cpu.clear()
    moves, maps, computes = measure_moves(app, panel, probe, args.samples)
    report("move after a pause -> prediction on screen", moves, probe.cpu)
    report("  of which the update itself (no painting)", computes)
    if maps:
        report(f"move after a pause -> {TABS[args.tab]} on screen", maps)
    probe.cpu.clear()
    releases = measure_releases(app, panel, probe, args.samples // 3)
    report("stroke end (release) -> prediction on screen", releases, probe.cpu)
    drawing, updates = measure_drawing(app, panel, probe, args.samples)
    report("drawing at 125 Hz: move -> next answer on screen", drawing)
    print(f"  ({len(drawing)} moves, {updates} updates: the throttle classifies about every "
          f"{PREDICT_INTERVAL_MS} ms, not per event)")
    print("wall time is what a person waits; CPU is this thread's own work (the difference is other "
          "processes competing for the cores)")
    panel.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
