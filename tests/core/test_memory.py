"""The training-memory estimate, checked against what torch really holds, and the refusals it gives."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
import torch

from playground.core import memory
from playground.core.analysis import analyze
from playground.core.builder import build_model
from playground.core.composite_modules import Concat, Residual
from playground.core.design import Design, DesignError, design_from_dict, load_design
from playground.core.memory import (
    FreeMemory, NotEnoughMemory, estimate_training_memory, format_size, free_memory, host_free_memory,
    largest_batch, refuse_weights_that_cannot_fit, training_memory_problem)
from playground.paths import example_paths

EXAMPLES = {p.stem: p for p in example_paths()}
GB = 1_000_000_000

# 4096 x 220 x 220 features into Linear(65536): 12,992,276,144,128 parameters, 52 TB of float32.
HUGE = {"format": "cnn-playground.design", "version": 1, "name": "13 trillion", "input": [1, 28, 28],
        "layers": [{"type": "Conv2d", "out_channels": 4096, "kernel_size": 1},
                   {"type": "AdaptiveAvgPool2d", "output_size": 220}, {"type": "Flatten"},
                   {"type": "Linear", "out_features": 65536}]}


@dataclass
class Settings:
    optimizer: str = "adam"
    momentum: float = 0.9
    batch_size: int = 64
    device: str = "cpu"


def weight_bytes(model: torch.nn.Module) -> int:
    return sum(p.numel() for p in model.parameters()) * 4


def one_step(design: Design, make: type[torch.optim.Optimizer] = torch.optim.Adam,
             **kw: float) -> tuple[torch.nn.Module, dict]:
    """Build, run one training step, and return the model and the optimiser's state."""
    model = build_model(design)
    opt = make(model.parameters(), lr=1e-3, **kw)
    out = model(torch.randn(2, *design.input))
    out.square().mean().backward()
    opt.step()
    return model, opt.state


def state_bytes(state: dict) -> int:
    """Bytes of the per-weight tensors an optimiser keeps (Adam's scalar step counter aside)."""
    return sum(v.numel() * 4 for s in state.values() for k, v in s.items() if k != "step")


def test_lenet5_weights_gradients_and_optimiser_state_match_what_torch_holds() -> None:
    design = load_design(EXAMPLES["lenet5"])
    model, adam_state = one_step(design)
    estimate = estimate_training_memory(design, "adam", batch_size=64)
    assert estimate.weights == weight_bytes(model) == 61_706 * 4
    assert estimate.gradients == sum(p.grad.numel() * 4 for p in model.parameters())
    assert estimate.optimizer_state == state_bytes(adam_state) == 2 * estimate.weights
    _, sgd_state = one_step(design, make=torch.optim.SGD, momentum=0.9)
    assert estimate_training_memory(design, "sgd", momentum=0.9).optimizer_state == state_bytes(sgd_state)
    assert state_bytes(sgd_state) == estimate.weights
    assert estimate_training_memory(design, "sgd", momentum=0.0).optimizer_state == 0
    assert estimate_training_memory(design, "adamw").optimizer_state == 2 * estimate.weights
    assert estimate.fixed == 4 * estimate.weights
    assert estimate.total == estimate.fixed + 64 * estimate.activations_per_sample


@pytest.mark.parametrize("name", ["lenet5", "resnet_mini", "inception_mini"])
def test_activations_per_sample_are_the_outputs_torch_makes(name: str) -> None:
    """Input + every leaf's output + every Residual sum and Concat result, measured with
    hooks, + gradient room for the two largest of those outputs."""
    design = load_design(EXAMPLES[name])
    model = build_model(design)
    outputs: list[int] = []
    for module in model.modules():
        leaf = not list(module.children()) and not isinstance(module, torch.nn.Sequential)  # an empty one is identity
        if leaf or isinstance(module, (Residual, Concat)):
            module.register_forward_hook(lambda _m, _i, out: outputs.append(out[0].numel() * 4))
    model(torch.zeros(1, *design.input))
    input_bytes = torch.zeros(design.input).numel() * 4
    expected = input_bytes + sum(outputs) + sum(sorted(outputs)[-2:])
    assert estimate_training_memory(design).activations_per_sample == expected


def test_the_largest_batch_that_fits() -> None:
    estimate = estimate_training_memory(load_design(EXAMPLES["lenet5"]), batch_size=64)
    per_sample = estimate.activations_per_sample
    assert largest_batch(estimate, estimate.fixed + 10 * per_sample) == 10
    assert largest_batch(estimate, estimate.fixed + 10 * per_sample - 1) == 9
    assert largest_batch(estimate, estimate.fixed + per_sample - 1) == 0
    assert largest_batch(estimate, estimate.fixed // 2) == 0


def test_the_messages_say_what_is_needed_what_is_free_and_what_would_fit() -> None:
    design = load_design(EXAMPLES["lenet5"])
    estimate = estimate_training_memory(design, batch_size=64)
    settings = Settings(batch_size=64)
    assert training_memory_problem(design, settings, FreeMemory(estimate.total, "this machine")) is None
    tight = FreeMemory(estimate.fixed + 10 * estimate.activations_per_sample, "this machine")
    line = training_memory_problem(design, settings, tight)
    assert line is not None and "\n" not in line
    assert line.startswith(f"needs about {format_size(estimate.total)} at batch size 64 (weights, gradients and "
                           f"Adam's state {format_size(estimate.fixed)}, activations ")
    assert line.endswith(f"this machine has {format_size(tight.bytes)} free; batch size 10 would fit")
    too_little = FreeMemory(estimate.fixed + estimate.activations_per_sample - 1, "cuda:0")
    assert training_memory_problem(design, settings, too_little).endswith(
        f"cuda:0 has {format_size(too_little.bytes)} free; "
        "not even batch size 1 fits: make the design's feature maps smaller")
    no_state = training_memory_problem(design, Settings(optimizer="sgd", momentum=0.0),
                                       FreeMemory(estimate.weights + 1, "this machine"))
    assert no_state == (f"needs about {format_size(2 * estimate.weights)} for weights and gradients before any "
                        f"batch; this machine has {format_size(estimate.weights + 1)} free")
    assert training_memory_problem(design, settings, FreeMemory(1000, "this machine")) == (
        "needs about 247 kB for weights alone; this machine has 1.0 kB free")


def test_a_13_trillion_parameter_design_is_refused_for_its_weights_alone() -> None:
    design = design_from_dict(HUGE)
    line = training_memory_problem(design, Settings(), FreeMemory(24 * GB, "this machine"))
    assert line == "needs about 52 TB for weights alone; this machine has 24 GB free"


def test_the_builder_refuses_weights_that_cannot_fit_before_torch_allocates(monkeypatch: pytest.MonkeyPatch) -> None:
    design = design_from_dict(HUGE)
    monkeypatch.setattr(memory, "host_free_memory", lambda: 24 * GB)
    with pytest.raises(NotEnoughMemory, match=r"^needs about 52 TB for weights alone; this machine has 24 GB free$"):
        build_model(design)
    monkeypatch.setattr(memory, "host_free_memory", lambda: 100_000)
    with pytest.raises(DesignError, match="needs about 247 kB for weights alone; this machine has 100 kB free"):
        build_model(load_design(EXAMPLES["lenet5"]))
    with torch.device("meta"):  # the meta device allocates nothing, so nothing is refused
        assert sum(p.numel() for p in build_model(design).parameters()) == 12_992_276_144_128


def test_unknown_free_memory_refuses_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(memory, "host_free_memory", lambda: None)
    design = design_from_dict(HUGE)
    assert free_memory("cpu") is None
    assert training_memory_problem(design, Settings()) is None
    refuse_weights_that_cannot_fit(analyze(design))
    assert free_memory("tpu") is None


@pytest.mark.parametrize("n, text", [(0, "0 B"), (999, "999 B"), (1000, "1.0 kB"), (246_824, "247 kB"),
                                     (3_141_000_000_000, "3.1 TB"), (24 * GB, "24 GB"), (9_960_000, "10 MB"),
                                     (52 * 10**15, "52 PB")])
def test_sizes_read_as_people_quote_free_memory(n: int, text: str) -> None:
    assert format_size(n) == text


def test_free_memory_on_linux_is_memavailable_within_the_cgroup_limit(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    meminfo = tmp_path / "meminfo"
    meminfo.write_text("MemTotal:       32000000 kB\nMemFree:         1000000 kB\nMemAvailable:   20000000 kB\n")
    cgroup = tmp_path / "cgroup"
    cgroup.mkdir()
    monkeypatch.setattr(memory, "MEMINFO", meminfo)
    monkeypatch.setattr(memory, "CGROUP", cgroup)
    assert host_free_memory() == 20_000_000 * 1024  # no cgroup files: no limit
    (cgroup / "memory.max").write_text("max\n")
    (cgroup / "memory.current").write_text("5000\n")
    assert host_free_memory() == 20_000_000 * 1024
    (cgroup / "memory.max").write_text(f"{8 * GB}\n")
    (cgroup / "memory.current").write_text(f"{GB}\n")
    assert host_free_memory() == 7 * GB
    assert free_memory("cpu") == FreeMemory(7 * GB, "this machine")
    monkeypatch.setattr(memory, "MEMINFO", tmp_path / "missing")
    monkeypatch.setattr(memory, "_sysconf_available", lambda: 3 * GB)
    assert host_free_memory() == 3 * GB


def test_this_machine_reports_its_free_memory() -> None:
    free = free_memory("cpu")
    assert free is not None and free.where == "this machine" and free.bytes > 0


def test_without_cuda_a_gpu_has_no_free_memory_to_tell(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    assert free_memory("cuda") is None and free_memory(torch.device("cuda", 0)) is None


@pytest.mark.skipif(not torch.cuda.is_available(), reason="needs a CUDA GPU")
def test_a_gpus_free_memory_is_what_the_driver_says() -> None:
    index = torch.cuda.current_device()
    free = free_memory("cuda")
    _, total = torch.cuda.mem_get_info(index)
    assert free is not None and free.where == f"cuda:{index}" and 0 < free.bytes <= total
    line = training_memory_problem(design_from_dict(HUGE), Settings(device="auto"))
    assert line is not None and line.startswith("needs about 52 TB for weights alone; cuda:")
