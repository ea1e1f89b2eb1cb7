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
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QTimer

from playground.core.design import Design, DesignError, design_from_dict, design_to_dict
from playground.core.fileio import atomic_write
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
        self.timer = QTimer(self)
        self.timer.setObjectName("autosaveTimer")
        self.timer.setInterval(max(1, interval_s) * 1000)
        self.timer.timeout.connect(self._on_timeout)
        document.modifiedChanged.connect(self._on_modified_changed)

    def start(self) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        self._lock.tryLock(0)
        self.timer.start()

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
            self.document.editFailed.emit(f"Autosave failed: {exc.strerror or exc}")
            return False
        self._saved_revision = self.document.revision
        return True

    def _on_timeout(self) -> None:
        self.save_now()

    def _on_modified_changed(self, modified: bool) -> None:
        if not modified:
            self._remove_file()

    def _remove_file(self) -> None:
        self.file.unlink(missing_ok=True)
        self._saved_revision = -1


def find_recoveries(directory: Path) -> list[Recovery]:
    """Autosaves whose session is gone, newest first. Each returned one is locked by us
    until `discard()`; unreadable ones are skipped (and left for a person to inspect)."""
    found: list[Recovery] = []
    if not Path(directory).is_dir():
        return found
    _remove_stale_locks(Path(directory))
    for file in sorted(Path(directory).glob("autosave-*.json")):
        lock = QLockFile(str(file.with_suffix(".lock")))
        lock.setStaleLockTime(0)
        if not lock.tryLock(0):
            continue  # a running session owns it
        try:
            data = json.loads(file.read_text(encoding="utf-8"))
            if not isinstance(data, dict) or data.get("format") != FORMAT:
                raise DesignError("", "not an autosave file")
            design = design_from_dict(data.get("design"))
        except (OSError, ValueError) as exc:
            lock.unlock()
            _log.warning("ignoring unreadable autosave %s: %s", file, exc)
            continue
        found.append(Recovery(file, design, str(data.get("path") or ""), str(data.get("saved_at") or ""), lock))
    found.sort(key=lambda r: r.saved_at, reverse=True)
    return found


def _remove_stale_locks(directory: Path) -> None:
    """Lock files of sessions that ended without an autosave (killed while unmodified)."""
    for lock_file in directory.glob("autosave-*.lock"):
        if lock_file.with_suffix(".json").exists():
            continue
        lock = QLockFile(str(lock_file))
        lock.setStaleLockTime(0)
        if lock.tryLock(0):
            lock.unlock()  # unlock removes the file
