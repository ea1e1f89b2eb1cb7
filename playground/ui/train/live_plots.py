"""Live training plots: loss per step (raw and smoothed) with validation loss per epoch,
accuracy per epoch, and the learning rate.

Long runs must stay cheap to draw, so each series is one `PlotDataItem` created once and
fed from a growing numpy buffer (doubling, amortised O(1) appends). New points only mark
a series dirty; a ~30 Hz timer hands the dirty ones to pyqtgraph, which downsamples to
the pixels it has (`peak` keeps spikes visible) and clips to the view.

Painting is what costs (and it holds the GIL the training thread needs), so the frame
rate adapts to keep the plots under a few percent of the GUI thread (`FrameBudget`), and
a frame repaints only the curves: the x range grows in whole epochs instead of auto-ranging on
every point (the axes stay put, and clip-to-view works, which it cannot while x
auto-ranges), the axes are cached as pixmaps, and there is no grid to redraw.
"""

from __future__ import annotations

import csv
import io
import math
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, QTimer
from PySide6.QtGui import QAction, QColor, QPalette
from PySide6.QtWidgets import (
    QFileDialog,
    QGraphicsItem,
    QGraphicsScene,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QSizePolicy,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from playground.core.fileio import WriteError, atomic_write
from playground.ui.widgets.png_file import write_png
from playground.ui.widgets.retranslate import Retranslating
from playground.ui.widgets.style import MUTED

REFRESH_INTERVAL_MS = 33  # ~30 repaints a second at most, however fast points arrive
LR_EVERY = 4  # frames per learning-rate repaint while live
FIXED_EPOCHS = 10  # runs up to this long get their whole x range from the start
PLOT_SHARE = 0.03  # of a core's time the live plots may take (see FrameBudget)

# One colour per meaning, shared by every plot so "validation" always looks the same.
TRAIN_COLOUR = QColor(31, 119, 180)
VAL_COLOUR = QColor(214, 95, 14)
LR_COLOUR = QColor(44, 160, 44)


class GrowingSeries:
    """x/y values in float64 buffers that double when full.

    Appending is amortised O(1) and `x`/`y` are views of the filled part, so handing them
    to the plot never copies the history.
    """

    def __init__(self, capacity: int = 1024) -> None:
        self._x = np.empty(capacity, dtype=np.float64)
        self._y = np.empty(capacity, dtype=np.float64)
        self._n = 0

    def __len__(self) -> int:
        return self._n

    @property
    def x(self) -> np.ndarray:
        return self._x[: self._n]

    @property
    def y(self) -> np.ndarray:
        return self._y[: self._n]

    @property
    def capacity(self) -> int:
        return len(self._x)

    def extend(self, xs: np.ndarray | list[float], ys: np.ndarray | list[float]) -> None:
        xs = np.asarray(xs, dtype=np.float64).ravel()
        ys = np.asarray(ys, dtype=np.float64).ravel()
        if xs.shape != ys.shape:
            raise ValueError(f"x has {xs.size} values but y has {ys.size}")
        end = self._n + xs.size
        if end > len(self._x):
            capacity = len(self._x)
            while capacity < end:
                capacity *= 2
            self._x = _grown(self._x, capacity, self._n)
            self._y = _grown(self._y, capacity, self._n)
        self._x[self._n:end] = xs
        self._y[self._n:end] = ys
        self._n = end

    def clear(self) -> None:
        self._n = 0


def _grown(buffer: np.ndarray, capacity: int, filled: int) -> np.ndarray:
    bigger = np.empty(capacity, dtype=buffer.dtype)
    bigger[:filled] = buffer[:filled]
    return bigger


class EmaSmoother:
    """Debiased exponential moving average, as TensorBoard smooths scalars.

    Without the bias correction the first smoothed points would hug zero; with it the line
    starts on the first raw value and follows the trend through noisy per-step losses.
    """

    def __init__(self, weight: float = 0.9) -> None:
        if not 0.0 <= weight < 1.0:
            raise ValueError(f"smoothing weight must be in [0, 1), got {weight}")
        self.weight = weight
        self._last = 0.0
        self._count = 0

    def extend(self, values: np.ndarray) -> np.ndarray:
        out = np.empty(len(values), dtype=np.float64)
        w = self.weight
        last, count = self._last, self._count
        for i, v in enumerate(np.asarray(values, dtype=np.float64)):
            if not math.isfinite(v):
                out[i] = v  # a NaN shows as a gap and does not poison the line after it
                continue
            last = w * last + (1.0 - w) * v
            count += 1
            out[i] = last / (1.0 - w**count)
        self._last, self._count = last, count
        return out

    def reset(self) -> None:
        self._last, self._count = 0.0, 0


class FrameBudget:
    """Keeps live plotting to a small share of the GUI thread's time.

    Every repaint holds the GIL that the training thread needs too, so on a slow machine
    fewer frames are better than a slower run. After a frame that cost `c` seconds of CPU
    (data handed over plus painting; CPU time of this thread, so a busy machine that
    preempts us does not inflate it), the next may start `c / share` later at the soonest,
    and never sooner than `min_interval`: a cheap frame still gets ~30 a second.
    """

    def __init__(self, share: float = PLOT_SHARE, min_interval: float = REFRESH_INTERVAL_MS / 1000,
                 clock: Callable[[], float] = time.perf_counter) -> None:
        self.share = share
        self.min_interval = min_interval
        self._clock = clock
        self._frame_start = -math.inf
        self._cost = 0.0

    def add(self, seconds: float) -> None:
        """Count work done for the plots (a refresh, a repaint) towards the current frame."""
        self._cost += seconds

    def wait_time(self) -> float:
        """Seconds until the next frame may start (0 when it may start now)."""
        wait = max(self.min_interval, self._cost / self.share)
        return max(0.0, self._frame_start + wait - self._clock())

    def start_frame(self) -> None:
        self._frame_start = self._clock()
        self._cost = 0.0


class _TimedPlotWidget(pg.PlotWidget):
    """A PlotWidget whose repaints count towards a FrameBudget."""

    budget: FrameBudget | None = None

    def paintEvent(self, event) -> None:  # noqa: N802
        if self.budget is None:
            super().paintEvent(event)
            return
        started = time.thread_time()
        super().paintEvent(event)
        self.budget.add(time.thread_time() - started)


@dataclass(frozen=True)
class SeriesStyle:
    """How one series looks: a line (`width`, `alpha`) and optional point markers."""

    name: str
    colour: QColor
    width: float = 2.0
    alpha: int = 255
    symbol: str | None = None
    dashed: bool = False


class LivePlot(Retranslating, QWidget):
    """A pyqtgraph plot of named series, repainted only by `refresh()`.

    The legend sits in the title line (text inside the view would be redrawn with every
    frame). Below the plot a read-out line shows the values under the mouse (crosshair),
    and a button exports the plot as PNG or its data as CSV; the same two actions sit in
    the plot's right-click menu. With `y_from_zero` the y range runs from 0 to a round
    number above the data and only ever grows, so the axis stays still while a run goes on;
    with `percent` it runs from a round ten below the data to 100.

    The title, axis labels and series names given at construction name the CSV's columns
    and series (a file's contents stay the same in every language); `set_texts` changes
    what the plot shows.
    """

    def __init__(self, title: str, x_label: str, y_label: str, parent: QWidget | None = None,
                 y_from_zero: bool = False, percent: bool = False) -> None:
        super().__init__(parent)
        self._title = self._file_title = title
        self._x_label = self._x_name = x_label
        self._shown_names: dict[str, str] = {}  # series key -> its name on screen, where set_texts gave one
        self._series: dict[str, GrowingSeries] = {}
        self._items: dict[str, pg.PlotDataItem] = {}
        self._styles: dict[str, SeriesStyle] = {}
        self._dirty: set[str] = set()

        palette = self.palette()
        self._text_colour = palette.color(QPalette.ColorRole.Text)
        self.plot_widget = _TimedPlotWidget(background=palette.color(QPalette.ColorRole.Base))
        self.plot_widget.setMinimumHeight(140)
        self.plot_widget.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        # Curves change shape every frame: a BSP index of the scene would be rebuilt each time.
        self.plot_widget.scene().setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        item = self.plot_widget.getPlotItem()
        item.setLabel("bottom", x_label, color=self._text_colour)
        item.setLabel("left", y_label, color=self._text_colour)
        axis_colour = QColor(self._text_colour)
        axis_colour.setAlpha(140)
        for side in ("bottom", "left"):
            axis = item.getAxis(side)
            axis.setPen(pg.mkPen(axis_colour))
            axis.setTextPen(pg.mkPen(self._text_colour))
            axis.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)  # text is slow to draw
        item.setMenuEnabled(True)
        self._view_box = item.getViewBox()
        self._x_edge = 0.0  # right end of the x range while it follows the data
        self._x_last: float | None = None
        self._follow_x = False
        self._y_from_zero = y_from_zero
        self._percent = percent
        self._y_top = 0.0
        self._y_bottom = 100.0
        # Points of each series already looked at for the y range: the range only ever
        # widens, so a frame scans the new points, not the whole history.
        self._range_scanned: dict[str, int] = {}
        self._view_box.sigRangeChangedManually.connect(self._on_manual_range)
        self._update_title()

        self._crosshair = pg.InfiniteLine(angle=90, movable=False,
                                          pen=pg.mkPen(QColor(128, 128, 128, 150), style=Qt.PenStyle.DashLine))
        self._crosshair.setZValue(100)
        self._crosshair.hide()
        item.addItem(self._crosshair, ignoreBounds=True)
        self._mouse_proxy = pg.SignalProxy(self.plot_widget.scene().sigMouseMoved, rateLimit=30,
                                           slot=self._on_mouse_moved)

        self.readout = QLabel(" ")
        self.readout.setObjectName("plotReadout")
        self.readout.setTextFormat(Qt.TextFormat.PlainText)
        self.readout.setStyleSheet(f"color: {MUTED};")
        self.readout.setMinimumWidth(10)
        self.readout.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        self.export_button = QToolButton()
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.export_button.setAutoRaise(True)
        menu = QMenu(self.export_button)
        self.png_action = QAction(self)
        self.csv_action = QAction(self)
        self.png_action.triggered.connect(self._ask_png)
        self.csv_action.triggered.connect(self._ask_csv)
        menu.addAction(self.png_action)
        menu.addAction(self.csv_action)
        self.export_button.setMenu(menu)
        view_menu = self._view_box.menu
        view_menu.addSeparator()
        view_menu.addAction(self.png_action)
        view_menu.addAction(self.csv_action)

        footer = QHBoxLayout()
        footer.setContentsMargins(4, 0, 0, 0)
        footer.addWidget(self.readout, 1)
        footer.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.plot_widget, 1)
        layout.addLayout(footer)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """The export button and its actions in the current language."""
        self.export_button.setText(self.tr("Export"))
        self.export_button.setToolTip(self.tr("Save the {title} plot as a PNG image or its data as CSV").format(
            title=self._title.lower()))
        self.png_action.setText(self.tr("Save image (PNG)…"))
        self.csv_action.setText(self.tr("Save data (CSV)…"))

    def set_texts(self, title: str, x_label: str, y_label: str, names: dict[str, str] | None = None) -> None:
        """What the plot shows: its title, axis labels and (by series key) series names."""
        self._title, self._x_label = title, x_label
        self._shown_names.update(names or {})
        item = self.plot_widget.getPlotItem()
        item.setLabel("bottom", x_label, color=self._text_colour)
        item.setLabel("left", y_label, color=self._text_colour)
        self._update_title()
        self.retranslate_ui()

    def shown_name(self, key: str) -> str:
        """The name of series `key` on screen."""
        return self._shown_names.get(key, self._styles[key].name)

    def _update_title(self) -> None:
        """The title with a legend: a coloured mark and the name of every series."""
        parts = [f"<b>{self._title}</b>"]
        for key, style in self._styles.items():
            colour = QColor(style.colour)
            if style.alpha < 255:
                colour = colour.lighter(100 + (255 - style.alpha) // 2)
            mark = "●" if style.symbol else ("╌" if style.dashed else "━")
            parts.append(f"<span style='color:{colour.name()}'>{mark}</span>&nbsp;{self.shown_name(key)}")
        self.plot_widget.getPlotItem().setTitle("&nbsp;&nbsp;&nbsp;".join(parts), color=self._text_colour,
                                                size="9pt")

    # -- series -------------------------------------------------------------------------
    def add_series(self, key: str, style: SeriesStyle) -> pg.PlotDataItem:
        """Create the one `PlotDataItem` this series will ever use."""
        colour = QColor(style.colour)
        colour.setAlpha(style.alpha)
        pen = pg.mkPen(colour, width=style.width,
                       style=Qt.PenStyle.DashLine if style.dashed else Qt.PenStyle.SolidLine)
        kwargs = {}
        if style.symbol:
            kwargs = dict(symbol=style.symbol, symbolSize=7, symbolPen=pg.mkPen(colour),
                          symbolBrush=pg.mkBrush(colour))
        item = self.plot_widget.getPlotItem().plot([], [], pen=pen, **kwargs)
        item.setDownsampling(auto=True, method="peak")
        item.setClipToView(True)
        if style.symbol:
            # Per-epoch series change rarely: keep them as pixmaps, not redrawn every frame.
            for part in (item.curve, item.scatter):
                part.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self._series[key] = GrowingSeries()
        self._items[key] = item
        self._styles[key] = style
        self._update_title()
        return item

    def extend(self, key: str, xs: np.ndarray | list[float], ys: np.ndarray | list[float]) -> None:
        """Queue new points; they are drawn on the next `refresh()`."""
        self._series[key].extend(xs, ys)
        self._dirty.add(key)

    def refresh(self) -> bool:
        """Hand every series that changed to pyqtgraph; returns whether anything did."""
        if not self._dirty:
            return False
        right, top, bottom = self._x_edge, self._y_top, self._y_bottom
        for key in self._dirty:
            series = self._series[key]
            self._items[key].setData(series.x, series.y, skipFiniteCheck=True)
            new = series.y[self._range_scanned.get(key, 0):]
            self._range_scanned[key] = len(series)
            if new.size:
                right = max(right, float(series.x[-1]))
                if self._y_from_zero:
                    top = max(top, _finite_max(new))
                if self._percent:
                    bottom = min(bottom, -_finite_max(-new))
        self._dirty.clear()
        self._grow_x(right)
        self._grow_y(top)
        self._lower_floor(bottom)
        return True

    def clear_data(self) -> None:
        for key, series in self._series.items():
            series.clear()
            self._dirty.add(key)
        self._range_scanned.clear()
        self.refresh()
        self._y_top = 0.0
        self._y_bottom = 100.0
        if self._percent:
            self._view_box.setYRange(0.0, 100.0, padding=0.04)
        self._crosshair.hide()
        self.readout.setText(" ")

    @property
    def dirty(self) -> bool:
        """Points are waiting for the next refresh."""
        return bool(self._dirty)

    def series(self, key: str) -> GrowingSeries:
        return self._series[key]

    def item(self, key: str) -> pg.PlotDataItem:
        return self._items[key]

    def point_count(self, key: str) -> int:
        """Points the plot item actually holds (what is drawn, not what is queued)."""
        x, _ = self._items[key].getData()
        return 0 if x is None else len(x)

    # -- ranges -------------------------------------------------------------------------
    def follow_x(self, first_edge: float = 1.0, last_edge: float | None = None) -> None:
        """Let the x range run from 0 to `first_edge` and, as points pass it, double (to
        whole numbers, at most `last_edge`) until the person zooms, pans or asks for
        auto-range. A run of up to FIXED_EPOCHS epochs gets its whole range at once: a
        changing axis is redrawn with all its labels, which is what a frame must avoid."""
        self._follow_x = True
        self._x_edge = 0.0
        self._x_last = last_edge
        self._grow_x(first_edge)

    def _grow_x(self, right: float) -> None:
        if not self._follow_x or right <= self._x_edge * (1 + 1e-9):
            return
        if self._view_box.state["autoRange"][0] and self._x_edge:
            self._follow_x = False  # the person asked for auto-range: leave x to pyqtgraph
            return
        edge = max(math.ceil(right - 1e-9), 2 * self._x_edge, 1.0)
        if self._x_last is not None and right <= self._x_last:
            edge = min(edge, self._x_last)
        self._x_edge = edge
        self._view_box.setXRange(0.0, self._x_edge, padding=0.04)  # room for a marker at the end

    def _grow_y(self, top: float) -> None:
        if not self._y_from_zero or not top > self._y_top:
            return
        if self._y_top and self._view_box.state["autoRange"][1]:
            self._y_from_zero = False  # auto-range asked for by the person
            return
        self._y_top = _nice_ceiling(top)
        self._view_box.setYRange(0.0, self._y_top, padding=0.02)

    def _lower_floor(self, bottom: float) -> None:
        """Percent plots: from a round ten below the lowest value to 100."""
        if not self._percent or not bottom < self._y_bottom:
            return
        self._y_bottom = max(0.0, math.floor(bottom / 10.0 - 1e-9) * 10.0)
        self._view_box.setYRange(self._y_bottom, 100.0, padding=0.04)

    def _on_manual_range(self, *_args: object) -> None:
        self._follow_x = False
        self._y_from_zero = False
        self._percent = False

    # -- crosshair ----------------------------------------------------------------------
    def _on_mouse_moved(self, event: tuple[QPointF]) -> None:
        pos = event[0]
        view_box = self.plot_widget.getPlotItem().getViewBox()
        if not view_box.sceneBoundingRect().contains(pos):
            self._crosshair.hide()
            return
        x = view_box.mapSceneToView(pos).x()
        self.show_readout_at(x)

    def show_readout_at(self, x: float) -> None:
        """Put the crosshair at `x` and list each series' nearest value there."""
        parts = []
        for key, series in self._series.items():
            if not len(series):
                continue
            i = _nearest_index(series.x, x)
            parts.append(f"{self.shown_name(key)} {_short(series.y[i])}")
        if not parts:
            self._crosshair.hide()
            self.readout.setText(" ")
            return
        self._crosshair.setPos(x)
        self._crosshair.show()
        self.readout.setText(f"{self._x_label} {x:.2f}  ·  " + "  ·  ".join(parts))

    # -- export -------------------------------------------------------------------------
    def export_png(self, path: str | Path) -> None:
        """Save the plot exactly as it looks on screen (atomically; WriteError names the file)."""
        self.refresh()
        write_png(path, self.plot_widget.grab())

    def export_csv(self, path: str | Path) -> None:
        """Every point of every series, one row each: series, x, y (atomically; WriteError
        names the file)."""
        text = io.StringIO(newline="")
        writer = csv.writer(text)
        writer.writerow(["series", self._x_name, "value"])
        for key, series in self._series.items():
            name = self._styles[key].name
            for x, y in zip(series.x.tolist(), series.y.tolist()):
                writer.writerow([name, repr(x), repr(y)])
        atomic_write(path, text.getvalue().encode("utf-8"))

    def _ask_png(self) -> None:
        self._ask_and_export(self.tr("PNG image (*.png)"), ".png", self.export_png)

    def _ask_csv(self) -> None:
        self._ask_and_export(self.tr("CSV data (*.csv)"), ".csv", self.export_csv)

    def _ask_and_export(self, file_filter: str, suffix: str, write) -> None:
        default = self._file_title.lower().replace(" ", "_") + suffix
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export {title}").format(title=self._title), default,
                                              file_filter)
        if not path:
            return
        try:
            write(path)
        except WriteError as exc:
            QMessageBox.warning(self, self.tr("Export failed"), str(exc))


def _nearest_index(xs: np.ndarray, x: float) -> int:
    """Index of the value in sorted `xs` closest to `x`."""
    i = int(np.searchsorted(xs, x))
    if i <= 0:
        return 0
    if i >= len(xs):
        return len(xs) - 1
    return i if xs[i] - x < x - xs[i - 1] else i - 1


def _finite_max(values: np.ndarray) -> float:
    finite = values[np.isfinite(values)]
    return float(finite.max()) if finite.size else 0.0


def _nice_ceiling(value: float) -> float:
    """The smallest of 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 x 10^k at or above `value` (> 0)."""
    if value <= 0:
        return 1.0
    decade = 10.0 ** math.floor(math.log10(value))
    for mantissa in (1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0):
        if mantissa * decade >= value * (1 - 1e-9):
            return mantissa * decade
    return 10.0 * decade


def _short(value: float) -> str:
    if not math.isfinite(value):
        return str(value)
    if value != 0 and (abs(value) < 1e-3 or abs(value) >= 1e5):
        return f"{value:.2e}"
    return f"{value:.4g}"


class TrainingPlots(Retranslating, QWidget):
    """The three plots of a training run, and the timer that repaints them.

    x is in epochs everywhere (a step inside epoch 2 sits between 1 and 2), so the
    per-step loss and the per-epoch validation points share one axis.
    """

    def __init__(self, parent: QWidget | None = None, smoothing: float = 0.8) -> None:
        super().__init__(parent)
        self.loss_plot = LivePlot("Loss", "epoch", "cross-entropy", y_from_zero=True)
        self.loss_plot.setObjectName("lossPlot")
        self.loss_plot.add_series("raw", SeriesStyle("train (per step)", TRAIN_COLOUR, width=1, alpha=60))
        self.loss_plot.add_series("smooth", SeriesStyle("train (smoothed)", TRAIN_COLOUR, width=2))
        self.loss_plot.add_series("val", SeriesStyle("validation", VAL_COLOUR, width=2, symbol="o"))

        self.accuracy_plot = LivePlot("Accuracy", "epoch", "accuracy (%)", percent=True)
        self.accuracy_plot.setObjectName("accuracyPlot")
        self.accuracy_plot.add_series("train", SeriesStyle("train", TRAIN_COLOUR, width=2, symbol="o"))
        self.accuracy_plot.add_series("val", SeriesStyle("validation", VAL_COLOUR, width=2, symbol="o"))

        self.lr_plot = LivePlot("Learning rate", "epoch", "learning rate", y_from_zero=True)
        self.lr_plot.setObjectName("learningRatePlot")
        self.lr_plot.add_series("lr", SeriesStyle("learning rate", LR_COLOUR, width=2))

        self._smoother = EmaSmoother(smoothing)
        self.frames = 0  # frames drawn while live
        self.budget = FrameBudget()
        for plot in self.plots:
            plot.plot_widget.budget = self.budget
        self._live = False
        self._timer = QTimer(self)  # one shot, armed when new points wait to be drawn
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._on_tick)

        bottom = QSplitter(Qt.Orientation.Horizontal)
        bottom.addWidget(self.accuracy_plot)
        bottom.addWidget(self.lr_plot)
        bottom.setChildrenCollapsible(False)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.loss_plot)
        split.addWidget(bottom)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Titles, axes and series names in the current language (the CSVs keep English)."""
        epoch, train, validation = self.tr("epoch"), self.tr("train"), self.tr("validation")
        self.loss_plot.set_texts(self.tr("Loss"), epoch, self.tr("cross-entropy"), {
            "raw": self.tr("train (per step)"), "smooth": self.tr("train (smoothed)"), "val": validation})
        self.accuracy_plot.set_texts(self.tr("Accuracy"), epoch, self.tr("accuracy (%)"),
                                     {"train": train, "val": validation})
        self.accuracy_plot.setToolTip(self.tr(
            "Validation accuracy is measured after each epoch on images the model never\n"
            "trains on. Training accuracy is the average over the epoch, while the model\n"
            "was still learning, so early on it is lower than validation."))
        self.lr_plot.set_texts(self.tr("Learning rate"), epoch, self.tr("learning rate"),
                               {"lr": self.tr("learning rate")})

    @property
    def plots(self) -> tuple[LivePlot, LivePlot, LivePlot]:
        return (self.loss_plot, self.accuracy_plot, self.lr_plot)

    def reset(self, epochs: int | None = None) -> None:
        """Forget the previous run's points. x runs over the run's `epochs` (when known and
        at most FIXED_EPOCHS, else it starts at that many and doubles as the run goes on)."""
        self._smoother.reset()
        first = float(min(epochs, FIXED_EPOCHS)) if epochs else 1.0
        for plot in self.plots:
            plot.clear_data()
            plot.follow_x(first, float(epochs) if epochs else None)

    def add_steps(self, epochs: np.ndarray, losses: np.ndarray, lrs: np.ndarray | None = None) -> None:
        """Per-step points: x in (fractional) epochs, the batch loss, the learning rate."""
        epochs = np.asarray(epochs, dtype=np.float64)
        losses = np.asarray(losses, dtype=np.float64)
        if not epochs.size:
            return
        self.loss_plot.extend("raw", epochs, losses)
        self.loss_plot.extend("smooth", epochs, self._smoother.extend(losses))
        if lrs is not None:
            self.lr_plot.extend("lr", epochs, lrs)
        self._schedule()

    def add_epoch(self, epoch: float, train_loss: float | None, val_loss: float | None,
                  train_accuracy: float | None, val_accuracy: float | None) -> None:
        """Per-epoch points; accuracies as fractions in [0, 1] (drawn as percent)."""
        if val_loss is not None:
            self.loss_plot.extend("val", [epoch], [val_loss])
        if train_accuracy is not None:
            self.accuracy_plot.extend("train", [epoch], [100.0 * train_accuracy])
        if val_accuracy is not None:
            self.accuracy_plot.extend("val", [epoch], [100.0 * val_accuracy])
        self._schedule()

    def start_live(self) -> None:
        """Draw new points by themselves, at most ~30 frames a second (fewer when frames
        are expensive, see FrameBudget); the timer runs only while points wait."""
        self._live = True
        self._schedule()

    def stop_live(self) -> None:
        """Stop the repaint timer after drawing whatever is still queued."""
        self._live = False
        self._timer.stop()
        self.refresh()

    @property
    def live(self) -> bool:
        return self._live

    def _schedule(self) -> None:
        if self._live and not self._timer.isActive() and any(plot.dirty for plot in self.plots):
            self._timer.start(round(1000 * self.budget.wait_time()))

    def _on_tick(self) -> None:
        if self.budget.wait_time() > 0:
            self._schedule()
            return
        self.budget.start_frame()
        self.frames += 1
        started = time.thread_time()
        self.refresh()
        self.budget.add(time.thread_time() - started)

    def refresh(self) -> None:
        """Hand queued points to the plots now. While live, the learning rate (which moves
        slowly) is redrawn every LR_EVERY-th frame only: one repaint in three saved."""
        self.loss_plot.refresh()
        self.accuracy_plot.refresh()
        if not self._live or self.frames % LR_EVERY == 1:
            self.lr_plot.refresh()

    def closeEvent(self, event) -> None:  # noqa: N802
        self._live = False
        self._timer.stop()
        super().closeEvent(event)
