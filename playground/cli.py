"""Command line: `cnn-playground [gui] | summary | train | classify | export | runs | lessons`.

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
from playground.core.i18n import LANGUAGES, set_language
from playground.core.train_options import add_arguments as add_train_options

LANG_HELP = "language of the window and the messages: en or zh_CN (default: from LANG)"


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
    parser.add_argument("--lang", choices=LANGUAGES, default=None, help=LANG_HELP)
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    gui = sub.add_parser("gui", help="open the window (the default)")
    gui.add_argument("design", nargs="?", help="a design JSON file to open")
    gui.add_argument("--screenshot", metavar="PATH", default=argparse.SUPPRESS,
                     help="open the window, save it as a PNG and exit")
    gui.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS, help=LANG_HELP)

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

    import_model = sub.add_parser("import", help="turn a PyTorch model into a design (torch.fx tracing)")
    import_model.add_argument("source", help="torchvision:NAME, or module:package.module:ClassOrFactory")
    import_model.add_argument("-o", "--output", required=True, help="design JSON file to write")
    import_model.add_argument("--input", default=None, metavar="C,H,W",
                              help="shape of one input (required for module:, default 3,224,224 for torchvision:)")
    import_model.add_argument("--weights", default=None, metavar="FILE.pt",
                              help="a state_dict (.pt/.pth) to write as a checkpoint of the imported design")
    import_model.add_argument("--checkpoint", default=None, metavar="OUT.pt",
                              help="where --weights' checkpoint goes (default: the design's name with .pt)")
    import_model.set_defaults(module="import_model")

    classify = sub.add_parser("classify", help="classify digit images")
    classify.add_argument("images", nargs="+", help="image files (PNG, JPEG, ...)")
    classify.add_argument("--model", default=None, help="checkpoint (default: the shipped pretrained model)")

    runs = sub.add_parser("runs", help="the run history: every training recorded so far")
    runs.add_argument("--json", action="store_true", help="print machine-readable JSON, with per-epoch metrics")
    runs.add_argument("--design", metavar="TEXT", help="only runs whose name or design name holds TEXT")
    runs.add_argument("--dataset", metavar="NAME", help="only runs on this dataset")
    runs.add_argument("--status", action="append", choices=["running", "finished", "stopped", "failed", "interrupted"],
                      help="only runs with this status (repeat for several)")
    runs.add_argument("--sort", default="started", choices=["started", "name", "design", "dataset", "status", "epochs",
                                                             "best_val_acc", "params", "macs", "duration"],
                      help="what to sort by, biggest (newest) first (default: started)")
    runs.add_argument("--ascending", action="store_true", help="smallest (oldest) first")
    runs.add_argument("--limit", type=int, default=None, metavar="N", help="show the first N only")
    runs_sub = runs.add_subparsers(dest="runs_command", parser_class=_Parser)
    show = runs_sub.add_parser("show", help="everything about one run")
    show.add_argument("id", help="run ID (the first column of `cnn-playground runs`)")
    show.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="print machine-readable JSON")
    export_run = runs_sub.add_parser("export", help="write one run out for TensorBoard or as CSV files")
    export_run.add_argument("id", help="run ID")
    export_run.add_argument("--to", choices=["tensorboard", "csv"], required=True, help="output format")
    export_run.add_argument("dir", help="folder to write into (the run goes to DIR/run-ID)")

    # lessons [--json] | lessons start ID -o FILE | lessons check ID DESIGN (playground.commands.lessons)
    lessons = sub.add_parser("lessons", help="hands-on lessons: list them, start one, check a design")
    lessons.add_argument("--json", action="store_true", help="list the lessons as JSON")
    lessons.add_argument("--lang", choices=LANGUAGES, default=None, help=LANG_HELP)
    lesson_steps = lessons.add_subparsers(dest="lessons_command", parser_class=_Parser)
    lesson_start = lesson_steps.add_parser("start", help="write a lesson's starting design")
    lesson_start.add_argument("lesson", help="lesson id (see: cnn-playground lessons)")
    lesson_start.add_argument("-o", "--output", required=True, help="design JSON file to write")
    lesson_start.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS, help=LANG_HELP)
    lesson_check = lesson_steps.add_parser("check", help="check a design: exit 0 solved, 1 not yet")
    lesson_check.add_argument("lesson", help="lesson id")
    lesson_check.add_argument("design", help="design JSON file")
    lesson_check.add_argument("--trained", action="append", default=[], metavar="M.pt",
                              help="a checkpoint as evidence of training (repeatable)")
    lesson_check.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS, help=LANG_HELP)
    _accept_lang_everywhere(sub)
    return parser


def _accept_lang_everywhere(sub: argparse._SubParsersAction) -> None:
    """`cnn-playground summary --lang zh_CN x.json` as well as `cnn-playground --lang zh_CN
    summary x.json`: every sub-command (and theirs) takes --lang; main() applies it."""
    for command in set(sub.choices.values()):
        if not any("--lang" in action.option_strings for action in command._actions):
            command.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS, help=LANG_HELP)
        for action in command._actions:
            if isinstance(action, argparse._SubParsersAction):
                _accept_lang_everywhere(action)


def _requested_language(args_list: list[str]) -> str | None:
    """`--lang` wherever it stands on the line (None: the environment decides)."""
    early = _Parser(add_help=False)
    early.add_argument("--lang", choices=LANGUAGES, default=None)
    return early.parse_known_args(args_list)[0].lang


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit status."""
    from playground.core.design import DesignError
    from playground.core.fileio import WriteError
    from playground.core.safe_text import printable

    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        set_language(_requested_language(args_list))  # first: the help and every message follow it
        args = _parser().parse_args(args_list)
        command = args.command or "gui"
        module = importlib.import_module(f"playground.commands.{getattr(args, 'module', command)}")
        return int(module.run(args) or 0)
    except (UsageError, DesignError, WriteError) as exc:
        print(f"cnn-playground: error: {printable(str(exc))}", file=sys.stderr)  # one line, whatever a file held
        return 2
    except KeyboardInterrupt:
        print("cnn-playground: interrupted", file=sys.stderr)
        return 130


def gui_main() -> int:
    """Entry point of the windowed launcher."""
    return main(["gui", *sys.argv[1:]])
