"""major_review: a decision the standard marks as 重大 needs a 法制审核 (三项制度, 法制审核; 118号, 行政处罚法第五十八条).

Each trigger is a checklist parameter, so a city sets its own 法制审核目录 (0 or empty: the trigger is off):
`hearing` (a hearing was held), `refusal` (the file holds one of `refusal_kinds`, e.g. 不予许可), and
`value_threshold` (the value of seized goods in yuan; no national number exists, so the bundled default is 0,
and as the value is not read from the file yet, a set threshold makes the item `unknown` unless a review is in
the file). No trigger on: n/a. A fine threshold is threshold_requirement's (penalty-general V05).

Example:

```yaml
item:
  kind: major_review
  args: {requires: [legal_review, collective_discussion], hearing: major_hearing, refusal: major_refusal,
         refusal_kinds: [license_refusal]}
parameters: {major_hearing: 1, major_refusal: 1}
pass:
  facts:
    documents:
      - {file: 07听证笔录.docx, kind: hearing_record}
      - {file: 08法制审核.docx, kind: legal_review}
  message: 卷内有法制审核意见（08法制审核.docx）
  evidence: 08法制审核.docx
fail:
  facts:
    documents: [{file: 09不予许可.docx, kind: license_refusal}]
  message: 卷内未见法制审核意见或集体讨论记录
  occurrences: 1
  evidence: ''
n/a:
  facts:
    documents: [{file: 09许可决定.docx, kind: license_decision}]
  message: 未举行听证、卷内无不予行政许可决定书，不适用
```
"""

from __future__ import annotations

from pydantic import Field

from ingest.glossary import DocKind
from ingest.model import CaseFacts
from scoring.rules.base import (
    IntParam,
    Outcome,
    RuleContext,
    absent,
    doc_evidence,
    doc_ref,
    hearing_held,
    kinds_zh,
)
from scoring.rules.registry import Args, register
from scoring.rules.when import When


class MajorReviewArgs(Args):
    requires: tuple[DocKind, ...] = Field((DocKind.LEGAL_REVIEW,), min_length=1)  # any one will do
    what: str | None = None
    hearing: IntParam | None = None  # on when the parameter is above zero: a hearing was held
    refusal: IntParam | None = None  # on when above zero: the file holds one of refusal_kinds
    refusal_kinds: tuple[DocKind, ...] = ()
    value_threshold: IntParam | None = None  # yuan; on when above zero (value of seized goods, not read yet)
    when: When | None = None


def _on(ctx: RuleContext, name: str | None) -> bool:
    return bool(name) and bool(ctx.param(name))


@register("major_review", args=MajorReviewArgs)
def check(item, facts: CaseFacts, ctx: RuleContext) -> Outcome:
    """n/a unless a trigger the standard switches on holds; then fail unless one of `requires` is in the file."""
    args: MajorReviewArgs = item.args
    found = facts.of_kind(*args.requires)
    what = args.what or kinds_zh(args.requires)
    if _on(ctx, args.hearing) and hearing_held(facts) or _on(ctx, args.refusal) and facts.has(*args.refusal_kinds):
        if found:
            return Outcome.passed(f"卷内有{doc_ref(found[0])}", doc_evidence(found[0]))
        return absent(facts, what)
    if _on(ctx, args.value_threshold):
        if found:
            return Outcome.passed(f"卷内有{doc_ref(found[0])}", doc_evidence(found[0]))
        limit = int(ctx.param(args.value_threshold))
        return Outcome.unknown(f"未读取到涉案财物价值，请核对是否达到重大标准（{limit}元）及是否经{what}")
    off = []
    if _on(ctx, args.hearing):
        off.append("未举行听证")
    if _on(ctx, args.refusal) and args.refusal_kinds:
        off.append(f"卷内无{kinds_zh(args.refusal_kinds)}")
    return Outcome.na(f"{'、'.join(off) or '本评查标准未设重大执法决定标准'}，不适用")
