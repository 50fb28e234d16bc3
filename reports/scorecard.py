"""scorecards.xlsx: the workbook reviewers read and correct (汇总, 评查明细, 问题文件, 说明, one sheet per unit).

The 评查明细 sheet is also an input: reviewers fill the 复核 columns and `pingcha review apply` reads them
back (reports/overrides.py), so its machine keys (案卷 = dossier_id, 项目编号 = item_code) are real values,
a hidden last column holds each row's key, and a protected, very hidden `_meta` sheet records which run
folder (by fingerprint) the workbook was made from, sealed (reports/review_integrity.py).
What the sheets say is here; how pingcha's workbooks look and stream is reports/xlsx.py.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from ingest.glossary import ELEMENT_ZH, PROBLEM_KIND_ZH, PROBLEM_ZH, ProblemKind
from reports.glossary import COLUMN_NOTES_ZH, REPORT_ZH, REVIEW_CHOICE_ZH, ROW_KEY_ZH, TYPE_REPORT_ZH, YES_ZH
from reports.loading import RunData, joined_findings
from reports.review_integrity import SEAL_KEY, meta_seal, row_key
from reports.scorecard_machine import (
    DETAIL_MACHINE_COLUMNS,
    MACHINE_LABELS,
    UNIT_MACHINE_COLUMNS,
    is_reviewed,
    machine_case,
    machine_item,
    reviewed_dossiers,
    veto_items,
)
from reports.scorecard_summary import FAIL_FILL, TITLE, VETO_FILL, write_summary
from reports.scorecard_types import (
    SECTION_CODE,
    section_rows,
    section_texts,
    unit_type_line,
    with_sections,
    with_standard,
)
from reports.summary import failed, status_label, unit_ranking
from reports.unit_findings import SHEET as UNIT_FINDINGS_SHEET
from reports.unit_findings import add_unit_findings_sheet
from reports.xlsx import (
    BOLD,
    WRAP,
    BufferedSheet,
    CachedStyles,
    append_row,
    break_before,
    fitted_width,
    hidden_key_values,
    laid_out_sheet,
    new_cell,
    print_setup,
    put,
    safe_sheet_names,
    save_workbook,
    set_widths,
    write_header,
)
from scoring.glossary import FINDING_ZH, GRADE_FAIL, TERMS_ZH, VETO_FAIL_ZH, Status

SCORECARD_NAME = "scorecards.xlsx"  # in OUT (output-contract.md)
META_SHEET = "_meta"
META_FORMAT = "pingcha-scorecard/2"  # 2: row keys, sealed _meta
SUMMARY_SHEET = TERMS_ZH["summary"]
DETAILS_SHEET = TERMS_ZH["details"]
PROBLEMS_SHEET = TERMS_ZH["problems"]
README_SHEET = TERMS_ZH["readme"]
RESERVED_SHEETS = (SUMMARY_SHEET, DETAILS_SHEET, PROBLEMS_SHEET, README_SHEET, META_SHEET, UNIT_FINDINGS_SHEET)

# 评查明细 columns: identifier, width. Identifiers are FINDING_ZH keys; reviewer columns come last.
DETAIL_COLUMNS: tuple[tuple[str, float], ...] = (
    ("dossier_id", 26), ("item_code", 8), ("item_name", 30), ("category", 10), ("status", 10),
    ("points_deducted", 7), ("veto", 7), ("message", 40), ("source_file", 22), ("page", 9),
    ("quote", 50), ("override_status", 12), ("override_points", 9), ("override_reason", 30),
    ("reviewer", 10), ("row_key", 18),
)  # fmt: skip
REVIEW_KEYS = ("override_status", "override_points", "override_reason", "reviewer")
DETAIL_LABELS = {**FINDING_ZH, "row_key": ROW_KEY_ZH, **MACHINE_LABELS}
UNIT_COLUMNS: tuple[tuple[str, float], ...] = (
    ("dossier_id", 26), ("case_no", 24), ("party_name", 26), ("total_score", 8), ("raw_score", 9),
    ("grade", 8), ("vetoed", 7), ("needs_review", 10), ("review_reasons", 30), ("top_item_deductions", 48),
    ("reviewers", 16),
)  # fmt: skip
TOP_DEDUCTIONS_PER_FILE = 3


def _with_machine(columns: tuple[tuple[str, float], ...], machine: tuple[tuple[str, float], ...], before: str,
                  reviewed: bool) -> tuple[tuple[str, float], ...]:
    """`columns` with the machine's columns inserted before the column `before` on a reviewed run's sheet."""
    if not reviewed:
        return columns
    at = [key for key, _ in columns].index(before)
    return (*columns[:at], *machine, *columns[at:])


REVIEW_FILL = PatternFill("solid", fgColor="FFF2CC")  # the columns a reviewer fills


def _yes(flag: bool) -> str:
    return YES_ZH if flag else ""


def _number(value: float | None) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def _fitted(columns: Sequence[tuple[str, float]], values: dict[str, pd.Series]) -> list[float]:
    """The columns' widths, those in `values` widened to show their longest value whole (xlsx.fitted_width)."""
    return [fitted_width(values[key], width) if key in values else width for key, width in columns]


def _top_deductions(findings: pd.DataFrame) -> dict[str, str]:
    """Per dossier: veto items first, then the largest deductions, e.g. 'V03 …（否决）；R17 … -10'."""
    hits = findings[failed(findings)].copy()
    if hits.empty:
        return {}
    hits["_order"] = (~hits["veto"]).astype(int)
    hits = hits.sort_values(["dossier_id", "_order", "points_deducted"], ascending=[True, True, False],
                            kind="stable")
    out: dict[str, str] = {}
    for dossier_id, group in hits.groupby("dossier_id", sort=False):
        parts = []
        for rec in group.head(TOP_DEDUCTIONS_PER_FILE).itertuples(index=False):
            tail = f"（{VETO_FAIL_ZH}）" if rec.veto else f" -{rec.points_deducted:g}"
            parts.append(f"{rec.item_code} {rec.item_name}{tail}")
        if len(group) > TOP_DEDUCTIONS_PER_FILE:
            parts.append("…")
        out[str(dossier_id)] = "；".join(parts)
    return out


def _write_unit(ws: BufferedSheet, unit: str, cases: pd.DataFrame, rank_row: pd.Series | None,
                top: dict[str, str], reviewers: dict[str, list[str]] | None = None,
                changed: set[str] | None = None, standards: dict[str, tuple[str, str]] | None = None,
                sections: dict[str, str] | None = None) -> None:
    """One unit's files; on a reviewed run (`changed`: reviewed_dossiers) the machine's score and grade follow
    the reviewed ones. `standards` (id -> (type label, title)) for a run of several: each file's 评查标准,
    a file no checklist scored reads 未评分 (its review reason says why). `sections` (scorecard_types.
    section_texts, when any file of the run has a supplement): each file's 附加评查结果 after its grade."""
    columns = _with_machine(UNIT_COLUMNS, UNIT_MACHINE_COLUMNS, "vetoed", changed is not None)
    columns = with_standard(columns, "party_name", standards is not None)
    columns = with_sections(columns, sections is not None)
    ws["A1"] = unit
    ws["A1"].font = TITLE
    if rank_row is not None:
        ws["A2"] = (f"{TERMS_ZH['rank']} {rank_row['rank']}　{TERMS_ZH['average_score']} "
                    f"{rank_row['average']:.2f}　{TERMS_ZH['files_reviewed']} {rank_row['files']}")
        if standards is not None:
            ws["A2"] = ws["A2"].value + "　" + unit_type_line(cases, standards)
    header_row = 4
    labels = [ELEMENT_ZH.get(key) or TERMS_ZH.get(key) or REPORT_ZH[key] for key, _ in columns]
    write_header(ws, header_row, labels)
    row = header_row
    for rec in cases.sort_values("dossier_id", kind="stable").itertuples(index=False):
        row += 1
        standard = [] if standards is None else [
            standards[rec.checklist][1] if rec.checklist in standards else TYPE_REPORT_ZH["unscored"]]
        values = [rec.dossier_id, rec.case_no, rec.party_name, *standard, _number(rec.total_score),
                  _number(rec.raw_score), rec.grade, *([] if sections is None else [sections.get(rec.dossier_id, "")]),
                  *(machine_case(rec, changed) if changed is not None else []), _yes(rec.vetoed), _yes(rec.needs_review),
                  rec.review_reasons, top.get(rec.dossier_id, ""),
                  "、".join((reviewers or {}).get(rec.dossier_id, []))]
        fill = VETO_FILL if rec.vetoed else FAIL_FILL if rec.grade == GRADE_FAIL else None
        for col, value in enumerate(values, start=1):
            cell = put(ws, row, col, value)
            cell.alignment = WRAP
            if fill:
                cell.fill = fill
    set_widths(ws, _fitted(columns, {key: cases[key] for key in ("dossier_id", "case_no")}))
    ws.freeze_panes = f"B{header_row + 1}"
    ws.auto_filter.ref = f"A{header_row}:{get_column_letter(len(columns))}{max(row, header_row)}"
    print_setup(ws, f"{header_row}:{header_row}")


def review_choice(status: str, veto: bool) -> str:
    """The drop-down value that leads to a status (used to show an earlier override)."""
    if status == Status.FAIL.value:
        return REVIEW_CHOICE_ZH["veto" if veto else "fail"]
    return REVIEW_CHOICE_ZH.get(status, "")


def _write_details(sheet, data: RunData) -> None:
    """评查明细 on a write-only workbook's `sheet`, streamed: the header row is laid out, then each finding is
    written as it is formatted."""
    findings = joined_findings(data)  # each file's supplements' rows after its own
    section = section_rows(data, findings)
    reviewed = is_reviewed(data)
    columns = _with_machine(DETAIL_COLUMNS, DETAIL_MACHINE_COLUMNS, "override_status", reviewed)
    columns = with_standard(columns, "category", data.multi_type or bool(section.any()))
    shown_standard = "checklist" in dict(columns)
    vetoes = veto_items(data) if reviewed else set()
    keys = [key for key, _ in columns]
    header = BufferedSheet(sheet)
    write_header(header, 1, [DETAIL_LABELS[k] for k in keys])
    first_review = keys.index("override_status") + 1
    first_machine = first_review - (len(DETAIL_MACHINE_COLUMNS) if reviewed else 0)
    key_col = keys.index("row_key") + 1
    for col in range(first_review, first_review + len(REVIEW_KEYS)):
        header.cell(row=1, column=col).fill = REVIEW_FILL
        note = COLUMN_NOTES_ZH[keys[col - 1]]
        header.cell(row=1, column=col).comment = Comment(note, TERMS_ZH["readme"], width=320, height=110)
    # sheet properties, column widths and panes are written before the first row of a streamed sheet
    set_widths(header, _fitted(columns, {"dossier_id": findings["dossier_id"]}))
    header.column_dimensions[get_column_letter(key_col)].hidden = True
    header.freeze_panes = "C2"
    print_setup(header, "1:1", title_cols="A:B")
    header.flush(rows=len(findings) + 1, columns=len(keys))
    grades = dict(zip(data.cases["dossier_id"], data.cases["grade"], strict=False))
    blank = pd.Series([""] * len(findings), index=findings.index, dtype=str)
    overridden = findings.get("auto_status", blank).fillna("").astype(str)
    reasons = findings.get("override_reason", blank).fillna("").astype(str)
    reviewers = findings.get("reviewer", blank).fillna("").astype(str)
    wrap_cols = {keys.index(k) for k in ("item_name", "message", "source_file", "quote")}
    styles = CachedStyles()
    units = dict(zip(data.cases["dossier_id"], data.cases["unit"], strict=False))
    unit = None
    for i, rec in enumerate(findings.itertuples(index=False)):
        if units.get(rec.dossier_id, unit) != unit:  # each unit's findings start a printed page
            if unit is not None:
                break_before(sheet, i + 2)
            unit = units[rec.dossier_id]
        review: list = [None] * len(REVIEW_KEYS)  # empty cells are not written
        if overridden.iat[i]:
            points = rec.points_deducted if rec.status == Status.FAIL.value and not rec.veto else None
            review = [review_choice(rec.status, rec.veto), points, reasons.iat[i], reviewers.iat[i]]
        in_section = bool(section.iat[i])
        standard = [] if not shown_standard else [
            TYPE_REPORT_ZH["section"].format(title=data.standard_title(rec.checklist)) if in_section
            else data.standard_title(rec.checklist)]
        code = f"{rec.checklist}{SECTION_CODE}{rec.item_code}" if in_section else rec.item_code
        values: list = [rec.dossier_id, code, rec.item_name, rec.category, *standard,
                        status_label(rec.status, rec.veto), float(rec.points_deducted), _yes(rec.veto),
                        rec.message, rec.source_file, rec.page, rec.quote,
                        *(machine_item(rec, vetoes) if reviewed else []), *review,
                        "" if in_section else row_key(data.fingerprint, str(rec.dossier_id), str(rec.item_code))]
        fill = VETO_FILL if rec.veto else FAIL_FILL if grades.get(rec.dossier_id) == GRADE_FAIL else None
        for col in range(first_machine - 1):
            if fill is not None or col in wrap_cols:
                cell = new_cell(sheet, values[col])
                styles.apply(cell, WRAP if col in wrap_cols else None, fill)
                values[col] = cell
        append_row(sheet, values)
    last = len(findings) + 1
    choices = [REVIEW_CHOICE_ZH[k] for k in ("keep", "pass", "fail", "veto", "n/a")]
    status_col = get_column_letter(first_review)
    dv = DataValidation(type="list", formula1='"' + ",".join(choices) + '"', allow_blank=True,
                        showErrorMessage=True, errorTitle=FINDING_ZH["override_status"],
                        error=COLUMN_NOTES_ZH["override_status"])
    dv.add(f"{status_col}2:{status_col}{max(last, 2)}")
    header.add_data_validation(dv)
    points_col = get_column_letter(first_review + 1)
    dv_points = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0", allow_blank=True,
                               showErrorMessage=True, errorTitle=FINDING_ZH["override_points"],
                               error=COLUMN_NOTES_ZH["override_points"])
    dv_points.add(f"{points_col}2:{points_col}{max(last, 2)}")
    header.add_data_validation(dv_points)
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(keys))}{max(last, 1)}"


def _write_problems(ws: BufferedSheet, problems: pd.DataFrame) -> None:
    keys = ("dossier_id", "source_file", "kind", "message")
    write_header(ws, 1, [PROBLEM_ZH[k] for k in keys])
    for rec in problems.itertuples(index=False):
        try:
            kind = PROBLEM_KIND_ZH[ProblemKind(rec.kind)]
        except ValueError:
            kind = rec.kind
        append_row(ws, [rec.dossier_id, rec.source_file, kind, rec.message])
        for col in (2, 4):
            ws.cell(row=ws.max_row, column=col).alignment = WRAP
    set_widths(ws, [fitted_width(problems["dossier_id"], 30), 36, 18, 60])
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:D{max(len(problems) + 1, 1)}"
    print_setup(ws, "1:1")


def _write_readme(ws: BufferedSheet, reviewed: bool = False) -> None:
    write_header(ws, 1, [REPORT_ZH["column"], REPORT_ZH["note"]])
    rows = [
        (FINDING_ZH["dossier_id"], COLUMN_NOTES_ZH["dossier_id"]),
        (FINDING_ZH["item_code"], COLUMN_NOTES_ZH["item_code"]),
        (FINDING_ZH["status"], COLUMN_NOTES_ZH["status"]),
        (FINDING_ZH["points_deducted"], COLUMN_NOTES_ZH["points_deducted"]),
        (FINDING_ZH["veto"], COLUMN_NOTES_ZH["veto"]),
        (TERMS_ZH["evidence"], COLUMN_NOTES_ZH["evidence"]),
        *((FINDING_ZH[k], COLUMN_NOTES_ZH[k]) for k in REVIEW_KEYS),
        *([(REPORT_ZH["auto_status"], COLUMN_NOTES_ZH["auto_status"])] if reviewed else []),
        (REPORT_ZH["legend"], COLUMN_NOTES_ZH["colors"]),
        (ROW_KEY_ZH, COLUMN_NOTES_ZH["row_key"]),
        (TERMS_ZH["details"], COLUMN_NOTES_ZH["apply"]),
    ]
    for label, note in rows:
        append_row(ws, [label, note])
        ws.cell(row=ws.max_row, column=2).alignment = WRAP
        ws.cell(row=ws.max_row, column=1).font = BOLD
    set_widths(ws, [16, 100])
    print_setup(ws, "1:1")


def _write_meta(ws: BufferedSheet, data: RunData) -> None:
    ref = data.run.checklist
    pairs: list[tuple[str, object]] = [
        ("format", META_FORMAT),
        ("out_dir", str(Path(data.out_dir).resolve())),
        ("fingerprint", data.fingerprint),
        ("checklist_id", ref.id),
        ("checklist_version", ref.version),
        ("checklist_hash", ref.content_hash),
        ("campaign", data.run.campaign),
        ("details_sheet", DETAILS_SHEET),
        ("generated_at", datetime.now().astimezone().isoformat(timespec="seconds")),
    ]
    hidden_key_values(ws, [*pairs, (SEAL_KEY, meta_seal(pairs))])


def write_scorecard(data: RunData, path: Path, charts: list[Path] | None = None) -> None:
    """Write scorecards.xlsx for a run; `charts` (PNG paths) are embedded in 汇总 when given."""
    wb = Workbook(write_only=True)
    ranking = unit_ranking(data.cases)
    with laid_out_sheet(wb, SUMMARY_SHEET) as ws:
        write_summary(ws, data, ranking, charts or [])
    _write_details(wb.create_sheet(DETAILS_SHEET), data)
    with laid_out_sheet(wb, PROBLEMS_SHEET) as ws:
        _write_problems(ws, data.problems)
    with laid_out_sheet(wb, README_SHEET) as ws:
        _write_readme(ws, is_reviewed(data))
    top = _top_deductions(data.findings)
    changed = reviewed_dossiers(data) if is_reviewed(data) else None
    by_rank = {r["unit"]: r for _, r in ranking.iterrows()}
    standards = {cid: (data.standard_label(cid), data.standard_title(cid)) for cid in data.standards()}
    sections = section_texts(data) if not data.sections.empty else None
    for unit, name in safe_sheet_names(ranking["unit"].tolist(), RESERVED_SHEETS).items():
        with laid_out_sheet(wb, name) as ws:
            _write_unit(ws, unit, data.cases[data.cases["unit"] == unit], by_rank.get(unit), top,
                        data.run.raw.get("reviewers") or {}, changed, standards if data.multi_type else None, sections)
    add_unit_findings_sheet(wb, data)  # campaign-level: each unit's inspections over its register
    with laid_out_sheet(wb, META_SHEET) as ws:
        _write_meta(ws, data)
    save_workbook(wb, path)
