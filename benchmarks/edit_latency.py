"""How long from a parameter edit to the repainted window, for LeNet-5 and ResNet-18?

    .venv/bin/python benchmarks/edit_latency.py [--edits 60] [--size 1280x800]

For each design the main window is shown (offscreen) with the first convolution selected,
and the person's edit is replayed through the inspector: its out_channels spin box gets a
new value, which sets the parameter on the document (one undo command), re-analyses the
design, rebuilds the editor layout, refreshes inspector, summary and status bar, and then
the editor is repainted synchronously and every pending paint is flushed. Each edit is
timed from the spin box change to the end of those paints.

Block previews are on (`BlockPreviews`, forced on for ResNet-18 too, which is over the
automatic limit): their forward pass runs on a worker thread while the edits go on, as
while a person types. Then, for a few more edits, the time from the spin box change until
that edit's previews are painted on the cards is measured (targets: 100 ms for LeNet-5, a
few seconds for ResNet-18).

Printed per design: median, p95 and min of the whole edit-to-repaint time (targets:
< 16 ms for LeNet-5, < 100 ms for ResNet-18) and the medians of its two parts (the edit
with re-analysis and every view updated; painting every dirty widget), then analysis
alone, the editor's layout alone, and one full repaint of the editor canvas.
Numbers are measured, never asserted; the load average is printed because a shared
machine slows every paint, so run it twice.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

import _bench  # first: this checkout on sys.path, Qt offscreen

import torch
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from playground.core.analysis import analyze
from playground.core.design import load_design, walk
from playground.paths import example_paths
from playground.ui.shell.app import create_application
from playground.ui.shell.main_window import MainWindow
from playground.ui.state.previews import BlockPreviews

TARGETS_MS = {"lenet5": 16.0, "resnet18": 100.0}
PREVIEW_TARGETS_MS = {"lenet5": 100.0, "resnet18": 5000.0}
PREVIEW_EDITS = {"lenet5": 30, "resnet18": 5}


def _ms(seconds: float) -> float:
    return seconds * 1000.0


def measure(app: QApplication, path: Path, edits: int, size: tuple[int, int]) -> dict[str, float]:
    scratch = tempfile.mkdtemp(prefix="edit-latency-")
    window = MainWindow(settings=QSettings(str(Path(scratch) / "s.ini"), QSettings.Format.IniFormat),
                        data_dir=Path(scratch))
    design = load_design(path)
    window.document.open_design(design)
    previews = BlockPreviews(window.document, window.hub, window)
    previews.set_shown(True)
    window.editor.set_previews(previews)
    window.resize(*size)
    window.show()
    app.processEvents()
    conv = next(b.id for _, b in walk(design) if b.type == "Conv2d")
    window.document.select(conv)
    app.processEvents()
    spin = window.inspector.fields["out_channels"].spin
    base = spin.value()
    totals, edit_parts, flush_parts = [], [], []
    for i in range(edits + 5):
        value = base + 1 + (i % 7)
        start = time.perf_counter()
        spin.setValue(value if value != spin.value() else value + 1)  # edit, analysis, every view follows
        edited = time.perf_counter()
        # repaint() syncs the window's backing store: every dirty widget (the editor canvas,
        # the inspector's values, the summary cells, the status totals) paints now.
        window.editor.viewport().repaint()
        app.processEvents()
        done = time.perf_counter()
        if i >= 5:  # the first few warm caches up
            totals.append(done - start)
            edit_parts.append(edited - start)
            flush_parts.append(done - edited)

    window.document.set_param(conv, "out_channels", base)  # back to a design without errors
    landed = _preview_landing(app, window, previews, conv, PREVIEW_EDITS.get(path.stem, 5))

    analysis_times, layout_times, paint_times = [], [], []
    for _ in range(edits):
        start = time.perf_counter()
        analyze(window.document.design)
        analysis_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        window.editor._relayout()
        layout_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        window.editor.viewport().repaint()
        paint_times.append(time.perf_counter() - start)
    blocks = len(list(walk(design)))
    window.document.undo_stack.setClean()  # no "save changes?" on close
    previews.shutdown()
    window.close()
    window.deleteLater()
    app.processEvents()
    return {
        "blocks": blocks,
        "median": _ms(statistics.median(totals)),
        "p95": _ms(_bench.percentile(totals, 95)),
        "min": _ms(min(totals)),
        "edit": _ms(statistics.median(edit_parts)),
        "flush": _ms(statistics.median(flush_parts)),
        "analysis": _ms(statistics.median(analysis_times)),
        "layout": _ms(statistics.median(layout_times)),
        "paint": _ms(statistics.median(paint_times)),
        "previews": _ms(statistics.median(landed)),
        "previews_p95": _ms(_bench.percentile(landed, 95)),
    }


def _preview_landing(app: QApplication, window: MainWindow, previews: BlockPreviews, conv: str,
                     edits: int) -> list[float]:
    """Seconds from each edit until its previews are painted on the cards. The edit turns
    the first convolution's bias off and on: every design stays valid (ResNet's shortcuts
    would refuse a new channel count), so every pass gives previews."""
    _wait(app, lambda: not previews.busy and not previews.stale)
    landed = []
    for _ in range(edits):
        bias = bool(window.document.block(conv).params.get("bias", True))
        start = time.perf_counter()
        window.document.set_param(conv, "bias", not bias, merge=False)
        _wait(app, lambda: not previews.stale)
        if previews.latest is None:
            raise RuntimeError(f"no previews after the edit: {previews.problem}")
        window.editor.viewport().repaint()
        landed.append(time.perf_counter() - start)
        _wait(app, lambda: not previews.busy)
    return landed


def _wait(app: QApplication, done) -> None:
    while not done():
        app.processEvents()
        time.sleep(0.0005)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=60)
    parser.add_argument("--size", default="1280x800", help="window size, WxH")
    args = parser.parse_args()
    width, height = (int(v) for v in args.size.lower().split("x"))
    torch.set_num_threads(1)
    app = create_application()
    paths = {p.stem: p for p in example_paths()}
    print(f"edit-to-repaint latency, window {width}x{height}, {args.edits} edits each, load average "
          f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs (ms)")
    print(f"{'design':<10} {'blocks':>6} | {'median':>7} {'p95':>6} {'min':>6} {'target':>9} | "
          f"{'edit':>6} {'paint':>6} | {'analysis':>8} {'layout':>6} {'canvas':>6} | {'previews':>8} {'p95':>7} "
          f"{'target':>6}")
    for name, target in TARGETS_MS.items():
        if name not in paths:
            print(f"{name:<10} missing from examples/")
            continue
        r = measure(app, paths[name], args.edits, (width, height))
        verdict = "ok" if r["median"] < target else "over"
        print(f"{name:<10} {r['blocks']:>6} | {r['median']:>7.2f} {r['p95']:>6.2f} {r['min']:>6.2f} "
              f"{target:>4.0f} {verdict:>4} | {r['edit']:>6.2f} {r['flush']:>6.2f} | {r['analysis']:>8.2f} "
              f"{r['layout']:>6.2f} {r['paint']:>6.2f} | {r['previews']:>8.1f} {r['previews_p95']:>7.1f} "
              f"{PREVIEW_TARGETS_MS[name]:>6.0f}")
    print("median/p95/min: spin box change until every widget has repainted (ok/over: median vs target);")
    print("edit: the change, re-analysis and every view updated; paint: all dirty widgets painted (medians);")
    print("analysis, layout: alone; canvas: one full repaint of the editor with its card cache warm.")
    print("previews: an edit until its block previews are painted (median, p95; computed on a worker thread).")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
