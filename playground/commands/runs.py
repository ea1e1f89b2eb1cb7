"""`cnn-playground runs [--json]`, `runs show ID`, `runs export ID --to tensorboard|csv DIR`.

The run history (playground.core.runs) as a table, one run in full, or one run written
out for TensorBoard or a spreadsheet. Names and notes come from design files anyone may
have written, so every text from the database is printed with control characters
escaped: a name cannot move the cursor, recolour the terminal or reorder the line.
Reading never creates the database. Bad IDs and flags: one line, exit status 2.
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from datetime import datetime

from playground.commands.output import write_stdout
from playground.cli import UsageError
from playground.core.run_export import (
    RunExportError, epoch_to_dict, export_csv, export_tensorboard, run_to_dict, summary_to_dict)
from playground.core.runs import Run, RunFilter, RunNotFound, RunStore, RunStoreError, RunSummary, default_path
from playground.core.text import format_count, format_int

NAME_WIDTH = 28
_UNSAFE = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}  # controls, format (bidi), unassigned, line breaks


def safe(text: object) -> str:
    """`text` with every character that could act on a terminal written as an escape."""
    out = []
    for ch in str(text):
        if unicodedata.category(ch) in _UNSAFE:
            code = ord(ch)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}")
        else:
            out.append(ch)
    return "".join(out)


def safe_json(value: object) -> str:
    """Pretty JSON in which such characters are \\u escapes (still valid JSON: outside
    strings json.dumps writes only spaces and newlines)."""
    text = json.dumps(value, indent=2, ensure_ascii=False)
    out = []
    for ch in text:
        if ch != "\n" and unicodedata.category(ch) in _UNSAFE:
            code = ord(ch)
            if code >= 0x10000:
                code -= 0x10000
                out.append(f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}")
            else:
                out.append(f"\\u{code:04x}")
        else:
            out.append(ch)
    return "".join(out)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 0 if unicodedata.combining(ch) else 1
               for ch in text)


def _fit(text: str, width: int) -> str:
    """Cut to `width` terminal columns (with an ellipsis) and pad."""
    if _width(text) > width:
        while _width(text) > width - 1:
            text = text[:-1]
        text += "…"
    return text + " " * (width - _width(text))


def _rjust(text: str, width: int) -> str:
    text = _fit(text, width).rstrip()
    return " " * (width - _width(text)) + text


def _local_time(seconds: float | None) -> str:
    return datetime.fromtimestamp(seconds).strftime("%Y-%m-%d %H:%M") if seconds is not None else "—"


def _percent(value: float | None) -> str:
    return f"{value:.2%}" if value is not None else "—"


def _count(value: int | None) -> str:
    return format_count(value) if value is not None else "—"


def _open_store() -> RunStore | None:
    """The user's run history, or None when there is none yet (reading creates nothing)."""
    if not default_path().exists():
        return None
    try:
        store = RunStore()
    except RunStoreError as exc:
        raise UsageError(str(exc)) from None
    if store.damaged is not None:
        print(f"cnn-playground: {safe(store.damaged.message())}", file=sys.stderr)
    return store


def _run_id(text: str) -> int:
    if not (text.isascii() and text.isdigit() and int(text) >= 1):
        raise UsageError(f"run ID: expected a number such as 12 (see `cnn-playground runs`), got {safe(repr(text))}")
    return int(text)


def _get(run_id: int) -> Run:
    store = _open_store()
    if store is None:
        raise UsageError(f"no run {run_id}: the run history {safe(default_path())} is empty")
    try:
        with store:
            return store.get(run_id)
    except RunNotFound:
        raise UsageError(f"no run {run_id} in the run history (see `cnn-playground runs`)") from None


# ------------------------------------------------------------ runs (the table)

def _filters(args: argparse.Namespace) -> RunFilter:
    return RunFilter(text=args.design or "", dataset=args.dataset, statuses=tuple(args.status or ()))


def _table(runs: list[RunSummary]) -> str:
    header = ["ID", "started", _fit("name", NAME_WIDTH), "dataset", "status", "epochs", "best val", "params", "MACs"]
    rows = []
    for r in runs:
        planned = r.epochs_planned
        rows.append([str(r.id), _local_time(r.started_at), _fit(safe(r.name), NAME_WIDTH), safe(r.dataset), safe(r.status),
                     f"{r.epochs_done}/{planned}" if planned else str(r.epochs_done), _percent(r.best_val_acc),
                     _count(r.params), _count(r.macs)])
    widths = [max(_width(row[i]) for row in [header, *rows]) for i in range(len(header))]
    right = {0, 5, 6, 7, 8}
    lines = ["  ".join(cell.rjust(w) if i in right else cell + " " * (w - _width(cell))
                       for i, (cell, w) in enumerate(zip(row, widths))).rstrip() for row in [header, *rows]]
    return "\n".join(lines) + "\n"


def _list(args: argparse.Namespace) -> int:
    if args.limit is not None and args.limit < 1:
        raise UsageError(f"--limit expects a positive number of runs, got {args.limit}")
    store = _open_store()
    filters = _filters(args)
    if store is None:
        runs: list[RunSummary] = []
        total = 0
        histories: dict[int, list] = {}
    else:
        with store:
            runs = store.list(filters, sort=args.sort, descending=not args.ascending, limit=args.limit)
            total = store.count(filters)
            histories = store.histories(r.id for r in runs) if args.json else {}
    if args.json:
        write_stdout(safe_json({"database": str(default_path()), "total": total,
                          "runs": [summary_to_dict(r, histories.get(r.id, [])) for r in runs]}) + "\n")
        return 0
    if not runs:
        if filters != RunFilter() and store is not None:
            write_stdout("no runs match\n")
        else:
            write_stdout(f"no runs yet; `cnn-playground train` records them into {safe(default_path())}\n")
        return 0
    write_stdout(_table(runs))
    if total > len(runs):
        write_stdout(f"({len(runs)} of {total} runs; --limit shows more)\n")
    return 0


# ------------------------------------------------------------ runs show ID

def _show_text(run: Run) -> str:
    s = run.summary
    took = f", took {s.duration_s:.1f} s" if s.duration_s is not None else ""
    lines = [f"run {s.id}: {safe(s.name)} [{safe(s.status)}]",
             f"started     {_local_time(s.started_at)}{took}",
             f"design      {safe(s.design_name)}: {format_int(s.params) if s.params is not None else '—'} params, "
             f"{_count(s.macs)} MACs",
             f"dataset     {safe(s.dataset)}",
             f"device      {safe(s.device) or '—'}",
             "settings    " + ", ".join(f"{safe(k)} {safe(v)}" for k, v in sorted(s.settings.items())),
             f"accuracy    best {_percent(s.best_val_acc)}, last {_percent(s.last_val_acc)} (validation)"]
    if s.checkpoint_path:
        lines.append(f"checkpoint  {safe(s.checkpoint_path)}")
    if s.note:
        lines.append(f"note        {safe(s.note)}")
    if s.message:
        lines.append(f"message     {safe(s.message)}")
    if run.epochs:
        lines += ["", "epoch  train loss  train acc  val loss  val acc        lr   time"]
        for r in run.epochs:
            d = epoch_to_dict(r)
            lr = f"{d['lr']:.2e}" if d["lr"] is not None else "—"
            secs = f"{d['duration_s']:.1f} s" if d["duration_s"] is not None else "—"
            lines.append(f"{r.epoch:5d}  {_num(r.train_loss):>10}  {_percent(r.train_acc):>9}  {_num(r.val_loss):>8}  "
                         f"{_percent(r.val_acc):>7}  {lr:>8}  {secs:>5}")
    if run.steps:
        lines.append(f"\nloss curve  {len(run.steps)} points over {format_int(run.steps[-1].step)} steps, "
                     f"last {run.steps[-1].loss:.4f}")
    if run.confusion:
        names = [safe(n) for n in (run.class_names or [str(i) for i in range(len(run.confusion))])]
        width = max([len(str(v)) for row in run.confusion for v in row] + [_width(n) for n in names])
        label = max(_width(n) for n in names)
        lines += ["", "confusion matrix (rows: true class, columns: predicted)",
                  " " * label + "  " + " ".join(_rjust(n, width) for n in names)]
        for name, row in zip(names, run.confusion):
            lines.append(_fit(name, label) + "  " + " ".join(str(v).rjust(width) for v in row))
    return "\n".join(lines) + "\n"


def _num(value: float | None) -> str:
    return f"{value:.4f}" if value is not None else "—"


def _show(args: argparse.Namespace) -> int:
    run = _get(_run_id(args.id))
    write_stdout(safe_json(run_to_dict(run)) + "\n" if args.json else _show_text(run))
    return 0


# ------------------------------------------------------------ runs export ID --to ... DIR

def _export(args: argparse.Namespace) -> int:
    run = _get(_run_id(args.id))
    try:
        folder = export_tensorboard(run, args.dir) if args.to == "tensorboard" else export_csv(run, args.dir)
    except RunExportError as exc:
        raise UsageError(safe(exc)) from None
    if args.to == "tensorboard":
        print(f"wrote {safe(folder)}; see it with: tensorboard --logdir {safe(args.dir)}")
    else:
        print(f"wrote {safe(folder)}: {', '.join(sorted(p.name for p in folder.iterdir()))}")
    return 0


def run(args: argparse.Namespace) -> int:
    if args.runs_command == "show":
        return _show(args)
    if args.runs_command == "export":
        return _export(args)
    return _list(args)
