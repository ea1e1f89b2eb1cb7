"""Looking inside a built network: block outputs, kernels and what drove a prediction.

Everything here takes a plain `nn.Module` built by `playground.core.builder` plus the
design it came from, and inputs in [0, 1] (the picture as the person sees it); the
dataset's normalisation is applied here, so saliency maps are gradients with respect to
the picture itself. Feature maps come from forward hooks that are removed again before
returning, so the model is left exactly as it was.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Mapping, Sequence

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

from playground.core.datasets import paddable
from playground.core.builder import module_names
from playground.core.design import Block, BlockPath, Design


@dataclass(frozen=True)
class BlockRef:
    """One block of a design together with the module the builder made for it."""

    path: BlockPath
    block: Block
    module: nn.Module

    @property
    def block_id(self) -> str:
        return self.block.id

    @property
    def depth(self) -> int:
        return len(self.path) // 2

    @property
    def title(self) -> str:
        """What a picker shows: the label where there is one, else type and id."""
        return f"{self.block.label} ({self.block.type})" if self.block.label else f"{self.block.type} {self.block.id}"


def block_modules(design: Design, model: nn.Module) -> list[BlockRef]:
    """Every block in reading order (nested ones too), each with its module.

    Walks the design and the built module tree side by side, using the builder's own
    naming (`module_names`: ids, made safe for torch) and each composite kind's layout
    (`Composite.child_container`) rather than guessing from module names.
    """
    return list(_pair_blocks(design.layers, model, ()))


def _pair_blocks(blocks: tuple[Block, ...], container: nn.Module, prefix: BlockPath) -> Iterator[BlockRef]:
    for i, (name, block) in enumerate(zip(module_names(blocks), blocks)):
        module = getattr(container, name)
        path = prefix + (i,)
        yield BlockRef(path, block, module)
        composite = block.kind.composite
        for c, children in enumerate(block.children):
            assert composite is not None, "only composite kinds have children"
            yield from _pair_blocks(children, composite.child_container(module, c), path + (c,))


def conv_blocks(refs: Sequence[BlockRef]) -> list[BlockRef]:
    """The blocks holding convolution kernels, in reading order."""
    return [ref for ref in refs if ref.block.kind.convolution]


def last_conv(refs: Sequence[BlockRef]) -> BlockRef | None:
    """The last convolution block: where Grad-CAM looks by default."""
    convs = conv_blocks(refs)
    return convs[-1] if convs else None


def grad_cam_block(refs: Sequence[BlockRef]) -> BlockRef | None:
    """Where Grad-CAM looks: the last convolution, or the activation right after it.

    Grad-CAM is defined on rectified feature maps; a Conv2d followed by ReLU in the same
    list is read after the ReLU, as in the paper's use of the last conv layer's features.
    """
    conv = last_conv(refs)
    if conv is None:
        return None
    following = conv.path[:-1] + (conv.path[-1] + 1,)
    after = next((r for r in refs if r.path == following), None)
    if after is not None and after.block.kind.group == "Activation":
        return after
    return conv


# ---------------------------------------------------------------------- inputs

def fit_input(digit: torch.Tensor, input_shape: Sequence[int]) -> torch.Tensor:
    """A 1x28x28 picture as a batch of one for a network taking (C, H, W) inputs.

    A grey input a little larger (LeNet-5's 32x32) gets a border of zeros, as the training
    digits did (`Dataset.padded_to`); other sizes are resized (bilinear, antialiased) and
    grey is repeated for colour inputs, so a drawing can still be shown to, say, a 32x32
    RGB network.
    """
    channels, height, width = (int(v) for v in input_shape)
    x = digit.reshape(1, 1, digit.shape[-2], digit.shape[-1]).float()
    if paddable((1, *x.shape[-2:]), input_shape) and (height, width) != tuple(x.shape[-2:]):
        dh, dw = height - x.shape[-2], width - x.shape[-1]
        x = F.pad(x, (dw // 2, dw - dw // 2, dh // 2, dh - dh // 2))
    elif (height, width) != tuple(x.shape[-2:]):
        x = F.interpolate(x, size=(height, width), mode="bilinear", antialias=True, align_corners=False)
    if channels != 1:
        x = x.expand(1, channels, height, width)
    return x


def normalise(x: torch.Tensor, mean: Sequence[float], std: Sequence[float]) -> torch.Tensor:
    """(x - mean) / std per channel, for a batch NxCxHxW in [0, 1]."""
    channels = x.shape[1]
    m = torch.as_tensor(_per_channel(mean, channels), dtype=x.dtype).view(1, channels, 1, 1)
    s = torch.as_tensor(_per_channel(std, channels), dtype=x.dtype).view(1, channels, 1, 1)
    return (x - m) / s


def _per_channel(values: Sequence[float], channels: int) -> list[float]:
    values = [float(v) for v in values]
    if len(values) == channels:
        return values
    if len(values) == 1:
        return values * channels
    # A grey dataset's statistics for a colour network (or the reverse): use their average.
    return [sum(values) / len(values)] * channels


# ---------------------------------------------------------------------- forward

@dataclass
class Inspection:
    """One forward pass: class probabilities and the outputs of the watched blocks."""

    logits: torch.Tensor  # (classes,)
    probabilities: torch.Tensor  # (classes,)
    activations: dict[str, torch.Tensor]  # block id -> output of the first sample, no batch dim

    @property
    def predicted(self) -> int:
        return int(self.probabilities.argmax())


def inspect(model: nn.Module, x: torch.Tensor, mean: Sequence[float], std: Sequence[float],
            watch: Mapping[str, nn.Module] | None = None) -> Inspection:
    """Classify a batch-of-one input in [0, 1] and capture the outputs of `watch`'s modules."""
    captured: dict[str, torch.Tensor] = {}
    handles = []
    for block_id, module in (watch or {}).items():
        def keep(_m: nn.Module, _inp: object, out: torch.Tensor, block_id: str = block_id) -> None:
            captured[block_id] = out[0].detach()
        handles.append(module.register_forward_hook(keep))
    try:
        with torch.inference_mode():
            logits = model(normalise(x, mean, std))
    finally:
        for handle in handles:
            handle.remove()
    logits = logits.reshape(logits.shape[0], -1)[0].float()
    return Inspection(logits, torch.softmax(logits, dim=0), captured)


# ---------------------------------------------------------------------- kernels

def kernels(module: nn.Module) -> np.ndarray:
    """A conv block's weights as (out_channels, in_channels_per_group, kh, kw) float32.

    ConvTranspose2d stores (in, out/groups, kh, kw); it is swapped so rows are always
    output channels.
    """
    weight = getattr(module, "weight", None)
    if not isinstance(weight, torch.Tensor) or weight.dim() != 4:
        raise ValueError(f"{type(module).__name__} has no 2-D convolution kernels")
    w = weight.detach().float().cpu()
    if isinstance(module, nn.ConvTranspose2d):
        w = w.transpose(0, 1)
    return w.numpy().copy()


# ---------------------------------------------------------------------- saliency

def _class_score(model: nn.Module, x: torch.Tensor, mean: Sequence[float], std: Sequence[float],
                 target: int) -> torch.Tensor:
    logits = model(normalise(x, mean, std))
    return logits.reshape(logits.shape[0], -1)[:, target].sum()


def input_x_gradient(model: nn.Module, x: torch.Tensor, target: int,
                     mean: Sequence[float], std: Sequence[float]) -> torch.Tensor:
    """HxW map: picture x d(score of `target`)/d(picture), summed over channels.

    Positive where the ink present raises the class score, negative where it lowers it;
    zero on blank background (there is no ink there to take credit).
    """
    x = x.detach().clone().requires_grad_(True)
    with torch.enable_grad():
        (grad,) = torch.autograd.grad(_class_score(model, x, mean, std, target), x)
    return (x.detach() * grad)[0].sum(0)


class SmoothGrad:
    """SmoothGrad (Smilkov et al. 2017), a few noisy copies at a time.

    Plain gradients are speckled; averaging them over `samples` copies of the picture
    with Gaussian noise (std `noise` on the [0, 1] scale) shows the shape that matters.
    Positive: more ink here would raise the score. The noise is drawn once, up front,
    from the seed, so the map is the same however the copies are split into `step`s: a
    big network can be given a few at a time between other work.
    """

    def __init__(self, model: nn.Module, x: torch.Tensor, target: int, mean: Sequence[float],
                 std: Sequence[float], samples: int = 24, noise: float = 0.15, seed: int = 0) -> None:
        generator = torch.Generator().manual_seed(seed)
        base = x.detach()
        self._noisy = base + noise * torch.randn((samples, *base.shape[1:]), generator=generator)
        self._grad_sum = torch.zeros(base.shape[1:])
        self._model, self._target, self._mean, self._std = model, target, mean, std
        self.done = 0

    @property
    def samples(self) -> int:
        return int(self._noisy.shape[0])

    @property
    def finished(self) -> bool:
        return self.done >= self.samples

    def step(self, count: int) -> None:
        """Send the next `count` noisy copies through the network and back (as one batch)."""
        batch = self._noisy[self.done:self.done + max(1, count)].clone().requires_grad_(True)
        with torch.enable_grad():
            (grad,) = torch.autograd.grad(_class_score(self._model, batch, self._mean, self._std, self._target), batch)
        self._grad_sum += grad.sum(0)
        self.done += int(batch.shape[0])

    def result(self) -> torch.Tensor:
        """HxW map: the mean gradient over all copies, summed over channels."""
        if not self.finished:
            raise RuntimeError(f"SmoothGrad has done {self.done} of its {self.samples} copies")
        return (self._grad_sum / self.samples).sum(0)


def smooth_grad(model: nn.Module, x: torch.Tensor, target: int, mean: Sequence[float], std: Sequence[float],
                samples: int = 24, noise: float = 0.15, seed: int = 0) -> torch.Tensor:
    """HxW map: the class score's gradient averaged over noisy copies of the picture (see
    SmoothGrad), all copies through the network as one batch."""
    job = SmoothGrad(model, x, target, mean, std, samples, noise, seed)
    job.step(job.samples)
    return job.result()


def grad_cam(model: nn.Module, x: torch.Tensor, target: int, mean: Sequence[float], std: Sequence[float],
             layer: nn.Module, placement: tuple[Sequence[float], Sequence[float]] | None = None) -> torch.Tensor:
    """HxW map in [0, 1]: Grad-CAM (Selvaraju et al. 2017) of `layer`, brought to the input's size.

    The layer's channels are weighted by the average gradient of the class score over
    each channel, summed and rectified: where that layer saw evidence for the class.
    `placement` = (start, jump) per (h, w) from the receptive field (the input position
    of the first unit's centre and the step between units) puts each unit over the
    pixels it looks at; without it the map is stretched over the input, which shifts it
    when the layer's convolutions had no padding.
    """
    seen: list[torch.Tensor] = []

    def keep(_m: nn.Module, _inp: object, out: torch.Tensor) -> None:
        seen.append(out)

    handle = layer.register_forward_hook(keep)
    try:
        with torch.enable_grad():
            inp = x.detach().clone().requires_grad_(True)  # makes the hooked output part of the graph
            score = _class_score(model, inp, mean, std, target)
            if not seen or seen[0].dim() != 4:
                raise ValueError("Grad-CAM needs a block with a spatial (CxHxW) output")
            (grad,) = torch.autograd.grad(score, seen[0])
    finally:
        handle.remove()
    activation = seen[0].detach()
    weights = grad.mean(dim=(2, 3), keepdim=True)
    cam = torch.relu((weights * activation).sum(1, keepdim=True))
    size = (int(x.shape[-2]), int(x.shape[-1]))
    if placement is None:
        cam = F.interpolate(cam, size=size, mode="bilinear", align_corners=False)[0, 0]
    else:
        cam = _place(cam, size, placement)
    peak = float(cam.max())
    return cam / peak if peak > 0 else cam


def _place(cam: torch.Tensor, size: tuple[int, int], placement: tuple[Sequence[float], Sequence[float]]
           ) -> torch.Tensor:
    """Resample a 1x1xhxw map so unit (i, j) lands on input pixel start + (i, j) * jump."""
    (start_h, start_w), (jump_h, jump_w) = placement

    def axis(n_in: int, n_out: int, start: float, jump: float) -> torch.Tensor:
        units = (torch.arange(n_in, dtype=torch.float32) - float(start)) / float(jump)
        return units * (2.0 / (n_out - 1)) - 1.0 if n_out > 1 else torch.zeros(n_in)

    ys = axis(size[0], cam.shape[-2], start_h, jump_h)
    xs = axis(size[1], cam.shape[-1], start_w, jump_w)
    grid = torch.stack(torch.meshgrid(xs, ys, indexing="xy"), dim=-1)[None]  # (1, H, W, 2) as (x, y)
    return F.grid_sample(cam, grid, mode="bilinear", padding_mode="zeros", align_corners=True)[0, 0]
