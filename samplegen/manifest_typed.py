"""The truth file's entry for a dossier of a new case type, and the register of a unit with mixed types."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import samplegen.styles as styles
from samplegen.case_types import CASE_TYPES
from samplegen.catalog import Provision
from samplegen.model import DossierSpec, TypedDossierSpec
from samplegen.render_office import render_register


def expected_fields(d: DossierSpec | TypedDossierSpec) -> dict:
    """The truth of one dossier as the manifest records it: every item's status, points, scores, grade, veto."""
    return {
        "expected": d.expected,
        "expected_points": d.expected_points,
        "expected_raw_score": d.expected_raw_score,
        "expected_total_score": d.expected_total_score,
        "expected_grade": d.expected_grade,
        "expected_vetoed": d.expected_vetoed,
    }


def typed_entry(d: TypedDossierSpec, documents: list[dict]) -> dict:
    """JSON-ready: the type and its checklist, the elements as written, the documents, the expected statuses."""
    return {
        "dossier_id": d.dossier_id, "unit": d.unit, "single_file": d.single_file, "case_type": d.case_type,
        "procedure": d.procedure, "checklist": d.checklist, "cause": d.cause,
        "elements": {"case_no": d.case_no, "party_name": d.party.name, "party_kind": d.party.kind,
                     "party_id": d.party.id, **{k: _json(v) for k, v in sorted(d.elements.items())}},
        "facts": {**{k: _json(v) for k, v in sorted(d.facts.items())},
                  "timeline": {k: v.isoformat() for k, v in sorted(d.timeline.items())}},
        "documents": documents,
        "defects": d.defects,
        **expected_fields(d),
    }


def _json(value: object) -> object:
    if isinstance(value, datetime):
        return value.isoformat(timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return styles.fig_amount(value)
    if isinstance(value, Provision):
        return styles.provision(value.law, value.article, value.clause, value.item)
    if isinstance(value, list | tuple):
        return [_json(v) for v in value]
    return value


def mixed_register(unit: str, year: int, dossiers: list[DossierSpec | TypedDossierSpec]) -> bytes:
    """A unit's 行政执法案件台账: one row per file, with its 案件类型 as units that keep one register write it."""
    header = ["序号", "案卷编号", "案件类型", "决定书文号", "当事人/申请人", "统一社会信用代码/身份证件号码",
              "案由/许可事项", "决定日期", "罚款金额（元）"]
    rows = []
    for n, d in enumerate(dossiers, start=1):
        if isinstance(d, TypedDossierSpec):
            label = next(t.label for t in CASE_TYPES.values() if (t.case_type, t.procedure) == (d.case_type,
                                                                                               d.procedure))
            fine = d.elements.get("fine_amount")
            rows.append([n, d.dossier_id.split("/", 1)[1], label, d.case_no, d.party.name, d.party.id, d.cause,
                         d.timeline["decision"].isoformat(), float(fine) if fine is not None else ""])
        else:
            rows.append([n, d.dossier_id.split("/", 1)[1], CASE_TYPES["penalty-general"].label, d.case_no,
                         d.party_name, d.party_id, d.cause, d.decision_date.isoformat(), float(d.fine_amount)])
    return render_register(f"{unit}{year}年行政执法案件台账", header, rows)
