"""A PyTorch module as a graph of block-sized steps: what the importer turns into a design.

`torch.fx` traces the module's forward symbolically. Modules with a block kind (every
catalogue kind's module, torchvision's LayerNorm2d and StochasticDepth) stay whole, so
each becomes one step; everything else is traced through down to those modules and to
plain tensor functions. Shapes come from running the graph on fake tensors (no memory,
no arithmetic). Each fx node then becomes a `Step`:

- a *leaf* step is one block (its kind, params and where its weights come from);
- an *add*, *mul* or *cat* step joins several values (a Residual, Gate or Concat to be);
- a few nodes vanish (`contiguous`, a cat of one tensor) or are rewritten so the graph
  reads as the app's blocks: `chunk` + `getitem` become ChannelSlice steps, a cat whose
  inputs start with an earlier cat's inputs reuses it (DenseNet's growing lists), and a
  channels-last stretch (`permute(0, 2, 3, 1)` ... `permute(0, 3, 1, 2)`, ConvNeXt's
  block) becomes its channels-first equivalent (LayerNorm -> LayerNorm2d, Linear -> 1x1
  Conv2d).

A node that none of this covers raises `ImportFailure` naming the node, its op and the
module it sits in. The translations of single modules and functions are in `import_ops`.
"""

from __future__ import annotations

import contextlib
import io
import json
import operator
from dataclasses import dataclass, field
from typing import Any, Iterator

import torch
import torch.fx as fx
import torch.nn as nn

from playground.core import import_ops
from playground.core.design import DesignError, block_from_json
from playground.core.formulas import BlockError
from playground.core.i18n import _
from playground.core.import_ops import ImportFailure, LeafSpec
from playground.core.layers import leaf_result
from playground.core.text import shape_text

Scope = tuple[tuple[str, str], ...]  # (qualified name, class name) of the enclosing modules, outermost first


@dataclass(eq=False)
class Step:
    """One value of the traced graph: the input, a block (leaf), or a join of values."""

    index: int
    kind: str  # "input" | "leaf" | "add" | "mul" | "cat"
    inputs: list["Step"]
    scope: Scope
    node: str
    shape: tuple[int, ...]
    leaf: LeafSpec | None = None
    # The qualified name of the module a leaf step calls ("" for a function).
    module: str = ""


@dataclass
class TracedGraph:
    """The steps in execution order (inputs before users), and the one that is returned."""

    steps: list[Step]
    output: Step
    input_shape: tuple[int, ...]
    root_class: str
    # Parameter and buffer names of the source module that some step reads.
    used_sources: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class _Chunk:
    """`x.chunk(n, dim=1)` before its pieces are picked by getitem."""

    source: Step
    pieces: int


@dataclass(frozen=True)
class _Attr:
    """A parameter or buffer read with get_attr (ConvNeXt's layer_scale)."""

    target: str
    shape: tuple[int, ...]


@dataclass(frozen=True)
class _ChannelsLast:
    """A map permuted to N x H x W x C: the steps inside act on the last dim."""

    step: Step


class _Tracer(fx.Tracer):
    """Keeps every module with a block kind whole; traces through the rest."""

    def __init__(self) -> None:
        super().__init__(autowrap_functions=import_ops.wrapped_functions())

    def is_leaf_module(self, m: nn.Module, module_qualified_name: str) -> bool:
        return import_ops.has_module_kind(m) or super().is_leaf_module(m, module_qualified_name)


class _AutogradFunction:
    """Stands in a graph for a custom autograd Function, so it is named, not traced into."""

    def __init__(self, cls: type) -> None:
        self.cls = cls
        self.__name__ = f"{cls.__name__}.apply"

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self.cls.apply(*args, **kwargs)


@contextlib.contextmanager
def _autograd_functions_as_nodes(tracer: fx.Tracer) -> Iterator[None]:
    """While tracing, `SomeFunction.apply(proxy)` records one node instead of running its
    forward on proxies (which would hide the custom function behind the ops it uses)."""
    function_class = torch.autograd.function.Function
    original = function_class.__dict__["apply"]

    def apply(cls: type, *args: Any, **kwargs: Any) -> Any:
        if any(isinstance(a, fx.Proxy) for a in (*args, *kwargs.values())):
            return tracer.create_proxy("call_function", _AutogradFunction(cls), args, kwargs)
        return original.__get__(None, cls)(*args, **kwargs)

    function_class.apply = classmethod(apply)  # type: ignore[assignment]
    try:
        yield
    finally:
        function_class.apply = original  # type: ignore[assignment]


def _scope(node: fx.Node, own: bool) -> Scope:
    """The modules a node sits in; a module call's own module is left out (`own`)."""
    stack = list(node.meta.get("nn_module_stack", {}).values())
    if own and stack:
        stack = stack[:-1]
    return tuple((str(name), cls.__name__ if isinstance(cls, type) else str(cls).rsplit(".", 1)[-1])
                 for name, cls in stack)


def where(scope: Scope, root_class: str) -> str:
    """"in layer1.0 (BasicBlock)", or "in the model's own forward (ResNet)"."""
    if not scope:
        return _("in the model's own forward ({cls})").format(cls=root_class)
    name, cls = scope[-1]
    return _("in {name} ({cls})").format(name=name, cls=cls)


def _trace(model: nn.Module, input_shape: tuple[int, ...]) -> fx.GraphModule:
    tracer = _Tracer()
    try:
        with _autograd_functions_as_nodes(tracer):
            graph = tracer.trace(model)
    except Exception as exc:  # fx's refusals: data-dependent control flow, unsupported Python
        reason = " ".join(str(exc).split()) or exc.__class__.__name__
        raise ImportFailure(_("torch.fx cannot trace {cls}'s forward ({reason})").format(
            cls=model.__class__.__name__, reason=reason[:300])) from None
    gm = fx.GraphModule(tracer.root, graph, model.__class__.__name__)
    _propagate_shapes(gm, input_shape)
    return gm


def _propagate_shapes(gm: fx.GraphModule, input_shape: tuple[int, ...]) -> None:
    """Shapes on every node, without arithmetic: meta tensors for a model built on the meta
    device, fake tensors (shapes only, no memory) for one with real weights."""
    from torch._subclasses.fake_tensor import FakeTensorMode
    from torch.fx.passes.shape_prop import ShapeProp

    tensors = [*gm.parameters(), *gm.buffers()]
    device = tensors[0].device if tensors else torch.device("cpu")
    try:
        with contextlib.redirect_stderr(io.StringIO()):  # ShapeProp prints the traceback it re-raises
            _run_shapes(gm, ShapeProp, FakeTensorMode, device, input_shape)
    except Exception as exc:  # whatever the model's forward raises on this input
        cause = exc.__cause__ or exc
        reason = " ".join(str(cause).split()) or cause.__class__.__name__
        raise ImportFailure(_("the model cannot run on a {shape} input ({reason})").format(
            shape=" x ".join(map(str, input_shape)), reason=reason[:300])) from None


def _run_shapes(gm: fx.GraphModule, shape_prop: Any, fake_mode_class: Any, device: torch.device,
                input_shape: tuple[int, ...]) -> None:
    if device.type == "meta":
        shape_prop(gm).propagate(torch.empty((2, *input_shape), device="meta"))
    else:
        mode = fake_mode_class(allow_non_fake_inputs=True)
        with mode:
            sample = torch.empty((2, *input_shape), device=device)
        shape_prop(gm, fake_mode=mode).propagate(sample)


def _shape(node: fx.Node) -> tuple[int, ...] | None:
    meta = node.meta.get("tensor_meta")
    shape = getattr(meta, "shape", None)
    return tuple(int(s) for s in shape[1:]) if shape is not None else None


class _Builder:
    """Turns fx nodes into steps, in order."""

    def __init__(self, gm: fx.GraphModule, input_shape: tuple[int, ...], root_class: str) -> None:
        self.gm = gm
        self.root_class = root_class
        self.steps: list[Step] = []
        self.env: dict[fx.Node, Any] = {}
        self.cats: list[tuple[tuple[Step, ...], Step]] = []
        self.module_calls: dict[str, str] = {}
        self.used: set[str] = set()
        self.input_shape = input_shape

    # ------------------------------------------------------------ helpers

    def fail(self, node: fx.Node, what: str, why: str) -> ImportFailure:
        return ImportFailure(_('node "{node}" ({what}) {where}: {why}').format(
            node=node.name, what=what, where=where(_scope(node, node.op == "call_module"), self.root_class), why=why))

    def step(self, kind: str, inputs: list[Step], node: fx.Node, shape: tuple[int, ...],
             leaf: LeafSpec | None = None, own: bool = False) -> Step:
        s = Step(len(self.steps), kind, inputs, _scope(node, own), node.name, shape, leaf)
        self.steps.append(s)
        return s

    def tensor(self, node: fx.Node, value: Any, what: str) -> Step:
        if isinstance(value, Step):
            return value
        raise self.fail(node, what, _("it takes a value that is not a C x H x W map or a feature vector "
                                      "flowing through the network (a constant, a size, a tuple)"))

    def chain(self, node: fx.Node, source: Step, specs: list[LeafSpec], own: bool = False) -> Step:
        """One leaf step per spec, each fed the previous; its shape from the kind's closed form."""
        current = source
        for spec in specs:
            try:
                block_from_json(json.dumps({"type": spec.type, **spec.params}))
                shape = leaf_result(spec.type, spec.params, current.shape).output_shape
            except (DesignError, BlockError) as exc:
                raise self.fail(node, f"as {spec.type}", str(exc)) from None
            current = self.step("leaf", [current], node, shape, spec, own)
            if own and len(specs) == 1:
                current.module = str(node.target)
            self.used.update(key for key, _ in spec.weights.values())
        return current

    # ------------------------------------------------------------ nodes

    def run(self) -> TracedGraph:
        output: Step | None = None
        for node in self.gm.graph.nodes:
            if node.op == "output":
                value = node.args[0]
                if not isinstance(value, fx.Node) or not isinstance(self.env.get(value), Step):
                    raise self.fail(node, "output", _("the model returns several values; a design has one output"))
                output = self.env[value]
            else:
                self.env[node] = self.visit(node)
        assert output is not None
        return TracedGraph(self.steps, output, self.input_shape, self.root_class, self.used)

    def visit(self, node: fx.Node) -> Any:
        if node.op == "placeholder":
            if any(s.kind == "input" for s in self.steps):
                raise self.fail(node, "placeholder", _("the model takes more than one input; a design takes one "
                                                       "image"))
            return self.step("input", [], node, self.input_shape)
        if node.op == "get_attr":
            value = operator.attrgetter(str(node.target))(self.gm)
            return _Attr(str(node.target), tuple(value.shape) if isinstance(value, torch.Tensor) else ())
        args = list(fx.node.map_arg(node.args, lambda n: self.env[n]))
        kwargs = dict(fx.node.map_arg(node.kwargs, lambda n: self.env[n]))
        if node.op == "call_module":
            return self.module(node, args, kwargs)
        return self.function(node, args, kwargs)

    def module(self, node: fx.Node, args: list[Any], kwargs: dict[str, Any]) -> Any:
        target = str(node.target)
        module = self.gm.get_submodule(target)
        what = f"call_module {import_ops.class_name(type(module))}"
        if not import_ops.has_module_kind(module):
            raise self.fail(node, what, _("no block kind does what {module} does").format(module=type(module).__name__))
        if len(args) != 1 or kwargs:
            raise self.fail(node, what, _("it takes {count} inputs; a block takes one").format(
                count=len(args) + len(kwargs)))
        if isinstance(args[0], _ChannelsLast):
            return self.channels_last_module(node, args[0], module, what)
        source = self.tensor(node, args[0], what)
        try:
            specs = import_ops.module_specs(module, source.shape, target)
        except import_ops.NoKind as exc:
            raise self.fail(node, what, str(exc)) from None
        self.note_call(node, specs, what)
        return self.chain(node, source, specs, own=True)

    def note_call(self, node: fx.Node, specs: list[LeafSpec], what: str) -> None:
        """A module with weights may be called once: a design has no shared weights."""
        target = str(node.target)
        if any(spec.weights for spec in specs):
            if target in self.module_calls:
                raise self.fail(node, what, _('the module is called a second time (first at node "{first}"); a '
                                              "design cannot share weights between two blocks").format(
                    first=self.module_calls[target]))
            self.module_calls[target] = node.name

    def channels_last_module(self, node: fx.Node, value: _ChannelsLast, module: nn.Module, what: str) -> Any:
        try:
            specs = import_ops.channels_last_specs(module, value.step.shape, str(node.target))
        except import_ops.NoKind as exc:
            raise self.fail(node, what, _("{reason} (between permutes to and from channels-last)").format(
                reason=exc)) from None
        self.note_call(node, specs, what)
        return _ChannelsLast(self.chain(node, value.step, specs, own=True))

    def function(self, node: fx.Node, args: list[Any], kwargs: dict[str, Any]) -> Any:
        target = node.target
        what = f"{node.op} {import_ops.function_name(target)}"
        if isinstance(target, _AutogradFunction):
            raise self.fail(node, f"custom autograd function {target.__name__}",
                            _("no block kind computes it, and its forward cannot be read as blocks"))
        role = import_ops.function_role(target)
        if role == "alias":  # x.contiguous(): the same values
            return args[0]
        if role == "getitem" and isinstance(args[0], _Chunk):
            return self.chunk_piece(node, args[0], args[1])
        if role == "chunk":
            return self.chunk(node, args, kwargs, what)
        if role == "permute":
            return self.permute(node, args, kwargs, what)
        if any(isinstance(a, _ChannelsLast) for a in args):
            value = next(a for a in args if isinstance(a, _ChannelsLast))
            try:
                specs = import_ops.channels_last_function_specs(target, args[1:], kwargs, value.step.shape)
            except import_ops.NoKind as exc:
                raise self.fail(node, what, _("{reason} (between permutes to and from channels-last)").format(reason=exc)) from None
            return _ChannelsLast(self.chain(node, value.step, specs))
        if role == "add":
            return self.add(node, args, kwargs, what)
        if role == "mul":
            return self.multiply(node, args, kwargs, what)
        if role == "cat":
            return self.cat(node, args, kwargs, what)
        if not args:
            raise self.fail(node, what, _("no block kind does this"))
        source = self.tensor(node, args[0], what)
        try:
            specs = import_ops.function_specs(target, args[1:], kwargs, source.shape, _shape(node))
        except import_ops.NoKind as exc:
            raise self.fail(node, what, str(exc)) from None
        return self.chain(node, source, specs)

    # ------------------------------------------------------------ joins and rewrites

    def add(self, node: fx.Node, args: list[Any], kwargs: dict[str, Any], what: str) -> Step:
        if len(args) != 2 or kwargs:
            raise self.fail(node, what, _("only the sum of two values flowing through the network is a block "
                                          "(a Residual)"))
        a, b = (self.tensor(node, v, what) for v in args)
        shape = _shape(node) or a.shape
        if a.shape != shape or b.shape != shape:
            raise self.fail(node, what, _("it adds {a} and {b}; a Residual adds equal shapes").format(
                a=shape_text(a.shape), b=shape_text(b.shape)))
        return self.step("add", [a, b], node, shape)

    def multiply(self, node: fx.Node, args: list[Any], kwargs: dict[str, Any], what: str) -> Step:
        if len(args) == 2 and not kwargs:
            attrs = [a for a in args if isinstance(a, _Attr)]
            steps = [a for a in args if isinstance(a, Step)]
            if len(attrs) == 1 and len(steps) == 1:
                return self.layer_scale(node, attrs[0], steps[0], what)
            if len(steps) == 2:
                shape = _shape(node) or ()
                return self.step("mul", steps, node, shape)
        raise self.fail(node, what, _("only x * body(x) (a Gate) or x * a learned per-channel factor "
                                      "(LayerScale) is a block; a constant factor has no block kind"))

    def layer_scale(self, node: fx.Node, attr: _Attr, source: Step, what: str) -> Step:
        if len(source.shape) != 3 or attr.shape not in ((source.shape[0], 1, 1), (source.shape[0],)):
            raise self.fail(node, what, _("it multiplies by a {shape} parameter; a LayerScale's factor is one per "
                                          "channel").format(shape=shape_text(attr.shape)))
        transform = "" if len(attr.shape) == 3 else "to_channel_column"
        spec = LeafSpec("LayerScale", {}, {"gamma": (attr.target, transform)})
        return self.chain(node, source, [spec])

    def cat(self, node: fx.Node, args: list[Any], kwargs: dict[str, Any], what: str) -> Step:
        values = args[0] if args else kwargs.get("tensors")
        dim = args[1] if len(args) > 1 else kwargs.get("dim", 0)
        if not isinstance(values, (list, tuple)) or not values:
            raise self.fail(node, what, _("it concatenates something other than a list of values"))
        parts = [self.tensor(node, v, what) for v in values]
        ndim = len(parts[0].shape) + 1
        if dim not in (1, 1 - ndim):
            raise self.fail(node, what, _("it concatenates along dim {dim}; a Concat stacks channels (dim 1)").format(
                dim=dim))
        if len(parts) == 1:
            return parts[0]
        original = tuple(parts)
        # DenseNet concatenates ever longer lists: [x0, n1], [x0, n1, n2], ...; reusing the
        # longest earlier cat that starts the list turns them into Concat(identity, layer).
        for previous, earlier in sorted(self.cats, key=lambda c: -len(c[0])):
            if len(previous) <= len(original) and original[:len(previous)] == previous:
                if len(previous) == len(original):
                    return earlier
                parts = [earlier, *original[len(previous):]]
                break
        step = self.step("cat", parts, node, _shape(node) or ())
        self.cats.append((original, step))
        return step

    def chunk(self, node: fx.Node, args: list[Any], kwargs: dict[str, Any], what: str) -> _Chunk:
        source = self.tensor(node, args[0], what)
        pieces = args[1] if len(args) > 1 else kwargs.get("chunks")
        dim = args[2] if len(args) > 2 else kwargs.get("dim", 0)
        if dim not in (1, -len(source.shape)) or not isinstance(pieces, int):
            raise self.fail(node, what, _("it splits along dim {dim}; only a split of the channels (dim 1) is a "
                                          "block").format(dim=dim))
        return _Chunk(source, pieces)

    def chunk_piece(self, node: fx.Node, chunk: _Chunk, index: Any) -> Step:
        channels = chunk.source.shape[0]
        size = -(-channels // chunk.pieces)  # torch.chunk's piece size
        if not isinstance(index, int):
            raise self.fail(node, "call_function getitem", _("it picks chunks with something other than an int"))
        start = index * size
        spec = LeafSpec("ChannelSlice", {"start": start, "stop": min(channels, start + size)}, {})
        return self.chain(node, chunk.source, [spec])

    def permute(self, node: fx.Node, args: list[Any], kwargs: dict[str, Any], what: str) -> Any:
        dims = list(args[1:]) if len(args) > 2 else (list(args[1]) if len(args) > 1 else list(kwargs.get("dims", ())))
        value = args[0]
        if isinstance(value, Step) and dims == [0, 2, 3, 1] and len(value.shape) == 3:
            return _ChannelsLast(value)
        if isinstance(value, _ChannelsLast) and dims == [0, 3, 1, 2]:
            return value.step
        raise self.fail(node, what, _("it permutes to {dims}; only a channels-last stretch "
                                      "(permute(0, 2, 3, 1) ... permute(0, 3, 1, 2)) has a block form").format(dims=dims))


def trace(model: nn.Module, input_shape: tuple[int, ...]) -> TracedGraph:
    """The module's forward as steps, in eval mode; ImportFailure names what cannot be a block."""
    was_training = model.training
    model.eval()
    try:
        gm = _trace(model, input_shape)
        return _Builder(gm, input_shape, model.__class__.__name__).run()
    finally:
        model.train(was_training)
