"""From traced steps to nested blocks: where a model forks and joins, and how it nests.

The steps of `import_trace` form a graph. Where a value feeds several steps, the branches
run until they meet at one join step (the first step every branch reaches): an *add*
becomes a Residual (the longer branch is the body, the other the shortcut, empty for the
identity), a *mul* of the value by one branch a Gate, a *cat* a Concat (one branch per
input, empty where the value itself is stacked). Each branch is read the same way, so
blocks nest as the graph does. A graph that does not split and join like this (a join of
a value from outside the split, branches that meet without a join) cannot be a design and
says so; a step read into two branches would count its weights twice, which the
importer's parameter check refuses.

Then consecutive blocks that sit in the same module of the source model are grouped in a
Sequential labelled with that module ("Sequential (layer1)", "InvertedResidual (features.3)"),
so the design nests where the model nests; a group that would hold a whole list adds
nothing and is left out. Composites are labelled with the module they come from, leaves
take the module's name as their id, so the design reads like the model's `print`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from playground.core.composites import CONCAT, GATE, RESIDUAL, SEQUENTIAL, Composite
from playground.core.design import Block, BlockPath
from playground.core.i18n import _
from playground.core.import_ops import ImportFailure, LeafSpec
from playground.core.import_trace import Scope, Step, TracedGraph, where

_JOINS: dict[str, Composite] = {"add": RESIDUAL, "mul": GATE, "cat": CONCAT}
_ID = re.compile(r"[A-Za-z0-9_.-]{1,64}")


@dataclass
class _Item:
    """A block to be, before it is grouped and given an id."""

    type: str
    scope: Scope
    leaf: LeafSpec | None = None
    # The composite kind of a composite item (None for a leaf).
    composite: Composite | None = None
    module: str = ""
    children: list[list["_Item"]] = field(default_factory=list)
    label: str | None = None


def _common(scopes: list[Scope]) -> Scope:
    if not scopes:
        return ()
    first = scopes[0]
    n = 0
    while n < len(first) and all(len(s) > n and s[n][0] == first[n][0] for s in scopes):
        n += 1
    return first[:n]


def _content_scope(item: _Item) -> Scope:
    if item.leaf is not None:
        return item.scope
    return _common([_content_scope(child) for branch in item.children for child in branch] or [item.scope])


def _label(scope: Scope, root_class: str) -> str:
    if not scope:
        return root_class
    name, cls = scope[-1]
    return f"{cls} ({name})"  # the class first: it survives when a card elides the label


class _Reader:
    """Reads the step graph as nested lists of items."""

    def __init__(self, graph: TracedGraph) -> None:
        self.graph = graph
        self.users: dict[int, list[Step]] = {s.index: [] for s in graph.steps}
        for s in graph.steps:
            for i in s.inputs:
                self.users[i.index].append(s)
        self.below: dict[int, int] = {}
        for s in reversed(graph.steps):
            bits = 0
            for u in self.users[s.index]:
                bits |= (1 << u.index) | self.below[u.index]
            self.below[s.index] = bits

    def reaches(self, a: Step, b: Step) -> bool:
        return a is b or bool((self.below[a.index] >> b.index) & 1)

    def fail(self, step: Step, why: str) -> ImportFailure:
        return ImportFailure(_('node "{node}" ({what}) {where}: {why}').format(
            node=step.node, what=step.kind, where=where(step.scope, self.graph.root_class), why=why))

    def sequence(self, start: Step, end: Step) -> list[_Item]:
        """The items that turn `start` into `end` (everything between lies on paths from one to the other)."""
        items: list[_Item] = []
        current = start
        while current is not end:
            ahead = [u for u in self.users[current.index] if self.reaches(u, end)]
            if len(ahead) == 1 and ahead[0].kind == "leaf":
                step = ahead[0]
                assert step.leaf is not None
                items.append(_Item(step.leaf.type, step.scope, step.leaf, module=step.module))
                current = step
                continue
            if not ahead:
                raise self.fail(end, _("it takes a value that does not come from the block before it"))
            join = next(s for s in self.graph.steps[current.index + 1:end.index + 1]
                        if all(self.reaches(u, s) for u in ahead))
            if join.kind not in _JOINS:
                raise self.fail(join, _("branches meet here without an add, a multiply or a concatenation"))
            for value in join.inputs:
                if not self.reaches(current, value):
                    raise self.fail(join, _("it joins a value from outside the block that splits here; "
                                            "a design's branches all start from one value"))
            branches = [self.sequence(current, value) for value in join.inputs]
            items.append(self.composite(join, branches))
            current = join
        return items

    def composite(self, join: Step, branches: list[list[_Item]]) -> _Item:
        kind = _JOINS[join.kind]
        if kind is RESIDUAL:
            a, b = branches
            children = [a, b] if len(a) >= len(b) else [b, a]
        elif kind is GATE:
            empty = [b for b in branches if not b]
            if not empty:
                raise self.fail(join, _("it multiplies two computed values; a Gate multiplies its input by "
                                        "what its body makes of it (x * body(x))"))
            children = [next((b for b in branches if b), [])]
        else:
            children = branches
        item = _Item(kind.name, join.scope, composite=kind, children=children)
        content = _content_scope(item)
        joined = join.scope
        item.scope = joined if content[:len(joined)] == joined else content
        item.label = _label(item.scope, self.graph.root_class)
        return item


def _group(items: list[_Item], depth: int) -> list[_Item]:
    """Runs of items sitting in the same module (at `depth`) become labelled Sequentials."""
    out: list[_Item] = []
    i = 0
    while i < len(items):
        scope = items[i].scope
        if len(scope) <= depth:
            out.append(items[i])
            i += 1
            continue
        key = scope[depth][0]
        j = i
        while j < len(items) and len(items[j].scope) > depth and items[j].scope[depth][0] == key:
            j += 1
        run = items[i:j]
        if len(run) == len(items):
            return _group(items, depth + 1)  # one module holds the whole list: a group adds nothing
        inner = _group(run, depth + 1)
        if len(run) == 1:
            out += inner
        else:
            out.append(_Item(SEQUENTIAL.name, scope[:depth + 1], composite=SEQUENTIAL, children=[inner],
                             label=_label(scope[:depth + 1], "")))
        i = j
    return out


def _grouped(items: list[_Item], depth: int) -> list[_Item]:
    """Group a list, and inside it each composite's child lists from the composite's own depth."""
    return [_finish(item) for item in _group(items, depth)]


def _finish(item: _Item) -> _Item:
    if item.composite is SEQUENTIAL:  # a group: its list was grouped when it was made
        item.children = [[_finish(child) for child in item.children[0]]]
    elif item.children:
        item.children = [_grouped(branch, len(item.scope)) for branch in item.children]
    return item


@dataclass
class Structure:
    """The design's blocks and, per leaf block path, where its weights come from."""

    layers: tuple[Block, ...]
    weights: dict[BlockPath, dict[str, tuple[str, str]]]


def _blocks(items: list[_Item], prefix: BlockPath, taken: set[str],
            weights: dict[BlockPath, dict[str, tuple[str, str]]]) -> tuple[Block, ...]:
    out = []
    for i, item in enumerate(items):
        path = prefix + (i,)
        name = item.module if item.leaf is not None else (item.scope[-1][0] if item.composite is SEQUENTIAL else "")
        block_id = name if name and _ID.fullmatch(name) and name not in taken else ""
        if block_id:
            taken.add(block_id)
        if item.leaf is not None and item.leaf.weights:
            weights[path] = item.leaf.weights
        children = tuple(_blocks(branch, path + (c,), taken, weights) for c, branch in enumerate(item.children))
        params = item.leaf.params if item.leaf is not None else {}
        out.append(Block(item.type, dict(params), block_id, item.label, children))
    return tuple(out)


def structure(graph: TracedGraph) -> Structure:
    """The traced graph as nested, grouped blocks; ImportFailure where it cannot be."""
    reader = _Reader(graph)
    start = graph.steps[0]
    items = reader.sequence(start, graph.output)
    weights: dict[BlockPath, dict[str, tuple[str, str]]] = {}
    layers = _blocks(_grouped(items, 0), (), set(), weights)
    return Structure(layers, weights)
