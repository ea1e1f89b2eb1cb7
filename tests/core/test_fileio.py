"""The one atomic write: a whole file or none, and never a link, pipe, device, folder or
read-only file turned into a new regular file. Hostile targets are made here, per test."""

from __future__ import annotations

import os
import pickle
import stat
from pathlib import Path

import pytest

from playground.core.fileio import WriteError, atomic_write, check_writable, new_file_mode


def make_device(path: Path) -> Path:
    """A character device like /dev/full, made in the test folder (needs the mknod right)."""
    if not hasattr(os, "mknod"):
        pytest.skip("device nodes are POSIX")
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 7))
    except PermissionError:
        pytest.skip("creating a device node needs root (CAP_MKNOD)")
    return path


def one_line(error: pytest.ExceptionInfo[WriteError], path: Path) -> str:
    text = str(error.value)
    assert "\n" not in text and text.startswith(f"{path}: cannot write (")
    return text


def test_a_new_file_gets_the_bytes_and_plain_open_permissions(tmp_path: Path) -> None:
    target = tmp_path / "new.bin"
    atomic_write(target, b"data")
    assert target.read_bytes() == b"data"
    assert stat.S_IMODE(target.stat().st_mode) == new_file_mode()
    assert [p.name for p in tmp_path.iterdir()] == ["new.bin"]  # no temp file left behind


def test_replacing_a_file_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "private.json"
    target.write_bytes(b"old")
    target.chmod(0o600)
    atomic_write(target, b"new")
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_a_symlink_is_refused_and_neither_it_nor_its_file_changes(tmp_path: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_bytes(b"keep")
    link = tmp_path / "link.txt"
    os.symlink(real, link)
    with pytest.raises(WriteError) as error:
        atomic_write(link, b"new")
    assert "symbolic link" in one_line(error, link)
    assert link.is_symlink() and real.read_bytes() == b"keep"


def test_a_dangling_symlink_is_refused_too(tmp_path: Path) -> None:
    link = tmp_path / "dangling"
    os.symlink(tmp_path / "nowhere", link)
    with pytest.raises(WriteError, match="symbolic link"):
        atomic_write(link, b"new")
    assert link.is_symlink() and not (tmp_path / "nowhere").exists()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_is_refused_without_opening_it(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(WriteError) as error:
        atomic_write(fifo, b"new")  # opening a pipe with no reader would block forever
    assert "named pipe" in one_line(error, fifo)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_a_device_is_refused_and_stays_a_device(tmp_path: Path) -> None:
    device = make_device(tmp_path / "full")
    with pytest.raises(WriteError) as error:
        atomic_write(device, b"new")
    assert "device" in one_line(error, device)
    assert stat.S_ISCHR(os.lstat(device).st_mode)


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(WriteError) as error:
        atomic_write(tmp_path, b"new")
    assert "folder" in one_line(error, tmp_path)


def test_a_read_only_file_is_refused_even_for_root(tmp_path: Path) -> None:
    """os.access says yes to root for every file, so the mode bits must decide."""
    target = tmp_path / "locked.json"
    target.write_bytes(b"keep")
    target.chmod(0o444)
    with pytest.raises(WriteError) as error:
        atomic_write(target, b"new")
    assert "read-only" in one_line(error, target)
    assert target.read_bytes() == b"keep"
    assert [p.name for p in tmp_path.iterdir()] == ["locked.json"]


def test_a_missing_folder_names_the_folder(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "x.json"
    with pytest.raises(WriteError) as error:
        atomic_write(target, b"new")
    assert f"the folder {tmp_path / 'missing'} does not exist" in one_line(error, target)


def test_a_failed_replace_keeps_the_old_file_and_leaves_no_temp(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "net.json"
    target.write_bytes(b"old")

    def full_disk(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("playground.core.fileio.os.replace", full_disk)
    with pytest.raises(WriteError) as error:
        atomic_write(target, b"new")
    assert one_line(error, target) == f"{target}: cannot write (No space left on device)"
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["net.json"]


def test_check_writable_accepts_new_and_writable_files(tmp_path: Path) -> None:
    assert check_writable(tmp_path / "new.json") is None
    existing = tmp_path / "old.json"
    existing.write_bytes(b"x")
    result = check_writable(existing)
    assert result is not None and stat.S_ISREG(result.st_mode)


def test_write_error_is_an_os_error_that_survives_pickling(tmp_path: Path) -> None:
    error = WriteError(tmp_path / "x", "it is a named pipe, not a regular file")
    assert isinstance(error, OSError)
    copy = pickle.loads(pickle.dumps(error))
    assert str(copy) == str(error) and copy.path == str(tmp_path / "x")


def test_check_can_create_tries_a_real_file_and_leaves_nothing(tmp_path: Path) -> None:
    from playground.core.fileio import check_can_create

    check_can_create(tmp_path / "model.pt")
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(WriteError, match=r"/proc/x: cannot write \(the folder /proc takes no new file"):
        check_can_create("/proc/x")
