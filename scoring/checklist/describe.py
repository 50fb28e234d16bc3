"""Describe a checklist for people: one row per item, as `pingcha checklist show` prints it."""

from __future__ import annotations

from scoring.checklist.model import Checklist
from scoring.rules import REGISTRY, RuleSpec

DESCRIBE_HEADER = ("编号", "评查项目", "评查类别", "分值", "扣分上限", "否决项", "检查方式", "法律依据")


def _kind_label(spec: RuleSpec) -> str:
    if REGISTRY[spec.kind].composite:
        return f"{spec.kind}({', '.join(_kind_label(s) for s in spec.args.rules)})"  # type: ignore[attr-defined]
    return spec.kind


def describe_checklist(checklist: Checklist) -> list[tuple]:
    """One row per item, in order: (code, name, category, points, cap, veto, kind, statute).

    Points and cap are None for veto items. `DESCRIBE_HEADER` holds the Chinese column names."""
    return [
        (
            item.code,
            item.name,
            item.category,
            None if item.veto else _num(item.points),
            None if item.veto else _num(item.cap),
            item.veto,
            _kind_label(item.rule),
            item.statute,
        )
        for item in checklist.items
    ]


def _num(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value
