"""Reviewer overrides (复核): read the 复核 columns of a scorecard back, apply them, re-score, audit.

Reviewers disagree with the machine often (domain.md); the totals must follow their decisions, every
change must say who and why, and an earlier review must survive a later one. The run the scorecard was
made from is never modified: applying returns new frames (reports/review.py writes them elsewhere).
Edits are checked against the run's checklist and applied as scoring.model.Overrides by scoring's engine
(reports/rescoring.py), the same arithmetic that scored the run.
"""

from __future__ import annotations

import math
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pandas as pd
from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from ingest.errors import PingchaError
from ingest.workbook_rows import Column, Row, read_rows
from reports.glossary import REVIEW_CHOICE_ZH, REVIEW_ERROR_ZH, ROW_KEY_ZH
from reports.loading import (
    AUDIT_FILE_COLUMNS,
    MACHINE_CASE_COLUMNS,
    MACHINE_FINDING_COLUMNS,
    MACHINE_NUMBERS,
    REVIEW_FINDING_COLUMNS,
    ChecklistOf,
    RunData,
    format_cell,
    load_run,
    per_file,
    run_fingerprint,
)
from reports.rescoring import rescore_dossier
from reports.review_integrity import (
    SEAL_KEY,
    audit_head,
    broken_audit_row,
    chain_audit,
    formula_cells,
    invisible_characters,
    meta_seal,
    row_key,
)
from reports.scorecard import DETAILS_SHEET, META_SHEET
from reports.scorecard_types import SECTION_CODE
from scoring.checklist import Checklist, ChecklistError
from scoring.glossary import FINDING_ZH, Status
from scoring.model import Override

CHOICES: dict[str, str] = {label: key for key, label in REVIEW_CHOICE_ZH.items()}  # 改为通过 -> pass
HEADER_KEYS = ("dossier_id", "item_code", "override_status", "override_points", "override_reason", "reviewer")
_DETAIL_COLUMNS = (*(Column(key, (FINDING_ZH[key],), required=True) for key in HEADER_KEYS),
                   Column("row_key", (ROW_KEY_ZH,), required=True))
MAX_PROBLEMS_SHOWN = 30
_TEXT_KEYS = ("override_status", "override_points", "override_reason", "reviewer")  # typed by the reviewer


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
    workbook: str = ""  # the scorecard's file name, when several reviewers' copies are applied together

    @property
    def where(self) -> str:
        return f"{self.sheet}!{self.cell}"

    @property
    def source(self) -> str:
        """Where a reader finds the edit: workbook, sheet and cell."""
        return f"{self.workbook}!{self.where}" if self.workbook else self.where


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def checked_meta(scorecard: Path) -> dict[str, str]:
    """_meta's values, refused when the sheet is missing or its seal does not match its values."""
    meta = read_meta(scorecard)
    if not meta.get("fingerprint"):
        raise OverrideError([(META_SHEET, "", REVIEW_ERROR_ZH["missing_meta"])])
    if meta.get(SEAL_KEY) != meta_seal(meta.items()):
        cell = f"B{list(meta).index(SEAL_KEY) + 1}" if SEAL_KEY in meta else "B1"
        raise OverrideError([(META_SHEET, cell, _err("meta_edited", where=f"{META_SHEET}!{cell}"))])
    return meta


def locate_base(scorecard: Path) -> Path:
    """The run folder a scorecard shows: _meta's out_dir, else the scorecard's own folder, whichever
    still holds exactly the data (same fingerprint) the workbook was made from."""
    meta = checked_meta(scorecard)
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
    """The hidden _meta sheet as a dict (empty when the workbook has none); a file that is no workbook (a
    .docx renamed, a copy cut short) is one OverrideError, not openpyxl's exception."""
    try:
        wb = load_workbook(scorecard, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, EOFError, OSError) as exc:
        raise OverrideError([("", "", _err("not_workbook", value=Path(scorecard).name))]) from exc
    try:
        if META_SHEET not in wb.sheetnames:
            return {}
        return {_text(r[0]): _text(r[1]) for r in wb[META_SHEET].iter_rows(values_only=True) if r and r[0]}
    finally:
        wb.close()


def _err(key: str, **fields: object) -> str:
    return REVIEW_ERROR_ZH[key].format(**fields)


def read_overrides(scorecard: Path, checklist: Checklist | ChecklistOf | None = None,
                   known: Mapping[tuple[str, str], int] | None = None) -> list[ReviewEdit]:
    """Every row of 评查明细 whose 复核结论 asks for a change (维持/empty rows are skipped).

    Rows are matched by their row key (reports/review_integrity.py), so whole rows may be sorted or moved;
    a row whose dossier or item does not fit its key, and a row of the run that is missing, are refused.
    Without `checklist`, the run the scorecard was made from (its _meta) supplies its checklist and the
    known (dossier_id, item_code) pairs with their rows. Raises OverrideError naming the sheet and cell of
    every problem found, not just the first.
    """
    fingerprint = checked_meta(scorecard)["fingerprint"]
    if checklist is None:
        base = load_run(locate_base(scorecard))
        checklist = checked_checklists(base)
        known = known if known is not None else known_pairs(base.findings)
    sheet = read_rows(scorecard, DETAILS_SHEET, _DETAIL_COLUMNS, what=REVIEW_ERROR_ZH["what"],
                      producer="pingcha run", error=_sheet_error, strict=False)
    problems: list[tuple[str, str, str]] = [
        (DETAILS_SHEET, "1", _err("missing_column", where=f"{DETAILS_SHEET}!1", value=column.label))
        for column in sheet.missing]
    if problems:
        raise OverrideError(problems)
    formulas = formula_cells(scorecard, DETAILS_SHEET, list(sheet.columns.values()))
    edits: list[ReviewEdit] = []
    seen: set[tuple[str, str]] = set()
    for row in sheet:
        edit = _read_row(row, per_file(checklist), known, seen, problems, fingerprint, formulas)
        if edit is not None:
            edits.append(edit)
    if known is not None:  # rows of the run not in the sheet; not those whose row shows another problem
        key_column = sheet.columns["dossier_id"]
        flagged = {int("".join(filter(str.isdigit, cell))) for _, cell, _ in problems if cell}
        for (dossier_id, item_code), number in known.items():
            if (dossier_id, item_code) not in seen and number not in flagged:
                where = f"{DETAILS_SHEET}!{_letter(key_column)}{number}"
                problems.append((DETAILS_SHEET, where.split("!")[1],
                                 _err("row_deleted", where=where, dossier=dossier_id, item=item_code)))
    if len(problems) > MAX_PROBLEMS_SHOWN:  # one column sorted alone is a problem on every row
        more = (DETAILS_SHEET, "", _err("more", n=len(problems) - MAX_PROBLEMS_SHOWN))
        problems = [*problems[:MAX_PROBLEMS_SHOWN], more]
    if problems:
        raise OverrideError(problems)
    return edits


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)


def _sheet_error(message: str) -> OverrideError:
    return OverrideError([(DETAILS_SHEET, "", message)])


def _read_row(row: Row, checklist: ChecklistOf, known: Mapping[tuple[str, str], int] | None,
              seen: set[tuple[str, str]], problems: list[tuple[str, str, str]], fingerprint: str,
              formulas: Mapping[tuple[int, int], str]) -> ReviewEdit | None:
    value = row.value

    def problem(key: str, message_key: str, **fields: object) -> None:
        cell = row.cell(key)
        problems.append((DETAILS_SHEET, cell, _err(message_key, where=f"{DETAILS_SHEET}!{cell}", **fields)))

    dossier_id, item_code = _text(value("dossier_id")), _text(value("item_code"))
    if not dossier_id and not item_code:
        return None
    if not _clean_cells(row, problem, formulas):
        return None
    word = _text(value("override_status"))
    raw_points = value("override_points")
    choice = CHOICES.get(word or REVIEW_CHOICE_ZH["keep"])
    if choice is None:
        problem("override_status", "unknown_choice", value=word)
        return None
    if SECTION_CODE in item_code:  # a supplement's row: shown, not reviewed (its file's total leaves it out)
        if choice != "keep":
            problem("override_status", "section_item", item=item_code)
        return None
    if (dossier_id, item_code) in seen:
        problem("item_code", "duplicate", dossier=dossier_id, item=item_code)
        return None
    seen.add((dossier_id, item_code))
    try:
        rule = checklist(dossier_id).find(item_code)
    except ChecklistError:
        rule = None
    if rule is None:
        problem("item_code", "unknown_item", value=item_code)
        return None
    if known is not None and (dossier_id, item_code) not in known:
        problem("dossier_id", "unknown_dossier", value=dossier_id)
        return None
    key = _text(value("row_key"))
    if not key:
        problem("dossier_id", "row_key_missing")
        return None
    if key != row_key(fingerprint, dossier_id, item_code):
        problem("dossier_id", "row_key_mismatch")
        return None
    if choice == "keep":
        if _text(raw_points):
            problem("override_points", "points_without_fail")
        elif not word and (_text(value("override_reason")) or _text(value("reviewer"))):
            problem("override_reason" if _text(value("override_reason")) else "reviewer", "review_without_choice")
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
            except (TypeError, ValueError):
                problem("override_points", "not_number", value=_text(raw_points))
                return None
            if not math.isfinite(points):
                problem("override_points", "not_finite", value=_text(raw_points))
                return None
            if points < 0:
                problem("override_points", "negative", value=_text(raw_points))
                return None
            if points > rule.cap:
                problem("override_points", "over_cap", value=f"{points:g}", cap=f"{rule.cap:g}")
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
                      DETAILS_SHEET, row.cell("override_status"))


def _clean_cells(row: Row, problem, formulas: Mapping[tuple[int, int], str]) -> bool:
    """Whether the row's cells hold what a reviewer can see: no formula without a computed value, no
    invisible characters in the reviewer's cells. Each other case is one problem naming its cell."""
    clean = True
    for key, index in row.columns.items():
        formula = formulas.get((row.number, index))
        if formula is not None and _text(row.value(key)) == "":
            problem(key, "formula_no_value", value=formula)
            clean = False
    for key in _TEXT_KEYS:
        raw = row.value(key)
        hidden = invisible_characters(raw) if isinstance(raw, str) else []
        if hidden:
            problem(key, "invisible", column=FINDING_ZH[key], value="、".join(hidden))
            clean = False
    return clean


def check_audit_chain(run: RunData) -> None:
    """Refuse a run whose audit.csv rows do not chain, or whose last row is not the one run.json recorded
    (an earlier review round was edited)."""
    head = (run.run.review or {}).get("audit_head")
    broken = broken_audit_row(run.audit, AUDIT_FILE_COLUMNS, head if isinstance(head, str) else None)
    if broken is not None:
        where = f"audit.csv!{broken + 2}"
        raise OverrideError([("audit.csv", str(broken + 2), _err("audit_broken", where=where))])


def checked_checklists(run: RunData) -> ChecklistOf:
    """The run's lookup of each file's checklist, once every checklist that scored a file loads; raises
    ChecklistError saying why otherwise (a review is never scored by a guess)."""
    run.scoring_checklist()
    for checklist_id in run.standards():
        run.checklist_by_id(checklist_id)
    return run.checklist_of


def apply_overrides_to_run(run: RunData, edits: list[ReviewEdit], checklist: Checklist | ChecklistOf,
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
    cases = run.cases.copy()
    for frame, columns in ((findings, MACHINE_FINDING_COLUMNS), (cases, MACHINE_CASE_COLUMNS)):
        for col in columns:
            if col not in frame.columns:
                frame[col] = float("nan") if col in MACHINE_NUMBERS else ""
    index = {(d, c): i for i, (d, c) in enumerate(zip(findings["dossier_id"], findings["item_code"], strict=True))}
    changes: list[tuple[ReviewEdit, object, str, float]] = []  # edit, findings row label, old status and points
    overrides: dict[str, dict[str, Override]] = {}  # dossier_id -> item_code -> the reviewer's decision
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
        changes.append((edit, label, old_status, old_points))
        overrides.setdefault(edit.dossier_id, {})[edit.item_code] = Override(
            status=edit.status, points=edit.points, reason=edit.reason, reviewer=edit.reviewer, at=at, veto=edit.veto)
    for dossier_id, decisions in overrides.items():
        rescore_dossier(cases, findings, dossier_id, decisions, per_file(checklist)(dossier_id))
    audit_rows = [{
        "time": at.isoformat(timespec="seconds"), "reviewer": edit.reviewer, "dossier_id": edit.dossier_id,
        "item_code": edit.item_code, "old_status": old_status, "new_status": str(findings.at[label, "status"]),
        "old_points": format_cell(old_points), "new_points": format_cell(float(findings.at[label, "points_deducted"])),
        "reason": edit.reason,
        "source": edit.source if edit.workbook else f"{source}!{edit.where}" if source else edit.where,
    } for edit, label, old_status, old_points in changes]
    new_audit = pd.DataFrame(audit_rows, columns=list(AUDIT_FILE_COLUMNS), dtype=str).fillna("")
    earlier = run.audit.reindex(columns=list(AUDIT_FILE_COLUMNS), fill_value="")
    audit = pd.concat([earlier, new_audit], ignore_index=True) if len(earlier) else new_audit
    audit = chain_audit(audit, AUDIT_FILE_COLUMNS, first_new=len(earlier))
    return run.with_tables(cases=cases, findings=findings, audit=audit)


def chain_head(run: RunData) -> str:
    """What run.json records as `review.audit_head` for a reviewed run's audit.csv."""
    return audit_head(run.audit, AUDIT_FILE_COLUMNS)


def known_pairs(findings: pd.DataFrame) -> dict[tuple[str, str], int]:
    """(dossier_id, item_code) -> its row in 评查明细 as written (findings order, below the header)."""
    return {pair: number for number, pair in
            enumerate(zip(findings["dossier_id"], findings["item_code"], strict=True), start=2)}


def scorecard_source(scorecard: Path) -> str:
    return Path(scorecard).name
