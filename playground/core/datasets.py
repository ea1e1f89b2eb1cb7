"""Datasets as tensors: the embedded MNIST digits, torchvision's sets, a person's own images.

Every dataset is converted once to uint8 tensors (N, C, H, W) plus int64 labels, split in
train and validation, and described by a `DatasetInfo` (name, input shape, class names,
per-channel mean/std measured on its train split). The trainer moves the tensors to the
training device and draws batches by index there: these sets are small (all of MNIST is
47 MB as uint8), so DataLoader worker processes would only add copies and start-up time.

Sources (`load_dataset(spec, ...)`):
- "embedded": resources/data/mnist_10k.npz, 9,000 train / 1,000 validation, always the
  same split (the file is already shuffled; the last 1,000 are the validation digits).
- "mnist", "fashionmnist", "kmnist", "cifar10": torchvision's own dataset classes read the
  files from a per-user cache (`cache_dir()`); they are downloaded only when asked
  (`download=True`), with progress as `ProgressEvent`s. Official train/test splits.
- a folder in torchvision's ImageFolder layout (one subfolder per class, or `train/` and
  `val/` folders holding those): every image is read once, converted to grey or RGB and
  resized to the design's input; unreadable files are skipped and counted.

Augmentation (`augment`) runs on the device on a float batch: random shifts of whole
pixels, small rotations and scale changes, one `grid_sample` per batch.
"""

from __future__ import annotations

import math
import os
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Sequence

import numpy as np
import torch
import torch.nn.functional as F

from playground import paths
from playground.core.archives import ArchiveError, extract
from playground.core.events import FILES, Callback, InfoEvent, ProgressEvent, ignore
from playground.core.i18n import _
from playground.core.image_files import image_read_errors, quiet_pillow
from playground.core.safe_load import short_repr
from playground.core.text import COMPACT, shape_str, shape_text

EMBEDDED = "embedded"
EMBEDDED_VAL_SIZE = 1000
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".bmp", ".gif", ".tif", ".tiff", ".webp", ".ppm", ".pgm")
DIGIT_NAMES = tuple(str(d) for d in range(10))


class DatasetError(ValueError):
    """Data that cannot be used, said in one line naming the dataset or file."""


@dataclass(frozen=True)
class DatasetInfo:
    """What a model trained on a dataset needs to know to be fed: shape, classes, normalisation."""

    name: str
    input_shape: tuple[int, int, int]
    class_names: tuple[str, ...]
    mean: tuple[float, ...]
    std: tuple[float, ...]

    @property
    def num_classes(self) -> int:
        return len(self.class_names)

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "input_shape": list(self.input_shape), "class_names": list(self.class_names),
                "mean": list(self.mean), "std": list(self.std)}

    @classmethod
    def from_dict(cls, d: Any) -> "DatasetInfo":
        """Validate a dict as written by `to_dict`; a bad one raises DatasetError.

        Every field is checked for type and range before it is used, so a hostile file (an
        infinite mean, a shape of 10**30, a million class names) is one line, not an overflow."""
        if not isinstance(d, dict):
            raise DatasetError(_("dataset: expected an object, got {type}").format(type=type(d).__name__))
        missing = [key for key in ("name", "input_shape", "class_names", "mean", "std") if key not in d]
        if missing:
            raise DatasetError(_("dataset: missing field {field}").format(field=missing[0]))
        name, shape, names = d["name"], d["input_shape"], d["class_names"]
        if not isinstance(name, str) or len(name) > MAX_NAME_LENGTH:
            raise DatasetError(_("dataset: expected a name of at most {limit} characters, got {value}").format(
                limit=MAX_NAME_LENGTH, value=short_repr(name)))
        if (not isinstance(shape, list) or len(shape) != 3 or not all(_is_count(v, MAX_SIDE) for v in shape)):
            raise DatasetError(_("dataset: expected a [C, H, W] input shape of ints from 1 to {limit}, "
                                 "got {value}").format(limit=MAX_SIDE, value=short_repr(shape)))
        if (not isinstance(names, list) or not 2 <= len(names) <= MAX_CLASSES
                or not all(isinstance(v, str) and len(v) <= MAX_NAME_LENGTH for v in names)):
            raise DatasetError(_("dataset: expected from 2 to {limit:,} class names (strings of at most "
                                 "{length} characters), got {value}").format(
                limit=MAX_CLASSES, length=MAX_NAME_LENGTH, value=short_repr(names)))
        mean, std = d["mean"], d["std"]
        channels = shape[0]
        if not _finite_numbers(mean, channels) or not _finite_numbers(std, channels) or min(std) <= 0:
            raise DatasetError(_("dataset: expected {channels} finite means and positive finite stds, "
                                 "got {mean}, {std}").format(channels=channels, mean=short_repr(mean),
                                                              std=short_repr(std)))
        return cls(name, tuple(shape), tuple(names), tuple(float(v) for v in mean),  # type: ignore[arg-type]
                   tuple(float(v) for v in std))


MAX_NAME_LENGTH = 255
MAX_CLASSES = 100_000
MAX_SIDE = 4096


def _is_count(value: Any, maximum: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= maximum


def _finite_numbers(values: Any, count: int) -> bool:
    return (isinstance(values, list) and len(values) == count
            and all(isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) for v in values))


@dataclass(frozen=True)
class Dataset:
    """Train and validation tensors: images uint8 (N, C, H, W), labels int64 (N,)."""

    info: DatasetInfo
    train_x: torch.Tensor
    train_y: torch.Tensor
    val_x: torch.Tensor
    val_y: torch.Tensor

    @property
    def device(self) -> torch.device:
        return self.train_x.device

    def to(self, device: torch.device | str) -> "Dataset":
        """The same data on `device` (a no-op when it is already there)."""
        device = torch.device(device)
        if self.device == device:
            return self
        return replace(self, train_x=self.train_x.to(device), train_y=self.train_y.to(device),
                       val_x=self.val_x.to(device), val_y=self.val_y.to(device))

    def subset(self, max_train: int | None = None, max_val: int | None = None) -> "Dataset":
        """The first `max_train` / `max_val` examples, for quick runs (None keeps all)."""
        return replace(self, train_x=self.train_x[:max_train], train_y=self.train_y[:max_train],
                       val_x=self.val_x[:max_val], val_y=self.val_y[:max_val])

    def padded_to(self, input_shape: Sequence[int]) -> "Dataset":
        """The images zero-padded (centred) to a slightly larger design input, as LeNet-5's
        32x32 input holds a 28x28 digit: padding keeps every stroke's size, where a resize
        would stretch it. Unchanged when the shape already fits or cannot be padded to."""
        if tuple(input_shape) == self.info.input_shape or not paddable(self.info.input_shape, input_shape):
            return self
        dh, dw = input_shape[1] - self.info.input_shape[1], input_shape[2] - self.info.input_shape[2]
        pads = (dw // 2, dw - dw // 2, dh // 2, dh - dh // 2)
        info = replace(self.info, input_shape=(int(input_shape[0]), int(input_shape[1]), int(input_shape[2])))
        return replace(self, info=info, train_x=F.pad(self.train_x, pads), val_x=F.pad(self.val_x, pads))

    def normalization(self) -> tuple[torch.Tensor, torch.Tensor]:
        """Mean and std as (1, C, 1, 1) float tensors on the data's device."""
        c = self.info.input_shape[0]
        mean = torch.tensor(self.info.mean, dtype=torch.float32, device=self.device).view(1, c, 1, 1)
        std = torch.tensor(self.info.std, dtype=torch.float32, device=self.device).view(1, c, 1, 1)
        return mean, std


# ---------------------------------------------------------------- shared helpers

def channel_stats(images: torch.Tensor) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """Per-channel mean and std of uint8 images (N, C, H, W) in [0, 1], exactly, via a
    256-bin histogram (no float copy of the whole set)."""
    levels = torch.arange(256, dtype=torch.float64) / 255.0
    means, stds = [], []
    for c in range(images.shape[1]):
        counts = torch.bincount(images[:, c].reshape(-1).cpu(), minlength=256).to(torch.float64)
        total = counts.sum()
        mean = (counts * levels).sum() / total
        var = (counts * (levels - mean) ** 2).sum() / total
        means.append(round(float(mean), 4))
        stds.append(round(max(float(var.sqrt()), 1e-3), 4))
    return tuple(means), tuple(stds)


def _make(name: str, class_names: Sequence[str], train_x: torch.Tensor, train_y: torch.Tensor,
          val_x: torch.Tensor, val_y: torch.Tensor) -> Dataset:
    mean, std = channel_stats(train_x)
    info = DatasetInfo(name, tuple(train_x.shape[1:]), tuple(class_names), mean, std)  # type: ignore[arg-type]
    return Dataset(info, train_x.contiguous(), train_y.long(), val_x.contiguous(), val_y.long())


# ---------------------------------------------------------------- embedded

def load_embedded(path: str | os.PathLike[str] | None = None) -> Dataset:
    """The 10,000 shipped MNIST digits: the first 9,000 train, the last 1,000 validate."""
    path = Path(path) if path is not None else paths.embedded_mnist_path()
    try:
        with np.load(path, allow_pickle=False) as data:
            images, labels = data["images"], data["labels"]
    except FileNotFoundError:
        raise DatasetError(_("{path}: the embedded digits are missing (reinstall cnn-playground)").format(
            path=path)) from None
    except (OSError, ValueError, KeyError) as exc:
        raise DatasetError(_("{path}: not a readable digits file ({reason})").format(path=path, reason=exc)) from None
    if images.ndim != 3 or images.dtype != np.uint8 or labels.shape != images.shape[:1]:
        raise DatasetError(_("{path}: expected uint8 images (N, H, W) with N labels").format(path=path))
    x = torch.from_numpy(images.copy()).unsqueeze(1)
    y = torch.from_numpy(labels.astype(np.int64))
    cut = len(x) - EMBEDDED_VAL_SIZE
    return _make("embedded MNIST", DIGIT_NAMES, x[:cut], y[:cut], x[cut:], y[cut:])


# ---------------------------------------------------------------- torchvision

@dataclass(frozen=True)
class _Source:
    key: str
    title: str
    class_name: str  # in torchvision.datasets
    digit_classes: bool = False
    input_shape: tuple[int, int, int] = (1, 28, 28)  # known before anything is downloaded


TORCHVISION_SOURCES = {
    s.key: s for s in (
        _Source("mnist", "MNIST", "MNIST", digit_classes=True),
        _Source("fashionmnist", "FashionMNIST", "FashionMNIST"),
        _Source("kmnist", "KMNIST", "KMNIST"),
        _Source("cifar10", "CIFAR-10", "CIFAR10", input_shape=(3, 32, 32)),
    )
}


def dataset_names() -> list[str]:
    """The names `load_dataset` knows (besides a folder path)."""
    return [EMBEDDED, *TORCHVISION_SOURCES]


def cache_dir() -> Path:
    """Where downloaded datasets live: the platform's per-user cache, folder cnn-playground."""
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return base / "cnn-playground" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "cnn-playground"
    base = os.environ.get("XDG_CACHE_HOME") or ""
    return (Path(base) if os.path.isabs(base) else Path.home() / ".cache") / "cnn-playground"


def _open_url(url: str) -> Any:
    """Open a download (the one place that touches the network; tests replace it)."""
    request = urllib.request.Request(url, headers={"User-Agent": "cnn-playground"})
    return urllib.request.urlopen(request, timeout=30)


def _download(url: str, dest: Path, what: str, callback: Callback) -> None:
    """Fetch `url` into `dest` through a .part file, reporting bytes as ProgressEvents."""
    part = dest.with_name(dest.name + ".part")
    dest.parent.mkdir(parents=True, exist_ok=True)
    try:
        with _open_url(url) as response, open(part, "wb") as fh:
            total = int(response.headers.get("Content-Length") or 0)
            done, last = 0, 0.0
            callback(ProgressEvent(what, 0, total))
            for chunk in iter(lambda: response.read(1 << 16), b""):
                fh.write(chunk)
                done += len(chunk)
                now = time.monotonic()
                if now - last >= 0.1:
                    callback(ProgressEvent(what, done, total))
                    last = now
            callback(ProgressEvent(what, done, max(total, done)))
        os.replace(part, dest)
    finally:
        part.unlink(missing_ok=True)


@dataclass(frozen=True)
class _Files:
    """The files a torchvision dataset class wants, where, and where they come from."""

    folder: Path  # where to place them by hand
    archives: tuple[tuple[str, str | None], ...]  # (file name, md5)
    urls: tuple[tuple[str, ...], ...]  # mirrors per archive
    extract_to: Path

    def names(self) -> str:
        return ", ".join(name for name, _ in self.archives)


def _files_for(source: _Source, root: Path) -> _Files:
    import torchvision.datasets as tvd

    cls = getattr(tvd, source.class_name)
    if source.key == "cifar10":
        return _Files(root, ((cls.filename, cls.tgz_md5),), ((cls.url,),), root)
    raw = root / cls.__name__ / "raw"
    archives = tuple((name, md5) for name, md5 in cls.resources)
    urls = tuple(tuple(mirror + name for mirror in cls.mirrors) for name, _ in archives)
    return _Files(raw, archives, urls, raw)


def _is_ready(source: _Source, files: _Files) -> bool:
    if source.key == "cifar10":
        import torchvision.datasets as tvd

        cls = tvd.CIFAR10
        folder = files.extract_to / cls.base_folder
        return all((folder / name).is_file() for name, _ in (*cls.train_list, *cls.test_list))
    return all((files.folder / Path(name).stem).is_file() for name, _ in files.archives)


def _extract(source: _Source, files: _Files) -> None:
    """Unpack archives that are present (downloaded or placed by hand), each only after its
    MD5 matched torchvision's published one, tars with Python's "data" filter (archives.py)."""
    for name, md5 in files.archives:
        archive = files.folder / name
        if archive.is_file():
            try:
                extract(archive, files.extract_to, md5)
            except ArchiveError as exc:
                raise DatasetError(f"{source.title}: {exc}") from None


def _fetch(source: _Source, files: _Files, callback: Callback) -> None:
    from torchvision.datasets.utils import check_integrity, check_md5

    for (name, md5), mirrors in zip(files.archives, files.urls):
        dest = files.folder / name
        if check_integrity(dest, md5):  # there, and intact when its checksum is known
            continue
        errors = []
        for url in mirrors:
            try:
                _download(url, dest, _("downloading {dataset} {file}").format(dataset=source.title, file=name),
                          callback)
                break
            except (urllib.error.URLError, OSError, ValueError) as exc:
                errors.append(f"{url}: {getattr(exc, 'reason', None) or exc}")
        else:
            raise DatasetError(
                _("cannot download {dataset} ({error}); without a network, fetch {files} "
                  "from {url}/ yourself and put them in {folder}").format(
                    dataset=source.title, error=errors[-1], files=files.names(), url=mirrors[0].rsplit('/', 1)[0],
                    folder=files.folder))
        if md5 is not None and not check_md5(dest, md5):
            dest.unlink()
            raise DatasetError(_("the downloaded {file} of {dataset} is damaged (checksum mismatch); try again").format(
                file=name, dataset=source.title))


def load_torchvision(name: str, root: str | os.PathLike[str] | None = None, download: bool = False,
                     callback: Callback | None = None) -> Dataset:
    """MNIST, FashionMNIST, KMNIST or CIFAR-10 from the cache, downloading only if asked."""
    import torchvision.datasets as tvd

    source = TORCHVISION_SOURCES[name]
    callback = callback or ignore
    root = Path(root) if root is not None else cache_dir()
    files = _files_for(source, root)
    if not _is_ready(source, files):
        if download:
            _fetch(source, files, callback)
        if not all((files.folder / n).is_file() for n, _ in files.archives):
            raise DatasetError(
                _("{dataset} is not in {folder}: download it (cnn-playground train --download, or the "
                  "app's Download button) or put {files} there by hand").format(
                    dataset=source.title, folder=files.folder, files=files.names()))
        _extract(source, files)
    cls = getattr(tvd, source.class_name)
    try:
        train, val = cls(str(root), train=True), cls(str(root), train=False)
    except (RuntimeError, OSError, ValueError, TypeError, EOFError) as exc:
        raise DatasetError(_("{dataset}: cannot read the files in {folder} ({reason})").format(
            dataset=source.title, folder=files.folder, reason=exc)) from None
    xs, ys = [], []
    for part in (train, val):
        data = part.data if isinstance(part.data, torch.Tensor) else torch.from_numpy(np.asarray(part.data))
        x = data.unsqueeze(1) if data.ndim == 3 else data.permute(0, 3, 1, 2)
        xs.append(x.to(torch.uint8).contiguous())
        ys.append(torch.as_tensor(part.targets, dtype=torch.int64))
    class_names = DIGIT_NAMES if source.digit_classes else tuple(train.classes)
    return _make(source.title, class_names, xs[0], ys[0], xs[1], ys[1])


# ---------------------------------------------------------------- a folder of images

def _class_folders(root: Path) -> list[Path]:
    return sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith("."))


def _image_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in IMAGE_SUFFIXES)


def _read_image(path: Path, shape: tuple[int, int, int]) -> np.ndarray:
    from PIL import Image

    with quiet_pillow(), Image.open(path) as img:
        img = img.convert("L" if shape[0] == 1 else "RGB")
        img = img.resize((shape[2], shape[1]), Image.Resampling.BILINEAR)
        arr = np.asarray(img, dtype=np.uint8)
    return arr[None] if arr.ndim == 2 else arr.transpose(2, 0, 1)


def load_image_folder(root: str | os.PathLike[str], input_shape: Sequence[int], callback: Callback | None = None,
                      val_fraction: float = 0.2, seed: int = 0) -> Dataset:
    """Images in one subfolder per class, resized to `input_shape` (C, H, W) once.

    With `train/` and `val/` subfolders those are the split; otherwise a fixed, seeded
    `val_fraction` of every class (at least one image of a class with two or more) validates.
    """
    callback = callback or ignore
    root = Path(root)
    shape = tuple(int(v) for v in input_shape)
    if len(shape) != 3 or shape[0] not in (1, 3):
        raise DatasetError(_("{folder}: images can become 1 (grey) or 3 (RGB) channels, the design's input is "
                             "{shape}").format(folder=root, shape=shape_str(shape, COMPACT)))
    if not root.is_dir():
        raise DatasetError(_("{folder}: no such folder").format(folder=root))
    split_dirs = (root / "train", root / "val")
    split = all(d.is_dir() for d in split_dirs)
    class_root = split_dirs[0] if split else root
    classes = [p.name for p in _class_folders(class_root)]
    if not classes:
        raise DatasetError(_("{folder}: no class folders; put the images in one subfolder per class "
                             "(e.g. {example1}, {example2})").format(
            folder=class_root, example1=class_root / "cats", example2=class_root / "dogs"))
    if len(classes) == 1:
        raise DatasetError(_("{folder}: only one class folder ({name}); a classifier needs at least two").format(
            folder=class_root, name=classes[0]))
    parts = [(d, [(f, i) for i, c in enumerate(classes) for f in _image_files(d / c)]) for d in
             (split_dirs if split else (root,))]
    total = sum(len(files) for _, files in parts)
    if total == 0:
        raise DatasetError(_("{folder}: no images in the class folders (looked for {suffixes})").format(
            folder=class_root, suffixes=", ".join(IMAGE_SUFFIXES)))
    read: list[tuple[list[np.ndarray], list[int]]] = []
    skipped: list[str] = []
    unreadable = image_read_errors()
    done, last = 0, 0.0
    for _folder, files in parts:
        images, labels = [], []
        for path, label in files:
            try:
                images.append(_read_image(path, shape))  # type: ignore[arg-type]
                labels.append(label)
            except unreadable as exc:  # a decompression bomb too: skipped and counted, not fatal
                skipped.append(f"{path.name}: {exc.__class__.__name__}")
            done += 1
            now = time.monotonic()
            if now - last >= 0.1 or done == total:
                callback(ProgressEvent(_("reading images in {folder}").format(folder=root.name), done, total, FILES))
                last = now
        read.append((images, labels))
    if skipped:
        message = (_("skipped {count} unreadable files in {folder} (first: {first})") if len(skipped) > 1
                   else _("skipped {count} unreadable file in {folder} (first: {first})"))
        callback(InfoEvent(message.format(count=len(skipped), folder=root, first=skipped[0])))
    tensors = [(torch.from_numpy(np.stack(imgs)) if imgs else torch.empty((0, *shape), dtype=torch.uint8),
                torch.tensor(labels, dtype=torch.int64)) for imgs, labels in read]
    if split:
        (train_x, train_y), (val_x, val_y) = tensors
    else:
        train_x, train_y, val_x, val_y = _split_per_class(*tensors[0], val_fraction, seed)
    present = set(train_y.tolist())
    empty = [c for i, c in enumerate(classes) if i not in present]
    if empty:
        raise DatasetError(_("{folder}: no readable training images for class {names}").format(
            folder=class_root, names=", ".join(empty)))
    if len(val_y) == 0:
        raise DatasetError(_("{folder}: too few images to keep any for validation; add at least two per class").format(
            folder=root))
    return _make(root.name, classes, train_x, train_y, val_x, val_y)


def _split_per_class(x: torch.Tensor, y: torch.Tensor, val_fraction: float, seed: int
                     ) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
    rng = np.random.default_rng(seed)
    labels = y.numpy()
    train_idx, val_idx = [], []
    for c in np.unique(labels):
        idx = rng.permutation(np.flatnonzero(labels == c))
        n_val = max(1, round(len(idx) * val_fraction)) if len(idx) >= 2 else 0
        val_idx.extend(idx[:n_val])
        train_idx.extend(idx[n_val:])
    t, v = torch.as_tensor(np.sort(train_idx), dtype=torch.long), torch.as_tensor(np.sort(val_idx), dtype=torch.long)
    return x[t], y[t], x[v], y[v]


# ---------------------------------------------------------------- entry point

def load_dataset(spec: str | os.PathLike[str], input_shape: Sequence[int] | None = None, download: bool = False,
                 root: str | os.PathLike[str] | None = None, callback: Callback | None = None) -> Dataset:
    """A dataset by name ("embedded", "mnist", "fashionmnist", "kmnist", "cifar10") or folder path.

    `input_shape` (the design's C, H, W) is needed for a folder of images; `root`
    overrides the download cache.
    """
    key = str(spec).strip()
    if not key:  # Path("") is the current folder: never train on whatever happens to be there
        raise DatasetError(_("no dataset given: expected {names} or a folder of class subfolders").format(
            names=", ".join(dataset_names())))
    name = key.lower().replace("-", "").replace("_", "")
    if name == EMBEDDED:
        return load_embedded()
    if name in TORCHVISION_SOURCES:
        return load_torchvision(name, root=root, download=download, callback=callback)
    if Path(key).is_dir():
        if input_shape is None:
            raise DatasetError(_("{folder}: a folder of images needs the design's input shape to resize to").format(
                folder=key))
        return load_image_folder(key, input_shape, callback=callback)
    raise DatasetError(_("unknown dataset {name}: expected {names} or a folder of class subfolders").format(
        name=repr(key), names=", ".join(dataset_names())))


def paddable(data_shape: Sequence[int], design_input: Sequence[int]) -> bool:
    """Whether images of `data_shape` fit `design_input` by a border of zeros: the same
    channels and at most a quarter more height and width (28x28 digits in 32x32)."""
    c, h, w = data_shape
    dc, dh, dw = design_input
    return dc == c and h <= dh <= h + h // 4 and w <= dw <= w + w // 4


def check_input_fits(design_input: Sequence[int], data_shape: Sequence[int], data_name: str) -> None:
    """Raise DatasetError when the design's input shape is not the data's (before or after
    loading), unless the images are padded to it (`Dataset.padded_to`)."""
    if tuple(design_input) != tuple(data_shape) and not paddable(data_shape, design_input):
        raise DatasetError(_("design expects {expected}, {dataset} gives {given} "
                             "(set the design's input to {shape})").format(
            expected=shape_str(design_input, COMPACT), dataset=data_name, given=shape_str(data_shape, COMPACT),
            shape=list(data_shape)))


def check_fits(design: Any, data: Dataset | DatasetInfo) -> None:
    """Raise DatasetError when the design's input or output does not match the data.

    E.g. "design expects 3x224x224, FashionMNIST gives 1x28x28". A design with errors
    raises its DesignError.
    """
    from playground.core.analysis import analyze
    from playground.core.design import DesignError

    info = data.info if isinstance(data, Dataset) else data
    check_input_fits(design.input, info.input_shape, info.name)
    analysis = analyze(design)
    if analysis.errors:
        raise DesignError(*analysis.errors[0])
    out = analysis.output_shape
    k = info.num_classes
    if out is None:
        raise DatasetError(_("design has no output (add layers ending in Linear)"))
    if len(out) != 1:
        raise DatasetError(_("design ends with a {shape} map, {dataset} needs {k} class scores "
                             "(end it with Flatten and Linear with out_features={k})").format(
            shape=shape_text(out), dataset=info.name, k=k))
    if out[0] != k:
        raise DatasetError(_("design ends with {outputs} outputs, {dataset} has {k} classes "
                             "(set the last Linear's out_features to {k})").format(
            outputs=out[0], dataset=info.name, k=k))


# ---------------------------------------------------------------- augmentation

def augment(x: torch.Tensor, shift: int = 0, rotate: float = 0.0, scale: float = 0.0,
            generator: torch.Generator | None = None) -> torch.Tensor:
    """Random whole-pixel shifts up to `shift`, rotations up to `rotate` degrees and
    scaling by up to +-`scale` (a fraction) of a float batch (N, C, H, W), on its device.

    Uncovered pixels become 0, the background of the [0, 1] images before normalisation.
    A pure shift moves whole pixels exactly (bilinear sampling at pixel centres).
    """
    if shift <= 0 and rotate <= 0 and scale <= 0:
        return x
    n, _, h, w = x.shape
    opts = {"device": x.device, "generator": generator}
    angle = (torch.rand(n, **opts) * 2 - 1) * (rotate * torch.pi / 180.0)
    zoom = 1 + (torch.rand(n, **opts) * 2 - 1) * scale
    dx = torch.randint(-shift, shift + 1, (n,), **opts).float() * (2.0 / w) if shift > 0 else torch.zeros(n, device=x.device)
    dy = torch.randint(-shift, shift + 1, (n,), **opts).float() * (2.0 / h) if shift > 0 else torch.zeros(n, device=x.device)
    cos, sin = torch.cos(angle) / zoom, torch.sin(angle) / zoom
    theta = torch.stack([torch.stack([cos, -sin, dx], 1), torch.stack([sin, cos, dy], 1)], 1)
    grid = F.affine_grid(theta.to(x.dtype), list(x.shape), align_corners=False)
    return F.grid_sample(x, grid, mode="bilinear", padding_mode="zeros", align_corners=False)


def preview_augmentation(dataset: Dataset, index: int = 0, count: int = 8, shift: int = 2, rotate: float = 10.0,
                         scale: float = 0.0, seed: int = 0, split: str = "train") -> np.ndarray:
    """`count` versions of one example as the trainer would see them, the first untouched.

    Returns uint8 images (count, H, W) for grey data or (count, H, W, 3) for RGB, ready to
    show.
    """
    source = dataset.train_x if split == "train" else dataset.val_x
    if not 0 <= index < len(source):
        raise DatasetError(_("{dataset}: no example {index} in the {split} split ({count} examples)").format(
            dataset=dataset.info.name, index=index, split=split, count=len(source)))
    x = source[index:index + 1].cpu().float().div(255).repeat(count, 1, 1, 1)
    generator = torch.Generator().manual_seed(seed)
    out = x.clone()
    if count > 1:
        out[1:] = augment(x[1:], shift, rotate, scale, generator)
    images = out.mul(255).round().clamp(0, 255).to(torch.uint8)
    return images[:, 0].numpy() if images.shape[1] == 1 else images.permute(0, 2, 3, 1).numpy()
