"""The distributed trainer's pieces: the torchrun environment, the epoch shards, the
per-rank config, and a one-process group whose run equals the plain Trainer's.

Several real processes under torchrun: tests/cli/test_torchrun.py.
"""

from __future__ import annotations

import os
import signal
import socket
import time

import numpy as np
import pytest
import torch

from playground.core.datasets import load_embedded
from playground.core.design import load_design
from playground.core.distributed import (
    DistributedError, DistributedTrainer, Rendezvous, Terminated, backend_for, distributed_config, epoch_shard,
    lost_contact, process_group, rendezvous_from_env)
from playground.core.events import EpochEvent, FinishedEvent
from playground.core.trainer import TrainConfig, Trainer
from playground.paths import examples_dir

ENV = {"WORLD_SIZE": "4", "RANK": "2", "LOCAL_RANK": "0", "LOCAL_WORLD_SIZE": "2", "MASTER_ADDR": "10.0.0.1",
       "MASTER_PORT": "29500"}



@pytest.fixture(autouse=True)
def _torch_threads_restored():
    """Runs here set torch's thread count for the process; later tests get theirs back."""
    threads = torch.get_num_threads()
    yield
    torch.set_num_threads(threads)

def test_a_plain_run_has_no_rendezvous_and_torchrun_s_environment_is_read():
    assert rendezvous_from_env({}) is None
    rdv = rendezvous_from_env(ENV)
    assert rdv == Rendezvous(2, 4, 0, 2, "10.0.0.1", "29500")
    assert not rdv.is_main and rdv.name() == "rank 2 of 4"


@pytest.mark.parametrize("change, fragment", [
    ({"RANK": "4"}, "not a valid place"),
    ({"WORLD_SIZE": "two"}, "WORLD_SIZE='two'"),
    ({"MASTER_ADDR": ""}, "MASTER_ADDR"),
    ({"RANK": None}, "RANK is not"),
])
def test_a_broken_environment_is_one_line_naming_the_variable(change, fragment):
    env = {**ENV, **change}
    env = {k: v for k, v in env.items() if v is not None}
    with pytest.raises(DistributedError, match=fragment):
        rendezvous_from_env(env)


@pytest.mark.parametrize("n, world", [(9000, 2), (9001, 2), (10, 3), (7, 7)])
def test_every_rank_gets_a_disjoint_share_of_equal_length_of_the_same_shuffle(n, world):
    order = torch.randperm(n, generator=torch.Generator().manual_seed(5))
    shards = [epoch_shard(order, rank, world) for rank in range(world)]
    assert {len(s) for s in shards} == {n // world}
    together = torch.cat(shards)
    assert len(set(together.tolist())) == len(together)  # disjoint
    # step j of all ranks with batch b covers positions j*b*world .. (j+1)*b*world of the shuffle
    b = max(1, (n // world) // 3)
    for j in range((n // world) // b):
        step = torch.cat([s[j * b:(j + 1) * b] for s in shards])
        assert sorted(step.tolist()) == sorted(order[j * b * world:(j + 1) * b * world].tolist())


def test_each_cpu_rank_gets_its_share_of_the_cores_and_gloo():
    rdv = Rendezvous(1, 2, 1, 2, "127.0.0.1", "1")
    config = distributed_config(TrainConfig(device="cpu"), rdv)
    assert config.device == "cpu" and config.cpu_threads >= 1
    assert distributed_config(TrainConfig(device="cpu", cpu_threads=3), rdv).cpu_threads == 3
    assert backend_for("cpu") == "gloo" and backend_for("cuda:1") == "nccl"


@pytest.mark.skipif(not torch.cuda.is_available(), reason="needs CUDA")
def test_each_cuda_rank_takes_the_gpu_of_its_local_rank():
    rdv = Rendezvous(0, 1, 0, 1, "127.0.0.1", "1")
    assert distributed_config(TrainConfig(device="auto"), rdv).device == "cuda:0"
    with pytest.raises(DistributedError, match="same GPU"):
        distributed_config(TrainConfig(device="cuda:0"), Rendezvous(0, 2, 0, 2, "127.0.0.1", "1"))


def test_a_lost_peer_is_recognised_and_other_errors_are_not():
    gloo = RuntimeError("[/x/gloo/transport/tcp/pair.cc:561] Connection closed by peer [127.0.0.1]:40368. "
                        "This is typically caused by a remote worker crashing.")
    assert lost_contact(gloo) == "Connection closed by peer [127.0.0.1]:40368"
    assert lost_contact(RuntimeError("mat1 and mat2 shapes cannot be multiplied")) is None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_a_group_of_one_trains_exactly_as_the_plain_trainer(monkeypatch):
    """DDP, the shard of the order, the summed validation and the gathered predictions and
    mistakes all reduce to the plain Trainer's run when the world is one process."""
    port = _free_port()
    for key, value in {"WORLD_SIZE": "1", "RANK": "0", "LOCAL_RANK": "0", "LOCAL_WORLD_SIZE": "1",
                       "MASTER_ADDR": "127.0.0.1", "MASTER_PORT": str(port)}.items():
        monkeypatch.setenv(key, value)
    design = load_design(examples_dir() / "lenet5_relu.json")
    data = load_embedded()
    config = TrainConfig(epochs=2, batch_size=64, device="cpu", max_train_samples=640, max_val_samples=200)
    plain_events: list = []
    plain = Trainer(design, data, config, plain_events.append).run()
    rdv = rendezvous_from_env()
    assert rdv is not None
    dist_events: list = []
    with process_group(rdv, "cpu", 30):
        result = DistributedTrainer(design, data, distributed_config(config, rdv), dist_events.append,
                                    rendezvous=rdv).run()
    assert not torch.distributed.is_initialized()  # torn down
    assert isinstance(result, FinishedEvent) and isinstance(plain, FinishedEvent)
    assert set(result.state_dict) == set(plain.state_dict)  # the plain module's names, no "module." prefix
    for name, tensor in plain.state_dict.items():
        torch.testing.assert_close(result.state_dict[name], tensor)
    ours = [e for e in dist_events if isinstance(e, EpochEvent)]
    theirs = [e for e in plain_events if isinstance(e, EpochEvent)]
    assert len(ours) == len(theirs) == 2
    for a, b in zip(ours, theirs):
        assert a.val_acc == pytest.approx(b.val_acc) and a.val_loss == pytest.approx(b.val_loss, rel=1e-5)
        assert np.array_equal(a.confusion, b.confusion) and np.array_equal(a.val_pred, b.val_pred)
        assert [w.index for w in a.worst] == [w.index for w in b.worst]


def test_sigterm_inside_the_group_tears_it_down(monkeypatch):
    port = _free_port()
    for key, value in {"MASTER_ADDR": "127.0.0.1", "MASTER_PORT": str(port)}.items():
        monkeypatch.setenv(key, value)
    before = signal.getsignal(signal.SIGTERM)
    with pytest.raises(Terminated, match="SIGTERM"):
        with process_group(Rendezvous(0, 1, 0, 1, "127.0.0.1", str(port)), "cpu", 30):
            os.kill(os.getpid(), signal.SIGTERM)
            for _ in range(500):  # the handler raises at the next bytecode; this only bounds the wait
                time.sleep(0.01)
    assert not torch.distributed.is_initialized()
    assert signal.getsignal(signal.SIGTERM) == before
