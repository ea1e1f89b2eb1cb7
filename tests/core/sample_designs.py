"""Hand-made designs the tests share."""

from __future__ import annotations

from playground.core.design import Design, design_from_dict


def every_kind_design() -> Design:
    """One small network that uses every kind in the catalogue, composites included."""
    def conv(out: int, k: int, **kw: object) -> dict[str, object]:
        return {"type": "Conv2d", "out_channels": out, "kernel_size": k, **kw}

    layers = [
        conv(8, 3, padding=1, padding_mode="reflect", label="reflect conv"),
        {"type": "BatchNorm2d"},
        {"type": "ReLU"},
        conv(8, 3, padding="same", dilation=2, groups=2, bias=False),
        {"type": "LeakyReLU", "negative_slope": 0.1},
        {"type": "ConvTranspose2d", "out_channels": 6, "kernel_size": 2, "stride": 2},
        {"type": "ELU"},
        {"type": "MaxPool2d", "kernel_size": 3, "stride": 2, "padding": 1, "ceil_mode": True},
        {"type": "GELU", "approximate": "tanh"},
        {"type": "InstanceNorm2d", "affine": True},
        {"type": "SiLU"},
        {"type": "GroupNorm", "num_groups": 3},
        {"type": "AvgPool2d", "kernel_size": 2, "count_include_pad": False},
        {"type": "LocalResponseNorm", "size": 3},
        {"type": "Dropout2d", "p": 0.1},
        {"type": "Sequential", "label": "a group", "layers": [
            {"type": "LayerNorm", "elementwise_affine": True},
            {"type": "Residual", "label": "skip", "body": [conv(6, 3, padding=1), {"type": "Tanh"}]},
            {"type": "Residual", "body": [conv(4, 1)], "shortcut": [conv(4, 1, bias=False)]},
        ]},
        {"type": "Concat", "label": "three ways", "branches": [
            [conv(2, 1)], [{"type": "Identity"}], [{"type": "AdaptiveMaxPool2d", "output_size": 8}]]},
        {"type": "AdaptiveAvgPool2d", "output_size": 2},
        {"type": "Sigmoid"},
        {"type": "Flatten"},
        {"type": "Linear", "out_features": 16},
        {"type": "BatchNorm1d"},
        {"type": "Dropout", "p": 0.2},
        {"type": "Linear", "out_features": 10, "bias": False},
        {"type": "LogSoftmax"},
        {"type": "Softmax", "dim": -1},
    ]
    return design_from_dict({"format": "cnn-playground.design", "version": 1, "name": "Every kind",
                             "description": "one of each", "input": [3, 16, 16], "layers": layers})
