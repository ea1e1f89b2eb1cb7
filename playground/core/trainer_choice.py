"""Which trainer a run takes: in memory or streaming from disk, one process or one rank of many.

    trainer = make_trainer(design, "photos/", config, callback, rendezvous_from_env())

A folder of images whose tensors would outgrow the memory budget streams
(playground.core.streaming); under torchrun the trainer is one rank of a
DistributedDataParallel job (playground.core.distributed); both can hold at once. The
choice of data path is said through the callback as an InfoEvent with its reason.

The command line and the window decide the same way: `folder_data_path` is the one rule
(the window's dataset picker asks it with the folder's image count, live as the memory
budget changes), and both make their trainer with `make_trainer`; the window passes
`load`, its cache of loaded sets, for the in-memory path.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable, Sequence

from playground.core.datasets import Dataset, DatasetError, dataset_names
from playground.core.design import Design
from playground.core.distributed import DistributedTrainer, Rendezvous
from playground.core.events import Callback, InfoEvent, ignore
from playground.core.i18n import _
from playground.core.streaming import (
    DataPath, StreamingTrainer, budget_bytes, choose_data_path, list_image_folder)
from playground.core.trainer import Trainer, TrainConfig

Loader = Callable[[Callback], Dataset]  # loads the in-memory data now, reporting through the callback


class DistributedStreamingTrainer(StreamingTrainer, DistributedTrainer):
    """One rank of a DDP job streaming its share of a folder (StreamingTrainer's batches
    follow DistributedTrainer's shard of the global order)."""


def folder_data_path(images: int, input_shape: Sequence[int], memory_budget: int | None) -> DataPath:
    """The path a folder of `images` images takes under the `memory_budget` setting (MiB,
    None: a quarter of the machine's memory): streamed when their tensors would not fit."""
    return choose_data_path(images, input_shape, budget_bytes(memory_budget))


def is_folder(dataset: Dataset | str | os.PathLike[str]) -> bool:
    """Whether `dataset` names a folder of images (not a loaded set, not a dataset's name)."""
    if isinstance(dataset, Dataset) or not Path(dataset).is_dir():
        return False
    return str(dataset).strip().lower().replace("-", "").replace("_", "") not in dataset_names()


def wants_streaming(design: Design, dataset: Dataset | str | os.PathLike[str], config: TrainConfig,
                    callback: Callback) -> bool:
    """Whether `dataset` is a folder over the memory budget; says the path and why."""
    if not is_folder(dataset):
        return False
    try:
        images = list_image_folder(dataset).count
    except DatasetError:
        return False  # not a usable folder: the in-memory loader reports why, as for any dataset
    path = folder_data_path(images, design.input, config.memory_budget)
    callback(InfoEvent(_("data: {reason}").format(reason=path.reason)))
    return path.streaming


def make_trainer(design: Design, dataset: Dataset | str | os.PathLike[str], config: TrainConfig,
                 callback: Callback | None = None, rendezvous: Rendezvous | None = None, *,
                 load: Loader | None = None, report_every_s: float = 0.2) -> Trainer:
    """The Trainer for this design, data and place in a job (None: a single process).

    `load` gives the in-memory path its data now (the window's cache of loaded sets);
    without it the trainer loads `dataset` by name or folder when it runs.
    """
    callback = callback or ignore
    streaming = wants_streaming(design, dataset, config, callback)
    if streaming:
        source: Dataset | str = str(dataset)
    else:
        source = load(callback) if load is not None else dataset  # type: ignore[assignment]
    if rendezvous is None:
        cls: type[Trainer] = StreamingTrainer if streaming else Trainer
        return cls(design, source, config, callback, report_every_s=report_every_s)
    cls = DistributedStreamingTrainer if streaming else DistributedTrainer
    return cls(design, source, config, callback, rendezvous=rendezvous, report_every_s=report_every_s)
