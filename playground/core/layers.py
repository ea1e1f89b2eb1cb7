"""The layer catalogue: every block kind the playground knows.

Each kind has one home here, its entry: its parameters under their torch names (type,
torch default, valid range, help), the group it belongs to, a short explanation a learner
reads in a tooltip, how it becomes a `torch.nn` module once the shape flowing into it is
known, its closed-form arithmetic (`formulas`), what its card says (`cards`), what it can
do (`animatable`: its window can be watched sliding; `convolution`: it holds kernels), and
for composites the `composites.Composite` that answers for its child lists. Input sizes
(`in_channels`, `in_features`, `num_features`, `normalized_shape`) are never parameters:
they follow from that shape.

Words a person reads (explanations, parameter help, group names, formulas with words) are
English constants marked with `N_`; read them through `LayerKind.explained()`,
`group_text()`, `formula_text()` and `Param.help_text()` / `unset_text()`, which answer
in the current language. The raw fields stay English: `group` is also a key (colours, tests).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Callable

from playground.core import cards
from playground.core import formulas
from playground.core.i18n import _, N_, current_language
from playground.core.composites import CONCAT, GATE, RESIDUAL, SEQUENTIAL, Composite

if TYPE_CHECKING:
    import torch.nn as nn

# Parameter kinds. A "pair" is an int or [h, w]; "padding" adds "same"/"valid";
# "pair_or_none" is a pair that may be null (MaxPool2d's stride defaults to the kernel).
INT, FLOAT, BOOL, PAIR, PADDING, PAIR_OR_NONE, CHOICE = (
    "int", "float", "bool", "pair", "padding", "pair_or_none", "choice")

# The palette's groups, in order. A kind's `group` is one of these English names (a key
# the colours and tests use); `group_text` is what a person reads.
GROUPS = (
    N_("Convolution"),
    N_("Pooling"),
    N_("Normalization"),
    N_("Activation"),
    N_("Regularization & shape"),
    N_("Dense"),
    N_("Composite"),
)


def group_text(group: str) -> str:
    """A group's name in the current language ("Convolution" -> "卷积")."""
    return _(group)

Shape = tuple[int, ...]


@dataclass(frozen=True)
class Param:
    """One constructor argument of a layer kind."""

    name: str
    kind: str
    default: Any = None
    required: bool = False
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[str, ...] = ()
    help: str = ""
    # What the palette puts in a fresh block for a required parameter.
    starter: Any = None
    # For a pair_or_none: what leaving it unset (null) means, as the inspector's checkbox
    # says it; empty: it follows the kernel size (pooling strides).
    unset_label: str = ""
    # The most the builder and trainer accept, when less than `maximum`: larger values are
    # analysed (a summary shows a tutorial's 10^12-parameter layer as a "what if") but
    # never built.
    build_maximum: float | None = None

    def help_text(self) -> str:
        """The help line in the current language (`help` stays the English source)."""
        return _(self.help)

    def unset_text(self) -> str:
        """What the inspector's checkbox says for leaving a pair_or_none unset, translated;
        empty when it follows the kernel size."""
        return _(self.unset_label)


@dataclass(frozen=True)
class LayerKind:
    """A catalogue entry."""

    name: str
    group: str
    explanation: str
    params: tuple[Param, ...] = ()
    formula: str = ""
    # The torch constructor call for validated params and the incoming shape (C, H, W) or (F,).
    call: Callable[[dict[str, Any], Shape], "TorchCall"] | None = field(default=None, repr=False)
    # Output shape, parameters and MACs of a leaf from its resolved params and incoming shape.
    closed_form: formulas.Formula | None = field(default=None, repr=False)
    # The key parameters as the block's card shows them ("6 × 5×5, pad 2").
    card: cards.Card = field(default=cards.nothing, repr=False)
    # What composite kinds are made of and how each part of the program treats them.
    composite: Composite | None = field(default=None, repr=False)
    # The kernel view can animate its window sliding over the input.
    animatable: bool = False
    # It holds convolution kernels (the kernel view, Grad-CAM's default layer).
    convolution: bool = False

    @property
    def slots(self) -> tuple[str, ...]:
        """The JSON keys of a composite's child lists ("layers", "body", "branches", ...)."""
        return self.composite.json_keys if self.composite is not None else ()

    def explained(self) -> str:
        """The explanation a learner reads, in the current language (`explanation` stays
        the English source, as the catalogue marks it)."""
        return _(self.explanation)

    def group_text(self) -> str:
        """The kind's group as a person reads it, in the current language."""
        return group_text(self.group)

    def formula_text(self) -> str:
        """The output-size formula, its words (if any) in the current language."""
        return _(self.formula)

    def param(self, name: str) -> Param:
        for p in self.params:
            if p.name == name:
                return p
        raise KeyError(name)

    def resolved(self, params: dict[str, Any]) -> dict[str, Any]:
        """The block's params with torch defaults filled in for omitted keys."""
        return {p.name: params.get(p.name, p.default) for p in self.params}

    def starter_params(self) -> dict[str, Any]:
        """What a freshly dropped block carries: its required params, and the optional ones
        that need a value to work (Upsample's scale_factor), ready to train."""
        return {p.name: p.starter for p in self.params if p.required or p.starter is not None}


def _p(name: str, kind: str, default: Any = None, **kw: Any) -> Param:
    return Param(name, kind, default, **kw)


# Common parameters, shared by several kinds.
def _kernel(starter: int = 3) -> Param:
    return _p("kernel_size", PAIR, None, required=True, minimum=1, maximum=64, starter=starter,
              help=N_("Height and width of the sliding window."))


def _stride(default: Any = 1, kind: str = PAIR) -> Param:
    return _p("stride", kind, default, minimum=1, maximum=64,
              help=N_("Step between window positions; 2 halves the output size."))


def _pad_pair() -> Param:
    return _p("padding", PAIR, 0, minimum=0, maximum=64,
              help=N_("Cells added around the input on each side."))


def _dilation() -> Param:
    return _p("dilation", PAIR, 1, minimum=1, maximum=32,
              help=N_("Spacing between kernel taps; 2 spreads a 3x3 kernel over 5x5."))


_EPS = _p("eps", FLOAT, 1e-5, minimum=1e-12, maximum=1.0,  # 0 passes a summary, then divides by zero in training
         help=N_("Added to the variance so it never divides by zero."))
_MOMENTUM = _p("momentum", FLOAT, 0.1, minimum=0.0, maximum=1.0,
               help=N_("How fast the running mean and variance follow each batch."))
_BIAS = _p("bias", BOOL, True, help=N_("Learn an additive bias per output."))
_SPATIAL_FORMULA = "H_out = floor((H + 2p - d(k-1) - 1) / s) + 1"


def _nn(class_name: str) -> type[nn.Module]:
    """torch.nn's class, imported on first use: the catalogue and the analysis never need
    torch, so the summary command and the editor's tooltips start without it."""
    import torch.nn

    return getattr(torch.nn, class_name)


@dataclass(frozen=True)
class TorchCall:
    """How one block's module is constructed: torch.nn.<class_name>(*args, **kwargs).

    The builder calls it; the exporter writes it out as source, so both agree by design.
    """

    class_name: str
    args: tuple[Any, ...]
    kwargs: dict[str, Any]
    # The module the class lives in: torch.nn, torchvision.ops, or the playground's own
    # `layer_modules` for the few kinds neither ships.
    home: str = "torch.nn"

    def module_class(self) -> type[nn.Module]:
        if self.home == "torch.nn":
            return _nn(self.class_name)
        return getattr(importlib.import_module(self.home), self.class_name)

    def build(self) -> nn.Module:
        return self.module_class()(*self.args, **self.kwargs)


Call = Callable[[dict[str, Any], Shape], TorchCall]


def _simple(class_name: str) -> Call:
    return lambda params, shape: TorchCall(class_name, (), params)


def _with_channels(class_name: str, home: str = "torch.nn") -> Call:
    return lambda params, shape: TorchCall(class_name, (shape[0],), params, home)


_OWN = "playground.core.layer_modules"


def _own(class_name: str) -> Call:
    """A kind whose module is the playground's own (`layer_modules`), taking its params as given."""
    return lambda params, shape: TorchCall(class_name, (), params, _OWN)


def _zero_pad(params: dict[str, Any], shape: Shape) -> TorchCall:
    """ZeroPad2d's [h, w] (or one int) as torch's (left, right, top, bottom)."""
    ph, pw = formulas.pair(params["padding"])
    return TorchCall("ZeroPad2d", ((pw, pw, ph, ph),), {})


def _stochastic_depth(params: dict[str, Any], shape: Shape) -> TorchCall:
    return TorchCall("StochasticDepth", (), params, "torchvision.ops")


def _in_out(class_name: str, out_name: str) -> Call:
    """Conv/Linear read as torch's docs write them: Conv2d(in, out, kernel_size=...)."""
    def call(params: dict[str, Any], shape: Shape) -> TorchCall:
        rest = {k: v for k, v in params.items() if k != out_name}
        size_in = shape[-1] if class_name == "Linear" else shape[0]
        return TorchCall(class_name, (size_in, params[out_name]), rest)
    return call


def _with_dim(class_name: str) -> Call:
    """Softmax's torch default (dim=None) is deprecated guesswork; always pass the dim."""
    return lambda params, shape: TorchCall(class_name, (), {"dim": 1, **params})


def _group_norm(params: dict[str, Any], shape: Shape) -> TorchCall:
    rest = {k: v for k, v in params.items() if k != "num_groups"}
    return TorchCall("GroupNorm", (params["num_groups"], shape[0]), rest)


def _layer_norm(params: dict[str, Any], shape: Shape) -> TorchCall:
    return TorchCall("LayerNorm", (list(shape),), params)


_CONV_PARAMS = (
    _p("out_channels", INT, None, required=True, minimum=1, maximum=4096, starter=8,
       help=N_("How many filters, so how many output channels.")),
    _kernel(),
    _stride(),
    _p("padding", PADDING, 0, minimum=0, maximum=64,
       help=N_('Cells added around the input; "same" keeps H x W (stride 1), "valid" adds none.')),
    _dilation(),
    _p("groups", INT, 1, minimum=1, maximum=4096,
       help=N_("Split channels into groups convolved separately; groups = channels is depthwise.")),
    _BIAS,
    _p("padding_mode", CHOICE, "zeros", choices=("zeros", "reflect", "replicate", "circular"),
       help=N_("What the padding cells hold: zeros, a mirror, the edge value, or a wrap-around.")),
)

def _composite(composite: Composite, explanation: str) -> LayerKind:
    """A composite kind's entry: its Composite answers for its children and its card."""
    return LayerKind(composite.name, "Composite", explanation, composite=composite, card=composite.card_text)


_KINDS: list[LayerKind] = [
    # Convolution
    LayerKind(
        "Conv2d", "Convolution",
        N_("Slides out_channels small filters over the input; each output cell is the sum of a "
        "k x k x C_in patch times the filter's weights, plus a bias. Weights are shared across "
        "positions, so a filter detects the same pattern anywhere. "
        "Params = C_out x (C_in/groups) x kh x kw + C_out."),
        _CONV_PARAMS, _SPATIAL_FORMULA,
        call=_in_out("Conv2d", "out_channels"), closed_form=formulas.conv2d, card=cards.convolution,
        convolution=True, animatable=True),
    LayerKind(
        "ConvTranspose2d", "Convolution",
        N_("The gradient of a convolution run forward: each input cell stamps a weighted copy of "
        "the kernel onto a larger output, so it upsamples. Used in decoders and GAN generators."),
        (
            _p("out_channels", INT, None, required=True, minimum=1, maximum=4096, starter=8,
               help=N_("How many output channels.")),
            _kernel(),
            _stride(),
            _pad_pair(),
            _p("output_padding", PAIR, 0, minimum=0, maximum=63,
               help=N_("Extra rows/cols on one side of the output, to pick between sizes.")),
            _p("groups", INT, 1, minimum=1, maximum=4096, help=N_("Channel groups, as in Conv2d.")),
            _BIAS,
            _dilation(),
        ),
        "H_out = (H - 1)s - 2p + d(k-1) + output_padding + 1",
        call=_in_out("ConvTranspose2d", "out_channels"), closed_form=formulas.conv_transpose2d,
        card=cards.convolution, convolution=True),
    # Pooling
    LayerKind(
        "MaxPool2d", "Pooling",
        N_("Keeps the largest value in each k x k window, channel by channel. It shrinks the map, "
        "adds a little translation invariance and has no parameters."),
        (
            _kernel(2),
            _stride(None, PAIR_OR_NONE),
            _pad_pair(),
            _dilation(),
            _p("ceil_mode", BOOL, False, help=N_("Round the output size up instead of down.")),
        ),
        N_("H_out = floor((H + 2p - d(k-1) - 1) / s) + 1 (s defaults to k)"),
        call=_simple("MaxPool2d"), closed_form=formulas.window_pool("MaxPool2d"), card=cards.window,
        animatable=True),
    LayerKind(
        "AvgPool2d", "Pooling",
        N_("Replaces each k x k window by its mean, channel by channel. Smoother than max pooling; "
        "LeNet-5 used it. No parameters."),
        (
            _kernel(2),
            _stride(None, PAIR_OR_NONE),
            _pad_pair(),
            _p("ceil_mode", BOOL, False, help=N_("Round the output size up instead of down.")),
            _p("count_include_pad", BOOL, True, help=N_("Count padding cells in the mean.")),
        ),
        N_("H_out = floor((H + 2p - k) / s) + 1 (s defaults to k)"),
        call=_simple("AvgPool2d"), closed_form=formulas.window_pool("AvgPool2d"), card=cards.window,
        animatable=True),
    LayerKind(
        "AdaptiveAvgPool2d", "Pooling",
        N_("Averages over windows sized so the output is exactly output_size, whatever the input. "
        "With output 1 it is global average pooling (NiN, GoogLeNet, ResNet)."),
        (_p("output_size", PAIR, None, required=True, minimum=1, maximum=512, starter=1,
            help=N_("Output height and width.")),),
        "H_out = output_size",
        call=_simple("AdaptiveAvgPool2d"), closed_form=formulas.adaptive_pool("AdaptiveAvgPool2d"),
        card=cards.adaptive),
    LayerKind(
        "AdaptiveMaxPool2d", "Pooling",
        N_("Takes the maximum over windows sized so the output is exactly output_size."),
        (_p("output_size", PAIR, None, required=True, minimum=1, maximum=512, starter=1,
            help=N_("Output height and width.")),),
        "H_out = output_size",
        call=_simple("AdaptiveMaxPool2d"), closed_form=formulas.adaptive_pool("AdaptiveMaxPool2d"),
        card=cards.adaptive),
    # Normalization
    LayerKind(
        "BatchNorm2d", "Normalization",
        N_("Normalises each channel to zero mean and unit variance over the batch, then scales and "
        "shifts it by learned gamma and beta. Lets deep nets train faster and with higher rates. "
        "y = (x - mean) / sqrt(var + eps) * gamma + beta."),
        (_EPS, _MOMENTUM,
         _p("affine", BOOL, True, help=N_("Learn gamma and beta.")),
         _p("track_running_stats", BOOL, True, help=N_("Keep running statistics for evaluation."))),
        call=_with_channels("BatchNorm2d"), closed_form=formulas.batch_norm2d, card=cards.normalization),
    LayerKind(
        "BatchNorm1d", "Normalization",
        N_("Batch normalisation for flat feature vectors (after Flatten or Linear): each feature is "
        "normalised over the batch, then scaled and shifted."),
        (_EPS, _MOMENTUM,
         _p("affine", BOOL, True, help=N_("Learn gamma and beta.")),
         _p("track_running_stats", BOOL, True, help=N_("Keep running statistics for evaluation."))),
        call=_with_channels("BatchNorm1d"), closed_form=formulas.batch_norm1d, card=cards.normalization),
    LayerKind(
        "LayerNorm", "Normalization",
        N_("Normalises each sample over all of its C x H x W values (not over the batch), then "
        "applies a learned per-element scale and shift."),
        (_EPS,
         _p("elementwise_affine", BOOL, True, help=N_("Learn a scale and shift per element.")),
         _p("bias", BOOL, True, help=N_("Learn the shift (with elementwise_affine)."))),
        call=_layer_norm, closed_form=formulas.layer_norm, card=cards.normalization),
    LayerKind(
        "InstanceNorm2d", "Normalization",
        N_("Normalises each channel of each sample on its own, over H x W. Common in style transfer."),
        (_EPS, _MOMENTUM,
         _p("affine", BOOL, False, help=N_("Learn a scale and shift per channel.")),
         _p("track_running_stats", BOOL, False, help=N_("Keep running statistics for evaluation."))),
        call=_with_channels("InstanceNorm2d"), closed_form=formulas.instance_norm, card=cards.normalization),
    LayerKind(
        "GroupNorm", "Normalization",
        N_("Splits the channels into num_groups groups and normalises each group of each sample. "
        "Independent of batch size; num_groups must divide the channels."),
        (_p("num_groups", INT, None, required=True, minimum=1, maximum=4096, starter=2,
            help=N_("How many channel groups; must divide the channel count.")),
         _EPS,
         _p("affine", BOOL, True, help=N_("Learn a scale and shift per channel."))),
        call=_group_norm, closed_form=formulas.group_norm, card=cards.group_norm),
    LayerKind(
        "LocalResponseNorm", "Normalization",
        N_("Divides each value by a term summed over `size` neighbouring channels, so strongly "
        "active channels damp their neighbours (AlexNet). b = a / (k + alpha/n * sum a^2)^beta."),
        (_p("size", INT, None, required=True, minimum=1, maximum=64, starter=5,
            help=N_("How many neighbouring channels are summed.")),
         _p("alpha", FLOAT, 1e-4, minimum=0.0, maximum=10.0, help=N_("Scale of the sum.")),
         _p("beta", FLOAT, 0.75, minimum=0.0, maximum=10.0, help=N_("Exponent.")),
         _p("k", FLOAT, 1.0, minimum=0.0, maximum=100.0, help=N_("Additive constant."))),
        call=_simple("LocalResponseNorm"), closed_form=formulas.map_only("LocalResponseNorm"),
        card=cards.local_response_norm),
    LayerKind(
        "LayerNorm2d", "Normalization",
        N_("LayerNorm over the channels of each pixel of a C x H x W map: every pixel's C values get "
        "zero mean and unit variance, then a learned per-channel scale and shift (ConvNeXt)."),
        (_EPS,
         _p("elementwise_affine", BOOL, True, help=N_("Learn a scale and shift per channel.")),
         _p("bias", BOOL, True, help=N_("Learn the shift (with elementwise_affine)."))),
        call=_with_channels("LayerNorm2d", _OWN), closed_form=formulas.layer_norm2d, card=cards.normalization),
    LayerKind(
        "LayerScale", "Normalization",
        N_("Multiplies each channel by a learned factor that starts tiny (init_value), so a new "
        "residual branch starts close to the identity and grows in as it trains (ConvNeXt, CaiT)."),
        (_p("init_value", FLOAT, 1e-6, minimum=0.0, maximum=10.0, help=N_("The factor every channel starts at.")),),
        call=_with_channels("LayerScale", _OWN), closed_form=formulas.layer_scale, card=cards.layer_scale),
    # Activation
    LayerKind("ReLU", "Activation",
              N_("Keeps positive values and zeroes the rest: max(0, x). Cheap, and its gradient does "
              "not vanish for positive inputs, which is why deep nets train with it."),
              call=_simple("ReLU"), closed_form=formulas.same_shape),
    LayerKind("LeakyReLU", "Activation",
              N_("Like ReLU, but negative values are multiplied by a small slope instead of zeroed, so "
              "units never go completely silent. max(0, x) + slope * min(0, x)."),
              (_p("negative_slope", FLOAT, 0.01, minimum=0.0, maximum=1.0,
                  help=N_("Slope for negative inputs.")),),
              call=_simple("LeakyReLU"), closed_form=formulas.same_shape, card=cards.leaky_relu),
    LayerKind("ELU", "Activation",
              N_("x for positive x, alpha * (exp(x) - 1) for negative x: smooth, with negative outputs "
              "that push mean activations towards zero."),
              (_p("alpha", FLOAT, 1.0, minimum=0.0, maximum=10.0, help=N_("Saturation value for negatives.")),),
              call=_simple("ELU"), closed_form=formulas.same_shape, card=cards.elu),
    LayerKind("GELU", "Activation",
              N_("x times the probability that a standard normal is below x: a smooth ReLU used in "
              "transformers and ConvNeXt."),
              (_p("approximate", CHOICE, "none", choices=("none", "tanh"),
                  help=N_("Exact (erf) or the faster tanh approximation.")),),
              call=_simple("GELU"), closed_form=formulas.same_shape, card=cards.gelu),
    LayerKind("SiLU", "Activation",
              N_("x * sigmoid(x) (also called Swish): smooth and non-monotonic, used in EfficientNet."),
              call=_simple("SiLU"), closed_form=formulas.same_shape),
    LayerKind("Sigmoid", "Activation",
              N_("Squashes values into (0, 1): 1 / (1 + exp(-x)). The classic activation of LeNet's era; "
              "its gradient vanishes for large |x|."),
              call=_simple("Sigmoid"), closed_form=formulas.same_shape),
    LayerKind("Tanh", "Activation",
              N_("Squashes values into (-1, 1), centred at zero: tanh(x)."),
              call=_simple("Tanh"), closed_form=formulas.same_shape),
    LayerKind("ReLU6", "Activation",
              N_("ReLU capped at 6: min(max(0, x), 6). The cap keeps values in a range that "
              "low-precision phones handle well (MobileNetV2)."),
              call=_simple("ReLU6"), closed_form=formulas.same_shape),
    LayerKind("Hardswish", "Activation",
              N_("x * ReLU6(x + 3) / 6: a cheap piecewise version of SiLU/Swish, used in MobileNetV3."),
              call=_simple("Hardswish"), closed_form=formulas.same_shape),
    LayerKind("Hardsigmoid", "Activation",
              N_("ReLU6(x + 3) / 6: a cheap piecewise sigmoid, the gate of MobileNetV3's "
              "squeeze-and-excitation blocks."),
              call=_simple("Hardsigmoid"), closed_form=formulas.same_shape),
    LayerKind("PReLU", "Activation",
              N_("A leaky ReLU whose negative slope is learned: one slope for all channels, or one per "
              "channel. max(0, x) + a * min(0, x)."),
              (_p("num_parameters", INT, 1, minimum=1, maximum=4096,
                  help=N_("1 for one shared slope, or the channel count for one slope per channel.")),
               _p("init", FLOAT, 0.25, minimum=-10.0, maximum=10.0, help=N_("The slope it starts from."))),
              call=_simple("PReLU"), closed_form=formulas.prelu, card=cards.prelu),
    LayerKind("Mish", "Activation",
              N_("x * tanh(softplus(x)): smooth like SiLU, with a little more negative output (YOLOv4)."),
              call=_simple("Mish"), closed_form=formulas.same_shape),
    LayerKind("Softmax", "Activation",
              N_("Turns a vector of scores into probabilities that sum to 1: exp(x_i) / sum exp(x_j). "
              "Not needed before training: the cross-entropy loss applies it itself."),
              (_p("dim", INT, 1, minimum=-4, maximum=3, help=N_("The dimension that sums to 1.")),),
              call=_with_dim("Softmax"), closed_form=formulas.softmax, card=cards.softmax),
    LayerKind("LogSoftmax", "Activation",
              N_("The logarithm of softmax, computed stably: x_i - log sum exp(x_j)."),
              (_p("dim", INT, 1, minimum=-4, maximum=3, help=N_("The dimension normalised over.")),),
              call=_with_dim("LogSoftmax"), closed_form=formulas.softmax, card=cards.softmax),
    # Regularization & shape
    LayerKind("Dropout", "Regularization & shape",
              N_("While training, zeroes each value with probability p and scales the rest by "
              "1/(1-p), so the network cannot lean on any single unit. Does nothing at evaluation."),
              (_p("p", FLOAT, 0.5, minimum=0.0, maximum=1.0, help=N_("Probability of zeroing a value.")),),
              call=_simple("Dropout"), closed_form=formulas.same_shape, card=cards.dropout),
    LayerKind("Dropout2d", "Regularization & shape",
              N_("Dropout of whole channels: while training each feature map is zeroed with "
              "probability p. Suits convolutional features, whose neighbours are correlated."),
              (_p("p", FLOAT, 0.5, minimum=0.0, maximum=1.0, help=N_("Probability of zeroing a channel.")),),
              call=_simple("Dropout2d"), closed_form=formulas.map_only("Dropout2d"), card=cards.dropout),
    LayerKind("AlphaDropout", "Regularization & shape",
              N_("Dropout for SELU networks: dropped values are set to SELU's negative saturation and "
              "the rest rescaled, so the mean and variance stay as they were. Does nothing at evaluation."),
              (_p("p", FLOAT, 0.5, minimum=0.0, maximum=1.0, help=N_("Probability of dropping a value.")),),
              call=_simple("AlphaDropout"), closed_form=formulas.same_shape, card=cards.dropout),
    LayerKind("StochasticDepth", "Regularization & shape",
              N_("While training, zeroes a residual branch's output with probability p (mode row: per "
              "sample; batch: for the whole batch) and scales the rest by 1/(1-p). Identity at evaluation."),
              (_p("p", FLOAT, None, required=True, minimum=0.0, maximum=1.0, starter=0.1,
                  help=N_("Probability of dropping the branch.")),
               _p("mode", CHOICE, None, required=True, choices=("row", "batch"), starter="row",
                  help=N_('"row" drops it for single samples, "batch" for the whole batch at once.'))),
              call=_stochastic_depth, closed_form=formulas.same_shape, card=cards.stochastic_depth),
    LayerKind("ZeroPad2d", "Regularization & shape",
              N_("Adds rows and columns of zeros around the map: padding on each side of H and W."),
              (_p("padding", PAIR, None, required=True, minimum=0, maximum=64, starter=1,
                  help=N_("Zeros added on each side: one number, or [h, w] (top and bottom, left and right).")),),
              call=_zero_pad, closed_form=formulas.zero_pad2d, card=cards.zero_pad),
    LayerKind("Upsample", "Regularization & shape",
              N_("Enlarges the map by a whole factor or to a given size, copying the nearest value or "
              "blending neighbours (bilinear). No parameters; U-Net and FCN decoders use it."),
              (_p("size", PAIR_OR_NONE, None, minimum=1, maximum=4096,
                  unset_label=N_("unset"), help=N_("Output height and width (leave unset when scale_factor is set).")),
               _p("scale_factor", PAIR_OR_NONE, None, minimum=1, maximum=64, starter=2,
                  unset_label=N_("unset"), help=N_("How many times larger, e.g. 2 (leave unset when size is set).")),
               _p("mode", CHOICE, "nearest", choices=("nearest", "nearest-exact", "bilinear", "bicubic"),
                  help=N_("How new cells get their values: the nearest input cell, or a blend."))),
              N_("H_out = size, or floor(H x scale_factor)"),
              call=_simple("Upsample"), closed_form=formulas.upsample, card=cards.upsample),
    LayerKind("PixelShuffle", "Regularization & shape",
              N_("Moves channels into space: r x r channels of one cell become an r x r patch, so "
              "C x H x W becomes C/r^2 x rH x rW. Sharp learned upsampling (super-resolution)."),
              (_p("upscale_factor", INT, None, required=True, minimum=1, maximum=16, starter=2,
                  help=N_("r: how many times larger H and W become.")),),
              "C_out = C / r^2, H_out = H r",
              call=_simple("PixelShuffle"), closed_form=formulas.pixel_shuffle, card=cards.pixel_shuffle),
    LayerKind("ChannelShuffle", "Regularization & shape",
              N_("Interleaves the channels of `groups` groups (1a 1b 2a 2b ...), so that the next grouped "
              "convolution mixes information across groups (ShuffleNet)."),
              (_p("groups", INT, None, required=True, minimum=1, maximum=4096, starter=2,
                  help=N_("How many groups are interleaved; must divide the channels.")),),
              call=_own("ChannelShuffle"), closed_form=formulas.channel_shuffle, card=cards.channel_shuffle),
    LayerKind("ChannelSlice", "Regularization & shape",
              N_("Keeps channels start to stop-1 and drops the rest: x[:, start:stop]. Two slices in a "
              "Concat split the channels in halves, as ShuffleNetV2 does."),
              (_p("start", INT, None, required=True, minimum=0, maximum=4095, starter=0,
                  help=N_("First channel kept (counting from 0).")),
               _p("stop", INT, None, required=True, minimum=1, maximum=4096, starter=1,
                  help=N_("One past the last channel kept."))),
              "C_out = stop - start",
              call=_own("ChannelSlice"), closed_form=formulas.channel_slice, card=cards.channel_slice),
    LayerKind("Flatten", "Regularization & shape",
              N_("Unrolls C x H x W into one vector of C*H*W features, so Linear layers can follow."),
              (_p("start_dim", INT, 1, minimum=1, maximum=3, help=N_("First dimension to flatten (1 keeps the batch).")),
               _p("end_dim", INT, -1, minimum=-1, maximum=3, help=N_("Last dimension to flatten."))),
              call=_simple("Flatten"), closed_form=formulas.flatten, card=cards.flatten),
    LayerKind("Identity", "Regularization & shape",
              N_("Passes its input through unchanged. Handy as a placeholder branch."),
              call=_simple("Identity"), closed_form=formulas.same_shape),
    # Dense
    LayerKind("Linear", "Dense",
              N_("Every output is a weighted sum of every input plus a bias: y = Wx + b. "
              "Params = in_features x out_features + out_features."),
              (_p("out_features", INT, None, required=True, minimum=1, maximum=10**9, starter=10,
                  build_maximum=65536, help=N_("How many outputs (10 for the ten digit classes).")),
               _BIAS),
              call=_in_out("Linear", "out_features"), closed_form=formulas.linear, card=cards.linear),
    # Composite
    _composite(SEQUENTIAL,
               N_("A named group of blocks run one after another, e.g. one VGG block. It changes "
               "nothing by itself; it keeps a big design readable.")),
    _composite(RESIDUAL,
               N_("Adds its input back to the body's output: y = body(x) + shortcut(x). The shortcut is "
               "the identity or a projection (e.g. a 1x1 conv) when the body changes the shape. "
               "It lets gradients flow through very deep nets (ResNet).")),
    _composite(CONCAT,
               N_("Runs several branches on the same input and stacks their outputs along the "
               "channels; all branches must keep the same H x W (GoogLeNet's Inception block).")),
    _composite(GATE,
               N_("Multiplies its input by what the body makes of it: y = x * body(x). With global pooling, "
               "two 1x1 convs and a Sigmoid in the body it is squeeze-and-excitation: each channel is "
               "scaled by how much the whole image needs it (SENet, MobileNetV3, EfficientNet).")),
]

CATALOGUE: dict[str, LayerKind] = {k.name: k for k in _KINDS}


# The closed forms live in formulas.py, the catalogue points to them; asking for a leaf's
# result goes through the catalogue, so formulas.py never needs to import it back.
# The language is part of the key: a cached error message is in the language it was made in.
@lru_cache(maxsize=8192)
def _cached(type_name: str, key: tuple[tuple[str, Any], ...], shape: Shape, language: str
            ) -> formulas.LeafResult | tuple[str, Shape | None]:
    entry = CATALOGUE[type_name]
    assert entry.closed_form is not None, f"{type_name} is a composite; the analysis combines its children"
    try:
        return entry.closed_form(entry.resolved(dict(key)), shape)
    except formulas.BlockError as exc:
        # Keep the message, not the exception: a re-raised instance would grow its traceback.
        return str(exc), exc.carry_on


def leaf_result(type_name: str, params: dict[str, Any], shape: Shape) -> formulas.LeafResult:
    """The block's effect on a per-sample shape; raises BlockError with a learner's message."""
    result = _cached(type_name, formulas.params_key(params), tuple(shape), current_language())
    if isinstance(result, tuple):
        raise formulas.BlockError(*result)
    return result


def has_formula(type_name: str) -> bool:
    """Whether the kind is a leaf with a closed form here (every non-composite kind is)."""
    entry = CATALOGUE.get(type_name)
    return entry is not None and entry.closed_form is not None


def kind(name: str) -> LayerKind:
    """The catalogue entry for a torch class name; KeyError for an unknown one."""
    return CATALOGUE[name]


def kinds_in_group(group: str) -> list[LayerKind]:
    return [k for k in _KINDS if k.group == group]


def animatable_kinds() -> tuple[str, ...]:
    """The kinds whose window the kernel view can show sliding."""
    return tuple(k.name for k in _KINDS if k.animatable)


def convolution_kinds() -> tuple[str, ...]:
    """The kinds holding convolution kernels."""
    return tuple(k.name for k in _KINDS if k.convolution)


def composite_kinds() -> tuple[LayerKind, ...]:
    """The composite kinds, in catalogue order."""
    return tuple(k for k in _KINDS if k.composite is not None)


def torch_call(type_name: str, params: dict[str, Any], in_shape: Shape) -> TorchCall:
    """The constructor call of one non-composite block for the given incoming shape.

    `params` holds only the keys the design sets; omitted keys keep torch's defaults.
    """
    entry = CATALOGUE[type_name]
    if entry.call is None:
        raise ValueError(f"{type_name} is a composite block; the builder assembles it")
    args = {name: (tuple(v) if isinstance(v, list) else v) for name, v in params.items()}
    return entry.call(args, tuple(in_shape))


def build_cap_problem(type_name: str, params: dict[str, Any]) -> str | None:
    """One line saying which parameter is over what the playground builds and trains, or
    None; the analysis takes such a block as a "what if" and never asks."""
    for param in CATALOGUE[type_name].params:
        value = params.get(param.name)
        if param.build_maximum is not None and isinstance(value, int) and value > param.build_maximum:
            return _("{name}={value} is a what-if: the playground builds and trains at most {most}; "
                     "the summary still shows its numbers").format(
                name=param.name, value=f"{value:,}", most=f"{int(param.build_maximum):,}")
    return None


def make_module(type_name: str, params: dict[str, Any], in_shape: Shape) -> nn.Module:
    """Build one non-composite block as a torch module for the given incoming shape."""
    return torch_call(type_name, params, in_shape).build()
