"""A training job for torchrun: the exact command, and a folder a person copies to a cluster.

    torchrun_command("design.json", TrainConfig(epochs=10), nproc=4, nnodes=1)
    -> "torchrun --standalone --nproc_per_node 4 -m playground train design.json --out model.pt --epochs 10"
    write_job(design, "job/", TrainConfig(epochs=10), nproc=4)   # design.json, launch.sh, README.txt

The command is `cnn-playground train` under torchrun (see playground.core.distributed),
with the flags of every setting that differs from its default; the batch size is per
process, so the global batch is batch size x processes. On one machine torchrun's
`--standalone` rendezvous picks a free port; on several, every machine runs the same
command with its NODE_RANK and the first machine's MASTER_ADDR (what SLURM's srun or a
Kubernetes job sets up). The job folder holds the design, `launch.sh` (the command, with
the settings written out above it; extra arguments go to `cnn-playground train`) and a
README of three lines. The checkpoint it writes is an ordinary one: it opens in the app.
"""

from __future__ import annotations

import os
import shlex
import stat
from pathlib import Path
from typing import Sequence

from playground.core.design import Design, design_to_json
from playground.core.fileio import WriteError, atomic_write
from playground.core.i18n import _
from playground.core.train_options import TrainConfig, cli_options

DESIGN_FILE = "design.json"
LAUNCH_FILE = "launch.sh"
README_FILE = "README.txt"
CHECKPOINT_FILE = "model.pt"
DEFAULT_PORT = 29500


def train_flags(config: TrainConfig) -> list[str]:
    """`cnn-playground train` flags for every setting of `config` that differs from its default."""
    flags: list[str] = []
    for option in cli_options():
        value = getattr(config, option.name)
        if value == option.default or option.flag is None:
            continue
        if option.type is bool:
            flags.append(option.flag)
        else:
            flags += [option.flag, f"{value:g}" if isinstance(value, float) else str(value)]
    return flags


def _torchrun_args(nproc: int, nnodes: int) -> list[str]:
    if nproc < 1 or nnodes < 1:
        raise ValueError(_("a job needs at least one machine and one process per machine, got {nnodes} x {nproc}").format(
            nnodes=nnodes, nproc=nproc))
    if nnodes == 1:
        return ["--standalone", "--nproc_per_node", str(nproc)]
    return ["--nnodes", str(nnodes), "--nproc_per_node", str(nproc), "--node_rank", "$NODE_RANK",
            "--master_addr", "$MASTER_ADDR", "--master_port", str(DEFAULT_PORT)]


def _quote(word: str) -> str:
    return word if word.startswith("$") else shlex.quote(word)


def torchrun_command(design_path: str | os.PathLike[str], config: TrainConfig, nproc: int = 1, nnodes: int = 1,
                     dataset: str = "embedded", out: str = CHECKPOINT_FILE) -> str:
    """The shell command that trains `design_path` with `config` on `nnodes` machines of
    `nproc` processes each (one per GPU; on the CPU, processes share the cores).

    On several machines it reads $NODE_RANK and $MASTER_ADDR from the environment.
    """
    words = ["torchrun", *_torchrun_args(nproc, nnodes), *_train_words(design_path, config, dataset, out)]
    return " ".join(_quote(w) for w in words)


def _train_words(design_path: str | os.PathLike[str], config: TrainConfig, dataset: str, out: str) -> list[str]:
    """`-m playground train ...`: what torchrun starts in every process."""
    words = ["-m", "playground", "train", os.fspath(design_path)]
    if dataset != "embedded":
        words += ["--dataset", dataset]
    return [*words, "--out", out, *train_flags(config)]


def settings_lines(config: TrainConfig, nproc: int, nnodes: int) -> list[str]:
    """Every setting of the job, for the comment above the command."""
    world = nproc * nnodes
    lines = [f"{nnodes} machine(s) x {nproc} process(es) = {world} processes; batch size {config.batch_size} per process, "
             f"global batch {config.batch_size * world}"]
    lines += [f"{option.name} = {getattr(config, option.name)!r}" for option in cli_options()]
    return lines


def launch_script(design: Design, config: TrainConfig, nproc: int, nnodes: int, dataset: str = "embedded") -> str:
    """launch.sh: the torchrun command run from the job folder, its settings above it.

    NPROC_PER_NODE and NNODES override the process and machine counts; TORCHRUN the
    launcher (e.g. "python -m torch.distributed.run"); arguments go to `train`.
    """
    train = " ".join(_quote(w) for w in _train_words(DESIGN_FILE, config, dataset, CHECKPOINT_FILE))
    multi_args = ('--node_rank "${NODE_RANK:?set NODE_RANK: 0 on the first machine, 1, 2, ... on the others}" '
                  '--master_addr "${MASTER_ADDR:?set MASTER_ADDR: the address of the first machine}" '
                  f'--master_port "${{MASTER_PORT:-{DEFAULT_PORT}}}"')
    comments = "\n".join(f"#   {line}" for line in settings_lines(config, nproc, nnodes))
    return f"""#!/bin/sh
# Train "{design.name}" with torchrun (PyTorch DistributedDataParallel); written by cnn-playground.
# Settings:
{comments}
# On several machines run this script on each with NNODES, NODE_RANK and MASTER_ADDR set
# (the first machine's address; SLURM's srun or a Kubernetes job sets these up).
# Arguments are passed on to `cnn-playground train` (e.g. ./launch.sh --epochs 20).
set -eu
cd "$(dirname "$0")"
NPROC_PER_NODE="${{NPROC_PER_NODE:-{nproc}}}"
NNODES="${{NNODES:-{nnodes}}}"
if [ "$NNODES" = 1 ]; then
  set -- --standalone --nproc_per_node "$NPROC_PER_NODE" {train} "$@"
else
  set -- --nnodes "$NNODES" --nproc_per_node "$NPROC_PER_NODE" {multi_args} {train} "$@"
fi
exec ${{TORCHRUN:-torchrun}} "$@"
"""


def readme_text(design: Design, nproc: int, nnodes: int) -> str:
    """Three lines: what the folder is, how to run it, what comes out (in the language of
    the messages; the launch script itself stays English, it is code)."""
    return _("Training job for the CNN Playground design \"{name}\" ({nnodes} machine(s) x {nproc} process(es)).\n"
             "Run ./{launch} where PyTorch and cnn-playground are installed; on several machines set NNODES, "
             "NODE_RANK and MASTER_ADDR on each.\n"
             "It writes {checkpoint} here: open it in the app (File > Load Model…) or use "
             "cnn-playground classify --model {checkpoint}.\n").format(
        name=design.name, nnodes=nnodes, nproc=nproc, launch=LAUNCH_FILE, checkpoint=CHECKPOINT_FILE)


def write_job(design: Design, folder: str | os.PathLike[str], config: TrainConfig, nproc: int = 1,
              nnodes: int = 1, dataset: str = "embedded") -> Sequence[Path]:
    """Write design.json, launch.sh (executable) and README.txt into `folder` (made if
    missing; its parent must exist). Returns the paths. Raises WriteError."""
    root = Path(folder)
    if root.exists() and not root.is_dir():
        raise WriteError(root, _("it is a file; give a folder for the job"))
    if not root.parent.is_dir():
        raise WriteError(root, _("the folder {folder} does not exist").format(folder=root.parent))
    try:
        root.mkdir(exist_ok=True)
    except OSError as exc:
        raise WriteError(root, exc.strerror or str(exc)) from None
    files = [(root / DESIGN_FILE, design_to_json(design)),
             (root / LAUNCH_FILE, launch_script(design, config, nproc, nnodes, dataset)),
             (root / README_FILE, readme_text(design, nproc, nnodes))]
    for path, text in files:
        atomic_write(path, text.encode("utf-8"))
    launch = root / LAUNCH_FILE
    mode = stat.S_IMODE(launch.stat().st_mode)
    launch.chmod(mode | (mode & 0o444) >> 2)  # executable by whoever may read it
    return [path for path, _ in files]
