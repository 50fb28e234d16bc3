"""Score a case against a checklist: every item in order, deductions capped, categories floored, vetoes.

checklist-penalty-general.md, "How a file is scored": veto items make the file 不合格 with total 0 and the raw
score kept; deduction items take points × occurrences up to their cap; a category never goes below zero;
total = 100 − deductions (扣完为止，不计负分); `unknown` never deducts and flags the file for review.
Pure functions: no I/O, the same facts and checklist always give the same result.
"""

from __future__ import annotations

import dataclasses

from ingest.model import CaseFacts, Elements, Evidence
from scoring.checklist import Checklist, ChecklistItem
from scoring.glossary import Status
from scoring.model import CaseResult, Finding, Override, SectionResult
from scoring.roster import Roster
from scoring.rules import Outcome, RuleContext, get_kind
from scoring.rules.base import MISSING

FULL_SCORE = 100.0


def grade_for(score: float, checklist: Checklist) -> str:
    """The band whose minimum the score reaches (bands are listed highest first)."""
    for band in checklist.grades:
        if score >= band.min_score:
            return band.grade
    return checklist.fail_grade


def case_grade(total: float, vetoed: bool, checklist: Checklist) -> str:
    """A file's grade: a veto fails it whatever its score, else its total's band."""
    return checklist.fail_grade if vetoed else grade_for(total, checklist)


def evaluate_item(item: ChecklistItem, facts: CaseFacts, ctx: RuleContext) -> Outcome:
    """Run one item's rule. A rule that breaks on odd facts gives `unknown` for this item, not a lost file."""
    try:
        return get_kind(item.kind).evaluate(item, facts, ctx)
    except Exception as exc:  # a reviewer must look; the other 35 items still count
        return Outcome.unknown(f"自动评查出错（{type(exc).__name__}: {exc}），请人工评查")


def item_points(item: ChecklistItem, status: Status, occurrences: int) -> float:
    if status != Status.FAIL or item.veto:
        return 0.0
    return min(item.points * max(occurrences, 1), item.cap)


def _finding(dossier_id: str, item: ChecklistItem, outcome: Outcome) -> Finding:
    evidence: Evidence | None = outcome.evidence
    if outcome.status == Status.FAIL and evidence is None:
        evidence = MISSING
    return Finding(
        dossier_id=dossier_id,
        item_code=item.code,
        item_name=item.name,
        category=item.category,
        status=outcome.status,
        points_deducted=item_points(item, outcome.status, outcome.occurrences),
        veto=item.veto and outcome.status == Status.FAIL,
        message=outcome.message,
        evidence=evidence,
        occurrences=outcome.occurrences if outcome.status == Status.FAIL else 0,
    )


def category_scores(findings: list[Finding], checklist: Checklist) -> list[tuple[str, float, float, float]]:
    """(category, points, deducted, score) per scored category, each floored at zero."""
    rows = []
    for category in checklist.categories:
        if category.veto:
            continue
        deducted = sum(f.points_deducted for f in findings if f.category == category.name)
        deducted = min(deducted, float(category.points))
        rows.append((category.name, float(category.points), deducted, float(category.points) - deducted))
    return rows


def _review_reason(finding: Finding) -> str:
    # review_reasons are ';'-joined in cases.csv (output-contract.md): keep that separator out of a reason
    return f"{finding.item_code}: {finding.message or '无法判定'}".replace(";", "；")


def _totals(result: CaseResult, checklist: Checklist, extra_reasons: list[str]) -> CaseResult:
    raw = FULL_SCORE - sum(d for _, _, d, _ in category_scores(result.findings, checklist))
    raw = max(raw, 0.0)
    vetoed = any(f.veto for f in result.findings)
    reasons = list(extra_reasons) + [_review_reason(f) for f in result.findings if f.status == Status.UNKNOWN]
    result.raw_score = raw
    result.vetoed = vetoed
    result.total_score = 0.0 if vetoed else raw
    result.grade = case_grade(raw, vetoed, checklist)
    result.review_reasons = reasons
    result.needs_review = bool(reasons)
    return result


def _judge(facts: CaseFacts, checklist: Checklist, roster: Roster | None, publications=None) -> list[Finding]:
    ctx = RuleContext(parameters=checklist.parameters, roster=roster, publications=publications)
    return [_finding(facts.dossier_id, item, evaluate_item(item, facts, ctx)) for item in checklist.items]


def score_sections(facts: CaseFacts, checklist: Checklist, roster: Roster | None = None,
                   publications=None) -> list[SectionResult]:
    """The checklist's supplements whose trigger documents the file holds, each totalled on its own."""
    kinds = {d.kind.value for d in facts.documents}
    sections = []
    for supplement in checklist.supplements:
        if not supplement.triggers & kinds:
            continue
        part = supplement.checklist
        findings = _judge(facts, part, roster, publications)
        raw = max(FULL_SCORE - sum(d for _, _, d, _ in category_scores(findings, part)), 0.0)
        vetoed = any(f.veto for f in findings)
        sections.append(SectionResult(part.id, part.title, findings, raw, 0.0 if vetoed else raw,
                                      case_grade(raw, vetoed, part), vetoed))
    return sections


def score_case(facts: CaseFacts, checklist: Checklist, roster: Roster | None = None,
               publications=None) -> CaseResult:
    """Evaluate every item of `checklist` in order and total the file; supplements become sections."""
    findings = _judge(facts, checklist, roster, publications)
    result = CaseResult(
        dossier_id=facts.dossier_id,
        unit=facts.unit,
        checklist_id=checklist.id,
        elements=facts.elements,
        findings=findings,
        raw_score=FULL_SCORE,
        total_score=FULL_SCORE,
        grade="",
        vetoed=False,
    )
    result.sections = score_sections(facts, checklist, roster, publications)
    section_reasons = [_review_reason(f) for sec in result.sections for f in sec.findings
                       if f.status == Status.UNKNOWN]
    return _totals(result, checklist, list(facts.review_reasons) + section_reasons)


def unrouted_result(facts: CaseFacts, reason: str) -> CaseResult:
    """A file no checklist of the campaign applies to: listed with its elements and the reason, not scored."""
    return CaseResult(
        dossier_id=facts.dossier_id,
        unit=facts.unit,
        checklist_id="",
        elements=facts.elements,
        findings=[],
        raw_score=0.0,
        total_score=0.0,
        grade="",
        vetoed=False,
        needs_review=True,
        review_reasons=[r for r in facts.review_reasons if r != reason] + [reason],
    )


def unreadable_result(dossier_id: str, unit: str, checklist: Checklist, reason: str) -> CaseResult:
    """A dossier with nothing readable is not scored: every item unknown, flagged for a reviewer."""
    findings = [
        Finding(
            dossier_id=dossier_id,
            item_code=item.code,
            item_name=item.name,
            category=item.category,
            status=Status.UNKNOWN,
            message=reason,
        )
        for item in checklist.items
    ]
    return CaseResult(
        dossier_id=dossier_id,
        unit=unit,
        checklist_id=checklist.id,
        elements=Elements(),
        findings=findings,
        raw_score=0.0,
        total_score=0.0,
        grade="",
        vetoed=False,
        needs_review=True,
        review_reasons=[reason],
    )


def _overridden(finding: Finding, item: ChecklistItem | None, override: Override) -> Finding:
    auto_status = finding.auto_status if finding.override is not None else finding.status
    auto_points = finding.auto_points if finding.override is not None else finding.points_deducted
    status = override.status
    if status == Status.FAIL:
        if override.points is not None:
            points = max(float(override.points), 0.0)
        elif auto_status == Status.FAIL and auto_points:
            points = auto_points
        else:
            points = item.points if item else 0.0
        veto = override.veto if override.veto is not None else bool(item and item.veto)
        if veto and override.points is None:
            points = 0.0
    else:
        points, veto = 0.0, False
    return dataclasses.replace(
        finding,
        status=status,
        points_deducted=points,
        veto=veto,
        auto_status=auto_status,
        auto_points=auto_points,
        override=override,
    )


def rescore(result: CaseResult, overrides: dict[str, Override], checklist: Checklist) -> CaseResult:
    """Apply reviewers' overrides (复核) by item code and re-total; the engine's verdict stays in
    auto_status/auto_points. Returns a new CaseResult; `result` is not changed."""
    codes = {item.code for item in checklist.items}
    findings = []
    for finding in result.findings:
        override = overrides.get(finding.item_code)
        item = checklist.item(finding.item_code) if finding.item_code in codes else None
        findings.append(_overridden(finding, item, override) if override else dataclasses.replace(finding))
    # keep the reasons that did not come from items (OCR, validation); item reasons are recomputed
    item_prefixes = tuple(f"{f.item_code}: " for f in result.findings)
    extra = [r for r in result.review_reasons if not r.startswith(item_prefixes)]
    new = dataclasses.replace(result, findings=findings, review_reasons=[])
    return _totals(new, checklist, extra)
