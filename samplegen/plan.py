"""What a unit can build: its name and officers, the defect deck, and the (scenario, party, band, fine)
options a set of defects allows. Plans that cannot be honoured are refused here, before any dossier is built.
"""

from __future__ import annotations

import random

import samplegen.catalog as cat
import samplegen.defects as dfx
from samplegen.model import DossierPlan, OfficerSpec

FINE_CANDIDATES = {
    "organisation": {"low": (5000, 8000, 10000, 15000, 20000, 30000),
                     "hearing": (60000, 70000, 80000),
                     "major": (120000, 150000, 200000)},
    "individual": {"low": (500, 800, 1000, 1500, 2000),
                   "hearing": (5000, 6000, 8000),
                   "major": (20000, 50000, 60000)},
}


def unit_info(u: int) -> cat.UnitInfo:
    if u < len(cat.UNITS):
        return cat.UNITS[u]
    base = cat.UNITS[u % len(cat.UNITS)]  # (base, n) is unique for every u: no two units share a folder
    n = u // len(cat.UNITS) + 1
    return cat.UnitInfo(f"{base.folder.replace('办事处', '')}{n}办事处" if "街道" in base.folder
                        else f"{base.folder}{n}", f"{base.agency}{n}", f"{base.code}{n}", base.cert_prefix,
                        base.scenarios, base.department)


def draw_roster(rng: random.Random, info: cat.UnitInfo) -> list[OfficerSpec]:
    names: list[str] = []
    while len(names) < 6:
        name = rng.choice(cat.SURNAMES) + rng.choice(cat.GIVEN)
        if name not in names:
            names.append(name)
    return [OfficerSpec(n, f"{info.cert_prefix}{rng.randint(1000, 9999)}") for n in names]


class DefectDeck:
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
            if dfx.compatible(chosen, card) and feasible(info, [*chosen, card], style_set):
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


def fine_options(info: cat.UnitInfo, defects: list[str]) -> list[tuple[str, str, str, int]]:
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
        out = [o for o in out if lower_fines(out, o)]
    return out


def lower_fines(options: list[tuple[str, str, str, int]], option: tuple[str, str, str, int]) -> list[int]:
    return [o[3] for o in options if o[:3] == option[:3] and o[3] < option[3]]


def feasible(info: cat.UnitInfo, defects: list[str], style_set: str) -> bool:
    return bool(fine_options(info, defects))


def check_plan(info: cat.UnitInfo, wanted: DossierPlan) -> None:
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
    if not band_options(fine_options(info, chosen), wanted.band, wanted.hearing_held):
        raise ValueError(f"unit {info.folder} cannot build {chosen} with band {wanted.band}")


def band_options(options: list[tuple[str, str, str, int]], band: str | None,
                  hearing_held: bool | None) -> list[tuple[str, str, str, int]]:
    """The options in the wanted band (a forced hearing needs a fine with a hearing right)."""
    if band is not None:
        options = [o for o in options if o[2] == band]
    if hearing_held:
        options = [o for o in options if o[2] != "low"]
    return options

