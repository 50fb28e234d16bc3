"""行政检查 titles as the 司法部 form texts (2025) and units' books print them, and the statement that the
officers showed their certificates (facts_inspection)."""

from __future__ import annotations

import pytest

from ingest.classify import match_title
from ingest.extract.document_facts import extract_document
from ingest.extract.fields import extract_fields
from ingest.glossary import DocKind
from ingest.model import Document, Position, TextBlock


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("行政检查审批表", DocKind.INSPECTION_APPROVAL),
        ("涉企行政检查审批表", DocKind.INSPECTION_APPROVAL),
        ("现场检查方案", DocKind.INSPECTION_APPROVAL),
        ("专项检查工作方案", DocKind.INSPECTION_APPROVAL),
        ("城镇燃气经营企业安全生产专项检查方案", DocKind.INSPECTION_APPROVAL),
        ("某市12345政务服务便民热线工单", DocKind.CASE_SOURCE),
        ("转办工单", DocKind.CASE_SOURCE),
        ("2025年度行政检查计划", DocKind.INSPECTION_PLAN),
        ("双随机抽查计划", DocKind.INSPECTION_PLAN),
        ("双随机抽取记录", DocKind.INSPECTION_PLAN),
        ("“双随机、一公开”抽查对象及执法检查人员抽取记录", DocKind.INSPECTION_PLAN),
        ("污染源日常监管“双随机”抽查记录", DocKind.INSPECTION_PLAN),
        ("抽查检查结果公示", DocKind.PUBLICATION_PROOF),
        ("行政检查通知书", DocKind.INSPECTION_NOTICE),
        ("南京市江宁区市场监督管理局行政检查通知书", DocKind.INSPECTION_NOTICE),
        ("检查结果告知书", DocKind.INSPECTION_RESULT_NOTICE),
        ("行政检查结果反馈单", DocKind.INSPECTION_RESULT_NOTICE),
        ("检查处理意见书", DocKind.INSPECTION_RESULT_NOTICE),
        ("卫生监督意见书", DocKind.INSPECTION_RESULT_NOTICE),
        ("某区卫生健康委员会卫生监督意见书", DocKind.INSPECTION_RESULT_NOTICE),
        ("整改复查意见书", DocKind.REINSPECTION),
        ("整改复查记录", DocKind.REINSPECTION),
        # the penalty file's titles keep their kinds
        ("现场检查笔录", DocKind.INSPECTION_RECORD),
        ("现场检查记录", DocKind.INSPECTION_RECORD),
        ("询问通知书", DocKind.INQUIRY_NOTICE),
        ("责令改正通知书", DocKind.RECTIFICATION_ORDER),
    ],
)
def test_inspection_titles(line: str, kind: DocKind) -> None:
    matched = match_title(line)
    assert matched is not None and matched[0] == kind, matched


def _record(*lines: str) -> Document:
    blocks = [TextBlock(t, Position(paragraph=n)) for n, t in enumerate(("现场检查笔录", *lines), start=1)]
    return Document("03检查笔录.docx", "docx", blocks, kind=DocKind.INSPECTION_RECORD, title="现场检查笔录")


@pytest.mark.parametrize(
    ("line", "shown"),
    [
        ("执法人员向被检查人出示了执法证件，告知了申请回避的权利。", "出示了执法证件"),
        ("☑已亮证", "亮证"),
        ("执法人员未出示执法证件。", None),
        ("□出示执法证件", None),
        ("执法人员依法对你单位进行检查。", None),
        # the 生态环境 record's printed sentence, said while showing the certificate
        ("我们是某区生态环境局的执法人员，这是我们的执法证件（执法证编号：3201001234），请过目确认。", "这是我们的执法证件"),
        ("这是我们的执法证件，请过目确认：☑。你应当配合调查。", "这是我们的执法证件"),
        ("这是我们的执法证件，请过目确认：□。你应当配合调查。", None),
    ],
)
def test_credentials_shown_in_a_record(line: str, shown: str | None) -> None:
    found = extract_document(_record("检查时间：2025年3月12日9时30分至10时40分", line)).credentials_shown
    assert (found.value if found else None) == shown


@pytest.mark.parametrize(
    "line",
    [
        "检查（勘验）人员：赵一鸣、钱二丽　执法证件号：3201001111、3201002222",
        "检查（勘察）人：赵一鸣（执法证号3201001111）、钱二丽（执法证号3201002222）　记录人：钱二丽",
    ],
)
def test_officers_of_a_record_serving_two_acts(line: str) -> None:
    """检查（勘验）人员 / 检查（勘察）人 (农业, 生态环境 forms) label the officers as 检查人员 does."""
    officers = extract_document(_record("检查时间：2025年3月12日9时30分至10时40分", line)).officers
    assert [(o.name, o.cert_no) for o in officers] == [("赵一鸣", "3201001111"), ("钱二丽", "3201002222")]


def test_a_pdf_record_wrapped_inside_the_certificate_sentence_goes_on() -> None:
    """A hard-wrapped PDF line "们的执法证件（执法证编号：…" looks like a label but holds an unclosed bracket: the
    sentence goes on, so the statement is read, and the wrapped half names no officer."""
    lines = ("现场检查（勘察）笔录", "检查（勘察）时间：2025年3月12日9时30分",
             "检查（勘察）人：赵一鸣（执法证号3201001111）",
             "我们是某市生态环境局某区分局的执法人员，这是我", "们的执法证件（执法证编号：3201001111），",
             "请过目确认。今天我们依法进行检查并了解有关情况，你应", "当配合调查，如实提供材料。如果你认为我们与本案有利害",
             "关系，可以申请回避。", "现场情况：喷涂车间正在生产，治理设施运行正常。")
    blocks = [TextBlock(t, Position(page=1)) for t in lines]
    doc = Document("02笔录.pdf", "pdf", blocks, kind=DocKind.INSPECTION_RECORD, title="现场检查（勘察）笔录")
    facts = extract_document(doc)
    assert facts.credentials_shown is not None and facts.credentials_shown.value == "这是我们的执法证件"
    assert [(o.name, o.cert_no) for o in facts.officers] == [("赵一鸣", "3201001111")]


def test_the_right_to_ask_officers_to_withdraw_names_no_officer() -> None:
    """"申请执法人员回避和陈述、申辩的权利": 回避 and 陈述 are not officers' names."""
    notice = Document("03通知书.docx", "docx", [TextBlock(t, Position(paragraph=n)) for n, t in enumerate(
        ("行政检查通知书", "某某有限公司：", "你单位有申请执法人员回避和陈述、申辩的权利。"), start=1)],
        kind=DocKind.INSPECTION_NOTICE, title="行政检查通知书")
    assert extract_document(notice).officers == []


@pytest.mark.parametrize(
    ("line", "label", "value"),
    [
        ("二、检查事项：营运客车技术档案、动态监控平台运行情况", "检查事项", "营运客车技术档案、动态监控平台运行情况"),
        ("3.检查依据：《某某条例》第五十八条", "检查依据", "《某某条例》第五十八条"),
        ("检查（勘察）地点：某区某路1号厂区", "地点", "某区某路1号厂区"),
        ("检查（勘验）地点：某区某路2号", "地点", "某区某路2号"),
        ("检查（勘察）人签名：赵一鸣", "检查人员签名", "赵一鸣"),
        ("执法人员签名或盖章：赵一鸣　钱二丽", "检查人员签名", "赵一鸣　钱二丽"),
        ("卫生监督员签名：赵一鸣　钱二丽", "检查人员签名", "赵一鸣　钱二丽"),
        ("当事人签名或盖章：以上记录属实。孙某某　2025年3月20日", "被检查人签名", "以上记录属实。孙某某　2025年3月20日"),
        ("被检查单位现场负责人（签名）：孙某某　2025年9月18日", "被检查人签名", "孙某某　2025年9月18日"),
        ("被检查（勘察）单位意见：以上记录属实。孙某某　2025年7月10日", "被检查人签名", "以上记录属实。孙某某　2025年7月10日"),
    ],
)
def test_sector_record_and_plan_labels(line: str, label: str, value: str) -> None:
    """The 农业, 生态环境, 应急 and 卫生 forms' own labels, and a 检查方案's numbered parts, are read as the
    standard's boxes."""
    hit = extract_fields([line]).get(label)
    assert hit is not None and hit.value == value, hit


def test_party_of_a_record_labelled_with_its_bracketed_act() -> None:
    """被检查（勘察）单位 (生态环境 form) names the inspected party as 被检查单位 does."""
    facts = extract_document(_record("检查时间：2025年3月12日9时30分至10时40分",
                                     "被检查（勘察）单位：某市某某食品加工有限公司",
                                     "统一社会信用代码：91320115MA22H6Q827"))
    assert facts.party_name is not None and facts.party_name.value == "某市某某食品加工有限公司"
    assert facts.party_id is not None and facts.party_id.value == "91320115MA22H6Q827"


def test_party_ends_before_a_label_with_a_slash() -> None:
    """卫生监督意见书: "被监督人：X公司　法定代表人/负责人：Y" — the party is X公司."""
    doc = Document("04意见书.docx", "docx", [TextBlock(t, Position(paragraph=n)) for n, t in enumerate(
        ("卫生监督意见书", "被监督人：某市某某游泳健身有限公司　法定代表人/负责人：孙某某", "监督意见：请于7月23日前改正。"),
        start=1)], kind=DocKind.INSPECTION_RESULT_NOTICE, title="卫生监督意见书")
    facts = extract_document(doc)
    assert facts.party_name is not None and facts.party_name.value == "某市某某游泳健身有限公司"
