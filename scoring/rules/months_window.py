"""months_window: a date that must fall at least (min) or at most (max) a number of calendar months after another.

行政强制法第五十三条 and 行诉解释第一百五十六条: a court may be asked to enforce only after the party's time to sue
(six months from the decision's service, 行政诉讼法第四十六条) has run out, and within three months after that. Months
are calendar months (民法典第二百零二条: the same day of the later month; a missing day is the month's last). The
limit is the sum of its parameters (6, or 6 + 3).

When the enforced decision went through 复议 or a court (the file says so), the window runs from another date:
the item is `unknown` for the reviewer, never a fail. A recorded 立即执行 (第五十九条) excuses an early date.

Example:

```yaml
item:
  kind: months_window
  args:
    start: enforcement_application.underlying_delivery
    end: enforcement_application.signed
    months: [litigation_months]
    mode: min
    excused_by_terms: [immediate]
    doubted_by_terms: [review_or_suit]
parameters: {litigation_months: 6}
pass:
  facts:
    documents:
      - file: 03申请书.docx
        kind: enforcement_application
        dates:
          underlying_delivery: {value: 2024-09-02, file: 03申请书.docx}
          signed: {value: 2025-03-25, file: 03申请书.docx}
  message: 申请人民法院强制执行（2025年3月25日）在被执行决定送达（2024年9月2日）后6个月（2025年3月2日）之后
  evidence: 03申请书.docx
fail:
  facts:
    documents:
      - file: 03申请书.docx
        kind: enforcement_application
        dates:
          underlying_delivery: {value: 2024-12-02, file: 03申请书.docx}
          signed: {value: 2025-03-25, file: 03申请书.docx}
  message: 申请人民法院强制执行（2025年3月25日）早于被执行决定送达（2024年12月2日）后6个月（2025年6月2日）
  occurrences: 1
  evidence: 03申请书.docx
unknown:
  facts:
    documents:
      - file: 03申请书.docx
        kind: enforcement_application
        dates: {underlying_delivery: 2024-12-02, signed: 2025-03-25}
        execution_terms: {review_or_suit: 经行政复议，复议机关维持原决定}
  message: 卷内记载当事人申请复议或提起诉讼（经行政复议，复议机关维持原决定），期限另行起算，由评查人员核对
n/a:
  facts: {}
  message: 卷内未见申请人民法院强制执行日期，不适用
```
"""

from __future__ import annotations

import calendar
from datetime import date
from typing import Literal

from pydantic import Field, field_validator

from ingest.glossary import EXECUTION_TERM_ZH
from ingest.model import CaseFacts, DocFacts, Found
from scoring.rules.base import (
    DateRef,
    IntParam,
    Outcome,
    RuleContext,
    event_zh,
    resolve_first,
    two_dates_evidence,
    zh_date,
)
from scoring.rules.registry import Args, register
from scoring.rules.when import When


class MonthsWindowArgs(Args):
    start: tuple[DateRef, ...]  # alternatives, first found wins
    end: tuple[DateRef, ...]
    months: tuple[IntParam, ...] = Field(min_length=1)  # parameters summed: [litigation_months, court_window_months]
    mode: Literal["min", "max"]
    excused_by_terms: tuple[str, ...] = ()  # an execution term that excuses the date (立即执行)
    doubted_by_terms: tuple[str, ...] = ()  # an execution term that moves the window: unknown (复议、诉讼)
    when: When | None = None

    @field_validator("start", "end", "months", mode="before")
    @classmethod
    def _one_or_many(cls, value: object) -> object:
        return (value,) if isinstance(value, str) else value

    @field_validator("excused_by_terms", "doubted_by_terms")
    @classmethod
    def _known(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        unknown = [t for t in value if t not in EXECUTION_TERM_ZH]
        if unknown:
            raise ValueError(f"unknown execution term(s) {', '.join(unknown)}: use {', '.join(EXECUTION_TERM_ZH)}")
        return value

    def check_parameters(self, params: dict) -> list[tuple[tuple, str]]:
        return [(("months",), f"parameter '{p}' is counted in months: name it *_months")
                for p in self.months if not p.endswith("_months")]


def add_months(start: date, months: int) -> date:
    """The same day `months` later; a day the month lacks is its last day (8月31日 + 6个月 = 2月28日)."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def term_in(facts: CaseFacts, terms: tuple[str, ...]) -> tuple[DocFacts, str] | None:
    """The first document that records one of `terms`, and which."""
    for doc in facts.documents:
        for term in terms:
            if term in doc.execution_terms:
                return doc, term
    return None


@register("months_window", args=MonthsWindowArgs)
def check(item, facts: CaseFacts, ctx: RuleContext) -> Outcome:
    """Fail when `end` is before `start` + months (min) or after it (max)."""
    args: MonthsWindowArgs = item.args
    end, end_home, end_ref = resolve_first(facts, args.end)
    if end is None:
        return Outcome.unknown(f"未能读取{event_zh(end_ref)}日期") if end_home else \
            Outcome.na(f"卷内未见{event_zh(end_ref)}日期，不适用")
    if doubt := term_in(facts, args.doubted_by_terms):
        doc, term = doubt
        found: Found[str] = doc.execution_terms[term]
        return Outcome.unknown(f"卷内记载当事人申请复议或提起诉讼（{found.value}），期限另行起算，由评查人员核对",
                               found.evidence)
    start, _, start_ref = resolve_first(facts, args.start)
    if start is None:
        return Outcome.unknown(f"未能读取{event_zh(start_ref)}日期，无法计算申请期限")
    months = sum(int(ctx.param(p)) for p in args.months)
    bound = add_months(start.value, months)
    evidence = two_dates_evidence(facts, (start_ref, start), (end_ref, end))
    what, since = f"{event_zh(end_ref)}（{zh_date(end.value)}）", f"{event_zh(start_ref)}（{zh_date(start.value)}）后{months}个月"
    if args.mode == "min" and end.value < bound:
        if excuse := term_in(facts, args.excused_by_terms):
            doc, term = excuse
            return Outcome.passed(f"{what}早于{since}，但卷内有{EXECUTION_TERM_ZH[term]}", doc.execution_terms[term].evidence)
        return Outcome.failed(f"{what}早于{since}（{zh_date(bound)}）", evidence)
    if args.mode == "max" and end.value > bound:
        return Outcome.failed(f"{what}晚于{since}（{zh_date(bound)}）", evidence)
    side = "之后" if args.mode == "min" else "之内"
    return Outcome.passed(f"{what}在{since}（{zh_date(bound)}）{side}", evidence)
