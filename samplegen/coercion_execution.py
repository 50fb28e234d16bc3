"""A 行政强制执行 dossier: the defects a reviewer finds in one, and its truth (written from the draft standard).

Ground truth is written here by hand from shared/reference/checklist-enforcement.md Part B (行政强制法第三十五条至
第四十四条、第五十三条至第五十八条; 行诉解释第一百五十六条), never computed by scoring code; its YAML is written apart,
so these statuses are the draft's reading until the two are compared. Two paths:

- court: a fine left unpaid. The 行政处罚决定书 (it states the 3 % a day surcharge) and its 送达回证; the 催告书
  after the 15 days to pay (期限, 方式, 金额, 陈述申辩), its 送达回证; the 强制执行申请书 to the court, signed by the
  head and sealed, 10+ working days after the reminder was served and inside the three months after the six
  months to sue; the court's 准予强制执行裁定书.
- agency: a 违法建设 not pulled down (城乡规划法第六十八条). The 限期拆除决定书 and its 送达回证, the 催告书 and its
  送达回证, the 强制执行决定书 after the reminder's deadline, the 限期拆除公告, the 强制拆除现场笔录 in daytime.

| defect | path | what is planted | items |
| --- | --- | --- | --- |
| no_reminder | either | no 催告书 (nor its receipt) | V02 veto; R01–R03, R05, R08, R13 n/a (V03 too in court) |
| reminder_early | either | the reminder served before the time to perform ran out | V03 veto |
| court_too_early | court | the application 3–5 months after the decision was served | V04 veto |
| surcharge_over | court | the reminder's 加处罚款 larger than the fine | V05 veto |
| reminder_no_defense | either | the reminder omits the right to 陈述申辩 | R01 (3) |
| reminder_unserved | either | no 送达回证 for the reminder | R02 (4); R08 unknown (no served date) |
| decision_no_remedies | agency | the 强制执行决定书 omits 复议/诉讼 | R04 (3) |
| decided_before_deadline | agency | the 强制执行决定书 before the reminder's deadline | R05 (5) |
| night_execution | agency | the demolition at 22–23 o'clock, no emergency noted | R06 (4) |
| no_execution_record | agency | no 现场笔录 of the execution | R07 (4) |
| applied_too_soon | court | the application 4–8 working days after the reminder was served | R08 (6) |
| applied_too_late | court | the application 10–11 months after the decision was served | R09 (6) |
| no_court_ruling | court | no 裁定书 | R12 unknown (the draft: the ruling may not be made yet) |
| no_surcharge_notice | court | the decision does not state the 加处罚款 | R13 (4) |
| no_demolition_notice | agency | no 限期拆除公告 | R16 (5) |
| party_mismatch | either | the 催告书 spells the party differently | R18 (1) |

Always n/a: R14 (no money duty enforced by the agency itself), R15 (no 代履行); on the court path V01, R04–R07 and
R16; on the agency path V04, V05, R08–R13. Manual: V01 (agency path), V06, R03, R10 and R11 (court path), R17.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

import samplegen.catalog as cat
from samplegen.catalog_enforcement import company_party
from samplegen.model import TypedDossierSpec
from samplegen.standards_coercion import COERCION_EXECUTION
from samplegen.workdays import add_workdays, next_workday, workdays_between


@dataclass(frozen=True)
class ExecutionDefect:
    name: str
    hits: dict[str, int]
    path: str = ""  # court | agency | "" (either)
    excludes: frozenset[str] = field(default_factory=frozenset)


def _d(name: str, hits: dict[str, int], path: str = "", excludes: tuple[str, ...] = ()) -> ExecutionDefect:
    return ExecutionDefect(name, hits, path, frozenset(excludes))


_REMINDER = ("reminder_early", "reminder_no_defense", "reminder_unserved", "surcharge_over", "party_mismatch",
             "applied_too_soon", "decided_before_deadline")
_WHEN = ("court_too_early", "applied_too_soon", "applied_too_late")
EXECUTION_DEFECTS: dict[str, ExecutionDefect] = {
    d.name: d
    for d in (
        _d("no_reminder", {"V02": 1}, excludes=(*_REMINDER, "no_surcharge_notice")),
        _d("reminder_early", {"V03": 1}, excludes=("reminder_unserved", "applied_too_soon")),
        _d("court_too_early", {"V04": 1}, "court", excludes=_WHEN),
        _d("surcharge_over", {"V05": 1}, "court", excludes=("no_surcharge_notice",)),
        _d("reminder_no_defense", {"R01": 1}),
        _d("reminder_unserved", {"R02": 1}, excludes=("applied_too_soon",)),
        _d("decision_no_remedies", {"R04": 1}, "agency"),
        _d("decided_before_deadline", {"R05": 1}, "agency"),
        _d("night_execution", {"R06": 1}, "agency", excludes=("no_execution_record",)),
        _d("no_execution_record", {"R07": 1}, "agency"),
        _d("applied_too_soon", {"R08": 1}, "court", excludes=_WHEN),
        _d("applied_too_late", {"R09": 1}, "court", excludes=_WHEN),
        _d("no_court_ruling", {}, "court"),  # R12 unknown: the ruling may be pending or filed apart
        _d("no_surcharge_notice", {"R13": 1}, "court"),
        _d("no_demolition_notice", {"R16": 1}, "agency"),
        _d("party_mismatch", {"R18": 1}, excludes=("no_reminder",)),
    )
}


def execution_compatible(chosen: list[str], candidate: str) -> bool:
    if candidate in chosen:
        return False
    new = EXECUTION_DEFECTS[candidate]
    if {"court", "agency"} <= {EXECUTION_DEFECTS[n].path for n in chosen} | {new.path}:
        return False
    return not any(candidate in EXECUTION_DEFECTS[n].excludes or n in new.excludes for n in chosen)


def build_execution(rng: random.Random, info: cat.UnitInfo, roster: list, year: int, serial: int, archive: int,
                    defects: list[str], single: bool) -> TypedDossierSpec:
    """One 行政强制执行 file with exactly `defects` planted."""
    from samplegen.coercion_execution_docs import execution_documents

    has = set(defects)
    paths = {EXECUTION_DEFECTS[n].path for n in defects} - {""}
    path = paths.pop() if paths else rng.choice(("court", "agency"))
    party = company_party(rng, ('商贸', '建材', '物流', '餐饮'))
    officers = [(o.name, o.cert_no) for o in rng.sample(roster, 2)]
    # the underlying decision is of the year before when the court path needs its six months to run
    decided = next_workday(date(year - 1, 5, 6) + timedelta(days=rng.randint(0, 120)) if path == "court"
                           else date(year, 1, 6) + timedelta(days=rng.randint(0, 150)))
    served = decided + timedelta(days=rng.randint(1, 5))
    t = {"underlying": decided, "underlying_served": served,
         "deadline": served + timedelta(days=15 if path == "court" else 10)}
    reminder = t["deadline"] - timedelta(days=rng.randint(2, 5)) if "reminder_early" in has else \
        t["deadline"] + timedelta(days=rng.randint(3, 20))
    t["reminder"] = reminder
    t["reminder_served"] = reminder + timedelta(days=rng.randint(0, 2))
    t["reminder_deadline"] = t["reminder_served"] + timedelta(days=10)
    if path == "court":
        window = _months(served, 6)
        if "court_too_early" in has:
            applied = _months(served, rng.choice((3, 4))) + timedelta(days=rng.randint(0, 25))
            t["reminder"] = min(t["reminder"], applied - timedelta(days=30))
            t["reminder_served"] = t["reminder"] + timedelta(days=1)
        elif "applied_too_late" in has:
            applied = _months(served, 10) + timedelta(days=rng.randint(0, 25))
        elif "applied_too_soon" in has:
            t["reminder"] = window + timedelta(days=rng.randint(3, 15))
            t["reminder_served"] = t["reminder"] + timedelta(days=1)
            applied = add_workdays(t["reminder_served"], rng.randint(4, 8))
        else:
            applied = window + timedelta(days=rng.randint(20, 70))
        t["application"] = next_workday(applied)
        t["ruling"] = add_workdays(t["application"], rng.randint(5, 20))
        t["decision"] = t["application"]  # the register's date: the application
        fine = Decimal(rng.choice((5000, 8000, 10000, 20000, 30000)))
        surcharge = fine + Decimal(rng.choice((1000, 3000))) if "surcharge_over" in has else \
            (fine * Decimal("0.03") * rng.randint(10, 30)).quantize(Decimal(1))
        surcharge = min(surcharge, fine) if "surcharge_over" not in has else surcharge
        t["reminder_deadline"] = t["reminder_served"] + timedelta(days=10)
    else:
        t["decision"] = t["reminder_deadline"] - timedelta(days=rng.randint(2, 5)) \
            if "decided_before_deadline" in has else t["reminder_deadline"] + timedelta(days=rng.randint(2, 8))
        t["demolition_notice"] = t["decision"] + timedelta(days=rng.randint(1, 3))
        t["execution"] = next_workday(t["demolition_notice"] + timedelta(days=rng.randint(10, 20)))  # 第四十三条
        fine = surcharge = Decimal(0)
    hour = rng.choice((22, 23)) if "night_execution" in has else rng.choice((8, 9, 10, 14))
    d = TypedDossierSpec(
        dossier_id=f"{info.folder}/{year}-执行-{archive:03d}" + (".pdf" if single else ""), unit=info.folder,
        single_file=single, case_type="coercion", procedure="execution", checklist=COERCION_EXECUTION.checklist,
        case_no=f"{info.code}{'强执' if path == 'agency' else '执申'}〔{year}〕{serial}号", party=party,
        cause="申请人民法院强制执行罚款" if path == "court" else "强制拆除违法建设",
        elements={"path": path, "officers": officers, "fine_amount": fine if path == "court" else None,
                  "surcharge": surcharge if path == "court" else None, "execution_hour": hour,
                  "underlying_no": f"{info.code}{'罚决' if path == 'court' else '拆决'}〔{decided.year}〕"
                                   f"{rng.randint(10, 99)}号",
                  "building": f"{cat.CITY}{cat.DISTRICT}{rng.choice(cat.ROADS)}{rng.randint(1, 300)}号院内"
                              f"彩钢板房约{rng.randint(20, 120)}平方米"},
        facts={"agency": info.agency, "code": info.code, "serial": serial, "year": year,
               "head": rng.choice(cat.SURNAMES) + rng.choice(cat.GIVEN)},
        timeline=t, defects=list(defects),
    )
    execution_documents(rng, d, single)
    set_execution_expected(d)
    return d


def _months(day: date, n: int) -> date:
    month = day.month - 1 + n
    y, m = day.year + month // 12, month % 12 + 1
    for dd in range(day.day, 0, -1):
        try:
            return date(y, m, dd)
        except ValueError:
            continue
    raise AssertionError(day)


def set_execution_expected(d: TypedDossierSpec) -> None:
    """The expected status of every item of the draft standard, from the planted defects and the path."""
    std, has = COERCION_EXECUTION, set(d.defects)
    exp = {code: ("manual" if code in std.manual else "pass") for code in std.items}
    for code in ("R14", "R15"):
        exp[code] = "n/a"
    court = d.elements["path"] == "court"
    off = ("V01", "R04", "R05", "R06", "R07", "R16") if court else \
        ("V04", "V05", "R08", "R09", "R10", "R11", "R12", "R13")
    for code in off:
        exp[code] = "n/a"
    if "no_reminder" in has:
        for code in ("R01", "R02", "R03", "R05", "R08", "R13"):
            exp[code] = "n/a"  # R13 reads the reminder's sum
        if court:
            exp["V03"] = "n/a"  # the order 决定—催告—申请 lacks its middle (the agency's 决定—执行 remains)
    if "no_court_ruling" in has:
        exp["R12"] = "unknown"
    if "reminder_unserved" in has and court:
        exp["R08"] = "unknown"  # no served date: the 10 working days cannot be counted
    if "no_execution_record" in has:
        exp["R06"] = "n/a"
    # 三项制度: no 公示台账 comes with a file (T01 unknown on the agency's own decision; the court path decides nothing
    # new); the 强制拆除 is certain with its notice and its record, which says it was filmed (全程进行音像记录): a
    # notice alone leaves the demolition likely and unrecorded (unknown), a record alone shows no listed act (n/a);
    # no 法制审核意见 is written (T03 n/a)
    exp["T01"] = "n/a" if court else "unknown"
    if court or "no_demolition_notice" in has:
        exp["T02"] = "n/a"
    elif "no_execution_record" in has:
        exp["T02"] = "unknown"
    exp["T03"] = "n/a"
    std.settle(d, EXECUTION_DEFECTS, exp)
    _check(d)


def _check(d: TypedDossierSpec) -> None:
    """The dates sit where the truth says (guards the generator)."""
    has, t = set(d.defects), d.timeline
    assert (t["reminder_served"] <= t["deadline"]) == ("reminder_early" in has), t
    if d.elements["path"] == "court":
        assert (t["application"] < _months(t["underlying_served"], 6)) == ("court_too_early" in has), t
        assert (t["application"] > _months(t["underlying_served"], 9)) == ("applied_too_late" in has), t
        if "court_too_early" not in has:
            assert (workdays_between(t["reminder_served"], t["application"]) < 10) == ("applied_too_soon" in has)
        assert (d.elements["surcharge"] > d.elements["fine_amount"]) == ("surcharge_over" in has)
    else:
        assert (t["decision"] <= t["reminder_deadline"]) == ("decided_before_deadline" in has)
