"""`cnn-playground import`: torchvision models and any importable module become designs;
what cannot, ends in one line naming the op, exit status 2 and no file.

The modules below are imported by the command as `module:test_import_cli:NAME` (tests/cli
is on the import path).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import torch
import torch.nn as nn

from playground.cli import main
from playground.core.analysis import analyze
from playground.core.checkpoint import load_checkpoint
from playground.core.design import load_design
from cli_helpers import assert_one_line_error


class Twice(torch.autograd.Function):
    """A custom autograd function: no block computes it."""

    @staticmethod
    def forward(ctx: object, x: torch.Tensor) -> torch.Tensor:
        return x * 2

    @staticmethod
    def backward(ctx: object, grad: torch.Tensor) -> torch.Tensor:
        return grad * 2


class WithCustomFunction(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.conv = nn.Conv2d(3, 4, 3)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return Twice.apply(self.conv(x))


class WithAttention(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.conv = nn.Conv2d(3, 8, 1)
        self.attn = nn.MultiheadAttention(64, 2, batch_first=True)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        tokens = self.conv(x).flatten(2)
        return self.attn(tokens, tokens, tokens)[0]


class SmallNet(nn.Module):
    """A learner's own model: convolution, squeeze-and-excitation by hand, a classifier."""

    def __init__(self) -> None:
        super().__init__()
        self.conv = nn.Conv2d(1, 8, 3, padding=1)
        self.bn = nn.BatchNorm2d(8)
        self.squeeze = nn.Sequential(nn.AdaptiveAvgPool2d(1), nn.Conv2d(8, 8, 1), nn.Sigmoid())
        self.fc = nn.Linear(8 * 8 * 8, 10)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = torch.relu(self.bn(self.conv(x)))
        x = x * self.squeeze(x)
        return self.fc(torch.flatten(x, 1))


def small_net() -> nn.Module:
    """A factory, as `module:` accepts besides a class."""
    return SmallNet()


@pytest.mark.parametrize(("source", "fragments"), [
    ("module:test_import_cli:WithCustomFunction",
     ('node "twice_apply" (custom autograd function Twice.apply)', "(WithCustomFunction)")),
    ("module:test_import_cli:WithAttention",
     ('node "attn" (call_module torch.nn.MultiheadAttention)', "no block kind does what MultiheadAttention does")),
])
def test_an_unsupported_op_is_named_in_one_line_and_nothing_is_written(
        source: str, fragments: tuple[str, ...], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "design.json"
    assert main(["import", source, "--input", "3,8,8", "-o", str(target)]) == 2
    assert_one_line_error(capsys.readouterr().err, *fragments)
    assert not target.exists()


def test_a_torchvision_model_becomes_a_design(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "resnet18.json"
    assert main(["import", "torchvision:resnet18", "-o", str(target)]) == 0
    assert f"wrote {target}: resnet18, 11,689,512 parameters" in capsys.readouterr().out
    design = load_design(target)
    assert design.input == (3, 224, 224) and analyze(design).total_params == 11_689_512


def test_weights_become_a_checkpoint_of_the_imported_design(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    torch.manual_seed(0)
    model = SmallNet().eval()
    weights = tmp_path / "small.pth"
    torch.save(model.state_dict(), weights)
    target = tmp_path / "small.json"
    assert main(["import", "module:test_import_cli:small_net", "--input", "1,8,8", "-o", str(target),
                 "--weights", str(weights)]) == 0
    assert f"wrote {tmp_path / 'small.pt'}" in capsys.readouterr().out
    checkpoint = load_checkpoint(tmp_path / "small.pt")
    assert checkpoint.design == load_design(target)
    assert [b.type for b in checkpoint.design.layers][:4] == ["Conv2d", "BatchNorm2d", "ReLU", "Gate"]
    assert checkpoint.dataset.input_shape == (1, 8, 8) and checkpoint.dataset.num_classes == 10
    x = torch.randn(3, 1, 8, 8)
    with torch.no_grad():
        torch.testing.assert_close(checkpoint.build_model()(x), model(x))


def test_weights_that_do_not_fit_write_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    state = SmallNet().state_dict()
    del state["fc.bias"]
    weights = tmp_path / "partial.pt"
    torch.save(state, weights)
    target = tmp_path / "small.json"
    assert main(["import", "module:test_import_cli:SmallNet", "--input", "1,8,8", "-o", str(target),
                 "--weights", str(weights)]) == 2
    assert_one_line_error(capsys.readouterr().err, "the weights have no fc.bias")
    assert not target.exists() and not (tmp_path / "small.pt").exists()


@pytest.mark.parametrize(("args", "fragment"), [
    (["resnet18"], "expected torchvision:NAME"),
    (["torchvision:resnet"], "torchvision has no classification model 'resnet'"),
    (["module:test_import_cli:SmallNet"], "module: imports need --input C,H,W"),
    (["module:test_import_cli:SmallNet", "--input", "1,8"], "--input: expected three positive sizes"),
    (["module:no_such_package.models:Net", "--input", "1,8,8"], "cannot import no_such_package.models"),
    (["module:test_import_cli:Missing", "--input", "1,8,8"], "has no class or function 'Missing'"),
    (["module:test_import_cli:SmallNet", "--input", "3,8,8"], "the model cannot run on a 3 x 8 x 8 input"),
])
def test_bad_sources_end_in_one_line(args: list[str], fragment: str, tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "design.json"
    assert main(["import", *args, "-o", str(target)]) == 2
    assert_one_line_error(capsys.readouterr().err, fragment)
    assert not target.exists()
