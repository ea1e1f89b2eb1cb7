"""The run history: every training run, from the window and the CLI, in one SQLite file.

    store = RunStore()                      # user_data_dir() / "runs.sqlite3"
    run_id = store.start_run(design_json=..., design_name="LeNet-5", dataset="embedded", settings={...})
    store.record_epoch(run_id, EpochRecord(1, 0.41, 0.88, 0.19, 0.94, 3e-3, 2.5))
    store.record_steps(run_id, [StepPoint(1, 0.01, 2.30), ...])
    store.finish(run_id, FINISHED)
    store.list(RunFilter(dataset="embedded"), sort="best_val_acc", limit=100)   # one page
    store.count(RunFilter(...)); store.get(run_id); store.rename / set_note / delete

Why SQLite: embedded (nothing to set up), and safe for two writers at once (the window
and a CLI run). The file runs in WAL mode; every write is one short `BEGIN IMMEDIATE`
transaction and connections wait (busy timeout) instead of failing while another holds
the lock. Listing is a query per page over indexed columns (best/last accuracy, epochs
done and the writer's liveness live on the run's row), so 10,000 runs list as fast as 10.

A run that dies never stays "running": the writer's host, pid and process start token
are stored, and opening the store marks a running run whose process is gone (on this
host; elsewhere, after a day without a heartbeat) as interrupted. A file that is not a
SQLite database or fails `PRAGMA integrity_check` is moved aside (renamed with a UTC
timestamp; `RunStore.damaged` says where) and a fresh one started.

The schema is versioned with `PRAGMA user_version`; `MIGRATIONS[i]` takes a file from
version i to i + 1, so an older file is brought up to date when opened, in one
transaction. Shipped steps never change; a new column is a new step.
"""

from __future__ import annotations

import json
import logging
import math
import os
import socket
import sqlite3
import sys
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

import numpy as np

from playground.core.i18n import N_, _
from playground.paths import user_data_dir

log = logging.getLogger(__name__)

DB_NAME = "runs.sqlite3"
RUNNING, FINISHED, STOPPED, FAILED, INTERRUPTED = "running", "finished", "stopped", "failed", "interrupted"
STATUSES = (RUNNING, FINISHED, STOPPED, FAILED, INTERRUPTED)
ENDED = (FINISHED, STOPPED, FAILED, INTERRUPTED)
# The message of a run whose process died while it ran: stored in English, translated where shown.
ENDED_ELSEWHERE = N_("the process that trained it ended before the run did")
MAX_STEP_POINTS = 2000  # the loss curve of one run never holds more points than this
BUSY_TIMEOUT_S = 30.0
STALE_AFTER_S = 24 * 3600.0  # a run from another host with no heartbeat for this long is interrupted

MIGRATIONS: tuple[str, ...] = (
    # 0 -> 1: runs and their per-epoch metrics.
    """
    CREATE TABLE runs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        name TEXT NOT NULL,
        status TEXT NOT NULL,
        started_at REAL NOT NULL,
        ended_at REAL,
        duration_s REAL,
        design_name TEXT NOT NULL DEFAULT '',
        design_json TEXT NOT NULL DEFAULT '',
        dataset TEXT NOT NULL DEFAULT '',
        settings_json TEXT NOT NULL DEFAULT '{}',
        device TEXT NOT NULL DEFAULT '',
        params INTEGER,
        macs INTEGER,
        epochs_done INTEGER NOT NULL DEFAULT 0,
        best_val_acc REAL,
        last_val_acc REAL,
        last_val_loss REAL,
        confusion_json TEXT,
        class_names_json TEXT,
        checkpoint_path TEXT,
        note TEXT NOT NULL DEFAULT '',
        message TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE epochs (
        run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        epoch INTEGER NOT NULL,
        train_loss REAL, train_acc REAL, val_loss REAL, val_acc REAL,
        lr REAL, duration_s REAL, samples_per_s REAL, at REAL,
        PRIMARY KEY (run_id, epoch)
    ) WITHOUT ROWID;
    CREATE INDEX runs_started ON runs(started_at);
    """,
    # 1 -> 2: the downsampled loss curve (one row per run: packed arrays keep the file
    # small and its integrity check quick), the writer's liveness, indexes for sorting.
    """
    CREATE TABLE curves (
        run_id INTEGER PRIMARY KEY REFERENCES runs(id) ON DELETE CASCADE,
        stride INTEGER NOT NULL,
        steps BLOB NOT NULL,
        progress BLOB NOT NULL,
        losses BLOB NOT NULL,
        weights BLOB NOT NULL
    );
    ALTER TABLE runs ADD COLUMN host TEXT NOT NULL DEFAULT '';
    ALTER TABLE runs ADD COLUMN pid INTEGER;
    ALTER TABLE runs ADD COLUMN process_token TEXT NOT NULL DEFAULT '';
    ALTER TABLE runs ADD COLUMN heartbeat_at REAL;
    CREATE INDEX runs_status ON runs(status);
    CREATE INDEX runs_best ON runs(best_val_acc);
    CREATE INDEX runs_macs ON runs(macs);
    CREATE INDEX runs_design ON runs(design_name);
    CREATE INDEX runs_dataset ON runs(dataset);
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)

# Sort keys a caller may ask for -> the SQL expression (never caller text in the SQL).
SORT_KEYS = {
    "id": "id", "started": "started_at", "ended": "ended_at", "name": "name COLLATE NOCASE",
    "design": "design_name COLLATE NOCASE", "dataset": "dataset", "status": "status",
    "epochs": "epochs_done", "best_val_acc": "best_val_acc", "last_val_acc": "last_val_acc",
    "val_loss": "last_val_loss", "params": "params", "macs": "macs", "duration": "duration_s",
}
_EPOCH_COLUMNS = "epoch, train_loss, train_acc, val_loss, val_acc, lr, duration_s, samples_per_s, at"
_NULLABLE = {"ended_at", "duration_s", "params", "macs", "best_val_acc", "last_val_acc", "last_val_loss"}
_SUMMARY_COLUMNS = ("id, name, status, started_at, ended_at, duration_s, design_name, dataset, device, params, "
                    "macs, epochs_done, best_val_acc, last_val_acc, last_val_loss, checkpoint_path, note, "
                    "message, source, settings_json")


class RunStoreError(Exception):
    """The run history cannot be used (unwritable folder, a file from a newer version, no such run)."""


class RunNotFound(RunStoreError, KeyError):
    """No run with that id."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else _("no such run")


@dataclass(frozen=True)
class EpochRecord:
    """One epoch's numbers: losses and accuracies (fractions), the learning rate at its
    end, its training time and speed, and when it ended (unix time; None: now)."""

    epoch: int
    train_loss: float
    train_acc: float
    val_loss: float
    val_acc: float
    lr: float | None = None
    duration_s: float | None = None
    samples_per_s: float | None = None
    at: float | None = None


@dataclass(frozen=True)
class StepPoint:
    """A point of the training loss curve: optimizer step, epochs done as a fraction
    (1.5 = halfway through epoch 2) and the mean loss it stands for."""

    step: int
    progress: float
    loss: float


@dataclass(frozen=True)
class RunSummary:
    """One row of the history: what a table shows, without the heavy columns."""

    id: int
    name: str
    status: str
    started_at: float
    ended_at: float | None
    duration_s: float | None
    design_name: str
    dataset: str
    device: str
    params: int | None
    macs: int | None
    epochs_done: int
    best_val_acc: float | None
    last_val_acc: float | None
    last_val_loss: float | None
    checkpoint_path: str | None
    note: str
    message: str
    source: str
    settings: dict[str, Any]

    @property
    def epochs_planned(self) -> int | None:
        value = self.settings.get("epochs")
        return value if isinstance(value, int) else None


@dataclass(frozen=True)
class Run:
    """Everything about one run: its summary, design, per-epoch metrics, loss curve and
    the confusion matrix of its last epoch (rows true class, columns predicted)."""

    summary: RunSummary
    design_json: str
    epochs: tuple[EpochRecord, ...]
    steps: tuple[StepPoint, ...]
    confusion: list[list[int]] | None
    class_names: list[str] | None

    @property
    def id(self) -> int:
        return self.summary.id


@dataclass(frozen=True)
class RunFilter:
    """Which runs to list: a text found in the run's or its design's name (any case),
    an exact dataset, statuses, and a start time range (unix seconds, inclusive)."""

    text: str = ""
    dataset: str | None = None
    statuses: tuple[str, ...] = ()
    started_from: float | None = None
    started_to: float | None = None

    def where(self) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        values: list[Any] = []
        if self.text:
            pattern = "%" + self.text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            clauses.append("(name LIKE ? ESCAPE '\\' OR design_name LIKE ? ESCAPE '\\')")
            values += [pattern, pattern]
        if self.dataset is not None:
            clauses.append("dataset = ?")
            values.append(self.dataset)
        if self.statuses:
            clauses.append(f"status IN ({', '.join('?' * len(self.statuses))})")
            values += list(self.statuses)
        if self.started_from is not None:
            clauses.append("started_at >= ?")
            values.append(self.started_from)
        if self.started_to is not None:
            clauses.append("started_at <= ?")
            values.append(self.started_to)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", values


@dataclass(frozen=True)
class DamagedFile:
    """A database that could not be used and was moved aside."""

    original: Path
    moved_to: Path
    reason: str

    def message(self) -> str:
        return _("the run history {path} was damaged ({reason}); moved it to {moved_to} and started a new "
                 "one").format(path=self.original, reason=self.reason, moved_to=self.moved_to)


def default_path() -> Path:
    """Where the run history lives: user_data_dir() / runs.sqlite3."""
    return user_data_dir() / DB_NAME


# ------------------------------------------------------------ is the writer alive?

def process_token(pid: int) -> str:
    """Something that changes when `pid` is reused by a new process: its start time in
    clock ticks after boot on Linux; "" where the system does not say."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return ""
    fields = stat[stat.rfind(")") + 2:].split()  # after "pid (comm) "; comm may hold spaces
    return fields[19] if len(fields) > 19 else ""


def process_alive(pid: int) -> bool:
    """Whether a process with this id runs on this machine (zombies count as dead)."""
    if pid <= 0:
        return False
    if sys.platform == "win32":
        return _windows_process_alive(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, owned by someone else
        return True
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return True  # no /proc (macOS): kill(0) is the answer
    return stat[stat.rfind(")") + 2:][:1] not in ("Z", "X")


def _windows_process_alive(pid: int) -> bool:
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return False
    try:
        code = ctypes.c_ulong()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return False
        return code.value == 259  # STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)


# ------------------------------------------------------------ the loss curve

@dataclass
class _Curve:
    """A run's downsampled loss curve as columns; stored as little-endian packed arrays."""

    stride: int = 1
    steps: list[int] = field(default_factory=list)
    progress: list[float] = field(default_factory=list)
    losses: list[float] = field(default_factory=list)
    weights: list[int] = field(default_factory=list)

    @classmethod
    def read(cls, db: sqlite3.Connection, run_id: int) -> "_Curve":
        row = db.execute("SELECT stride, steps, progress, losses, weights FROM curves WHERE run_id = ?",
                         (run_id,)).fetchone()
        if row is None:
            return cls()
        stride, *blobs = row
        columns = [np.frombuffer(blob, dtype).tolist() for blob, dtype in zip(blobs, _CURVE_DTYPES)]
        return cls(stride, *columns)

    def write(self, db: sqlite3.Connection, run_id: int) -> None:
        blobs = [np.asarray(column, dtype).tobytes()
                 for column, dtype in zip((self.steps, self.progress, self.losses, self.weights), _CURVE_DTYPES)]
        db.execute("INSERT OR REPLACE INTO curves VALUES (?, ?, ?, ?, ?, ?)", (run_id, self.stride, *blobs))

    def add(self, p: StepPoint) -> None:
        """Into the last point while it stands for fewer than `stride` raw points."""
        if self.weights and self.weights[-1] < self.stride:
            w = self.weights[-1]
            self.losses[-1] = (self.losses[-1] * w + p.loss) / (w + 1)
            self.weights[-1] = w + 1
            self.steps[-1], self.progress[-1] = p.step, p.progress
        else:
            self.steps.append(p.step)
            self.progress.append(p.progress)
            self.losses.append(p.loss)
            self.weights.append(1)

    def halve(self) -> None:
        """Merge neighbours in pairs (weighted mean loss, the later step) and double the stride."""
        w = self.weights
        pairs = range(0, len(w) - 1, 2)
        merged = [(self.losses[i] * w[i] + self.losses[i + 1] * w[i + 1]) / (w[i] + w[i + 1]) for i in pairs]
        odd = len(w) % 2 == 1
        self.losses = merged + (self.losses[-1:] if odd else [])
        self.steps = self.steps[1::2] + (self.steps[-1:] if odd else [])
        self.progress = self.progress[1::2] + (self.progress[-1:] if odd else [])
        self.weights = [w[i] + w[i + 1] for i in pairs] + (w[-1:] if odd else [])
        self.stride *= 2


_CURVE_DTYPES = ("<i8", "<f8", "<f8", "<i4")


# ------------------------------------------------------------ the store

def _is_damage(exc: sqlite3.DatabaseError) -> bool:
    """Not a database / corrupt, as opposed to locked, read-only or out of disk."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (11, 26)  # SQLITE_CORRUPT, SQLITE_NOTADB
    return type(exc) is sqlite3.DatabaseError


def _loads(text: str | None, default: Any) -> Any:
    if not text:
        return default
    try:
        return json.loads(text)
    except ValueError:
        return default


def _finite(value: float | None) -> float | None:
    """SQLite has no NaN; a missing number is NULL."""
    return None if value is None or not math.isfinite(value) else float(value)


class RunStore:
    """The run history in one SQLite file; see the module docstring.

    `check` (the default) verifies the file (moving a damaged one aside) and marks dead
    writers' runs as interrupted; a second store on the same file in the same process
    may skip that. A store may be used from any thread (calls are serialised).
    """

    def __init__(self, path: str | os.PathLike[str] | None = None, *, check: bool = True) -> None:
        self.path = Path(path) if path is not None else default_path()
        self.damaged: DamagedFile | None = None
        self._lock = threading.RLock()
        self._host = socket.gethostname()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise RunStoreError(_("cannot create the folder of the run history {folder}: {reason}").format(
                folder=self.path.parent, reason=exc.strerror or exc)) from None
        self._conn = self._open(check)
        if check:
            self.mark_interrupted()

    # -------------------------------------------------------- opening

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False)
        try:
            conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
            conn.execute("PRAGMA foreign_keys = ON")
        except BaseException:
            conn.close()
            raise
        return conn

    def _open(self, check: bool) -> sqlite3.Connection:
        try:
            conn = self._connect()
            try:
                if check:
                    problems = [row[0] for row in conn.execute("PRAGMA integrity_check").fetchmany(3)]
                    if problems != ["ok"]:
                        conn.close()
                        return self._replace_damaged("; ".join(problems))
                self._migrate(conn)
            except BaseException:
                conn.close()
                raise
            return conn
        except sqlite3.DatabaseError as exc:
            if check and _is_damage(exc):
                return self._replace_damaged(str(exc))
            raise RunStoreError(_("cannot open the run history {path}: {reason}").format(
                path=self.path, reason=exc)) from None

    def _replace_damaged(self, reason: str) -> sqlite3.Connection:
        stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
        target = self.path.with_name(f"{self.path.name}.damaged-{stamp}")
        n = 1
        while target.exists():
            n += 1
            target = self.path.with_name(f"{self.path.name}.damaged-{stamp}-{n}")
        try:
            os.replace(self.path, target)
            for suffix in ("-wal", "-shm"):
                side = self.path.with_name(self.path.name + suffix)
                if side.exists():
                    os.replace(side, target.with_name(target.name + suffix))
        except OSError as exc:
            raise RunStoreError(_("the run history {path} is damaged ({reason}) and could not be moved aside: "
                                  "{error}").format(path=self.path, reason=reason, error=exc.strerror or exc)) from None
        self.damaged = DamagedFile(self.path, target, reason)
        log.info("%s", self.damaged.message())  # the caller shows it (stderr, a dialog)
        conn = self._connect()
        self._migrate(conn)
        return conn

    def _migrate(self, conn: sqlite3.Connection) -> None:
        """Refuse a newer file untouched; otherwise switch to WAL and bring the schema up to date."""
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise RunStoreError(_("the run history {path} was written by a newer cnn-playground (schema {version}; "
                                  "this one reads up to {supported})").format(
                path=self.path, version=version, supported=SCHEMA_VERSION))
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        if version == SCHEMA_VERSION:
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]  # another process may have done it
            for step in range(version, SCHEMA_VERSION):
                for statement in MIGRATIONS[step].split(";"):
                    if statement.strip():
                        conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> "RunStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One short write transaction; taking the write lock up front means a busy
        database is waited for (busy timeout), never failed on midway."""
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        """Several queries that see one snapshot."""
        with self._lock:
            self._conn.execute("BEGIN")
            try:
                yield self._conn
            finally:
                self._conn.execute("COMMIT")

    # -------------------------------------------------------- writing a run

    def start_run(self, *, design_json: str, design_name: str, dataset: str, settings: dict[str, Any],
                  device: str = "", params: int | None = None, macs: int | None = None, source: str = "",
                  name: str | None = None, started_at: float | None = None) -> int:
        """A new run, status running, owned by this process; returns its id."""
        now = time.time()
        pid = os.getpid()
        with self._write() as db:
            cursor = db.execute(
                "INSERT INTO runs (name, status, started_at, design_name, design_json, dataset, settings_json, "
                "device, params, macs, source, host, pid, process_token, heartbeat_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (name if name is not None else design_name, RUNNING, started_at if started_at is not None else now,
                 design_name, design_json, dataset, json.dumps(settings, sort_keys=True), device, params, macs,
                 source, self._host, pid, process_token(pid), now))
            return int(cursor.lastrowid)  # type: ignore[arg-type]

    def set_details(self, run_id: int, *, device: str | None = None,
                    class_names: Sequence[str] | None = None) -> None:
        """What is known only once training began: the device, the dataset's class names."""
        with self._write() as db:
            self._require(db, run_id)
            if device is not None:
                db.execute("UPDATE runs SET device = ? WHERE id = ?", (device, run_id))
            if class_names is not None:
                db.execute("UPDATE runs SET class_names_json = ? WHERE id = ?",
                           (json.dumps(list(class_names)), run_id))

    def record_epoch(self, run_id: int, record: EpochRecord,
                     confusion: Sequence[Sequence[int]] | None = None) -> None:
        """Store one epoch's metrics (again for the same epoch: replaced) and, when given,
        the confusion matrix as the run's latest."""
        at = record.at if record.at is not None else time.time()
        with self._write() as db:
            self._require(db, run_id)
            db.execute("INSERT OR REPLACE INTO epochs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       (run_id, record.epoch, _finite(record.train_loss), _finite(record.train_acc),
                        _finite(record.val_loss), _finite(record.val_acc), _finite(record.lr),
                        _finite(record.duration_s), _finite(record.samples_per_s), at))
            db.execute("UPDATE runs SET epochs_done = (SELECT count(*) FROM epochs WHERE run_id = :id), "
                       "best_val_acc = (SELECT max(val_acc) FROM epochs WHERE run_id = :id), "
                       "last_val_acc = :acc, last_val_loss = :loss, heartbeat_at = :now WHERE id = :id",
                       {"id": run_id, "acc": _finite(record.val_acc), "loss": _finite(record.val_loss),
                        "now": time.time()})
            if confusion is not None:
                db.execute("UPDATE runs SET confusion_json = ? WHERE id = ?",
                           (json.dumps([[int(v) for v in row] for row in confusion]), run_id))

    def record_steps(self, run_id: int, points: Iterable[StepPoint]) -> None:
        """Append points of the training loss curve. The curve keeps at most
        MAX_STEP_POINTS points, evenly spread: each stored point is the mean of up to
        `stride` raw points, and when the curve fills up, neighbours merge in pairs and
        the stride doubles."""
        fresh = [p for p in points if math.isfinite(p.loss)]
        if not fresh:
            return
        with self._write() as db:
            self._require(db, run_id)
            curve = _Curve.read(db, run_id)
            for p in fresh:
                curve.add(p)
            while len(curve.steps) > MAX_STEP_POINTS:
                curve.halve()
            curve.write(db, run_id)
            db.execute("UPDATE runs SET heartbeat_at = ? WHERE id = ?", (time.time(), run_id))

    def finish(self, run_id: int, status: str, *, message: str = "", duration_s: float | None = None,
               ended_at: float | None = None) -> None:
        """End a run: finished, stopped, failed (with `message`) or interrupted."""
        if status not in ENDED:
            raise ValueError(f"a run ends as one of {', '.join(ENDED)}, not {status!r}")
        with self._write() as db:
            self._require(db, run_id)
            db.execute("UPDATE runs SET status = ?, message = ?, ended_at = ?, "
                       "duration_s = coalesce(?, duration_s, ? - started_at) WHERE id = ?",
                       (status, message, ended_at if ended_at is not None else time.time(), _finite(duration_s),
                        ended_at if ended_at is not None else time.time(), run_id))

    def heartbeat(self, run_id: int) -> None:
        """The writer is still at it (for runs read from another host)."""
        with self._write() as db:
            db.execute("UPDATE runs SET heartbeat_at = ? WHERE id = ?", (time.time(), run_id))

    def set_checkpoint(self, run_id: int, path: str | os.PathLike[str]) -> None:
        with self._write() as db:
            self._require(db, run_id)
            db.execute("UPDATE runs SET checkpoint_path = ? WHERE id = ?", (str(Path(path).resolve()), run_id))

    def rename(self, run_id: int, name: str) -> None:
        with self._write() as db:
            self._require(db, run_id)
            db.execute("UPDATE runs SET name = ? WHERE id = ?", (name, run_id))

    def set_note(self, run_id: int, note: str) -> None:
        with self._write() as db:
            self._require(db, run_id)
            db.execute("UPDATE runs SET note = ? WHERE id = ?", (note, run_id))

    def delete(self, run_ids: int | Iterable[int]) -> int:
        """Delete runs with their metrics; returns how many there were."""
        ids = [run_ids] if isinstance(run_ids, int) else list(run_ids)
        with self._write() as db:
            gone = 0
            for run_id in ids:
                gone += db.execute("DELETE FROM runs WHERE id = ?", (run_id,)).rowcount
            return gone

    def mark_interrupted(self) -> int:
        """Runs still 'running' whose writer is gone become 'interrupted'; returns how many.
        Gone: on this host, the process died (or its pid now belongs to another process);
        on another host, no heartbeat for STALE_AFTER_S."""
        with self._lock:
            rows = self._conn.execute("SELECT id, host, pid, process_token, heartbeat_at, started_at FROM runs "
                                      "WHERE status = ?", (RUNNING,)).fetchall()
        dead = [run_id for run_id, host, pid, token, beat, started in rows
                if self._writer_gone(host, pid, token, beat if beat is not None else started)]
        if not dead:
            return 0
        with self._write() as db:
            for run_id in dead:
                db.execute("UPDATE runs SET status = ?, ended_at = coalesce(heartbeat_at, started_at), message = ? "
                           "WHERE id = ? AND status = ?", (INTERRUPTED, ENDED_ELSEWHERE, run_id, RUNNING))
            log.info("marked %d run(s) interrupted", len(dead))
        return len(dead)

    def _writer_gone(self, host: str, pid: int | None, token: str, beat: float) -> bool:
        if host != self._host or pid is None:
            return time.time() - beat > STALE_AFTER_S
        if not process_alive(pid):
            return True
        return bool(token) and process_token(pid) not in ("", token)

    @staticmethod
    def _require(db: sqlite3.Connection, run_id: int) -> None:
        if db.execute("SELECT 1 FROM runs WHERE id = ?", (run_id,)).fetchone() is None:
            raise RunNotFound(_("no run {id} in the run history").format(id=run_id))

    # -------------------------------------------------------- reading

    @staticmethod
    def _summary(row: Sequence[Any]) -> RunSummary:
        *head, settings = row
        return RunSummary(*head, settings=_loads(settings, {}))

    def list(self, filters: RunFilter | None = None, *, sort: str = "started", descending: bool = True,
             limit: int | None = None, offset: int = 0) -> list[RunSummary]:
        """One page of runs, sorted by a key of SORT_KEYS (ties: newest id first or last)."""
        if sort not in SORT_KEYS:
            raise ValueError(f"sort by one of {', '.join(SORT_KEYS)}, not {sort!r}")
        where, values = (filters or RunFilter()).where()
        direction = "DESC" if descending else "ASC"
        column = SORT_KEYS[sort].split()[0]
        # Runs without the number go last either way. NULL sorts lowest, so newest or
        # biggest first needs nothing more and walks the column's index.
        nulls = f"({column} IS NULL), " if column in _NULLABLE and not descending else ""
        sql = (f"SELECT {_SUMMARY_COLUMNS} FROM runs{where} ORDER BY {nulls}{SORT_KEYS[sort]} {direction}, "
               f"id {direction} LIMIT ? OFFSET ?")
        with self._lock:
            rows = self._conn.execute(sql, [*values, -1 if limit is None else limit, offset]).fetchall()
        return [self._summary(row) for row in rows]

    def count(self, filters: RunFilter | None = None) -> int:
        where, values = (filters or RunFilter()).where()
        with self._lock:
            return int(self._conn.execute(f"SELECT count(*) FROM runs{where}", values).fetchone()[0])

    def histories(self, run_ids: Iterable[int]) -> dict[int, list[EpochRecord]]:
        """The per-epoch metrics of several runs at once (for overlaying curves)."""
        ids = list(dict.fromkeys(run_ids))
        found: dict[int, list[EpochRecord]] = {run_id: [] for run_id in ids}
        with self._read() as db:
            for start in range(0, len(ids), 500):  # SQLite caps the number of parameters
                chunk = ids[start:start + 500]
                for run_id, *values in db.execute(
                        f"SELECT run_id, {_EPOCH_COLUMNS} FROM epochs WHERE run_id IN ({', '.join('?' * len(chunk))}) "
                        "ORDER BY run_id, epoch", chunk):
                    found[run_id].append(EpochRecord(*values))
        return found

    def get(self, run_id: int) -> Run:
        with self._read() as db:
            row = db.execute(f"SELECT {_SUMMARY_COLUMNS}, design_json, confusion_json, class_names_json "
                             "FROM runs WHERE id = ?", (run_id,)).fetchone()
            if row is None:
                raise RunNotFound(_("no run {id} in the run history").format(id=run_id))
            epochs = tuple(EpochRecord(*r) for r in db.execute(
                f"SELECT {_EPOCH_COLUMNS} FROM epochs WHERE run_id = ? ORDER BY epoch", (run_id,)))
            curve = _Curve.read(db, run_id)
        *summary, design_json, confusion, class_names = row
        steps = tuple(StepPoint(*p) for p in zip(curve.steps, curve.progress, curve.losses))
        return Run(self._summary(summary), design_json, epochs, steps, _loads(confusion, None),
                   _loads(class_names, None))
