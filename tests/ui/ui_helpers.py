"""Acting like a person in window tests: real drag-and-drop events and mouse strokes."""

from __future__ import annotations

import math
from typing import Iterable

from PySide6.QtCore import QEvent, QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QMouseEvent
from PySide6.QtWidgets import QApplication, QWidget

# A four-block design the window tests open: conv, ReLU, Flatten, Linear.
SMALL = {
    "format": "cnn-playground.design", "version": 1, "name": "Small", "input": [1, 28, 28],
    "layers": [
        {"type": "Conv2d", "id": "conv", "out_channels": 6, "kernel_size": 5, "padding": 2},
        {"type": "ReLU", "id": "relu"},
        {"type": "Flatten", "id": "flat"},
        {"type": "Linear", "id": "fc", "out_features": 10},
    ],
}


def drag_drop(target: QWidget, data: QMimeData, pos: QPoint,
              actions: Qt.DropAction = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction,
              modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> QDropEvent:
    """Enter, move over and drop on `target` at `pos`, as Qt delivers a real drag.

    QTest cannot drive a QDrag (it runs its own event loop), so these are the events the
    drag would send, carrying real QMimeData (orange's gui/test.py dragDrop).
    """
    enter = QDragEnterEvent(pos, actions, data, Qt.MouseButton.LeftButton, modifiers)
    QApplication.sendEvent(target, enter)
    move = QDragMoveEvent(pos, actions, data, Qt.MouseButton.LeftButton, modifiers)
    QApplication.sendEvent(target, move)
    drop = QDropEvent(QPointF(pos), actions, data, Qt.MouseButton.LeftButton, modifiers)
    if move.isAccepted():
        QApplication.sendEvent(target, drop)
    else:
        drop.ignore()
    return drop


def drag_hover(target: QWidget, data: QMimeData, pos: QPoint) -> QDragMoveEvent:
    """Enter and hover without dropping (to look at the insertion marker)."""
    actions = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction
    QApplication.sendEvent(target, QDragEnterEvent(pos, actions, data, Qt.MouseButton.LeftButton,
                                                   Qt.KeyboardModifier.NoModifier))
    move = QDragMoveEvent(pos, actions, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, move)
    return move


def mouse(target: QWidget, kind: QEvent.Type, pos: QPoint, button: Qt.MouseButton = Qt.MouseButton.LeftButton,
          buttons: Qt.MouseButton | None = None) -> None:
    """A mouse event that carries the held buttons (QTest's moves do not)."""
    held = buttons if buttons is not None else (button if kind != QEvent.Type.MouseButtonRelease
                                               else Qt.MouseButton.NoButton)
    event = QMouseEvent(kind, QPointF(pos), QPointF(target.mapToGlobal(pos)),
                        button if kind != QEvent.Type.MouseMove else Qt.MouseButton.NoButton,
                        held, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, event)


def stroke(canvas: QWidget, points: "Iterable[tuple[float, float]]", release: bool = True) -> None:
    """Press, move through `points` (canvas units, 0-280) holding the left button, release."""
    pts = [canvas.widget_point(x, y) for x, y in points]
    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    mouse(canvas, QEvent.Type.MouseButtonPress, pts[0], left, left)
    for p in pts[1:]:
        mouse(canvas, QEvent.Type.MouseMove, p, none, left)
    if release:
        mouse(canvas, QEvent.Type.MouseButtonRelease, pts[-1], left, none)


def line(a: tuple[float, float], b: tuple[float, float], steps: int = 24) -> list[tuple[float, float]]:
    """Points along a straight stroke."""
    return [(a[0] + (b[0] - a[0]) * t / (steps - 1), a[1] + (b[1] - a[1]) * t / (steps - 1)) for t in range(steps)]


def loop(centre: tuple[float, float] = (140, 140), rx: float = 65, ry: float = 95,
         steps: int = 48) -> list[tuple[float, float]]:
    """Points around a closed oval, starting and ending at the top."""
    turns = [2 * math.pi * t / (steps - 1) for t in range(steps)]
    return [(centre[0] + rx * math.sin(a), centre[1] - ry * math.cos(a)) for a in turns]


def double_click(target: QWidget, pos: QPoint) -> None:
    """Press, release, double-click, release: the sequence a real double-click delivers."""
    mouse(target, QEvent.Type.MouseButtonPress, pos)
    mouse(target, QEvent.Type.MouseButtonRelease, pos)
    mouse(target, QEvent.Type.MouseButtonDblClick, pos)
    mouse(target, QEvent.Type.MouseButtonRelease, pos)


def open_window(qtbot, design: "object | None" = None):  # -> MainWindow (imported lazily)
    """A shown main window on the test's isolated settings, optionally with a design."""
    from PySide6.QtCore import QSettings

    from playground.ui.shell.main_window import MainWindow

    window = MainWindow(settings=QSettings())
    qtbot.addWidget(window)
    if design is not None:
        window.document.open_design(design)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


class FakeClock:
    """A clock the state objects (DrawPacing, SlidePlayback) read instead of the real one."""

    def __init__(self, start: float = 100.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance_ms(self, ms: float) -> None:
        self.now += ms / 1000.0


# A small design that trains in a second on the embedded digits.
TINY = {
    "format": "cnn-playground.design", "version": 1, "name": "Tiny CNN", "input": [1, 28, 28],
    "layers": [
        {"type": "Conv2d", "out_channels": 4, "kernel_size": 3},
        {"type": "ReLU"},
        {"type": "MaxPool2d", "kernel_size": 2},
        {"type": "Flatten"},
        {"type": "Linear", "out_features": 10},
    ],
}
RUN_TIMEOUT_MS = 60_000  # generous: the machine may be busy; never a speed assertion


def click(qtbot, button) -> None:
    """A left click on a button, as a person gives it."""
    from PySide6.QtCore import Qt

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def pause_and_check_the_curve_holds(qtbot, panel) -> int:
    """Press Pause on a running Train page and check the loss curve stops growing; returns
    its length, for the caller to see it grow again after Resume."""
    click(qtbot, panel.train_button)
    assert panel.paused and panel.train_button.text() == "Resume"
    qtbot.wait(300)  # events of the step in flight arrive
    panel.plots.refresh()
    held = panel.plots.loss_plot.series("raw").x.size
    qtbot.wait(400)
    panel.plots.refresh()
    assert panel.plots.loss_plot.series("raw").x.size == held
    return held
