"""The scoring layer's domain model: checklist items judged on a case give Findings and a CaseResult."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from ingest.model import Elements, Evidence
from scoring.glossary import Status


@dataclass(frozen=True, slots=True)
class Override:
    """A reviewer's decision on one item (复核), recorded with who and why."""

    status: Status
    points: float | None  # points to deduct; None means the item's own points when status is fail
    reason: str
    reviewer: str
    at: datetime | None = None
    veto: bool | None = None  # True for 改为否决


@dataclass(slots=True)
class Finding:
    """The outcome of one checklist item for one dossier: one row of findings.csv."""

    dossier_id: str
    item_code: str
    item_name: str
    category: str
    status: Status
    points_deducted: float = 0.0
    veto: bool = False  # this finding vetoes the file (status fail on a veto item)
    message: str = ""
    evidence: Evidence | None = None
    occurrences: int = 0  # how many times the problem was seen (per-occurrence items)
    auto_status: Status | None = None  # the engine's status when a reviewer overrode it
    auto_points: float | None = None
    override: Override | None = None


@dataclass(slots=True)
class SectionResult:
    """A supplement scored as its own section of a file (checklist `supplements:`): its own total and grade,
    never mixed into the file's score."""

    checklist_id: str
    title: str
    findings: list[Finding]
    raw_score: float
    total_score: float
    grade: str
    vetoed: bool


@dataclass(slots=True)
class CaseResult:
    """A scored dossier: its elements, every item's finding, score, grade and review flags.

    `checklist_id` is empty when no checklist of the campaign applies to the file's case type (not scored)."""

    dossier_id: str
    unit: str
    checklist_id: str
    elements: Elements
    findings: list[Finding]
    raw_score: float
    total_score: float
    grade: str
    vetoed: bool
    needs_review: bool = False
    review_reasons: list[str] = field(default_factory=list)
    sections: list[SectionResult] = field(default_factory=list)

    @property
    def scored(self) -> bool:
        return bool(self.checklist_id) and self.grade != ""


def case_part(dossier_id: str) -> str:
    """The case folder/file name without its unit (a dossier id is unit/case): 区城管执法局/2025-017 -> 2025-017."""
    return dossier_id.split("/", 1)[1] if "/" in dossier_id else dossier_id
