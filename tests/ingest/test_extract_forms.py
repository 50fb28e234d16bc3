"""Extraction from real-world layouts: forms printed to PDF (label and value on one line), wrapped labels,
evidence pages, prose parts of decisions and notices, and the generator's varied styles end to end."""

from __future__ import annotations

import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from ingest.classify import classify, match_title
from ingest.extract import extract_document
from ingest.extract.forms import form_lines
from ingest.glossary import DocKind
from ingest.model import DateRole, Document, Position, TextBlock
from tests.paths import ROOT


def _pdf(kind: DocKind, title: str, lines: list[str], source: str = "卷.pdf", page: int = 3) -> Document:
    """A document as the PDF reader gives it: one block per text line, no tables."""
    blocks = [TextBlock(text, Position(page=page)) for text in lines]
    return Document(source_file=source, file_format="pdf", blocks=blocks, kind=kind, title=title, page_count=1)


RECEIPT = [
    "送达回证",
    "送达文书名称及文号 行政处罚决定书（京朝罚决字〔2025〕12号）",
    "受送达人 北京市宏远物资有限公司",
    "送达地点 北京市清河区建设路180号",
    "送达方式 直接送达",
    "送达时间 2025年06月13日10时30分",
    "受送达人签名 于娟 2025年06月13日",
    "送达人 方霞、谭勇",
    "备注",
    "北京市朝阳区城市管理综合行政执法局",
]


def test_pdf_receipt_reads_label_value_lines() -> None:
    facts = extract_document(_pdf(DocKind.SERVICE_RECEIPT, "送达回证", RECEIPT))
    values = {label: found.value for label, found in facts.fields.items()}
    assert values["受送达人"] == "北京市宏远物资有限公司"
    assert values["送达地点"] == "北京市清河区建设路180号"
    assert values["送达方式"] == "直接送达"
    assert values["受送达人签名"].startswith("于娟")  # a surname 于 is not prose ("于2025年…")
    assert facts.place is not None and facts.place.value == "北京市清河区建设路180号"
    assert facts.dates[DateRole.DELIVERY].value == date(2025, 6, 13)
    assert facts.served_document is not None and "决定书" in facts.served_document.value
    # evidence quotes the line as written (the label/value gap is a space, not a colon)
    ev = facts.fields["受送达人"].evidence
    assert ev.source_file == "卷.pdf" and ev.position.page == 3 and ev.quote == "受送达人 北京市宏远物资有限公司"


FILING = [
    "立案审批表",
    "案件名称 北京市宏远物资有限公司超标排放案",
    "当事人 北京市宏远物资有限公司",
    "统一社会信用代码（",
    "身份证件号码）",
    "914101850572028342",
    "地址 北京市清河区建设路180号",
    "案件来源 举报   登记日期 2025年5月6日",
    "简要案情 2025年05月06日，当事人在清河区东升路23号的厂区内超标排放大气污染物，涉嫌违反",
    "《中华人民共和国大气污染防治法》第十八条的规定。",
    "承办人 方霞（11010527498）、谭勇（11010523731）",
    "承办人意见 建议立案调查。",
    "负责人审批意见 同意立案。负责人：钟玉兰 2025年05月08日",
]


def test_pdf_filing_form_party_wrapped_label_and_officers() -> None:
    facts = extract_document(_pdf(DocKind.FILING_APPROVAL, "立案审批表", FILING))
    assert facts.party_name is not None and facts.party_name.value == "北京市宏远物资有限公司"
    assert facts.party_kind == "organisation"
    assert facts.party_id is not None and facts.party_id.value == "914101850572028342"
    assert facts.party_address is not None and facts.party_address.value == "北京市清河区建设路180号"
    assert facts.fields["当事人"].value == "北京市宏远物资有限公司"
    assert facts.fields["案件来源"].value == "举报"
    assert "负责人审批意见" in facts.fields and "案由" in facts.fields
    assert [(o.name, o.cert_no) for o in facts.officers] == [("方霞", "11010527498"), ("谭勇", "11010523731")]
    assert facts.dates[DateRole.FILING].value == date(2025, 5, 8)


def test_pdf_record_officer_table_without_grid() -> None:
    lines = [
        "询问笔录",
        "询问时间：2025年05月13日14时30分至15时33分",
        "询问地点：清河区市场监督管理局询问室",
        "询问人 执法证号",
        "白红霞 11010513490",
        "梁刚 11010516140",
        "记录人：梁刚",
        "被询问人：崔强 职务：法定代表人",
        "问：你是否申请回避？",
        "答：不申请回避。",
        "被询问人（签名）：崔强 2025年05月13日",
    ]
    facts = extract_document(_pdf(DocKind.INQUIRY_RECORD, "询问笔录", lines))
    assert [(o.name, o.cert_no) for o in facts.officers] == [("白红霞", "11010513490"), ("梁刚", "11010516140")]
    assert facts.time_span is not None and facts.place is not None
    assert facts.signed_by_party is not None and facts.signed_by_party.value is True


def test_names_joined_by_a_lost_gap_are_not_a_third_officer() -> None:
    lines = ["现场检查笔录", "执法人员：龚艳（执法证号：11010515322）、韩勇（执法证号：11010513387）",
             "执法人员（签名）：龚艳韩勇"]  # fmt: skip
    facts = extract_document(_pdf(DocKind.INSPECTION_RECORD, "现场检查笔录", lines))
    assert [o.name for o in facts.officers] == ["龚艳", "韩勇"]


def test_form_lines_keep_prose_and_offsets() -> None:
    lines = [
        "当事人 于2025年5月6日在厂区内排放废气",  # a wrapped sentence, not a form row
        "受送达人 北京市宏远物资有限公司",
        "被检查人 北京市宏远物资有限公司 法定代表人 崔强",
        "经查，当事人存在违法行为。",
        "送达人 | 方霞",  # table rows are left to the table parsers
    ]
    out = form_lines(lines)
    assert out[0] == lines[0]
    assert out[1] == "受送达人：北京市宏远物资有限公司" and len(out[1]) == len(lines[1])
    assert out[2] == "被检查人：北京市宏远物资有限公司 法定代表人：崔强"
    assert out[3] == lines[3] and out[4] == lines[4]


def test_party_signature_is_not_the_party_name() -> None:
    lines = ["现场照片", "照片1：清河区安宁路91号现场情况（拍摄时间：2025年6月5日，拍摄人：贾明）", "当事人（签名）：史强"]
    facts = extract_document(_pdf(DocKind.EVIDENCE, "现场照片", lines))
    assert facts.party_name is None


def test_hearing_record_party_stops_before_other_labels() -> None:
    lines = [
        "听证笔录",
        "案由：北京市兴隆建设工程有限公司未取得施工许可擅自施工案",
        "听证时间：2025年6月3日9时30分至10时40分",
        "当事人：北京市兴隆建设工程有限公司 参加人：邓杰",
        "听证主持人：钟玉兰 记录人：梁刚",
    ]
    facts = extract_document(_pdf(DocKind.HEARING_RECORD, "听证笔录", lines))
    assert facts.party_name is not None and facts.party_name.value == "北京市兴隆建设工程有限公司"
    assert facts.fields["当事人"].value == "北京市兴隆建设工程有限公司"


def test_closing_approval_payment_sentence_is_not_its_signed_date() -> None:
    lines = [
        "结案审批表",
        "当事人 北京市宏远物资有限公司",
        "决定书文号 京朝罚决字〔2025〕12号",
        "处罚内容 罚款柒万元整（￥70000元）",
        "执行情况 当事人已于2025年06月16日缴纳罚款柒万元整（￥70000元）。",
        "承办人意见 本案已执行完毕，建议结案。",
        "负责人审批意见 同意结案。负责人：钟玉兰",
    ]
    undated = extract_document(_pdf(DocKind.CLOSING_APPROVAL, "结案审批表", lines))
    assert DateRole.SIGNED not in undated.dates and DateRole.CLOSING not in undated.dates
    dated = extract_document(_pdf(DocKind.CLOSING_APPROVAL, "结案审批表", [*lines, "2025年6月24日"]))
    assert dated.dates[DateRole.SIGNED].value == date(2025, 6, 24)
    assert dated.dates[DateRole.CLOSING].value == date(2025, 6, 24)


def test_payment_receipt_upper_and_figures_on_two_rows_are_one_amount() -> None:
    lines = ["罚没款缴款凭证", "缴款人 北京市宏远物资有限公司", "金额（大写） 柒万元整", "金额（小写） ￥70000元",
             "缴款日期 2025年6月16日"]  # fmt: skip
    facts = extract_document(_pdf(DocKind.PAYMENT_RECEIPT, "罚没款缴款凭证", lines))
    assert [(a.upper, a.figures) for a in facts.amounts] == [(Decimal(70000), Decimal(70000))]
    one_line = extract_document(_pdf(DocKind.PAYMENT_RECEIPT, "罚没款缴款凭证", ["罚没款缴款凭证",
                                                                          "金额（大写）柒万元整 金额（小写）￥7000元"]))
    assert [(a.upper, a.figures) for a in one_line.amounts] == [(Decimal(70000), Decimal(7000))]


DECISION = [
    "北京市朝阳区生态环境局",
    "行政处罚决定书",
    "京朝环罚字〔2024〕15号",
    "当事人：北京某某科技有限公司",
    "住所：北京市朝阳区某某路1号",
    "经查明，你单位于2024年3月1日起未经批准擅自排放大气污染物。",
    "上述事实，有现场检查笔录、询问笔录、监测报告予以证实。",
    "你单位的上述行为违反了《中华人民共和国大气污染防治法》第十八条的规定。依据《中华人民共和国大气污染防治法》"
    "第九十九条第（二）项的规定，本机关决定对你单位作出如下行政处罚：",
    "罚款人民币伍万元整（¥50000元）。",
    "北京市朝阳区生态环境局（印章）",
    "2024年4月20日",
]


def test_decision_prose_parts_are_recorded_as_fields() -> None:
    doc = Document("决定书.docx", "docx", [TextBlock(t, Position(paragraph=i + 1)) for i, t in enumerate(DECISION)],
                   kind=DocKind.DECISION, title="行政处罚决定书")
    facts = extract_document(doc)
    assert facts.fields["违法事实"].value.startswith("你单位于2024年3月1日起未经批准擅自排放")
    assert facts.fields["违法事实"].evidence.position.paragraph == 6
    assert facts.fields["证据"].value == "现场检查笔录、询问笔录、监测报告"
    assert facts.fields["证据"].evidence.position.paragraph == 7
    assert facts.fields["处罚内容"].value.startswith("罚款人民币伍万元整")
    assert facts.fields["处罚内容"].evidence.position.paragraph == 9


@pytest.mark.parametrize(
    ("text", "label", "expected"),
    [
        ("你单位于2025年3月5日在清河区建设路经营未取得许可的食品，违反了…的规定。", "违法事实", "你单位于2025年3月5日"),
        ("以上事实有现场检查笔录、询问笔录、现场照片等证据为证。", "证据", "现场检查笔录、询问笔录、现场照片"),
        ("北京市宏远物资有限公司于2024年3月1日起未经批准擅自排放大气污染物。", "违法事实", "北京市宏远物资有限公司于"),
        ("本机关拟给予你单位警告并处罚款二万元的行政处罚。", "处罚内容", "给予你单位警告并处罚款二万元"),
        ("根据上述规定，拟对你单位处以罚款人民币20000元。", "处罚内容", "处以罚款人民币20000元"),
    ],
)
def test_notice_prose_parts(text: str, label: str, expected: str) -> None:
    lines = ["行政处罚事先告知书", "京朝环罚告字〔2024〕9号", "北京某某科技有限公司：", text]
    facts = extract_document(_pdf(DocKind.PENALTY_NOTICE, "行政处罚事先告知书", lines))
    assert facts.fields[label].value.startswith(expected)


def test_notice_without_penalty_sentence_has_no_penalty_field() -> None:
    lines = ["行政处罚事先告知书", "北京某某科技有限公司：", "本机关于2024年3月5日决定立案调查。",
             "告知你单位拟作出行政处罚的事实、理由、依据及享有的陈述、申辩权利。"]  # fmt: skip
    facts = extract_document(_pdf(DocKind.PENALTY_NOTICE, "行政处罚事先告知书", lines))
    assert "处罚内容" not in facts.fields


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("现场照片", DocKind.EVIDENCE), ("照片证据", DocKind.EVIDENCE), ("证据材料", DocKind.EVIDENCE),
        ("证据清单", DocKind.EVIDENCE), ("检测报告", DocKind.EVIDENCE), ("抽样记录", DocKind.EVIDENCE),
        ("证据提取单", DocKind.EVIDENCE), ("书证", DocKind.EVIDENCE), ("检验检测报告", DocKind.EVIDENCE),
        ("延期通知书", DocKind.SEIZURE_EXTENSION), ("责令（限期）改正通知书", DocKind.RECTIFICATION_ORDER),
        ("法院裁定", DocKind.COURT_RULING), ("现场检查笔录", DocKind.INSPECTION_RECORD),
        ("行政处罚决定书", DocKind.DECISION),
    ],
)  # fmt: skip
def test_evidence_and_other_glossary_titles(title: str, kind: DocKind) -> None:
    assert match_title(title) is not None and match_title(title)[0] == kind
    doc = classify(_pdf(DocKind.UNKNOWN, "", [title, "照片1：现场情况"]))
    assert doc.kind == kind


def test_varied_generator_output_reaches_target_accuracy(tmp_path: Path) -> None:
    """Readers + classification + extraction on a varied campaign (all format variants, single-file PDFs)."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from bench.extract_accuracy import evaluate, generate

    manifest = generate(tmp_path / "d", dossiers=20, seed=31, scanned_share=0.0, single_share=0.2)
    assert any(d["single_file"] for d in manifest["dossiers"])
    result = evaluate(tmp_path / "d", manifest, use_ocr=False)
    low = {name: v["accuracy"] for name, v in result["per_field"]["text"].items() if v["accuracy"] < 0.98}
    assert not low, (low, result["mismatches"][:10])
    assert not result["problems"]


def test_code_wrapped_at_the_line_end_is_joined_only_when_the_whole_passes_its_check() -> None:
    lines = ["当事人：江城市某某化工有限公司", "统一社会信用代码：913201177250341", "874", "法定代表人：李某"]
    assert form_lines(lines)[1:3] == ["统一社会信用代码：913201177250341874", ""]
    facts = extract_document(_pdf(DocKind.DECISION, "行政处罚决定书", ["行政处罚决定书", *lines]))
    assert facts.party_id is not None and facts.party_id.value == "913201177250341874"
    # a number on the next line that does not complete a valid code is left where it was
    assert form_lines(["统一社会信用代码：913201177250341", "875"])[1] == "875"


def test_code_tail_opening_a_line_with_the_next_field_is_joined_and_the_field_keeps_its_place() -> None:
    lines = ["统一社会信用代码：913201177250341", "874 法定代表人：李某某"]
    out = form_lines(lines)
    assert out[0] == "统一社会信用代码：913201177250341874"
    assert out[1].strip() == "法定代表人：李某某" and out[1].index("法定代表人") == lines[1].index("法定代表人")
    # not when the whole fails its check: "875 法定…" stays as printed
    assert form_lines(["统一社会信用代码：913201177250341", "875 法定代表人：李某某"])[1] == "875 法定代表人：李某某"
