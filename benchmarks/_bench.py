"""What every benchmark here shares; import it before anything from `playground`.

It puts this checkout first on sys.path (so a benchmark times the code beside it, not an
installed copy), runs Qt offscreen unless QT_QPA_PLATFORM says otherwise, and gives the
one percentile definition all of them print (numpy's, linear between samples).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Sequence

import numpy as np

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile of the samples (nan when there are none)."""
    return float(np.percentile(np.asarray(values, dtype=float), q)) if len(values) else float("nan")
