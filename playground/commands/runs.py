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
from playground.core.i18n import N_, _
from playground.core.run_export import (
    RunExportError, epoch_to_dict, export_csv, export_tensorboard, run_to_dict, summary_to_dict)
from playground.core.runs import Run, RunFilter, RunNotFound, RunStore, RunStoreError, RunSummary, default_path
from playground.core.text import display_width, fit, format_count, format_int, pad

NAME_WIDTH = 28
LABEL_WIDTH = 12  # the field names of `runs show`
# Statuses are data (stored, filtered, in --json); the table shows them in the person's language.
STATUS_NAMES = {"running": N_("running"), "finished": N_("finished"), "stopped": N_("stopped"),
                "failed": N_("failed"), "interrupted": N_("interrupted")}
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


def _rjust(text: str, width: int) -> str:
    return pad(fit(text, width).rstrip(), width, right=True)


def _status(status: str) -> str:
    return _(STATUS_NAMES[status]) if status in STATUS_NAMES else status


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
        raise UsageError(_("run ID: expected a number such as 12 (see `cnn-playground runs`), got {text}").format(
            text=safe(repr(text))))
    return int(text)


def _get(run_id: int) -> Run:
    store = _open_store()
    if store is None:
        raise UsageError(_("no run {id}: the run history {path} is empty").format(id=run_id, path=safe(default_path())))
    try:
        with store:
            return store.get(run_id)
    except RunNotFound:
        raise UsageError(_("no run {id} in the run history (see `cnn-playground runs`)").format(id=run_id)) from None


# ------------------------------------------------------------ runs (the table)

def _filters(args: argparse.Namespace) -> RunFilter:
    return RunFilter(text=args.design or "", dataset=args.dataset, statuses=tuple(args.status or ()))


def _table(runs: list[RunSummary]) -> str:
    header = [_("ID"), _("started"), fit(_("name"), NAME_WIDTH), _("dataset"), _("status"), _("epochs"),
              _("best val"), _("params"), _("MACs")]
    rows = []
    for r in runs:
        planned = r.epochs_planned
        rows.append([str(r.id), _local_time(r.started_at), fit(safe(r.name), NAME_WIDTH), safe(r.dataset),
                     safe(_status(r.status)), f"{r.epochs_done}/{planned}" if planned else str(r.epochs_done),
                     _percent(r.best_val_acc), _count(r.params), _count(r.macs)])
    widths = [max(display_width(row[i]) for row in [header, *rows]) for i in range(len(header))]
    right = {0, 5, 6, 7, 8}
    lines = ["  ".join(pad(cell, w, right=i in right) for i, (cell, w) in enumerate(zip(row, widths))).rstrip()
             for row in [header, *rows]]
    return "\n".join(lines) + "\n"


def _list(args: argparse.Namespace) -> int:
    if args.limit is not None and args.limit < 1:
        raise UsageError(_("--limit expects a positive number of runs, got {limit}").format(limit=args.limit))
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
            write_stdout(_("no runs match") + "\n")
        else:
            write_stdout(_("no runs yet; `cnn-playground train` records them into {path}").format(
                path=safe(default_path())) + "\n")
        return 0
    write_stdout(_table(runs))
    if total > len(runs):
        write_stdout(_("({shown} of {total} runs; --limit shows more)").format(shown=len(runs), total=total) + "\n")
    return 0


# ------------------------------------------------------------ runs show ID

def _field(label: str, value: str) -> str:
    """One line of `runs show`: the translated field name in a column of its own, then the value."""
    return pad(_(label), LABEL_WIDTH - 1) + " " + value


def _show_text(run: Run) -> str:
    s = run.summary
    took = _(", took {seconds:.1f} s").format(seconds=s.duration_s) if s.duration_s is not None else ""
    params = format_int(s.params) if s.params is not None else "—"
    lines = [_("run {id}: {name} [{status}]").format(id=s.id, name=safe(s.name), status=safe(_status(s.status))),
             _field(N_("started"), f"{_local_time(s.started_at)}{took}"),
             _field(N_("design"), _("{name}: {params} params, {macs} MACs").format(
                 name=safe(s.design_name), params=params, macs=_count(s.macs))),
             _field(N_("dataset"), safe(s.dataset)),
             _field(N_("device"), safe(s.device) or "—"),
             _field(N_("settings"), ", ".join(f"{safe(k)} {safe(v)}" for k, v in sorted(s.settings.items()))),
             _field(N_("accuracy"), _("best {best}, last {last} (validation)").format(
                 best=_percent(s.best_val_acc), last=_percent(s.last_val_acc)))]
    if s.checkpoint_path:
        lines.append(_field(N_("checkpoint"), safe(s.checkpoint_path)))
    if s.note:
        lines.append(_field(N_("note"), safe(s.note)))
    if s.message:
        lines.append(_field(N_("message"), safe(_(s.message))))  # English when stored, translated when known
    if run.epochs:
        lines += ["", *_epoch_table(run)]
    if run.steps:
        lines.append("\n" + _("loss curve  {points} points over {steps} steps, last {loss:.4f}").format(
            points=len(run.steps), steps=format_int(run.steps[-1].step), loss=run.steps[-1].loss))
    if run.confusion:
        names = [safe(n) for n in (run.class_names or [str(i) for i in range(len(run.confusion))])]
        width = max([len(str(v)) for row in run.confusion for v in row] + [display_width(n) for n in names])
        label = max(display_width(n) for n in names)
        lines += ["", _("confusion matrix (rows: true class, columns: predicted)"),
                  " " * label + "  " + " ".join(_rjust(n, width) for n in names)]
        for name, row in zip(names, run.confusion):
            lines.append(fit(name, label) + "  " + " ".join(str(v).rjust(width) for v in row))
    return "\n".join(lines) + "\n"


# The per-epoch table of `runs show`: each column right-aligned, at least this wide.
EPOCH_COLUMNS = ((N_("epoch"), 5), (N_("train loss"), 10), (N_("train acc"), 9), (N_("val loss"), 8),
                 (N_("val acc"), 7), (N_("lr"), 8), (N_("time"), 5))


def _epoch_table(run: Run) -> list[str]:
    rows = [[_(name) for name, _width in EPOCH_COLUMNS]]
    for r in run.epochs:
        d = epoch_to_dict(r)
        lr = f"{d['lr']:.2e}" if d["lr"] is not None else "—"
        secs = f"{d['duration_s']:.1f} s" if d["duration_s"] is not None else "—"
        rows.append([str(r.epoch), _num(r.train_loss), _percent(r.train_acc), _num(r.val_loss), _percent(r.val_acc),
                     lr, secs])
    widths = [max(least, *(display_width(row[i]) for row in rows)) for i, (_name, least) in enumerate(EPOCH_COLUMNS)]
    return ["  ".join(pad(cell, width, right=True) for cell, width in zip(row, widths)) for row in rows]


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
        print(_("wrote {folder}; see it with: {command}").format(
            folder=safe(folder), command=f"tensorboard --logdir {safe(args.dir)}"))
    else:
        print(_("wrote {folder}: {files}").format(folder=safe(folder),
                                                  files=", ".join(sorted(p.name for p in folder.iterdir()))))
    return 0


def run(args: argparse.Namespace) -> int:
    if args.runs_command == "show":
        return _show(args)
    if args.runs_command == "export":
        return _export(args)
    return _list(args)
