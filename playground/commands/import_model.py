"""`cnn-playground import SOURCE -o DESIGN.json [--input C,H,W] [--weights FILE.pt]`.

SOURCE is `torchvision:NAME` (a torchvision classifier, e.g. torchvision:mobilenet_v2) or
`module:package.module:ClassOrFactory` (any importable nn.Module, built without
arguments; --input gives the shape of one input). The model is traced with torch.fx into
a design (see playground.core.importer). With --weights, a state_dict file (read with
weights_only) becomes a checkpoint of the imported design, next to it as DESIGN.pt or at
--checkpoint. Anything that cannot become a block ends in one line naming it, exit
status 2, and no file written.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from playground.cli import UsageError
from playground.core.fileio import check_writable
from playground.core.i18n import _
from playground.core.importer import ImportFailure, checkpoint_dataset, import_module, load_source, load_state_dict
from playground.core.text import format_int


def run(args: argparse.Namespace) -> int:
    try:
        source = load_source(args.source, args.input)
        imported = import_module(source.model, source.input_shape, source.name)
        checkpoint = None
        if args.weights:
            checkpoint = Path(args.checkpoint) if args.checkpoint else Path(args.output).with_suffix(".pt")
            weights = imported.state_dict(load_state_dict(args.weights))
    except ImportFailure as exc:
        raise UsageError(str(exc)) from None
    from playground.core.analysis import analyze
    from playground.core.design import save_design

    analysis = analyze(imported.design)
    check_writable(args.output)
    if checkpoint is not None:
        from playground.core.checkpoint import CheckpointError, save_checkpoint

        check_writable(checkpoint)
        assert analysis.output_shape is not None
        try:
            dataset = checkpoint_dataset(source, imported.design, analysis.output_shape)
            save_checkpoint(checkpoint, imported.design, weights, {"imported_from": args.source,
                                                                   "weights": str(args.weights)}, {}, dataset)
        except (ImportFailure, CheckpointError) as exc:
            raise UsageError(str(exc)) from None
    save_design(imported.design, args.output)
    print(_("wrote {path}: {name}, {params} parameters, {macs} MACs per sample").format(
        path=args.output, name=source.name, params=format_int(analysis.total_params),
        macs=format_int(analysis.total_macs)))
    if checkpoint is not None:
        print(_("wrote {path}: its weights from {weights}").format(path=checkpoint, weights=args.weights))
    return 0
