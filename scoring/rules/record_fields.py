"""record_fields: each 笔录 states its times to the minute and place (R05), and is signed (R06).

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
      - {file: 03询问笔录.docx, kind: inquiry_record, place: 当事人经营场所}
      - {file: 04检查笔录.docx, kind: inspection_record}
  message: 询问笔录（03询问笔录.docx）缺起止时间（到分）；现场检查(勘验)笔录（04检查笔录.docx）缺起止时间（到分）、地点
  occurrences: 2
  evidence: 03询问笔录.docx
```
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ingest.glossary import RECORD_KINDS, DocKind
from ingest.model import CaseFacts
from scoring.rules.base import Outcome, RuleContext, _attr_set, doc_evidence, doc_ref
from scoring.rules.registry import Args, register
from scoring.rules.when import When

FIELD_ZH = {
    "time_span": "起止时间（到分）",
    "place": "地点",
    "signed_by_party": "被询问（检查）人签名或拒签说明",
}


class RecordFieldsArgs(Args):
    fields: tuple[Literal["time_span", "place", "signed_by_party"], ...] = Field(min_length=1)
    kinds: tuple[DocKind, ...] = tuple(sorted(RECORD_KINDS))
    when: When | None = None


@register("record_fields", args=RecordFieldsArgs)
def check(item, facts: CaseFacts, ctx: RuleContext) -> Outcome:
    """One occurrence per 笔录 lacking any of `fields` (signed_by_party must be true)."""
    args: RecordFieldsArgs = item.args
    records = facts.of_kind(*args.kinds)
    if not records:
        return Outcome.na("卷内无笔录，不适用")
    problems = []
    for doc in records:
        missing = [FIELD_ZH[f] for f in args.fields if not _attr_set(doc, f)]
        if missing:
            problems.append((doc, f"{doc_ref(doc)}缺{'、'.join(missing)}"))
    if not problems:
        return Outcome.passed(f"{len(records)}份笔录均载明{'、'.join(FIELD_ZH[f] for f in args.fields)}")
    return Outcome.failed("；".join(t for _, t in problems), doc_evidence(problems[0][0]), len(problems))
