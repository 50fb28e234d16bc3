"""How often a unit inspected the same party, counted over the unit's register: a campaign-level finding.

The draft standard (checklist-inspection.md R15, R16) asks two things no single dossier shows: inspections of the
same party by the same unit in a calendar year above a cap (54号: caps are set per sector and credit grade, so no
national number ships: `annual_inspection_cap` is a parameter a city adds to its copy of inspection.yaml, and
without it the year is not counted), and more than one visit to the same party on the same day (可合并未合并,
checkable without a cap). Inspections prompted by a lead (线索核查、投诉举报、转办交办) or done on the spot (即时) and
special campaigns deployed by higher levels are not capped (重庆375号第二十九条、第三十条; 司法部解答): they are
left out of the yearly count, never out of the same-day count. A party is its credit code, else its name.

Never a file's deduction: each finding names the unit, the party, the year or day, the count, the cap and the
register rows, and stands in its own output (reports/unit_findings.py).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from ingest.inspection_register import RegisteredInspection, RegisterRead
from ingest.normalize import norm_text
from scoring.glossary import FREQUENCY_ZH

CAP_PARAMETER = "annual_inspection_cap"
UNCAPPED = re.compile(r"线索|投诉|举报|转办|交办|即时|上级")
CHECKS = ("annual_cap", "same_day", "not_checked", "none_found")


@dataclass(frozen=True, slots=True)
class UnitFinding:
    unit: str
    check: str  # one of CHECKS
    message: str
    party: str = ""
    credit_code: str = ""
    period: str = ""  # 2025 or 2025-03-12
    count: int | None = None
    cap: int | None = None
    rows: tuple[str, ...] = ()  # "台账.xlsx：工作表“检查”第5行：row text"


def _keys(inspections: list[RegisteredInspection]) -> dict[int, str]:
    """Each row's party: its credit code; a row without one, the code another row gives the same name; else
    the name (two spellings of one name without a code stay apart: never a guess)."""
    coded = {norm_text(i.party): i.credit_code.strip() for i in inspections if len(i.credit_code.strip()) == 18}
    return {id(i): (i.credit_code.strip() if len(i.credit_code.strip()) == 18
                    else coded.get(norm_text(i.party), norm_text(i.party))) for i in inspections}


def _rows(group: list[RegisteredInspection]) -> tuple[str, ...]:
    return tuple(f"{i.where}：{i.quote}" for i in group)


def _party(group: list[RegisteredInspection]) -> tuple[str, str]:
    return group[0].party, next((i.credit_code for i in group if i.credit_code), "")


def unit_frequency(unit: str, reads: list[RegisterRead], cap: int | None) -> list[UnitFinding]:
    """The findings of one unit: over its registers' inspections, or why they were not checked."""
    if not reads:
        return [UnitFinding(unit, "not_checked", FREQUENCY_ZH["no_register"])]
    inspections = [i for r in reads for i in r.inspections]
    if not inspections:
        notes = "；".join(r.note for r in reads if r.note)
        return [UnitFinding(unit, "not_checked", FREQUENCY_ZH["not_read"].format(notes=notes))]
    found: list[UnitFinding] = []
    keys = _keys(inspections)
    by_day: dict[tuple[str, object], list[RegisteredInspection]] = defaultdict(list)
    for i in inspections:
        by_day[(keys[id(i)], i.day)].append(i)
    for (_, day), group in sorted(by_day.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        if len(group) > 1:
            party, code = _party(group)
            message = FREQUENCY_ZH["same_day_message"].format(party=party, day=day.isoformat(), count=len(group))
            found.append(UnitFinding(unit, "same_day", message, party, code, day.isoformat(), len(group), None,
                                     _rows(group)))
    capped = [i for i in inspections if not UNCAPPED.search(i.inspection_type)]
    excluded = len(inspections) - len(capped)
    if cap is not None:
        by_year: dict[tuple[str, int], list[RegisteredInspection]] = defaultdict(list)
        for i in capped:
            by_year[(keys[id(i)], i.day.year)].append(i)
        for (_, year), group in sorted(by_year.items(), key=lambda kv: (kv[0][1], kv[0][0])):
            if len(group) > cap:
                party, code = _party(group)
                message = FREQUENCY_ZH["annual_cap_message"].format(party=party, year=year, count=len(group), cap=cap)
                found.append(UnitFinding(unit, "annual_cap", message, party, code, str(year), len(group), cap,
                                         _rows(group)))
    else:
        found.append(UnitFinding(unit, "not_checked", FREQUENCY_ZH["no_cap"].format(parameter=CAP_PARAMETER)))
    if not any(f.check in ("annual_cap", "same_day") for f in found):
        what = "、".join(FREQUENCY_ZH[c] for c in ("annual_cap", "same_day") if c == "same_day" or cap is not None)
        note = FREQUENCY_ZH["excluded"].format(count=excluded) if excluded and cap is not None else ""
        found.append(UnitFinding(unit, "none_found", FREQUENCY_ZH["checked"].format(count=len(inspections), what=what)
                                 + note, cap=cap))
    return found
