"""One arithmetic: the review round trip re-totals a file exactly as the run scored it.

A file scored by the engine, written to the contract CSVs, read back and re-totalled through a review with
no overrides gives the same scores, grade and review flags. With random reviewer decisions, the totals
`review apply` writes agree with a hand-written oracle of checklist-penalty-general.md "How a file is
scored" that shares no code with the engine: item caps, category floors, a veto makes the total 0 and
keeps the raw score, grade bands. In the bundled checklist most categories' caps add up to exactly their
points (审查决定, 告知听证 and 送达执行 gave points to 三项制度, so theirs can bite); a copy with three times the
caps makes every floor bite.
"""

from __future__ import annotations

import re
import tempfile
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reports.contract_csv import ContractWriter
from reports.loading import RunData, load_run
from reports.overrides import ReviewEdit, apply_overrides_to_run
from reports.rescoring import case_result
from scoring import engine
from scoring.checklist import Checklist, load_checklist, resolve_checklist
from scoring.engine import rescore, score_case
from scoring.glossary import Status
from scoring.model import CaseResult
from scoring.rules import Outcome
from tests.scoring.builders import clean_case

DOSSIER = "区市场监管局/2025-012"
AT = datetime(2025, 7, 2, 10, 0).astimezone()

# checklist-penalty-general.md, written out by hand: category points and grade bands (highest first)
CATEGORY_POINTS = {"立案": 10, "调查取证": 20, "审查决定": 22, "告知听证": 12, "送达执行": 16, "文书归档": 10,
                   "三项制度": 10}
BANDS = (("优秀", 90), ("良好", 80), ("合格", 60))
FAIL_GRADE = "不合格"

WORDS = st.text(alphabet="未见告知书缺送达回证；;,， 0123456789", max_size=12)
STATUSES = st.sampled_from([Status.PASS, Status.PASS, Status.FAIL, Status.NA, Status.UNKNOWN, Status.MANUAL])


@pytest.fixture(scope="module")
def checklists(tmp_path_factory: pytest.TempPathFactory) -> tuple[Checklist, Checklist]:
    """The bundled checklist, and a copy whose item caps are tripled so that category floors bite."""
    text = resolve_checklist("penalty-general").read_text(encoding="utf-8")
    loose = tmp_path_factory.mktemp("checklists") / "loose-caps.yaml"
    loose.write_text(re.sub(r"(?m)^(\s+cap: )(\d+)$", lambda m: f"{m[1]}{int(m[2]) * 3}", text), encoding="utf-8")
    bundled, tripled = load_checklist("penalty-general"), load_checklist(str(loose))
    assert [i.cap * 3 for i in bundled.items] == [i.cap for i in tripled.items]
    return bundled, tripled


@st.composite
def outcomes(draw, checklist: Checklist) -> dict[str, Outcome]:
    """A verdict for every item of the checklist, as its rules might give one."""
    verdicts = {}
    for item in checklist.items:
        status = draw(STATUSES)
        occurrences = draw(st.integers(1, 6)) if status == Status.FAIL else 0
        verdicts[item.code] = Outcome(status, occurrences, draw(WORDS))
    return verdicts


EXTRA_REASONS = st.lists(st.text(alphabet="扫描件识别置信度低页", min_size=1, max_size=8), max_size=2)


def scored(checklist: Checklist, verdicts: dict[str, Outcome], extra_reasons: list[str]) -> CaseResult:
    """The engine's own score_case, with each item's rule replaced by the drawn verdict."""
    facts = replace(clean_case(DOSSIER), review_reasons=list(extra_reasons))
    with mock.patch.object(engine, "evaluate_item", lambda item, _facts, _ctx: verdicts[item.code]):
        return score_case(facts, checklist)


def written_and_read(checklist: Checklist, result: CaseResult, folder: Path) -> RunData:
    """The result as `pingcha run` writes it (cases.csv, findings.csv) and the reports read it back."""
    with ContractWriter(folder, checklist.id) as writer:
        writer.add_case(result)
    return load_run(folder, checklist)


@settings(max_examples=60, deadline=None)
@given(data=st.data(), extra_reasons=EXTRA_REASONS)
def test_an_empty_review_re_totals_a_file_exactly_as_the_run_scored_it(checklists, data, extra_reasons) -> None:
    checklist = data.draw(st.sampled_from(checklists))
    direct = scored(checklist, data.draw(outcomes(checklist)), extra_reasons)
    with tempfile.TemporaryDirectory() as tmp:
        run = written_and_read(checklist, direct, Path(tmp))
    again = rescore(case_result(DOSSIER, run.cases.iloc[0], run.findings), {}, checklist)
    assert (again.raw_score, again.total_score, again.grade, again.vetoed) == \
        (direct.raw_score, direct.total_score, direct.grade, direct.vetoed)
    assert (again.needs_review, again.review_reasons) == (direct.needs_review, direct.review_reasons)
    assert [(f.item_code, f.status, f.points_deducted, f.veto) for f in again.findings] == \
        [(f.item_code, f.status, f.points_deducted, f.veto) for f in direct.findings]


@st.composite
def reviewer_decisions(draw, checklist: Checklist) -> dict[str, tuple[str, float]]:
    """item code -> (choice, points) for a random set of items, each as a reviewer may enter it."""
    decisions = {}
    for item in draw(st.lists(st.sampled_from(checklist.items), max_size=8, unique_by=lambda i: i.code)):
        if item.veto:
            decisions[item.code] = (draw(st.sampled_from(["veto", "pass", "n/a"])), 0.0)
        else:
            choice = draw(st.sampled_from(["fail", "pass", "n/a"]))
            points = float(draw(st.integers(0, int(item.cap)))) if choice == "fail" else 0.0
            decisions[item.code] = (choice, points)
    return decisions


def oracle(checklist: Checklist, verdicts: dict[str, Outcome], decisions: dict[str, tuple[str, float]],
           extra_reasons: list[str]) -> tuple[float, float, str, bool, bool]:
    """(raw, total, grade, vetoed, needs review) of the file, computed from the scoring rules by hand; only
    the items' points and caps are read from the checklist."""
    deducted = dict.fromkeys(CATEGORY_POINTS, 0.0)
    vetoed = False
    unknown = False
    for item in checklist.items:
        verdict = verdicts[item.code]
        if item.code in decisions:
            choice, points = decisions[item.code]
            vetoed |= choice == "veto"
            deducted_here = points if choice == "fail" else 0.0
        else:
            failed = verdict.status == Status.FAIL
            vetoed |= failed and item.veto
            deducted_here = 0.0 if item.veto or not failed else item.points * verdict.occurrences
            unknown |= verdict.status == Status.UNKNOWN
        if not item.veto:
            deducted[item.category] += min(deducted_here, item.cap)
    lost = sum(min(points, CATEGORY_POINTS[category]) for category, points in deducted.items())
    raw = max(100.0 - lost, 0.0)
    grade = FAIL_GRADE if vetoed else next((name for name, low in BANDS if raw >= low), FAIL_GRADE)
    return raw, 0.0 if vetoed else raw, grade, vetoed, unknown or bool(extra_reasons)


def edits(decisions: dict[str, tuple[str, float]]) -> list[ReviewEdit]:
    status = {"fail": Status.FAIL, "veto": Status.FAIL, "pass": Status.PASS, "n/a": Status.NA}
    return [ReviewEdit(DOSSIER, code, status[choice], points, choice == "veto", "复核理由", "评查员", choice,
                       "评查明细", f"L{row}")
            for row, (code, (choice, points)) in enumerate(decisions.items(), start=2)]


@settings(max_examples=100, deadline=None)
@given(data=st.data(), extra_reasons=EXTRA_REASONS)
def test_reviewed_totals_follow_the_hand_written_arithmetic(checklists, data, extra_reasons) -> None:
    checklist = data.draw(st.sampled_from(checklists))
    verdicts, decisions = data.draw(outcomes(checklist)), data.draw(reviewer_decisions(checklist))
    with tempfile.TemporaryDirectory() as tmp:
        run = written_and_read(checklist, scored(checklist, verdicts, extra_reasons), Path(tmp))
    reviewed = apply_overrides_to_run(run, edits(decisions), checklist, at=AT)
    expected_raw, expected_total, expected_grade, expected_veto, expected_review = oracle(
        checklist, verdicts, decisions, extra_reasons)
    case = reviewed.cases.iloc[0]
    changed = set(reviewed.audit["item_code"])  # decisions equal to the machine's change nothing
    assert (case["needs_review"], bool(case["review_reasons"])) == (expected_review, expected_review)
    assert (case["raw_score"], case["total_score"], case["grade"], bool(case["vetoed"])) == \
        (expected_raw, expected_total, expected_grade, expected_veto)
    findings = reviewed.findings.set_index("item_code")
    for code, (choice, points) in decisions.items():
        assert findings.at[code, "status"] == ("fail" if choice == "veto" else choice)
        assert (findings.at[code, "points_deducted"], bool(findings.at[code, "veto"])) == \
            (points, choice == "veto")
        if code in changed:
            assert findings.at[code, "auto_status"] == verdicts[code].status.value
