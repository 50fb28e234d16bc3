"""record_fields: each 笔录 states its times to the minute and place (R05), and is signed (R06); one occurrence
per 笔录, or per missing field with `each: field`.

Precision first: a field is missing only on positive evidence — a time label whose value is no span to
the minute, a place label read blank, a signature line read blank —; a field whose label is not found is
`unknown`.

Example:

```yaml
item:
  kind: record_fields
  args: {fields: [time_span, place]}
pass:
  facts:
    documents:
      - file: 03询问笔录.docx
        kind: inquiry_record
        time_span: ['2025-03-06T09:30', '2025-03-06T10:15']
        place: 当事人经营场所
  message: 1份笔录均载明起止时间（到分）、地点
fail:
  facts:
    documents:
      - {file: 03询问笔录.docx, kind: inquiry_record, place: 当事人经营场所, fields: {时间: 2025年3月6日9时30分}}
      - {file: 04检查笔录.docx, kind: inspection_record, fields: {时间: 2025年3月6日, 地点: ''}}
  message: 询问笔录（03询问笔录.docx）缺起止时间（到分）；现场检查(勘验)笔录（04检查笔录.docx）缺起止时间（到分）、地点
  occurrences: 2
  evidence: 03询问笔录.docx
unknown:
  facts:
    documents:
      - {file: 03询问笔录.docx, kind: inquiry_record, time_span: ['2025-03-06T09:30', '2025-03-06T10:15']}
  message: 未能在询问笔录（03询问笔录.docx）中识别‘地点’
```
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ingest.glossary import RECORD_KINDS, DocKind
from ingest.model import CaseFacts, DocFacts, Evidence
from scoring.rules.base import (
    SCANNED_ZH,
    Outcome,
    RuleContext,
    doc_evidence,
    doc_ref,
    partly_read,
    unless_scanned,
)
from scoring.rules.registry import Args, register
from scoring.rules.when import When

FIELD_ZH = {
    "time_span": "起止时间（到分）",
    "place": "地点",
    "signed_by_party": "被询问（检查）人签名或拒签说明",
}
# The labels under which each is written (ingest/extract/fields.py canonical labels).
FIELD_LABELS = {"time_span": ("时间", "开始时间", "结束时间"), "place": ("地点",), "signed_by_party": ()}


class RecordFieldsArgs(Args):
    fields: tuple[Literal["time_span", "place", "signed_by_party"], ...] = Field(min_length=1)
    kinds: tuple[DocKind, ...] = tuple(sorted(RECORD_KINDS))
    # what one occurrence is: a 笔录 lacking any field (penalty-general R05, R06), or each field a 笔录 lacks
    # (inspection R09: "2 each" element)
    each: Literal["record", "field"] = "record"
    when: When | None = None


def field_state(doc: DocFacts, name: str) -> tuple[bool | None, Evidence | None]:
    """(True present, False missing with its evidence, None cannot be told). Missing needs positive evidence:
    a time label whose value is no span to the minute, a place label read blank, a signature line read blank."""
    value = getattr(doc, name)
    if name == "signed_by_party":
        if value is None:
            return None, None
        return unless_scanned(doc, value.value), value.evidence
    if value is not None:
        return True, None
    hits = [doc.fields[label] for label in FIELD_LABELS[name] if label in doc.fields]
    if not hits:
        return None, None
    if name == "time_span" or not any(h.value.strip() for h in hits):
        return False, hits[0].evidence  # the time written is not a span to the minute; or a blank place
    return True, None


@register("record_fields", args=RecordFieldsArgs)
def check(item, facts: CaseFacts, ctx: RuleContext) -> Outcome:
    """One occurrence per 笔录 shown to lack any of `fields`; a field not found at all is `unknown`."""
    args: RecordFieldsArgs = item.args
    records = facts.of_kind(*args.kinds)
    if not records:
        return Outcome.na("卷内无笔录，不适用")
    problems, unread = [], []
    for doc in records:
        states = {f: field_state(doc, f) for f in args.fields}
        missing = [f for f, (ok, _) in states.items() if ok is False]
        unknown = [FIELD_ZH[f] for f, (ok, _) in states.items() if ok is None]
        if missing and partly_read(doc, facts):
            unknown += [FIELD_ZH[f] for f in missing]
            missing = []
        if missing:
            text = f"{doc_ref(doc)}缺{'、'.join(FIELD_ZH[f] for f in missing)}"
            problems.append((text, states[missing[0]][1] or doc_evidence(doc), len(missing)))
        if unknown:
            scan = "signed_by_party" in args.fields and doc.scanned and states["signed_by_party"][0] is None
            unread.append(f"未能在{doc_ref(doc)}中识别{'、'.join(f'‘{u}’' for u in unknown)}"
                          + (f"（{SCANNED_ZH}）" if scan else ""))
    if problems:
        count = sum(n for _, _, n in problems) if args.each == "field" else len(problems)
        return Outcome.failed("；".join(t for t, _, _ in problems), problems[0][1], count)
    if unread:
        return Outcome.unknown("；".join(unread))
    return Outcome.passed(f"{len(records)}份笔录均载明{'、'.join(FIELD_ZH[f] for f in args.fields)}")
