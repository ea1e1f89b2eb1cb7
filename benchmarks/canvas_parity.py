"""Parity: does the canvas-to-model path see digits the way the model was trained to?

Each embedded validation digit (28x28, as MNIST stores it) is put onto the drawing canvas
as a picture, upscaled to the canvas's 280x280, and read back exactly as a drawing is:
canvas image -> core/digit.py preprocessing -> the active model, through the Draw panel
itself. The same model also classifies the raw 28x28 digits. The two accuracies should
agree within one point; both are printed.

    .venv/bin/python benchmarks/canvas_parity.py [--count N] [--model M.pt]
"""

from __future__ import annotations

import argparse
import sys
import time

import _bench  # noqa: F401  (first: this checkout on sys.path, Qt offscreen)

import torch
from PySide6.QtWidgets import QApplication

from playground.core.checkpoint import load_checkpoint, load_default_checkpoint
from playground.core.datasets import load_embedded
from playground.core.inspect_model import normalise
from playground.ui.draw.draw_panel import DrawPanel
from playground.ui.state.active_model import ActiveModel, ModelHub


def raw_accuracy(active, images: torch.Tensor, labels: torch.Tensor) -> float:
    with torch.inference_mode():
        logits = active.model(normalise(images.float() / 255.0, active.mean, active.std))
    return float((logits.argmax(1) == labels).float().mean())


def canvas_accuracy(panel: DrawPanel, images: torch.Tensor, labels: torch.Tensor) -> float:
    correct = 0
    for image, label in zip(images, labels):
        panel.canvas.clear()
        panel.canvas.set_picture(image[0].numpy(), "validation digit")  # one undo step; the panel updates at once
        inspection = panel.current_inspection
        correct += int(inspection is not None and inspection.predicted == int(label))
    return correct / len(labels)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000, help="validation digits to use (at most 1000)")
    parser.add_argument("--model", default=None, help="checkpoint (default: the shipped pretrained model)")
    args = parser.parse_args()
    torch.set_num_threads(1)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    checkpoint = load_default_checkpoint() if args.model is None else load_checkpoint(args.model)
    hub = ModelHub()
    hub.set_active(ActiveModel.from_checkpoint(checkpoint, "parity"))
    panel = DrawPanel(hub)
    panel.resize(1200, 700)
    data = load_embedded()
    images, labels = data.val_x[:args.count], data.val_y[:args.count]
    start = time.perf_counter()
    raw = raw_accuracy(hub.active, images, labels)
    through_canvas = canvas_accuracy(panel, images, labels)
    seconds = time.perf_counter() - start
    gap = abs(raw - through_canvas) * 100
    print(f"model: {checkpoint.design.name} ({checkpoint.path.name})")
    print(f"validation digits: {len(labels)}")
    print(f"raw 28x28 digits:         {raw:.2%}")
    print(f"through the canvas path:  {through_canvas:.2%}")
    print(f"gap: {gap:.1f} points ({'within' if gap <= 1.0 else 'NOT within'} one point); {seconds:.1f} s")
    panel.close()
    app.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
