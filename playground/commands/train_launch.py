"""How `cnn-playground train` was started: a plain process, or one rank of a torchrun job.

The train command asks `Launch.from_env()` and lets it run the trainer: a plain run just
runs; under torchrun the run happens inside torch.distributed's process group (opened and
closed by playground.core.distributed.process_group), only rank 0 prints progress and
saves, and every failure is one line naming the rank.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from playground.cli import UsageError
from playground.core.distributed import (
    DistributedError, Rendezvous, Terminated, distributed_config, process_group, rendezvous_from_env)
from playground.core.events import FailedEvent, FinishedEvent
from playground.core.i18n import _
from playground.core.trainer import Trainer, TrainConfig


@dataclass(frozen=True)
class Launch:
    """This process's place: `rendezvous` is None for a plain single-process run."""

    rendezvous: Rendezvous | None = None

    @classmethod
    def from_env(cls) -> "Launch":
        try:
            return cls(rendezvous_from_env())
        except DistributedError as exc:
            raise UsageError(str(exc)) from None

    @property
    def is_main(self) -> bool:
        """Whether this process prints progress and writes the checkpoint."""
        return self.rendezvous is None or self.rendezvous.is_main

    def config(self, config: TrainConfig) -> TrainConfig:
        """The config this process trains with (a rank's own GPU or share of the cores)."""
        if self.rendezvous is None:
            return config
        try:
            return distributed_config(config, self.rendezvous)
        except DistributedError as exc:
            raise UsageError(f"{self.rendezvous.name()}: {exc}") from None

    def checkpoint_settings(self, config: TrainConfig) -> dict[str, Any]:
        """What the checkpoint records about the job besides the config."""
        if self.rendezvous is None:
            return {}
        world = self.rendezvous.world_size
        return {"world_size": world, "global_batch_size": config.batch_size * world}

    def run(self, trainer: Trainer) -> FinishedEvent:
        """Run the trainer (inside the process group under torchrun); a failure is a UsageError."""
        rdv = self.rendezvous
        if rdv is None:
            result = trainer.run()
        else:
            try:
                with process_group(rdv, trainer.config.device, trainer.config.dist_timeout):
                    result = trainer.run()
            except Terminated as exc:
                raise UsageError(_("{rank}: stopped by {signal} (torchrun stops every process when one of them "
                                   "fails or the job is cancelled; the first failure above says why)").format(
                    rank=rdv.name(), signal=exc)) from None
            except (RuntimeError, ValueError) as exc:  # the rendezvous itself: init_process_group
                first = str(exc).strip().splitlines()[0] if str(exc).strip() else exc.__class__.__name__
                raise UsageError(_("{rank}: cannot join the job at {address}:{port} ({reason})").format(
                    rank=rdv.name(), address=rdv.master_addr, port=rdv.master_port, reason=first)) from None
        if isinstance(result, FailedEvent):
            prefix = f"{rdv.name()}: " if rdv is not None else ""
            raise UsageError(f"{prefix}{result.message}")
        return result

