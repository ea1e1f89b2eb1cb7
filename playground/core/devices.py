"""Which device trains, and how many CPU threads torch may use.

`auto` prefers CUDA, then Apple's MPS, then the CPU. On the CPU torch gets one thread
fewer than the cores this process may run on, so the window stays responsive while a
model trains (at least one thread, of course).
"""

from __future__ import annotations

import os
import re

import torch

from playground.core.i18n import _


class DeviceError(ValueError):
    """A device name that is malformed or names hardware this machine lacks."""


def _mps_available() -> bool:
    backend = getattr(torch.backends, "mps", None)
    return bool(backend is not None and backend.is_available())


def resolve_device(spec: str = "auto") -> torch.device:
    """`auto`, `cpu`, `cuda`, `cuda:N` or `mps` -> a torch.device that exists here."""
    name = (spec or "auto").strip().lower()
    if name == "auto":
        if torch.cuda.is_available():
            return torch.device("cuda", torch.cuda.current_device())
        if _mps_available():
            return torch.device("mps")
        return torch.device("cpu")
    if name == "cpu":
        return torch.device("cpu")
    match = re.fullmatch(r"cuda(?::(\d+))?", name)
    if match:
        if not torch.cuda.is_available():
            raise DeviceError(_("device {spec}: no CUDA GPU is available here (use auto or cpu)").format(spec=repr(spec)))
        index = int(match.group(1) or torch.cuda.current_device())
        count = torch.cuda.device_count()
        if index >= count:
            message = (_("device {spec}: this machine has {count} CUDA GPUs (cuda:0 to cuda:{last})") if count > 1
                       else _("device {spec}: this machine has {count} CUDA GPU (cuda:0)"))
            raise DeviceError(message.format(spec=repr(spec), count=count, last=count - 1))
        return torch.device("cuda", index)
    if name == "mps":
        if not _mps_available():
            raise DeviceError(_("device {spec}: Apple's MPS is not available here (use auto or cpu)").format(
                spec=repr(spec)))
        return torch.device("mps")
    raise DeviceError(_("unknown device {spec}: expected auto, cpu, cuda, cuda:N or mps").format(spec=repr(spec)))


def available_devices() -> list[str]:
    """The device names worth offering in a menu, `auto` first."""
    names = ["auto", "cpu"]
    names += [f"cuda:{i}" for i in range(torch.cuda.device_count())] if torch.cuda.is_available() else []
    names += ["mps"] if _mps_available() else []
    return names


def usable_cores() -> int:
    """Cores this process may run on (its affinity mask where the OS has one)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def training_threads() -> int:
    """Cores minus one, at least one: what CPU training may use."""
    return max(1, usable_cores() - 1)


def limit_cpu_threads(threads: int | None = None) -> int:
    """Set torch's intra-op threads (default `training_threads()`); returns the number set."""
    count = max(1, int(threads)) if threads is not None else training_threads()
    if torch.get_num_threads() != count:
        torch.set_num_threads(count)
    return count


def describe(device: torch.device) -> str:
    """A short human name: "CPU (3 threads)", "NVIDIA H100 (cuda:0)", "Apple GPU (mps)"."""
    if device.type == "cuda":
        return f"{torch.cuda.get_device_name(device)} ({device})"
    if device.type == "mps":
        return "Apple GPU (mps)"
    threads = torch.get_num_threads()
    return (_("CPU ({threads} threads)") if threads != 1 else _("CPU ({threads} thread)")).format(threads=threads)
