"""Chinese working days (statutes.md: Art. 85), from the State Council arrangements in `chinese_calendar`."""

from __future__ import annotations

from datetime import date, timedelta

import chinese_calendar


def is_workday(day: date) -> bool:
    """Outside the calendar's known years, fall back to Monday–Friday (generated dates stay inside)."""
    try:
        return chinese_calendar.is_workday(day)
    except NotImplementedError:
        return day.weekday() < 5


def add_workdays(start: date, n: int) -> date:
    """The n-th working day after `start` (n ≥ 1), or the first working day on/after start for n = 0."""
    day = start
    if n == 0:
        while not is_workday(day):
            day += timedelta(days=1)
        return day
    count = 0
    while count < n:
        day += timedelta(days=1)
        if is_workday(day):
            count += 1
    return day


def workdays_between(start: date, end: date) -> int:
    """Working days after `start` up to and including `end` (negative when end is earlier)."""
    if end < start:
        return -workdays_between(end, start)
    return sum(1 for k in range(1, (end - start).days + 1) if is_workday(start + timedelta(days=k)))


def next_workday(day: date) -> date:
    return add_workdays(day, 0)


def previous_workday(day: date) -> date:
    """The last working day before `day`."""
    back = day - timedelta(days=1)
    while not is_workday(back):
        back -= timedelta(days=1)
    return back
