"""Training throughput: our Trainer against a plain hand-written PyTorch loop.

    .venv/bin/python benchmarks/train_throughput.py [--device cpu] [--rounds 5] [--steps 40]

Both train the same design with the same batch size, optimizer (Adam, constant 1e-3) and
device on the embedded digits held as tensors on that device. The plain loop gets the
most favourable form: images already normalised to float, `X[idx]`, forward, loss,
backward, step, nothing else. The Trainer does everything it always does (uint8 -> float
and normalisation per batch, loss/accuracy sums on the device, events, pause/stop checks,
per-step learning rate). Runs alternate (plain, trainer, plain, trainer, ...) so drift in
machine load hits both, and each run times its training steps only, never set-up or
validation. Two clocks: wall time (the Trainer's own epoch clock) and the process's CPU
time (for the Trainer, between its first and last step events), which other programs on
a shared machine inflate much less. Printed per design and batch: samples/s of each (best
and median run) and the ratios trainer / plain (target >= 0.95). A last line measures the
Trainer's fixed cost per step with a model so small that almost nothing else is left
(Flatten + Linear), as microseconds per step above the plain loop. On CUDA both use bf16
autocast.
"""

from __future__ import annotations

import argparse
import statistics
import time
from dataclasses import dataclass

import _bench  # noqa: F401  (first: this checkout on sys.path, Qt offscreen)

import torch
import torch.nn.functional as F

from playground import paths
from playground.core.builder import build_model
from playground.core.datasets import Dataset, load_embedded
from playground.core.design import Design, design_from_dict, load_design
from playground.core.devices import describe, limit_cpu_threads, resolve_device
from playground.core.events import EpochEvent, Event, FailedEvent, StepEvent
from playground.core.trainer import TrainConfig, Trainer

DESIGNS = ("lenet5", "resnet_mini")
BATCHES = (64, 256)
TINY = {"format": "cnn-playground.design", "version": 1, "name": "tiny", "input": [1, 28, 28],
        "layers": [{"type": "Flatten"}, {"type": "Linear", "out_features": 10}]}


def sync(device: torch.device) -> None:
    if device.type == "cuda":
        torch.cuda.synchronize(device)
    elif device.type == "mps":
        torch.mps.synchronize()


@dataclass(frozen=True)
class Speed:
    wall: float  # samples per wall-clock second
    cpu: float  # samples per CPU second of this process


def plain_loop(design: Design, data: Dataset, batch: int, steps: int, device: torch.device) -> Speed:
    """Samples per second of the simplest correct loop."""
    torch.manual_seed(0)
    model = build_model(design).to(device).train()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    mean, std = data.normalization()
    images = (data.train_x.float() / 255 - mean) / std
    labels = data.train_y
    amp = device.type == "cuda" and torch.cuda.is_bf16_supported()
    sync(device)
    start, cpu_start = time.perf_counter(), time.process_time()
    order = torch.randperm(len(images), device=device)
    for i in range(steps):
        idx = order[i * batch:(i + 1) * batch]
        with torch.autocast(device.type, dtype=torch.bfloat16, enabled=amp):
            logits = model(images[idx])
        loss = F.cross_entropy(logits.float(), labels[idx])
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        optimizer.step()
    sync(device)
    samples = steps * batch
    return Speed(samples / (time.perf_counter() - start), samples / (time.process_time() - cpu_start))


def our_trainer(design: Design, data: Dataset, batch: int, threads: int | None, device: torch.device) -> Speed:
    """Samples per second of the Trainer's one training epoch."""
    epochs: list[EpochEvent] = []
    cpu_at_step: list[tuple[int, float]] = []  # (step, process CPU seconds) at each StepEvent

    def keep(event: Event) -> None:
        if isinstance(event, StepEvent):
            cpu_at_step.append((event.step, time.process_time()))
        elif isinstance(event, EpochEvent):
            epochs.append(event)

    config = TrainConfig(optimizer="adam", lr=1e-3, schedule="constant", batch_size=batch, epochs=1, seed=0,
                         device=str(device), cpu_threads=threads)
    # Step events every 20 ms (default 200 ms) so the CPU clock has a window on short runs;
    # on the CPU a read costs microseconds, a few dozen times a second.
    result = Trainer(design, data, config, keep, report_every_s=0.02).run()
    if isinstance(result, FailedEvent):
        raise SystemExit(f"trainer failed: {result.message}")
    (first_step, first_cpu), (last_step, last_cpu) = cpu_at_step[0], cpu_at_step[-1]
    cpu = (last_step - first_step) * batch / (last_cpu - first_cpu) if last_step > first_step else float("nan")
    return Speed(epochs[0].samples_per_s, cpu)


def main() -> int:
    parser = argparse.ArgumentParser(description="Trainer vs plain loop throughput")
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--steps", type=int, default=30, help="training steps per run")
    parser.add_argument("--threads", type=int, default=None, help="CPU threads (default: cores - 1)")
    args = parser.parse_args()

    device = resolve_device(args.device)
    threads = limit_cpu_threads(args.threads) if device.type == "cpu" else None
    print(f"device: {describe(device)}; torch {torch.__version__}; {args.rounds} interleaved rounds of "
          f"{args.steps} steps")
    print("samples/s of the plain loop, of the trainer, and trainer / plain")
    print(f"{'design':<12} {'batch':>5} | {'best CPU time':^21} | {'median CPU time':^21} | {'best wall':^21} | "
          f"{'median wall':^21}")
    all_data = load_embedded()
    for name in DESIGNS:
        design = load_design(paths.examples_dir() / f"{name}.json")
        for batch in BATCHES:
            plain, ours = compare(design, all_data, batch, args.steps, args.rounds, threads, device)
            columns = []
            for clock in ("cpu", "wall"):
                p, o = [getattr(s, clock) for s in plain], [getattr(s, clock) for s in ours]
                for pick in (max, statistics.median):
                    columns.append(f"{pick(p):>7,.0f} {pick(o):>7,.0f} {pick(o) / pick(p):>5.3f}")
            print(f"{name:<12} {batch:>5} | " + " | ".join(columns), flush=True)
    batch = 64
    plain, ours = compare(design_from_dict(TINY), all_data, batch, 140, args.rounds, threads, device)
    clock = "cpu" if device.type == "cpu" else "wall"
    p, o = max(getattr(s, clock) for s in plain), max(getattr(s, clock) for s in ours)
    print(f"fixed cost of the trainer: {1e6 * batch * (1 / o - 1 / p):+.0f} us per step "
          f"(Flatten + Linear at batch {batch}: plain {1e6 * batch / p:.0f} us, trainer {1e6 * batch / o:.0f} us "
          f"per step, best {clock} time)")
    return 0


def compare(design: Design, all_data: Dataset, batch: int, steps: int, rounds: int, threads: int | None,
            device: torch.device) -> tuple[list[Speed], list[Speed]]:
    """Alternating runs of both on exactly `steps` batches (plus one untimed validation batch)."""
    steps = min(steps, len(all_data.train_x) // batch)
    data = all_data.subset(steps * batch, batch).to(device)
    plain_loop(design, data, batch, 2, device)  # warm-up: allocator, kernels, thread pool
    our_trainer(design, data.subset(2 * batch, batch), batch, threads, device)
    plain, ours = [], []
    for _ in range(rounds):
        plain.append(plain_loop(design, data, batch, steps, device))
        ours.append(our_trainer(design, data, batch, threads, device))
    return plain, ours


if __name__ == "__main__":
    raise SystemExit(main())
