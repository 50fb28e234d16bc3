"""A 行政强制措施 dossier (查封、扣押): the defects a reviewer finds in one, and its truth.

Ground truth is written here by hand from coercion-measure.yaml and checklist-enforcement.md Part A (行政强制法
第十八条、第十九条、第二十四条、第二十五条、第二十七条), never computed by scoring code. A clean file: the head's approval
(审批表) on the day of the measure or the working day before, the 现场笔录 naming two officers with their
certificate numbers, told the reasons, basis, rights and remedies, heard the party, showed the certificates, the
recording on an 执法记录仪 named and both sides signed, the 查封（扣押）决定书 and its 清单 on the record's day, sometimes an extension decided inside
the first 30 days, and a 解除 or 处理 decision within 30 days of the decision (60 with the extension).

| defect | what is planted | items |
| --- | --- | --- |
| one_officer | the 现场笔录 names one officer | V02 veto |
| late_approval | the head approves 2–4 days after the measure (emergency, approval not made up in 24 h) | V03 veto |
| missing_list | no 清单 | V04 veto |
| overdue | 解除/处理 35–50 days after the decision, no extension | V05 veto |
| no_legal_basis | the decision cites no law | V06 veto |
| missing_record | no 现场笔录 (and so no word of the 音像记录) | R01 (10), R07 (3); V02, R02–R06, R10 n/a |
| record_unsigned | the 现场笔录's 当事人签名 left blank | R02 (4) |
| rights_untold | the 现场笔录 does not say the reasons, basis, rights and remedies were told | R04 (4) |
| defense_unheard | the 现场笔录 says nothing of the party's 陈述申辩 | R05 (3) |
| credentials_unshown | the 现场笔录 does not say the certificates were shown | R06 (2) |
| no_av_record | the 现场笔录 does not name the 执法记录仪 recording | R07 (3) |
| missing_approval | no 审批表 | R08 (3); V03 n/a |
| decision_not_on_spot | the decision dated 1–3 days after the record | R10 (4) |
| late_extension | the extension decided 31–38 days after the decision (released within 60) | R13 (5); V05 veto (第二十五条: an extension made after the first 30 days extends nothing, the release is late) |
| missing_release | neither 解除 nor 处理 decision | R16 (5); V05, V08 n/a |
| disposal_no_basis | the 处理决定书 cites no law | R18 (5) |
| party_mismatch | the 现场笔录 spells the party differently | R20 (1) |

Always n/a here: R11, R12 (no 冻结), R13 without an extension, R17 without a 解除, R18 without a 处理 decision.
T01 (公示) is unknown: no 公示材料 or 公示台账 comes with a file; T03, T04 n/a (no 法制审核意见, the 重大 threshold unset).
Files are never scanned here, so a blank signature line is read, never `unknown`.
Manual items stay manual. Not planted: R03 (the party is always present),: V08 (程序颠倒) and the 冻结 path (R11, R12): no unit of the catalogue holds a
statutory power to freeze deposits.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

import samplegen.catalog as cat
from samplegen.catalog_enforcement import MATTER_BY_UNIT, MATTERS, company_party
from samplegen.model import TypedDossierSpec
from samplegen.standards_coercion import COERCION_MEASURE
from samplegen.workdays import next_workday, previous_workday


@dataclass(frozen=True)
class MeasureDefect:
    name: str
    hits: dict[str, int]
    excludes: frozenset[str] = field(default_factory=frozenset)
    needs: str = ""  # release | disposal | "" (either)


def _d(name: str, hits: dict[str, int], excludes: tuple[str, ...] = (), needs: str = "") -> MeasureDefect:
    return MeasureDefect(name, hits, frozenset(excludes), needs)


# planted in the 现场笔录: they need one
_RECORD = ("record_unsigned", "rights_untold", "defense_unheard", "credentials_unshown", "no_av_record")
_ENDS = ("overdue", "late_extension", "missing_release", "disposal_no_basis")
MEASURE_DEFECTS: dict[str, MeasureDefect] = {
    d.name: d
    for d in (
        _d("one_officer", {"V02": 1}, excludes=("missing_record",)),
        _d("late_approval", {"V03": 1}, excludes=("missing_approval",)),
        _d("missing_list", {"V04": 1}),
        _d("overdue", {"V05": 1}, excludes=_ENDS),
        _d("no_legal_basis", {"V06": 1}),
        _d("missing_record", {"R01": 1, "R07": 1}, excludes=("decision_not_on_spot", "party_mismatch", *_RECORD)),
        _d("record_unsigned", {"R02": 1}),
        _d("rights_untold", {"R04": 1}),
        _d("defense_unheard", {"R05": 1}),
        _d("credentials_unshown", {"R06": 1}),
        _d("no_av_record", {"R07": 1}),
        _d("missing_approval", {"R08": 1}),
        _d("decision_not_on_spot", {"R10": 1}),
        _d("late_extension", {"R13": 1, "V05": 1}, excludes=_ENDS),
        _d("missing_release", {"R16": 1}, excludes=_ENDS),
        _d("disposal_no_basis", {"R18": 1}, excludes=_ENDS, needs="disposal"),
        _d("party_mismatch", {"R20": 1}),
    )
}


def measure_compatible(chosen: list[str], candidate: str) -> bool:
    if candidate in chosen:
        return False
    new = MEASURE_DEFECTS[candidate]
    return not any(candidate in MEASURE_DEFECTS[n].excludes or n in new.excludes for n in chosen)


def build_measure(rng: random.Random, info: cat.UnitInfo, roster: list, year: int, serial: int, archive: int,
                  defects: list[str], single: bool) -> TypedDossierSpec:
    """One 查封/扣押 file with exactly `defects` planted."""
    from samplegen.coercion_measure_docs import measure_documents

    has = set(defects)
    matter = MATTERS[rng.choice(MATTER_BY_UNIT.get(info.code.rstrip("0123456789"), ("food_expired",)))]
    party = company_party(rng, matter.industry)
    officers = [(o.name, o.cert_no) for o in rng.sample(roster, 2)]
    onsite = next_workday(date(year, 1, 6) + timedelta(days=rng.randint(0, 280)))
    t: dict[str, date] = {"onsite": onsite}
    if "late_approval" in has:
        t["approval"] = onsite + timedelta(days=rng.randint(2, 4))
    else:
        t["approval"] = onsite if rng.random() < 0.6 else previous_workday(onsite)
    t["decision"] = onsite + timedelta(days=rng.randint(1, 3)) if "decision_not_on_spot" in has else onsite
    extended = "late_extension" in has or ("overdue" not in has and "missing_release" not in has
                                           and rng.random() < 0.3)
    if extended:
        t["extension"] = t["decision"] + timedelta(days=rng.randint(31, 38) if "late_extension" in has
                                                   else rng.randint(18, 27))
    end = "" if "missing_release" in has else "disposal" if "disposal_no_basis" in has else \
        rng.choice(("release", "release", "disposal"))
    if end:
        days = rng.randint(35, 50) if "overdue" in has else rng.randint(40, 58) if extended else rng.randint(8, 29)
        t[end] = t["decision"] + timedelta(days=days)
    style = rng.choice(("form_book", "classic"))
    d = TypedDossierSpec(
        dossier_id=f"{info.folder}/{year}-强制-{archive:03d}" + (".pdf" if single else ""), unit=info.folder,
        single_file=single, case_type="coercion", procedure="measure", checklist=COERCION_MEASURE.checklist,
        case_no=f"{info.code}{'强制' if style == 'form_book' else matter.measure}〔{year}〕{serial}号", party=party,
        cause=matter.cause,
        elements={"measure": matter.measure, "officers": officers[:1] if "one_officer" in has else officers,
                  "goods": [list(g) for g in matter.goods], "end": end or None, "extended": extended,
                  "place": f"{cat.CITY}{cat.DISTRICT}{rng.choice(cat.ROADS)}{rng.randint(1, 300)}号"},
        facts={"matter": matter.key, "style": style, "agency": info.agency, "code": info.code, "serial": serial,
               "year": year, "head": rng.choice(cat.SURNAMES) + rng.choice(cat.GIVEN)},
        timeline=t, defects=list(defects),
    )
    # the register's 决定日期 column is the measure's decision
    measure_documents(rng, d, single)
    set_measure_expected(d)
    return d


def set_measure_expected(d: TypedDossierSpec) -> None:
    """The expected status of every coercion-measure item, from the planted defects and the file's facts."""
    std, has, t = COERCION_MEASURE, set(d.defects), d.timeline
    exp = {code: ("manual" if code in std.manual else "pass") for code in std.items}
    exp["R11"] = exp["R12"] = "n/a"  # no 冻结
    if "extension" not in t:
        exp["R13"] = "n/a"
    if "release" not in t:
        exp["R17"] = "n/a"
    if "disposal" not in t:
        exp["R18"] = "n/a"
    if "missing_record" in has:  # nothing to judge the record's contents on (R01 deducts)
        for code in ("V02", "R02", "R03", "R04", "R05", "R06", "R10"):
            exp[code] = "n/a"
    # 三项制度: no 公示材料 and no 公示台账 come with a file (T01 unknown: pingcha cannot tell); no 法制审核意见 is
    # written and the 重大 threshold is not set (T03, T04 n/a)
    exp["T01"] = "unknown"
    exp["T03"] = exp["T04"] = "n/a"
    if "missing_approval" in has:
        exp["V03"] = "n/a"
    if "missing_release" in has:
        exp["V05"] = exp["V08"] = "n/a"
    std.settle(d, MEASURE_DEFECTS, exp)
    _check(d)


def _check(d: TypedDossierSpec) -> None:
    """The dates sit where the truth says (guards the generator)."""
    has, t = set(d.defects), d.timeline
    end = t.get("release") or t.get("disposal")
    if end is not None:
        limit = 60 if "extension" in t else 30
        assert ((end - t["decision"]).days > limit) == ("overdue" in has), (end, t)
        assert "late_extension" not in has or (end - t["decision"]).days > 30
    if "extension" in t:
        assert ((t["extension"] - t["decision"]).days > 30) == ("late_extension" in has)
    assert ((t["approval"] - t["onsite"]).days > 1) == ("late_approval" in has)
    assert (t["decision"] > t["onsite"]) == ("decision_not_on_spot" in has)
