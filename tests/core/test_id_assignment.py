"""Block ids are handed out in linear work: a 10,000-layer design opens without a freeze."""

from __future__ import annotations

from playground.core import design as design_module
from playground.core.design import design_from_dict, insert, new_block


class CountingSet(set):
    """A set that counts membership tests: the work of finding free ids, without a clock."""

    probes = 0

    def __contains__(self, item: object) -> bool:
        CountingSet.probes += 1
        return super().__contains__(item)


def test_ten_thousand_unnamed_blocks_get_ids_in_linear_work() -> None:
    blocks = tuple(new_block("ReLU") for _ in range(10_000))
    CountingSet.probes = 0
    named = design_module._fresh_ids(blocks, CountingSet())  # noqa: SLF001 (the one place ids are made)
    assert [b.id for b in named[:3]] == ["relu1", "relu2", "relu3"] and named[-1].id == "relu10000"
    assert CountingSet.probes <= 3 * len(blocks)  # was about n*n/2 = 50,000,000


def test_a_file_of_ten_thousand_layers_gets_readable_unique_ids_around_the_ones_it_gave() -> None:
    layers = [{"type": "ReLU"} for _ in range(10_000)]
    layers[5] = {"type": "ReLU", "id": "relu3"}  # a kept id the numbering must skip
    design = design_from_dict({"format": "cnn-playground.design", "version": 1, "input": [1, 28, 28],
                               "layers": layers})
    ids = [b.id for b in design.layers]
    assert len(set(ids)) == 10_000 and ids[:6] == ["relu1", "relu2", "relu4", "relu5", "relu6", "relu3"]
    grown = insert(design, (), 0, new_block("ReLU"))
    assert grown.layers[0].id == "relu10001"
