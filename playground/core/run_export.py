"""A recorded run outside the app: as plain dicts (JSON), CSV files, or TensorBoard events.

Each export writes one folder per run, `DIR/run-<ID>`, so several runs exported into one
DIR sit side by side (what `tensorboard --logdir DIR` compares). The folder is filled
under a temporary name and renamed when complete: never half an export.
"""

from __future__ import annotations

import csv
import importlib
import io
import json
import os
import shutil
import uuid
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable

from playground.core.i18n import _
from playground.core.runs import EpochRecord, Run, RunSummary

EPOCH_FIELDS = ("epoch", "train_loss", "train_acc", "val_loss", "val_acc", "lr", "duration_s", "samples_per_s")
INSTALL_TENSORBOARD = "pip install 'cnn-playground[tensorboard]'"


class RunExportError(Exception):
    """The export cannot be written; the message says why and what to do."""


def iso_time(seconds: float | None) -> str | None:
    """Unix seconds -> ISO 8601 in UTC ("2026-12-04T15:20:07+00:00")."""
    if seconds is None:
        return None
    return datetime.fromtimestamp(seconds, timezone.utc).isoformat(timespec="seconds")


def epoch_to_dict(record: EpochRecord) -> dict[str, Any]:
    return {name: getattr(record, name) for name in EPOCH_FIELDS}


def summary_to_dict(run: RunSummary, history: list[EpochRecord] | None = None) -> dict[str, Any]:
    """One run as the JSON of `cnn-playground runs --json`."""
    d: dict[str, Any] = {
        "id": run.id, "name": run.name, "status": run.status, "started": iso_time(run.started_at),
        "ended": iso_time(run.ended_at), "duration_s": run.duration_s, "design": run.design_name,
        "dataset": run.dataset, "device": run.device, "params": run.params, "macs": run.macs,
        "epochs_done": run.epochs_done, "epochs": run.epochs_planned, "best_val_acc": run.best_val_acc,
        "last_val_acc": run.last_val_acc, "last_val_loss": run.last_val_loss, "checkpoint": run.checkpoint_path,
        "note": run.note, "message": run.message, "source": run.source, "settings": run.settings}
    if history is not None:
        d["history"] = [epoch_to_dict(record) for record in history]
    return d


def run_to_dict(run: Run) -> dict[str, Any]:
    """Everything about a run, as `cnn-playground runs show ID --json` prints it."""
    d = summary_to_dict(run.summary, list(run.epochs))
    try:
        design: Any = json.loads(run.design_json) if run.design_json else None
    except ValueError:
        design = run.design_json
    d.update({"design_json": design, "class_names": run.class_names, "confusion": run.confusion,
              "steps": {"step": [p.step for p in run.steps], "epoch": [p.progress for p in run.steps],
                        "loss": [p.loss for p in run.steps]}})
    return d


def _export(run: Run, folder: str | os.PathLike[str], fill: Callable[[Path], None]) -> Path:
    """Make DIR/run-<ID> through `fill(tmp_folder)`; refuse to overwrite an earlier export."""
    base = Path(folder)
    target = base / f"run-{run.id}"
    if target.exists():
        raise RunExportError(_("{folder} already exists; remove it or export to another folder").format(folder=target))
    try:
        base.mkdir(parents=True, exist_ok=True)
        tmp = base / f".run-{run.id}-{uuid.uuid4().hex[:8]}.tmp"
        tmp.mkdir()
    except OSError as exc:
        raise RunExportError(_("cannot write to {folder}: {reason}").format(folder=base, reason=exc.strerror or exc)) from None
    try:
        fill(tmp)
        os.replace(tmp, target)
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise RunExportError(_("cannot write {folder}: {reason}").format(folder=target, reason=exc.strerror or exc)) from None
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return target


def _csv_text(header: list[str], rows: list[list[Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def export_csv(run: Run, folder: str | os.PathLike[str]) -> Path:
    """DIR/run-<ID>/ with epochs.csv, steps.csv, confusion.csv (when there is one) and
    run.json (the settings, design and everything else); returns the run's folder."""
    def fill(tmp: Path) -> None:
        epochs = [[getattr(r, name) for name in EPOCH_FIELDS] for r in run.epochs]
        (tmp / "epochs.csv").write_text(_csv_text(list(EPOCH_FIELDS), epochs), encoding="utf-8")
        steps = [[p.step, p.progress, p.loss] for p in run.steps]
        (tmp / "steps.csv").write_text(_csv_text(["step", "epoch", "loss"], steps), encoding="utf-8")
        if run.confusion is not None:
            names = run.class_names or [str(i) for i in range(len(run.confusion))]
            rows = [[name, *row] for name, row in zip(names, run.confusion)]
            (tmp / "confusion.csv").write_text(_csv_text(["true \\ predicted", *names], rows), encoding="utf-8")
        (tmp / "run.json").write_text(json.dumps(run_to_dict(run), indent=2, ensure_ascii=False) + "\n",
                                      encoding="utf-8")
    return _export(run, folder, fill)


def tensorboard_available() -> bool:
    try:
        importlib.import_module("torch.utils.tensorboard")
    except ImportError:
        return False
    return True


def _markdown_table(header: list[str], rows: list[list[Any]]) -> str:
    def cell(value: Any) -> str:
        return str(value).replace("|", "\\|").replace("\n", " ")
    lines = ["| " + " | ".join(cell(h) for h in header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def export_tensorboard(run: Run, folder: str | os.PathLike[str]) -> Path:
    """DIR/run-<ID>/ holding TensorBoard event files: per-epoch losses, accuracies,
    learning rate and epoch time, the step loss curve, and the run's facts, settings,
    design and confusion matrix as text. Needs the tensorboard package."""
    try:
        from torch.utils.tensorboard import SummaryWriter
    except ImportError:
        raise RunExportError(_("exporting to TensorBoard needs the tensorboard package: {install}").format(
            install=INSTALL_TENSORBOARD)) from None
    s = run.summary

    def fill(tmp: Path) -> None:
        writer = SummaryWriter(log_dir=str(tmp))
        try:
            for r in run.epochs:
                for tag, value in (("loss/train", r.train_loss), ("loss/validation", r.val_loss),
                                   ("accuracy/train", r.train_acc), ("accuracy/validation", r.val_acc),
                                   ("learning_rate", r.lr), ("epoch_seconds", r.duration_s)):
                    if value is not None:
                        writer.add_scalar(tag, value, r.epoch, walltime=r.at)
            for p in run.steps:
                writer.add_scalar("loss/steps", p.loss, p.step)
            facts = [["name", s.name], ["design", s.design_name], ["dataset", s.dataset], ["status", s.status],
                     ["started", iso_time(s.started_at)], ["device", s.device], ["parameters", s.params],
                     ["MACs", s.macs], ["best validation accuracy", s.best_val_acc], ["note", s.note]]
            facts += [[f"settings.{key}", value] for key, value in sorted(s.settings.items())]
            writer.add_text("run", _markdown_table(["", ""], facts), 0)
            if run.design_json:
                writer.add_text("design", "```json\n" + run.design_json + "\n```", 0)
            if run.confusion is not None:
                names = run.class_names or [str(i) for i in range(len(run.confusion))]
                rows = [[name, *row] for name, row in zip(names, run.confusion)]
                writer.add_text("confusion", _markdown_table(["true \\ predicted", *names], rows), s.epochs_done)
        finally:
            writer.close()
    return _export(run, folder, fill)
