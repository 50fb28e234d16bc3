"""dates_in_order: procedure steps in their legal order (V06 程序颠倒).

Example:

```yaml
item:
  kind: dates_in_order
  args:
    pairs: [{before: filing_date, after: decision_date}]
pass:
  facts:
    elements:
      filing_date: {value: 2025-03-05, file: 02立案.docx}
      decision_date: {value: 2025-04-15, file: 09决定书.docx}
  message: 立案（2025年3月5日）不晚于作出决定（2025年4月15日）
fail:
  facts:
    elements:
      filing_date: {value: 2025-04-20, file: 02立案.docx}
      decision_date: {value: 2025-04-15, file: 09决定书.docx}
  message: 程序颠倒：立案（2025年4月20日）晚于作出决定（2025年4月15日）
  occurrences: 1
  evidence: 09决定书.docx
unknown:
  - facts:
      elements:
        filing_date: {value: 2025-03-05, file: 02立案.docx}
      documents: [{file: 09决定书.docx, kind: decision}]
    message: 未能读取作出决定日期，无法核对程序先后
  - facts:                  # a date read from a document partly recognised: a veto needs positive evidence
      elements:
        filing_date: {value: 2025-03-20, file: 02立案.pdf}
        decision_date: {value: 2025-03-10, file: 09决定书.docx}
      problems: [{file: 02立案.pdf, kind: ocr-failed, message: 第1页OCR也未能识别}]
    message: 立案（2025年3月20日）晚于作出决定（2025年3月10日），但日期读自未能完整识别的文书（第1页OCR也未能识别），无法核对程序先后
```
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ingest.model import CaseFacts
from scoring.rules.base import (
    DateRef,
    Outcome,
    RuleContext,
    event_zh,
    file_doubt,
    resolve_date,
    two_dates_evidence,
    zh_date,
)
from scoring.rules.registry import Args, register
from scoring.rules.when import When


class Pair(Args):
    before: DateRef
    after: DateRef
    strict: bool = False  # True: the same day is out of order too
    # skip: a date the file need not tell (computed from others: the enforced decision's last day to perform)
    # leaves the pair out when missing, instead of making the item unknown
    if_missing: Literal["unknown", "skip"] = "unknown"


class DatesInOrderArgs(Args):
    pairs: tuple[Pair, ...] = Field(min_length=1)
    lead: str = "程序颠倒："  # how a fail's message opens (当场 items: 非当场作出：)
    when: When | None = None


@register("dates_in_order", args=DatesInOrderArgs)
def check(item, facts: CaseFacts, ctx: RuleContext) -> Outcome:
    """Fail for each pair whose `before` date comes after its `after` date; evidence is the `after` date."""
    args: DatesInOrderArgs = item.args
    fails, unreadable, checked, doubts = [], [], [], []
    evidence = None
    for pair in args.pairs:
        first, first_home = resolve_date(facts, pair.before)
        second, second_home = resolve_date(facts, pair.after)
        if first is None or second is None:
            if pair.if_missing == "skip":
                continue
            for found, home, ref in ((first, first_home, pair.before), (second, second_home, pair.after)):
                if found is None and home:
                    unreadable.append(f"未能读取{event_zh(ref)}日期")
            continue
        b, a = first.value, second.value
        checked.append(f"{event_zh(pair.before)}（{zh_date(b)}）不晚于{event_zh(pair.after)}（{zh_date(a)}）")
        doubt = file_doubt(facts, first.evidence.source_file) or file_doubt(facts, second.evidence.source_file)
        if (b > a or (pair.strict and b == a)) and doubt:
            doubts.append(f"{event_zh(pair.before)}（{zh_date(b)}）晚于{event_zh(pair.after)}（{zh_date(a)}），"
                          f"但日期读自未能完整识别的文书（{doubt}）")
        elif b > a or (pair.strict and b == a):
            fails.append(f"{event_zh(pair.before)}（{zh_date(b)}）晚于{event_zh(pair.after)}（{zh_date(a)}）")
            evidence = evidence or two_dates_evidence(facts, (pair.before, first), (pair.after, second))
    if fails:
        return Outcome.failed(args.lead + "；".join(fails), evidence, len(fails))
    if unreadable or doubts:
        return Outcome.unknown("；".join(doubts + unreadable) + "，无法核对程序先后")
    if not checked:
        return Outcome.na("无可比较的日期，不适用")
    return Outcome.passed("；".join(checked))
