"""`cnn-playground [gui] [DESIGN.json] [--screenshot PATH]`: the window.

`--screenshot` is accepted both before the sub-command (`cnn-playground --screenshot X`)
and after it (`cnn-playground gui --screenshot X`); either way the window is rendered to
a PNG and the command exits 0 without entering the event loop.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from playground.cli import UsageError
from playground.core.design import load_design


def run(args: argparse.Namespace) -> int:
    design = getattr(args, "design", None)
    screenshot = getattr(args, "screenshot", None)
    if design:
        load_design(design)  # a missing or bad file is one line and status 2, before any window opens
    if screenshot:
        target = Path(screenshot)
        if not target.parent.is_dir():
            raise UsageError(f"{screenshot}: the folder {target.parent} does not exist")
        from playground.ui.shell.app import save_screenshot
        try:
            save_screenshot(target, design)
        except OSError as exc:
            raise UsageError(str(exc)) from None
        print(f"wrote {target}")
        return 0
    from playground.ui.shell.app import run_gui
    return run_gui(design)
