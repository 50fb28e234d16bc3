"""legal_review_sound: the file's 法制审核 was done before the decision, by a named reviewer, with a conclusion
that allowed the decision (三项制度, 法制审核; 行政处罚法第五十八条).

Whether a review was due is another item's business (penalty-general V05, license R16, coercion T04): this
one judges the review the file holds. A fail needs positive evidence: the review dated after the decision, a
审核人 or 审核意见 box read blank, a conclusion of 不同意 with no later review. The reviewer's 法律职业资格
(required of first-time reviewers, 第五十八条第二款) is judged only where the form has its box: a blank box is
`unknown` (the reviewer may not be new), a box not on the form is silence, never a fail.

Example:

```yaml
item:
  kind: legal_review_sound
  args: {}
pass:
  facts:
    documents:
      - {file: 08法制审核.docx, kind: legal_review, dates: {signed: 2025-04-10}, reviewer: 王明,
         review_conclusion: 同意}
      - {file: 09决定书.docx, kind: decision, dates: {decision: 2025-04-15}}
  message: 法制审核意见（08法制审核.docx）于2025年4月10日作出，早于决定；审核人王明，审核意见“同意”
  evidence: 08法制审核.docx
fail:
  facts:
    documents:
      - {file: 08法制审核.docx, kind: legal_review, dates: {signed: 2025-04-20}, reviewer: 王明,
         review_conclusion: 同意}
      - {file: 09决定书.docx, kind: decision, dates: {decision: 2025-04-15}}
  message: 法制审核意见（08法制审核.docx）于2025年4月20日作出，晚于决定（2025年4月15日）
  occurrences: 1
  evidence: 08法制审核.docx
unknown:
  facts:
    documents:
      - {file: 08法制审核.docx, kind: legal_review, dates: {signed: 2025-04-10}, reviewer: 王明,
         review_conclusion: 同意, reviewer_qualification: ''}
      - {file: 09决定书.docx, kind: decision, dates: {decision: 2025-04-15}}
  message: 法制审核意见（08法制审核.docx）的法律职业资格栏未填写，请核对审核人是否初次从事法制审核
n/a:
  facts:
    documents: [{file: 09决定书.docx, kind: decision}]
  message: 卷内无法制审核意见，不适用
```
"""

from __future__ import annotations

import re
from datetime import date

from ingest.glossary import DocKind
from ingest.model import CaseFacts, DateRole, DocFacts, Found
from scoring.rules.base import (
    DateRef,
    Outcome,
    RuleContext,
    doc_evidence,
    doc_ref,
    resolve_first,
    zh_date,
)
from scoring.rules.registry import Args, register
from scoring.rules.when import When

_REFUSED = re.compile(r"不同意|不予同意|不予通过|未通过|不通过|退回")
_VERDICT_CHARS = 12


class LegalReviewSoundArgs(Args):
    decision: tuple[DateRef, ...] = ("decision_date",)  # the decision's date, first found wins
    when: When | None = None


def review_date(doc: DocFacts) -> Found[date] | None:
    """The review's own date (落款 or 审核日期); another date in its text is not when it was made."""
    return doc.dates.get(DateRole.SIGNED) or doc.dates.get(DateRole.APPROVAL)


@register("legal_review_sound", args=LegalReviewSoundArgs)
def check(item, facts: CaseFacts, ctx: RuleContext) -> Outcome:
    """Fail on a review after the decision, a blank reviewer or conclusion, or a refusal not followed by approval."""
    args: LegalReviewSoundArgs = item.args
    reviews = facts.of_kind(DocKind.LEGAL_REVIEW)
    if not reviews:
        return Outcome.na("卷内无法制审核意见，不适用")
    review = reviews[-1]  # a re-review after 不同意 comes last
    decided = resolve_first(facts, args.decision)[0]
    faults: list[tuple[str, Found | None]] = []
    timing, notes = "", []
    when = review_date(review)
    if when is not None and decided is not None:
        if when.value > decided.value:
            faults.append((f"于{zh_date(when.value)}作出，晚于决定（{zh_date(decided.value)}）", when))
        else:
            timing = f"于{zh_date(when.value)}作出，早于决定；"
    for name, found in (("审核人", review.reviewer), ("审核意见", review.review_conclusion)):
        if found is not None and not found.value:
            faults.append((f"{name}栏未填写", found))
        elif found is not None:
            notes.append(f"{name}{found.value}" if name == "审核人" else f"{name}“{found.value}”")
    conclusion = review.review_conclusion
    # the verdict opens the conclusion (经审核，不同意…); a 不同意 further on may be the party's, quoted
    if conclusion is not None and _REFUSED.search(conclusion.value[:_VERDICT_CHARS]):
        faults.append((f"审核意见为“{conclusion.value}”，审核未通过仍作出决定", conclusion))
    lead = doc_ref(review)
    if faults:
        evidence = faults[0][1].evidence if faults[0][1] is not None else doc_evidence(review)
        return Outcome.failed(f"{lead}" + "；".join(text for text, _ in faults), evidence, len(faults))
    qualification = review.reviewer_qualification
    if qualification is not None and not qualification.value:
        return Outcome.unknown(f"{lead}的法律职业资格栏未填写，请核对审核人是否初次从事法制审核", qualification.evidence)
    if qualification is not None:
        notes.append(f"法律职业资格{qualification.value}")
    if review.reviewer is None or review.review_conclusion is None:
        missing = "、".join(n for n, f in (("审核人", review.reviewer), ("审核意见", review.review_conclusion)) if f is None)
        return Outcome.unknown(f"{lead}未读取到{missing}，请核对", doc_evidence(review))
    return Outcome.passed(f"{lead}{timing}" + "，".join(notes), doc_evidence(review))
