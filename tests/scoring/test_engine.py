"""score_case, rescore and grade_for: caps, category floors, vetoes, grades, unknown → review, overrides."""

from decimal import Decimal

import pytest

from ingest.glossary import DocKind
from ingest.model import DocFacts
from scoring.checklist import load_checklist
from scoring.engine import category_scores, grade_for, rescore, score_case
from scoring.glossary import Status
from scoring.model import Override
from tests.scoring.builders import CHECKLIST, clean_case, day, drop, found, officers, record


def by_code(result):
    return {f.item_code: f for f in result.findings}


def test_clean_case_scores_100_with_every_item_in_order():
    result = score_case(clean_case(), CHECKLIST)
    assert [f.item_code for f in result.findings] == [i.code for i in CHECKLIST.items]
    assert (result.raw_score, result.total_score, result.grade, result.vetoed) == (100, 100, "优秀", False)
    assert not result.needs_review and result.review_reasons == []
    statuses = {f.status for f in result.findings}
    assert Status.FAIL not in statuses and Status.UNKNOWN not in statuses
    assert {f.item_code for f in result.findings if f.status == Status.MANUAL} == {"V01", "V09", "V10", "R15"}
    assert result.checklist_id == "penalty-general" and result.dossier_id == "区市场监管局/2025-012"


def test_empty_case_never_breaks_a_rule():
    from ingest.model import CaseFacts, Elements

    result = score_case(CaseFacts("u/1", "u", [], Elements()), CHECKLIST)
    assert not any("自动评查出错" in f.message for f in result.findings)
    assert by_code(result)["R01"].message == "卷内未见立案审批表"


def test_per_occurrence_points_are_capped():
    facts = clean_case()
    for i in range(4):
        facts.documents.append(record(f"笔录{i}.docx", officers=officers(f"笔录{i}.docx", ("张三", None))))
    r04 = by_code(score_case(facts, CHECKLIST))["R04"]
    assert r04.status == Status.FAIL and r04.occurrences == 4 and r04.points_deducted == 6  # 2 × 4 capped at 6


def test_deductions_add_up_and_grade():
    facts = drop(clean_case(), DocKind.FILING_APPROVAL, DocKind.INVESTIGATION_REPORT, DocKind.CLOSING_APPROVAL)
    facts.elements.filing_date = day(2025, 1, 1)  # R09: 104 days
    result = score_case(facts, CHECKLIST)
    f = by_code(result)
    assert f["R01"].points_deducted == 5 and f["R08"].points_deducted == 3 and f["R24"].points_deducted == 2
    assert f["R09"].points_deducted == 10 and f["R09"].message == "决定书于立案后第104日作出，超过90日且卷内无延期审批"
    assert result.raw_score == result.total_score == 80 and result.grade == "良好"
    for finding in result.findings:
        if finding.status == Status.FAIL:
            assert finding.evidence is not None and finding.message


def test_category_floor(tmp_path):
    path = tmp_path / "floor.yaml"
    path.write_text(FLOOR, encoding="utf-8")
    checklist = load_checklist(str(path))
    facts = drop(clean_case(), DocKind.FILING_APPROVAL, DocKind.INVESTIGATION_REPORT, DocKind.CLOSING_APPROVAL)
    result = score_case(facts, checklist)
    assert sum(f.points_deducted for f in result.findings) == 24  # 8 + 8 + 8, but category 甲 holds only 10
    assert result.raw_score == 82  # 100 − min(16, 10) − 8
    assert category_scores(result.findings, checklist)[0] == ("甲", 10, 10, 0)


FLOOR = """
id: floor
version: 1
title: 类别扣完为止
parameters: {}
categories:
  - {name: 基础标准, veto: true}
  - {name: 甲, points: 10}
  - {name: 乙, points: 90}
grades:
  - {grade: 优秀, min: 90}
  - {grade: 合格, min: 60}
  - {grade: 不合格, min: 0}
items:
  - {code: A01, name: 缺立案审批表, category: 甲, points: 8, kind: document_present, args: {kinds: [filing_approval]},
     statute: 行政处罚法第五十四条, rationale: 测试}
  - {code: A02, name: 缺调查终结报告, category: 甲, points: 8, kind: document_present,
     args: {kinds: [investigation_report]}, statute: 行政处罚法第五十七条, rationale: 测试}
  - {code: B01, name: 缺结案审批表, category: 乙, points: 8, kind: document_present, args: {kinds: [closing_approval]},
     statute: 行政处罚法第四十七条, rationale: 测试}
"""


def test_veto_gives_zero_and_keeps_raw_score():
    facts = drop(clean_case(), DocKind.PENALTY_NOTICE, DocKind.CLOSING_APPROVAL)  # V03 veto; R24 −2
    facts.elements.notice_date = facts.elements.notice_served_date = facts.elements.notice_fine_amount = None
    result = score_case(facts, CHECKLIST)
    v03 = by_code(result)["V03"]
    assert v03.status == Status.FAIL and v03.veto and v03.points_deducted == 0
    assert v03.message == "卷内未见行政处罚事先告知书" and v03.evidence.source_file == ""
    assert result.vetoed and result.total_score == 0 and result.grade == "不合格"
    assert result.raw_score == 100 - 2 - by_code(result)["R13"].points_deducted


@pytest.mark.parametrize(("score", "grade"), [(100, "优秀"), (90, "优秀"), (89.5, "良好"), (80, "良好"),
                                              (79.9, "合格"), (60, "合格"), (59.5, "不合格"), (0, "不合格")])
def test_grades_at_band_edges(score, grade):
    assert grade_for(score, CHECKLIST) == grade


def test_unknown_flags_review_without_deducting():
    facts = clean_case()
    facts.elements.delivery_date = None
    for d in facts.of_kind(DocKind.SERVICE_RECEIPT):
        d.dates.clear()
    facts.review_reasons.append("09决定书.pdf 第2页OCR置信度低（0.62）")
    result = score_case(facts, CHECKLIST)
    r18 = by_code(result)["R18"]
    assert r18.status == Status.UNKNOWN and r18.points_deducted == 0
    assert result.needs_review and result.total_score == 100 - by_code(result)["R19"].points_deducted - by_code(result)["R25"].points_deducted
    assert result.review_reasons[0] == "09决定书.pdf 第2页OCR置信度低（0.62）"
    assert any(r.startswith("R18: ") and "送达" in r for r in result.review_reasons)


def test_broken_rule_input_is_unknown_not_a_crash():
    facts = clean_case()
    facts.documents.append(DocFacts("坏.docx", DocKind.INQUIRY_RECORD, "询问笔录", officers=None))  # type: ignore[arg-type]
    result = score_case(facts, CHECKLIST)
    assert by_code(result)["R04"].status == Status.UNKNOWN and "自动评查出错" in by_code(result)["R04"].message
    assert result.needs_review


def test_rescore_with_overrides():
    facts = drop(clean_case(), DocKind.CLOSING_APPROVAL)
    facts.elements.fine_amount = found(Decimal(120000), "09决定书.docx")  # ≥ 100000: V05 veto, R10 −5
    notice = facts.of_kind(DocKind.PENALTY_NOTICE)[0]
    notice.fine = found(Decimal(120000), "07告知书.docx")
    notice.hearing_right = found("你单位有权要求举行听证", "07告知书.docx")
    result = score_case(facts, CHECKLIST)
    assert [f.item_code for f in result.findings if f.veto] == ["V05"]
    assert by_code(result)["R10"].points_deducted == 5
    raw = result.raw_score

    overrides = {
        "V05": Override(Status.PASS, None, "法制审核意见附于副卷", "王评查"),
        "R24": Override(Status.PASS, 0, "结案审批表在另一文件中", "王评查"),
        "R07": Override(Status.FAIL, 1.5, "营业执照复印件不清晰", "王评查"),
    }
    new = rescore(result, overrides, CHECKLIST)
    f = by_code(new)
    assert not new.vetoed and new.total_score == new.raw_score == raw + 2 - 1.5
    assert f["V05"].status == Status.PASS and f["V05"].auto_status == Status.FAIL and not f["V05"].veto
    assert f["R24"].auto_points == 2 and f["R24"].points_deducted == 0
    assert f["R07"].status == Status.FAIL and f["R07"].points_deducted == 1.5 and f["R07"].auto_status == Status.PASS
    assert f["R07"].override.reviewer == "王评查"
    assert by_code(result)["V05"].status == Status.FAIL  # the original is unchanged

    again = rescore(new, {"V05": Override(Status.FAIL, None, "复核后确认缺失", "李组长")}, CHECKLIST)
    v05 = by_code(again)["V05"]
    assert v05.auto_status == Status.FAIL and v05.veto and again.vetoed and again.total_score == 0


def test_rescore_fail_without_points_uses_the_items_points_and_can_veto():
    result = score_case(clean_case(), CHECKLIST)
    new = rescore(result, {"R01": Override(Status.FAIL, None, "立案审批表系事后补签", "王评查"),
                           "V01": Override(Status.FAIL, None, "超越职权", "王评查", veto=True)}, CHECKLIST)
    assert by_code(new)["R01"].points_deducted == 5
    assert new.vetoed and new.grade == "不合格" and new.raw_score == 95


def test_rescore_clears_review_reason_of_overridden_unknown():
    facts = clean_case()
    facts.elements.delivery_date = None
    for d in facts.of_kind(DocKind.SERVICE_RECEIPT):
        d.dates.clear()
    facts.review_reasons.append("OCR置信度低")
    result = score_case(facts, CHECKLIST)
    unknown = [f.item_code for f in result.findings if f.status == Status.UNKNOWN]
    new = rescore(result, {c: Override(Status.PASS, None, "已核对", "王评查") for c in unknown}, CHECKLIST)
    assert new.review_reasons == ["OCR置信度低"] and new.needs_review
