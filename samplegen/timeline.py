"""A dossier's dates: from the case source to the archive, in working days where the law counts them."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

import samplegen.defects as dfx
from samplegen.workdays import add_workdays, next_workday


def timeline(rng: random.Random, year: int, defects: list[str], hearing_held: bool, hearing_applies: bool,
             major: bool, extended: bool, defense: str, limitation_years: int = dfx.LIMITATION_YEARS) -> tuple[dict[str, date], dict[str, tuple[datetime, datetime]]]:
    """Every date of the dossier (and the start and end of its records), far from each deadline unless a
    defect plants a breach of it."""
    start = date(year, 1, 6)
    source = next_workday(start + timedelta(days=rng.randint(0, 170)))
    jitter = [rng.randint(0, 1000) for _ in range(16)]  # fixed draws, so the gap search below is pure

    def pick(i: int, lo: int, hi: int) -> int:
        return lo + jitter[i] % (hi - lo + 1)

    def run(gap: int) -> dict[str, date]:
        t: dict[str, date] = {"source": source, "inspection": source}
        t["filing"] = add_workdays(source, pick(0, 22, 28) if "late_filing" in defects else pick(0, 1, 5))
        if "time_barred" in defects:
            t["violation"] = shift_years(t["filing"], -limitation_years) - timedelta(days=pick(1, 90, 300))
        else:
            t["violation"] = source - timedelta(days=pick(1, 0, 15))
        t["inquiry"] = add_workdays(t["filing"], pick(2, 1, 5))
        t["report"] = add_workdays(t["inquiry"] + timedelta(days=gap), pick(3, 5, 10))
        t["notice"] = add_workdays(t["report"], pick(4, 1, 3))
        t["notice_served"] = t["notice"] if jitter[5] % 2 else add_workdays(t["notice"], 1)
        served = t["notice_served"]
        if "missing_notice" in defects:
            after = add_workdays(t["report"], pick(6, 2, 4))
        elif "decision_before_defense_period" in defects:
            after = served
        elif hearing_held:
            t["hearing_request"] = add_workdays(served, pick(6, 1, 3))
            t["hearing_notice"] = add_workdays(t["hearing_request"], 1)
            t["hearing"] = add_workdays(t["hearing_notice"],
                                        3 if "hearing_notice_late" in defects else pick(7, 9, 11))
            after = t["hearing"]
        else:
            period = dfx.DEFENSE_WORKING_DAYS_HEARING if hearing_applies else dfx.DEFENSE_WORKING_DAYS
            if defense == "statement":
                t["defense"] = add_workdays(served, pick(8, 1, 2))
            elif defense == "waiver":
                t["defense"] = served
            after = add_workdays(served, period + pick(9, 1, 3))
        if major and "no_legal_review" not in defects:
            t["legal_review"] = add_workdays(after, pick(10, 1, 2))
            t["discussion"] = add_workdays(t["legal_review"], pick(11, 1, 2))
            after = t["discussion"]
        if "decision_before_defense_period" in defects:
            t["decision_approval"] = t["decision"] = add_workdays(served, 1)
        else:
            t["decision_approval"] = add_workdays(after, pick(12, 1, 2))
            t["decision"] = t["decision_approval"] if jitter[13] % 2 else add_workdays(t["decision_approval"], 1)
        return t

    t = run(0)
    if "decision_overdue" in defects or extended:
        target = pick(14, 100, 115) if "decision_overdue" in defects else pick(14, 96, 104)
        gap = 0
        while (t["decision"] - t["filing"]).days < target:
            gap += max(1, target - (t["decision"] - t["filing"]).days)
            t = run(gap)
        if extended:
            t["extension"] = add_workdays(t["filing"] + timedelta(days=75), 0)
    decision = t["decision"]
    if "late_delivery" in defects:
        t["delivery"] = add_workdays(decision, pick(15, 12, 15))
    elif "procedure_reversed" in defects:
        t["delivery"] = decision - timedelta(days=pick(15, 3, 6))
    else:
        t["delivery"] = decision if jitter[15] % 3 else add_workdays(decision, 1 + jitter[15] % 3)
    delivered = max(t["delivery"], decision)
    t["payment"] = next_workday(delivered + timedelta(days=rng.randint(3, 12)))
    t["closing"] = add_workdays(delivered + timedelta(days=20) if "fine_unpaid" in defects
                                else t["payment"], rng.randint(3, 8))
    t["archive"] = add_workdays(t["closing"], rng.randint(1, 5))
    times = {
        "inspection_record": record_span(rng, t["inspection"], 9, 10, 35, 80),
        "inquiry_record": record_span(rng, t["inquiry"], 14, 15, 40, 95),
    }
    if hearing_held:
        times["hearing_record"] = record_span(rng, t["hearing"], 9, 9, 60, 120)
    if defense == "statement":
        times["defense_record"] = record_span(rng, t["defense"], 10, 15, 20, 45)
    return t, times


def record_span(rng: random.Random, day: date, h_lo: int, h_hi: int, m_lo: int, m_hi: int) -> tuple[datetime, datetime]:
    start = datetime(day.year, day.month, day.day, rng.randint(h_lo, h_hi), rng.choice((0, 5, 10, 15, 20, 30, 40, 45)))
    return start, start + timedelta(minutes=rng.randint(m_lo, m_hi))


def shift_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)
