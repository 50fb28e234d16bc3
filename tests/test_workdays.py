"""Working days follow the State Council's arrangements (statutes.md: Art. 85), including 调休 Saturdays."""

from datetime import date

import pytest

from ingest.glossary import Status
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
    from scoring_helpers import clean_case, day, run

    facts = clean_case()
    facts.elements.decision_date = day(2031, 3, 3, "09决定书.docx")
    facts.elements.delivery_date = day(2031, 3, 20, "10送达回证.docx")
    out = run("period_between", {"start": "decision_date", "end": "delivery_date", "limit": "delivery_working_days",
                                 "unit": "working_days"}, facts)
    assert out.status == Status.UNKNOWN
    assert "2031" in out.message
