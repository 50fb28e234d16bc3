"""form_fields: the labelled fields a form must fill in, one occurrence per missing field (R03, R25).

Example:

```yaml
item:
  kind: form_fields
  args:
    kinds: [filing_approval]
    fields:
      - {name: 当事人, attrs: [party_name]}
      - {name: 案件来源, labels: [案件来源, 案源]}
pass:
  facts:
    documents:
      - {file: 02立案.docx, kind: filing_approval, party_name: 北京某某餐饮有限公司, fields: {案件来源: 投诉举报}}
  message: 立案审批表均载明当事人、案件来源
fail:
  facts:
    documents:
      - {file: 02立案.docx, kind: filing_approval, fields: {案由: 销售过期食品}}
  message: 立案审批表（02立案.docx）缺当事人、案件来源
  occurrences: 2
  evidence: 02立案.docx
unknown:
  facts:
    documents: [{file: 02立案.docx, kind: filing_approval, party_name: 北京某某餐饮有限公司}]
  message: 未能读取立案审批表（02立案.docx）的案件来源
```
"""

from __future__ import annotations

from pydantic import Field, field_validator

from ingest.glossary import DOC_KIND_ZH, DocKind
from ingest.model import CaseFacts, DateRole
from scoring.rules.base import (
    DOC_ATTRS,
    Outcome,
    RuleContext,
    both,
    doc_evidence,
    doc_ref,
    has_part,
    kinds_zh,
)
from scoring.rules.registry import Args, register
from scoring.rules.when import When


class FieldSpec(Args):
    name: str  # as a reviewer reads it, e.g. 案件来源
    labels: tuple[str, ...] = ()  # labels in DocFacts.fields that show it; default (name,)
    attrs: tuple[str, ...] = ()  # DocFacts attributes that show it (party_name …)
    dates: tuple[DateRole, ...] = ()  # date roles that show it
    and_dates: tuple[DateRole, ...] = ()  # it must also be dated with one of these (审批意见和日期)

    @field_validator("attrs")
    @classmethod
    def _known(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        unknown = [a for a in value if a not in DOC_ATTRS]
        if unknown:
            raise ValueError(f"unknown document field(s) {', '.join(unknown)}")
        return value


class FormFieldsArgs(Args):
    kinds: tuple[DocKind, ...] = Field(min_length=1)
    fields: tuple[FieldSpec, ...] = Field(min_length=1)
    when: When | None = None

    @field_validator("fields", mode="before")
    @classmethod
    def _names(cls, value: object) -> object:
        if isinstance(value, list | tuple):
            return [{"name": v} if isinstance(v, str) else v for v in value]
        return value


@register("form_fields", args=FormFieldsArgs)
def check(item, facts: CaseFacts, ctx: RuleContext) -> Outcome:
    """Each field missing from each document of `kinds` is one occurrence."""
    args: FormFieldsArgs = item.args
    docs = facts.of_kind(*args.kinds)
    if not docs:
        return Outcome.na(f"卷内无{kinds_zh(args.kinds)}，不适用")
    missing, unreadable, first = [], [], None
    for doc in docs:
        gone, unread = [], []
        for spec in args.fields:
            found = has_part(doc, spec.attrs, spec.labels or (spec.name,), spec.dates)
            if spec.and_dates:
                found = both(found, has_part(doc, (), (), spec.and_dates))
            if found is False:
                gone.append(spec.name)
            elif found is None:
                unread.append(spec.name)
        if gone:
            missing.append((doc, gone))
            first = first or doc
        if unread:
            unreadable.append(f"{doc_ref(doc)}的{'、'.join(unread)}")
    if missing:
        text = "；".join(f"{doc_ref(d)}缺{'、'.join(g)}" for d, g in missing)
        return Outcome.failed(text, doc_evidence(first), sum(len(g) for _, g in missing))
    if unreadable:
        return Outcome.unknown("未能读取" + "；".join(unreadable))
    kinds = "、".join(dict.fromkeys(DOC_KIND_ZH[d.kind] for d in docs))
    return Outcome.passed(f"{kinds}均载明{'、'.join(s.name for s in args.fields)}")
