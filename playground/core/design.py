"""Designs and blocks: the JSON format (version 1), validation, and structural edits.

A `Design` is an immutable value. Every edit (insert, remove, move, set params, set the
input shape) is a plain function returning a new, valid design or raising `DesignError`,
so the editor's undo stack just keeps the states it swaps between.

Composite kinds are handled through their `composites.Composite` (reached as
`block.kind.composite`): it reads and writes its child lists and names their JSON keys, so
nothing here compares type names. The edits the editor offers on composites (wrap a block
in one, ungroup a Sequential, add or remove a Concat branch) and the inspector's rule for
setting a parameter are pure functions here too.

Addressing. A *block path* is a tuple of ints of odd length: ``(i,)`` is ``layers[i]``;
``(i, c, j)`` is the j-th block of child list ``c`` of that block (Residual: 0 body,
1 shortcut; Concat: branch c; Sequential: 0 layers), and so on down. A *list path* has even
length: ``()`` is the top-level list, ``(i, c)`` is child list ``c`` of block ``i``.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import AbstractSet, Any, Iterator, Mapping

from playground.core.errors import DesignError, json_text
from playground.core.fileio import atomic_write
from playground.core.i18n import _
from playground.core.safe_load import UnreadableFile, digits_reason, file_text
from playground.core.safe_text import escape_lone_surrogates
from playground.core.layers import (
    BOOL, CATALOGUE, CHOICE, FLOAT, INT, PADDING, PAIR, PAIR_OR_NONE, LayerKind, Param)

FORMAT = "cnn-playground.design"
VERSION = 1
MAX_INPUT_SIDE = 4096
MAX_CHANNELS = 4096
MAX_NESTING = 32  # composite blocks inside each other; far deeper than any real design, far below Python's stack

BlockPath = tuple[int, ...]
ListPath = tuple[int, ...]


@dataclass(frozen=True)
class Block:
    """One block. `params` holds only the keys the design sets, as JSON values.

    `children` holds the child lists of composite kinds, one per slot of its
    `kind.composite`: Sequential (layers,), Residual (body, shortcut) with an empty
    shortcut meaning identity, Concat (branch, ...).
    """

    type: str
    params: dict[str, Any] = field(default_factory=dict)
    id: str = ""
    label: str | None = None
    children: tuple[tuple["Block", ...], ...] = ()

    @property
    def kind(self) -> LayerKind:
        return CATALOGUE[self.type]

    def resolved_params(self) -> dict[str, Any]:
        """Every parameter of the kind, torch defaults filled in."""
        return self.kind.resolved(self.params)


@dataclass(frozen=True)
class Design:
    name: str = "Untitled"
    description: str = ""
    input: tuple[int, int, int] = (1, 28, 28)
    layers: tuple[Block, ...] = ()


# ---------------------------------------------------------------- construction

def new_block(type_name: str, **params: Any) -> Block:
    """A fresh block as the palette makes it: required params get starter values."""
    entry = CATALOGUE.get(type_name)
    if entry is None:
        raise DesignError("type", _("unknown layer type {name}").format(name=repr(type_name)))
    unknown = sorted(set(params) - {p.name for p in entry.params})
    if unknown:
        raise DesignError(unknown[0], _("unknown key for {kind}").format(kind=type_name))
    merged = {**entry.starter_params(), **params}
    checked = {p.name: _check_value(p, merged[p.name], p.name) for p in entry.params if p.name in merged}
    children = entry.composite.new_children() if entry.composite is not None else ()
    return Block(type_name, checked, "", None, children)


# ---------------------------------------------------------------- parsing

_fmt = json_text


def _is_int(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _expected(what: str, got: Any) -> str:
    """"expected an int, got 2.5": `what` already in the current language, `got` as JSON."""
    return _("expected {what}, got {value}").format(what=what, value=_fmt(got))


def _check_int(v: Any, p: Param, path: str) -> int:
    lo, hi = p.minimum, p.maximum
    if not _is_int(v):
        raise DesignError(path, _expected(_("an int"), v))
    if (lo is not None and v < lo) or (hi is not None and v > hi):
        raise DesignError(path, _("expected an int from {low} to {high}, got {value}").format(
            low=int(lo), high=int(hi), value=v))
    return v


def _check_pair(v: Any, p: Param, path: str) -> int | list[int]:
    lo = int(p.minimum) if p.minimum is not None else 0
    what = _("a positive int or [h, w]") if lo >= 1 else _("a non-negative int or [h, w]")
    if _is_int(v):
        if v < lo:
            raise DesignError(path, _expected(what, v))
        if p.maximum is not None and v > p.maximum:
            raise DesignError(path, _("expected at most {most}, got {value}").format(most=int(p.maximum), value=v))
        return v
    if isinstance(v, (list, tuple)) and len(v) == 2 and all(_is_int(x) for x in v):
        for x in v:
            if x < lo or (p.maximum is not None and x > p.maximum):
                raise DesignError(path, _("expected {what} with values from {low} to {high}, got {value}").format(
                    what=what, low=lo, high=int(p.maximum), value=_fmt(list(v))))
        return [int(v[0]), int(v[1])]
    raise DesignError(path, _expected(what, v))


def _check_value(p: Param, v: Any, path: str) -> Any:
    if p.kind == INT:
        return _check_int(v, p, path)
    if p.kind == FLOAT:
        if isinstance(v, bool) or not isinstance(v, (int, float)) or v != v:
            raise DesignError(path, _expected(_("a number"), v))
        if (p.minimum is not None and v < p.minimum) or (p.maximum is not None and v > p.maximum):
            raise DesignError(path, _("expected a number from {low} to {high}, got {value}").format(
                low=f"{p.minimum:g}", high=f"{p.maximum:g}", value=v))
        return float(v)
    if p.kind == BOOL:
        if not isinstance(v, bool):
            raise DesignError(path, _expected(_("true or false"), v))
        return v
    if p.kind == CHOICE:
        if v not in p.choices:
            options = ", ".join(f'"{c}"' for c in p.choices)
            raise DesignError(path, _expected(_("one of {options}").format(options=options), v))
        return v
    if p.kind == PADDING:
        if v in ("same", "valid"):
            return v
        if isinstance(v, str):
            raise DesignError(path, _expected(_('a non-negative int, [h, w], "same" or "valid"'), v))
        return _check_pair(v, p, path)
    if p.kind == PAIR_OR_NONE:
        return None if v is None else _check_pair(v, p, path)
    if p.kind == PAIR:
        return _check_pair(v, p, path)
    raise AssertionError(p.kind)


def _check_layers(value: Any, path: str, ids: set[str], depth: int = 1) -> tuple[Block, ...]:
    if not isinstance(value, list):
        raise DesignError(path, _expected(_("a list of layers"), value))
    return tuple(_parse_block(item, f"{path}[{i}]", ids, depth) for i, item in enumerate(value))


def _parse_block(d: Any, path: str, ids: set[str], depth: int = 1) -> Block:
    """One block and its children; `depth` counts the levels (a top-level block is 1), capped
    so that a hostile file ends in a DesignError, not a RecursionError."""
    if depth > MAX_NESTING:
        raise DesignError(path, _("nested too deeply (more than {most} levels)").format(most=MAX_NESTING))
    if not isinstance(d, dict):
        raise DesignError(path, _expected(_("a layer object"), d))
    type_name = d.get("type")
    if type_name is None:
        # Translators: follows a JSON path, "layers[2].type: missing".
        raise DesignError(f"{path}.type", _("missing"))
    entry = CATALOGUE.get(type_name) if isinstance(type_name, str) else None
    if entry is None:
        raise DesignError(f"{path}.type", _("unknown layer type {name}").format(name=_fmt(type_name)))
    params = _checked_params(entry, d, path, {"type", "id", "label", *entry.slots})
    block_id = d.get("id", "")
    if block_id != "":
        if not isinstance(block_id, str) or not re.fullmatch(r"[A-Za-z0-9_.-]{1,64}", block_id):
            raise DesignError(f"{path}.id", _expected(_("a short name of letters, digits, _ . -"), block_id))
        if block_id in ids:
            raise DesignError(f"{path}.id", _("duplicate id {id}").format(id=_fmt(block_id)))
        ids.add(block_id)
    label = d.get("label")
    if label is not None and not isinstance(label, str):
        raise DesignError(f"{path}.label", _expected(_("a string"), label))
    children: tuple[tuple[Block, ...], ...] = ()
    if entry.composite is not None:
        children = entry.composite.read(d, path, lambda value, at: _check_layers(value, at, ids, depth + 1))
    return Block(type_name, params, block_id, label, children)


def _checked_params(kind: LayerKind, values: Mapping[str, Any], path: str,
                    other_keys: AbstractSet[str] = frozenset()) -> dict[str, Any]:
    """A kind's parameters from `values`, each checked; a key it does not have (besides
    `other_keys`) or a missing required one is a DesignError naming its JSON path."""
    names = {p.name for p in kind.params}
    for key in values:
        if key not in names and key not in other_keys:
            raise DesignError(_key_path(path, key), _unknown_key(kind.name, key))
    checked = {}
    for p in kind.params:
        if p.name in values:
            checked[p.name] = _check_value(p, values[p.name], f"{path}.{p.name}")
        elif p.required:
            raise DesignError(f"{path}.{p.name}", _("missing (required by {kind})").format(kind=kind.name))
    return checked


def _key_path(prefix: str, key: str) -> str:
    """`prefix.key`, or `prefix["odd key"]` (JSON-escaped) when the key is not a plain name,
    so a key holding a newline cannot break the one-line message."""
    if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", key):
        return f"{prefix}.{key}" if prefix else key
    return f"{prefix}[{json.dumps(key)}]"


def _unknown_key(kind_name: str, key: str) -> str:
    """"unknown key for Conv2d", with why for the input sizes torch takes but a design never stores."""
    if key in ("in_channels", "in_features", "num_features", "normalized_shape"):
        return _("unknown key for {kind} ({key} is never stored: it follows from the shape flowing in)").format(
            kind=kind_name, key=key)
    return _("unknown key for {kind}").format(kind=kind_name)


def design_from_dict(d: Any) -> Design:
    """Validate a parsed JSON object and build a Design; DesignError names the JSON path."""
    if not isinstance(d, dict):
        got = _fmt(d) if not isinstance(d, (list, dict)) else type(d).__name__
        raise DesignError("", _("expected {what}, got {value}").format(what=_("a JSON object"), value=got))
    for key in d:
        if key not in ("format", "version", "name", "description", "input", "layers"):
            raise DesignError(_key_path("", key), _("unknown key"))
    if d.get("format") != FORMAT:
        raise DesignError("format", _expected(f'"{FORMAT}"', d.get("format")))
    if type(d.get("version")) is not int or d.get("version") != VERSION:  # not True, not 1.0
        raise DesignError("version", _expected(str(VERSION), d.get("version")))
    name = d.get("name", "Untitled")
    if not isinstance(name, str):
        raise DesignError("name", _expected(_("a string"), name))
    description = d.get("description", "")
    if not isinstance(description, str):
        raise DesignError("description", _expected(_("a string"), description))
    shape = check_input_shape(d.get("input"))
    ids: set[str] = set()
    layers = _check_layers(d.get("layers", []), "layers", ids)
    return _assign_ids(Design(name, description, shape, layers))


def check_input_shape(value: Any, path: str = "input") -> tuple[int, int, int]:
    """Validate [C, H, W]."""
    if (not isinstance(value, (list, tuple)) or len(value) != 3
            or not all(_is_int(v) and v >= 1 for v in value)):
        raise DesignError(path, _expected(_("[channels, height, width] of positive ints"), value))
    c, h, w = (int(v) for v in value)
    if c > MAX_CHANNELS or h > MAX_INPUT_SIDE or w > MAX_INPUT_SIDE:
        raise DesignError(path, _expected(_("at most {channels} channels and {side} pixels a side").format(
            channels=MAX_CHANNELS, side=MAX_INPUT_SIDE), list(value)))
    return (c, h, w)


def _nesting_too_deep() -> DesignError:
    return DesignError("", _("not readable JSON (nested too deeply; designs allow at most {most} levels)").format(
        most=MAX_NESTING))


def design_from_json(text: str) -> Design:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DesignError("", _("not valid JSON (line {line}, column {column}: {reason})").format(
            line=exc.lineno, column=exc.colno, reason=exc.msg)) from None
    except RecursionError:
        raise _nesting_too_deep() from None
    except ValueError as exc:  # an integer of more digits than Python converts
        raise DesignError("", _("not readable JSON ({reason})").format(reason=digits_reason(exc))) from None
    return design_from_dict(data)


def load_design(path: str | os.PathLike[str]) -> Design:
    """Read and validate a design file. Errors (missing, unreadable, invalid) are DesignError."""
    p = Path(path)
    try:
        text = file_text(p)  # a regular file of bounded size: never /dev/zero or a FIFO
    except UnreadableFile as exc:
        raise DesignError("", str(exc), file=str(p)) from None
    try:
        return design_from_json(text)
    except DesignError as exc:
        raise DesignError(exc.path, exc.message, file=str(p)) from None


# ---------------------------------------------------------------- writing

def block_to_dict(block: Block) -> dict[str, Any]:
    """A block as its JSON object, keys in a stable order (type, id, label, params, children)."""
    out: dict[str, Any] = {"type": block.type}
    if block.id:
        out["id"] = block.id
    if block.label:
        out["label"] = block.label
    for p in block.kind.params:
        if p.name in block.params:
            out[p.name] = block.params[p.name]
    if block.kind.composite is not None:
        out.update(block.kind.composite.write(block.children, lambda blocks: [block_to_dict(b) for b in blocks]))
    return out


def design_to_dict(design: Design) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": VERSION,
        "name": design.name,
        "description": design.description,
        "input": list(design.input),
        "layers": [block_to_dict(b) for b in design.layers],
    }


def _is_flat(value: Any) -> bool:
    if isinstance(value, dict):
        return all(not isinstance(v, (dict, list)) or (isinstance(v, list) and all(not isinstance(x, (dict, list)) for x in v))
                   for v in value.values())
    if isinstance(value, list):
        return all(not isinstance(x, (dict, list)) for x in value)
    return True


def to_pretty_json(value: Any, indent: int = 0) -> str:
    """JSON with one line per simple layer and nesting shown by indentation, so diffs stay small."""
    pad = "  " * indent
    inner = "  " * (indent + 1)
    if _is_flat(value):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, dict):
        items = [f"{inner}{json.dumps(k)}: {to_pretty_json(v, indent + 1)}" for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    items = [inner + to_pretty_json(v, indent + 1) for v in value]
    return "[\n" + ",\n".join(items) + "\n" + pad + "]"


def design_to_json(design: Design) -> str:
    """The file's text; a lone surrogate in a name or label (which UTF-8 cannot encode) is
    written as its JSON escape, so the design saves and reads back the same."""
    return escape_lone_surrogates(to_pretty_json(design_to_dict(design))) + "\n"


def save_design(design: Design, path: str | os.PathLike[str]) -> None:
    """Write a design atomically. A place that cannot be written raises WriteError naming the file."""
    atomic_write(path, design_to_json(design).encode("utf-8"))


# ---------------------------------------------------------------- ids

def walk(design: Design) -> Iterator[tuple[BlockPath, Block]]:
    """Every block, nested ones too, in reading order (pre-order)."""
    def visit(blocks: tuple[Block, ...], prefix: tuple[int, ...]) -> Iterator[tuple[BlockPath, Block]]:
        for i, b in enumerate(blocks):
            path = prefix + (i,)
            yield path, b
            for c, child in enumerate(b.children):
                yield from visit(child, path + (c,))
    yield from visit(design.layers, ())


def _walk_blocks(blocks: tuple[Block, ...]) -> Iterator[Block]:
    for b in blocks:
        yield b
        for child in b.children:
            yield from _walk_blocks(child)


class _IdPool:
    """Hands out readable unique ids (`relu1`, `relu2`, ...) in constant time each.

    The taken set only grows, so the next free number of a stem never lies below the last
    one handed out: remembering it per stem keeps 10,000 blocks linear, not quadratic."""

    def __init__(self, taken: set[str]) -> None:
        self.taken = taken
        self._next: dict[str, int] = {}

    def fresh(self, stem: str) -> str:
        n = self._next.get(stem, 1)
        while f"{stem}{n}" in self.taken:
            n += 1
        self._next[stem] = n + 1
        block_id = f"{stem}{n}"
        self.taken.add(block_id)
        return block_id


def _fresh_ids(blocks: tuple[Block, ...], taken: set[str] | _IdPool) -> tuple[Block, ...]:
    """Give every block without an id (or with a taken one) a readable unique id."""
    pool = taken if isinstance(taken, _IdPool) else _IdPool(taken)
    out = []
    for b in blocks:
        block_id = b.id
        if not block_id or block_id in pool.taken:
            block_id = pool.fresh(b.type.lower())
        pool.taken.add(block_id)
        children = tuple(_fresh_ids(child, pool) for child in b.children)
        out.append(replace(b, id=block_id, children=children))
    return tuple(out)


def _assign_ids(design: Design) -> Design:
    pool = _IdPool({b.id for b in _walk_blocks(design.layers) if b.id})
    # Keep the ids the file gave; blocks without one get a fresh one from the shared pool.
    def keep_then_fill(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
        return tuple(replace(b, id=b.id or pool.fresh(b.type.lower()),
                             children=tuple(keep_then_fill(c) for c in b.children)) for b in blocks)
    return replace(design, layers=keep_then_fill(design.layers))


# ---------------------------------------------------------------- addressing

def json_path(design: Design, path: BlockPath) -> str:
    """The JSON path of a block, e.g. layers[4].branches[1][0]."""
    text = f"layers[{path[0]}]"
    block = design.layers[path[0]]
    for k in range(1, len(path), 2):
        c, i = path[k], path[k + 1]
        text += "." + slot_text(block, c) + f"[{i}]"
        block = block.children[c][i]
    return text


def slot_text(block: Block, c: int) -> str:
    """The JSON key of a composite's child list `c` ("body", "branches[1]", ...)."""
    assert block.kind.composite is not None, f"{block.type} has no child lists"
    return block.kind.composite.slot_key(c)


def get_block(design: Design, path: BlockPath) -> Block:
    if not path or len(path) % 2 == 0:
        raise DesignError("", f"not a block path: {path}")
    try:
        block = design.layers[path[0]]
        for k in range(1, len(path), 2):
            block = block.children[path[k]][path[k + 1]]
    except IndexError:
        raise DesignError("", f"no block at {path}") from None
    return block


def get_list(design: Design, list_path: ListPath) -> tuple[Block, ...]:
    if len(list_path) % 2:
        raise DesignError("", f"not a list path: {list_path}")
    if not list_path:
        return design.layers
    try:
        return get_block(design, list_path[:-1]).children[list_path[-1]]
    except IndexError:
        raise DesignError("", f"no list at {list_path}") from None


def find_path(design: Design, block_id: str) -> BlockPath | None:
    for path, b in walk(design):
        if b.id == block_id:
            return path
    return None


def _set_list(design: Design, list_path: ListPath, blocks: tuple[Block, ...]) -> Design:
    if not list_path:
        return replace(design, layers=blocks)
    parent_path = list_path[:-1]
    parent = get_block(design, parent_path)
    children = list(parent.children)
    children[list_path[-1]] = blocks
    return _set_block(design, parent_path, replace(parent, children=tuple(children)))


def _set_block(design: Design, path: BlockPath, block: Block) -> Design:
    siblings = list(get_list(design, path[:-1]))
    siblings[path[-1]] = block
    return _set_list(design, path[:-1], tuple(siblings))


# ---------------------------------------------------------------- edits

def insert(design: Design, list_path: ListPath, index: int, block: Block) -> Design:
    """Insert a block (and its children) at `index` of a list; missing or clashing ids are renewed."""
    blocks = list(get_list(design, list_path))
    if not 0 <= index <= len(blocks):
        raise DesignError("", f"insert position {index} is outside 0..{len(blocks)}")
    taken = {b.id for b in _walk_blocks(design.layers)}
    (fresh,) = _fresh_ids((block,), taken)
    blocks.insert(index, fresh)
    return _set_list(design, list_path, tuple(blocks))


def remove(design: Design, path: BlockPath) -> Design:
    get_block(design, path)
    blocks = list(get_list(design, path[:-1]))
    del blocks[path[-1]]
    return _set_list(design, path[:-1], tuple(blocks))


def move(design: Design, path: BlockPath, list_path: ListPath, index: int) -> tuple[Design, BlockPath]:
    """Move a block to `index` of a list (index as seen before the move); returns its new path."""
    block = get_block(design, path)
    if tuple(list_path[:len(path)]) == tuple(path):
        raise DesignError("", _("cannot move {kind} into itself").format(kind=block.type))
    dest = list(get_list(design, list_path))
    if not 0 <= index <= len(dest):
        raise DesignError("", f"move position {index} is outside 0..{len(dest)}")
    src_list = path[:-1]
    src_index = path[-1]
    # Removing the block shifts later siblings (and any list nested in them) up by one.
    adjusted = list(list_path)
    depth = len(src_list)
    if tuple(list_path[:depth]) == tuple(src_list) and len(list_path) > depth and list_path[depth] > src_index:
        adjusted[depth] -= 1
    if tuple(list_path) == tuple(src_list) and index > src_index:
        index -= 1
    without = remove(design, path)
    blocks = list(get_list(without, tuple(adjusted)))
    blocks.insert(index, block)
    return _set_list(without, tuple(adjusted), tuple(blocks)), tuple(adjusted) + (index,)


def set_params(design: Design, path: BlockPath, params: dict[str, Any]) -> Design:
    """Replace a block's params, validated; keys left out take torch's defaults."""
    block = get_block(design, path)
    checked = _checked_params(block.kind, params, json_path(design, path))
    return _set_block(design, path, replace(block, params=checked))


def set_param(design: Design, path: BlockPath, name: str, value: Any) -> Design:
    """Set one parameter; None removes it (back to torch's default) where it is optional."""
    block = get_block(design, path)
    params = dict(block.params)
    if value is None and block.kind.param(name).kind != PAIR_OR_NONE:
        params.pop(name, None)
    else:
        params[name] = value
    return set_params(design, path, params)


def set_label(design: Design, path: BlockPath, label: str | None) -> Design:
    block = get_block(design, path)
    return _set_block(design, path, replace(block, label=label or None))


def set_input(design: Design, shape: Any) -> Design:
    return replace(design, input=check_input_shape(shape))


def set_meta(design: Design, name: str | None = None, description: str | None = None) -> Design:
    return replace(design, name=design.name if name is None else name,
                   description=design.description if description is None else description)


def has_branches(block: Block) -> bool:
    """Whether the person may add and remove child lists of this block (a Concat's branches)."""
    composite = block.kind.composite
    return composite is not None and composite.variable_slots


def _branching(design: Design, path: BlockPath) -> Block:
    block = get_block(design, path)
    if not has_branches(block):
        names = " and ".join(k.name for k in CATALOGUE.values()
                             if k.composite is not None and k.composite.variable_slots)
        raise DesignError(json_path(design, path), _("only {kinds} has branches, this is {kind}").format(
            kinds=names, kind=block.type))
    return block


def add_branch(design: Design, path: BlockPath) -> Design:
    """Give a Concat block one more (empty) branch."""
    block = _branching(design, path)
    return _set_block(design, path, replace(block, children=block.children + ((),)))


def remove_branch(design: Design, path: BlockPath, branch: int) -> Design:
    block = _branching(design, path)
    if not 0 <= branch < len(block.children):
        raise DesignError(json_path(design, path), _("no branch {branch} (this {kind} has branches 0 to {last})").format(
            branch=branch, kind=block.type, last=len(block.children) - 1))
    if len(block.children) <= 1:
        raise DesignError(json_path(design, path), _("a {kind} keeps at least one branch").format(kind=block.type))
    children = block.children[:branch] + block.children[branch + 1:]
    return _set_block(design, path, replace(block, children=children))


def can_wrap_in(kind_name: str) -> bool:
    """Whether the editor offers "Wrap in <kind_name>" (Sequential, Residual)."""
    entry = CATALOGUE.get(kind_name)
    return entry is not None and entry.composite is not None and entry.composite.wraps


def wrap(design: Design, path: BlockPath, kind_name: str) -> Design:
    """Put the block at `path` into the first slot of a new `kind_name` block at its place
    (a Residual's body, with the identity shortcut); the block keeps its id."""
    block = get_block(design, path)
    if not can_wrap_in(kind_name):
        raise DesignError(json_path(design, path), _("a block cannot be wrapped in {kind}").format(kind=kind_name))
    # The wrapper's id is picked among all ids first, so the wrapped blocks keep theirs
    # (a Sequential wrapped in a Sequential would otherwise hand its id to the new one).
    (wrapper,) = _fresh_ids((new_block(kind_name),), {b.id for b in _walk_blocks(design.layers)})
    wrapper = replace(wrapper, children=CATALOGUE[kind_name].composite.wrapped(block))  # type: ignore[union-attr]
    return insert(remove(design, path), path[:-1], path[-1], wrapper)


def can_ungroup(block: Block) -> bool:
    """Whether the block can be replaced by the blocks it holds (a Sequential)."""
    return block.kind.composite is not None and block.kind.composite.ungroupable


def ungroup(design: Design, path: BlockPath) -> Design:
    """Replace a Sequential by the blocks it holds, in order, at its place (ids kept)."""
    block = get_block(design, path)
    if not can_ungroup(block):
        raise DesignError(json_path(design, path), _("only a group can be ungrouped, this is {kind}").format(
            kind=block.type))
    design = remove(design, path)
    for offset, child in enumerate(block.children[0]):
        design = insert(design, path[:-1], path[-1] + offset, child)
    return design


def edit_param(design: Design, path: BlockPath, name: str, value: Any) -> Design:
    """Set one parameter as the inspector does: a value equal to torch's default (or None)
    drops the key of an optional parameter, so the file keeps only what differs."""
    block = get_block(design, path)
    param = block.kind.param(name)
    params = dict(block.params)
    if not param.required and (value is None or value == param.default):
        params.pop(name, None)
    else:
        params[name] = value
    return set_params(design, path, params)


def block_from_json(text: str) -> Block:
    """Decode a block from the clipboard/drag payload (JSON only, never pickle)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DesignError("", _("not a block (invalid JSON: {reason})").format(reason=exc.msg)) from None
    except RecursionError:
        raise _nesting_too_deep() from None
    except ValueError as exc:  # an integer of more digits than Python converts
        raise DesignError("", _("not a block (unreadable JSON: {reason})").format(reason=digits_reason(exc))) from None
    return _parse_block(data, "block", set())


def block_to_json(block: Block) -> str:
    return json.dumps(block_to_dict(block))


def without_ids(block: Block) -> Block:
    """A copy whose ids (its children's too) are cleared, so inserting it makes new ones."""
    return replace(block, id="", children=tuple(tuple(without_ids(b) for b in child) for child in block.children))
