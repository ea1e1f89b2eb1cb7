"""Acting like a person in window tests: real drag-and-drop events and mouse strokes."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QMouseEvent
from PySide6.QtWidgets import QApplication, QWidget


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


def double_click(target: QWidget, pos: QPoint) -> None:
    """Press, release, double-click, release: the sequence a real double-click delivers."""
    mouse(target, QEvent.Type.MouseButtonPress, pos)
    mouse(target, QEvent.Type.MouseButtonRelease, pos)
    mouse(target, QEvent.Type.MouseButtonDblClick, pos)
    mouse(target, QEvent.Type.MouseButtonRelease, pos)


def open_window(qtbot, design: "object | None" = None):  # -> MainWindow (imported lazily)
    """A shown main window on the test's isolated settings, optionally with a design."""
    from PySide6.QtCore import QSettings

    from playground.ui.main_window import MainWindow

    window = MainWindow(settings=QSettings())
    qtbot.addWidget(window)
    if design is not None:
        window.document.open_design(design)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    return window
