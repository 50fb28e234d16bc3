"""assignment.xlsx, the campaign's record of who reviews what: 汇总 (workloads, groups), 分配明细 (one row per
file, read back by scoring.campaign.assignment.reviewers_by_dossier) and one sheet per group."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font

from reports.glossary import NONE_ZH
from reports.xlsx import WRAP, append_row, put, save_workbook, set_widths, write_header
from scoring.campaign.assignment import (
    DETAIL_HEADER,
    DETAIL_SHEET,
    GROUPS_HEADER,
    PANEL_HEADER,
    REVIEWER_SEP,
    SUMMARY_SHEET,
    WORKLOAD_HEADER,
    Assignment,
    FileAssignment,
    Panel,
)
from scoring.glossary import ASSIGNMENT_ZH

TITLE = Font(bold=True, size=14)


def _header(ws: Any, row: int, labels: Sequence[str]) -> None:
    """The house header as campaign sheets have it: bold on light blue, neither centred nor ruled."""
    write_header(ws, row, labels, alignment=None, border=None)


def _members(panel: Panel) -> str:
    return REVIEWER_SEP.join(f"{m.name}（{m.unit or NONE_ZH}）" for m in panel.members)


def _files_of(assignment: Assignment, panel: Panel) -> list[FileAssignment]:
    return [f for f in assignment.files if f.panel == panel.name]


def write_assignment(assignment: Assignment, path: Path) -> Path:
    """assignment.xlsx: 汇总 (workloads, groups), 分配明细 (one row per file), one sheet per group."""
    wb = Workbook()
    summary = wb.active
    summary.title = SUMMARY_SHEET
    put(summary, 1, 1, ASSIGNMENT_ZH["title"])
    summary["A1"].font = TITLE
    put(summary, 2, 1, f"每卷评查人员不少于{assignment.per_file}人，本单位人员回避；随机种子 {assignment.seed}；"
                       f"抽样总体校验值 {assignment.sample_hash[:16]}…；生成时间 {assignment.made_at}")
    _header(summary, 4, WORKLOAD_HEADER)
    panel_of = {m.name: p.name for p in assignment.panels for m in p.members}
    loads = assignment.loads()
    row = 4
    for r in sorted(assignment.reviewers, key=lambda r: (panel_of.get(r.name, ""), r.name)):
        row += 1
        for col, value in enumerate((r.name, r.unit, panel_of.get(r.name, ""), loads[r.name], r.specialty, r.note), 1):
            put(summary, row, col, value)
    row += 2
    _header(summary, row, GROUPS_HEADER)
    for panel in assignment.panels:
        row += 1
        mine = _files_of(assignment, panel)
        units = sorted({f.unit for f in mine})
        for col, value in enumerate((panel.name, _members(panel), len(mine), REVIEWER_SEP.join(units)), 1):
            put(summary, row, col, value).alignment = WRAP
    set_widths(summary, (12, 40, 12, 40, 16, 20))

    detail = wb.create_sheet(DETAIL_SHEET)
    _header(detail, 1, DETAIL_HEADER)
    for number, f in enumerate(assignment.files, start=1):
        append_row(detail, [number, f.dossier_id, f.unit, f.panel, REVIEWER_SEP.join(f.reviewers), REVIEWER_SEP.join(f.recused)])
    set_widths(detail, (6, 40, 28, 10, 24, 16))
    detail.freeze_panes = "A2"

    for panel in assignment.panels:
        ws = wb.create_sheet(panel.name)
        put(ws, 1, 1, panel.name)
        ws["A1"].font = TITLE
        put(ws, 2, 1, f"{ASSIGNMENT_ZH['members']}：" + _members(panel))
        _header(ws, 4, PANEL_HEADER)
        mine = _files_of(assignment, panel)
        for number, f in enumerate(mine, start=1):
            append_row(ws, [number, f.unit, f.dossier_id, REVIEWER_SEP.join(f.reviewers), REVIEWER_SEP.join(f.recused)])
        set_widths(ws, (6, 28, 40, 24, 16))
        ws.freeze_panes = "A5"
    return save_workbook(wb, path)
