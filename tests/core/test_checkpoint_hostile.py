"""Checkpoints written to make the app allocate, overflow or recurse: refused in one line.

Every hostile file is made here, by the test, from a small design; none is shipped.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
import torch

from playground.core.builder import build_model
from playground.core.checkpoint import FORMAT, VERSION, CheckpointError, load_checkpoint
from playground.core.design import design_from_dict, design_to_json

DATASET = ('{"name": "digits", "input_shape": [1, 12, 12], "class_names": ["0","1","2","3","4","5","6","7","8","9"], '
           '"mean": [0.1], "std": [0.3]}')


def wide_design(side: int = 12, out: int = 10):
    """Conv + BatchNorm + one Linear whose weight grows with `side` (side*side*out values)."""
    return design_from_dict({
        "format": "cnn-playground.design", "version": 1, "name": "wide", "input": [1, side, side],
        "layers": [{"type": "Conv2d", "out_channels": 2, "kernel_size": 1}, {"type": "BatchNorm2d"},
                   {"type": "Flatten"}, {"type": "Linear", "out_features": out}]})


def write_checkpoint(path: Path, net=None, state=None, **overrides) -> Path:
    """A checkpoint of `net` (default: wide_design()) with `state`; `overrides` replace raw fields."""
    net = net or wide_design()
    payload = {"format": FORMAT, "version": VERSION, "design": design_to_json(net), "config": "{}",
               "metrics": "{}", "dataset": DATASET,
               "state_dict": state if state is not None else build_model(net).state_dict()}
    payload.update(overrides)
    buffer = io.BytesIO()
    torch.save(payload, buffer)
    path.write_bytes(buffer.getvalue())
    return path


def refusal(path: Path, *fragments: str) -> str:
    with pytest.raises(CheckpointError) as info:
        load_checkpoint(path)
    message = str(info.value)
    assert message.startswith(f"{path}: ") and "\n" not in message, message
    for fragment in fragments:
        assert fragment in message, message
    return message


def test_stride_zero_weights_claiming_a_huge_model_are_refused_before_anything_is_built(tmp_path):
    design = wide_design(side=512, out=64)  # the Linear alone: 2*512*512*64 floats = 128 MiB
    with torch.device("meta"):
        expected = build_model(design).state_dict()
    state = {k: torch.zeros(1, dtype=v.dtype).expand(v.shape) if v.dim() else torch.zeros((), dtype=v.dtype)
             for k, v in expected.items()}
    path = write_checkpoint(tmp_path / "stride0.pt", design, state)
    assert path.stat().st_size < 10_000
    refusal(path, "refused", "conv2d1.weight claims 2 values", "a view of a smaller storage")


def test_a_weight_viewing_a_storage_larger_than_itself_is_refused(tmp_path):
    state = {k: v.clone() for k, v in build_model(wide_design()).state_dict().items()}
    big = torch.zeros(1_000_000)
    state["conv2d1.weight"] = big[:2].view(2, 1, 1, 1)
    refusal(write_checkpoint(tmp_path / "padded.pt", state=state), "refused", "bytes, the design's own take")


def test_weights_sharing_one_storage_are_refused(tmp_path):
    state = {k: v.clone() for k, v in build_model(wide_design()).state_dict().items()}
    shared = torch.zeros(2)
    state["conv2d1.bias"] = shared
    state["batchnorm2d1.weight"] = shared
    state["batchnorm2d1.bias"] = shared
    refusal(write_checkpoint(tmp_path / "shared.pt", state=state), "refused", "bytes, the design's own take")


@pytest.mark.parametrize("make, fragment", [
    (lambda v: torch.empty(v.shape, device="meta"), "meta tensor"),
    (lambda v: torch.zeros(v.shape).to_sparse(), "sparse_coo tensor"),
    (lambda v: torch.zeros(v.shape, dtype=torch.float64), "torch.float64"),
    (lambda v: torch.zeros(v.shape, dtype=torch.complex64), "torch.complex64"),
])
def test_meta_sparse_and_foreign_dtype_weights_are_refused(tmp_path, make, fragment):
    state = {k: v.clone() for k, v in build_model(wide_design()).state_dict().items()}
    state["linear1.weight"] = make(state["linear1.weight"])
    refusal(write_checkpoint(tmp_path / "odd.pt", state=state), "linear1.weight", fragment)


def test_a_deflated_zip_bomb_is_refused_before_it_is_unpacked(tmp_path):
    design = wide_design(side=256, out=16)  # 8 MiB of zero weights deflate to a few kB
    with torch.device("meta"):
        expected = build_model(design).state_dict()
    state = {k: torch.zeros(v.shape, dtype=v.dtype) for k, v in expected.items()}
    plain = write_checkpoint(tmp_path / "plain.pt", design, state)
    bomb = tmp_path / "bomb.pt"
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            target.writestr(entry.filename, source.read(entry.filename))
    assert bomb.stat().st_size < plain.stat().st_size // 100
    refusal(bomb, "refused", "is compressed")


@pytest.mark.parametrize("field, text, fragment", [
    ("config", "[" * 100_000, "damaged config (not readable JSON (nested too deeply))"),
    ("config", '{"lr": ' + "9" * 5000 + "}", "damaged config (not readable JSON (a number has too many digits))"),
    ("metrics", '{"val_acc": ' + "1" * 4301 + "}", "a number has too many digits"),
    ("dataset", DATASET.replace('"mean": [0.1]', '"mean": [Infinity]'), "finite means"),
    ("dataset", DATASET.replace('"std": [0.3]', '"std": [1e999]'), "finite stds"),
    ("dataset", DATASET.replace("[1, 12, 12]", "[1e300, 12, 12]"), "input shape"),
    ("dataset", DATASET.replace("[1, 12, 12]", "[1, 12, " + "9" * 400 + "]"), "input shape"),
    ("dataset", DATASET.replace('["0","1","2","3","4","5","6","7","8","9"]', "[" + ",".join(['"c"'] * 100_001) + "]"),
     "class names"),
    ("dataset", DATASET.replace('"digits"', '"' + "x" * 10_000 + '"'), "a name of at most"),
    ("design", "[" * 100_000, "its design is not valid (not readable JSON (nested too deeply"),
    ("design", '{"format": "cnn-playground.design", "version": 1, "input": [1, 12, ' + "1" * 5000 + "]}",
     "its design is not valid (not readable JSON (a number has too many digits))"),
])
def test_absurd_json_fields_are_one_line_refusals(tmp_path, field, text, fragment):
    message = refusal(write_checkpoint(tmp_path / "m.pt", **{field: text}), fragment)
    assert len(message) < 400


@pytest.mark.parametrize("version", [True, 1.0, "1"])
def test_only_the_integer_1_is_version_1(tmp_path, version):
    message = refusal(write_checkpoint(tmp_path / "m.pt", version=version), "is not supported (expected 1)")
    assert len(message) < 300


def test_a_huge_integer_anywhere_in_the_pickle_is_a_one_line_refusal(tmp_path):
    message = refusal(write_checkpoint(tmp_path / "m.pt", version=10 ** 5000), "not a cnn-playground checkpoint")
    assert len(message) < 300


def test_files_that_are_not_regular_are_refused_before_reading(tmp_path):
    refusal(Path("/dev/zero"), "not a regular file")
    refusal(tmp_path, "a folder, not a file")
    refusal(tmp_path / "missing.pt", "no such file")


def test_a_sound_checkpoint_still_loads_after_all_the_checks(tmp_path):
    design = wide_design()
    model = build_model(design)
    ckpt = load_checkpoint(write_checkpoint(tmp_path / "ok.pt", design, model.state_dict()))
    for key, value in model.state_dict().items():
        torch.testing.assert_close(ckpt.state_dict[key], value)
        assert ckpt.state_dict[key].untyped_storage().nbytes() == value.numel() * value.element_size()
