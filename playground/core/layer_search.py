"""Finding a layer kind by what a learner calls it: fc, dense, pool, lrn, 全连接, 卷积...

Tutorials name layers in their own words, in English and in Chinese, and a learner types
those words into the palette's filter. This table maps them to the catalogue's kinds
(`layers.CATALOGUE`); the Chinese terms are the glossary's (resources/translations/
GLOSSARY.md). A kind's group and explanation match in English and in the current language
(under Chinese, 批归一化 finds BatchNorm2d through its translated explanation too).
Matching is Qt-free, so the palette and any test use the same rule.
"""

from __future__ import annotations

from playground.core.layers import LayerKind

__all__ = ["SYNONYMS", "kind_matches", "match_rank"]

_CONV = ("Conv2d", "ConvTranspose2d")
_POOL = ("MaxPool2d", "AvgPool2d", "AdaptiveAvgPool2d", "AdaptiveMaxPool2d")
_NORM = ("BatchNorm2d", "BatchNorm1d", "LayerNorm", "LayerNorm2d", "InstanceNorm2d", "GroupNorm",
         "LocalResponseNorm")
_ACT = ("ReLU", "LeakyReLU", "ELU", "GELU", "SiLU", "Sigmoid", "Tanh", "ReLU6", "Hardswish", "Hardsigmoid",
        "PReLU", "Mish", "Softmax", "LogSoftmax")

# word -> the kinds it names. Lower case; a word matches when the typed text is part of it
# or it is part of the typed text ("fully connected layer" finds Linear through "fully connected").
SYNONYMS: dict[str, tuple[str, ...]] = {
    # English names from tutorials, papers and other frameworks
    "fc": ("Linear",), "dense": ("Linear",), "fully connected": ("Linear",), "fully-connected": ("Linear",),
    "affine": ("Linear",), "perceptron": ("Linear",), "mlp": ("Linear",), "classifier": ("Linear",),
    "conv": _CONV, "convolution": _CONV, "filter": _CONV, "kernel": _CONV,
    "depthwise": ("Conv2d",), "pointwise": ("Conv2d",), "separable": ("Conv2d",), "1x1": ("Conv2d",),
    "deconv": ("ConvTranspose2d",), "deconvolution": ("ConvTranspose2d",), "upconv": ("ConvTranspose2d",),
    "pool": _POOL, "pooling": _POOL, "subsampling": ("AvgPool2d", "MaxPool2d"),
    "downsample": ("MaxPool2d", "AvgPool2d"), "max pool": ("MaxPool2d", "AdaptiveMaxPool2d"),
    "average pool": ("AvgPool2d", "AdaptiveAvgPool2d"), "mean pool": ("AvgPool2d", "AdaptiveAvgPool2d"),
    "gap": ("AdaptiveAvgPool2d",), "global average pooling": ("AdaptiveAvgPool2d",),
    "global pool": ("AdaptiveAvgPool2d", "AdaptiveMaxPool2d"),
    "pad": ("ZeroPad2d", "Conv2d"), "padding": ("ZeroPad2d", "Conv2d"),
    "norm": _NORM, "normalization": _NORM, "normalisation": _NORM, "bn": ("BatchNorm2d", "BatchNorm1d"),
    "batch norm": ("BatchNorm2d", "BatchNorm1d"), "ln": ("LayerNorm", "LayerNorm2d"),
    "lrn": ("LocalResponseNorm",), "local response": ("LocalResponseNorm",), "gn": ("GroupNorm",),
    "activation": _ACT, "nonlinearity": _ACT, "non-linearity": _ACT,
    "swish": ("SiLU", "Hardswish"), "logistic": ("Sigmoid",), "probabilities": ("Softmax",),
    "drop": ("Dropout", "Dropout2d", "AlphaDropout", "StochasticDepth"), "drop path": ("StochasticDepth",),
    "reshape": ("Flatten",), "unroll": ("Flatten",), "upsampling": ("Upsample", "PixelShuffle", "ConvTranspose2d"),
    "skip": ("Residual",), "shortcut": ("Residual",), "resnet": ("Residual",), "inception": ("Concat",),
    "concatenate": ("Concat",), "squeeze": ("Gate",), "excitation": ("Gate",), "se": ("Gate",),
    "attention": ("Gate",), "group": ("Sequential",), "block": ("Sequential",),
    # 中文 (resources/translations/GLOSSARY.md)
    "全连接": ("Linear",), "全连接层": ("Linear",), "线性": ("Linear",),
    "卷积": _CONV, "卷积核": _CONV, "分组卷积": ("Conv2d",), "逐通道卷积": ("Conv2d",), "逐点卷积": ("Conv2d",),
    "深度可分离卷积": ("Conv2d",), "空洞卷积": ("Conv2d",), "膨胀卷积": ("Conv2d",), "转置卷积": ("ConvTranspose2d",),
    "反卷积": ("ConvTranspose2d",),
    "池化": _POOL, "最大池化": ("MaxPool2d", "AdaptiveMaxPool2d"), "平均池化": ("AvgPool2d", "AdaptiveAvgPool2d"),
    "全局平均池化": ("AdaptiveAvgPool2d",), "下采样": ("MaxPool2d", "AvgPool2d"),
    "填充": ("ZeroPad2d", "Conv2d"), "归一化": _NORM, "批归一化": ("BatchNorm2d", "BatchNorm1d"),
    "层归一化": ("LayerNorm", "LayerNorm2d"), "实例归一化": ("InstanceNorm2d",), "组归一化": ("GroupNorm",),
    "局部响应归一化": ("LocalResponseNorm",), "激活": _ACT, "激活函数": _ACT,
    "丢弃": ("Dropout", "Dropout2d", "AlphaDropout"), "随机失活": ("Dropout", "Dropout2d", "AlphaDropout"),
    "展平": ("Flatten",), "上采样": ("Upsample", "PixelShuffle", "ConvTranspose2d"),
    "残差": ("Residual",), "残差块": ("Residual",), "捷径": ("Residual",), "跳跃连接": ("Residual",),
    "拼接": ("Concat",), "分支": ("Concat",), "恒等映射": ("Identity",), "通道": ("ChannelShuffle", "ChannelSlice"),
}


def _synonym_kinds(needle: str) -> set[str]:
    """Kinds named by a synonym the typed text is part of, or that is part of the text
    (one- and two-letter words only match whole, so "se" does not find every "sequence")."""
    found: set[str] = set()
    for word, kinds in SYNONYMS.items():
        if needle == word or (len(needle) >= 3 and needle in word) or (len(word) >= 3 and word in needle):
            found.update(kinds)
    return found


def kind_matches(kind: LayerKind, text: str) -> bool:
    """Whether a filter text finds this kind: its name, group or explanation (English or
    the current language's), or a synonym."""
    needle = text.strip().lower()
    if not needle:
        return True
    words = (kind.name, kind.group, kind.explanation, kind.group_text(), kind.explained())
    return any(needle in word.lower() for word in words) or kind.name in _synonym_kinds(needle)


def match_rank(name: str, text: str) -> int:
    """How well a kind's name answers a filter text, best 0: the name itself, its start,
    part of it, a synonym of it, then anything else the filter let through."""
    needle = text.strip().lower()
    lowered = name.lower()
    if lowered == needle:
        return 0
    if lowered.startswith(needle):
        return 1
    if needle in lowered:
        return 2
    return 3 if name in _synonym_kinds(needle) else 4

