"""execution_time: an enforcement carried out neither at night nor on a statutory holiday (行政强制法第四十三条第一款).

The time is the 现场笔录's span (date_roles reads "2025年3月25日9时30分至11时"). 第四十三条 names 夜间 but does not
define it: the night hours are the checklist's parameters (an unsourced default, 22 to 6). 法定节假日 are the State
Council's holiday arrangements (scoring/workdays.py's calendar, chinese_calendar); a plain weekend is not deducted but
left to the reviewer (`unknown`: whether 公休日 count is not settled). 情况紧急 written in the record or the decision excuses both. A record with a
date but no hour is judged for the holiday only; the hours are then unknown.

Example:

```yaml
item:
  kind: execution_time
  args: {kinds: [execution_record], night_start_hour: night_start_hour, night_end_hour: night_end_hour}
parameters: {night_start_hour: 22, night_end_hour: 6}
pass:
  facts:
    documents:
      - file: 05执行笔录.docx
        kind: execution_record
        time_span: {value: ['2025-03-25T09:30:00', '2025-03-25T11:00:00'], file: 05执行笔录.docx}
  message: 强制执行于2025年3月25日9时30分至11时0分实施，非夜间、非法定节假日
  evidence: 05执行笔录.docx
fail:
  facts:
    documents:
      - file: 05执行笔录.docx
        kind: execution_record
        time_span: {value: ['2025-03-25T22:30:00', '2025-03-25T23:40:00'], file: 05执行笔录.docx}
  message: 强制执行于2025年3月25日22时30分至23时40分实施，属夜间（22时至次日6时），卷内未见紧急情况说明
  occurrences: 1
  evidence: 05执行笔录.docx
unknown:
  facts:
    documents:
      - file: 05执行笔录.docx
        kind: execution_record
        dates: {record_start: 2025-03-25}
  message: 强制执行于2025年3月25日实施，非法定节假日；笔录未写明实施时刻，无法判定是否夜间
n/a:
  facts: {}
  message: 卷内无强制执行现场笔录，不适用
```
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import chinese_calendar
from pydantic import Field

from ingest.glossary import EXECUTION_TERM_ZH, DocKind
from ingest.model import CaseFacts, DateRole, DocFacts
from scoring.glossary import HOLIDAY_ZH
from scoring.rules.base import IntParam, Outcome, RuleContext, doc_evidence, kinds_zh, zh_date
from scoring.rules.months_window import term_in
from scoring.rules.registry import Args, register
from scoring.rules.when import When
from scoring.workdays import CalendarUnknownError


class ExecutionTimeArgs(Args):
    kinds: tuple[DocKind, ...] = Field((DocKind.EXECUTION_RECORD,), min_length=1)
    night_start_hour: IntParam
    night_end_hour: IntParam
    excused_by_terms: tuple[str, ...] = ("emergency",)
    when: When | None = None


def holiday_name(day: date) -> str | None:
    """The statutory holiday a day falls in (春节, 国庆节 …), or None; a year not published raises."""
    try:
        on_holiday, name = chinese_calendar.get_holiday_detail(day)
    except NotImplementedError as exc:
        raise CalendarUnknownError(day) from exc
    if not on_holiday or not name:
        return None  # a working day, or a plain weekend
    return HOLIDAY_ZH.get(str(name), str(name))


_WEEKDAY_ZH = "一二三四五六日"


def rest_day(day: date) -> str | None:
    """A plain weekend day (no 调休 makes it a working day, no holiday names it): 星期六 / 星期日, else None."""
    try:
        working = chinese_calendar.is_workday(day)
    except NotImplementedError as exc:
        raise CalendarUnknownError(day) from exc
    return None if working or holiday_name(day) else f"星期{_WEEKDAY_ZH[day.weekday()]}"


# 第四十三条's 法定节假日 read with or without the weekly rest days: not settled, so a weekend is the reviewer's
_REST_DAY_DOUBT = "，属周末休息日（{day}）；第四十三条所称法定节假日是否包括公休日理解不一，请复核"


def _at_night(moment: datetime, start: int, end: int) -> bool:
    hour = moment.hour + moment.minute / 60
    return hour >= start or hour < end if start > end else start <= hour < end


def _clock(moment: datetime) -> str:
    return f"{moment.hour}时{moment.minute}分"


@register("execution_time", args=ExecutionTimeArgs)
def check(item, facts: CaseFacts, ctx: RuleContext) -> Outcome:
    """Fail when a record's span touches the night hours or its day is a statutory holiday, unless 情况紧急."""
    args: ExecutionTimeArgs = item.args
    docs = facts.of_kind(*args.kinds)
    if not docs:
        return Outcome.na(f"卷内无{kinds_zh(args.kinds)}，不适用")
    start, end = int(ctx.param(args.night_start_hour)), int(ctx.param(args.night_end_hour))
    faults, doubts, fine = [], [], []
    for doc in docs:
        try:
            judged = _judge(doc, start, end)
        except CalendarUnknownError as exc:
            doubts.append((doc, str(exc)))
            continue
        if judged is None:
            continue
        fault, doubt, note = judged
        (faults if fault else doubts if doubt else fine).append((doc, note))
    if faults:
        if excuse := term_in(facts, args.excused_by_terms):
            doc, term = excuse
            return Outcome.passed(f"{faults[0][1]}，卷内有{EXECUTION_TERM_ZH[term]}", doc.execution_terms[term].evidence)
        text = "；".join(f"{note}，卷内未见紧急情况说明" for _, note in faults)
        return Outcome.failed(text, _evidence(faults[0][0]), len(faults))
    if doubts:
        return Outcome.unknown("；".join(note for _, note in doubts), _evidence(doubts[0][0]))
    if not fine:
        return Outcome.unknown(f"未能读取{kinds_zh(args.kinds)}的实施日期")
    return Outcome.passed("；".join(note for _, note in fine), _evidence(fine[0][0]))


def _evidence(doc: DocFacts):
    if doc.time_span is not None:
        return doc.time_span.evidence
    found = doc.dates.get(DateRole.RECORD_START)
    return found.evidence if found is not None else doc_evidence(doc)


def _judge(doc: DocFacts, start: int, end: int) -> tuple[bool, bool, str] | None:
    """(fault, doubt, note) for one record; None when it has no date at all."""
    if doc.time_span is not None:
        begin, finish = doc.time_span.value
        days = [begin.date() + timedelta(days=n) for n in range(max((finish.date() - begin.date()).days, 0) + 1)]
        last = "" if len(days) == 1 else zh_date(finish.date())
        when = f"强制执行于{zh_date(begin.date())}{_clock(begin)}至{last}{_clock(finish)}实施"
        holiday = next((h for h in map(holiday_name, days) if h), None)
        if holiday:
            return True, False, f"{when}，属法定节假日（{holiday}）"
        # a span under a day that runs past midnight was worked through the night
        overnight = len(days) > 1 and finish - begin < timedelta(hours=24)
        if _at_night(begin, start, end) or _at_night(finish, start, end) or overnight:
            return True, False, f"{when}，属夜间（{start}时至次日{end}时）"
        rest = next((r for r in map(rest_day, days) if r), None)
        if rest:
            return False, True, when + _REST_DAY_DOUBT.format(day=rest)
        if len(days) > 1:
            # several days' work recorded as one span: whether the nights between were worked is not written
            return False, True, f"{when}，跨日实施，笔录未写明夜间（{start}时至次日{end}时）是否作业，无法判定"
        return False, False, f"{when}，非夜间、非法定节假日"
    day = doc.dates.get(DateRole.RECORD_START)
    if day is None:
        return None
    when = f"强制执行于{zh_date(day.value)}实施"
    holiday = holiday_name(day.value)
    if holiday:
        return True, False, f"{when}，属法定节假日（{holiday}）"
    rest = rest_day(day.value)
    if rest:
        return False, True, when + _REST_DAY_DOUBT.format(day=rest)
    return False, True, f"{when}，非法定节假日；笔录未写明实施时刻，无法判定是否夜间"
