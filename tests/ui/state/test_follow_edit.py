"""The active model follows the design being edited, and a worse run does not replace a
better network: it is offered instead, with both accuracies."""

from __future__ import annotations

import dataclasses

import torch

from playground.core.builder import build_model
from playground.core.design import design_from_dict
from playground.ui.state.active_model import ActiveModel, ModelHub

TINY = {
    "format": "cnn-playground.design", "version": 1, "name": "Tiny", "input": [1, 28, 28],
    "layers": [
        {"type": "Conv2d", "out_channels": 4, "kernel_size": 3, "stride": 2},
        {"type": "ReLU"},
        {"type": "Flatten"},
        {"type": "Linear", "out_features": 10},
    ],
}


def _stride_one() -> dict:
    return dict(TINY, layers=[dict(TINY["layers"][0], stride=1), *TINY["layers"][1:]])


def _trained_hub() -> tuple[ModelHub, ActiveModel]:
    design = design_from_dict(TINY)
    hub = ModelHub()
    hub.set_followed(design)
    trained = ActiveModel(design, build_model(design), "trained: Tiny", metrics={"val_acc": 0.9})
    hub.set_active(trained)
    return hub, trained


def test_an_edit_keeps_the_weights_that_fit_and_names_what_is_untrained(qapp) -> None:
    hub, trained = _trained_hub()
    hub.follow_edit(design_from_dict(_stride_one()))
    assert hub.active is trained and hub.offered is not None  # built only when a page asks
    assert hub.build_offered() is None
    edited = hub.active
    assert edited.edited and edited.untrained_blocks == ("linear1",) and not edited.trained
    assert edited.title() == "Tiny (edited, 1 block untrained)"
    assert torch.equal(edited.model.state_dict()["conv2d1.weight"], trained.model.state_dict()["conv2d1.weight"])
    assert hub.shows_followed()


def test_undoing_the_edit_brings_the_trained_network_back(qapp) -> None:
    hub, trained = _trained_hub()
    hub.follow_edit(design_from_dict(_stride_one()))
    hub.build_offered()
    hub.follow_edit(design_from_dict(TINY))
    hub.build_offered()
    assert hub.active is trained


def test_a_renamed_design_keeps_every_weight(qapp) -> None:
    hub, trained = _trained_hub()
    hub.follow_edit(dataclasses.replace(trained.design, name="Tiny 2"))
    hub.build_offered()
    assert hub.active.trained and hub.active.title() == "Tiny 2 (edited, trained weights)"


def test_edits_of_a_design_no_network_was_trained_for_start_untrained(qapp) -> None:
    hub, _trained = _trained_hub()
    other = design_from_dict(dict(TINY, name="Other", layers=TINY["layers"][1:]))
    hub.set_followed(other)  # the Design page shows another design than the active network
    assert not hub.shows_followed()
    hub.follow_edit(dataclasses.replace(other, name="Other, edited"))
    hub.build_offered()
    assert not hub.active.trained and not hub.active.edited and hub.shows_followed()


def test_a_worse_network_is_offered_with_both_accuracies_and_used_on_request(qapp) -> None:
    hub, trained = _trained_hub()
    newer = ActiveModel(trained.design, build_model(trained.design), "trained again", metrics={"val_acc": 0.8})
    offers = []
    hub.candidateChanged.connect(offers.append)
    hub.set_active(newer)
    hub.keep_better(trained, newer)
    assert hub.active is trained
    assert hub.candidate.kept_acc == 0.9 and hub.candidate.new_acc == 0.8 and offers[-1] is hub.candidate
    assert hub.use_candidate() and hub.active is newer and hub.candidate is None and offers[-1] is None
    assert not hub.use_candidate()
