"""Own-image folders too big for memory: decoded from disk, batch by batch, while training.

`load_image_folder` reads every image once into uint8 tensors, which is right until a
folder's images outgrow the machine (100,000 photos at 3x224x224 are 15 GB). Past a memory
budget (`--memory-budget`, by default a quarter of the machine's memory) the run streams
instead: `choose_data_path` says which path a folder takes and why (the command line and
the window ask it through playground.core.trainer_choice), `open_stream` lists
the images (the same layout rules as `load_image_folder`: one subfolder per class, or
`train/` and `val/` holding those, otherwise the same seeded per-class validation split)
and `StreamingTrainer` feeds the Trainer's loop from a torch DataLoader: worker processes
(`--loader-workers`) decode with PIL (as ImageFolder does) and resize to the design's
input, batches follow the trainer's own shuffled order (or a rank's share of it under
torchrun), are prefetched and, on CUDA, pinned; the workers end with the run. The mean and
std come from up to `STATS_SAMPLE` training images (a seeded sample). A file that cannot be decoded ends
the run naming it: a streamed folder is not read ahead, so there is nothing to skip it by.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.context
import os
import threading
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Iterator, Sequence

import numpy as np
import torch
import torch.nn as nn
import torch.utils.data

from playground.core.datasets import IMAGE_SUFFIXES, DatasetError, DatasetInfo, channel_stats
from playground.core.events import FILES, FailedEvent, FinishedEvent, InfoEvent, ProgressEvent
from playground.core.i18n import _
from playground.core.text import COMPACT, format_bytes, format_int, shape_str
from playground.core.trainer import Trainer, _Failed

STATS_SAMPLE = 500


def total_memory_bytes() -> int | None:
    """The machine's physical memory, where the OS says (None where it does not)."""
    try:
        return int(os.sysconf("SC_PAGE_SIZE")) * int(os.sysconf("SC_PHYS_PAGES"))
    except (AttributeError, ValueError, OSError):
        return None


def default_budget_bytes() -> int:
    """A quarter of the machine's memory (4 GiB where it cannot be measured)."""
    total = total_memory_bytes()
    return total // 4 if total else 4 << 30


def budget_bytes(memory_budget_mib: int | None) -> int:
    """The `memory_budget` setting (MiB, None for the default) in bytes."""
    return memory_budget_mib << 20 if memory_budget_mib is not None else default_budget_bytes()


# ---------------------------------------------------------------- listing a folder

def _class_folders(root: Path) -> list[Path]:
    return sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith("."))


def _image_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in IMAGE_SUFFIXES)


@dataclass(frozen=True)
class FolderListing:
    """A folder's images and labels, split in train and validation, nothing decoded."""

    root: Path
    classes: tuple[str, ...]
    train: tuple[tuple[str, int], ...]
    val: tuple[tuple[str, int], ...]

    @property
    def count(self) -> int:
        return len(self.train) + len(self.val)


def list_image_folder(root: str | os.PathLike[str], val_fraction: float = 0.2, seed: int = 0) -> FolderListing:
    """The images of a folder in ImageFolder layout, split as `load_image_folder` splits them."""
    root = Path(root)
    if not root.is_dir():
        raise DatasetError(_("{folder}: no such folder").format(folder=root))
    split_dirs = (root / "train", root / "val")
    split = all(d.is_dir() for d in split_dirs)
    class_root = split_dirs[0] if split else root
    classes = tuple(p.name for p in _class_folders(class_root))
    if len(classes) < 2:
        raise DatasetError(_("{folder}: a classifier needs at least two class folders, found {count}").format(
            folder=class_root, count=len(classes)))
    parts = [[(str(f), i) for i, c in enumerate(classes) for f in _image_files(d / c)]
             for d in (split_dirs if split else (root,))]
    if not sum(len(p) for p in parts):
        raise DatasetError(_("{folder}: no images in the class folders (looked for {suffixes})").format(
            folder=class_root, suffixes=", ".join(IMAGE_SUFFIXES)))
    if split:
        train, val = parts
    else:
        train, val = _split_per_class(parts[0], val_fraction, seed)
    if not val:
        raise DatasetError(_("{folder}: too few images to keep any for validation; add at least two per class").format(
            folder=root))
    return FolderListing(root, classes, tuple(train), tuple(val))


def _split_per_class(files: list[tuple[str, int]], val_fraction: float, seed: int
                     ) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
    """The per-class validation split of load_image_folder (same seed, same images)."""
    rng = np.random.default_rng(seed)
    labels = np.array([label for _, label in files])
    train_idx: list[int] = []
    val_idx: list[int] = []
    for c in np.unique(labels):
        idx = rng.permutation(np.flatnonzero(labels == c))
        n_val = max(1, round(len(idx) * val_fraction)) if len(idx) >= 2 else 0
        val_idx.extend(idx[:n_val])
        train_idx.extend(idx[n_val:])
    return [files[i] for i in sorted(train_idx)], [files[i] for i in sorted(val_idx)]


@dataclass(frozen=True)
class DataPath:
    """Which path a folder's images take, and the numbers that decide it: `need` bytes as
    uint8 tensors of the design's input against a `budget` in bytes."""

    streaming: bool
    images: int
    input_shape: tuple[int, ...]
    need: int
    budget: int

    @property
    def reason(self) -> str:
        """One sentence for the log: the numbers and the path they lead to."""
        numbers = dict(images=format_int(self.images), shape=shape_str(self.input_shape, COMPACT),
                       need=format_bytes(self.need), budget=format_bytes(self.budget))
        if self.streaming:
            return _("{images} images at {shape} take {need} in memory, over the memory budget of {budget}: "
                     "streaming them from disk").format(**numbers)
        return _("{images} images at {shape} take {need} in memory, within the memory budget of {budget}: "
                 "holding them in memory").format(**numbers)


def choose_data_path(images: int, input_shape: Sequence[int], budget: int | None = None) -> DataPath:
    """Stream when `images` images of the design's input shape would take more than `budget`
    bytes as uint8 tensors (default: a quarter of the memory); nothing is read."""
    budget = budget if budget is not None else default_budget_bytes()
    shape = tuple(int(v) for v in input_shape)
    need = images * int(np.prod(shape))
    return DataPath(need > budget, images, shape, need, budget)


def data_path_choice(folder: str | os.PathLike[str], input_shape: Sequence[int],
                     budget: int | None = None) -> tuple[bool, str]:
    """(streaming, reason) for a folder (see choose_data_path); the reason is one sentence
    for the log. A folder that is no dataset raises the DatasetError `load_image_folder` would.
    """
    path = choose_data_path(list_image_folder(folder).count, input_shape, budget)
    return path.streaming, path.reason


# ---------------------------------------------------------------- decoding

def decode_image(path: str, shape: Sequence[int]) -> torch.Tensor:
    """One image file as a uint8 tensor of `shape` (C, H, W): grey or RGB, resized bilinearly.

    PIL decodes, as torchvision's ImageFolder does by default (its own image decoders are
    deprecated), with the conversions of the in-memory path, so both give the same pixels.
    """
    from PIL import Image

    c, h, w = (int(v) for v in shape)
    with Image.open(path) as img:
        img = img.convert("L" if c == 1 else "RGB").resize((w, h), Image.Resampling.BILINEAR)
        arr = np.asarray(img, dtype=np.uint8)
    return torch.from_numpy(arr[None].copy() if arr.ndim == 2 else arr.transpose(2, 0, 1).copy())


class ImageFiles(torch.utils.data.Dataset):
    """Image files decoded on demand: item i is (uint8 image (C, H, W), label)."""

    def __init__(self, samples: Sequence[tuple[str, int]], shape: Sequence[int]) -> None:
        self.samples = tuple(samples)
        self.shape = tuple(int(v) for v in shape)

    def __len__(self) -> int:
        return len(self.samples)

    def __getitem__(self, index: int) -> tuple[torch.Tensor, int]:
        path, label = self.samples[index]
        try:
            return decode_image(path, self.shape), label
        except (OSError, RuntimeError, ValueError, SyntaxError) as exc:
            raise DatasetError(_("{path}: cannot decode this image ({error}); remove or replace it").format(
                path=path, error=f"{exc.__class__.__name__}: {str(exc).splitlines()[0] if str(exc) else ''}")) from None

    def image(self, index: int) -> torch.Tensor:
        """Image `index` alone (C, H, W), decoded now: for showing a few of them."""
        return self[index][0]

    def part(self, start: int | None = None, stop: int | None = None, step: int | None = None) -> "ImageFiles":
        return ImageFiles(self.samples[start:stop:step], self.shape)


@dataclass(frozen=True)
class StreamingDataset:
    """A folder read from disk while training; the attributes the Trainer's loop reads from
    a Dataset, with the images as `ImageFiles` (labels are small and stay tensors)."""

    info: DatasetInfo
    train_x: ImageFiles
    train_y: torch.Tensor
    val_x: ImageFiles
    val_y: torch.Tensor

    @property
    def device(self) -> torch.device:
        return self.train_y.device

    def to(self, device: torch.device | str) -> "StreamingDataset":
        return replace(self, train_y=self.train_y.to(device), val_y=self.val_y.to(device))

    def subset(self, max_train: int | None = None, max_val: int | None = None) -> "StreamingDataset":
        return replace(self, train_x=self.train_x.part(None, max_train), train_y=self.train_y[:max_train],
                       val_x=self.val_x.part(None, max_val), val_y=self.val_y[:max_val])

    def val_part(self, rank: int, world_size: int) -> "StreamingDataset":
        """Every world_size-th validation image from `rank` on (one rank's share)."""
        return replace(self, val_x=self.val_x.part(rank, None, world_size), val_y=self.val_y[rank::world_size])

    def normalization(self) -> tuple[torch.Tensor, torch.Tensor]:
        c = self.info.input_shape[0]
        mean = torch.tensor(self.info.mean, dtype=torch.float32, device=self.device).view(1, c, 1, 1)
        std = torch.tensor(self.info.std, dtype=torch.float32, device=self.device).view(1, c, 1, 1)
        return mean, std


def open_stream(folder: str | os.PathLike[str], input_shape: Sequence[int], callback: Any = None,
                seed: int = 0) -> StreamingDataset:
    """List a folder and measure its mean/std on a seeded sample; decodes nothing else."""
    shape = tuple(int(v) for v in input_shape)
    if len(shape) != 3 or shape[0] not in (1, 3):
        raise DatasetError(_("{folder}: images can become 1 (grey) or 3 (RGB) channels, the design's input is "
                             "{shape}").format(folder=folder, shape=shape_str(shape, COMPACT)))
    listing = list_image_folder(folder)
    train = ImageFiles(listing.train, shape)
    rng = np.random.default_rng(seed)
    sample = sorted(rng.choice(len(train), size=min(STATS_SAMPLE, len(train)), replace=False).tolist())
    images = []
    for done, i in enumerate(sample, 1):
        images.append(train[i][0])
        if callback is not None and (done % 50 == 0 or done == len(sample)):
            callback(ProgressEvent(_("reading images in {folder} for their mean and std").format(
                folder=listing.root.name), done,
                                   len(sample), FILES))
    mean, std = channel_stats(torch.stack(images))
    info = DatasetInfo(listing.root.name, shape, listing.classes, mean, std)  # type: ignore[arg-type]
    labels = [torch.tensor([label for _, label in part], dtype=torch.int64) for part in (listing.train, listing.val)]
    return StreamingDataset(info, train, labels[0], ImageFiles(listing.val, shape), labels[1])


# ---------------------------------------------------------------- the trainer

def worker_start_context() -> multiprocessing.context.BaseContext | None:
    """How the loader's worker processes start (None: torch's default, a fork).

    From the main thread of a plain process (the command line) a fork is quickest. From
    any other thread (the window trains on a worker thread) they come from a fork server:
    forking a process whose other threads may hold locks (Qt's, the allocator's) is
    unsafe, and a child forked from a thread Python did not start exits with status 1,
    which torch reports as a dead worker. The server preloads this module, so a worker
    starts with torch already imported.
    """
    if threading.get_ident() == threading.main_thread().ident:
        return None
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return None  # Windows: torch spawns, which is safe from any thread
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([__name__])
    return context


class _EpochBatches(torch.utils.data.Sampler[list[int]]):
    """The batches of the current epoch, replaced each epoch; lets the DataLoader's workers
    persist across epochs while the order changes."""

    def __init__(self) -> None:
        self.batches: list[list[int]] = []

    def __iter__(self) -> Iterator[list[int]]:
        return iter(self.batches)

    def __len__(self) -> int:
        return len(self.batches)


class StreamingTrainer(Trainer):
    """The Trainer fed by DataLoader workers from a folder on disk (see the module docstring).

    `dataset` is the folder's path. Running out of memory ends the run (lower the batch
    size) instead of halving the batch: the loader has already cut the epoch into batches.
    The loader's worker processes end with the run, finished, stopped or failed.
    """

    _opened: StreamingDataset | None = None  # the folder listed and measured, by open() or the run
    _batches: _EpochBatches  # this epoch's batches, set as it starts
    _train_loader: torch.utils.data.DataLoader | None = None  # made at the first epoch, its workers kept
    _train_iter: Iterator[Any] | None = None
    _val_iter: Iterator[Any] | None = None
    _val_next: tuple[int, int, int] | None = None  # (data id, start, count) the validation iterator gives next

    def open(self) -> StreamingDataset:
        """List the folder and measure its mean and std now, reporting through the callback
        (the run would do it first): for a caller that needs the classes and the validation
        images before the first epoch. Raises DatasetError for a folder that is no dataset."""
        if self._opened is None:
            self._opened = self._open_folder(self.callback)
        return self._opened

    def run(self) -> FinishedEvent | FailedEvent:
        try:
            return super().run()
        finally:
            self._end_workers()

    def _load_data(self) -> Any:
        if self._opened is None:
            self._opened = self._open_folder(self._emit_while_loading)
        return self._opened

    def _open_folder(self, callback: Any) -> StreamingDataset:
        if self.design is None:
            raise _Failed(_("streaming a folder needs a design (its input shape)"))
        return open_stream(str(self.dataset), self.design.input, callback=callback, seed=self.config.seed)

    def _end_workers(self) -> None:
        """Join the loaders' worker processes (and the pinning thread) now: a stopped run
        leaves them waiting mid-epoch, and a window must not keep them until the loader is
        collected. `_shutdown_workers` is what torch's multi-process iterator runs when it
        is deleted; the single-process iterator (no workers) has none."""
        for batches in (self._train_iter, self._val_iter):
            shutdown = getattr(batches, "_shutdown_workers", None)
            if shutdown is not None:
                shutdown()
        self._train_iter = self._val_iter = self._train_loader = None

    def _loader(self, dataset: ImageFiles, persistent: bool, **kwargs: Any) -> torch.utils.data.DataLoader:
        workers = self.config.loader_workers
        return torch.utils.data.DataLoader(
            dataset, num_workers=workers, pin_memory=self.device is not None and self.device.type == "cuda",
            prefetch_factor=4 if workers else None, persistent_workers=persistent and workers > 0,
            multiprocessing_context=worker_start_context() if workers else None, **kwargs)

    @staticmethod
    def _next(batches: Iterator[Any]) -> Any:
        """The next batch; a file a worker could not decode ends the run with its one line."""
        try:
            return next(batches)
        except DatasetError as exc:  # re-raised from a worker with its traceback in the text
            last = str(exc).strip().splitlines()[-1]
            raise DatasetError(last.split("DatasetError: ", 1)[-1]) from None

    def _epoch_order(self, epoch: int, n: int, generator: torch.Generator, device: torch.device) -> torch.Tensor:
        order = super()._epoch_order(epoch, n, generator, device)
        data = self.dataset
        assert isinstance(data, StreamingDataset)
        if epoch == 1:
            self._batches = _EpochBatches()
            self._train_loader = self._loader(data.train_x, True, batch_sampler=self._batches)
            workers = self.config.loader_workers
            said = (_("streaming {count} training images from {folder} with 1 loader worker") if workers == 1 else
                    _("streaming {count} training images from {folder} with {workers} loader workers"))
            self.callback(InfoEvent(said.format(count=format_int(len(data.train_x)), folder=data.info.name,
                                                workers=workers)))
        batch = min(self.config.batch_size, len(order))
        indices = order.tolist()
        self._batches.batches = [indices[i:i + batch] for i in range(0, (len(indices) // batch) * batch, batch)]
        self._train_iter = iter(self._train_loader)
        return order

    def _fetch(self, data: Any, idx: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        x, y = self._next(self._train_iter)
        if len(y) != len(idx):
            raise _Failed(_("the image loader gave {count} images for a batch of {batch}").format(
                count=len(y), batch=len(idx)))
        return x.to(data.device, non_blocking=True), y.to(data.device, non_blocking=True)

    def _fetch_val(self, data: Any, start: int, count: int) -> tuple[torch.Tensor, torch.Tensor]:
        if start == 0 or self._val_next != (id(data), start, count):
            rest = data.val_x.part(start)
            self._val_iter = iter(self._loader(rest, False, batch_size=count, shuffle=False))
        x, y = self._next(self._val_iter)
        self._val_next = (id(data), start + len(y), count)
        return x.to(data.device, non_blocking=True), y.to(data.device, non_blocking=True)

    def _train_step(self, model: nn.Module, optimizer: torch.optim.Optimizer, data: Any, idx: torch.Tensor,
                    generator: torch.Generator, loss_acc: torch.Tensor, correct_acc: torch.Tensor) -> bool:
        if not super()._train_step(model, optimizer, data, idx, generator, loss_acc, correct_acc):
            raise _Failed(_("out of memory on {device} at batch size {batch} while streaming: lower --batch-size")
                          .format(device=self.device, batch=len(idx)))
        return True
