"""The scorecard of a campaign of several case types (issue 17): which standard scored each file and row, each
unit's average per type, and the supplements' rows shown as their own section (never in the file's total).

A run scored against one standard gets none of this, so its workbook stays as it was.
"""

from __future__ import annotations

import pandas as pd

from reports.glossary import TYPE_REPORT_ZH
from reports.loading import RunData
from reports.rescoring import section_score
from reports.summary import unit_type_averages
from reports.xlsx import BufferedSheet, put, write_header
from scoring.glossary import TERMS_ZH

# A supplement's row on 评查明细 shows its item as <supplement id>/<code>: its own section, never reviewed there.
SECTION_CODE = "/"
STANDARD_COLUMN = ("checklist", 22)  # 评查标准: after 评查类别 (评查明细) and 当事人 (unit sheets), several types only
SECTION_COLUMN = ("supplement", 30)  # 附加评查结果: after 等次 on the unit sheets, when any file has a supplement


def with_standard(columns: tuple[tuple[str, float], ...], after: str, shown: bool) -> tuple[tuple[str, float], ...]:
    """`columns` with 评查标准 after the column `after` when `shown` (a run of several standards)."""
    if not shown:
        return columns
    at = [key for key, _ in columns].index(after) + 1
    return (*columns[:at], STANDARD_COLUMN, *columns[at:])


def standard_text(data: RunData, checklist_id: str) -> str:
    checklist = data.checklists.get(checklist_id)
    if checklist is None:
        return checklist_id
    return TYPE_REPORT_ZH["standard_text"].format(title=checklist.title, id=checklist.id, version=checklist.version)


def write_type_averages(ws: BufferedSheet, data: RunData, units: list[str], row: int, section_font) -> int:
    """各单位分类型平均分: per unit, each standard's files and average, and the overall average of its scored
    files (files no checklist scored count in none). Returns the last row written."""
    standards = data.standards()
    table = unit_type_averages(data.cases, standards, units)
    put(ws, row, 1, TYPE_REPORT_ZH["by_type"]).font = section_font
    row += 1
    labels = [TERMS_ZH["unit"]]
    for cid in standards:
        name = data.standard_label(cid)
        labels += [TYPE_REPORT_ZH["type_files"].format(type=name), TYPE_REPORT_ZH["type_average"].format(type=name)]
    write_header(ws, row, [*labels, TYPE_REPORT_ZH["overall_average"]])
    for unit, rec in table.iterrows():
        row += 1
        values: list = [unit]
        for cid in standards:
            values += [int(rec[f"{cid}_files"]), _rounded(rec[cid])]
        values.append(_rounded(rec["overall"]))
        for col, value in enumerate(values, start=1):
            put(ws, row, col, value)
            if col > 1 and col % 2 == 1 or col == len(values):
                ws.cell(row=row, column=col).number_format = "0.00"
    return row


def _rounded(value: float) -> float | None:
    return None if pd.isna(value) else round(float(value), 2)


def unit_type_line(cases: pd.DataFrame, standards: dict[str, tuple[str, str]]) -> str:
    """'行政处罚（一般程序）平均分 85.00（2卷）　行政许可平均分 90.00（1卷）' for the unit's scored files."""
    table = unit_type_averages(cases, list(standards), sorted(set(cases["unit"])))
    parts = []
    for cid, (label, _title) in standards.items():
        files = int(table[f"{cid}_files"].iloc[0]) if len(table) else 0
        if files:
            parts.append(TYPE_REPORT_ZH["unit_line"].format(
                type=TYPE_REPORT_ZH["type_average"].format(type=label), average=f" {table[cid].iloc[0]:.2f}",
                files=files))
    return "　".join(parts)


def section_rows(data: RunData, findings: pd.DataFrame) -> pd.Series:
    """Which rows of `findings` (joined_findings) are a supplement's section, not the file's own items."""
    own = findings["dossier_id"].map(data.case_checklist_ids())
    return (own.notna() & (own != "") & (findings["checklist"] != "") & (findings["checklist"] != own)).reset_index(
        drop=True)


def with_sections(columns: tuple[tuple[str, float], ...], shown: bool) -> tuple[tuple[str, float], ...]:
    """`columns` with 附加评查结果 after 等次 when `shown` (a file of the run has a supplement's section)."""
    if not shown:
        return columns
    at = [key for key, _ in columns].index("grade") + 1
    return (*columns[:at], SECTION_COLUMN, *columns[at:])


def section_texts(data: RunData) -> dict[str, str]:
    """Per file, each supplement's result by its own standard ('《行政强制措施案卷评查标准》得分0（原始得分95），
    等次不合格'), as the 评查表 states it under the section: beside the file's grade, never in it."""
    out: dict[str, list[str]] = {}
    for (dossier_id, checklist_id), rows in data.sections.groupby(["dossier_id", "checklist"], sort=False):
        checklist = data.checklists.get(str(checklist_id))
        if checklist is None:
            continue
        score, grade = section_score(str(dossier_id), rows, checklist)
        out.setdefault(str(dossier_id), []).append(
            TYPE_REPORT_ZH["section_result"].format(title=checklist.title, score=score, grade=grade))
    return {dossier_id: "；".join(texts) for dossier_id, texts in out.items()}
