"""How much memory training a design needs, against what the device has free.

Memory used to be checked only by crashing: a design of 13 trillion parameters reached
torch's allocator ("DefaultCPUAllocator: can't allocate memory"), and one a little larger
than the machine swapped or was killed. The numbers here come from the analysis (closed
forms, nothing allocated), so a design is refused with one plain line before anything is
built:

    needs about 52 TB for weights alone; this machine has 20 GB free

What training holds, in float32:
- weights, and one gradient per weight;
- the optimiser's state: Adam and AdamW keep two more copies (the moving averages of the
  gradient and of its square), SGD with momentum one (the velocity), plain SGD none;
- activations per sample, times the batch: the input, every block's output (kept for the
  backward pass; the analysis has them per sample), and room for the gradients of the two
  largest outputs, which the backward pass holds while it walks back.

It is an estimate and a floor: torch's own buffers, autograd temporaries and the data set
held on the device come on top, and bf16 autocast on CUDA saves some activation memory.
Free memory: /proc/meminfo's MemAvailable on Linux (within the cgroup's limit in a
container), `os.sysconf` elsewhere where it can tell, and `torch.cuda.mem_get_info` on a
GPU; where nothing can tell, nothing is refused. torch is imported only to ask a GPU.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from playground.core.analysis import BYTES_PER_VALUE, Analysis, analyze
from playground.core.design import Design, DesignError
from playground.core.i18n import N_, _
from playground.core.layers import kind

if TYPE_CHECKING:
    import torch

__all__ = ["FreeMemory", "MemoryEstimate", "NotEnoughMemory", "TrainingSettings", "estimate_training_memory",
           "format_size", "free_memory", "host_free_memory", "largest_batch", "refuse_weights_that_cannot_fit",
           "training_memory_problem"]

MEMINFO = Path("/proc/meminfo")
CGROUP = Path("/sys/fs/cgroup")
# Extra float32 copies of the weights each optimiser keeps.
OPTIMIZER_COPIES = {"adam": 2, "adamw": 2, "sgd": 1}
OPTIMIZER_NAMES = {"adam": N_("Adam's state"), "adamw": N_("AdamW's state"), "sgd": N_("SGD's momentum")}
OPTIMIZER_STATE = N_("the optimiser's state")
THIS_MACHINE = N_("this machine")  # FreeMemory.where of the host's memory, translated where shown


class NotEnoughMemory(DesignError):
    """The design is valid but this device cannot hold it; the message says how much it needs and has."""

    def __init__(self, message: str) -> None:
        super().__init__("", message)


class TrainingSettings(Protocol):
    """What the estimate reads from a training configuration (a TrainConfig has all of it)."""

    optimizer: str
    momentum: float
    batch_size: int
    device: str


@dataclass(frozen=True)
class MemoryEstimate:
    """Bytes one training step holds; `activations_per_sample` scales with the batch."""

    weights: int
    gradients: int
    optimizer_state: int
    activations_per_sample: int
    batch_size: int

    @property
    def fixed(self) -> int:
        """What the run holds whatever the batch: weights, gradients, optimiser state."""
        return self.weights + self.gradients + self.optimizer_state

    @property
    def activations(self) -> int:
        return self.activations_per_sample * self.batch_size

    @property
    def total(self) -> int:
        return self.fixed + self.activations


@dataclass(frozen=True)
class FreeMemory:
    """Free bytes on a device, and how a message names it ("this machine", "cuda:0")."""

    bytes: int
    where: str


def _optimizer_copies(optimizer: str, momentum: float) -> int:
    if optimizer == "sgd":
        return 1 if momentum > 0 else 0
    return OPTIMIZER_COPIES.get(optimizer, 2)


def _activations_per_sample(analysis: Analysis) -> int:
    """The input and every tensor-making block's output (leaves, and the sum or concatenation
    of a Residual or Concat), plus gradient room for the two largest outputs."""
    made = [r.activation_bytes for r in analysis.rows if not r.composite or kind(r.type).composite.makes_tensor]
    largest = sorted(made, reverse=True)[:2]
    input_bytes = BYTES_PER_VALUE
    for side in analysis.input_shape:
        input_bytes *= side
    return input_bytes + sum(made) + sum(largest)


def estimate_training_memory(design: Design | Analysis, optimizer: str = "adam", batch_size: int = 64,
                             momentum: float = 0.9) -> MemoryEstimate:
    """Bytes training the design takes at this batch size (see the module docstring)."""
    analysis = design if isinstance(design, Analysis) else analyze(design)
    weights = analysis.total_params * BYTES_PER_VALUE
    trainable = analysis.trainable_params * BYTES_PER_VALUE
    return MemoryEstimate(weights=weights, gradients=trainable,
                          optimizer_state=trainable * _optimizer_copies(optimizer, momentum),
                          activations_per_sample=_activations_per_sample(analysis), batch_size=batch_size)


def largest_batch(estimate: MemoryEstimate, free: int) -> int:
    """The largest batch size whose estimate fits in `free` bytes; 0 when not even one does."""
    room = free - estimate.fixed
    if room < estimate.activations_per_sample:
        return 0
    return room // max(estimate.activations_per_sample, 1)


def format_size(n: int) -> str:
    """Decimal units, as free memory is usually quoted: 3.1 TB, 24 GB, 780 MB, 12 kB."""
    value = float(n)
    for unit in ("B", "kB", "MB", "GB", "TB", "PB"):
        if value < 999.5 or unit == "PB":
            break
        value /= 1000
    if unit == "B":
        return f"{int(value)} B"
    return f"{value:.1f} {unit}" if value < 9.95 else f"{value:.0f} {unit}"


# ---------------------------------------------------------------- free memory


def _meminfo_available() -> int | None:
    try:
        text = MEMINFO.read_text()
    except OSError:
        return None
    for line in text.splitlines():
        if line.startswith("MemAvailable:"):
            parts = line.split()
            if len(parts) >= 2 and parts[1].isdigit():
                return int(parts[1]) * (1024 if parts[-1] == "kB" else 1)
    return None


def _cgroup_room() -> int | None:
    """What a cgroup v2 memory limit (a container's) still allows, where one is set."""
    try:
        limit = (CGROUP / "memory.max").read_text().strip()
        used = (CGROUP / "memory.current").read_text().strip()
    except OSError:
        return None
    if not limit.isdigit() or not used.isdigit():
        return None  # "max": no limit
    return max(int(limit) - int(used), 0)


def _sysconf_available() -> int | None:
    try:
        pages = os.sysconf("SC_AVPHYS_PAGES")
        page_size = os.sysconf("SC_PAGE_SIZE")
    except (AttributeError, ValueError, OSError):
        return None
    return pages * page_size if pages > 0 and page_size > 0 else None


def host_free_memory() -> int | None:
    """Bytes this machine can still give a process without swapping, or None where unknown."""
    available = _meminfo_available()
    if available is None:
        available = _sysconf_available()
    room = _cgroup_room()
    if available is not None and room is not None:
        return min(available, room)
    return available if available is not None else room


def free_memory(device: str | torch.device = "cpu") -> FreeMemory | None:
    """Free memory on `device` ("cpu", "cuda", "cuda:N", "mps", or a torch.device), or None
    when it cannot be told. MPS shares the machine's memory, so it counts the host's."""
    kind = device.type if not isinstance(device, str) else device.split(":")[0]
    if kind == "cuda":
        import torch

        dev = torch.device(device)
        if not torch.cuda.is_available():
            return None
        index = dev.index if dev.index is not None else torch.cuda.current_device()
        free, _total = torch.cuda.mem_get_info(index)
        return FreeMemory(int(free), f"cuda:{index}")
    if kind in ("cpu", "mps"):
        free = host_free_memory()
        return FreeMemory(free, THIS_MACHINE) if free is not None else None
    return None


# ---------------------------------------------------------------- the checks


def _resolved(device: str | torch.device) -> str | torch.device | None:
    """`auto` as the device training would use; None for a name the trainer will refuse
    (it says why in its own words)."""
    if not isinstance(device, str) or device.strip().lower() in ("cpu", "mps"):
        return device
    from playground.core.devices import DeviceError, resolve_device

    try:
        return resolve_device(device)
    except DeviceError:
        return None


def training_memory_problem(design: Design | Analysis, settings: TrainingSettings,
                            free: FreeMemory | None = None) -> str | None:
    """Why training the design with these settings would not fit, as one line, or None
    when it fits (or when the device's free memory cannot be told). `free` defaults to
    the free memory of `settings.device`. The window can show it on a disabled Train button."""
    if free is None:
        device = _resolved(settings.device)
        free = free_memory(device) if device is not None else None
        if free is None:
            return None
    estimate = estimate_training_memory(design, settings.optimizer, settings.batch_size, settings.momentum)
    if estimate.total <= free.bytes:
        return None
    has = _has_free(free)
    if estimate.weights > free.bytes:
        return _("needs about {size} for weights alone; {has}").format(size=format_size(estimate.weights), has=has)
    state = _(OPTIMIZER_NAMES.get(settings.optimizer, OPTIMIZER_STATE))
    parts = _("weights, gradients and {state}").format(state=state) if estimate.optimizer_state \
        else _("weights and gradients")
    if estimate.fixed > free.bytes:
        return _("needs about {size} for {parts} before any batch; {has}").format(
            size=format_size(estimate.fixed), parts=parts, has=has)
    fits = largest_batch(estimate, free.bytes)
    advice = _("; batch size {fits} would fit").format(fits=fits) if fits else \
        _("; not even batch size 1 fits: make the design's feature maps smaller")
    return _("needs about {size} at batch size {batch} ({parts} {fixed}, activations {activations}); "
             "{has}{advice}").format(size=format_size(estimate.total), batch=settings.batch_size, parts=parts,
                                     fixed=format_size(estimate.fixed), activations=format_size(estimate.activations),
                                     has=has, advice=advice)


def _has_free(free: FreeMemory) -> str:
    """"this machine has 24 GB free", in the language of the messages."""
    return _("{where} has {size} free").format(where=_(free.where), size=format_size(free.bytes))


def refuse_weights_that_cannot_fit(analysis: Analysis, device: str | torch.device = "cpu") -> None:
    """Raise NotEnoughMemory when the weights alone exceed the device's free memory:
    what the builder checks before torch allocates anything."""
    free = free_memory(device)
    weights = analysis.total_params * BYTES_PER_VALUE
    if free is not None and weights > free.bytes:
        raise NotEnoughMemory(_("needs about {size} for weights alone; {has}").format(
            size=format_size(weights), has=_has_free(free)))
