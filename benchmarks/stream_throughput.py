"""Streaming from disk against holding in memory: training samples/s for the same folder.

    .venv/bin/python benchmarks/stream_throughput.py [--folder DIR] [--design lenet5_relu]
                                                     [--workers 1] [--epochs 3] [--rounds 3]

Without --folder it writes a folder of PNGs from the embedded digits (300 per class, 28x28
grey) to a temporary directory. Both runs train the same design with the same settings on
the CPU: the plain Trainer with the folder read into memory first (load_image_folder), and
the StreamingTrainer decoding every batch in `--workers` DataLoader processes. Each run's
samples/s is the mean of its epochs after the first (the first streamed epoch also starts
the workers); rounds alternate so machine load hits both. Printed: samples/s of each (best
and median round), the ratio streaming / in memory (target >= 0.7 with 1 worker on 2
cores), and how long the in-memory path spent reading the folder before its first step.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import _bench  # noqa: F401  (first: this checkout on sys.path)

import numpy as np
from PIL import Image

from playground import paths
from playground.core.datasets import load_embedded, load_image_folder
from playground.core.design import Design, load_design
from playground.core.devices import training_threads
from playground.core.events import EpochEvent, Event, FailedEvent
from playground.core.streaming import StreamingTrainer
from playground.core.trainer import TrainConfig, Trainer


def write_digit_folder(root: Path, per_class: int) -> Path:
    """`per_class` embedded digits of every class as PNG files in ImageFolder layout."""
    data = load_embedded()
    images, labels = data.train_x[:, 0].numpy(), data.train_y.numpy()
    for digit in range(10):
        folder = root / str(digit)
        folder.mkdir(parents=True, exist_ok=True)
        for k, i in enumerate(np.flatnonzero(labels == digit)[:per_class]):
            Image.fromarray(images[i]).save(folder / f"{k:05d}.png")
    return root


def samples_per_s(trainer: Trainer) -> float:
    """The mean samples/s of the run's epochs after the first."""
    epochs: list[EpochEvent] = []

    def keep(event: Event) -> None:
        if isinstance(event, EpochEvent):
            epochs.append(event)

    trainer.callback = keep
    result = trainer.run()
    if isinstance(result, FailedEvent):
        raise SystemExit(f"training failed: {result.message}")
    return statistics.mean(e.samples_per_s for e in epochs[1:])


def main() -> int:
    parser = argparse.ArgumentParser(description="streaming vs in-memory training throughput")
    parser.add_argument("--folder", help="an image folder (default: generated digits)")
    parser.add_argument("--design", default="lenet5_relu", help="an example design's name, or a design file")
    parser.add_argument("--per-class", type=int, default=300, help="generated images per class")
    parser.add_argument("--workers", type=int, default=1, help="DataLoader workers of the streaming run")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--epochs", type=int, default=3, help="epochs per run (the first is not counted)")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    design_path = Path(args.design) if args.design.endswith(".json") else paths.examples_dir() / f"{args.design}.json"
    design: Design = load_design(design_path)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(args.folder) if args.folder else write_digit_folder(Path(tmp) / "digits", args.per_class)
        config = TrainConfig(epochs=args.epochs, batch_size=args.batch_size, device="cpu", schedule="constant",
                             loader_workers=args.workers)
        started = time.perf_counter()
        in_memory = load_image_folder(folder, design.input)
        read_s = time.perf_counter() - started
        count = len(in_memory.train_x) + len(in_memory.val_x)
        print(f"{count} images in {folder.name}; design {design.name}; batch {args.batch_size}; "
              f"{training_threads()} CPU thread(s) for training, {args.workers} loader worker(s) for streaming")
        held, streamed = [], []
        for _ in range(args.rounds):
            held.append(samples_per_s(Trainer(design, in_memory, config)))
            streamed.append(samples_per_s(StreamingTrainer(design, str(folder), config)))
            print(f"  round: in memory {held[-1]:,.0f} samples/s, streaming {streamed[-1]:,.0f} samples/s", flush=True)
    for label, pick in (("best", max), ("median", statistics.median)):
        h, s = pick(held), pick(streamed)
        print(f"{label:>6}: in memory {h:,.0f} samples/s, streaming {s:,.0f} samples/s, "
              f"streaming / in memory {s / h:.2f}")
    print(f"the in-memory path read the folder for {read_s:.1f} s before its first step; streaming reads as it trains")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
