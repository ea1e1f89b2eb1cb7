"""The open design as the views see it: the current Design, its Analysis, the file it
belongs to, the selection, and the undo stack that every edit goes through.

Views never change a Design themselves; they call an edit method here, which computes the
new immutable Design with `core.design` and pushes one undo command swapping to it. The
document then re-analyses and announces what changed (past-tense signals), and the views
follow. While training runs, `set_locked` refuses edits that would change the network.
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from playground.core import design as core
from playground.core.analysis import Analysis, analyze
from playground.core.design import Block, BlockPath, Design, DesignError, ListPath
from playground.core.nesting import check_nesting
from playground.core.text import shape_str
from playground.ui.state.undo_commands import DesignEditCommand

# The selection id of the Input block (":" never appears in block ids).
INPUT_ID = ":input"


def empty_design() -> Design:
    """What File > New starts from: an MNIST-sized input and no layers yet."""
    return Design(name="Untitled", description="", input=(1, 28, 28), layers=())


class DesignDocument(QObject):
    """The design being edited, its analysis, file, selection and undo history."""

    designChanged = Signal(object)  # Design
    analysisChanged = Signal(object)  # Analysis
    selectionChanged = Signal(str)  # block id, INPUT_ID, or "" for none
    pathChanged = Signal(str)  # the file path, or "" while untitled
    modifiedChanged = Signal(bool)
    lockedChanged = Signal(bool, str)  # locked, the reason shown to the person
    editRefused = Signal(str)  # an edit was refused while locked; the reason
    editFailed = Signal(str)  # an edit was impossible (e.g. a block moved into itself)
    opened = Signal()  # a different design replaced the current one (new, load, example, recovery)

    def __init__(self, design: Design | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.token = uuid.uuid4().hex  # tells this document's drags from other windows'
        self.undo_stack = QUndoStack(self)
        self._design = design if design is not None else empty_design()
        self._analysis = analyze(self._design)
        self._path: Path | None = None
        self._selected = ""
        self._locked = False
        self._lock_reason = ""
        self._forced_modified = False
        self._modified = False
        self._clean_design = self._design
        self.revision = 0  # grows with every applied state; autosave compares it
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)

    # ------------------------------------------------------------ state

    @property
    def design(self) -> Design:
        return self._design

    @property
    def analysis(self) -> Analysis:
        return self._analysis

    @property
    def path(self) -> Path | None:
        return self._path

    @property
    def selected_id(self) -> str:
        return self._selected

    @property
    def modified(self) -> bool:
        return self._modified

    @property
    def locked(self) -> bool:
        return self._locked

    @property
    def lock_reason(self) -> str:
        return self._lock_reason

    @property
    def clean_design(self) -> Design:
        """The design as last opened or saved (what "discard changes" returns to)."""
        return self._clean_design

    @property
    def display_name(self) -> str:
        return self._path.name if self._path else self._design.name or "Untitled"

    def path_of(self, block_id: str) -> BlockPath | None:
        return core.find_path(self._design, block_id) if block_id and block_id != INPUT_ID else None

    def block(self, block_id: str) -> Block | None:
        path = self.path_of(block_id)
        return core.get_block(self._design, path) if path is not None else None

    def selected_block(self) -> Block | None:
        return self.block(self._selected)

    def insertion_point(self) -> tuple[ListPath, int]:
        """Where a pasted or palette-activated block goes: right after the selected block,
        first when the input is selected, else at the end of the network."""
        if self._selected == INPUT_ID:
            return (), 0
        path = self.path_of(self._selected)
        if path is None:
            return (), len(self._design.layers)
        return path[:-1], path[-1] + 1

    # ------------------------------------------------------------ files

    def new(self, design: Design | None = None) -> None:
        """Start a fresh untitled design (no undo history)."""
        self._reset(design if design is not None else empty_design(), None, modified=False)

    def load(self, path: str | Path) -> None:
        """Open a design file. DesignError (with the JSON path) leaves everything untouched."""
        design = core.load_design(path)
        self._reset(design, Path(path), modified=False)

    def open_design(self, design: Design, path: str | Path | None = None, modified: bool = False) -> None:
        """Show a design that did not come from `load` (an example, a recovered autosave)."""
        self._reset(design, Path(path) if path else None, modified=modified)

    def save(self, path: str | Path | None = None) -> Path:
        """Write the design (atomically) to `path` or its own file; WriteError when the file
        cannot be written, DesignError when there is no file yet."""
        target = Path(path) if path is not None else self._path
        if target is None:
            raise DesignError("", "this design has no file yet; use Save As")
        core.save_design(self._design, target)
        self.seal()
        path_changed = target != self._path
        self._path = target
        self._clean_design = self._design
        self._forced_modified = False
        self.undo_stack.setClean()
        self._update_modified()
        if path_changed:
            self.pathChanged.emit(str(target))
        return target

    def _reset(self, design: Design, path: Path | None, modified: bool) -> None:
        self.undo_stack.clear()
        self._path = path
        self._clean_design = design
        self._forced_modified = modified
        self._apply(design, "")
        self._update_modified()
        self.pathChanged.emit(str(path) if path else "")
        self.opened.emit()

    # ------------------------------------------------------------ selection and locking

    def select(self, block_id: str) -> None:
        """Select a block by id (INPUT_ID for the input, "" for nothing)."""
        if block_id and block_id != INPUT_ID and core.find_path(self._design, block_id) is None:
            block_id = ""
        if block_id != self._selected:
            self.seal()
            self._selected = block_id
            self.selectionChanged.emit(block_id)

    def set_locked(self, locked: bool, reason: str = "") -> None:
        """Refuse (or allow again) edits that change the network, e.g. while it trains."""
        if locked == self._locked and reason == self._lock_reason:
            return
        self._locked = locked
        self._lock_reason = reason if locked else ""
        self.lockedChanged.emit(locked, self._lock_reason)

    def seal(self) -> None:
        """End the current gesture: the next edit starts a new undo step."""
        index = self.undo_stack.index()
        if index > 0:
            top = self.undo_stack.command(index - 1)
            if isinstance(top, DesignEditCommand):
                top.sealed = True

    def undo(self) -> None:
        if self.refuse_if_locked():
            return
        self.undo_stack.undo()

    def redo(self) -> None:
        if self.refuse_if_locked():
            return
        self.undo_stack.redo()

    # ------------------------------------------------------------ edits

    def insert_block(self, list_path: ListPath, index: int, block: Block, text: str | None = None) -> str | None:
        """Insert a block (fresh ids where missing or taken) and select it; returns its id."""
        after = self._compute(lambda d: core.insert(d, tuple(list_path), index, block))
        if after is None:
            return None
        new_id = core.get_block(after, tuple(list_path) + (index,)).id
        pushed = self._push(text or f"Insert {block.type}", after, new_id)
        return new_id if pushed else None

    def remove_block(self, block_id: str) -> bool:
        path = self.path_of(block_id)
        if path is None:
            return False
        block = core.get_block(self._design, path)
        after = self._compute(lambda d: core.remove(d, path))
        if after is None:
            return False
        return self._push(f"Delete {block.type}", after, _neighbour_after_removal(after, path))

    def move_block(self, block_id: str, list_path: ListPath, index: int) -> bool:
        path = self.path_of(block_id)
        if path is None:
            return False
        block = core.get_block(self._design, path)
        result = self._compute(lambda d: core.move(d, path, tuple(list_path), index))
        if result is None:
            return False
        return self._push(f"Move {block.type}", result[0], block_id)

    def duplicate_block(self, block_id: str) -> str | None:
        path = self.path_of(block_id)
        if path is None:
            return None
        block = core.get_block(self._design, path)
        return self.insert_block(path[:-1], path[-1] + 1, core.without_ids(block), f"Duplicate {block.type}")

    def set_param(self, block_id: str, name: str, value: Any, merge: bool = True) -> bool:
        """Set one parameter live. A value equal to torch's default (or None) drops the key.

        Consecutive calls for the same block and parameter merge into one undo step until
        `seal()` (the inspector seals when a spin box finishes editing).
        """
        path = self.path_of(block_id)
        if path is None:
            return False
        after = self._compute(lambda d: core.edit_param(d, path, name, value))
        if after is None:
            return False
        shown = value if value is not None else "default"
        return self._push(f"Set {name} = {_value_text(shown)}", after, block_id,
                          merge_key=("param", block_id, name) if merge else None)

    def set_label(self, block_id: str, label: str | None) -> bool:
        path = self.path_of(block_id)
        if path is None:
            return False
        after = self._compute(lambda d: core.set_label(d, path, (label or "").strip() or None))
        if after is None:
            return False
        return self._push("Rename block", after, block_id, structural=False)

    def set_input(self, shape: tuple[int, int, int] | list[int], merge: bool = True) -> bool:
        after = self._compute(lambda d: core.set_input(d, list(shape)))
        if after is None:
            return False
        return self._push(f"Set input to {shape_str(after.input)}", after, INPUT_ID,
                          merge_key=("input",) if merge else None)

    def set_meta(self, name: str | None = None, description: str | None = None) -> bool:
        after = self._compute(lambda d: core.set_meta(d, name, description))
        if after is None:
            return False
        return self._push("Rename design" if name is not None else "Edit description", after,
                          self._selected, structural=False)

    def add_branch(self, block_id: str) -> bool:
        path = self.path_of(block_id)
        if path is None:
            return False
        after = self._compute(lambda d: core.add_branch(d, path))
        return after is not None and self._push("Add branch", after, block_id)

    def remove_branch(self, block_id: str, branch: int) -> bool:
        path = self.path_of(block_id)
        if path is None:
            return False
        after = self._compute(lambda d: core.remove_branch(d, path, branch))
        return after is not None and self._push(f"Remove branch {branch + 1}", after, block_id)

    def wrap_block(self, block_id: str, kind: str) -> bool:
        """Put a block inside a new Sequential or Residual (as its body) at the same place."""
        path = self.path_of(block_id)
        if path is None or not core.can_wrap_in(kind):
            return False
        block = core.get_block(self._design, path)
        after = self._compute(lambda d: core.wrap(d, path, kind))
        if after is None:
            return False
        return self._push(f"Wrap {block.type} in {kind}", after, core.get_block(after, path).id)

    def ungroup_block(self, block_id: str) -> bool:
        """Replace a group (Sequential) by the blocks it holds."""
        path = self.path_of(block_id)
        if path is None:
            return False
        block = core.get_block(self._design, path)
        if not core.can_ungroup(block):
            return False
        after = self._compute(lambda d: core.ungroup(d, path))
        if after is None:
            return False
        first = core.get_block(after, path).id if block.children[0] else ""
        return self._push(f"Ungroup {block.type}", after, first)

    # ------------------------------------------------------------ plumbing

    def refuse_if_locked(self) -> bool:
        """True (and editRefused sent, with the reason) while edits are locked."""
        if self._locked:
            self.editRefused.emit(self._lock_reason or "The design is locked")
            return True
        return False

    def _compute(self, edit: Callable[[Design], Any]) -> Any:
        """Run a core edit on the current design; a DesignError becomes editFailed."""
        try:
            result = edit(self._design)
            check_nesting(result[0] if isinstance(result, tuple) else result)  # or its file could not be reopened
            return result
        except DesignError as exc:
            self.editFailed.emit(str(exc))
            return None

    def _push(self, text: str, after: Design, select_after: str, merge_key: Any = None,
              structural: bool = True) -> bool:
        if structural and self.refuse_if_locked():
            return False
        if after == self._design:
            return False
        command = DesignEditCommand(self._apply, text, self._design, after, self._selected, select_after, merge_key)
        self.undo_stack.push(command)
        return True

    def reanalyse(self) -> None:
        """Word the analysis again: its errors and warnings are text in the language current
        when it ran, so a language switch asks for them anew. Design and selection stay."""
        self._analysis = analyze(self._design)
        self.analysisChanged.emit(self._analysis)

    def _apply(self, design: Design, select: str) -> None:
        """Make `design` current (the undo commands call it on redo and undo) and announce it."""
        self._design = design
        self._analysis = analyze(design)
        self.revision += 1
        if select and select != INPUT_ID and core.find_path(design, select) is None:
            select = ""
        # The selection is current before anyone hears of the new design, so a view that
        # follows both (the inspector) builds its form once, not for the old block first.
        moved, self._selected = select != self._selected, select
        self.designChanged.emit(design)
        self.analysisChanged.emit(self._analysis)
        if moved:
            self.selectionChanged.emit(select)

    def _on_clean_changed(self, _clean: bool) -> None:
        self._update_modified()

    def _update_modified(self) -> None:
        modified = self._forced_modified or not self.undo_stack.isClean()
        if modified != self._modified:
            self._modified = modified
            self.modifiedChanged.emit(modified)


def _neighbour_after_removal(design: Design, path: BlockPath) -> str:
    """Which block to select once the block at `path` is gone: the next one, else the one
    before, else the enclosing block, else the input."""
    siblings = core.get_list(design, path[:-1])
    if path[-1] < len(siblings):
        return siblings[path[-1]].id
    if siblings:
        return siblings[-1].id
    if len(path) > 1:
        return core.get_block(design, path[:-2]).id
    return INPUT_ID


def _value_text(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(str(v) for v in value) + "]"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)
