"""Command line: `cnn-playground [gui] | summary | train | classify | export | runs | lessons`.

Each sub-command lives in `playground.commands.<name>` as `run(args) -> int`, imported
only when used, so `summary` never loads Qt. Bad input of any kind ends in one line on
stderr naming what is wrong, and exit status 2.
"""

from __future__ import annotations

import argparse
import importlib
import re
import sys
from typing import Sequence

from playground import __version__
from playground.core.i18n import LANGUAGES, N_, _, set_language
from playground.core.text import display_width
from playground.core.train_options import add_arguments as add_train_options

LANG_HELP = N_("language of the window and the messages: en or zh_CN (default: from LANG)")
# argparse's own words (its section titles, -h's help, its errors) come from its own gettext
# domain, which has no Chinese. The ones people meet are marked here for our catalogue, and
# `_speak_our_language` has argparse look every one of its texts up through our `_`.
ARGPARSE_WORDS = (
    N_("usage: "), N_("positional arguments"), N_("options"), N_("show this help message and exit"),
    N_("show program's version number and exit"), N_("argument %(argument_name)s: %(message)s"),
    N_("the following arguments are required: %s"), N_("unrecognized arguments: %s"), N_("expected one argument"),
    N_("invalid %(type)s value: %(value)r"), N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("ambiguous option: %(option)s could match %(matches)s"))


class UsageError(Exception):
    """Bad input from the person: printed as one line, exit status 2."""


_ATOM = re.compile(r"[\u1100-\uffff]|[^\s\u1100-\uffff]+")  # one CJK character, or a run of anything else but spaces
_NO_LINE_START = set("，。、：；！？）」』】")  # stays at the end of the line before, even one column over


def _wrap_columns(text: str, width: int) -> list[str]:
    """`text` in lines of about `width` terminal columns: a CJK character counts two and may end
    a line anywhere but before closing punctuation, other words stay whole (textwrap counts
    characters, so Chinese help would run twice as wide as the terminal)."""
    lines: list[str] = []
    line = ""
    for match in _ATOM.finditer(text):
        atom = match.group()
        spaced = match.start() > 0 and text[match.start() - 1].isspace() and line
        candidate = line + (" " if spaced else "") + atom
        if line and display_width(candidate) > width and atom not in _NO_LINE_START:
            lines.append(line)
            candidate = atom
        line = candidate
    return lines + [line] if line else lines


class _Formatter(argparse.HelpFormatter):
    """argparse's help layout; text with wide (CJK) characters is wrapped by terminal columns."""

    def _split_lines(self, text: str, width: int) -> list[str]:
        if display_width(text) == len(text):
            return super()._split_lines(text, width)
        return _wrap_columns(" ".join(text.split()), width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if display_width(text) == len(text):
            return super()._fill_text(text, width, indent)
        return "\n".join(indent + line for line in _wrap_columns(" ".join(text.split()), width - len(indent)))


class _Parser(argparse.ArgumentParser):
    """argparse, but its errors are our one-line errors, and its help wraps Chinese by columns."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(message)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="cnn-playground", description=_("Build, train and see convolutional neural networks."))
    parser.add_argument("--version", action="version", version=f"cnn-playground {__version__}")
    parser.add_argument("--screenshot", metavar="PATH", help=_("open the window, save it as a PNG and exit"))
    parser.add_argument("--lang", choices=LANGUAGES, default=None, help=_(LANG_HELP))
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    gui = sub.add_parser("gui", help=_("open the window (the default)"))
    gui.add_argument("design", nargs="?", help=_("a design JSON file to open"))
    gui.add_argument("--screenshot", metavar="PATH", default=argparse.SUPPRESS,
                     help=_("open the window, save it as a PNG and exit"))
    gui.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS, help=_(LANG_HELP))

    summary = sub.add_parser("summary", help=_("per-block shapes, parameters, MACs and receptive fields"))
    summary.add_argument("design", help=_("design JSON file"))
    summary.add_argument("--json", action="store_true", help=_("print machine-readable JSON"))
    summary.add_argument("--classes", type=int, default=None, help=_("warn when the output width differs"))

    export = sub.add_parser("export", help=_("write the design as standalone PyTorch source"))
    export.add_argument("design", help=_("design JSON file"))
    export.add_argument("--to", choices=["py", "onnx", "torchrun"], default="py",
                        help=_("output format (torchrun: a job folder for training on several GPUs or machines)"))
    export.add_argument("-o", "--output", required=True, help=_("file to write (a folder for --to torchrun)"))
    export.add_argument("--nproc-per-node", type=int, default=1, metavar="N",
                        help=_("--to torchrun: processes per machine, one per GPU (default: 1)"))
    export.add_argument("--nnodes", type=int, default=1, metavar="N", help=_("--to torchrun: machines (default: 1)"))

    train = sub.add_parser("train", help=_("train a design and save a checkpoint"))
    train.add_argument("design", help=_("design JSON file"))
    train.add_argument("--dataset", default="embedded",
                       help=_("embedded, mnist, fashionmnist, kmnist, cifar10, or a folder of class subfolders"))
    add_train_options(train)
    train.add_argument("--out", required=True, help=_("checkpoint file to write"))

    import_model = sub.add_parser("import", help=_("turn a PyTorch model into a design (torch.fx tracing)"))
    import_model.add_argument("source", help=_("torchvision:NAME, or module:package.module:ClassOrFactory"))
    import_model.add_argument("-o", "--output", required=True, help=_("design JSON file to write"))
    import_model.add_argument("--input", default=None, metavar="C,H,W",
                              help=_("shape of one input (required for module:, default 3,224,224 for torchvision:)"))
    import_model.add_argument("--weights", default=None, metavar="FILE.pt",
                              help=_("a state_dict (.pt/.pth) to write as a checkpoint of the imported design"))
    import_model.add_argument("--checkpoint", default=None, metavar="OUT.pt",
                              help=_("where --weights' checkpoint goes (default: the design's name with .pt)"))
    import_model.set_defaults(module="import_model")

    classify = sub.add_parser("classify", help=_("classify digit images"))
    classify.add_argument("images", nargs="+", help=_("image files (PNG, JPEG, ...)"))
    classify.add_argument("--model", default=None, help=_("checkpoint (default: the shipped pretrained model)"))

    runs = sub.add_parser("runs", help=_("the run history: every training recorded so far"))
    runs.add_argument("--json", action="store_true", help=_("print machine-readable JSON, with per-epoch metrics"))
    runs.add_argument("--design", metavar="TEXT", help=_("only runs whose name or design name holds TEXT"))
    runs.add_argument("--dataset", metavar="NAME", help=_("only runs on this dataset"))
    runs.add_argument("--status", action="append", choices=["running", "finished", "stopped", "failed", "interrupted"],
                      help=_("only runs with this status (repeat for several)"))
    runs.add_argument("--sort", default="started", choices=["started", "name", "design", "dataset", "status", "epochs",
                                                             "best_val_acc", "params", "macs", "duration"],
                      help=_("what to sort by, biggest (newest) first (default: started)"))
    runs.add_argument("--ascending", action="store_true", help=_("smallest (oldest) first"))
    runs.add_argument("--limit", type=int, default=None, metavar="N", help=_("show the first N only"))
    runs_sub = runs.add_subparsers(dest="runs_command", parser_class=_Parser)
    show = runs_sub.add_parser("show", help=_("everything about one run"))
    show.add_argument("id", help=_("run ID (the first column of `cnn-playground runs`)"))
    show.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help=_("print machine-readable JSON"))
    export_run = runs_sub.add_parser("export", help=_("write one run out for TensorBoard or as CSV files"))
    export_run.add_argument("id", help=_("run ID"))
    export_run.add_argument("--to", choices=["tensorboard", "csv"], required=True, help=_("output format"))
    export_run.add_argument("dir", help=_("folder to write into (the run goes to DIR/run-ID)"))

    # lessons [--json] | lessons start ID -o FILE | lessons check ID DESIGN (playground.commands.lessons)
    lessons = sub.add_parser("lessons", help=_("hands-on lessons: list them, start one, check a design"))
    lessons.add_argument("--json", action="store_true", help=_("list the lessons as JSON"))
    lessons.add_argument("--lang", choices=LANGUAGES, default=None, help=_(LANG_HELP))
    lesson_steps = lessons.add_subparsers(dest="lessons_command", parser_class=_Parser)
    lesson_start = lesson_steps.add_parser("start", help=_("write a lesson's starting design"))
    lesson_start.add_argument("lesson", help=_("lesson id (see: cnn-playground lessons)"))
    lesson_start.add_argument("-o", "--output", required=True, help=_("design JSON file to write"))
    lesson_start.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS, help=_(LANG_HELP))
    lesson_check = lesson_steps.add_parser("check", help=_("check a design: exit 0 solved, 1 not yet"))
    lesson_check.add_argument("lesson", help=_("lesson id"))
    lesson_check.add_argument("design", help=_("design JSON file"))
    lesson_check.add_argument("--trained", action="append", default=[], metavar="M.pt",
                              help=_("a checkpoint as evidence of training (repeatable)"))
    lesson_check.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS, help=_(LANG_HELP))
    _accept_lang_everywhere(sub)
    return parser


def _accept_lang_everywhere(sub: argparse._SubParsersAction) -> None:
    """`cnn-playground summary --lang zh_CN x.json` as well as `cnn-playground --lang zh_CN
    summary x.json`: every sub-command (and theirs) takes --lang; main() applies it."""
    for command in set(sub.choices.values()):
        if not any("--lang" in action.option_strings for action in command._actions):
            command.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS, help=_(LANG_HELP))
        for action in command._actions:
            if isinstance(action, argparse._SubParsersAction):
                _accept_lang_everywhere(action)


def _speak_our_language() -> None:
    """Route argparse's texts through our catalogue (its module-level `_`, argparse's only hook):
    in English they come back unchanged, in Chinese the ARGPARSE_WORDS are translated."""
    argparse._ = _  # type: ignore[attr-defined]


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
        _speak_our_language()
        args = _parser().parse_args(args_list)
        command = args.command or "gui"
        module = importlib.import_module(f"playground.commands.{getattr(args, 'module', command)}")
        return int(module.run(args) or 0)
    except (UsageError, DesignError, WriteError) as exc:
        print(f"cnn-playground: error: {printable(str(exc))}", file=sys.stderr)  # one line, whatever a file held
        return 2
    except KeyboardInterrupt:
        print("cnn-playground: " + _("interrupted"), file=sys.stderr)
        return 130


def gui_main() -> int:
    """Entry point of the windowed launcher."""
    return main(["gui", *sys.argv[1:]])
