"""The summary table labels memory in binary units, matching the 1024-based division."""

from __future__ import annotations

from playground.core.analysis import analyze
from playground.core.design import load_design
from playground.core.summary_format import format_summary
from playground.paths import examples_dir


def memory_lines(name: str) -> tuple[int, int, list[str]]:
    design = load_design(examples_dir() / name)
    analysis = analyze(design)
    lines = [line for line in format_summary(design, analysis).splitlines() if "memory" in line]
    return analysis.weight_bytes, analysis.activation_bytes, lines


def test_sizes_of_a_mebibyte_or_more_are_in_mib() -> None:
    weights, activations, lines = memory_lines("resnet18.json")
    assert weights >= 2**20 and activations >= 2**20
    assert lines == [f"Weight memory: {weights / 2**20:,.2f} MiB (float32)",
                     f"Activation memory: {activations / 2**20:,.2f} MiB per sample (forward, float32)"]


def test_smaller_sizes_are_in_kib() -> None:
    weights, activations, lines = memory_lines("lenet5.json")
    assert weights == 61_706 * 4
    assert lines == ["Weight memory: 241.0 KiB (float32)",
                     f"Activation memory: {activations / 1024:,.1f} KiB per sample (forward, float32)"]
    assert not any(" MB" in line for line in lines)
