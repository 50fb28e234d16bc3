"""V07 追诉时效 (limitation_period): counted to the discovery, from a continuing act's end, 5 years where harm to
life, health or finance may extend it; never a deduction the file cannot prove."""

from ingest.glossary import DocKind, ProblemKind
from ingest.model import DateRole, Problem
from scoring.checklist import load_checklist
from scoring.glossary import Status
from tests.scoring.builders import clean_case, day, doc_of, found, provision, run

V07 = next(i for i in load_checklist("penalty-general").items if i.code == "V07")
ARGS = V07.args.model_dump()


def _case(violation, end=None, ongoing=False, law="中华人民共和国价格法"):
    facts = clean_case()  # case source 2025-03-03, 立案 2025-03-05, inspection 2025-03-06
    e = facts.elements
    e.violation_date = violation
    e.violation_end_date = end
    e.violation_ongoing = found(True, violation.evidence.source_file) if ongoing else None
    e.violated = [found(provision(law, 13), "09决定书.docx")] if law else []
    e.penalty_basis = []
    return facts


def test_v07_is_a_veto_of_this_kind():
    assert V07.veto and V07.kind == "limitation_period"


def test_counted_to_the_case_source_not_the_filing():
    # 2023-03-04 + 2 years = 2025-03-04: discovered 2025-03-03 is within, 立案 2025-03-05 would not be
    assert run("limitation_period", ARGS, _case(day(2023, 3, 4, "09决定书.docx"))).status == Status.PASS
    out = run("limitation_period", ARGS, _case(day(2023, 3, 2, "09决定书.docx")))
    assert out.status == Status.FAIL
    assert "违法行为发生于2023年3月2日（行政处罚决定书 09决定书.docx" in out.message
    assert "案源登记于2025年3月3日（案件来源登记表 01案源.docx" in out.message
    assert "超过2年追诉时效（期限届满日2025年3月2日）" in out.message
    assert out.evidence.source_file == "09决定书.docx" and "2025年3月3日" in out.evidence.quote


def test_filing_only_when_nothing_earlier_is_in_the_file():
    facts = _case(day(2023, 3, 4, "09决定书.docx"))
    facts.elements.source_date = None
    doc_of(facts, DocKind.CASE_SOURCE).dates.clear()
    for d in facts.of_kind(DocKind.INSPECTION_RECORD):
        d.dates.clear()
    out = run("limitation_period", ARGS, facts)
    assert out.status == Status.FAIL and "立案于2025年3月5日" in out.message


def test_a_continuing_act_counts_from_its_end():
    facts = _case(day(2022, 1, 10, "09决定书.docx"), end=day(2023, 6, 30, "09决定书.docx"))
    assert run("limitation_period", ARGS, facts).status == Status.PASS
    facts = _case(day(2022, 1, 10, "09决定书.docx"), end=day(2023, 1, 30, "09决定书.docx"))
    out = run("limitation_period", ARGS, facts)
    assert out.status == Status.FAIL and out.message.startswith("违法行为终了于2023年1月30日")


def test_an_act_that_went_on_with_no_end_written_is_for_the_reviewer():
    assert run("limitation_period", ARGS, _case(day(2024, 1, 10), ongoing=True)).status == Status.PASS
    out = run("limitation_period", ARGS, _case(day(2020, 1, 10), ongoing=True))
    assert out.status == Status.MANUAL and "未写明终了日期" in out.message


def test_between_two_and_five_years_the_extended_period_may_apply():
    law_of_health = _case(day(2022, 1, 10), law="中华人民共和国食品安全法")
    out = run("limitation_period", ARGS, law_of_health)
    assert out.status == Status.UNKNOWN and "食品安全法" in out.message
    assert run("limitation_period", ARGS, _case(day(2022, 1, 10), law="")).status == Status.UNKNOWN
    # beyond five years it is barred either way
    out = run("limitation_period", ARGS, _case(day(2019, 1, 10), law="中华人民共和国食品安全法"))
    assert out.status == Status.FAIL and "超过5年追诉时效" in out.message


def test_unknown_violation_date_is_not_applicable_and_a_doubtful_file_never_vetoes():
    facts = _case(day(2023, 3, 4))
    facts.elements.violation_date = None
    assert run("limitation_period", ARGS, facts).status == Status.NA
    facts = _case(day(2020, 3, 4, "09决定书.pdf"))
    facts.problems.append(Problem(facts.dossier_id, "09决定书.pdf", ProblemKind.OCR_FAILED, "第2页OCR也未能识别"))
    assert run("limitation_period", ARGS, facts).status == Status.UNKNOWN


def test_the_inspection_day_counts_as_discovery_when_earlier():
    facts = _case(day(2023, 3, 5, "09决定书.docx"))
    facts.elements.source_date = None
    doc_of(facts, DocKind.CASE_SOURCE).dates.clear()
    doc_of(facts, DocKind.INSPECTION_RECORD).dates[DateRole.RECORD_START] = day(2025, 3, 4, "04检查笔录.docx")
    assert run("limitation_period", ARGS, facts).status == Status.PASS  # 立案 2025-03-05 would be a day late
