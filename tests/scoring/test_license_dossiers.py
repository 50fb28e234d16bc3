"""The license standard on hand-built 行政许可 dossiers (.docx in template-book wording), read by the pipeline's
own ingest (discover → load → extract) and scored: each item's status is what a reviewer reading the file says."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.scoring.builders import item_status, score_folders
from tests.scoring.license_dossiers import write_dossier

APPLIED, ACCEPTED = date(2025, 3, 3), date(2025, 3, 10)  # Monday, Monday
# 20th working day after 3-10 is 4-8 (清明 4-4 off); 4-17 is the 27th, 4-24 the 32nd.

DOSSIERS: dict[str, dict] = {
    # 补正 on the 3rd working day, decided on the 18th, served and published in time
    "clean": dict(corrections=(date(2025, 3, 6),), decided=date(2025, 4, 3), served=date(2025, 4, 7),
                  published=date(2025, 4, 9)),
    # 补正 notice on 3-12: the 7th working day after the application
    "late_correction": dict(corrections=(date(2025, 3, 12),), decided=date(2025, 4, 3), served=date(2025, 4, 7)),
    # two 补正 notices: not told all at once
    "two_corrections": dict(corrections=(date(2025, 3, 5), date(2025, 3, 7)), decided=date(2025, 4, 3),
                            served=date(2025, 4, 7)),
    # 27th working day, extension approved by the head and told on 4-3
    "extended": dict(decided=date(2025, 4, 17), extension=(date(2025, 4, 3), True), served=date(2025, 4, 21),
                     published=date(2025, 4, 22)),
    # the same, but the notice does not say the head approved it
    "extended_unapproved": dict(decided=date(2025, 4, 17), extension=(date(2025, 4, 3), False),
                                served=date(2025, 4, 21)),
    # 27th working day after an expert review the applicant was never told of in writing: no exclusion
    "expert_untold": dict(decided=date(2025, 4, 17), expert_opinion=date(2025, 4, 10), served=date(2025, 4, 21)),
    # the same review told in writing (10 working days): excluded
    "expert_told": dict(decided=date(2025, 4, 17), special=(date(2025, 3, 20), 10), expert_opinion=date(2025, 4, 10),
                        served=date(2025, 4, 21)),
    # certificate delivered on the 12th working day after the decision
    "late_delivery": dict(decided=date(2025, 4, 3), served=date(2025, 4, 22)),
    # refusal without reasons and without remedies
    "refusal_bare": dict(decided=date(2025, 4, 3), refusal=(False, False), served=date(2025, 4, 7)),
    # refusal with reasons and remedies
    "refusal_full": dict(decided=date(2025, 4, 3), refusal=(True, True), served=date(2025, 4, 7)),
    # decision in 2031: the holiday calendar has no such year
    "beyond_calendar": dict(decided=date(2031, 4, 3), served=date(2031, 4, 7)),
}


@pytest.fixture(scope="module")
def results(tmp_path_factory) -> dict:
    root: Path = tmp_path_factory.mktemp("campaign")
    for name, spec in DOSSIERS.items():
        accepted = date(2031, 3, 10) if name == "beyond_calendar" else ACCEPTED
        applied = date(2031, 3, 3) if name == "beyond_calendar" else APPLIED
        write_dossier(root / "朝阳区市场监管局" / name, applied=applied, accepted=accepted, **spec)
    return {name: result for name, (_, result) in score_folders(root, "license").items()}


def status(results, dossier: str, code: str) -> tuple[str, str]:
    return item_status(results[dossier], code)


@pytest.mark.parametrize(("dossier", "code", "expected", "says"), [
    ("clean", "R03", "pass", "补正告知在收到申请后第3个工作日"),
    ("clean", "R12", "pass", "作出决定在受理后第18个工作日，期限20个工作日"),
    ("clean", "R13", "n/a", "无需延期"),
    ("clean", "R18", "pass", "许可证件送达在作出决定后第1个工作日"),  # 4-4..4-6 清明
    ("clean", "R21", "pass", "公开在作出决定后第3个工作日"),
    ("clean", "V03", "pass", ""),
    ("clean", "R01", "pass", "载明申请人、申请日期"),
    ("clean", "R14", "pass", "申请人、许可依据、作出决定日期"),
    ("late_correction", "R03", "fail", "补正告知（2025年3月12日）在收到申请（2025年3月3日）后第7个工作日，超过5个工作日"),
    ("late_correction", "R21", "unknown", "未提供公示台账，案卷中也无公示材料"),
    ("two_corrections", "R03", "fail", "卷内有2份补正材料通知书（2025-03-05、2025-03-07），未一次告知全部内容"),
    ("extended", "R12", "pass", "第27个工作日，期限20个工作日，经延期10个工作日"),
    ("extended", "R13", "pass", "载明延期经负责人批准"),
    ("extended_unapproved", "R12", "pass", "经延期10个工作日"),
    ("extended_unapproved", "R13", "fail", "未载明经本机关负责人批准，卷内亦无延期审批表"),
    ("expert_untold", "R12", "fail", "第27个工作日，超过20个工作日（期限届满日2025年4月8日）"),
    ("expert_told", "R12", "pass", "不计书面告知的特别程序时间10个工作日"),
    ("late_delivery", "R18", "fail", "超过10个工作日"),
    ("refusal_bare", "V05", "fail", "未载明理由"),
    ("refusal_bare", "R15", "fail", "未载明救济途径"),
    ("refusal_bare", "R18", "n/a", ""),
    ("refusal_bare", "R21", "n/a", ""),
    ("refusal_full", "V05", "pass", ""),
    ("refusal_full", "R15", "pass", ""),
    ("beyond_calendar", "R12", "unknown", "工作日历未收录2031年"),
    ("beyond_calendar", "R03", "n/a", ""),
])  # fmt: skip
def test_item_status_on_licence_dossiers(results, dossier: str, code: str, expected: str, says: str) -> None:
    got, message = status(results, dossier, code)
    assert got == expected, (dossier, code, message)
    assert says in message, (dossier, code, message)


def test_no_item_fails_on_the_clean_dossier_except_the_missing_review_form(results) -> None:
    fails = {f.item_code for f in results["clean"].findings if f.status.value == "fail"}
    assert fails == {"R07"}  # the clean file holds no 行政许可审批表: a real gap, 3 points
    assert results["clean"].total_score == 97 and not results["clean"].vetoed


def test_a_refusal_without_reasons_is_vetoed(results) -> None:
    assert results["refusal_bare"].vetoed and results["refusal_bare"].total_score == 0
    assert not results["refusal_full"].vetoed


def test_cases_csv_carries_the_licence_elements(results) -> None:
    from reports.contract_csv import CASES_COLUMNS, case_row

    row = dict(zip(CASES_COLUMNS, case_row(results["expert_told"], "license"), strict=True))
    assert (row["application_date"], row["acceptance_date"], row["decision_date"]) == ("2025-03-03", "2025-03-10",
                                                                                      "2025-04-17")
    assert (row["license_decision"], row["excluded_days"], row["extension_approved"]) == ("grant", "10", "")
    assert row["certificate_delivery_date"] == "2025-04-21" and row["publication_date"] == ""
    extended = dict(zip(CASES_COLUMNS, case_row(results["extended"], "license"), strict=True))
    assert (extended["extension_approved"], extended["publication_date"]) == ("true", "2025-04-22")
    refused = dict(zip(CASES_COLUMNS, case_row(results["refusal_full"], "license"), strict=True))
    assert refused["license_decision"] == "refuse" and refused["certificate_delivery_date"] == ""
