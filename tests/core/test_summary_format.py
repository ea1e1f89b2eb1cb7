"""The summary table labels memory in binary units, in the unit that fits the size."""

from __future__ import annotations

from playground.core.analysis import analyze
from playground.core.design import Design, design_from_dict, load_design
from playground.core.summary_format import format_summary
from playground.paths import examples_dir


def memory_lines(design: Design) -> tuple[int, int, list[str]]:
    analysis = analyze(design)
    lines = [line for line in format_summary(design, analysis).splitlines() if "memory" in line]
    return analysis.weight_bytes, analysis.activation_bytes, lines


def flat_design(input_shape: list[int], out_features: int) -> Design:
    return design_from_dict({"format": "cnn-playground.design", "version": 1, "name": "flat", "input": input_shape,
                             "layers": [{"type": "Flatten"}, {"type": "Linear", "out_features": out_features}]})


def test_sizes_of_a_mebibyte_or_more_are_in_mib() -> None:
    weights, activations, lines = memory_lines(load_design(examples_dir() / "resnet18.json"))
    assert (weights, activations) == (46_758_048, 29_912_992)
    assert lines == ["Weight memory: 44.6 MiB (float32)",
                     "Activation memory: 28.5 MiB per sample (forward, float32)"]


def test_smaller_sizes_are_in_kib() -> None:
    weights, activations, lines = memory_lines(load_design(examples_dir() / "lenet5.json"))
    assert (weights, activations) == (61_706 * 4, 60_008)
    assert lines == ["Weight memory: 241.0 KiB (float32)",
                     "Activation memory: 58.6 KiB per sample (forward, float32)"]
    assert not any(" MB" in line for line in lines)


def test_a_few_bytes_are_bytes_not_a_fraction_of_a_kib() -> None:
    weights, activations, lines = memory_lines(flat_design([1, 1, 1], 9))
    assert (weights, activations) == (72, 40)
    assert lines == ["Weight memory: 72 B (float32)", "Activation memory: 40 B per sample (forward, float32)"]


def test_gibibytes_are_gib_not_thousands_of_mib() -> None:
    weights, _, lines = memory_lines(flat_design([4096, 2, 1], 65536))
    assert weights == (8192 * 65536 + 65536) * 4
    assert lines[0] == "Weight memory: 2.0 GiB (float32)"


def test_chinese_labels_line_up_by_display_width() -> None:
    """A wide (CJK) character takes two terminal columns; the columns after it stay aligned."""
    from playground.core.summary_format import display_width

    assert display_width("卷积层") == 6 and display_width("Conv") == 4 and display_width("é") == 1
    design = design_from_dict({"format": "cnn-playground.design", "version": 1, "name": "中文", "input": [1, 8, 8],
                               "layers": [{"type": "Conv2d", "out_channels": 2, "kernel_size": 3, "label": "卷积层"},
                                          {"type": "Flatten", "label": "展平"},
                                          {"type": "Linear", "out_features": 10}]})
    table = format_summary(design, analyze(design)).splitlines()
    rows = [line for line in table if line.startswith("layers[")]
    assert len(rows) == 3
    # the Params column ends in the same terminal column on every row and the header
    header = next(line for line in table if line.startswith("Path"))
    params_end = display_width(header[:header.index("Params") + len("Params")])
    for line in rows:
        cells = line.split()
        assert display_width(line[:line.index("  " + cells[-3]) + 2 + len(cells[-3])]) == params_end


def test_a_what_if_layer_is_analysed_but_never_built() -> None:
    """A 1000x1000 image into 10^6 units: 10^12 parameters in the summary; the builder says no in one line."""
    import pytest

    from playground.core.builder import build_model
    from playground.core.errors import DesignError

    what_if = flat_design([1, 1000, 1000], 1_000_000)
    analysis = analyze(what_if)
    assert analysis.ok and analysis.total_params == 1_000_001_000_000
    assert "Weight memory: 3.6 TiB (float32)" in format_summary(what_if, analysis)
    with pytest.raises(DesignError, match=r"out_features=100,000 is a what-if.*at most 65,536"):
        build_model(flat_design([1, 2, 2], 100_000))
