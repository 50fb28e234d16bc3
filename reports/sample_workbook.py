"""sample.xlsx, the campaign's record of its sample: 抽样结果 (one row per drawn file) and 抽样说明 (method, seed,
population and its hash), laid out so scoring.campaign.sampling.read_sample can read it back."""

from __future__ import annotations

from pathlib import Path

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
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    from reports.xlsx import append_row

    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")
    wb = Workbook()
    ws = wb.active
    ws.title = RESULT_SHEET
    append_row(ws, RESULT_HEADER)
    for number, row in enumerate(sample.rows, start=1):
        append_row(ws, [number, row.unit, row.dossier_id, row.case_type, row.stratum_population, row.unit_population])
    for cell in ws[1]:
        cell.font, cell.fill = bold, fill
    for col, width in zip("ABCDEF", (6, 28, 40, 20, 12, 12), strict=True):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = "A2"

    info = wb.create_sheet(INFO_SHEET)
    for key, value in _info_values(sample).items():
        append_row(info, [INFO_LABELS[key], value])
        info.cell(row=info.max_row, column=1).font = bold
    info.cell(row=info.max_row, column=2).alignment = Alignment(wrap_text=True, vertical="top")
    append_row(info, [])
    append_row(info, UNIT_TABLE_HEADER)
    for cell in info[info.max_row]:
        cell.font, cell.fill = bold, fill
    for unit, n in sample.population.items():
        append_row(info, [unit, n, sample.drawn.get(unit, 0)])
    info.column_dimensions["A"].width = 28
    info.column_dimensions["B"].width = 70
    info.column_dimensions["C"].width = 10
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path
