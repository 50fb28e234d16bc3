"""A summary-procedure penalty dossier (行政处罚 简易程序): the defects a reviewer finds in one, and its truth.

Ground truth is written here by hand from penalty-simple.yaml and checklist-penalty-simple.md, never computed
by scoring code. A clean file: the pre-printed numbered 当场行政处罚决定书 signed by two officers and the
party on the day of the violation, the fine collected on the spot (100元 or less, with the 罚没款收据, handed to
the agency and banked within 2 working days) or paid at the bank (its 缴款凭证), and the 备案登记表.

| defect | what is planted | items |
| --- | --- | --- |
| fine_over_limit | a fine above 行政处罚法第五十一条's limit (公民 500–1000元, 组织 5000元), paid at the bank | V01 veto |
| one_officer | the form names one officer | V03 veto |
| no_defense_right | neither the right to state a case nor the party's opinion on the form | V04 veto, R02 (3) |
| opinion_not_recorded | the right told, the party's opinion left blank | R02 (3) |
| no_place | the 违法地点 left blank | R01 (2) |
| decided_later | the decision 3–6 days after the violation | R04 (3) |
| missing_remedies | no 复议/诉讼 clause | R05 (3); R08 n/a (no terms to check) |
| no_serial | neither the printed No. nor a 文号 | R06 (5) |
| wrong_review_period | 复议 within 30 days (should be 60) | R08 (2) |
| receipt_unsigned | the party's receipt line blank, no refusal noted | R12 (10); R13 unknown (no receipt date) |
| receipt_late | the party signs 2–4 days after the decision | R13 (5) |
| collected_over_limit | collected on the spot above 100元, no reason of Art. 68 | R14 (5) |
| no_collection_receipt | collected on the spot, no 罚没款收据 | R15 (5) |
| handover_late | the fine reaches the agency 4–6 working days after collection | R16 (3) |
| fine_unpaid | paid at the bank: no 缴款凭证, no 催告书 | R17 (4) |
| missing_filing_record | no 备案登记表 | R18 (8); R16 unknown when collected (the handover is recorded there) |

Not planted: V05/R07 (the basis is printed on every form), R03, R09, R11/R19/R20 (off by default: n/a).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal

import samplegen.catalog as cat
import samplegen.catalog_types as ct
import samplegen.ids as ids
from samplegen.model import PartySpec, TypedDossierSpec
from samplegen.standards import PENALTY_SIMPLE
from samplegen.workdays import add_workdays, next_workday, workdays_between


@dataclass(frozen=True)
class SummaryDefect:
    name: str
    hits: dict[str, int]
    needs: str = ""  # collected | bank | "" (either)
    excludes: frozenset[str] = field(default_factory=frozenset)


def _d(name: str, hits: dict[str, int], needs: str = "", excludes: tuple[str, ...] = ()) -> SummaryDefect:
    return SummaryDefect(name, hits, needs, frozenset(excludes))


SUMMARY_DEFECTS: dict[str, SummaryDefect] = {
    d.name: d
    for d in (
        _d("fine_over_limit", {"V01": 1}, needs="bank"),
        _d("one_officer", {"V03": 1}),
        _d("no_defense_right", {"V04": 1, "R02": 1}, excludes=("opinion_not_recorded",)),
        _d("opinion_not_recorded", {"R02": 1}),
        _d("no_place", {"R01": 1}),
        _d("decided_later", {"R04": 1}),
        _d("missing_remedies", {"R05": 1}, excludes=("wrong_review_period",)),
        _d("no_serial", {"R06": 1}),
        _d("wrong_review_period", {"R08": 1}),
        _d("receipt_unsigned", {"R12": 1}, excludes=("receipt_late",)),
        _d("receipt_late", {"R13": 1}),
        _d("collected_over_limit", {"R14": 1}, needs="collected"),
        _d("no_collection_receipt", {"R15": 1}, needs="collected"),
        _d("handover_late", {"R16": 1}, needs="collected", excludes=("missing_filing_record",)),
        _d("fine_unpaid", {"R17": 1}, needs="bank"),
        _d("missing_filing_record", {"R18": 1}),
    )
}


def summary_compatible(chosen: list[str], candidate: str) -> bool:
    if candidate in chosen:
        return False
    new = SUMMARY_DEFECTS[candidate]
    needs = {SUMMARY_DEFECTS[n].needs for n in chosen} | {new.needs}
    if {"collected", "bank"} <= needs:
        return False
    return not any(candidate in SUMMARY_DEFECTS[n].excludes or n in new.excludes for n in chosen)


def build_summary(rng: random.Random, info: cat.UnitInfo, roster: list, year: int, serial: int, archive: int,
                  defects: list[str], single: bool) -> TypedDossierSpec:
    """One 简易程序 file with exactly `defects` planted."""
    from samplegen.summary_docs import summary_documents

    has = set(defects)
    needs = {SUMMARY_DEFECTS[n].needs for n in defects} - {""}
    scenario = ct.SUMMARY_SCENARIOS[rng.choice(ct.SUMMARY_BY_UNIT.get(info.code, ("poster", "stall")))]
    kind = rng.choice(scenario.kinds) if "collected" not in needs else "individual"
    if "collected" in needs:
        collected = True
    elif "bank" in needs:
        collected = False
    else:
        collected = kind == "individual" and rng.random() < 0.5
    if "fine_over_limit" in has:
        fine = rng.choice(ct.OVER_LIMIT_FINES[kind])
    elif "collected_over_limit" in has:
        fine = rng.choice(ct.OVER_ONSITE_FINES[kind])
    elif collected:
        fine = rng.choice(ct.ONSITE_FINES)
    else:
        fine = rng.choice(ct.SUMMARY_FINES[kind])
    party = _party(rng, kind)
    if len(roster) < 2:
        raise ValueError("a unit needs two officers")
    officers = [(o.name, o.cert_no) for o in rng.sample(roster, 2)]
    if "one_officer" in has:
        officers = officers[:1]
    violated_at = datetime.combine(next_workday(date(year, 1, 6) + timedelta(days=rng.randint(0, 300))),
                                   time(rng.randint(8, 17), rng.choice((0, 10, 20, 30, 40, 50))))
    violation = violated_at.date()
    decision = violation + timedelta(days=rng.randint(3, 6)) if "decided_later" in has else violation
    t = {"violation": violation, "decision": decision,
         "receipt": decision + timedelta(days=rng.randint(2, 4)) if "receipt_late" in has else decision,
         "filed": add_workdays(decision, rng.randint(1, 2))}
    if collected:
        t["handover"] = add_workdays(decision, rng.randint(4, 6) if "handover_late" in has else rng.randint(0, 1))
        t["bank_deposit"] = add_workdays(t["handover"], rng.randint(0, 1))
    else:
        t["payment"] = decision + timedelta(days=rng.randint(2, 12))
    place = f"{cat.DISTRICT}{rng.choice(cat.ROADS)}{rng.randint(1, 300)}号"
    code = info.code
    d = TypedDossierSpec(
        dossier_id=f"{info.folder}/{year}-当场-{archive:03d}" + (".pdf" if single else ""), unit=info.folder,
        single_file=single, case_type="penalty", procedure="summary", checklist=PENALTY_SIMPLE.checklist,
        case_no=f"{code}当罚〔{year}〕{serial}号", party=party, cause=scenario.cause,
        elements={"fine_amount": Decimal(fine), "violation_time": violated_at, "place": place,
                  "form_serial": f"No.{ct_serial(info, year, serial)}", "officers": officers,
                  "violated_provision": scenario.violated, "penalty_provision": scenario.penalty,
                  "fact": scenario.fact.format(place=place, n=rng.randint(2, 9))},
        facts={"collected_on_spot": collected, "scenario": scenario.key, "agency": info.agency},
        timeline=t, defects=list(defects),
    )
    summary_documents(rng, d, single)
    set_summary_expected(d)
    return d


def ct_serial(info: cat.UnitInfo, year: int, serial: int) -> str:
    """The number printed on the pre-printed form: region, year, serial."""
    return f"{cat.REGION_CODE}{year % 100:02d}{serial:05d}"


def _party(rng: random.Random, kind: str) -> PartySpec:
    address = f"{cat.CITY}{cat.DISTRICT}{rng.choice(cat.ROADS)}{rng.randint(1, 300)}号"
    person = rng.choice(cat.SURNAMES) + rng.choice(cat.GIVEN)
    phone = f"13{rng.randint(100000000, 999999999)}"
    if kind == "organisation":
        name = f"{cat.CITY}{rng.choice(cat.TRADE_NAMES)}商贸有限公司"
        return PartySpec(name, kind, ids.make_credit_code(rng, cat.REGION_CODE, "91"), address, person, phone=phone)
    male = rng.random() < 0.6
    birth = date(rng.randint(1965, 2000), rng.randint(1, 12), rng.randint(1, 28))
    return PartySpec(person, kind, ids.make_citizen_id(rng, cat.REGION_CODE, birth, male), address, person,
                     "男" if male else "女", phone=phone)


def set_summary_expected(d: TypedDossierSpec) -> None:
    """The expected status of every penalty-simple item, from the planted defects and the file's facts."""
    std = PENALTY_SIMPLE
    has = set(d.defects)
    collected = bool(d.facts["collected_on_spot"])
    exp = {code: ("manual" if code in std.manual else "pass") for code in std.items}
    for code in ("R11", "R19", "R20", "T01"):  # their parameters are 0 by default
        exp[code] = "n/a"
    if collected:
        exp["R10"] = exp["R17"] = "n/a"  # nothing left to pay
    else:
        exp["R14"] = exp["R15"] = exp["R16"] = "n/a"
    if "missing_remedies" in has:
        exp["R08"] = "n/a"
    if "receipt_unsigned" in has:
        exp["R13"] = "unknown"  # the form is there, its receipt date is not: the order cannot be checked
    if collected and "missing_filing_record" in has:
        exp["R16"] = "unknown"  # nothing in the file says when the money reached the agency
    std.settle(d, SUMMARY_DEFECTS, exp)
    _check(d)


def _check(d: TypedDossierSpec) -> None:
    """The dates and amounts sit where the truth says (guards the generator)."""
    has, t = set(d.defects), d.timeline
    fine = d.elements["fine_amount"]
    limit = {"individual": 200, "organisation": 3000}[d.party.kind]
    assert (fine > limit) == ("fine_over_limit" in has), (d.dossier_id, fine)
    if d.facts["collected_on_spot"]:
        assert (fine > 100) == ("collected_over_limit" in has)
        assert (workdays_between(t["decision"], t["handover"]) > 2) == ("handover_late" in has)
        assert workdays_between(t["handover"], t["bank_deposit"]) <= 2
    assert (t["decision"] > t["violation"]) == ("decided_later" in has)
    assert (t["receipt"] > t["decision"]) == ("receipt_late" in has)
