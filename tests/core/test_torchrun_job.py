"""The torchrun command and job folder the window and `export --to torchrun` show and write."""

from __future__ import annotations

import shlex
import subprocess

import pytest

from playground.core.design import load_design
from playground.core.fileio import WriteError
from playground.core.torchrun_job import launch_script, torchrun_command, train_flags, write_job
from playground.core.train_options import TrainConfig
from playground.paths import examples_dir

DESIGN = load_design(examples_dir() / "lenet5_relu.json")


def test_the_command_carries_every_setting_that_differs_from_its_default():
    config = TrainConfig(epochs=10, lr=0.01, download=True, augment_rotate=12.5)
    assert train_flags(TrainConfig()) == []
    assert train_flags(config) == ["--lr", "0.01", "--epochs", "10", "--rotate", "12.5", "--download"]
    one = torchrun_command("my nets/lenet.json", config, nproc=4)
    assert one == ("torchrun --standalone --nproc_per_node 4 -m playground train 'my nets/lenet.json' --out model.pt "
                   "--lr 0.01 --epochs 10 --rotate 12.5 --download")
    assert shlex.split(one)[7] == "my nets/lenet.json"


def test_on_several_machines_each_reads_its_rank_and_the_first_machine_s_address():
    command = torchrun_command("d.json", TrainConfig(), nproc=8, nnodes=2, dataset="/data/photos")
    assert command.startswith("torchrun --nnodes 2 --nproc_per_node 8 --node_rank $NODE_RANK "
                              "--master_addr $MASTER_ADDR --master_port 29500 -m playground train d.json")
    assert "--dataset /data/photos --out model.pt" in command
    with pytest.raises(ValueError, match="at least one"):
        torchrun_command("d.json", TrainConfig(), nproc=0)


def test_the_launch_script_is_valid_shell_with_the_settings_written_out():
    script = launch_script(DESIGN, TrainConfig(batch_size=32), nproc=4, nnodes=2)
    assert subprocess.run(["sh", "-n"], input=script, text=True).returncode == 0
    assert "#   2 machine(s) x 4 process(es) = 8 processes; batch size 32 per process, global batch 256" in script
    assert "#   batch_size = 32" in script and 'NPROC_PER_NODE="${NPROC_PER_NODE:-4}"' in script
    assert '${NODE_RANK:?set NODE_RANK' in script and '"$@"' in script


def test_the_job_folder_needs_a_folder(tmp_path):
    (tmp_path / "taken").write_text("a file")
    with pytest.raises(WriteError, match="it is a file"):
        write_job(DESIGN, tmp_path / "taken", TrainConfig())
    with pytest.raises(WriteError, match="does not exist"):
        write_job(DESIGN, tmp_path / "no" / "job", TrainConfig())
    paths = write_job(DESIGN, tmp_path / "job", TrainConfig())
    assert [p.name for p in paths] == ["design.json", "launch.sh", "README.txt"]
    assert write_job(DESIGN, tmp_path / "job", TrainConfig(epochs=2)) == paths  # written again in place
    assert "--epochs 2" in (tmp_path / "job" / "launch.sh").read_text()
