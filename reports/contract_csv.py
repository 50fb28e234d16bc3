"""The CSV files of output-contract.md: cases.csv, findings.csv, problems.csv.

Other programs read these files, so columns and formats are fixed here and nowhere else: UTF-8 with a
BOM, one header row, dates as YYYY-MM-DD, empty cell for unknown, booleans as true/false. Rows are
streamed (one dossier at a time) so a campaign's memory stays flat however many dossiers it has.

Text comes from the units' files, and a spreadsheet opening a CSV runs a cell starting with = + - @ (or a
tab or carriage return before one) as a formula: every CSV pingcha writes escapes such a cell with a
leading apostrophe (OWASP, "CSV injection"), and a cell starting with an apostrophe gets one more, so
`unescape_cell` gives back exactly what was written. Numbers pingcha writes (-0.5) stay numbers.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import IO

from ingest.model import Found, Problem
from scoring.model import CaseResult, Finding

CASES_COLUMNS: tuple[str, ...] = (
    "dossier_id", "unit", "case_type", "procedure", "case_no", "agency", "party_name", "party_kind",
    "party_id", "violation_date", "source_date", "filing_date", "notice_no", "notice_date",
    "notice_served_date", "hearing_date", "decision_date", "delivery_date", "fine_amount",
    "notice_fine_amount", "officers", "officer_cert_nos", "checklist", "raw_score", "total_score",
    "grade", "vetoed", "needs_review", "review_reasons",
    # contract 3: 行政许可 elements (empty for other case types)
    "application_date", "correction_notice_date", "acceptance_date", "license_decision", "extension_approved",
    "excluded_days", "certificate_delivery_date", "publication_date",
)  # fmt: skip

FINDINGS_COLUMNS: tuple[str, ...] = (
    "dossier_id", "checklist", "item_code", "item_name", "category", "status", "points_deducted",
    "veto", "message", "source_file", "page", "quote",
)  # fmt: skip

PROBLEMS_COLUMNS: tuple[str, ...] = ("dossier_id", "source_file", "kind", "message")

CSV_ENCODING = "utf-8-sig"  # the BOM makes Excel open the files as UTF-8
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")  # OWASP CSV injection: a cell a spreadsheet may run
ESCAPE = "'"
_PLAIN_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


def escape_cell(text: str) -> str:
    """A CSV cell no spreadsheet runs: a leading apostrophe before = + - @ tab CR (and before an apostrophe,
    so unescaping is exact); plain numbers as they are."""
    if text and text.startswith((*FORMULA_TRIGGERS, ESCAPE)) and not _PLAIN_NUMBER.fullmatch(text):
        return ESCAPE + text
    return text


def unescape_cell(text: str) -> str:
    """The value `escape_cell` was given."""
    return text[1:] if text.startswith(ESCAPE) else text


def escape_row(row: Iterable[str]) -> list[str]:
    return [escape_cell(cell) for cell in row]


def fmt_bool(value: bool) -> str:
    return "true" if value else "false"


def fmt_number(value: float | Decimal | int | None) -> str:
    """Plain number without a trailing '.0': 50000, 545.5, 87.5."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        text = format(value.normalize(), "f")
    else:
        text = f"{float(value):.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def fmt_date(value: date | None) -> str:
    return value.isoformat() if value else ""


def _value(found: Found | None) -> object | None:
    return found.value if found is not None else None


def _text(found: Found | None) -> str:
    value = _value(found)
    if value is None:
        return ""
    if isinstance(value, date):
        return fmt_date(value)
    if isinstance(value, Decimal | float | int):
        return fmt_number(value)
    return "".join(str(value).split())  # whitespace removed (contract: case_no as written, no spaces)


def case_row(result: CaseResult, checklist_id: str) -> list[str]:
    """One cases.csv row, columns in CASES_COLUMNS order."""
    e = result.elements
    officers = e.officers
    scored = result.grade != ""
    return [
        result.dossier_id,
        result.unit,
        e.case_type,
        e.procedure,
        _text(e.case_no),
        _text(e.agency),
        _text(e.party_name),
        e.party_kind or "",
        _text(e.party_id),
        _text(e.violation_date),
        _text(e.source_date),
        _text(e.filing_date),
        _text(e.notice_no),
        _text(e.notice_date),
        _text(e.notice_served_date),
        _text(e.hearing_date),
        _text(e.decision_date),
        _text(e.delivery_date),
        _text(e.fine_amount),
        _text(e.notice_fine_amount),
        ";".join(o.name for o in officers),
        # same order as the names; empty, not ";", when no officer's number is written
        ";".join(o.cert_no or "" for o in officers) if any(o.cert_no for o in officers) else "",
        checklist_id,
        fmt_number(result.raw_score) if scored else "",
        fmt_number(result.total_score) if scored else "",
        result.grade,
        fmt_bool(result.vetoed),
        fmt_bool(result.needs_review),
        ";".join(result.review_reasons),
        _text(e.application_date),
        _text(e.correction_notice_date),
        _text(e.acceptance_date),
        e.license_decision or "",
        fmt_bool(e.extension_approved.value) if e.extension_approved is not None else "",
        _text(e.excluded_days),
        _text(e.certificate_delivery_date),
        _text(e.publication_date),
    ]


def finding_row(finding: Finding, checklist_id: str) -> list[str]:
    """One findings.csv row, columns in FINDINGS_COLUMNS order."""
    ev = finding.evidence
    return [
        finding.dossier_id,
        checklist_id,
        finding.item_code,
        finding.item_name,
        finding.category,
        finding.status.value,
        fmt_number(finding.points_deducted),
        fmt_bool(finding.veto),
        finding.message,
        ev.source_file if ev else "",
        ev.position.label() if ev else "",
        ev.quote if ev else "",
    ]


def problem_row(problem: Problem) -> list[str]:
    return [problem.dossier_id, problem.source_file, problem.kind.value, problem.message]


class ContractWriter:
    """Streams cases.csv, findings.csv and problems.csv into an output folder."""

    def __init__(self, out_dir: Path, checklist_id: str) -> None:
        self.checklist_id = checklist_id
        self._files: list[IO[str]] = []
        self._cases = self._open(out_dir / "cases.csv", CASES_COLUMNS)
        self._findings = self._open(out_dir / "findings.csv", FINDINGS_COLUMNS)
        self._problems = self._open(out_dir / "problems.csv", PROBLEMS_COLUMNS)
        self.cases_written = 0
        self.problems_written = 0

    def _open(self, path: Path, header: Iterable[str]):  # -> csv writer
        handle = path.open("w", encoding=CSV_ENCODING, newline="")
        self._files.append(handle)
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(list(header))
        return writer

    def add_case(self, result: CaseResult) -> None:
        """The case's row (checklist empty when no checklist of the campaign applies to its type), its findings,
        then each supplement section's findings under the section's own checklist id."""
        checklist_id = result.checklist_id if result.checklist_id or not result.findings else self.checklist_id
        self._cases.writerow(escape_row(case_row(result, checklist_id)))
        self._findings.writerows(escape_row(finding_row(f, checklist_id)) for f in result.findings)
        for section in result.sections:
            self._findings.writerows(escape_row(finding_row(f, section.checklist_id)) for f in section.findings)
        self.cases_written += 1

    def add_problems(self, problems: Iterable[Problem]) -> None:
        for problem in problems:
            self._problems.writerow(escape_row(problem_row(problem)))
            self.problems_written += 1

    def close(self) -> None:
        for handle in self._files:
            handle.close()

    def __enter__(self) -> ContractWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
