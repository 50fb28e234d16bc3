"""Reviewer overrides (复核): read the 复核 columns of a scorecard back, apply them, re-score, audit.

Reviewers disagree with the machine often (domain.md); the totals must follow their decisions, every
change must say who and why, and an earlier review must survive a later one. The run the scorecard was
made from is never modified: applying returns new frames (reports/review.py writes them elsewhere).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pandas as pd
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from ingest.errors import PingchaError
from ingest.glossary import FINDING_ZH, REVIEW_CHOICE_ZH, REVIEW_ERROR_ZH, Status
from reports.loading import (
    AUDIT_COLUMNS,
    REVIEW_FINDING_COLUMNS,
    RunData,
    format_cell,
    load_run,
    run_fingerprint,
)
from reports.rules import ChecklistRules, grade_for, resolve_rules
from reports.scorecard import DETAILS_SHEET, META_SHEET

CHOICES: dict[str, str] = {label: key for key, label in REVIEW_CHOICE_ZH.items()}  # 改为通过 -> pass
HEADER_KEYS = ("dossier_id", "item_code", "override_status", "override_points", "override_reason", "reviewer")


class OverrideError(PingchaError):
    """The 复核 columns cannot be applied; `problems` lists every (sheet, cell, message)."""

    def __init__(self, problems: list[tuple[str, str, str]]) -> None:
        self.problems = problems
        super().__init__("\n".join(message for _, _, message in problems))


@dataclass(frozen=True, slots=True)
class ReviewEdit:
    """One reviewer decision read from a scorecard row."""

    dossier_id: str
    item_code: str
    status: Status
    points: float
    veto: bool
    reason: str
    reviewer: str
    choice: str  # the drop-down word, e.g. 改为扣分
    sheet: str
    cell: str  # the 复核结论 cell, e.g. L12

    @property
    def where(self) -> str:
        return f"{self.sheet}!{self.cell}"


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def locate_base(scorecard: Path) -> Path:
    """The run folder a scorecard shows: _meta's out_dir, else the scorecard's own folder, whichever
    still holds exactly the data (same fingerprint) the workbook was made from."""
    meta = read_meta(scorecard)
    if not meta.get("fingerprint"):
        raise OverrideError([(META_SHEET, "", REVIEW_ERROR_ZH["missing_meta"])])
    candidates = [Path(meta["out_dir"])] if meta.get("out_dir") else []
    candidates.append(Path(scorecard).resolve().parent)
    existing = [c for c in candidates if (c / "findings.csv").exists()]
    for candidate in existing:
        if run_fingerprint(candidate) == meta["fingerprint"]:
            return candidate
    key = "base_changed" if existing else "base_not_found"
    shown = existing[0] if existing else (candidates[0])
    raise OverrideError([(META_SHEET, "B3", _err(key, value=shown))])


def read_meta(scorecard: Path) -> dict[str, str]:
    """The hidden _meta sheet as a dict (empty when the workbook has none)."""
    wb = load_workbook(scorecard, read_only=True, data_only=True)
    try:
        if META_SHEET not in wb.sheetnames:
            return {}
        return {_text(r[0]): _text(r[1]) for r in wb[META_SHEET].iter_rows(values_only=True) if r and r[0]}
    finally:
        wb.close()


def _err(key: str, **fields: object) -> str:
    return REVIEW_ERROR_ZH[key].format(**fields)


def read_overrides(scorecard: Path, rules: ChecklistRules | None = None,
                   known: set[tuple[str, str]] | None = None) -> list[ReviewEdit]:
    """Every row of 评查明细 whose 复核结论 asks for a change (维持/empty rows are skipped).

    Without `rules`, the run the scorecard was made from (its _meta) supplies the checklist's items and
    the known (dossier_id, item_code) pairs. Raises OverrideError naming the sheet and cell of every
    problem found, not just the first.
    """
    if rules is None:
        base = load_run(locate_base(scorecard))
        rules = resolve_rules(base.run.checklist.id, base.run.checklist.path, base.findings)
        known = known if known is not None else known_pairs(base.findings)
    wb = load_workbook(scorecard, read_only=True, data_only=True)
    try:
        if DETAILS_SHEET not in wb.sheetnames:
            raise OverrideError([(DETAILS_SHEET, "", _err("missing_sheet", sheet=DETAILS_SHEET))])
        rows = wb[DETAILS_SHEET].iter_rows(values_only=True)
        header = [_text(v) for v in next(rows, ())]
        columns: dict[str, int] = {}
        problems: list[tuple[str, str, str]] = []
        for key in HEADER_KEYS:
            label = FINDING_ZH[key]
            if label in header:
                columns[key] = header.index(label)
            else:
                problems.append((DETAILS_SHEET, "1", _err("missing_column", where=f"{DETAILS_SHEET}!1",
                                                          value=label)))
        if problems:
            raise OverrideError(problems)
        edits: list[ReviewEdit] = []
        seen: set[tuple[str, str]] = set()
        for row_no, row in enumerate(rows, start=2):
            edit = _read_row(row_no, row, columns, rules, known, seen, problems)
            if edit is not None:
                edits.append(edit)
    finally:
        wb.close()
    if problems:
        raise OverrideError(problems)
    return edits


def _cell(key: str, columns: dict[str, int], row_no: int) -> str:
    return f"{get_column_letter(columns[key] + 1)}{row_no}"


def _read_row(row_no: int, row: tuple, columns: dict[str, int], rules: ChecklistRules,
              known: set[tuple[str, str]] | None, seen: set[tuple[str, str]],
              problems: list[tuple[str, str, str]]) -> ReviewEdit | None:
    def value(key: str) -> object:
        index = columns[key]
        return row[index] if index < len(row) else None

    def problem(key: str, message_key: str, **fields: object) -> None:
        cell = _cell(key, columns, row_no)
        problems.append((DETAILS_SHEET, cell, _err(message_key, where=f"{DETAILS_SHEET}!{cell}", **fields)))

    dossier_id, item_code = _text(value("dossier_id")), _text(value("item_code"))
    if not dossier_id and not item_code:
        return None
    word = _text(value("override_status"))
    raw_points = value("override_points")
    choice = CHOICES.get(word or REVIEW_CHOICE_ZH["keep"])
    if choice is None:
        problem("override_status", "unknown_choice", value=word)
        return None
    if (dossier_id, item_code) in seen:
        problem("item_code", "duplicate", dossier=dossier_id, item=item_code)
        return None
    seen.add((dossier_id, item_code))
    if choice == "keep":
        if _text(raw_points):
            problem("override_points", "points_without_fail")
        return None
    rule = rules.items.get(item_code)
    if rule is None:
        problem("item_code", "unknown_item", value=item_code)
        return None
    if known is not None and (dossier_id, item_code) not in known:
        problem("dossier_id", "unknown_dossier", value=dossier_id)
        return None
    points = 0.0
    if _text(raw_points) and choice != "fail":
        problem("override_points", "points_without_fail")
        return None
    if choice == "fail":
        if rule.veto:
            problem("override_status", "veto_item_points", item=item_code)
            return None
        points = rule.points
        if _text(raw_points):
            try:
                points = float(raw_points) if not isinstance(raw_points, str) else float(raw_points.strip())
            except ValueError:
                problem("override_points", "not_number", value=_text(raw_points))
                return None
            if points < 0:
                problem("override_points", "negative", value=_text(raw_points))
                return None
            cap = rule.cap if rule.cap is not None else None
            if cap is not None and points > cap:
                problem("override_points", "over_cap", value=f"{points:g}", cap=f"{cap:g}")
                return None
    if choice == "veto" and not rule.veto:
        problem("override_status", "veto_not_allowed", item=item_code)
        return None
    reason, reviewer = _text(value("override_reason")), _text(value("reviewer"))
    if not reason:
        problem("override_reason", "no_reason")
    if not reviewer:
        problem("reviewer", "no_reviewer")
    if not reason or not reviewer:
        return None
    status = Status.FAIL if choice in ("fail", "veto") else Status(choice)
    return ReviewEdit(dossier_id, item_code, status, points, choice == "veto", reason, reviewer, word,
                      DETAILS_SHEET, _cell("override_status", columns, row_no))


def score_dossier(findings: pd.DataFrame, rules: ChecklistRules) -> tuple[float, float, bool]:
    """(raw score, total score, vetoed) of one dossier's findings (checklist-penalty-general.md).

    Each item's deduction stops at its cap, a category's at its points, the total at zero; a failed veto
    item makes the total 0 and keeps the raw score. The fallback for runs whose checklist cannot be loaded;
    otherwise scoring.engine.rescore totals the file (see _rescore_with_engine).
    """
    failed = findings[findings["status"] == Status.FAIL.value]
    vetoed = bool(failed["veto"].any())
    by_category: dict[str, float] = {}
    for rec in failed.itertuples(index=False):
        rule = rules.items.get(rec.item_code)
        points = float(rec.points_deducted)
        if rule is not None and rule.cap is not None:
            points = min(points, rule.cap)
        by_category[rec.category] = by_category.get(rec.category, 0.0) + points
    deducted = sum(min(total, rules.category_max.get(cat, total)) for cat, total in by_category.items())
    raw = max(0.0, rules.max_score - deducted)
    return raw, 0.0 if vetoed else raw, vetoed


def _rescore_with_engine(case: pd.Series, findings: pd.DataFrame, rules: ChecklistRules) -> tuple | None:
    """Re-total through scoring.engine.rescore when the run's checklist is loaded (same arithmetic as the
    run itself, and it also recomputes needs_review: an `unknown` item a reviewer decided no longer
    flags the file). None when the engine or the checklist is unavailable."""
    if rules.checklist is None:
        return None
    try:
        from scoring.engine import rescore
        from scoring.model import CaseResult, Finding
    except ImportError:
        return None
    items = [
        Finding(dossier_id=str(f.dossier_id), item_code=str(f.item_code), item_name=str(f.item_name),
                category=str(f.category), status=Status(f.status), points_deducted=float(f.points_deducted),
                veto=bool(f.veto), message=str(f.message))
        for f in findings.itertuples(index=False)
    ]
    reasons = [r for r in str(case["review_reasons"]).split(";") if r]
    result = CaseResult(dossier_id=str(case["dossier_id"]), unit=str(case["unit"]),
                        checklist_id=str(case["checklist"]), elements=None, findings=items,
                        raw_score=0.0, total_score=0.0, grade="", vetoed=False,
                        needs_review=bool(case["needs_review"]), review_reasons=reasons)
    new = rescore(result, {}, rules.checklist)
    return (new.raw_score, new.total_score, new.vetoed, new.grade, new.needs_review,
            ";".join(new.review_reasons))


def apply_overrides_to_run(run: RunData, edits: list[ReviewEdit], rules: ChecklistRules,
                           at: datetime | None = None, source: str = "") -> RunData:
    """New findings (reviewer's status, auto_status kept), re-scored cases and audit rows appended.

    An edit that leaves an item as it is (e.g. an earlier override shown again) changes nothing and is
    not audited; an item overridden before keeps its first automatic status in `auto_status`.
    """
    at = at or datetime.now().astimezone()
    findings = run.findings.copy()
    for col in REVIEW_FINDING_COLUMNS:
        if col not in findings.columns:
            findings[col] = ""
        findings[col] = findings[col].astype(str)
    index = {(d, c): i for i, (d, c) in enumerate(zip(findings["dossier_id"], findings["item_code"], strict=True))}
    audit_rows: list[dict[str, str]] = []
    changed: set[str] = set()
    for edit in edits:
        pos = index.get((edit.dossier_id, edit.item_code))
        if pos is None:
            raise OverrideError([(edit.sheet, edit.cell, _err("unknown_dossier", where=edit.where,
                                                              value=edit.dossier_id))])
        label = findings.index[pos]
        old_status = str(findings.at[label, "status"])
        old_points = float(findings.at[label, "points_deducted"])
        old_veto = bool(findings.at[label, "veto"])
        if (old_status, old_points, old_veto) == (edit.status.value, edit.points, edit.veto):
            continue
        if not findings.at[label, "auto_status"]:
            findings.at[label, "auto_status"] = old_status
        findings.at[label, "status"] = edit.status.value
        findings.at[label, "points_deducted"] = edit.points
        findings.at[label, "veto"] = edit.veto
        findings.at[label, "override_reason"] = edit.reason
        findings.at[label, "reviewer"] = edit.reviewer
        changed.add(edit.dossier_id)
        audit_rows.append({
            "time": at.isoformat(timespec="seconds"), "reviewer": edit.reviewer, "dossier_id": edit.dossier_id,
            "item_code": edit.item_code, "old_status": old_status, "new_status": edit.status.value,
            "old_points": format_cell(old_points), "new_points": format_cell(edit.points), "reason": edit.reason,
            "source": f"{source}!{edit.where}" if source else edit.where,
        })
    cases = run.cases.copy()
    for dossier_id in changed:
        rows = cases.index[cases["dossier_id"] == dossier_id]
        own = findings[findings["dossier_id"] == dossier_id]
        rescored = _rescore_with_engine(cases.loc[rows[0]], own, rules) if len(rows) else None
        if rescored is None:
            raw, total, vetoed = score_dossier(own, rules)
            rescored = (raw, total, vetoed, grade_for(total, vetoed, rules), None, None)
        raw, total, vetoed, grade, needs_review, reasons = rescored
        cases.loc[rows, ["raw_score", "total_score"]] = [raw, total]
        cases.loc[rows, "vetoed"] = vetoed
        cases.loc[rows, "grade"] = grade
        if needs_review is not None:
            cases.loc[rows, "needs_review"] = needs_review
            cases.loc[rows, "review_reasons"] = reasons
    new_audit = pd.DataFrame(audit_rows, columns=list(AUDIT_COLUMNS), dtype=str)
    audit = pd.concat([run.audit, new_audit], ignore_index=True) if len(run.audit) else new_audit
    return run.with_tables(cases=cases, findings=findings, audit=audit)


def known_pairs(findings: pd.DataFrame) -> set[tuple[str, str]]:
    return set(zip(findings["dossier_id"], findings["item_code"], strict=True))


def scorecard_source(scorecard: Path) -> str:
    return Path(scorecard).name
