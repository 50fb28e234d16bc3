"""The plantable defects, the checklist items each one flips, and the default checklist's points.

Ground truth is written here by hand from checklist-penalty-general.md, never computed by scoring code.

| defect | what is planted | items (points) |
| --- | --- | --- |
| missing_filing_approval | no 立案审批表 (立案日期 still on the cover) | R01 (5); R03 becomes n/a |
| late_filing | 立案 22–28 working days after 案源登记 | R02 (2) |
| filing_form_incomplete | 立案审批表 with 案件来源 and 承办人 left blank | R03 (2 = 1 × 2) |
| record_one_officer | the 询问笔录 names one officer (other documents name two) | R04 (2) |
| record_no_end_time | the 询问笔录 has a start time only | R05 (1) |
| record_unsigned | the 现场检查笔录's signature line left blank, no refusal note | R06 (1) |
| missing_party_identity | no 营业执照/身份证 copy | R07 (3) |
| missing_investigation_report | no 案件调查终结报告 | R08 (3) |
| decision_overdue | decision 100–115 days after 立案, no 延期审批表 | R09 (10) |
| decision_missing_remedies | the decision has no 复议/诉讼 clause | R11 (2) |
| decision_no_violated_provision | the decision has no "违反了…的规定" | R12 (2) |
| notice_incomplete | the notice states neither facts nor legal basis | R13 (2 = 1 × 2) |
| decision_before_defense_period | decision on the first working day after the notice was served, no waiver | R14 (5) |
| hearing_notice_late | hearing held 3 working days after its 听证通知书 | R16 (3) |
| missing_service_receipt | no 送达回证 for the decision (the notice's receipt remains) | R17 (10); R18 n/a (R19 see below) |
| late_delivery | decision served 12–15 working days after its date | R18 (5) |
| receipt_incomplete | the decision's 送达回证 with 送达方式 and 送达地点 left blank | R19 (2 = 1 × 2) |
| fine_unpaid | no 缴款凭证, no 催告书, no enforcement application | R20 (2) |
| case_no_mismatch | 送达回证 and 结案审批表 cite another decision number | R21 (2) |
| party_mismatch | the 行政处罚决定审批表 spells the party differently | R22 (2) |
| invalid_credit_code | the party's 统一社会信用代码 fails its check character | R22 (2) |
| amount_upper_mismatch | the decision's 大写 is lower than its figures | R23 (1) |
| missing_closing_approval | no 结案审批表 | R24 (2) |
| document_undated | the 结案审批表's 审批日期 left blank | R25 (1) |
| missing_notice | no 行政处罚事先告知书 (fine below the hearing threshold) | V03 veto; R13, R14, V11 n/a |
| no_hearing_right | fine ≥ hearing threshold, the notice omits the hearing right | V04 veto |
| no_legal_review | fine ≥ major threshold, no 法制审核 and no 集体讨论 | V05 veto, R10 (5) |
| procedure_reversed | the decision's 送达回证 is dated before the decision | V06 veto |
| time_barred | violation more than 2 years before the case source (5 for 食品/大气/安全生产 laws) | V07 veto |
| no_legal_basis | the decision cites no provision at all | V08 veto, R11 (2), R12 (2) |
| fine_increased | decision fine higher than the notice's, no new notice | V11 veto |

Planted only on request (`DossierPlan`), never dealt at random, so that the default campaign (sample_dossiers/
and its manifest) stays as it was; deal them too when those are next regenerated on purpose:

| defect | what is planted | items (points) |
| --- | --- | --- |
| officers_no_cert | no document states a certificate number (two officers named throughout) | V02 veto, R04 (4 = 2 × 2: 询问笔录, 现场检查笔录) |
| missing_hearing_record | a hearing is held (its notice in time), no 听证笔录 | R16 (3) |

R19 (送达回证要素不全) checks every 送达回证 in the file, the notice's too: the checklist names no document,
unlike R17/R18 (决定书…). So with `missing_service_receipt` the notice's complete receipt passes R19; it is
n/a only when the file has no 送达回证 at all. R23 compares 大写 with figures within a document: n/a when no
document writes the fine both ways (figures-only styles and no 缴款凭证, whose 金额（大写）/（小写） rows count).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from samplegen.standards import expected_score

# Checklist defaults (checklist-penalty-general.md: Parameters).
HEARING_THRESHOLD = {"individual": 3000, "organisation": 50000}
MAJOR_THRESHOLD = {"individual": 10000, "organisation": 100000}
FILING_WORKING_DAYS = 15
DECISION_DEADLINE_DAYS = 90
DELIVERY_WORKING_DAYS = 7
DEFENSE_WORKING_DAYS = 3
DEFENSE_WORKING_DAYS_HEARING = 5
HEARING_NOTICE_WORKING_DAYS = 7
LIMITATION_YEARS = 2
LIMITATION_EXTENDED_YEARS = 5  # 生命健康安全、金融安全 with harm: time_barred plants beyond it for such laws

VETO_ITEMS = tuple(f"V{n:02d}" for n in range(1, 12))
DEDUCTION_ITEMS = tuple(f"R{n:02d}" for n in range(1, 26))
ALL_ITEMS = VETO_ITEMS + DEDUCTION_ITEMS
MANUAL_ITEMS = frozenset({"V01", "V09", "V10", "R15"})

# code -> (points per occurrence, cap)
ITEM_POINTS: dict[str, tuple[float, float]] = {
    "R01": (5, 5), "R02": (2, 2), "R03": (1, 3), "R04": (2, 6), "R05": (1, 4), "R06": (1, 4),
    "R07": (3, 3), "R08": (3, 3), "R09": (10, 10), "R10": (5, 5), "R11": (2, 8), "R12": (2, 2),
    "R13": (1, 4), "R14": (5, 5), "R15": (3, 3), "R16": (3, 3), "R17": (10, 10), "R18": (5, 5),
    "R19": (1, 3), "R20": (2, 2), "R21": (2, 2), "R22": (2, 2), "R23": (1, 1), "R24": (2, 2),
    "R25": (1, 3), "T01": (3, 3), "T02": (4, 4), "T03": (3, 3),
}

# category name -> (points, item codes)
CATEGORIES: dict[str, tuple[float, tuple[str, ...]]] = {
    "立案": (10, ("R01", "R02", "R03")),
    "调查取证": (20, ("R04", "R05", "R06", "R07", "R08")),
    "审查决定": (22, ("R09", "R10", "R11", "R12")),
    "告知听证": (12, ("R13", "R14", "R15", "R16")),
    "送达执行": (16, ("R17", "R18", "R19", "R20")),
    "文书归档": (10, ("R21", "R22", "R23", "R24", "R25")),
    # T01 公示 (unknown without a 公示台账), T02 全过程记录 (no seizure planted: n/a), T03 法制审核 (the planted review
    # is dated before the decision and names its reviewer): never planted, never failed, not in the truth's statuses
    "三项制度": (10, ("T01", "T02", "T03")),
}

BANDS = ("low", "hearing", "major")  # fine below hearing threshold / hearing ≤ fine < major / major ≤ fine


@dataclass(frozen=True)
class Defect:
    name: str
    hits: dict[str, int]  # item code -> occurrences (veto items: 1)
    bands: frozenset[str] = frozenset(BANDS)  # fine bands the defect needs
    kinds: frozenset[str] = frozenset({"organisation", "individual"})
    excludes: frozenset[str] = field(default_factory=frozenset)
    needs_hearing: bool = False


def _d(name, hits, bands=BANDS, kinds=("organisation", "individual"), excludes=(), needs_hearing=False):
    return Defect(name, dict(hits), frozenset(bands), frozenset(kinds), frozenset(excludes), needs_hearing)


_HEARING_UP = ("hearing", "major")

DEFECTS: dict[str, Defect] = {
    d.name: d
    for d in (
        _d("missing_filing_approval", {"R01": 1}, excludes=("filing_form_incomplete", "late_filing")),
        _d("late_filing", {"R02": 1}),
        _d("filing_form_incomplete", {"R03": 2}),
        _d("record_one_officer", {"R04": 1}),
        _d("record_no_end_time", {"R05": 1}),
        _d("record_unsigned", {"R06": 1}),
        _d("missing_party_identity", {"R07": 1}),
        _d("missing_investigation_report", {"R08": 1}),
        _d("decision_overdue", {"R09": 1}),
        _d("decision_missing_remedies", {"R11": 1}),
        _d("decision_no_violated_provision", {"R12": 1}, excludes=("no_legal_basis",)),
        _d("notice_incomplete", {"R13": 2}),
        _d("decision_before_defense_period", {"R14": 1}, bands=("low",)),
        _d("hearing_notice_late", {"R16": 1}, bands=_HEARING_UP, needs_hearing=True,
           excludes=("decision_before_defense_period",)),
        _d("missing_service_receipt", {"R17": 1},
           excludes=("late_delivery", "receipt_incomplete", "procedure_reversed", "case_no_mismatch")),
        _d("late_delivery", {"R18": 1}, excludes=("procedure_reversed",)),
        _d("receipt_incomplete", {"R19": 2}),
        _d("fine_unpaid", {"R20": 1}),
        _d("case_no_mismatch", {"R21": 1}, excludes=("missing_closing_approval",)),
        _d("party_mismatch", {"R22": 1}, excludes=("invalid_credit_code",)),
        _d("invalid_credit_code", {"R22": 1}, kinds=("organisation",)),
        _d("amount_upper_mismatch", {"R23": 1}, bands=("low",)),
        _d("missing_closing_approval", {"R24": 1}, excludes=("document_undated",)),
        _d("document_undated", {"R25": 1}),
        _d("missing_notice", {"V03": 1}, bands=("low",),
           excludes=("notice_incomplete", "decision_before_defense_period", "fine_increased",
                     "no_hearing_right", "hearing_notice_late")),
        _d("no_hearing_right", {"V04": 1}, bands=_HEARING_UP, excludes=("hearing_notice_late",)),
        _d("no_legal_review", {"V05": 1, "R10": 1}, bands=("major",)),
        _d("procedure_reversed", {"V06": 1}),
        _d("time_barred", {"V07": 1}),
        _d("no_legal_basis", {"V08": 1, "R11": 1, "R12": 1}),
        _d("fine_increased", {"V11": 1}, bands=("low",)),
        _d("officers_no_cert", {"V02": 1, "R04": 2}, excludes=("record_one_officer",)),
        _d("missing_hearing_record", {"R16": 1}, bands=_HEARING_UP, needs_hearing=True,
           excludes=("hearing_notice_late", "no_hearing_right", "missing_notice")),
    )
}
# Never dealt at random (see the module docstring): only a `DossierPlan` plants them.
PLANTED_ONLY = frozenset({"officers_no_cert", "missing_hearing_record"})
VETO_DEFECTS = tuple(name for name, d in DEFECTS.items() if any(c.startswith("V") for c in d.hits))


def compatible(chosen: list[str], candidate: str) -> bool:
    """Whether `candidate` can join `chosen` in one dossier (exclusions both ways, a common band and kind)."""
    if candidate in chosen:
        return False
    new = DEFECTS[candidate]
    for name in chosen:
        old = DEFECTS[name]
        if candidate in old.excludes or name in new.excludes:
            return False
    bands = frozenset(BANDS)
    kinds = frozenset({"organisation", "individual"})
    for name in [*chosen, candidate]:
        bands &= DEFECTS[name].bands
        kinds &= DEFECTS[name].kinds
    return bool(bands) and bool(kinds)


def points_for(code: str, occurrences: int) -> float:
    each, cap = ITEM_POINTS[code]
    return float(min(cap, each * occurrences))


def score(expected: dict[str, str], points: dict[str, float]) -> tuple[float, float, str, bool]:
    """raw score, total score, grade, vetoed — counting manual items as passed."""
    return expected_score(CATEGORIES, VETO_ITEMS, expected, points)
