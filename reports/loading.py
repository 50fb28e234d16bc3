"""Load a finished run (OUT folder) back from its contract files, and write one.

The reports layer works only from cases.csv, findings.csv, problems.csv and run.json (output-contract.md),
so scorecards and charts can be re-made at any time, also after reviewer overrides changed the findings.
The checklist run.json names is loaded with the run: its items, caps and grade bands are the only ones the
reports use, so a re-scored or re-graded file follows the same arithmetic as the run (scoring.engine).
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

import pandas as pd

from reports.contract_csv import (
    CASES_COLUMNS,
    ESCAPE,
    FINDINGS_COLUMNS,
    PROBLEMS_COLUMNS,
    escape_cell,
    fmt_number,
)
from scoring.checklist import Checklist, ChecklistError, Issue, load_checklist

# The contract's columns are defined once, by the writer (reports/contract_csv.py).
CASE_COLUMNS = CASES_COLUMNS
FINDING_COLUMNS = FINDINGS_COLUMNS
PROBLEM_COLUMNS = PROBLEMS_COLUMNS
# Added at the end of findings.csv by `pingcha review apply` (output-contract.md: add columns at the end).
REVIEW_FINDING_COLUMNS: tuple[str, ...] = ("auto_status", "override_reason", "reviewer")
# The machine's verdict beside the reviewer's, also added at the end by `review apply` and carried through later
# rounds: the item's automatic points (findings.csv) and the file's automatic total and grade (cases.csv), so
# the reviewed scorecard shows both. Not history store columns (kept there with the other extra columns).
MACHINE_FINDING_COLUMNS: tuple[str, ...] = ("auto_points",)
MACHINE_CASE_COLUMNS: tuple[str, ...] = ("auto_total_score", "auto_grade")
MACHINE_NUMBERS = ("auto_points", "auto_total_score")
PROBLEM_COLUMNS: tuple[str, ...] = ("dossier_id", "source_file", "kind", "message")
AUDIT_COLUMNS: tuple[str, ...] = (
    "time", "reviewer", "dossier_id", "item_code", "old_status", "new_status", "old_points", "new_points",
    "reason", "source",
)  # fmt: skip
# audit.csv's last column: each row carries the hash of the row before it (reports/review_integrity.py).
AUDIT_CHAIN_COLUMN = "prev_hash"
AUDIT_FILE_COLUMNS: tuple[str, ...] = (*AUDIT_COLUMNS, AUDIT_CHAIN_COLUMN)

CASE_DATES = (
    "violation_date", "source_date", "filing_date", "notice_date", "notice_served_date", "hearing_date",
    "decision_date", "delivery_date",
)  # fmt: skip
CASE_NUMBERS = ("fine_amount", "notice_fine_amount", "raw_score", "total_score")
CASE_BOOLS = ("vetoed", "needs_review")
FINDING_NUMBERS = ("points_deducted",)
FINDING_BOOLS = ("veto",)

# The files whose bytes make a run's fingerprint: the scorecard's _meta records it, so overrides are
# only ever applied to the data the reviewer actually saw. Not run.json: the run rewrites it after the
# scorecard is made (reports, publication, timings), which would make every fresh scorecard look stale.
# audit.csv (a reviewed run's) counts when present, so the earlier review rounds are covered too.
FINGERPRINT_FILES = ("cases.csv", "findings.csv", "problems.csv")
FINGERPRINT_IF_PRESENT = ("audit.csv",)


@dataclass(frozen=True, slots=True)
class ChecklistRef:
    """Which review standard scored the run (run.json `checklist`)."""

    id: str = ""
    version: str = ""
    content_hash: str = ""
    title: str = ""
    path: str = ""


@dataclass(frozen=True, slots=True)
class RunMeta:
    """run.json, with the keys the reports use typed and the whole document kept in `raw`."""

    campaign: str = ""
    checklist: ChecklistRef = ChecklistRef()
    started_at: datetime | None = None
    finished_at: datetime | None = None
    arguments: dict[str, Any] = field(default_factory=dict)
    review: dict[str, Any] | None = None
    raw: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class RunData:
    """One run's tables as typed DataFrames plus its metadata; `audit` is empty before any review.

    `checklist` is the run's checklist, None when run.json names none that can be loaded (documents that
    only quote the run still come out); whatever scores or grades asks `scoring_checklist()`.
    """

    out_dir: Path
    cases: pd.DataFrame
    findings: pd.DataFrame
    problems: pd.DataFrame
    run: RunMeta
    audit: pd.DataFrame
    fingerprint: str = ""
    checklist: Checklist | None = None

    def with_tables(self, **tables: Any) -> RunData:
        return replace(self, **tables)

    def scoring_checklist(self) -> Checklist:
        """The run's checklist; raises ChecklistError saying why when it cannot be loaded."""
        return self.checklist if self.checklist is not None else load_run_checklist(self.run.checklist)


def _read_csv(path: Path, columns: tuple[str, ...]) -> pd.DataFrame:
    """All cells as strings ('' for empty), unescaped (reports.contract_csv.escape_cell); missing contract
    columns are added empty."""
    if path.exists() and path.stat().st_size > 0:
        df = pd.read_csv(path, dtype=str, keep_default_na=False, na_filter=False, encoding="utf-8-sig")
        for col in df.columns:
            escaped = df[col].str.startswith(ESCAPE)
            if escaped.any():
                df[col] = df[col].where(~escaped, df[col].str[1:])
    else:
        df = pd.DataFrame(columns=list(columns), dtype=str)
    for col in columns:
        if col not in df.columns:
            df[col] = ""
    ordered = list(columns) + [c for c in df.columns if c not in columns]
    return df[ordered].astype(str)


def _to_bool(series: pd.Series) -> pd.Series:
    return series.str.strip().str.lower().isin(("true", "1", "yes")).astype(bool)


def _to_number(series: pd.Series) -> pd.Series:
    return pd.to_numeric(series.str.strip().replace("", None), errors="coerce").astype("float64")


def _parse_time(value: Any) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def parse_run_json(raw: dict[str, Any]) -> RunMeta:
    """Typed view of run.json; every key may be missing."""
    checklist = raw.get("checklist") or {}
    if isinstance(checklist, str):
        checklist = {"id": checklist}
    ref = ChecklistRef(**{k: str(checklist.get(k) or "") for k in ChecklistRef.__slots__})
    review = raw.get("review")
    return RunMeta(
        campaign=str(raw.get("campaign") or ""),
        checklist=ref,
        started_at=_parse_time(raw.get("started_at")),
        finished_at=_parse_time(raw.get("finished_at")),
        arguments=dict(raw.get("arguments") or {}),
        review=review if isinstance(review, dict) else None,
        raw=raw,
    )


def load_run_checklist(ref: ChecklistRef) -> Checklist:
    """The checklist that scored a run: run.json's path (the very file), else the bundled one of its id.

    Raises ChecklistError (the last reason) when neither loads, or when run.json names no checklist."""
    error = ChecklistError([Issue("run.json", 0, "checklist", "the run names no checklist")])
    for source in (ref.path, ref.id):
        if not source:
            continue
        try:
            return load_checklist(source)
        except (ChecklistError, OSError) as exc:
            error = exc if isinstance(exc, ChecklistError) else ChecklistError(
                [Issue(source, 0, "checklist", str(exc))])
    raise error


def _checklist_or_none(ref: ChecklistRef) -> Checklist | None:
    try:
        return load_run_checklist(ref)
    except ChecklistError:
        return None


def run_fingerprint(out_dir: Path) -> str:
    """sha256 over the contract files' names and bytes (absent files count as empty; audit.csv only when
    present, so an unreviewed run's fingerprint does not depend on it)."""
    digest = hashlib.sha256()
    present = [name for name in FINGERPRINT_IF_PRESENT if (out_dir / name).exists()]
    for name in (*FINGERPRINT_FILES, *present):
        path = out_dir / name
        digest.update(name.encode() + b"\0")
        digest.update(path.read_bytes() if path.exists() else b"")
        digest.update(b"\0")
    return digest.hexdigest()


def load_run(out_dir: Path, checklist: Checklist | None = None) -> RunData:
    """Read OUT's contract files into typed frames (numbers float64, booleans bool, dates datetime64).

    `checklist` is the run's checklist when the caller has it loaded already, else run.json's is loaded."""
    out_dir = Path(out_dir)
    cases = _read_csv(out_dir / "cases.csv", CASE_COLUMNS)
    for col in (*CASE_NUMBERS, *(c for c in MACHINE_NUMBERS if c in cases.columns)):
        cases[col] = _to_number(cases[col])
    for col in CASE_BOOLS:
        cases[col] = _to_bool(cases[col])
    for col in CASE_DATES:
        cases[col] = pd.to_datetime(cases[col].replace("", None), format="%Y-%m-%d", errors="coerce")
    findings = _read_csv(out_dir / "findings.csv", FINDING_COLUMNS)
    for col in FINDING_NUMBERS:
        findings[col] = _to_number(findings[col]).fillna(0.0)
    for col in (c for c in MACHINE_NUMBERS if c in findings.columns):  # empty where no reviewer changed it
        findings[col] = _to_number(findings[col])
    for col in FINDING_BOOLS:
        findings[col] = _to_bool(findings[col])
    problems = _read_csv(out_dir / "problems.csv", PROBLEM_COLUMNS)
    audit = _read_csv(out_dir / "audit.csv", AUDIT_FILE_COLUMNS)
    run_path = out_dir / "run.json"
    raw = json.loads(run_path.read_text(encoding="utf-8-sig")) if run_path.exists() else {}
    meta = parse_run_json(raw if isinstance(raw, dict) else {})
    return RunData(
        out_dir=out_dir,
        cases=cases,
        findings=findings,
        problems=problems,
        run=meta,
        audit=audit,
        fingerprint=run_fingerprint(out_dir),
        checklist=checklist if checklist is not None else _checklist_or_none(meta.checklist),
    )


def format_cell(value: Any) -> str:
    """A value as the contract writes it: '' for unknown, true/false, YYYY-MM-DD, 50000 / 545.5."""
    if value is None or value is pd.NaT:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, pd.Timestamp | datetime):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, float):
        return "" if math.isnan(value) else fmt_number(value)
    if hasattr(value, "item"):  # numpy scalars
        return format_cell(value.item())
    return str(value)


def write_contract_csv(df: pd.DataFrame, path: Path) -> None:
    """Write a frame as the contract's CSV: UTF-8 with BOM, formatted cells escaped against formulas, one
    header row."""
    text = df.astype(object).map(lambda value: escape_cell(format_cell(value))) if len(df) else df.astype(str)
    text.to_csv(path, index=False, encoding="utf-8-sig", lineterminator="\n")
