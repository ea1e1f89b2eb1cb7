"""The "Draw" page: draw a digit and watch the active network classify it live.

Canvas and controls on the left; in the middle exactly what the network sees (the 28x28
input from `core/digit.py`, pixel for pixel), its answer and the class probabilities; on
the right what happens inside: feature maps of any block, the kernels of any convolution
block, and saliency maps. Everything follows the ModelHub's active model.

Prediction runs on the GUI thread: a LeNet-size network answers in about a millisecond,
so a worker thread would only add latency. When it runs, and what follows an answer
(feature maps a turn later, saliency maps for a settled drawing, in slices) is decided by
`DrawPacing` (state/draw_pacing.py); this page keeps one single-shot QTimer per due task
and runs the task when its timer fires. A network too slow to answer while drawing
answers when the stroke ends, and the old answer is greyed meanwhile.
"""

from __future__ import annotations

import html
from collections.abc import Callable

import numpy as np
import torch
from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QImage, QPixmap
from PySide6.QtWidgets import (
    QCheckBox, QFileDialog, QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QSlider,
    QSplitter, QTabWidget, QVBoxLayout, QWidget)

from playground.core.analysis import analyze
from playground.core.digit import SIDE, DigitImageError, DigitPreprocessor
from playground.core.inspect_model import (
    BlockRef, Inspection, block_modules, conv_blocks, fit_input, grad_cam_block, inspect)
from playground.core.output_kind import OutputKind, output_kind
from playground.core.saliency_job import SaliencyJob
from playground.ui.draw.canvas import DEFAULT_PEN_WIDTH, MAX_PEN_WIDTH, MIN_PEN_WIDTH, DrawCanvas
from playground.ui.draw.feature_maps import FeatureMapView
from playground.ui.draw.kernels_view import KernelView
from playground.ui.draw.network_overview import NetworkOverview
from playground.ui.draw.output_map import OutputMapView
from playground.ui.draw.view_options import DigitViewOptions
from playground.ui.state.active_model import ActiveModel, ModelHub
from playground.ui.draw.probability_chart import ProbabilityChart
from playground.ui.draw.saliency_view import SaliencyView
from playground.ui.state.draw_pacing import Due, DrawPacing
from playground.ui.widgets.candidate_bar import CandidateBar
from playground.ui.widgets.retranslate import Retranslating

THUMBNAIL_SCALE = 5
EMPTY_TEXT = "—"
IMAGE_PATTERNS = "*.png *.jpg *.jpeg *.bmp *.gif *.tif *.tiff *.webp *.pgm *.ppm"
# The inside views' tab titles, in tab order (translated where shown).
TAB_TITLES = (QT_TRANSLATE_NOOP("DrawPanel", "Feature maps"), QT_TRANSLATE_NOOP("DrawPanel", "Kernels"),
              QT_TRANSLATE_NOOP("DrawPanel", "Saliency"), QT_TRANSLATE_NOOP("DrawPanel", "Network"))


def input_pixmap(x: torch.Tensor, box: int = SIDE * THUMBNAIL_SCALE) -> QPixmap:
    """What the network really gets, (C, H, W) in [0, 1] (grey: the channels' mean), shown
    by whole pixels when it fits `box`, else shrunk to it: a 224x224 input looks finer."""
    height, width = x.shape[-2:]
    scale = max(1, box // max(height, width))
    small = np.round(x.reshape(-1, height, width).mean(0).clamp(0, 1).numpy() * 255.0).astype(np.uint8)
    levels = np.ascontiguousarray(np.repeat(np.repeat(small, scale, axis=0), scale, axis=1))
    image = QImage(levels.data, levels.shape[1], levels.shape[0], levels.shape[1], QImage.Format.Format_Grayscale8)
    pixmap = QPixmap.fromImage(image)
    if max(height, width) * scale > box:
        pixmap = pixmap.scaled(box, box, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
    return pixmap


def digit_pixmap(digit: torch.Tensor | None, scale: int = THUMBNAIL_SCALE) -> QPixmap:
    """The 28x28 input magnified by whole pixels (nearest neighbour): nothing smoothed."""
    side = SIDE * scale
    if digit is None:
        levels = np.zeros((side, side), np.uint8)
    else:
        small = np.round(digit.reshape(SIDE, SIDE).numpy() * 255.0).astype(np.uint8)
        levels = np.ascontiguousarray(np.repeat(np.repeat(small, scale, axis=0), scale, axis=1))
    return QPixmap.fromImage(QImage(levels.data, side, side, side, QImage.Format.Format_Grayscale8))


class DrawPanel(Retranslating, QWidget):
    """Draw a digit; see the prediction, the input, feature maps, kernels and saliency."""

    inputChanged = Signal(object)  # 1x28x28 float tensor in [0, 1], or None when the canvas is empty
    predicted = Signal(object)  # Inspection after each classification, None when there is nothing to classify
    trainRequested = Signal()  # the person asked to train the current design

    def __init__(self, hub: ModelHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("drawPanel")
        self.hub = hub
        self._preprocess = DigitPreprocessor()
        self._digit: torch.Tensor | None = None
        self._inspection: Inspection | None = None
        self._refs: list[BlockRef] = []
        self._cam_ref: BlockRef | None = None
        self._cam_placement: tuple[tuple[float, float], tuple[float, float]] | None = None
        self._outputs = 0  # width of the active network's output (0: unknown)
        self._output_kind = output_kind(None)
        self.pacing = DrawPacing()
        # One single-shot timer per task the pacing makes due; each only wakes its task up.
        self._timers: dict[Due, QTimer] = {}
        self._armed: dict[Due, float] = {}  # the appointment each running timer was started for
        runs = {Due.LIVE_UPDATE: self._live_update, Due.FEATURE_MAPS: self._show_pending_activation,
                Due.SALIENCY: self._refresh_saliency, Due.SALIENCY_SLICE: self._continue_saliency}
        for task, run in runs.items():
            timer = QTimer(self)
            timer.setSingleShot(True)
            timer.timeout.connect(lambda task=task, run=run: self._on_due(task, run))
            self._timers[task] = timer
        # Saliency needs ~25 backward passes: the pacing starts it once a stroke is done, a
        # moment after the prediction, so the answer is painted first; a big network's passes
        # are spread over several turns of the event loop (SaliencyJob), so the window stays live.
        self._saliency_job: SaliencyJob | None = None
        self._saliency_caption: tuple[torch.Tensor, str, str | None] | None = None  # picture, class text, CAM block
        self._pending_activation: torch.Tensor | None = None

        self.canvas = DrawCanvas()
        self.tabs = QTabWidget(objectName="drawInspectTabs")
        self.feature_maps = FeatureMapView()
        self.kernels = KernelView()
        self.saliency = SaliencyView()
        self.overview = NetworkOverview(hub)  # fed by the same pass as the prediction
        for view in (self.feature_maps, self.kernels, self.saliency, self.overview):
            self.tabs.addTab(view, "")  # titled in retranslate_ui

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._build_canvas_column())
        splitter.addWidget(self._build_prediction_column())
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 5)
        splitter.setStretchFactor(1, 3)
        splitter.setStretchFactor(2, 6)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(splitter)

        self.canvas.changed.connect(self._on_canvas_changed)
        self.canvas.settled.connect(self.update_prediction)
        self.feature_maps.blockSelected.connect(lambda _id: self._refresh_feature_map())
        self.saliency.classChosen.connect(lambda _c: self._refresh_saliency())
        self.tabs.currentChanged.connect(lambda _i: self._refresh_current_tab())
        self.predicted.connect(self.overview.show_inspection)
        self.inputChanged.connect(self.overview.set_input)
        self.overview.blockChosen.connect(self.open_feature_map)
        hub.modelChanged.connect(self._on_model_changed)
        hub.weightsChanged.connect(self._on_weights_changed)
        hub.followedChanged.connect(lambda: self.hub.active and self._show_model_line(self.hub.active))
        self._built = False
        self.retranslate_ui()
        self._on_model_changed(hub.active)
        self._built = True

    def retranslate_ui(self) -> None:
        """Every text of the page in the current language; after a switch, the texts made
        from the model and the drawing are made again too."""
        for index, title in enumerate(TAB_TITLES):
            self.tabs.setTabText(index, QCoreApplication.translate("DrawPanel", title))
        self.clear_button.setText(self.tr("Clear"))
        self.clear_button.setToolTip(self.tr("Clear the canvas (Esc)"))
        self.undo_button.setText(self.tr("Undo stroke"))
        self.undo_button.setToolTip(self.tr("Remove the last stroke (Ctrl+Z)"))
        self.load_button.setText(self.tr("Load image…"))
        self.load_button.setToolTip(self.tr("Put a picture of a digit on the canvas"))
        self.width_slider.setToolTip(self.tr("Pen width for new strokes"))
        self.pen_caption.setText(self.tr("Pen width"))
        self.invert_box.setText(self.tr("Black ink on white"))
        self.invert_box.setToolTip(self.tr("MNIST is white on black; the network gets white on black either way"))
        self.use_default_button.setText(self.tr("Use the default model"))
        self.use_default_button.setToolTip(self.tr("The shipped network, trained on MNIST digits"))
        self.train_button.setText(self.tr("Train…"))
        self.train_button.setToolTip(self.tr("Train the design you are building"))
        self.prediction_label.setAccessibleName(self.tr("Predicted digit"))
        self.answer_caption.setText(self.tr("It says"))
        self.tips_label.setText(self.tr(
            "The network only ever sees the small picture: your drawing cropped to its ink, "
            "scaled to 20 pixels and centred in 28×28, white on black, as MNIST was made. "
            "Esc clears, Ctrl+Z undoes the last stroke."))
        self._show_output_kind(self._output_kind)
        if self._built:
            self._show_model_texts(self.hub.active)
            self.update_prediction()

    # ------------------------------------------------------------------ building

    def _build_canvas_column(self) -> QWidget:
        column = QWidget()
        self.clear_button = QPushButton(objectName="clearCanvasButton")
        self.undo_button = QPushButton(objectName="undoStrokeButton")
        self.load_button = QPushButton(objectName="loadImageButton")
        self.width_slider = QSlider(Qt.Orientation.Horizontal, objectName="penWidthSlider")
        self.width_slider.setRange(MIN_PEN_WIDTH, MAX_PEN_WIDTH)
        self.width_slider.setValue(round(DEFAULT_PEN_WIDTH))
        self.invert_box = QCheckBox(objectName="invertCheckBox")
        self.error_label = QLabel(objectName="drawErrorLabel")
        self.error_label.setStyleSheet("color: #c0392b;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        buttons = QHBoxLayout()
        for button in (self.clear_button, self.undo_button, self.load_button):
            buttons.addWidget(button)
        options = QHBoxLayout()
        self.pen_caption = QLabel()
        options.addWidget(self.pen_caption)
        options.addWidget(self.width_slider, 1)
        options.addWidget(self.invert_box)
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 6, 0)
        layout.addWidget(self.canvas)
        layout.addLayout(buttons)
        layout.addLayout(options)
        self.view_options = DigitViewOptions()
        layout.addWidget(self.view_options)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        self.view_options.changed.connect(self.update_prediction)

        self.clear_button.clicked.connect(self.canvas.clear)
        self.undo_button.clicked.connect(self.canvas.undo)
        self.load_button.clicked.connect(self._choose_image)
        self.width_slider.valueChanged.connect(self.canvas.set_pen_width)
        self.invert_box.toggled.connect(self.canvas.set_inverted)
        return column

    def _build_prediction_column(self) -> QWidget:
        column = QWidget()
        column.setMinimumWidth(270)
        self.model_label = QLabel(objectName="drawModelLabel")
        self.model_label.setWordWrap(True)
        self.model_label.setTextFormat(Qt.TextFormat.RichText)

        self.no_model_box = QFrame(objectName="noModelBox")
        self.no_model_box.setFrameShape(QFrame.Shape.StyledPanel)
        self.no_model_text = QLabel(objectName="noModelText")
        self.no_model_text.setWordWrap(True)
        self.use_default_button = QPushButton(objectName="useDefaultModelButton")
        self.train_button = QPushButton(objectName="drawTrainButton")
        box = QVBoxLayout(self.no_model_box)
        box.addWidget(self.no_model_text)
        row = QHBoxLayout()
        row.addWidget(self.use_default_button)
        row.addWidget(self.train_button)
        box.addLayout(row)
        self.use_default_button.clicked.connect(self.use_default_model)
        self.train_button.clicked.connect(self.trainRequested)

        self.thumbnail = QLabel(objectName="inputThumbnail")  # its tooltip names the input's size
        self.thumbnail.setFixedSize(SIDE * THUMBNAIL_SCALE, SIDE * THUMBNAIL_SCALE)
        self.thumbnail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thumbnail.setPixmap(digit_pixmap(None))
        self.prediction_label = QLabel(EMPTY_TEXT, objectName="predictionLabel")
        big = QFont(self.font())
        big.setPixelSize(96)
        big.setBold(True)
        self.prediction_label.setFont(big)
        self.prediction_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.prediction_label.setFixedHeight(SIDE * THUMBNAIL_SCALE - 30)  # new text never re-lays out the page
        self.prediction_label.setMinimumWidth(110)
        self.confidence_label = QLabel(objectName="confidenceLabel")
        self.confidence_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.confidence_label.setFixedHeight(24)
        self.chart = ProbabilityChart()

        sees = self.sees_label = QLabel(objectName="networkSeesLabel")
        sees.setWordWrap(True)  # "The network sees (224×224)" keeps to the thumbnail's width
        answer = self.answer_caption = QLabel()
        for caption in (sees, answer):
            caption.setStyleSheet("color: palette(placeholder-text);")
        grid = QGridLayout()
        grid.addWidget(sees, 0, 0, Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(answer, 0, 1, Qt.AlignmentFlag.AlignHCenter)
        grid.addWidget(self.thumbnail, 1, 0, Qt.AlignmentFlag.AlignTop)
        answer_box = QVBoxLayout()
        answer_box.addWidget(self.prediction_label, 1)
        answer_box.addWidget(self.confidence_label)
        grid.addLayout(answer_box, 1, 1)
        grid.setColumnStretch(1, 1)

        layout = QVBoxLayout(column)
        layout.setContentsMargins(6, 0, 6, 0)
        layout.addWidget(self.model_label)
        layout.addWidget(self.no_model_box)
        self.candidate_bar = CandidateBar(self.hub)
        layout.addWidget(self.candidate_bar)
        layout.addLayout(grid)
        self.output_caption = QLabel(objectName="outputCaption")
        self.output_caption.setWordWrap(True)
        layout.addWidget(self.output_caption)
        layout.addWidget(self.chart, 1)
        self.output_map = OutputMapView()
        self.output_map.hide()
        layout.addWidget(self.output_map, 1)
        self.chart.setMaximumHeight(320)
        tips = self.tips_label = QLabel()
        tips.setObjectName("drawTips")
        tips.setWordWrap(True)
        tips.setStyleSheet("color: palette(placeholder-text);")
        layout.addWidget(tips)
        layout.addStretch(1)
        return column

    # ------------------------------------------------------------------ the model

    def use_default_model(self) -> None:
        """Make the shipped pretrained network the active model."""
        problem = self.hub.use_default()
        if problem:
            self.no_model_text.setText(self.tr("The pretrained default could not be loaded: {problem}").format(
                problem=problem))

    def _on_model_changed(self, active: ActiveModel | None) -> None:
        self._cancel_saliency()
        self.pacing.model_changed()
        self._follow_pacing()
        self._refs, self._cam_ref, self._cam_placement = [], None, None
        self._show_model_texts(active)
        if active is None:
            self.feature_maps.set_blocks([], {})
            self.kernels.set_blocks([], empty_message=self.tr("No model."))
            self.saliency.show_message(self.tr("No model."))
            self.update_prediction()
            return
        try:
            self._refs = block_modules(active.design, active.model)
        except (AttributeError, IndexError, TypeError):
            self._refs = []  # a network not built from this design: it can classify, not be looked into
        self._cam_ref = grad_cam_block(self._refs)
        analysis = analyze(active.design)
        self._outputs = int(np.prod(analysis.output_shape)) if analysis.output_shape else 0
        self._show_output_kind(output_kind(analysis.output_shape))
        shapes = {row.block_id: tuple(row.output_shape) for row in analysis.rows if row.output_shape}
        field = analysis.by_id[self._cam_ref.block_id].receptive_field if self._cam_ref else None
        self._cam_placement = (field.start, field.jump) if field is not None else None
        first_conv = next((r.block_id for r in conv_blocks(self._refs)), None)
        self.feature_maps.set_blocks(self._refs, shapes, self._class_names(active), select=first_conv)
        self.kernels.set_blocks(conv_blocks(self._refs))
        self.chart.set_class_names(self._class_names(active))
        self.saliency.set_class_names(self._class_names(active))
        self._show_model_line(active)
        self.update_prediction()

    def _show_model_texts(self, active: ActiveModel | None) -> None:
        """The box that offers a model when none (or an untrained one) is active, and the model line."""
        if active is None:
            self.model_label.setText("")
            self.no_model_text.setText(self.tr("<b>No trained model is active.</b><br>"
                                               "Use the pretrained one, or train your design."))
            self.no_model_box.show()
            return
        untrained = not active.trained
        self.no_model_box.setVisible(untrained)
        if not untrained:
            self.no_model_text.clear()  # out of sight: no stale words behind it
        elif active.edited:
            self.no_model_text.setText(self.tr(
                "<b>{title}:</b> {blocks} kept no trained weights (new or reshaped by the edit), so its "
                "answers are partly guesses. Use the pretrained model, or train it.").format(
                title=active.title(), blocks=", ".join(active.untrained_blocks)))
        elif untrained:
            self.no_model_text.setText(self.tr("<b>{name} has no trained weights yet:</b><br>"
                                               "its answers are guesses. Use the pretrained model, or train it.")
                                       .format(name=active.design.name))
        self._show_model_line(active)

    def _show_output_kind(self, kind: OutputKind) -> None:
        """Class probabilities only for an N-class vector; anything else is shown as a map."""
        self._output_kind = kind
        classes = kind.is_classes or not kind.shape
        self.chart.setVisible(classes)
        self.output_map.setVisible(not classes)
        if classes:
            self.output_caption.setText(self.tr("Probability of each class"))
        else:
            self.output_caption.setText(self.tr(
                "Its output is a {shape} map ({count} numbers), not class scores: shown as it is, no "
                "probabilities.").format(shape="×".join(map(str, kind.shape)), count=kind.size))

    @property
    def output_kind(self) -> OutputKind:
        """What the active network's output is (class scores or a map)."""
        return self._output_kind

    def _on_weights_changed(self, active: ActiveModel) -> None:
        self._show_model_line(active)
        self.kernels.refresh()
        self.update_prediction()

    def _show_model_line(self, active: ActiveModel) -> None:
        shape = tuple(active.design.input)
        note = "" if shape == (1, SIDE, SIDE) else "<br>" + self.tr(
            "It takes {shape} input: the drawing is resized for it.").format(shape="×".join(map(str, shape)))
        params = sum(p.numel() for p in active.model.parameters())
        followed = self.hub.followed
        if not self.hub.shows_followed() and followed is not None:
            note += "<br>" + self.tr("This is not the design on the Design page ({name}): edit or train that "
                                     "one to see it here.").format(name=html.escape(followed.name))
        self.model_label.setText(self.tr("Model: <b>{title}</b> · {source} · {params} parameters").format(
            title=html.escape(active.title()), source=html.escape(active.source_text()), params=f"{params:,}") + note)

    def _class_names(self, active: ActiveModel) -> list[str]:
        """The hub's class names when they match the network's outputs, else class indices."""
        names = list(active.class_names)
        return names if len(names) == self._outputs or self._outputs == 0 else [str(i) for i in range(self._outputs)]

    # ------------------------------------------------------------------ drawing -> prediction

    def _on_canvas_changed(self) -> None:
        self.pacing.drawing_changed()
        self._follow_pacing()
        if self.pacing.live_updates_paused:
            if self._inspection is not None and self.canvas.is_drawing() and self.prediction_label.isEnabled():
                self.prediction_label.setEnabled(False)  # greyed: the drawing has moved on since this answer
                self.confidence_label.setText(self.tr("A big network: it answers when the stroke ends"))

    def _follow_pacing(self) -> None:
        """Arm each task's timer for the pacing's appointment, or stop it when nothing is due."""
        for task, timer in self._timers.items():
            at = self.pacing.appointment(task)
            if at is None:
                timer.stop()
                self._armed.pop(task, None)
            elif self._armed.get(task) != at:
                timer.start(self.pacing.delay_ms(task))
                self._armed[task] = at

    def _on_due(self, task: Due, run: Callable[[], None]) -> None:
        """A task's timer fired: the pacing forgets the appointment, then the task runs."""
        self.pacing.done(task)
        self._armed.pop(task, None)
        run()

    @property
    def last_update_ms(self) -> float:
        """Wall time the last update that ran the network took: preprocessing, the network
        and setting the views (0 for a new model until it has run)."""
        return self.pacing.last_cost_ms

    @property
    def live_updates_paused(self) -> bool:
        """The network is too slow to classify while drawing: it answers at each stroke's end."""
        return self.pacing.live_updates_paused

    @property
    def throttle_interval_ms(self) -> float:
        """Least time between two live updates while drawing (see DrawPacing)."""
        return self.pacing.throttle_interval_ms

    def update_prediction(self) -> None:
        """Preprocess the canvas, classify it and refresh every view (now, not throttled)."""
        self._run_update(live=False)

    def _live_update(self) -> None:
        self._run_update(live=True)

    def _run_update(self, live: bool) -> None:
        self.pacing.update_started()  # a pending live update, feature maps or saliency slice are out of date
        self._follow_pacing()
        ran_network = self._update(live)
        self.pacing.update_finished(ran_network)  # the costs of updates that ran the network pace the next ones

    def _update(self, live: bool) -> bool:
        """`live`: an update in the middle of a stroke, which leaves the saliency maps be.
        Returns whether the network ran (an empty canvas asks nothing of it)."""
        self._pending_activation = None  # maps still waiting from the last update are out of date
        self._cancel_saliency()  # the drawing (or the weights) changed: that job's maps would be stale
        options = self.view_options
        digit = self._preprocess(self.canvas.image(), ink_dark=self.canvas.inverted, centre=options.centre)
        if digit is not None:
            digit = options.transform.apply(digit)
        self._digit = digit
        self._show_what_the_network_sees(digit)
        self.undo_button.setEnabled(not self.canvas.is_empty())
        self.clear_button.setEnabled(not self.canvas.is_empty())
        self.inputChanged.emit(digit)
        active = self.hub.active
        if digit is None or active is None:
            self._show_no_prediction(active)
            return False
        watch = {}
        block = self._watched_block()
        if block is not None:
            watch[block.block_id] = block.module
        if self.tabs.currentWidget() is self.overview:
            watch.update(self.overview.watch())
        try:
            inspection = inspect(active.model, fit_input(digit, active.design.input), active.mean, active.std, watch)
        except RuntimeError as exc:
            self._show_no_prediction(active, self.tr("The active model cannot classify this input: {error}").format(
                error=str(exc).splitlines()[0]))
            return False
        self._inspection = inspection
        self._show_prediction(inspection, active)
        if block is not None:  # shown after the answer is on screen (a timer of 0 ms runs after the repaint)
            self._pending_activation = inspection.activations.get(block.block_id)
        saliency_waits = self.pacing.answered(live, features_shown=block is not None,
                                              saliency_shown=self.tabs.currentWidget() is self.saliency)
        self._follow_pacing()
        if saliency_waits:
            self.saliency.info_label.setText(self.tr("The maps follow when the stroke ends."))
        self.predicted.emit(inspection)
        return True

    def _show_prediction(self, inspection: Inspection, active: ActiveModel) -> None:
        kind = self._output_kind
        if kind.shape and not kind.is_classes:
            self.prediction_label.setEnabled(False)
            self.prediction_label.setText(EMPTY_TEXT)
            self.confidence_label.setText(self.tr("a {shape} map, not a class").format(
                shape="×".join(map(str, kind.shape))))
            self.output_map.set_output(inspection.logits, kind)
            return
        names = self._class_names(active)
        winner = inspection.predicted
        p = inspection.probabilities.numpy()
        self.prediction_label.setEnabled(True)
        self.prediction_label.setText(names[winner] if winner < len(names) else str(winner))
        sure = self.tr("{p} sure") if active.trained else self.tr("{p} sure (untrained)")
        self.confidence_label.setText(sure.format(p=f"{p[winner]:.1%}"))
        self.chart.set_probabilities(p)

    def _show_what_the_network_sees(self, digit: torch.Tensor | None) -> None:
        """The thumbnail is the input the active network really gets, at its own size."""
        active = self.hub.active
        shape = tuple(active.design.input) if active is not None else (1, SIDE, SIDE)
        self.sees_label.setText(self.tr("The network sees ({h}×{w})").format(h=shape[1], w=shape[2]))
        if digit is None:
            self.thumbnail.setPixmap(digit_pixmap(None))
        elif shape == (1, SIDE, SIDE):
            self.thumbnail.setPixmap(digit_pixmap(digit))
        else:
            self.thumbnail.setPixmap(input_pixmap(fit_input(digit, shape)[0]))
        self.thumbnail.setToolTip(self.tr("The {shape} input the network gets, pixel for pixel").format(
            shape="×".join(map(str, shape))))

    def _show_pending_activation(self) -> None:
        activation, self._pending_activation = self._pending_activation, None
        if activation is not None:
            self.feature_maps.set_activation(activation)

    def _show_no_prediction(self, active: ActiveModel | None, message: str | None = None) -> None:
        self._inspection = None
        self.prediction_label.setEnabled(False)  # a greyed dash: clearly not an answer
        self.prediction_label.setText(EMPTY_TEXT)
        if message is None:
            message = self.tr("Draw a digit") if active is not None else self.tr("No model to ask")
        self.confidence_label.setText(message)
        self.chart.set_probabilities(None)
        self.output_map.set_output(None, self._output_kind)
        self.feature_maps.set_activation(None, self.tr("Draw a digit to see each block's output.") if active
                                         else self.tr("No model."))
        self.saliency.show_message(self.tr("Draw a digit to see which pixels drove the prediction.") if active
                                   else self.tr("No model."))
        self.predicted.emit(None)

    # ------------------------------------------------------------------ inside views

    def _watched_block(self) -> BlockRef | None:
        if self.tabs.currentWidget() is not self.feature_maps:
            return None
        block_id = self.feature_maps.current_block_id()
        return next((r for r in self._refs if r.block_id == block_id), None)

    def _refresh_current_tab(self) -> None:
        if self.tabs.currentWidget() is self.kernels:
            self.kernels.refresh()
        elif self.tabs.currentWidget() is self.feature_maps:
            self._refresh_feature_map()
        elif self.tabs.currentWidget() is self.overview:
            self.update_prediction()
        else:
            self._refresh_saliency()

    def open_feature_map(self, block_id: str) -> None:
        """Show `block_id`'s output in the Feature maps view."""
        self.tabs.setCurrentWidget(self.feature_maps)
        self.feature_maps.select_block(block_id)

    def _refresh_feature_map(self) -> None:
        active, block = self.hub.active, self._watched_block()
        if active is None or self._digit is None or block is None:
            return
        x = fit_input(self._digit, active.design.input)
        inspection = inspect(active.model, x, active.mean, active.std, {block.block_id: block.module})
        self.pacing.done(Due.FEATURE_MAPS)  # a live update's maps may still be pending: these are newer
        self._follow_pacing()
        self._pending_activation = None
        self.feature_maps.set_activation(inspection.activations.get(block.block_id))

    def _refresh_saliency(self) -> None:
        """Start the maps for the current drawing and class; the first slice runs now."""
        self._cancel_saliency()
        active, inspection = self.hub.active, self._inspection
        if active is None or self._digit is None or inspection is None:
            return
        chosen = self.saliency.chosen_class()
        target = inspection.predicted if chosen is None or chosen >= inspection.logits.numel() else chosen
        x = fit_input(self._digit, active.design.input)
        with_cam = self._cam_ref is not None and self._cam_placement is not None  # a spatial output to look at
        self._saliency_job = SaliencyJob(active.model, x, target, active.mean, active.std,
                                         self._cam_ref.module if with_cam else None, self._cam_placement)
        names = self._class_names(active)
        label = names[target] if target < len(names) else str(target)
        which = self.tr("{label} (predicted)") if chosen is None else self.tr("{label} (chosen)")
        target_text = which.format(label=label)
        self._saliency_caption = (x[0].mean(0, keepdim=True), target_text, self._cam_ref.block_id if with_cam else None)
        self._continue_saliency()

    def _continue_saliency(self) -> None:
        job = self._saliency_job
        if job is None or self._saliency_caption is None:
            return
        if self.tabs.currentWidget() is not self.saliency or not self.isVisible():
            self._cancel_saliency()  # out of sight: worked out again when the tab or the page is shown
            return
        finished = job.run(self.pacing.saliency_slice_s)
        self.pacing.saliency_slice_ran(finished)
        self._follow_pacing()
        if not finished:
            self.saliency.show_progress(job.done / job.total)
            return
        picture, target_text, cam_block = self._saliency_caption
        self._saliency_job = self._saliency_caption = None
        self.saliency.set_maps(picture, job.maps, target_text, cam_block)

    def _cancel_saliency(self) -> None:
        self.pacing.saliency_stopped()
        self._follow_pacing()
        self._saliency_job = self._saliency_caption = None

    @property
    def saliency_busy(self) -> bool:
        """Saliency maps are being worked out (a big network: a slice per event-loop turn)."""
        return self._saliency_job is not None

    # ------------------------------------------------------------------ files

    def _choose_image(self) -> None:
        image_filter = self.tr("Images ({patterns});;All files (*)").format(patterns=IMAGE_PATTERNS)
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Load a digit image"), "", image_filter)
        if path:
            self.load_image(path)

    def load_image(self, path: str) -> bool:
        """Put an image file on the canvas; a bad file is reported under the canvas."""
        try:
            self.canvas.load_image_file(path)
        except DigitImageError as exc:
            self.error_label.setText(str(exc))
            self.error_label.show()
            return False
        self.error_label.hide()
        return True

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        # saliency maps skipped while hidden (a new model, new weights) are worked out now
        self.pacing.page_shown(saliency_wanted=self.tabs.currentWidget() is self.saliency
                               and self._inspection is not None)
        self._follow_pacing()

    def closeEvent(self, event) -> None:  # noqa: N802
        self.pacing.closed()  # no live update, feature maps or saliency is left pending for a closed page
        self._follow_pacing()
        self._cancel_saliency()
        super().closeEvent(event)

    # ------------------------------------------------------------------ state for views and tests

    @property
    def current_input(self) -> torch.Tensor | None:
        """The 1x28x28 input last shown (None when the canvas is empty)."""
        return self._digit

    @property
    def current_inspection(self) -> Inspection | None:
        return self._inspection
