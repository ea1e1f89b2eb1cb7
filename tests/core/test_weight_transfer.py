"""Trained weights follow block ids into an edited design's network where shapes fit."""

from __future__ import annotations

import dataclasses

import torch

from playground.core.builder import build_model
from playground.core.design import design_from_dict
from playground.core.weight_transfer import carry_weights

DESIGN = {
    "format": "cnn-playground.design", "version": 1, "name": "Small", "input": [1, 28, 28],
    "layers": [
        {"type": "Conv2d", "out_channels": 4, "kernel_size": 3},
        {"type": "ReLU"},
        {"type": "Flatten"},
        {"type": "Linear", "out_features": 10},
    ],
}


def test_blocks_whose_shapes_fit_keep_their_weights_and_the_rest_are_named() -> None:
    torch.manual_seed(0)
    trained = build_model(design_from_dict(DESIGN))
    edited = dict(DESIGN, layers=[dict(DESIGN["layers"][0], padding=1), *DESIGN["layers"][1:]])
    target = build_model(design_from_dict(edited))
    untrained = carry_weights(trained, target)
    assert untrained == ("linear1",)  # 4x28x28 features now: the Linear layer no longer fits
    assert torch.equal(target.state_dict()["conv2d1.weight"], trained.state_dict()["conv2d1.weight"])
    assert not torch.equal(target.state_dict()["linear1.bias"], trained.state_dict()["linear1.bias"])


def test_the_same_design_keeps_every_weight_and_untrained_blocks_stay_untrained() -> None:
    design = design_from_dict(DESIGN)
    trained, target = build_model(design), build_model(dataclasses.replace(design, name="Renamed"))
    assert carry_weights(trained, target) == ()
    assert carry_weights(trained, target, untrained_in_source=["conv2d1"]) == ("conv2d1",)
