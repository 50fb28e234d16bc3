"""Ground truth: the expected status and points of every checklist item, by hand from the planted defects.

Written independently of scoring/ (this is the oracle the pipeline is checked against), and guarded by
assertions that the dates really sit where the truth says.
"""

from __future__ import annotations

import samplegen.catalog as cat
import samplegen.defects as dfx
from samplegen.model import DossierSpec
from samplegen.timeline import shift_years
from samplegen.workdays import workdays_between


def limitation_years(scenario: str) -> int:
    """The period a time-barred act of this scenario is planted beyond: 5 years where the law is about 公民生命
    健康安全 (the 2-year period could be extended when harm followed), 2 elsewhere."""
    law = cat.SCENARIOS[scenario].violated.law
    return dfx.LIMITATION_EXTENDED_YEARS if law in cat.LIFE_OR_FINANCE_LAWS else dfx.LIMITATION_YEARS


def set_expected(d: DossierSpec) -> None:
    """Expected status of every item, by hand from the planted defects and the dossier's facts."""
    has = set(d.defects)
    exp = {code: ("manual" if code in dfx.MANUAL_ITEMS else "pass") for code in dfx.ALL_ITEMS}
    occurrences: dict[str, int] = {}
    for name in d.defects:
        for code, n in dfx.DEFECTS[name].hits.items():
            occurrences[code] = occurrences.get(code, 0) + n
    # Preconditions that do not hold (n/a), from the facts of this dossier.
    if not d.hearing_applies:
        exp["V04"] = "n/a"
    if not d.major:
        exp["V05"] = exp["R10"] = "n/a"
    if "missing_notice" in has:
        exp["V11"] = exp["R13"] = exp["R14"] = "n/a"
    if "missing_filing_approval" in has:
        exp["R03"] = "n/a"
    if not d.hearing_held:
        exp["R16"] = "n/a"
    if "missing_service_receipt" in has:
        exp["R18"] = "n/a"
        # R19 checks every 送达回证 (the checklist names no document, unlike R17/R18): n/a only without any.
        if "missing_notice" in has:
            exp["R19"] = "n/a"
    # R23 compares 大写 with figures within a document: n/a when no document writes the fine both ways (the
    # 缴款凭证 always does, in its 金额（大写）/（小写） rows; the other documents as the amount style has it).
    if d.style.amount not in ("upper_fig", "yen") and "fine_unpaid" in has:
        exp["R23"] = "n/a"
    points: dict[str, float] = {}
    for code, n in occurrences.items():
        exp[code] = "fail"
        points[code] = 0.0 if code.startswith("V") else dfx.points_for(code, n)
    d.expected = exp
    d.expected_points = points
    d.expected_raw_score, d.expected_total_score, d.expected_grade, d.expected_vetoed = dfx.score(exp, points)
    _check_truth(d)


def _check_truth(d: DossierSpec) -> None:
    """Assert the dates really sit where the ground truth says (guards the generator, not the checker)."""
    has = set(d.defects)
    t = d.timeline
    filing_wd = workdays_between(d.source_date, d.filing_date)
    assert (filing_wd > dfx.FILING_WORKING_DAYS + 4) == ("late_filing" in has), (d.dossier_id, filing_wd)
    span = (d.decision_date - d.filing_date).days
    if "decision_overdue" in has or d.extended:
        assert span >= 95, (d.dossier_id, span)
    else:
        assert span <= 80, (d.dossier_id, span)
    if "late_delivery" in has:
        assert workdays_between(d.decision_date, t["delivery"]) >= 12
    else:
        assert workdays_between(d.decision_date, t["delivery"]) <= 3
    if d.notice_served_date and "decision_before_defense_period" not in has:
        period = dfx.DEFENSE_WORKING_DAYS_HEARING if d.hearing_applies else dfx.DEFENSE_WORKING_DAYS
        assert workdays_between(d.notice_served_date, d.decision_date) >= period + 1
    if d.hearing_held:
        wd = workdays_between(t["hearing_notice"], t["hearing"])
        assert (wd < dfx.HEARING_NOTICE_WORKING_DAYS) == ("hearing_notice_late" in has)
    # discovered (the case source) beyond the period after the act; a clean act is within even the 2 years
    barred = d.source_date > shift_years(d.violation_date, limitation_years(d.scenario))
    assert barred == ("time_barred" in has)
    assert barred or d.source_date <= shift_years(d.violation_date, dfx.LIMITATION_YEARS)
    assert d.fine_amount > 0
