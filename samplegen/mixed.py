"""A campaign of mixed case types: general- and summary-procedure penalties and licences in each unit.

Kept apart from spec.build_campaign so that the default campaign (sample_dossiers/ and its manifest) is drawn
exactly as before; a mixed campaign draws from its own sequence of the same seeded RNG.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

import samplegen.defects as dfx
from samplegen.builder import DossierBuilder
from samplegen.case_types import CASE_TYPES, TYPED_BUILDERS, TypedDeck, check_typed_plan
from samplegen.licence import build_licence
from samplegen.model import CampaignSpec, DossierPlan, DossierSpec, TypedDossierSpec, UnitSpec
from samplegen.plan import DefectDeck, check_plan, draw_roster, unit_info
from samplegen.summary_penalty import build_summary


def build_mixed_campaign(seed: int, units: int, per_unit: int, *, year: int, defect_rate: float, styles: str,
                         scanned_share: float, single_file_share: float, pages_target: int | None,
                         plan: Sequence[DossierPlan] | None, types: tuple[str, ...],
                         first_unit: int) -> CampaignSpec:
    unknown = [t for t in types if t not in CASE_TYPES]
    if unknown or not types:
        raise ValueError(f"unknown case type(s) {unknown}: use {', '.join(CASE_TYPES)}")
    if plan is not None and len(plan) != units * per_unit:
        raise ValueError(f"plan has {len(plan)} entries for {units * per_unit} dossiers")
    rng = random.Random(seed)
    total = units * per_unit
    defective = set(rng.sample(range(total), round(total * defect_rate)))
    single = set(rng.sample(range(total), round(total * single_file_share)))
    general_deck = DefectDeck(rng)
    decks = {name: TypedDeck(name) for name in CASE_TYPES if name != "penalty-general"}
    unit_specs: list[UnitSpec] = []
    dossiers: list[DossierSpec | TypedDossierSpec] = []
    for u in range(first_unit, first_unit + units):
        info = unit_info(u)
        roster = draw_roster(rng, info)
        unit_specs.append(UnitSpec(info.folder, info.agency, info.code,
                                   f"{info.folder}/{info.folder}{year}年行政执法案件台账.xlsx", roster))
        serial, archive = rng.randint(5, 40), 0
        used_names: set[str] = set()
        for k in range(per_unit):
            index = (u - first_unit) * per_unit + k
            serial += rng.randint(1, 12)
            archive += rng.randint(1, 5)
            wanted = plan[index] if plan is not None else DossierPlan()
            type_name = wanted.type_name if plan is not None else types[k % len(types)]
            if type_name == "penalty-general":
                builder = DossierBuilder(rng, info, roster, year, serial, archive, styles, used_names)
                if plan is not None:
                    check_plan(info, wanted)
                    defects = list(wanted.defects)
                else:
                    defects = general_deck.draw(rng, info, styles) if index in defective else []
                dossiers.append(builder.build(defects, single=index in single, scanned_share=scanned_share,
                                              pages_target=pages_target, band=wanted.band,
                                              hearing_held=wanted.hearing_held))
                continue
            if plan is not None:
                check_typed_plan(type_name, wanted.defects)
                defects = list(wanted.defects)
            else:
                defects = decks[type_name].draw(rng) if index in defective else []
            if type_name == "penalty-simple":
                d = build_summary(rng, info, roster, year, serial, archive, defects, index in single)
            elif type_name in TYPED_BUILDERS:
                d = TYPED_BUILDERS[type_name](rng, info, roster, year, serial, archive, defects, index in single)
            else:
                d = build_licence(rng, info, year, serial, archive, defects, index in single)
            dossiers.append(d)
    if plan is not None:  # the types the plan names, in order of first appearance
        types = tuple(dict.fromkeys(p.type_name for p in plan))
    params = {
        "hearing_fine_threshold": dfx.HEARING_THRESHOLD, "major_case_fine_threshold": dfx.MAJOR_THRESHOLD,
        "units": units, "per_unit": per_unit, "first_unit": first_unit, "defect_rate": defect_rate,
        "scanned_share": scanned_share, "single_file_share": single_file_share, "pages_target": pages_target,
        "types": list(types),
    }
    return CampaignSpec(seed, year, styles, unit_specs, dossiers, params, tuple(types))
