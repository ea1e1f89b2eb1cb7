"""Command line: `cnn-playground [gui] | summary | train | classify | export`.

Each sub-command lives in `playground.commands.<name>` as `run(args) -> int`, imported
only when used, so `summary` never loads Qt. Bad input of any kind ends in one line on
stderr naming what is wrong, and exit status 2.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from typing import Sequence

from playground import __version__


class UsageError(Exception):
    """Bad input from the person: printed as one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    """argparse, but its errors are our one-line errors."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(message)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="cnn-playground", description="Build, train and see convolutional neural networks.")
    parser.add_argument("--version", action="version", version=f"cnn-playground {__version__}")
    parser.add_argument("--screenshot", metavar="PATH", help="open the window, save it as a PNG and exit")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    gui = sub.add_parser("gui", help="open the window (the default)")
    gui.add_argument("design", nargs="?", help="a design JSON file to open")
    gui.add_argument("--screenshot", metavar="PATH", default=argparse.SUPPRESS,
                     help="open the window, save it as a PNG and exit")

    summary = sub.add_parser("summary", help="per-block shapes, parameters, MACs and receptive fields")
    summary.add_argument("design", help="design JSON file")
    summary.add_argument("--json", action="store_true", help="print machine-readable JSON")
    summary.add_argument("--classes", type=int, default=None, help="warn when the output width differs")

    export = sub.add_parser("export", help="write the design as standalone PyTorch source")
    export.add_argument("design", help="design JSON file")
    export.add_argument("--to", choices=["py", "onnx"], default="py", help="output format")
    export.add_argument("-o", "--output", required=True, help="file to write")

    train = sub.add_parser("train", help="train a design and save a checkpoint")
    train.add_argument("design", help="design JSON file")
    train.add_argument("--dataset", default="embedded",
                       help="embedded, mnist, fashionmnist, kmnist, cifar10, or a folder of class subfolders")
    train.add_argument("--epochs", type=int, default=3)
    train.add_argument("--batch-size", type=int, default=64)
    train.add_argument("--lr", type=float, default=None,
                       help="learning rate, the peak under onecycle (default: 3e-3 for adam/adamw, 0.05 for sgd)")
    train.add_argument("--optimizer", choices=["adam", "adamw", "sgd"], default="adam")
    train.add_argument("--schedule", choices=["constant", "cosine", "onecycle"], default="onecycle")
    train.add_argument("--weight-decay", type=float, default=0.0)
    train.add_argument("--label-smoothing", type=float, default=0.0)
    train.add_argument("--augment", type=int, default=0, metavar="PIXELS", help="random shifts of up to N pixels")
    train.add_argument("--rotate", type=float, default=0.0, metavar="DEGREES", help="random rotations of up to N degrees")
    train.add_argument("--seed", type=int, default=0)
    train.add_argument("--device", default="auto", help="auto, cpu, cuda, cuda:N or mps")
    train.add_argument("--download", action="store_true", help="download a torchvision dataset if missing")
    train.add_argument("--max-train-samples", type=int, default=None, metavar="N", help="train on the first N only")
    train.add_argument("--max-val-samples", type=int, default=None, metavar="N", help="validate on the first N only")
    train.add_argument("--out", required=True, help="checkpoint file to write")

    classify = sub.add_parser("classify", help="classify digit images")
    classify.add_argument("images", nargs="+", help="image files (PNG, JPEG, ...)")
    classify.add_argument("--model", default=None, help="checkpoint (default: the shipped pretrained model)")

    # lessons [--json] | lessons start ID -o FILE | lessons check ID DESIGN (playground.commands.lessons)
    langs = ("en", "zh_CN")
    lang_help = "language of the texts: en or zh_CN (default: from LANG)"
    lessons = sub.add_parser("lessons", help="hands-on lessons: list them, start one, check a design")
    lessons.add_argument("--json", action="store_true", help="list the lessons as JSON")
    lessons.add_argument("--lang", choices=langs, default=None, help=lang_help)
    lesson_steps = lessons.add_subparsers(dest="lessons_command")
    lesson_start = lesson_steps.add_parser("start", help="write a lesson's starting design")
    lesson_start.add_argument("lesson", help="lesson id (see: cnn-playground lessons)")
    lesson_start.add_argument("-o", "--output", required=True, help="design JSON file to write")
    lesson_start.add_argument("--lang", choices=langs, default=argparse.SUPPRESS, help=lang_help)
    lesson_check = lesson_steps.add_parser("check", help="check a design: exit 0 solved, 1 not yet")
    lesson_check.add_argument("lesson", help="lesson id")
    lesson_check.add_argument("design", help="design JSON file")
    lesson_check.add_argument("--trained", action="append", default=[], metavar="M.pt",
                              help="a checkpoint as evidence of training (repeatable)")
    lesson_check.add_argument("--lang", choices=langs, default=argparse.SUPPRESS, help=lang_help)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit status."""
    from playground.core.design import DesignError

    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        args = _parser().parse_args(args_list)
        command = args.command or "gui"
        module = importlib.import_module(f"playground.commands.{command}")
        return int(module.run(args) or 0)
    except (UsageError, DesignError) as exc:
        print(f"cnn-playground: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("cnn-playground: interrupted", file=sys.stderr)
        return 130


def gui_main() -> int:
    """Entry point of the windowed launcher."""
    return main(["gui", *sys.argv[1:]])
