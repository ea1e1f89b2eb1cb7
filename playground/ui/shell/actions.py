"""The application's commands, declared once: the action table.

`WINDOW_ACTIONS` are MainWindow's (handlers are its methods), `EDIT_ACTIONS` the Design
page's (declared by the page, edit_actions.py; handlers are DesignEditor methods) and
`WORKBENCH_ACTIONS` those the assembled app adds: model files, page switching and
training (handlers are Workbench attributes). From these specs the window builds its
menus (`MENUS`), its toolbar (`TOOLBAR`), the editor its context menu, and Help ▸ Keyboard
Shortcuts its list (`shortcut_specs`); README's "Keyboard shortcuts" table is checked
against them by the tests.
"""

from __future__ import annotations

from typing import Iterable

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QAction

from playground.ui.design.edit_actions import DESIGN_PAGE, EDIT_ACTIONS, NAVIGATION_KEYS
from playground.ui.widgets.action_table import ActionSpec, KeySpec, MenuSpec

TRAIN_PAGE = "train"

WINDOW_ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("new", QT_TRANSLATE_NOOP("Actions", "&New"), "new_design", shortcuts=("Ctrl+N",), icon="new",
               tip=QT_TRANSLATE_NOOP("Actions", "Start a new, empty design"), menu="file", group="open", tool="file"),
    ActionSpec("open", QT_TRANSLATE_NOOP("Actions", "&Open…"), "open_dialog", shortcuts=("Ctrl+O",), icon="open",
               tip=QT_TRANSLATE_NOOP("Actions", "Open a design file"), menu="file", group="open", tool="file"),
    ActionSpec("save", QT_TRANSLATE_NOOP("Actions", "&Save"), "save", shortcuts=("Ctrl+S",), icon="save",
               tip=QT_TRANSLATE_NOOP("Actions", "Save the design"), menu="file", group="save", tool="file"),
    ActionSpec("save_as", QT_TRANSLATE_NOOP("Actions", "Save &As…"), "save_as", shortcuts=("Ctrl+Shift+S",),
               tip=QT_TRANSLATE_NOOP("Actions", "Save under a new name"), menu="file", group="save"),
    ActionSpec("quit", QT_TRANSLATE_NOOP("Actions", "&Quit"), "close", shortcuts=("Ctrl+Q",),
               tip=QT_TRANSLATE_NOOP("Actions", "Quit CNN Playground"), menu="file", group="quit",
               role=QAction.MenuRole.QuitRole),
    ActionSpec("undo", QT_TRANSLATE_NOOP("Actions", "&Undo"), "document.undo", shortcuts=("Ctrl+Z",), icon="undo",
               tip=QT_TRANSLATE_NOOP("Actions", "Undo the last edit"), menu="edit", group="history",
               page=DESIGN_PAGE, enabled_when="can_undo", tool="history",
               tool_text=QT_TRANSLATE_NOOP("Actions", "Undo")),
    ActionSpec("redo", QT_TRANSLATE_NOOP("Actions", "&Redo"), "document.redo", shortcuts=("Ctrl+Shift+Z", "Ctrl+Y"),
               icon="redo", tip=QT_TRANSLATE_NOOP("Actions", "Redo the edit undone last"), menu="edit",
               group="history", page=DESIGN_PAGE, enabled_when="can_redo", tool="history",
               tool_text=QT_TRANSLATE_NOOP("Actions", "Redo")),
    ActionSpec("filter", QT_TRANSLATE_NOOP("Actions", "&Filter Layers"), "focus_palette_filter",
               shortcuts=("Ctrl+F",),
               tip=QT_TRANSLATE_NOOP("Actions", "Filter the layer palette (Enter adds the first match)"),
               menu="edit", group="filter", page=DESIGN_PAGE),
    ActionSpec("reset_layout", QT_TRANSLATE_NOOP("Actions", "&Reset Layout"), "reset_layout",
               tip=QT_TRANSLATE_NOOP("Actions", "Put the panels back where they started"), menu="view",
               group="layout"),
    ActionSpec("shortcuts", QT_TRANSLATE_NOOP("Actions", "&Keyboard Shortcuts"), "show_shortcuts",
               shortcuts=("F1",), tip=QT_TRANSLATE_NOOP("Actions", "List all keyboard shortcuts"), menu="help",
               group="help"),
    ActionSpec("about", QT_TRANSLATE_NOOP("Actions", "&About CNN Playground"), "show_about", menu="help",
               group="help", role=QAction.MenuRole.AboutRole),
)

WORKBENCH_ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("save_model", QT_TRANSLATE_NOOP("Actions", "Save &Model…"), "save_model_dialog",
               shortcuts=("Ctrl+Alt+S",), icon="save",
               tip=QT_TRANSLATE_NOOP("Actions", "Save the active model (design, weights, metrics) as a checkpoint"),
               menu="file", group="model"),
    ActionSpec("load_model", QT_TRANSLATE_NOOP("Actions", "&Load Model…"), "load_model_dialog",
               shortcuts=("Ctrl+Alt+O",), icon="open",
               tip=QT_TRANSLATE_NOOP("Actions", "Load a checkpoint and make it the active model"),
               menu="file", group="model"),
    ActionSpec("import_model", QT_TRANSLATE_NOOP("Actions", "&Import PyTorch Model…"), "importer.open",
               tip=QT_TRANSLATE_NOOP("Actions", "Turn a torchvision model or a PyTorch module into a design"),
               menu="file", group="import"),
    ActionSpec("go_design", QT_TRANSLATE_NOOP("Actions", "Go to &Design"), "window.show_page", args=(DESIGN_PAGE,),
               shortcuts=("Ctrl+1",), tip=QT_TRANSLATE_NOOP("Actions", "Show the Design page"), menu="view",
               group="pages"),
    ActionSpec("go_train", QT_TRANSLATE_NOOP("Actions", "Go to &Train"), "window.show_page", args=(TRAIN_PAGE,),
               shortcuts=("Ctrl+2",), tip=QT_TRANSLATE_NOOP("Actions", "Show the Train page"), menu="view",
               group="pages"),
    ActionSpec("go_draw", QT_TRANSLATE_NOOP("Actions", "Go to D&raw"), "window.show_page", args=("draw",),
               shortcuts=("Ctrl+3",), tip=QT_TRANSLATE_NOOP("Actions", "Show the Draw page"), menu="view",
               group="pages"),
    ActionSpec("go_slide", QT_TRANSLATE_NOOP("Actions", "Go to &Kernel Slide"), "window.show_page", args=("slide",),
               shortcuts=("Ctrl+4",), tip=QT_TRANSLATE_NOOP("Actions", "Show the Kernel slide page"), menu="view",
               group="pages"),
    ActionSpec("show_previews", QT_TRANSLATE_NOOP("Actions", "Block &Previews"), "toggle_previews",
               tip=QT_TRANSLATE_NOOP("Actions", "Show on every block what it makes of the input sample"),
               menu="view", group="previews", checkable=True),
    ActionSpec("train", QT_TRANSLATE_NOOP("Actions", "&Train"), "training.train_button.click", shortcuts=("Ctrl+T",),
               tip=QT_TRANSLATE_NOOP("Actions", "Train, pause or resume (on the Train page)"), page=TRAIN_PAGE),
    ActionSpec("lessons", QT_TRANSLATE_NOOP("Actions", "&Lessons"), "lessons_dock.reveal",
               tip=QT_TRANSLATE_NOOP("Actions", "Hands-on lessons that check your design as you edit"),
               menu="help", group="lessons"),
    ActionSpec("stop", QT_TRANSLATE_NOOP("Actions", "&Stop"), "training.stop_button.click", shortcuts=("Ctrl+.",),
               tip=QT_TRANSLATE_NOOP("Actions", "Stop training and keep the weights so far (on the Train page)"),
               page=TRAIN_PAGE),
    ActionSpec("distributed", QT_TRANSLATE_NOOP("Actions", "Run on Several &GPUs/Machines…"), "torchrun.open",
               tip=QT_TRANSLATE_NOOP("Actions", "The torchrun command for this design and settings, and a job "
                                                "folder to copy to a cluster"), menu="train", group="distributed"),
)

MENUS: tuple[MenuSpec, ...] = (
    MenuSpec("file", QT_TRANSLATE_NOOP("Actions", "&File"), "fileMenu",
             ("open", "@recent", "@examples", "-", "import", "-", "save", "-", "model", "-", "quit")),
    MenuSpec("edit", QT_TRANSLATE_NOOP("Actions", "&Edit"), "editMenu",
             ("history", "-", "clipboard", "-", "move", "-", "filter")),
    MenuSpec("view", QT_TRANSLATE_NOOP("Actions", "&View"), "viewMenu",
             ("@docks", "-", "zoom", "-", "groups", "-", "previews", "-", "pages", "-", "@language", "-", "layout")),
    MenuSpec("train", QT_TRANSLATE_NOOP("Actions", "&Train"), "trainMenu", ("distributed",)),
    MenuSpec("help", QT_TRANSLATE_NOOP("Actions", "&Help"), "helpMenu", ("lessons", "-", "help")),
)

TOOLBAR: tuple[str, ...] = ("file", "-", "history", "-", "edit", "-", "zoom")


def action_table() -> tuple[ActionSpec, ...]:
    """Every command of the application."""
    return WINDOW_ACTIONS + EDIT_ACTIONS + WORKBENCH_ACTIONS


def shortcut_specs(specs: Iterable[ActionSpec]) -> list[ActionSpec | KeySpec]:
    """The specs with keys in the order the shortcut list shows them: menu by menu (the
    editor's navigation keys after the Edit menu), then commands that are in no menu."""
    specs = [s for s in specs if s.shortcuts]
    ordered: list[ActionSpec | KeySpec] = []
    for menu in MENUS:
        for item in menu.items:
            ordered.extend(s for s in specs if s.menu == menu.id and s.group == item)
        if menu.id == "edit":
            ordered.extend(NAVIGATION_KEYS)
    ordered.extend(s for s in specs if not s.menu)
    return ordered
