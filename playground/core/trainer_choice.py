"""Which trainer a run takes: in memory or streaming from disk, one process or one rank of many.

    trainer = make_trainer(design, "photos/", config, callback, rendezvous_from_env())

A folder of images whose tensors would outgrow the memory budget streams
(playground.core.streaming); under torchrun the trainer is one rank of a
DistributedDataParallel job (playground.core.distributed); both can hold at once. The
choice of data path is said through the callback as an InfoEvent with its reason.
"""

from __future__ import annotations

import os
from pathlib import Path

from playground.core.datasets import Dataset, DatasetError, dataset_names
from playground.core.design import Design
from playground.core.distributed import DistributedTrainer, Rendezvous
from playground.core.events import Callback, InfoEvent, ignore
from playground.core.streaming import StreamingTrainer, budget_bytes, data_path_choice
from playground.core.trainer import Trainer, TrainConfig


class DistributedStreamingTrainer(StreamingTrainer, DistributedTrainer):
    """One rank of a DDP job streaming its share of a folder (StreamingTrainer's batches
    follow DistributedTrainer's shard of the global order)."""


def wants_streaming(design: Design, dataset: Dataset | str | os.PathLike[str], config: TrainConfig,
                    callback: Callback) -> bool:
    """Whether `dataset` is a folder over the memory budget; says the path and why."""
    if isinstance(dataset, Dataset) or not Path(dataset).is_dir():
        return False
    if str(dataset).strip().lower().replace("-", "").replace("_", "") in dataset_names():
        return False  # a name load_dataset takes before any folder
    try:
        streaming, reason = data_path_choice(dataset, design.input, budget_bytes(config.memory_budget))
    except DatasetError:
        return False  # not a usable folder: the in-memory loader reports why, as for any dataset
    callback(InfoEvent(f"data: {reason}"))
    return streaming


def make_trainer(design: Design, dataset: Dataset | str | os.PathLike[str], config: TrainConfig,
                 callback: Callback | None = None, rendezvous: Rendezvous | None = None) -> Trainer:
    """The Trainer for this design, data and place in a job (None: a single process)."""
    callback = callback or ignore
    streaming = wants_streaming(design, dataset, config, callback)
    source = str(dataset) if streaming else dataset
    if rendezvous is None:
        cls: type[Trainer] = StreamingTrainer if streaming else Trainer
        return cls(design, source, config, callback)
    cls = DistributedStreamingTrainer if streaming else DistributedTrainer
    return cls(design, source, config, callback, rendezvous=rendezvous)
