"""`cnn-playground train` under torchrun on the CPU (gloo), and the job folder of
`export --to torchrun`.

Two processes train lenet5_relu on disjoint halves of every epoch (each rank records its
share through CNN_PLAYGROUND_SHARD_LOG), rank 0 alone writes the checkpoint, and its
accuracy matches a single process with the same global batch and seed. Killing one rank
ends the others with a message instead of a hang: the subprocess timeout is only there to
turn a hang into a failure, no wall-clock limit is asserted.
"""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from playground.cli import main
from playground.core.checkpoint import load_checkpoint
from playground.core.distributed import SHARD_LOG_ENV
from playground.paths import examples_dir

DESIGN = str(examples_dir() / "lenet5_relu.json")
TORCHRUN = [sys.executable, "-m", "torch.distributed.run", "--standalone", "--nproc_per_node", "2"]
SAMPLES = ["--max-train-samples", "3000", "--max-val-samples", "1000", "--device", "cpu", "--seed", "3"]
HANG = 240  # seconds before a run that never ends counts as hung


def _env(shards: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("WORLD_SIZE", "RANK", "LOCAL_RANK")}
    here = str(Path(__file__).resolve().parents[2])  # this checkout, wherever the processes start
    path = os.pathsep.join(p for p in (here, env.get("PYTHONPATH")) if p)
    return {**env, SHARD_LOG_ENV: str(shards), "OMP_NUM_THREADS": "1", "PYTHONPATH": path}


def _shards(folder: Path) -> dict[int, list[dict]]:
    return {rank: [json.loads(line) for line in (folder / f"rank{rank}.jsonl").read_text().splitlines()]
            for rank in (0, 1)}


def _export_job(job: Path, capsys) -> None:
    assert main(["export", DESIGN, "--to", "torchrun", "-o", str(job), "--nproc-per-node", "2"]) == 0
    printed = capsys.readouterr().out
    assert "torchrun --standalone --nproc_per_node 2 -m playground train design.json --out model.pt" in printed
    assert sorted(p.name for p in job.iterdir()) == ["README.txt", "design.json", "launch.sh"]
    assert len((job / "README.txt").read_text().splitlines()) == 3
    assert (job / "launch.sh").stat().st_mode & stat.S_IXUSR
    written, source = json.loads((job / "design.json").read_text()), json.loads(Path(DESIGN).read_text())
    assert written["name"] == source["name"] and [b["type"] for b in written["layers"]] == [
        b["type"] for b in source["layers"]]


def test_the_exported_job_trains_disjoint_halves_saves_once_and_matches_one_process(tmp_path, capsys):
    """The job folder's launch.sh as a person runs it (from elsewhere, torchrun from this
    environment): two ranks, per-rank batch 64 against one process with batch 128."""
    job = tmp_path / "job"
    _export_job(job, capsys)
    env = {**_env(tmp_path / "shards"), "TORCHRUN": f"{sys.executable} -m torch.distributed.run"}
    done = subprocess.run([str(job / "launch.sh"), "--epochs", "1", "--batch-size", "64", *SAMPLES], env=env,
                          capture_output=True, text=True, timeout=HANG, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "global batch 128" in done.stderr
    assert done.stdout.count("validation accuracy:") == 1  # rank 0 alone reports and saves
    assert sorted(p.name for p in job.iterdir()) == ["README.txt", "design.json", "launch.sh", "model.pt"]

    shards = _shards(tmp_path / "shards")
    assert {r["pid"] for r in shards[0]}.isdisjoint({r["pid"] for r in shards[1]})
    for first, second in zip(shards[0], shards[1], strict=True):
        a, b = first["indices"], second["indices"]
        assert len(a) == len(b) == 1500 and not set(a) & set(b) and set(a) | set(b) == set(range(3000))

    ckpt = load_checkpoint(job / "model.pt")  # what the app opens
    ckpt.build_model()
    assert ckpt.config["world_size"] == 2 and ckpt.config["global_batch_size"] == 128

    single = tmp_path / "single.pt"
    assert main(["train", DESIGN, "--epochs", "1", "--batch-size", "128", *SAMPLES, "--out", str(single)]) == 0
    capsys.readouterr()
    alone = load_checkpoint(single).metrics["val_acc"]
    assert abs(ckpt.metrics["val_acc"] - alone) <= 0.015, (ckpt.metrics["val_acc"], alone)


def test_killing_one_rank_mid_epoch_ends_the_others_with_a_message(tmp_path):
    shards = tmp_path / "shards"
    job = subprocess.Popen([*TORCHRUN, "-m", "playground", "train", DESIGN, "--epochs", "5", "--device", "cpu",
                            "--dist-timeout", "30", "--out", str(tmp_path / "model.pt")], env=_env(shards),
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=tmp_path)
    try:
        record = shards / "rank1.jsonl"
        while not record.exists() or not record.read_text().endswith("\n"):
            assert job.poll() is None, job.communicate()
            time.sleep(0.1)
        os.kill(json.loads(record.read_text().splitlines()[0])["pid"], signal.SIGKILL)  # its first epoch has begun
        _, stderr = job.communicate(timeout=HANG)
    finally:
        if job.poll() is None:
            job.kill()
            job.communicate()
    assert job.returncode != 0
    ours = [line for line in stderr.splitlines() if line.startswith("cnn-playground: error: rank 0 of 2: ")]
    assert ours, stderr
    assert "lost contact" in ours[0] or "stopped by SIGTERM" in ours[0]
    assert not (tmp_path / "model.pt").exists()


@pytest.mark.parametrize("flags, fragment", [(["--nproc-per-node", "0"], "--nproc-per-node"),
                                             (["--nnodes", "-1"], "--nnodes")])
def test_a_job_of_no_processes_is_refused(tmp_path, capsys, flags, fragment):
    assert main(["export", DESIGN, "--to", "torchrun", "-o", str(tmp_path / "job"), *flags]) == 2
    assert fragment in capsys.readouterr().err
    assert not (tmp_path / "job").exists()
