"""A 行政检查 dossier (涉企行政检查): the defects a reviewer finds in one, and its truth.

Ground truth is written here by hand from inspection.yaml and checklist-inspection.md (国办发〔2024〕54号, the
司法部 form texts of 2025: 审批—通知—实施—记录—反馈), never computed by scoring code. A clean file: the head's
approval (行政检查审批表 or 检查方案) 1–3 working days before, sometimes the 双随机 抽取记录, the 行政检查通知书, the
现场检查笔录 (start and end time, place, two officers with certificate numbers, certificates shown, signed by both
sides), and the result told: a 检查结果告知书, or a 责令改正通知书 when something was found.

| defect | what is planted | items |
| --- | --- | --- |
| one_officer | the second inspector named without a certificate number (a helper) | V02 veto, R08 (2) |
| no_approval | no 审批表 or 检查方案 (and no 抽取记录) | R01 (8); R03 n/a |
| basis_missing | the 审批表's 检查依据 left blank | R03 (4) |
| no_notice | no 行政检查通知书 | R05 (5) |
| not_shown | the record does not say certificates were shown | R06 (4) |
| party_unsigned | the record's 被检查人签名 left blank | R09 (2) |
| no_end_time | the record's time has a start only | R09 (2) |
| no_place | the record's 检查地点 left blank | R09 (2) |
| officers_unsigned | the record's 检查人员签名 left blank | R16 (3) |
| result_untold | no result notice, and no 检查结果 in the record | R12 (8) |
| invalid_credit_code | the party's 统一社会信用代码 fails its check character | R19 (4) |
| party_mismatch | the notice spells the party differently | R19 (4) |
| notice_undated | the notice's 落款日期 left out | R20 (2) |
| rights_untold | neither the notice nor the record tells the right to 申请回避、陈述申辩 | R07 (4) |
| order_no_deadline | the 责令改正通知书 orders a correction without a deadline | R14 (3) |
| approved_after | the head approves 1–3 working days after the inspection, no word of 情况紧急/补办 | R04 (4) |

R04 n/a without an approval; R07 unknown without a notice (the record says only 依法: the standard leaves a basis
not seen unknown); R14 the reviewer's (复查) beside a 责令改正通知书 with its deadline, else n/a; T02 n/a (no act on
the national 音像记录 list). Manual items stay manual; the frequency caps are the register's (not in the standard).

`notice_undated`: the notice's closing lines (agency, seal) hold no date; ingest reads such a 落款 blank.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

import samplegen.catalog as cat
import samplegen.ids as ids
from samplegen.catalog_enforcement import (
    INSPECTION_MATTERS,
    KINDS,
    MATTER_BY_UNIT_INSPECTION,
    company_party,
)
from samplegen.model import TypedDossierSpec
from samplegen.standards_coercion import INSPECTION
from samplegen.workdays import add_workdays, next_workday


@dataclass(frozen=True)
class InspectionDefect:
    name: str
    hits: dict[str, int]
    excludes: frozenset[str] = field(default_factory=frozenset)


def _d(name: str, hits: dict[str, int], excludes: tuple[str, ...] = ()) -> InspectionDefect:
    return InspectionDefect(name, hits, frozenset(excludes))


_UNTYPED = ("no_approval", "no_notice", "result_untold")  # any two leave one document that makes the type
INSPECTION_DEFECTS: dict[str, InspectionDefect] = {
    d.name: d
    for d in (
        _d("one_officer", {"V02": 1, "R08": 1}),
        _d("no_approval", {"R01": 1}, excludes=("basis_missing",)),
        _d("basis_missing", {"R03": 1}),
        _d("no_notice", {"R05": 1}, excludes=("notice_undated", "party_mismatch")),
        _d("not_shown", {"R06": 1}),
        _d("party_unsigned", {"R09": 1}),
        _d("no_end_time", {"R09": 1}),
        _d("no_place", {"R09": 1}),
        _d("officers_unsigned", {"R16": 1}),
        _d("result_untold", {"R12": 1}),
        _d("invalid_credit_code", {"R19": 1}, excludes=("party_mismatch",)),
        _d("party_mismatch", {"R19": 1}),
        _d("notice_undated", {"R20": 1}),
        _d("rights_untold", {"R07": 1}),
        _d("order_no_deadline", {"R14": 1}, excludes=("result_untold",)),
        _d("approved_after", {"R04": 1}, excludes=("no_approval",)),
    )
}


INSPECTION_PLANTED_ONLY: frozenset[str] = frozenset()  # every defect may be dealt at random


def inspection_compatible(chosen: list[str], candidate: str) -> bool:
    if candidate in chosen or len({*chosen, candidate} & set(_UNTYPED)) > 2:
        return False
    new = INSPECTION_DEFECTS[candidate]
    return not any(candidate in INSPECTION_DEFECTS[n].excludes or n in new.excludes for n in chosen)


def build_inspection(rng: random.Random, info: cat.UnitInfo, roster: list, year: int, serial: int, archive: int,
                     defects: list[str], single: bool) -> TypedDossierSpec:
    """One 行政检查 file with exactly `defects` planted."""
    from samplegen.inspection_docs import inspection_documents

    has = set(defects)
    keys = MATTER_BY_UNIT_INSPECTION.get(info.code.rstrip("0123456789"), ("food",))
    if "order_no_deadline" in has:  # a matter where something can be found (and ordered corrected)
        keys = tuple(k for k in keys if INSPECTION_MATTERS[k].found) or ("fume",)
    matter = INSPECTION_MATTERS[rng.choice(keys)]
    party = company_party(rng, matter.industry)
    if "invalid_credit_code" in has:
        party.id = ids.corrupt_credit_code(party.id)
    officers = [(o.name, o.cert_no) for o in rng.sample(roster, 2)]
    if "one_officer" in has:
        officers[1] = (officers[1][0], "")
    kind = rng.choice(KINDS)
    inspected = next_workday(date(year, 1, 6) + timedelta(days=rng.randint(5, 290)))
    noticed = _workdays_before(inspected, rng.randint(1, 3))
    # approved_after: the head signs 1–3 working days after the inspection, nothing says 情况紧急 or 补办
    approved = add_workdays(inspected, rng.randint(1, 3)) if "approved_after" in has else noticed
    t = {"approval": approved, "notice": noticed, "inspection": inspected,
         "decision": add_workdays(inspected, rng.randint(1, 5))}  # the register's date: the result told
    if kind.startswith("日常"):
        t["draw"] = _workdays_before(noticed, rng.randint(3, 10))
    found = bool(matter.found) and ("order_no_deadline" in has or rng.random() < 0.4)
    assert found or "order_no_deadline" not in has
    start = rng.choice((9, 10, 14, 15))
    d = TypedDossierSpec(
        dossier_id=f"{info.folder}/{year}-检查-{archive:03d}" + (".pdf" if single else ""), unit=info.folder,
        single_file=single, case_type="inspection", procedure="", checklist=INSPECTION.checklist,
        case_no=f"{info.code}检通〔{year}〕{serial}号", party=party, cause=f"{kind}：{matter.items}",
        elements={"officers": officers, "inspection_kind": kind, "found": found,
                  "place": f"{cat.CITY}{cat.DISTRICT}{rng.choice(cat.ROADS)}{rng.randint(1, 300)}号",
                  "start": f"{start}时{rng.choice(('00', '10', '30'))}分", "end": f"{start + 1}时{rng.choice(('05', '20', '40'))}分"},
        facts={"matter": matter.key, "style": rng.choice(("form_text", "table")), "agency": info.agency,
               "code": info.code, "serial": serial, "year": year,
               "head": rng.choice(cat.SURNAMES) + rng.choice(cat.GIVEN)},
        timeline=t, defects=list(defects),
    )
    inspection_documents(rng, d, single)
    set_inspection_expected(d)
    return d


def _workdays_before(day: date, n: int) -> date:
    back = day
    while n:
        back -= timedelta(days=1)
        if next_workday(back) == back:
            n -= 1
    return back


def set_inspection_expected(d: TypedDossierSpec) -> None:
    """The expected status of every inspection item, from the planted defects."""
    std, has = INSPECTION, set(d.defects)
    exp = {code: ("manual" if code in std.manual else "pass") for code in std.items}
    if "no_approval" in has:
        exp["R03"] = exp["R04"] = "n/a"
    # R07: the basis is told in the notice only (the record says 依法); the standard leaves an unseen basis unknown
    if "no_notice" in has and "rights_untold" not in has:
        exp["R07"] = "unknown"
    # R14: a 责令改正通知书 with its deadline leaves the 复查 to the reviewer; without one nothing to check
    ordered = d.elements["found"] and "result_untold" not in has
    exp["R14"] = "manual" if ordered else "n/a"
    exp["T02"] = "n/a"  # 现场检查 is not on the national 音像记录 list and no document shows a listed act
    # R20 reads the dates of the 审批表, 通知书 and 结果告知书 (a 责令改正通知书 is not among them)
    result_notice = "result_untold" not in has and not d.elements["found"]
    if {"no_approval", "no_notice"} <= has and not result_notice:
        exp["R20"] = "n/a"
    std.settle(d, INSPECTION_DEFECTS, exp)
