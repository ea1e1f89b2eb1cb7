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
from playground.core.train_options import add_arguments as add_train_options


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
    export.add_argument("--to", choices=["py", "onnx", "torchrun"], default="py",
                        help="output format (torchrun: a job folder for training on several GPUs or machines)")
    export.add_argument("-o", "--output", required=True, help="file to write (a folder for --to torchrun)")
    export.add_argument("--nproc-per-node", type=int, default=1, metavar="N",
                        help="--to torchrun: processes per machine, one per GPU (default: 1)")
    export.add_argument("--nnodes", type=int, default=1, metavar="N", help="--to torchrun: machines (default: 1)")

    train = sub.add_parser("train", help="train a design and save a checkpoint")
    train.add_argument("design", help="design JSON file")
    train.add_argument("--dataset", default="embedded",
                       help="embedded, mnist, fashionmnist, kmnist, cifar10, or a folder of class subfolders")
    add_train_options(train)
    train.add_argument("--out", required=True, help="checkpoint file to write")

    classify = sub.add_parser("classify", help="classify digit images")
    classify.add_argument("images", nargs="+", help="image files (PNG, JPEG, ...)")
    classify.add_argument("--model", default=None, help="checkpoint (default: the shipped pretrained model)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit status."""
    from playground.core.design import DesignError
    from playground.core.fileio import WriteError

    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        args = _parser().parse_args(args_list)
        command = args.command or "gui"
        module = importlib.import_module(f"playground.commands.{command}")
        return int(module.run(args) or 0)
    except (UsageError, DesignError, WriteError) as exc:
        print(f"cnn-playground: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("cnn-playground: interrupted", file=sys.stderr)
        return 130


def gui_main() -> int:
    """Entry point of the windowed launcher."""
    return main(["gui", *sys.argv[1:]])
