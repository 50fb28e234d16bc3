"""Accuracy on the hand-written dossiers of the new case types (简易程序, 行政许可, 行政检查), each scored with the checklist
of its type given explicitly, as `python -m bench.realworld` measures it: no deduction and no veto the reviewer
did not label (one false deduction costs a reviewer's trust). Recall is reported by the bench, not held here.

What pingcha misread on these files was fixed as a class (sector titles before 当场/简易程序 titles, officers
signing by their sector title, collection on the spot said in words), never tuned away in the files.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.realworld import bundled_corpora, measure_typed

pytestmark = pytest.mark.slow  # renders ~90 files and OCRs the scan-like pages

HERE = Path(__file__).parent
SIMPLE, LICENSE, INSPECTION = "dossiers_simple", "dossiers_license", "dossiers_inspection"
MEASURE, EXECUTION = "dossiers_coercion", "dossiers_execution"
NO_EXECUTION_STANDARD = (
    "coercion-execution is not a bundled checklist yet: dossiers_execution is labelled against the draft's codes "
    "(shared/reference/checklist-enforcement.md part B) and is measured once the standard ships"
)


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    work = tmp_path_factory.mktemp("realworld-types")
    return {corpus: measure_typed(work, corpus) for corpus in bundled_corpora()}


@pytest.mark.parametrize("corpus", [SIMPLE, LICENSE])
def test_no_false_deduction(runs, corpus):
    true, false, missed, precision, recall = runs[corpus].findings.precision_recall(veto=False)
    assert false == 0, [m for m in runs[corpus].findings.misses if m[3] == "fail"]


@pytest.mark.parametrize("corpus", [SIMPLE, LICENSE])
def test_vetoes_are_exact(runs, corpus):
    true, false, missed, precision, recall = runs[corpus].findings.precision_recall(veto=True)
    assert (false, missed) == (0, 0), runs[corpus].findings.misses


def _simple_ids() -> list[str]:
    return sorted(p.parent.name for p in (HERE / SIMPLE).glob("*/dossier.yaml"))


@pytest.mark.parametrize("dossier", _simple_ids())
def test_summary_procedure_is_read(runs, dossier):
    want_type, want_procedure, got_type, got_procedure = runs[SIMPLE].types[f"独立样本/{dossier}"]
    assert (got_type, got_procedure) == (want_type, want_procedure)


def test_licence_type_is_read(runs):
    wrong = {d: t for d, t in runs[LICENSE].types.items() if t[0] != t[2]}
    assert not wrong


def test_coercion_measure_has_no_false_deduction_or_veto(runs):
    findings = runs[MEASURE].findings
    assert findings.precision_recall(veto=False)[1] == 0, findings.misses
    assert findings.precision_recall(veto=True)[1] == 0, findings.misses


def test_coercion_measure_finds_the_planted_vetoes_and_deductions_it_can_read(runs):
    # floors reached (2026-12): V03 late approval, V04 no 清单, V05 overrun and V05 after an extension made on day
    # 35; R01 no 现场笔录, R08 no 审批表, R13 late extension.
    # Left: eco-c2's R04 and R10 (its 现场检查笔录 is a scan dated two days before the decision: a record of another
    # day is never taken for the measure's), R14 (manual).
    findings = runs[MEASURE].findings
    assert findings.precision_recall(veto=True)[0] >= 4
    assert findings.precision_recall(veto=False)[0] >= 3


def test_coercion_measure_type_is_read(runs):
    wrong = {d: t for d, t in runs[MEASURE].types.items() if t[0] != t[2]}
    assert not wrong


@pytest.mark.skipif(EXECUTION not in bundled_corpora(), reason=NO_EXECUTION_STANDARD)
def test_coercion_execution_has_no_false_deduction_or_veto(runs):
    findings = runs[EXECUTION].findings
    assert findings.precision_recall(veto=False)[1] == 0, findings.misses
    assert findings.precision_recall(veto=True)[1] == 0, findings.misses


@pytest.mark.skipif(EXECUTION not in bundled_corpora(), reason=NO_EXECUTION_STANDARD)
def test_coercion_execution_finds_the_planted_vetoes_and_deductions_it_can_read(runs):
    # floors reached (2026-12): V02 no 催告, V04 applied inside the 6 months, V05 surcharge over the fine; R01 a
    # surcharge applied for that the 催告书 never asked for, R08 applied 4 working days after the 催告 was served, R09
    # applied after the 3-month window.
    # Left: R18 (a surcharge sum inconsistent with its own arithmetic), R06 on a Sunday (the standard deducts
    # statutory holidays only: a doubt of the draft the label reads the other way), R10 manual.
    findings = runs[EXECUTION].findings
    assert findings.precision_recall(veto=True)[0] >= 3
    assert findings.precision_recall(veto=False)[0] >= 3


@pytest.mark.skipif(EXECUTION not in bundled_corpora(), reason=NO_EXECUTION_STANDARD)
def test_coercion_execution_type_is_read(runs):
    wrong = {d: t for d, t in runs[EXECUTION].types.items() if t[0] != t[2]}
    assert not wrong


# 行政检查 (tests/realworld/dossiers_inspection). Fixed as a class: the records' sector labels (检查（勘察）人,
# 当事人签名或盖章, 卫生监督员签名 …), the 生态环境 record's 这是我们的执法证件, PDF lines wrapped inside a bracket,
# the titles of 专项检查方案, 12345 工单, 卫生监督意见书, 整改复查意见书 and quoted 双随机 records.
# R05: a record saying 扫码亮证 in any sentence (safety-i1) stands for the notice (DocFacts.code_shown).


def test_inspection_has_no_false_deduction(runs):
    false = {(m[0], m[1]) for m in runs[INSPECTION].findings.misses if m[3] == "fail"}
    assert not false, false


def test_inspection_no_false_veto_and_deductions_found(runs):
    true, false, missed, precision, recall = runs[INSPECTION].findings.precision_recall(veto=True)
    assert false == 0, runs[INSPECTION].findings.misses
    true, false, missed, precision, recall = runs[INSPECTION].findings.precision_recall(veto=False)
    assert true >= 5  # measured: R01, R05, R06, R08, R12 found; R10 (manual) and R16 (a scanned blank) not


def test_inspection_type_is_read_and_a_penalty_file_opening_with_a_record_is_no_inspection(runs):
    types = runs[INSPECTION].types
    wrong = {d: t for d, t in types.items() if t[0] != t[2] or (t[1] and t[1] != t[3])}
    assert not wrong
    assert types["独立样本/samr-x1"][2:] == ("penalty", "general")
