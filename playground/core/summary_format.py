"""An analysis as text (a torchinfo-like table) or as a JSON-ready dict.

Only formatting lives here; every number comes from `playground.core.analysis`.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from playground.core.analysis import Analysis, LayerInfo, ReceptiveField
from playground.core.design import Design
from playground.core.i18n import _, N_
from playground.core.safe_text import printable
from playground.core.text import format_bytes, format_int, shape_text


# The table's column headings ("MACs" is a unit name, the same in every language).
HEADINGS = (N_("Path"), N_("Type"), N_("Output shape"), N_("Params"), "MACs", N_("RF"))


def display_width(text: str) -> int:
    """Columns a terminal gives the text: two for wide (CJK) characters, none for combining
    marks, so a label like "卷积层" lines up with the rows below it."""
    return sum(0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1
               for ch in text)


def _pad(text: str, width: int, right: bool) -> str:
    fill = " " * max(0, width - display_width(text))
    return fill + text if right else text + fill


def _rf_text(rf: ReceptiveField | None) -> str:
    return rf.text() if rf is not None else "—"


def _type_text(row: LayerInfo) -> str:
    label = f' "{printable(row.label)}"' if row.label else ""
    return "  " * row.depth + row.type + label


def format_summary(design: Design, analysis: Analysis) -> str:
    """The summary table: one row per block (nested ones indented), then the totals,
    then any errors and warnings by JSON path, in the current language; columns line up
    by display width, so Chinese headings (two columns a character) do not shift them."""
    header = tuple(_(heading) for heading in HEADINGS)
    cells = [(row.json_path, _type_text(row), shape_text(row.output_shape), format_int(row.params),
              format_int(row.macs), _rf_text(row.receptive_field)) for row in analysis.rows]
    widths = [max(display_width(header[i]), *(display_width(c[i]) for c in cells)) if cells
              else display_width(header[i]) for i in range(len(header))]
    right = (False, False, False, True, True, True)

    def line(values: tuple[str, ...]) -> str:
        parts = [_pad(v, w, r) for v, w, r in zip(values, widths, right)]
        return "  ".join(parts).rstrip()

    rule_len = sum(widths) + 2 * (len(widths) - 1)
    heavy, light = "=" * rule_len, "-" * rule_len
    trainable = analysis.trainable_params
    out = [
        _("{name}: input {shape}").format(name=printable(design.name), shape=shape_text(analysis.input_shape)),
        heavy,
        line(header),
        light,
        *(line(c) for c in cells),
        heavy,
        _("Total params: {count}").format(count=format_int(analysis.total_params)),
        _("Trainable params: {count}").format(count=format_int(trainable)),
        _("Non-trainable params: {count}").format(count=format_int(analysis.total_params - trainable)),
        _("Total MACs: {macs} per sample (FLOPs = 2 x MACs = {flops})").format(
            macs=format_int(analysis.total_macs), flops=format_int(2 * analysis.total_macs)),
        _("Output shape: {shape}").format(shape=shape_text(analysis.output_shape)),
        _("Weight memory: {size} (float32)").format(size=format_bytes(analysis.weight_bytes)),
        _("Activation memory: {size} per sample (forward, float32)").format(
            size=format_bytes(analysis.activation_bytes)),
        heavy,
    ]
    if analysis.errors:
        out.append(_("Errors ({count}):").format(count=len(analysis.errors)))
        out += [f"  {path}: {message}" for path, message in analysis.errors]
    if analysis.warnings:
        out.append(_("Warnings ({count}):").format(count=len(analysis.warnings)))
        out += [f"  {path}: {message}" for path, message in analysis.warnings]
    return "\n".join(out) + "\n"


def _rf_dict(rf: ReceptiveField | None) -> dict[str, list[float]] | None:
    if rf is None:
        return None
    return {"size": list(rf.size), "jump": list(rf.jump), "start": list(rf.start)}


def _shape_list(shape: tuple[int, ...] | None) -> list[int] | None:
    return list(shape) if shape is not None else None


def summary_dict(design: Design, analysis: Analysis) -> dict[str, Any]:
    """The summary as plain JSON values (the `summary --json` structure). Its messages are
    the analysis's own, so `summary --json` analyses in English (a format, not a view)."""
    return {
        "name": design.name,
        "input_shape": list(analysis.input_shape),
        "output_shape": _shape_list(analysis.output_shape),
        "rows": [
            {
                "path": row.json_path,
                "id": row.block_id,
                "type": row.type,
                "label": row.label,
                "depth": row.depth,
                "composite": row.composite,
                "input_shape": _shape_list(row.input_shape),
                "output_shape": _shape_list(row.output_shape),
                "params": row.params,
                "trainable_params": row.trainable_params,
                "macs": row.macs,
                "receptive_field": _rf_dict(row.receptive_field),
                "activation_bytes": row.activation_bytes,
                "error": row.error,
                "warning": row.warning,
            }
            for row in analysis.rows
        ],
        "total_params": analysis.total_params,
        "trainable_params": analysis.trainable_params,
        "total_macs": analysis.total_macs,
        "total_flops": 2 * analysis.total_macs,
        "weight_bytes": analysis.weight_bytes,
        "activation_bytes": analysis.activation_bytes,
        "errors": [{"path": path, "message": message} for path, message in analysis.errors],
        "warnings": [{"path": path, "message": message} for path, message in analysis.warnings],
    }
