"""An activation's curve and its derivative, sampled for a picture.

The derivative is what backpropagation multiplies by at each layer: sigmoid's never
exceeds 0.25, so ten sigmoid layers shrink a gradient at least a million-fold, while
ReLU's is 1 wherever it is on. Both come from the kind's own torch module (its default
parameters) and autograd, so the picture is exactly what training computes.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from playground.core.i18n import _
from playground.core.layers import CATALOGUE

__all__ = ["Curve", "activation_curve", "has_curve"]

# Activations whose output at a point depends on that point alone (Softmax does not).
_POINTWISE = frozenset({"ReLU", "LeakyReLU", "ELU", "GELU", "SiLU", "Sigmoid", "Tanh", "ReLU6", "Hardswish",
                        "Hardsigmoid", "PReLU", "Mish"})


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
    """The kind's curve on [lo, hi] with torch's defaults (PReLU at its initial slope)."""
    import torch

    if kind not in _POINTWISE:
        raise KeyError(f"{kind} is not a pointwise activation")
    module = CATALOGUE[kind].call({}, (1,)).build()  # type: ignore[misc]
    x = torch.linspace(lo, hi, points, dtype=torch.float64, requires_grad=True)
    y = module.double()(x.view(1, -1)).view(-1)
    (slope,) = torch.autograd.grad(y.sum(), x)
    return Curve(kind, tuple(x.detach().tolist()), tuple(y.detach().tolist()), tuple(slope.tolist()))
