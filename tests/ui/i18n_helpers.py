"""Finding English left in a Chinese window: every text a person can read, word by word.

`english_words(root)` walks a widget tree (the widgets, their actions, menus, tab bars,
item views' headers and items) and returns the English words it finds with where they
were, except the allowed ones: code names that stay English in every language (layer
classes and their parameters, torch and dataset names, units, file names, the saliency
methods' names), the names of the shipped example designs (data, like a file's name), and single letters (H, W, x).
"""

from __future__ import annotations

import html
import json
import re
from functools import lru_cache

from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, Qt
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QComboBox, QDockWidget, QGroupBox, QLabel,
                               QLineEdit, QMenu, QPlainTextEdit, QTabBar, QTabWidget, QTextEdit, QWidget)

from playground.core.layers import CATALOGUE
from playground.paths import example_paths

# Words of the field that stay English in the Chinese interface (GLOSSARY.md keeps them).
CODE_WORDS = frozenset("""
    PyTorch torch torchvision torchrun nn Module Sequential DataParallel DistributedDataParallel DDP nccl gloo
    ONNX onnx JSON json PNG png CSV csv TensorBoard tensorboard pt py txt npz Python Qt SLURM Kubernetes
    MNIST FashionMNIST KMNIST CIFAR EMNIST ImageFolder embedded
    ReLU GELU SiLU Sigmoid Tanh Softmax LeakyReLU ELU Hardswish Mish Swish
    LeNet AlexNet VGG ResNet GoogLeNet Inception MobileNet MobileNetV2 ShuffleNet ShuffleNetV2 NiN DenseNet
    EfficientNet ConvNeXt SE Squeeze Excitation
    Adam AdamW SGD OneCycle onecycle cosine constant adam adamw sgd
    epoch epochs batch px dpi ms KB MB GB TB KiB MiB GiB MAC MACs FLOP FLOPs GFLOP MFLOP auto cpu cuda mps
    CPU GPU GPUs CUDA MPS RAM AMP bf16 fp16 fp32 float32 uint8 NaN inf Inf max min mean std argmax
    Ctrl Shift Alt Del Esc Tab Enter Backspace Space Up Down Left Right Home End PgUp PgDown PgDn Ins
    Meta Cmd Return Delete
    English CNN Playground cnn playground
    kh kw sh sw ph pw dh dw gamma beta sqrt var eps Wx
    same valid floor layers body shortcut branches ImageNet
    SmoothGrad Grad
""".split())


@lru_cache(maxsize=1)
def allowed_words() -> frozenset[str]:
    """CODE_WORDS, every layer class and parameter name, and the example designs' names."""
    words = set(CODE_WORDS)
    for kind in CATALOGUE.values():
        words.update(_tokens(kind.name))
        for param in kind.params:
            words.add(param.name)
            words.update(param.choices)
    for path in example_paths():
        name = json.loads(path.read_text(encoding="utf-8")).get("name", "")
        words.update(_tokens(name))
        words.add(path.stem)
    return frozenset(words)


_TAG = re.compile(r"<[^>]*>")
_PATH = re.compile(r"(?:~|\.{0,2})/[^\s，。；：、）)]*")  # a file or folder name is data, whatever its words
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9_]*")


def _tokens(text: str) -> list[str]:
    return _WORD.findall(text)


def foreign_words(text: str) -> list[str]:
    """The words of `text` (markup and entities removed) that are English and not allowed."""
    plain = _PATH.sub(" ", html.unescape(_TAG.sub(" ", text or "")).replace("&", ""))  # "&File": the mnemonic
    allowed = allowed_words()
    found = []
    for word in _tokens(plain):
        if len(word) == 1 or word in allowed or any(c.isdigit() for c in word) or "_" in word:
            continue
        if word.isupper() and len(word) <= 6:  # an abbreviation: a unit or a code (ReLU's kin)
            continue
        found.append(word)
    return found


def _texts(widget: QWidget) -> list[tuple[str, str]]:
    """(what, text) for everything `widget` itself shows."""
    texts = [("tooltip", widget.toolTip()), ("status tip", widget.statusTip()), ("whats this", widget.whatsThis())]
    if widget.isWindow() or isinstance(widget, QDockWidget):
        texts.append(("title", widget.windowTitle()))
    if isinstance(widget, (QLabel, QAbstractButton, QLineEdit)):
        texts.append(("text", widget.text()))
    if isinstance(widget, QLineEdit):
        texts.append(("placeholder", widget.placeholderText()))
    if isinstance(widget, (QTextEdit, QPlainTextEdit)):
        texts += [("text", widget.toPlainText()), ("placeholder", widget.placeholderText())]
    if isinstance(widget, QGroupBox):
        texts.append(("title", widget.title()))
    if isinstance(widget, QMenu):
        texts.append(("title", widget.title()))
    if isinstance(widget, QComboBox):
        texts += [("item", widget.itemText(i)) for i in range(widget.count())]
        texts += [("item tip", str(widget.itemData(i, Qt.ItemDataRole.ToolTipRole) or "")) for i in range(widget.count())]
    if isinstance(widget, QTabBar):
        for i in range(widget.count()):
            texts += [("tab", widget.tabText(i)), ("tab tip", widget.tabToolTip(i))]
    if isinstance(widget, QTabWidget):
        for i in range(widget.count()):
            texts += [("tab", widget.tabText(i)), ("tab tip", widget.tabToolTip(i))]
    if isinstance(widget, QAbstractItemView) and widget.model() is not None:
        texts += _model_texts(widget.model())
    for action in widget.actions():
        texts += [("action", action.text()), ("action tip", action.toolTip()), ("action status", action.statusTip())]
    return texts


def _column_count(model: QAbstractItemModel) -> int:
    """A list model (QListWidget's) has one column; PySide keeps its columnCount private."""
    return 1 if isinstance(model, QAbstractListModel) else model.columnCount()


def _model_texts(model: QAbstractItemModel) -> list[tuple[str, str]]:
    texts = []
    columns = _column_count(model)
    for orientation in (Qt.Orientation.Horizontal, Qt.Orientation.Vertical):
        count = columns if orientation == Qt.Orientation.Horizontal else model.rowCount()
        for section in range(min(count, 50)):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.headerData(section, orientation, role)
                if isinstance(value, str):
                    texts.append(("header", value))
    for row in range(min(model.rowCount(), 50)):
        for column in range(columns):
            index = model.index(row, column)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.data(index, role)
                if isinstance(value, str):
                    texts.append(("item", value))
    return texts


def english_words(root: QWidget, visible_only: bool = False) -> list[str]:
    """"objectName/Class what: 'text' -> [words]" for every text under `root` with a word
    that should have been translated; empty when everything reads as Chinese. With
    `visible_only`, only what a person can see now (and every menu, open or not)."""
    problems = []
    for widget in [root, *root.findChildren(QWidget)]:
        if visible_only and not isinstance(widget, QMenu) and not widget.isVisibleTo(root) and widget is not root:
            continue
        name = widget.objectName() or type(widget).__name__
        for what, text in _texts(widget):
            words = foreign_words(text)
            if words:
                problems.append(f"{name} {what}: {text[:80]!r} -> {sorted(set(words))}")
    return problems
