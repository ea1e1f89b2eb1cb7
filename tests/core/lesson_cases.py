"""Designs for the lesson tests: for every lesson, designs that meet its task in different
ways and near misses that do not (shared by tests/core and tests/cli)."""

from __future__ import annotations

from typing import Any

from playground.core.design import Design, design_from_dict
from playground.core.lessons import TrainedRun

ISSUE_IDS = ["padding", "stride", "dilation", "one_by_one", "groups", "pooling", "fc_vs_conv", "normalization",
             "lenet", "vgg_block", "inception", "residual", "plain_vs_residual"]


def design(inp: list[int], *layers: dict[str, Any]) -> Design:
    return design_from_dict({"format": "cnn-playground.design", "version": 1, "input": inp, "layers": list(layers)})


def conv(out: int, k: Any, **kw: Any) -> dict[str, Any]:
    return {"type": "Conv2d", "out_channels": out, "kernel_size": k, **kw}


def lin(n: int) -> dict[str, Any]:
    return {"type": "Linear", "out_features": n}


RELU: dict[str, Any] = {"type": "ReLU"}
BN: dict[str, Any] = {"type": "BatchNorm2d"}
FLAT: dict[str, Any] = {"type": "Flatten"}


def pool(kind: str = "MaxPool2d", k: int = 2, **kw: Any) -> dict[str, Any]:
    return {"type": kind, "kernel_size": k, **kw}


def residual(body: list[dict[str, Any]], shortcut: Any = "identity") -> dict[str, Any]:
    return {"type": "Residual", "body": body, "shortcut": shortcut}


def lenet(act: str, pooling: str) -> Design:
    a = {"type": act}
    return design([1, 28, 28], conv(6, 5, padding=2), a, pool(pooling), conv(16, 5), a, pool(pooling), FLAT,
                  lin(120), a, lin(84), a, lin(10))


def inception(pad3: Any, pad5: Any, extra: list[dict[str, Any]] = ()) -> dict[str, Any]:  # type: ignore[assignment]
    return {"type": "Concat", "branches": [
        [conv(16, 1), RELU],
        [conv(16, 1), RELU, conv(24, 3, padding=pad3), *extra, RELU],
        [conv(4, 1), RELU, conv(8, 5, padding=pad5), RELU],
        [pool("MaxPool2d", 3, stride=1, padding=1), conv(8, 1), RELU]]}


def stem() -> list[dict[str, Any]]:
    return [conv(16, 3, padding=1), BN, RELU, pool()]


def pair_block() -> list[dict[str, Any]]:
    return [conv(16, 3, padding=1), BN, RELU, conv(16, 3, padding=1), BN]


HEAD = [{"type": "AdaptiveAvgPool2d", "output_size": 1}, FLAT, lin(10)]


def plain_net() -> Design:
    return design([1, 28, 28], *stem(), *pair_block(), RELU, *pair_block(), RELU, *HEAD)


def residual_net(bias: bool = True) -> Design:
    body = [conv(16, 3, padding=1, bias=bias), BN, RELU, conv(16, 3, padding="same", bias=bias), BN]
    return design([1, 28, 28], *stem(), residual(body), RELU, residual(body), RELU, *HEAD)


def run(d: Design, epochs: int = 1, acc: float = 0.9) -> TrainedRun:
    return TrainedRun(d, {"epochs_done": epochs, "best_val_acc": acc, "val_acc": acc})


RES_PART1 = residual([conv(16, 3, padding=1), RELU, conv(16, 3, padding=1)])

# lesson id -> (correct solutions, near misses); each entry a design or (design, runs).
CASES: dict[str, tuple[list[Any], list[Any]]] = {
    "padding": (
        [design([1, 28, 28], conv(6, 5, padding=2)),
         design([1, 28, 28], conv(6, 5, padding="same")),
         design([1, 28, 28], conv(6, [5, 5], padding=[2, 2], padding_mode="reflect"), RELU)],
        [design([1, 28, 28], conv(6, 5, padding=1)),
         design([1, 28, 28], conv(6, 3, padding=1)),
         design([1, 32, 32], conv(6, 5))]),
    "stride": (
        [design([1, 28, 28], conv(8, 3, stride=2, padding=1)),
         design([1, 28, 28], conv(8, [3, 3], stride=[2, 2], padding=[1, 1], padding_mode="reflect")),
         design([1, 28, 28], conv(8, 3, stride=2, dilation=2, padding=2))],
        [design([1, 28, 28], conv(8, 3, stride=2)),
         design([1, 28, 28], conv(8, 3, padding=1), pool()),
         design([1, 28, 28], conv(8, 3, dilation=7))]),
    "dilation": (
        [design([1, 28, 28], conv(8, 3, dilation=2, padding=2)),
         design([1, 28, 28], conv(8, 3, dilation=[2, 2]))],
        [design([1, 28, 28], conv(8, 5, padding=2)),
         design([1, 28, 28], conv(8, 3, dilation=3, padding=3)),
         design([1, 28, 28], conv(8, 3, padding=1), conv(8, 3, padding=1))]),
    "one_by_one": (
        [design([64, 14, 14], conv(16, 1)),
         design([64, 14, 14], conv(16, [1, 1], bias=False), RELU)],
        [design([64, 14, 14], conv(16, 3, padding=1)),
         design([64, 14, 14], conv(32, 1)),
         design([64, 14, 14])]),
    "groups": (
        [design([32, 14, 14], conv(32, 3, padding=1, groups=32), conv(64, 1)),
         design([32, 14, 14], conv(32, 3, padding="same", groups=32, bias=False), BN, RELU, conv(64, 1, bias=False),
                BN)],
        [design([32, 14, 14], conv(64, 3, padding=1, groups=2)),
         design([32, 14, 14], conv(64, 3, padding=1, groups=32), conv(64, 1)),
         design([32, 14, 14], conv(32, 3, padding=1, groups=32))]),
    "pooling": (
        [design([6, 28, 28], RELU, pool()),
         design([6, 28, 28], RELU, pool("AvgPool2d", 2, stride=2)),
         design([6, 28, 28], pool("MaxPool2d", 3, stride=2, padding=1), RELU),
         design([6, 28, 28], RELU, {"type": "AdaptiveAvgPool2d", "output_size": 14})],
        [design([6, 28, 28], RELU, pool(stride=1)),
         design([6, 28, 28], RELU, conv(6, 2, stride=2)),
         design([6, 28, 28], RELU, {"type": "AdaptiveAvgPool2d", "output_size": 7})]),
    "fc_vs_conv": (
        [design([16, 5, 5], conv(120, 5)),
         design([16, 5, 5], conv(120, [5, 5], padding="valid"), FLAT)],
        [design([16, 5, 5], conv(120, 3), FLAT),
         design([16, 5, 5], conv(120, 5, bias=False), FLAT),
         design([16, 5, 5], FLAT, lin(120))]),
    "normalization": (
        [design([1, 28, 28], conv(8, 3, padding=1), BN, RELU, conv(16, 3, padding=1), BN, RELU),
         design([1, 28, 28], conv(8, 3, padding=1, bias=False), {"type": "BatchNorm2d", "momentum": 0.01}, RELU,
                conv(16, 3, padding=1, bias=False), BN, RELU)],
        [design([1, 28, 28], conv(8, 3, padding=1), BN, RELU, conv(16, 3, padding=1), RELU),
         design([1, 28, 28], conv(8, 3, padding=1), BN, RELU, conv(16, 3, padding=1),
                {"type": "InstanceNorm2d"}, RELU),
         design([1, 28, 28], conv(16, 3, padding=1), BN, RELU)]),
    "lenet": (
        [lenet("Sigmoid", "AvgPool2d"), lenet("ReLU", "MaxPool2d")],
        [design([1, 28, 28], conv(6, 5), RELU, pool(), conv(16, 5), RELU, pool(), FLAT, lin(120), RELU, lin(84),
                RELU, lin(10)),
         design([1, 28, 28], conv(6, 5, padding=2), BN, RELU, pool(), conv(16, 5), RELU, pool(), FLAT, lin(120),
                RELU, lin(84), RELU, lin(10)),
         design([1, 28, 28], conv(6, 5, padding=2), RELU, pool(), conv(16, 5), RELU, pool(), FLAT, lin(120),
                RELU, lin(10))]),
    "vgg_block": (
        [design([16, 14, 14], conv(16, 3, padding=1), RELU, conv(16, 3, padding=1), RELU),
         design([16, 14, 14], conv(16, 3, padding="same", bias=False), BN, RELU, conv(16, 3, padding="same"), BN,
                {"type": "GELU"})],
        [design([16, 14, 14], conv(16, 3, padding=1), RELU),
         design([16, 14, 14], conv(32, 3, padding=1), RELU, conv(16, 3, padding=1), RELU),
         design([16, 14, 14], conv(16, 3, padding=1), conv(16, 3, padding=1), RELU)]),
    "inception": (
        [design([32, 14, 14], inception(1, 2)),
         design([32, 14, 14], conv(32, 1), inception("same", "same", extra=[BN]))],
        [design([32, 14, 14], {"type": "Concat", "branches": inception(1, 2)["branches"][:3]}),
         design([32, 14, 14], {"type": "Concat", "branches": [
             [conv(16, 1)], [conv(16, 1), conv(24, 3, padding=1)], [conv(4, 1), conv(8, 5, padding=2)],
             [pool("AvgPool2d", 3, stride=1, padding=1), conv(8, 1)]]}),
         design([32, 14, 14], inception(1, 1))]),
    "residual": (
        [design([16, 14, 14], RES_PART1,
                residual([conv(32, 3, padding=1), RELU, conv(32, 3, padding=1)], [conv(32, 1)])),
         design([16, 14, 14],
                residual([conv(16, 3, padding=1, bias=False), BN, RELU, conv(16, 3, padding=1, bias=False), BN]),
                RELU,
                residual([conv(32, 3, stride=2, padding=1), BN, RELU, conv(32, 3, padding="same"), BN],
                         [conv(32, 1, stride=2, bias=False), BN]), RELU)],
        [design([16, 14, 14], residual([conv(16, 3, padding=1), RELU]), conv(16, 3, padding=1)),
         design([16, 14, 14], residual([conv(16, 3, padding=1), RELU, conv(16, 3, padding=1)], [conv(16, 1)])),
         design([16, 14, 14], RES_PART1,
                residual([conv(32, 3, padding=1), RELU, conv(32, 3, padding=1)], [conv(32, 3, padding=1)])),
         design([16, 14, 14], RES_PART1),
         design([16, 14, 14], RES_PART1, residual([conv(32, 3, padding=1)]))]),
    "plain_vs_residual": (
        [(residual_net(), [run(plain_net()), run(residual_net())]),
         (residual_net(bias=False), [run(plain_net(), 3, 0.95), run(residual_net(), 3, 0.97)])],
        [(residual_net(), [run(plain_net())]),
         (plain_net(), [run(plain_net()), run(residual_net())]),
         (residual_net(), [run(plain_net(), epochs=0), run(residual_net())])]),
}


def split(case: Any) -> tuple[Design, list[TrainedRun]]:
    return case if isinstance(case, tuple) else (case, [])
