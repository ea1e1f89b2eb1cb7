"""Watch the kernel slide: a conv or pooling block's window moving over the drawn digit.

The view follows the active model (ModelHub) and the drawing (`set_input`), captures the
picked block's real input with a forward pre-hook, and hands the `core.sliding` steps to
the painted canvas. Playback is `SlidePlayback` (state/slide_playback.py): the slowest
speed is one step a second and the fastest fills the whole map in about two; this page
only ticks it with a QTimer and shows the step it is on.
`set_source(module, input)` shows any bare Conv2d/MaxPool2d/AvgPool2d without a model.
"""

from __future__ import annotations

import html

import numpy as np
import torch
import torch.nn as nn
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QHideEvent, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QPushButton, QSlider, QSpinBox, QStackedWidget,
                               QStyle, QToolButton, QVBoxLayout, QWidget)

from playground import paths
from playground.core.analysis import analyze
from playground.core.text import shape_text
from playground.core.inspect_model import BlockRef, block_modules, fit_input, normalise
from playground.core.layers import animatable_kinds
from playground.core.sliding import (ChannelView, Sliding, SlidingError, Step, capture_input,
                                     window_op_from_module)
from playground.core.conv_sandbox import SandboxSpec
from playground.ui.slide.sandbox_panel import SandboxPanel
from playground.ui.slide.slide_canvas import Content, SlidingCanvas
from playground.ui.state.active_model import ActiveModel, ModelHub
from playground.ui.state.slide_playback import SlidePlayback
from playground.ui.widgets import style
from playground.ui.widgets.retranslate import Retranslating

SLIDABLE = animatable_kinds()
SPEED_STEPS = 100  # the speed slider's range: 0 is one step a second, SPEED_STEPS the whole map in ~2 s
SAMPLE_DIGIT = 7  # a clear "3" among the embedded MNIST digits


class _NothingToShow(Exception):
    """Why there is no animation right now, in words for the person."""


class KernelSlidePage(Retranslating, QWidget):
    """The kernel slide: pick a block and channels, then play, step, scrub or click."""

    def __init__(self, hub: ModelHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("convAnimation")
        self._hub = hub
        self._digit: torch.Tensor | None = None
        self._digit_is_sample = False
        self._standalone: tuple[nn.Module, torch.Tensor, str] | None = None
        self._sandbox_open = False
        self._stale = False  # the input or weights changed while the view was hidden
        self._refs: list[BlockRef] = []
        self._sliding: Sliding | None = None
        self._view: ChannelView | None = None
        self._input_caption = ""
        self.playback = SlidePlayback()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._on_tick)
        self._build()
        hub.modelChanged.connect(self._on_model_changed)
        hub.weightsChanged.connect(self._on_weights_changed)
        hub.followedChanged.connect(self._update_source_label)
        self._built = False
        self.retranslate_ui()
        self._on_model_changed(hub.active)
        self._built = True

    def retranslate_ui(self) -> None:
        """The page's texts in the current language; after a switch the window's captions
        and the step's texts are made again too."""
        self.block_combo.setToolTip(self.tr("The Conv2d, MaxPool2d or AvgPool2d block whose window you watch."))
        self.out_channel_spin.setToolTip(self.tr("Which output channel (which filter) fills the output map."))
        self.in_channel_combo.setToolTip(self.tr("One input channel's share of the sum, or the sum over every input "
                                                 "channel (plus the bias): the layer's real output."))
        captions = (self.tr("Layer"), self.tr("Output channel"), self.tr("Input"))
        for caption, text, widget in zip(self._captions, captions,
                                         (self.block_combo, self.out_channel_spin, self.in_channel_combo)):
            caption.setText(text)
            caption.setToolTip(widget.toolTip())
        self.sandbox_button.setText(self.tr("Sandbox…"))
        self.sandbox_button.setToolTip(self.tr("Type your own input, kernels and bias (the tutorials' worked "
                                               "examples) and watch the same animation and arithmetic."))
        self.sample_button.setText(self.tr("Try it on a sample digit"))
        self.sample_button.setToolTip(self.tr("Show the animation on a digit from the embedded MNIST set "
                                              "until you draw your own."))
        self.back_button.setToolTip(self.tr("Step back (Left arrow)"))
        self.play_button.setToolTip(self.tr("Play or pause the window (Space)"))
        self.forward_button.setToolTip(self.tr("Step forward (Right arrow)"))
        self.scrub_slider.setToolTip(self.tr("Scrub through the window's positions, row by row."))
        self.position_label.setToolTip(self.tr("The current step and the output cell it writes."))
        self.speed_slider.setToolTip(self.tr("Playback speed: from one step a second to the whole map in about "
                                             "two seconds."))
        self.speed_label.setToolTip(self.speed_slider.toolTip())
        self.speed_caption.setText(self.tr("Speed"))
        self.speed_caption.setToolTip(self.speed_slider.toolTip())
        self._update_play_button()
        self._on_speed(self.speed_slider.value())
        if self._built:
            self._rebuild_when_seen()  # the captions, channel choices and messages of what is shown
            self._update_source_label()

    # ------------------------------------------------------------ widgets

    def _build(self) -> None:
        qt_style = self.style()
        self.block_combo = QComboBox(objectName="convBlockCombo")
        self.block_combo.setMinimumContentsLength(22)
        self.block_combo.currentIndexChanged.connect(lambda _i: self._rebuild(reset=True))
        self.out_channel_spin = QSpinBox(objectName="convOutChannel")
        self.out_channel_spin.valueChanged.connect(self._on_out_channel)
        self.in_channel_combo = QComboBox(objectName="convInChannel")
        self.in_channel_combo.setMinimumContentsLength(20)
        self.in_channel_combo.currentIndexChanged.connect(lambda _i: self._show_channels(keep_position=True))
        self.source_label = QLabel(objectName="convSourceLabel")
        self.source_label.setStyleSheet(f"color: {style.MUTED};")

        top = QHBoxLayout()
        self._captions: list[QLabel] = []
        for widget in (self.block_combo, self.out_channel_spin, self.in_channel_combo):
            caption = QLabel()
            self._captions.append(caption)
            top.addWidget(caption)
            top.addWidget(widget)
            top.addSpacing(10)
        top.addStretch(1)
        top.addWidget(self.source_label)
        self.sandbox_button = QPushButton(objectName="sandboxButton")
        self.sandbox_button.clicked.connect(self.open_sandbox)
        top.addWidget(self.sandbox_button)
        self.sandbox = SandboxPanel()
        self.sandbox.hide()
        self.sandbox.specReady.connect(self._show_sandbox_spec)
        self.sandbox.closeRequested.connect(self.close_sandbox)

        self.canvas = SlidingCanvas()
        self.canvas.setToolTip("")
        self.canvas.outputCellClicked.connect(lambda r, c: self.set_position(self._view.index_of(r, c)))
        self.canvas.channelRowClicked.connect(self.canvas.set_display_channel)
        self.canvas.inputCellPicked.connect(lambda _cell: self._update_status())
        self.message_label = QLabel(objectName="convMessage")
        self.message_label.setWordWrap(True)
        self.message_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message_label.setTextFormat(Qt.TextFormat.RichText)
        self.message_label.setStyleSheet(f"color: {style.TEXT}; font-size: 15px;")
        self.sample_button = QPushButton(objectName="convSampleButton")
        self.sample_button.clicked.connect(self.show_sample_digit)
        message_page = QWidget(objectName="convMessagePage")
        message_page.setStyleSheet("#convMessagePage { background: #f3f5f8; }")
        message_layout = QVBoxLayout(message_page)
        message_layout.setContentsMargins(60, 20, 60, 20)
        message_layout.addStretch(1)
        message_layout.addWidget(self.message_label)
        message_layout.addWidget(self.sample_button, 0, Qt.AlignmentFlag.AlignHCenter)
        message_layout.addStretch(1)
        self.stack = QStackedWidget()
        self.stack.addWidget(message_page)
        self.stack.addWidget(self.canvas)

        self.back_button = self._tool_button(qt_style.standardIcon(QStyle.StandardPixmap.SP_MediaSeekBackward),
                                             self.step_back, "convStepBack")
        self.play_button = self._tool_button(qt_style.standardIcon(QStyle.StandardPixmap.SP_MediaPlay),
                                             self.toggle_play, "convPlayButton")
        self.play_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.forward_button = self._tool_button(qt_style.standardIcon(QStyle.StandardPixmap.SP_MediaSeekForward),
                                                self.step_forward, "convStepForward")
        self.scrub_slider = QSlider(Qt.Orientation.Horizontal, objectName="convScrub")
        self.scrub_slider.valueChanged.connect(self.set_position)
        self.position_label = QLabel(objectName="convPositionLabel")
        self.position_label.setMinimumWidth(230)
        self.speed_slider = QSlider(Qt.Orientation.Horizontal, objectName="convSpeed")
        self.speed_slider.setRange(0, SPEED_STEPS)
        self.speed_slider.setValue(40)
        self.playback.set_speed(self.speed_slider.value() / SPEED_STEPS)
        self.speed_slider.setFixedWidth(120)
        self.speed_slider.valueChanged.connect(self._on_speed)
        self.speed_label = QLabel(objectName="convSpeedLabel")
        self.speed_label.setMinimumWidth(110)

        bottom = QHBoxLayout()
        for widget in (self.back_button, self.play_button, self.forward_button):
            bottom.addWidget(widget)
        bottom.addWidget(self.scrub_slider, 1)
        bottom.addWidget(self.position_label)
        self.speed_caption = QLabel()
        bottom.addWidget(self.speed_caption)
        bottom.addWidget(self.speed_slider)
        bottom.addWidget(self.speed_label)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.sandbox)
        layout.addWidget(self.stack, 1)
        layout.addLayout(bottom)
        self.setFocusProxy(self.canvas)

    def _tool_button(self, icon, slot, name: str) -> QToolButton:
        button = QToolButton(objectName=name)  # its tooltip is set in retranslate_ui
        button.setIcon(icon)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Space and the arrows belong to the animation
        button.clicked.connect(slot)
        return button

    # ------------------------------------------------------------ inputs

    def set_input(self, digit: torch.Tensor | None) -> None:
        """The drawn digit, 1x28x28 in [0, 1] (white ink on black), or None when cleared."""
        self._set_digit(digit, sample=False)

    def show_sample_digit(self) -> None:
        """Use an embedded MNIST digit until the person draws one."""
        image = np.load(paths.embedded_mnist_path())["images"][SAMPLE_DIGIT]
        self._set_digit(torch.from_numpy(image.astype(np.float32) / 255.0)[None], sample=True)

    def _set_digit(self, digit: torch.Tensor | None, sample: bool) -> None:
        if digit is not None:
            digit = digit.detach().to("cpu", torch.float32).reshape(1, *digit.shape[-2:]).clone()
        self._digit = digit
        self._digit_is_sample = sample and digit is not None
        if self._standalone is None:
            self._rebuild_when_seen()

    def set_source(self, module: nn.Module, input_tensor: torch.Tensor, title: str | None = None) -> None:
        """Show a bare Conv2d/MaxPool2d/AvgPool2d over an input (C, H, W), no model needed.

        The hub's next modelChanged takes the view back to the active model.
        """
        self._standalone = (module, input_tensor.detach(), title or type(module).__name__)
        self.block_combo.blockSignals(True)
        self.block_combo.clear()
        self.block_combo.addItem(self._standalone[2], None)
        self.block_combo.setEnabled(False)
        self.block_combo.blockSignals(False)
        self._rebuild(reset=True)

    # ------------------------------------------------------------ the sandbox

    def open_sandbox(self) -> None:
        """Show the sandbox's fields and slide its convolution."""
        self._sandbox_open = True
        self.sandbox.show()
        self.sandbox_button.hide()
        self.sandbox.apply()

    def close_sandbox(self) -> None:
        """Back to the active model's layers and the drawing."""
        self._sandbox_open = False
        self.sandbox.hide()
        self.sandbox_button.show()
        self._on_model_changed(self._hub.active)

    def _show_sandbox_spec(self, spec: SandboxSpec, title: str) -> None:
        self.set_source(spec.module(), spec.input_tensor(), title)

    def _on_model_changed(self, active: ActiveModel | None) -> None:
        if self._sandbox_open:  # the person's own numbers stay; the model shows when they close it
            self._update_source_label()
            return
        self._standalone = None
        previous = self.block_combo.currentData()
        self._refs = []
        if active is not None:
            self._refs = [ref for ref in block_modules(active.design, active.model) if ref.block.type in SLIDABLE]
        self.block_combo.blockSignals(True)
        self.block_combo.clear()
        if active is not None and self._refs:
            analysis = analyze(active.design)
            rows = analysis.by_id
            for ref in self._refs:
                info = rows.get(ref.block_id)
                self.block_combo.addItem(_block_title(ref), ref.block_id)
                if info is not None:
                    self.block_combo.setItemData(
                        self.block_combo.count() - 1,
                        f"{info.json_path}: {shape_text(info.input_shape)} → {shape_text(info.output_shape)}",
                        Qt.ItemDataRole.ToolTipRole)
            ids = [ref.block_id for ref in self._refs]
            self.block_combo.setCurrentIndex(ids.index(previous) if previous in ids else 0)
        self.block_combo.setEnabled(len(self._refs) > 1)
        self.block_combo.blockSignals(False)
        self._rebuild(reset=True)

    def select_block_and_channel(self, block_id: str, channel: int) -> bool:
        """Slide `block_id`'s kernel of output `channel` (the Draw page's network overview
        asks for it); False when the active network has no such slidable block."""
        index = self.block_combo.findData(block_id)
        if index < 0 or self._standalone is not None:
            return False
        if index == self.block_combo.currentIndex():
            self._rebuild(reset=True)
        else:
            self.block_combo.setCurrentIndex(index)  # rebuilds for the block
        if self._sliding is not None:
            self.out_channel_spin.setValue(max(0, min(int(channel), self.out_channel_spin.maximum())))
        return True

    def _on_weights_changed(self, _active: ActiveModel) -> None:
        if self._standalone is None:
            self._rebuild_when_seen()

    def _rebuild_when_seen(self) -> None:
        """Rebuild now if the view is on screen, else when it is next shown: live drawing and
        training epochs need not pay for a page nobody is looking at."""
        if self.isVisible():
            self._rebuild(reset=False)
        else:
            self._stale = True

    # ------------------------------------------------------------ the sliding window

    @property
    def sliding(self) -> Sliding | None:
        return self._sliding

    @property
    def channel_view(self) -> ChannelView | None:
        return self._view

    @property
    def position(self) -> int:
        return self.playback.index

    @property
    def step(self) -> Step | None:
        return self._view[self.playback.index] if self._view is not None else None

    def _rebuild(self, reset: bool) -> None:
        """Recompute the window's steps; playback carries on over a new drawing or new weights."""
        try:
            self._sliding, input_caption = self._make_sliding()
        except (_NothingToShow, SlidingError) as reason:
            self.pause()
            self._sliding, self._view = None, None
            self.playback.set_frame_count(0, keep_index=True)  # the step is kept for when there is a window again
            self._show_message(str(reason))
            return
        self._input_caption = input_caption
        self._fill_channel_controls(keep_choice=not reset)
        self._show_channels(keep_position=not reset)
        self.message_label.clear()  # out of sight now: no stale words behind the canvas
        self.stack.setCurrentWidget(self.canvas)
        self._update_source_label()

    def _make_sliding(self) -> tuple[Sliding, str]:
        if self._standalone is not None:
            module, x, title = self._standalone
            x = x[0] if x.ndim == 4 else x
            return Sliding(window_op_from_module(module), x), self.tr("Input to {name}").format(name=title)
        active = self._hub.active
        if active is None:
            raise _NothingToShow(self.tr("No model yet. Build a network in the editor and train it, or load a "
                                         "checkpoint; then this view slides its kernels over your drawing."))
        if not self._refs:
            raise _NothingToShow(self.tr("“{name}” has no Conv2d, MaxPool2d or AvgPool2d block, so there is no "
                                         "window to slide. Add a convolution in the editor.").format(
                name=active.design.name))
        if self._digit is None:
            raise _NothingToShow(self.tr("Draw a digit on the Draw page (Ctrl+3) to watch the kernel slide over "
                                         "it, multiply-add by multiply-add."))
        ref = self._refs[max(0, self.block_combo.currentIndex())]
        x = normalise(fit_input(self._digit, active.design.input), active.mean, active.std)
        try:
            captured = capture_input(active.model, ref.module, x)
        except RuntimeError as error:  # a network that cannot run this input at all
            raise _NothingToShow(self.tr("The network cannot run on the drawing: {error}").format(
                error=str(error).splitlines()[0])) from None
        first_block = tuple(captured.shape) == tuple(x.shape[1:]) and torch.equal(captured, x[0])
        if not first_block:
            caption = self.tr("Input to {name}").format(name=ref.block.label or ref.block_id)
        elif self._digit_is_sample:
            caption = self.tr("Input: the sample digit, normalised")
        else:
            caption = self.tr("Input: your digit, normalised")
        return Sliding(window_op_from_module(ref.module), captured), caption

    def _fill_channel_controls(self, keep_choice: bool) -> None:
        s = self._sliding
        self.out_channel_spin.blockSignals(True)
        self.out_channel_spin.setRange(0, s.out_channels - 1)
        self.out_channel_spin.setEnabled(s.out_channels > 1)
        self.out_channel_spin.blockSignals(False)
        self._fill_in_channels(keep_choice)

    def _fill_in_channels(self, keep_choice: bool) -> None:
        """Σ over the group first (the real output), then each input channel of the group."""
        s = self._sliding
        group = s.group_channels(self.out_channel_spin.value())
        previous = self.in_channel_combo.currentData() if keep_choice else None
        self.in_channel_combo.blockSignals(True)
        self.in_channel_combo.clear()
        if s.op.kind != "conv":
            self.in_channel_combo.addItem(self.tr("channel {c} (pooling is per channel)").format(c=group[0]), group[0])
        elif len(group) == 1:
            self.in_channel_combo.addItem(self.tr("input channel {c}").format(c=group[0]), group[0])
        else:
            self.in_channel_combo.addItem(self.tr("Σ all {n} input channels").format(n=len(group)), -1)
            for channel in group:
                self.in_channel_combo.addItem(self.tr("input channel {c}").format(c=channel), channel)
            index = self.in_channel_combo.findData(previous)
            self.in_channel_combo.setCurrentIndex(max(index, 0))
        self.in_channel_combo.setEnabled(self.in_channel_combo.count() > 1)
        self.in_channel_combo.blockSignals(False)

    def _on_out_channel(self, _value: int) -> None:
        if self._sliding is not None:
            self._fill_in_channels(keep_choice=True)
            self._show_channels(keep_position=True)

    def _show_channels(self, keep_position: bool) -> None:
        s = self._sliding
        if s is None:
            return
        out_channel = self.out_channel_spin.value()
        chosen = self.in_channel_combo.currentData()
        in_channel = None if chosen is None or chosen < 0 else int(chosen)
        view = s.channel(out_channel, in_channel if s.op.kind == "conv" else None)
        self._view = view
        oh, ow = view.shape
        if s.op.kind == "conv" and not view.whole_group:
            output_caption = self.tr("Input channel {c}'s share of output channel {out}").format(
                c=view.in_channels[0], out=out_channel)
        else:
            output_caption = self.tr("Output channel {out}: {h}x{w}").format(out=out_channel, h=oh, w=ow)
        self.canvas.set_content(Content(s, view, view.output_map(), self._input_caption, output_caption),
                                view.in_channels[0])
        self.scrub_slider.blockSignals(True)
        self.scrub_slider.setRange(0, len(view) - 1)
        self.scrub_slider.blockSignals(False)
        self.playback.set_frame_count(len(view), keep_index=keep_position)
        self._on_speed(self.speed_slider.value())
        self._show_position()

    def _show_message(self, text: str) -> None:
        title = self.tr("Watch the kernel slide")
        self.message_label.setText(f"<p style='font-size: 19px; font-weight: 600;'>{html.escape(title)}</p>"
                                   f"<p>{html.escape(text)}</p>")
        self.sample_button.setVisible(self._standalone is None and self._hub.active is not None
                                      and self._digit is None and bool(self._refs))
        self.canvas.set_content(None)
        self.stack.setCurrentIndex(0)
        for widget in (self.play_button, self.back_button, self.forward_button, self.scrub_slider,
                       self.out_channel_spin, self.in_channel_combo):
            widget.setEnabled(False)
        self.position_label.setText("")
        self._update_source_label()

    def _update_source_label(self) -> None:
        active = self._hub.active
        if self._standalone is not None:
            text = self.tr("sandbox: typed numbers, no network") if self._sandbox_open else self.tr("standalone layer")
        elif active is None:
            text = ""
        else:
            text = self.tr("model: {title} · {source}").format(title=active.title(), source=active.source_text())
            if self._digit_is_sample:
                text += "  ·  " + self.tr("sample digit")
            followed = self._hub.followed
            if not self._hub.shows_followed() and followed is not None:
                text += "  ·  " + self.tr("not the design being edited ({name})").format(name=followed.name)
        self.source_label.setText(text)

    # ------------------------------------------------------------ position and playback

    def set_position(self, position: int) -> None:
        """Move the window to step `position` (row-major over the output map)."""
        if self._view is not None and self.playback.seek(position):
            self._show_position()

    def _show_position(self) -> None:
        """Paint the window on the playback's step and bring the controls along."""
        position = self.playback.index
        self.canvas.set_step(self._view[position])
        self.scrub_slider.blockSignals(True)
        self.scrub_slider.setValue(position)
        self.scrub_slider.blockSignals(False)
        for widget in (self.play_button, self.back_button, self.forward_button, self.scrub_slider):
            widget.setEnabled(True)
        self._update_status()

    def step_forward(self) -> None:
        self.set_position(self.playback.index + 1)

    def step_back(self) -> None:
        self.set_position(self.playback.index - 1)

    @property
    def is_playing(self) -> bool:
        return self.playback.playing

    def play(self) -> None:
        if self._view is None:
            return
        if self.playback.play():  # from the start again when on the last step
            self._show_position()
        self._timer.start(self.playback.interval_ms())
        self._update_play_button()

    def pause(self) -> None:
        self.playback.pause()
        self._timer.stop()
        self._update_play_button()

    def toggle_play(self) -> None:
        self.pause() if self.is_playing else self.play()

    def steps_per_second(self) -> float:
        """1 step/s at the slider's left end up to the whole map in ~2 s at its right end."""
        return self.playback.steps_per_second()

    def _on_speed(self, value: int) -> None:
        self.playback.set_speed(value / SPEED_STEPS)
        rate = self.playback.steps_per_second()
        if self._view is not None and value == SPEED_STEPS:
            self.speed_label.setText(self.tr("whole map in {s} s").format(s=f"{self.playback.whole_map_s():.0f}"))
        else:
            speed = self.tr("{n} step/s") if rate < 1.5 else self.tr("{n} steps/s")
            self.speed_label.setText(speed.format(n=f"{rate:.0f}"))
        if self.is_playing:
            self._timer.start(self.playback.interval_ms())

    def _on_tick(self) -> None:
        if self.playback.tick():
            self._show_position()
        if not self.playback.playing:
            self.pause()  # the last step is reached

    def _update_play_button(self) -> None:
        icon = QStyle.StandardPixmap.SP_MediaPause if self.is_playing else QStyle.StandardPixmap.SP_MediaPlay
        self.play_button.setIcon(self.style().standardIcon(icon))
        self.play_button.setText(self.tr("Pause") if self.is_playing else self.tr("Play"))

    def _update_status(self) -> None:
        if self._view is None:
            return
        step = self._view[self.playback.index]
        self.position_label.setText(self.tr("step {i} / {n}  ·  output ({row}, {col})").format(
            i=step.index + 1, n=len(self._view), row=step.out_row, col=step.out_col))

    # ------------------------------------------------------------ keys and visibility

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        key = event.key()
        if key == Qt.Key.Key_Space:
            self.toggle_play()
        elif key == Qt.Key.Key_Left:
            self.step_back()
        elif key == Qt.Key.Key_Right:
            self.step_forward()
        else:
            super().keyPressEvent(event)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self._rebuild(reset=False)

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802
        self.pause()  # no timer keeps running for a view nobody sees
        super().hideEvent(event)


def _block_title(ref: BlockRef) -> str:
    """E.g. 'conv1 · Conv2d 5x5, 1→6' or 'pool1 · MaxPool2d 2x2'."""
    module = ref.module
    kh, kw = (module.kernel_size, module.kernel_size) if isinstance(module.kernel_size, int) else module.kernel_size
    name = ref.block.label or ref.block_id
    if isinstance(module, nn.Conv2d):
        return f"{name} · Conv2d {kh}x{kw}, {module.in_channels}→{module.out_channels}"
    return f"{name} · {ref.block.type} {kh}x{kw}"
