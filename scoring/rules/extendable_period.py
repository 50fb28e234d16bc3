"""extendable_period: a deadline that an approved extension lengthens and periods told in writing suspend
(行政许可法第四十二条: 20 working days, +10 with the head's approval and the reason told to the applicant;
第四十五条: 听证、检验、检测、鉴定、专家评审 time is not counted, and must be told to the applicant in writing).

`judge: deadline` (R12) fails when the end comes after the deadline: limit + excluded working days, + the
extension when a written notice of it is in the file. Only periods the file shows were told in writing are
excluded (the `excluded` element is read from those notices alone); when such a notice is there but its
days were not read, a late end is `unknown`. An extension notice counts even when its approval is not shown:
the missing approval is the other item's (`judge: extension`, R13), so one defect is deducted once.

`judge: extension` (R13) applies when the end is past the limit and the file holds an extension: the notice
to the applicant and the head's approval must be there, the notice dated no later than the limit's last day.

Example:

```yaml
item:
  kind: extendable_period
  args:
    start: acceptance_date
    end: decision_date
    limit: decision_working_days
    extension: decision_extension_working_days
    told_by: [license_extension_notice]
parameters: {decision_working_days: 20, decision_extension_working_days: 10}
pass:
  - facts:
      elements:
        acceptance_date: {value: 2025-03-10, file: 04受理.docx}
        decision_date: {value: 2025-04-03, file: 07决定.docx}
    message: 作出决定在受理后第18个工作日，期限20个工作日
    evidence: 07决定.docx
  - facts:                  # 27 working days, extended by 10 with the reason told in writing
      elements:
        acceptance_date: {value: 2025-03-10, file: 04受理.docx}
        decision_date: {value: 2025-04-17, file: 07决定.docx}
        extension_approved: {value: true, file: 06延期.docx}
      documents: [{file: 06延期.docx, kind: license_extension_notice, dates: {signed: 2025-04-03}}]
    message: 作出决定在受理后第27个工作日，期限20个工作日，经延期10个工作日
    evidence: 07决定.docx
  - facts:                  # 专家评审 of 10 working days told in writing is not counted
      elements:
        acceptance_date: {value: 2025-03-10, file: 04受理.docx}
        decision_date: {value: 2025-04-17, file: 07决定.docx}
        excluded_days: {value: 10, file: 05特别程序.docx}
      documents: [{file: 05特别程序.docx, kind: special_procedure_notice, excluded_days: 10}]
    message: 作出决定在受理后第27个工作日（不计书面告知的特别程序时间10个工作日），期限20个工作日
    evidence: 07决定.docx
fail:
  facts:                    # an expert review not told in writing: its time counts
    elements:
      acceptance_date: {value: 2025-03-10, file: 04受理.docx}
      decision_date: {value: 2025-04-17, file: 07决定.docx}
  message: 作出决定（2025年4月17日）在受理（2025年3月10日）后第27个工作日，超过20个工作日（期限届满日2025年4月8日）
  occurrences: 1
  evidence: 07决定.docx
unknown:
  facts:
    elements:
      acceptance_date: {value: 2025-03-10, file: 04受理.docx}
      decision_date: {value: 2025-04-17, file: 07决定.docx}
    documents: [{file: 05特别程序.docx, kind: special_procedure_notice}]
  message: 作出决定在受理后第27个工作日，卷内有特别程序所需时间告知书但未能读取告知的时间，无法判定是否超期
n/a:
  facts:
    elements: {acceptance_date: {value: 2025-03-10, file: 04受理.docx}}
  message: 作出决定日期不明，不适用
```
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import field_validator

from ingest.glossary import DocKind
from ingest.model import CaseFacts, DateRole, Found
from scoring.rules.base import (
    DateRef,
    IntParam,
    Outcome,
    RuleContext,
    doc_evidence,
    doc_ref,
    event_zh,
    kinds_zh,
    not_proven,
    resolve_first,
    searched,
)
from scoring.rules.dates_in_order import zh_date
from scoring.rules.registry import Args, register
from scoring.rules.when import When
from scoring.workdays import CalendarUnknownError, add_working_days, working_days_between


class ExtendablePeriodArgs(Args):
    start: tuple[DateRef, ...]  # alternatives, first found wins
    end: tuple[DateRef, ...]
    limit: IntParam  # working days
    extension: IntParam  # working days an approved extension adds
    told_by: tuple[DocKind, ...]  # the written notice of the extension to the applicant
    approval_docs: tuple[DocKind, ...] = (DocKind.EXTENSION_APPROVAL,)  # an approval form of its own
    excluded_by: tuple[DocKind, ...] = (DocKind.SPECIAL_PROCEDURE_NOTICE,)  # notices of suspended periods
    override: IntParam | None = None  # a parameter replacing `limit` when it is above 0 (另有规定)
    judge: Literal["deadline", "extension"] = "deadline"
    when: When | None = None

    @field_validator("start", "end", mode="before")
    @classmethod
    def _one_or_many(cls, value: object) -> object:
        return (value,) if isinstance(value, str) else value

    def check_parameters(self, params: dict) -> list[tuple[tuple, str]]:
        """Periods of 行政许可法 are working days (第八十二条): their parameters say so in their names."""
        return [((name,), f"parameter '{getattr(self, name)}' must be named *_working_days")
                for name in ("limit", "extension", "override")
                if getattr(self, name) and not getattr(self, name).endswith("_working_days")]


def _missing(ref: str, home: bool) -> Outcome:
    if home:
        return Outcome.unknown(f"未能读取{event_zh(ref)}日期，无法计算期限")
    return Outcome.na(f"{event_zh(ref)}日期不明，不适用")


@register("extendable_period", args=ExtendablePeriodArgs)
def check(item, facts: CaseFacts, ctx: RuleContext) -> Outcome:
    """deadline: fail when the end is past limit (+ extension told) + excluded days; extension: the extension's
    notice and approval, when the end is past the limit."""
    args: ExtendablePeriodArgs = item.args
    end, end_home, end_ref = resolve_first(facts, args.end)
    if end is None:
        return _missing(end_ref, end_home)
    start, start_home, start_ref = resolve_first(facts, args.start)
    if start is None:
        return _missing(start_ref, start_home)
    limit = int(ctx.param(args.limit))
    if args.override and int(ctx.param(args.override) or 0) > 0:
        limit = int(ctx.param(args.override))
    try:
        count = working_days_between(start.value, end.value)
        excluded = facts.elements.excluded_days
        told_excluded = facts.of_kind(*args.excluded_by)
        skip = excluded.value if excluded is not None else 0
        within = f"{event_zh(end_ref)}在{event_zh(start_ref)}后第{count}个工作日"
        if skip:
            within += f"（不计书面告知的特别程序时间{skip}个工作日）"
        if count - skip <= limit:
            if args.judge == "extension":
                return Outcome.na(f"{within}，未超过{limit}个工作日，无需延期")
            return Outcome.passed(f"{within}，期限{limit}个工作日", end.evidence)
        if told_excluded and excluded is None:
            return Outcome.unknown(f"{within}，卷内有{kinds_zh(args.excluded_by)}但未能读取告知的时间，无法判定是否超期")
        last_day = add_working_days(start.value, limit + skip)
        if args.judge == "extension":
            return _extension(facts, args, last_day)
        extension = int(ctx.param(args.extension))
        notices = facts.of_kind(*args.told_by)
        if notices and count - skip <= limit + extension:
            return Outcome.passed(f"{within}，期限{limit}个工作日，经延期{extension}个工作日", end.evidence)
        allowed = limit + (extension if notices else 0)
        deadline = add_working_days(start.value, allowed + skip)
        return Outcome.failed(
            f"{event_zh(end_ref)}（{zh_date(end.value)}）在{event_zh(start_ref)}（{zh_date(start.value)}）后第{count}个工作日"
            + (f"（不计书面告知的特别程序时间{skip}个工作日）" if skip else "")
            + f"，超过{allowed}个工作日（期限届满日{zh_date(deadline)}）", end.evidence)
    except CalendarUnknownError as exc:
        return Outcome.unknown(str(exc))


def _extension(facts: CaseFacts, args: ExtendablePeriodArgs, last_day: date) -> Outcome:
    """R13: an extension past the limit needs the written notice (dated within the limit) and the approval."""
    notices = facts.of_kind(*args.told_by)
    approvals = facts.of_kind(*args.approval_docs)
    if not notices and not approvals:
        return Outcome.na("卷内无延期文书，超期由作出决定期限项评查")
    if not notices:
        return not_proven(facts, kinds_zh(args.told_by)) or Outcome.failed(
            f"延期未书面告知申请人：卷内未见{kinds_zh(args.told_by)}", searched(facts))
    notice = notices[0]
    signed: Found[date] | None = notice.dates.get(DateRole.SIGNED)
    if signed is not None and signed.value > last_day:
        return Outcome.failed(f"{doc_ref(notice)}落款日期{zh_date(signed.value)}晚于法定期限届满日{zh_date(last_day)}",
                              signed.evidence)
    approved = facts.elements.extension_approved
    if approved is not None and approved.value:
        return Outcome.passed(f"{doc_ref(notice)}载明延期经负责人批准", approved.evidence)
    return not_proven(facts, "延期经负责人批准的记载") or Outcome.failed(
        f"{doc_ref(notice)}未载明经本机关负责人批准，卷内亦无延期审批表", doc_evidence(notice))
