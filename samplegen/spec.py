"""A campaign spec with ground truth: pure and deterministic (one seeded `random.Random`), no file I/O.

Tests and benchmarks read the spec (or its JSON manifest) as the truth about every generated dossier:
the elements as written, the documents and their files, the planted defects and the expected status of
every checklist item. The data is in `samplegen.model`, the defect table in `samplegen.defects`. Dates are chosen far from every
deadline (clean dossiers pass comfortably, defective ones fail clearly), fines far from every threshold.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

import samplegen.defects as dfx
from samplegen.builder import DossierBuilder
from samplegen.case_types import DEFAULT_TYPES
from samplegen.mixed import build_mixed_campaign
from samplegen.model import CampaignSpec, DossierPlan, DossierSpec, UnitSpec
from samplegen.plan import DefectDeck, check_plan, draw_roster, unit_info


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
    types: Sequence[str] = DEFAULT_TYPES,
    first_unit: int = 0,
) -> CampaignSpec:
    """Build the campaign: `units` units with `per_unit` general-procedure penalty dossiers each.

    `plan`, one entry per dossier in order (dossier i is in unit i // per_unit), plants exactly its defects
    instead of the random draw (`defect_rate` is then unused); a plan the unit cannot build raises ValueError.
    `types` (samplegen.case_types) other than the default mixes case types: dossier k of a unit is of type
    k mod len(types), unless its plan names one; `first_unit` starts the units further down the catalogue
    (a unit added beside existing ones).
    """
    types = tuple(types)
    if types != DEFAULT_TYPES or first_unit or (plan is not None and any(
            p.type_name != "penalty-general" for p in plan)):
        return build_mixed_campaign(seed, units, per_unit, year=year, defect_rate=defect_rate, styles=styles,
                                    scanned_share=scanned_share, single_file_share=single_file_share,
                                    pages_target=pages_target, plan=plan, types=types, first_unit=first_unit)
    if styles not in ("standard", "varied"):
        raise ValueError(f"styles must be 'standard' or 'varied', not {styles!r}")
    if plan is not None and len(plan) != units * per_unit:
        raise ValueError(f"plan has {len(plan)} entries for {units * per_unit} dossiers")
    rng = random.Random(seed)
    total = units * per_unit
    defective = set(rng.sample(range(total), round(total * defect_rate)))
    single = set(rng.sample(range(total), round(total * single_file_share)))
    deck = DefectDeck(rng)
    unit_specs: list[UnitSpec] = []
    dossiers: list[DossierSpec] = []
    for u in range(units):
        info = unit_info(u)
        roster = draw_roster(rng, info)
        unit_specs.append(UnitSpec(info.folder, info.agency, info.code,
                                   f"{info.folder}/{info.folder}{year}年行政处罚案件台账.xlsx", roster))
        serial = rng.randint(5, 40)
        archive = 0
        used_names: set[str] = set()
        for k in range(per_unit):
            index = u * per_unit + k
            serial += rng.randint(1, 12)
            archive += rng.randint(1, 5)
            builder = DossierBuilder(rng, info, roster, year, serial, archive, styles, used_names)
            wanted = plan[index] if plan is not None else DossierPlan()
            if plan is not None:
                check_plan(info, wanted)
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
