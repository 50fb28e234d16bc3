"""threshold_requirement: a fine at or above a party-kind threshold requires a document (V04, V05, R10).

Example:

```yaml
item:
  kind: threshold_requirement
  args:
    threshold: major_case_fine_threshold
    requires: [{kind: legal_review}]
    what: 法制审核意见
parameters:
  major_case_fine_threshold: {individual: 10000, organisation: 100000}
pass:
  facts:
    elements: {party_kind: organisation, fine_amount: {value: 200000, file: 09决定书.docx}}
    documents: [{file: 08法制审核.docx, kind: legal_review}]
  message: 罚款200000元达到单位100000元的标准，卷内有法制审核意见（08法制审核.docx）
  evidence: 08法制审核.docx
fail:
  facts:
    elements: {party_kind: organisation, fine_amount: {value: 200000, file: 09决定书.docx}}
  message: 罚款200000元达到单位100000元的标准，但卷内未见法制审核意见
  occurrences: 1
  evidence: ''
unknown:                    # a document not classified may be the one required
  facts:
    elements: {party_kind: organisation, fine_amount: {value: 200000, file: 09决定书.docx}}
    documents: [{file: 08审核意见.docx, kind: unknown}]
    problems: [{file: 08审核意见.docx, kind: unclassified}]
  message: 罚款200000元达到单位100000元的标准，卷内未见法制审核意见，但有1个文件无法读取或未能识别文书类型（08审核意见.docx），无法判定
n/a:
  facts:
    elements: {party_kind: organisation, fine_amount: {value: 20000, file: 09决定书.docx}}
  message: 罚款20000元低于单位100000元的标准，不适用
```
"""

from __future__ import annotations

from pydantic import Field, field_validator

from ingest.glossary import DOC_KIND_ZH, DocKind
from ingest.model import CaseFacts
from scoring.rules.base import (
    DOC_ATTRS,
    Outcome,
    PartyParam,
    RuleContext,
    _attr_set,
    at_or_above,
    doc_evidence,
    doc_ref,
    not_proven,
    searched,
)
from scoring.rules.registry import Args, register
from scoring.rules.when import When


class Requirement(Args):
    kind: DocKind
    element: str | None = None  # the document must also state this (e.g. hearing_right in the notice)

    @field_validator("element")
    @classmethod
    def _known(cls, value: str | None) -> str | None:
        if value is not None and value not in DOC_ATTRS:
            raise ValueError(f"unknown document field {value!r}")
        return value


class ThresholdRequirementArgs(Args):
    threshold: PartyParam
    requires: tuple[Requirement, ...] = Field(min_length=1)  # any one satisfies
    what: str | None = None  # how a message names what is required
    when: When | None = None


@register("threshold_requirement", args=ThresholdRequirementArgs)
def check(item, facts: CaseFacts, ctx: RuleContext) -> Outcome:
    """n/a below the threshold; at or above it, fail unless one of `requires` is in the file."""
    args: ThresholdRequirementArgs = item.args
    applies, why = at_or_above(facts, args.threshold, ctx)
    if applies is None:
        return Outcome.unknown(why)
    if not applies:
        return Outcome.na(f"{why}，不适用")
    for req in args.requires:
        for doc in facts.of_kind(req.kind):
            if req.element is None or _attr_set(doc, req.element):
                return Outcome.passed(f"{why}，卷内有{doc_ref(doc)}", doc_evidence(doc))
    what = args.what or "或".join(DOC_KIND_ZH[r.kind] for r in args.requires)
    lacking = [d for r in args.requires if r.element for d in facts.of_kind(r.kind)]
    evidence = doc_evidence(lacking[0]) if lacking else searched(facts)  # the document read without it
    return not_proven(facts, what, f"{why}，") or Outcome.failed(f"{why}，但卷内未见{what}", evidence)
