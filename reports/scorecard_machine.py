"""The machine's verdict beside the reviewer's on a reviewed scorecard (评查明细, unit sheets, 汇总).

After `review apply` the scorecard's 评查结论/扣分 and 得分/等次 are the reviewers'; a reader who signs it must
still see what the program concluded, item by item and file by file, to judge the review itself. The
machine's values are the ones `review apply` kept (auto_status, auto_points in findings.csv; auto_total_score,
auto_grade in cases.csv). A scorecard of a run never reviewed has none of these columns.
"""

from __future__ import annotations

import pandas as pd

from reports.glossary import REPORT_ZH
from reports.loading import RunData
from reports.summary import status_label
from reports.xlsx import BOLD, put, write_header
from scoring.glossary import FINDING_ZH, TERMS_ZH, Status

JOIN = "、"  # reviewers' names, as review_merge joins them

# 评查明细: inserted before the 复核 columns. Unit sheets: after 等次.
DETAIL_MACHINE_COLUMNS: tuple[tuple[str, float], ...] = (("auto_status", 12), ("auto_points", 9))
UNIT_MACHINE_COLUMNS: tuple[tuple[str, float], ...] = (("auto_total_score", 10), ("auto_grade", 10))
MACHINE_LABELS = {key: REPORT_ZH[key] for key, _ in (*DETAIL_MACHINE_COLUMNS, *UNIT_MACHINE_COLUMNS)}


def is_reviewed(data: RunData) -> bool:
    """The run is the output of `review apply` (its findings keep the machine's statuses)."""
    return "auto_status" in data.findings.columns


def _number(value: object) -> float | None:
    return None if value is None or value == "" or pd.isna(value) else float(value)


def veto_items(data: RunData) -> set[tuple[str, str]]:
    """(checklist id, code) of every veto item of the run's checklists (a failed one is the engine's 否决)."""
    return {(c.id, item.code) for c in data.checklists.values() for item in c.items if item.veto}


def machine_item(row, vetoes: set[tuple[str, str]]) -> list:
    """[自动评查结论, 自动评查扣分] of one findings row; empty for an item no reviewer changed. A failed veto
    item (`vetoes`: veto_items) reads 否决, as the engine decides it."""
    auto_status = str(getattr(row, "auto_status", "") or "")
    if not auto_status:
        return [None, None]
    veto = auto_status == Status.FAIL.value and (str(row.checklist), str(row.item_code)) in vetoes
    return [status_label(auto_status, veto), _number(getattr(row, "auto_points", None))]


def machine_case(row, changed: set[str]) -> list:
    """[自动评查得分, 自动评查等次] of one cases row; empty for a file not in `changed` (reviewed_dossiers)."""
    if str(row.dossier_id) not in changed:
        return [None, None]
    return [_number(getattr(row, "auto_total_score", None)), str(getattr(row, "auto_grade", "") or "")]


def reviewed_dossiers(data: RunData) -> set[str]:
    """The files with at least one item a reviewer changed (in this round or an earlier one)."""
    if not is_reviewed(data):
        return set()
    findings = data.findings
    return set(findings.loc[findings["auto_status"].astype(str) != "", "dossier_id"].astype(str))


def write_review_changes(ws, data: RunData, changed: set[str], row: int) -> int:
    """汇总's table of the files reviewers changed (`changed`), from `row` (its header): the machine's and the
    reviewed score and grade side by side, a changed grade in bold; returns the last row written."""
    write_header(ws, row, [FINDING_ZH["dossier_id"], TERMS_ZH["unit"], REPORT_ZH["auto_total_score"],
                           REPORT_ZH["auto_grade"], REPORT_ZH["reviewed_total"], REPORT_ZH["reviewed_grade"],
                           FINDING_ZH["reviewer"]])
    cases = data.cases[data.cases["dossier_id"].astype(str).isin(changed)].sort_values("dossier_id", kind="stable")
    overridden = data.findings[data.findings["auto_status"].astype(str) != ""]
    names = overridden.groupby("dossier_id")["reviewer"].agg(
        lambda col: JOIN.join(dict.fromkeys(n for text in col.astype(str) for n in text.split(JOIN) if n)))
    for rec in cases.itertuples(index=False):
        row += 1
        machine = machine_case(rec, changed)
        values = [rec.dossier_id, rec.unit, *machine, _number(rec.total_score), rec.grade,
                  names.get(rec.dossier_id, "")]
        for col, value in enumerate(values, start=1):
            put(ws, row, col, value)
        if machine[1] != rec.grade:
            put(ws, row, 6, rec.grade).font = BOLD
    return row
