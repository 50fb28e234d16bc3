"""Classification by title lines (never by file name) and splitting of combined files."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.classify import classify, match_title, split_documents
from ingest.glossary import DocKind
from ingest.model import Document, Position, TextBlock
from ingest.readers import read_file
from tests.ingest.builders import make_docx, make_pdf, make_xlsx


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("行政处罚决定书", DocKind.DECISION),
        ("行 政 处 罚 决 定 书", DocKind.DECISION),
        ("北京市朝阳区城市管理综合行政执法局行政处罚决定书", DocKind.DECISION),
        ("当场行政处罚决定书", DocKind.ON_THE_SPOT_DECISION),
        ("行政处罚决定书（存根）", DocKind.DECISION),
        ("行政处罚决定审批表", DocKind.DECISION_APPROVAL),
        ("案件处理呈批表", DocKind.DECISION_APPROVAL),
        ("行政处罚事先告知书", DocKind.PENALTY_NOTICE),
        ("行政处罚（听证）告知书", DocKind.PENALTY_NOTICE),
        ("行政处罚听证告知书", DocKind.HEARING_NOTICE),
        ("听证笔录", DocKind.HEARING_RECORD),
        ("送达回证", DocKind.SERVICE_RECEIPT),
        ("送达地址确认书", DocKind.SERVICE_RECEIPT),
        ("询问笔录", DocKind.INQUIRY_RECORD),
        ("询问（调查）笔录", DocKind.INQUIRY_RECORD),
        ("询问通知书", DocKind.INQUIRY_NOTICE),
        ("现场检查（勘验）笔录", DocKind.INSPECTION_RECORD),
        ("案件来源登记表", DocKind.CASE_SOURCE),
        ("立案审批表", DocKind.FILING_APPROVAL),
        ("立案（不予立案）审批表", DocKind.FILING_APPROVAL),
        ("案件调查终结报告", DocKind.INVESTIGATION_REPORT),
        ("重大执法决定法制审核意见书", DocKind.LEGAL_REVIEW),
        ("重大案件集体讨论笔录", DocKind.COLLECTIVE_DISCUSSION),
        ("陈述申辩笔录", DocKind.DEFENSE_RECORD),
        ("责令限期改正通知书", DocKind.RECTIFICATION_ORDER),
        ("先行登记保存证据通知书", DocKind.PRESERVATION),
        ("查封（扣押）决定书", DocKind.SEIZURE),
        ("实施行政强制措施决定书", DocKind.SEIZURE),
        ("扣押决定书", DocKind.SEIZURE),
        ("查封（扣押）审批表", DocKind.COERCION_APPROVAL),
        ("行政强制措施审批表", DocKind.COERCION_APPROVAL),
        ("查封（扣押）现场笔录", DocKind.SEIZURE_RECORD),
        ("实施行政强制措施现场笔录", DocKind.SEIZURE_RECORD),
        ("查封（扣押）清单", DocKind.SEIZURE_LIST),
        ("扣押财物清单", DocKind.SEIZURE_LIST),
        ("延长查封（扣押）期限决定书", DocKind.SEIZURE_EXTENSION),
        ("解除查封（扣押）决定书", DocKind.SEIZURE_RELEASE),
        ("查封（扣押）物品处理决定书", DocKind.SEIZURE_DISPOSAL),
        ("协助冻结存款通知书", DocKind.FREEZE_NOTICE),
        ("冻结存款决定书", DocKind.FREEZE_DECISION),
        ("检测期间告知书", DocKind.TEST_PERIOD_NOTICE),
        ("场所/设施/财物清单", DocKind.SEIZURE_LIST),
        ("延长行政强制措施期限决定书", DocKind.SEIZURE_EXTENSION),
        ("解除行政强制措施决定书", DocKind.SEIZURE_RELEASE),
        ("行政强制措施现场笔录", DocKind.SEIZURE_RECORD),
        ("罚没款缴款凭证", DocKind.PAYMENT_RECEIPT),
        ("催告书", DocKind.PAYMENT_REMINDER),
        ("强制执行申请书", DocKind.ENFORCEMENT_APPLICATION),
        ("结案审批表", DocKind.CLOSING_APPROVAL),
        ("卷内目录", DocKind.CATALOG),
        ("备考表", DocKind.REMARKS),
        ("行政处罚案卷", DocKind.COVER),
        ("营业执照（副本）", DocKind.PARTY_IDENTITY),
        ("延期审批表", DocKind.EXTENSION_APPROVAL),
        ("听证申请书", DocKind.HEARING_APPLICATION),
        ("行政处罚听证申请书", DocKind.HEARING_APPLICATION),
        ("要求举行听证申请书", DocKind.HEARING_APPLICATION),
        ("听 证 告 知 书", DocKind.HEARING_NOTICE),
    ],
)
def test_title_lines(line: str, kind: DocKind) -> None:
    hit = match_title(line)
    assert hit is not None and hit[0] is kind


@pytest.mark.parametrize(
    "line",
    [
        "当事人如不服本行政处罚决定书，可在收到本行政处罚决定书之日起六十日内申请行政复议。",
        "送达文书名称：行政处罚决定书",
        "经调查，当事人于2024年3月5日在询问笔录中承认了违法事实",
        "京朝城管罚字〔2024〕第12号",
        "当事人要求举行听证。",
        "",
    ],
)
def test_body_text_is_not_a_title(line: str) -> None:
    assert match_title(line) is None


def _doc(lines: list[str], fmt: str = "docx") -> Document:
    blocks = [TextBlock(t, Position(paragraph=i)) for i, t in enumerate(lines, start=1)]
    return Document(source_file="x.docx", file_format=fmt, blocks=blocks)


def test_classify_records_title_and_evidence() -> None:
    doc = classify(_doc(["北京市朝阳区城市管理综合行政执法局", "行 政 处 罚 决 定 书", "京朝城管罚字〔2024〕第12号"]))
    assert doc.kind is DocKind.DECISION and doc.title == "行政处罚决定书"
    assert doc.kind_evidence is not None
    assert doc.kind_evidence.position == Position(paragraph=2)
    assert doc.kind_evidence.quote == "行 政 处 罚 决 定 书"
    assert doc.kind_evidence.source_file == "x.docx"


def test_title_split_over_two_short_lines() -> None:
    assert classify(_doc(["行政处罚", "决定书", "当事人：某公司"])).kind is DocKind.DECISION


def test_file_name_is_ignored_and_unknown_kept(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "行政处罚决定书.docx", ["关于某某事项的情况说明", "经研究，现说明如下。"])
    doc = classify(read_file(path, path.name))
    assert doc.kind is DocKind.UNKNOWN and doc.kind_evidence is None


def test_content_cue_without_title() -> None:
    doc = classify(_doc(["时间：2024年3月5日9时30分至10时15分", "询问人：张三 李四", "记录人：李四", "被询问人：王五"]))
    assert doc.kind is DocKind.INQUIRY_RECORD
    assert doc.kind_evidence is not None and doc.kind_evidence.quote.startswith("询问人")


def test_combined_pdf_splits_at_title_pages(tmp_path: Path) -> None:
    pages = [
        ["卷内目录", "序号 文件名称 页号", "1 立案审批表 2", "2 行政处罚决定书 3"],
        ["立案审批表", "案由：未按规定"],
        ["北京市朝阳区城市管理综合行政执法局", "行政处罚决定书", "京朝城管罚字〔2024〕第12号", "当事人：某公司"],
        ["收到本行政处罚决定书之日起六十日内可申请复议", "第2页 共2页"],
        [],
        ["送达回证", "送达文书：行政处罚决定书"],
    ]
    path = make_pdf(tmp_path / "全卷.pdf", pages, image_pages=[5])
    parts = split_documents(read_file(path, "全卷.pdf"))
    assert [p.kind for p in parts] == [
        DocKind.CATALOG,
        DocKind.FILING_APPROVAL,
        DocKind.DECISION,
        DocKind.SERVICE_RECEIPT,
    ]
    decision = parts[2]
    assert {b.position.page for b in decision.blocks} == {3, 4}
    assert decision.page_count == 3 and decision.pages_needing_ocr == (5,)  # the scanned page 5 follows page 4
    assert decision.kind_evidence is not None and decision.kind_evidence.position == Position(page=3)
    assert all(p.source_file == "全卷.pdf" for p in parts)
    assert parts[0].pages_needing_ocr == ()


def test_repeated_title_on_later_page_continues(tmp_path: Path) -> None:
    pages = [["询问笔录", "第1页 共2页", "问：你的姓名？"], ["询问笔录", "第2页 共2页", "答：王五。"]]
    parts = split_documents(read_file(make_pdf(tmp_path / "r.pdf", pages), "r.pdf"))
    assert len(parts) == 1 and parts[0].kind is DocKind.INQUIRY_RECORD


def test_two_records_split(tmp_path: Path) -> None:
    pages = [["询问笔录", "问：你的姓名？"], ["询问笔录", "答：王五。"]]
    parts = split_documents(read_file(make_pdf(tmp_path / "r.pdf", pages), "r.pdf"))
    assert [p.kind for p in parts] == [DocKind.INQUIRY_RECORD] * 2


def test_docx_with_several_documents(tmp_path: Path) -> None:
    path = make_docx(
        tmp_path / "合并.docx",
        [
            "行政处罚事先告知书",
            "你单位可在收到本告知书之日起五日内提出陈述申辩。",
            [["送达文书", "行政处罚决定书"]],  # a title inside a table never splits
            "北京市朝阳区城市管理综合行政执法局",
            "行政处罚决定书",
            "京朝城管罚字〔2024〕第12号",
            [["当事人", "某公司"]],
        ],
    )
    parts = split_documents(read_file(path, "合并.docx"))
    assert [p.kind for p in parts] == [DocKind.PENALTY_NOTICE, DocKind.DECISION]
    assert parts[1].blocks[0].text == "北京市朝阳区城市管理综合行政执法局"  # agency line goes with its title
    assert parts[1].blocks[0].position.paragraph == 4
    assert [t.rows for t in parts[0].tables] == [(("送达文书", "行政处罚决定书"),)]
    assert [t.rows for t in parts[1].tables] == [(("当事人", "某公司"),)]


def test_workbook_sheets_split(tmp_path: Path) -> None:
    path = make_xlsx(tmp_path / "表.xlsx", {"立案": [["立案审批表"], ["案由", "x"]], "结案": [["结案审批表"]]})
    parts = split_documents(read_file(path, "表.xlsx"))
    assert [p.kind for p in parts] == [DocKind.FILING_APPROVAL, DocKind.CLOSING_APPROVAL]
    assert [len(p.tables) for p in parts] == [1, 1]


def test_single_document_not_split(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "d.docx", ["行政处罚决定书", "收到本行政处罚决定书之日起", "行政处罚决定书之外的正文"])
    parts = split_documents(read_file(path, "d.docx"))
    assert len(parts) == 1 and parts[0].kind is DocKind.DECISION


def test_docx_titles_as_values_or_lists_do_not_split(tmp_path: Path) -> None:
    receipt = make_docx(tmp_path / "r.docx", ["送达回证", "送达文书名称：", "行政处罚决定书", "受送达人：某公司"])
    assert [p.kind for p in split_documents(read_file(receipt, "r.docx"))] == [DocKind.SERVICE_RECEIPT]
    catalog = make_docx(tmp_path / "c.docx", ["卷内目录", "立案审批表", "询问笔录", "行政处罚决定书", "备考表"])
    assert [p.kind for p in split_documents(read_file(catalog, "c.docx"))] == [DocKind.CATALOG]


@pytest.mark.parametrize("line", [
    "益阳市生态环境局 行政处罚决定书 益环罚〔2024〕3003号",  # agency, title and number on one heading line
    "行政处罚决定书(沅自然资罚决〔2025〕09号)",  # the number in brackets after the title
    "行政处罚决定书湘(岳)文执罚网字〔2021〕第012号",
    "中华人民共和国梅山海关行政处罚决定书甬梅关缉违字〔2025〕260号",
])
def test_title_followed_by_its_number_on_the_same_line(line: str) -> None:
    assert match_title(line) == (DocKind.DECISION, "行政处罚决定书")


def test_heading_wrapped_by_a_pdf_export_is_joined() -> None:
    doc = classify(_doc(["文山市自然资源局行政处罚决定书(文市自然资", "决字〔2023〕第11号)", "文山某公司:"], "pdf"))
    assert doc.kind is DocKind.DECISION


def test_decision_published_without_its_heading_is_recognised_by_content() -> None:
    doc = classify(_doc(["当事人:江门市科华电器有限公司", "统一社会信用代码:91440704304226404T",
                         "二、行政处罚的依据、种类", "你(单位)的上述行为,违反了《建设项目环境保护管理条例》第十五条"]))
    assert doc.kind is DocKind.DECISION
    assert doc.kind_evidence.quote == "当事人:江门市科华电器有限公司"


def test_a_notice_saying_what_it_intends_is_not_taken_for_a_decision() -> None:
    doc = classify(_doc(["当事人:某某有限公司", "本机关拟决定给予你单位罚款5000元的行政处罚", "你单位有权进行陈述和申辩"]))
    assert doc.kind is not DocKind.DECISION


@pytest.mark.parametrize(("line", "kind"), [
    # titles of the sectors' form books (tests/realworld/dossiers/README.md names the books)
    ("立案/不予立案审批表", DocKind.FILING_APPROVAL),  # a form for two outcomes
    ("江城市南湖区农业农村局案件处理意见书", DocKind.INVESTIGATION_REPORT),  # 农业, 交通运输
    ("行政处罚案件调查报告", DocKind.INVESTIGATION_REPORT),
    ("现场检查（勘察）笔录", DocKind.INSPECTION_RECORD),
    ("江城市交通运输局违法行为通知书", DocKind.PENALTY_NOTICE),  # 交通运输's notice
    ("业务回单（付款）", DocKind.PAYMENT_RECEIPT),
    ("银行回单", DocKind.PAYMENT_RECEIPT),
    ("现场照片（图片、影像资料）证据", DocKind.EVIDENCE),
    ("销货清单", DocKind.EVIDENCE),
])
def test_titles_of_the_sector_form_books(line: str, kind: DocKind) -> None:
    assert match_title(line)[0] is kind


def test_a_series_heading_above_the_first_title_stays_with_the_document() -> None:
    doc = Document("x.docx", "docx", blocks=[TextBlock(t, Position(paragraph=i)) for i, t in enumerate(
        ["安全生产行政执法文书", "立案审批表", "案由：未按规定开展安全培训"], start=1)])
    parts = split_documents(doc)
    assert [(p.kind, len(p.blocks)) for p in parts] == [(DocKind.FILING_APPROVAL, 3)]


def test_a_second_document_on_the_same_page_or_after_a_series_heading_is_split_off() -> None:
    lines = [(1, "结案审批表"), (1, "执行情况 当事人已缴纳罚款"), (1, "负责人审批意见 同意结案。 2025年7月3日"),
             (1, "备考表"), (1, "立卷人 梁斌"), (1, "检查人 沈涛"),
             (2, "安全生产行政执法文书"), (2, "询问笔录"), (2, "被询问人：张三"), (2, "第 2 页")]
    doc = Document("x.pdf", "pdf", blocks=[TextBlock(t, Position(page=p)) for p, t in lines], page_count=2)
    assert [p.kind for p in split_documents(doc)] == [DocKind.CLOSING_APPROVAL, DocKind.REMARKS,
                                                      DocKind.INQUIRY_RECORD]


@pytest.mark.parametrize(("line", "title"), [
    ("林业行政处罚决定书", "林业行政处罚决定书"),  # a sector's own form book names its decision so
    ("某某县税务局稽查局税务行政处罚决定书", "税务行政处罚决定书"),
    ("水行政处罚决定书 某水罚字〔2024〕3号", "水行政处罚决定书"),
])
def test_a_sector_word_before_the_title_keeps_it_a_decision(line: str, title: str) -> None:
    assert match_title(line) == (DocKind.DECISION, title)


@pytest.mark.parametrize("line", ["现送达行政处罚决定书", "请签收行政处罚决定书", "附件：不予行政处罚决定书"])
def test_body_text_ending_in_a_title_is_no_title(line: str) -> None:
    assert match_title(line) is None


def test_a_sector_word_before_an_on_the_spot_title_keeps_it_on_the_spot() -> None:
    assert match_title("公安交通管理简易程序处罚决定书") == (DocKind.ON_THE_SPOT_DECISION, "公安交通管理简易程序处罚决定书")
