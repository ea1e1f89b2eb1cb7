"""Checkpoints: a design, its weights, the training config and metrics in one file.

The file is what `torch.save` writes for a dict holding only strings, ints and tensors:

    {"format": "cnn-playground.checkpoint", "version": 1,
     "design": <design JSON text>, "config": <JSON text>, "metrics": <JSON text>,
     "dataset": <JSON text of DatasetInfo.to_dict()>, "state_dict": {name: tensor}}

so it loads with `torch.load(..., weights_only=True)`: the restricted unpickler that
builds tensors and plain containers and refuses every other Python object. A file that
would run code (a crafted pickle, a whole pickled model) is refused, never executed.
Loading also checks that every weight has the name and shape the design's own module
gives it, so a checkpoint whose weights do not fit its design is refused up front, not
halfway through drawing. Writes are atomic (temp file in the same folder, fsync, replace).
"""

from __future__ import annotations

import io
import json
import os
import pickle
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

import torch
import torch.nn as nn

from playground import paths
from playground.core.builder import build_model
from playground.core.checkpoint_guard import WeightsRefused, check_archive, checked_weights, is_torch_zip, load_mapped
from playground.core.datasets import DatasetError, DatasetInfo
from playground.core.design import Design, DesignError, design_from_json, design_to_json
from playground.core.fileio import atomic_write
from playground.core.i18n import _
from playground.core.safe_load import UnreadableFile, UnreadableJson, check_regular_file, loads_json, short_repr

FORMAT = "cnn-playground.checkpoint"
VERSION = 1


class CheckpointError(ValueError):
    """A checkpoint that cannot be made or used; the message is one line naming the file."""


@dataclass(frozen=True)
class Checkpoint:
    """A loaded checkpoint. `state_dict` tensors are on the CPU."""

    path: Path
    design: Design
    state_dict: dict[str, torch.Tensor] = field(repr=False)
    config: dict[str, Any]
    metrics: dict[str, Any]
    dataset: DatasetInfo

    def build_model(self) -> nn.Module:
        """The network with these weights, in eval mode, on the CPU."""
        model = build_model(self.design)
        model.load_state_dict(self.state_dict)
        return model.eval()


def cpu_state_dict(model_or_state_dict: nn.Module | Mapping[str, torch.Tensor]) -> dict[str, torch.Tensor]:
    """The weights as CPU tensors of their own: safe to keep while the model trains on."""
    state = model_or_state_dict.state_dict() if isinstance(model_or_state_dict, nn.Module) else model_or_state_dict
    return {str(k): v.detach().to("cpu", copy=True).contiguous() for k, v in state.items()}


def save_checkpoint(path: str | os.PathLike[str], design: Design,
                    model_or_state_dict: nn.Module | Mapping[str, torch.Tensor],
                    config: Mapping[str, Any], metrics: Mapping[str, Any], dataset: DatasetInfo) -> None:
    """Write a checkpoint atomically. `config` and `metrics` must be JSON-serialisable.

    Raises CheckpointError (weights that do not fit the design, values that are not JSON)
    and WriteError (a place that cannot be written).
    """
    state = cpu_state_dict(model_or_state_dict)
    _check_fit(path, design, state)
    try:
        payload = {
            "format": FORMAT,
            "version": VERSION,
            "design": design_to_json(design),
            "config": json.dumps(dict(config), sort_keys=True),
            "metrics": json.dumps(dict(metrics), sort_keys=True),
            "dataset": json.dumps(dataset.to_dict()),
            "state_dict": state,
        }
    except (TypeError, ValueError) as exc:
        raise CheckpointError(_("{path}: config and metrics must be plain JSON values ({reason})").format(
            path=path, reason=exc)) from None
    buffer = io.BytesIO()
    torch.save(payload, buffer)
    atomic_write(path, buffer.getvalue())


def _check_fit(path: str | os.PathLike[str], design: Design,
               state: Mapping[str, torch.Tensor]) -> dict[str, torch.Tensor]:
    """Compare names and shapes with the design's module, built on the meta device (no memory);
    returns that module's (meta) state dict."""
    try:
        with torch.device("meta"):
            expected = build_model(design).state_dict()
    except DesignError as exc:
        raise CheckpointError(_("{path}: the design has an error ({reason})").format(path=path, reason=exc)) from None
    missing = [k for k in expected if k not in state]
    extra = [k for k in state if k not in expected]
    if missing or extra:
        parts = []
        if missing:
            parts.append(_("missing {names}").format(names=_first_names(missing)))
        if extra:
            parts.append(_("unexpected {names}").format(names=_first_names(extra)))
        raise CheckpointError(_("{path}: the weights do not fit the design ({reason})").format(
            path=path, reason="; ".join(parts)))
    for key, tensor in expected.items():
        if tuple(state[key].shape) != tuple(tensor.shape):
            raise CheckpointError(_("{path}: the weights do not fit the design ({key} has shape {shape}, the design "
                                    "needs {needed})").format(path=path, key=key, shape=list(state[key].shape),
                                                              needed=list(tensor.shape)))
    return expected


def _first_names(names: list[str]) -> str:
    """The first three of `names`, and "..." when there are more."""
    return ", ".join(names[:3]) + (" ..." if len(names) > 3 else "")


def _json_field(path: Path, raw: Mapping[str, Any], key: str) -> Any:
    text = raw.get(key)
    if not isinstance(text, str):
        raise CheckpointError(_("{path}: not a cnn-playground checkpoint (no {key})").format(path=path, key=key))
    try:
        return loads_json(text)
    except UnreadableJson as exc:
        raise CheckpointError(_("{path}: damaged {key} ({reason})").format(path=path, key=key, reason=exc)) from None


# What torch's weights-only unpickler says when a real pickle names a Python object (a class,
# a function to call) it will not build. Every one of its refusals starts "Weights only load
# failed", even for a JSON or text file that is no pickle at all, so that heading proves nothing.
_BLOCKED_OBJECT = ("GLOBAL", "add_safe_globals", "reduce for unrecognized function")


def _unreadable(path: Path, exc: Exception) -> CheckpointError:
    """The one-line reason torch.load failed: a security refusal only where the file really
    holds Python objects; any other file (text, JSON, cut short) is simply not a checkpoint."""
    if isinstance(exc, pickle.UnpicklingError) and any(marker in str(exc) for marker in _BLOCKED_OBJECT):
        return CheckpointError(_("{path}: refused: it holds Python objects other than tensors, which could run "
                                 "code when loaded; only cnn-playground checkpoints can be opened").format(path=path))
    if isinstance(exc, (RuntimeError, OSError, zipfile.BadZipFile)) and str(exc):
        reason = str(exc).splitlines()[0]
    elif isinstance(exc, EOFError):
        reason = _("the file is empty or cut short")
    elif isinstance(exc, RecursionError):
        reason = _("nested too deeply")
    elif isinstance(exc, MemoryError):
        reason = _("it declares more data than fits in memory")
    else:
        reason = _("not a file written by torch.save")
    return CheckpointError(_("{path}: not a cnn-playground checkpoint ({reason})").format(path=path, reason=reason))


def _read_raw(path: Path) -> Any:
    """The unpickled top-level object, read weights-only after the archive proved it cannot
    unpack to more than the file holds; every failure is a one-line CheckpointError."""
    try:
        size = check_regular_file(path).st_size
    except UnreadableFile as exc:
        raise CheckpointError(f"{path}: {exc}") from None
    try:
        if is_torch_zip(path):
            check_archive(path, size)
        return load_mapped(path)
    except WeightsRefused as exc:
        raise CheckpointError(f"{path}: {exc}") from None
    except PermissionError:
        raise CheckpointError(_("{path}: cannot read (permission denied)").format(path=path)) from None
    except (pickle.UnpicklingError, RuntimeError, EOFError, OSError, ValueError, zipfile.BadZipFile, KeyError,
            IndexError, AttributeError, TypeError, RecursionError, MemoryError, OverflowError) as exc:
        raise _unreadable(path, exc) from None


def load_checkpoint(path: str | os.PathLike[str]) -> Checkpoint:
    """Read a checkpoint safely (weights_only); raises CheckpointError with a one-line reason.

    Nothing the file declares is allocated before it is checked against the file's own
    size and the design's own weights (see checkpoint_guard)."""
    path = Path(path)
    raw = _read_raw(path)
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise CheckpointError(_("{path}: not a cnn-playground checkpoint").format(path=path))
    version = raw.get("version")
    if type(version) is not int or version != VERSION:
        raise CheckpointError(_("{path}: checkpoint version {version} is not supported (expected {expected})").format(
            path=path, version=short_repr(version), expected=VERSION))
    try:
        design = design_from_json(raw.get("design") if isinstance(raw.get("design"), str) else "")
    except DesignError as exc:
        raise CheckpointError(_("{path}: its design is not valid ({reason})").format(path=path, reason=exc)) from None
    state = raw.get("state_dict")
    if not isinstance(state, dict) or not all(isinstance(k, str) and isinstance(v, torch.Tensor)
                                              for k, v in state.items()):
        raise CheckpointError(_("{path}: not a cnn-playground checkpoint (no weights)").format(path=path))
    config = _json_field(path, raw, "config")
    metrics = _json_field(path, raw, "metrics")
    if not isinstance(config, dict) or not isinstance(metrics, dict):
        raise CheckpointError(_("{path}: damaged config or metrics (expected JSON objects)").format(path=path))
    try:
        dataset = DatasetInfo.from_dict(_json_field(path, raw, "dataset"))
    except DatasetError as exc:
        raise CheckpointError(f"{path}: {exc}") from None
    expected = _check_fit(path, design, state)
    try:
        weights = checked_weights(expected, state)
    except WeightsRefused as exc:
        raise CheckpointError(_("{path}: refused: {reason}").format(path=path, reason=exc)) from None
    return Checkpoint(path, design, weights, config, metrics, dataset)


def load_default_checkpoint() -> Checkpoint:
    """The shipped pretrained digit model (resources/models/lenet_default.pt)."""
    return load_checkpoint(paths.default_model_path())
