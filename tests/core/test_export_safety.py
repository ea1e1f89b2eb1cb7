"""Free text in a design (its name, description and block labels) never changes the exported program.

The exported file must compile, hold exactly the statements a plainly named design gives
(only docstrings and the class name may differ), keep the person's text in its docstrings,
and run. The same text must not break the summary table or its JSON either.
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path
from typing import Any

import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from playground.cli import main
from playground.core.analysis import analyze
from playground.core.design import Design, design_from_dict
from playground.core.export import class_name_for, export_source, onnx_available, write_onnx, write_source
from playground.core.safe_text import comment_text, printable, string_literal
from playground.core.summary_format import format_summary

INJECTION = 'x""";import os;os.system("touch /tmp/p");"""'

# Pieces that end or bend comments, strings and docstrings, mixed into arbitrary text.
NASTY = ['"""', "'''", '"', "'", "\\", "\\N{", "\\x", "\\u", "#", "\n", "\r", "\r\n", "\t", "\x00", "\x0c",
         "\x1b[31m", "\u2028", "\u0085", "\ufeff", "\ud800", "\udfff", "# -*- coding: latin-1 -*-", "):", "\\\n"]
ANY_CHAR = st.characters(exclude_categories=())  # surrogates and control characters included
FREE_TEXT = st.lists(st.one_of(st.sampled_from(NASTY), ANY_CHAR), max_size=12).map("".join)

LABELLED = ["conv", "group", "relu", "residual", "body conv", "concat", "branch conv", "branch pool", "flatten",
            "linear"]


def labelled_design(name: str, description: str, labels: dict[str, str]) -> Design:
    """A small design with a label on every block, composites and their children included."""
    def block(kind: str, key: str, **params: Any) -> dict[str, Any]:
        return {"type": kind, "label": labels[key], **params}

    return design_from_dict({
        "format": "cnn-playground.design", "version": 1, "name": name, "description": description,
        "input": [1, 8, 8],
        "layers": [
            block("Conv2d", "conv", out_channels=4, kernel_size=3, padding=1),
            block("Sequential", "group", layers=[block("ReLU", "relu")]),
            block("Residual", "residual", body=[block("Conv2d", "body conv", out_channels=4, kernel_size=3,
                                                      padding=1)]),
            block("Concat", "concat", branches=[[block("Conv2d", "branch conv", out_channels=2, kernel_size=1)],
                                                [block("MaxPool2d", "branch pool", kernel_size=3, stride=1,
                                                       padding=1)]]),
            block("Flatten", "flatten"),
            block("Linear", "linear", out_features=10),
        ],
    })


PLAIN = labelled_design("Plain", "a plain description", {key: f"label {i}" for i, key in enumerate(LABELLED)})


class _Normalised(ast.NodeTransformer):
    """Blanks what free text may legitimately change: docstrings and the main class's name."""

    def __init__(self, class_name: str) -> None:
        self.class_name = class_name

    def _blank_docstring(self, node: Any) -> Any:
        body = node.body
        if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) \
                and isinstance(body[0].value.value, str):
            body[0] = ast.Expr(ast.Constant("<docstring>"))
        return node

    def visit_Module(self, node: ast.Module) -> Any:
        self.generic_visit(node)
        return self._blank_docstring(node)

    def visit_ClassDef(self, node: ast.ClassDef) -> Any:
        self.generic_visit(node)
        if node.name == self.class_name:
            node.name = "<main>"
        return self._blank_docstring(node)

    def visit_FunctionDef(self, node: ast.FunctionDef) -> Any:
        self.generic_visit(node)
        return self._blank_docstring(node)

    def visit_Name(self, node: ast.Name) -> Any:
        if node.id == self.class_name:
            node.id = "<main>"
        return node


def top_level(tree: ast.Module, class_name: str) -> list[tuple[str, str]]:
    """Each top-level statement as (kind, name): imports by module, classes by name."""
    out = []
    for node in tree.body:
        if isinstance(node, ast.ImportFrom):
            name = node.module or ""
        elif isinstance(node, ast.Import):
            name = ",".join(alias.name for alias in node.names)
        elif isinstance(node, ast.ClassDef):
            name = "<main>" if node.name == class_name else node.name
        else:
            name = ""
        out.append((type(node).__name__, name))
    return out


def program(source: str, class_name: str) -> str:
    return ast.dump(_Normalised(class_name).visit(ast.parse(source)))


PLAIN_SOURCE = export_source(PLAIN, "plain.json")
PLAIN_TOP_LEVEL = top_level(ast.parse(PLAIN_SOURCE), class_name_for(PLAIN))
PLAIN_PROGRAM = program(PLAIN_SOURCE, class_name_for(PLAIN))


def assert_same_program_that_runs(design: Design, source: str) -> dict[str, Any]:
    """The checks of the property: compiles, the plain design's statements, the text kept, runs."""
    source.encode("utf-8")  # a file can hold it
    code = compile(source, "exported.py", "exec")
    class_name = class_name_for(design)
    tree = ast.parse(source)
    assert top_level(tree, class_name) == PLAIN_TOP_LEVEL
    assert program(source, class_name) == PLAIN_PROGRAM
    namespace: dict[str, Any] = {"__name__": "exported_module"}
    exec(code, namespace)  # noqa: S102 - the point of the test
    # The docstring shows the name on one line, invisible characters as escapes; wrapping
    # may put line breaks where it had spaces (or after a hyphen).
    assert re.sub(r"\s", "", namespace["__doc__"]).startswith(re.sub(r"\s", "", comment_text(design.name)))
    model = namespace[class_name]().eval()
    with torch.no_grad():
        out = model(torch.zeros(1, *design.input))
    assert out.shape == (1, 10)
    return namespace


def test_the_plain_design_has_the_expected_statements() -> None:
    assert PLAIN_TOP_LEVEL == [("Expr", ""), ("ImportFrom", "__future__"), ("ImportFrom", "collections"),
                               ("Import", "torch"), ("ImportFrom", "torch"), ("ClassDef", "Residual"),
                               ("ClassDef", "Concat"), ("ClassDef", "<main>"), ("If", "")]
    assert_same_program_that_runs(PLAIN, PLAIN_SOURCE)


@settings(max_examples=60, deadline=None)
@given(name=FREE_TEXT, description=FREE_TEXT, labels=st.lists(FREE_TEXT, min_size=len(LABELLED),
                                                                max_size=len(LABELLED)),
       source_name=FREE_TEXT)
def test_any_text_in_any_free_text_field_leaves_the_program_alone(name: str, description: str, labels: list[str],
                                                                  source_name: str) -> None:
    design = labelled_design(name, description, dict(zip(LABELLED, labels)))
    namespace = assert_same_program_that_runs(design, export_source(design, source_name or None))
    model_class = namespace[class_name_for(design)]
    assert model_class.__doc__.startswith(comment_text(name) + ": 1 x 8 x 8 in")


def test_the_issues_injection_name_stays_a_docstring(tmp_path: Path) -> None:
    design = labelled_design(INJECTION, "", {key: INJECTION for key in LABELLED})
    target = tmp_path / "model.py"
    write_source(design, target, source_name=INJECTION)
    source = target.read_text(encoding="utf-8")
    tree = ast.parse(source)
    imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    assert "os" not in imported
    calls = {ast.unparse(node.func) for node in ast.walk(tree) if isinstance(node, ast.Call)}
    assert not any("system" in call for call in calls)
    namespace = assert_same_program_that_runs(design, source)
    assert namespace["__doc__"].startswith(INJECTION + "\n")


def test_surrogates_and_control_characters_export_as_valid_utf8(tmp_path: Path) -> None:
    design = labelled_design("net \ud800\x00\x1b[2J", "line 1\nline 2\u2028", {key: "\udfff\r#" for key in LABELLED})
    target = tmp_path / "model.py"
    write_source(design, target)
    source = target.read_bytes().decode("utf-8")  # strict: valid UTF-8
    namespace = assert_same_program_that_runs(design, source)
    assert namespace["__doc__"].startswith("net \\ud800\\x00\\x1b[2J: line 1 line 2")
    assert "# \\udfff #" in source


@pytest.mark.parametrize("text, comment", [
    ("a\nb", "a b"), ("a\r\n\tb  c", "a b c"), ("tab\x00null", "tab\\x00null"), ("\ud800", "\\ud800"),
    ("zero\u200bwidth", "zero\\u200bwidth"), ('say "hi" \\ there', 'say "hi" \\ there'),
])
def test_comment_text_is_one_line_that_encodes(text: str, comment: str) -> None:
    assert comment_text(text) == comment
    comment_text(text).encode("utf-8")


@settings(max_examples=60, deadline=None)
@given(FREE_TEXT)
def test_a_string_literal_holds_the_text_exactly(text: str) -> None:
    literal = string_literal(text)
    assert "\n" not in literal and "\r" not in literal
    literal.encode("utf-8")
    assert ast.literal_eval(literal) == text


@settings(max_examples=60, deadline=None)
@given(name=FREE_TEXT, label=FREE_TEXT)
def test_the_summary_table_keeps_one_line_per_row(name: str, label: str) -> None:
    design = labelled_design(name, "", {key: label for key in LABELLED})
    plain = format_summary(PLAIN, analyze(PLAIN))
    text = format_summary(design, analyze(design))
    text.encode("utf-8")
    assert len(text.splitlines()) == len(plain.splitlines())
    assert text.splitlines()[0] == f"{printable(name)}: input 1 x 8 x 8"


def test_the_cli_writes_hostile_text_as_one_valid_utf8_file_and_table(tmp_path: Path,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    design_json = json.dumps({"format": "cnn-playground.design", "version": 1, "name": "evil\ud800\n\x1b[2J",
                              "description": INJECTION, "input": [1, 8, 8],
                              "layers": [{"type": "Flatten", "label": "\udfff\"\"\"\n"},
                                         {"type": "Linear", "out_features": 10}]})
    assert "\\ud800" in design_json  # the file holds the escape; loading gives a lone surrogate
    path = tmp_path / "evil.json"
    path.write_text(design_json, encoding="utf-8")
    target = tmp_path / "evil.py"
    assert main(["export", str(path), "--to", "py", "-o", str(target)]) == 0
    compile(target.read_bytes().decode("utf-8"), str(target), "exec")
    capsys.readouterr()
    assert main(["summary", str(path)]) == 0
    table = capsys.readouterr().out
    table.encode("utf-8")
    assert table.splitlines()[0] == "evil\\ud800\\n\\x1b[2J: input 1 x 8 x 8"
    assert main(["summary", str(path), "--json"]) == 0
    out = capsys.readouterr().out
    out.encode("utf-8")
    assert json.loads(out)["name"] == "evil\ud800\n\x1b[2J"


@pytest.mark.skipif(not onnx_available(), reason="the onnx package is not installed")
def test_onnx_holds_no_free_text(tmp_path: Path) -> None:
    """The ONNX graph is named by fixed input/output names and block ids (letters, digits,
    _ . -), never by the design's name, description or labels."""
    design = labelled_design("EVILNAME" + INJECTION, "EVILDESC\n\x00", {key: f"EVILLABEL{key}\n" for key in LABELLED})
    target = tmp_path / "model.onnx"
    write_onnx(design, target)
    data = target.read_bytes()
    assert b"EVIL" not in data and b"os.system" not in data
