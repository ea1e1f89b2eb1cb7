"""Design -> standalone PyTorch source, and ONNX where the onnx package is installed.

The source is one readable `nn.Module` class that needs only torch (and torchvision where a
block is one of its modules, e.g. StochasticDepth). It constructs every
block with the same call and under the same name as the builder (both read
`layers.torch_call` and `builder.module_names`), so a state_dict saved by the app loads
into it unchanged. Its forward is straight-line, with the shape after each block.
"""

from __future__ import annotations

import inspect
import io
import keyword
import os
import re
import textwrap
import warnings
from typing import TYPE_CHECKING, Any

from playground.core.analysis import Analysis
from playground.core.builder import buildable_analysis, build_model, module_names
from playground.core.composites import Composite
from playground.core.design import Block, BlockPath, Design
from playground.core.fileio import atomic_write, check_writable
from playground.core.layers import TorchCall, composite_kinds, torch_call
from playground.core.safe_text import comment_text, docstring_body, string_literal
from playground.core.text import format_int, shape_text

if TYPE_CHECKING:
    from torch import nn

INDENT = "    "



class ExportError(Exception):
    """The export cannot be done here (e.g. ONNX without the onnx package)."""


def class_name_for(design: Design) -> str:
    """A Python class name from the design's name: "LeNet-5" -> "LeNet5", "ResNet mini" -> "ResNetMini"."""
    words = re.findall(r"[A-Za-z0-9]+", design.name)
    name = "".join(w[:1].upper() + w[1:] for w in words)
    if not name or not name[0].isalpha():
        name = "Net" + name
    return name


def _literal(value: Any) -> str:
    if isinstance(value, tuple):
        return "(" + ", ".join(_literal(v) for v in value) + ")"
    if isinstance(value, list):
        return "[" + ", ".join(_literal(v) for v in value) + "]"
    if isinstance(value, str):
        return string_literal(value)
    return repr(value)


def _leaf_source(call: TorchCall) -> str:
    args = [_literal(a) for a in call.args]
    args += [f"{k}={_literal(v)}" for k, v in call.kwargs.items()]
    prefix = "nn." if call.home == "torch.nn" else ""
    return f"{prefix}{call.class_name}({', '.join(args)})"


class _SourceWriter:
    def __init__(self, analysis: Analysis) -> None:
        self.rows = {row.path: row for row in analysis.rows}
        self.composites_used: set[Composite] = set()
        # Leaf modules from outside torch.nn: (home, class name), in order of first use.
        self.leaf_homes: dict[tuple[str, str], None] = {}
        self.uses_ordered_dict = False

    def block(self, block: Block, path: BlockPath, depth: int) -> list[str]:
        """Source lines of one block's module expression; continuation lines are indented."""
        composite = block.kind.composite
        if composite is not None:
            self.composites_used.add(composite)
            return composite.source(lambda c, at: self.sequential(block.children[c], path + (c,), at),
                                    len(block.children), depth, INDENT)
        row = self.rows[path]
        assert row.input_shape is not None
        call = torch_call(block.type, block.params, row.input_shape)
        if call.home != "torch.nn":
            self.leaf_homes[(call.home, call.class_name)] = None
        return [_leaf_source(call)]

    def sequential(self, blocks: tuple[Block, ...], list_path: BlockPath, depth: int) -> list[str]:
        if not blocks:
            return ["nn.Sequential()"]
        self.uses_ordered_dict = True
        pad = INDENT * (depth + 1)
        lines = ["nn.Sequential(OrderedDict(["]
        for i, (name, block) in enumerate(zip(module_names(blocks), blocks)):
            if block.label:
                lines.append(f"{pad}# {comment_text(block.label)}")
            inner = self.block(block, list_path + (i,), depth + 1)
            lines.append(f"{pad}({string_literal(name)}, {inner[0]}")
            lines += inner[1:]
            lines[-1] += "),"
        return lines + [INDENT * depth + "]))"]


def _helper_sources(used: set[Composite], leaf_homes: dict[tuple[str, str], None]) -> list[str]:
    """The source of the torch module of every composite kind used, in catalogue order, and
    of the playground's own leaf modules used: copied from the builder's own classes, so
    the two never drift apart."""
    classes = [k.composite.module_class() for k in composite_kinds() if k.composite in used]
    classes += [TorchCall(name, (), {}, home).module_class() for home, name in leaf_homes if home.startswith("playground.")]
    return ["\n" + inspect.getsource(cls) for cls in classes if cls is not None]


def _leaf_imports(leaf_homes: dict[tuple[str, str], None]) -> list[str]:
    """`from torchvision.ops import StochasticDepth` for leaf modules from other packages."""
    by_home: dict[str, list[str]] = {}
    for home, name in leaf_homes:
        if not home.startswith("playground.") and home != "torch.nn":
            by_home.setdefault(home, []).append(name)
    return [f"from {home} import {', '.join(sorted(names))}" for home, names in sorted(by_home.items())]


def _attribute(name: str) -> str:
    """How the generated class reaches a child module by name."""
    if name.isidentifier() and not keyword.iskeyword(name):
        return f"self.{name}"
    return f"getattr(self, {string_literal(name)})"


def export_source(design: Design, source_name: str | None = None) -> str:
    """The design as a standalone Python module defining one nn.Module class.

    Raises DesignError when the design has errors (as the builder does).
    """
    analysis = buildable_analysis(design)
    writer = _SourceWriter(analysis)
    init: list[str] = []
    forward: list[str] = []
    for i, (name, block) in enumerate(zip(module_names(design.layers), design.layers)):
        row = writer.rows[(i,)]
        if block.label:
            init.append(f"{INDENT * 2}# {comment_text(block.label)}")
        expr = writer.block(block, (i,), 2)
        target = _attribute(name)
        if target.startswith("self."):
            init.append(f"{INDENT * 2}{target} = {expr[0]}")
            init += expr[1:]
        else:
            init.append(f"{INDENT * 2}self.add_module({string_literal(name)}, {expr[0]}")
            init += expr[1:]
            init[-1] += ")"
        forward.append(f"{INDENT * 2}x = {target}(x)  # {shape_text(row.output_shape)}")

    class_name = class_name_for(design)
    c, h, w = design.input
    # Free text goes into the docstrings escaped, and is wrapped only at spaces, so an escape
    # is never split and nothing in a name, description or file name can end a docstring.
    title = docstring_body(design.name) + (f": {docstring_body(design.description)}" if design.description else "")
    doc = textwrap.wrap('"""' + title, width=96, break_long_words=False) + [""]
    origin = f" from {docstring_body(source_name)}" if source_name else ""
    needs = "torch and torchvision" if _leaf_imports(writer.leaf_homes) else "only torch"
    doc.append(f"Exported by CNN Playground{origin}; needs {needs}. The state_dict keys match the")
    doc.append("app's, so its checkpoints' weights load directly.")
    doc.append(f"Input {shape_text(design.input)}; output {shape_text(analysis.output_shape)}; "
               f"{format_int(analysis.total_params)} parameters; {format_int(analysis.total_macs)} MACs per sample.")
    doc += ['"""', ""]
    imports = ["from __future__ import annotations", ""]
    if writer.uses_ordered_dict:
        imports += ["from collections import OrderedDict", ""]
    imports += ["import torch", "from torch import nn"]
    imports += _leaf_imports(writer.leaf_homes) + [""]
    helpers = _helper_sources(writer.composites_used, writer.leaf_homes)
    body = [
        "",
        f"class {class_name}(nn.Module):",
        f'{INDENT}"""{docstring_body(design.name)}: {shape_text(design.input)} in, '
        f'{shape_text(analysis.output_shape)} out."""',
        "",
        f"{INDENT}input_shape = ({c}, {h}, {w})",
        "",
        f"{INDENT}def __init__(self) -> None:",
        f"{INDENT * 2}super().__init__()",
        *init,
        "",
        f"{INDENT}def forward(self, x: torch.Tensor) -> torch.Tensor:",
        f"{INDENT * 2}# {shape_text(design.input)}",
        *forward,
        f"{INDENT * 2}return x",
        "",
        "",
        'if __name__ == "__main__":',
        f"{INDENT}model = {class_name}().eval()",
        f"{INDENT}print(model)",
        f"{INDENT}print(model(torch.zeros(1, *model.input_shape)).shape)",
    ]
    return "\n".join(doc + imports + [h.rstrip("\n") + "\n" for h in helpers] + body) + "\n"


def write_source(design: Design, path: str | os.PathLike[str], source_name: str | None = None) -> None:
    """Write the exported source atomically; a place that cannot be written raises WriteError."""
    atomic_write(path, export_source(design, source_name).encode("utf-8"))


def onnx_available() -> bool:
    try:
        import onnx  # noqa: F401
    except ImportError:
        return False
    return True


def write_onnx(design: Design, path: str | os.PathLike[str], model: nn.Module | None = None) -> None:
    """Export the network as ONNX with a dynamic batch axis, in eval mode: `model` (e.g.
    trained weights) or a freshly built one.

    Uses torch's TorchScript exporter, which needs only the onnx package (the newer
    torch.export-based one also needs onnxscript); its deprecation notice is silenced.
    """
    if not onnx_available():
        raise ExportError("ONNX export needs the onnx package (pip install onnx)")
    import torch

    model = (model if model is not None else build_model(design)).eval()
    check_writable(path)  # a bad target fails before the export, not after it
    buffer = io.BytesIO()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            torch.onnx.export(model, (torch.zeros(1, *design.input),), buffer, dynamo=False,
                              input_names=["input"], output_names=["output"],
                              dynamic_axes={"input": {0: "batch"}, "output": {0: "batch"}})
    except Exception as exc:  # the exporter's own errors (unsupported operator, tracing failure, ...)
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else "no reason given"
        raise ExportError(f"{path}: ONNX export failed ({exc.__class__.__name__}: {reason})") from None
    atomic_write(path, buffer.getvalue())
