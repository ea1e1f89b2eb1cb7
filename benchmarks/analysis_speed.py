"""How long a full re-analysis takes, and how much memory it adds.

    .venv/bin/python benchmarks/analysis_speed.py [--repeats 200]

For lenet5, resnet18, vgg11 and the modern examples (se_mini, mobilenet_mini, and the
torchvision imports mobilenet_v2, efficientnet_b0, shufflenet_v2, convnext_tiny,
densenet121, resnet50) it prints (medians of many runs, one thread):

- warm: `analyze(design)` again on an unchanged design (what the editor does after an
  edit that changed nothing upstream of most blocks: every leaf is a memo hit);
- edit: a live edit of the first convolution's width to a value never seen before, so every
  block downstream has a new input shape and is recomputed (the worst live edit);
- cold: `analyze` with the leaf memo cleared (every block computed);
- meta: the previous approach, each leaf built as a torch module on the meta device and fed
  a meta tensor, for comparison;
- memory: tracemalloc peak during one cold analysis, and the process's peak RSS growth
  across it (measured in a fresh interpreter after the imports);
- first call: a fresh interpreter's import time and first `analyze`, without torch.

Targets: < 10 ms lenet5 and < 100 ms resnet18 on the 2-core dev machine; vgg11 adding < 50 MB;
every example's cold and first-call analysis (what `summary` does) < 100 ms.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
import tracemalloc
from typing import Callable

import _bench  # noqa: F401  (first: this checkout on sys.path, Qt offscreen)

from playground import paths
from playground.core import layers
from playground.core.analysis import analyze
from playground.core.design import Design, load_design, set_param, walk

DESIGNS = ("lenet5", "resnet18", "vgg11", "se_mini", "mobilenet_mini", "mobilenet_v2", "efficientnet_b0",
           "shufflenet_v2", "convnext_tiny", "densenet121", "resnet50")


def median_ms(fn: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def first_conv_path(design: Design) -> tuple[int, ...]:
    return next(path for path, block in walk(design) if block.type == "Conv2d")


def edit_ms(design: Design, repeats: int) -> float:
    path = first_conv_path(design)
    analyze(design)  # the memo holds the design before the edits
    edited = [set_param(design, path, "out_channels", 1000 + i) for i in range(repeats)]
    it = iter(edited)
    return median_ms(lambda: analyze(next(it)), repeats)


def cold_ms(design: Design, repeats: int) -> float:
    def run() -> None:
        layers._cached.cache_clear()
        analyze(design)
    return median_ms(run, repeats)


def meta_ms(design: Design, repeats: int) -> float:
    """The former analysis core: a meta-device module and forward per leaf block."""
    import torch

    from playground.core.layers import make_module

    rows = [(r, b) for r, (_, b) in zip(analyze(design).rows, walk(design)) if not r.composite]

    def run() -> None:
        with torch.device("meta"):
            for row, block in rows:
                module = make_module(block.type, block.params, row.input_shape)
                module(torch.empty((2, *row.input_shape), device="meta"))
    run()  # the first meta forward imports torch._dynamo; not counted here
    return median_ms(run, max(3, repeats // 20))


def traced_peak_mb(design: Design) -> float:
    layers._cached.cache_clear()
    tracemalloc.start()
    analyze(design)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


FRESH = """
import json, resource, sys, time
t0 = time.perf_counter()
from playground.core.analysis import analyze
from playground.core.design import load_design
t1 = time.perf_counter()
design = load_design(sys.argv[1])
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t2 = time.perf_counter()
analyze(design)
t3 = time.perf_counter()
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"import_ms": (t1 - t0) * 1000, "first_ms": (t3 - t2) * 1000,
                  "rss_mb": (after - before) / 1024, "torch": "torch" in sys.modules}))
"""


def fresh_process(name: str) -> dict[str, float]:
    out = subprocess.run([sys.executable, "-c", FRESH, str(paths.examples_dir() / f"{name}.json")],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeats", type=int, default=200)
    parser.add_argument("--no-meta", action="store_true", help="skip the meta-device comparison")
    args = parser.parse_args()
    import torch

    torch.set_num_threads(1)
    print(f"{'design':15s} {'rows':>5s} {'warm ms':>8s} {'edit ms':>8s} {'cold ms':>8s} {'meta ms':>8s} "
          f"{'traced MB':>9s} {'RSS +MB':>8s} {'1st call ms':>11s} {'import ms':>9s} torch?")
    for name in DESIGNS:
        design = load_design(paths.examples_dir() / f"{name}.json")
        rows = len(analyze(design).rows)
        warm = median_ms(lambda: analyze(design), args.repeats)
        edit = edit_ms(design, args.repeats)
        cold = cold_ms(design, args.repeats)
        meta = float("nan") if args.no_meta else meta_ms(design, args.repeats)
        traced = traced_peak_mb(design)
        fresh = fresh_process(name)
        print(f"{name:15s} {rows:5d} {warm:8.2f} {edit:8.2f} {cold:8.2f} {meta:8.1f} {traced:9.2f} "
              f"{fresh['rss_mb']:8.2f} {fresh['first_ms']:11.1f} {fresh['import_ms']:9.1f} {fresh['torch']}")


if __name__ == "__main__":
    main()
