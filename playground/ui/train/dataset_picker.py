"""Choosing the data to train on: the embedded digits, a torchvision set, or a folder.

Loading and downloading run on a background thread (a torchvision set takes a second
or two to read, a download minutes), never in the GUI thread. Loaded sets stay in a
`DatasetCache` for the session, so the second run on MNIST starts at once. Offline, the
Download button fails with the core's message, which says where to put the files by hand.

A folder is first listed (nothing decoded); then the rule of the command line
(`core.trainer_choice.folder_data_path`) decides from its image count and the memory
budget setting whether it is held in memory (loaded now, as any set) or streamed from
disk while training (nothing more is read). The status says which and why, and follows
the budget as it changes.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from playground.core.datasets import (
    EMBEDDED,
    TORCHVISION_SOURCES,
    Dataset,
    DatasetError,
    DatasetInfo,
    cache_dir,
    check_fits,
    check_input_fits,
    load_dataset,
)
from playground.core.design import Design, DesignError
from playground.core.events import Callback, FailedEvent, InfoEvent, ProgressEvent
from playground.core.streaming import DataPath, FolderListing, list_image_folder
from playground.core.text import COMPACT, format_bytes, format_int, shape_str
from playground.core.trainer_choice import folder_data_path
from playground.ui.state.jobs import BackgroundJob
from playground.ui.widgets import style
from playground.ui.widgets.retranslate import Retranslating

FOLDER = "folder"

# (key, menu text, what the person is told about it); translated where shown (context DatasetPicker)
CHOICES: tuple[tuple[str, str, str], ...] = (
    (EMBEDDED, QT_TRANSLATE_NOOP("DatasetPicker", "Embedded MNIST (10,000 digits)"),
     QT_TRANSLATE_NOOP("DatasetPicker", "10,000 handwritten digits shipped with the app: 9,000 to train, 1,000 to "
                                        "validate. Works offline.")),
    ("mnist", "MNIST", QT_TRANSLATE_NOOP("DatasetPicker", "The full MNIST digits: 60,000 to train, 10,000 to "
                                                          "validate (downloads about 12 MB).")),
    ("fashionmnist", QT_TRANSLATE_NOOP("DatasetPicker", "Fashion-MNIST"),
     QT_TRANSLATE_NOOP("DatasetPicker", "28x28 grey photos of 10 kinds of clothing, 60,000 + 10,000 (about 30 MB).")),
    ("kmnist", "KMNIST", QT_TRANSLATE_NOOP("DatasetPicker", "28x28 handwritten Japanese (Kuzushiji) characters, 10 "
                                                            "classes, 60,000 + 10,000 (about 20 MB).")),
    ("cifar10", QT_TRANSLATE_NOOP("DatasetPicker", "CIFAR-10 (colour)"),
     QT_TRANSLATE_NOOP("DatasetPicker", "32x32 colour photos of 10 things (planes, cats, ...), 50,000 + 10,000 "
                                        "(about 170 MB).")),
    (FOLDER, QT_TRANSLATE_NOOP("DatasetPicker", "Your own images (a folder)…"),
     QT_TRANSLATE_NOOP("DatasetPicker", "A folder with one subfolder per class (cats/, dogs/, ...); images are "
                                        "resized to the design's input.")),
)

TONE_COLOURS = {"ok": "#1a7f37", "error": style.ERROR, "note": style.MUTED}


def _translate(text: str) -> str:
    """A text of the CHOICES table in the current language."""
    return QCoreApplication.translate("DatasetPicker", text)


def choice_title(key: str) -> str:
    """The menu text of a choice, in the current language."""
    return _translate(next(title for k, title, _ in CHOICES if k == key))


def choice_about(key: str) -> str:
    """What the person is told about a choice, in the current language."""
    return _translate(next(about for k, _, about in CHOICES if k == key))


class DatasetCache:
    """Loaded datasets of this session, by source (and input shape for a folder).

    `get` runs on the worker thread; `peek` on the GUI thread. A lock keeps them honest.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._sets: dict[tuple[str, tuple[int, ...]], Dataset] = {}

    @staticmethod
    def _key(spec: str, input_shape: Sequence[int]) -> tuple[str, tuple[int, ...]]:
        return (spec, tuple(input_shape) if not _is_named(spec) else ())

    def peek(self, spec: str, input_shape: Sequence[int]) -> Dataset | None:
        with self._lock:
            return self._sets.get(self._key(spec, input_shape))

    def get(self, spec: str, input_shape: Sequence[int], callback: Callback, download: bool = False) -> Dataset:
        """The cached set, or load it now (raises DatasetError with the core's message)."""
        found = self.peek(spec, input_shape)
        if found is not None:
            return found
        data = load_dataset(spec, input_shape=input_shape, download=download, callback=callback)
        with self._lock:
            self._sets[self._key(spec, input_shape)] = data
        return data


def _is_named(spec: str) -> bool:
    return spec == EMBEDDED or spec in TORCHVISION_SOURCES


class _Cancelled(Exception):
    """Raised inside the download's progress callback to abandon it."""


class LoadJob:
    """Load (and, if asked, download) one dataset into the cache; stoppable between chunks."""

    def __init__(self, cache: DatasetCache, spec: str, input_shape: Sequence[int], download: bool,
                 callback: Callback) -> None:
        self._cache, self._spec, self._shape, self._download = cache, spec, tuple(input_shape), download
        self._callback = callback
        self._stopped = threading.Event()

    def run(self) -> Dataset | None:
        try:
            data = self._cache.get(self._spec, self._shape, self._report, self._download)
        except _Cancelled:
            self._callback(InfoEvent(QCoreApplication.translate("DatasetPicker", "download cancelled")))
            return None
        except DatasetError as exc:
            self._callback(FailedEvent(str(exc)))
            return None
        return data

    def _report(self, event: Any) -> None:
        if self._stopped.is_set():
            raise _Cancelled()
        self._callback(event)

    def stop(self) -> None:
        self._stopped.set()


class ListJob:
    """List a folder's images (nothing decoded): what the data path is decided by."""

    def __init__(self, folder: str, callback: Callback) -> None:
        self._folder, self._callback = folder, callback

    def run(self) -> FolderListing | None:
        try:
            return list_image_folder(self._folder)
        except (DatasetError, OSError) as exc:
            self._callback(FailedEvent(str(exc)))
            return None

    def stop(self) -> None:
        """A listing takes a moment and cannot be interrupted; its result is kept."""


def describe_dataset(data: Dataset) -> str:
    info = data.info
    return _describe(len(data.train_x), len(data.val_x), info.class_names, info.input_shape)


def _describe(train: int, val: int, class_names: Sequence[str], shape: Sequence[int]) -> str:
    names = ", ".join(class_names[:4]) + (", …" if len(class_names) > 4 else "")
    return QCoreApplication.translate(
        "DatasetPicker", "{train} to train · {val} to validate · {count} classes ({names}) · {shape}").format(
        train=format_int(train), val=format_int(val), count=len(class_names), names=names,
        shape=shape_str(shape, COMPACT))


class DatasetPicker(Retranslating, QWidget):
    """Combo box of data sources, with status, Download button, progress and folder field."""

    changed = Signal()  # the choice or its readiness changed

    def __init__(self, cache: DatasetCache | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("datasetPicker")
        self.cache = cache or DatasetCache()
        self._design: Design | None = None
        self._error = ""
        self._info = ""  # a note from the last load, e.g. unreadable files skipped
        self._job_spec = ""  # what the running (or last) load job is loading
        self._downloading = False
        self._reload_when_done = False
        self._listings: dict[str, FolderListing] = {}  # folder -> its images, listed once
        self._memory_budget: int | None = None  # MiB, the settings' memory budget (None: automatic)
        self.job = BackgroundJob(self)
        self.job.update.connect(self._on_update)
        self.job.finished.connect(self._on_job_finished)

        self.combo = QComboBox()
        self.combo.setObjectName("datasetCombo")
        for key, _title, _about in CHOICES:
            self.combo.addItem("", key)
        self.combo.currentIndexChanged.connect(self._on_choice)

        self.folder_edit = QLineEdit()
        self.folder_edit.setObjectName("datasetFolder")
        self.folder_edit.editingFinished.connect(self._on_folder_edited)
        self.browse_button = QToolButton()
        self.browse_button.clicked.connect(self._browse)
        self.folder_row = QWidget()
        folder_layout = QHBoxLayout(self.folder_row)
        folder_layout.setContentsMargins(0, 0, 0, 0)
        folder_layout.addWidget(self.folder_edit, 1)
        folder_layout.addWidget(self.browse_button)

        self.status = QLabel()
        self.status.setObjectName("datasetStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.download_button = QPushButton()
        self.download_button.setObjectName("downloadButton")
        self.download_button.clicked.connect(self.download)
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("cancelDownloadButton")
        self.cancel_button.clicked.connect(self.job.stop)
        self.progress = QProgressBar()
        self.progress.setObjectName("downloadProgress")
        self.progress.setTextVisible(True)
        action_row = QHBoxLayout()
        action_row.setContentsMargins(0, 0, 0, 0)
        action_row.addWidget(self.progress, 1)
        action_row.addWidget(self.download_button)
        action_row.addWidget(self.cancel_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo)
        layout.addWidget(self.folder_row)
        layout.addWidget(self.status)
        layout.addLayout(action_row)
        self.retranslate_ui()
        self._on_choice()

    def retranslate_ui(self) -> None:
        """The choices, buttons and status in the current language."""
        for i, (_key, title, about) in enumerate(CHOICES):
            self.combo.setItemText(i, _translate(title))
            self.combo.setItemData(i, _translate(about), Qt.ItemDataRole.ToolTipRole)
        self.combo.setToolTip(self.tr("What to train on. Downloaded sets are kept in {folder}").format(
            folder=cache_dir()))
        self.folder_edit.setPlaceholderText(self.tr("folder with one subfolder per class"))
        self.browse_button.setText(self.tr("Browse…"))
        self.download_button.setText(self.tr("Download"))
        self.download_button.setToolTip(self.tr("Download this dataset into {folder}").format(folder=cache_dir()))
        self.cancel_button.setText(self.tr("Cancel"))
        self._show_state()
    # -- state --------------------------------------------------------------------------
    @property
    def key(self) -> str:
        return self.combo.currentData()

    def spec(self) -> str:
        """What `load_dataset` takes: a name, or the folder's path."""
        return self.folder_edit.text().strip() if self.key == FOLDER else self.key

    def input_shape(self) -> tuple[int, int, int]:
        return tuple(self._design.input) if self._design is not None else (1, 28, 28)  # type: ignore[return-value]

    def loaded(self) -> Dataset | None:
        spec = self.spec()
        return self.cache.peek(spec, self.input_shape()) if spec else None

    def listing(self) -> FolderListing | None:
        """The chosen folder's images, once listed (None for a named set)."""
        return self._listings.get(self.spec()) if self.key == FOLDER else None

    def data_path(self) -> DataPath | None:
        """The path the chosen folder takes under the memory budget, and its numbers (None:
        a named set, or a folder not listed yet): the command line's rule, core.trainer_choice."""
        listing = self.listing()
        if listing is None:
            return None
        return folder_data_path(listing.count, self.input_shape(), self._memory_budget)

    def streams(self) -> bool:
        """Whether the chosen data streams from disk while training."""
        path = self.data_path()
        return path is not None and path.streaming

    def title(self) -> str:
        """The data's name for the runs table: the set's or the folder's."""
        data, listing = self.loaded(), self.listing()
        if data is not None:
            return data.info.name
        return listing.root.name if listing is not None else self.combo.currentText()

    @property
    def busy(self) -> bool:
        return self.job.running

    def problem(self) -> str:
        """Why training cannot start with this choice now ("" when it can)."""
        if self.busy:
            return self.tr("wait until the data is ready")
        if self.key == FOLDER and not self.spec():
            return self.tr("choose a folder of images first")
        if self._error:
            return self._error
        return self.fit_problem()

    def fit_problem(self) -> str:
        """The design does not fit this data (known before loading for the named sets)."""
        if self._design is None:
            return ""
        data = self.loaded()
        listing = self.listing()
        try:
            if self.streams() and listing is not None:
                check_fits(self._design, self._streamed_info(listing))
            elif data is not None:
                check_fits(self._design, data)
            elif self.key in TORCHVISION_SOURCES:  # warned before a download the design could not use
                check_input_fits(self._design.input, TORCHVISION_SOURCES[self.key].input_shape, choice_title(self.key))
        except (DatasetError, DesignError) as exc:
            return str(exc)
        return ""

    def _streamed_info(self, listing: FolderListing) -> DatasetInfo:
        """What the fit check reads of a streamed folder: its classes, and the design's input
        (every image is resized to it). The mean and std are measured when training starts;
        the check does not read them, so neutral ones stand in."""
        channels = self.input_shape()[0]
        return DatasetInfo(listing.root.name, self.input_shape(), listing.classes, (0.0,) * channels,
                           (1.0,) * channels)

    def set_design(self, design: Design) -> None:
        """Follow the design (its input shape decides the fit and a folder's image size)."""
        shape_changed = self._design is None or tuple(design.input) != tuple(self._design.input)
        self._design = design
        if shape_changed and self.key == FOLDER and self.spec() and not self.busy:
            self._error = ""
            self._start_next_job()
        self._show_state()

    def set_memory_budget(self, memory_budget: int | None) -> None:
        """Follow the memory budget setting (MiB, None: automatic): it decides whether the
        chosen folder is held in memory (loaded now) or streamed (a load under way stops)."""
        if memory_budget == self._memory_budget:
            return
        self._memory_budget = memory_budget
        if self.key == FOLDER and self.listing() is not None:
            if self.busy and self.streams():
                self.job.stop()  # no use holding what will stream; the next job starts when it ends
                self._reload_when_done = True
            elif not self.busy and not self._error:
                self._start_next_job()
        self._show_state()
        self.changed.emit()

    def select(self, key: str) -> None:
        index = self.combo.findData(key)
        if index < 0:
            raise ValueError(f"unknown dataset choice {key!r}")
        self.combo.setCurrentIndex(index)

    def set_folder(self, path: str | Path) -> None:
        self.select(FOLDER)
        self.folder_edit.setText(str(path))
        self._on_folder_edited()

    def set_running(self, running: bool) -> None:
        """While a model trains the data cannot change."""
        for widget in (self.combo, self.folder_edit, self.browse_button, self.download_button):
            widget.setEnabled(not running)

    # -- actions ------------------------------------------------------------------------
    def download(self) -> None:
        if self.key in TORCHVISION_SOURCES and not self.busy:
            self._load(download=True)

    def shutdown(self) -> None:
        self.job.shutdown()

    def _on_choice(self) -> None:
        self.folder_row.setVisible(self.key == FOLDER)
        self._refresh_choice()

    def _on_folder_edited(self) -> None:
        if self.spec() != self._job_spec or not self.busy:
            self._refresh_choice()

    def _refresh_choice(self) -> None:
        """Start what the chosen data still needs (for a torchvision set this is also how we
        learn whether it was downloaded). A job still running for an earlier choice is
        cancelled where it can be and the new one starts when it ends."""
        self._error = ""
        if self.busy:
            self.job.stop()
            self._reload_when_done = True
        else:
            self._start_next_job()
        self._show_state()
        self.changed.emit()

    def _start_next_job(self) -> None:
        """List a folder not listed yet; load what is held in memory and not in the cache."""
        spec = self.spec()
        if not spec:
            return
        if self.key == FOLDER:
            if spec not in self._listings:
                self._list(spec)
                return
            if self.streams():
                return
        if self.loaded() is None:
            self._load(download=False)

    def _browse(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Folder of images, one subfolder per class"),
                                                self.folder_edit.text() or str(Path.home()))
        if path:
            self.folder_edit.setText(path)
            self._on_folder_edited()

    def _list(self, folder: str) -> None:
        self._error = ""
        self._info = ""
        self._job_spec = folder
        self._downloading = False
        self.progress.setRange(0, 0)
        self.progress.setFormat(self.tr("listing images…"))
        self.job.start(lambda callback: ListJob(folder, callback))
        self._show_state()

    def _load(self, download: bool) -> None:
        spec, shape, cache = self.spec(), self.input_shape(), self.cache
        self._error = ""
        self._info = ""
        self._job_spec = spec
        self._downloading = download
        self.progress.setRange(0, 0)  # busy until the first progress event
        self.progress.setFormat(self.tr("downloading…") if download else self.tr("loading…"))
        self.job.start(lambda callback: LoadJob(cache, spec, shape, download, callback))
        self._show_state()

    def _on_update(self, event: object) -> None:
        if isinstance(event, ProgressEvent):
            if event.total > 0:
                self.progress.setRange(0, 1000)
                self.progress.setValue(int(1000 * event.done / event.total))
                sizes = format_bytes if "download" in event.what else format_int
                self.progress.setFormat(self.tr("{what}: {done} of {total}").format(
                    what=event.what, done=sizes(event.done), total=sizes(event.total)))
            else:
                self.progress.setRange(0, 0)
                self.progress.setFormat(event.what)
        elif isinstance(event, FailedEvent) and self._job_spec == self.spec():
            self._error = event.message
        elif isinstance(event, InfoEvent) and self._job_spec == self.spec():
            self._info = event.message

    def _on_job_finished(self, result: object) -> None:
        if isinstance(result, FolderListing):
            self._listings[self._job_spec] = result
        if self._reload_when_done:
            self._reload_when_done = False
            self._refresh_choice()
            return
        if isinstance(result, FolderListing) and self._job_spec == self.spec():
            self._start_next_job()  # held in memory: load it now
        self._show_state()
        self.changed.emit()

    def data_path_line(self) -> str:
        """Which path the chosen folder takes while training (held in memory or streamed
        from disk) and why: the numbers of core.trainer_choice.folder_data_path."""
        path = self.data_path()
        if path is None:
            return ""
        numbers = dict(images=format_int(path.images), shape=shape_str(path.input_shape, COMPACT),
                       need=format_bytes(path.need), budget=format_bytes(path.budget))
        if path.streaming:
            return self.tr("Streams from disk while training: {images} images at {shape} take {need}, over the "
                           "memory budget of {budget}.").format(**numbers)
        return self.tr("Held in memory while training: {images} images at {shape} take {need}, within the "
                       "memory budget of {budget}.").format(**numbers)

    def _show_state(self) -> None:
        """Status text, and which of download / progress / cancel are shown."""
        key, data, busy = self.key, self.loaded(), self.busy
        about = choice_about(key)
        listing = self.listing()
        streams = self.streams()
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy and self._downloading)
        self.download_button.setVisible(key in TORCHVISION_SOURCES and data is None and not busy)
        if busy or (key == FOLDER and not self.spec()):
            text, tone = about, "note"
        elif streams and listing is not None and not self._error:
            text, tone = self.tr("Ready: {what}").format(what=_describe(
                len(listing.train), len(listing.val), listing.classes, self.input_shape())), "ok"
        elif data is not None:
            text, tone = self.tr("Ready: {what}").format(what=describe_dataset(data)), "ok"
            if self._info and self._job_spec == self.spec():
                text += f"\n({self._info})"
        elif self._error and self._downloading:
            text, tone = self.tr("Download failed (offline?): {reason}").format(reason=self._error), "error"
        elif self._error and key in TORCHVISION_SOURCES:
            text, tone = self.tr("{about} Not downloaded yet: click Download (it goes to {folder}).").format(
                about=about, folder=cache_dir()), "note"
        elif self._error:
            text, tone = self._error, "error"
        else:
            text, tone = about, "note"
        path_line = self.data_path_line() if not busy and not self._error else ""
        if path_line:
            text += "\n" + path_line
        fit = "" if busy else self.fit_problem()
        if fit:
            text, tone = f"{text}\n⚠ {fit}", "error"
        self.status.setText(text)
        self.status.setToolTip(self._error)  # e.g. where to put the files by hand
        self.status.setProperty("tone", tone)
        self.status.setStyleSheet(f"color: {TONE_COLOURS[tone]};")
