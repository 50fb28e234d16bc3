"""form_fields: the labelled fields a form must fill in, one occurrence per missing field (R03, R25).

Precision first: a field is missing only when its label was read with an empty value (the quote is the
evidence); a label not found at all (wrapped inside its cell, a synonym not known, another layout) is
`unknown` with the reason.

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
      - {file: 02立案.docx, kind: filing_approval, fields: {当事人: '', 案件来源: ''}}
  message: 立案审批表（02立案.docx）缺当事人、案件来源（该栏为空）
  occurrences: 2
  evidence: 02立案.docx
unknown:
  facts:
    documents: [{file: 02立案.docx, kind: filing_approval, party_name: 北京某某餐饮有限公司}]
  message: 未能在立案审批表（02立案.docx）中识别‘案件来源’栏
```
"""

from __future__ import annotations

from pydantic import Field, field_validator

from ingest.glossary import DOC_KIND_ZH, DocKind
from ingest.model import CaseFacts, DateRole, DocFacts, Evidence
from scoring.rules.base import (
    DOC_ATTRS,
    SCANNED_ZH,
    Outcome,
    RuleContext,
    _attr_set,
    both,
    doc_ref,
    kinds_zh,
    labelled,
    unless_scanned,
)
from scoring.rules.registry import Args, register
from scoring.rules.when import When


class FieldSpec(Args):
    name: str  # as a reviewer reads it, e.g. 案件来源
    labels: tuple[str, ...] = ()  # labels in DocFacts.fields that show it; default (name,)
    attrs: tuple[str, ...] = ()  # DocFacts attributes that show it (party_name …)
    dates: tuple[DateRole, ...] = ()  # date roles that show it
    and_dates: tuple[DateRole, ...] = ()  # it must also be dated with one of these (审批意见和日期)
    handwritten: bool = False  # a signature: its line read blank from a scan proves nothing (unknown)

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


def field_state(doc: DocFacts, spec: FieldSpec) -> bool | None:
    """True filled in (an attribute, a date role or a label with a value); False its label read blank;
    None its label not found: the form may wrap it in its cell or call it by another name."""
    if any(_attr_set(doc, a) for a in spec.attrs) or any(r in doc.dates for r in spec.dates):
        found: bool | None = True
    else:
        found = labelled(doc, spec.labels or (spec.name,))
    if spec.and_dates and found is not False:
        dated = True if any(r in doc.dates for r in spec.and_dates) else None
        found = both(found, dated)
    return unless_scanned(doc, found) if spec.handwritten else found


def _blank_quote(doc: DocFacts, spec: FieldSpec) -> Evidence:
    hit = next(doc.fields[label] for label in spec.labels or (spec.name,) if label in doc.fields)
    return hit.evidence


@register("form_fields", args=FormFieldsArgs)
def check(item, facts: CaseFacts, ctx: RuleContext) -> Outcome:
    """Each field whose label is read blank in each document of `kinds` is one occurrence; a label not
    found is `unknown` (precision first: the label may be wrapped, or called by another name)."""
    args: FormFieldsArgs = item.args
    docs = facts.of_kind(*args.kinds)
    if not docs:
        return Outcome.na(f"卷内无{kinds_zh(args.kinds)}，不适用")
    missing, unreadable, evidence = [], [], None
    for doc in docs:
        gone, unread = [], []
        for spec in args.fields:
            found = field_state(doc, spec)
            if found is False:
                gone.append(spec.name)
                evidence = evidence or _blank_quote(doc, spec)
            elif found is None:
                unread.append(spec.name)
        if gone:
            missing.append((doc, gone))
        scan = doc.scanned and any(s.handwritten and s.name in unread for s in args.fields)
        if unread:
            unreadable.append(f"未能在{doc_ref(doc)}中识别{'、'.join(f'‘{n}’' for n in unread)}栏"
                              + (f"（{SCANNED_ZH}）" if scan else ""))
    if missing:
        text = "；".join(f"{doc_ref(d)}缺{'、'.join(g)}（该栏为空）" for d, g in missing)
        return Outcome.failed(text, evidence, sum(len(g) for _, g in missing))
    if unreadable:
        return Outcome.unknown("；".join(unreadable))
    kinds = "、".join(dict.fromkeys(DOC_KIND_ZH[d.kind] for d in docs))
    return Outcome.passed(f"{kinds}均载明{'、'.join(s.name for s in args.fields)}")
