"""once_only: a document the law allows once is in the file once (行政许可法第三十二条第一款第（四）项:
补正 is told 一次, all at once; a second 补正告知书 shows the first did not tell everything).

Copies are not second documents: two papers with the same 文号, or (without a number) the same date, are one
notice (存根 and 送达联). A second paper with neither number nor date cannot be told from a copy: `unknown`.

Example:

```yaml
item:
  kind: once_only
  args: {kinds: [correction_notice]}
pass:
  facts:
    documents:
      - {file: 03补正.docx, kind: correction_notice, own_no: 朝市监许补〔2025〕8号, dates: {signed: 2025-03-06}}
      - {file: 03补正存根.docx, kind: correction_notice, own_no: 朝市监许补〔2025〕8号, dates: {signed: 2025-03-06}}
  message: 卷内补正材料通知书1份（补正材料通知书（03补正.docx））
  evidence: 03补正.docx
fail:
  facts:
    documents:
      - {file: 03补正.docx, kind: correction_notice, own_no: 朝市监许补〔2025〕8号, dates: {signed: 2025-03-06}}
      - {file: 05补正.docx, kind: correction_notice, own_no: 朝市监许补〔2025〕11号, dates: {signed: 2025-03-14}}
  message: 卷内有2份补正材料通知书（2025-03-06、2025-03-14），未一次告知全部内容
  occurrences: 1
  evidence: 05补正.docx
unknown:
  facts:
    documents:
      - {file: 03补正.docx, kind: correction_notice, dates: {signed: 2025-03-06}}
      - {file: 05补正.docx, kind: correction_notice}
  message: 卷内有2份补正材料通知书，其中补正材料通知书（05补正.docx）未能读取文号和日期，无法判断是否为同一通知的副本
n/a:
  facts: {}
  message: 卷内无补正材料通知书，不适用
```
"""

from __future__ import annotations

from pydantic import Field

from ingest.glossary import DocKind
from ingest.model import CaseFacts, DateRole, DocFacts
from ingest.normalize import norm_text
from scoring.rules.base import Outcome, RuleContext, doc_evidence, doc_ref, kinds_zh
from scoring.rules.registry import Args, register
from scoring.rules.when import When


class OnceOnlyArgs(Args):
    kinds: tuple[DocKind, ...] = Field(min_length=1)
    what: str | None = None  # how a message names the document; default: the kinds' names
    when: When | None = None


def _key(doc: DocFacts) -> str | None:
    if doc.own_no is not None:
        return "no:" + norm_text(doc.own_no.value)
    signed = doc.dates.get(DateRole.SIGNED)
    return f"date:{signed.value.isoformat()}" if signed else None


def _day(doc: DocFacts) -> str:
    signed = doc.dates.get(DateRole.SIGNED)
    return signed.value.isoformat() if signed else "日期不明"


@register("once_only", args=OnceOnlyArgs)
def check(item, facts: CaseFacts, ctx: RuleContext) -> Outcome:
    """Fail when two documents of `kinds` differ by number or date."""
    args: OnceOnlyArgs = item.args
    what = args.what or kinds_zh(args.kinds)
    docs = facts.of_kind(*args.kinds)
    if not docs:
        return Outcome.na(f"卷内无{what}，不适用")
    distinct: dict[str, DocFacts] = {}
    for doc in docs:
        key = _key(doc)
        if key is not None:
            distinct.setdefault(key, doc)
    if len(distinct) > 1:
        kept = sorted(distinct.values(), key=_day)
        days = "、".join(_day(d) for d in kept)
        return Outcome.failed(f"卷内有{len(kept)}份{what}（{days}），未一次告知全部内容", doc_evidence(kept[-1]))
    unkeyed = [d for d in docs if _key(d) is None]
    if unkeyed and len(docs) > 1:
        return Outcome.unknown(f"卷内有{len(docs)}份{what}，其中{doc_ref(unkeyed[0])}未能读取文号和日期，"
                               "无法判断是否为同一通知的副本", doc_evidence(unkeyed[0]))
    return Outcome.passed(f"卷内{what}1份（{doc_ref(docs[0])}）", doc_evidence(docs[0]))
