"""Shared test set-up: Qt offscreen, deterministic torch and Hypothesis, and no leaked threads."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")
# Tests read English unless they switch language themselves (the `zh_CN` fixture, or a
# child process given LANG): a developer's Chinese locale must not change what they see.
for _name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
    os.environ.pop(_name, None)
os.environ["LANG"] = "en_US.UTF-8"

import pytest  # noqa: E402
import torch  # noqa: E402
from hypothesis import settings  # noqa: E402

torch.set_num_threads(1)

# Property tests draw the same examples on every run and every machine (no example
# database either), so a red or green result repeats; a failure prints how to replay it.
settings.register_profile("deterministic", derandomize=True, database=None, print_blob=True)
settings.load_profile("deterministic")


@pytest.fixture(autouse=True)
def _seeded() -> None:
    torch.manual_seed(0)
