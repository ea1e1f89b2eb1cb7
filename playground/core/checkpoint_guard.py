"""What a checkpoint file may make the app allocate: no more than the design's own weights.

`torch.load(weights_only=True)` runs no code, but it trusts the sizes a file declares:
a deflated zip entry can unpack to gigabytes (a zip bomb), and a tensor stored as a
stride-0 view of a 4-byte storage claims any shape while bringing no data, so it passes
a shape check and only the model built to receive it allocates the gigabytes. Here:

- `check_archive` refuses, before torch reads anything, a zip whose entries are
  compressed (torch.save never compresses) or declare more bytes than the file holds;
- `load_mapped` reads the file memory-mapped, so nothing is copied while it is checked;
- `checked_weights` refuses tensors that are not plain dense CPU tensors of the design's
  dtype, that claim more values than their storage holds, or storages that add up to
  more (or fewer) bytes than the design's own weights, and only then copies them.
"""

from __future__ import annotations

import warnings
import zipfile
from pathlib import Path
from typing import Any, Mapping

import torch

from playground.core.i18n import _

ZIP_MAGIC = b"PK\x03\x04"


class WeightsRefused(ValueError):
    """A checkpoint whose archive or tensors could make the app allocate what the file does not hold."""


def is_torch_zip(path: Path) -> bool:
    """What torch.load itself tests: the file starts with a zip local header."""
    with open(path, "rb") as fh:
        return fh.read(4) == ZIP_MAGIC


def check_archive(path: Path, file_size: int) -> None:
    """Refuse a zip with compressed entries or entries that declare more bytes than the file."""
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else _("damaged")
        raise WeightsRefused(_("not a readable zip archive ({reason})").format(reason=reason)) from None
    declared = 0
    for entry in entries:
        if entry.compress_type != zipfile.ZIP_STORED:
            raise WeightsRefused(_("refused: {entry} is compressed (torch.save never compresses, and a compressed "
                                   "entry can unpack to far more than the file holds)").format(entry=repr(entry.filename)))
        declared += entry.file_size
        if entry.file_size != entry.compress_size or declared > file_size:
            raise WeightsRefused(_("refused: its entries declare more bytes than the file holds"))


def load_mapped(path: Path) -> Any:
    """torch.load, weights only, memory-mapped for torch.save's zip files, warnings kept off the terminal."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return torch.load(path, map_location="cpu", weights_only=True, mmap=is_torch_zip(path))


def checked_weights(expected: Mapping[str, torch.Tensor], state: Mapping[str, torch.Tensor]) -> dict[str, torch.Tensor]:
    """`state`'s tensors, copied into memory of their own, once each has proved to be a plain
    tensor of the dtype and shape `expected` (the design's module on the meta device) gives
    it, backed by storage that holds all its values, and all storages together hold exactly
    the design's own weight bytes. Names must already match."""
    needed = 0
    storages: dict[int, int] = {}
    for key, want in expected.items():
        tensor = state[key]
        kind = _kind(tensor)
        if kind:
            raise WeightsRefused(_("{key} is a {kind} tensor; only plain CPU tensors can be loaded").format(
                key=key, kind=kind))
        if tensor.dtype != want.dtype:
            raise WeightsRefused(_("{key} holds {dtype}, the design needs {needed}").format(
                key=key, dtype=tensor.dtype, needed=want.dtype))
        nbytes = tensor.numel() * tensor.element_size()
        storage = tensor.untyped_storage()
        end = (tensor.storage_offset() * tensor.element_size()) + nbytes
        if not tensor.is_contiguous() or end > storage.nbytes():
            raise WeightsRefused(_("{key} claims {count:,} values but the file holds fewer for it "
                                   "(a view of a smaller storage)").format(key=key, count=tensor.numel()))
        needed += want.numel() * want.element_size()
        if storage.nbytes():
            storages[storage.data_ptr()] = storage.nbytes()
    brought = sum(storages.values())
    if brought != needed:
        raise WeightsRefused(_("its weights take {brought:,} bytes, the design's own take {needed:,}").format(
            brought=brought, needed=needed))
    return {key: state[key].clone() for key in expected}


def _kind(tensor: torch.Tensor) -> str:
    """'' for a plain dense CPU tensor, else what it is instead."""
    if tensor.is_meta:
        return "meta"
    if tensor.layout != torch.strided:
        return f"{str(tensor.layout).removeprefix('torch.')}"
    if tensor.is_quantized:
        return "quantized"
    if tensor.device.type != "cpu":
        return tensor.device.type
    if tensor.is_nested:
        return "nested"
    return ""
