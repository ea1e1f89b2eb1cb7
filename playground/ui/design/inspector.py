"""The inspector: the selected block's parameters as proper editors, applied live.

Selecting a block builds a form from the catalogue (one field per parameter, with its
range, choices and help); editing a field sets the parameter on the document at once, so
shapes and counts update while the person types, and one gesture is one undo step. The
form is only rebuilt when the selection changes; edits (and undo) just refresh values, so
focus and the cursor stay where they are. Invalid values are allowed: the analysis shows
them as the block's error here and on the card. A language switch builds the form again, so
every text (the window's and core's explanations alike) is read in the new language; each
parameter's name stays torch's, with its term in the reader's language beside it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSignalBlocker, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFocusEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import (QFormLayout, QFrame, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
                               QPushButton, QScrollArea, QSizePolicy, QSpinBox, QToolButton, QVBoxLayout, QWidget)

from playground.core.analysis import Analysis, LayerInfo
from playground.core import i18n
from playground.core.design import MAX_CHANNELS, MAX_INPUT_SIDE, Block, Design, has_branches
from playground.core.i18n import _
from playground.core.layers import CATALOGUE, PAIR_OR_NONE, group_text
from playground.ui.widgets import style
from playground.core.text import format_bytes, format_count, format_int, shape_str
from playground.ui.state.document import INPUT_ID, DesignDocument
from playground.ui.design.inspector_fields import OptionalPairField, ParamField, make_field
from playground.ui.design.inspector_pictures import ArithmeticPanel, picture_for
from playground.ui.widgets.layer_terms import param_caption, param_term
from playground.ui.widgets.retranslate import Retranslating

INPUT_PRESETS = (("MNIST", (1, 28, 28)), ("CIFAR-10", (3, 32, 32)), ("ImageNet", (3, 224, 224)))
# The rows of the facts grid: shown translated, keyed by their English title.
INFO_TITLES = {
    "Input": QT_TRANSLATE_NOOP("BlockInspector", "Input"),
    "Output": QT_TRANSLATE_NOOP("BlockInspector", "Output"),
    "Parameters": QT_TRANSLATE_NOOP("BlockInspector", "Parameters"),
    "MACs": QT_TRANSLATE_NOOP("BlockInspector", "MACs"),
    "Receptive field": QT_TRANSLATE_NOOP("BlockInspector", "Receptive field"),
    "Weights": QT_TRANSLATE_NOOP("BlockInspector", "Weights"),
    "Status": QT_TRANSLATE_NOOP("BlockInspector", "Status"),
}
INPUT_AXES = (("channels", QT_TRANSLATE_NOOP("BlockInspector", "channels"), MAX_CHANNELS),
              ("height", QT_TRANSLATE_NOOP("BlockInspector", "height"), MAX_INPUT_SIDE),
              ("width", QT_TRANSLATE_NOOP("BlockInspector", "width"), MAX_INPUT_SIDE))


class _Chip(QWidget):
    """A rounded colour square, as on the cards."""

    def __init__(self, colour: QColor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.colour = colour
        self.setFixedSize(14, 14)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.colour)
        painter.drawRoundedRect(self.rect().adjusted(1, 1, -1, -1), 3.5, 3.5)


class ElidedLabel(QLabel):
    """A one-line label that fits any width: text too long for it ends in "…" and the
    whole text is its tooltip, so a long name or value never widens the dock."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setText(text)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        super().setText(text)
        self.setToolTip(text)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(0, super().minimumSizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        rect = self.contentsRect()
        text = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(rect, int(self.alignment()), text)


class _CommitOnFocusOut(QPlainTextEdit):
    """A text box that reports its text once the person leaves it."""

    committed = Signal(str)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        super().focusOutEvent(event)
        self.committed.emit(self.toPlainText())


def _section(title: str) -> QLabel:
    label = QLabel(title)
    label.setObjectName("sectionTitle")
    label.setIndent(0)
    return label


def _muted(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setStyleSheet(f"color: {style.MUTED};")
    return label


class BlockInspector(Retranslating, QScrollArea):
    """Shows and edits whatever the document has selected."""

    def __init__(self, document: DesignDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("blockInspector")
        self.document = document
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumWidth(280)
        self.fields: dict[str, ParamField] = {}
        self._name_labels: dict[str, QLabel] = {}
        self._reset_buttons: dict[str, QToolButton] = {}
        self._shown: tuple[str, str] = ("", "")  # (selection id, block type) the form was built for
        self._info_values: dict[str, QLabel] = {}
        self._message: QLabel | None = None
        self._lock_note: QLabel | None = None
        self.label_edit: QLineEdit | None = None
        self.input_spins: list[QSpinBox] = []
        self.name_edit: QLineEdit | None = None
        self.description_edit: _CommitOnFocusOut | None = None
        self._branch_count: QLabel | None = None
        self._title: QLabel | None = None
        self._arithmetic: ArithmeticPanel | None = None
        self._building = False
        self.retranslate_ui()
        document.designChanged.connect(self._on_design_changed)
        document.analysisChanged.connect(self._on_analysis_changed)
        document.selectionChanged.connect(self._on_selection_changed)
        document.lockedChanged.connect(self._on_locked_changed)

    def retranslate_ui(self) -> None:
        """The form again, every text in the current language (focus moves to the dock)."""
        self.setAccessibleName(self.tr("Block inspector"))
        self._rebuild()

    # ------------------------------------------------------------ public

    def focus_first_field(self) -> None:
        """Enter in the editor lands here: on the first thing worth editing."""
        targets: list[QWidget] = []
        if self.input_spins:
            targets.append(self.input_spins[0])
        for field in self.fields.values():
            targets.extend(w for w in field.findChildren(QWidget) if w.focusPolicy() & Qt.FocusPolicy.TabFocus)
        if self.label_edit is not None:
            targets.append(self.label_edit)
        if self.name_edit is not None:
            targets.append(self.name_edit)
        for widget in targets:
            if widget.isEnabled() and widget.isVisible():
                widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
                if isinstance(widget, (QSpinBox,)):
                    widget.selectAll()
                return

    # ------------------------------------------------------------ document events

    def _on_selection_changed(self, _block_id: str) -> None:
        self._follow_document()

    def _on_design_changed(self, design: Design) -> None:
        if self._building:
            return  # a text box committing as the old form goes away
        self._follow_document()

    def _follow_document(self) -> None:
        """A new form for another block (or kind), else the same form with current values."""
        block = self.document.selected_block()
        key = (self.document.selected_id, block.type if block else "")
        if key != self._shown:
            self._rebuild()
        else:
            self._sync_values()

    def _on_analysis_changed(self, analysis: Analysis) -> None:
        self._sync_info()

    def _on_locked_changed(self, locked: bool, reason: str) -> None:
        self._apply_lock()

    # ------------------------------------------------------------ building

    def _rebuild(self) -> None:
        self._building = True
        try:
            self._build()
        finally:
            self._building = False

    def _build(self) -> None:
        old = self.takeWidget()
        if old is not None:
            old.hide()
            old.deleteLater()
        self.fields = {}
        self._name_labels = {}
        self._reset_buttons = {}
        self._info_values = {}
        self.label_edit = None
        self.input_spins = []
        self.name_edit = None
        self.description_edit = None
        self._branch_count = None
        self._message = None  # only some views have these; the old ones are being deleted
        self._lock_note = None
        self._arithmetic = None
        content = QWidget()
        content.setObjectName("inspectorContent")
        column = QVBoxLayout(content)
        column.setContentsMargins(12, 10, 12, 14)
        column.setSpacing(8)
        selected = self.document.selected_id
        block = self.document.selected_block()
        if selected == INPUT_ID:
            self._build_input(column)
        elif block is not None:
            self._build_block(column, block)
        else:
            self._build_overview(column)
        column.addStretch(1)
        self.setWidget(content)
        self._shown = (selected, block.type if block else "")
        self._sync_values()
        self._sync_info()
        self._apply_lock()

    def _header(self, column: QVBoxLayout, title: str, subtitle: str, colour: QColor) -> None:
        row = QHBoxLayout()
        row.setSpacing(8)
        row.addWidget(_Chip(colour))
        name = ElidedLabel(title)
        name.setObjectName("inspectorTitle")
        font = name.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        name.setFont(font)
        name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row.addWidget(name, 1)
        self._title = name
        column.addLayout(row)
        if subtitle:
            sub = _muted(subtitle)
            sub.setWordWrap(True)
            column.addWidget(sub)

    def _info_grid(self, column: QVBoxLayout, names: tuple[str, ...]) -> None:
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(3)
        for r, name in enumerate(names):
            grid.addWidget(_muted(self.tr(INFO_TITLES[name])), r, 0)
            # Values change on every edit; their width must not re-lay out the whole form,
            # and a long one is elided rather than widening the dock.
            value = ElidedLabel("—")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            style.make_opaque(value, style.CARD)
            grid.addWidget(value, r, 1)
            self._info_values[name] = value
        grid.setColumnStretch(1, 1)
        frame = QFrame()
        frame.setObjectName("inspectorInfo")
        frame.setStyleSheet(f"#inspectorInfo {{ background: white; border: 1px solid {style.BORDER}; border-radius: 6px; }}")
        frame.setLayout(grid)
        grid.setContentsMargins(10, 8, 10, 8)
        column.addWidget(frame)

    def _message_box(self, column: QVBoxLayout) -> None:
        self._message = QLabel()
        self._message.setObjectName("inspectorMessage")
        self._message.setWordWrap(True)
        self._message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._message.hide()
        column.addWidget(self._message)

    def _lock_box(self, column: QVBoxLayout) -> None:
        self._lock_note = QLabel()
        self._lock_note.setObjectName("inspectorLockNote")
        self._lock_note.setWordWrap(True)
        self._lock_note.setStyleSheet(f"background: {style.LOCKED_SOFT}; color: #6b4a00; border: 1px solid #e8c56b;"
                                      "border-radius: 5px; padding: 6px;")
        self._lock_note.hide()
        column.addWidget(self._lock_note)

    def _build_block(self, column: QVBoxLayout, block: Block) -> None:
        kind = CATALOGUE[block.type]
        self._header(column, block.type, group_text(kind.group), style.type_colour(block.type))
        self._info_grid(column, ("Input", "Output", "Parameters", "MACs", "Receptive field"))
        self._message_box(column)
        self._arithmetic_section(column)
        self._lock_box(column)
        column.addWidget(_section(self.tr("Label")))
        self.label_edit = QLineEdit()
        self.label_edit.setObjectName("labelEdit")
        self.label_edit.setPlaceholderText(self.tr("optional name shown on the card"))
        self.label_edit.setClearButtonEnabled(True)
        self.label_edit.editingFinished.connect(self._on_label_edited)
        column.addWidget(self.label_edit)
        if kind.params:
            column.addWidget(_section(self.tr("Parameters", "the section of the block's settings")))
            form = QFormLayout()
            form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            # A row too wide for the dock puts its field under its name instead of past the edge.
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
            form.setHorizontalSpacing(10)
            form.setVerticalSpacing(6)
            for param in kind.params:
                field = make_field(param)
                field.setObjectName(f"param_{param.name}")
                field.edited.connect(lambda value, name=param.name: self._on_field_edited(name, value))
                field.finished.connect(self.document.seal)
                self.fields[param.name] = field
                form.addRow(self._param_label(param.name, _(param.help), param.required),
                            self._with_reset(param.name, field))
            column.addLayout(form)
        if has_branches(block):
            self._branch_controls(column, block)
        if kind.composite is not None and kind.composite.editor_hint:
            note = _muted(_(kind.composite.editor_hint))
            note.setWordWrap(True)
            column.addWidget(note)
        self._about(column, _(kind.explanation), _(kind.formula) if kind.formula else "")
        self._picture_section(column, block)

    def _arithmetic_section(self, column: QVBoxLayout) -> None:
        """The block's sums with its own numbers (hidden for kinds with none)."""
        self._arithmetic = ArithmeticPanel()
        column.addWidget(self._arithmetic)

    def _picture_section(self, column: QVBoxLayout, block: Block) -> None:
        """A norm layer's averaging axes or an activation's curve, where a picture helps."""
        picture = picture_for(block.type, block.params)
        if picture is not None:
            column.addWidget(_section(self.tr("Picture")))
            column.addWidget(picture)

    def _param_label(self, name: str, help_text: str, required: bool) -> QWidget:
        """The parameter's torch name (bold when set), its term in the reader's language
        under it when that is not English, and both with the help as its tooltip."""
        label = QLabel(name)
        label.setObjectName(f"paramName_{name}")
        tip = [param_caption(name), help_text]
        if not required:
            tip.append(self.tr("Bold when set; the reset button returns it to torch's default."))
        label.setToolTip("\n".join(t for t in tip if t))
        self._name_labels[name] = label
        if i18n.current_language() == i18n.ENGLISH or not param_term(name):
            return label  # the English reader reads the name itself
        holder = QWidget()
        holder.setToolTip(label.toolTip())
        stack = QVBoxLayout(holder)
        stack.setContentsMargins(0, 0, 0, 0)
        stack.setSpacing(0)
        stack.addWidget(label)
        term = QLabel(param_term(name))
        term.setObjectName(f"paramTerm_{name}")
        term.setToolTip(label.toolTip())
        term.setStyleSheet(f"color: {style.MUTED};")
        term.setFont(style.scaled_font(self.font(), 0.88))
        stack.addWidget(term)
        return holder

    def _with_reset(self, name: str, field: ParamField) -> QWidget:
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        row.addWidget(field, 1)
        reset = QToolButton()
        reset.setIcon(style.icon("reset"))
        reset.setAutoRaise(True)
        reset.setToolTip(self.tr("Reset {name} to torch's default").format(name=name))
        reset.setObjectName(f"reset_{name}")
        reset.clicked.connect(lambda: self._on_reset_clicked(name))
        size_policy = reset.sizePolicy()
        size_policy.setRetainSizeWhenHidden(True)
        reset.setSizePolicy(size_policy)
        self._reset_buttons[name] = reset
        row.addWidget(reset)
        return holder

    def _branch_controls(self, column: QVBoxLayout, block: Block) -> None:
        column.addWidget(_section(self.tr("Branches")))
        self._branch_count = _muted()
        column.addWidget(self._branch_count)
        row = QHBoxLayout()
        add = QPushButton(self.tr("Add branch"))
        add.setObjectName("addBranchButton")
        add.clicked.connect(lambda: self.document.add_branch(block.id))
        remove = QPushButton(self.tr("Remove last branch"))
        remove.setObjectName("removeBranchButton")
        remove.clicked.connect(self._on_remove_branch_clicked)
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        column.addLayout(row)

    def _about(self, column: QVBoxLayout, explanation: str, formula: str) -> None:
        column.addWidget(_section(self.tr("About")))
        text = QLabel(explanation)
        text.setObjectName("inspectorExplanation")
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        text.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        column.addWidget(text)
        if formula:
            box = QLabel(formula)
            box.setObjectName("inspectorFormula")
            box.setFont(style.mono_font(self.font(), 0.95))
            box.setWordWrap(True)
            box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            column.addWidget(box)

    def _build_input(self, column: QVBoxLayout) -> None:
        self._header(column, self.tr("Input"), self.tr("The image every sample starts as"),
                     QColor(style.INPUT_COLOUR))
        self._lock_box(column)
        column.addWidget(_section(self.tr("Shape")))
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        for c, (name, title, limit) in enumerate(INPUT_AXES):
            spin = QSpinBox()
            spin.setObjectName(f"input_{name}")
            spin.setRange(1, limit)
            spin.setAlignment(Qt.AlignmentFlag.AlignRight)
            spin.setAccelerated(True)
            spin.setMinimumWidth(48)
            spin.valueChanged.connect(self._on_input_edited)
            spin.editingFinished.connect(self.document.seal)
            grid.addWidget(_muted(self.tr(title)), 0, c)
            grid.addWidget(spin, 1, c)
            self.input_spins.append(spin)
        column.addLayout(grid)
        presets = QHBoxLayout()
        presets.setSpacing(4)
        for name, shape in INPUT_PRESETS:
            button = QPushButton(name)
            button.setObjectName(f"preset_{name}")
            button.setToolTip(self.tr("Set the input to {shape}").format(shape=shape_str(shape)))
            button.clicked.connect(lambda _=False, s=shape: self.document.set_input(s, merge=False))
            presets.addWidget(button)
        presets.addStretch(1)
        column.addLayout(presets)
        self._design_fields(column)
        self._about(column, self.tr("Channels are 1 for greyscale (MNIST) and 3 for colour (CIFAR-10, ImageNet). "
                                    "Every block's shape follows from this one; change it and watch them all "
                                    "update."), "")

    def _design_fields(self, column: QVBoxLayout) -> None:
        column.addWidget(_section(self.tr("Design")))
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("designNameEdit")
        self.name_edit.setPlaceholderText(self.tr("design name"))
        self.name_edit.editingFinished.connect(self._on_name_edited)
        column.addWidget(self.name_edit)
        self.description_edit = _CommitOnFocusOut()
        self.description_edit.setObjectName("designDescriptionEdit")
        self.description_edit.setPlaceholderText(self.tr("a sentence about this design"))
        self.description_edit.setFixedHeight(64)
        self.description_edit.committed.connect(self._on_description_committed)
        column.addWidget(self.description_edit)

    def _build_overview(self, column: QVBoxLayout) -> None:
        self._header(column, self.document.design.name or self.tr("Untitled"), "", QColor(style.INPUT_COLOUR))
        self._info_grid(column, ("Input", "Output", "Parameters", "MACs", "Weights", "Status"))
        hint = _muted(self.tr("Select a block to edit it. Drag layers from the palette into the design, "
                              "or double-click one to add it after the selected block."))
        hint.setWordWrap(True)
        column.addWidget(hint)
        self._design_fields(column)

    # ------------------------------------------------------------ syncing from the document

    def _sync_values(self) -> None:
        design = self.document.design
        if self.input_spins:
            for spin, value in zip(self.input_spins, design.input):
                if spin.value() != value:
                    with QSignalBlocker(spin):
                        spin.setValue(value)
        if self.name_edit is not None and not self.name_edit.hasFocus():
            self.name_edit.setText(design.name)
        if self.description_edit is not None and not self.description_edit.hasFocus():
            if self.description_edit.toPlainText() != design.description:
                self.description_edit.setPlainText(design.description)
        block = self.document.selected_block()
        if block is None:
            if self.document.selected_id == "" and self._title is not None:
                self._title.setText(design.name or self.tr("Untitled"))  # the overview is titled by the design
            return
        if self.label_edit is not None and not self.label_edit.hasFocus():
            self.label_edit.setText(block.label or "")
        resolved = block.resolved_params()
        for name, field in self.fields.items():
            if isinstance(field, OptionalPairField):
                field.set_fallback(resolved.get("kernel_size", 1))
            if field.value() != resolved[name] or field.param.kind == PAIR_OR_NONE:
                field.set_value(resolved[name])
            explicit = name in block.params
            label = self._name_labels[name]
            if label.font().bold() != explicit:
                font = label.font()
                font.setBold(explicit)
                label.setFont(font)
            self._reset_buttons[name].setVisible(explicit and not field.param.required)
        if self._branch_count is not None:
            n = len(block.children)
            self._branch_count.setText(self.tr("1 branch, concatenated on channels") if n == 1 else
                                       self.tr("{count} branches, concatenated on channels").format(count=n))

    def _sync_info(self) -> None:
        analysis = self.document.analysis
        if not self._info_values:
            return
        block = self.document.selected_block()
        if block is None:
            self._set_info("Input", shape_str(analysis.input_shape))
            self._set_info("Output", shape_str(analysis.output_shape))
            total = format_int(analysis.total_params)
            if analysis.trainable_params != analysis.total_params:
                total = self.tr("{total} ({trainable} trainable)").format(
                    total=total, trainable=format_int(analysis.trainable_params))
            self._set_info("Parameters", total)
            self._set_info("MACs", self.tr("{count} per image").format(count=format_count(analysis.total_macs)))
            self._set_info("Weights", format_bytes(analysis.weight_bytes))
            errors = len(analysis.errors)
            if not self.document.design.layers:
                status = self.tr("empty: drag layers in")
            elif analysis.ok:
                status = self.tr("ready to train")
            elif errors == 1:
                status = self.tr("1 error")
            else:
                status = self.tr("{count} errors").format(count=errors)
            self._set_info("Status", status)
            return
        info = analysis.by_id.get(block.id)
        if info is None:
            return
        self._set_info("Input", shape_str(info.input_shape))
        self._set_info("Output", shape_str(info.output_shape))
        self._set_info("Parameters", format_int(info.params))
        self._set_info("MACs", format_int(info.macs))
        self._set_info("Receptive field", info.receptive_field.text() if info.receptive_field else "—")
        self._show_message(info)
        if self._arithmetic is not None:
            self._arithmetic.show_block(block.type, block.params, info.input_shape)

    def _set_info(self, name: str, text: str) -> None:
        label = self._info_values.get(name)
        if label is not None:
            label.setText(text)

    def _show_message(self, info: LayerInfo) -> None:
        if self._message is None:
            return
        text = info.error or info.warning
        self._message.setVisible(bool(text))
        if not text:
            return
        fg, bg = (style.ERROR, style.ERROR_SOFT) if info.error else (style.WARNING, style.WARNING_SOFT)
        self._message.setStyleSheet(f"#inspectorMessage {{ color: {fg}; background: {bg}; border: 1px solid {fg};"
                                    "border-radius: 5px; padding: 6px; }")
        self._message.setText(text)

    def _apply_lock(self) -> None:
        locked = self.document.locked
        for field in self.fields.values():
            field.setEnabled(not locked)
        for button in self._reset_buttons.values():
            button.setEnabled(not locked)
        for spin in self.input_spins:
            spin.setEnabled(not locked)
        if self._lock_note is not None:
            self._lock_note.setText(self.tr("<b>Editing paused.</b> {reason}").format(
                reason=self.document.lock_reason))
            self._lock_note.setVisible(locked)

    # ------------------------------------------------------------ edits

    def _on_field_edited(self, name: str, value: Any) -> None:
        block_id = self.document.selected_id
        self.document.set_param(block_id, name, value)
        if self.document.locked:
            self._sync_values()  # refused: show the design's value again

    def _on_reset_clicked(self, name: str) -> None:
        self.document.set_param(self.document.selected_id, name, None, merge=False)

    def _on_label_edited(self) -> None:
        block = self.document.selected_block()
        if block is not None and self.label_edit is not None and (block.label or "") != self.label_edit.text().strip():
            self.document.set_label(block.id, self.label_edit.text())

    def _on_input_edited(self) -> None:
        shape = tuple(spin.value() for spin in self.input_spins)
        if shape != tuple(self.document.design.input):
            self.document.set_input(shape)
            if self.document.locked:
                self._sync_values()

    def _on_name_edited(self) -> None:
        if self.name_edit is not None and self.name_edit.text().strip() != self.document.design.name:
            self.document.set_meta(name=self.name_edit.text().strip() or self.tr("Untitled"))

    def _on_description_committed(self, text: str) -> None:
        if text != self.document.design.description:
            self.document.set_meta(description=text)

    def _on_remove_branch_clicked(self) -> None:
        block = self.document.selected_block()
        if block is not None and has_branches(block):
            self.document.remove_branch(block.id, len(block.children) - 1)
