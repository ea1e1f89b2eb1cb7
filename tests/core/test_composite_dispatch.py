"""The composite kinds are dispatched through their `Composite`, not recognised by name.

Counts every comparison of a value with a composite's type name ("Residual" == ...,
... in ("Sequential", ...), match cases) in the package outside the two modules where the
kinds are defined, so a new special case shows up here instead of in the next composite's
diff.
"""

from __future__ import annotations

import ast
from pathlib import Path

import playground
from playground.core.layers import composite_kinds

NAMES = {k.name for k in composite_kinds()}
HOMES = {"playground/core/composites.py", "playground/core/layers.py"}


def _names_in(node: ast.AST) -> int:
    return sum(1 for n in ast.walk(node) if isinstance(n, ast.Constant) and n.value in NAMES)


def name_comparisons(tree: ast.AST) -> int:
    count = 0
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare):
            count += _names_in(node)
        elif isinstance(node, ast.match_case):
            count += _names_in(node.pattern)
    return count


def test_comparisons_of_composite_type_names_stay_in_their_home() -> None:
    root = Path(playground.__file__).parent.parent
    found = {}
    for path in sorted((root / "playground").rglob("*.py")):
        rel = path.relative_to(root).as_posix()
        if rel in HOMES:
            continue
        count = name_comparisons(ast.parse(path.read_text(encoding="utf-8")))
        if count:
            found[rel] = count
    over = {rel: count for rel, count in found.items() if count}
    assert not over, f"compare through block.kind.composite instead: {over}"


def test_the_counter_sees_each_way_of_comparing() -> None:
    source = '''
if block.type == "Residual": pass
if t in ("Sequential", "Concat"): pass
match t:
    case "Concat": pass
call("Residual")
'''
    assert name_comparisons(ast.parse(source)) == 4
