"""`cnn-playground classify [--model M.pt] IMAGE ...`: the digit in each image and its probability.

Images go through `core/digit.py`, the same preprocessing as the drawing canvas (crop to
the ink, longer side to 20 px, centred by mass in 28x28; either polarity), so a file
and a drawing of the same digit get the same answer. Every image is read before any is
classified: a bad file stops the run with one line naming it and nothing half printed.
"""

from __future__ import annotations

import argparse

import torch

from playground.cli import UsageError
from playground.core.checkpoint import Checkpoint, CheckpointError, load_checkpoint, load_default_checkpoint
from playground.core.digit import DigitImageError, DigitPreprocessor, load_image
from playground.core.i18n import _
from playground.core.inspect_model import fit_input, inspect
from playground.core.safe_text import printable


def _model(path: str | None) -> Checkpoint:
    try:
        return load_default_checkpoint() if path is None else load_checkpoint(path)
    except CheckpointError as exc:
        raise UsageError(str(exc)) from None


def run(args: argparse.Namespace) -> int:
    torch.set_num_threads(1)  # one small image at a time: threads only add start-up cost
    checkpoint = _model(args.model)
    preprocess = DigitPreprocessor()
    digits: list[tuple[str, torch.Tensor | None]] = []
    for name in args.images:
        try:
            digits.append((name, preprocess(load_image(name))))
        except DigitImageError as exc:
            raise UsageError(str(exc)) from None
        except ValueError as exc:
            raise UsageError(f"{name}: {exc}") from None
    model = checkpoint.build_model()
    info = checkpoint.dataset
    names = list(info.class_names)
    for name, digit in digits:
        if digit is None:
            print(_("{file}: no digit (the image is blank)").format(file=printable(name)))
            continue
        result = inspect(model, fit_input(digit, checkpoint.design.input), info.mean, info.std)
        winner = result.predicted
        label = names[winner] if winner < len(names) else str(winner)
        print(f"{printable(name)}: {printable(label)} ({float(result.probabilities[winner]):.1%})")
    return 0
