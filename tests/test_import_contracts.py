"""The architecture's import rules, read from the source with `ast` (no import runs).

Every import that runs counts, also one inside a function: a lazy import is still a
dependency, and hiding a circle in a function body is how the old `app -> workbench ->
main_window -> app` loop survived. Imports under `if TYPE_CHECKING:` never run; they
name types for annotations only and are left out. See docs/ARCHITECTURE.md for why each rule exists.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE_ROOT = Path(__file__).resolve().parent.parent / "playground"
PAGES = ("design", "train", "draw", "slide", "lessons")
QT_PACKAGES = ("PySide6", "shiboken6", "pyqtgraph")


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE_ROOT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Absolute names of everything `path` imports, relative imports resolved."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = _module_name(path) if path.name == "__init__.py" else _module_name(path).rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            node.body = []  # annotations only: never imported at run time
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            names.add(module)
            names.update(f"{module}.{alias.name}" for alias in node.names)
    return names


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _graph() -> dict[str, set[str]]:
    modules = {_module_name(p): p for p in PACKAGE_ROOT.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        graph[name] = {target for target in _imports(path) if target in modules and target != name}
    return graph


GRAPH = _graph()


def _all_imports(prefix: str) -> dict[str, set[str]]:
    modules = {_module_name(p): p for p in PACKAGE_ROOT.rglob("*.py")}
    return {name: _imports(path) for name, path in modules.items()
            if name == prefix or name.startswith(prefix + ".")}


def _offenders(prefix: str, forbidden: tuple[str, ...]) -> list[str]:
    return sorted(f"{name} imports {target}"
                  for name, targets in _all_imports(prefix).items()
                  for target in targets
                  if any(target == f or target.startswith(f + ".") for f in forbidden))


def test_the_graph_sees_the_whole_package() -> None:
    assert "playground.core.design" in GRAPH and "playground.ui.shell.main_window" in GRAPH
    assert "playground.core.design" in GRAPH["playground.core.analysis"]


def test_core_never_imports_qt_or_the_ui() -> None:
    assert _offenders("playground.core", QT_PACKAGES + ("playground.ui", "playground.commands")) == []


def test_ui_state_never_imports_widgets_or_a_page() -> None:
    forbidden = ("PySide6.QtWidgets", "pyqtgraph", "playground.ui.shell", "playground.ui.widgets") + tuple(
        f"playground.ui.{page}" for page in PAGES)
    assert _offenders("playground.ui.state", forbidden) == []


def test_shared_widgets_import_no_page_and_no_shell() -> None:
    forbidden = ("playground.ui.shell",) + tuple(f"playground.ui.{page}" for page in PAGES)
    assert _offenders("playground.ui.widgets", forbidden) == []


@pytest.mark.parametrize("page", PAGES)
def test_pages_never_import_each_other_or_the_shell(page: str) -> None:
    others = tuple(f"playground.ui.{other}" for other in PAGES if other != page) + ("playground.ui.shell",)
    assert _offenders(f"playground.ui.{page}", others) == []


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    found: list[list[str]] = []
    counter = 0
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is None:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        found.append(sorted(component))
            elif child not in index:
                index[child] = low[child] = counter
                counter += 1
                stack.append(child)
                on_stack.add(child)
                work.append((child, iter(sorted(graph[child]))))
            elif child in on_stack:
                low[node] = min(low[node], index[child])
    return found


def test_the_cycle_finder_finds_a_circle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_import_circles_anywhere_in_the_package() -> None:
    # Package __init__ modules are only containers; an import of "playground.ui" is not an edge.
    graph = {name: {t for t in deps if not (PACKAGE_ROOT.parent / t.replace(".", "/") / "__init__.py").exists()}
             for name, deps in GRAPH.items()}
    assert _cycles(graph) == []
