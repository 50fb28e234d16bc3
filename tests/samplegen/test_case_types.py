"""The generator's new case types (简易程序 penalties, 行政许可) against their standards and the pipeline.

The truth is the generator's (samplegen/summary_penalty.py, licence.py: by hand from the checklists); here it
is checked to cover every item, to flip exactly the planted items, and to match what ingest + scoring say on
the generated files — engine level now, and through `pingcha run` with routing by case type.
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from samplegen import build_campaign, manifest, write_campaign
from samplegen.__main__ import main as cli
from samplegen.licence import LICENCE_DEFECTS, LICENCE_PLANTED_ONLY
from samplegen.model import DossierPlan, TypedDossierSpec
from samplegen.standards import LICENSE, PENALTY_SIMPLE
from samplegen.summary_penalty import SUMMARY_DEFECTS
from tests.paths import ROOT
from tests.samplegen.campaigns import assert_clean_files_score_100, planned_campaign

SIMPLE = ("penalty", "summary")
LICENCE = ("license", "")
MIXED = ("penalty-general", "penalty-simple", "license")


def _plan() -> list[DossierPlan]:
    """One file per defect of each new type, a clean one of each, and two general-procedure files."""
    plans = [DossierPlan((name,), case_type="penalty", procedure="summary") for name in SUMMARY_DEFECTS]
    plans += [DossierPlan((name,), case_type="license", procedure="") for name in LICENCE_DEFECTS
              if name not in LICENCE_PLANTED_ONLY]
    plans += [DossierPlan(case_type="penalty", procedure="summary"), DossierPlan(case_type="license", procedure=""),
              DossierPlan(("receipt_late", "no_place"), case_type="penalty", procedure="summary"),
              DossierPlan(("late_correction", "late_delivery"), case_type="license", procedure=""),
              DossierPlan(("refusal_no_reasons", "refusal_no_remedies"), case_type="license", procedure=""),
              DossierPlan(), DossierPlan(("late_delivery",))]
    return plans


@pytest.fixture(scope="module")
def planned(tmp_path_factory) -> tuple[Path, dict]:
    return planned_campaign(tmp_path_factory.mktemp("types"), _plan(), seed=17)


# ----------------------------------------------------------------------------------------------------
# the truth itself
# ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("std", [PENALTY_SIMPLE, LICENSE], ids=lambda s: s.checklist)
def test_the_generators_copy_of_each_standard_matches_its_yaml(std) -> None:
    from scoring.checklist import load_checklist

    checklist = load_checklist(std.checklist)
    assert set(std.items) == {i.code for i in checklist.items}
    for item in checklist.items:
        if item.veto:
            assert item.code in std.veto
        else:
            assert std.points[item.code] == (item.points, item.cap), item.code
        if item.code in std.manual:
            assert item.kind == "manual", item.code
        elif item.kind == "manual":  # a manual item off by default (its parameter 0): n/a in the truth
            assert item.args.when is not None, item.code
    cats = {c.name: c.points for c in checklist.categories if not c.veto}
    assert {name: pts for name, (pts, _) in std.categories.items()} == cats


def test_every_dossier_has_a_status_for_every_item_of_its_own_checklist(planned) -> None:
    _, data = planned
    assert data["checklist"] == "by-dossier"
    seen = set()
    for d in data["dossiers"]:
        std = {"penalty-simple": PENALTY_SIMPLE, "license": LICENSE}.get(d["checklist"])
        seen.add((d["case_type"], d["procedure"], d["checklist"]))
        if std is not None:
            assert set(d["expected"]) == set(std.items)
            assert set(d["expected"].values()) <= {"pass", "fail", "n/a", "unknown", "manual"}
    assert seen == {("penalty", "general", "penalty-general"), ("penalty", "summary", "penalty-simple"),
                    ("license", "", "license")}


@pytest.mark.parametrize("name", sorted(SUMMARY_DEFECTS))
def test_a_summary_defect_fails_exactly_its_items(planned, name) -> None:
    _, data = planned
    d = next(x for x in data["dossiers"] if x["defects"] == [name])
    assert {c for c, s in d["expected"].items() if s == "fail"} == set(SUMMARY_DEFECTS[name].hits)
    assert d["expected_vetoed"] == any(c.startswith("V") for c in SUMMARY_DEFECTS[name].hits)


@pytest.mark.parametrize("name", sorted(set(LICENCE_DEFECTS) - LICENCE_PLANTED_ONLY))
def test_a_licence_defect_fails_exactly_its_items(planned, name) -> None:
    _, data = planned
    d = next(x for x in data["dossiers"] if x["defects"] == [name])
    assert {c for c, s in d["expected"].items() if s == "fail"} == set(LICENCE_DEFECTS[name].hits)


def test_clean_files_of_each_new_type_score_100(planned) -> None:
    assert_clean_files_score_100(planned[1], MIXED)


def test_a_refusal_without_reasons_and_remedies_is_vetoed_and_deducted(planned) -> None:
    _, data = planned
    d = next(x for x in data["dossiers"] if x["defects"] == ["refusal_no_reasons", "refusal_no_remedies"])
    assert d["expected_vetoed"] and d["expected_total_score"] == 0 and d["expected_raw_score"] == 96
    assert d["elements"]["license_decision"] == "refuse" and d["expected"]["R18"] == "n/a"


def test_a_fine_over_the_summary_limit_is_planted_above_it(planned) -> None:
    _, data = planned
    d = next(x for x in data["dossiers"] if x["defects"] == ["fine_over_limit"])
    limit = {"individual": 200, "organisation": 3000}[d["elements"]["party_kind"]]
    assert float(d["elements"]["fine_amount"]) > limit and d["expected"]["V01"] == "fail"


def test_the_default_campaign_is_drawn_as_before() -> None:
    a = manifest(build_campaign(seed=5, units=2, per_unit=3))
    b = manifest(build_campaign(seed=5, units=2, per_unit=3, types=("penalty-general",)))
    assert a == b and a["checklist"] == "penalty-general" and "checklist" not in a["dossiers"][0]


def test_the_cli_makes_a_mixed_campaign_and_refuses_an_unknown_type(tmp_path, capsys) -> None:
    out, man = tmp_path / "out", tmp_path / "m.json"
    assert cli([str(out), "--types", "penalty-general,penalty-simple,license", "--units", "1", "--per-unit", "6",
                "--manifest", str(man)]) == 0
    data = json.loads(man.read_text(encoding="utf-8"))
    assert [d["checklist"] for d in data["dossiers"]] == list(MIXED) * 2
    register = next(out.glob("*/*台账.xlsx"))
    assert register.name.endswith("行政执法案件台账.xlsx")
    assert cli([str(tmp_path / "o2"), "--types", "coercion"]) == 2
    assert "unknown case type" in capsys.readouterr().err


# ----------------------------------------------------------------------------------------------------
# the pipeline against the truth
# ----------------------------------------------------------------------------------------------------


def _score_each(root: Path, data: dict) -> dict[str, dict[str, str]]:
    """Every typed dossier read by ingest and scored with its own checklist (routing done by hand)."""
    from ingest.discover import discover_campaign
    from ingest.extract import extract_case
    from ingest.load import load_dossier
    from scoring.checklist import load_checklist
    from scoring.engine import score_case

    by_id = {d["dossier_id"]: d for d in data["dossiers"]}
    checklists: dict = {}
    got = {}
    for ref in discover_campaign(root).dossiers:
        checklist_id = by_id[ref.dossier_id]["checklist"]
        if checklist_id == "penalty-general":
            continue  # the general files are checked against the pipeline in tests/e2e
        checklist = checklists.setdefault(checklist_id, load_checklist(checklist_id))
        result = score_case(extract_case(load_dossier(ref)), checklist)
        got[ref.dossier_id] = {f.item_code: f.status.value for f in result.findings}
        got[ref.dossier_id]["_total"] = result.total_score
    return got


def test_every_item_of_every_new_type_file_is_scored_as_the_truth_says(planned) -> None:
    root, data = planned
    got = _score_each(root, data)
    wrong = [(d["dossier_id"], d["defects"], code, want, got[d["dossier_id"]][code])
             for d in data["dossiers"] if d["dossier_id"] in got
             for code, want in d["expected"].items() if got[d["dossier_id"]][code] != want]
    assert not wrong, wrong
    for d in data["dossiers"]:
        if d["dossier_id"] in got:
            assert got[d["dossier_id"]]["_total"] == d["expected_total_score"], d["dossier_id"]


def test_an_invalid_credit_code_on_a_licence_is_found(tmp_path) -> None:
    spec = build_campaign(seed=3, units=1, per_unit=1, first_unit=3,
                          plan=[DossierPlan(("invalid_credit_code",), case_type="license", procedure="")])
    write_campaign(spec, tmp_path / "d")
    assert isinstance(spec.dossiers[0], TypedDossierSpec)
    data = manifest(spec)
    assert data["dossiers"][0]["expected"]["R22"] == "fail"
    assert _score_each(tmp_path / "d", data)[spec.dossiers[0].dossier_id]["R22"] == "fail"


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.slow
def test_pingcha_run_routes_a_mixed_campaign_and_matches_the_truth(tmp_path) -> None:
    """`pingcha run` with a checklist per type: every dossier's type right, every item as the truth says."""
    spec = build_campaign(seed=2026, units=2, per_unit=6, types=MIXED, defect_rate=0.7, single_file_share=0.1)
    write_campaign(spec, tmp_path / "dossiers")
    data = manifest(spec)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PINGCHA_NO_PROGRESS": "1"}
    env.pop("PREFECT_API_URL", None)
    run = subprocess.run(
        [sys.executable, "-m", "pipelines.cli", "run", str(tmp_path / "dossiers"), "--out", str(tmp_path / "out"),
         "--no-history", "--workers", "2", "--checklist", "penalty/general=penalty-general",
         "--checklist", "penalty/summary=penalty-simple", "--checklist", "license=license"],
        capture_output=True, text=True, env=env, cwd=ROOT, timeout=900)
    assert run.returncode == 0, run.stderr[-2000:]
    cases = {r["dossier_id"]: r for r in _read(tmp_path / "out" / "cases.csv")}
    findings = {(r["dossier_id"], r["item_code"]): r for r in _read(tmp_path / "out" / "findings.csv")}
    for d in data["dossiers"]:
        row = cases[d["dossier_id"]]
        assert (row["case_type"], row["procedure"], row["checklist"]) == (d["case_type"], d["procedure"],
                                                                          d["checklist"]), d["dossier_id"]
        assert float(row["total_score"]) == d["expected_total_score"], d["dossier_id"]
        for code, want in d["expected"].items():
            finding = findings[(d["dossier_id"], code)]
            assert finding["checklist"] == d["checklist"]
            assert finding["status"] == want, (d["dossier_id"], d["defects"], code, finding["message"])
