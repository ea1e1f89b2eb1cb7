"""`cnn-playground [gui] [DESIGN.json] [--screenshot PATH] [--lang en|zh_CN]`: the window.

`--screenshot` and `--lang` are accepted both before the sub-command (`cnn-playground
--screenshot X`) and after it (`cnn-playground gui --screenshot X`). With --screenshot the
window is rendered to a PNG and the command exits 0 without entering the event loop.
Without --lang the window speaks the language chosen last time in View ▸ Language, else
the system's (LANG); the screenshot uses the system's.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from playground.cli import UsageError
from playground.core.design import load_design
from playground.core.i18n import _


def run(args: argparse.Namespace) -> int:
    design = getattr(args, "design", None)
    screenshot = getattr(args, "screenshot", None)
    language = getattr(args, "lang", None)
    if design:
        load_design(design)  # a missing or bad file is one line and status 2, before any window opens
    if screenshot:
        target = Path(screenshot)
        if not target.parent.is_dir():
            raise UsageError(_("{path}: the folder {folder} does not exist").format(path=screenshot, folder=target.parent))
        from playground.ui.shell.app import save_screenshot
        try:
            save_screenshot(target, design, language=language)
        except OSError as exc:
            raise UsageError(str(exc)) from None
        print(_("wrote {path}").format(path=target))
        return 0
    from playground.ui.shell.app import run_gui
    return run_gui(design, language=language)
