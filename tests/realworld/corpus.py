"""Loader for the corpus of real published 行政处罚决定书 (decisions/), kept apart from the sample generator.

The texts are stored exactly as published and labelled by a person reading them (labels.yaml), never by
running pingcha, so they can measure pingcha's extraction without sharing its blind spots. Pure Python:
nothing here imports pingcha.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

DECISIONS_DIR = Path(__file__).parent / "decisions"
LABELS_FILE = DECISIONS_DIR / "labels.yaml"

# The cases.csv columns a label gives (output-contract.md), in contract order; the last three are review facts
# a reviewer ticks while reading, not cases.csv columns.
TEXT_FIELDS = (
    "case_no", "agency", "party_name", "party_kind", "party_id", "decision_date", "fine_amount",
    "confiscation_amount", "officers", "officer_cert_nos",
)
FLAG_FIELDS = ("has_legal_basis", "remedies_stated", "payment_stated")

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_AMOUNT = re.compile(r"^\d+(\.\d+)?$")


@dataclass(frozen=True)
class Expected:
    """What a reviewer writes for one decision; an empty string means the kept text does not show it."""

    case_no: str
    agency: str
    party_name: str
    party_kind: str  # organisation | individual
    party_id: str
    decision_date: str  # YYYY-MM-DD or ""
    fine_amount: str  # yuan as a plain number or ""
    confiscation_amount: str
    officers: str  # ";"-separated
    officer_cert_nos: str  # ";"-separated, same order as officers
    has_legal_basis: bool
    remedies_stated: bool
    payment_stated: bool


@dataclass(frozen=True)
class Decision:
    """One published decision: its text as stored, where it came from and what a reviewer reads in it."""

    id: str
    file: Path
    text: str
    source: str
    agency_kind: str
    province: str
    truncated: bool  # True when only a coherent beginning of the published text is kept
    notes: str
    expect: Expected

    @property
    def lines(self) -> list[str]:
        """The published line breaks, as a word processor would hold them as paragraphs."""
        return self.text.splitlines()


def _expected(raw: dict, where: str) -> Expected:
    missing = [f for f in TEXT_FIELDS + FLAG_FIELDS if f not in raw]
    if missing:
        raise ValueError(f"{where}: expect lacks {', '.join(missing)}")
    values = {f: str(raw[f]) for f in TEXT_FIELDS}
    values.update({f: bool(raw[f]) for f in FLAG_FIELDS})
    return Expected(**values)


def check_expected(expect: Expected) -> list[str]:
    """Contract-format problems in one label (output-contract.md: cases.csv), empty when it is well formed."""
    problems = []
    if re.search(r"\s", expect.case_no):
        problems.append("case_no keeps whitespace")
    if expect.party_kind not in ("organisation", "individual"):
        problems.append(f"party_kind {expect.party_kind!r}")
    if expect.decision_date and not _DATE.match(expect.decision_date):
        problems.append(f"decision_date {expect.decision_date!r}")
    for name in ("fine_amount", "confiscation_amount"):
        value = getattr(expect, name)
        if value and not _AMOUNT.match(value):
            problems.append(f"{name} {value!r}")
    officers = [o for o in expect.officers.split(";") if o]
    certs = [c for c in expect.officer_cert_nos.split(";") if c]
    if certs and len(certs) != len(officers):
        problems.append("officer_cert_nos do not pair with officers")
    return problems


def load_decisions(directory: Path = DECISIONS_DIR) -> list[Decision]:
    """Every labelled decision, in id order, with its text read as UTF-8 exactly as stored."""
    data = yaml.safe_load((directory / "labels.yaml").read_text(encoding="utf-8"))
    decisions = []
    for raw in data["decisions"]:
        path = directory / raw["file"]
        decisions.append(Decision(
            id=str(raw["id"]),
            file=path,
            text=path.read_text(encoding="utf-8"),
            source=str(raw["source"]),
            agency_kind=str(raw["agency_kind"]),
            province=str(raw["province"]),
            truncated=bool(raw["truncated"]),
            notes=str(raw.get("notes") or ""),
            expect=_expected(raw["expect"], raw["file"]),
        ))
    return sorted(decisions, key=lambda d: d.id)
