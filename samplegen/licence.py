"""A licence dossier (行政许可): the defects a reviewer finds in one, and its truth.

Ground truth is written here by hand from license.yaml and checklist-licensing.md, never computed by scoring
code. A clean file: 申请书 and 收件凭证 on the day of application, at most one 补正 notice within 5 working days,
the 受理通知书, the 审批表 with both opinions, a decision well inside 20 working days (or inside 30 with an
approved extension told in writing, or after a 特别程序 told in writing), the certificate delivered within 10
working days (送达回证), often the 公示 record. One file in four is a refusal (with reasons and remedies).

| defect | what is planted | items |
| --- | --- | --- |
| late_correction | the 补正 notice 7–9 working days after the application | R03 (5) |
| two_corrections | two 补正 notices (not told all at once) | R03 (5) |
| missing_receipt | no 收件凭证 | R02 (2) |
| missing_review_form | no 审批表 | R07 (3) |
| decision_late | decision 26–28 working days after 受理, no extension, no 特别程序 | R12 (10) |
| extension_unapproved | an extension told in writing without the head's approval (decision in the 21st–27th day) | R13 (3) |
| late_delivery | certificate delivered 12–15 working days after the decision | R18 (5) |
| missing_service_receipt | no 送达回证 | R19 (5); for a grant R18 and V03 unknown (the certificate's copy, no delivery date) |
| refusal_no_reasons | a refusal that says no reason | V05 veto |
| refusal_no_remedies | a refusal without 复议/诉讼 | R15 (4) |
| invalid_credit_code | the applicant's 统一社会信用代码 fails its check character | R22 (2) |

Always n/a here: V04, R05, R16, R17 (no hearing, no 不予受理); R14, R18, R21 for a refusal; V05, R15 for a
grant; R03 without a 补正 notice; R13 without an extension. R21 is unknown for a grant without a 公示 record
(proof may sit on a platform). Manual items stay manual.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

import samplegen.catalog as cat
import samplegen.catalog_types as ct
import samplegen.ids as ids
from samplegen.model import PartySpec, TypedDossierSpec
from samplegen.standards import LICENSE
from samplegen.workdays import add_workdays, next_workday, previous_workday, workdays_between


@dataclass(frozen=True)
class LicenceDefect:
    name: str
    hits: dict[str, int]
    needs: str = ""  # grant | refuse | "" (either)
    excludes: frozenset[str] = field(default_factory=frozenset)


def _d(name: str, hits: dict[str, int], needs: str = "", excludes: tuple[str, ...] = ()) -> LicenceDefect:
    return LicenceDefect(name, hits, needs, frozenset(excludes))


LICENCE_DEFECTS: dict[str, LicenceDefect] = {
    d.name: d
    for d in (
        _d("late_correction", {"R03": 1}, excludes=("two_corrections",)),
        _d("two_corrections", {"R03": 1}),
        _d("missing_receipt", {"R02": 1}),
        _d("missing_review_form", {"R07": 1}),
        _d("decision_late", {"R12": 1}, excludes=("extension_unapproved",)),
        _d("extension_unapproved", {"R13": 1}),
        _d("late_delivery", {"R18": 1}, needs="grant", excludes=("missing_service_receipt",)),
        _d("missing_service_receipt", {"R19": 1}),
        _d("refusal_no_reasons", {"V05": 1}, needs="refuse"),
        _d("refusal_no_remedies", {"R15": 1}, needs="refuse"),
        _d("invalid_credit_code", {"R22": 1}),
    )
}

# Planted only on request (DossierPlan): ingest reads no 统一社会信用代码 from licence documents yet, so the
# pipeline cannot see this defect (tests/samplegen/test_case_types.py keeps it as an expected failure).
LICENCE_PLANTED_ONLY = frozenset({"invalid_credit_code"})


def licence_compatible(chosen: list[str], candidate: str) -> bool:
    if candidate in chosen:
        return False
    new = LICENCE_DEFECTS[candidate]
    needs = {LICENCE_DEFECTS[n].needs for n in chosen} | {new.needs}
    if {"grant", "refuse"} <= needs:
        return False
    return not any(candidate in LICENCE_DEFECTS[n].excludes or n in new.excludes for n in chosen)


def build_licence(rng: random.Random, info: cat.UnitInfo, year: int, serial: int, archive: int,
                  defects: list[str], single: bool) -> TypedDossierSpec:
    """One 行政许可 file with exactly `defects` planted."""
    from samplegen.licence_docs import licence_documents

    has = set(defects)
    needs = {LICENCE_DEFECTS[n].needs for n in defects} - {""}
    refused = "refuse" in needs or ("grant" not in needs and rng.random() < 0.25)
    matter = ct.LICENSE_MATTERS[ct.LICENSE_BY_UNIT.get(info.code, ct.DEFAULT_LICENSE)]
    party = _applicant(rng, matter)
    if "invalid_credit_code" in has:
        party.id = ids.corrupt_credit_code(party.id)
    applied = next_workday(date(year, 1, 6) + timedelta(days=rng.randint(0, 240)))
    t: dict[str, date] = {"application": applied}
    corrections: list[date] = []
    if "late_correction" in has:
        corrections = [add_workdays(applied, rng.randint(7, 9))]
    elif "two_corrections" in has:
        corrections = [add_workdays(applied, 1), add_workdays(applied, rng.randint(3, 4))]
    elif rng.random() < 0.35:
        corrections = [add_workdays(applied, rng.randint(1, 3))]
    t["acceptance"] = add_workdays(corrections[-1] if corrections else applied, rng.randint(2, 4))
    # how the decision period is spent: in time, extended (told in writing), after a 特别程序 told, or late
    # ingest does not classify a 专家评审意见 yet: beside it a missing document is unknown, not fail, so the
    # special procedure is not combined with a missing-document defect (the gap is reported, not hidden)
    special_ok = not has & {"missing_receipt", "missing_review_form", "missing_service_receipt"}
    mode = "extended" if "extension_unapproved" in has else "late" if "decision_late" in has else \
        rng.choices(("plain", "extended", "special"), weights=(6, 2, 2 if special_ok else 0))[0]
    if mode == "plain":
        t["decision"] = add_workdays(t["acceptance"], rng.randint(8, 15))
    elif mode == "late":
        t["decision"] = add_workdays(t["acceptance"], rng.randint(26, 28))
    elif mode == "extended":
        t["extension"] = add_workdays(t["acceptance"], rng.randint(15, 18))
        t["decision"] = add_workdays(t["acceptance"], rng.randint(23, 27))
    else:
        t["special"] = add_workdays(t["acceptance"], rng.randint(2, 4))
        t["expert_review"] = add_workdays(t["special"], rng.randint(5, 8))
        t["decision"] = add_workdays(t["acceptance"], rng.randint(23, 27))
    t["review"] = previous_workday(t["decision"])
    t["delivery"] = add_workdays(t["decision"], rng.randint(12, 15) if "late_delivery" in has else rng.randint(1, 4))
    published = not refused and rng.random() < 0.7
    if published:
        t["publication"] = add_workdays(t["decision"], rng.randint(1, 4))
    code = info.code
    d = TypedDossierSpec(
        dossier_id=f"{info.folder}/{year}-许可-{archive:03d}" + (".pdf" if single else ""), unit=info.folder,
        single_file=single, case_type="license", procedure="", checklist=LICENSE.checklist,
        case_no=f"{code}许{'不' if refused else '准'}〔{year}〕{serial}号", party=party, cause=matter.matter,
        elements={"corrections": corrections, "license_decision": "refuse" if refused else "grant",
                  "excluded_days": 10 if mode == "special" else None,
                  "extension_approved": mode == "extended" and "extension_unapproved" not in has},
        facts={"matter": matter.key, "mode": mode, "published": published, "agency": info.agency, "code": code,
               "serial": serial, "year": year},
        timeline=t, defects=list(defects),
    )
    licence_documents(rng, d, single)
    set_licence_expected(d)
    return d


def _applicant(rng: random.Random, matter: ct.LicenseMatter) -> PartySpec:
    address = f"{cat.CITY}{cat.DISTRICT}{rng.choice(cat.ROADS)}{rng.randint(1, 300)}号"
    person = rng.choice(cat.SURNAMES) + rng.choice(cat.GIVEN)
    name = f"{cat.CITY}{rng.choice(cat.TRADE_NAMES)}{matter.industry}有限公司"
    return PartySpec(name, "organisation", ids.make_credit_code(rng, cat.REGION_CODE, "91"), address, person,
                     phone=f"010-{rng.randint(60000000, 89999999)}")


def set_licence_expected(d: TypedDossierSpec) -> None:
    """The expected status of every license item, from the planted defects and the file's facts."""
    std = LICENSE
    has = set(d.defects)
    refused = d.elements["license_decision"] == "refuse"
    exp = {code: ("manual" if code in std.manual else "pass") for code in std.items}
    for code in ("V04", "R05", "R16", "R17", "T02", "T03"):  # no hearing, 不予受理, seizure or 法制审核 planted
        exp[code] = "n/a"
    if refused:
        exp["R14"] = exp["R18"] = exp["R21"] = "n/a"
    else:
        exp["V05"] = exp["R15"] = "n/a"
        if not d.facts["published"]:
            exp["R21"] = "unknown"
    if not d.elements["corrections"]:
        exp["R03"] = "n/a"
    if d.facts["mode"] != "extended":
        exp["R13"] = "n/a"
    if "missing_service_receipt" in has and not refused:
        # the certificate's copy is in the file but nothing says when it was delivered: cannot tell
        exp["R18"] = exp["V03"] = "unknown"
    std.settle(d, LICENCE_DEFECTS, exp)
    _check(d)


def _check(d: TypedDossierSpec) -> None:
    """The dates sit where the truth says (guards the generator)."""
    has, t = set(d.defects), d.timeline
    corrections = d.elements["corrections"]
    if corrections:
        assert (workdays_between(t["application"], corrections[0]) > 5) == ("late_correction" in has)
    taken = workdays_between(t["acceptance"], t["decision"])
    allowed = 20 + (10 if d.facts["mode"] in ("extended", "special") else 0)
    assert (taken > allowed) == ("decision_late" in has) and (taken > 20) == (d.facts["mode"] != "plain"), taken
    assert (workdays_between(t["decision"], t["delivery"]) > 10) == ("late_delivery" in has)
    assert t["application"] < t["acceptance"] < t["decision"] < t["delivery"]
