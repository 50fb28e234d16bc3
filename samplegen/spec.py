"""A campaign spec with ground truth: pure and deterministic (one seeded `random.Random`), no file I/O.

Tests and benchmarks read the spec (or its JSON manifest) as the truth about every generated dossier:
the elements as written, the documents and their files, the planted defects and the expected status of
every checklist item. The defect table is in `samplegen.defects`. Dates are chosen far from every
deadline (clean dossiers pass comfortably, defective ones fail clearly), fines far from every threshold.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from itertools import count

from ingest.glossary import DocKind
from samplegen import catalog as cat
from samplegen import defects as dfx
from samplegen import ids, styles
from samplegen.styles import Style
from samplegen.workdays import add_workdays, next_workday

FINE_CANDIDATES = {
    "organisation": {"low": (5000, 8000, 10000, 15000, 20000, 30000),
                     "hearing": (60000, 70000, 80000),
                     "major": (120000, 150000, 200000)},
    "individual": {"low": (500, 800, 1000, 1500, 2000),
                   "hearing": (5000, 6000, 8000),
                   "major": (20000, 50000, 60000)},
}
XLSX_KINDS = frozenset({DocKind.CASE_SOURCE, DocKind.FILING_APPROVAL, DocKind.SERVICE_RECEIPT,
                        DocKind.PAYMENT_RECEIPT, DocKind.DECISION_APPROVAL, DocKind.CLOSING_APPROVAL})


@dataclass(frozen=True)
class OfficerSpec:
    name: str
    cert_no: str


@dataclass
class PartySpec:
    name: str
    kind: str  # organisation | individual
    id: str  # 统一社会信用代码 or 公民身份号码, as written
    address: str
    representative: str  # 法定代表人 / 经营者 (the person for individuals)
    gender: str = ""  # individuals
    sole_trader: bool = False  # 个体工商户: the trade name is the party, the operator is named too
    operator_id: str = ""  # the operator's 公民身份号码 for a 个体工商户
    phone: str = ""


@dataclass
class DocSpec:
    kind: DocKind
    role: str  # distinguishes documents of one kind: "service_receipt:notice", "evidence:2" …
    title: str  # the title line the document starts with
    file: str  # relative to the dossier; "" for the single file of a single-file dossier
    format: str  # docx | pdf | xlsx
    scanned: bool = False
    date: date | None = None  # the document's own date (落款), None when undated


@dataclass
class DossierSpec:
    dossier_id: str
    unit: str
    single_file: bool
    scenario: str
    cause: str  # 案由
    case_no: str
    agency: str
    party_name: str
    party_kind: str
    party_id: str
    violation_date: date
    source_date: date
    filing_date: date
    notice_no: str | None
    notice_date: date | None
    notice_served_date: date | None
    hearing_date: date | None
    decision_date: date
    delivery_date: date | None
    fine_amount: Decimal
    notice_fine_amount: Decimal | None
    officers: list[tuple[str, str]]
    violated_provision: str  # as the decision writes it; "" when absent
    penalty_provision: str
    party: PartySpec
    style: Style
    source_kind: str  # 日常检查, 投诉 …
    place: str
    fact: str
    remedy: str
    evidence: tuple[str, ...]
    department: str
    archive_no: str
    timeline: dict[str, date] = field(default_factory=dict)
    record_times: dict[str, tuple[datetime, datetime]] = field(default_factory=dict)
    hearing_applies: bool = False
    major: bool = False
    hearing_held: bool = False
    defense: str = "none"  # none | statement | waiver
    extended: bool = False
    order: str = "chronological"  # chronological | decision_first | split
    documents: list[DocSpec] = field(default_factory=list)
    defects: list[str] = field(default_factory=list)
    expected: dict[str, str] = field(default_factory=dict)
    expected_points: dict[str, float] = field(default_factory=dict)
    expected_raw_score: float = 100.0
    expected_total_score: float = 100.0
    expected_grade: str = "优秀"
    expected_vetoed: bool = False
    # Values the documents write differently from the truth (planted defects).
    wrong_case_no: str | None = None
    wrong_party_name: str | None = None
    upper_fine: Decimal | None = None  # the 大写 the decision writes, when it disagrees

    @property
    def has(self) -> set[str]:
        return {d.role for d in self.documents}

    def doc(self, role: str) -> DocSpec | None:
        return next((d for d in self.documents if d.role == role), None)


@dataclass(frozen=True)
class DossierPlan:
    """What one dossier must have, for tests that need a named defect (or a clean dossier with a hearing or a
    major fine) on demand rather than by the luck of the random deck."""

    defects: tuple[str, ...] = ()
    band: str | None = None  # low | hearing | major (fine below / at the hearing / at the major threshold)
    hearing_held: bool | None = None  # None: as chance and the defects have it


@dataclass
class UnitSpec:
    name: str  # the folder name
    agency: str
    code: str
    register_file: str  # <unit>/<…台账.xlsx>
    officers: list[OfficerSpec]


@dataclass
class CampaignSpec:
    seed: int
    year: int
    styles: str
    units: list[UnitSpec]
    dossiers: list[DossierSpec]
    params: dict[str, object]


def build_campaign(
    seed: int = 2025,
    units: int = 3,
    per_unit: int = 4,
    *,
    year: int = 2025,
    defect_rate: float = 0.5,
    styles: str = "standard",
    scanned_share: float = 0.0,
    single_file_share: float = 0.0,
    pages_target: int | None = None,
    plan: Sequence[DossierPlan] | None = None,
) -> CampaignSpec:
    """Build the campaign: `units` units with `per_unit` general-procedure penalty dossiers each.

    `plan`, one entry per dossier in order (dossier i is in unit i // per_unit), plants exactly its defects
    instead of the random draw (`defect_rate` is then unused); a plan the unit cannot build raises ValueError.
    """
    if styles not in ("standard", "varied"):
        raise ValueError(f"styles must be 'standard' or 'varied', not {styles!r}")
    if plan is not None and len(plan) != units * per_unit:
        raise ValueError(f"plan has {len(plan)} entries for {units * per_unit} dossiers")
    rng = random.Random(seed)
    total = units * per_unit
    defective = set(rng.sample(range(total), round(total * defect_rate)))
    single = set(rng.sample(range(total), round(total * single_file_share)))
    deck = _DefectDeck(rng)
    unit_specs: list[UnitSpec] = []
    dossiers: list[DossierSpec] = []
    for u in range(units):
        info = _unit_info(u)
        roster = _roster(rng, info)
        unit_specs.append(UnitSpec(info.folder, info.agency, info.code,
                                   f"{info.folder}/{info.folder}{year}年行政处罚案件台账.xlsx", roster))
        serial = rng.randint(5, 40)
        archive = 0
        used_names: set[str] = set()
        for k in range(per_unit):
            index = u * per_unit + k
            serial += rng.randint(1, 12)
            archive += rng.randint(1, 5)
            builder = _DossierBuilder(rng, info, roster, year, serial, archive, styles, used_names)
            wanted = plan[index] if plan is not None else DossierPlan()
            if plan is not None:
                _check_plan(info, wanted)
                defects = list(wanted.defects)
            else:
                defects = deck.draw(rng, info, styles) if index in defective else []
            d = builder.build(defects, single=index in single, scanned_share=scanned_share,
                              pages_target=pages_target, band=wanted.band, hearing_held=wanted.hearing_held)
            dossiers.append(d)
    params = {
        "hearing_fine_threshold": dfx.HEARING_THRESHOLD, "major_case_fine_threshold": dfx.MAJOR_THRESHOLD,
        "filing_working_days": dfx.FILING_WORKING_DAYS, "decision_deadline_days": dfx.DECISION_DEADLINE_DAYS,
        "delivery_working_days": dfx.DELIVERY_WORKING_DAYS,
        "defense_period_working_days": [dfx.DEFENSE_WORKING_DAYS, dfx.DEFENSE_WORKING_DAYS_HEARING],
        "hearing_notice_working_days": dfx.HEARING_NOTICE_WORKING_DAYS, "limitation_years": dfx.LIMITATION_YEARS,
        "units": units, "per_unit": per_unit, "defect_rate": defect_rate, "scanned_share": scanned_share,
        "single_file_share": single_file_share, "pages_target": pages_target,
    }
    return CampaignSpec(seed, year, styles, unit_specs, dossiers, params)


_ORDINALS = "一二三四五六七八九十"


def _unit_info(u: int) -> cat.UnitInfo:
    if u < len(cat.UNITS):
        return cat.UNITS[u]
    base = cat.UNITS[u % len(cat.UNITS)]  # (base, n) is unique for every u: no two units share a folder
    n = u // len(cat.UNITS) + 1
    return cat.UnitInfo(f"{base.folder.replace('办事处', '')}{n}办事处" if "街道" in base.folder
                        else f"{base.folder}{n}", f"{base.agency}{n}", f"{base.code}{n}", base.cert_prefix,
                        base.scenarios, base.department)


def _roster(rng: random.Random, info: cat.UnitInfo) -> list[OfficerSpec]:
    names: list[str] = []
    while len(names) < 6:
        name = rng.choice(cat.SURNAMES) + rng.choice(cat.GIVEN)
        if name not in names:
            names.append(name)
    return [OfficerSpec(n, f"{info.cert_prefix}{rng.randint(1000, 9999)}") for n in names]


class _DefectDeck:
    """Deals defects from a shuffled deck so that a campaign covers them all before repeating any.

    The first defective dossier always gets a veto defect, so that even a small campaign shows one.
    """

    def __init__(self, rng: random.Random) -> None:
        self.cards: list[str] = []
        self.dealt = 0
        self._refill(rng)

    def _refill(self, rng: random.Random) -> None:
        cards = sorted(set(dfx.DEFECTS) - dfx.PLANTED_ONLY)
        rng.shuffle(cards)
        if not self.dealt:
            veto = next(c for c in cards if c in dfx.VETO_DEFECTS)
            cards.remove(veto)
            cards.insert(0, veto)
        self.cards.extend(cards)

    def draw(self, rng: random.Random, info: cat.UnitInfo, style_set: str) -> list[str]:
        want = rng.choice((1, 1, 2, 2, 3))
        chosen: list[str] = []
        skipped: list[str] = []
        while len(chosen) < want:
            if not self.cards:
                if chosen:
                    break
                self._refill(rng)
            card = self.cards.pop(0)
            if dfx.compatible(chosen, card) and _feasible(info, [*chosen, card], style_set):
                chosen.append(card)
            else:
                skipped.append(card)
        self.cards[:0] = skipped  # the next dossier gets them
        self.dealt += 1
        return chosen


def _bands_kinds(defects: list[str]) -> tuple[frozenset[str], frozenset[str]]:
    bands = frozenset(dfx.BANDS)
    kinds = frozenset({"organisation", "individual"})
    for name in defects:
        bands &= dfx.DEFECTS[name].bands
        kinds &= dfx.DEFECTS[name].kinds
    return bands, kinds


def _options(info: cat.UnitInfo, defects: list[str]) -> list[tuple[str, str, str, int]]:
    """Every (scenario, party kind, band, fine) the unit can produce under the defects' constraints."""
    bands, kinds = _bands_kinds(defects)
    out = []
    for key in info.scenarios:
        sc = cat.SCENARIOS[key]
        for kind, (lo, hi) in sc.fine_range.items():
            if kind not in kinds:
                continue
            for band in dfx.BANDS:
                if band not in bands:
                    continue
                for fine in FINE_CANDIDATES[kind][band]:
                    if lo <= fine <= hi:
                        out.append((key, kind, band, fine))
    if "fine_increased" in defects:  # needs a lower fine in the same band and range for the notice
        out = [o for o in out if _lower_fines(out, o)]
    return out


def _lower_fines(options: list[tuple[str, str, str, int]], option: tuple[str, str, str, int]) -> list[int]:
    return [o[3] for o in options if o[:3] == option[:3] and o[3] < option[3]]


def _feasible(info: cat.UnitInfo, defects: list[str], style_set: str) -> bool:
    return bool(_options(info, defects))


def _check_plan(info: cat.UnitInfo, wanted: DossierPlan) -> None:
    """A plan the generator can honour: known, compatible defects, a band and hearing they allow."""
    chosen: list[str] = []
    for name in wanted.defects:
        if name not in dfx.DEFECTS:
            raise ValueError(f"unknown defect {name!r}")
        if not dfx.compatible(chosen, name):
            raise ValueError(f"defect {name!r} cannot join {chosen}")
        chosen.append(name)
    if wanted.band is not None and wanted.band not in dfx.BANDS:
        raise ValueError(f"band must be one of {dfx.BANDS}, not {wanted.band!r}")
    if wanted.hearing_held is not None:
        needs = any(dfx.DEFECTS[n].needs_hearing for n in chosen)
        bars = {"no_hearing_right", "missing_notice", "decision_before_defense_period"} & set(chosen)
        if (wanted.hearing_held and (bars or wanted.band == "low")) or (not wanted.hearing_held and needs):
            raise ValueError(f"hearing_held={wanted.hearing_held} contradicts {chosen or 'the band'}")
    if not _band_options(_options(info, chosen), wanted.band, wanted.hearing_held):
        raise ValueError(f"unit {info.folder} cannot build {chosen} with band {wanted.band}")


def _band_options(options: list[tuple[str, str, str, int]], band: str | None,
                  hearing_held: bool | None) -> list[tuple[str, str, str, int]]:
    """The options in the wanted band (a forced hearing needs a fine with a hearing right)."""
    if band is not None:
        options = [o for o in options if o[2] == band]
    if hearing_held:
        options = [o for o in options if o[2] != "low"]
    return options


class _DossierBuilder:
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
        options = _band_options(_options(self.info, defects), band, hearing_held)
        all_options = _band_options(_options(self.info, [x for x in defects if x != "fine_increased"]), band,
                                    hearing_held)
        weights = {"low": 5, "hearing": 3, "major": 2}
        key, kind, band, fine_int = rng.choices(options, weights=[weights[o[2]] for o in options])[0]
        sc = cat.SCENARIOS[key]
        fine = Decimal(fine_int)
        notice_fine = fine
        if "fine_increased" in defects:
            notice_fine = Decimal(rng.choice(_lower_fines(all_options, (key, kind, band, fine_int))))
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

        tl, times = self._timeline(defects, hearing_held, hearing_applies, major, extended, defense)
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
        d.documents = self._documents(d, single, scanned_share, pages_target)
        _set_expected(d)
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

    # -- dates -------------------------------------------------------------------------------------
    def _timeline(self, defects: list[str], hearing_held: bool, hearing_applies: bool, major: bool,
                  extended: bool, defense: str) -> tuple[dict[str, date], dict[str, tuple[datetime, datetime]]]:
        rng = self.rng
        start = date(self.year, 1, 6)
        source = next_workday(start + timedelta(days=rng.randint(0, 170)))
        jitter = [rng.randint(0, 1000) for _ in range(16)]  # fixed draws, so the gap search below is pure

        def pick(i: int, lo: int, hi: int) -> int:
            return lo + jitter[i] % (hi - lo + 1)

        def run(gap: int) -> dict[str, date]:
            t: dict[str, date] = {"source": source, "inspection": source}
            t["filing"] = add_workdays(source, pick(0, 22, 28) if "late_filing" in defects else pick(0, 1, 5))
            if "time_barred" in defects:
                t["violation"] = _shift_years(t["filing"], -2) - timedelta(days=pick(1, 90, 300))
            else:
                t["violation"] = source - timedelta(days=pick(1, 0, 15))
            t["inquiry"] = add_workdays(t["filing"], pick(2, 1, 5))
            t["report"] = add_workdays(t["inquiry"] + timedelta(days=gap), pick(3, 5, 10))
            t["notice"] = add_workdays(t["report"], pick(4, 1, 3))
            t["notice_served"] = t["notice"] if jitter[5] % 2 else add_workdays(t["notice"], 1)
            served = t["notice_served"]
            if "missing_notice" in defects:
                after = add_workdays(t["report"], pick(6, 2, 4))
            elif "decision_before_defense_period" in defects:
                after = served
            elif hearing_held:
                t["hearing_request"] = add_workdays(served, pick(6, 1, 3))
                t["hearing_notice"] = add_workdays(t["hearing_request"], 1)
                t["hearing"] = add_workdays(t["hearing_notice"],
                                            3 if "hearing_notice_late" in defects else pick(7, 9, 11))
                after = t["hearing"]
            else:
                period = dfx.DEFENSE_WORKING_DAYS_HEARING if hearing_applies else dfx.DEFENSE_WORKING_DAYS
                if defense == "statement":
                    t["defense"] = add_workdays(served, pick(8, 1, 2))
                elif defense == "waiver":
                    t["defense"] = served
                after = add_workdays(served, period + pick(9, 1, 3))
            if major and "no_legal_review" not in defects:
                t["legal_review"] = add_workdays(after, pick(10, 1, 2))
                t["discussion"] = add_workdays(t["legal_review"], pick(11, 1, 2))
                after = t["discussion"]
            if "decision_before_defense_period" in defects:
                t["decision_approval"] = t["decision"] = add_workdays(served, 1)
            else:
                t["decision_approval"] = add_workdays(after, pick(12, 1, 2))
                t["decision"] = t["decision_approval"] if jitter[13] % 2 else add_workdays(t["decision_approval"], 1)
            return t

        t = run(0)
        if "decision_overdue" in defects or extended:
            target = pick(14, 100, 115) if "decision_overdue" in defects else pick(14, 96, 104)
            gap = 0
            while (t["decision"] - t["filing"]).days < target:
                gap += max(1, target - (t["decision"] - t["filing"]).days)
                t = run(gap)
            if extended:
                t["extension"] = add_workdays(t["filing"] + timedelta(days=75), 0)
        decision = t["decision"]
        if "late_delivery" in defects:
            t["delivery"] = add_workdays(decision, pick(15, 12, 15))
        elif "procedure_reversed" in defects:
            t["delivery"] = decision - timedelta(days=pick(15, 3, 6))
        else:
            t["delivery"] = decision if jitter[15] % 3 else add_workdays(decision, 1 + jitter[15] % 3)
        delivered = max(t["delivery"], decision)
        t["payment"] = next_workday(delivered + timedelta(days=rng.randint(3, 12)))
        t["closing"] = add_workdays(delivered + timedelta(days=20) if "fine_unpaid" in defects
                                    else t["payment"], rng.randint(3, 8))
        t["archive"] = add_workdays(t["closing"], rng.randint(1, 5))
        times = {
            "inspection_record": _span(rng, t["inspection"], 9, 10, 35, 80),
            "inquiry_record": _span(rng, t["inquiry"], 14, 15, 40, 95),
        }
        if hearing_held:
            times["hearing_record"] = _span(rng, t["hearing"], 9, 9, 60, 120)
        if defense == "statement":
            times["defense_record"] = _span(rng, t["defense"], 10, 15, 20, 45)
        return t, times

    # -- documents ---------------------------------------------------------------------------------
    def _documents(self, d: DossierSpec, single: bool, scanned_share: float,
                   pages_target: int | None) -> list[DocSpec]:
        rng = self.rng
        has = set(d.defects)
        t = d.timeline
        plan: list[tuple[DocKind, str, str, date | None]] = [
            (DocKind.COVER, "cover", "行政处罚案件卷宗", None),
        ]
        if rng.random() < 0.5:
            plan.append((DocKind.CATALOG, "catalog", "卷内目录", None))
        plan.append((DocKind.CASE_SOURCE, "case_source", "案件来源登记表", t["source"]))
        plan.append((DocKind.INSPECTION_RECORD, "inspection_record", "现场检查笔录", t["inspection"]))
        if "missing_filing_approval" not in has:
            plan.append((DocKind.FILING_APPROVAL, "filing_approval", "立案审批表", t["filing"]))
        if rng.random() < 0.5:
            plan.append((DocKind.INQUIRY_NOTICE, "inquiry_notice", "询问通知书", t["filing"]))
        plan.append((DocKind.INQUIRY_RECORD, "inquiry_record", "询问笔录", t["inquiry"]))
        if "missing_party_identity" not in has:
            title = "营业执照（副本）复印件" if d.party.kind == "organisation" or d.party.sole_trader \
                else "居民身份证复印件"
            plan.append((DocKind.PARTY_IDENTITY, "party_identity", title, None))
        n_evidence = 1
        if pages_target:
            n_evidence = max(1, pages_target - 18)
        for i in range(n_evidence):
            plan.append((DocKind.EVIDENCE, f"evidence:{i + 1}", "现场照片" if i == 0 else "证据提取单",
                         t["inspection"]))
        if d.extended:
            plan.append((DocKind.EXTENSION_APPROVAL, "extension_approval", "案件延期审批表", t["extension"]))
        if "missing_investigation_report" not in has:
            plan.append((DocKind.INVESTIGATION_REPORT, "investigation_report", "案件调查终结报告", t["report"]))
        if "missing_notice" not in has:
            plan.append((DocKind.PENALTY_NOTICE, "penalty_notice", "行政处罚事先告知书", t["notice"]))
            plan.append((DocKind.SERVICE_RECEIPT, "service_receipt:notice", "送达回证", t["notice_served"]))
        if d.defense == "statement":
            plan.append((DocKind.DEFENSE_RECORD, "defense_record", "陈述申辩笔录", t["defense"]))
        elif d.defense == "waiver":
            plan.append((DocKind.DEFENSE_RECORD, "defense_record", "放弃陈述申辩声明", t["defense"]))
        if d.hearing_held:
            plan.append((DocKind.HEARING_NOTICE, "hearing_notice", "听证通知书", t["hearing_notice"]))
            if "missing_hearing_record" not in has:
                plan.append((DocKind.HEARING_RECORD, "hearing_record", "听证笔录", t["hearing"]))
        if "legal_review" in t:
            plan.append((DocKind.LEGAL_REVIEW, "legal_review", "重大执法决定法制审核意见书", t["legal_review"]))
            plan.append((DocKind.COLLECTIVE_DISCUSSION, "collective_discussion", "重大案件集体讨论记录",
                         t["discussion"]))
        plan.append((DocKind.DECISION_APPROVAL, "decision_approval", "行政处罚决定审批表", t["decision_approval"]))
        plan.append((DocKind.DECISION, "decision", "行政处罚决定书", t["decision"]))
        if "missing_service_receipt" not in has:
            plan.append((DocKind.SERVICE_RECEIPT, "service_receipt:decision", "送达回证", t["delivery"]))
        if "fine_unpaid" not in has:
            plan.append((DocKind.PAYMENT_RECEIPT, "payment_receipt", "罚没款缴款凭证", t["payment"]))
        if "missing_closing_approval" not in has:
            plan.append((DocKind.CLOSING_APPROVAL, "closing_approval", "结案审批表",
                         None if "document_undated" in has else t["closing"]))
        plan.append((DocKind.REMARKS, "remarks", "备考表", t["archive"]))
        plan = _ordered(plan, d.order)

        docs: list[DocSpec] = []
        used: set[str] = set()
        for n, (kind, role, title, when) in enumerate(plan, start=1):
            scanned = scanned_share > 0 and rng.random() < scanned_share
            if single:
                fmt, name = "pdf", ""
            else:
                r = rng.random()
                if scanned:
                    fmt = "pdf"
                elif kind in XLSX_KINDS and r < 0.35:
                    fmt = "xlsx"
                elif kind == DocKind.DECISION:
                    fmt = "pdf" if r < 0.5 else "docx"
                elif kind in (DocKind.COVER, DocKind.CATALOG, DocKind.PARTY_IDENTITY, DocKind.EVIDENCE):
                    fmt = "pdf" if r < 0.6 else "docx"
                else:
                    fmt = "pdf" if r < 0.3 else "docx"
                name = _file_name(rng, n, title, fmt, used)
            docs.append(DocSpec(kind, role, title, name, fmt, scanned, when))
        return docs


def _ordered(plan: list, order: str) -> list:
    if order == "decision_first":
        decision = [p for p in plan if p[1] in ("decision", "service_receipt:decision")]
        head = [p for p in plan if p[1] in ("cover", "catalog")]
        rest = [p for p in plan if p not in decision and p not in head]
        return head + decision + rest
    if order == "split":  # 正卷 (documents the party saw) then 副卷 (internal approvals and discussions)
        internal = {"filing_approval", "extension_approval", "investigation_report", "legal_review",
                    "collective_discussion", "decision_approval", "closing_approval"}
        return [p for p in plan if p[1] not in internal] + [p for p in plan if p[1] in internal]
    return plan


def _file_name(rng: random.Random, n: int, title: str, fmt: str, used: set[str]) -> str:
    r = rng.random()
    if r < 0.15:
        name = f"scan_{n:03d}.{fmt}"
    elif r < 0.25:
        name = f"文书{n}.{fmt}"
    elif r < 0.3:
        name = f"附件{n}.{fmt}"
    else:
        name = f"{n:02d}_{title}.{fmt}"
    while name in used:
        name = f"{n:02d}_{name}"
    used.add(name)
    return name


def _span(rng: random.Random, day: date, h_lo: int, h_hi: int, m_lo: int, m_hi: int) -> tuple[datetime, datetime]:
    start = datetime(day.year, day.month, day.day, rng.randint(h_lo, h_hi), rng.choice((0, 5, 10, 15, 20, 30, 40, 45)))
    return start, start + timedelta(minutes=rng.randint(m_lo, m_hi))


def _misspell(party: PartySpec) -> str:
    if party.kind == "organisation":
        return party.name.replace("有限公司", "有限责任公司")
    if party.sole_trader:
        return party.name[:-1] + "铺"
    swap = {"伟": "玮", "芳": "方", "娜": "纳", "敏": "民", "静": "晶", "丽": "莉", "强": "翔", "磊": "雷"}
    last = party.name[-1]
    return party.name[:-1] + swap.get(last, "明" if last != "明" else "鸣")


def _shift_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _replace(style: Style, **changes) -> Style:
    from dataclasses import replace

    return replace(style, **changes)


def hash_str(text: str) -> int:
    """A stable hash (Python's str hash is salted per process)."""
    return sum((i + 1) * ord(ch) for i, ch in enumerate(text))


# ----------------------------------------------------------------------------------------------------
# Ground truth
# ----------------------------------------------------------------------------------------------------


def _set_expected(d: DossierSpec) -> None:
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
    from samplegen.workdays import workdays_between

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
    barred = d.filing_date > _shift_years(d.violation_date, dfx.LIMITATION_YEARS)
    assert barred == ("time_barred" in has)
    assert d.fine_amount > 0
