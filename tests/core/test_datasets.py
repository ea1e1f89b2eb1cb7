"""Datasets: the embedded split, torchvision's loaders on tiny idx files, own image folders,
fit checks and on-device augmentation. Never touches the network."""

from __future__ import annotations

import gzip
import hashlib
import io
import struct
import sys
import urllib.error

import numpy as np
import pytest
import torch
from PIL import Image

from playground.core import datasets
from playground.core.datasets import (
    DatasetError, DatasetInfo, augment, cache_dir, check_fits, load_dataset, load_embedded, preview_augmentation)
from playground.core.design import design_from_dict
from playground.core.events import BYTES, FILES, InfoEvent, ProgressEvent


def idx_bytes(array: np.ndarray) -> bytes:
    """An array in the idx layout MNIST ships in (magic 0x08 = uint8, then big-endian sizes)."""
    header = struct.pack(">BBBB", 0, 0, 0x08, array.ndim) + struct.pack(f">{array.ndim}I", *array.shape)
    return header + array.astype(np.uint8).tobytes()


def tiny_mnist(n_train: int = 30, n_test: int = 10, seed: int = 0) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    return {
        "train-images-idx3-ubyte": rng.integers(0, 256, (n_train, 28, 28), dtype=np.uint8),
        "train-labels-idx1-ubyte": np.arange(n_train, dtype=np.uint8) % 10,
        "t10k-images-idx3-ubyte": rng.integers(0, 256, (n_test, 28, 28), dtype=np.uint8),
        "t10k-labels-idx1-ubyte": (np.arange(n_test, dtype=np.uint8) * 3) % 10,
    }


def write_raw(folder, arrays, compress=False):
    folder.mkdir(parents=True, exist_ok=True)
    for name, array in arrays.items():
        data = idx_bytes(array)
        if compress:
            (folder / f"{name}.gz").write_bytes(gzip.compress(data))
        else:
            (folder / name).write_bytes(data)


def design(input_shape=(1, 28, 28), classes=10):
    return design_from_dict({"format": "cnn-playground.design", "version": 1, "input": list(input_shape),
                             "layers": [{"type": "Flatten"}, {"type": "Linear", "out_features": classes}]})


# ---------------------------------------------------------------- embedded

def test_embedded_split_is_9000_and_1000_and_the_same_every_time():
    a, b = load_embedded(), load_embedded()
    assert a.train_x.shape == (9000, 1, 28, 28) and a.val_x.shape == (1000, 1, 28, 28)
    assert a.train_x.dtype == torch.uint8 and a.train_y.dtype == torch.int64
    assert torch.equal(a.train_x, b.train_x) and torch.equal(a.val_y, b.val_y)
    assert sorted(set(a.val_y.tolist())) == list(range(10))
    assert a.info.input_shape == (1, 28, 28) and a.info.class_names == tuple("0123456789")
    assert a.info.mean[0] == pytest.approx(0.1307, abs=0.005) and a.info.std[0] == pytest.approx(0.3081, abs=0.005)
    assert load_dataset("embedded").info == a.info


def test_subset_to_and_normalization():
    data = load_embedded().subset(100, 20)
    assert len(data.train_x) == 100 and len(data.val_y) == 20
    assert data.to("cpu") is data
    mean, std = data.normalization()
    assert mean.shape == (1, 1, 1, 1) and float(std) == pytest.approx(data.info.std[0])


def test_channel_stats_match_a_direct_computation():
    images = torch.randint(0, 256, (5, 3, 4, 4), dtype=torch.uint8)
    mean, std = datasets.channel_stats(images)
    direct = images.double() / 255
    assert mean == pytest.approx(direct.mean(dim=(0, 2, 3)).tolist(), abs=1e-4)
    assert std == pytest.approx(direct.std(dim=(0, 2, 3), unbiased=False).tolist(), abs=1e-4)


def test_dataset_info_round_trips_and_rejects_malformed():
    info = load_embedded().info
    assert DatasetInfo.from_dict(info.to_dict()) == info
    with pytest.raises(DatasetError, match="dataset"):
        DatasetInfo.from_dict({"name": "x", "input_shape": [1, 2, 2], "class_names": ["a", "b"], "mean": [0.1, 0.2],
                               "std": [0.3]})


# ---------------------------------------------------------------- torchvision's classes on written idx files

def test_mnist_reads_idx_files_written_in_torchvisions_raw_layout(tmp_path):
    arrays = tiny_mnist()
    write_raw(tmp_path / "MNIST" / "raw", arrays)
    data = load_dataset("mnist", root=tmp_path)
    assert data.info.name == "MNIST" and data.info.class_names == tuple("0123456789")
    assert data.train_x.shape == (30, 1, 28, 28) and data.val_x.shape == (10, 1, 28, 28)
    assert np.array_equal(data.train_x[:, 0].numpy(), arrays["train-images-idx3-ubyte"])
    assert np.array_equal(data.val_y.numpy(), arrays["t10k-labels-idx1-ubyte"])
    assert data.info.mean[0] == pytest.approx(arrays["train-images-idx3-ubyte"].mean() / 255, abs=1e-4)


def publish_md5s(monkeypatch, cls, folder) -> None:
    """Make the archives written in `folder` the ones torchvision's class lists as published."""
    monkeypatch.setattr(cls, "resources", [(name, hashlib.md5((folder / name).read_bytes()).hexdigest())
                                           for name, _ in cls.resources])


def test_fashionmnist_archives_placed_by_hand_are_unpacked(tmp_path, monkeypatch):
    import torchvision.datasets as tvd

    write_raw(tmp_path / "FashionMNIST" / "raw", tiny_mnist(seed=1), compress=True)
    publish_md5s(monkeypatch, tvd.FashionMNIST, tmp_path / "FashionMNIST" / "raw")
    data = load_dataset("FashionMNIST", root=tmp_path)
    assert data.info.class_names[0] == "T-shirt/top" and len(data.train_y) == 30
    assert (tmp_path / "FashionMNIST" / "raw" / "train-images-idx3-ubyte").is_file()


def test_missing_files_without_download_say_where_to_put_them(tmp_path):
    with pytest.raises(DatasetError) as info:
        load_dataset("kmnist", root=tmp_path)
    message = str(info.value)
    assert "KMNIST" in message and str(tmp_path / "KMNIST" / "raw") in message
    assert "train-images-idx3-ubyte.gz" in message and "download" in message and "\n" not in message


def test_offline_download_fails_with_the_dataset_cache_path_and_manual_steps(tmp_path, monkeypatch):
    def offline(url):
        raise urllib.error.URLError("Temporary failure in name resolution")

    monkeypatch.setattr(datasets, "_open_url", offline)
    with pytest.raises(DatasetError) as info:
        load_dataset("mnist", root=tmp_path, download=True)
    message = str(info.value)
    assert message.startswith("cannot download MNIST") and "name resolution" in message
    assert str(tmp_path / "MNIST" / "raw") in message and "t10k-labels-idx1-ubyte.gz" in message
    assert "\n" not in message
    assert not list((tmp_path / "MNIST" / "raw").glob("*.part"))


class _FakeResponse(io.BytesIO):
    def __init__(self, data: bytes) -> None:
        super().__init__(data)
        self.headers = {"Content-Length": str(len(data))}


def test_download_reports_progress_checks_md5_and_loads(tmp_path, monkeypatch):
    import torchvision.datasets as tvd

    served = {f"{name}.gz": gzip.compress(idx_bytes(array)) for name, array in tiny_mnist().items()}
    monkeypatch.setattr(tvd.MNIST, "resources",
                        [(name, hashlib.md5(data).hexdigest()) for name, data in served.items()])
    monkeypatch.setattr(datasets, "_open_url", lambda url: _FakeResponse(served[url.rsplit("/", 1)[1]]))
    events = []
    data = load_dataset("mnist", root=tmp_path, download=True, callback=events.append)
    assert len(data.train_y) == 30
    progress = [e for e in events if isinstance(e, ProgressEvent)]
    finished = {e.what: e for e in progress if e.done == e.total and e.total > 0}
    assert set(finished) == {f"downloading MNIST {name}" for name in served}
    assert {e.unit for e in progress} == {BYTES}


def test_a_damaged_download_is_deleted_and_reported(tmp_path, monkeypatch):
    monkeypatch.setattr(datasets, "_open_url", lambda url: _FakeResponse(b"not the real file"))
    with pytest.raises(DatasetError, match="damaged"):
        load_dataset("mnist", root=tmp_path, download=True)
    assert not list((tmp_path / "MNIST" / "raw").iterdir())


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="XDG applies on Linux and other Unixes")
def test_cache_dir_follows_xdg(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_dir() == tmp_path / "cnn-playground"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert cache_dir().parts[-2:] == (".cache", "cnn-playground")


def test_unknown_dataset_names_the_choices():
    with pytest.raises(DatasetError, match="unknown dataset 'imagenet': expected embedded, mnist"):
        load_dataset("imagenet")


# ---------------------------------------------------------------- a folder of the person's images

def _image(path, colour, size=(12, 9)):
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", size, colour).save(path)


def test_image_folder_resizes_converts_splits_and_counts_unreadable_files(tmp_path):
    for i in range(5):
        _image(tmp_path / "cats" / f"{i}.png", (250, 250, 250))
        _image(tmp_path / "dogs" / f"{i}.jpg", (10, 10, 10))
    (tmp_path / "dogs" / "broken.png").write_bytes(b"not an image")
    (tmp_path / "dogs" / "notes.txt").write_text("ignored: not an image suffix")
    events = []
    data = load_dataset(tmp_path, input_shape=(1, 8, 6), callback=events.append)
    assert data.info.class_names == ("cats", "dogs") and data.info.input_shape == (1, 8, 6)
    assert len(data.train_y) + len(data.val_y) == 10
    assert sorted(data.val_y.tolist()) == [0, 1]  # one of each five per class validates
    assert int(data.train_x[data.train_y == 0].min()) >= 240 and int(data.train_x[data.train_y == 1].max()) <= 20
    skipped = [e.message for e in events if isinstance(e, InfoEvent)]
    assert len(skipped) == 1 and "skipped 1 unreadable file" in skipped[0] and "broken.png" in skipped[0]
    assert any(isinstance(e, ProgressEvent) and e.done == e.total == 11 and e.unit == FILES for e in events)
    again = load_dataset(tmp_path, input_shape=(1, 8, 6))
    assert torch.equal(again.val_x, data.val_x)


def test_image_folder_with_train_and_val_folders_and_rgb(tmp_path):
    for split, n in (("train", 3), ("val", 2)):
        for name, colour in (("red", (255, 0, 0)), ("blue", (0, 0, 255))):
            for i in range(n):
                _image(tmp_path / split / name / f"{i}.png", colour)
    data = load_dataset(tmp_path, input_shape=(3, 5, 5))
    assert data.info.class_names == ("blue", "red")
    assert data.train_x.shape == (6, 3, 5, 5) and data.val_x.shape == (4, 3, 5, 5)
    assert data.train_x[data.train_y == 1][:, 0].min() == 255  # red images keep their red channel


def test_image_folder_problems_are_one_line_messages(tmp_path):
    with pytest.raises(DatasetError, match="no class folders"):
        load_dataset(tmp_path, input_shape=(1, 8, 8))
    _image(tmp_path / "only" / "a.png", (0, 0, 0))
    with pytest.raises(DatasetError, match=r"only one class folder \(only\)"):
        load_dataset(tmp_path, input_shape=(1, 8, 8))
    (tmp_path / "empty").mkdir()
    (tmp_path / "only" / "a.png").unlink()
    with pytest.raises(DatasetError, match="no images"):
        load_dataset(tmp_path, input_shape=(1, 8, 8))
    with pytest.raises(DatasetError, match="1 \\(grey\\) or 3 \\(RGB\\)"):
        datasets.load_image_folder(tmp_path, (2, 8, 8))
    with pytest.raises(DatasetError, match="input shape"):
        load_dataset(tmp_path)


# ---------------------------------------------------------------- fit checks

def test_check_fits_names_both_shapes():
    fashion = DatasetInfo("FashionMNIST", (1, 28, 28), tuple("abcdefghij"), (0.28,), (0.35,))
    with pytest.raises(DatasetError, match="^design expects 3x224x224, FashionMNIST gives 1x28x28"):
        check_fits(design((3, 224, 224)), fashion)
    with pytest.raises(DatasetError, match="design ends with 7 outputs, FashionMNIST has 10 classes"):
        check_fits(design(classes=7), fashion)
    check_fits(design(), fashion)
    conv_only = design_from_dict({"format": "cnn-playground.design", "version": 1, "input": [1, 28, 28],
                                  "layers": [{"type": "Conv2d", "out_channels": 4, "kernel_size": 3}]})
    with pytest.raises(DatasetError, match="4 x 26 x 26 map.*Flatten"):
        check_fits(conv_only, fashion)


# ---------------------------------------------------------------- augmentation

def test_shift_moves_whole_pixels_within_the_limit():
    x = torch.zeros(64, 1, 15, 15)
    x[:, 0, 7, 7] = 1.0
    out = augment(x, shift=2, generator=torch.Generator().manual_seed(1))
    offsets = set()
    for image in out[:, 0]:
        assert torch.count_nonzero(image) == 1 and float(image.max()) == pytest.approx(1.0, abs=1e-5)
        r, c = divmod(int(image.argmax()), 15)
        offsets.add((r - 7, c - 7))
    assert all(abs(dr) <= 2 and abs(dc) <= 2 for dr, dc in offsets) and len(offsets) > 5


def test_rotation_keeps_the_centre_and_no_augmentation_is_the_identity():
    x = torch.rand(4, 1, 9, 9)
    assert augment(x) is x
    rotated = augment(x, rotate=20.0, generator=torch.Generator().manual_seed(0))
    torch.testing.assert_close(rotated[:, :, 4, 4], x[:, :, 4, 4])
    assert not torch.allclose(rotated, x)


def test_preview_shows_the_original_then_augmented_versions():
    data = load_embedded().subset(5, 5)
    grey = preview_augmentation(data, index=3, count=6, shift=3, rotate=10.0)
    assert grey.shape == (6, 28, 28) and grey.dtype == np.uint8
    assert np.array_equal(grey[0], data.train_x[3, 0].numpy())
    assert not np.array_equal(grey[1], grey[0])
    with pytest.raises(DatasetError, match="no example 9"):
        preview_augmentation(data, index=9)


# ---------------------------------------------------------------- archives placed by hand

def cifar_tar(path, extra_members=()):
    """A .tar.gz in CIFAR-10's layout (cifar-10-batches-py/...) plus `extra_members` (name, bytes)."""
    import tarfile

    with tarfile.open(path, "w:gz") as tar:
        for name, data in (("cifar-10-batches-py/batches.meta", b"meta"), *extra_members):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return path


def test_an_archive_that_escapes_the_cache_is_refused_even_with_the_published_checksum(tmp_path, monkeypatch):
    import torchvision.datasets as tvd

    root = tmp_path / "home" / ".cache" / "cnn-playground"
    root.mkdir(parents=True)
    archive = cifar_tar(root / tvd.CIFAR10.filename, [("../../x", b"echo owned\n")])
    monkeypatch.setattr(tvd.CIFAR10, "tgz_md5", hashlib.md5(archive.read_bytes()).hexdigest())
    with pytest.raises(DatasetError) as info:
        load_dataset("cifar10", root=root)
    message = str(info.value)
    assert message.startswith("CIFAR-10: ") and "refused to unpack" in message and "\n" not in message
    assert not (tmp_path / "home" / "x").exists() and not list(tmp_path.rglob("x"))


@pytest.mark.parametrize("name", ["cifar10", "mnist"])
def test_an_archive_placed_by_hand_is_checked_before_it_is_unpacked(tmp_path, name):
    import torchvision.datasets as tvd

    if name == "cifar10":
        archive = cifar_tar(tmp_path / tvd.CIFAR10.filename, [("cifar-10-batches-py/data_batch_1", b"x")])
        unpacked = tmp_path / "cifar-10-batches-py"
    else:
        write_raw(tmp_path / "MNIST" / "raw", tiny_mnist(), compress=True)
        archive = tmp_path / "MNIST" / "raw" / "train-images-idx3-ubyte.gz"
        unpacked = tmp_path / "MNIST" / "raw" / "train-images-idx3-ubyte"
    with pytest.raises(DatasetError) as info:
        load_dataset(name, root=tmp_path)
    message = str(info.value)
    assert str(archive) in message and "MD5 checksum differs" in message and "\n" not in message
    assert not unpacked.exists()


def test_a_decompression_bomb_in_an_image_folder_is_skipped_and_counted(tmp_path, monkeypatch):
    from PIL import Image as PILImage

    for cls in ("a", "b"):
        (tmp_path / cls).mkdir()
        for i in range(3):
            PILImage.new("L", (8, 8), 40 * i).save(tmp_path / cls / f"{i}.png")
    PILImage.new("L", (64, 64), 0).save(tmp_path / "a" / "bomb.png")
    monkeypatch.setattr(PILImage, "MAX_IMAGE_PIXELS", 1000)  # 64x64 is over twice this: Pillow's bomb error
    events = []
    data = load_dataset(tmp_path, input_shape=(1, 8, 8), callback=events.append)
    assert len(data.train_y) + len(data.val_y) == 6
    notes = [e.message for e in events if isinstance(e, InfoEvent)]
    assert notes == [f"skipped 1 unreadable file in {tmp_path} (first: bomb.png: DecompressionBombError)"]
