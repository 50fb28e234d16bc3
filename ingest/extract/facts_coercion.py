"""A coercive measure's facts (查封、扣押、冻结, checklist-enforcement.md part A): when the measure was taken
on the spot and when the head approved it (the other dates are the documents' own, read by date_roles).

Kept apart from the penalty collectors: a 现场笔录 of a seizure opens with the time the measure was taken,
and a 审批表's meaningful date is the head's, not the officer's proposal above it. Each value keeps its
evidence; a date that cannot be told apart is left unread (the items are then unknown, never failed).
"""

from __future__ import annotations

import re

from ingest.extract.dates import find_dates
from ingest.extract.layout import Layout
from ingest.glossary import DECISION_KINDS, DocKind
from ingest.model import DateRole, DocFacts

COERCION_KINDS = frozenset({
    DocKind.SEIZURE, DocKind.COERCION_APPROVAL, DocKind.SEIZURE_RECORD, DocKind.SEIZURE_LIST,
    DocKind.SEIZURE_EXTENSION, DocKind.SEIZURE_RELEASE, DocKind.SEIZURE_DISPOSAL, DocKind.TEST_PERIOD_NOTICE,
    DocKind.FREEZE_NOTICE, DocKind.FREEZE_DECISION,
})  # fmt: skip

# "时间：2025年3月3日9时10分至…" / "实施时间": the line of a 现场笔录 that says when the measure was taken
_RECORD_TIME = re.compile(r"(?:检查|实施|执法|笔录)?(?:时间|日期)[:：]?\s*$")
# the head's line of a 审批表: "负责人审批意见：同意。张三 2025年3月3日"
_HEAD = re.compile(r"(?:机关|单位)?负责人(?:审批|审核)?(?:意见|签字|签名)?")

# a 清单 printed as a table inside the decision (交通 式样之八, many .docx books): its header row names the goods
# and their quantity, each a cell of its own ("序号 名称 规格 数量"); a sentence is never a header row
_GOODS_HEADER = re.compile(r"(?:物品|财物|设施|场所)?名称[\s|]+(?:[^\s|，。；]{1,6}[\s|]+){0,3}数量")
_HEADER_MAX = 40


def collect_coercion(d: Layout, facts: DocFacts) -> None:
    """The record's start, the head's approval date, a decision's own date."""
    kind = d.doc.kind
    if kind not in COERCION_KINDS:
        return
    roles = facts.dates
    if kind == DocKind.SEIZURE_RECORD and DateRole.RECORD_START not in roles:
        for i, text in enumerate(d.pfolded):
            hit = next((h for h in find_dates(text) if _RECORD_TIME.search(text[max(0, h.start - 8) : h.start])), None)
            if hit is not None:
                roles[DateRole.RECORD_START] = d.pfound(hit.value, i, hit.start, hit.end)
                break
    if kind == DocKind.COERCION_APPROVAL and DateRole.APPROVAL not in roles:
        for i, text in enumerate(d.pfolded):
            head = _HEAD.search(text)
            hits = [h for h in find_dates(text) if head is not None and h.start > head.end()]
            if hits:
                roles[DateRole.APPROVAL] = d.pfound(hits[-1].value, i, hits[-1].start, hits[-1].end)
                break
    if kind == DocKind.SEIZURE and facts.goods_table is None:
        for i, text in enumerate(d.lines):
            if len(text) <= _HEADER_MAX and (m := _GOODS_HEADER.search(text)):
                facts.goods_table = d.found(m.group(0), i, m.start(), m.end())
                break
    if kind in (DocKind.SEIZURE, DocKind.FREEZE_DECISION) and DateRole.DECISION not in roles \
            and DateRole.SIGNED in roles:
        roles[DateRole.DECISION] = roles[DateRole.SIGNED]


def adopt_measure_record(docs: list[DocFacts]) -> None:
    """A seizure is often recorded in a 现场检查（勘察）笔录 rather than a 现场笔录 of its own (行政强制法第十八条
    asks for a 现场笔录, not a form): in a measure's file (no penalty decision, whose items read the record as
    theirs) without one, the single inspection record dated the seizure decision's day is the measure's
    record. A record of another day is never taken: its date against the decision's is what R10 judges."""
    if any(d.kind in (DocKind.SEIZURE_RECORD, *DECISION_KINDS) for d in docs):
        return
    days = {d.dates[DateRole.DECISION].value for d in docs
            if d.kind == DocKind.SEIZURE and DateRole.DECISION in d.dates}
    same_day = [d for d in docs if d.kind == DocKind.INSPECTION_RECORD and DateRole.RECORD_START in d.dates
                and d.dates[DateRole.RECORD_START].value in days]
    if len(same_day) == 1:
        same_day[0].kind = DocKind.SEIZURE_RECORD
