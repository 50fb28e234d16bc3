"""A reviewed file re-totalled by scoring's own arithmetic: contract rows <-> scoring's CaseResult.

The reports layer holds a run as the contract's tables (cases.csv, findings.csv); the reviewer's decisions
are scoring.model.Overrides that scoring.engine.rescore applies, exactly as the run itself was totalled
(caps, category floors, veto, grade bands of the run's checklist). This module only translates between the
two shapes, so there is one arithmetic.
"""

from __future__ import annotations

import pandas as pd

from ingest.model import Elements
from reports.document_text import score_text
from scoring.checklist import Checklist
from scoring.engine import rescore
from scoring.glossary import Status
from scoring.model import CaseResult, Finding, Override


def _earlier_override(row) -> Override | None:
    """The decision of an earlier review, read back from the columns `review apply` added."""
    auto_status = str(getattr(row, "auto_status", "") or "")
    if not auto_status:
        return None
    return Override(status=Status(row.status), points=float(row.points_deducted), reason=str(row.override_reason),
                    reviewer=str(row.reviewer), veto=bool(row.veto))


def _auto_points(row) -> float | None:
    """The engine's points of an item overridden before (None when a run of an older version did not keep them)."""
    value = getattr(row, "auto_points", None)
    return None if value is None or value == "" or pd.isna(value) else float(value)


def _finding(row) -> Finding:
    earlier = _earlier_override(row)
    return Finding(dossier_id=str(row.dossier_id), item_code=str(row.item_code), item_name=str(row.item_name),
                   category=str(row.category), status=Status(row.status), points_deducted=float(row.points_deducted),
                   veto=bool(row.veto), message=str(row.message),
                   auto_status=Status(row.auto_status) if earlier else None,
                   auto_points=_auto_points(row) if earlier else None, override=earlier)


def case_result(dossier_id: str, case: pd.Series | None, findings: pd.DataFrame) -> CaseResult:
    """One dossier's cases.csv row (None when it has none) and findings.csv rows as a CaseResult.

    Elements are not needed to re-total and are left empty."""
    reasons = [r for r in str(case["review_reasons"]).split(";") if r] if case is not None else []
    return CaseResult(
        dossier_id=dossier_id,
        unit=str(case["unit"]) if case is not None else "",
        checklist_id=str(case["checklist"]) if case is not None else "",
        elements=Elements(),
        findings=[_finding(row) for row in findings.itertuples(index=False)],
        raw_score=float(case["raw_score"]) if case is not None else 0.0,
        total_score=float(case["total_score"]) if case is not None else 0.0,
        grade=str(case["grade"]) if case is not None else "",
        vetoed=bool(case["vetoed"]) if case is not None else False,
        needs_review=bool(case["needs_review"]) if case is not None else False,
        review_reasons=reasons,
    )


def rescore_dossier(cases: pd.DataFrame, findings: pd.DataFrame, dossier_id: str,
                    overrides: dict[str, Override], checklist: Checklist) -> None:
    """Apply one dossier's overrides (by item code) through scoring.engine.rescore and write the result back
    into `cases` and `findings` in place: the items' status, points, veto and review columns, the file's
    scores, grade and review flags. The engine's verdict stays beside the reviewer's: the item's auto_status
    and auto_points, and the file's auto_total_score and auto_grade, written the first time a reviewer changes
    the file and kept through later rounds."""
    case_rows = cases.index[cases["dossier_id"] == dossier_id]
    finding_rows = findings.index[findings["dossier_id"] == dossier_id]
    before = case_result(dossier_id, cases.loc[case_rows[0]] if len(case_rows) else None, findings.loc[finding_rows])
    after = rescore(before, overrides, checklist)
    for label, finding in zip(finding_rows, after.findings, strict=True):
        if finding.item_code not in overrides or finding.override is None:
            continue
        findings.at[label, "status"] = finding.status.value
        findings.at[label, "points_deducted"] = finding.points_deducted
        findings.at[label, "veto"] = finding.veto
        findings.at[label, "auto_status"] = finding.auto_status.value if finding.auto_status else ""
        findings.at[label, "auto_points"] = finding.auto_points
        findings.at[label, "override_reason"] = finding.override.reason
        findings.at[label, "reviewer"] = finding.override.reviewer
    if len(case_rows) and not any(f.override for f in before.findings):  # the machine's, before any review
        cases.loc[case_rows, "auto_total_score"] = cases.loc[case_rows, "total_score"]
        cases.loc[case_rows, "auto_grade"] = cases.loc[case_rows, "grade"]
    if len(case_rows):
        cases.loc[case_rows, ["raw_score", "total_score"]] = [after.raw_score, after.total_score]
        cases.loc[case_rows, "vetoed"] = after.vetoed
        cases.loc[case_rows, "grade"] = after.grade
        cases.loc[case_rows, "needs_review"] = after.needs_review
        cases.loc[case_rows, "review_reasons"] = ";".join(after.review_reasons)


def section_score(dossier_id: str, rows: pd.DataFrame, checklist: Checklist) -> tuple[str, str]:
    """A supplement's section of a file (its findings.csv rows) totalled by its own checklist, as
    scoring.engine.score_sections did, as (score as documents print it, grade): shown beside the file, never
    counted in the file's score."""
    result = rescore(case_result(dossier_id, None, rows), {}, checklist)
    return score_text({"vetoed": result.vetoed, "raw_score": result.raw_score,
                       "total_score": result.total_score}), result.grade
