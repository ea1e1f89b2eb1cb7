"""An activation's curve and its derivative, sampled for a picture.

The derivative is what backpropagation multiplies by at each layer: sigmoid's never
exceeds 0.25, so ten sigmoid layers shrink a gradient at least a million-fold, while
ReLU's is 1 wherever it is on. Each kind is written out in closed form with torch's
default parameters (PReLU at its initial slope) and, at a kink, the derivative torch's
autograd takes there; the tests check every curve against the kind's own torch module and
autograd, so the picture is exactly what training computes. No torch is imported: the
layer palette draws these in its tooltips while the window opens, before torch is loaded.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

from playground.core.i18n import _

__all__ = ["Curve", "activation_curve", "has_curve"]

LEAKY_SLOPE = 0.01  # torch.nn.LeakyReLU's default negative_slope
ELU_ALPHA = 1.0  # torch.nn.ELU's default alpha
PRELU_INIT = 0.25  # torch.nn.PReLU's initial slope


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


def _gelu(x: float) -> tuple[float, float]:
    cdf = 0.5 * (1.0 + math.erf(x / math.sqrt(2.0)))
    pdf = math.exp(-0.5 * x * x) / math.sqrt(2.0 * math.pi)
    return x * cdf, cdf + x * pdf


def _silu(x: float) -> tuple[float, float]:
    s = _sigmoid(x)
    return x * s, s * (1.0 + x * (1.0 - s))


def _mish(x: float) -> tuple[float, float]:
    t = math.tanh(math.log1p(math.exp(x)))
    return x * t, t + x * (1.0 - t * t) * _sigmoid(x)


def _hardswish(x: float) -> tuple[float, float]:
    value = x * min(max(x + 3.0, 0.0), 6.0) / 6.0
    return value, 0.0 if x <= -3.0 else (x / 3.0 + 0.5 if x < 3.0 else 1.0)


# f(x) and f'(x) of each activation whose output at a point depends on that point alone
# (Softmax does not); conditions as torch's backward kernels write them.
_FORMS: dict[str, Callable[[float], tuple[float, float]]] = {
    "ReLU": lambda x: (max(x, 0.0), 1.0 if x > 0 else 0.0),
    "LeakyReLU": lambda x: (x if x > 0 else LEAKY_SLOPE * x, 1.0 if x > 0 else LEAKY_SLOPE),
    "PReLU": lambda x: (x if x > 0 else PRELU_INIT * x, 1.0 if x > 0 else PRELU_INIT),
    "ELU": lambda x: (x, 1.0) if x > 0 else (ELU_ALPHA * math.expm1(x), ELU_ALPHA * math.exp(x)),
    "GELU": _gelu,
    "SiLU": _silu,
    "Mish": _mish,
    "Sigmoid": lambda x: (_sigmoid(x), _sigmoid(x) * (1.0 - _sigmoid(x))),
    "Tanh": lambda x: (math.tanh(x), 1.0 - math.tanh(x) ** 2),
    "ReLU6": lambda x: (min(max(x, 0.0), 6.0), 1.0 if 0.0 < x < 6.0 else 0.0),
    "Hardsigmoid": lambda x: (min(max(x + 3.0, 0.0), 6.0) / 6.0, 1.0 / 6.0 if -3.0 < x < 3.0 else 0.0),
    "Hardswish": _hardswish,
}
_POINTWISE = frozenset(_FORMS)


@dataclass(frozen=True)
class Curve:
    """f(x) and f'(x) at evenly spaced x; the largest slope and where it is."""

    kind: str
    xs: tuple[float, ...]
    ys: tuple[float, ...]
    slopes: tuple[float, ...]

    @property
    def max_slope(self) -> float:
        return max(self.slopes)

    def slope_text(self) -> str:
        return _("largest slope {slope}").format(slope=f"{self.max_slope:.3g}")


def has_curve(kind: str) -> bool:
    return kind in _POINTWISE


@lru_cache(maxsize=32)
def activation_curve(kind: str, lo: float = -6.0, hi: float = 6.0, points: int = 241) -> Curve:
    """The kind's curve on [lo, hi] with torch's defaults (PReLU at its initial slope), at
    `points` evenly spaced x (rounded, so that 0 and the kinks are sampled exactly)."""
    form = _FORMS.get(kind)
    if form is None:
        raise KeyError(f"{kind} is not a pointwise activation")
    xs = tuple(round(lo + i * (hi - lo) / (points - 1), 12) + 0.0 for i in range(points))  # + 0.0: no -0.0
    values = [form(x) for x in xs]
    return Curve(kind, xs, tuple(v for v, _ in values), tuple(d for _, d in values))
