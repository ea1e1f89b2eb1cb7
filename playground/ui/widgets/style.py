"""The look of the app: one colour per layer group, state colours, fonts and a light theme.

Every view takes its colours from here, so the palette chip, the editor card, the
inspector header and the summary row of a Conv2d are the same blue.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from playground.core.layers import CATALOGUE
from playground.paths import resources_dir

GROUP_COLOURS: dict[str, str] = {
    "Convolution": "#3b6fd8",
    "Pooling": "#1d98ab",
    "Normalization": "#8e5cc8",
    "Activation": "#3c9a50",
    "Regularization & shape": "#738093",
    "Dense": "#d0568a",
    "Composite": "#a2672e",
}
INPUT_COLOUR = "#2f3a4a"

ACCENT = "#2f6feb"
ACCENT_SOFT = "#dbe7fd"
TEXT = "#1f2328"
MUTED = "#5c6675"
FAINT = "#8c95a3"
BORDER = "#d3d9e1"
CANVAS = "#f3f5f8"
CARD = "#ffffff"
ERROR = "#d92d20"
ERROR_SOFT = "#fef1f0"
WARNING = "#c56a05"
WARNING_SOFT = "#fff7e6"
LOCKED_SOFT = "#fff4d6"


def group_colour(group: str) -> QColor:
    return QColor(GROUP_COLOURS.get(group, GROUP_COLOURS["Regularization & shape"]))


def type_colour(type_name: str) -> QColor:
    """The group colour of a layer type (the Input block has its own)."""
    entry = CATALOGUE.get(type_name)
    return group_colour(entry.group) if entry else QColor(INPUT_COLOUR)


def scaled_font(base: QFont, factor: float = 1.0, bold: bool = False) -> QFont:
    font = QFont(base)
    size = base.pointSizeF() if base.pointSizeF() > 0 else 9.0
    font.setPointSizeF(size * factor)
    font.setBold(bold)
    return font


def make_opaque(widget: QWidget, colour: QColor | str) -> None:
    """Fill a frequently changing label itself, so its parents need not repaint beneath it."""
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor(colour))
    widget.setPalette(palette)
    widget.setAutoFillBackground(True)


def mono_font(base: QFont, factor: float = 1.0) -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    size = base.pointSizeF() if base.pointSizeF() > 0 else 9.0
    font.setPointSizeF(size * factor)
    return font


def icon(name: str) -> QIcon:
    """An icon from resources/icons (SVG, so it stays sharp at any scale)."""
    return QIcon(str(icons_dir() / f"{name}.svg"))


def icons_dir() -> Path:
    return resources_dir() / "icons"


_STYLESHEET = f"""
QMainWindow::separator {{ background: {BORDER}; width: 1px; height: 1px; }}
QDockWidget {{ font-weight: 600; }}
QDockWidget::title {{
    background: #e9edf2; padding: 5px 8px; border-bottom: 1px solid {BORDER};
}}
QToolBar {{ background: #f7f8fa; border: none; border-bottom: 1px solid {BORDER}; spacing: 2px; padding: 3px 6px; }}
QToolBar QToolButton {{ padding: 4px; border-radius: 4px; }}
QToolBar QToolButton:hover {{ background: #e4e9f0; }}
QStatusBar {{ background: #f7f8fa; border-top: 1px solid {BORDER}; }}
QTabWidget::pane {{ border: none; }}
QTabBar::tab {{ padding: 6px 16px; }}
QLineEdit#paletteFilter {{ padding: 4px 6px; border: 1px solid {BORDER}; border-radius: 5px; background: white; }}
QLineEdit#paletteFilter:focus {{ border-color: {ACCENT}; }}
QFrame#inspectorMessage {{ border-radius: 5px; padding: 2px; }}
QLabel#inspectorFormula {{
    background: #f1f3f6; border: 1px solid {BORDER}; border-radius: 4px; padding: 6px; color: {TEXT};
}}
QLabel#sectionTitle {{ color: {MUTED}; font-weight: 600; padding: 6px 0 0 0; margin: 0; }}
QHeaderView::section {{ background: #eef1f5; border: none; border-right: 1px solid {BORDER};
    border-bottom: 1px solid {BORDER}; padding: 4px 6px; font-weight: 600; color: {MUTED}; }}
QTableView {{ gridline-color: #edf0f3; selection-background-color: {ACCENT_SOFT}; selection-color: {TEXT}; }}
"""


def apply_style(app: QApplication) -> None:
    """Fusion with a calm light palette, the same on every platform."""
    app.setStyle("Fusion")
    pal = QPalette()
    pal.setColor(QPalette.ColorRole.Window, QColor("#f7f8fa"))
    pal.setColor(QPalette.ColorRole.WindowText, QColor(TEXT))
    pal.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    pal.setColor(QPalette.ColorRole.AlternateBase, QColor("#f7f9fb"))
    pal.setColor(QPalette.ColorRole.Text, QColor(TEXT))
    pal.setColor(QPalette.ColorRole.Button, QColor("#f3f5f8"))
    pal.setColor(QPalette.ColorRole.ButtonText, QColor(TEXT))
    pal.setColor(QPalette.ColorRole.Highlight, QColor(ACCENT))
    pal.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    pal.setColor(QPalette.ColorRole.ToolTipBase, QColor("#ffffff"))
    pal.setColor(QPalette.ColorRole.ToolTipText, QColor(TEXT))
    pal.setColor(QPalette.ColorRole.PlaceholderText, QColor(FAINT))
    pal.setColor(QPalette.ColorRole.Link, QColor(ACCENT))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        pal.setColor(QPalette.ColorGroup.Disabled, role, QColor(FAINT))
    app.setPalette(pal)
    font = app.font()
    if font.pointSizeF() > 0 and font.pointSizeF() < 9.5:
        font.setPointSizeF(9.5)
        app.setFont(font)
    app.setStyleSheet(_STYLESHEET)
    app.setWindowIcon(icon("app"))
    app.setAttribute(Qt.ApplicationAttribute.AA_DontShowIconsInMenus, False)
