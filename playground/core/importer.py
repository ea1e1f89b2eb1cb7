"""A PyTorch model as a design: torchvision's classifiers or any importable nn.Module.

    imported = import_module(model, (3, 224, 224), "ResNet-50")
    imported.design                      # the blocks, nested where the model nests
    imported.state_dict(model.state_dict())   # its weights, under the design's names

`import_trace` reads the forward with torch.fx into steps, `import_structure` turns them
into nested blocks; this module names the sources (`torchvision:NAME`,
`module:package.module:ClassOrFactory`), checks the result against the model (shapes and
parameter count), maps a state_dict's keys onto the design's, and writes the checkpoint.
Every refusal is an `ImportFailure` with a one-line message.
"""

from __future__ import annotations

import importlib
import os
import pickle
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Mapping

import torch
import torch.nn as nn

from playground.core.analysis import analyze
from playground.core.builder import build_model
from playground.core.datasets import DatasetInfo
from playground.core.design import BlockPath, Design, DesignError, design_from_dict, design_to_dict
from playground.core.i18n import _
from playground.core.import_ops import ImportFailure
from playground.core.import_structure import structure
from playground.core.import_trace import trace
from playground.core.inspect_model import block_modules
from playground.core.text import format_int, shape_text

__all__ = ["ImportFailure", "ImportedDesign", "import_module", "load_source", "load_state_dict",
           "checkpoint_dataset", "IMAGENET_MEAN", "IMAGENET_STD"]

IMAGENET_MEAN = (0.485, 0.456, 0.406)
IMAGENET_STD = (0.229, 0.224, 0.225)


@dataclass(frozen=True)
class ImportedDesign:
    """The design and, per leaf block path, where each of its weights comes from in the
    source model's state_dict: local name -> (source key, transform)."""

    design: Design
    weight_sources: dict[BlockPath, dict[str, tuple[str, str]]]

    def state_dict(self, source: Mapping[str, torch.Tensor]) -> dict[str, torch.Tensor]:
        """The design's state_dict (its own keys) filled from the source model's.

        Raises ImportFailure naming the first weight the source lacks or whose shape differs.
        """
        with torch.device("meta"):
            model = build_model(self.design)
        prefixes = {id(m): name for name, m in model.named_modules()}
        out: dict[str, torch.Tensor] = {}
        for ref in block_modules(self.design, model):
            if ref.block.kind.composite is not None:
                continue
            sources = self.weight_sources.get(ref.path, {})
            for local, expected in ref.module.state_dict().items():
                key = f"{prefixes[id(ref.module)]}.{local}"
                if local not in sources:
                    raise ImportFailure(_("{key}: no weight of the source model maps to it").format(key=key))
                source_key, transform = sources[local]
                if source_key not in source:
                    raise ImportFailure(_("the weights have no {key} (needed for {block})").format(
                        key=source_key, block=ref.block.id))
                tensor = _transformed(source[source_key], transform)
                if tuple(tensor.shape) != tuple(expected.shape):
                    raise ImportFailure(_("{key} has shape {shape}; {block} needs {needed}").format(
                        key=source_key, shape=list(source[source_key].shape), block=ref.block.id,
                        needed=list(expected.shape)))
                out[key] = tensor.detach().to("cpu", copy=True).contiguous()
        return out


def _transformed(tensor: torch.Tensor, transform: str) -> torch.Tensor:
    if transform == "linear_to_conv":  # out x in -> out x in x 1 x 1
        return tensor.reshape(*tensor.shape, 1, 1)
    if transform == "to_channel_column":  # C -> C x 1 x 1
        return tensor.reshape(-1, 1, 1)
    return tensor


def import_module(model: nn.Module, input_shape: tuple[int, int, int], name: str,
                  description: str = "") -> ImportedDesign:
    """The model as a design for a C x H x W input. The model is traced, never run on data;
    its weights may be on the meta device."""
    graph = trace(model, input_shape)
    found = structure(graph)
    draft = Design(name, description, tuple(input_shape), found.layers)  # type: ignore[arg-type]
    try:
        design = design_from_dict(design_to_dict(draft))
    except DesignError as exc:
        raise ImportFailure(_("the imported design is not valid ({reason})").format(reason=exc)) from None
    analysis = analyze(design)
    if analysis.errors:
        path, message = analysis.errors[0]
        raise ImportFailure(_("the imported design has an error at {path}: {reason}").format(path=path, reason=message))
    if analysis.output_shape != graph.output.shape:
        raise ImportFailure(_("the design gives {shape} but the model gives {model_shape}").format(
            shape=shape_text(analysis.output_shape), model_shape=shape_text(graph.output.shape)))
    used = graph.used_sources
    model_params = sum(p.numel() for n, p in model.named_parameters() if n in used)
    if analysis.total_params != model_params:
        raise ImportFailure(_("the design has {params} parameters but the model's forward uses {used}").format(
            params=format_int(analysis.total_params), used=format_int(model_params)))
    if not description:
        unused = sum(p.numel() for n, p in model.named_parameters() if n not in used)
        note = f" ({format_int(unused)} parameters its forward does not use in eval are left out)" if unused else ""
        design = design_from_dict({**design_to_dict(design),
                                   "description": f"Imported from {name}: {format_int(analysis.total_params)} "
                                                  f"parameters{note}"})
    return ImportedDesign(design, found.weights)


# ---------------------------------------------------------------- sources

@dataclass(frozen=True)
class Source:
    """A model named on the command line, built on the meta device where it can be (no memory, no init)."""

    model: nn.Module
    name: str
    input_shape: tuple[int, int, int]
    # ImageNet's class names and normalisation for torchvision's classifiers.
    class_names: tuple[str, ...] | None
    mean: tuple[float, ...] | None
    std: tuple[float, ...] | None


def _shape(text: str | None) -> tuple[int, int, int] | None:
    if text is None:
        return None
    try:
        values = tuple(int(v) for v in text.replace("x", ",").split(","))
    except ValueError:
        raise ImportFailure(_("--input: expected C,H,W (e.g. 3,224,224), got {text}").format(text=repr(text))) from None
    if len(values) != 3 or min(values) < 1:
        raise ImportFailure(_("--input: expected three positive sizes C,H,W, got {text}").format(text=repr(text)))
    return values  # type: ignore[return-value]


def load_source(spec: str, input_shape: str | None = None) -> Source:
    """`torchvision:NAME` or `module:package.module:ClassOrFactory`, built on the meta device."""
    kind, _colon, rest = spec.partition(":")
    shape = _shape(input_shape)
    if kind == "torchvision" and rest:
        return _torchvision(rest, shape)
    if kind == "module" and rest:
        if shape is None:
            raise ImportFailure(_("module: imports need --input C,H,W (the shape of one input image)"))
        return _factory(rest, shape)
    raise ImportFailure(_("{spec}: expected torchvision:NAME (e.g. torchvision:resnet18) or "
                          "module:package.module:ClassOrFactory").format(spec=repr(spec)))


def _built(factory: Callable[[], Any]) -> Any:
    """What the factory makes, on the meta device (no memory, no initialisation); on the CPU
    where the constructor computes with tensors (RegNet works its widths out with torch)."""
    try:
        with torch.device("meta"):
            return factory()
    except (NotImplementedError, RuntimeError):  # "Cannot copy out of meta tensor" and kin
        return factory()


def _torchvision(name: str, shape: tuple[int, int, int] | None) -> Source:
    from torchvision import models

    classifiers = set(models.list_models(module=models))
    if name not in classifiers:
        close = sorted(n for n in classifiers if n.startswith(name[:4]))[:5]
        hint = _(" (did you mean {names}?)").format(names=", ".join(close)) if close else ""
        raise ImportFailure(_("torchvision has no classification model {name}{hint}").format(name=repr(name), hint=hint))
    model = _built(lambda: models.get_model(name, weights=None))
    categories: tuple[str, ...] | None = None
    size = 224
    try:
        weights = next(iter(models.get_model_weights(name)))
        categories = tuple(weights.meta.get("categories") or ()) or None
        crop = getattr(weights.transforms, "keywords", {}).get("crop_size")
        size = int(crop) if crop else size
    except (ValueError, StopIteration, TypeError):  # no published weights: no class names
        categories = None
    return Source(model, name, shape or (3, size, size), categories, IMAGENET_MEAN, IMAGENET_STD)


def _factory(spec: str, shape: tuple[int, int, int]) -> Source:
    module_name, _colon, attribute = spec.rpartition(":")
    if not module_name or not attribute:
        raise ImportFailure(_("module:{spec}: expected module:package.module:ClassOrFactory").format(spec=spec))
    try:
        module = importlib.import_module(module_name)
    except Exception as exc:  # whatever importing the person's module raises
        raise ImportFailure(_("cannot import {module} ({error}: {reason})").format(
            module=module_name, error=exc.__class__.__name__, reason=exc)) from None
    factory = getattr(module, attribute, None)
    if not callable(factory):
        raise ImportFailure(_("{module} has no class or function {name}").format(module=module_name,
                                                                                 name=repr(attribute)))
    try:
        model = _built(factory)
    except Exception as exc:  # the constructor's own errors
        raise ImportFailure(_("{factory}() failed ({error}: {reason})").format(
            factory=f"{module_name}.{attribute}", error=exc.__class__.__name__, reason=exc)) from None
    if not isinstance(model, nn.Module):
        raise ImportFailure(_("{factory}() gives a {type}, not an nn.Module").format(
            factory=f"{module_name}.{attribute}", type=type(model).__name__))
    return Source(model, attribute, shape, None, None, None)


# ---------------------------------------------------------------- weights

def load_state_dict(path: str | os.PathLike[str]) -> dict[str, torch.Tensor]:
    """A state_dict saved with torch.save (.pt/.pth), read with weights_only (never runs code)."""
    path = Path(path)
    if not path.is_file():
        raise ImportFailure(_("{path}: no such file").format(path=path))
    try:
        raw = torch.load(path, map_location="cpu", weights_only=True)
    except (pickle.UnpicklingError, RuntimeError, EOFError, OSError, ValueError, zipfile.BadZipFile) as exc:
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else exc.__class__.__name__
        raise ImportFailure(_("{path}: not a state_dict torch can load safely ({reason})").format(
            path=path, reason=reason[:200])) from None
    if isinstance(raw, dict) and isinstance(raw.get("state_dict"), dict):
        raw = raw["state_dict"]
    if not isinstance(raw, dict) or not all(isinstance(k, str) and isinstance(v, torch.Tensor) for k, v in raw.items()):
        raise ImportFailure(_("{path}: expected a state_dict (names -> tensors)").format(path=path))
    return raw


def checkpoint_dataset(source: Source, design: Design, output_shape: tuple[int, ...]) -> DatasetInfo:
    """What the checkpoint says its inputs are: ImageNet's for torchvision, plain otherwise."""
    if len(output_shape) != 1 or output_shape[0] < 2:
        raise ImportFailure(_("a checkpoint needs a classifier (a flat output of classes); the model gives "
                              "{shape}").format(shape=shape_text(output_shape)))
    classes = output_shape[0]
    names = source.class_names if source.class_names and len(source.class_names) == classes else tuple(
        f"class {i}" for i in range(classes))
    channels = design.input[0]
    mean = source.mean if source.mean and len(source.mean) == channels else (0.0,) * channels
    std = source.std if source.std and len(source.std) == channels else (1.0,) * channels
    return DatasetInfo(f"imported: {source.name}", design.input, names, mean, std)
