"""One dossier from its unit, its defects and one seeded RNG: the case, the party, the writing habits."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from itertools import count

import samplegen.catalog as cat
import samplegen.defects as dfx
import samplegen.ids as ids
import samplegen.styles as styles
from samplegen.doc_plan import plan_documents
from samplegen.model import DossierSpec, OfficerSpec, PartySpec, hash_str
from samplegen.plan import band_options, fine_options, lower_fines
from samplegen.styles import Style
from samplegen.timeline import timeline
from samplegen.truth import limitation_years, set_expected

_ORDINALS = "一二三四五六七八九十"


class DossierBuilder:
    def __init__(self, rng: random.Random, info: cat.UnitInfo, roster: list[OfficerSpec], year: int,
                 serial: int, archive: int, style_set: str, used_names: set[str]) -> None:
        self.rng = rng
        self.info = info
        self.roster = roster
        self.year = year
        self.serial = serial
        self.archive = archive
        self.style_set = style_set
        self.used_names = used_names

    # -- the whole dossier ------------------------------------------------------------------------
    def build(self, defects: list[str], *, single: bool, scanned_share: float,
              pages_target: int | None, band: str | None = None, hearing_held: bool | None = None) -> DossierSpec:
        rng = self.rng
        style = self._style()
        options = band_options(fine_options(self.info, defects), band, hearing_held)
        all_options = band_options(fine_options(self.info, [x for x in defects if x != "fine_increased"]), band,
                                    hearing_held)
        weights = {"low": 5, "hearing": 3, "major": 2}
        key, kind, band, fine_int = rng.choices(options, weights=[weights[o[2]] for o in options])[0]
        sc = cat.SCENARIOS[key]
        fine = Decimal(fine_int)
        notice_fine = fine
        if "fine_increased" in defects:
            notice_fine = Decimal(rng.choice(lower_fines(all_options, (key, kind, band, fine_int))))
        sole_trader = (kind == "individual" and band == "low" and sc.sole_trader_ok
                       and self.style_set == "varied" and rng.random() < 0.5)
        party = self._party(kind, sc, sole_trader)
        if "invalid_credit_code" in defects:
            party.id = ids.corrupt_credit_code(party.id)
        officers = rng.sample(self.roster, 2)
        hearing_applies = fine >= dfx.HEARING_THRESHOLD[kind]
        major = fine >= dfx.MAJOR_THRESHOLD[kind]
        if hearing_held is None:
            hearing_held = any(dfx.DEFECTS[n].needs_hearing for n in defects) or (
                hearing_applies and not {"no_hearing_right"} & set(defects) and rng.random() < 0.4)
        extended = "decision_overdue" not in defects and rng.random() < 0.12
        if hearing_held or "missing_notice" in defects or "decision_before_defense_period" in defects:
            defense = "none"
        else:
            defense = rng.choices(("statement", "waiver", "none"), weights=(5, 3, 2))[0]

        tl, times = timeline(rng, self.year, defects, hearing_held, hearing_applies, major, extended, defense,
                             limitation_years(key))
        notice_serial = self.serial if self.style_set == "standard" or rng.random() < 0.5 else \
            self.serial + rng.randint(-5, -1)
        decision_kind = "罚决字" if hash_str(self.info.code) % 2 else "罚字"
        case_no = styles.case_no(self.info.code, decision_kind, self.year, self.serial, style)
        notice_no = styles.case_no(self.info.code, "罚告字", self.year, notice_serial, style)
        if "amount_upper_mismatch" in defects and style.amount not in ("upper_fig", "yen"):
            style = _replace(style, amount="upper_fig")
        violated = styles.provision(sc.violated.law, sc.violated.article, sc.violated.clause, sc.violated.item,
                                    style.item)
        penalty = styles.provision(sc.penalty.law, sc.penalty.article, sc.penalty.clause, sc.penalty.item,
                                   style.item)
        place = f"{cat.DISTRICT}{rng.choice(cat.ROADS)}{rng.randint(1, 300)}号"
        fact = sc.fact.format(place=place, n=rng.randint(2, 9), m=rng.randint(20, 400),
                              v=rng.choice((320, 860, 1250, 2380, 4600)))
        folder = f"{self.year}-{self.archive:03d}"
        dossier_id = f"{self.info.folder}/{folder}" + (".pdf" if single else "")
        missing_notice = "missing_notice" in defects
        d = DossierSpec(
            dossier_id=dossier_id, unit=self.info.folder, single_file=single, scenario=key, cause=sc.cause,
            case_no=case_no, agency=self.info.agency, party_name=party.name, party_kind=kind, party_id=party.id,
            violation_date=tl["violation"], source_date=tl["source"], filing_date=tl["filing"],
            notice_no=None if missing_notice else notice_no,
            notice_date=None if missing_notice else tl["notice"],
            notice_served_date=None if missing_notice else tl["notice_served"],
            hearing_date=tl.get("hearing"), decision_date=tl["decision"],
            delivery_date=None if "missing_service_receipt" in defects else tl["delivery"],
            fine_amount=fine, notice_fine_amount=None if missing_notice else notice_fine,
            officers=[(o.name, "" if "officers_no_cert" in defects else o.cert_no) for o in officers],
            violated_provision="" if {"no_legal_basis", "decision_no_violated_provision"} & set(defects)
            else violated,
            penalty_provision="" if "no_legal_basis" in defects else penalty,
            party=party, style=style, source_kind=rng.choice(cat.REFERRERS), place=place, fact=fact,
            remedy=sc.remedy, evidence=sc.evidence, department=self.info.department,
            archive_no=f"{self.year}{self.archive:04d}", timeline=tl, record_times=times,
            hearing_applies=hearing_applies, major=major, hearing_held=hearing_held, defense=defense,
            extended=extended, order=rng.choice(("chronological", "chronological", "decision_first", "split")),
            defects=list(defects),
        )
        if "case_no_mismatch" in defects:
            d.wrong_case_no = styles.case_no(self.info.code, decision_kind, self.year,
                                             self.serial + rng.randint(1, 9), style)
        if "party_mismatch" in defects:
            d.wrong_party_name = _misspell(party)
        if "amount_upper_mismatch" in defects:
            d.upper_fine = fine - (1000 if fine > 2000 else 100)
        d.documents = plan_documents(rng, d, single, scanned_share, pages_target)
        set_expected(d)
        return d

    # -- writing habits ---------------------------------------------------------------------------
    def _style(self) -> Style:
        if self.style_set == "standard":
            return styles.STANDARD
        rng = self.rng
        return Style(
            brackets=rng.choice((("〔", "〕"), ("〔", "〕"), ("［", "］"), ("[", "]"), ("（", "）"), ("(", ")"))),
            di=rng.random() < 0.3,
            serial=rng.choice(("plain", "plain", "pad3", "hyphen", "letter")),
            prefix=rng.choice(("", "", "", "（清）", "(清)")),
            date=rng.choice(("cn", "cn", "cn_pad", "cn_space", "dot", "iso", "hanzi")),
            sign_date=rng.choice(("cn", "cn", "hanzi", "cn_pad")),
            zero=rng.choice(("〇", "〇", "○", "0")),
            party_label=rng.choice(("label", "label", "salutation")),
            amount=rng.choice(("upper_fig", "upper_fig", "rmb_fig", "yen", "wan")),
            item=rng.choice(("full", "full", "half", "plain")),
            officers_table=rng.random() < 0.3,
        )

    # -- the party ---------------------------------------------------------------------------------
    def _party(self, kind: str, sc: cat.Scenario, sole_trader: bool) -> PartySpec:
        rng = self.rng
        address = f"{cat.CITY}{cat.DISTRICT}{rng.choice(cat.ROADS)}{rng.randint(1, 300)}号"
        person = self._person_name()
        phone = f"13{rng.randint(100000000, 999999999)}"
        if kind == "organisation":
            name = self._unique(lambda: f"{cat.CITY}{rng.choice(cat.TRADE_NAMES)}{sc.industry}有限公司",
                                lambda base, k: f"{base}第{_ORDINALS[k % len(_ORDINALS)]}分公司")
            return PartySpec(name, kind, ids.make_credit_code(rng, cat.REGION_CODE, "91"), address, person,
                             phone=phone)
        male = rng.random() < 0.6
        birth = date(rng.randint(1965, 2000), rng.randint(1, 12), rng.randint(1, 28))
        citizen = ids.make_citizen_id(rng, cat.REGION_CODE, birth, male)
        if sole_trader:
            name = f"{cat.DISTRICT}{rng.choice(cat.TRADE_NAMES)}{rng.choice(cat.SHOP_KINDS)}"
            return PartySpec(name, kind, ids.make_credit_code(rng, cat.REGION_CODE, "92"), address, person,
                             "男" if male else "女", True, citizen, phone)
        return PartySpec(person, kind, citizen, address, person, "男" if male else "女", phone=phone)

    def _person_name(self) -> str:
        return self._unique(lambda: self.rng.choice(cat.SURNAMES) + self.rng.choice(cat.GIVEN),
                            lambda base, k: base + cat.GIVEN[k % len(cat.GIVEN)][0])

    def _unique(self, draw: Callable[[], str], variant: Callable[[str, int], str], tries: int = 200) -> str:
        """A name not yet used in this unit. Draws as before while the pool has room (so existing campaigns
        stay identical); once `tries` draws in a row collide, the pool is spent and a numbered variant is
        taken instead of looping for ever."""
        for _ in range(tries):
            name = draw()
            if name not in self.used_names:
                break
        else:
            base = name
            name = next(v for k in count() if (v := variant(base, k)) not in self.used_names)
        self.used_names.add(name)
        return name


def _misspell(party: PartySpec) -> str:
    if party.kind == "organisation":
        return party.name.replace("有限公司", "有限责任公司")
    if party.sole_trader:
        return party.name[:-1] + "铺"
    swap = {"伟": "玮", "芳": "方", "娜": "纳", "敏": "民", "静": "晶", "丽": "莉", "强": "翔", "磊": "雷"}
    last = party.name[-1]
    return party.name[:-1] + swap.get(last, "明" if last != "明" else "鸣")


def _replace(style: Style, **changes) -> Style:
    from dataclasses import replace

    return replace(style, **changes)
