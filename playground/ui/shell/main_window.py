"""The main window: the design editor in the centre, palette, inspector and summary in
docks, totals in the status bar, and the File/Edit/View/Help menus.

It owns one `DesignDocument` and wires views to it; file handling (open, save, recent,
examples, unsaved-change prompts, autosave recovery, the last session) lives here because
it is about the window's life, not about designs. Other pages (training, drawing, the
kernel slide) are added as tabs with `add_page`.

Menus, toolbar, shortcuts and the Help ▸ Keyboard Shortcuts list are built from the action
table (shell/actions.py); `install_actions` adds further rows of it (the Workbench's).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QByteArray, QEvent, QSettings, QSize, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QDockWidget, QFileDialog, QHeaderView, QLabel, QMainWindow,
                               QMenu, QMessageBox, QTableWidget, QTableWidgetItem, QTabWidget, QToolBar, QUndoView,
                               QVBoxLayout, QWidget)

from playground import __version__
from playground.core.analysis import Analysis
from playground.core.design import Design, DesignError, design_from_json, design_to_json, load_design, new_block
from playground.core.fileio import WriteError
from playground.paths import example_paths, user_data_dir
from playground.ui.widgets import style
from playground.ui.shell.autosave import DEFAULT_INTERVAL_S, Autosave, scan_recoveries
from playground.ui.shell.language_menu import LanguageMenu
from playground.core.text import format_bytes, format_count, format_int
from playground.ui.state.document import INPUT_ID, DesignDocument
from playground.ui.design.editor import DesignEditor
from playground.ui.design.inspector import BlockInspector
from playground.ui.state.active_model import ModelHub
from playground.ui.design.palette import LayerPalette
from playground.ui.design.summary_view import SummaryTable
from playground.ui.shell.actions import MENUS, TOOLBAR, WINDOW_ACTIONS, shortcut_specs
from playground.ui.design.edit_actions import DESIGN_PAGE
from playground.ui.widgets.action_table import ActionSet, ActionSpec, lay_out, shortcut_rows, translate

APP_NAME = "CNN Playground"
MAX_RECENT = 8
_STATE_VERSION = 1
FILE_FILTER = "Designs (*.json);;All files (*)"

# The design a first start opens. LeNet-5 with ReLU and max pooling reaches 97% on the
# embedded digits with the default settings in about 5 s of training; the 1998 LeNet-5
# (sigmoid, average pooling) reaches 86% with them and needs a 7x larger learning rate and
# 8 epochs for 97%, so it stays one click away under File > Examples.
OPENING_EXAMPLE = "lenet5_relu"


def default_design_path() -> Path | None:
    """The design a first start shows: OPENING_EXAMPLE when the examples are there."""
    for path in example_paths():
        if path.stem == OPENING_EXAMPLE:
            return path
    return None


def example_name(path: Path) -> str:
    """An example's design name for the menu (its file name if it cannot be read)."""
    try:
        return load_design(path).name or path.stem
    except DesignError:
        return path.stem


class MainWindow(QMainWindow):
    """The application window; `document` is the open design, `hub` the active model."""

    closing = Signal()  # the close was confirmed: pages stop their work (threads, timers) now

    def __init__(self, hub: ModelHub | None = None, settings: QSettings | None = None,
                 data_dir: Path | None = None) -> None:
        super().__init__()
        self.setObjectName("MainWindow")
        self.hub = hub if hub is not None else ModelHub(self)
        self.settings = settings if settings is not None else QSettings()
        self.document = DesignDocument(parent=self)
        self._data_dir = Path(data_dir) if data_dir is not None else user_data_dir()
        self._closing_confirmed = False
        self._leave_guards: list[Callable[[str], bool]] = []
        self._design_docks_shown: dict[str, bool] = {}
        self._pages: dict[str, int] = {DESIGN_PAGE: 0}  # page id -> tab index (name_pages)
        self._page_tips: dict[int, str] = {}
        self._action_sets: list[ActionSet] = []
        self._page_groups: dict[str, QActionGroup] = {}

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("mainTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.setTabBarAutoHide(True)  # one page needs no tab bar; add_page brings it back
        self.editor = DesignEditor(self.document, self)
        self.tabs.addTab(self.editor, style.icon("design"), "Design")
        self.setCentralWidget(self.tabs)
        self.tabs.currentChanged.connect(self._on_page_changed)

        self.palette = LayerPalette(self)
        self.inspector = BlockInspector(self.document, self)
        self.summary = SummaryTable(self.document, self)
        self.history = QUndoView(self.document.undo_stack, self)
        self.history.setObjectName("undoHistory")
        self.history.setEmptyLabel("Opened design")
        self.palette_dock = self._dock("Layers", "paletteDock", self.palette, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.inspector_dock = self._dock("Inspector", "inspectorDock", self.inspector,
                                         Qt.DockWidgetArea.RightDockWidgetArea)
        self.summary_dock = self._dock("Summary", "summaryDock", self.summary, Qt.DockWidgetArea.BottomDockWidgetArea)
        self.history_dock = self._dock("History", "historyDock", self.history, Qt.DockWidgetArea.RightDockWidgetArea)
        self.tabifyDockWidget(self.inspector_dock, self.history_dock)
        self.inspector_dock.raise_()
        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        self.setDockOptions(QMainWindow.DockOption.AnimatedDocks | QMainWindow.DockOption.AllowTabbedDocks)

        self._build_status_bar()
        self._build_actions()
        self.resize(1280, 800)
        self._apply_default_dock_sizes()
        self._default_state = self.saveState(_STATE_VERSION)
        self._restore_window_state()

        self.autosave = Autosave(self.document, self._data_dir / "autosave",
                                 int(self.settings.value("autosave/intervalSeconds", DEFAULT_INTERVAL_S) or
                                     DEFAULT_INTERVAL_S), self)
        if not self.autosave.start():
            self._say_autosave_is_off(self.autosave.unavailable)

        self.document.designChanged.connect(self._on_design_changed)
        self.document.analysisChanged.connect(self._on_analysis_changed)
        self.document.pathChanged.connect(self._on_path_changed)
        self.document.modifiedChanged.connect(self._on_modified_changed)
        self.document.lockedChanged.connect(self._on_locked_changed)
        self.document.editRefused.connect(self._on_edit_refused)
        self.document.editFailed.connect(self._on_edit_failed)
        self.editor.inspectRequested.connect(self._on_inspect_requested)
        self.palette.activated.connect(self._on_palette_activated)

        default = default_design_path()
        if default is not None:
            self.document.open_design(load_design(default))
        self._refresh_all()

    # ------------------------------------------------------------ building

    def _dock(self, title: str, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable
                         | QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.addDockWidget(area, dock)
        return dock

    def _apply_default_dock_sizes(self) -> None:
        self.history_dock.hide()
        self.resizeDocks([self.palette_dock, self.inspector_dock], [240, 350], Qt.Orientation.Horizontal)
        self.resizeDocks([self.summary_dock], [175], Qt.Orientation.Vertical)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        bar.setSizeGripEnabled(True)
        self.params_label = QLabel()
        self.params_label.setObjectName("statusParams")
        self.macs_label = QLabel()
        self.macs_label.setObjectName("statusMacs")
        self.weights_label = QLabel()
        self.weights_label.setObjectName("statusWeights")
        self.validity_label = QLabel()
        self.validity_label.setObjectName("statusValidity")
        # Fixed widths: totals change on every edit and must not re-lay out the window.
        metrics = self.fontMetrics()
        for label, template in ((self.params_label, "000,000,000 params (000,000,000 trainable)"),
                                (self.macs_label, "000.0M MACs"), (self.weights_label, "000.0 MiB weights"),
                                (self.validity_label, "● 00 errors")):
            label.setContentsMargins(10, 0, 10, 0)
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            label.setFixedWidth(int(metrics.horizontalAdvance(template) * 1.1) + 20)
            style.make_opaque(label, "#f7f8fa")
            bar.addPermanentWidget(label)

    def _build_actions(self) -> None:
        """The window's commands and the Design page's (action table), in menus and toolbar."""
        self.recent_menu = QMenu(self.tr("Open &Recent"), self)
        self.recent_menu.setObjectName("recentMenu")
        self.examples_menu = QMenu(self.tr("&Examples"), self)
        self.examples_menu.setObjectName("examplesMenu")
        self._fill_examples_menu()
        self.clear_recent_action = QAction(self.tr("Clear Recent Files"), self)
        self.clear_recent_action.triggered.connect(self._clear_recent)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self._fill_recent_menu()
        self.language_menu = LanguageMenu(self)

        self._menus: dict[str, QMenu] = {}
        for spec in MENUS:
            menu = self.menuBar().addMenu(translate(spec.title))
            menu.setObjectName(spec.object_name)
            self._menus[spec.id] = menu
        self.toolbar = QToolBar(self.tr("Main"), self)
        self.toolbar.setObjectName("mainToolBar")
        self.toolbar.setMovable(False)
        self.toolbar.setIconSize(QSize(18, 18))
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)
        self._tool_twins: dict[str, QAction] = {}

        self.window_actions = self.install_actions(WINDOW_ACTIONS, self)
        self._register(self.editor.edit_actions)
        self.new_action, self.open_action = self.window_actions["new"], self.window_actions["open"]
        self.save_action, self.save_as_action = self.window_actions["save"], self.window_actions["save_as"]
        self.quit_action, self.shortcuts_action = self.window_actions["quit"], self.window_actions["shortcuts"]
        self.undo_action, self.redo_action = self.window_actions["undo"], self.window_actions["redo"]
        edit = self.editor.edit_actions
        self.cut_action, self.copy_action, self.paste_action = edit["cut"], edit["copy"], edit["paste"]
        self.duplicate_action, self.delete_action = edit["duplicate"], edit["delete"]

    def install_actions(self, specs: tuple[ActionSpec, ...], target: object) -> ActionSet:
        """Build commands of the action table for `target` (whose attributes are their
        handlers) into this window: shortcuts, menus, toolbar, page gating, the F1 list."""
        actions = ActionSet(specs, target, self)
        self._register(actions)
        return actions

    def _register(self, actions: ActionSet) -> None:
        self._action_sets.append(actions)
        for spec, action in actions.items():
            if spec.page:
                group = self._page_groups.get(spec.page)
                if group is None:
                    group = self._page_groups[spec.page] = QActionGroup(self)
                    group.setExclusionPolicy(QActionGroup.ExclusionPolicy.None_)
                group.addAction(action)
        self._lay_out_bars()
        self._update_page_gates()
        self._update_page_tips()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.document.reanalyse()  # first: the pages then show block errors in the new language
            self._retranslate_bars()
        super().changeEvent(event)

    def _retranslate_bars(self) -> None:
        """Menu titles and every command's texts in the new language."""
        for spec in MENUS:
            self._menus[spec.id].setTitle(translate(spec.title))
        for actions in self._action_sets:
            actions.retranslate()
        for spec_id, twin in self._tool_twins.items():
            spec = next(s for actions in self._action_sets for s in actions.specs if s.id == spec_id)
            twin.setText(translate(spec.tool_text))
            twin.setToolTip(self.action(spec_id).toolTip())
        self.recent_menu.setTitle(self.tr("Open &Recent"))
        self.examples_menu.setTitle(self.tr("&Examples"))
        self.clear_recent_action.setText(self.tr("Clear Recent Files"))
        self.toolbar.setWindowTitle(self.tr("Main"))
        self._fill_examples_menu()
        self._update_page_tips()

    def action(self, action_id: str) -> QAction:
        """The QAction of a command of the table installed in this window."""
        for actions in self._action_sets:
            if action_id in actions:
                return actions[action_id]
        raise KeyError(action_id)

    def installed_specs(self) -> list[ActionSpec]:
        return [spec for actions in self._action_sets for spec in actions.specs]

    def _lay_out_bars(self) -> None:
        """Menus and toolbar from MENUS/TOOLBAR, with every command installed so far."""
        entries = [pair for actions in self._action_sets for pair in actions.items()]
        slots = {"recent": [self.recent_menu.menuAction()], "examples": [self.examples_menu.menuAction()],
                 "docks": [dock.toggleViewAction() for dock in self._design_docks()],
                 "language": [self.language_menu.menuAction()]}
        for spec in MENUS:
            groups: dict[str, list[QAction]] = {}
            for entry, action in entries:
                if entry.menu == spec.id:
                    groups.setdefault(entry.group, []).append(action)
            lay_out(self._menus[spec.id], spec.items, groups, slots)
        tools: dict[str, list[QAction]] = {}
        for entry, action in entries:
            if entry.tool:
                tools.setdefault(entry.tool, []).append(self._tool_action(entry, action))
        lay_out(self.toolbar, TOOLBAR, tools, {})

    def _tool_action(self, spec: ActionSpec, action: QAction) -> QAction:
        """The action itself, or for a `tool_text` a twin with a fixed short text: the menu's
        Undo names the step, the button keeps its size (and the window its layout)."""
        if not spec.tool_text:
            return action
        twin = self._tool_twins.get(spec.id)
        if twin is None:
            twin = self._tool_twins[spec.id] = QAction(action.icon(), translate(spec.tool_text), self)
            twin.setObjectName(spec.object_name.replace("Action", "ToolAction"))
            twin.setToolTip(action.toolTip())
            twin.triggered.connect(action.trigger)
            action.enabledChanged.connect(twin.setEnabled)
            twin.setEnabled(action.isEnabled())
        return twin

    def _fill_examples_menu(self) -> None:
        self.examples_menu.clear()
        for path in example_paths():
            action = self.examples_menu.addAction(example_name(path))
            action.setData(str(path))
            action.setStatusTip(f"Open the {path.stem} example")
            action.triggered.connect(lambda _=False, p=path: self.open_example(p))
        self.examples_menu.setEnabled(bool(self.examples_menu.actions()))

    # ------------------------------------------------------------ pages and menus for other panels

    def add_page(self, title: str, widget: QWidget, icon: QIcon | None = None, tip: str = "") -> int:
        """Add a tab next to "Design" (training, drawing, the kernel slide); returns its index."""
        index = self.tabs.addTab(widget, icon if icon is not None else QIcon(), title)
        self._page_tips[index] = tip
        self.tabs.setTabToolTip(index, tip)
        return index

    def name_pages(self, pages: dict[str, int]) -> None:
        """Give pages the ids the action table uses ("train": its tab index): commands with
        that `page` act only there, and `show_page(id)` shows it."""
        self._pages.update(pages)
        self._update_page_gates()
        self._update_page_tips()

    def show_page(self, page_id: str) -> None:
        self.tabs.setCurrentIndex(self._pages[page_id])

    def current_page(self) -> str:
        """The id of the page in view ("" for a page without one)."""
        index = self.tabs.currentIndex()
        return next((page for page, i in self._pages.items() if i == index), "")

    def _update_page_gates(self) -> None:
        """A command of a page is off while another page is in view: on the Draw page Ctrl+Z
        undoes a stroke, and Delete must not remove a block the person cannot see."""
        current = self.current_page()
        for page, group in self._page_groups.items():
            group.setEnabled(page == current)

    def _update_page_tips(self) -> None:
        """A tab's tooltip names the key that shows it (the page command's shortcut)."""
        for actions in self._action_sets:
            for spec, action in actions.items():
                if spec.handler.endswith("show_page") and spec.args[0] in self._pages:
                    index = self._pages[spec.args[0]]
                    key = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
                    tip = self._page_tips.get(index, "")
                    self.tabs.setTabToolTip(index, f"{tip} ({key})" if tip else key)

    def add_leave_guard(self, guard: Callable[[str], bool]) -> None:
        """`guard(what)` runs before the window closes or replaces the design (e.g. a running
        training asks to stop); it returns False to keep things as they are."""
        self._leave_guards.append(guard)

    def _design_docks(self) -> tuple[QDockWidget, ...]:
        return (self.palette_dock, self.inspector_dock, self.summary_dock, self.history_dock)

    def _on_page_changed(self, index: int) -> None:
        """The palette, inspector and summary belong to the Design page: other pages get the room."""
        on_design = index == 0
        self._update_page_gates()
        for dock in self._design_docks():
            if dock.isFloating():
                continue
            if on_design:
                if self._design_docks_shown.pop(dock.objectName(), False):
                    dock.show()
            elif dock.isVisible():
                self._design_docks_shown[dock.objectName()] = True
                dock.hide()

    def file_menu(self) -> QMenu:
        """The File menu (its commands come from the action table)."""
        return self._menus["file"]

    # ------------------------------------------------------------ files

    def confirm_discard(self, what: str = "open another design") -> bool:
        """Ask before unsaved changes are lost, then let the leave guards ask (a running
        training stops only once every question is answered yes); True when it is fine to go on."""
        return self._unsaved_changes_settled() and all(guard(what) for guard in self._leave_guards)

    def _unsaved_changes_settled(self) -> bool:
        if not self.document.modified:
            return True
        answer = QMessageBox.warning(
            self, "Unsaved changes",
            f"“{self.document.display_name}” has changes that are not saved.\nSave them first?",
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def new_design(self) -> bool:
        if not self.confirm_discard():
            return False
        self.document.new()
        self.document.select(INPUT_ID)
        self.statusBar().showMessage("New design: drag layers from the palette", 4000)
        return True

    def open_dialog(self) -> bool:
        if not self.confirm_discard():
            return False
        start = str(self.document.path.parent) if self.document.path else str(Path.home())
        path, _ = QFileDialog.getOpenFileName(self, "Open design", start, FILE_FILTER)
        return bool(path) and self.open_file(path, confirm=False)

    def open_file(self, path: str | Path, confirm: bool = True) -> bool:
        """Open a design; a bad file shows its error (with the JSON path) and changes nothing."""
        if confirm and not self.confirm_discard():
            return False
        try:
            self.document.load(path)
        except DesignError as exc:
            QMessageBox.critical(self, "Cannot open design", str(exc))
            return False
        self._add_recent(Path(path))
        self.statusBar().showMessage(f"Opened {Path(path).name}", 4000)
        return True

    def open_example(self, path: str | Path) -> bool:
        """Open a shipped example as a new untitled design (the original stays pristine)."""
        if not self.confirm_discard():
            return False
        try:
            design = load_design(path)
        except DesignError as exc:
            QMessageBox.critical(self, "Cannot open example", str(exc))
            return False
        self.document.open_design(design)
        self.statusBar().showMessage(f"Opened the {design.name} example", 4000)
        return True

    def save(self) -> bool:
        if self.document.path is None:
            return self.save_as()
        return self._save_to(self.document.path)

    def save_as(self, path: str | Path | None = None) -> bool:
        if path is None:
            suggested = self.document.path or Path.home() / f"{file_stem(self.document.design.name, 'design')}.json"
            chosen, _ = QFileDialog.getSaveFileName(self, "Save design as", str(suggested), FILE_FILTER)
            if not chosen:
                return False
            path = chosen if chosen.lower().endswith(".json") else chosen + ".json"
        return self._save_to(Path(path))

    def _save_to(self, path: Path) -> bool:
        try:
            self.document.save(path)
        except (DesignError, WriteError) as exc:
            QMessageBox.critical(self, "Cannot save design", str(exc))
            return False
        self._add_recent(path)
        self.statusBar().showMessage(f"Saved {path.name}", 4000)
        return True

    def recent_files(self) -> list[str]:
        value = self.settings.value("recentFiles", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or [])]

    def _add_recent(self, path: Path) -> None:
        text = str(Path(path).resolve())
        files = [text] + [f for f in self.recent_files() if f != text]
        self.settings.setValue("recentFiles", files[:MAX_RECENT])

    def _clear_recent(self) -> None:
        self.settings.setValue("recentFiles", [])
        self._fill_recent_menu()

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for i, file in enumerate(self.recent_files()):
            action = self.recent_menu.addAction(f"&{i + 1}  {Path(file).name}")
            action.setData(file)
            action.setStatusTip(file)
            action.setEnabled(Path(file).exists())
            action.triggered.connect(lambda _=False, f=file: self.open_file(f))
        if self.recent_menu.actions():
            self.recent_menu.addSeparator()
        self.recent_menu.addAction(self.clear_recent_action)
        self.clear_recent_action.setEnabled(bool(self.recent_files()))

    # ------------------------------------------------------------ session

    def start_session(self, design_path: str | Path | None = None) -> None:
        """What a normal start shows: the file asked for, else a crash recovery (if any, and
        accepted), else the design open when the app last closed, else OPENING_EXAMPLE."""
        if design_path is not None:
            self.open_file(design_path, confirm=False)
            return
        if self._offer_recovery():
            return
        last_path = str(self.settings.value("session/lastPath", "") or "")
        if last_path and Path(last_path).exists():
            try:
                self.document.load(last_path)
                return
            except DesignError as exc:
                self.statusBar().showMessage(f"Could not reopen {Path(last_path).name}: {exc}", 8000)
        last_design = str(self.settings.value("session/lastDesign", "") or "")
        if last_design:
            try:
                self.document.open_design(design_from_json(last_design))
            except DesignError as exc:
                self.statusBar().showMessage(f"Could not restore the last design: {exc}", 8000)

    def _say_autosave_is_off(self, reason: str) -> None:
        """A lasting note in the status bar: the work is not being autosaved, and why."""
        label = QLabel(self.tr("Autosave is off: {reason}").format(reason=reason), self)
        label.setObjectName("autosaveOffLabel")
        self.statusBar().addPermanentWidget(label)

    def _offer_recovery(self) -> bool:
        scan = scan_recoveries(self._data_dir / "autosave")
        if scan.set_aside:
            self.statusBar().showMessage(self.tr(
                "{count} damaged autosave(s) could not be read and were set aside: {name}").format(
                count=len(scan.set_aside), name=scan.set_aside[0].name), 10000)
        recoveries = scan.recoveries
        if not recoveries:
            return False
        newest = recoveries[0]
        name = Path(newest.original_path).name if newest.original_path else newest.design.name
        when = newest.saved_at.replace("T", " ")
        answer = QMessageBox.question(
            self, "Recover unsaved changes?",
            f"CNN Playground did not close normally. Unsaved changes to “{name}” were autosaved at {when}.\n\n"
            "Recover them?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes)
        for other in recoveries[1:]:
            other.lock.unlock()
        if answer == QMessageBox.StandardButton.Yes:
            self.document.open_design(newest.design, newest.original_path or None, modified=True)
            newest.discard()
            self.autosave.save_now()
            self.statusBar().showMessage(f"Recovered unsaved changes to {name}", 6000)
            return True
        newest.discard()
        return False

    def _save_session(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState(_STATE_VERSION))
        path = self.document.path
        self.settings.setValue("session/lastPath", str(path) if path else "")
        self.settings.setValue("session/lastDesign", "" if path else design_to_json(self.document.clean_design))
        self.settings.sync()

    def _restore_window_state(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        state = self.settings.value("window/state")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state, _STATE_VERSION)

    def reset_layout(self) -> None:
        for dock in (self.palette_dock, self.inspector_dock, self.summary_dock):
            dock.setFloating(False)
            dock.show()
        self.restoreState(self._default_state, _STATE_VERSION)
        self._apply_default_dock_sizes()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if not self._closing_confirmed and not self.confirm_discard("close the window"):
            event.ignore()
            return
        self._closing_confirmed = True
        self.tabs.setCurrentIndex(0)  # the saved dock layout is the Design page's
        self.closing.emit()
        self._save_session()
        self.autosave.stop()
        super().closeEvent(event)

    # ------------------------------------------------------------ help

    def show_about(self) -> None:
        QMessageBox.about(
            self, "About CNN Playground",
            f"<h3>CNN Playground {__version__}</h3>"
            "<p>Build a convolutional network from blocks, watch every shape and parameter count "
            "update as you go, train it, and see what it sees.</p>"
            "<p>Designs are plain JSON files; every number matches what PyTorch builds.</p>")

    def shortcut_rows(self) -> list[tuple[str, str]]:
        """(keys, what they do) for every key of the commands installed in this window."""
        return shortcut_rows(shortcut_specs(self.installed_specs()))

    def show_shortcuts(self) -> None:
        """Help ▸ Keyboard Shortcuts: the list, generated from the action table."""
        rows = self.shortcut_rows()
        dialog = QDialog(self)
        dialog.setObjectName("shortcutsDialog")
        dialog.setWindowTitle(self.tr("Keyboard shortcuts"))
        table = QTableWidget(len(rows), 2, dialog)
        table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("Action")])
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setShowGrid(False)
        table.setAlternatingRowColors(True)
        for row, (keys, what) in enumerate(rows):
            table.setItem(row, 0, QTableWidgetItem(keys))
            table.setItem(row, 1, QTableWidgetItem(what))
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(table)
        layout.addWidget(buttons)
        dialog.resize(560, 620)
        dialog.open()

    # ------------------------------------------------------------ document events

    def _refresh_all(self) -> None:
        self._on_analysis_changed(self.document.analysis)
        self._update_title()
        self._update_undo_actions()
        # Every push, undo, redo, merge and clear moves (or resets) the index: one signal is enough.
        self.document.undo_stack.indexChanged.connect(self._update_undo_actions)

    def _update_title(self) -> None:
        marker = "*" if self.document.modified else ""
        self.setWindowTitle(f"{self.document.display_name}{marker} — {APP_NAME}")

    def _update_undo_actions(self) -> None:
        """Undo and Redo name the step they take back (or redo), and are on when there is one."""
        stack = self.document.undo_stack
        for action_id, step in (("undo", stack.undoText()), ("redo", stack.redoText())):
            text = translate(self.window_actions.spec(action_id).text)
            self.window_actions[action_id].setText(f"{text} {step}" if step else text)
        self.window_actions.refresh()

    def can_undo(self) -> bool:
        return self.document.undo_stack.canUndo() and not self.document.locked

    def can_redo(self) -> bool:
        return self.document.undo_stack.canRedo() and not self.document.locked

    def _on_design_changed(self, design: Design) -> None:
        self._update_title()

    def _on_analysis_changed(self, analysis: Analysis) -> None:
        params = analysis.total_params
        trainable = analysis.trainable_params
        self.params_label.setText(f"<b>{format_int(params)}</b> params"
                                  + (f" ({format_int(trainable)} trainable)" if trainable != params else ""))
        self.params_label.setToolTip(f"{format_int(params)} parameters, {format_int(trainable)} trainable")
        self.macs_label.setText(f"<b>{format_count(analysis.total_macs)}</b> MACs")
        self.macs_label.setToolTip(f"{format_int(analysis.total_macs)} multiply-accumulates per image "
                                   f"({format_count(2 * analysis.total_macs)} FLOPs)")
        self.weights_label.setText(f"<b>{format_bytes(analysis.weight_bytes)}</b> weights")
        self.weights_label.setToolTip("Memory for the weights as float32")
        errors = len(analysis.errors)
        if analysis.ok:
            self.validity_label.setText("<span style='color:#2f8a44'>●</span> ready")
            self.validity_label.setToolTip("Every block has a valid shape")
        else:
            self.validity_label.setText(f"<span style='color:{style.ERROR}'>●</span> "
                                        f"{errors} error{'s' if errors != 1 else ''}" if errors else
                                        f"<span style='color:{style.ERROR}'>●</span> incomplete")
            self.validity_label.setToolTip("\n".join(f"{p}: {m}" for p, m in analysis.errors))

    def _on_path_changed(self, path: str) -> None:
        self._update_title()

    def _on_modified_changed(self, modified: bool) -> None:
        self._update_title()

    def _on_locked_changed(self, locked: bool, reason: str) -> None:
        self._update_undo_actions()
        if locked:
            self.statusBar().showMessage(reason, 5000)

    def _on_edit_refused(self, reason: str) -> None:
        self.statusBar().showMessage(f"Not now: {reason}", 5000)

    def _on_edit_failed(self, message: str) -> None:
        self.statusBar().showMessage(message, 6000)

    def _on_inspect_requested(self) -> None:
        self.inspector_dock.show()
        self.inspector_dock.raise_()
        self.inspector.focus_first_field()

    def _on_palette_activated(self, type_name: str) -> None:
        list_path, index = self.document.insertion_point()
        if self.document.insert_block(list_path, index, new_block(type_name)):
            self.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_palette_filter(self) -> None:
        self.palette_dock.show()
        self.palette_dock.raise_()
        self.palette.filter.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.palette.filter.selectAll()


def file_stem(name: str, fallback: str) -> str:
    """A plain file name for a design or model name: "LeNet-5 (ReLU)" -> "lenet-5_relu"."""
    return re.sub(r"[^a-z0-9_-]+", "_", name.strip().lower()).strip("_") or fallback

