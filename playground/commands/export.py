"""`cnn-playground export DESIGN.json --to py|onnx|torchrun -o FILE`: the design outside the app.

`py` writes a standalone PyTorch module (see playground.core.export); `onnx` needs the
onnx package; `torchrun` writes a job folder (design, launch script, README; see
playground.core.torchrun_job) for `--nnodes` machines of `--nproc-per-node` processes.
Files are written atomically: never half a file.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from playground.cli import UsageError
from playground.core.design import Design, load_design
from playground.core.export import ExportError, write_onnx, write_source
from playground.core.i18n import _
from playground.core.torchrun_job import LAUNCH_FILE, torchrun_command, write_job
from playground.core.train_options import TrainConfig


def run(args: argparse.Namespace) -> int:
    design = load_design(args.design)
    if args.to == "torchrun":
        return _torchrun_job(design, args)
    if args.to == "py":
        write_source(design, args.output, source_name=Path(args.design).name)
    else:
        try:
            write_onnx(design, args.output)
        except ExportError as exc:
            raise UsageError(str(exc)) from None
    print(_("wrote {path}").format(path=args.output))
    return 0


def _torchrun_job(design: Design, args: argparse.Namespace) -> int:
    for flag, value in (("--nproc-per-node", args.nproc_per_node), ("--nnodes", args.nnodes)):
        if value < 1:
            raise UsageError(_("{flag}: expected a positive number, got {value}").format(flag=flag, value=value))
    config = TrainConfig()
    write_job(design, args.output, config, args.nproc_per_node, args.nnodes)
    folder = Path(args.output)
    print(_("wrote {folder}/ ({files}); run {launch}, which runs:").format(
        folder=folder, files=f"design.json, {LAUNCH_FILE}, README.txt", launch=folder / LAUNCH_FILE))
    print(f"  {torchrun_command('design.json', config, args.nproc_per_node, args.nnodes)}")
    return 0
