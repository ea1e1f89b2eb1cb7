"""What a finished epoch says about the model: where it confuses classes, how good it is
per class, and which validation images it gets most confidently wrong.

The confusion matrix is painted by hand (one rectangle and one number per cell) so a
click maps straight to (true, predicted) and shows the images behind that cell in the
gallery: "true 4, predicted 9: these 12".
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable, Sequence

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QPoint, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QIcon, QImage, QMouseEvent, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from playground.core.events import WorstExample
from playground.core.text import format_int
from playground.ui.widgets.retranslate import Retranslating

GALLERY_LIMIT = 200  # thumbnails shown for one cell; a 1000-image cell says how many it left out
THUMBNAIL_SCALE = 2

CORRECT_COLOUR = QColor(31, 119, 180)
WRONG_COLOUR = QColor(214, 39, 40)


def _mix(base: QColor, colour: QColor, amount: float) -> QColor:
    """`base` moved towards `colour` by `amount` in [0, 1]."""
    a = max(0.0, min(1.0, amount))
    return QColor(round(base.red() + (colour.red() - base.red()) * a),
                  round(base.green() + (colour.green() - base.green()) * a),
                  round(base.blue() + (colour.blue() - base.blue()) * a))


def _text_on(background: QColor) -> QColor:
    return QColor(Qt.GlobalColor.white) if background.lightnessF() < 0.55 else QColor(Qt.GlobalColor.black)


class ConfusionMatrixView(QWidget):
    """Rows are true classes, columns predicted ones; colour is the share of the row.

    The diagonal (correct) shades to blue, mistakes to red, so the few cells that matter
    stand out even when the counts differ by class. Click a cell for its images.
    """

    cellClicked = Signal(int, int)  # true class, predicted class

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("confusionMatrix")
        self.setMouseTracking(True)
        self.setMinimumSize(220, 220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._matrix: np.ndarray | None = None
        self._names: list[str] = []
        self._selected: tuple[int, int] | None = None
        self._hovered: tuple[int, int] | None = None
        self.setToolTip("")

    @property
    def matrix(self) -> np.ndarray | None:
        return self._matrix

    @property
    def selected(self) -> tuple[int, int] | None:
        return self._selected

    def set_matrix(self, confusion: np.ndarray, class_names: Sequence[str]) -> None:
        confusion = np.asarray(confusion)
        if confusion.ndim != 2 or confusion.shape[0] != confusion.shape[1]:
            raise ValueError(f"a confusion matrix is square, got shape {confusion.shape}")
        self._matrix = confusion.astype(np.int64)
        self._names = [str(n) for n in class_names] or [str(i) for i in range(len(confusion))]
        if self._selected and max(self._selected) >= len(confusion):
            self._selected = None
        self.update()

    def clear(self) -> None:
        self._matrix = None
        self._selected = None
        self.update()

    def select(self, true: int | None, pred: int | None = None) -> None:
        self._selected = None if true is None or pred is None else (true, pred)
        self.update()

    # -- geometry -----------------------------------------------------------------------
    def _label_width(self) -> int:
        metrics = QFontMetrics(self._label_font())
        return max((metrics.horizontalAdvance(n) for n in self._names), default=10)

    def _label_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.85))
        return font

    def _grid(self) -> tuple[QRectF, float]:
        """The square area of the cells, and one cell's side."""
        n = 0 if self._matrix is None else len(self._matrix)
        metrics = QFontMetrics(self._label_font())
        label_w = min(self._label_width(), 90) + 8
        title_h = metrics.height() + 4
        left = title_h + label_w
        top = title_h + metrics.height() + 6  # "predicted" title, then the column labels
        available = min(self.width() - left - 6, self.height() - top - 6)
        side = max(1.0, available / max(1, n))
        return QRectF(left, top, side * n, side * n), side

    def cell_rect(self, true: int, pred: int) -> QRectF:
        grid, side = self._grid()
        return QRectF(grid.left() + pred * side, grid.top() + true * side, side, side)

    def cell_at(self, pos: QPoint) -> tuple[int, int] | None:
        if self._matrix is None:
            return None
        grid, side = self._grid()
        if not grid.contains(pos.toPointF()):
            return None
        n = len(self._matrix)
        pred = min(n - 1, int((pos.x() - grid.left()) // side))
        true = min(n - 1, int((pos.y() - grid.top()) // side))
        return true, pred

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(360, 360)

    # -- painting -----------------------------------------------------------------------
    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        palette = self.palette()
        base = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        if self._matrix is None:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                             self.tr("The confusion matrix appears after the first epoch."))
            return
        m = self._matrix
        n = len(m)
        grid, side = self._grid()
        rows = m.sum(axis=1, keepdims=True)
        share = np.divide(m, rows, out=np.zeros(m.shape, dtype=np.float64), where=rows > 0)
        label_font = self._label_font()
        metrics = QFontMetrics(label_font)

        painter.setFont(label_font)
        painter.setPen(text)
        painter.drawText(QRectF(grid.left(), 0, grid.width(), metrics.height() + 2),
                         Qt.AlignmentFlag.AlignCenter, self.tr("predicted"))
        painter.save()
        painter.translate(2, grid.center().y())
        painter.rotate(-90)
        painter.drawText(QRectF(-grid.height() / 2, 0, grid.height(), metrics.height() + 2),
                         Qt.AlignmentFlag.AlignCenter, self.tr("true"))
        painter.restore()
        show_labels = side >= metrics.height() * 0.9
        row_label_width = int(self._label_width() + 1)  # measures every name: once per paint, not per row
        for i, name in enumerate(self._names if show_labels else []):
            shown = metrics.elidedText(name, Qt.TextElideMode.ElideRight, row_label_width)
            painter.drawText(QRectF(metrics.height() + 4, grid.top() + i * side, grid.left() - metrics.height() - 8, side),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, shown)
            column = metrics.elidedText(name, Qt.TextElideMode.ElideRight, int(side) - 2)
            painter.drawText(QRectF(grid.left() + i * side, grid.top() - metrics.height() - 3, side, metrics.height()),
                             Qt.AlignmentFlag.AlignCenter, column)

        cell_font = QFont(self.font())
        cell_font.setPointSizeF(max(6.0, min(11.0, side * 0.28)))
        painter.setFont(cell_font)
        cell_metrics = QFontMetrics(cell_font)
        for t in range(n):
            for p in range(n):
                rect = QRectF(grid.left() + p * side, grid.top() + t * side, side, side)
                colour = _mix(base, CORRECT_COLOUR if t == p else WRONG_COLOUR,
                              share[t, p] if t == p else min(1.0, share[t, p] * 4))
                painter.fillRect(rect, colour)
                count = int(m[t, p])
                if count and cell_metrics.horizontalAdvance(str(count)) < side - 2:
                    painter.setPen(_text_on(colour))
                    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(count))
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
        painter.drawRect(grid)
        for cell, pen in ((self._hovered, QPen(text, 1, Qt.PenStyle.DotLine)),
                          (self._selected, QPen(palette.color(QPalette.ColorRole.Highlight), 3))):
            if cell is not None and max(cell) < n:
                painter.setPen(pen)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(self.cell_rect(*cell).adjusted(1, 1, -1, -1))

    # -- mouse --------------------------------------------------------------------------
    def describe(self, true: int, pred: int) -> str:
        m = self._matrix
        count = int(m[true, pred])
        row = int(m[true].sum())
        images = self.tr("1 image") if count == 1 else self.tr("{count} images").format(count=format_int(count))
        if row:
            images = self.tr("{images} ({share}% of true {true})").format(
                images=images, share=f"{100.0 * count / row:.1f}", true=self._names[true])
        if true == pred:
            return self.tr("true {true}, predicted correctly: {images}").format(true=self._names[true], images=images)
        return self.tr("true {true}, predicted {pred}: {images}").format(
            true=self._names[true], pred=self._names[pred], images=images)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.update()  # its words are painted: painted again in the new language
        super().changeEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        cell = self.cell_at(event.position().toPoint())
        if cell != self._hovered:
            self._hovered = cell
            self.update()
            if cell is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPosition().toPoint(), self.describe(*cell), self)
        super().mouseMoveEvent(event)

    def leaveEvent(self, event) -> None:  # noqa: N802
        self._hovered = None
        self.update()
        super().leaveEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        cell = self.cell_at(event.position().toPoint())
        if event.button() == Qt.MouseButton.LeftButton and cell is not None:
            self._selected = cell
            self.update()
            self.cellClicked.emit(*cell)
            event.accept()
            return
        super().mousePressEvent(event)


class PerClassAccuracyView(Retranslating, QWidget):
    """One bar per class: its validation accuracy (recall), the weakest ones in red."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("perClassAccuracy")
        self.setMinimumHeight(110)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._accuracy: np.ndarray | None = None
        self._names: list[str] = []

    @property
    def accuracy(self) -> np.ndarray | None:
        return self._accuracy

    def set_accuracy(self, per_class: np.ndarray, class_names: Sequence[str]) -> None:
        self._accuracy = np.asarray(per_class, dtype=np.float64)
        self._names = [str(n) for n in class_names]
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """The tooltip lists every class's accuracy; the empty view's line is painted."""
        if self._accuracy is not None:
            self.setToolTip(self.tr("Validation accuracy per class (the share of each class's images predicted "
                                    "right):") + "\n" + "\n".join(f"{n}: {_percent(a)}"
                                                                 for n, a in zip(self._names, self._accuracy)))
        self.update()

    def clear(self) -> None:
        self._accuracy = None
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(360, 150)

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.Text)
        if self._accuracy is None or not len(self._accuracy):
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter,
                             self.tr("Accuracy per class appears after an epoch."))
            return
        font = QFont(self.font())
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.85))
        painter.setFont(font)
        metrics = QFontMetrics(font)
        acc = self._accuracy
        n = len(acc)
        top, bottom = metrics.height() + 4, self.height() - metrics.height() - 6
        left, right = 4, self.width() - 4
        slot = (right - left) / n
        bar_w = max(2.0, slot * 0.7)
        finite = acc[np.isfinite(acc)]
        worst = float(finite.min()) if finite.size else math.nan
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
        painter.drawLine(left, bottom, right, bottom)
        for i, a in enumerate(acc):
            x = left + i * slot + (slot - bar_w) / 2
            if math.isfinite(a):
                h = (bottom - top) * max(0.0, min(1.0, a))
                colour = WRONG_COLOUR if a == worst and a < 1.0 else CORRECT_COLOUR
                painter.fillRect(QRectF(x, bottom - h, bar_w, h), colour)
                label = f"{100 * a:.0f}" if slot >= metrics.horizontalAdvance("100") + 2 else ""
                painter.setPen(text)
                painter.drawText(QRectF(left + i * slot, bottom - h - metrics.height() - 1, slot, metrics.height()),
                                 Qt.AlignmentFlag.AlignCenter, label)
            if slot >= metrics.horizontalAdvance("0") + 2:
                painter.setPen(text)
                name = metrics.elidedText(self._names[i], Qt.TextElideMode.ElideRight, int(slot) - 1)
                painter.drawText(QRectF(left + i * slot, bottom + 2, slot, metrics.height()),
                                 Qt.AlignmentFlag.AlignCenter, name)


def _percent(a: float) -> str:
    if not math.isfinite(a):
        return QCoreApplication.translate("PerClassAccuracyView", "no images")
    return f"{100 * a:.1f}%"


def thumbnail(image: np.ndarray, scale: int = THUMBNAIL_SCALE) -> QPixmap:
    """A uint8 image (C, H, W) with 1 or 3 channels as a pixmap, enlarged without blur."""
    image = np.asarray(image)
    if image.dtype != np.uint8:
        lo, hi = float(image.min()), float(image.max())
        image = ((image - lo) / (hi - lo or 1.0) * 255).round().astype(np.uint8)
    if image.ndim == 3 and image.shape[0] == 1:
        image = image[0]
    if image.ndim == 2:
        grey = np.ascontiguousarray(image)
        qimage = QImage(grey.data, grey.shape[1], grey.shape[0], grey.strides[0], QImage.Format.Format_Grayscale8)
    else:
        rgb = np.ascontiguousarray(image.transpose(1, 2, 0)[:, :, :3])
        qimage = QImage(rgb.data, rgb.shape[1], rgb.shape[0], rgb.strides[0], QImage.Format.Format_RGB888)
    qimage = qimage.copy()  # own the pixels; the numpy buffer goes away
    return QPixmap.fromImage(qimage.scaled(qimage.width() * scale, qimage.height() * scale,
                                           Qt.AspectRatioMode.IgnoreAspectRatio,
                                           Qt.TransformationMode.FastTransformation))


@dataclass(frozen=True)
class GalleryEntry:
    """One validation image in the gallery; `confidence` is None when unknown."""

    index: int
    true: int
    pred: int
    confidence: float | None = None


class MisclassifiedGallery(Retranslating, QWidget):
    """Thumbnails of validation images with their predicted and true labels."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("misclassifiedGallery")
        self.title = QLabel()
        self.title.setObjectName("galleryTitle")
        bold = QFont(self.title.font())
        bold.setBold(True)
        self.title.setFont(bold)
        self.back_button = QPushButton()
        self.back_button.setObjectName("galleryResetButton")
        self.back_button.setFlat(True)
        self.back_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.back_button.hide()
        self.list = QListWidget()
        self.list.setObjectName("galleryList")
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setMovement(QListView.Movement.Static)
        self.list.setSpacing(2)
        self.list.setWordWrap(False)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.empty_label = QLabel()
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet("color: palette(placeholder-text);")
        header = QHBoxLayout()
        header.setContentsMargins(0, 0, 0, 0)
        header.addWidget(self.title, 1)
        header.addWidget(self.back_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty_label, 1)
        self.list.hide()
        self.retranslate_ui()
        self.clear()

    def retranslate_ui(self) -> None:
        """The button's words; the shown entries are said again by their ResultsView."""
        self.back_button.setText(self.tr("← most confident mistakes"))
        self.back_button.setToolTip(self.tr("Show the validation images the model got wrong with the highest "
                                            "confidence"))
        if not self.list.count():
            self.title.setText(self.tr("Most confidently wrong"))
            self.empty_label.setText(self.tr("Misclassified validation images appear after an epoch."))

    def show_entries(self, title: str, entries: Sequence[GalleryEntry], image_of: Callable[[int], np.ndarray],
                     class_names: Sequence[str], total: int | None = None) -> None:
        """Show `entries` (at most GALLERY_LIMIT) under `title`; `total` counts all of them."""
        self.list.clear()
        total = len(entries) if total is None else total
        shown = list(entries)[:GALLERY_LIMIT]
        if total > len(shown):
            title = self.tr("{title} (first {count} shown)").format(title=title, count=len(shown))
        self.title.setText(title)
        icon_side = 0
        for entry in shown:
            pixmap = thumbnail(image_of(entry.index))
            icon_side = max(icon_side, pixmap.width(), pixmap.height())
            pred, true = class_names[entry.pred], class_names[entry.true]
            conf = f" · {100 * entry.confidence:.0f}%" if entry.confidence is not None else ""
            item = QListWidgetItem(QIcon(pixmap), self.tr("pred {pred}{confidence}\ntrue {true}").format(
                pred=_short_name(pred), confidence=conf, true=_short_name(true)))
            item.setToolTip(self.tr("validation image #{index}: predicted {pred}{confidence}, true {true}").format(
                index=entry.index, pred=pred, confidence=conf, true=true))
            item.setData(Qt.ItemDataRole.UserRole, entry.index)
            item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
            self.list.addItem(item)
        if icon_side:
            self.list.setIconSize(QSize(icon_side, icon_side))
            widest = self.tr("pred {pred}{confidence}\ntrue {true}").format(pred="9", confidence=" · 100%",
                                                                             true="9").split("\n")[0]
            width = max(icon_side, QFontMetrics(self.list.font()).horizontalAdvance(widest)) + 8
            self.list.setGridSize(QSize(width, icon_side + 2 * QFontMetrics(self.list.font()).height() + 10))
        self.list.setVisible(bool(shown))
        self.empty_label.setVisible(not shown)
        self.empty_label.setText(self.tr("No images here.") if total == 0 and title else self.empty_label.text())

    def clear(self) -> None:
        self.list.clear()
        self.title.setText(self.tr("Most confidently wrong"))
        self.back_button.hide()
        self.empty_label.setText(self.tr("Misclassified validation images appear after an epoch."))
        self.list.hide()
        self.empty_label.show()

    def count(self) -> int:
        return self.list.count()


def _short_name(name: str) -> str:
    return name if len(name) <= 12 else name[:11] + "…"


class ResultsView(Retranslating, QWidget):
    """Confusion matrix, per-class accuracy and the misclassified gallery of one epoch."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resultsView")
        self.matrix_view = ConfusionMatrixView()
        self.accuracy_view = PerClassAccuracyView()
        self.gallery = MisclassifiedGallery()
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.caption.setStyleSheet("color: palette(placeholder-text);")

        self._worst: tuple[WorstExample, ...] = ()
        self._val_true: np.ndarray | None = None
        self._val_pred: np.ndarray | None = None
        self._image_of: Callable[[int], np.ndarray] | None = None
        self._names: list[str] = []
        self.matrix_view.cellClicked.connect(self.show_cell)
        self.gallery.back_button.clicked.connect(self.show_worst)

        right = QSplitter(Qt.Orientation.Vertical)
        accuracy_box = QWidget()
        accuracy_layout = QVBoxLayout(accuracy_box)
        accuracy_layout.setContentsMargins(0, 0, 0, 0)
        accuracy_title = self._accuracy_title = QLabel()
        bold = QFont(accuracy_title.font())
        bold.setBold(True)
        accuracy_title.setFont(bold)
        accuracy_layout.addWidget(accuracy_title)
        accuracy_layout.addWidget(self.accuracy_view, 1)
        right.addWidget(accuracy_box)
        right.addWidget(self.gallery)
        right.setChildrenCollapsible(False)
        right.setSizes([160, 340])

        matrix_box = QWidget()
        matrix_layout = QVBoxLayout(matrix_box)
        matrix_layout.setContentsMargins(0, 0, 0, 0)
        matrix_title = self._matrix_title = QLabel()
        matrix_title.setFont(bold)
        matrix_layout.addWidget(matrix_title)
        matrix_layout.addWidget(self.matrix_view, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(matrix_box)
        split.addWidget(right)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.caption)
        layout.addWidget(split, 1)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Titles, and the gallery's title for what it shows (the caption of an epoch is
        its caller's: the Train page shows the epoch again)."""
        self._accuracy_title.setText(self.tr("Accuracy per class (%)"))
        self._matrix_title.setText(self.tr("Confusion matrix"))
        if self._image_of is None:
            self.caption.setText(self.tr("Results of the latest epoch on the validation images. Click a cell to "
                                         "see its images."))
        elif self.matrix_view.selected is not None:
            self.show_cell(*self.matrix_view.selected)
        else:
            self.show_worst()

    def show_results(self, confusion: np.ndarray, per_class_acc: np.ndarray, val_true: np.ndarray,
                     val_pred: np.ndarray, worst: Sequence[WorstExample], image_of: Callable[[int], np.ndarray],
                     class_names: Sequence[str], caption: str | None = None) -> None:
        """Show one evaluation. `image_of(i)` returns validation image i as uint8 (C, H, W)."""
        self._names = [str(n) for n in class_names]
        self._worst = tuple(worst)
        self._val_true = np.asarray(val_true)
        self._val_pred = np.asarray(val_pred)
        self._image_of = image_of
        if caption:
            self.caption.setText(caption)
        self.matrix_view.set_matrix(confusion, self._names)
        self.accuracy_view.set_accuracy(per_class_acc, self._names)
        selected = self.matrix_view.selected
        if selected is not None:
            self.show_cell(*selected)
        else:
            self.show_worst()

    def show_worst(self) -> None:
        if self._image_of is None:
            return
        self.matrix_view.select(None)
        self.gallery.back_button.hide()
        entries = [GalleryEntry(w.index, w.true, w.pred, w.confidence) for w in self._worst]
        self.gallery.show_entries(self.tr("Most confidently wrong"), entries, self._image_of, self._names)

    def show_cell(self, true: int, pred: int) -> None:
        """The validation images of true class `true` predicted as `pred`."""
        if self._image_of is None or self._val_true is None or self._val_pred is None:
            return
        self.matrix_view.select(true, pred)
        indices = np.flatnonzero((self._val_true == true) & (self._val_pred == pred))
        confidence = {w.index: w.confidence for w in self._worst}
        entries = [GalleryEntry(int(i), true, pred, confidence.get(int(i))) for i in indices]
        entries.sort(key=lambda e: -(e.confidence or 0.0))
        count = len(entries)
        these = self.tr("these {count}").format(count=_count_word(count)) if count else self.tr("none")
        if true == pred:
            title = self.tr("true {true}, predicted correctly: {these}").format(true=self._names[true], these=these)
        else:
            title = self.tr("true {true}, predicted {pred}: {these}").format(
                true=self._names[true], pred=self._names[pred], these=these)
        self.gallery.show_entries(title, entries, self._image_of, self._names, total=count)
        self.gallery.back_button.show()

    def clear(self) -> None:
        self._image_of = None
        self._worst = ()
        self.matrix_view.clear()
        self.accuracy_view.clear()
        self.gallery.clear()


_COUNT_WORDS = (
    QT_TRANSLATE_NOOP("ResultsView", "zero"), QT_TRANSLATE_NOOP("ResultsView", "one"),
    QT_TRANSLATE_NOOP("ResultsView", "two"), QT_TRANSLATE_NOOP("ResultsView", "three"),
    QT_TRANSLATE_NOOP("ResultsView", "four"), QT_TRANSLATE_NOOP("ResultsView", "five"),
    QT_TRANSLATE_NOOP("ResultsView", "six"), QT_TRANSLATE_NOOP("ResultsView", "seven"),
    QT_TRANSLATE_NOOP("ResultsView", "eight"), QT_TRANSLATE_NOOP("ResultsView", "nine"),
    QT_TRANSLATE_NOOP("ResultsView", "ten"), QT_TRANSLATE_NOOP("ResultsView", "eleven"),
    QT_TRANSLATE_NOOP("ResultsView", "twelve"))


def _count_word(n: int) -> str:
    """Small counts in words ("these twelve"), larger ones in digits."""
    return QCoreApplication.translate("ResultsView", _COUNT_WORDS[n]) if n < len(_COUNT_WORDS) else format_int(n)
