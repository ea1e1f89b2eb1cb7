"""Commands declared as data, and the QActions built from them.

A page or the window declares each command once as an `ActionSpec` (text, keys, icon,
menu, page, tip, handler name); `ActionSet` turns a table of them into QActions whose
handlers are looked up on one target object by name. Menus, the toolbar, context menus
and the Help ▸ Keyboard Shortcuts list are then built from the same specs, so a key can
no longer be bound in one place and documented (or forgotten) in another. Keys a widget
handles itself (arrow-key navigation) are declared the same way as `KeySpec`s.

Handlers never see Qt's `triggered(bool)`: the `checked` flag is dropped before the call,
so `save_as(path=None)` is called as `save_as()`.
"""

from __future__ import annotations

import operator
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar, QWidget

from playground.ui.widgets import style

TRANSLATION_CONTEXT = "Actions"  # where every table string is translated (QT_TRANSLATE_NOOP("Actions", ...))


def translate(text: str) -> str:
    """A table string in the interface language."""
    return QCoreApplication.translate(TRANSLATION_CONTEXT, text) if text else ""


@dataclass(frozen=True)
class ActionSpec:
    """One command of the interface.

    `handler`, `enabled_when` and `shown_when` are attribute paths on the target the
    table is built for ("save_as", "training.train_button.click"); `args` are passed to
    the handler. `menu`/`group` place it in a menu (groups are separated by lines),
    `tool` in a toolbar group, `context` in the context menus of that name. `page` is the
    page it acts on ("" for every page): on other pages it is disabled and its keys go to
    whatever has focus there. `widget_shortcut` keeps its keys to the target widget and
    its children (Alt+Up must not move a block while a spin box has focus).
    """

    id: str
    text: str
    handler: str
    shortcuts: tuple[str, ...] = ()
    icon: str = ""
    tip: str = ""
    menu: str = ""
    group: str = ""
    page: str = ""
    args: tuple[Any, ...] = ()
    enabled_when: str = ""
    shown_when: str = ""
    context: tuple[str, ...] = ()
    tool: str = ""
    tool_text: str = ""  # a toolbar button with its own fixed text (the menu's text changes)
    role: QAction.MenuRole = QAction.MenuRole.TextHeuristicRole
    widget_shortcut: bool = False
    checkable: bool = False  # an on/off setting (the owner sets and follows its checked state)

    @property
    def object_name(self) -> str:
        """"save_as" -> "saveAsAction": how tests and accessibility tools find the QAction."""
        head, *rest = self.id.split("_")
        return head + "".join(part.capitalize() for part in rest) + "Action"

    def describe(self) -> str:
        """What the command does, for the shortcut list: its tip, else its menu text."""
        return translate(self.tip) if self.tip else plain_text(translate(self.text))


@dataclass(frozen=True)
class KeySpec:
    """A key a widget handles in its own keyPressEvent (navigation), declared like an action."""

    keys: tuple[str, ...]
    text: str
    handler: str
    args: tuple[Any, ...] = ()

    def describe(self) -> str:
        return translate(self.text)


@dataclass(frozen=True)
class MenuSpec:
    """A menu: its title, object name and the order of its groups.

    An item "@name" is a slot the owner fills with actions that are not commands of the
    table (Open Recent, the dock toggles); "-" draws a line.
    """

    id: str
    title: str
    object_name: str
    items: tuple[str, ...]


def plain_text(text: str) -> str:
    """Menu text without its mnemonic and ellipsis: "Save &As…" -> "Save As"."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").rstrip(".")


def key_text(keys: Iterable[str]) -> str:
    """Keys as the person reads them: "Ctrl+Shift+Z or Ctrl+Y"."""
    return QCoreApplication.translate("Actions", " or ").join(
        QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText) for k in keys)


def resolve(target: object, path: str) -> Any:
    """`target.a.b` for the path "a.b"; a misspelt name fails loudly when the table is built."""
    return operator.attrgetter(path)(target)


def _call(function: Callable[..., Any], args: tuple[Any, ...]) -> Callable[..., None]:
    def run(*_signal_args: object) -> None:  # drops triggered(bool): handlers get only `args`
        function(*args)
    return run


class ActionSet:
    """The QActions of one table, built for one target; `self[id]` is an action.

    The actions are added to `widget` (their shortcuts work while it is visible in the
    active window). `refresh()` re-evaluates every `enabled_when`.
    """

    def __init__(self, specs: Sequence[ActionSpec], target: object, widget: QWidget) -> None:
        self.specs: tuple[ActionSpec, ...] = tuple(specs)
        self.target = target
        self._actions: dict[str, QAction] = {}
        for spec in self.specs:
            if spec.id in self._actions:
                raise ValueError(f"action {spec.id!r} is declared twice")
            self._actions[spec.id] = self._build(spec, widget)
        self.refresh()

    def _build(self, spec: ActionSpec, widget: QWidget) -> QAction:
        action = QAction(widget)
        action.setObjectName(spec.object_name)
        _set_texts(action, spec)
        if spec.icon:
            action.setIcon(style.icon(spec.icon))
        if spec.shortcuts:
            action.setShortcuts([QKeySequence(k) for k in spec.shortcuts])
        if spec.widget_shortcut:
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setMenuRole(spec.role)
        action.setCheckable(spec.checkable)
        action.triggered.connect(_call(resolve(self.target, spec.handler), spec.args))
        for path in (spec.enabled_when, spec.shown_when):
            if path:
                resolve(self.target, path)  # a typo shows now, not on the first right-click
        widget.addAction(action)
        return action

    def __getitem__(self, action_id: str) -> QAction:
        return self._actions[action_id]

    def spec(self, action_id: str) -> ActionSpec:
        return next(spec for spec in self.specs if spec.id == action_id)

    def __contains__(self, action_id: object) -> bool:
        return action_id in self._actions

    def actions(self) -> list[QAction]:
        return [self._actions[s.id] for s in self.specs]

    def items(self) -> list[tuple[ActionSpec, QAction]]:
        return [(s, self._actions[s.id]) for s in self.specs]

    def retranslate(self) -> None:
        """Every action's texts again in the interface language (after a language switch).
        An owner that changes an action's text itself (Undo naming its step) sets it again
        afterwards."""
        for spec in self.specs:
            _set_texts(self._actions[spec.id], spec)

    def refresh(self) -> None:
        for spec in self.specs:
            if spec.enabled_when:
                self._actions[spec.id].setEnabled(bool(resolve(self.target, spec.enabled_when)()))

    def shown(self, spec: ActionSpec) -> bool:
        """Whether a context menu offers it now (`shown_when`, else always)."""
        return not spec.shown_when or bool(resolve(self.target, spec.shown_when)())


def _set_texts(action: QAction, spec: ActionSpec) -> None:
    action.setText(translate(spec.text))
    tip = translate(spec.tip) if spec.tip else ""
    action.setStatusTip(tip)
    action.setToolTip(f"{tip} ({key_text(spec.shortcuts[:1])})" if tip and spec.shortcuts else tip)  # "": the text


def fill_menu(menu: QMenu, entries: Iterable[tuple[ActionSpec, QAction]], context: str) -> None:
    """A context menu: the actions offered in `context`, in table order, a line between groups."""
    group: str | None = None
    for spec, action in entries:
        if context not in spec.context:
            continue
        if group is not None and spec.group != group:
            menu.addSeparator()
        group = spec.group
        menu.addAction(action)


def lay_out(bar: QMenu | QToolBar, items: Sequence[str], groups: dict[str, list[QAction]],
            slots: dict[str, list[QAction]]) -> None:
    """(Re)fill a menu or toolbar from a layout: group names, "@slot" names and "-" lines.

    Empty sections draw no line, so a window without the Train page has no stray lines.
    """
    sections: list[list[QAction]] = [[]]
    for item in items:
        if item == "-":
            sections.append([])
        elif item.startswith("@"):
            sections[-1].extend(slots.get(item[1:], []))
        else:
            sections[-1].extend(groups.get(item, []))
    bar.clear()
    for section in (s for s in sections if s):
        if bar.actions():
            bar.addSeparator()
        bar.addActions(section)


def shortcut_rows(specs: Iterable[ActionSpec | KeySpec]) -> list[tuple[str, str]]:
    """(keys, what they do) for every spec that has keys, in table order."""
    rows = []
    for spec in specs:
        keys = spec.keys if isinstance(spec, KeySpec) else spec.shortcuts
        if keys:
            rows.append((key_text(keys), spec.describe()))
    return rows


def portable_keys(specs: Iterable[ActionSpec | KeySpec]) -> list[str]:
    """Every key sequence of the specs in Qt's portable spelling (for checks and docs)."""
    keys = []
    for spec in specs:
        for k in (spec.keys if isinstance(spec, KeySpec) else spec.shortcuts):
            keys.append(QKeySequence(k).toString(QKeySequence.SequenceFormat.PortableText))
    return keys
