"""execution_term: something the law says must be told to the party, which one of several documents may tell
(行政强制法第四十五条第一款: 加处罚款或者滞纳金的标准 — in the decision enforced, or in the 催告书).

Present when any document of `kinds` records the term. Missing only when every kind of `kinds` is in the file,
read, and none records it; with one of them absent (the decision enforced is often filed in the penalty's own
dossier) the item is `unknown`.

Example:

```yaml
item:
  kind: execution_term
  args: {term: surcharge_standard, kinds: [decision, payment_reminder]}
pass:
  facts:
    documents:
      - file: 01催告书.docx
        kind: payment_reminder
        execution_terms: {surcharge_standard: 每日按罚款数额的百分之三加处罚款}
  message: 催告书载明加处罚款（滞纳金）标准
  evidence: 01催告书.docx
fail:
  facts:
    documents:
      - {file: 00决定书.docx, kind: decision, party_name: 北京某某商贸有限公司}
      - {file: 01催告书.docx, kind: payment_reminder, party_name: 北京某某商贸有限公司}
  message: 行政处罚决定书、催告书均未载明加处罚款（滞纳金）标准
  occurrences: 1
  evidence: 01催告书.docx
unknown:
  facts:
    documents:
      - {file: 01催告书.docx, kind: payment_reminder, party_name: 北京某某商贸有限公司}
  message: 催告书未载明加处罚款（滞纳金）标准，卷内无行政处罚决定书，无法判定是否已告知
n/a:
  facts: {}
  message: 卷内无行政处罚决定书或催告书，不适用
```
"""

from __future__ import annotations

from pydantic import Field, field_validator

from ingest.glossary import EXECUTION_TERM_ZH, DocKind
from ingest.model import CaseFacts
from scoring.rules.base import Outcome, RuleContext, doc_evidence, doc_zh, kinds_zh, partly_read
from scoring.rules.registry import Args, register
from scoring.rules.when import When


class ExecutionTermArgs(Args):
    term: str
    kinds: tuple[DocKind, ...] = Field(min_length=1)
    when: When | None = None

    @field_validator("term")
    @classmethod
    def _known(cls, value: str) -> str:
        if value not in EXECUTION_TERM_ZH:
            raise ValueError(f"unknown execution term {value!r}: use {', '.join(EXECUTION_TERM_ZH)}")
        return value


@register("execution_term", args=ExecutionTermArgs)
def check(item, facts: CaseFacts, ctx: RuleContext) -> Outcome:
    """Pass when any document of `kinds` records `term`; fail only when all of `kinds` are there, read, without it."""
    args: ExecutionTermArgs = item.args
    name = EXECUTION_TERM_ZH[args.term]
    docs = facts.of_kind(*args.kinds)
    if not docs:
        return Outcome.na(f"卷内无{kinds_zh(args.kinds)}，不适用")
    for doc in docs:
        if args.term in doc.execution_terms:
            return Outcome.passed(f"{doc_zh(doc)}载明{name}", doc.execution_terms[args.term].evidence)
    lacking = [k for k in args.kinds if not facts.has(k)]
    said = "、".join(dict.fromkeys(doc_zh(d) for d in docs))
    if lacking:
        return Outcome.unknown(f"{said}未载明{name}，卷内无{kinds_zh(tuple(lacking))}，无法判定是否已告知")
    if doubt := next((why for d in docs if (why := partly_read(d, facts))), None):
        return Outcome.unknown(f"{said}未见{name}，但{doubt.rstrip('。')}")
    return Outcome.failed(f"{said}均未载明{name}", doc_evidence(docs[-1]))
