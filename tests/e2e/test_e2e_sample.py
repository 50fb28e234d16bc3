"""End to end: the review_campaign flow on sample_dossiers/ against the generator's ground truth.

The manifest is written by the generator from what it planted (tests/data/sample_manifest.json), never
by the pipeline, so these assertions compare the pipeline with an independent truth.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from reports.contract_csv import CASES_COLUMNS, FINDINGS_COLUMNS, PROBLEMS_COLUMNS
from tests.paths import SAMPLE_DOSSIERS, SAMPLE_MANIFEST, SAMPLE_MIXED_MANIFEST

pytestmark = pytest.mark.slow

DATE_FIELDS = (
    "violation_date", "source_date", "filing_date", "notice_date", "notice_served_date", "hearing_date",
    "decision_date", "delivery_date",
)  # fmt: skip


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def manifest() -> dict:
    return json.loads(SAMPLE_MANIFEST.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def demo_out(prefect_harness, tmp_path_factory) -> Path:
    from pipelines.flow import review_campaign

    out = tmp_path_factory.mktemp("demo") / "out"
    review_campaign(dossiers=str(SAMPLE_DOSSIERS), out=str(out), campaign="示例评查活动", workers_count=2)
    return out


@pytest.fixture(scope="module")
def cases(demo_out) -> dict[str, dict[str, str]]:
    return {row["dossier_id"]: row for row in _read_csv(demo_out / "cases.csv")}


@pytest.fixture(scope="module")
def findings(demo_out) -> dict[tuple[str, str], dict[str, str]]:
    return {(r["dossier_id"], r["item_code"]): r for r in _read_csv(demo_out / "findings.csv")}


def test_every_contract_file_is_written(demo_out):
    for name in ("cases.csv", "findings.csv", "problems.csv", "run.json", "scorecards.xlsx"):
        assert (demo_out / name).is_file(), name
    assert sorted(p.name for p in (demo_out / "charts").glob("*.png")) == [
        "avg_score_by_unit.png", "avg_score_by_unit_type.png", "deductions_by_category.png", "grades_by_unit.png",
        "top_deductions_pareto.png",
    ]  # fmt: skip  (the demo holds a unit of mixed case types: the chart by type is drawn)
    run = json.loads((demo_out / "run.json").read_text(encoding="utf-8"))
    summary = json.loads((demo_out / "validation" / "summary.json").read_text(encoding="utf-8"))
    assert summary["evaluated"] == run["validation"]["evaluated"] > 40  # both suites ran: 37 + 7 expectations
    assert summary["failed"] == run["validation"]["failed"]
    with (demo_out / "cases.csv").open(encoding="utf-8-sig") as handle:
        assert tuple(next(csv.reader(handle))[: len(CASES_COLUMNS)]) == CASES_COLUMNS
    with (demo_out / "findings.csv").open(encoding="utf-8-sig") as handle:
        assert tuple(next(csv.reader(handle))[: len(FINDINGS_COLUMNS)]) == FINDINGS_COLUMNS
    with (demo_out / "problems.csv").open(encoding="utf-8-sig") as handle:
        assert tuple(next(csv.reader(handle))) == PROBLEMS_COLUMNS
    assert (demo_out / "cases.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_run_json_records_checklist_and_counts(demo_out, manifest):
    run = json.loads((demo_out / "run.json").read_text(encoding="utf-8"))
    assert run["checklist"]["id"] == "penalty-general"
    assert len(run["checklist"]["content_hash"]) == 64
    mixed = json.loads(SAMPLE_MIXED_MANIFEST.read_text(encoding="utf-8"))  # the unit of mixed case types
    assert run["counts"]["dossiers"] == len(manifest["dossiers"]) + len(mixed["dossiers"])
    assert run["counts"]["units"] == len(manifest["units"]) + len(mixed["units"])
    assert run["campaign"] == "示例评查活动"
    assert set(run["timings"]["phases"]) >= {"discover", "process", "finish"}
    assert set(run["timings"]["finish_jobs"]) == {"validate", "charts", "history", "scorecard", "documents",
                                                   "unit_findings", "review_forms_1", "review_forms_2"}
    assert run["versions"]["prefect"].startswith("3.")


def test_one_row_per_dossier(cases, manifest):
    mixed = json.loads(SAMPLE_MIXED_MANIFEST.read_text(encoding="utf-8"))
    assert set(cases) == {d["dossier_id"] for d in manifest["dossiers"] + mixed["dossiers"]}


def test_extracted_dates_officers_and_case_numbers(cases, manifest):
    wrong = []
    for dossier in manifest["dossiers"]:
        row, truth = cases[dossier["dossier_id"]], dossier["elements"]
        for field in (*DATE_FIELDS, "case_no", "party_name", "party_id", "notice_no"):
            expected = truth.get(field) or ""
            if row[field] != expected:
                wrong.append((dossier["dossier_id"], field, row[field], expected))
        for field, joined in (("officers", row["officers"]), ("officer_cert_nos", row["officer_cert_nos"])):
            if joined != ";".join(truth[field]):
                wrong.append((dossier["dossier_id"], field, joined, ";".join(truth[field])))
        for field in ("fine_amount", "notice_fine_amount"):
            expected = truth.get(field)
            if (float(row[field]) if row[field] else None) != (float(expected) if expected else None):
                wrong.append((dossier["dossier_id"], field, row[field], expected))
    assert not wrong, "\n".join(map(str, wrong))


def test_every_item_status_matches_ground_truth(findings, manifest):
    wrong = []
    for dossier in manifest["dossiers"]:
        for code, expected in dossier["expected"].items():
            got = findings[(dossier["dossier_id"], code)]
            if got["status"] != expected:
                wrong.append((dossier["dossier_id"], code, got["status"], expected, got["message"]))
            elif expected == "fail" and dossier["expected_points"].get(code) != float(got["points_deducted"]):
                wrong.append((dossier["dossier_id"], code, got["points_deducted"], dossier["expected_points"][code]))
    assert not wrong, "\n".join(map(str, wrong))


def test_scores_grades_and_vetoes(cases, manifest):
    for dossier in manifest["dossiers"]:
        row = cases[dossier["dossier_id"]]
        assert float(row["total_score"]) == dossier["expected_total_score"], dossier["dossier_id"]
        assert row["grade"] == dossier["expected_grade"], dossier["dossier_id"]
        assert row["vetoed"] == ("true" if dossier["expected_vetoed"] else "false")
        if dossier["expected_vetoed"]:
            assert float(row["raw_score"]) == dossier["expected_raw_score"]


def test_every_fail_names_its_evidence(findings):
    for (dossier_id, code), row in findings.items():
        if row["status"] == "fail":
            assert row["message"], (dossier_id, code)
            assert row["quote"] or row["source_file"] or any(w in row["message"] for w in ("未见", "缺", "无")), (
                dossier_id, code, row["message"],
            )  # fmt: skip


def test_scorecard_ranks_units_by_average(demo_out, cases):
    from openpyxl import load_workbook

    averages: dict[str, list[float]] = {}
    for row in cases.values():
        averages.setdefault(row["unit"], []).append(float(row["total_score"]))
    expected_order = sorted(averages, key=lambda u: (-sum(averages[u]) / len(averages[u]), -sum(averages[u])))
    sheet = load_workbook(demo_out / "scorecards.xlsx", read_only=True)["汇总"]
    names_in_sheet = [c for row in sheet.iter_rows(values_only=True) for c in row if c in averages]
    assert names_in_sheet[: len(expected_order)] == expected_order


def test_a_fresh_scorecard_can_be_applied(demo_out, cases, findings, tmp_path):
    """The workbook `pingcha run` wrote is accepted by `pingcha review apply` as it is, after the run
    finished writing run.json: lifting one deduction raises that file's score by exactly its points."""
    from openpyxl import load_workbook

    from reports.review import apply_review
    from reports.scorecard import DETAILS_SHEET

    target = next(f for f in findings.values() if f["status"] == "fail" and f["veto"] == "false"
                  and float(f["points_deducted"]) > 0 and cases[f["dossier_id"]]["vetoed"] == "false")
    wb = load_workbook(demo_out / "scorecards.xlsx")
    ws = wb[DETAILS_SHEET]
    row = next(r for r in range(2, ws.max_row + 1)
               if (ws.cell(r, 1).value, ws.cell(r, 2).value) == (target["dossier_id"], target["item_code"]))
    first = next(c.column for c in ws[1] if c.value == "复核结论")  # a campaign of several types adds 评查标准
    for offset, value in enumerate(("改为通过", None, "原件在副卷", "李评查")):
        ws.cell(row, first + offset).value = value
    edited = tmp_path / "edited.xlsx"
    wb.save(edited)

    summary = apply_review(edited, tmp_path / "reviewed")

    assert summary.base_out == demo_out.resolve() and summary.changes == 1
    after = {r["dossier_id"]: r for r in _read_csv(tmp_path / "reviewed" / "cases.csv")}
    before = cases[target["dossier_id"]]
    assert float(after[target["dossier_id"]]["raw_score"]) == \
        float(before["raw_score"]) + float(target["points_deducted"])


def test_the_mixed_unit_is_routed_and_scored_as_its_manifest_says(cases, findings):
    """The demo's unit of mixed case types: each file's type, its standard, and every item as the truth says —
    but for the coercion-execution differences recorded with their reasons beside the generator's tests (its
    standard is being settled on another branch; a difference not recorded there fails here)."""
    from tests.samplegen.test_coercion_inspection import _execution_gaps

    mixed = json.loads(SAMPLE_MIXED_MANIFEST.read_text(encoding="utf-8"))
    wrong = []
    for d in mixed["dossiers"]:
        row = cases[d["dossier_id"]]
        if (row["case_type"], row["procedure"], row["checklist"]) != (d["case_type"], d["procedure"], d["checklist"]):
            wrong.append((d["dossier_id"], row["case_type"], row["procedure"], row["checklist"]))
        for code, want in d["expected"].items():
            got = findings[(d["dossier_id"], code)]["status"]
            recorded = d["checklist"] == "coercion-execution" and _execution_gaps(d, code) is not None
            if got != want and not recorded:
                wrong.append((d["dossier_id"], code, want, got))
    assert not wrong, wrong
