"""legal_basis: the decision cites law (V08: any provision at all; R12: both the violated provision and the
penalty provision, each down to its article).

Example:

```yaml
item:
  kind: legal_basis
  args: {require: complete}
pass:
  facts:
    documents:
      - file: 09决定书.docx
        kind: decision
        violated: [{law: 中华人民共和国食品安全法, article: 34, text: 《中华人民共和国食品安全法》第三十四条}]
        penalty_basis: [{law: 中华人民共和国食品安全法, article: 124, text: 《中华人民共和国食品安全法》第一百二十四条}]
  message: 引用依据：《中华人民共和国食品安全法》第三十四条、《中华人民共和国食品安全法》第一百二十四条
fail:
  facts:
    documents:
      - file: 09决定书.docx
        kind: decision
        violated: [{law: 中华人民共和国食品安全法, text: 《中华人民共和国食品安全法》}]
  message: 行政处罚决定书（09决定书.docx）未载明处罚依据；行政处罚决定书（09决定书.docx）引用“《中华人民共和国食品安全法》”未具体到条款项
  occurrences: 2
  evidence: 09决定书.docx
```
"""

from __future__ import annotations

from typing import Literal

from ingest.glossary import DocKind
from ingest.model import CaseFacts, Provision
from scoring.rules.base import Outcome, RuleContext, doc_evidence, doc_ref
from scoring.rules.registry import Args, register
from scoring.rules.when import When


class LegalBasisArgs(Args):
    require: Literal["any", "complete"]
    kinds: tuple[DocKind, ...] = (DocKind.DECISION,)
    when: When | None = None


def _as_written(provision: Provision) -> str:
    """The citation as the decision writes it, or the law's title when the text was not kept."""
    return provision.text or f"《{provision.law}》"


@register("legal_basis", args=LegalBasisArgs)
def check(item, facts: CaseFacts, ctx: RuleContext) -> Outcome:
    """any: fail when no provision is cited; complete: fail per missing side or article-less citation."""
    args: LegalBasisArgs = item.args
    docs = facts.of_kind(*args.kinds)
    if not docs:
        return Outcome.na("卷内无决定书，不适用")
    problems: list[tuple[str, object]] = []
    for doc in docs:
        cited = doc.violated + doc.penalty_basis
        if args.require == "any":
            if not cited:
                problems.append((f"{doc_ref(doc)}未引用任何法律依据", doc_evidence(doc)))
            continue
        if not doc.violated:
            problems.append((f"{doc_ref(doc)}未载明违法依据（所违反的条款）", doc_evidence(doc)))
        if not doc.penalty_basis:
            problems.append((f"{doc_ref(doc)}未载明处罚依据", doc_evidence(doc)))
        for found in cited:
            if found.value.article is None:
                problems.append((f"{doc_ref(doc)}引用“{_as_written(found.value)}”未具体到条款项", found.evidence))
    if problems:
        return Outcome.failed("；".join(p for p, _ in problems), problems[0][1], len(problems))  # type: ignore[arg-type]
    cited = [_as_written(f.value) for d in docs for f in d.violated + d.penalty_basis]
    return Outcome.passed("引用依据：" + "、".join(cited[:4]))
