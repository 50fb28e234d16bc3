"""Load a finished run (OUT folder) back from its contract files, and write one.

The reports layer works only from cases.csv, findings.csv, problems.csv and run.json (output-contract.md),
so scorecards and charts can be re-made at any time, also after reviewer overrides changed the findings.
The checklists run.json names are loaded with the run: each file is looked up, re-scored and graded with the
checklist of its own cases.csv `checklist` (a campaign of several case types has one per type), so a re-scored
or re-graded file follows the same arithmetic as the run (scoring.engine). Rows of findings.csv under another
checklist than their file's are a supplement's section (scoring.model.SectionResult): they are kept apart in
`RunData.sections`, never counted as the file's findings.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Callable
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
    checklists: dict[str, ChecklistRef] = field(default_factory=dict)  # by case type key, several types only
    started_at: datetime | None = None
    finished_at: datetime | None = None
    arguments: dict[str, Any] = field(default_factory=dict)
    review: dict[str, Any] | None = None
    raw: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class RunData:
    """One run's tables as typed DataFrames plus its metadata; `audit` is empty before any review.

    `checklist` is the run's primary checklist, None when run.json names none that can be loaded (documents
    that only quote the run still come out); `checklists` every checklist of the run by id (supplements too).
    Whatever scores or grades a file asks `checklist_of(dossier_id)`; `findings` holds each file's own
    checklist's rows, `sections` the rows of its supplements.
    """

    out_dir: Path
    cases: pd.DataFrame
    findings: pd.DataFrame
    problems: pd.DataFrame
    run: RunMeta
    audit: pd.DataFrame
    fingerprint: str = ""
    checklist: Checklist | None = None
    checklists: dict[str, Checklist] = field(default_factory=dict)
    sections: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=list(FINDING_COLUMNS)))

    def with_tables(self, **tables: Any) -> RunData:
        return replace(self, **tables)

    def scoring_checklist(self) -> Checklist:
        """The run's primary checklist; raises ChecklistError saying why when it cannot be loaded."""
        return self.checklist if self.checklist is not None else load_run_checklist(self.run.checklist)

    def checklist_by_id(self, checklist_id: str) -> Checklist:
        """The run's checklist of that id (a file's cases.csv `checklist`); the primary one for an empty id or
        a run that used one; raises ChecklistError when it cannot be loaded."""
        if checklist_id in self.checklists:
            return self.checklists[checklist_id]
        primary = self.scoring_checklist()
        if not checklist_id or checklist_id == primary.id or not self.run.checklists:
            return primary
        raise ChecklistError([Issue("run.json", 0, "checklist", f"the run names no checklist {checklist_id}")])

    def checklist_of(self, dossier_id: str) -> Checklist:
        """The checklist that scored the file (its cases.csv `checklist`)."""
        ids = self.case_checklist_ids()
        return self.checklist_by_id(ids.get(dossier_id, ""))

    def case_checklist_ids(self) -> dict[str, str]:
        return dict(zip(self.cases["dossier_id"], self.cases["checklist"], strict=False))

    def standards(self) -> list[str]:
        """The checklist ids that scored the run's files, in the order of the run's types (empty: unrouted)."""
        used = [c for c in dict.fromkeys(self.cases["checklist"]) if c]
        order = [ref.id for ref in self.run.checklists.values()]
        return sorted(used, key=lambda c: (order.index(c) if c in order else len(order), used.index(c)))

    @property
    def multi_type(self) -> bool:
        """Whether files of the run were scored against more than one standard (reports group by type then)."""
        return len(self.standards()) > 1

    def standard_label(self, checklist_id: str) -> str:
        """How a reviewer names the standard of a group of files: the case type(s) it scored in this run
        (行政处罚（简易程序）), else — or when another standard of the run would read the same (two standards of
        行政强制) — its title."""
        label = self._type_label(checklist_id)
        if label and not any(self._type_label(other) == label for other in self.standards() if other != checklist_id):
            return label
        return self.standard_title(checklist_id)

    def _type_label(self, checklist_id: str) -> str:
        from ingest.case_type import type_label

        keys = [key for key, ref in self.run.checklists.items() if ref.id == checklist_id]
        return "、".join(type_label(*(key.partition("/")[::2])) for key in keys)

    def standard_title(self, checklist_id: str) -> str:
        """The standard's own title (评查标准 column), else its id."""
        checklist = self.checklists.get(checklist_id)
        return (checklist.title if checklist is not None else "") or checklist_id


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


def _ref(checklist: dict[str, Any] | str) -> ChecklistRef:
    if isinstance(checklist, str):
        checklist = {"id": checklist}
    return ChecklistRef(**{k: str(checklist.get(k) or "") for k in ChecklistRef.__slots__})


def parse_run_json(raw: dict[str, Any]) -> RunMeta:
    """Typed view of run.json; every key may be missing."""
    ref = _ref(raw.get("checklist") or {})
    review = raw.get("review")
    routes = raw.get("checklists") if isinstance(raw.get("checklists"), dict) else {}
    return RunMeta(
        campaign=str(raw.get("campaign") or ""),
        checklist=ref,
        checklists={str(key): _ref(value) for key, value in routes.items() if isinstance(value, dict | str)},
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


def run_checklists(meta: RunMeta, primary: Checklist | None) -> dict[str, Checklist]:
    """Every checklist the run used, by id: run.json `checklists` (one per case type), else its single one;
    each with its supplements. One that cannot be loaded is left out (its files' lookups say why)."""
    loaded = [primary] if primary is not None else []
    loaded += [c for c in map(_checklist_or_none, meta.checklists.values()) if c is not None]
    out: dict[str, Checklist] = {}
    while loaded:
        checklist = loaded.pop(0)
        if checklist.id not in out:
            out[checklist.id] = checklist
            loaded += [s.checklist for s in checklist.supplements]
    return out


def split_sections(cases: pd.DataFrame, findings: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """findings.csv's rows as (each file's own checklist's rows, its supplements' rows): a row whose
    `checklist` is not its file's belongs to a section (a file with no cases.csv row keeps all its rows)."""
    own = findings["dossier_id"].map(dict(zip(cases["dossier_id"], cases["checklist"], strict=False)))
    section = own.notna() & (own != "") & (findings["checklist"] != "") & (findings["checklist"] != own)
    return findings[~section], findings[section]


def joined_findings(data: RunData, findings: pd.DataFrame | None = None) -> pd.DataFrame:
    """findings.csv's rows again: each file's own rows, then its sections' rows, files in cases.csv order."""
    main = data.findings if findings is None else findings
    if data.sections.empty:
        return main
    both = pd.concat([main, data.sections.reindex(columns=main.columns)], ignore_index=True)
    order = {d: i for i, d in enumerate(data.cases["dossier_id"])}
    position = both["dossier_id"].map(order).fillna(len(order))
    return both.iloc[position.argsort(kind="stable")].reset_index(drop=True)


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
    primary = checklist if checklist is not None else _checklist_or_none(meta.checklist)
    findings, sections = split_sections(cases, findings)
    return RunData(
        out_dir=out_dir,
        cases=cases,
        findings=findings,
        sections=sections,
        problems=problems,
        run=meta,
        audit=audit,
        fingerprint=run_fingerprint(out_dir),
        checklist=primary,
        checklists=run_checklists(meta, primary),
    )


ChecklistOf = Callable[[str], Checklist]  # dossier_id -> the checklist that scored it


def per_file(checklist: Checklist | ChecklistOf) -> ChecklistOf:
    """A lookup of each file's checklist: a run's `checklist_of`, or one checklist for every file."""
    return (lambda _dossier_id: checklist) if isinstance(checklist, Checklist) else checklist


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
