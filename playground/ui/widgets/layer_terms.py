"""The words the window puts beside the catalogue's code names: the plain term for every
parameter name (group titles come from core: `playground.core.layers.group_text`).

Layer classes (Conv2d) and parameter names (kernel_size) stay as torch spells them, in every
language: they are what a learner types and reads in code. Beside them the window shows
what they mean in the reader's language ("kernel_size 卷积核大小"); in English the term is a
plain description.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "LayerTerms"


# One term per parameter name of core/layers.py's catalogue (tests check none is missing).
PARAM_TERMS: dict[str, str] = {
    "out_channels": QT_TRANSLATE_NOOP("LayerTerms", "number of output channels"),
    "kernel_size": QT_TRANSLATE_NOOP("LayerTerms", "kernel size"),
    "stride": QT_TRANSLATE_NOOP("LayerTerms", "stride"),
    "padding": QT_TRANSLATE_NOOP("LayerTerms", "padding"),
    "dilation": QT_TRANSLATE_NOOP("LayerTerms", "dilation"),
    "groups": QT_TRANSLATE_NOOP("LayerTerms", "number of groups"),
    "bias": QT_TRANSLATE_NOOP("LayerTerms", "bias"),
    "padding_mode": QT_TRANSLATE_NOOP("LayerTerms", "padding mode"),
    "output_padding": QT_TRANSLATE_NOOP("LayerTerms", "output padding"),
    "ceil_mode": QT_TRANSLATE_NOOP("LayerTerms", "round the output size up"),
    "count_include_pad": QT_TRANSLATE_NOOP("LayerTerms", "count padding in the mean"),
    "output_size": QT_TRANSLATE_NOOP("LayerTerms", "output size"),
    "eps": QT_TRANSLATE_NOOP("LayerTerms", "epsilon for numerical stability"),
    "momentum": QT_TRANSLATE_NOOP("LayerTerms", "momentum"),
    "affine": QT_TRANSLATE_NOOP("LayerTerms", "learnable scale and shift"),
    "track_running_stats": QT_TRANSLATE_NOOP("LayerTerms", "track running statistics"),
    "elementwise_affine": QT_TRANSLATE_NOOP("LayerTerms", "element-wise scale and shift"),
    "num_groups": QT_TRANSLATE_NOOP("LayerTerms", "number of channel groups"),
    "size": QT_TRANSLATE_NOOP("LayerTerms", "size"),
    "alpha": QT_TRANSLATE_NOOP("LayerTerms", "coefficient alpha"),
    "beta": QT_TRANSLATE_NOOP("LayerTerms", "exponent beta"),
    "k": QT_TRANSLATE_NOOP("LayerTerms", "additive constant"),
    "init_value": QT_TRANSLATE_NOOP("LayerTerms", "initial value"),
    "negative_slope": QT_TRANSLATE_NOOP("LayerTerms", "slope for negative inputs"),
    "approximate": QT_TRANSLATE_NOOP("LayerTerms", "approximation"),
    "num_parameters": QT_TRANSLATE_NOOP("LayerTerms", "number of slopes"),
    "init": QT_TRANSLATE_NOOP("LayerTerms", "initial slope"),
    "dim": QT_TRANSLATE_NOOP("LayerTerms", "dimension"),
    "p": QT_TRANSLATE_NOOP("LayerTerms", "drop probability"),
    "mode": QT_TRANSLATE_NOOP("LayerTerms", "mode"),
    "scale_factor": QT_TRANSLATE_NOOP("LayerTerms", "scale factor"),
    "upscale_factor": QT_TRANSLATE_NOOP("LayerTerms", "upscale factor"),
    "start": QT_TRANSLATE_NOOP("LayerTerms", "first channel"),
    "stop": QT_TRANSLATE_NOOP("LayerTerms", "end channel (not included)"),
    "start_dim": QT_TRANSLATE_NOOP("LayerTerms", "first dimension"),
    "end_dim": QT_TRANSLATE_NOOP("LayerTerms", "last dimension"),
    "out_features": QT_TRANSLATE_NOOP("LayerTerms", "number of output features"),
}


def param_term(name: str) -> str:
    """What a parameter name means, in the current language ("" for a name without a term)."""
    source = PARAM_TERMS.get(name)
    return QCoreApplication.translate(CONTEXT, source) if source else ""


def param_caption(name: str) -> str:
    """The name with its term beside it: "kernel_size (kernel size)", "kernel_size 卷积核大小"."""
    term = param_term(name)
    return QCoreApplication.translate("LayerTerms", "{name} ({term})").format(name=name, term=term) if term else name
