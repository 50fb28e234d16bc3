"""The scorecard's 汇总 sheet: the run's standards, the units' ranking, each unit's average per type, the
常见问题 and the charts.

In a run of several standards each unit's average is graded by the bands of the standards that scored its
files (reports.summary.unit_bands), and the 常见问题 are listed under each standard: item codes are the
standard's own (V01 of 行政强制措施 is not V01 of 行政处罚), so items are never merged across standards.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pandas as pd
from openpyxl.styles import Alignment, Font, PatternFill

from reports.glossary import REPORT_ZH, TYPE_REPORT_ZH
from reports.loading import RunData
from reports.scorecard_machine import reviewed_dossiers, write_review_changes
from reports.scorecard_types import standard_text, write_type_averages
from reports.summary import band_grade, top_problems, unit_bands
from reports.xlsx import BOLD, BufferedSheet, add_image, print_setup, put, set_widths, write_header
from scoring.glossary import FINDING_ZH, GRADES_ZH, TERMS_ZH

SUMMARY_SHEET = TERMS_ZH["summary"]
TOP_PROBLEMS = 15  # items listed under 常见问题 (in a run of several standards: under each standard)
IMAGE_WIDTH_PX = 760
ROW_HEIGHT_PX = 20

TITLE = Font(bold=True, size=16)
SECTION = Font(bold=True, size=13)
VETO_FILL = PatternFill("solid", fgColor="FFC7CE")
FAIL_FILL = PatternFill("solid", fgColor="FCE4D6")
PROBLEM_KEYS = ("item_code", "item_name", "category", "files", "points", "vetoes")


def _run_date(data: RunData) -> str:
    when = data.run.started_at or data.run.finished_at
    return when.strftime("%Y-%m-%d") if when else ""


def _write_meta(ws: BufferedSheet, data: RunData) -> int:
    ref = data.run.checklist
    meta = [
        (TERMS_ZH["campaign"], data.run.campaign),
        (REPORT_ZH["checklist_title"], ref.title),
        (REPORT_ZH["checklist_id"], ref.id),
        (TERMS_ZH["checklist_version"], ref.version),
        (TERMS_ZH["checklist_hash"], ref.content_hash),
        (TERMS_ZH["run_date"], _run_date(data)),
        (TERMS_ZH["files_reviewed"], len(data.cases)),
    ]
    if data.multi_type:  # each standard with the type of files it scored
        meta[1:5] = [(TYPE_REPORT_ZH["standard_of"].format(type=data.standard_label(cid)), standard_text(data, cid))
                     for cid in data.standards()]
    row = 3
    for label, value in meta:
        put(ws, row, 1, label).font = BOLD
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
        put(ws, row, 3, value).alignment = Alignment(horizontal="left")
        ws.merge_cells(start_row=row, start_column=3, end_row=row, end_column=11)
        row += 1
    return row


def _write_ranking(ws: BufferedSheet, data: RunData, ranking: pd.DataFrame, row: int) -> int:
    """单位排名 from `row` (its title); a unit whose average falls in the lowest band of its own files'
    standards is shaded. Returns the last row written."""
    put(ws, row, 1, REPORT_ZH["ranking"]).font = SECTION
    row += 1
    labels = [TERMS_ZH["rank"], TERMS_ZH["unit"], TERMS_ZH["files_reviewed"], TERMS_ZH["average_score"],
              TERMS_ZH["total"], *GRADES_ZH, TERMS_ZH["veto_count"], REPORT_ZH["needs_review_count"]]
    write_header(ws, row, labels)
    bands = unit_bands(data.cases, data.checklists, data.scoring_checklist()) if len(ranking) else {}
    for rec in ranking.itertuples(index=False):
        row += 1
        values = [rec.rank, rec.unit, rec.files, round(rec.average, 2), round(rec.total, 2),
                  *(getattr(rec, g) for g in GRADES_ZH), rec.vetoes, rec.needs_review]
        for col, value in enumerate(values, start=1):
            put(ws, row, col, value)
        ws.cell(row=row, column=4).number_format = "0.00"
        own = bands[rec.unit]
        if band_grade(rec.average, own) == own[-1].grade:
            for col in range(1, len(labels) + 1):
                ws.cell(row=row, column=col).fill = FAIL_FILL
    if len(ranking):
        row += 1
        scores = data.cases["total_score"].dropna()
        totals = [None, REPORT_ZH["all_units"], len(data.cases), round(float(scores.mean()), 2) if len(scores) else None,
                  round(float(scores.sum()), 2), *(int(ranking[g].sum()) for g in GRADES_ZH),
                  int(ranking["vetoes"].sum()), int(ranking["needs_review"].sum())]
        for col, value in enumerate(totals, start=1):
            put(ws, row, col, value).font = BOLD
        ws.cell(row=row, column=4).number_format = "0.00"
    return row


def problem_groups(data: RunData) -> list[tuple[str, pd.DataFrame]]:
    """常见问题 as (heading, items): one group for a run of one standard (heading ''), else one per standard
    that failed any item, headed by its type and title, each with its own TOP_PROBLEMS items."""
    problems = top_problems(data.findings, limit=None)
    if not data.multi_type:
        return [("", problems.head(TOP_PROBLEMS))]
    return [(TYPE_REPORT_ZH["problems_of"].format(type=data.standard_label(cid), title=data.standard_title(cid)),
             problems[problems["checklist"] == cid].head(TOP_PROBLEMS))
            for cid in data.standards() if (problems["checklist"] == cid).any()]


def _write_problems(ws: BufferedSheet, data: RunData, row: int) -> int:
    put(ws, row, 1, REPORT_ZH["top_problems"]).font = SECTION
    header = [FINDING_ZH["item_code"], FINDING_ZH["item_name"], FINDING_ZH["category"],
              REPORT_ZH["files_with_problem"], REPORT_ZH["points_total"], TERMS_ZH["veto_count"]]
    for heading, problems in problem_groups(data):
        if heading:
            row += 1
            put(ws, row, 1, heading).font = BOLD
        row += 1
        write_header(ws, row, header)
        for rec in problems.itertuples(index=False):
            row += 1
            values = [getattr(rec, key) for key in PROBLEM_KEYS]
            values[4] = round(values[4], 2)
            for col, value in enumerate(values, start=1):
                put(ws, row, col, value)
    return row


def write_summary(ws: BufferedSheet, data: RunData, ranking: pd.DataFrame, charts: Sequence[Path]) -> None:
    ws["A1"] = f"{data.run.campaign}　{SUMMARY_SHEET}" if data.run.campaign else REPORT_ZH["title"]
    ws["A1"].font = TITLE
    ranking_header = _write_meta(ws, data) + 2
    row = _write_ranking(ws, data, ranking, ranking_header - 1)
    if data.multi_type and len(ranking):
        row = write_type_averages(ws, data, ranking["unit"].tolist(), row + 2, SECTION)
    ws.freeze_panes = None
    row = _write_problems(ws, data, row + 2)
    changed = reviewed_dossiers(data)
    if changed:
        row += 2
        put(ws, row, 1, REPORT_ZH["review_changes"]).font = SECTION
        row = write_review_changes(ws, data, changed, row + 1)
    set_widths(ws, [8, 30, 12, 11, 10, 8, 8, 8, 8, 11, 16])
    row += 2
    if charts:
        put(ws, row, 1, REPORT_ZH["charts"]).font = SECTION
        row += 1
    for chart in charts:
        row += add_image(ws, chart, f"A{row}", IMAGE_WIDTH_PX) // ROW_HEIGHT_PX + 2
    print_setup(ws, f"{ranking_header}:{ranking_header}")
