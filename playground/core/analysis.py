"""Per-block analysis: shapes, parameters, MACs, receptive field, memory and errors.

Like torchinfo, but it never allocates weights: every block is built on the meta device
and fed a meta tensor, so a VGG-sized design costs shapes, not gigabytes. Errors are
attached to the block that causes them, in words a learner understands, and the walk goes
on past them wherever the shape flowing on is still known.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import torch
import torch.nn as nn

from playground.core.design import Block, BlockPath, Design, json_path, walk
from playground.core.layers import make_module

Shape = tuple[int, ...]
BYTES_PER_VALUE = 4  # float32

_SPATIAL_WINDOW = {"Conv2d", "MaxPool2d", "AvgPool2d"}
_NEEDS_CHW = {"Conv2d", "ConvTranspose2d", "MaxPool2d", "AvgPool2d", "AdaptiveAvgPool2d",
              "AdaptiveMaxPool2d", "BatchNorm2d", "InstanceNorm2d", "GroupNorm", "LocalResponseNorm",
              "Dropout2d"}
_NEEDS_FLAT = {"Linear", "BatchNorm1d"}


@dataclass(frozen=True)
class ReceptiveField:
    """How much of the input one output cell sees (size), the step between neighbouring
    cells in input pixels (jump), and the centre of the first cell (start), per (h, w)."""

    size: tuple[int, int]
    jump: tuple[float, float]
    start: tuple[float, float]

    def text(self) -> str:
        h, w = self.size
        return f"{h}" if h == w else f"{h}x{w}"


@dataclass
class LayerInfo:
    """One row of the analysis: one block, nested ones included."""

    path: BlockPath
    json_path: str
    block_id: str
    type: str
    depth: int
    label: str | None = None
    input_shape: Shape | None = None
    output_shape: Shape | None = None
    params: int = 0
    trainable_params: int = 0
    macs: int = 0
    receptive_field: ReceptiveField | None = None
    activation_bytes: int = 0
    error: str | None = None
    warning: str | None = None
    # Composite rows total their children; leaf rows are counted once in the totals.
    composite: bool = False


@dataclass
class Analysis:
    rows: list[LayerInfo] = field(default_factory=list)
    input_shape: Shape = ()
    output_shape: Shape | None = None

    @property
    def by_id(self) -> dict[str, LayerInfo]:
        return {r.block_id: r for r in self.rows}

    @property
    def leaves(self) -> list[LayerInfo]:
        return [r for r in self.rows if not r.composite]

    @property
    def total_params(self) -> int:
        return sum(r.params for r in self.leaves)

    @property
    def trainable_params(self) -> int:
        return sum(r.trainable_params for r in self.leaves)

    @property
    def total_macs(self) -> int:
        return sum(r.macs for r in self.leaves)

    @property
    def weight_bytes(self) -> int:
        return self.total_params * BYTES_PER_VALUE

    @property
    def activation_bytes(self) -> int:
        return sum(r.activation_bytes for r in self.leaves)

    @property
    def errors(self) -> list[tuple[str, str]]:
        return [(r.json_path, r.error) for r in self.rows if r.error]

    @property
    def warnings(self) -> list[tuple[str, str]]:
        return [(r.json_path, r.warning) for r in self.rows if r.warning]

    @property
    def ok(self) -> bool:
        return not self.errors and self.output_shape is not None


def shape_text(shape: Shape | None) -> str:
    """6 x 28 x 28, or a dash when unknown."""
    return " x ".join(str(s) for s in shape) if shape else "—"


def _pair(v: Any) -> tuple[int, int]:
    if isinstance(v, (list, tuple)):
        return int(v[0]), int(v[1])
    return int(v), int(v)


class _BlockError(Exception):
    """A learner-facing message about one block."""


def _window_checks(block: Block, shape: Shape) -> None:
    """Kernel, padding and group checks that torch reports cryptically."""
    p = block.resolved_params()
    c, h, w = shape
    k = _pair(p["kernel_size"])
    d = _pair(p.get("dilation", 1))
    eff = (d[0] * (k[0] - 1) + 1, d[1] * (k[1] - 1) + 1)
    pad = p.get("padding", 0)
    stride = p.get("stride") or p["kernel_size"]
    s = _pair(stride)
    if block.type == "Conv2d":
        groups = p["groups"]
        if c % groups:
            raise _BlockError(f"groups={groups} does not divide the {c} input channels")
        if p["out_channels"] % groups:
            raise _BlockError(f"groups={groups} does not divide out_channels={p['out_channels']}")
        if pad == "same" and s != (1, 1):
            raise _BlockError('padding "same" needs stride 1; use a number for padding with stride > 1')
    if pad == "same":
        return
    pp = (0, 0) if pad == "valid" else _pair(pad)
    if block.type in ("MaxPool2d", "AvgPool2d"):
        half = (eff[0] // 2, eff[1] // 2) if block.type == "MaxPool2d" else (k[0] // 2, k[1] // 2)
        if pp[0] > half[0] or pp[1] > half[1]:
            raise _BlockError(f"padding {pp[0]} is more than half the {k[0]}x{k[1]} window; use at most {half[0]}")
    if h + 2 * pp[0] < eff[0] or w + 2 * pp[1] < eff[1]:
        dil = f" (dilated to {eff[0]}x{eff[1]})" if eff != k else ""
        raise _BlockError(
            f"kernel {k[0]}x{k[1]}{dil} is larger than its padded input {h + 2 * pp[0]}x{w + 2 * pp[1]}; "
            "use a smaller kernel, more padding, or less pooling before it")


def _check_input(block: Block, shape: Shape) -> None:
    t = block.type
    if t in _NEEDS_CHW and len(shape) != 3:
        raise _BlockError(f"{t} needs a C x H x W input but gets a flat vector of {shape_text(shape)} "
                          "features; move it before Flatten")
    if t in _NEEDS_FLAT and len(shape) != 1:
        raise _BlockError(f"{t} needs a flat vector but gets {shape_text(shape)}; add a Flatten block before it")
    if t in _SPATIAL_WINDOW:
        _window_checks(block, shape)
    if t == "GroupNorm":
        g = block.params["num_groups"]
        if shape[0] % g:
            raise _BlockError(f"num_groups={g} does not divide the {shape[0]} channels")
    if t == "ConvTranspose2d":
        p = block.resolved_params()
        if shape[0] % p["groups"] or p["out_channels"] % p["groups"]:
            raise _BlockError(f"groups={p['groups']} must divide both {shape[0]} input and "
                              f"{p['out_channels']} output channels")


def _macs(block: Block, module: nn.Module, in_shape: Shape, out_shape: Shape) -> int:
    if isinstance(module, nn.Conv2d):
        kh, kw = module.kernel_size
        return math.prod(out_shape) * (module.in_channels // module.groups) * kh * kw
    if isinstance(module, nn.ConvTranspose2d):
        kh, kw = module.kernel_size
        return math.prod(in_shape) * (module.out_channels // module.groups) * kh * kw
    if isinstance(module, nn.Linear):
        return module.in_features * module.out_features
    return 0


def _receptive(block: Block, rf: ReceptiveField | None, in_shape: Shape, out_shape: Shape
               ) -> ReceptiveField | None:
    """The standard recurrence: r += (k_eff - 1) * j; start += ((k_eff - 1)/2 - p) * j; j *= s."""
    if rf is None or len(out_shape) != 3:
        return None
    t = block.type
    if t == "ConvTranspose2d":
        return None
    if t in _SPATIAL_WINDOW:
        p = block.resolved_params()
        k = _pair(p["kernel_size"])
        d = _pair(p.get("dilation", 1))
        s = _pair(p.get("stride") or p["kernel_size"])
        pad = p.get("padding", 0)
        eff = (d[0] * (k[0] - 1) + 1, d[1] * (k[1] - 1) + 1)
        if pad == "same":
            pp = ((eff[0] - 1) // 2, (eff[1] - 1) // 2)
        elif pad == "valid":
            pp = (0, 0)
        else:
            pp = _pair(pad)
    elif t in ("AdaptiveAvgPool2d", "AdaptiveMaxPool2d"):
        # Windows of at most ceil(H/out) cells, placed every H/out cells.
        k = eff = (math.ceil(in_shape[1] / out_shape[1]), math.ceil(in_shape[2] / out_shape[2]))
        s = (max(1, in_shape[1] // out_shape[1]), max(1, in_shape[2] // out_shape[2]))
        pp = (0, 0)
    else:
        return rf
    size = tuple(int(rf.size[i] + (eff[i] - 1) * rf.jump[i]) for i in range(2))
    start = tuple(rf.start[i] + ((eff[i] - 1) / 2 - pp[i]) * rf.jump[i] for i in range(2))
    jump = tuple(rf.jump[i] * s[i] for i in range(2))
    return ReceptiveField(size, jump, start)  # type: ignore[arg-type]


class _Walker:
    def __init__(self, design: Design) -> None:
        self.design = design
        self.rows: list[LayerInfo] = []

    def run_list(self, blocks: tuple[Block, ...], prefix: tuple[int, ...], shape: Shape | None,
                 rf: ReceptiveField | None, depth: int) -> tuple[Shape | None, ReceptiveField | None]:
        for i, block in enumerate(blocks):
            shape, rf = self.run_block(block, prefix + (i,), shape, rf, depth)
        return shape, rf

    def run_block(self, block: Block, path: BlockPath, shape: Shape | None,
                  rf: ReceptiveField | None, depth: int) -> tuple[Shape | None, ReceptiveField | None]:
        row = LayerInfo(path, json_path(self.design, path), block.id, block.type, depth, block.label,
                        input_shape=shape, composite=block.kind.composite)
        self.rows.append(row)
        if block.kind.composite:
            out, rf_out = self.run_composite(block, row, path, shape, rf, depth)
            start = self.rows.index(row) + 1
            inner = [r for r in self.rows[start:] if not r.composite]
            row.params = sum(r.params for r in inner)
            row.trainable_params = sum(r.trainable_params for r in inner)
            row.macs = sum(r.macs for r in inner)
        else:
            out, rf_out = self.run_leaf(block, row, shape, rf)
        row.output_shape = out
        row.receptive_field = rf_out
        if out is not None:
            row.activation_bytes = math.prod(out) * BYTES_PER_VALUE
        return out, rf_out

    def run_leaf(self, block: Block, row: LayerInfo, shape: Shape | None, rf: ReceptiveField | None
                 ) -> tuple[Shape | None, ReceptiveField | None]:
        if shape is None:
            return None, None
        try:
            _check_input(block, shape)
            with torch.device("meta"):
                module = make_module(block.type, block.params, shape)
                out = module(torch.empty((2,) + tuple(shape), device="meta"))
        except _BlockError as exc:
            row.error = str(exc)
            return None, None
        except (RuntimeError, ValueError, TypeError, IndexError) as exc:
            row.error = _torch_message(block, exc)
            return None, None
        out_shape = tuple(int(s) for s in out.shape[1:])
        if any(s <= 0 for s in out_shape):
            row.error = f"output size would be {shape_text(out_shape)}: the input is too small for this block"
            return None, None
        row.params = sum(p.numel() for p in module.parameters())
        row.trainable_params = sum(p.numel() for p in module.parameters() if p.requires_grad)
        row.macs = _macs(block, module, shape, out_shape)
        return out_shape, _receptive(block, rf, shape, out_shape)

    def run_composite(self, block: Block, row: LayerInfo, path: BlockPath, shape: Shape | None,
                      rf: ReceptiveField | None, depth: int) -> tuple[Shape | None, ReceptiveField | None]:
        outs = [self.run_list(child, path + (c,), shape, rf, depth + 1) for c, child in enumerate(block.children)]
        if shape is None:
            return None, None
        if block.type == "Sequential":
            return outs[0]
        if any(o[0] is None for o in outs):
            return None, None  # the child's own error says why
        if block.type == "Residual":
            (body, body_rf), (short, short_rf) = outs
            if body != short:
                if not block.children[1]:
                    hint = ""
                    if len(body) == 3 and len(shape) == 3:
                        stride = shape[1] // body[1] if body[1] else 1
                        s = f", stride {stride}" if stride > 1 else ""
                        hint = f"; add a 1x1 Conv2d shortcut ({body[0]} channels{s}) to project it"
                    row.error = (f"the body turns {shape_text(shape)} into {shape_text(body)} but the shortcut is "
                                 f"identity ({shape_text(shape)}), so they cannot be added{hint}")
                else:
                    row.error = (f"body gives {shape_text(body)} but shortcut gives {shape_text(short)}; "
                                 "both must match to be added")
                return None, None
            return body, _wider(body_rf, short_rf)
        # Concat
        shapes = [o[0] for o in outs]
        if any(len(s) != len(shapes[0]) for s in shapes) or (len(shapes[0]) == 3 and len({s[1:] for s in shapes}) > 1):
            sizes = ", ".join(shape_text(s[1:]) if len(s) == 3 else shape_text(s) for s in shapes)
            row.error = f"branches give different sizes ({sizes}); all branches must keep the same H x W"
            return None, None
        out = (sum(s[0] for s in shapes),) + tuple(shapes[0][1:])
        rf_out = None
        for _, r in outs:
            rf_out = _wider(rf_out, r)
        return out, rf_out


def _wider(a: ReceptiveField | None, b: ReceptiveField | None) -> ReceptiveField | None:
    if a is None:
        return b
    if b is None:
        return a
    return a if a.size[0] * a.size[1] >= b.size[0] * b.size[1] else b


def _torch_message(block: Block, exc: Exception) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else exc.__class__.__name__
    return f"{block.type} cannot run on this input: {text}"


def analyze(design: Design, num_classes: int | None = None) -> Analysis:
    """Analyse every block of a design. `num_classes` adds a warning when the output width
    does not match the dataset's classes."""
    walker = _Walker(design)
    c, h, w = design.input
    rf0 = ReceptiveField((1, 1), (1.0, 1.0), (0.0, 0.0))
    out, _ = walker.run_list(design.layers, (), tuple(design.input), rf0, 0)
    result = Analysis(walker.rows, (c, h, w), out)
    if num_classes is not None and out is not None and walker.rows:
        last = [r for r in walker.rows if r.depth == 0][-1]
        if out != (num_classes,):
            last.warning = (f"the network gives {shape_text(out)} outputs but the dataset has {num_classes} "
                            f"classes; end with Flatten and Linear(out_features={num_classes})")
    return result


def analysis_by_path(analysis: Analysis) -> dict[BlockPath, LayerInfo]:
    return {r.path: r for r in analysis.rows}


def iter_design_paths(design: Design) -> list[BlockPath]:
    return [p for p, _ in walk(design)]
