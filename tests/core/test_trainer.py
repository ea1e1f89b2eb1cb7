"""The trainer on small slices of the embedded digits: learning, events, control from
another thread, the NaN guard, out-of-memory recovery and seeded reproducibility."""

from __future__ import annotations

import threading

import numpy as np
import pytest
import torch
import torch.nn as nn

from playground.core import datasets, i18n
from playground.core.datasets import load_embedded
from playground.core.design import design_from_dict
from playground.core.devices import DeviceError, limit_cpu_threads, resolve_device, training_threads
from playground.core.trainer import (
    ConfigError, EpochEvent, FailedEvent, FinishedEvent, InfoEvent, ProgressEvent, StepEvent, TrainConfig, Trainer,
    lr_factor)

SMALL = design_from_dict({
    "format": "cnn-playground.design", "version": 1, "name": "small", "input": [1, 28, 28],
    "layers": [{"type": "Conv2d", "out_channels": 6, "kernel_size": 3, "stride": 2}, {"type": "ReLU"},
               {"type": "MaxPool2d", "kernel_size": 2}, {"type": "Flatten"}, {"type": "Linear", "out_features": 10}]})


@pytest.fixture(scope="module")
def digits():
    return load_embedded().subset(640, 200)


def config(**changes):
    base = dict(epochs=2, batch_size=32, device="cpu", cpu_threads=1, seed=0)
    return TrainConfig(**{**base, **changes})


def run(digits, events=None, design=SMALL, **changes):
    events = [] if events is None else events
    trainer = Trainer(design, digits, config(**changes), events.append, report_every_s=0.0)
    return trainer, trainer.run(), events


def of(events, kind):
    return [e for e in events if isinstance(e, kind)]


def test_loss_falls_within_a_few_dozen_steps(digits):
    _, result, events = run(digits, optimizer="adam", lr=3e-3, schedule="constant")
    losses = [e.loss for e in of(events, StepEvent)]
    assert len(losses) == 40
    assert np.mean(losses[-5:]) < 0.6 * np.mean(losses[:5])
    assert isinstance(result, FinishedEvent) and result.last_val_acc > 0.5


def test_events_are_well_formed_and_in_order(digits):
    trainer, result, events = run(digits, epochs=2, augment_shift=2, augment_rotate=5.0)
    assert events[-1] is result and isinstance(result, FinishedEvent)
    steps, epochs = of(events, StepEvent), of(events, EpochEvent)
    assert [e.step for e in steps] == list(range(1, 41))
    assert [(e.epoch, e.epoch_step) for e in steps[19:21]] == [(1, 20), (2, 1)]
    assert all(e.steps_per_epoch == 20 and e.lr > 0 and e.samples_per_s > 0 and 0 <= e.accuracy <= 1 for e in steps)
    assert [e.epoch for e in epochs] == [1, 2] and all(e.epochs == 2 for e in epochs)
    last = epochs[-1]
    assert events.index(epochs[0]) == 20  # after the first epoch's twenty steps
    assert last.confusion.shape == (10, 10) and last.confusion.sum() == 200
    assert last.val_acc == pytest.approx(np.trace(last.confusion) / 200)
    assert last.val_pred.shape == (200,)
    assert np.array_equal(np.bincount(last.val_pred, minlength=10), last.confusion.sum(axis=0))
    assert last.per_class_acc.shape == (10,)
    truth = digits.val_y.numpy()
    confidences = [w.confidence for w in last.worst]
    assert confidences == sorted(confidences, reverse=True) and len(last.worst) <= 16
    for w in last.worst:
        assert w.true == truth[w.index] != w.pred == last.val_pred[w.index]
    assert set(last.state_dict) == set(trainer.model.state_dict())
    assert all(t.device.type == "cpu" for t in last.state_dict.values())
    assert result.epochs_done == 2 and not result.stopped and result.last_val_acc == last.val_acc
    assert result.best_val_acc == max(e.val_acc for e in epochs)
    metrics = trainer.metrics()
    assert metrics["val_acc"] == last.val_acc and len(metrics["history"]) == 2


def test_epoch_state_dict_is_a_copy_that_later_training_does_not_change(digits):
    _, result, events = run(digits, epochs=2)
    first = of(events, EpochEvent)[0].state_dict
    assert any(not torch.equal(first[k], result.state_dict[k]) for k in first)


def test_seeded_cpu_runs_are_reproducible(digits):
    _, a, events_a = run(digits, seed=7, augment_shift=2)
    _, b, events_b = run(digits, seed=7, augment_shift=2)
    _, c, _ = run(digits, seed=8, augment_shift=2)
    assert all(torch.equal(a.state_dict[k], b.state_dict[k]) for k in a.state_dict)
    assert [e.loss for e in of(events_a, StepEvent)] == [e.loss for e in of(events_b, StepEvent)]
    assert a.last_val_acc == b.last_val_acc
    assert not all(torch.equal(a.state_dict[k], c.state_dict[k]) for k in a.state_dict)


def _in_thread(trainer):
    box = {}
    thread = threading.Thread(target=lambda: box.setdefault("result", trainer.run()))
    thread.start()
    return thread, box


def test_stop_from_another_thread_ends_within_one_step(digits):
    events, at_step_3 = [], threading.Event()
    stopped_after = []

    def callback(event):
        events.append(event)
        if isinstance(event, StepEvent) and event.step == 3:
            at_step_3.set()

    trainer = Trainer(SMALL, digits, config(epochs=50), callback, report_every_s=0.0)
    thread, box = _in_thread(trainer)
    assert at_step_3.wait(60)
    trainer.stop()
    stopped_after.append(len(of(events, StepEvent)))
    thread.join(60)
    assert not thread.is_alive()
    result = box["result"]
    assert isinstance(result, FinishedEvent) and result.stopped and result.epochs_done == 0
    assert result.best_val_acc is None and set(result.state_dict) == set(trainer.model.state_dict())
    assert len(of(events, StepEvent)) <= stopped_after[0] + 1


def test_pause_holds_training_until_resume(digits):
    events, at_step_2 = [], threading.Event()

    def callback(event):
        events.append(event)
        if isinstance(event, StepEvent) and event.step == 2:
            trainer.pause()  # paused from inside a step: the next step must wait
            at_step_2.set()

    trainer = Trainer(SMALL, digits, config(epochs=1), callback, report_every_s=0.0)
    thread, box = _in_thread(trainer)
    assert at_step_2.wait(60)
    thread.join(0.3)
    assert trainer.paused and thread.is_alive()
    assert len(of(events, StepEvent)) == 2
    trainer.resume()
    thread.join(60)
    assert isinstance(box["result"], FinishedEvent) and len(of(events, StepEvent)) == 20


def test_stop_wakes_a_paused_run(digits):
    trainer = Trainer(SMALL, digits, config(epochs=3), report_every_s=0.0)
    trainer.pause()
    thread, box = _in_thread(trainer)
    trainer.stop()
    thread.join(60)
    assert not thread.is_alive() and box["result"].stopped


def test_stop_during_a_download_ends_the_run_and_leaves_no_partial_file(tmp_path, monkeypatch):
    class EndlessResponse:
        headers = {"Content-Length": str(10 ** 9)}

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

        def read(self, size):
            return b"\0" * size

    monkeypatch.setattr(datasets, "cache_dir", lambda: tmp_path)
    monkeypatch.setattr(datasets, "_open_url", lambda url: EndlessResponse())
    events = []

    def callback(event):
        events.append(event)
        if isinstance(event, ProgressEvent) and event.done > 10 ** 6:
            trainer.stop()

    trainer = Trainer(SMALL, "mnist", config(download=True), callback)
    result = trainer.run()
    assert isinstance(result, FinishedEvent) and result.stopped and result.state_dict == {}
    assert not [p for p in tmp_path.rglob("*") if p.is_file()]


def test_a_diverging_loss_fails_with_advice(digits):
    _, result, events = run(digits, optimizer="sgd", lr=10.0, momentum=0.0, schedule="constant", epochs=1)
    assert isinstance(result, FailedEvent) and not of(events, FinishedEvent)
    assert "lower learning rate" in result.message and "BatchNorm" in result.message
    assert "NaN" in result.message or "infinite" in result.message


class _SmallMemory(nn.Module):
    """A model that 'runs out of memory' above 8 samples, like a GPU that is too small."""

    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Flatten(), nn.Linear(784, 10))

    def forward(self, x):
        if x.shape[0] > 8:
            raise torch.OutOfMemoryError("CUDA out of memory (simulated)")
        return self.net(x)


def test_out_of_memory_halves_the_batch_and_goes_on(digits):
    events = []
    trainer = Trainer(_SmallMemory(), digits.subset(64, 16), config(epochs=1, batch_size=32), events.append,
                      report_every_s=0.0)
    result = trainer.run()
    infos = [e.message for e in of(events, InfoEvent)]
    assert infos[:2] == ["out of memory on cpu at batch size 32; continuing with batch size 16",
                         "out of memory on cpu at batch size 16; continuing with batch size 8"]
    assert isinstance(result, FinishedEvent) and result.epochs_done == 1
    assert [e.step for e in of(events, StepEvent)] == list(range(1, 9))  # 64 samples in batches of 8


@pytest.fixture
def chinese():
    i18n.set_language("zh_CN")
    yield
    i18n.set_language("en")


def test_the_divergence_advice_speaks_chinese(digits, chinese):
    _, result, _ = run(digits, optimizer="sgd", lr=10.0, momentum=0.0, schedule="constant", epochs=1)
    assert isinstance(result, FailedEvent)
    assert "训练发散了" in result.message and "更低的学习率" in result.message and "BatchNorm2d" in result.message
    assert "用 1 代替 10" in result.message  # the numbers land inside the Chinese sentence


def test_out_of_memory_halving_speaks_chinese(digits, chinese):
    events = []
    trainer = Trainer(_SmallMemory(), digits.subset(64, 16), config(epochs=1, batch_size=32), events.append,
                      report_every_s=0.0)
    assert isinstance(trainer.run(), FinishedEvent)
    infos = [e.message for e in of(events, InfoEvent)]
    assert infos[:2] == ["cpu 在批大小 32 时内存不足；改用批大小 16 继续训练",
                         "cpu 在批大小 16 时内存不足；改用批大小 8 继续训练"]


def test_a_halved_batch_stays_halved_in_later_epochs_for_training_and_validation(digits):
    events = []
    trainer = Trainer(_SmallMemory(), digits.subset(64, 16), config(epochs=2, batch_size=32), events.append,
                      report_every_s=0.0)
    assert isinstance(trainer.run(), FinishedEvent)
    infos = [e.message for e in of(events, InfoEvent)]
    # Epoch 1: training 32 -> 16 -> 8, validation 256 -> ... -> 8. Epoch 2 starts small: nothing more.
    assert len(infos) == 2 + 5 and sum("at batch size 256" in m for m in infos) == 1


def test_a_design_that_does_not_fit_the_data_fails_with_its_message(digits):
    rgb = design_from_dict({"format": "cnn-playground.design", "version": 1, "input": [3, 32, 32],
                            "layers": [{"type": "Flatten"}, {"type": "Linear", "out_features": 10}]})
    _, result, _ = run(digits, design=rgb)
    assert isinstance(result, FailedEvent)
    assert result.message.startswith("design expects 3x32x32, embedded MNIST gives 1x28x28")


def test_bad_config_and_device_fail_cleanly(digits):
    _, result, _ = run(digits, batch_size=0)
    assert isinstance(result, FailedEvent) and "batch_size" in result.message
    with pytest.raises(ConfigError, match="schedule: expected constant, cosine, onecycle"):
        TrainConfig(schedule="linear").validate()
    _, result, _ = run(digits, device="tpu")
    assert isinstance(result, FailedEvent) and "unknown device 'tpu'" in result.message


def test_config_round_trips_through_a_dict():
    cfg = TrainConfig(optimizer="sgd", lr=0.1, augment_shift=3)
    assert TrainConfig.from_dict({**cfg.to_dict(), "from_a_newer_version": 1}) == cfg
    assert TrainConfig().learning_rate == 3e-3 and TrainConfig(optimizer="sgd").learning_rate == 0.05


def test_schedules():
    assert lr_factor("constant", 0.7) == 1.0
    assert lr_factor("cosine", 0.0) == 1.0 and lr_factor("cosine", 1.0) == pytest.approx(0.0)
    assert lr_factor("onecycle", 0.0) == pytest.approx(1 / 25)
    assert lr_factor("onecycle", 0.3) == pytest.approx(1.0)
    assert lr_factor("onecycle", 1.0) == pytest.approx(1 / 25e4)
    ramp = [lr_factor("onecycle", p / 100) for p in range(101)]
    assert ramp.index(max(ramp)) == 30


def test_devices_on_this_machine(monkeypatch):
    assert resolve_device("cpu") == torch.device("cpu")
    if not torch.cuda.is_available():
        with pytest.raises(DeviceError, match="no CUDA GPU"):
            resolve_device("cuda:0")
        monkeypatch.setattr(torch.backends.mps, "is_available", lambda: False)
        assert resolve_device("auto") == torch.device("cpu")
    with pytest.raises(DeviceError, match="expected auto, cpu, cuda, cuda:N or mps"):
        resolve_device("gpu0")
    before = torch.get_num_threads()
    try:
        assert limit_cpu_threads() == training_threads() == torch.get_num_threads() >= 1
    finally:
        torch.set_num_threads(before)
