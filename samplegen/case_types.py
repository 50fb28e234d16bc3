"""The case types the generator makes, by the name `--types` takes, and a deck of defects for each new type.

penalty-general is the original generator (spec.py, builder.py, defects.py); penalty-simple and license are
built by summary_penalty.py and licence.py, each with its own defect table and truth.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from samplegen.coercion_execution import EXECUTION_DEFECTS, build_execution, execution_compatible
from samplegen.coercion_measure import MEASURE_DEFECTS, build_measure, measure_compatible
from samplegen.inspection import (
    INSPECTION_DEFECTS,
    INSPECTION_PLANTED_ONLY,
    build_inspection,
    inspection_compatible,
)
from samplegen.licence import LICENCE_DEFECTS, LICENCE_PLANTED_ONLY, licence_compatible
from samplegen.summary_penalty import SUMMARY_DEFECTS, summary_compatible


@dataclass(frozen=True)
class CaseType:
    name: str  # what --types takes
    case_type: str  # cases.csv case_type
    procedure: str  # cases.csv procedure ("" where the type has none)
    checklist: str  # the bundled standard that scores it
    label: str  # the 台账's 案件类型 cell


CASE_TYPES: dict[str, CaseType] = {
    t.name: t
    for t in (
        CaseType("penalty-general", "penalty", "general", "penalty-general", "行政处罚（一般程序）"),
        CaseType("penalty-simple", "penalty", "summary", "penalty-simple", "行政处罚（简易程序）"),
        CaseType("license", "license", "", "license", "行政许可"),
        CaseType("coercion-measure", "coercion", "measure", "coercion-measure", "行政强制措施"),
        CaseType("coercion-execution", "coercion", "execution", "coercion-execution", "行政强制执行"),
        CaseType("inspection", "inspection", "", "inspection", "行政检查"),
    )
}
DEFAULT_TYPES = ("penalty-general",)


def parse_types(text: str) -> tuple[str, ...]:
    names = tuple(n.strip() for n in text.split(",") if n.strip())
    unknown = [n for n in names if n not in CASE_TYPES]
    if unknown or not names:
        raise ValueError(f"unknown case type(s) {', '.join(unknown) or text!r}: use {', '.join(CASE_TYPES)}")
    return names


_TABLES: dict[str, tuple[dict, Callable[[list[str], str], bool]]] = {
    "penalty-simple": (SUMMARY_DEFECTS, summary_compatible),
    "license": (LICENCE_DEFECTS, licence_compatible),
    "coercion-measure": (MEASURE_DEFECTS, measure_compatible),
    "inspection": (INSPECTION_DEFECTS, inspection_compatible),
    "coercion-execution": (EXECUTION_DEFECTS, execution_compatible),
}
# defects planted only when a plan names them (never dealt at random), by type
_PLANTED_ONLY: dict[str, frozenset[str]] = {"license": LICENCE_PLANTED_ONLY, "inspection": INSPECTION_PLANTED_ONLY}


def known_defects(type_name: str) -> dict:
    return _TABLES[type_name][0]


def check_typed_plan(type_name: str, defects: tuple[str, ...]) -> None:
    table, compatible = _TABLES[type_name]
    chosen: list[str] = []
    for name in defects:
        if name not in table:
            raise ValueError(f"unknown {type_name} defect {name!r}")
        if not compatible(chosen, name):
            raise ValueError(f"defect {name!r} cannot join {chosen}")
        chosen.append(name)


class TypedDeck:
    """Deals a new type's defects from a shuffled deck, so a campaign covers them all before repeating any."""

    def __init__(self, type_name: str) -> None:
        self.name = type_name
        self.table, self.compatible = _TABLES[type_name]
        self.cards: list[str] = []

    def draw(self, rng: random.Random) -> list[str]:
        want = rng.choice((1, 1, 2))
        chosen: list[str] = []
        skipped: list[str] = []
        while len(chosen) < want:
            if not self.cards:
                if chosen or skipped:
                    break
                self.cards = sorted(set(self.table) - _PLANTED_ONLY.get(self.name, frozenset()))
                rng.shuffle(self.cards)
            card = self.cards.pop(0)
            (chosen if self.compatible(chosen, card) else skipped).append(card)
        self.cards[:0] = skipped
        return chosen

# the builders of the 行政强制/行政检查 types: (rng, info, roster, year, serial, archive, defects, single) -> spec
TYPED_BUILDERS: dict[str, Callable] = {"coercion-measure": build_measure, "coercion-execution": build_execution,
                                       "inspection": build_inspection}
