"""The new types' standards as the generator knows them: items, points, caps, categories, copied by hand from
scoring/checklists/penalty-simple.yaml and license.yaml (and their drafts), never loaded from scoring.

The totals follow the house arithmetic (checklist-penalty-general.md): per item min(cap, points × occurrences),
per category at most its points, 100 minus the deductions; a failed veto item scores 0 and grades 不合格.
"""

from __future__ import annotations

from dataclasses import dataclass


def expected_score(categories: dict[str, tuple[float, tuple[str, ...]]], veto: tuple[str, ...],
                   expected: dict[str, str], points: dict[str, float]) -> tuple[float, float, str, bool]:
    """raw score, total score, grade, vetoed of a dossier whose items end as `expected` (the generator's own
    arithmetic, written from the published standard, never from scoring/): each category's deductions capped at
    its points, a failed veto item zeroes the total, manual and unknown items count as passed."""
    deducted = 0.0
    for cat_points, codes in categories.values():
        deducted += min(cat_points, sum(points.get(c, 0.0) for c in codes if expected.get(c) == "fail"))
    raw = 100.0 - deducted
    vetoed = any(expected.get(c) == "fail" for c in veto)
    total = 0.0 if vetoed else raw
    if vetoed or raw < 60:
        grade = "不合格"
    elif raw >= 90:
        grade = "优秀"
    elif raw >= 80:
        grade = "良好"
    else:
        grade = "合格"
    return raw, total, grade, vetoed


@dataclass(frozen=True)
class Standard:
    checklist: str
    veto: tuple[str, ...]
    manual: frozenset[str]
    points: dict[str, tuple[float, float]]  # code -> (points per occurrence, cap)
    categories: dict[str, tuple[float, tuple[str, ...]]]  # name -> (points, codes)

    @property
    def items(self) -> tuple[str, ...]:
        return self.veto + tuple(self.points)

    def points_for(self, code: str, occurrences: int) -> float:
        each, cap = self.points[code]
        return float(min(cap, each * occurrences))

    def settle(self, d, hits_of: dict, expected: dict[str, str]) -> None:
        """Every item a planted defect hits fails (`hits_of[name].hits`: code -> occurrences); the dossier's
        expected statuses, points, scores, grade and veto are written onto `d`."""
        occurrences: dict[str, int] = {}
        for name in d.defects:
            for code, n in hits_of[name].hits.items():
                occurrences[code] = occurrences.get(code, 0) + n
        points: dict[str, float] = {}
        for code, n in occurrences.items():
            expected[code] = "fail"
            points[code] = 0.0 if code in self.veto else self.points_for(code, n)
        d.expected, d.expected_points = expected, points
        d.expected_raw_score, d.expected_total_score, d.expected_grade, d.expected_vetoed = self.score(expected, points)

    def score(self, expected: dict[str, str], points: dict[str, float]) -> tuple[float, float, str, bool]:
        """raw score, total score, grade, vetoed — manual and unknown items count as passed."""
        return expected_score(self.categories, self.veto, expected, points)


def _codes(first: int, last: int) -> tuple[str, ...]:
    return tuple(f"R{n:02d}" for n in range(first, last + 1))


# 行政处罚（简易程序）: penalty-simple.yaml. R11, R19, R20, T01 are off by default (their parameters are 0).
PENALTY_SIMPLE = Standard(
    checklist="penalty-simple",
    veto=tuple(f"V{n:02d}" for n in range(1, 8)),
    manual=frozenset({"V02", "V06", "V07"}),
    points={
        "R01": (2, 6), "R02": (3, 3), "R03": (3, 3), "R04": (3, 3), "R05": (3, 15), "R06": (5, 5),
        "R07": (2, 4), "R08": (2, 4), "R09": (2, 2), "R10": (2, 2), "R11": (3, 3), "R12": (10, 10),
        "R13": (5, 5), "R14": (5, 5), "R15": (5, 5), "R16": (3, 6), "R17": (4, 4), "R18": (8, 8),
        "R19": (3, 3), "R20": (4, 4), "T01": (2, 2),
    },
    categories={
        "适用与告知": (15, _codes(1, 4)),
        "决定书内容": (33, _codes(5, 11)),
        "交付与签收": (15, _codes(12, 13)),
        "罚款收缴": (20, _codes(14, 17)),
        "备案": (11, _codes(18, 19)),
        "三项制度": (6, ("R20", "T01")),
    },
)

# 行政许可: license.yaml.
LICENSE = Standard(
    checklist="license",
    veto=tuple(f"V{n:02d}" for n in range(1, 7)),
    manual=frozenset({"V01", "V06", "R06", "R08", "R09", "R10", "R11", "R20"}),
    points={
        "R01": (2, 4), "R02": (2, 2), "R03": (5, 5), "R04": (3, 6), "R05": (3, 3), "R06": (3, 6),
        "R07": (3, 6), "R08": (4, 4), "R09": (3, 3), "R10": (3, 3), "R11": (3, 6), "R12": (10, 10),
        "R13": (3, 3), "R14": (2, 6), "R15": (4, 4), "R16": (4, 4), "R17": (3, 10), "R18": (5, 5),
        "R19": (5, 5), "R20": (2, 2), "R21": (3, 3), "R22": (2, 2), "R23": (1, 3), "T02": (2, 2), "T03": (2, 2),
    },
    categories={
        "申请与受理": (20, _codes(1, 5)),
        "审查": (22, _codes(6, 11)),
        "决定": (21, _codes(12, 15)),
        "听证": (10, _codes(17, 17)),
        "送达与公开": (12, _codes(18, 20)),
        "文书归档": (5, _codes(22, 23)),
        "三项制度": (10, ("R16", "R21", "T02", "T03")),
    },
)
