"""Write targets the atomic write must refuse, made per test (never shipped), and a
snapshot to prove a refused write left the folder exactly as it was.

The atomic write replaces its target with a new regular file; for these targets that would
mean following a link, turning a pipe or a device (as root: `-o /dev/full`) into a plain
file, or overwriting a file someone made read-only.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

# Each kind of target, and the words the refusal uses for it.
HOSTILE = {
    "symlink": "symbolic link",
    "fifo": "named pipe",
    "device": "device",
    "readonly": "read-only",
}


def make_target(kind: str, folder: Path, suffix: str = ".out") -> Path:
    target = folder / f"{kind}{suffix}"
    if kind in ("fifo", "device") and not hasattr(os, "mkfifo"):
        pytest.skip("named pipes and device nodes are POSIX")
    if kind == "symlink":
        real = folder / f"real{suffix}"
        real.write_text("# keep\n")
        os.symlink(real, target)
    elif kind == "fifo":
        os.mkfifo(target)
    elif kind == "device":
        try:
            os.mknod(target, stat.S_IFCHR | 0o666, os.makedev(1, 7))  # what /dev/full is
        except PermissionError:
            pytest.skip("creating a device node needs root (CAP_MKNOD)")
    else:
        target.write_text("# keep\n")
        target.chmod(0o444)  # tests run as root: only the mode bits say read-only
    return target


def snapshot(folder: Path) -> dict[str, tuple[int, bytes | None]]:
    """Each entry's type and permission bits, and the bytes of regular files (never a pipe's)."""
    state = {}
    for entry in sorted(folder.iterdir()):
        st = os.lstat(entry)
        state[entry.name] = (st.st_mode, entry.read_bytes() if stat.S_ISREG(st.st_mode) else None)
    return state
