"""ONNX export checked by running it: onnxruntime gives torch's outputs for every example.

Each example is built with seeded weights (BatchNorm's running statistics drawn too, so
eval-mode normalisation is really exercised), exported once, and run by onnxruntime at
batch sizes 1 and 7 through the one dynamic batch axis.

Input sizes: a 224x224 example whose only adaptive pooling is global (output 1) is
checked at 64x64 (NiN, whose pooling needs more, at 96x96), which keeps its every block
and weight and takes a fraction of the time.
AlexNet and VGG-11 end in AdaptiveAvgPool2d(6) / (7), which the ONNX exporter supports
only when the incoming map is a whole multiple of the output (6x6 and 7x7 at 224x224 and
nothing smaller), so they are checked at full size, from one export each.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
import torch

from playground.core.analysis import analyze
from playground.core.builder import build_model
from playground.core.design import Design, load_design, walk
from playground.core.export import onnx_available, write_onnx
from playground.paths import example_paths

ort = pytest.importorskip("onnxruntime", reason="onnxruntime is in the test extras: pip install '.[test]'")
pytestmark = pytest.mark.skipif(not onnx_available(), reason="the onnx package is not installed")

EXAMPLES = {p.stem: p for p in example_paths()}
REDUCED_SIDES = (64, 96)
BATCHES = (1, 7)


def checked_design(design: Design) -> Design:
    """The design at the first of REDUCED_SIDES that changes nothing but the spatial size
    (every adaptive pooling is global and the network analyses to the same output), or
    as it is."""
    c, h, w = design.input
    adaptive = [b for _, b in walk(design) if b.type.startswith("Adaptive")]
    if any(b.params.get("output_size") not in (1, [1, 1]) for b in adaptive):
        return design
    for side in REDUCED_SIDES:
        if side < min(h, w):
            smaller = dataclasses.replace(design, input=(c, side, side))
            reduced = analyze(smaller)
            if reduced.ok and reduced.output_shape == analyze(design).output_shape:
                return smaller
    return design


def seeded_model(design: Design) -> torch.nn.Module:
    """The built network in eval mode with seeded weights and non-trivial BatchNorm statistics."""
    torch.manual_seed(0)
    model = build_model(design)
    generator = torch.Generator().manual_seed(1)
    for module in model.modules():
        if isinstance(module, torch.nn.modules.batchnorm._BatchNorm) and module.running_mean is not None:
            shape = module.running_mean.shape
            module.running_mean.copy_(torch.randn(shape, generator=generator) * 0.1)
            module.running_var.copy_(torch.rand(shape, generator=generator) + 0.5)
            if module.affine:
                module.weight.data.copy_(torch.rand(shape, generator=generator) + 0.5)
                module.bias.data.copy_(torch.randn(shape, generator=generator) * 0.1)
    return model.eval()


def test_the_reduced_input_keeps_only_what_onnx_can_take() -> None:
    sides = {name: checked_design(load_design(path)).input[1] for name, path in EXAMPLES.items()}
    assert sides["alexnet"] == sides["vgg11"] == 224
    assert sides["resnet18"] == sides["googlenet"] == 64
    assert sides["nin"] == 96
    assert sides["lenet5"] == 28


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_onnxruntime_gives_torchs_outputs(name: str, tmp_path: Path) -> None:
    design = checked_design(load_design(EXAMPLES[name]))
    model = seeded_model(design)
    target = tmp_path / f"{name}.onnx"
    write_onnx(design, target, model)
    options = ort.SessionOptions()
    options.log_severity_level = 3  # errors only
    session = ort.InferenceSession(str(target), options, providers=["CPUExecutionProvider"])
    (graph_input,) = session.get_inputs()
    assert graph_input.name == "input" and graph_input.shape[0] == "batch"
    generator = torch.Generator().manual_seed(2)
    for batch in BATCHES:
        x = torch.randn(batch, *design.input, generator=generator)
        with torch.no_grad():
            expected = model(x)
        (got,) = session.run(["output"], {"input": x.numpy()})
        assert got.shape == tuple(expected.shape)
        # float32 through two different kernels: agree to ~1e-4 of the output's scale
        torch.testing.assert_close(torch.from_numpy(got), expected, rtol=1e-4,
                                   atol=1e-4 * float(expected.abs().max()) + 1e-6)
