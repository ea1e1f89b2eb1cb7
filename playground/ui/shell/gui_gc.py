"""Python's cycle collector, run on the GUI thread only.

Left to itself, Python collects garbage on whichever thread happens to allocate when a
threshold is crossed: often a training or data-loading worker. If the garbage holds a Qt
object (a closed widget in a reference cycle), its C++ destructor then runs on the worker
thread, takes Qt's connection lock and waits for the GIL, while the GUI thread holds the
GIL and waits for that lock: the app freezes. Automatic collection is therefore switched
off while the window lives, and this collector runs the same generational collections
from a timer on the GUI thread (pyqtgraph's `GarbageCollector` does the same).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 1000


class GuiThreadCollector(QObject):
    """Owns garbage collection while it is installed; `uninstall` gives it back to Python."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        self._was_enabled = gc.isenabled()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.collect_due)
        self.timer.start(interval_ms)

    def collect_due(self) -> int:
        """Collect the generations whose allocation counts passed Python's own thresholds
        (what automatic collection would have done by now); returns the objects freed."""
        freed = 0
        counts = gc.get_count()
        for generation in range(3):
            if counts[generation] <= self._thresholds[generation]:
                break
            freed = gc.collect(generation)
        return freed

    def uninstall(self) -> None:
        self.timer.stop()
        if self._was_enabled:
            gc.enable()
