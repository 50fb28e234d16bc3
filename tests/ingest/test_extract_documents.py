"""Document-level extraction: Documents with blocks and positions → DocFacts values and evidence."""

from __future__ import annotations

import pickle
from datetime import date, datetime
from decimal import Decimal

from ingest.extract import extract_case, extract_document
from ingest.glossary import DocKind
from ingest.model import DateRole, Document, Dossier, Position, TextBlock


def _doc(kind: DocKind, title: str, lines: list[str], source: str = "x.docx", table_rows: set[int] = frozenset()) -> Document:
    blocks = [
        TextBlock(text, Position(paragraph=i + 1), in_table=i in table_rows) for i, text in enumerate(lines)
    ]
    return Document(source_file=source, file_format="docx", blocks=blocks, kind=kind, title=title)


DECISION_LINES = [
    "北京市朝阳区生态环境局",
    "行政处罚决定书",
    "京朝环罚字〔2024〕15号",
    "当事人：北京某某科技有限公司",
    "统一社会信用代码：914101850572028342",
    "法定代表人：王某",
    "住所：北京市朝阳区某某路1号",
    "本机关于2024年3月5日对你单位进行现场检查，发现你单位于2024年3月1日起未经批准擅自排放大气污染物。",
    "本机关于2024年4月2日向你单位送达了《行政处罚事先告知书》（京朝环罚告字〔2024〕9号），你单位在规定期限内未提出陈述申辩。",
    "你单位的上述行为违反了《中华人民共和国大气污染防治法》第十八条的规定。依据《中华人民共和国大气污染防治法》第九十九条第（二）项的规定，本机关决定对你单位作出如下行政处罚：",
    "罚款人民币伍万贰仟壹佰贰拾元整（¥52120元）。",
    "根据《中华人民共和国行政处罚法》第六十七条的规定，罚款应当自收到本决定书之日起十五日内缴至指定银行。",
    "如不服本处罚决定，可在收到本决定书之日起六十日内向北京市朝阳区人民政府申请行政复议，也可以在六个月内向北京市朝阳区人民法院提起行政诉讼。",
    "北京市朝阳区生态环境局（印章）",
    "2024年4月20日",
]


def test_decision_facts_and_evidence() -> None:
    facts = extract_document(_doc(DocKind.DECISION, "行政处罚决定书", DECISION_LINES, "决定书.docx"))
    assert facts.own_no is not None and facts.own_no.value == "京朝环罚字〔2024〕15号"
    assert facts.own_no.evidence.position == Position(paragraph=3)
    assert facts.own_no.evidence.source_file == "决定书.docx"
    assert facts.agency is not None and facts.agency.value == "北京市朝阳区生态环境局"
    assert facts.party_name is not None and facts.party_name.value == "北京某某科技有限公司"
    assert facts.party_name.evidence.position == Position(paragraph=4)
    assert "北京某某科技有限公司" in facts.party_name.evidence.quote
    assert facts.party_kind == "organisation"
    assert facts.party_id is not None and facts.party_id.value == "914101850572028342"
    assert facts.party_address is not None and facts.party_address.value == "北京市朝阳区某某路1号"
    assert facts.party_representative is not None and facts.party_representative.value == "王某"
    assert facts.dates[DateRole.DECISION].value == date(2024, 4, 20)
    assert facts.dates[DateRole.DECISION].evidence.position == Position(paragraph=15)
    assert facts.dates[DateRole.SIGNED].value == date(2024, 4, 20)
    assert facts.dates[DateRole.VIOLATION].value == date(2024, 3, 1)
    assert facts.dates[DateRole.NOTICE_SERVED].value == date(2024, 4, 2)
    assert facts.fine is not None and facts.fine.value == Decimal("52120")
    assert facts.fine.evidence.position == Position(paragraph=11)
    assert "伍万贰仟壹佰贰拾元" in facts.fine.evidence.quote
    assert [(a.upper, a.figures) for a in facts.amounts] == [(Decimal("52120"), Decimal("52120"))]
    assert [v.value.article for v in facts.violated] == [18]
    basis = facts.penalty_basis[0].value
    assert (basis.law, basis.article, basis.clause, basis.item) == ("中华人民共和国大气污染防治法", 99, None, 2)
    assert len(facts.penalty_basis) == 1  # 行政处罚法 第六十七条 (payment) is not the penalty basis
    assert facts.penalty_basis[0].evidence.position == Position(paragraph=10)
    assert facts.remedies is not None and "行政复议" in facts.remedies.value
    assert facts.review_body is not None and facts.review_body.value == "北京市朝阳区人民政府"
    assert facts.payment_terms is not None and "十五日内" in facts.payment_terms.value
    assert [c.value for c in facts.cited_case_nos] == []  # the notice number is not a decision number


def test_salutation_style_notice() -> None:
    lines = [
        "北京市朝阳区城市管理综合行政执法局",
        "行政处罚事先告知书",
        "京朝城管罚告字［2024］第0009号",
        "张三：",
        "经查，你于2024年2月10日在本市朝阳区某路擅自占道经营。",
        "你的行为违反了《北京市市容环境卫生条例》第二十九条第一款的规定，依据《北京市市容环境卫生条例》第五十八条，本机关拟对你作出罚款伍佰元（¥500元）的行政处罚。",
        "根据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，你有权进行陈述和申辩，可在收到本告知书之日起三个工作日内向本机关提出。逾期未提出的，视为放弃上述权利。",
        "北京市朝阳区城市管理综合行政执法局",
        "二〇二四年三月一日",
    ]
    facts = extract_document(_doc(DocKind.PENALTY_NOTICE, "行政处罚事先告知书", lines))
    assert facts.own_no is not None and facts.own_no.value == "京朝城管罚告字［2024］第0009号"
    assert facts.party_name is not None and facts.party_name.value == "张三"
    assert facts.party_kind == "individual"
    assert facts.dates[DateRole.NOTICE].value == date(2024, 3, 1)
    assert facts.dates[DateRole.VIOLATION].value == date(2024, 2, 10)
    assert facts.fine is not None and facts.fine.value == Decimal("500")
    assert facts.defense_right is not None and facts.defense_period_days == 3
    assert facts.hearing_right is None
    assert facts.waiver is None  # "视为放弃" is the notice's wording, not a waiver
    assert facts.penalty_basis[0].value.article == 58
    assert facts.violated[0].value.clause == 1


def test_inspection_record_with_officer_table() -> None:
    lines = [
        "现场检查笔录",
        "检查时间：2024年3月5日9时30分至10时15分",
        "检查地点：北京市朝阳区某某路1号",
        "被检查单位：北京某某科技有限公司",
        "执法人员\t张三\t执法证号\t11010012345",
        "执法人员\t李四\t执法证号\t11010012346",
        "记录人：王五",
        "检查情况：现场发现该单位喷涂车间未安装污染防治设施。",
        "被检查人签名：赵六    2024年3月5日",
    ]
    facts = extract_document(_doc(DocKind.INSPECTION_RECORD, "现场检查笔录", lines, "笔录.docx", {4, 5}))
    assert [(o.name, o.cert_no) for o in facts.officers] == [
        ("张三", "11010012345"), ("李四", "11010012346"), ("王五", None),
    ]  # fmt: skip
    assert facts.officers[1].evidence.position == Position(paragraph=6)
    assert facts.time_span is not None
    assert facts.time_span.value == (datetime(2024, 3, 5, 9, 30), datetime(2024, 3, 5, 10, 15))
    assert facts.time_span.evidence.position == Position(paragraph=2)
    assert facts.dates[DateRole.RECORD_START].value == date(2024, 3, 5)
    assert facts.place is not None and facts.place.value == "北京市朝阳区某某路1号"
    assert facts.signed_by_party is not None and facts.signed_by_party.value is True
    assert facts.signed_by_party.evidence.position == Position(paragraph=9)
    assert facts.party_name is not None and facts.party_name.value == "北京某某科技有限公司"


def test_inquiry_record_signature_blank_or_refused() -> None:
    base = [
        "询问笔录",
        "询问时间：2024年3月6日14时00分至2024年3月6日15时20分",
        "询问地点：本局询问室",
        "询问人：张三（执法证号：11010012345）、李四（执法证号：11010012346）",
        "问：你是否清楚我们的身份？答：清楚。",
    ]
    blank = extract_document(_doc(DocKind.INQUIRY_RECORD, "询问笔录", [*base, "被询问人签名：__________"]))
    assert blank.signed_by_party is not None and blank.signed_by_party.value is False
    refused = extract_document(_doc(DocKind.INQUIRY_RECORD, "询问笔录", [*base, "被询问人签名：", "备注：被询问人拒绝签名。"]))
    assert refused.signed_by_party is not None and refused.signed_by_party.value is True
    assert "拒绝签名" in refused.signed_by_party.evidence.quote
    assert blank.time_span is not None and blank.time_span.value[1] == datetime(2024, 3, 6, 15, 20)
    assert [o.name for o in blank.officers] == ["张三", "李四"]


def test_service_receipt() -> None:
    lines = [
        "送达回证",
        "送达文书名称及文号\t行政处罚决定书（京朝环罚字〔2024〕15号）",
        "受送达人\t北京某某科技有限公司",
        "送达地点\t北京市朝阳区某某路1号",
        "送达方式\t直接送达",
        "送达时间\t2024年4月22日10时",
        "受送达人签名\t王某",
        "送达人\t张三、李四",
    ]
    facts = extract_document(_doc(DocKind.SERVICE_RECEIPT, "送达回证", lines, "送达回证.pdf", set(range(1, 8))))
    assert facts.served_document is not None and "行政处罚决定书" in facts.served_document.value
    assert facts.dates[DateRole.DELIVERY].value == date(2024, 4, 22)
    assert facts.dates[DateRole.DELIVERY].evidence.position == Position(paragraph=6)
    assert [c.value for c in facts.cited_case_nos] == ["京朝环罚字〔2024〕15号"]
    assert facts.own_no is None
    for label in ("送达文书", "受送达人", "送达地点", "送达方式", "送达日期", "受送达人签名"):
        assert label in facts.fields, label
    assert facts.fields["送达方式"].value == "直接送达"


def test_extract_case_merges_documents() -> None:
    filing = _doc(
        DocKind.FILING_APPROVAL,
        "立案审批表",
        ["立案审批表", "当事人\t北京某某科技有限公司", "案件来源\t日常检查", "案由\t涉嫌未经批准排放大气污染物",
         "承办人\t张三、李四", "负责人审批意见\t同意立案。王某某 2024年3月8日"],
        "立案审批表.docx",
        {1, 2, 3, 4, 5},
    )  # fmt: skip
    source = _doc(DocKind.CASE_SOURCE, "案件来源登记表", ["案件来源登记表", "登记时间：2024年3月5日", "案件来源：日常检查"])
    notice = _doc(
        DocKind.PENALTY_NOTICE,
        "行政处罚事先告知书",
        ["行政处罚事先告知书", "京朝环罚告字〔2024〕9号", "北京某某科技有限公司：",
         "本机关拟对你单位处以罚款人民币50000元。", "你单位可在收到本告知书之日起五个工作日内提出陈述、申辩，并有权要求听证。",
         "北京市朝阳区生态环境局", "2024年4月1日"],
        "告知书.docx",
    )  # fmt: skip
    record = _doc(
        DocKind.INSPECTION_RECORD,
        "现场检查笔录",
        ["现场检查笔录", "时间：2024年3月5日9时30分至10时15分", "执法人员：张三（执法证号：11010012345）、李四（执法证号：11010012346）"],
        "笔录.docx",
    )  # fmt: skip
    decision = _doc(DocKind.DECISION, "行政处罚决定书", DECISION_LINES, "决定书.docx")
    receipt_lines = ["送达回证", "送达文书\t行政处罚决定书（京朝环罚字〔2024〕15号）", "送达时间\t2024年4月22日"]
    receipt = _doc(DocKind.SERVICE_RECEIPT, "送达回证", receipt_lines, "送达回证.docx", {1, 2})
    dossier = Dossier("单位/2024-015", "单位", documents=[receipt, decision, notice, filing, source, record])
    facts = extract_case(dossier)
    e = facts.elements
    assert e.case_no is not None and e.case_no.value == "京朝环罚字〔2024〕15号"
    assert e.case_no.evidence.source_file == "决定书.docx"
    assert e.party_name is not None and e.party_name.value == "北京某某科技有限公司"
    assert e.party_kind == "organisation"
    assert e.filing_date is not None and e.filing_date.value == date(2024, 3, 8)
    assert e.source_date is not None and e.source_date.value == date(2024, 3, 5)
    assert e.notice_no is not None and e.notice_no.value == "京朝环罚告字〔2024〕9号"
    assert e.notice_date is not None and e.notice_date.value == date(2024, 4, 1)
    assert e.notice_fine_amount is not None and e.notice_fine_amount.value == Decimal("50000")
    assert e.decision_date is not None and e.decision_date.value == date(2024, 4, 20)
    assert e.delivery_date is not None and e.delivery_date.value == date(2024, 4, 22)
    assert e.delivery_date.evidence.source_file == "送达回证.docx"
    assert e.fine_amount is not None and e.fine_amount.value == Decimal("52120")
    assert e.violation_date is not None and e.violation_date.value == date(2024, 3, 1)
    assert e.notice_served_date is not None and e.notice_served_date.value == date(2024, 4, 2)
    assert [(o.name, o.cert_no) for o in e.officers] == [("张三", "11010012345"), ("李四", "11010012346")]
    assert e.agency is not None and e.agency.value == "北京市朝阳区生态环境局"
    assert e.procedure == "general"
    assert e.review_body is not None and e.remedies is not None and e.payment_terms is not None
    filing_facts = facts.of_kind(DocKind.FILING_APPROVAL)[0]
    for label in ("当事人", "案件来源", "案由", "承办人", "负责人审批意见"):
        assert label in filing_facts.fields, label
    assert pickle.loads(pickle.dumps(facts)).elements.case_no == e.case_no


def test_summary_procedure_and_empty_dossier() -> None:
    summary = _doc(DocKind.ON_THE_SPOT_DECISION, "当场行政处罚决定书", ["当场行政处罚决定书", "京朝城管当罚决字〔2024〕88号",
                                                         "当事人：李某", "罚款人民币贰佰元（¥200元）", "2024年5月1日"])  # fmt: skip
    facts = extract_case(Dossier("u/c", "u", documents=[summary]))
    assert (facts.elements.case_type, facts.elements.procedure) == ("penalty", "summary")
    assert facts.elements.fine_amount is not None and facts.elements.fine_amount.value == Decimal("200")
    empty = extract_case(Dossier("u/e", "u"))
    assert empty.elements.case_no is None and empty.documents == []
