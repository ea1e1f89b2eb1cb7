"""Which block a single PyTorch module or tensor function becomes, for the importer.

A module with a catalogue kind becomes that kind, its params read from the module's own
attributes under the same torch names (a Conv2d's `out_channels`, `kernel_size`, ...), and
its weights keep their names. A few functions a forward calls directly (`torch.flatten`,
`F.relu`, `F.adaptive_avg_pool2d`, `x.mean((2, 3))`, ...) become the block that computes
the same. Anything else raises `NoKind` with the reason, which the tracer turns into one
line naming the node.
"""

from __future__ import annotations

import operator
from dataclasses import dataclass, field
from typing import Any, Callable

import torch
import torch.nn as nn
import torch.nn.functional as F

from playground.core import layer_modules
from playground.core.i18n import _
from playground.core.layers import CATALOGUE

Shape = tuple[int, ...]


class ImportFailure(Exception):
    """A model that cannot become a design; the message is one line naming the node or reason."""


class NoKind(Exception):
    """No block kind computes this module or function (the message says why)."""


@dataclass(frozen=True)
class LeafSpec:
    """One block to be: its kind, its params as the JSON keeps them, and where each of its
    module's state_dict entries comes from: local name -> (source key, transform), the
    transform "" (as is), "linear_to_conv" (a Linear's weight as a 1x1 kernel) or
    "to_channel_column" (a C vector as C x 1 x 1)."""

    type: str
    params: dict[str, Any]
    weights: dict[str, tuple[str, str]] = field(default_factory=dict)


def _json_value(value: Any) -> Any:
    """A pair as the design keeps it: one int when square, else [h, w]."""
    if isinstance(value, (tuple, list)):
        items = [_json_value(v) for v in value]
        return items[0] if len(items) == 2 and items[0] == items[1] else items
    return value


def params_of(kind: str, values: dict[str, Any]) -> dict[str, Any]:
    """The block's params as the design keeps them: torch defaults left out, square pairs
    as one int, the rest as [h, w]."""
    out: dict[str, Any] = {}
    for p in CATALOGUE[kind].params:
        if p.name not in values:
            continue
        value = _json_value(values[p.name])
        if p.required or value != p.default:
            out[p.name] = value
    return out


def _weights(module: nn.Module, qualname: str, transform: dict[str, str] | None = None) -> dict[str, tuple[str, str]]:
    prefix = f"{qualname}." if qualname else ""
    return {name: (prefix + name, (transform or {}).get(name, "")) for name in module.state_dict()}


def _attrs(module: nn.Module, kind: str) -> dict[str, Any]:
    """The catalogue params of `kind` read from the module's attributes of the same names;
    `bias` (a tensor or None on the module) is whether there is one."""
    values: dict[str, Any] = {}
    for p in CATALOGUE[kind].params:
        if not hasattr(module, p.name):
            continue
        value = getattr(module, p.name)
        if p.name == "bias" and p.kind == "bool":
            value = value is not None and value is not False
        values[p.name] = value
    return values


def _same(kind: str) -> Callable[[nn.Module, Shape, str], list[LeafSpec]]:
    """Modules whose attributes are the kind's params, under the same names."""
    def translate(module: nn.Module, shape: Shape, qualname: str) -> list[LeafSpec]:
        return [LeafSpec(kind, params_of(kind, _attrs(module, kind)), _weights(module, qualname))]
    return translate


def _avg_pool(module: nn.Module, shape: Shape, qualname: str) -> list[LeafSpec]:
    if getattr(module, "divisor_override", None) is not None:
        raise NoKind(_("AvgPool2d with divisor_override has no block form"))
    return _same("AvgPool2d")(module, shape, qualname)


def _adaptive(kind: str) -> Callable[[nn.Module, Shape, str], list[LeafSpec]]:
    def translate(module: nn.Module, shape: Shape, qualname: str) -> list[LeafSpec]:
        size = module.output_size
        if getattr(module, "return_indices", False):
            raise NoKind(_("{kind} with return_indices gives two values; a block gives one").format(kind=kind))
        sizes = size if isinstance(size, (tuple, list)) else (size, size)
        sizes = tuple(shape[1 + i] if s is None else s for i, s in enumerate(sizes))
        return [LeafSpec(kind, params_of(kind, {"output_size": sizes}))]
    return translate


def _max_pool(module: nn.Module, shape: Shape, qualname: str) -> list[LeafSpec]:
    if module.return_indices:
        raise NoKind(_("{kind} with return_indices gives two values; a block gives one").format(kind="MaxPool2d"))
    return _same("MaxPool2d")(module, shape, qualname)


def _layer_norm(module: nn.Module, shape: Shape, qualname: str) -> list[LeafSpec]:
    if tuple(module.normalized_shape) != tuple(shape):
        raise NoKind(_("LayerNorm over {over} of a {shape} input; a LayerNorm block normalises all of a sample "
                       "(use LayerNorm2d for the channels of a map)").format(
            over=tuple(module.normalized_shape), shape=shape))
    return _same("LayerNorm")(module, shape, qualname)


def _layer_norm2d(module: nn.Module, shape: Shape, qualname: str) -> list[LeafSpec]:
    if len(shape) != 3 or tuple(module.normalized_shape) != (shape[0],):
        raise NoKind(_("LayerNorm2d over {over} of a {shape} input").format(over=tuple(module.normalized_shape),
                                                                             shape=shape))
    return _same("LayerNorm2d")(module, shape, qualname)


def _upsample(module: nn.Module, shape: Shape, qualname: str) -> list[LeafSpec]:
    if module.align_corners:
        raise NoKind(_("Upsample with align_corners=True has no block form (the block uses torch's default)"))
    factor = module.scale_factor
    if factor is not None:
        factors = factor if isinstance(factor, (tuple, list)) else (factor, factor)
        if not all(float(f).is_integer() for f in factors):
            raise NoKind(_("Upsample by {factor}; the block scales by whole factors (or to a size)").format(
                factor=factor))
        factor = [int(f) for f in factors]
    return [LeafSpec("Upsample", params_of("Upsample", {"size": module.size, "scale_factor": factor,
                                                         "mode": module.mode}))]


def _zero_pad(module: nn.Module, shape: Shape, qualname: str) -> list[LeafSpec]:
    left, right, top, bottom = module.padding
    if left != right or top != bottom:
        raise NoKind(_("ZeroPad2d{padding} pads unevenly; the block pads each side of H and W alike").format(
            padding=module.padding))
    return [LeafSpec("ZeroPad2d", params_of("ZeroPad2d", {"padding": (top, left)}))]


def _prelu(module: nn.Module, shape: Shape, qualname: str) -> list[LeafSpec]:
    values = {"num_parameters": module.num_parameters, "init": float(getattr(module, "init", 0.25))}
    return [LeafSpec("PReLU", params_of("PReLU", values), _weights(module, qualname))]


def _softmax(kind: str) -> Callable[[nn.Module, Shape, str], list[LeafSpec]]:
    def translate(module: nn.Module, shape: Shape, qualname: str) -> list[LeafSpec]:
        dim = module.dim if module.dim is not None else 1
        return [LeafSpec(kind, {"dim": dim})]
    return translate


def _stochastic_depth(module: nn.Module, shape: Shape, qualname: str) -> list[LeafSpec]:
    return [LeafSpec("StochasticDepth", {"p": float(module.p), "mode": module.mode})]


def _torchvision_classes() -> dict[type, Callable[[nn.Module, Shape, str], list[LeafSpec]]]:
    from torchvision.models.convnext import LayerNorm2d as TorchvisionLayerNorm2d
    from torchvision.ops import StochasticDepth

    return {TorchvisionLayerNorm2d: _layer_norm2d, StochasticDepth: _stochastic_depth}


_MODULES: dict[type, Callable[[nn.Module, Shape, str], list[LeafSpec]]] = {
    nn.Conv2d: _same("Conv2d"),
    nn.ConvTranspose2d: _same("ConvTranspose2d"),
    nn.MaxPool2d: _max_pool,
    nn.AvgPool2d: _avg_pool,
    nn.AdaptiveAvgPool2d: _adaptive("AdaptiveAvgPool2d"),
    nn.AdaptiveMaxPool2d: _adaptive("AdaptiveMaxPool2d"),
    nn.BatchNorm2d: _same("BatchNorm2d"),
    nn.BatchNorm1d: _same("BatchNorm1d"),
    nn.LayerNorm: _layer_norm,
    nn.InstanceNorm2d: _same("InstanceNorm2d"),
    nn.GroupNorm: _same("GroupNorm"),
    nn.LocalResponseNorm: _same("LocalResponseNorm"),
    nn.ReLU: _same("ReLU"),
    nn.ReLU6: _same("ReLU6"),
    nn.LeakyReLU: _same("LeakyReLU"),
    nn.ELU: _same("ELU"),
    nn.GELU: _same("GELU"),
    nn.SiLU: _same("SiLU"),
    nn.Sigmoid: _same("Sigmoid"),
    nn.Tanh: _same("Tanh"),
    nn.Hardswish: _same("Hardswish"),
    nn.Hardsigmoid: _same("Hardsigmoid"),
    nn.Mish: _same("Mish"),
    nn.PReLU: _prelu,
    nn.Softmax: _softmax("Softmax"),
    nn.LogSoftmax: _softmax("LogSoftmax"),
    nn.Dropout: _same("Dropout"),
    nn.Dropout2d: _same("Dropout2d"),
    nn.AlphaDropout: _same("AlphaDropout"),
    nn.Flatten: _same("Flatten"),
    nn.Identity: _same("Identity"),
    nn.Linear: _same("Linear"),
    nn.ZeroPad2d: _zero_pad,
    nn.Upsample: _upsample,
    nn.PixelShuffle: _same("PixelShuffle"),
    nn.ChannelShuffle: _same("ChannelShuffle"),
    layer_modules.LayerNorm2d: _layer_norm2d,
    layer_modules.LayerScale: _same("LayerScale"),
    layer_modules.ChannelSlice: _same("ChannelSlice"),
}


def _translators() -> dict[type, Callable[[nn.Module, Shape, str], list[LeafSpec]]]:
    return {**_MODULES, **_torchvision_classes()}


def has_module_kind(module: nn.Module) -> bool:
    """Whether the tracer keeps this module whole (it is one block)."""
    return type(module) in _translators()


def module_specs(module: nn.Module, shape: Shape, qualname: str) -> list[LeafSpec]:
    """The block(s) one call of a module with a kind (`has_module_kind`) becomes; NoKind
    when its settings have no block form."""
    return _translators()[type(module)](module, shape, qualname)


def channels_last_specs(module: nn.Module, shape: Shape, qualname: str) -> list[LeafSpec]:
    """A module applied to a map permuted to N x H x W x C (`shape` is its C x H x W form):
    its channels-first block. LayerNorm over C is LayerNorm2d, a Linear is a 1x1 Conv2d."""
    channels = shape[0]
    if isinstance(module, nn.LayerNorm) and tuple(module.normalized_shape) == (channels,):
        return _same("LayerNorm2d")(module, shape, qualname)
    if isinstance(module, nn.Linear) and module.in_features == channels:
        values = {"out_channels": module.out_features, "kernel_size": 1, "bias": module.bias is not None}
        return [LeafSpec("Conv2d", params_of("Conv2d", values),
                         _weights(module, qualname, {"weight": "linear_to_conv"}))]
    if type(module) in _ELEMENTWISE_MODULES:
        return module_specs(module, shape, qualname)
    raise NoKind(_("no block kind does what {module} does on channels-last values").format(
        module=type(module).__name__))


_ELEMENTWISE_MODULES = (nn.ReLU, nn.ReLU6, nn.GELU, nn.SiLU, nn.Sigmoid, nn.Tanh, nn.Hardswish, nn.Hardsigmoid,
                        nn.Mish, nn.LeakyReLU, nn.ELU, nn.Dropout, nn.AlphaDropout, nn.Identity)


# ---------------------------------------------------------------- functions

def wrapped_functions() -> tuple[Callable[..., Any], ...]:
    """Functions the tracer records as one node instead of tracing into them."""
    from torchvision.models.shufflenetv2 import channel_shuffle

    return (channel_shuffle,)


def class_name(cls: type) -> str:
    """torch.nn.Conv2d rather than torch.nn.modules.conv.Conv2d, where torch.nn exports it."""
    if getattr(nn, cls.__name__, None) is cls:
        return f"torch.nn.{cls.__name__}"
    return f"{cls.__module__}.{cls.__qualname__}"


def function_name(target: Any) -> str:
    if isinstance(target, str):
        return f"Tensor.{target}"
    module = getattr(target, "__module__", None) or ""
    name = getattr(target, "__qualname__", None) or getattr(target, "__name__", None) or repr(target)
    if name.startswith("_VariableFunctionsClass."):  # torch.cat and the other C functions
        return f"torch.{name.split('.', 1)[1]}"
    if module == "torch._C._nn":  # F.avg_pool2d and the other C functions of torch.nn.functional
        return f"torch.nn.functional.{name}"
    if module in ("_operator", "operator"):
        return f"operator.{name}"
    if module.startswith("torch") or module.startswith("torchvision"):
        return f"{module}.{name}" if module not in ("torch._C._VariableFunctions", "torch._C") else f"torch.{name}"
    return f"{module}.{name}" if module else name


_ROLES: dict[Any, str] = {
    operator.add: "add", operator.iadd: "add", torch.add: "add", "add": "add", "add_": "add",
    operator.mul: "mul", operator.imul: "mul", torch.mul: "mul", "mul": "mul", "mul_": "mul",
    torch.cat: "cat", torch.concat: "cat", torch.concatenate: "cat",
    torch.chunk: "chunk", "chunk": "chunk",
    operator.getitem: "getitem",
    torch.permute: "permute", "permute": "permute",
    "contiguous": "alias",
}


def function_role(target: Any) -> str:
    """How the tracer treats a function: a join, a rewrite, an alias, or "block" (`function_specs`)."""
    try:
        return _ROLES.get(target, "block")
    except TypeError:  # an unhashable target
        return "block"


def _arg(args: list[Any], kwargs: dict[str, Any], index: int, name: str, default: Any = None) -> Any:
    """A function's argument by position (after the input) or name."""
    if len(args) > index:
        return args[index]
    return kwargs.get(name, default)


def _activation(kind: str, **fixed: Any) -> Callable[[list[Any], dict[str, Any], Shape, Shape | None], list[LeafSpec]]:
    def translate(args: list[Any], kwargs: dict[str, Any], shape: Shape, out: Shape | None) -> list[LeafSpec]:
        return [LeafSpec(kind, params_of(kind, fixed))]
    return translate


def _flatten(args: list[Any], kwargs: dict[str, Any], shape: Shape, out: Shape | None) -> list[LeafSpec]:
    start, end = _arg(args, kwargs, 0, "start_dim", 0), _arg(args, kwargs, 1, "end_dim", -1)
    if start == 0:
        raise NoKind(_("it flattens the batch dimension too; a Flatten block keeps it (start_dim >= 1)"))
    return [LeafSpec("Flatten", params_of("Flatten", {"start_dim": start, "end_dim": end}))]


def _mean(args: list[Any], kwargs: dict[str, Any], shape: Shape, out: Shape | None) -> list[LeafSpec]:
    dims = _arg(args, kwargs, 0, "dim")
    keepdim = _arg(args, kwargs, 1, "keepdim", False)
    if len(shape) != 3 or dims is None or sorted(d % 4 for d in (dims if isinstance(dims, (list, tuple)) else [dims])) != [2, 3]:
        raise NoKind(_("a mean over {dims}; only the mean over H and W (global average pooling) is a block").format(
            dims=dims))
    specs = [LeafSpec("AdaptiveAvgPool2d", {"output_size": 1})]
    return specs if keepdim else specs + [LeafSpec("Flatten", {})]


def _adaptive_avg(args: list[Any], kwargs: dict[str, Any], shape: Shape, out: Shape | None) -> list[LeafSpec]:
    size = _arg(args, kwargs, 0, "output_size")
    return [LeafSpec("AdaptiveAvgPool2d", params_of("AdaptiveAvgPool2d", {"output_size": size}))]


def _pool(kind: str) -> Callable[[list[Any], dict[str, Any], Shape, Shape | None], list[LeafSpec]]:
    """F.max_pool2d / F.avg_pool2d, their arguments in the modules' order."""
    names = {"MaxPool2d": ("kernel_size", "stride", "padding", "dilation", "ceil_mode", "return_indices"),
             "AvgPool2d": ("kernel_size", "stride", "padding", "ceil_mode", "count_include_pad", "divisor_override")}[kind]

    def translate(args: list[Any], kwargs: dict[str, Any], shape: Shape, out: Shape | None) -> list[LeafSpec]:
        values = {name: _arg(args, kwargs, i, name) for i, name in enumerate(names)}
        if values.pop("return_indices", None) or values.pop("divisor_override", None) is not None:
            raise NoKind(_("{kind} with return_indices or divisor_override has no block form").format(kind=kind))
        if values["stride"] in (None, [], ()):
            values["stride"] = None
        return [LeafSpec(kind, params_of(kind, {k: v for k, v in values.items() if v is not None or k == "stride"}))]
    return translate


def _dropout(args: list[Any], kwargs: dict[str, Any], shape: Shape, out: Shape | None) -> list[LeafSpec]:
    p = _arg(args, kwargs, 0, "p", 0.5)
    return [LeafSpec("Dropout", params_of("Dropout", {"p": float(p)}))]


def _leaky(args: list[Any], kwargs: dict[str, Any], shape: Shape, out: Shape | None) -> list[LeafSpec]:
    slope = _arg(args, kwargs, 0, "negative_slope", 0.01)
    return [LeafSpec("LeakyReLU", params_of("LeakyReLU", {"negative_slope": float(slope)}))]


def _gelu(args: list[Any], kwargs: dict[str, Any], shape: Shape, out: Shape | None) -> list[LeafSpec]:
    return [LeafSpec("GELU", params_of("GELU", {"approximate": kwargs.get("approximate", "none")}))]


def _softmax_function(kind: str) -> Callable[[list[Any], dict[str, Any], Shape, Shape | None], list[LeafSpec]]:
    def translate(args: list[Any], kwargs: dict[str, Any], shape: Shape, out: Shape | None) -> list[LeafSpec]:
        dim = _arg(args, kwargs, 0, "dim")
        if not isinstance(dim, int):
            raise NoKind(_("{kind} without an explicit dim").format(kind=kind))
        return [LeafSpec(kind, {"dim": dim})]
    return translate


def _channel_shuffle(args: list[Any], kwargs: dict[str, Any], shape: Shape, out: Shape | None) -> list[LeafSpec]:
    return [LeafSpec("ChannelShuffle", {"groups": int(_arg(args, kwargs, 0, "groups"))})]


def _interpolate(args: list[Any], kwargs: dict[str, Any], shape: Shape, out: Shape | None) -> list[LeafSpec]:
    if kwargs.get("align_corners"):
        raise NoKind(_("interpolate with align_corners=True has no block form"))
    size, factor = _arg(args, kwargs, 0, "size"), _arg(args, kwargs, 1, "scale_factor")
    mode = _arg(args, kwargs, 2, "mode", "nearest")
    if factor is not None:
        factors = factor if isinstance(factor, (tuple, list)) else (factor, factor)
        if not all(float(f).is_integer() for f in factors):
            raise NoKind(_("interpolate by {factor}; the Upsample block scales by whole factors (or to a size)").format(
                factor=factor))
        factor = [int(f) for f in factors]
    return [LeafSpec("Upsample", params_of("Upsample", {"size": size, "scale_factor": factor, "mode": mode}))]


_FUNCTIONS: dict[Any, Callable[[list[Any], dict[str, Any], Shape, Shape | None], list[LeafSpec]]] = {
    torch.flatten: _flatten, "flatten": _flatten,
    torch.mean: _mean, "mean": _mean,
    F.relu: _activation("ReLU"), torch.relu: _activation("ReLU"), "relu": _activation("ReLU"),
    F.relu6: _activation("ReLU6"), F.hardswish: _activation("Hardswish"), F.hardsigmoid: _activation("Hardsigmoid"),
    F.silu: _activation("SiLU"), F.mish: _activation("Mish"), F.gelu: _gelu, F.leaky_relu: _leaky,
    torch.sigmoid: _activation("Sigmoid"), F.sigmoid: _activation("Sigmoid"), "sigmoid": _activation("Sigmoid"),
    torch.tanh: _activation("Tanh"), F.tanh: _activation("Tanh"), "tanh": _activation("Tanh"),
    F.softmax: _softmax_function("Softmax"), torch.softmax: _softmax_function("Softmax"),
    "softmax": _softmax_function("Softmax"),
    F.log_softmax: _softmax_function("LogSoftmax"), torch.log_softmax: _softmax_function("LogSoftmax"),
    "log_softmax": _softmax_function("LogSoftmax"),
    F.adaptive_avg_pool2d: _adaptive_avg, F.dropout: _dropout, F.interpolate: _interpolate,
    F.max_pool2d: _pool("MaxPool2d"), F.avg_pool2d: _pool("AvgPool2d"),
}


def function_specs(target: Any, args: list[Any], kwargs: dict[str, Any], shape: Shape,
                   out: Shape | None) -> list[LeafSpec]:
    """The block(s) a function call on one value becomes (`args` after that value)."""
    extra = {k: v for k, v in kwargs.items() if k != "inplace"}
    if target in wrapped_functions():
        return _channel_shuffle(args, extra, shape, out)
    translate = _function_translation(target)
    if translate is None:
        raise NoKind(_("no block kind does this"))
    return translate(args, extra, shape, out)


def _function_translation(target: Any) -> Callable[..., list[LeafSpec]] | None:
    """How a traced function call becomes blocks, or None (an unhashable target has none)."""
    try:
        return _FUNCTIONS.get(target)
    except TypeError:
        return None


def channels_last_function_specs(target: Any, args: list[Any], kwargs: dict[str, Any], shape: Shape) -> list[LeafSpec]:
    """Element-wise functions on channels-last values are the same blocks channels-first."""
    translate = _function_translation(target)
    if translate is None or translate in (_flatten, _mean, _adaptive_avg, _interpolate) or target in (
            F.max_pool2d, F.avg_pool2d):
        raise NoKind(_("no block kind does this"))
    return translate(args, {k: v for k, v in kwargs.items() if k != "inplace"}, shape, None)
