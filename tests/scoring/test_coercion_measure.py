"""The coercion-measure standard on hand-built 行政强制措施 dossiers (.docx in the 市场监管 form book's wording),
read by the pipeline's own ingest (discover → load → extract) and scored: each item's status is what a reviewer
reading the file says."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from scoring.checklist import load_checklist
from scoring.engine import score_case
from tests.scoring.builders import item_status, score_folders
from tests.scoring.coercion_dossiers import write_dossier, write_freeze_dossier

DAY = date(2025, 3, 3)

DOSSIERS: dict[str, dict] = {
    # approved the day before, decided and listed on the spot, released on the 29th day
    "clean": dict(approved=date(2025, 3, 2), decided=DAY, released=date(2025, 4, 1)),
    # released on the 45th day with no extension
    "overdue": dict(approved=DAY, decided=DAY, released=date(2025, 4, 17)),
    # extended on the 20th day, released on the 45th: in time
    "extended": dict(approved=DAY, decided=DAY, extended=date(2025, 3, 23), released=date(2025, 4, 17)),
    # extended after the first 30 days had run out, released on the 70th day
    "late_extension": dict(approved=DAY, decided=DAY, extended=date(2025, 4, 10), released=date(2025, 5, 12)),
    # emergency: the head approved three days later (more than 24 hours)
    "late_approval": dict(approved=date(2025, 3, 6), decided=DAY, released=date(2025, 3, 20)),
    # no approval form, no list, decision dated two days after the record, one officer, never released, and the
    # record says no 执法记录仪 was used
    "bare": dict(approved=None, decided=date(2025, 3, 5), listed=False, officers=(("张三", "11010020001"),),
                 recorded=False),
}


@pytest.fixture(scope="module")
def results(tmp_path_factory) -> dict:
    root: Path = tmp_path_factory.mktemp("campaign")
    for name, spec in DOSSIERS.items():
        write_dossier(root / "朝阳区市场监管局" / name, onsite=DAY, **spec)
    # frozen on Monday 3-3; the decision to the party on the 3rd working day (3-6), and on the 5th (3-10)
    write_freeze_dossier(root / "朝阳区市场监管局" / "freeze", approved=DAY, noticed=DAY, decided=date(2025, 3, 6))
    write_freeze_dossier(root / "朝阳区市场监管局" / "freeze_late", approved=DAY, noticed=DAY,
                         decided=date(2025, 3, 10))
    return score_folders(root, "coercion-measure")


def status(results, dossier: str, code: str) -> tuple[str, str]:
    return item_status(results[dossier][1], code)


@pytest.mark.parametrize(("dossier", "code", "expected", "says"), [
    ("clean", "V02", "pass", "2名以上执法人员"),
    ("clean", "V03", "pass", ""),
    ("clean", "V04", "pass", ""),
    ("clean", "V05", "pass", "第29日，期限30日"),
    ("clean", "V06", "pass", ""),
    ("clean", "V08", "pass", ""),
    ("clean", "R01", "pass", ""),
    ("clean", "R08", "pass", ""),
    ("clean", "R10", "pass", ""),
    ("clean", "R13", "n/a", ""),
    ("clean", "R16", "pass", ""),
    ("clean", "R20", "pass", ""),
    ("clean", "R11", "n/a", ""),
    ("clean", "R12", "n/a", ""),
    ("clean", "R07", "pass", "载明“扣押过程使用执法记录仪全程录音录像”"),
    ("clean", "T01", "unknown", "未提供公示台账，案卷中也无公示材料"),
    ("clean", "T03", "n/a", "卷内无法制审核意见"),
    ("clean", "T04", "n/a", "本评查标准未设重大执法决定标准"),
    ("bare", "R07", "fail", "卷内有查封扣押财产（02现场笔录.docx），未见音像记录清单或全程音像记录的记载"),
    ("freeze", "R07", "n/a", ""),
    ("overdue", "V05", "fail", "超过30日"),
    ("extended", "V05", "pass", ""),
    ("extended", "R13", "pass", ""),
    ("late_extension", "R13", "fail", "原30日期限届满（2025年4月2日）之后"),
    ("late_extension", "V05", "fail", "超过60日"),
    ("late_approval", "V03", "fail", "负责人于2025年3月6日批准，已超过二十四小时"),
    ("bare", "V02", "fail", "执法人员1人"),
    ("bare", "V03", "n/a", ""),
    ("bare", "V04", "fail", "清单"),
    ("bare", "V05", "n/a", ""),
    ("bare", "R08", "fail", "行政强制措施审批表"),
    ("bare", "R10", "fail", "未当场交付"),
    ("bare", "R16", "fail", ""),
    ("freeze", "R11", "pass", "第3个工作日"),
    ("freeze", "R12", "pass", ""),
    ("freeze", "V04", "pass", ""),
    ("freeze", "V06", "pass", "反垄断法"),
    ("freeze", "R01", "n/a", ""),
    ("freeze", "R08", "pass", ""),
    ("freeze_late", "R11", "fail", "超过3个工作日（应不晚于2025年3月6日）"),
])  # fmt: skip
def test_item_status_on_coercion_dossiers(results, dossier: str, code: str, expected: str, says: str) -> None:
    got, message = status(results, dossier, code)
    assert got == expected, (dossier, code, message)
    assert says in message, (dossier, code, message)


def test_the_clean_dossier_fails_nothing_and_is_a_coercion_file(results) -> None:
    from ingest.case_type import from_documents

    facts, result = results["clean"]
    assert {f.item_code for f in result.findings if f.status.value == "fail"} == set()
    assert result.total_score == 100 and not result.vetoed
    case_type = from_documents({d.kind for d in facts.documents})
    assert case_type is not None and case_type.case_type == "coercion"


def test_an_overrun_is_vetoed(results) -> None:
    assert results["overdue"][1].vetoed and results["overdue"][1].total_score == 0
    assert not results["extended"][1].vetoed


def test_penalty_general_scores_the_seizure_as_its_supplement(results) -> None:
    """A penalty file holding a 扣押决定书 gets the measure's items as a section of its own."""
    facts, alone = results["overdue"]
    [section] = score_case(facts, load_checklist("penalty-general")).sections
    assert section.checklist_id == "coercion-measure"
    got = {f.item_code: f.status.value for f in section.findings}
    assert got == {f.item_code: f.status.value for f in alone.findings}
    assert got["V05"] == "fail"
