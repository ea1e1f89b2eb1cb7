"""Crash-safe autosave of the open design, and recovery of what a crash left behind.

Every window writes its own file (`autosave-<token>.json`, atomically) while its design
has unsaved changes, and holds a lock file next to it for as long as it runs. A file
whose lock nobody holds any more belongs to a session that ended without cleaning up (a
crash, a kill): that is what the next start offers to recover. A clean close, a save, or
opening another file removes the autosave.
"""

from __future__ import annotations

import datetime as _dt
import json
import logging
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLockFile, QObject, QTimer

from playground.core.design import Design, DesignError, design_from_dict, design_to_dict
from playground.core.fileio import atomic_write
from playground.core.safe_load import MAX_DESIGN_BYTES, UnreadableFile, UnreadableJson, loads_json, read_capped
from playground.ui.state.document import DesignDocument

FORMAT = "cnn-playground.autosave"
DEFAULT_INTERVAL_S = 30
_log = logging.getLogger(__name__)


@dataclass
class Recovery:
    """An autosave left behind by a session that did not end cleanly."""

    file: Path
    design: Design
    original_path: str  # "" when the design had no file
    saved_at: str
    lock: QLockFile

    def discard(self) -> None:
        """Remove the autosave (after it was recovered or declined)."""
        self.file.unlink(missing_ok=True)
        self.lock.unlock()
        self.lock.removeStaleLockFile()


class Autosave(QObject):
    """Writes the document to the data folder every `interval_s` while it has unsaved changes."""

    def __init__(self, document: DesignDocument, directory: Path, interval_s: int = DEFAULT_INTERVAL_S,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.directory = Path(directory)
        self.file = self.directory / f"autosave-{document.token}.json"
        self._lock = QLockFile(str(self.directory / f"autosave-{document.token}.lock"))
        self._lock.setStaleLockTime(0)
        self._saved_revision = -1
        self.unavailable = ""  # why autosave is off, when it is
        self.timer = QTimer(self)
        self.timer.setObjectName("autosaveTimer")
        self.timer.setInterval(max(1, interval_s) * 1000)
        self.timer.timeout.connect(self._on_timeout)
        document.modifiedChanged.connect(self._on_modified_changed)

    def start(self) -> bool:
        """Begin autosaving; False (and `unavailable` says why) when the folder cannot hold
        autosaves (a file in its place, read-only): the app then runs without them."""
        self.unavailable = folder_problem(self.directory)
        if self.unavailable:
            return False
        self._lock.tryLock(0)
        self.timer.start()
        return True

    def stop(self) -> None:
        """Stop and remove this session's autosave (a clean end)."""
        self.timer.stop()
        self._remove_file()
        self._lock.unlock()

    def save_now(self) -> bool:
        """Write the autosave if the design changed since the last one; True when written."""
        if not self.document.modified or self.document.revision == self._saved_revision:
            return False
        payload = {
            "format": FORMAT,
            "version": 1,
            "path": str(self.document.path) if self.document.path else "",
            "saved_at": _dt.datetime.now().isoformat(timespec="seconds"),
            "design": design_to_dict(self.document.design),
        }
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            atomic_write(self.file, json.dumps(payload, indent=1).encode("utf-8"))
        except OSError as exc:  # the folder cannot be made, or WriteError naming the file
            self.document.editFailed.emit(self.tr("Autosave failed: {error}").format(error=exc.strerror or exc))
            return False
        self._saved_revision = self.document.revision
        return True

    def _on_timeout(self) -> None:
        self.save_now()

    def _on_modified_changed(self, modified: bool) -> None:
        if not modified:
            self._remove_file()

    def _remove_file(self) -> None:
        if not self.unavailable:  # autosave is off: no file of ours, maybe no folder to look in
            self.file.unlink(missing_ok=True)
        self._saved_revision = -1


@dataclass
class RecoveryScan:
    """What the data folder held: autosaves to offer, and unreadable ones set aside."""

    recoveries: list[Recovery]
    set_aside: list[Path]  # where each unreadable autosave now lies (`<name>.unreadable`)


def folder_problem(directory: Path) -> str:
    """'' when `directory` exists (or can be made) and takes a new file; else the reason, one line."""
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(prefix=".probe-", dir=directory)
        os.close(fd)
        os.unlink(probe)
    except FileExistsError:
        return QCoreApplication.translate("Autosave", "{folder} is a file, not a folder").format(folder=directory)
    except OSError as exc:
        return QCoreApplication.translate("Autosave", "cannot write in {folder} ({error})").format(
            folder=directory, error=exc.strerror or exc)
    return ""


def find_recoveries(directory: Path) -> list[Recovery]:
    """Autosaves whose session is gone, newest first (see `scan_recoveries`)."""
    return scan_recoveries(directory).recoveries


def scan_recoveries(directory: Path) -> RecoveryScan:
    """Autosaves whose session is gone, newest first. Each returned one is locked by us
    until `discard()`. One that cannot be read (damaged, nested past any limit, a number of
    5,000 digits, a device in its place) is renamed to `<name>.unreadable`, out of the way
    of every later start, and listed in `set_aside` so the window can say so."""
    found: list[Recovery] = []
    set_aside: list[Path] = []
    if not Path(directory).is_dir():
        return RecoveryScan(found, set_aside)
    _remove_stale_locks(Path(directory))
    for file in sorted(Path(directory).glob("autosave-*.json")):
        lock = QLockFile(str(file.with_suffix(".lock")))
        lock.setStaleLockTime(0)
        if not lock.tryLock(0):
            continue  # a running session owns it
        try:
            found.append(_read_recovery(file, lock))
        except (UnreadableFile, UnreadableJson, DesignError) as exc:
            _log.warning("setting aside unreadable autosave %s: %s", file, exc)
            set_aside.append(_set_aside(file))
            lock.unlock()
    found.sort(key=lambda r: r.saved_at, reverse=True)
    return RecoveryScan(found, set_aside)


def _read_recovery(file: Path, lock: QLockFile) -> Recovery:
    """One autosave, read through the same bounded, one-line-error path as design files."""
    data = loads_json(read_capped(file, MAX_DESIGN_BYTES))
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise DesignError("", "not an autosave file")
    design = design_from_dict(data.get("design"))
    path, saved_at = data.get("path"), data.get("saved_at")
    return Recovery(file, design, path if isinstance(path, str) else "",
                    saved_at if isinstance(saved_at, str) else "", lock)


def _set_aside(file: Path) -> Path:
    """Rename an unreadable autosave out of the `autosave-*.json` pattern (kept for a person to
    inspect); where even that fails, it stays, and is skipped again next time."""
    target = file.with_name(file.name + ".unreadable")
    try:
        os.replace(file, target)
    except OSError as exc:
        _log.warning("cannot set aside %s: %s", file, exc)
        return file
    return target


def _remove_stale_locks(directory: Path) -> None:
    """Lock files of sessions that ended without an autosave (killed while unmodified)."""
    for lock_file in directory.glob("autosave-*.lock"):
        if lock_file.with_suffix(".json").exists():
            continue
        lock = QLockFile(str(lock_file))
        lock.setStaleLockTime(0)
        if lock.tryLock(0):
            lock.unlock()  # unlock removes the file
