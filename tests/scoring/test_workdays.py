"""Working days follow the State Council's arrangements (statutes.md: Art. 85), including 调休 Saturdays."""

from datetime import date

import pytest

from scoring.glossary import Status
from scoring.workdays import (
    CalendarUnknownError,
    add_working_days,
    add_years,
    is_working_day,
    working_days_between,
)


def test_spring_festival_2025_make_up_days_are_working_days():
    assert is_working_day(date(2025, 1, 26))  # Sunday, 调休上班
    assert is_working_day(date(2025, 2, 8))  # Saturday, 调休上班
    for d in range(28, 32):
        assert not is_working_day(date(2025, 1, d))
    for d in range(1, 5):
        assert not is_working_day(date(2025, 2, d))
    assert not is_working_day(date(2025, 1, 25))  # an ordinary Saturday


def test_add_working_days_across_spring_festival():
    # Fri 24 Jan + 3: Sun 26 (make-up), Mon 27, then the holiday until 4 Feb, Wed 5 Feb
    assert add_working_days(date(2025, 1, 24), 3) == date(2025, 2, 5)
    # the make-up Saturday 8 Feb counts
    assert working_days_between(date(2025, 1, 24), date(2025, 2, 8)) == 6


def test_national_day_2025():
    assert is_working_day(date(2025, 9, 28))  # Sunday, 调休上班
    assert is_working_day(date(2025, 10, 11))  # Saturday, 调休上班
    assert not any(is_working_day(date(2025, 10, d)) for d in range(1, 9))
    assert add_working_days(date(2025, 9, 26), 2) == date(2025, 9, 29)
    assert add_working_days(date(2025, 9, 30), 1) == date(2025, 10, 9)
    # 7 working days from 30 Sep: 9, 10, 11 (Sat, make-up), 13, 14, 15, 16 Oct
    assert add_working_days(date(2025, 9, 30), 7) == date(2025, 10, 16)
    assert working_days_between(date(2025, 9, 30), date(2025, 10, 11)) == 3


def test_between_is_signed_and_zero_for_same_day():
    assert working_days_between(date(2025, 3, 3), date(2025, 3, 3)) == 0
    assert working_days_between(date(2025, 3, 10), date(2025, 3, 3)) == -5
    assert add_working_days(date(2025, 3, 3), 0) == date(2025, 3, 3)


def test_date_outside_calendar_raises_named_error():
    with pytest.raises(CalendarUnknownError) as info:
        add_working_days(date(2031, 1, 1), 1)
    assert "2031" in str(info.value)
    with pytest.raises(CalendarUnknownError):
        is_working_day(date(2003, 6, 1))


def test_add_years_leap_day():
    assert add_years(date(2024, 2, 29), 2) == date(2026, 2, 28)
    assert add_years(date(2023, 5, 1), 2) == date(2025, 5, 1)


def test_period_outside_calendar_is_unknown_not_a_guess():
    from tests.scoring.builders import clean_case, day, run

    facts = clean_case()
    facts.elements.decision_date = day(2031, 3, 3, "09决定书.docx")
    facts.elements.delivery_date = day(2031, 3, 20, "10送达回证.docx")
    out = run("period_between", {"start": "decision_date", "end": "delivery_date", "limit": "delivery_working_days",
                                 "unit": "working_days"}, facts)
    assert out.status == Status.UNKNOWN
    assert "2031" in out.message


def test_spring_festival_2024_make_up_sundays():
    assert is_working_day(date(2024, 2, 4)) and is_working_day(date(2024, 2, 18))  # Sundays, 调休上班
    assert not any(is_working_day(date(2024, 2, d)) for d in range(10, 18))
    # Thu 8 Feb + 2: Fri 9, then the holiday, then the make-up Sunday 18 Feb
    assert add_working_days(date(2024, 2, 8), 2) == date(2024, 2, 18)


def test_national_day_2024_make_up_sunday_and_saturday():
    assert is_working_day(date(2024, 9, 29)) and is_working_day(date(2024, 10, 12))  # Sun, Sat: 调休上班
    assert not any(is_working_day(date(2024, 10, d)) for d in range(1, 8))
    # 7 working days from 30 Sep: 8–11 Oct, Sat 12 Oct (make-up), 14, 15 Oct
    assert add_working_days(date(2024, 9, 30), 7) == date(2024, 10, 15)


def _period(rule_args: dict, start: date, end: date):
    from tests.scoring.builders import clean_case, found, run

    facts = clean_case()
    setattr(facts.elements, rule_args["start"], found(start, "a.docx"))
    setattr(facts.elements, rule_args["end"], found(end, "b.docx"))
    return run("period_between", {**rule_args, "unit": "working_days"}, facts)


def test_delivery_deadline_across_national_day_counts_the_make_up_saturday():
    """R18: 7 working days from a 30 Sep 2025 decision end on 16 Oct (Sat 11 Oct is a working day)."""
    args = {"start": "decision_date", "end": "delivery_date", "limit": "delivery_working_days"}
    assert _period(args, date(2025, 9, 30), date(2025, 10, 16)).status == Status.PASS
    late = _period(args, date(2025, 9, 30), date(2025, 10, 17))
    assert late.status == Status.FAIL and "2025年10月16日" in late.message


def test_defense_period_across_spring_festival_counts_the_make_up_days():
    """R14: a notice served Fri 24 Jan 2025 gives 3 working days: Sun 26 Jan (make-up), 27 Jan, 5 Feb."""
    args = {"start": "notice_served_date", "end": "decision_date", "limit": "defense_period_working_days",
            "mode": "min"}
    assert _period(args, date(2025, 1, 24), date(2025, 2, 5)).status == Status.PASS
    early = _period(args, date(2025, 1, 24), date(2025, 2, 4))
    assert early.status == Status.FAIL and "2025年2月5日" in early.message


def test_generator_and_scoring_share_one_calendar():
    """The generator's ground truth and the checker count the same working days (2024–2025)."""
    from datetime import timedelta

    from samplegen.workdays import is_workday

    day = date(2024, 1, 1)
    while day.year < 2026:
        assert is_workday(day) == is_working_day(day), day
        day += timedelta(days=1)
