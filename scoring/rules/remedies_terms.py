"""remedies_terms: the remedies clause gives the statutory periods (行政复议法第二十条: 六十日; 行政诉讼法第四十六条:
六个月), read from the clause the decision states.

A clause that gives another period is positive evidence of a wrong statement; a clause whose periods cannot be
read is `unknown`; a decision without the clause is another item's business (n/a here). The review body
(行政复议法第二十四条: since 2024-01-01 a county-level department's decisions go to 本级人民政府, vertical
systems excepted) depends on the agency's level: it is named in the message for the reviewer, never judged.

Example:

```yaml
item:
  kind: remedies_terms
  args: {review_days: review_days, litigation_months: litigation_months, kinds: [on_the_spot_decision]}
parameters: {review_days: 60, litigation_months: 6}
pass:
  facts:
    documents:
      - file: 当场决定书.docx
        kind: on_the_spot_decision
        remedies: 可以在收到本决定书之日起六十日内申请行政复议，或者在六个月内提起行政诉讼。
  message: 救济途径载明复议期限60日、诉讼期限6个月
  evidence: 当场决定书.docx
fail:
  facts:
    documents:
      - file: 当场决定书.docx
        kind: on_the_spot_decision
        remedies: 可以在收到本决定书之日起十五日内申请行政复议，或者在三个月内提起行政诉讼。
  message: 当场行政处罚决定书（当场决定书.docx）救济途径载明复议期限15日（应为60日）、诉讼期限3个月（应为6个月）
  occurrences: 1
  evidence: 当场决定书.docx
unknown:
  facts:
    documents:
      - {file: 当场决定书.docx, kind: on_the_spot_decision, remedies: 不服本决定的，可依法申请行政复议或者提起行政诉讼。}
  message: 未能在当场行政处罚决定书（当场决定书.docx）的救济途径中读取复议、诉讼期限
n/a:
  facts:
    documents: [{file: 当场决定书.docx, kind: on_the_spot_decision}]
  message: 决定书未载明救济途径，不适用（由决定书要素项核对）
```
"""

from __future__ import annotations

import re

from ingest.extract.remedies import find_remedies
from ingest.glossary import DECISION_KINDS, DocKind
from ingest.model import CaseFacts
from scoring.rules.base import IntParam, Outcome, RuleContext, doc_ref
from scoring.rules.registry import Args, register
from scoring.rules.when import When

_REVIEW_PART = re.compile(r"[^，,；;。]*复议[^，,；;。]*")
_LITIGATION_PART = re.compile(r"[^，,；;。]*(?:诉讼|人民法院)[^，,；;。]*")


class RemediesTermsArgs(Args):
    review_days: IntParam
    litigation_months: IntParam
    kinds: tuple[DocKind, ...] = tuple(sorted(DECISION_KINDS))
    when: When | None = None


def _period(text: str, part: re.Pattern[str], months: bool) -> int | None:
    """The period written in the part of the clause on 复议 (days) or 诉讼 (months)."""
    for m in part.finditer(text):
        hit = find_remedies(m.group() + "。")
        value = None if hit is None else (hit.months if months else hit.days)
        if value is not None:
            return value
    return None


@register("remedies_terms", args=RemediesTermsArgs)
def check(item, facts: CaseFacts, ctx: RuleContext) -> Outcome:
    """Fail when a decision's remedies clause gives a review or litigation period other than the statute's."""
    args: RemediesTermsArgs = item.args
    days, months = int(ctx.param(args.review_days)), int(ctx.param(args.litigation_months))
    docs = [d for d in facts.of_kind(*args.kinds) if d.remedies is not None]
    if not docs:
        return Outcome.na("决定书未载明救济途径，不适用（由决定书要素项核对）")
    wrong, unread = [], []
    for doc in docs:
        text = doc.remedies.value
        review, litigation = _period(text, _REVIEW_PART, False), _period(text, _LITIGATION_PART, True)
        errors = []
        if review is not None and review != days:
            errors.append(f"复议期限{review}日（应为{days}日）")
        if litigation is not None and litigation != months:
            errors.append(f"诉讼期限{litigation}个月（应为{months}个月）")
        if errors:
            wrong.append((doc, errors))
        elif review is None and litigation is None:
            unread.append(doc)
    if wrong:
        text = "；".join(f"{doc_ref(d)}救济途径载明{'、'.join(e)}" for d, e in wrong)
        return Outcome.failed(text, wrong[0][0].remedies.evidence, len(wrong))
    if unread:
        return Outcome.unknown("；".join(f"未能在{doc_ref(d)}的救济途径中读取复议、诉讼期限" for d in unread))
    body = next((d.review_body.value for d in docs if d.review_body is not None), None)
    note = f"；复议机关为{body}，请核对" if body else ""
    return Outcome.passed(f"救济途径载明复议期限{days}日、诉讼期限{months}个月{note}", docs[0].remedies.evidence)
