"""What a block preview is, as plain data: the pictures' kinds, their limits and the two
records the design editor paints.

Apart from `core/block_preview.py` (which runs the network to fill them) so that the
Design page can be built, and its window painted, before torch is imported at start-up.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

MAPS, BARS, PROBABILITIES = "maps", "bars", "probabilities"
EDITOR_TILES = 4  # channels a block card shows
EDITOR_BARS = 32  # bars a block card shows
PREVIEW_MACS_LIMIT = 1_000_000_000  # block previews are on by default up to this many multiply-adds


@dataclass(frozen=True)
class BlockPreview:
    """One block's output for one sample, ready to draw.

    `kind` is MAPS (`values` is (n, h, w), each channel scaled to [0, 1] over its own
    range), BARS (`values` is (n,), scaled over the output's range) or PROBABILITIES
    (`values` is the class probabilities). `lows`/`highs` are the raw range of each shown
    channel (one entry for bars); `channels` counts all of the output's channels or units.
    """

    block_id: str
    kind: str
    values: np.ndarray
    lows: np.ndarray
    highs: np.ndarray
    channels: int


@dataclass(frozen=True)
class NetworkPreview:
    """Previews of every watched block for one sample, and the class probabilities."""

    blocks: dict[str, BlockPreview]
    probabilities: np.ndarray
    trained: bool
