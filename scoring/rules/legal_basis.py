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
unknown:                    # a decision partly recognised: citations may be on the pages not read
  facts:
    documents: [{file: 09决定书.pdf, kind: decision}]
    problems: [{file: 09决定书.pdf, kind: ocr-failed, message: 第2页没有可用的文字层，OCR也未能识别，请人工查阅}]
  message: 行政处罚决定书（09决定书.pdf）未见违法依据（所违反的条款）、处罚依据，但第2页没有可用的文字层，OCR也未能识别，请人工查阅，无法判定
```

Precision first: a decision whose text was only partly recognised gives `unknown`, not a fail (V08 is a
veto). A discretion standard cited by name (《…行政处罚裁量基准》, 《…自由裁量适用细则》) sets the amount
and is no provision of law: it needs no article.
"""

from __future__ import annotations

import re
from typing import Literal

from ingest.glossary import DocKind
from ingest.model import CaseFacts, Provision
from scoring.rules.base import Outcome, RuleContext, doc_ref, looked_in, partly_read
from scoring.rules.registry import Args, register
from scoring.rules.when import When

DISCRETION = re.compile(r"裁量")  # 裁量基准, 裁量权基准, 自由裁量适用细则 …: cited by name, never by article


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
    unread: list[str] = []
    for doc in docs:
        cited = doc.violated + doc.penalty_basis
        sides = [("违法依据（所违反的条款）", doc.violated), ("处罚依据", doc.penalty_basis)]
        missing = [name for name, found in sides if not found] if args.require == "complete" else []
        if args.require == "any" and not cited:
            missing = ["法律依据"]
        if missing and (why := partly_read(doc, facts)):
            unread.append(f"{doc_ref(doc)}未见{'、'.join(missing)}，但{why.rstrip('。')}")
        elif args.require == "any" and missing:
            problems.append((f"{doc_ref(doc)}未引用任何法律依据", looked_in(doc)))
        else:
            problems += [(f"{doc_ref(doc)}未载明{name}", looked_in(doc)) for name in missing]
        if args.require == "any":
            continue
        for found in cited:
            if found.value.article is None and not DISCRETION.search(found.value.law):
                problems.append((f"{doc_ref(doc)}引用“{_as_written(found.value)}”未具体到条款项", found.evidence))
    if problems:
        return Outcome.failed("；".join(p for p, _ in problems), problems[0][1], len(problems))  # type: ignore[arg-type]
    if unread:
        return Outcome.unknown("；".join(unread) + "，无法判定")
    cited = [_as_written(f.value) for d in docs for f in d.violated + d.penalty_basis]
    return Outcome.passed("引用依据：" + "、".join(cited[:4]))
