"""The campaign-level count of a unit's inspections (scoring/campaign/inspection_frequency.py): per party and
calendar year against a cap, and per party and day; lead-prompted inspections outside the yearly count; without a
register or a cap, the finding says what was not checked."""

from __future__ import annotations

from datetime import date

from ingest.inspection_register import RegisteredInspection, RegisterRead
from scoring.campaign.inspection_frequency import unit_frequency

CODE = "91320115MA1XK7P30C"
UNIT = "江宁区市场监管局"


def _row(n: int, day: date, party: str = "南京某某食品有限公司", code: str = CODE, kind: str = "日常检查"):
    return RegisteredInspection(UNIT, party, code, day, kind, f"检查台账.xlsx：工作表“检查”第{n}行", f"{n} | {party}")


def _read(*rows: RegisteredInspection) -> list[RegisterRead]:
    return [RegisterRead("江宁区市场监管局/检查台账.xlsx", list(rows))]


def test_a_party_inspected_more_often_than_the_cap_in_one_year() -> None:
    reads = _read(_row(2, date(2025, 1, 5)), _row(3, date(2025, 4, 5)),
                  _row(4, date(2025, 9, 5), party="南京某某食品公司"),  # same code, name written otherwise
                  _row(5, date(2025, 10, 1), kind="投诉举报核查"),  # not capped
                  _row(6, date(2024, 12, 30)))  # another year
    [finding] = unit_frequency(UNIT, reads, cap=2)
    assert finding.check == "annual_cap"
    assert (finding.unit, finding.party, finding.credit_code, finding.period, finding.count, finding.cap) == (
        UNIT, "南京某某食品有限公司", CODE, "2025", 3, 2)
    assert finding.message == "南京某某食品有限公司于2025年被本单位检查3次（不含线索核查等不计频次的检查），超过年度上限2次"
    assert [r.split("：")[1] for r in finding.rows] == ["工作表“检查”第2行", "工作表“检查”第3行", "工作表“检查”第4行"]


def test_at_the_cap_nothing_is_found_and_the_output_says_what_was_checked() -> None:
    reads = _read(_row(2, date(2025, 1, 5)), _row(3, date(2025, 4, 5)), _row(4, date(2025, 5, 5), kind="线索核查"))
    [finding] = unit_frequency(UNIT, reads, cap=2)
    assert finding.check == "none_found"
    assert finding.message == ("已核查检查台账3条检查记录，未发现年度检查次数超过上限、同日多次入企检查"
                               "（1条为线索核查等不计频次的检查，未计入年度次数）")


def test_two_visits_on_one_day_are_found_without_a_cap() -> None:
    reads = _read(_row(2, date(2025, 3, 12)), _row(3, date(2025, 3, 12), party="南京某某食品公司", code=""),
                  _row(4, date(2025, 3, 12), party="南京另一商店", code=""))
    findings = unit_frequency(UNIT, reads, cap=None)
    # the second row has no code and another spelling: counted apart (never a guess)
    assert [f.check for f in findings] == ["not_checked", "none_found"]
    assert findings[1].message == "已核查检查台账3条检查记录，未发现同日多次入企检查"
    # the same name without a code is the party another row gives a code
    reads = _read(_row(2, date(2025, 3, 12)), _row(3, date(2025, 3, 12), code=""))
    assert [f.check for f in unit_frequency(UNIT, reads, cap=None)][0] == "same_day"
    reads = _read(_row(2, date(2025, 3, 12)), _row(3, date(2025, 3, 12)))
    same_day, no_cap = unit_frequency(UNIT, reads, cap=None)
    assert (same_day.check, same_day.period, same_day.count, same_day.cap) == ("same_day", "2025-03-12", 2, None)
    assert same_day.message == "南京某某食品有限公司于2025-03-12被本单位检查2次，同日多次入企未合并检查"
    assert no_cap.check == "not_checked" and "annual_inspection_cap" in no_cap.message


def test_without_a_register_nothing_is_checked_and_it_says_so() -> None:
    [finding] = unit_frequency(UNIT, [], cap=3)
    assert finding.check == "not_checked" and finding.message.startswith("未提供检查台账")
    [finding] = unit_frequency(UNIT, [RegisterRead("u/案件台账.xlsx", [], "u/案件台账.xlsx中未找到检查记录")], cap=3)
    assert finding.check == "not_checked" and "未找到检查记录" in finding.message
