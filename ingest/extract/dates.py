"""Dates and times as written in case files (domain.md "Dates").

2024年3月5日, 2024年03月05日, 2024年 3月 5日, 2024.3.5, 2024-03-05, 2024/3/5, 二〇二四年三月五日 (○ / 0 / Ｏ
variants), and 笔录 times 2024年3月5日9时30分至10时15分 / 9:30—10:15 / 上午9时. Impossible dates
(2月30日) are not dates. Offsets are those of the text passed in (parsing happens on `fold(text)`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time

from ingest.errors import ParseError
from ingest.normalize import cn_to_int, fold

_CN_DIGIT = "〇○0OＯ零◯一二三四五六七八九"
_CN_SMALL = "〇○零一二三四五六七八九十"
_MD = rf"(?:\d{{1,2}}|[{_CN_SMALL}]{{1,3}})"
_DATE = re.compile(
    rf"(?<![\d.])(?:"
    rf"(?P<y1>(?:19|20)\d{{2}}|(?:[{_CN_DIGIT}]\s*){{3}}[{_CN_DIGIT}])\s*年\s*(?P<m1>{_MD})\s*月\s*(?P<d1>{_MD})\s*[日号]"
    r"|(?P<y2>(?:19|20)\d{2})\s*(?P<sep>[./\-])\s*(?P<m2>\d{1,2})\s*(?P=sep)\s*(?P<d2>\d{1,2})(?![\d.]*\d)"
    r")"
)
_HOUR = rf"(?:\d{{1,2}}|[{_CN_SMALL}]{{1,3}})"
_TIME = re.compile(
    rf"\s*(?P<ampm>上午|下午|晚上|中午|凌晨|早上)?\s*(?P<h>{_HOUR})\s*(?:(?P<hm>时|点|:)\s*(?P<mi>{_HOUR})?\s*分?|时|点)"
    r"(?::\d{2}(?!\d))?"  # seconds, as tracking pages print them (2024-07-15 10:42:30 已签收)
)
_MONTH_DAY = re.compile(rf"(?P<m>{_MD})\s*月\s*(?P<d>{_MD})\s*[日号]")
_TO = re.compile(r"\s*(?:起\s*)?(?:至|到|~|-|—|－|止)\s*")  # 9时30分起至10时15分止
_DAY = re.compile(rf"(?P<d>{_MD})\s*[日号]")


@dataclass(frozen=True, slots=True)
class DateHit:
    value: date
    start: int
    end: int  # end of the date, or of its time when one follows
    time: time | None = None


@dataclass(frozen=True, slots=True)
class SpanHit:
    """A 笔录 time span: start and end to the minute."""

    begin: datetime
    finish: datetime
    start: int
    end: int


def _num(text: str) -> int:
    return cn_to_int(text.replace(" ", ""))


def _make_date(y: str, m: str, d: str) -> date | None:
    try:
        year, month, day = _num(y), _num(m), _num(d)
        if not 1949 <= year <= 2100:
            return None
        return date(year, month, day)
    except (ParseError, ValueError):
        return None


def _time_at(text: str, pos: int) -> tuple[time, int] | None:
    m = _TIME.match(text, pos)
    if not m:
        return None
    try:
        hour = _num(m["h"])
        minute = _num(m["mi"]) if m["mi"] else 0
    except ParseError:
        return None
    if m["hm"] == ":" and not m["mi"]:
        return None
    if m["ampm"] in ("下午", "晚上") and hour < 12:
        hour += 12
    if not (0 <= hour <= 24 and 0 <= minute < 60):
        return None
    if hour == 24:
        hour, minute = 23, 59
    return time(hour, minute), m.end()


def parse_date(text: str) -> date:
    """The first date in `text`, or ParseError."""
    hits = find_dates(text)
    if not hits:
        raise ParseError(f"no date in {text!r}")
    return hits[0].value


def find_dates(text: str, with_time: bool = True) -> list[DateHit]:
    """Every valid date in `text`, each with the time written right after it (if any)."""
    folded = fold(text)
    out: list[DateHit] = []
    for m in _DATE.finditer(folded):
        value = _make_date(m["y1"], m["m1"], m["d1"]) if m["y1"] else _make_date(m["y2"], m["m2"], m["d2"])
        if value is None:
            continue
        end = m.end()
        clock = None
        if with_time:
            t = _time_at(folded, end)
            if t:
                clock, end = t
        out.append(DateHit(value, m.start(), end, clock))
    return out


def find_time_spans(text: str) -> list[SpanHit]:
    """2024年3月5日9时30分至10时15分, …9:30-10:15, …9时30分至2024年3月5日10时15分."""
    folded = fold(text)
    out: list[SpanHit] = []
    hits = find_dates(text)
    for i, hit in enumerate(hits):
        if hit.time is None:
            continue
        to = _TO.match(folded, hit.end)
        if not to:
            continue
        nxt = hits[i + 1] if i + 1 < len(hits) else None
        day = _MONTH_DAY.match(folded, to.end())
        if nxt is not None and nxt.start == to.end() and nxt.time is not None:
            end_day, end_time, end = nxt.value, nxt.time, nxt.end
        elif day is not None:  # …9时30分至3月5日10时15分: the end's year is the start's
            end_date = _make_date(str(hit.value.year), day["m"], day["d"])
            t = _time_at(folded, day.end())
            if end_date is None or not t:
                continue
            end_day, (end_time, end) = end_date, t
        else:
            t = _time_at(folded, to.end())
            if not t:
                continue
            end_day, (end_time, end) = hit.value, t
        begin = datetime.combine(hit.value, hit.time)
        finish = datetime.combine(end_day, end_time)
        if finish < begin and end_day == hit.value and end_time.hour < 12 <= hit.time.hour:
            finish = datetime.combine(end_day, time(end_time.hour + 12, end_time.minute))
        out.append(SpanHit(begin, finish, hit.start, end))
    return out


def range_end(text: str, hit: DateHit) -> DateHit | None:
    """The end of a period that starts at `hit`: 2024年9月2日至9月5日, …至2024年9月5日, 3月4日至6日.

    `text` is the text `hit` was found in (folded); the end's missing year and month are the start's. An end
    before the start is no period."""
    to = _TO.match(text, hit.end)
    if not to:
        return None
    end: date | None = None
    full = _DATE.match(text, to.end())
    if full:
        hits = find_dates(text[to.end() :], with_time=False)
        if hits and hits[0].start == 0:
            end, stop = hits[0].value, to.end() + hits[0].end
    elif (md := _MONTH_DAY.match(text, to.end())) is not None:
        end, stop = _make_date(str(hit.value.year), md["m"], md["d"]), md.end()
    elif (day := _DAY.match(text, to.end())) is not None:
        end, stop = _make_date(str(hit.value.year), str(hit.value.month), day["d"]), day.end()
    if end is None or end < hit.value:
        return None
    return DateHit(end, to.end(), stop)
