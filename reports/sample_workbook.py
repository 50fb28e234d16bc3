"""sample.xlsx, the campaign's record of its sample: 抽样结果 (one row per drawn file) and 抽样说明 (method, seed,
population and its hash), laid out so scoring.campaign.sampling.read_sample can read it back."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from reports.xlsx import BOLD, WRAP, append_row, save_workbook, set_widths, style_header
from scoring.campaign.sampling import (
    INFO_LABELS,
    INFO_SHEET,
    METHOD_ZH,
    REDRAW_NOTE,
    RESULT_HEADER,
    RESULT_SHEET,
    UNIT_TABLE_HEADER,
    Sample,
)


def _info_values(sample: Sample) -> dict[str, object]:
    strata = ("单位；以下单位再按案件类型分层：" + "、".join(sample.stratified_by_type)
              if sample.stratified_by_type else "单位（案卷未注明案件类型）")
    return {
        "method": METHOD_ZH[sample.method],
        "rate": sample.rate if sample.rate is not None else "",
        "per_unit": sample.per_unit if sample.per_unit is not None else "",
        "min_per_unit": sample.min_per_unit,
        "seed": sample.seed,
        "population_total": sum(sample.population.values()),
        "drawn_total": len(sample.rows),
        "population_hash": sample.population_hash,
        "drawn_at": sample.drawn_at,
        "root": sample.root,
        "strata": strata,
        "redraw": REDRAW_NOTE,
    }


def write_sample(sample: Sample, path: Path) -> Path:
    """sample.xlsx: 抽样结果 (one row per drawn file) and 抽样说明 (parameters, population, hash)."""
    wb = Workbook()
    ws = wb.active
    ws.title = RESULT_SHEET
    append_row(ws, RESULT_HEADER)
    for number, row in enumerate(sample.rows, start=1):
        append_row(ws, [number, row.unit, row.dossier_id, row.case_type, row.stratum_population, row.unit_population])
    style_header(ws[1])
    set_widths(ws, (6, 28, 40, 20, 12, 12))
    ws.freeze_panes = "A2"

    info = wb.create_sheet(INFO_SHEET)
    for key, value in _info_values(sample).items():
        append_row(info, [INFO_LABELS[key], value])
        info.cell(row=info.max_row, column=1).font = BOLD
    info.cell(row=info.max_row, column=2).alignment = WRAP
    append_row(info, [])
    append_row(info, UNIT_TABLE_HEADER)
    style_header(info[info.max_row])
    for unit, n in sample.population.items():
        append_row(info, [unit, n, sample.drawn.get(unit, 0)])
    set_widths(info, (28, 70, 10))
    return save_workbook(wb, path)
