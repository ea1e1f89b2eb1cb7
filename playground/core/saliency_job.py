"""The three saliency maps for one picture and class, worked out a slice at a time.

For LeNet all three maps take a few milliseconds, but SmoothGrad sends 24 noisy copies
of the picture through the network and back: about 2 s for ResNet-18 and 10 s for
VGG-11 on a laptop CPU. Done in one go on the GUI thread, that would freeze the window.
A job does the work in slices that each fit a time budget (at least one pass through
the network each), so the window can run one slice per turn of its event loop, show
progress, and drop the job the moment the drawing changes. A small network still gets
everything in the first slice.
"""

from __future__ import annotations

import time
from typing import Callable, Sequence

import torch
import torch.nn as nn

from playground.core.inspect_model import SmoothGrad, grad_cam, input_x_gradient

Placement = tuple[Sequence[float], Sequence[float]]


class SaliencyJob:
    """Input x gradient, SmoothGrad and (given a spatial layer) Grad-CAM of `target` for `x`.

    `maps` fills in as the job runs, keyed "input_x_gradient", "smooth_grad", "grad_cam".
    """

    def __init__(self, model: nn.Module, x: torch.Tensor, target: int, mean: Sequence[float], std: Sequence[float],
                 cam_layer: nn.Module | None = None, cam_placement: Placement | None = None, samples: int = 24,
                 clock: Callable[[], float] = time.perf_counter) -> None:
        self._model, self._x, self._target, self._mean, self._std = model, x, target, mean, std
        self._cam_layer, self._cam_placement = cam_layer, cam_placement
        self._smooth = SmoothGrad(model, x, target, mean, std, samples=samples)
        self._clock = clock
        self._pass_s = 0.0  # one picture forward and back, as last measured
        self.maps: dict[str, torch.Tensor] = {}

    @property
    def total(self) -> int:
        """Passes through the network the whole job takes."""
        return 1 + self._smooth.samples + (1 if self._cam_layer is not None else 0)

    @property
    def done(self) -> int:
        return len(self.maps) - ("smooth_grad" in self.maps) + self._smooth.done

    @property
    def finished(self) -> bool:
        return self.done >= self.total

    def run(self, budget_s: float) -> bool:
        """Work for about `budget_s` seconds (at least one pass); True once every map is made."""
        start = self._clock()
        while not self.finished:
            self._step(budget_s - (self._clock() - start))
            if self._clock() - start >= budget_s:
                break
        return self.finished

    def _step(self, time_left: float) -> None:
        if "input_x_gradient" not in self.maps:
            started = self._clock()
            self.maps["input_x_gradient"] = input_x_gradient(self._model, self._x, self._target, self._mean, self._std)
            self._pass_s = self._clock() - started
        elif not self._smooth.finished:
            fits = int(time_left / self._pass_s) if self._pass_s > 0 else self._smooth.samples
            count = min(max(1, fits), self._smooth.samples - self._smooth.done)
            started = self._clock()
            self._smooth.step(count)
            self._pass_s = (self._clock() - started) / count  # a batch costs less per copy: fit more next time
            if self._smooth.finished:
                self.maps["smooth_grad"] = self._smooth.result()
        else:
            self.maps["grad_cam"] = grad_cam(self._model, self._x, self._target, self._mean, self._std,
                                             self._cam_layer, self._cam_placement)
