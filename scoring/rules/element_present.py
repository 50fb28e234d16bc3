"""element_present: a case element (Elements field) or a document's field is stated at all.

Example:

```yaml
item:
  kind: element_present
  args: {element: remedies, doc_kind: decision}
pass:
  facts:
    documents:
      - {file: 09决定书.docx, kind: decision, remedies: 可在收到本决定书之日起六十日内申请行政复议}
  message: 行政处罚决定书已载明救济途径
  evidence: 09决定书.docx
fail:
  facts:
    documents: [{file: 09决定书.docx, kind: decision}]
  message: 行政处罚决定书（09决定书.docx）未载明救济途径
  occurrences: 1
  evidence: 09决定书.docx
n/a:
  facts: {}
  message: 卷内无行政处罚决定书，不适用
```
"""

from __future__ import annotations

from pydantic import field_validator

from ingest.glossary import DOC_KIND_ZH, DocKind
from ingest.model import CaseFacts
from scoring.glossary import zh
from scoring.rules.base import (
    DOC_ATTRS,
    ELEMENT_ATTRS,
    MISSING,
    Outcome,
    RuleContext,
    _attr_set,
    doc_ref,
    found_evidence,
    looked_in,
)
from scoring.rules.registry import Args, register
from scoring.rules.when import When


class ElementPresentArgs(Args):
    element: str  # an Elements field, or a DocFacts field when `doc_kind` is given
    doc_kind: DocKind | None = None  # look in every document of this kind instead of the merged elements
    label: str | None = None  # how a message names the element; default from the glossary
    when: When | None = None

    @field_validator("element")
    @classmethod
    def _known(cls, value: str) -> str:
        if value not in ELEMENT_ATTRS | DOC_ATTRS:
            raise ValueError(f"unknown element {value!r}")
        return value


@register("element_present", args=ElementPresentArgs)
def check(item, facts: CaseFacts, ctx: RuleContext) -> Outcome:
    """Fail when the element is not stated (in any document of `doc_kind`, or in the case's elements)."""
    args: ElementPresentArgs = item.args
    label = args.label or zh(args.element)
    if args.doc_kind is None:
        if args.element not in ELEMENT_ATTRS:
            raise ValueError(f"{args.element} is not a case element; give doc_kind")
        value = getattr(facts.elements, args.element)
        if value:
            return Outcome.passed(f"已载明{label}", getattr(value, "evidence", None))
        return Outcome.failed(f"卷内未载明{label}", MISSING)
    docs = facts.of_kind(args.doc_kind)
    if not docs:
        return Outcome.na(f"卷内无{DOC_KIND_ZH[args.doc_kind]}，不适用")
    lacking = [d for d in docs if not _attr_set(d, args.element)]
    if lacking:
        names = "、".join(doc_ref(d) for d in lacking)
        return Outcome.failed(f"{names}未载明{label}", looked_in(lacking[0]), len(lacking))
    return Outcome.passed(f"{DOC_KIND_ZH[args.doc_kind]}已载明{label}", found_evidence(docs[0], args.element))
