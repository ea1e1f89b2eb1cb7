"""Composite kinds: blocks that hold lists of blocks (Sequential, Residual, Concat, Gate).

Each composite is one `Composite` subclass that answers, for its own kind, every question
the rest of the code asks: its child lists (slots) and their JSON keys, how a file's
object becomes children and back, how the analysis combines what its children give, how
the builder assembles its torch module and the exporter writes it as source, how
inspection finds a child list inside the built module, and how the editor titles its
columns. Design, analysis, builder, exporter, inspection and the editor dispatch through
`block.kind.composite` and never compare type names, so a new composite is one class
here, its torch module in `composite_modules` (when it needs one) and its catalogue entry.

Nothing here imports the design, the analysis or torch (the catalogue, which imports this
module, is read without them): blocks are taken as they come, lists are read and written
through the callables the caller passes, and torch modules are imported on first use.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import TYPE_CHECKING, Any, Callable, Sequence

from playground.core.errors import DesignError, json_text
from playground.core.i18n import _, N_
from playground.core.text import shape_text

if TYPE_CHECKING:
    import torch.nn as nn

    from playground.core.analysis import ReceptiveField
    from playground.core.design import Block

Shape = tuple[int, ...]
Children = tuple[tuple["Block", ...], ...]
Flow = tuple["Shape | None", "ReceptiveField | None"]
# Reads one child list from its JSON value at a JSON path (the design's own parser).
ReadList = Callable[[Any, str], tuple["Block", ...]]
# Writes one child list as JSON objects.
WriteList = Callable[[tuple["Block", ...]], list[dict[str, Any]]]
# The source lines of child list `slot` as an nn.Sequential, written at `depth`.
ChildSource = Callable[[int, int], list[str]]


def wider_field(a: ReceptiveField | None, b: ReceptiveField | None) -> ReceptiveField | None:
    """Of two receptive fields, the one that sees more (where branches join)."""
    if a is None:
        return b
    if b is None:
        return a
    return a if a.size[0] * a.size[1] >= b.size[0] * b.size[1] else b


def _count(n: int, one: str, many: str) -> str:
    """"1 block" / "3 blocks": `one` and `many` are marked messages, `many` with a {count}."""
    return _(one) if n == 1 else _(many).format(count=n)


class Composite(ABC):
    """The protocol every composite kind implements. The defaults suit fixed, named slots
    (one JSON key each) and a torch module that takes one nn.Sequential per slot, as
    arguments named and stored under those keys; `combine` and `card_text` are each kind's own."""

    name: str = ""
    # The JSON keys of the child lists, in slot order.
    json_keys: tuple[str, ...] = ()
    # "Wrap in <name>" puts a block into the first slot of a new one of these.
    wraps: bool = False
    # "Ungroup" replaces the block by the blocks of its (single) slot.
    ungroupable: bool = False
    # The person may add and remove slots (Concat's branches); one always stays.
    variable_slots: bool = False
    # What the editor draws where the slots join ("+", "concat"); None: nothing.
    merge_symbol: str | None = None
    # Its result is a new tensor (a sum, a concatenation), not a child's output passed on:
    # it takes activation memory of its own.
    makes_tensor: bool = False
    # The caption of a line the editor draws carrying the block's input past its slots
    # straight to the merge node (a Gate's "x" in x * body(x)); None: no such line.
    bypass_caption: str | None = None
    # A line the inspector shows under the parameters of this kind (English, marked with
    # N_; `hint_text` gives it in the current language).
    editor_hint: str = ""

    def hint_text(self) -> str:
        """The inspector's line about this kind, in the current language ("" for none)."""
        return _(self.editor_hint)

    # ---------------------------------------------------------------- design

    def new_children(self) -> Children:
        """A fresh block's child lists: one empty list per slot."""
        return ((),) * len(self.json_keys)

    def slot_key(self, slot: int) -> str:
        """The JSON key of child list `slot` ("body", "branches[1]", ...)."""
        return self.json_keys[slot]

    def read(self, d: dict[str, Any], path: str, read_list: ReadList) -> Children:
        """The child lists from a block's JSON object; DesignError names the JSON path."""
        return tuple(read_list(d.get(key, []), f"{path}.{key}") for key in self.json_keys)

    def write(self, children: Children, write_list: WriteList) -> dict[str, Any]:
        """The JSON keys of the child lists, as `read` takes them back."""
        return {key: write_list(child) for key, child in zip(self.json_keys, children)}

    def wrapped(self, block: Block) -> Children:
        """The child lists of a new one of these holding `block` in its first slot."""
        return ((block,),) + self.new_children()[1:]

    # ---------------------------------------------------------------- analysis

    @abstractmethod
    def combine(self, children: Children, shape: Shape | None, outs: list[Flow]) -> tuple[Flow, str | None]:
        """What flows out, given the incoming shape and what each slot gives (shape and
        receptive field), and the error of the block itself (None when sound). An unknown
        child shape means a child already says why."""

    # ---------------------------------------------------------------- torch

    def module_class(self) -> type[nn.Module] | None:
        """The torch module class assembling the slots (its source goes into exports);
        None when the block is just an nn.Sequential of its one slot."""
        return None

    def build(self, lists: list[nn.Sequential]) -> nn.Module:
        """The block's module from its slots' modules (one nn.Sequential per slot)."""
        cls = self.module_class()
        return lists[0] if cls is None else cls(*lists)

    def source(self, child_source: ChildSource, slots: int, depth: int, indent: str) -> list[str]:
        """The source lines of the block's module expression (continuations indented)."""
        cls = self.module_class()
        if cls is None:
            return child_source(0, depth)
        lines = [f"{cls.__name__}("]
        for c, key in enumerate(self.json_keys):
            inner = child_source(c, depth + 1)
            inner[0] = f"{indent * (depth + 1)}{key}={inner[0]}"
            inner[-1] += ","
            lines += inner
        return lines + [indent * depth + ")"]

    def child_container(self, module: nn.Module, slot: int) -> nn.Module:
        """Where the built module keeps the modules of child list `slot`."""
        return getattr(module, self.json_keys[slot]) if self.module_class() is not None else module

    # ---------------------------------------------------------------- views

    @abstractmethod
    def card_text(self, block: Block) -> str:
        """What the block's card says about it in a few words."""

    def slot_titles(self, children: Children) -> list[str]:
        """The editor's column titles, one per slot ("" for none)."""
        return list(self.json_keys)

    def slot_caption(self, children: Children, slot: int) -> str:
        """What the editor writes over a column."""
        return self.slot_titles(children)[slot]

    def identity_slot(self, slot: int) -> bool:
        """Whether an empty list in this slot means the identity (drawn as such)."""
        return False


class SequentialComposite(Composite):
    """A named group: its blocks run one after another."""

    name = "Sequential"
    json_keys = ("layers",)
    wraps = True
    ungroupable = True

    def combine(self, children: Children, shape: Shape | None, outs: list[Flow]) -> tuple[Flow, str | None]:
        return outs[0], None

    def card_text(self, block: Block) -> str:
        return _count(len(block.children[0]), N_("1 block"), N_("{count} blocks"))

    def slot_titles(self, children: Children) -> list[str]:
        return [""]


class _Joining(Composite):
    """A composite whose slots all see its input and whose outputs are joined."""

    def combine(self, children: Children, shape: Shape | None, outs: list[Flow]) -> tuple[Flow, str | None]:
        if shape is None or any(o[0] is None for o in outs):
            return (None, None), None  # the child's own error says why
        return self.join(children, shape, outs)

    @abstractmethod
    def join(self, children: Children, shape: Shape, outs: list[Flow]) -> tuple[Flow, str | None]:
        """`combine` once every slot's shape is known."""


class ResidualComposite(_Joining):
    """y = body(x) + shortcut(x); an empty shortcut is the identity."""

    name = "Residual"
    json_keys = ("body", "shortcut")
    wraps = True
    merge_symbol = "+"
    makes_tensor = True
    editor_hint = N_("Drop blocks into the shortcut column to project it (e.g. a 1×1 Conv2d with "
                     "stride 2 when the body halves the size); leave it empty for the identity.")

    def read(self, d: dict[str, Any], path: str, read_list: ReadList) -> Children:
        if "body" not in d:
            raise DesignError(f"{path}.body", _("missing (required by {kind})").format(kind=self.name))
        body = read_list(d["body"], f"{path}.body")
        shortcut = d.get("shortcut", "identity")
        if shortcut == "identity":
            return body, ()
        if isinstance(shortcut, list):
            return body, read_list(shortcut, f"{path}.shortcut")
        raise DesignError(f"{path}.shortcut", _('expected "identity" or a list of layers, got {value}').format(
            value=json_text(shortcut)))

    def write(self, children: Children, write_list: WriteList) -> dict[str, Any]:
        body, shortcut = children
        return {"body": write_list(body), "shortcut": write_list(shortcut) if shortcut else "identity"}

    def join(self, children: Children, shape: Shape, outs: list[Flow]) -> tuple[Flow, str | None]:
        (body, body_rf), (short, short_rf) = outs
        assert body is not None and short is not None
        if body == short:
            return (body, wider_field(body_rf, short_rf)), None
        if children[1]:
            return (body, None), _("the body gives {body} but the shortcut gives {shortcut}; "
                                   "both must match to be added").format(body=shape_text(body),
                                                                        shortcut=shape_text(short))
        message = _("the body turns {input} into {body} but the shortcut is identity ({input}), "
                    "so they cannot be added").format(input=shape_text(shape), body=shape_text(body))
        if len(body) == 3 and len(shape) == 3:
            stride = max(1, shape[1] // body[1])
            fix = (_("add a 1x1 Conv2d shortcut ({channels} channels, stride {stride}) to project it")
                   if stride > 1 else _("add a 1x1 Conv2d shortcut ({channels} channels) to project it"))
            message = _("{problem}; {fix}").format(problem=message, fix=fix.format(channels=body[0], stride=stride))
        return (body, None), message

    def module_class(self) -> type[nn.Module]:
        from playground.core.composite_modules import Residual

        return Residual

    def card_text(self, block: Block) -> str:
        return _("projection shortcut") if block.children[1] else _("identity shortcut")

    def slot_caption(self, children: Children, slot: int) -> str:
        if slot == 1:
            return _("shortcut: projection") if children[1] else _("shortcut: identity")
        # Translators: the caption over a Residual block's main column (its JSON key is "body").
        return _("body")

    def identity_slot(self, slot: int) -> bool:
        return slot == 1


class ConcatComposite(_Joining):
    """Runs every branch on the same input and stacks the outputs on channels."""

    name = "Concat"
    json_keys = ("branches",)
    variable_slots = True
    merge_symbol = "concat"
    makes_tensor = True

    def new_children(self) -> Children:
        return ((), ())  # two branches to fill

    def slot_key(self, slot: int) -> str:
        return f"branches[{slot}]"

    def read(self, d: dict[str, Any], path: str, read_list: ReadList) -> Children:
        branches = d.get("branches")
        if not isinstance(branches, list) or not branches:
            raise DesignError(f"{path}.branches", _("expected a non-empty list of branches, got {value}").format(
                value=json_text(branches)))
        return tuple(read_list(b, f"{path}.branches[{i}]") for i, b in enumerate(branches))

    def write(self, children: Children, write_list: WriteList) -> dict[str, Any]:
        return {"branches": [write_list(branch) for branch in children]}

    def join(self, children: Children, shape: Shape, outs: list[Flow]) -> tuple[Flow, str | None]:
        shapes: Sequence[Shape] = [o[0] for o in outs]  # type: ignore[misc]
        first = shapes[0]
        if any(len(s) != len(first) or s[1:] != first[1:] for s in shapes):
            if all(len(s) == 3 for s in shapes):
                sizes = ", ".join(shape_text(s[1:]) for s in shapes)
                return (None, None), _("branches give different sizes ({sizes}); "
                                       "all branches must keep the same H x W").format(sizes=sizes)
            sizes = ", ".join(shape_text(s) for s in shapes)
            return (None, None), _("branches give shapes that cannot be stacked on channels ({sizes})").format(
                sizes=sizes)
        out = (sum(s[0] for s in shapes),) + tuple(first[1:])
        rf_out = None
        for _shape, r in outs:
            rf_out = wider_field(rf_out, r)
        return (out, rf_out), None

    def module_class(self) -> type[nn.Module]:
        from playground.core.composite_modules import Concat

        return Concat

    def build(self, lists: list[nn.Sequential]) -> nn.Module:
        return self.module_class()(lists)

    def source(self, child_source: ChildSource, slots: int, depth: int, indent: str) -> list[str]:
        lines = [f"{self.module_class().__name__}(["]
        for c in range(slots):
            inner = child_source(c, depth + 1)
            inner[0] = indent * (depth + 1) + inner[0]
            inner[-1] += ","
            lines += inner
        return lines + [indent * depth + "])"]

    def child_container(self, module: nn.Module, slot: int) -> nn.Module:
        return module.branches[slot]

    def card_text(self, block: Block) -> str:
        return _count(len(block.children), N_("1 branch"), N_("{count} branches"))

    def slot_titles(self, children: Children) -> list[str]:
        return [_("branch {number}").format(number=i + 1) for i in range(len(children))]


class GateComposite(Composite):
    """y = x * body(x): the body's output (C x H x W, or C x 1 x 1 as in squeeze-and-excitation)
    is broadcast over the input and scales it value by value."""

    name = "Gate"
    json_keys = ("body",)
    wraps = True
    merge_symbol = "×"
    bypass_caption = "x"
    makes_tensor = True
    editor_hint = N_("The body's output multiplies the block's input: end it with a Sigmoid (or Hardsigmoid) "
                     "so each factor lies in 0..1. A C×1×1 output (after AdaptiveAvgPool2d(1)) scales whole "
                     "channels, as squeeze-and-excitation does.")

    def combine(self, children: Children, shape: Shape | None, outs: list[Flow]) -> tuple[Flow, str | None]:
        ((out, body_rf),) = outs
        if shape is None or out is None:
            return (None, None), None  # the child's own error says why
        if not broadcasts_to(out, shape):
            return (None, None), _("the body gives {body}, which cannot scale the input {input}: each of its "
                                   "sizes must equal the input's or be 1 (e.g. C x 1 x 1 after "
                                   "AdaptiveAvgPool2d(1), as squeeze-and-excitation does)").format(
                body=shape_text(out), input=shape_text(shape))
        # Each output value sees its own input value and all the body saw; the body starts from
        # the incoming field, so its field holds both (after global pooling: the whole input).
        return (shape, body_rf), None

    def module_class(self) -> type[nn.Module]:
        from playground.core.composite_modules import Gate

        return Gate

    def card_text(self, block: Block) -> str:
        return "x × body(x)"

    def slot_caption(self, children: Children, slot: int) -> str:
        return _("body: the gate")


def broadcasts_to(gate: Shape, shape: Shape) -> bool:
    """Whether a per-sample `gate` multiplies `shape` without changing it (torch broadcasting)."""
    return len(gate) == len(shape) and all(g in (1, s) for g, s in zip(gate, shape))


SEQUENTIAL = SequentialComposite()
RESIDUAL = ResidualComposite()
CONCAT = ConcatComposite()
GATE = GateComposite()
