"""Writing files safely: the one atomic write every saver uses, and the error it raises.

A save never leaves half a file: the bytes go to a temporary file in the target's folder,
are flushed to disk (fsync), and then replace the target in one step. Because replacing
swaps in a new regular file, it would silently turn a symbolic link, a named pipe, a
device node or a read-only file into a plain file (as root, `--out /dev/full` would
replace the device); such targets are refused instead, with a one-line `WriteError`.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from playground.core.i18n import _

_WRITE_BITS = stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH


class WriteError(OSError):
    """A file that cannot be written. The message is one line naming the file and why."""

    def __init__(self, path: str | os.PathLike[str], reason: str) -> None:
        super().__init__(_("{path}: cannot write ({reason})").format(path=os.fspath(path), reason=reason))
        self.path = os.fspath(path)
        self.reason = reason

    def __reduce__(self) -> tuple[type[WriteError], tuple[str, str]]:
        return type(self), (self.path, self.reason)


def new_file_mode() -> int:
    """The permissions a plain open() gives a new file (mkstemp's temp files are 0600)."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def _kind_refused(mode: int) -> str | None:
    """Why a target of this kind cannot be replaced by a regular file, or None when it can."""
    if stat.S_ISLNK(mode):
        return _("it is a symbolic link; choose the file it points to or another name")
    if stat.S_ISDIR(mode):
        return _("it is a folder; give a file name")
    if stat.S_ISFIFO(mode):
        return _("it is a named pipe, not a regular file")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return _("it is a device, not a regular file")
    if not stat.S_ISREG(mode):
        return _("it is not a regular file")
    return None


def _is_read_only(path: Path, mode: int) -> bool:
    """No write bit set, or not writable by us. Root passes every access() check, so the
    mode bits decide there: a file someone made read-only stays untouched."""
    return not mode & _WRITE_BITS or not os.access(path, os.W_OK)


def check_writable(path: str | os.PathLike[str]) -> os.stat_result | None:
    """Raise WriteError now if `atomic_write(path, ...)` would refuse the target: a symbolic
    link, a folder, a named pipe, a device, a read-only file, or a folder that is missing.
    Returns the existing file's status (None for a new file). Commands call it before
    long work (training, rendering) so that a bad target fails first, not last."""
    target = Path(path)
    try:
        st = os.lstat(target)
    except FileNotFoundError:
        folder = target.parent
        if not folder.is_dir():
            raise WriteError(path, _("the folder {folder} does not exist").format(folder=folder)) from None
        return None
    except OSError as exc:
        raise WriteError(path, exc.strerror or str(exc)) from None
    reason = _kind_refused(st.st_mode)
    if reason is None and _is_read_only(target, st.st_mode):
        reason = _("the file is read-only")
    if reason is not None:
        raise WriteError(path, reason)
    return st


def check_can_create(path: str | os.PathLike[str]) -> None:
    """`check_writable`, then a trial file made and removed next to the target: permission
    bits say nothing to root, and nothing about /proc, read-only mounts or full quotas.
    For commands whose work is long (training) and whose write comes last."""
    target = Path(path)
    check_writable(target)
    try:
        fd, probe = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".probe", dir=target.parent)
    except OSError as exc:
        raise WriteError(path, _("the folder {folder} takes no new file: {reason}").format(
            folder=target.parent, reason=exc.strerror or exc)) from None
    os.close(fd)
    os.unlink(probe)


def atomic_write(path: str | os.PathLike[str], data: bytes) -> None:
    """Write `data` to `path` via a temp file in the same folder, fsync, then replace.

    Never a half file, and never a non-regular or read-only target replaced (see
    `check_writable`). A new file gets the permissions a plain open() would give; an
    existing one keeps its own. Any failure is a WriteError naming the file.
    """
    target = Path(path)
    existing = check_writable(target)
    mode = stat.S_IMODE(existing.st_mode) if existing is not None else new_file_mode()
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise WriteError(path, exc.strerror or str(exc)) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            os.chmod(tmp, mode)
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        raise WriteError(path, exc.strerror or str(exc)) from None
    finally:
        Path(tmp).unlink(missing_ok=True)
