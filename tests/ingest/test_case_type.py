"""A dossier's case type and procedure: documents first, then the register, then the folder name, else unknown."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from ingest.case_type import decide_case_type, dossier_id_name, register_types, type_label
from ingest.extract import extract_case
from ingest.glossary import DocKind as K
from ingest.model import Document, Dossier, Position, TextBlock


@pytest.mark.parametrize(("kinds", "expected"), [
    ({K.ON_THE_SPOT_DECISION, K.SERVICE_RECEIPT}, ("penalty", "summary")),
    ({K.DECISION, K.PENALTY_NOTICE, K.SEIZURE}, ("penalty", "general")),  # the seizure is a supplement's matter
    ({K.FILING_APPROVAL, K.INQUIRY_RECORD}, ("penalty", "general")),  # a penalty file whose decision is missing
    ({K.ACCEPTANCE_NOTICE, K.LICENSE_DECISION}, ("license", "")),
    ({K.NON_ACCEPTANCE_DECISION}, ("license", "")),
    ({K.LICENSE_REFUSAL, K.SERVICE_RECEIPT}, ("license", "")),
    ({K.SEIZURE, K.INSPECTION_RECORD}, ("coercion", "measure")),  # 查封/扣押 with no penalty document
    ({K.FREEZE_DECISION}, ("coercion", "measure")),
    # an execution file holds a copy of the decision it enforces: still an execution file
    ({K.DECISION, K.PAYMENT_REMINDER, K.ENFORCEMENT_DECISION}, ("coercion", "execution")),
    ({K.PAYMENT_REMINDER, K.SUBSTITUTE_PERFORMANCE}, ("coercion", "execution")),
    ({K.PAYMENT_REMINDER, K.ENFORCEMENT_APPLICATION, K.COURT_RULING}, ("coercion", "execution")),
    # a penalty file that ends with the court application stays a penalty (penalty-general R20 asks for it)
    ({K.DECISION, K.PENALTY_NOTICE, K.FILING_APPROVAL, K.ENFORCEMENT_APPLICATION}, ("penalty", "general")),
    ({K.SEIZURE, K.ENFORCEMENT_DECISION}, ("coercion", "measure")),
])  # fmt: skip
def test_documents_decide(kinds: set[K], expected: tuple[str, str]) -> None:
    decided = decide_case_type(kinds, "行政许可", "台账.xlsx", "2025-许可-001")  # documents win over both
    assert (decided.case_type, decided.procedure, decided.source) == (*expected, "documents")


def test_register_then_name_then_unknown() -> None:
    vague = {K.INSPECTION_RECORD, K.EVIDENCE}
    by_register = decide_case_type(vague, "行政处罚（简易程序）", "2025年案件台账.xlsx", "2025-检查-003")
    assert (by_register.key, by_register.source) == ("penalty/summary", "register")
    assert "2025年案件台账.xlsx" in by_register.reason
    by_name = decide_case_type(vague, "", "", "2025-检查-003")
    assert (by_name.key, by_name.source) == ("inspection", "name")
    assert "检查" in by_name.reason
    unknown = decide_case_type(vague, "", "", "2025-003")
    assert (unknown.case_type, unknown.known, unknown.key) == ("unknown", False, "unknown")
    assert "无法判定" in unknown.reason


def test_labels_and_names() -> None:
    assert type_label("penalty", "summary") == "行政处罚（简易程序）"
    assert type_label("license") == "行政许可"
    assert (type_label("coercion", "execution"), type_label("coercion", "measure")) == ("行政强制执行", "行政强制措施")
    assert type_label("coercion") == "行政强制"
    assert decide_case_type(set(), "行政强制执行", "台账.xlsx").key == "coercion/execution"
    assert decide_case_type(set(), "", "", "2025-强制措施-4").key == "coercion/measure"
    assert decide_case_type(set(), "", "", "2025-强制执行-4").key == "coercion/execution"
    assert dossier_id_name("区城管/2025-许可-1.pdf") == "2025-许可-1"
    assert dossier_id_name("区城管/2025.01") == "2025.01"


def test_register_rows(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["2025年执法案件台账"])
    ws.append(["序号", "案卷编号", "执法类别", "当事人"])
    ws.append([1, "2025-001", "行政许可", "甲公司"])
    ws.append([2, "2025-002", "行政处罚（简易程序）", "乙"])
    path = tmp_path / "台账.xlsx"
    book.save(path)
    assert register_types(path) == {"2025-001": "行政许可", "2025-002": "行政处罚(简易程序)"}  # NFKC-folded


def _doc(kind: K, title: str) -> Document:
    return Document(f"{title}.docx", "docx", [TextBlock(title, Position(paragraph=1))], kind=kind, title=title)


def test_extract_case_writes_type_and_flags_unknown() -> None:
    spot = extract_case(Dossier("u/c1", "u", documents=[_doc(K.ON_THE_SPOT_DECISION, "当场行政处罚决定书")]))
    assert (spot.elements.case_type, spot.elements.procedure) == ("penalty", "summary")
    assert spot.review_reasons == []
    vague = extract_case(Dossier("u/c2", "u", documents=[_doc(K.EVIDENCE, "现场照片")]))
    assert (vague.elements.case_type, vague.elements.procedure) == ("unknown", "")
    assert any("案件类型无法判定" in r for r in vague.review_reasons)
    listed = extract_case(Dossier("u/c3", "u", documents=[_doc(K.EVIDENCE, "现场照片")]), "行政检查", "台账.xlsx")
    assert listed.elements.case_type == "inspection" and listed.review_reasons == []
