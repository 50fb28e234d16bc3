"""The 三项制度 items of the bundled standards on hand-built files: 公示 (T01 / license R21) with and without the
公示台账, 全过程记录 (T02 / coercion R07), 法制审核 (T03, license R16, coercion T04). Each item passes, fails and
is unknown or n/a as a reviewer reading the file would say, and its points land in the 三项制度 category."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from ingest.glossary import DocKind
from ingest.model import CaseFacts, DateRole, DocFacts
from scoring.checklist import load_checklist
from scoring.engine import category_scores, score_case
from scoring.publications import Publication, Publications, load_publications
from tests.scoring.builders import CASE_NO, clean_case, day, found

GENERAL = load_checklist("penalty-general")
LICENSE = load_checklist("license")
COERCION = load_checklist("coercion-measure")
BUNDLED = ("penalty-general", "penalty-simple", "license", "coercion-measure", "inspection")


def finding(result, code: str):
    return next(f for f in result.findings if f.item_code == code)


def unpublished(facts: CaseFacts) -> CaseFacts:
    """The clean file without its 公示 proof."""
    return dataclasses.replace(facts, elements=dataclasses.replace(facts.elements, publication_date=None))


def register(*rows: tuple[str, date]) -> Publications:
    return Publications(tuple(Publication(no, when, "https://example.gov.cn/1", "公示台账.xlsx", i + 2)
                              for i, (no, when) in enumerate(rows)))


def with_docs(facts: CaseFacts, *docs: DocFacts) -> CaseFacts:
    return dataclasses.replace(facts, documents=[*facts.documents, *docs])


# ---------------------------------------------------------------------------------------------------- the category


@pytest.mark.parametrize("checklist_id", BUNDLED)
def test_every_bundled_standard_has_the_category_and_still_totals_100(checklist_id):
    checklist = load_checklist(checklist_id)
    points = {c.name: c.points for c in checklist.categories if not c.veto}
    assert "三项制度" in points and sum(points.values()) == 100
    assert any(i.category == "三项制度" for i in checklist.items)


# ---------------------------------------------------------------------------------------------------- 公示 (T01)


def test_publication_from_the_register_on_time_passes_quoting_the_row():
    facts = unpublished(clean_case())  # decided 2025-04-15 (Tuesday)
    result = score_case(facts, GENERAL, publications=register(("京朝市监罚[2025]第012号", date(2025, 4, 24))))
    t01 = finding(result, "T01")
    assert t01.status.value == "pass" and t01.message == "公开在作出决定后第7个工作日，期限7个工作日"
    assert t01.evidence.source_file == "公示台账.xlsx" and t01.evidence.quote.startswith("公示台账公示台账.xlsx第2行")


def test_a_late_publication_fails_and_deducts_in_the_category():
    facts = unpublished(clean_case())
    result = score_case(facts, GENERAL, publications=register((CASE_NO, date(2025, 4, 25))))
    t01 = finding(result, "T01")
    assert (t01.status.value, t01.points_deducted) == ("fail", 3)
    assert t01.message == "决定于2025年4月15日作出，2025年4月25日公开，超过7个工作日（期限届满日2025年4月24日）"
    assert "文号京朝市监罚〔2025〕12号" in t01.evidence.quote and "https://example.gov.cn/1" in t01.evidence.quote
    assert dict((c, d) for c, _, d, _ in category_scores(result.findings, GENERAL))["三项制度"] == 3
    assert result.total_score == 97


def test_the_register_wins_over_a_proof_in_the_file():
    result = score_case(clean_case(), GENERAL, publications=register((CASE_NO, date(2025, 6, 2))))
    assert finding(result, "T01").status.value == "fail"


def test_no_source_is_unknown_with_the_reason_never_a_fail():
    result = score_case(unpublished(clean_case()), GENERAL)
    t01 = finding(result, "T01")
    assert (t01.status.value, t01.points_deducted) == ("unknown", 0)
    assert t01.message == "未提供公示台账，案卷中也无公示材料，无法判定是否按期公示"
    assert result.needs_review and result.total_score == 100


def test_a_number_the_register_lacks_is_unknown_naming_it():
    result = score_case(unpublished(clean_case()), GENERAL, publications=register(("京朝市监罚〔2025〕13号", date(2025, 4, 16))))
    assert finding(result, "T01").status.value == "unknown"
    assert finding(result, "T01").message.startswith("公示台账中未见文号京朝市监罚〔2025〕12号，案卷中也无公示材料")


def test_a_proof_in_the_file_is_used_without_a_register():
    assert finding(score_case(clean_case(), GENERAL), "T01").status.value == "pass"


def test_the_register_reader_maps_chinese_headers_and_names_bad_rows(tmp_path: Path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["决定书文号", "发布日期", "网址"])
    sheet.append(["京朝市监罚〔2025〕12号", date(2025, 4, 18), "https://a"])
    sheet.append(["京朝市监罚〔2025〕13号", "2025/4/20", ""])
    sheet.append(["", "2025-04-21", ""])
    book.save(tmp_path / "公示.xlsx")
    loaded = load_publications(tmp_path / "公示.xlsx")
    assert [(p.case_no, p.published, p.row) for p in loaded.entries] == [
        ("京朝市监罚〔2025〕12号", date(2025, 4, 18), 2), ("京朝市监罚〔2025〕13号", date(2025, 4, 20), 3)]
    assert loaded.of("京朝市监罚（2025）第13号").published == date(2025, 4, 20)
    assert [p.message for p in loaded.problems] == ["公示台账公示.xlsx：工作表“Sheet”第4行：缺少文号，该行未使用"]


# ---------------------------------------------------------------------------------------------------- 全过程记录 (T02)

SEIZED = DocFacts("05扣押决定书.docx", DocKind.SEIZURE, "实施行政强制措施决定书",
                  dates={DateRole.DECISION: day(2025, 3, 6, "05扣押决定书.docx")})


def test_a_seizure_without_a_recording_fails_and_with_one_passes():
    result = score_case(with_docs(clean_case(), SEIZED), GENERAL)
    t02 = finding(result, "T02")
    assert (t02.status.value, t02.points_deducted) == ("fail", 4)
    assert t02.message == "卷内有查封扣押财产（05扣押决定书.docx），未见音像记录清单或全程音像记录的记载"
    noted = dataclasses.replace(SEIZED, av_mention=found("扣押过程全程使用执法记录仪录像", "05扣押决定书.docx"))
    assert finding(score_case(with_docs(clean_case(), noted), GENERAL), "T02").status.value == "pass"
    index = DocFacts("14音像记录清单.xlsx", DocKind.AV_RECORD_INDEX, "执法音像记录清单")
    assert finding(score_case(with_docs(clean_case(), SEIZED, index), GENERAL), "T02").status.value == "pass"


def test_no_listed_act_is_na_and_a_demolition_notice_alone_is_only_unknown():
    assert finding(score_case(clean_case(), GENERAL), "T02").status.value == "n/a"
    notice = DocFacts("03限期拆除公告.docx", DocKind.DEMOLITION_NOTICE, "限期拆除公告")
    t02 = finding(score_case(with_docs(clean_case(), notice), GENERAL), "T02")
    assert t02.status.value == "unknown" and "可能涉及强制拆除" in t02.message


def test_a_city_without_seizure_on_its_list_is_never_deducted(tmp_path: Path):
    text = GENERAL.source_path.read_text(encoding="utf-8").replace(
        "av_required_acts: [查封扣押财产, 强制拆除, 执法办案场所]", "av_required_acts: [强制拆除]")
    (tmp_path / "city.yaml").write_text(text, encoding="utf-8")
    city = load_checklist(str(tmp_path / "city.yaml"))
    assert finding(score_case(with_docs(clean_case(), SEIZED), city), "T02").status.value == "n/a"


def test_an_unreadable_file_makes_the_missing_recording_unknown():
    from ingest.glossary import ProblemKind
    from ingest.model import Problem

    facts = with_docs(clean_case(), SEIZED)
    facts = dataclasses.replace(facts, problems=[Problem(facts.dossier_id, "15扫描.jpg", ProblemKind.OCR_FAILED, "")])
    assert finding(score_case(facts, GENERAL), "T02").status.value == "unknown"


# ---------------------------------------------------------------------------------------------------- 法制审核 (T03)


def review(signed: date, **kw) -> DocFacts:
    base = dict(dates={DateRole.SIGNED: day(signed.year, signed.month, signed.day, "08法制审核.docx")},
                reviewer=found("王明", "08法制审核.docx"),
                review_conclusion=found("经审核，同意提交集体讨论", "08法制审核.docx"))
    base.update(kw)
    return DocFacts("08法制审核.docx", DocKind.LEGAL_REVIEW, "重大执法决定法制审核意见书", **base)


def test_a_review_before_the_decision_with_reviewer_and_conclusion_passes():
    t03 = finding(score_case(with_docs(clean_case(), review(date(2025, 4, 10))), GENERAL), "T03")
    assert t03.status.value == "pass"
    assert t03.message == ("重大执法决定法制审核意见书（08法制审核.docx）于2025年4月10日作出，早于决定；"
                           "审核人王明，审核意见“经审核，同意提交集体讨论”")


def test_a_review_after_the_decision_a_blank_reviewer_or_a_refusal_fails():
    late = finding(score_case(with_docs(clean_case(), review(date(2025, 4, 20))), GENERAL), "T03")
    assert (late.status.value, late.points_deducted) == ("fail", 3)
    assert "于2025年4月20日作出，晚于决定（2025年4月15日）" in late.message
    blank = review(date(2025, 4, 10), reviewer=found("", "08法制审核.docx"))
    assert "审核人栏未填写" in finding(score_case(with_docs(clean_case(), blank), GENERAL), "T03").message
    refused = review(date(2025, 4, 10), review_conclusion=found("不同意，建议补充证据", "08法制审核.docx"))
    assert "审核未通过仍作出决定" in finding(score_case(with_docs(clean_case(), refused), GENERAL), "T03").message


def test_the_qualification_is_judged_only_where_the_form_shows_it():
    silent = finding(score_case(with_docs(clean_case(), review(date(2025, 4, 10))), GENERAL), "T03")
    assert silent.status.value == "pass" and "法律职业资格" not in silent.message
    shown = review(date(2025, 4, 10), reviewer_qualification=found("A20151101000123", "08法制审核.docx"))
    assert "法律职业资格A20151101000123" in finding(score_case(with_docs(clean_case(), shown), GENERAL), "T03").message
    blank = review(date(2025, 4, 10), reviewer_qualification=found("", "08法制审核.docx"))
    t03 = finding(score_case(with_docs(clean_case(), blank), GENERAL), "T03")
    assert (t03.status.value, t03.points_deducted) == ("unknown", 0) and "初次从事法制审核" in t03.message


def test_no_review_in_the_file_is_na_and_v05_keeps_its_veto():
    result = score_case(clean_case(), GENERAL)  # fine 20000 yuan, organisation: below the 100000 major threshold
    assert finding(result, "T03").status.value == "n/a"
    assert GENERAL.item("V05").veto and GENERAL.item("V05").category == "基础标准"


# ---------------------------------------------------------------------------------------------------- 重大 triggers


def licence_file(*docs: DocFacts) -> CaseFacts:
    decision = DocFacts("09准予许可决定书.docx", DocKind.LICENSE_DECISION, "准予行政许可决定书",
                        dates={DateRole.DECISION: day(2025, 4, 15, "09准予许可决定书.docx")})
    return CaseFacts("u/许可-1", "u", [decision, *docs], dataclasses.replace(clean_case().elements, case_type="license"))


def test_license_r16_follows_its_parameters(tmp_path: Path):
    hearing = DocFacts("07听证笔录.docx", DocKind.HEARING_RECORD, "听证笔录")
    refusal = DocFacts("09不予许可.docx", DocKind.LICENSE_REFUSAL, "不予行政许可决定书")
    assert finding(score_case(licence_file(hearing), LICENSE), "R16").status.value == "fail"
    assert finding(score_case(licence_file(refusal), LICENSE), "R16").status.value == "n/a"
    text = LICENSE.source_path.read_text(encoding="utf-8").replace("major_license_refusal: 0", "major_license_refusal: 1")
    (tmp_path / "city.yaml").write_text(text, encoding="utf-8")
    city = load_checklist(str(tmp_path / "city.yaml"))
    r16 = finding(score_case(licence_file(refusal), city), "R16")
    assert (r16.status.value, r16.category, r16.points_deducted) == ("fail", "三项制度", 4)


def test_coercion_t04_is_na_until_a_city_sets_a_value_threshold(tmp_path: Path):
    facts = CaseFacts("u/强制-1", "u", [SEIZED], dataclasses.replace(clean_case().elements, case_type="coercion"))
    assert finding(score_case(facts, COERCION), "T04").status.value == "n/a"
    text = COERCION.source_path.read_text(encoding="utf-8").replace(
        "major_coercion_value_threshold: 0", "major_coercion_value_threshold: 50000")
    (tmp_path / "city.yaml").write_text(text, encoding="utf-8")
    city = load_checklist(str(tmp_path / "city.yaml"))
    t04 = finding(score_case(facts, city), "T04")
    assert t04.status.value == "unknown" and "50000元" in t04.message
    assert finding(score_case(with_docs(facts, review(date(2025, 3, 5))), city), "T04").status.value == "pass"


def test_a_publication_on_the_decision_day_is_said_in_words():
    result = score_case(unpublished(clean_case()), GENERAL, publications=register((CASE_NO, date(2025, 4, 15))))
    assert finding(result, "T01").message == "公开与作出决定同日，期限7个工作日"


def test_a_measure_in_a_penalty_file_is_looked_up_by_its_own_number():
    """The coercion supplement's T01 must not read the penalty decision's register row as the seizure's."""
    seized = dataclasses.replace(SEIZED, own_no=found("朝市监强制〔2025〕5号", "05扣押决定书.docx"))
    facts = with_docs(clean_case(), seized)
    penalty_only = register((CASE_NO, date(2025, 4, 16)))
    t01 = finding(score_case(facts, COERCION, publications=penalty_only), "T01")
    assert t01.status.value == "unknown" and "公示台账中未见文号朝市监强制〔2025〕5号" in t01.message
    both = register((CASE_NO, date(2025, 4, 16)), ("朝市监强制[2025]5号", date(2025, 4, 30)))
    t01 = finding(score_case(facts, COERCION, publications=both), "T01")
    assert t01.status.value == "fail" and "超过20个工作日" in t01.message


def test_a_penalty_review_is_not_judged_as_the_seizures():
    facts = with_docs(clean_case(), SEIZED, review(date(2025, 4, 10)))  # seized 3-6, reviewed 4-10 for the penalty
    assert finding(score_case(facts, COERCION), "T03").status.value == "n/a"
    assert finding(score_case(facts, GENERAL), "T03").status.value == "pass"
