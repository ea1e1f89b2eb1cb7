"""`cnn-playground export DESIGN.json --to py|onnx -o FILE`: the design outside the app.

`py` writes a standalone PyTorch module (see playground.core.export); `onnx` needs the
onnx package. The file is written atomically: never half a file.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from playground.cli import UsageError
from playground.core.design import load_design
from playground.core.export import ExportError, write_onnx, write_source


def run(args: argparse.Namespace) -> int:
    design = load_design(args.design)
    if args.to == "py":
        write_source(design, args.output, source_name=Path(args.design).name)
    else:
        try:
            write_onnx(design, args.output)
        except ExportError as exc:
            raise UsageError(str(exc)) from None
    print(f"wrote {args.output}")
    return 0
