"""assignment.xlsx, the campaign's record of who reviews what: 汇总 (workloads, groups), 分配明细 (one row per
file, read back by scoring.campaign.assignment.reviewers_by_dossier) and one sheet per group."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from reports.glossary import NONE_ZH
from scoring.campaign.assignment import (
    DETAIL_HEADER,
    DETAIL_SHEET,
    GROUPS_HEADER,
    PANEL_HEADER,
    REVIEWER_SEP,
    SUMMARY_SHEET,
    WORKLOAD_HEADER,
    Assignment,
)
from scoring.glossary import ASSIGNMENT_ZH


def write_assignment(assignment: Assignment, path: Path) -> Path:
    """assignment.xlsx: 汇总 (workloads, groups), 分配明细 (one row per file), one sheet per group."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    from reports.xlsx import append_row, put

    bold, fill, wrap = Font(bold=True), PatternFill("solid", fgColor="DDEBF7"), Alignment(wrap_text=True, vertical="top")

    def header(ws, row: int, labels: Iterable[str]) -> None:
        for col, label in enumerate(labels, start=1):
            cell = put(ws, row, col, label)
            cell.font, cell.fill = bold, fill

    wb = Workbook()
    summary = wb.active
    summary.title = SUMMARY_SHEET
    put(summary, 1, 1, ASSIGNMENT_ZH["title"])
    summary["A1"].font = Font(bold=True, size=14)
    put(summary, 2, 1, f"每卷评查人员不少于{assignment.per_file}人，本单位人员回避；随机种子 {assignment.seed}；"
                       f"抽样总体校验值 {assignment.sample_hash[:16]}…；生成时间 {assignment.made_at}")
    header(summary, 4, WORKLOAD_HEADER)
    panel_of = {m.name: p.name for p in assignment.panels for m in p.members}
    loads = assignment.loads()
    row = 4
    for r in sorted(assignment.reviewers, key=lambda r: (panel_of.get(r.name, ""), r.name)):
        row += 1
        for col, value in enumerate((r.name, r.unit, panel_of.get(r.name, ""), loads[r.name], r.specialty, r.note), 1):
            put(summary, row, col, value)
    row += 2
    header(summary, row, GROUPS_HEADER)
    for panel in assignment.panels:
        row += 1
        mine = [f for f in assignment.files if f.panel == panel.name]
        units = sorted({f.unit for f in mine})
        members = REVIEWER_SEP.join(f"{m.name}（{m.unit or NONE_ZH}）" for m in panel.members)
        for col, value in enumerate((panel.name, members, len(mine), REVIEWER_SEP.join(units)), 1):
            put(summary, row, col, value).alignment = wrap
    for col, width in zip("ABCDEF", (12, 40, 12, 40, 16, 20), strict=True):
        summary.column_dimensions[col].width = width

    detail = wb.create_sheet(DETAIL_SHEET)
    header(detail, 1, DETAIL_HEADER)
    for number, f in enumerate(assignment.files, start=1):
        append_row(detail, [number, f.dossier_id, f.unit, f.panel, REVIEWER_SEP.join(f.reviewers), REVIEWER_SEP.join(f.recused)])
    for col, width in zip("ABCDEF", (6, 40, 28, 10, 24, 16), strict=True):
        detail.column_dimensions[col].width = width
    detail.freeze_panes = "A2"

    for panel in assignment.panels:
        ws = wb.create_sheet(panel.name)
        put(ws, 1, 1, panel.name)
        ws["A1"].font = Font(bold=True, size=14)
        put(ws, 2, 1, f"{ASSIGNMENT_ZH['members']}：" + REVIEWER_SEP.join(f"{m.name}（{m.unit or NONE_ZH}）" for m in panel.members))
        header(ws, 4, PANEL_HEADER)
        mine = [f for f in assignment.files if f.panel == panel.name]
        for number, f in enumerate(mine, start=1):
            append_row(ws, [number, f.unit, f.dossier_id, REVIEWER_SEP.join(f.reviewers), REVIEWER_SEP.join(f.recused)])
        for col, width in zip("ABCDE", (6, 28, 40, 24, 16), strict=True):
            ws.column_dimensions[col].width = width
        ws.freeze_panes = "A5"
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path
