"""The inspection standard on hand-built 行政检查 dossiers (.docx in form-text wording), read by the pipeline's own
ingest (discover → load → extract) and scored: each item's status is what a reviewer reading the file says."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.case_type import decide_case_type
from ingest.discover import discover_campaign
from ingest.extract import extract_case
from ingest.glossary import DocKind
from ingest.load import load_dossier
from scoring.checklist import load_checklist
from scoring.engine import score_case
from scoring.routing import default_routes
from tests.scoring.inspection_dossiers import write_dossier

DOSSIERS: dict[str, dict] = {
    "clean": {},
    "no_approval": dict(approval=False),
    "no_notice": dict(notice=False),
    "not_shown": dict(shown=False),
    # one certified officer and a helper named without a certificate number
    "one_officer": dict(officers=(("张三", "32011512345"), ("王某", ""))),
    "unsigned": dict(party_signed=False),
    # no 检查结果告知书, but the record's 检查结果 box: the reviewer judges whether the party was told
    "result_in_record": dict(result=False),
    # no 检查结果告知书 and nothing of the result in the record
    "result_untold": dict(result=False, result_line=False),
}


@pytest.fixture(scope="module")
def cases(tmp_path_factory) -> dict:
    root: Path = tmp_path_factory.mktemp("campaign")
    for name, spec in DOSSIERS.items():
        write_dossier(root / "江宁区市场监管局" / name, **spec)
    out = {}
    for ref in discover_campaign(root).dossiers:
        out[ref.dossier_id.rsplit("/", 1)[-1]] = extract_case(load_dossier(ref))
    return out


@pytest.fixture(scope="module")
def results(cases) -> dict:
    checklist = load_checklist("inspection")
    return {name: score_case(facts, checklist) for name, facts in cases.items()}


def status(results, dossier: str, code: str) -> tuple[str, str]:
    finding = next(f for f in results[dossier].findings if f.item_code == code)
    return finding.status.value, finding.message


@pytest.mark.parametrize(("dossier", "code", "expected", "says"), [
    ("clean", "V02", "pass", "张三、李四及执法证号"),
    ("clean", "R01", "pass", "行政检查审批表"),
    ("clean", "R03", "pass", ""),
    ("clean", "R05", "pass", "行政检查通知书"),
    ("clean", "R06", "pass", "载明出示执法证件"),
    ("clean", "R08", "pass", "2名以上执法人员及执法证号"),
    ("clean", "R09", "pass", "起止时间（到分）、地点"),
    ("clean", "R12", "pass", "检查结果告知书"),
    ("clean", "R16", "pass", "检查人员签名"),
    ("clean", "R19", "pass", "校验通过"),
    ("clean", "V03", "manual", "行政检查事项清单"),
    ("no_approval", "R01", "fail", "卷内未见行政检查审批表或检查方案、检查计划"),
    ("no_approval", "R03", "n/a", ""),
    ("no_approval", "V02", "pass", "现场检查"),  # the record names both officers with their numbers
    ("no_notice", "R05", "fail", "卷内未见行政检查通知书"),
    ("not_shown", "R06", "fail", "现场检查笔录（03现场检查笔录.docx）未载明出示执法证件"),
    ("one_officer", "R08", "fail", "王某未载明执法证号"),
    ("unsigned", "R09", "fail", "签名或拒签说明"),
    ("result_in_record", "R12", "unknown", "未发现违法行为"),
    ("result_untold", "R12", "fail", "卷内未见检查结果告知书（或责令改正通知书）"),
])  # fmt: skip
def test_item_status_on_inspection_dossiers(results, dossier: str, code: str, expected: str, says: str) -> None:
    got, message = status(results, dossier, code)
    assert got == expected, (dossier, code, message)
    assert says in message, (dossier, code, message)


def test_the_clean_dossier_loses_nothing(results) -> None:
    assert not [f.item_code for f in results["clean"].findings if f.status.value in ("fail", "unknown")]
    assert results["clean"].total_score == 100 and not results["clean"].vetoed


def test_one_certified_officer_is_vetoed(results) -> None:
    got, message = status(results, "one_officer", "V02")
    assert got == "fail" and "1人持证" in message
    assert results["one_officer"].vetoed and results["one_officer"].total_score == 0
    assert not results["no_approval"].vetoed


def test_deductions_add_up(results) -> None:
    assert results["no_notice"].total_score == 95  # R05: 5 points
    assert results["no_approval"].total_score == 92  # R01: 8 points (R03 n/a without the approval)


def test_the_forms_are_told_apart_and_make_an_inspection_file(cases) -> None:
    kinds = {d.kind for d in cases["clean"].documents}
    assert kinds == {DocKind.INSPECTION_APPROVAL, DocKind.INSPECTION_NOTICE, DocKind.INSPECTION_RECORD,
                     DocKind.INSPECTION_RESULT_NOTICE}
    decided = decide_case_type(kinds)
    assert (decided.case_type, decided.key) == ("inspection", "inspection")
    assert "行政检查通知书" in decided.reason
    assert default_routes()["inspection"] == "inspection"


def test_an_inspection_that_led_to_a_case_is_that_case() -> None:
    kinds = {DocKind.INSPECTION_NOTICE, DocKind.INSPECTION_RECORD}
    assert decide_case_type(kinds | {DocKind.DECISION}).case_type == "penalty"
    assert decide_case_type(kinds | {DocKind.LICENSE_DECISION}).case_type == "license"
    assert decide_case_type(kinds | {DocKind.SEIZURE}).case_type == "coercion"
    # a 现场检查笔录 alone (every penalty file holds one) does not decide; the folder name may
    assert decide_case_type({DocKind.INSPECTION_RECORD}).case_type == "unknown"
    assert decide_case_type({DocKind.INSPECTION_RECORD}, name="2025行政检查001").case_type == "inspection"
