"""The active model without a window: one owner of what is active, its checkpoint, and an
opened design's untrained network."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import torch

from playground.core.builder import build_model
from playground.core.checkpoint import load_default_checkpoint
from playground.core.design import design_from_dict
from playground.ui.state.active_model import DEFAULT_SOURCE, ActiveModel, ModelHub

TINY = {
    "format": "cnn-playground.design", "version": 1, "name": "Tiny CNN", "input": [1, 28, 28],
    "layers": [
        {"type": "Conv2d", "out_channels": 4, "kernel_size": 3},
        {"type": "ReLU"},
        {"type": "Flatten"},
        {"type": "Linear", "out_features": 10},
    ],
}
# Analysed fine up to the layer that cannot take the shape: a design that cannot be built.
TOO_SMALL = {**TINY, "name": "Too small", "input": [1, 2, 2]}


class Recorder:
    """Collects what a hub announces."""

    def __init__(self, hub: ModelHub) -> None:
        self.models: list[ActiveModel | None] = []
        self.weights: list[ActiveModel] = []
        self.messages: list[tuple[str, str]] = []
        hub.modelChanged.connect(self.models.append)
        hub.weightsChanged.connect(self.weights.append)
        hub.message.connect(lambda text, kind: self.messages.append((text, kind)))


@pytest.fixture
def hub(qapp) -> ModelHub:
    return ModelHub()


def tiny_active(source: str = "hand made") -> ActiveModel:
    design = design_from_dict(TINY)
    return ActiveModel(design, build_model(design), source)


def test_the_default_model_brings_its_checkpoint_numbers(hub) -> None:
    seen = Recorder(hub)
    assert hub.use_default() is None
    active = hub.active
    checkpoint = load_default_checkpoint()
    assert seen.models == [active] and active.source == DEFAULT_SOURCE and active.trained
    assert active.metrics == checkpoint.metrics and active.config == checkpoint.config
    assert active.dataset == checkpoint.dataset
    assert active.mean == tuple(checkpoint.dataset.mean) and not active.model.training


def test_save_and_load_round_trip_keeps_weights_and_numbers(hub, tmp_path) -> None:
    hub.use_default()
    seen = Recorder(hub)
    path = tmp_path / "copy.pt"
    assert hub.save_model(path)
    assert seen.messages == [(f"Saved the model to {path}", "success")]
    saved = hub.active
    hub.set_active(None)
    checkpoint = hub.load_model(path)
    assert checkpoint is not None
    loaded = hub.active
    assert loaded.source.startswith("copy.pt") and loaded.metrics == saved.metrics
    assert loaded.dataset == saved.dataset and loaded.config == saved.config
    for key, tensor in saved.model.state_dict().items():
        assert torch.equal(loaded.model.state_dict()[key], tensor), key
    assert seen.messages[-1][1] == "success" and seen.messages[-1][0].startswith("Loaded copy.pt: ")


def test_a_network_never_trained_here_is_saved_with_what_it_is_fed(hub, tmp_path) -> None:
    hub.set_active(tiny_active("hand made"))
    path = tmp_path / "hand.pt"
    assert hub.save_model(path)
    checkpoint = hub.load_model(path)
    assert checkpoint.dataset.name == "hand made" and checkpoint.dataset.mean == (0.1307,)
    assert checkpoint.metrics == {"source": "hand made"} and checkpoint.config == {}


def test_nothing_active_nothing_to_save(hub, tmp_path) -> None:
    seen = Recorder(hub)
    assert not hub.save_model(tmp_path / "none.pt")
    (text, kind), = seen.messages
    assert kind == "error" and text.startswith("Could not save the model: there is no model yet")
    assert not (tmp_path / "none.pt").exists()


def test_an_unwritable_place_gives_one_line(hub, tmp_path) -> None:
    hub.use_default()
    seen = Recorder(hub)
    assert not hub.save_model(tmp_path / "missing-folder" / "x.pt")
    (text, kind), = seen.messages
    assert kind == "error" and text.startswith("Could not save the model: ") and "\n" not in text


def test_a_bad_checkpoint_gives_a_message_and_keeps_the_active_model(hub, tmp_path) -> None:
    hub.use_default()
    before = hub.active
    seen = Recorder(hub)
    junk = tmp_path / "junk.pt"
    junk.write_bytes(b"not a checkpoint")
    assert hub.load_model(junk) is None
    (text, kind), = seen.messages
    assert kind == "error" and text.startswith("Could not load the model: ") and str(junk) in text
    assert "\n" not in text
    assert hub.active is before and seen.models == []


def test_loading_can_be_blocked_and_allowed_again(hub, tmp_path) -> None:
    hub.use_default()
    path = tmp_path / "copy.pt"
    hub.save_model(path)
    seen = Recorder(hub)
    hub.set_loading_blocked("Stop training before loading another model.")
    assert hub.load_model(path) is None
    assert seen.messages == [("Stop training before loading another model.", "error")]
    hub.set_loading_blocked("")
    assert hub.load_model(path) is not None


def test_new_weights_and_numbers_go_into_the_same_network(hub) -> None:
    hub.set_active(tiny_active())
    seen = Recorder(hub)
    network = hub.active.model
    state = {k: torch.zeros_like(v) for k, v in network.state_dict().items()}
    hub.update_weights(state, "training: epoch 1", metrics={"val_acc": 0.5})
    assert seen.weights == [hub.active] and seen.models == []
    assert hub.active.model is network and hub.active.source == "training: epoch 1"
    assert hub.active.metrics == {"val_acc": 0.5}
    assert all(float(v.abs().sum()) == 0 for v in network.state_dict().values())


def test_an_offered_design_is_built_only_when_asked(hub) -> None:
    hub.use_default()
    seen = Recorder(hub)
    hub.offer_untrained(design_from_dict(TINY))
    assert hub.active.source == DEFAULT_SOURCE and seen.models == []  # nothing built yet
    assert hub.build_offered() is None
    active = hub.active
    assert not active.trained and active.design.name == "Tiny CNN" and active.source == "Tiny CNN, not trained yet"
    assert hub.offered is None and hub.build_offered() is None and seen.models == [active]


def test_a_model_made_active_first_withdraws_the_offer(hub) -> None:
    hub.offer_untrained(design_from_dict(TINY))
    hub.use_default()
    assert hub.offered is None
    assert hub.build_offered() is None and hub.active.source == DEFAULT_SOURCE


def test_a_design_that_cannot_be_built_says_so_and_keeps_the_active_model(hub) -> None:
    hub.use_default()
    hub.offer_untrained(design_from_dict(TOO_SMALL))
    problem = hub.build_offered()
    assert problem.startswith("Too small cannot be built yet (") and problem.endswith(
        f"the Draw page keeps the {DEFAULT_SOURCE}.")
    assert hub.active.source == DEFAULT_SOURCE


def test_the_state_models_import_no_widgets() -> None:
    code = ("import sys\n"
            "import playground.ui.state.active_model, playground.ui.state.training_session\n"
            "bad = [m for m in sys.modules if m.startswith('PySide6.QtWidgets') or m.startswith('PySide6.QtGui')"
            " or m.startswith('playground.ui.') and not m.startswith('playground.ui.state')]\n"
            "print(bad)\n"
            "sys.exit(1 if bad else 0)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=Path(__file__).resolve().parents[3])  # this checkout's playground
    assert done.returncode == 0, done.stdout + done.stderr
