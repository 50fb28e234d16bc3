"""Each rule kind on its own, with hand-built CaseFacts/DocFacts (tests.scoring.builders.clean_case)."""

from datetime import date, datetime
from decimal import Decimal

import openpyxl
import pytest

from ingest.glossary import DocKind, ProblemKind
from ingest.model import AmountPair, DateRole, DocFacts, Evidence, Found, Position, Problem
from scoring.glossary import Status
from scoring.roster import Roster, RosterEntry, load_roster
from tests.scoring.builders import (
    CASE_NO,
    PARTY,
    clean_case,
    day,
    doc_of,
    drop,
    ev,
    found,
    officers,
    provision,
    record,
    run,
)

# --------------------------------------------------------------------------- document_present


def test_document_present_pass_and_missing():
    facts = clean_case()
    assert run("document_present", {"kinds": ["filing_approval"]}, facts).status == Status.PASS
    out = run("document_present", {"kinds": ["filing_approval"]}, drop(facts, DocKind.FILING_APPROVAL))
    assert out.status == Status.FAIL and out.message == "卷内未见立案审批表"
    assert out.evidence.source_file == "" and out.occurrences == 1


def test_document_present_unreadable_file_makes_absence_unknown():
    facts = drop(clean_case(), DocKind.CLOSING_APPROVAL)
    facts.problems.append(Problem(facts.dossier_id, "13扫描件.jpg", ProblemKind.UNSUPPORTED, "不支持"))
    out = run("document_present", {"kinds": ["closing_approval"]}, facts)
    assert out.status == Status.UNKNOWN and "13扫描件.jpg" in out.message


def test_document_present_precondition():
    args = {"kinds": ["penalty_notice", "hearing_notice"], "when": {"has": ["decision"], "procedure": "general"}}
    facts = drop(clean_case(), DocKind.PENALTY_NOTICE)
    assert run("document_present", args, facts).status == Status.FAIL
    assert run("document_present", args, drop(facts, DocKind.DECISION)).status == Status.NA
    facts = drop(clean_case(), DocKind.PENALTY_NOTICE)
    facts.elements.procedure = "summary"
    assert run("document_present", args, facts).status == Status.NA


def test_document_present_fine_positive_precondition():
    args = {"kinds": ["payment_receipt", "payment_reminder"], "when": {"fine_positive": True}}
    facts = drop(clean_case(), DocKind.PAYMENT_RECEIPT)
    assert run("document_present", args, facts).status == Status.FAIL
    facts.elements.fine_amount = None
    doc_of(facts, DocKind.DECISION).fine = None
    assert run("document_present", args, facts).status == Status.NA


def test_service_receipt_must_serve_the_decision():
    args = {"kinds": ["service_receipt"], "serves": "decision", "when": {"has": ["decision"]}}
    facts = clean_case()
    assert run("document_present", args, facts).status == Status.PASS
    facts.documents = [d for d in facts.documents if d.source_file != "10送达回证.docx"]
    facts.elements.delivery_date = None
    out = run("document_present", args, facts)  # only the notice's receipt is left
    assert out.status == Status.FAIL and out.evidence.source_file == ""
    doc_of(facts, DocKind.SERVICE_RECEIPT).served_document = None
    assert run("document_present", args, facts).status == Status.UNKNOWN


# --------------------------------------------------------------------------- element_present


def test_element_present():
    facts = clean_case()
    assert run("element_present", {"element": "remedies"}, facts).status == Status.PASS
    facts.elements.remedies = None
    out = run("element_present", {"element": "remedies"}, facts)
    assert out.status == Status.FAIL and "救济途径" in out.message
    args = {"element": "review_body", "doc_kind": "decision"}
    out = run("element_present", args, facts)
    assert out.status == Status.FAIL and out.evidence.source_file == "09决定书.docx"
    assert out.evidence.quote == ""  # where it was looked for; the title quoted would read as the faulty line
    assert run("element_present", args, drop(facts, DocKind.DECISION)).status == Status.NA


def test_element_present_rejects_unknown_element():
    with pytest.raises(ValueError):
        run("element_present", {"element": "nonsense"}, clean_case())


# --------------------------------------------------------------------------- dates_in_order (V06)

V06 = {"pairs": [{"before": "filing_date", "after": "decision_date"},
                 {"before": "notice_date", "after": "decision_date"},
                 {"before": "decision_date", "after": "delivery_date"}]}


def test_dates_in_order_pass_and_fail_with_later_documents_date_as_evidence():
    facts = clean_case()
    assert run("dates_in_order", V06, facts).status == Status.PASS
    facts.elements.delivery_date = day(2025, 4, 10, "10送达回证.docx")
    out = run("dates_in_order", V06, facts)
    assert out.status == Status.FAIL
    assert out.message == "程序颠倒：作出决定（2025年4月15日）晚于决定书送达（2025年4月10日）"
    assert out.evidence.source_file == "10送达回证.docx"  # the later date's place; the quote names both
    assert out.evidence.quote == ("作出决定日期2025年4月15日（《行政处罚决定书》第1页）；"
                                  "决定书送达日期2025年4月10日（《送达回证》第1页）")


def test_dates_in_order_filing_after_decision():
    facts = clean_case()
    facts.elements.filing_date = day(2025, 4, 20, "02立案.docx")
    out = run("dates_in_order", V06, facts)
    assert out.status == Status.FAIL and "立案（2025年4月20日）晚于作出决定" in out.message
    assert out.evidence.source_file == "09决定书.docx"


def test_dates_in_order_unreadable_date_is_unknown_absent_document_is_skipped():
    facts = clean_case()
    facts.elements.filing_date = None
    doc_of(facts, DocKind.FILING_APPROVAL).dates.clear()
    assert run("dates_in_order", V06, facts).status == Status.UNKNOWN
    facts = drop(clean_case(), DocKind.FILING_APPROVAL)
    facts.elements.filing_date = None
    assert run("dates_in_order", V06, facts).status == Status.PASS


def test_two_date_evidence_names_each_document_and_its_docx_place():
    """A date read from a .docx is cited where a reviewer finds it; a file holding two documents names the one
    the date lies in."""
    facts = clean_case()
    notice = doc_of(facts, DocKind.PENALTY_NOTICE)
    notice.source_file = "卷.docx"
    notice.position = Position(paragraph=1)
    decision = doc_of(facts, DocKind.DECISION)
    decision.source_file, decision.title = "卷.docx", "行政处罚决定书"
    decision.position = Position(paragraph=40)
    facts.elements.notice_served_date = Found(date(2025, 4, 14), Evidence(
        "卷.docx", Position(paragraph=12, word_page=2, heading="送达情况", nth=1), "2025年4月14日"))
    facts.elements.decision_date = Found(date(2025, 4, 15), Evidence(
        "卷.docx", Position(paragraph=55, word_page=5, heading="行政处罚决定书", nth=9), "2025年4月15日"))
    out = run("period_between", {"start": "notice_served_date", "end": "decision_date", "mode": "min",
                                 "limit": "defense_period_working_days", "unit": "working_days"}, facts)
    assert out.status == Status.FAIL
    assert out.evidence.quote == ("告知书送达日期2025年4月14日（《行政处罚事先告知书》第2页，“送达情况”下第1段）；"
                                  "作出决定日期2025年4月15日（《行政处罚决定书》第5页，“行政处罚决定书”下第9段）")
    assert out.evidence.position.label() == "第5页，“行政处罚决定书”下第9段"


def test_document_present_a_list_printed_inside_the_decision():
    """行政强制法第二十四条: the 清单 printed as a table of the 查封（扣押）决定书 is the list (no false V04); a decision
    without such a table leaves the list missing."""
    args = {"kinds": ["seizure_list"], "inside": ["seizure"]}
    facts = clean_case()
    decision = DocFacts("03决定书.docx", DocKind.SEIZURE, "查封（扣押）决定书")
    facts.documents.append(decision)
    assert run("document_present", args, facts).status == Status.FAIL
    decision.goods_table = found("名称\t规格\t数量", "03决定书.docx")
    out = run("document_present", args, facts)
    assert out.status == Status.PASS and out.message.endswith("（“名称 规格 数量”表格）")
    assert out.evidence.source_file == "03决定书.docx"


# --------------------------------------------------------------------------- period_between

R09 = {"start": "filing_date", "end": "decision_date", "limit": "decision_deadline_days", "unit": "days",
       "excused_by": ["extension_approval"], "message": "决定书于立案后第{count}日作出，超过{limit}日且卷内无延期审批"}


def test_period_between_calendar_days_r09():
    facts = clean_case()
    assert run("period_between", R09, facts).status == Status.PASS
    facts.elements.filing_date = day(2025, 1, 1, "02立案.docx")  # 104 days before 15 April
    out = run("period_between", R09, facts)
    assert out.status == Status.FAIL
    assert out.message == "决定书于立案后第104日作出，超过90日且卷内无延期审批"
    assert out.evidence.source_file == "09决定书.docx"
    assert out.evidence.quote == ("立案日期2025年1月1日（《立案审批表》第1页）；"
                                  "作出决定日期2025年4月15日（《行政处罚决定书》第1页）")
    facts.elements.filing_date = day(2025, 1, 15, "02立案.docx")  # day 90 exactly
    assert run("period_between", R09, facts).status == Status.PASS


def test_period_between_says_before_and_same_day_in_words():
    """A pass message never reads "后第-1日": an end before the start, or on its day, is said so."""
    facts = clean_case()
    facts.elements.filing_date = day(2025, 4, 16, "02立案.docx")
    out = run("period_between", R09, facts)
    assert out.status == Status.PASS
    assert out.message.startswith("作出决定（2025年4月15日）早于立案（2025年4月16日）")
    facts.elements.filing_date = day(2025, 4, 15, "02立案.docx")
    assert run("period_between", R09, facts).message.startswith("作出决定与立案同日（2025年4月15日）")


def test_period_between_extension_excuses():
    facts = clean_case()
    facts.elements.filing_date = day(2025, 1, 1, "02立案.docx")
    facts.documents.append(DocFacts("延期.docx", DocKind.EXTENSION_APPROVAL, "案件延期审批表"))
    out = run("period_between", R09, facts)
    assert out.status == Status.PASS and "延期审批表" in out.message



def test_period_between_an_excuse_made_after_the_period_excuses_nothing():
    """行政强制法第二十五条: an extension decided after the first period ran out extends nothing; undated: unknown."""
    args = {**R09, "excused_in_time": ["extension_approval"], "message": None}
    facts = clean_case()
    facts.elements.filing_date = day(2025, 1, 1, "02立案.docx")  # deadline 1 April, decision 15 April
    extension = DocFacts("延期.docx", DocKind.EXTENSION_APPROVAL, "案件延期审批表")
    facts.documents.append(extension)
    assert run("period_between", args, facts).status == Status.UNKNOWN
    extension.dates[DateRole.SIGNED] = day(2025, 4, 5, "延期.docx")
    out = run("period_between", args, facts)
    assert out.status == Status.FAIL and "于2025年4月5日作出，已在原期限届满之后" in out.message
    extension.dates[DateRole.SIGNED] = day(2025, 4, 1, "延期.docx")
    assert run("period_between", args, facts).status == Status.PASS


R18 = {"start": "decision_date", "end": "delivery_date", "limit": "delivery_working_days", "unit": "working_days"}


def test_period_between_working_days_over_national_day():
    facts = clean_case()
    facts.elements.decision_date = day(2025, 9, 30, "09决定书.docx")
    facts.elements.delivery_date = day(2025, 10, 16, "10送达回证.docx")  # 7th working day
    assert run("period_between", R18, facts).status == Status.PASS
    facts.elements.delivery_date = day(2025, 10, 17, "10送达回证.docx")
    out = run("period_between", R18, facts)
    assert out.status == Status.FAIL and "期限届满日2025年10月16日" in out.message and "第8个工作日" in out.message


def test_period_between_missing_dates():
    facts = clean_case()
    facts.elements.delivery_date = None
    for d in facts.of_kind(DocKind.SERVICE_RECEIPT):
        d.dates.clear()
    assert run("period_between", R18, facts).status == Status.UNKNOWN  # receipt present, date unread
    assert run("period_between", R18, drop(facts, DocKind.SERVICE_RECEIPT)).status == Status.NA
    r02 = {"start": "source_date", "end": "filing_date", "limit": "filing_working_days", "unit": "working_days",
           "if_missing": "na"}
    facts = clean_case()
    facts.elements.source_date = None
    doc_of(facts, DocKind.CASE_SOURCE).dates.clear()
    assert run("period_between", r02, facts).status == Status.NA


def test_period_between_years_v07():
    v07 = {"start": "violation_date", "end": "filing_date", "limit": "limitation_years", "unit": "years",
           "if_missing": "na"}
    facts = clean_case()
    assert run("period_between", v07, facts).status == Status.NA  # violation date unknown
    facts.elements.violation_date = day(2023, 3, 5)
    assert run("period_between", v07, facts).status == Status.PASS  # exactly two years
    facts.elements.violation_date = day(2023, 3, 4)
    assert run("period_between", v07, facts).status == Status.FAIL


R14 = {"start": "notice_served_date", "start_lower_bound": "notice_date", "end": "decision_date",
       "limit": "defense_period_working_days", "limit_if_hearing_right": "defense_period_hearing_working_days",
       "hearing_threshold": "hearing_fine_threshold", "unit": "working_days", "mode": "min", "waived_by": "waiver"}


def test_period_between_min_mode_defense_period():
    facts = clean_case()
    facts.elements.notice_served_date = day(2025, 4, 2)
    # served Wed 2 April; 清明 4–6 April: working days Thu 3, Mon 7, Tue 8
    facts.elements.decision_date = day(2025, 4, 8, "09决定书.docx")
    assert run("period_between", R14, facts).status == Status.PASS
    facts.elements.decision_date = day(2025, 4, 7, "09决定书.docx")
    out = run("period_between", R14, facts)
    assert out.status == Status.FAIL and "不足3个工作日" in out.message
    facts.elements.waiver = found("本人放弃陈述申辩", "放弃声明.docx")
    assert run("period_between", R14, facts).status == Status.PASS


def test_period_between_min_mode_hearing_right_gives_five_days():
    facts = clean_case()
    facts.elements.notice_served_date = day(2025, 4, 2)
    facts.elements.decision_date = day(2025, 4, 8, "09决定书.docx")
    facts.elements.fine_amount = found(Decimal(60000))  # ≥ 50000 for an organisation
    out = run("period_between", R14, facts)
    assert out.status == Status.FAIL and "不足5个工作日" in out.message


def test_period_between_lower_bound_proves_shortfall_when_served_date_unknown():
    facts = clean_case()
    facts.elements.notice_served_date = None
    facts.elements.decision_date = day(2025, 4, 2, "09决定书.docx")  # notice dated 1 April
    out = run("period_between", R14, facts)
    assert out.status == Status.FAIL and "告知（2025年4月1日）" in out.message
    facts.elements.decision_date = day(2025, 4, 30, "09决定书.docx")
    assert run("period_between", R14, facts).status == Status.UNKNOWN


# --------------------------------------------------------------------------- threshold_requirement

V05 = {"threshold": "major_case_fine_threshold", "requires": [{"kind": "legal_review"}], "what": "法制审核意见"}
V04 = {"threshold": "hearing_fine_threshold",
       "requires": [{"kind": "hearing_notice"}, {"kind": "penalty_notice", "element": "hearing_right"}]}


def test_threshold_requirement_by_party_kind():
    facts = clean_case()
    assert run("threshold_requirement", V05, facts).status == Status.NA  # 20000 < 100000 (organisation)
    facts.elements.party_kind = "individual"  # 20000 ≥ 10000 (individual)
    out = run("threshold_requirement", V05, facts)
    assert out.status == Status.FAIL and out.message == "罚款20000元达到个人10000元的标准，但卷内未见法制审核意见"
    assert out.evidence.source_file == ""
    facts.documents.append(DocFacts("法审.docx", DocKind.LEGAL_REVIEW, "法制审核意见书"))
    assert run("threshold_requirement", V05, facts).status == Status.PASS


def test_threshold_requirement_unknown_party_kind_between_thresholds():
    facts = clean_case()
    facts.elements.party_kind = None
    for d in facts.documents:
        d.party_kind = None
    assert run("threshold_requirement", V05, facts).status == Status.UNKNOWN


def test_threshold_requirement_element_in_document():
    facts = clean_case()
    facts.elements.fine_amount = found(Decimal(50000))  # at the threshold: "at or above"
    assert run("threshold_requirement", V04, facts).status == Status.FAIL
    doc_of(facts, DocKind.PENALTY_NOTICE).hearing_right = found("你单位有权要求举行听证", "07告知书.docx")
    assert run("threshold_requirement", V04, facts).status == Status.PASS


# --------------------------------------------------------------------------- record_officers (R04)


def test_record_officers_per_record():
    facts = clean_case()
    assert run("record_officers", {}, facts).status == Status.PASS
    facts.documents.append(record("13笔录.docx", officers=officers("13笔录.docx", ("张三", "11010012345"), ("李四", None))))
    facts.documents.append(record("14笔录.docx", officers=officers("14笔录.docx", ("张三", "1"), ("张三", "1"))))
    out = run("record_officers", {}, facts)
    assert out.status == Status.FAIL and out.occurrences == 2
    assert "李四未载明执法证号" in out.message and out.evidence.source_file == "13笔录.docx"
    assert out.evidence.quote == officers("13笔录.docx", ("张三", "11010012345"))[0].evidence.quote  # its line
    bare = clean_case()
    bare.documents.append(record("15笔录.docx", officers=[]))  # no officer line read: nothing to quote
    out = run("record_officers", {}, bare)
    assert out.status == Status.FAIL and out.evidence.source_file == "15笔录.docx" and out.evidence.quote == ""
    assert run("record_officers", {}, drop(facts, DocKind.INQUIRY_RECORD, DocKind.INSPECTION_RECORD)).status == Status.NA


# --------------------------------------------------------------------------- record_fields (R05, R06)


def test_record_fields():
    facts = clean_case()
    assert run("record_fields", {"fields": ["time_span", "place"]}, facts).status == Status.PASS
    # precision first: a field is missing only when its label was read (a start time alone, a blank place) …
    unlabelled = record("13笔录.docx", time_span=None)
    facts.documents.append(unlabelled)
    out = run("record_fields", {"fields": ["time_span", "place"]}, facts)
    assert out.status == Status.UNKNOWN and out.message == "未能在询问笔录（13笔录.docx）中识别‘起止时间（到分）’"
    unlabelled.fields = {"时间": found("2025年3月6日9时30分", "13笔录.docx")}
    facts.documents.append(record("14笔录.docx", place=None, signed_by_party=found(False, "14笔录.docx"),
                                  fields={"地点": found("", "14笔录.docx", "地点：")}))
    out = run("record_fields", {"fields": ["time_span", "place"]}, facts)
    assert out.status == Status.FAIL and out.occurrences == 2 and "起止时间" in out.message
    assert out.evidence.quote == "2025年3月6日9时30分"
    out = run("record_fields", {"fields": ["signed_by_party"]}, facts)
    assert out.status == Status.FAIL and out.occurrences == 1 and out.evidence.source_file == "14笔录.docx"


# --------------------------------------------------------------------------- form_fields (R03, R25)

R03 = {"kinds": ["filing_approval"], "fields": [
    {"name": "当事人", "attrs": ["party_name"]},
    {"name": "案件来源", "labels": ["案件来源", "案源"]},
    {"name": "案由或简要案情", "labels": ["案由", "简要案情"]},
    {"name": "承办人", "labels": ["承办人"], "attrs": ["officers"]},
    {"name": "负责人审批意见和日期", "labels": ["负责人审批意见"], "and_dates": ["approval"]}]}


def test_form_fields_each_missing_field_counts():
    facts = clean_case()
    assert run("form_fields", R03, facts).status == Status.PASS
    form = doc_of(facts, DocKind.FILING_APPROVAL)
    # precision first: a label not found (wrapped in its cell, another synonym) is unknown, not missing
    del form.fields["案件来源"]
    out = run("form_fields", R03, facts)
    assert out.status == Status.UNKNOWN and out.message == f"未能在立案审批表（{form.source_file}）中识别‘案件来源’栏"
    # a label read with an empty value is the positive evidence of a blank field
    form.fields["案件来源"] = found("", form.source_file, "案件来源：")
    form.fields["负责人审批意见"] = found("", form.source_file, "负责人审批意见：")
    out = run("form_fields", R03, facts)
    assert out.status == Status.FAIL and out.occurrences == 2
    assert "案件来源" in out.message and "负责人审批意见和日期" in out.message
    assert out.evidence.quote == "案件来源："


def test_form_fields_unreadable_form_is_unknown():
    facts = clean_case()
    form = doc_of(facts, DocKind.FILING_APPROVAL)
    form.fields.clear()
    out = run("form_fields", {"kinds": ["filing_approval"], "fields": ["案件来源", "案由"]}, facts)
    assert out.status == Status.UNKNOWN


def test_form_fields_dates_r25():
    r25 = {"kinds": ["decision", "closing_approval"],
           "fields": [{"name": "落款日期", "labels": ["结案日期"], "dates": ["signed", "decision", "closing"]}]}
    facts = clean_case()
    assert run("form_fields", r25, facts).status == Status.PASS
    closing = doc_of(facts, DocKind.CLOSING_APPROVAL)
    closing.dates.clear()
    assert run("form_fields", r25, facts).status == Status.UNKNOWN  # no date read, no date label found
    closing.fields["结案日期"] = found("", closing.source_file, "结案日期：")
    out = run("form_fields", r25, facts)
    assert out.status == Status.FAIL and "结案审批表" in out.message and out.occurrences == 1


# --------------------------------------------------------------------------- consistency (R21, R22)


def test_consistency_case_no():
    args = {"fields": ["case_no"], "kinds": ["service_receipt", "closing_approval", "cover"]}
    facts = clean_case()
    assert run("consistency", args, facts).status == Status.PASS
    closing = doc_of(facts, DocKind.CLOSING_APPROVAL)
    closing.cited_case_nos = [found("京朝市监罚〔2025〕21号", "12结案审批表.docx")]
    out = run("consistency", args, facts)
    assert out.status == Status.FAIL and "京朝市监罚〔2025〕21号" in out.message and CASE_NO in out.message
    assert out.evidence.source_file == "12结案审批表.docx"


def test_consistency_case_no_ignores_width_and_spaces():
    facts = clean_case()
    doc_of(facts, DocKind.CLOSING_APPROVAL).cited_case_nos = [found("京朝市监罚〔２０２５〕 12号", "12结案审批表.docx")]
    assert run("consistency", {"fields": ["case_no"]}, facts).status == Status.PASS


def test_consistency_party_name_and_masked_id():
    facts = clean_case()
    doc_of(facts, DocKind.PARTY_IDENTITY).party_id = found("91410185**********", "05营业执照.pdf")
    assert run("consistency", {"fields": ["party_name", "party_id"]}, facts).status == Status.PASS
    doc_of(facts, DocKind.PENALTY_NOTICE).party_name = found("北京某某餐饮公司", "07告知书.docx")
    out = run("consistency", {"fields": ["party_name", "party_id"]}, facts)
    assert out.status == Status.FAIL and out.evidence.source_file == "07告知书.docx" and PARTY in out.message


# --------------------------------------------------------------------------- format_check


@pytest.mark.parametrize("code", ["914101850572028342", "91120116697415782C", "92430621MA4RE6UX2M",
                                  "93211221MA0U20A84Q", "9121012406473197XW", "91430102**********"])
def test_format_check_valid_and_masked_codes(code):
    facts = clean_case()
    facts.elements.party_id = found(code)
    for d in facts.documents:
        d.party_id = None
    assert run("format_check", {}, facts).status == Status.PASS


def test_format_check_bad_check_character():
    facts = clean_case()
    doc_of(facts, DocKind.DECISION).party_id = found("914101850572028343", "09决定书.docx")
    out = run("format_check", {}, facts)
    assert out.status == Status.FAIL and "校验位错误（应为2）" in out.message
    assert out.evidence.source_file == "09决定书.docx"


def test_format_check_individual_id_not_judged_as_credit_code():
    facts = clean_case()
    facts.elements.party_kind = "individual"
    facts.elements.party_id = found("11010519491231002X")
    for d in facts.documents:
        d.party_id = None
    assert run("format_check", {}, facts).status == Status.PASS


# --------------------------------------------------------------------------- amount_compare


def test_amount_compare_upper_vs_figures():
    facts = clean_case()
    assert run("amount_compare", {"mode": "upper_vs_figures"}, facts).status == Status.PASS
    doc_of(facts, DocKind.DECISION).amounts.append(
        AmountPair(Decimal(52000), Decimal(25000), ev("09决定书.docx", "罚款伍万贰仟元（¥25000元）", page=2)))
    out = run("amount_compare", {"mode": "upper_vs_figures"}, facts)
    assert out.status == Status.FAIL and "52000元" in out.message and out.evidence.position.page == 2


def test_amount_compare_decision_vs_notice_v11():
    facts = clean_case()
    assert run("amount_compare", {"mode": "decision_vs_notice"}, facts).status == Status.PASS
    facts.elements.fine_amount = found(Decimal(30000), "09决定书.docx", "罚款叁万元")
    out = run("amount_compare", {"mode": "decision_vs_notice"}, facts)
    assert out.status == Status.FAIL and "决定罚款30000元高于告知书拟罚款20000元" in out.message
    assert out.evidence.source_file == "09决定书.docx"
    # a second notice with the higher amount is the new notice
    facts.documents.append(DocFacts("15再次告知.docx", DocKind.PENALTY_NOTICE, "行政处罚事先告知书",
                                    fine=found(Decimal(30000), "15再次告知.docx")))
    assert run("amount_compare", {"mode": "decision_vs_notice"}, facts).status == Status.PASS


# --------------------------------------------------------------------------- officers_qualified (V02)


def test_officers_qualified_without_roster():
    facts = clean_case()
    assert run("officers_qualified", {}, facts).status == Status.PASS
    for d in facts.documents:
        d.officers = officers(d.source_file, ("张三", "11010012345"), ("李四", None)) if d.officers else []
    out = run("officers_qualified", {}, facts)
    assert out.status == Status.FAIL and "1人持证" in out.message and out.evidence.source_file


def test_officers_qualified_with_roster():
    roster = Roster((RosterEntry("张三", "11010012345", "区市场监管局", date(2020, 1, 1), date(2026, 12, 31)),
                     RosterEntry("李四", "11010012346", "区市场监管局", date(2020, 1, 1), date(2025, 3, 1))))
    facts = clean_case()
    out = run("officers_qualified", {}, facts, roster=roster)
    assert out.status == Status.FAIL and "李四" in out.message and "不在有效期内" in out.message
    roster = Roster((roster.entries[0], RosterEntry("李四", "11010012346")))
    assert run("officers_qualified", {}, facts, roster=roster).status == Status.PASS
    roster = Roster((roster.entries[0], RosterEntry("李四", "99999")))
    out = run("officers_qualified", {}, facts, roster=roster)
    assert out.status == Status.FAIL and "与名册" in out.message
    out = run("officers_qualified", {}, facts, roster=Roster((roster.entries[0],)))
    assert out.status == Status.FAIL and "李四不在执法人员名册中" in out.message


def test_load_roster_xlsx(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["姓名", "执法证号", "单位", "有效期起", "有效期止"])
    sheet.append(["张三", "11010012345", "区市场监管局", datetime(2020, 1, 1), "2026-12-31"])
    sheet.append([None, None, None, None, None])
    path = tmp_path / "roster.xlsx"
    book.save(path)
    roster = load_roster(path)
    assert roster.by_name(" 张三")[0].valid_to == date(2026, 12, 31)
    assert roster.by_name("张三")[0].valid_on(date(2025, 6, 1))


# --------------------------------------------------------------------------- contents kinds


def test_decision_contents_art59():
    facts = clean_case()
    assert run("contents", {"document": "decision"}, facts).status == Status.PASS
    decision = doc_of(facts, DocKind.DECISION)
    decision.remedies = None
    decision.party_address = None
    out = run("contents", {"document": "decision"}, facts)
    assert out.status == Status.FAIL and out.occurrences == 2 and "救济途径和期限" in out.message


def test_decision_contents_prose_parts_are_noted_not_deducted():
    facts = clean_case()
    for kind in (DocKind.DECISION, DocKind.PENALTY_NOTICE):  # no prose read anywhere: cannot tell
        doc_of(facts, kind).fields.clear()
    out = run("contents", {"document": "decision", "parts": ["facts_evidence", "remedies"]}, facts)
    assert out.status == Status.PASS and "违法事实和证据未能自动核对" in out.message


def test_prose_missing_where_the_same_case_shows_it_read():
    """R13/R11: the decision's 违法事实 was read, so a notice without it lacks it (1 point each, not noted)."""
    facts = clean_case()
    doc_of(facts, DocKind.PENALTY_NOTICE).fields.clear()
    doc_of(facts, DocKind.PENALTY_NOTICE).violated.clear()
    doc_of(facts, DocKind.PENALTY_NOTICE).penalty_basis.clear()
    out = run("contents", {"document": "penalty_notice"}, facts)
    assert out.status == Status.FAIL and out.occurrences == 2, out
    assert "缺违法事实、处罚依据" in out.message
    facts = clean_case()
    del doc_of(facts, DocKind.DECISION).fields["证据"]  # the notice shows no 证据 field: cannot tell
    assert run("contents", {"document": "decision", "parts": ["facts_evidence"]}, facts).status == Status.PASS


def test_receipt_contents_unread_form_is_unknown():
    facts = clean_case()
    for d in facts.of_kind(DocKind.SERVICE_RECEIPT):
        d.fields.clear()
    out = run("contents", {"document": "service_receipt", "parts": ["manner"]}, facts)
    assert out.status == Status.UNKNOWN and "送达方式" in out.message


def test_notice_contents():
    facts = clean_case()
    assert run("contents", {"document": "penalty_notice"}, facts).status == Status.PASS
    notice = doc_of(facts, DocKind.PENALTY_NOTICE)
    notice.defense_period_days = None  # the right read, its period not: often in the next sentence
    out = run("contents", {"document": "penalty_notice"}, facts)
    assert out.status == Status.UNKNOWN and "陈述申辩权利及期限" in out.message
    notice.defense_right = None
    out = run("contents", {"document": "penalty_notice"}, facts)
    assert out.status == Status.FAIL and "陈述申辩权利及期限" in out.message


def test_receipt_contents():
    facts = clean_case()
    assert run("contents", {"document": "service_receipt"}, facts).status == Status.PASS
    receipt = doc_of(facts, DocKind.SERVICE_RECEIPT, 1)
    receipt.signed_by_party = found(False, "10送达回证.docx")
    receipt.place = None
    receipt.fields["送达地点"] = found("", "10送达回证.docx", "送达地点：")  # read blank
    out = run("contents", {"document": "service_receipt"}, facts)
    assert out.status == Status.FAIL and out.occurrences == 2 and out.evidence.source_file == "10送达回证.docx"
    assert out.evidence.quote == "送达地点："  # the deficient line itself, not the receipt's title


# --------------------------------------------------------------------------- legal_basis


def test_legal_basis_any_and_complete():
    facts = clean_case()
    assert run("legal_basis", {"require": "any"}, facts).status == Status.PASS
    assert run("legal_basis", {"require": "complete"}, facts).status == Status.PASS
    decision = doc_of(facts, DocKind.DECISION)
    decision.penalty_basis = [found(provision(article=None), "09决定书.docx")]
    out = run("legal_basis", {"require": "complete"}, facts)
    assert out.status == Status.FAIL and "未具体到条款项" in out.message
    decision.violated, decision.penalty_basis = [], []
    out = run("legal_basis", {"require": "any"}, facts)
    assert out.status == Status.FAIL and out.evidence.source_file == "09决定书.docx"
    assert out.evidence.quote == "" and decision.title not in out.evidence.quote  # no line to quote: none
    out = run("legal_basis", {"require": "complete"}, facts)
    assert out.status == Status.FAIL and out.evidence.quote == ""


# --------------------------------------------------------------------------- manual, all_of


def test_manual():
    out = run("manual", {"prompt": "核对职权"}, clean_case())
    assert out.status == Status.MANUAL and "核对职权" in out.message


R16 = {"rules": [
    {"kind": "period_between", "args": {"start": ["hearing_notice", "hearing_notice.signed"], "end": "hearing_date",
                                        "limit": "hearing_notice_working_days", "unit": "working_days", "mode": "min",
                                        "when": {"hearing_held": True}}},
    {"kind": "document_present", "args": {"kinds": ["hearing_record"], "when": {"hearing_held": True}}}]}


def test_all_of_hearing_procedure():
    facts = clean_case()
    assert run("all_of", R16, facts).status == Status.NA  # no hearing
    facts.elements.hearing_date = day(2025, 4, 10)
    facts.documents.append(DocFacts("听证通知书.docx", DocKind.HEARING_NOTICE, "听证通知书",
                                    dates={DateRole.SIGNED: day(2025, 4, 3, "听证通知书.docx")}))
    out = run("all_of", R16, facts)  # notice 3 April, hearing 10 April: 4 working days; no 听证笔录
    assert out.status == Status.FAIL and out.occurrences == 2
    assert "提前不足" not in out.message and "不足7个工作日" in out.message and "听证笔录" in out.message


def test_each_kind_is_the_module_named_after_it():
    """The registry is the list of kinds: one per public module of scoring/rules/, named as the module."""
    import pkgutil

    import scoring.rules
    from scoring.rules import REGISTRY

    modules = {m.name for m in pkgutil.iter_modules(scoring.rules.__path__) if not m.name.startswith("_")}
    assert {kind.check.__module__ for kind in REGISTRY.values()} == {
        f"scoring.rules.{name}" for name in modules - scoring.rules.SUPPORT
    }
    assert all(kind.check.__module__ == f"scoring.rules.{name}" for name, kind in REGISTRY.items())


def test_a_missing_receipt_attested_by_the_closing_report_is_a_question_not_a_deduction():
    args = {"kinds": ["payment_receipt", "payment_reminder", "enforcement_application"],
            "attested_by": ["执行情况"], "attested_words": ["已[^。；]{0,20}缴[纳清付]"]}
    facts = drop(clean_case(), DocKind.PAYMENT_RECEIPT)
    assert run("document_present", args, facts).status is Status.FAIL  # nothing attests it
    closing = doc_of(facts, DocKind.CLOSING_APPROVAL)
    closing.fields["执行情况"] = found("当事人已于2024年11月8日缴纳罚款120000元", closing.source_file)
    outcome = run("document_present", args, facts)
    assert outcome.status is Status.UNKNOWN
    assert "载明“当事人已于2024年11月8日缴纳罚款120000元”" in outcome.message


def test_document_present_a_statement_anywhere_attests_the_missing_document():
    """An inspection without a 检查通知书 whose record says 扫码亮证: the 执法码 stands for the notice — unknown with
    the sentence quoted, never a deduction."""
    facts = clean_case()
    record = DocFacts("05记录.docx", DocKind.INSPECTION_RECORD, "现场检查记录")
    facts.documents.append(record)
    args = {"kinds": ["inspection_notice"], "attested_by_statement": ["code_shown"]}
    assert run("document_present", args, facts).status == Status.FAIL
    record.code_shown = Found("扫码亮证", Evidence("05记录.docx", Position(paragraph=2), "检查人员到达现场后扫码亮证"))
    out = run("document_present", args, facts)
    assert out.status == Status.UNKNOWN and "扫码亮证" in out.message
    assert out.evidence.quote == "检查人员到达现场后扫码亮证"
