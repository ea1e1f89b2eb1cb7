"""The training session without a window: real short runs on the embedded digits, the
states they pass through, the trainer's history, the runs list, and the trained network
handed to the active model."""

from __future__ import annotations

import pytest
from ui_helpers import RUN_TIMEOUT_MS, TINY

from playground.core.datasets import DatasetError, load_dataset
from playground.core.design import design_from_dict
from playground.core.events import FailedEvent, FinishedEvent
from playground.core.trainer import TrainConfig, metrics_from_history
from playground.ui.state.active_model import ModelHub
from playground.ui.state.jobs import running_threads
from playground.ui.state.training_session import LOADING_BLOCKED, RunRequest, RunState, TrainingSession



def embedded(callback):
    return load_dataset("embedded", input_shape=(1, 28, 28), callback=callback)


def request(epochs: int = 2, max_train: int | None = 256, load_data=embedded) -> RunRequest:
    config = TrainConfig(epochs=epochs, max_train_samples=max_train, device="cpu", batch_size=64)
    return RunRequest(design_from_dict(TINY), config, "embedded", load_data, "embedded MNIST", 1234, 5678, "CPU")


@pytest.fixture
def hub(qapp) -> ModelHub:
    return ModelHub()


@pytest.fixture
def session(hub):
    made = TrainingSession(hub)
    yield made
    made.shutdown()


def test_a_short_run_passes_through_its_states_and_keeps_the_trainers_history(qtbot, session) -> None:
    states, epochs = [], []
    session.stateChanged.connect(states.append)
    session.epochEnded.connect(epochs.append)
    assert session.state is RunState.IDLE
    with qtbot.waitSignal(session.ended, timeout=RUN_TIMEOUT_MS) as ended:
        assert session.start(request())
        assert session.is_running and not session.start(request())  # one run at a time
    result = ended.args[0]
    assert isinstance(result, FinishedEvent) and not result.stopped and result.epochs_done == 2
    assert states == [RunState.PREPARING, RunState.RUNNING, RunState.FINISHED]
    assert not session.is_running and session.result is result and running_threads() == 0
    history = session.history
    assert [row["epoch"] for row in history] == [1, 2]
    assert [row["val_acc"] for row in history] == [e.val_acc for e in epochs]
    assert session.metrics() == metrics_from_history(history)
    assert session.metrics()["best_val_acc"] == result.best_val_acc
    assert session.dataset is not None and len(session.dataset.val_x) == 1000
    assert session.elapsed() > 0 and session.elapsed() == session.elapsed()  # frozen once ended


def test_the_trained_network_is_published_to_the_active_model(qtbot, session, hub) -> None:
    models, weights = [], []
    hub.modelChanged.connect(models.append)
    hub.weightsChanged.connect(weights.append)
    with qtbot.waitSignal(session.ended, timeout=RUN_TIMEOUT_MS):
        session.start(request())
    assert len(models) == 2 and len(weights) == 1  # epoch 1: new model; epoch 2: weights; end: final model
    active = hub.active
    assert active.source.startswith("trained: Tiny CNN, 2 epochs, ") and active.trained
    assert active.metrics == session.metrics() and active.config == session.config.to_dict()
    assert active.dataset == session.dataset.info and not active.model.training


def test_the_runs_list_records_each_run(qtbot, session) -> None:
    changed = []
    session.runChanged.connect(changed.append)
    for _ in range(2):
        with qtbot.waitSignal(session.ended, timeout=RUN_TIMEOUT_MS) as ended:
            session.start(request(epochs=1))
    assert sorted(session.runs) == [1, 2] and session.run_id == 2 and set(changed) == {1, 2}
    run = session.runs[2]
    assert (run.design_name, run.dataset, run.params, run.macs, run.device) == (
        "Tiny CNN", "embedded MNIST", 1234, 5678, "CPU")
    assert run.status == "finished" and run.epochs == 1
    assert run.best_val_acc == ended.args[0].best_val_acc and run.duration_s > 0


def test_save_and_load_round_trip_of_the_trained_model(qtbot, session, hub, tmp_path) -> None:
    with qtbot.waitSignal(session.ended, timeout=RUN_TIMEOUT_MS):
        session.start(request())
    path = tmp_path / "tiny.pt"
    assert hub.save_model(path)
    hub.set_active(None)
    checkpoint = hub.load_model(path)
    assert checkpoint.design.name == "Tiny CNN"
    assert checkpoint.metrics == session.metrics() and checkpoint.metrics["epochs_done"] == 2
    assert checkpoint.config["max_train_samples"] == 256
    assert checkpoint.dataset == session.dataset.info
    assert hub.active.source.startswith("tiny.pt, ")


def test_pause_resume_and_stop_while_loading_is_refused(qtbot, session, hub, tmp_path) -> None:
    hub.use_default()
    saved = tmp_path / "default.pt"
    hub.save_model(saved)
    messages, states = [], []
    hub.message.connect(lambda text, kind: messages.append((text, kind)))
    session.stateChanged.connect(states.append)
    session.start(request(epochs=5, max_train=None))  # all 9,000 images: far longer than the test waits
    with qtbot.waitSignal(session.stepsReported, timeout=RUN_TIMEOUT_MS):
        pass
    assert session.latest_step is not None and session.samples_per_s > 0 and 0 < session.fraction < 1
    assert hub.load_model(saved) is None and messages == [(LOADING_BLOCKED, "error")]
    session.pause()
    assert session.paused and session.state is RunState.PAUSED
    session.resume()
    assert session.state is RunState.RUNNING
    with qtbot.waitSignal(session.ended, timeout=RUN_TIMEOUT_MS) as ended:
        session.stop()
        assert session.stopping and session.is_running
    result = ended.args[0]
    # A loaded machine may finish an epoch before the stop lands; the run still stops in one.
    assert isinstance(result, FinishedEvent) and result.stopped and result.epochs_done < 5
    assert states[-4:] == [RunState.PAUSED, RunState.RUNNING, RunState.STOPPING, RunState.STOPPED]
    assert session.runs[session.run_id].status == "stopped"
    assert hub.load_model(saved) is not None  # allowed again once the run ended


def test_data_that_cannot_load_fails_the_run_with_its_message(qtbot, session) -> None:
    def broken(_callback):
        raise DatasetError("the data folder is empty")

    notices = []
    session.notice.connect(notices.append)
    with qtbot.waitSignal(session.ended, timeout=RUN_TIMEOUT_MS) as ended:
        session.start(request(load_data=broken))
    result = ended.args[0]
    assert isinstance(result, FailedEvent) and result.message == "the data folder is empty"
    assert session.state is RunState.FAILED and session.runs[1].status == "failed"
    assert session.history == [] and session.dataset is None


def test_shutdown_during_a_run_ends_it_and_joins_the_thread(qtbot, session) -> None:
    session.start(request(epochs=5, max_train=None))
    with qtbot.waitSignal(session.stepsReported, timeout=RUN_TIMEOUT_MS):
        pass
    session.pause()  # even a paused run must stop
    with qtbot.waitSignal(session.ended, timeout=RUN_TIMEOUT_MS) as ended:
        session.shutdown()
    assert not session.is_running and running_threads() == 0
    # The run's last events were still queued when the thread was joined; it ends with them.
    assert isinstance(ended.args[0], FinishedEvent) and ended.args[0].stopped
    assert session.state is RunState.STOPPED and session.runs[1].status == "stopped"


def test_a_run_ending_below_the_active_model_keeps_it_and_offers_the_new_one(qtbot, session, hub) -> None:
    hub.use_default()  # 98.9% on the embedded validation digits
    default = hub.active
    with qtbot.waitSignal(session.ended, timeout=RUN_TIMEOUT_MS):
        session.start(request(epochs=1, max_train=128))
    assert hub.active is default
    candidate = hub.candidate
    assert candidate is not None and candidate.model.design.name == "Tiny CNN"
    assert candidate.kept_acc == default.val_acc and candidate.new_acc == session.metrics()["val_acc"]
    assert candidate.new_acc < candidate.kept_acc
    assert hub.use_candidate() and hub.active is candidate.model


def test_a_run_beating_nothing_trained_becomes_the_active_model(qtbot, session, hub) -> None:
    with qtbot.waitSignal(session.ended, timeout=RUN_TIMEOUT_MS):
        session.start(request(epochs=1, max_train=128))
    assert hub.active.design.name == "Tiny CNN" and hub.candidate is None
