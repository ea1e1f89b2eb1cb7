"""Undo commands: each one swaps between two immutable Design states.

Designs are values, so a command only keeps the state before and after (and which block
was selected), and undo is exact whatever the edit was. Consecutive edits of the same
parameter (a spin box being typed into or stepped) share a merge key and collapse into
one undo step until the gesture is sealed (editing finished, selection moved, file saved).
"""

from __future__ import annotations

from typing import Callable, Hashable

from PySide6.QtGui import QUndoCommand

from playground.core.design import Design

# Makes a design current with a selection: the document's, passed in so this module need
# not know the document (which pushes these commands: an import circle otherwise).
Apply = Callable[[Design, str], None]

# QUndoCommand ids: -1 never merges; commands with this id merge when their keys match.
_MERGEABLE_ID = 1


class DesignEditCommand(QUndoCommand):
    """One edit of the design: `before` -> `after`, named for the Edit menu."""

    def __init__(self, apply: Apply, text: str, before: Design, after: Design,
                 select_before: str, select_after: str, merge_key: Hashable | None = None) -> None:
        super().__init__(text)
        self._apply = apply
        self.before = before
        self.after = after
        self.select_before = select_before
        self.select_after = select_after
        self.merge_key = merge_key
        self.sealed = False

    def id(self) -> int:  # noqa: A003 - Qt's name
        return _MERGEABLE_ID if self.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if (self.sealed or not isinstance(other, DesignEditCommand)
                or other.merge_key is None or other.merge_key != self.merge_key):
            return False
        self.after = other.after
        self.setText(other.text())
        self.select_after = other.select_after
        # A gesture that ends where it started leaves no step behind.
        self.setObsolete(self.after == self.before)
        return True

    def redo(self) -> None:
        self._apply(self.after, self.select_after)

    def undo(self) -> None:
        self._apply(self.before, self.select_before)
