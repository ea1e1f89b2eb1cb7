"""`cnn-playground summary DESIGN.json [--json] [--classes N]`: the analysis as a table.

Never imports torch: the numbers come from the closed forms, so it answers in a blink.
Exit status 0, or 1 when the design has errors (they are listed in the output); bad files
and flags end in one line and status 2 (see playground.cli).
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace

from playground.commands.output import write_stdout
from playground.cli import UsageError
from playground.core.analysis import analyze
from playground.core.design import Block, Design, load_design
from playground.core.i18n import ENGLISH, _, current_language, set_language
from playground.core.safe_text import json_text, printable
from playground.core.summary_format import format_summary, summary_dict


def _shown(design: Design) -> Design:
    """The design with its name, description and labels safe for a terminal: an ANSI escape
    or a newline from the file is printed as a visible escape, never acted on."""
    def block(b: Block) -> Block:
        return replace(b, label=printable(b.label) if b.label else b.label,
                       children=tuple(tuple(block(c) for c in child) for child in b.children))
    return replace(design, name=printable(design.name), description=printable(design.description),
                   layers=tuple(block(b) for b in design.layers))


@contextmanager
def _in_english() -> Iterator[None]:
    """Core's messages in English for the while: `--json` is a format that scripts read,
    the same bytes whatever the locale."""
    previous = current_language()
    set_language(ENGLISH)
    try:
        yield
    finally:
        set_language(previous)


def run(args: argparse.Namespace) -> int:
    if args.classes is not None and args.classes < 1:
        raise UsageError(_("--classes expects a positive number of classes, got {classes}").format(
            classes=args.classes))
    design = load_design(args.design)
    if args.json:  # JSON escapes control characters itself; a lone surrogate needs its \u escape
        with _in_english():
            analysis = analyze(design, num_classes=args.classes)
            text = json_text(summary_dict(design, analysis)) + "\n"
        write_stdout(text)
    else:
        design = _shown(design)  # names and labels only: the numbers do not depend on them
        analysis = analyze(design, num_classes=args.classes)
        write_stdout(format_summary(design, analysis))
    return 1 if analysis.errors else 0
