"""Image folders over the memory budget stream from disk: the choice and its reason, the
same split and pixels as the in-memory path, training through DataLoader workers (alone
and as a rank of a process group), and a file that cannot be decoded named in one line."""

from __future__ import annotations

import multiprocessing
import socket

import numpy as np
import pytest
import torch
from PIL import Image

from playground.core.datasets import DatasetError, load_image_folder
from playground.core.design import design_from_dict
from playground.core.distributed import Rendezvous, distributed_config, process_group
from playground.core.events import FailedEvent, FinishedEvent, InfoEvent, ProgressEvent, StepEvent
from playground.core.streaming import (
    DataPath, ImageFiles, StreamingDataset, StreamingTrainer, budget_bytes, choose_data_path, data_path_choice,
    decode_image, list_image_folder, open_stream)
from playground.core.trainer import TrainConfig, Trainer
from playground.core.trainer_choice import DistributedStreamingTrainer, folder_data_path, make_trainer

SHAPE = (3, 32, 32)
PER_CLASS = 30
DESIGN = design_from_dict({
    "format": "cnn-playground.design", "version": 1, "name": "tiny", "input": list(SHAPE),
    "layers": [{"type": "Conv2d", "out_channels": 4, "kernel_size": 3, "stride": 2}, {"type": "ReLU"},
               {"type": "Flatten"}, {"type": "Linear", "out_features": 3}]})


def _image(label: int, rng: np.random.Generator, size: int = 32) -> np.ndarray:
    """Class 0 bright on top, 1 bright on the left, 2 bright in the middle, over noise."""
    img = rng.integers(0, 60, (size, size, 3), dtype=np.uint8)
    half, quarter = size // 2, size // 4
    region = [(slice(0, half), slice(None)), (slice(None), slice(0, half)),
              (slice(quarter, 3 * quarter), slice(quarter, 3 * quarter))][label]
    img[region] = rng.integers(190, 255, img[region].shape, dtype=np.uint8)
    return img


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    root = tmp_path_factory.mktemp("photos")
    rng = np.random.default_rng(0)
    for label, name in enumerate(("top", "left", "middle")):
        (root / name).mkdir()
        for i in range(PER_CLASS):
            suffix = ".bmp" if i == 0 else ".png"
            size = 48 if i == 1 else 32  # one image is resized
            Image.fromarray(_image(label, rng, size)).save(root / name / f"{i:03d}{suffix}")
    return root



@pytest.fixture(autouse=True)
def _torch_threads_restored():
    """Runs here set torch's thread count for the process; later tests get theirs back."""
    threads = torch.get_num_threads()
    yield
    torch.set_num_threads(threads)

def test_the_choice_says_which_path_and_why(folder):
    need = 3 * PER_CLASS * int(np.prod(SHAPE))
    streaming, reason = data_path_choice(folder, SHAPE, budget=need - 1)
    assert streaming and "90 images at 3x32x32" in reason and "streaming them from disk" in reason
    streaming, reason = data_path_choice(folder, SHAPE, budget=need)
    assert not streaming and "holding them in memory" in reason
    assert budget_bytes(2) == 2 << 20 and budget_bytes(None) > 0


def test_the_stream_splits_and_decodes_as_the_in_memory_path(folder):
    memory = load_image_folder(folder, SHAPE)
    listing = list_image_folder(folder)
    assert listing.classes == memory.info.class_names
    assert [label for _, label in listing.val] == memory.val_y.tolist()
    assert [label for _, label in listing.train] == memory.train_y.tolist()
    for (path, _), image in zip(listing.val + listing.train, torch.cat((memory.val_x, memory.train_x))):
        assert torch.equal(decode_image(path, SHAPE), image)  # the same pixels, resized or not
    stream = open_stream(folder, SHAPE)
    np.testing.assert_allclose(stream.info.mean, memory.info.mean, atol=0.01)  # all 72 training images sampled


def test_a_folder_over_the_budget_streams_and_trains(folder):
    events: list = []
    config = TrainConfig(epochs=4, batch_size=16, device="cpu", lr=0.01, loader_workers=1, schedule="constant")
    trainer = StreamingTrainer(DESIGN, str(folder), config, events.append)
    result = trainer.run()
    assert isinstance(result, FinishedEvent), result
    messages = [e.message for e in events if isinstance(e, InfoEvent)]
    assert any("with 1 loader worker" in m for m in messages)
    assert result.last_val_acc >= 0.8  # three easy patterns, chance is a third


def test_make_trainer_streams_only_over_the_budget(folder, monkeypatch):
    from playground.core import trainer_choice

    events: list = []
    monkeypatch.setattr(trainer_choice, "budget_bytes", lambda mib: 1000)
    assert isinstance(make_trainer(DESIGN, str(folder), TrainConfig(), events.append), StreamingTrainer)
    monkeypatch.setattr(trainer_choice, "budget_bytes", lambda mib: 1 << 40)
    plain = make_trainer(DESIGN, str(folder), TrainConfig(), events.append)
    assert type(plain) is Trainer
    assert [e.message.split(", ")[-1] for e in events] == ["over the memory budget of 1000 B: streaming them from disk",
                                                          "within the memory budget of 1.0 TiB: holding them in memory"]


def test_a_rank_streams_its_share(folder, monkeypatch):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    monkeypatch.setenv("MASTER_ADDR", "127.0.0.1")
    monkeypatch.setenv("MASTER_PORT", str(port))
    rdv = Rendezvous(0, 1, 0, 1, "127.0.0.1", str(port))
    config = distributed_config(TrainConfig(epochs=2, batch_size=16, device="cpu", loader_workers=0), rdv)
    with process_group(rdv, "cpu", 30):
        result = DistributedStreamingTrainer(DESIGN, str(folder), config, rendezvous=rdv).run()
    assert isinstance(result, FinishedEvent) and result.epochs_done == 2, result


def test_an_image_that_cannot_be_decoded_ends_the_run_naming_it(folder, tmp_path):
    broken = tmp_path / "broken"
    for name in ("a", "b"):
        (broken / name).mkdir(parents=True)
        for i in range(4):
            Image.fromarray(_image(0, np.random.default_rng(i))).save(broken / name / f"{i}.png")
    (broken / "a" / "9.png").write_bytes(b"not a png at all")
    config = TrainConfig(epochs=1, batch_size=64, device="cpu", loader_workers=1)
    result = StreamingTrainer(DESIGN, str(broken), config).run()
    assert isinstance(result, FailedEvent)
    assert "9.png: cannot decode this image" in result.message and "\n" not in result.message


def test_a_worker_s_decoding_error_comes_back_as_one_line(tmp_path):
    bad = tmp_path / "bad.png"
    bad.write_bytes(b"\x89PNG but then nothing")
    loader = torch.utils.data.DataLoader(ImageFiles([(str(bad), 0)], SHAPE), batch_size=1, num_workers=1)
    batches = iter(loader)
    with pytest.raises(DatasetError) as caught:
        StreamingTrainer._next(batches)
    batches._shutdown_workers()  # its worker would otherwise live until the iterator is collected
    assert str(caught.value).startswith(f"{bad}: cannot decode this image") and "\n" not in str(caught.value)


def test_one_rule_decides_from_the_image_count_and_the_budget_setting():
    need = 90 * int(np.prod(SHAPE))
    assert folder_data_path(90, SHAPE, memory_budget=1) == DataPath(False, 90, SHAPE, need, 1 << 20)
    assert folder_data_path(400, SHAPE, memory_budget=1).streaming  # 1.2 MiB
    path = choose_data_path(90, SHAPE, budget=need)
    assert path == DataPath(False, 90, SHAPE, need, need)
    assert path.reason == "90 images at 3x32x32 take 270.0 KiB in memory, within the memory budget of 270.0 KiB: " \
                          "holding them in memory"
    assert folder_data_path(90, SHAPE, memory_budget=1).budget == budget_bytes(1) == 1 << 20
    assert folder_data_path(90, SHAPE, memory_budget=None).budget == budget_bytes(None)


def test_the_window_s_way_in_memory_data_from_its_loader_a_stream_opened_first(folder, monkeypatch):
    from playground.core import trainer_choice

    loaded: list = []

    def load(callback):
        loaded.append(callback)
        return load_image_folder(folder, SHAPE)

    monkeypatch.setattr(trainer_choice, "budget_bytes", lambda mib: 1 << 40)
    plain = make_trainer(DESIGN, str(folder), TrainConfig(), load=load)
    assert type(plain) is Trainer and plain.dataset.info.name == folder.name and len(loaded) == 1
    monkeypatch.setattr(trainer_choice, "budget_bytes", lambda mib: 1000)
    events: list = []
    config = TrainConfig(epochs=1, batch_size=16, device="cpu", loader_workers=1)
    streaming = make_trainer(DESIGN, str(folder), config, events.append, load=load)
    assert isinstance(streaming, StreamingTrainer) and len(loaded) == 1  # the loader is not asked
    stream = streaming.open()
    assert isinstance(stream, StreamingDataset) and streaming.open() is stream  # listed and measured once
    assert stream.info.class_names == ("left", "middle", "top") and len(stream.val_x) == 18
    assert stream.val_x.image(0).shape == SHAPE
    assert isinstance(streaming.run(), FinishedEvent)
    assert sum(isinstance(e, ProgressEvent) and "mean and std" in e.what for e in events) == 2  # 72 sampled: at 50, 72


def test_a_stopped_stream_leaves_no_loader_worker_behind(folder):
    def stop_at_the_first_step(event):
        if isinstance(event, StepEvent):
            trainer.stop()

    config = TrainConfig(epochs=50, batch_size=4, device="cpu", loader_workers=2)
    trainer = StreamingTrainer(DESIGN, str(folder), config, stop_at_the_first_step, report_every_s=0.0)
    before = set(multiprocessing.active_children())
    result = trainer.run()
    assert isinstance(result, FinishedEvent) and result.stopped and result.epochs_done == 0
    assert set(multiprocessing.active_children()) <= before
