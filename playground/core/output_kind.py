"""What a network's output is: class scores, or something else (a map, one number).

Only an N-class vector (N > 1, any other axes of size 1) is read as class scores, with a
softmax into probabilities; a 1x3x3 output is a map of nine numbers, and calling them
"classes" with percentages would teach the wrong thing.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class OutputKind:
    """The output's shape (no batch axis) and how many classes it scores (0: not classes)."""

    shape: tuple[int, ...]
    classes: int

    @property
    def is_classes(self) -> bool:
        return self.classes > 1

    @property
    def size(self) -> int:
        return math.prod(self.shape) if self.shape else 0

    @property
    def map_shape(self) -> tuple[int, int, int]:
        """The output as (channels, height, width) for showing it as tiles."""
        dims = [d for d in self.shape]
        while len(dims) < 3:
            dims.insert(0, 1)
        channels = math.prod(dims[:-2])
        return (channels, dims[-2], dims[-1])


def output_kind(shape: Sequence[int] | None) -> OutputKind:
    """Classify an output shape (None or empty: unknown, no classes)."""
    dims = tuple(int(d) for d in shape or ())
    wide = [d for d in dims if d != 1]
    classes = wide[0] if len(wide) == 1 and dims and dims[0] == wide[0] else 0
    return OutputKind(dims, classes)
