"""inspection R04 (审批在检查后补签未说明), R07 (告知检查依据、事项及被检查人权利) and the signed record on a scan: on
hand-built 行政检查 files
read by the pipeline's ingest, and on facts of a scanned record (a blank signature line read by OCR proves
nothing: handwriting is often not recognised)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.discover import discover_campaign
from ingest.extract import extract_case
from ingest.load import load_dossier
from scoring.checklist import load_checklist
from scoring.engine import score_case
from scoring.rules.examples import build_facts
from tests.scoring.inspection_dossiers import write_dossier

DOSSIERS: dict[str, dict] = {
    "clean": {},
    "no_rights": dict(rights=False),  # neither the notice nor the record tells any right
    "record_only": dict(notice=False),  # rights in the record; no notice, and the record cites no basis
    "late_approval": dict(approved="2025年3月14日"),  # approved two days after the inspection of 3月12日
    "late_explained": dict(approved="2025年3月14日", approval_note="情况紧急，先行检查，事后补办审批手续。"),
    "same_day": dict(approved="2025年3月12日"),
    "deadline": dict(rectification="责令你单位于2025年3月20日前改正上述违法行为。"),
    "no_deadline": dict(rectification="责令你单位改正上述违法行为。"),
    "seal_dated": dict(notice_closing=("南京市江宁区市场监督管理局", "（印章）", "2025年3月10日")),
    "date_above_seal": dict(notice_closing=("南京市江宁区市场监督管理局", "2025年3月10日", "（印章）")),
    "seal_undated": dict(notice_closing=("南京市江宁区市场监督管理局", "（印章）")),
    "seal_blank_date": dict(notice_closing=("南京市江宁区市场监督管理局", "（印章）", "年  月  日")),
}


@pytest.fixture(scope="module")
def results(tmp_path_factory) -> dict:
    root: Path = tmp_path_factory.mktemp("campaign")
    for name, spec in DOSSIERS.items():
        write_dossier(root / "江宁区市场监管局" / name, **spec)
    checklist = load_checklist("inspection")
    return {ref.dossier_id.rsplit("/", 1)[-1]: score_case(extract_case(load_dossier(ref)), checklist)
            for ref in discover_campaign(root).dossiers}


@pytest.mark.parametrize(("dossier", "expected", "says", "quotes"), [
    ("clean", "pass", "已载明告知被检查人申请回避、陈述申辩等权利、检查依据、检查事项", "申请回避"),
    ("no_rights", "fail", "均未载明告知被检查人申请回避、陈述申辩等权利（已查阅行政检查通知书", ""),
    ("record_only", "unknown", "未能在现场检查笔录（03现场检查笔录.docx）中识别检查依据、检查事项的记载", ""),
])  # fmt: skip
def test_rights_and_basis_told(results, dossier: str, expected: str, says: str, quotes: str) -> None:
    finding = next(f for f in results[dossier].findings if f.item_code == "R07")
    assert finding.status.value == expected, finding.message
    assert says in finding.message, finding.message
    assert quotes in (finding.evidence.quote if finding.evidence else "")


@pytest.mark.parametrize(("dossier", "expected", "says"), [
    ("clean", "pass", "行政检查审批表（2025年3月10日）早于现场检查(勘验)笔录（2025年3月12日）"),
    ("same_day", "pass", "行政检查审批表与现场检查(勘验)笔录同日"),
    ("late_approval", "fail", "检查于2025年3月12日实施，审批表于2025年3月14日批准，晚于检查且卷内未说明情况紧急、补办手续"),
    ("late_explained", "pass", "但卷内有说明：备注 情况紧急，先行检查，事后补办审批手续。"),
])  # fmt: skip
def test_approval_after_the_inspection(results, dossier: str, expected: str, says: str) -> None:
    finding = next(f for f in results[dossier].findings if f.item_code == "R04")
    assert finding.status.value == expected, finding.message
    assert says in finding.message, finding.message


@pytest.mark.parametrize(("dossier", "expected", "says"), [
    ("deadline", "manual", "复查记录"),  # the deadline read: the 复查 is the reviewer's
    ("no_deadline", "fail", "责令改正通知书均未载明改正期限（已查阅责令改正通知书（05责令改正通知书.docx））"),
    ("clean", "n/a", ""),
])  # fmt: skip
def test_a_rectification_order_without_a_deadline(results, dossier: str, expected: str, says: str) -> None:
    finding = next(f for f in results[dossier].findings if f.item_code == "R14")
    assert finding.status.value == expected, finding.message
    assert says in finding.message, finding.message


def test_a_late_approval_read_from_a_scan_is_unknown() -> None:
    facts = build_facts({"documents": [
        {"file": "01审批表.pdf", "kind": "inspection_approval", "scanned": True,
         "dates": {"approval": "2025-03-14"}},
        {"file": "03检查笔录.docx", "kind": "inspection_record", "dates": {"record_start": "2025-03-12"}},
    ]})
    finding = next(f for f in score_case(facts, load_checklist("inspection")).findings if f.item_code == "R04")
    assert finding.status.value == "unknown" and "扫描件" in finding.message, finding.message


def _finding(document: dict, code: str):
    facts = build_facts({"documents": [{"file": "03检查笔录.pdf", "kind": "inspection_record", **document}]})
    return next(f for f in score_case(facts, load_checklist("inspection")).findings if f.item_code == code)


OFFICERS = [{"name": "张三", "cert_no": "32011512345"}, {"name": "李四", "cert_no": "32011512346"}]


@pytest.mark.parametrize(("code", "document"), [
    ("R16", {"officers": OFFICERS, "fields": {"检查人员签名": ""}}),
    ("R09", {"officers": OFFICERS, "signed_by_party": False, "place": "某某路1号",
             "time_span": ["2025-03-12T09:30", "2025-03-12T10:40"]}),
    ("R07", {"officers": OFFICERS}),
])  # fmt: skip
def test_a_blank_read_from_a_scan_is_unknown_and_from_a_text_file_a_fail(code: str, document: dict) -> None:
    typed = _finding(document, code)
    assert typed.status.value == "fail", typed.message
    scanned = _finding({**document, "scanned": True}, code)
    assert scanned.status.value == "unknown", scanned.message
    assert "扫描件" in scanned.message and scanned.points_deducted == 0


@pytest.mark.parametrize(("dossier", "expected"), [
    ("clean", "pass"), ("seal_dated", "pass"), ("date_above_seal", "pass"),
    ("seal_undated", "fail"), ("seal_blank_date", "fail"),
])  # fmt: skip
def test_a_notice_sealed_without_a_date(results, dossier: str, expected: str) -> None:
    """R20 (文书落款日期缺失): a notice read whole whose closing lines around the seal hold no date is undated."""
    finding = next(f for f in results[dossier].findings if f.item_code == "R20")
    assert finding.status.value == expected, finding.message
    assert expected == "pass" or ("落款日期" in finding.message and finding.evidence.quote == "（印章）")
