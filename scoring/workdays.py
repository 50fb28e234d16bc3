"""Chinese working days (工作日) from the State Council's yearly holiday arrangements.

statutes.md, "Working days": Art. 85 of 行政处罚法 makes its 二日、三日、五日、七日 periods working days, and
Chinese working days are not Monday–Friday (调休 moves weekends). `chinese_calendar` ships the arrangements
per year; a date outside its years raises `CalendarUnknownError`, which rules report as `unknown`, never a guess.
"""

from __future__ import annotations

from datetime import date, timedelta

import chinese_calendar

from ingest.errors import PingchaError


class CalendarUnknownError(PingchaError):
    """The working-day calendar has no arrangement for this date's year."""

    def __init__(self, day: date) -> None:
        super().__init__(f"工作日历未收录{day.year}年的节假日安排（{day.isoformat()}），无法计算工作日")
        self.day = day


def is_working_day(day: date) -> bool:
    try:
        return bool(chinese_calendar.is_workday(day))
    except NotImplementedError as exc:  # chinese_calendar's way of saying "year not published"
        raise CalendarUnknownError(day) from exc


def add_working_days(start: date, n: int) -> date:
    """The n-th working day after `start` (the start day itself is not counted); n=0 gives `start`."""
    if n < 0:
        raise ValueError("n must be >= 0")
    day, left = start, n
    while left:
        day += timedelta(days=1)
        if is_working_day(day):
            left -= 1
    return day


def working_days_between(start: date, end: date) -> int:
    """Working days in (start, end]; negative when end is before start."""
    if end < start:
        return -working_days_between(end, start)
    count, day = 0, start
    while day < end:
        day += timedelta(days=1)
        if is_working_day(day):
            count += 1
    return count


def add_years(start: date, years: int) -> date:
    """Same month and day `years` later; 29 February falls back to the 28th."""
    try:
        return start.replace(year=start.year + years)
    except ValueError:
        return start.replace(year=start.year + years, day=28)
