"""Training on several processes, GPUs and machines: PyTorch's own DistributedDataParallel under torchrun.

    torchrun --nproc_per_node 2 -m playground train design.json --out model.pt

torchrun starts one copy of the command per process and tells each where it stands
through the environment (RANK, WORLD_SIZE, LOCAL_RANK, MASTER_ADDR, MASTER_PORT); on a
cluster, SLURM or Kubernetes start torchrun on every machine (`--nnodes`). Nothing here
invents a protocol: `rendezvous_from_env` reads those variables, `process_group` opens
torch.distributed's group (nccl on CUDA, gloo on the CPU) with a timeout and closes it on
success, failure, Ctrl+C and SIGTERM, and `DistributedTrainer` is the plain Trainer with
the model wrapped in DistributedDataParallel:

- every rank draws the same seeded shuffle of the whole training set each epoch and keeps
  every world_size-th index from its rank on (`epoch_shard`): disjoint shares of equal
  length, so every rank takes the same number of steps. With batch B per rank, step j of
  all ranks together covers exactly positions j*B*W .. (j+1)*B*W of the global shuffle:
  one step of a single process with batch B*W (the global batch; nothing is rescaled);
- each rank validates its share of the validation set on the plain module, and the sums
  (loss, confusion matrix) are added up across ranks with all_reduce, the predictions and
  worst mistakes gathered, so every rank reports the numbers of the whole set;
- only rank 0 prints and saves (the train command decides that); training loss and
  accuracy in the progress lines are rank 0's share;
- a rank that runs out of memory fails instead of halving its batch (the ranks must keep
  taking the same steps), and a rank that dies takes the others down: gloo sees the
  closed connection at once, every collective times out after `dist_timeout` seconds,
  and torchrun sends the survivors SIGTERM, which ends them through `Terminated`.

For auditing the split, the environment variable CNN_PLAYGROUND_SHARD_LOG may name a
folder: every rank then appends one JSON line per epoch to `rank<R>.jsonl` there (its
rank, world size, process id, epoch and the indices of its share).
"""

from __future__ import annotations

import datetime
import json
import os
import re
import signal
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from types import FrameType
from typing import Any, Iterator, Mapping

import numpy as np
import torch
import torch.distributed as dist
import torch.nn as nn
from torch.nn.parallel import DistributedDataParallel

from playground.core.datasets import Dataset
from playground.core.devices import resolve_device, training_threads
from playground.core.events import InfoEvent, WorstExample
from playground.core.i18n import _
from playground.core.trainer import WORST_COUNT, Trainer, TrainConfig, _Failed

SHARD_LOG_ENV = "CNN_PLAYGROUND_SHARD_LOG"


class DistributedError(RuntimeError):
    """A torchrun environment or device choice that cannot work; one line saying why."""


class Terminated(BaseException):
    """SIGTERM arrived (torchrun stopping every rank because one failed, or the job was
    cancelled). A BaseException, so it passes the trainer's error handling and the
    process group is still closed on the way out."""


@dataclass(frozen=True)
class Rendezvous:
    """Where this process stands in a torchrun job."""

    rank: int
    world_size: int
    local_rank: int
    local_world_size: int
    master_addr: str
    master_port: str

    @property
    def is_main(self) -> bool:
        return self.rank == 0

    def name(self) -> str:
        return _("rank {rank} of {world_size}").format(rank=self.rank, world_size=self.world_size)


def _int_var(environ: Mapping[str, str], name: str, default: int | None = None) -> int:
    raw = environ.get(name)
    if raw is None:
        if default is None:
            raise DistributedError(_("WORLD_SIZE is set but {name} is not: start the run with torchrun").format(
                name=name))
        return default
    try:
        return int(raw)
    except ValueError:
        raise DistributedError(_("{name}={value} in the environment is not a whole number").format(
            name=name, value=repr(raw))) from None


def rendezvous_from_env(environ: Mapping[str, str] | None = None) -> Rendezvous | None:
    """The job torchrun describes in the environment, or None for a plain single-process run."""
    env = os.environ if environ is None else environ
    if "WORLD_SIZE" not in env:
        return None
    world = _int_var(env, "WORLD_SIZE")
    rank = _int_var(env, "RANK")
    local_rank = _int_var(env, "LOCAL_RANK", 0)
    local_world = _int_var(env, "LOCAL_WORLD_SIZE", world)
    if world < 1 or not 0 <= rank < world or not 0 <= local_rank < max(local_world, 1):
        raise DistributedError(_("RANK={rank}, LOCAL_RANK={local_rank}, WORLD_SIZE={world}: not a valid place "
                                 "in a job").format(rank=rank, local_rank=local_rank, world=world))
    addr, port = env.get("MASTER_ADDR"), env.get("MASTER_PORT")
    if not addr or not port:
        raise DistributedError(_("WORLD_SIZE is set but MASTER_ADDR or MASTER_PORT is not: start the run with "
                                 "torchrun"))
    return Rendezvous(rank, world, local_rank, local_world, addr, port)


def distributed_config(config: TrainConfig, rdv: Rendezvous) -> TrainConfig:
    """The config one rank trains with: the GPU of its LOCAL_RANK on CUDA, and on the CPU its
    share of the threads a single run would take (cores - 1). Refuses devices DDP cannot use."""
    device = resolve_device(config.device)
    if device.type == "mps":
        raise DistributedError(_("--device mps: torch.distributed does not run on Apple GPUs; use --device cpu"))
    if device.type == "cuda":
        if config.device.startswith("cuda:") and rdv.local_world_size > 1:
            raise DistributedError(_("--device {device} under torchrun: every process would use the same GPU; "
                                     "use --device cuda (each process takes the GPU of its LOCAL_RANK)").format(
                device=config.device))
        if rdv.local_rank >= torch.cuda.device_count():
            raise DistributedError(_("LOCAL_RANK {local_rank} has no GPU: this machine has {count}; lower "
                                     "--nproc_per_node").format(local_rank=rdv.local_rank,
                                                                 count=torch.cuda.device_count()))
        return replace(config, device=f"cuda:{rdv.local_rank}")
    threads = config.cpu_threads or max(1, training_threads() // max(rdv.local_world_size, 1))
    return replace(config, device="cpu", cpu_threads=threads)


def backend_for(device: str) -> str:
    """nccl for CUDA devices, gloo for the CPU."""
    return "nccl" if device.startswith("cuda") else "gloo"


def _raise_terminated(signum: int, frame: FrameType | None) -> None:
    raise Terminated(signal.Signals(signum).name)


@contextmanager
def process_group(rdv: Rendezvous, device: str, timeout_s: float) -> Iterator[None]:
    """torch.distributed's group for this rank, open while the block runs.

    Every collective gives up after `timeout_s` seconds instead of waiting for a rank that
    is gone. SIGTERM becomes `Terminated` meanwhile, so the group is destroyed on every
    way out: success, an error, Ctrl+C, or torchrun stopping the job.
    """
    if device.startswith("cuda"):
        torch.cuda.set_device(torch.device(device))
    previous = signal.signal(signal.SIGTERM, _raise_terminated)
    try:
        dist.init_process_group(backend_for(device), init_method="env://", rank=rdv.rank,
                                world_size=rdv.world_size, timeout=datetime.timedelta(seconds=timeout_s))
        try:
            yield
        finally:
            dist.destroy_process_group()
    finally:
        signal.signal(signal.SIGTERM, previous)


def epoch_shard(order: torch.Tensor, rank: int, world_size: int) -> torch.Tensor:
    """Rank's share of one epoch's global order: every world_size-th index from `rank` on.

    The tail that does not divide evenly is left out of this epoch (as DistributedSampler
    with drop_last does), so the shares are disjoint and of equal length.
    """
    usable = (len(order) // world_size) * world_size
    return order[rank:usable:world_size]


def _all_gather(tensor: torch.Tensor, world_size: int) -> list[torch.Tensor]:
    parts = [torch.empty_like(tensor) for _ in range(world_size)]
    dist.all_gather(parts, tensor.contiguous())
    return parts


def val_part(data: Any, rank: int, world_size: int) -> Any:
    """Rank's share of the validation set (every world_size-th example from `rank` on)."""
    if isinstance(data, Dataset):
        return replace(data, val_x=data.val_x[rank::world_size], val_y=data.val_y[rank::world_size])
    return data.val_part(rank, world_size)


def lost_contact(exc: BaseException) -> str | None:
    """A one-line description when `exc` is a collective that failed because another rank
    is gone or hangs (closed connection, timeout); None for any other error."""
    text = str(exc).strip()
    if not isinstance(exc, dist.DistError) and not re.search(
            r"gloo|nccl|connection (closed|reset)|timed out|timeout", text, re.IGNORECASE):
        return None
    first = re.sub(r"^\[[^\]]*\]\s*", "", text.splitlines()[0] if text else exc.__class__.__name__)
    return first.split(". ", 1)[0].rstrip(".")


class DistributedTrainer(Trainer):
    """The Trainer as one rank of a DistributedDataParallel job (see the module docstring).

    The process group must be open (`process_group`) while `run()` runs, and `config`
    should come from `distributed_config`.
    """

    def __init__(self, *args: Any, rendezvous: Rendezvous, shard_log: str | os.PathLike[str] | None = None,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.rendezvous = rendezvous
        self.shard_log = Path(shard_log) if shard_log else (Path(os.environ[SHARD_LOG_ENV])
                                                            if os.environ.get(SHARD_LOG_ENV) else None)
        self._order_generator: torch.Generator | None = None

    def _prepare(self) -> tuple[nn.Module, Dataset]:
        rdv = self.rendezvous
        if self.config.download and rdv.world_size > 1:
            # One download per machine: local rank 0 fetches, the others wait and read it.
            if rdv.local_rank == 0:
                model, data = super()._prepare()
                dist.barrier()
            else:
                dist.barrier()
                model, data = super()._prepare()
        else:
            model, data = super()._prepare()
        n = len(data.train_x)
        if n < rdv.world_size:
            raise _Failed(_("{dataset}: {count} training examples cannot be shared by {world_size} processes").format(
                dataset=data.info.name, count=n, world_size=rdv.world_size))
        if len(data.val_y) < rdv.world_size:
            raise _Failed(_("{dataset}: {count} validation examples cannot be shared by {world_size} processes").format(
                dataset=data.info.name, count=len(data.val_y), world_size=rdv.world_size))
        device = data.device
        self._order_generator = torch.Generator(device=device).manual_seed(self.config.seed)
        wrapped = DistributedDataParallel(model, device_ids=[device.index] if device.type == "cuda" else None)
        per_rank = min(self.config.batch_size, n // rdv.world_size)
        self.callback(InfoEvent(_(
            "distributed: {world_size} processes ({backend}), batch {batch} per process x {world_size} = global "
            "batch {global_batch}; each process trains on its own 1/{world_size} of every epoch (progress shows "
            "rank 0's share)").format(world_size=rdv.world_size, backend=backend_for(str(device)), batch=per_rank,
                                      global_batch=per_rank * rdv.world_size)))
        return wrapped, data

    def _run(self) -> Any:
        try:
            return super()._run()
        except RuntimeError as exc:
            detail = lost_contact(exc)
            if detail is None:
                raise
            raise _Failed(_("lost contact with the other processes ({detail}): one of them failed or was stopped, "
                            "and its own message says why").format(detail=detail)) from None

    def _samples_per_epoch(self, n: int) -> int:
        return n // self.rendezvous.world_size

    def _epoch_order(self, epoch: int, n: int, generator: torch.Generator, device: torch.device) -> torch.Tensor:
        rdv = self.rendezvous
        if epoch == 1:
            generator.manual_seed(self.config.seed + rdv.rank)  # each rank augments with draws of its own
        assert self._order_generator is not None
        order = torch.randperm(n, generator=self._order_generator, device=device)  # the same on every rank
        shard = epoch_shard(order, rdv.rank, rdv.world_size)
        if self.shard_log is not None:
            self._record(epoch, shard)
        return shard

    def _record(self, epoch: int, shard: torch.Tensor) -> None:
        rdv = self.rendezvous
        self.shard_log.mkdir(parents=True, exist_ok=True)  # type: ignore[union-attr]
        line = json.dumps({"rank": rdv.rank, "world_size": rdv.world_size, "pid": os.getpid(), "epoch": epoch,
                           "indices": shard.tolist()})
        with open(self.shard_log / f"rank{rdv.rank}.jsonl", "a", encoding="utf-8") as fh:  # type: ignore[operator]
            fh.write(line + "\n")

    def _train_step(self, model: nn.Module, optimizer: torch.optim.Optimizer, data: Dataset, idx: torch.Tensor,
                    generator: torch.Generator, loss_acc: torch.Tensor, correct_acc: torch.Tensor) -> bool:
        if not super()._train_step(model, optimizer, data, idx, generator, loss_acc, correct_acc):
            raise _Failed(_("out of memory on {device} ({rank}) at batch size {batch}: every process must take "
                            "the same steps, so lower --batch-size").format(
                device=self.device, rank=self.rendezvous.name(), batch=len(idx)))
        return True

    def _evaluate(self, model: nn.Module, data: Dataset
                  ) -> tuple[float, float, np.ndarray, np.ndarray, tuple[WorstExample, ...]] | None:
        """Validate this rank's share on the plain module, then combine the shares."""
        rdv = self.rendezvous
        plain = model.module if isinstance(model, DistributedDataParallel) else model
        part = val_part(data, rdv.rank, rdv.world_size)
        local = super()._evaluate(plain, part)
        if local is None:
            return None
        loss, _, confusion, pred, worst = local
        device = data.device
        n_local = len(pred)
        sums = torch.tensor([loss * n_local, float(n_local)], dtype=torch.float64, device=device)
        dist.all_reduce(sums)
        total_confusion = torch.as_tensor(confusion, device=device)
        dist.all_reduce(total_confusion)
        n = int(sums[1].item())
        return (float(sums[0].item()) / n, float(total_confusion.diagonal().sum().item()) / n,
                total_confusion.cpu().numpy(), self._gather_predictions(pred, n, device),
                self._gather_worst(worst, device))

    def _gather_predictions(self, pred: np.ndarray, n: int, device: torch.device) -> np.ndarray:
        """Every rank's predictions back in validation-set order (rank r held r, r+W, ...)."""
        world = self.rendezvous.world_size
        width = -(-n // world)
        padded = torch.full((width,), -1, dtype=torch.int64, device=device)
        padded[:len(pred)] = torch.as_tensor(pred, device=device)
        merged = torch.stack(_all_gather(padded, world), 1).reshape(-1)  # position i*W + r
        return merged[:n].cpu().numpy()

    def _gather_worst(self, worst: tuple[WorstExample, ...], device: torch.device) -> tuple[WorstExample, ...]:
        """The most confident mistakes of the whole validation set, with its own indices."""
        rdv = self.rendezvous
        rows = torch.full((WORST_COUNT, 4), -1.0, dtype=torch.float64, device=device)
        for i, w in enumerate(worst):
            rows[i] = torch.tensor([w.index * rdv.world_size + rdv.rank, w.true, w.pred, w.confidence],
                                   dtype=torch.float64)
        merged = torch.cat(_all_gather(rows, rdv.world_size)).cpu().tolist()
        found = sorted((r for r in merged if r[0] >= 0), key=lambda r: -r[3])[:WORST_COUNT]
        return tuple(WorstExample(int(i), int(t), int(p), float(c)) for i, t, p, c in found)
