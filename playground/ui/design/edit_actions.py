"""The Design page's own commands, declared once (as orange's SchemeEditWidget offers its
toolbarActions()): the editor builds its QActions from `EDIT_ACTIONS`, its context menus
from their `context`, and its keyPressEvent from `NAVIGATION_KEYS`; the window puts the
same QActions into its Edit and View menus and toolbar and lists every key under F1.

Handler and condition names are DesignEditor methods.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from playground.ui.widgets.action_table import ActionSpec, KeySpec

DESIGN_PAGE = "design"


def _edit(id: str, text: str, handler: str, **kw: object) -> ActionSpec:  # noqa: A002
    kw.setdefault("page", DESIGN_PAGE)
    return ActionSpec(id, text, handler, **kw)  # type: ignore[arg-type]


EDIT_ACTIONS: tuple[ActionSpec, ...] = (
    _edit("cut", QT_TRANSLATE_NOOP("Actions", "Cu&t"), "cut_selection", shortcuts=("Ctrl+X",),
          tip=QT_TRANSLATE_NOOP("Actions", "Cut the block (JSON on the clipboard)"), menu="edit", group="clipboard",
          enabled_when="can_edit_selection", context=("block",)),
    _edit("copy", QT_TRANSLATE_NOOP("Actions", "&Copy"), "copy_selection", shortcuts=("Ctrl+C",),
          tip=QT_TRANSLATE_NOOP("Actions", "Copy the block as JSON"), menu="edit", group="clipboard",
          enabled_when="has_selected_block", context=("block",)),
    _edit("paste", QT_TRANSLATE_NOOP("Actions", "&Paste"), "paste", shortcuts=("Ctrl+V",),
          tip=QT_TRANSLATE_NOOP("Actions", "Paste the block on the clipboard after the selection"), menu="edit",
          group="clipboard", enabled_when="can_edit", context=("block", "canvas")),
    _edit("duplicate", QT_TRANSLATE_NOOP("Actions", "D&uplicate"), "duplicate_selection", shortcuts=("Ctrl+D",),
          icon="duplicate", tip=QT_TRANSLATE_NOOP("Actions", "Duplicate the selected block"), menu="edit",
          group="clipboard", tool="edit", enabled_when="can_edit_selection", context=("block",)),
    _edit("delete", QT_TRANSLATE_NOOP("Actions", "&Delete"), "delete_selection", shortcuts=("Del", "Backspace"),
          icon="delete", tip=QT_TRANSLATE_NOOP("Actions", "Delete the selected block"), menu="edit",
          group="clipboard", tool="edit", enabled_when="can_edit_selection", context=("block",)),
    _edit("move_up", QT_TRANSLATE_NOOP("Actions", "Move &Up"), "move_selection", args=(-1,), shortcuts=("Alt+Up",),
          tip=QT_TRANSLATE_NOOP("Actions", "Move the selected block up"), menu="edit", group="move",
          enabled_when="can_edit_selection", widget_shortcut=True),
    _edit("move_down", QT_TRANSLATE_NOOP("Actions", "Move Do&wn"), "move_selection", args=(1,),
          shortcuts=("Alt+Down",), tip=QT_TRANSLATE_NOOP("Actions", "Move the selected block down"), menu="edit",
          group="move", enabled_when="can_edit_selection", widget_shortcut=True),
    _edit("wrap_sequential", QT_TRANSLATE_NOOP("Actions", "Wrap in &Sequential"), "wrap_selection",
          args=("Sequential",), tip=QT_TRANSLATE_NOOP("Actions", "Put the block in a named group"), group="wrap",
          enabled_when="can_edit_selection", context=("block",)),
    _edit("wrap_residual", QT_TRANSLATE_NOOP("Actions", "Wrap in &Residual"), "wrap_selection",
          args=("Residual",), tip=QT_TRANSLATE_NOOP("Actions", "Make the block the body of a residual connection"),
          group="wrap", enabled_when="can_edit_selection", context=("block",)),
    _edit("ungroup", QT_TRANSLATE_NOOP("Actions", "U&ngroup"), "ungroup_selection",
          tip=QT_TRANSLATE_NOOP("Actions", "Put the group's blocks in its place"), group="wrap",
          enabled_when="can_edit_selection", shown_when="selection_can_ungroup", context=("block",)),
    _edit("add_branch", QT_TRANSLATE_NOOP("Actions", "Add &Branch"), "add_branch_to_selection",
          tip=QT_TRANSLATE_NOOP("Actions", "Add an empty branch to the concatenation"), group="branches",
          enabled_when="can_edit_selection", shown_when="selection_has_branches", context=("block",)),
    _edit("zoom_in", QT_TRANSLATE_NOOP("Actions", "Zoom &In"), "zoom_in", shortcuts=("Ctrl++", "Ctrl+="),
          icon="zoom-in", tip=QT_TRANSLATE_NOOP("Actions", "Zoom in (or Ctrl+wheel)"), menu="view", group="zoom",
          tool="zoom"),
    _edit("zoom_out", QT_TRANSLATE_NOOP("Actions", "Zoom &Out"), "zoom_out", shortcuts=("Ctrl+-",),
          icon="zoom-out", tip=QT_TRANSLATE_NOOP("Actions", "Zoom out (or Ctrl+wheel)"), menu="view", group="zoom",
          tool="zoom"),
    _edit("zoom_reset", QT_TRANSLATE_NOOP("Actions", "&Actual Size"), "reset_zoom", shortcuts=("Ctrl+0",),
          tip=QT_TRANSLATE_NOOP("Actions", "Zoom to actual size"), menu="view", group="zoom",
          context=("canvas",)),
    _edit("expand_all", QT_TRANSLATE_NOOP("Actions", "&Expand All Groups"), "set_all_collapsed", args=(False,),
          menu="view", group="groups", context=("canvas",)),
    _edit("collapse_all", QT_TRANSLATE_NOOP("Actions", "&Collapse All Groups"), "set_all_collapsed", args=(True,),
          menu="view", group="groups", context=("canvas",)),
)

NAVIGATION_KEYS: tuple[KeySpec, ...] = (
    KeySpec(("Up",), QT_TRANSLATE_NOOP("Actions", "Select the previous block"), "select_relative", (-1,)),
    KeySpec(("Down",), QT_TRANSLATE_NOOP("Actions", "Select the next block"), "select_relative", (1,)),
    KeySpec(("Home",), QT_TRANSLATE_NOOP("Actions", "Select the input"), "select_first"),
    KeySpec(("End",), QT_TRANSLATE_NOOP("Actions", "Select the last block"), "select_last"),
    KeySpec(("Left",), QT_TRANSLATE_NOOP("Actions", "Collapse the selected group"), "collapse_selection", (True,)),
    KeySpec(("Right",), QT_TRANSLATE_NOOP("Actions", "Expand the selected group"), "collapse_selection", (False,)),
    KeySpec(("Space",), QT_TRANSLATE_NOOP("Actions", "Collapse or expand the selected group"),
            "toggle_selection_collapsed"),
    KeySpec(("Return", "Enter"),
            QT_TRANSLATE_NOOP("Actions", "Edit the selected block in the Inspector (or double-click it)"),
            "inspect_selection"),
    KeySpec(("Esc",), QT_TRANSLATE_NOOP("Actions", "Clear the selection"), "clear_selection"),
)
