"""How far the learner got in each lesson, remembered across starts (QSettings).

Only progress is stored (parts solved, the lesson last opened, whether the first-start
welcome was shown); the lessons themselves are read from resources/lessons each time.
Progress only grows: undoing a solved lesson's edit does not take its tick away.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

_GROUP = "lessons"


class LessonProgress:
    """Parts solved per lesson id, the current lesson and the welcome flag, in `settings`."""

    def __init__(self, settings: QSettings) -> None:
        self.settings = settings

    def parts_solved(self, lesson_id: str) -> int:
        value = self.settings.value(f"{_GROUP}/{lesson_id}/partsSolved", 0)
        try:
            return max(0, int(value))  # type: ignore[arg-type]
        except (TypeError, ValueError):  # a hand-edited settings file: no progress, not a crash
            return 0

    def record(self, lesson_id: str, parts_solved: int) -> bool:
        """Remember `parts_solved` when it is more than before; True when it was."""
        if parts_solved <= self.parts_solved(lesson_id):
            return False
        self.settings.setValue(f"{_GROUP}/{lesson_id}/partsSolved", parts_solved)
        return True

    @property
    def current(self) -> str:
        """The id of the lesson opened last ("" before the first)."""
        return str(self.settings.value(f"{_GROUP}/current", "") or "")

    @current.setter
    def current(self, lesson_id: str) -> None:
        self.settings.setValue(f"{_GROUP}/current", lesson_id)

    @property
    def welcomed(self) -> bool:
        """The first-start welcome was shown (it never comes back)."""
        return str(self.settings.value(f"{_GROUP}/welcomed", "false")).lower() == "true"

    def mark_welcomed(self) -> None:
        self.settings.setValue(f"{_GROUP}/welcomed", True)
