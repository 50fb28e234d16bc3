"""What the 三项制度 checks read in a document: a sentence naming the audio/video recording (a denial is none),
and the 法制审核意见's reviewer, conclusion and 法律职业资格 box (a box read blank is kept, empty)."""

from __future__ import annotations

import pytest

from ingest.classify import match_title
from ingest.extract.document_facts import extract_document
from ingest.glossary import DocKind
from ingest.model import Document, Position, TextBlock


def _doc(kind: DocKind, title: str, *lines: str) -> Document:
    blocks = [TextBlock(text, Position(paragraph=i + 1)) for i, text in enumerate((title, *lines))]
    return Document("02笔录.docx", "docx", blocks, kind=kind, title=title)


@pytest.mark.parametrize(
    ("line", "mention"),
    [
        ("执法人员当场扣押涉案物品，扣押过程使用执法记录仪全程录音录像。", "扣押过程使用执法记录仪全程录音录像"),
        ("备注：本案音像资料已刻录光盘存档（编号2025-07）", "备注：本案音像资料已刻录光盘存档（编号2025-07）"),
        ("扣押过程未使用执法记录仪。", None),
        ("现场没有录像设备，未进行录像。", None),
        ("执法人员依法予以扣押。", None),
    ],
)
def test_a_sentence_naming_the_recording(line: str, mention: str | None) -> None:
    facts = extract_document(_doc(DocKind.SEIZURE_RECORD, "行政强制措施现场笔录", "地点：某某路2号", line))
    assert (facts.av_mention.value if facts.av_mention else None) == mention
    if mention:
        assert facts.av_mention.evidence.source_file == "02笔录.docx"


def test_the_review_form_gives_reviewer_conclusion_and_qualification() -> None:
    doc = _doc(DocKind.LEGAL_REVIEW, "重大执法决定法制审核意见书", "案件名称：某某公司经营超过保质期食品案",
               "审核意见：经审核，本案事实清楚，证据确凿，同意提交集体讨论。", "审核人：王明（法制审核人员）",
               "法律职业资格证书编号：A20151101000123", "2025年4月10日")
    facts = extract_document(doc)
    assert facts.reviewer.value == "王明（法制审核人员）"
    assert facts.review_conclusion.value.startswith("经审核，本案事实清楚")
    assert facts.reviewer_qualification.value == "A20151101000123"


def test_a_blank_reviewer_box_is_read_blank_and_an_absent_one_is_none() -> None:
    facts = extract_document(_doc(DocKind.LEGAL_REVIEW, "法制审核意见书", "审核意见：同意。", "审核人：", "2025年4月10日"))
    assert facts.reviewer is not None and facts.reviewer.value == ""
    assert facts.reviewer_qualification is None


def test_a_review_form_of_rows_gives_its_reviewer_and_conclusion_without_colons() -> None:
    """农业/生态环境 forms: a table whose label cell stands before its value (审核人员 | 法规科 周某)."""
    facts = extract_document(_doc(DocKind.LEGAL_REVIEW, "法制审核意见书", "审核内容\t主体、事实、证据、程序、依据、裁量",
                                  "审核意见\t同意按拟定意见作出处罚决定。", "审核人员\t法规科　周某（法制审核证号F0017）"))
    assert facts.reviewer.value == "法规科"
    assert facts.review_conclusion.value == "同意按拟定意见作出处罚决定。"


def test_prose_naming_the_review_is_no_label() -> None:
    facts = extract_document(_doc(DocKind.LEGAL_REVIEW, "法制审核意见书", "经法制审核意见认为本案事实清楚。"))
    assert facts.review_conclusion is None


def test_the_review_title_is_a_legal_review() -> None:
    assert match_title("重大执法决定法制审核意见书")[0] == DocKind.LEGAL_REVIEW


def test_a_penalty_publication_proof_is_classified_and_gives_its_date() -> None:
    from datetime import date

    from ingest.model import DateRole

    title = "行政处罚信息公示截图"
    assert match_title(title)[0] == DocKind.PUBLICATION_PROOF
    facts = extract_document(_doc(DocKind.PUBLICATION_PROOF, title, "决定书文号：京朝市监罚〔2025〕12号",
                                  "公示网站：信用中国（北京）", "公示日期：2025年4月18日"))
    assert facts.dates[DateRole.PUBLICATION].value == date(2025, 4, 18)


def test_an_inspection_record_saying_the_code_was_scanned_stands_for_the_notice() -> None:
    record = _doc(DocKind.INSPECTION_RECORD, "现场检查记录", "检查人员到达现场后扫码亮证，说明来意。", "检查结果：未发现问题。")
    assert extract_document(record).code_shown.value == "扫码亮证"
    denied = _doc(DocKind.INSPECTION_RECORD, "现场检查记录", "检查人员未亮码，出示了执法证件。")
    assert extract_document(denied).code_shown is None
