"""The few checklist facts the reports layer needs: item points, caps, veto flags, category maxima, bands.

They come from the scoring layer's checklist loader when it can load the run's checklist; otherwise they
are inferred from findings.csv (veto items: codes starting with V or any veto finding, as
checklist-penalty-general.md numbers them), which is enough to draw charts but not to check caps.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from ingest.glossary import GRADE_FAIL, GRADES_ZH

# checklist-penalty-general.md, "How a file is scored" step 3; used when the checklist gives no bands.
DEFAULT_BANDS: tuple[tuple[str, float], ...] = ((GRADES_ZH[0], 90.0), (GRADES_ZH[1], 80.0), (GRADES_ZH[2], 60.0))


@dataclass(frozen=True, slots=True)
class ItemRule:
    """One checklist item: points per occurrence, cap (None when unknown), whether it vetoes."""

    code: str
    name: str = ""
    category: str = ""
    points: float = 0.0
    cap: float | None = None
    veto: bool = False


@dataclass(frozen=True, slots=True)
class ChecklistRules:
    items: dict[str, ItemRule]
    category_max: dict[str, float] = field(default_factory=dict)
    max_score: float = 100.0
    bands: tuple[tuple[str, float], ...] = DEFAULT_BANDS
    source: str = "checklist"  # or "inferred"
    checklist: Any = None  # the scoring layer's Checklist, when loaded: re-scoring then uses its engine


def grade_for(score: float, vetoed: bool, rules: ChecklistRules) -> str:
    """The grade of a score: any veto is 不合格, else the highest band whose minimum it reaches."""
    if vetoed:
        return GRADE_FAIL
    for name, minimum in sorted(rules.bands, key=lambda b: -b[1]):
        if score >= minimum:
            return name
    return GRADE_FAIL


def _get(obj: Any, *names: str, default: Any = None) -> Any:
    for name in names:
        if isinstance(obj, Mapping) and name in obj:
            return obj[name]
        if hasattr(obj, name):
            return getattr(obj, name)
    return default


def _float_or_none(value: Any) -> float | None:
    try:
        return None if value is None or value == "" else float(value)
    except (TypeError, ValueError):
        return None


def rules_from_checklist(checklist: Any) -> ChecklistRules:
    """Adapt a loaded checklist (object or mapping, duck-typed) to ChecklistRules."""
    items: dict[str, ItemRule] = {}
    raw_items = _get(checklist, "items", default=[]) or []
    if isinstance(raw_items, Mapping):
        raw_items = [dict(v, code=k) if isinstance(v, Mapping) else v for k, v in raw_items.items()]
    for raw in raw_items:
        code = str(_get(raw, "code", "item_code", "id", default=""))
        if not code:
            continue
        points = _float_or_none(_get(raw, "points", "deducts", "deduct", default=0)) or 0.0
        cap = _float_or_none(_get(raw, "cap", "max_points", "max_deduction", default=None))
        veto = bool(_get(raw, "veto", "is_veto", default=False))
        category = _get(raw, "category", default="")
        category = str(_get(category, "name", default=category) or "")
        items[code] = ItemRule(code, str(_get(raw, "name", "title", default="")), category, points,
                               cap if cap is not None else (points if not veto else None), veto)
    category_max: dict[str, float] = {}
    raw_categories = _get(checklist, "categories", default=None) or {}
    if isinstance(raw_categories, Mapping):
        raw_categories = [
            {"name": k, "points": _get(v, "points", "max_points", default=v)} for k, v in raw_categories.items()
        ]
    for raw in raw_categories:
        name = _get(raw, "name", "category", default="")
        points = _float_or_none(_get(raw, "points", "max_points", "max", default=None))
        if name and points is not None:
            category_max[str(name)] = points
    max_score = _float_or_none(_get(checklist, "max_score", "total_points", default=None))
    bands = _bands(_get(checklist, "grades", "bands", "grade_bands", default=None))
    return ChecklistRules(items, category_max, max_score or 100.0, bands or DEFAULT_BANDS, "checklist",
                          checklist if hasattr(checklist, "grades") else None)


def _bands(raw: Any) -> tuple[tuple[str, float], ...]:
    if not raw:
        return ()
    pairs: Iterable[tuple[Any, Any]]
    if isinstance(raw, Mapping):
        pairs = raw.items()
    else:
        pairs = ((_get(b, "name", "grade", default=""), _get(b, "min", "minimum", "min_score", default=None))
                 for b in raw)
    out = []
    for name, minimum in pairs:
        value = _float_or_none(minimum)
        if name and value is not None and value > 0:
            out.append((str(name), value))
    return tuple(sorted(out, key=lambda b: -b[1]))


def infer_rules(findings: pd.DataFrame) -> ChecklistRules:
    """Rules guessed from findings alone: names, categories, veto flags; points = the largest seen."""
    items: dict[str, ItemRule] = {}
    if len(findings):
        grouped = findings.groupby("item_code", sort=False)
        for code, group in grouped:
            code = str(code)
            veto = code.upper().startswith("V") or bool(group["veto"].any())
            points = float(group["points_deducted"].max() or 0.0)
            items[code] = ItemRule(code, str(group["item_name"].iloc[0]), str(group["category"].iloc[0]),
                                   points, None, veto)
    return ChecklistRules(items, {}, 100.0, DEFAULT_BANDS, "inferred")


def resolve_rules(checklist_id: str, checklist_path: str, findings: pd.DataFrame) -> ChecklistRules:
    """The run's checklist through scoring.checklist.load_checklist when available, else inferred."""
    try:
        from scoring.checklist import load_checklist  # type: ignore[import-not-found]
    except ImportError:
        return infer_rules(findings)
    for ref in (checklist_path, checklist_id):
        if not ref:
            continue
        try:
            rules = rules_from_checklist(load_checklist(ref))
        except Exception:  # noqa: BLE001 - an unreadable checklist falls back to inference
            continue
        if rules.items:
            inferred = infer_rules(findings)
            missing = {c: r for c, r in inferred.items.items() if c not in rules.items}
            return ChecklistRules({**rules.items, **missing}, rules.category_max, rules.max_score,
                                  rules.bands, rules.source, rules.checklist)
    return infer_rules(findings)
