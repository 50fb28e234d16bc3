"""period_between: the time between two procedure dates, in calendar days, working days or years.

statutes.md: Art. 85 makes the 二日、三日、五日、七日 periods working days; 15/60/90-day periods are calendar days.
`max` periods are deadlines (R02, R09, R18); `min` periods are time the party must be given (R14, R16).

Example:

```yaml
item:
  kind: period_between
  args:
    start: filing_date
    end: decision_date
    limit: decision_deadline_days
    unit: days
    excused_by: [extension_approval]
parameters: {decision_deadline_days: 90}
pass:
  facts:
    elements:
      filing_date: {value: 2025-03-05, file: 02立案.docx}
      decision_date: {value: 2025-04-15, file: 09决定书.docx}
  message: 作出决定在立案后第41日，期限90日
  evidence: 09决定书.docx
fail:
  facts:
    elements:
      filing_date: {value: 2025-01-02, file: 02立案.docx}
      decision_date: {value: 2025-04-15, file: 09决定书.docx}
  message: 作出决定（2025年4月15日）在立案（2025年1月2日）后第103日，超过90日（期限届满日2025年4月2日）
  occurrences: 1
  evidence: 09决定书.docx
```
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Literal

from pydantic import field_validator

from ingest.glossary import DOC_KIND_ZH, DocKind
from ingest.model import CaseFacts, DateRole, Found
from scoring.glossary import zh
from scoring.rules.base import (
    DOC_ATTRS,
    ELEMENT_ATTRS,
    DateRef,
    IntParam,
    Outcome,
    PartyParam,
    RuleContext,
    at_or_above,
    doc_ref,
    document_of,
    event_zh,
    resolve_date,
    resolve_first,
    two_dates_evidence,
    zh_date,
)
from scoring.rules.registry import Args, register
from scoring.rules.when import When
from scoring.workdays import CalendarUnknownError, add_working_days, add_years, working_days_between

UNIT_ZH = {"days": "日", "working_days": "个工作日", "years": "年"}

DEFAULT_MESSAGES = {
    "max": "{end_event}（{end}）在{start_event}（{start}）后第{count}{unit}，超过{limit}{unit}（期限届满日{deadline}）",
    "min": "{end_event}（{end}）距{start_event}（{start}）不足{limit}{unit}（应不早于{deadline}）",
}


class PeriodBetweenArgs(Args):
    start: tuple[DateRef, ...]  # alternatives, first found wins
    end: tuple[DateRef, ...]
    limit: IntParam
    unit: Literal["days", "working_days", "years"]
    mode: Literal["max", "min"] = "max"
    # min mode: an earlier date that still proves a shortfall when `start` itself is not known
    start_lower_bound: DateRef | None = None
    # a longer period where the party has hearing rights (R14: 3 → 5 working days)
    limit_if_hearing_right: IntParam | None = None
    hearing_threshold: PartyParam | None = None
    excused_by: tuple[DocKind, ...] = ()  # documents that excuse an overrun (延期审批)
    # of those, the ones that excuse only when made within the period (行政强制法第二十五条第二款: an extension
    # decided after the first 30 days extends nothing); undated, the overrun is unknown
    excused_in_time: tuple[DocKind, ...] = ()
    # statements (DocFacts attributes) that excuse an overrun wherever written (审批补办的说明: emergency_noted)
    excused_by_statement: tuple[str, ...] = ()
    # an overrun resting on a date read from a scan is unknown (a handwritten date is often misread)
    scanned_unknown: bool = False
    waived_by: str | None = None  # an Elements field whose presence waives the period (waiver)
    # auto: unknown when the dated document is present, else n/a; unknown: always unknown (a proof that may be
    # kept outside the dossier, 公示 of a licence)
    if_missing: Literal["auto", "na", "unknown"] = "auto"
    message: str | None = None  # fail message template: {start} {end} {count} {limit} {unit} {deadline} …
    when: When | None = None

    @field_validator("start", "end", mode="before")
    @classmethod
    def _one_or_many(cls, value: object) -> object:
        return (value,) if isinstance(value, str) else value

    @field_validator("excused_by_statement")
    @classmethod
    def _statements(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        unknown = [a for a in value if a not in DOC_ATTRS]
        if unknown:
            raise ValueError(f"unknown document field(s) {', '.join(unknown)}")
        return value

    @field_validator("waived_by")
    @classmethod
    def _element(cls, value: str | None) -> str | None:
        if value is not None and value not in ELEMENT_ATTRS:
            raise ValueError(f"unknown element {value!r}")
        return value


    def check_parameters(self, params: dict) -> list[tuple[tuple, str]]:
        """statutes.md (Art. 85): a period counted in working days is named *_working_days, and vice versa."""
        out = []
        for name in ("limit", "limit_if_hearing_right"):
            param = getattr(self, name)
            if param is None:
                continue
            suffix = {"working_days": "_working_days", "years": "_years"}.get(self.unit)
            if suffix and not param.endswith(suffix):
                out.append(((name,), f"unit {self.unit} needs a parameter named *{suffix}, not '{param}'"))
            if self.unit == "days" and param.endswith(("_working_days", "_years")):
                out.append(((name,), f"parameter '{param}' is not counted in calendar days"))
        return out


def deadline_of(start: date, limit: int, unit: str) -> date:
    if unit == "working_days":
        return add_working_days(start, limit)
    if unit == "years":
        return add_years(start, limit)
    return start + timedelta(days=limit)


def count_of(start: date, end: date, unit: str) -> int:
    if unit == "working_days":
        return working_days_between(start, end)
    if unit == "years":
        return end.year - start.year - ((end.month, end.day) < (start.month, start.day))
    return (end - start).days


def hearing_right_applies(facts: CaseFacts, args: PeriodBetweenArgs, ctx: RuleContext) -> bool:
    if facts.has(DocKind.HEARING_NOTICE) or any(d.hearing_right for d in facts.of_kind(DocKind.PENALTY_NOTICE)):
        return True
    if args.hearing_threshold:
        return at_or_above(facts, args.hearing_threshold, ctx)[0] is True
    return False


def _missing(ref: str, home: bool, args: PeriodBetweenArgs) -> Outcome:
    if args.if_missing == "unknown":
        return Outcome.unknown(f"卷内未见{event_zh(ref)}日期，无法判定是否按期")
    if home and args.if_missing == "auto":
        return Outcome.unknown(f"未能读取{event_zh(ref)}日期，无法计算期限")
    return Outcome.na(f"{event_zh(ref)}日期不明，不适用")


@register("period_between", args=PeriodBetweenArgs)
def check(item, facts: CaseFacts, ctx: RuleContext) -> Outcome:
    """Fail when `end` is later than `start` + limit (max) or earlier than it (min)."""
    args: PeriodBetweenArgs = item.args
    if args.waived_by and (waiver := getattr(facts.elements, args.waived_by)) is not None:
        return Outcome.passed(f"卷内有{zh(args.waived_by)}的书面表示", getattr(waiver, "evidence", None))
    limit_name = args.limit
    if args.limit_if_hearing_right and hearing_right_applies(facts, args, ctx):
        limit_name = args.limit_if_hearing_right
    limit = int(ctx.param(limit_name))
    end, end_home, end_ref = resolve_first(facts, args.end)
    if end is None:
        return _missing(end_ref, end_home, args)
    start, start_home, start_ref = resolve_first(facts, args.start)
    try:
        if start is None:
            return _lower_bound(facts, args, limit, end, end_ref) or _missing(start_ref, start_home, args)
        return _judge(args, limit, start, start_ref, end, end_ref, facts)
    except CalendarUnknownError as exc:
        return Outcome.unknown(str(exc))


def _lower_bound(facts, args, limit, end, end_ref) -> Outcome | None:
    """min mode, start unknown: a shortfall measured from an earlier date is a shortfall all the more."""
    if args.mode != "min" or not args.start_lower_bound:
        return None
    bound, _ = resolve_date(facts, args.start_lower_bound)
    if bound is None:
        return None
    deadline = deadline_of(bound.value, limit, args.unit)
    if end.value >= deadline:
        return None
    return Outcome.failed(
        _render(args, limit, bound.value, args.start_lower_bound, end.value, end_ref, deadline),
        two_dates_evidence(facts, (args.start_lower_bound, bound), (end_ref, end)),
    )


def _render(args, limit, start: date, start_ref, end: date, end_ref, deadline: date) -> str:
    template = args.message or DEFAULT_MESSAGES[args.mode]
    return template.format(
        start=zh_date(start),
        end=zh_date(end),
        count=count_of(start, end, args.unit),
        limit=limit,
        unit=UNIT_ZH[args.unit],
        deadline=zh_date(deadline),
        start_event=event_zh(start_ref),
        end_event=event_zh(end_ref),
    )


def _span(start_event: str, start: date, end_event: str, end: date, count: int, unit: str) -> str:
    """How far apart the two events are, as a reviewer says it: never "后第-1日" for an end before the start."""
    if end < start:
        return f"{end_event}（{zh_date(end)}）早于{start_event}（{zh_date(start)}）"
    if end == start:
        return f"{end_event}与{start_event}同日（{zh_date(end)}）"
    return f"{end_event}在{start_event}后第{count}{unit}"


def _judge(args, limit: int, start: Found[date], start_ref, end: Found[date], end_ref, facts) -> Outcome:
    deadline = deadline_of(start.value, limit, args.unit)
    late = end.value > deadline if args.mode == "max" else end.value < deadline
    count = count_of(start.value, end.value, args.unit)
    unit = UNIT_ZH[args.unit]
    span = _span(event_zh(start_ref), start.value, event_zh(end_ref), end.value, count, unit)
    evidence = two_dates_evidence(facts, (start_ref, start), (end_ref, end))
    if not late:
        return Outcome.passed(f"{span}，期限{limit}{unit}", evidence)
    excuses = facts.of_kind(*args.excused_by) if args.excused_by else []
    timely = [d for d in excuses if d.kind not in args.excused_in_time or _made_by(d, deadline)]
    if timely:
        names = "、".join(DOC_KIND_ZH[d.kind] for d in timely[:1])
        return Outcome.passed(f"{span}，超过{limit}{unit}，但卷内有{names}", evidence)
    undated = [d for d in excuses if _made_by(d, deadline) is None]
    if undated:
        return Outcome.unknown(f"{span}，超过{limit}{unit}；卷内有{doc_ref(undated[0])}，但未能读取其日期，"
                               "无法判定是否在原期限内作出", evidence)
    notes = [f for d in facts.documents for a in args.excused_by_statement if (f := getattr(d, a)) is not None]
    if notes:
        return Outcome.passed(f"{span}，超过{limit}{unit}，但卷内有说明：{' '.join(notes[0].evidence.quote.split())}", notes[0].evidence)
    message = _render(args, limit, start.value, start_ref, end.value, end_ref, deadline)
    if excuses:
        made = excuses[0].dates[DateRole.SIGNED].value
        message += f"；{doc_ref(excuses[0])}于{zh_date(made)}作出，已在原期限届满之后，不产生延长效力"
    scans = [d for f in (start, end) if (d := document_of(facts, f.evidence)) is not None and d.scanned]
    if args.scanned_unknown and scans:
        return Outcome.unknown(f"{message}，但日期读自扫描件{doc_ref(scans[0])}，手写日期可能识别有误，无法判定", evidence)
    return Outcome.failed(message, evidence)


def _made_by(doc, deadline: date) -> bool | None:
    """Whether `doc` was signed on or before `deadline` (None: its date not read)."""
    signed = doc.dates.get(DateRole.SIGNED)
    return None if signed is None else signed.value <= deadline
