"""A combo box of model blocks, keyed by block id, so a choice survives new weights and
re-listing (feature maps, kernels)."""

from __future__ import annotations

from typing import Sequence

from PySide6.QtWidgets import QComboBox, QWidget


class BlockCombo(QComboBox):
    """Items are (text, block id); the current block is found and kept by id."""

    def __init__(self, object_name: str, tip: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName=object_name, toolTip=tip)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(18)

    def set_blocks(self, items: Sequence[tuple[str, str]], keep: str | None) -> None:
        """Replace the items without signalling; select `keep` if listed, else the first."""
        self.blockSignals(True)
        self.clear()
        for text, block_id in items:
            self.addItem(text, block_id)
        ids = [block_id for _, block_id in items]
        self.setCurrentIndex(ids.index(keep) if keep in ids else (0 if ids else -1))
        self.blockSignals(False)

    def current_block_id(self) -> str | None:
        data = self.currentData()
        return str(data) if data is not None else None

    def select_block(self, block_id: str) -> None:
        index = self.findData(block_id)
        if index >= 0:
            self.setCurrentIndex(index)
