"""What a 现场笔录 of a coercive measure and an inspection's notice, record and approval say of their procedure
steps (facts_onsite_record.py, facts_inspection.py): stated in words or a ticked box (True), an unticked box or a
denial (False, quoted), or not said (None); a scan marks the document, so a blank there proves nothing."""

from __future__ import annotations

import pytest

from ingest.extract import extract_document
from ingest.glossary import DocKind
from ingest.model import Document, Position, TextBlock, TextOrigin

HEAD = ["行政强制措施现场笔录", "执法人员：张三（执法证号：11010020001）、李四（执法证号：11010020002）"]


def _doc(kind: DocKind, lines: list[str], ocr: bool = False) -> Document:
    origin = TextOrigin.OCR if ocr else TextOrigin.TEXT_LAYER
    blocks = [TextBlock(t, Position(paragraph=i + 1), origin=origin) for i, t in enumerate(lines)]
    return Document(source_file="02现场笔录.pdf", file_format="pdf", blocks=blocks, kind=kind, title=lines[0])


def _state(found) -> tuple[bool | None, str]:
    return (None, "") if found is None else (found.value, found.evidence.quote)


@pytest.mark.parametrize(("line", "attr", "value", "quoted"), [
    ("当事人未到场，执法人员邀请社区工作人员孙七作为见证人到场。", "party_absent", True, "当事人未到场"),
    ("当事人拒不到场。", "party_absent", True, "拒不到场"),
    ("当事人未到场，邀请孙七作为见证人到场。", "witness_mentioned", True, "见证人到场"),
    ("当事人未到场，未邀请见证人。", "witness_mentioned", False, "未邀请见证"),
    ("当事人法定代表人王五在场。", "party_absent", False, "在场"),
    ("当事人到场情况：□到场 ☑未到场", "party_absent", True, "☑未到场"),
    ("当事人到场情况：☑到场 □未到场", "party_absent", False, "☑到场"),
    ("执法人员当场告知当事人采取扣押措施的理由、依据及救济途径。", "reasons_told", True, "当场告知"),
    ("如不服可依法申请行政复议或者提起行政诉讼。", "reasons_told", True, "行政复议"),
    ("☑已告知当事人采取行政强制措施的理由、依据和救济途径", "reasons_told", True, "☑已告知"),
    ("□已告知当事人采取行政强制措施的理由、依据和救济途径", "reasons_told", False, "□已告知"),
    ("执法人员听取了当事人的陈述和申辩。", "defense_heard", True, "陈述和申辩"),
    ("当事人放弃陈述申辩。", "defense_heard", True, "放弃陈述申辩"),
    ("□已听取当事人的陈述和申辩", "defense_heard", False, "□已听取"),
    ("执法人员未听取当事人陈述申辩。", "defense_heard", False, "未听取当事人陈述申辩"),
    ("当事人陈述申辩：无异议。", "defense_heard", True, "当事人陈述申辩：无异议"),
    ("当事人陈述申辩：", "defense_heard", False, "当事人陈述申辩"),
    ("现场情况：仓库内存放饼干120箱。", "reasons_told", None, ""),
])  # fmt: skip
def test_a_seizure_records_steps(line: str, attr: str, value: bool | None, quoted: str) -> None:
    facts = extract_document(_doc(DocKind.SEIZURE_RECORD, [*HEAD, line]))
    got, quote = _state(getattr(facts, attr))
    assert got is value, (line, getattr(facts, attr))
    assert quoted in quote


def test_signatures_of_a_seizure_record_and_a_scan() -> None:
    lines = [*HEAD, "当事人签名：当事人拒绝签字", "执法人员签名：张三、李四", "见证人：孙七"]
    facts = extract_document(_doc(DocKind.SEIZURE_RECORD, lines))
    assert facts.signed_by_party.value and "拒绝签字" in facts.signed_by_party.evidence.quote
    assert facts.fields["检查人员签名"].value == "张三、李四" and facts.fields["见证人"].value == "孙七"
    assert facts.credentials_shown is None and not facts.scanned
    blank = extract_document(_doc(DocKind.SEIZURE_RECORD, [*HEAD, "当事人签名：", "执法人员签名："], ocr=True))
    assert blank.scanned and blank.signed_by_party.value is False and blank.fields["检查人员签名"].value == ""


@pytest.mark.parametrize(("kind", "line", "attr", "value"), [
    (DocKind.INSPECTION_NOTICE, "你单位有权对检查人员申请回避，并对检查结果进行陈述和申辩。", "rights_told", True),
    (DocKind.INSPECTION_RECORD, "你有申请回避的权利，有如实回答询问的义务。", "rights_told", True),
    (DocKind.INSPECTION_RECORD, "□已告知被检查人申请回避的权利", "rights_told", False),
    (DocKind.INSPECTION_RECORD, "请你如实回答询问、协助检查。", "rights_told", None),
    (DocKind.INSPECTION_NOTICE, "根据《中华人民共和国食品安全法》第一百一十条的规定，本局定于3月12日检查。", "basis_told", True),
    (DocKind.INSPECTION_NOTICE, "检查事项为食品生产经营过程控制。", "basis_told", True),
    (DocKind.INSPECTION_NOTICE, "本局将依照有关规定对你单位进行检查。", "basis_told", None),
    (DocKind.INSPECTION_APPROVAL, "备注：情况紧急，先行检查，事后补办审批手续。", "emergency_noted", "备注"),
    (DocKind.INSPECTION_APPROVAL, "负责人审批意见：同意。", "emergency_noted", None),
    (DocKind.RECTIFICATION_ORDER, "责令你单位于2025年3月20日前改正上述违法行为。", "correction_deadline", "改正"),
    (DocKind.RECTIFICATION_ORDER, "责令你单位立即停止销售并于十日内整改完毕。", "correction_deadline", "立即停止"),
    (DocKind.RECTIFICATION_ORDER, "责令你单位限期十五日改正。", "correction_deadline", "限期"),
    (DocKind.RECTIFICATION_ORDER, "责令你单位改正上述违法行为。", "correction_deadline", None),
])  # fmt: skip
def test_an_inspections_rights_basis_and_emergency_note(kind: DocKind, line: str, attr: str, value) -> None:
    facts = extract_document(_doc(kind, ["行政检查文书", line]))
    found = getattr(facts, attr)
    if value is None:
        assert found is None, found
    elif isinstance(value, str):
        assert found is not None and value in found.evidence.quote
    else:
        assert found is not None and found.value is value, found
