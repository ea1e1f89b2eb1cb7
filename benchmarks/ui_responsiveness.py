"""Does the window stay responsive while a model trains, and does training in it keep pace?

    .venv/bin/python benchmarks/ui_responsiveness.py [--seconds 15] [--rounds 12] [--design DESIGN.json]

With the Train page open and LeNet training on the CPU with live plots, a 10 ms
Qt::PreciseTimer in the GUI thread stamps each tick with a monotonic clock (Qt silently
drops ticks it cannot deliver, so counting ticks would hide stalls; the gaps show them).
It prints:
- the median, p99 and max gap between ticks (targets: p99 < 25 ms, max < 50 ms);
- worker-to-GUI signals per second, mean and busiest second (target: <= 60);
- the time to update a 100,000-point loss curve after one new point: `setData` of the
  curve (target < 5 ms), the loss plot's refresh (raw and smoothed curves), a repaint;
- training samples/s in the window (live plots drawing) against the CLI's path (the same
  Trainer with the CLI's progress printer, no Qt) on the same design, data and settings,
  in paired rounds, with the median ratio and its bootstrap 90% interval (target: window
  >= 0.9 x CLI). This machine's speed drifts by 10-20% within seconds, so each round runs
  both back to back (the order alternating between rounds, so drift favours neither) and
  the verdict rests on the median of many rounds, not on one.
Numbers are measured, never asserted; the machine may be shared, so run it twice.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import time

import _bench  # first: this checkout on sys.path, Qt offscreen

import numpy as np
from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QApplication

from playground.commands.train import ProgressPrinter
from playground.core.datasets import load_embedded
from playground.core.design import load_design
from playground.core.events import EpochEvent
from playground.core.text import format_int
from playground.core.trainer import TrainConfig, Trainer
from playground.paths import examples_dir
from playground.ui.state.document import DesignDocument
from playground.ui.train.live_plots import TrainingPlots
from playground.ui.state.active_model import ModelHub
from playground.ui.train.training_panel import TrainingPanel

TICK_MS = 10


def wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def cli_samples_per_s(design, epochs: int) -> float:
    """The CLI's path: Trainer + the CLI's progress printer, no Qt; mean of its epochs."""
    speeds: list[float] = []
    printer = ProgressPrinter(io.StringIO(), epochs)

    def callback(event):
        printer(event)
        if isinstance(event, EpochEvent):
            speeds.append(event.samples_per_s)

    Trainer(design, load_embedded(), TrainConfig(epochs=epochs, device="cpu"), callback).run()
    return statistics.mean(speeds)


def open_panel(design, epochs: int) -> TrainingPanel:
    panel = TrainingPanel(DesignDocument(design), ModelHub())
    panel.resize(1280, 800)
    panel.show()
    panel.settings.epochs.setValue(epochs)
    panel.settings.device.setCurrentIndex(panel.settings.device.findData("cpu"))
    while panel.picker.busy:
        wait(20)
    return panel


def close_panel(panel: TrainingPanel) -> None:
    panel.shutdown()
    panel.close()
    panel.deleteLater()
    QApplication.processEvents()


def window_samples_per_s(design, epochs: int) -> float:
    """A whole run in the panel, live plots drawing; mean samples/s of its epochs."""
    panel = open_panel(design, epochs)
    speeds: list[float] = []
    done: list[object] = []
    panel.session.job.update.connect(lambda e: speeds.append(e.samples_per_s) if isinstance(e, EpochEvent) else None)
    panel.trainingFinished.connect(done.append)
    panel.start_training()
    while not done:
        wait(50)
    close_panel(panel)
    return statistics.mean(speeds)


def responsiveness(design, seconds: float) -> dict:
    """Train in the panel while the precise timer measures the GUI thread's gaps."""
    panel = open_panel(design, epochs=int(seconds // 2) + 2)  # outlasts the measurement
    signals: list[float] = []
    panel.session.job.update.connect(lambda event: signals.append(time.perf_counter()))
    if not panel.start_training():
        raise SystemExit(f"could not start training: {panel.message_label.text()}")
    first_steps = time.perf_counter()
    while panel.plots.loss_plot.series("raw").x.size == 0:  # data loaded, model built, stepping
        wait(10)
        if time.perf_counter() - first_steps > 60:
            raise SystemExit("training did not start within a minute")

    frames_before = panel.plots.frames
    ticks: list[float] = []
    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(TICK_MS)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    start = time.perf_counter()
    timer.start()
    wait(int(seconds * 1000))
    timer.stop()
    end = time.perf_counter()
    frames = panel.plots.frames - frames_before
    close_panel(panel)
    in_window = [t for t in signals if start <= t <= end]
    whole_seconds = max(1, int(end - start))
    per_second = np.histogram(in_window, bins=whole_seconds, range=(start, start + whole_seconds))[0]
    gaps = [1000 * (b - a) for a, b in zip(ticks, ticks[1:])]
    return {"gaps": gaps, "signals_mean": len(in_window) / (end - start), "signals_max": int(per_second.max()),
            "frames_per_s": frames / (end - start)}


def curve_update_ms(points: int = 100_000, repeats: int = 30) -> tuple[float, float, float]:
    """Median ms, with `points` points in the loss plot and one more arriving, to hand the
    raw loss curve to pyqtgraph (`setData`), to refresh the whole loss plot (raw and
    smoothed curves), and to repaint it."""
    plots = TrainingPlots()
    plots.resize(1280, 800)
    plots.show()
    plots.reset()
    rng = np.random.default_rng(0)
    x = np.arange(points) / 500.0
    plots.add_steps(x, 2.3 * np.exp(-x / 20) + 0.2 * rng.random(points), np.full(points, 1e-3))
    plots.refresh()
    QApplication.processEvents()
    raw = plots.loss_plot.series("raw")
    curve, whole, paints = [], [], []
    for k in range(repeats):
        plots.add_steps(np.array([x[-1] + (k + 1) / 500.0]), np.array([0.3]), np.array([1e-3]))
        t0 = time.perf_counter()
        plots.loss_plot.item("raw").setData(raw.x, raw.y, skipFiniteCheck=True)
        t1 = time.perf_counter()
        plots.loss_plot.refresh()
        t2 = time.perf_counter()
        plots.loss_plot.plot_widget.grab()
        t3 = time.perf_counter()
        curve.append(1000 * (t1 - t0))
        whole.append(1000 * (t2 - t1))
        paints.append(1000 * (t3 - t2))
    plots.close()
    plots.deleteLater()
    return statistics.median(curve), statistics.median(whole), statistics.median(paints)


def median_interval(values: list[float], level: float = 0.9, resamples: int = 2000) -> tuple[float, float]:
    """Bootstrap interval of the median: how far another run of as many rounds might land."""
    rng = np.random.default_rng(0)
    samples = rng.choice(np.asarray(values), size=(resamples, len(values)), replace=True)
    medians = np.median(samples, axis=1)
    tail = (1 - level) / 2 * 100
    return float(np.percentile(medians, tail)), float(np.percentile(medians, 100 - tail))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=15.0, help="length of the responsiveness window")
    parser.add_argument("--design", default=str(examples_dir() / "lenet5_relu.json"))
    parser.add_argument("--rounds", type=int, default=12, help="paired CLI / window runs for samples/s")
    parser.add_argument("--epochs", type=int, default=1, help="epochs of each of those runs")
    args = parser.parse_args()
    QApplication.instance() or QApplication([])
    design = load_design(args.design)
    import torch._dynamo  # noqa: F401  (the first optimizer imports it; keep it out of every timing)

    print(f"design {design.name}; embedded MNIST (9,000 train); batch 64, Adam, CPU; {os.cpu_count()} cores; "
          f"load average {os.getloadavg()[0]:.1f}")
    curve_ms, plot_ms, paint_ms = curve_update_ms()
    print(f"100,000-point loss curve, one new point: setData of the curve {curve_ms:.2f} ms (target < 5); "
          f"refresh of the loss plot (raw + smoothed curves) {plot_ms:.2f} ms; repaint {paint_ms:.2f} ms")

    result = responsiveness(design, args.seconds)
    gaps = result["gaps"]
    print(f"GUI timer ({TICK_MS} ms, precise) over {args.seconds:.0f} s of training: {len(gaps)} gaps, "
          f"median {statistics.median(gaps):.1f} ms, p99 {_bench.percentile(gaps, 99):.1f} ms (target < 25), "
          f"max {max(gaps):.1f} ms (target < 50)")
    print(f"worker -> GUI signals: {result['signals_mean']:.1f}/s on average, busiest second "
          f"{result['signals_max']} (target <= 60); live plot frames {result['frames_per_s']:.1f}/s")

    cli, window = [], []
    for round_ in range(args.rounds):  # back to back, so a busy moment of a shared machine hits both
        if round_ % 2 == 0:
            cli.append(cli_samples_per_s(design, args.epochs))
            window.append(window_samples_per_s(design, args.epochs))
        else:
            window.append(window_samples_per_s(design, args.epochs))
            cli.append(cli_samples_per_s(design, args.epochs))
    ratios = [w / c for w, c in zip(window, cli)]
    low, high = median_interval(ratios)
    print(f"training samples/s over {args.rounds} paired rounds of {args.epochs} epoch(s): "
          f"window {format_int(round(statistics.median(window)))} (runs {', '.join(format_int(round(v)) for v in window)}), "
          f"CLI {format_int(round(statistics.median(cli)))} (runs {', '.join(format_int(round(v)) for v in cli)})")
    print(f"window / CLI per round {', '.join(f'{r:.2f}' for r in ratios)}: median {statistics.median(ratios):.2f}, "
          f"90% interval {low:.2f}-{high:.2f} (target >= 0.9); load average {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
