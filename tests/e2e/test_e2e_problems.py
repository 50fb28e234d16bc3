"""Bad files are named problems; the rest of the campaign is scored as if they were not there.

Runs the real CLI in a subprocess, as a user would.
"""

from __future__ import annotations

import csv
import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.paths import SAMPLE_DOSSIERS

pytestmark = pytest.mark.slow

UNIT = "区生态环境局"


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def _tree_hashes(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest() for p in root.rglob("*") if p.is_file()}


def _run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pipelines.cli", *args], capture_output=True, text=True, env=env, timeout=600
    )


@pytest.fixture(scope="module")
def campaigns(tmp_path_factory, cli_env):
    base = tmp_path_factory.mktemp("problems")
    clean, dirty = base / "clean", base / "dirty"
    shutil.copytree(SAMPLE_DOSSIERS / UNIT, clean / UNIT)
    shutil.copytree(SAMPLE_DOSSIERS / UNIT, dirty / UNIT)
    case = sorted(p for p in (dirty / UNIT).iterdir() if p.is_dir())[0]
    good_docx = sorted(case.glob("*.docx"))[0]
    (case / "损坏的笔录.docx").write_bytes(good_docx.read_bytes()[:700])  # truncated zip
    (case / "现场照片.jpg").write_bytes(b"\xff\xd8\xff\xe0" + b"\0" * 64)
    before = _tree_hashes(dirty)
    results = {}
    # the clean run uses the CLI's pre-started pool (2 workers and a validation process), the dirty one
    # runs in the flow process: the comparisons below hold across both ways of running
    for name, root, workers in (("clean", clean, "2"), ("dirty", dirty, "1")):
        out = base / f"out-{name}"
        proc = _run(["run", str(root), "--out", str(out), "--workers", workers], cli_env)
        results[name] = (proc, out)
    return results, case.relative_to(dirty).as_posix(), before, dirty


def test_exit_zero_and_summary(campaigns):
    results, _, _, _ = campaigns
    proc, out = results["dirty"]
    assert proc.returncode == 0, proc.stderr
    problems = _rows(out / "problems.csv")
    run = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert run["counts"]["problems"] == len(problems) >= 2
    assert f"问题文件 {len(problems)}" in proc.stdout
    assert "scorecards.xlsx" in proc.stdout


def test_bad_files_are_named_problems(campaigns):
    results, case_id, _, _ = campaigns
    problems = _rows(results["dirty"][1] / "problems.csv")
    kinds = {(p["dossier_id"], p["source_file"]): p["kind"] for p in problems}
    assert kinds[(case_id, "损坏的笔录.docx")] == "corrupt"
    assert kinds[(case_id, "现场照片.jpg")] == "unsupported"
    assert all(p["message"] for p in problems)


def test_other_dossiers_scored_exactly_as_in_a_clean_campaign(campaigns):
    results, _, _, _ = campaigns
    clean = {r["dossier_id"]: r for r in _rows(results["clean"][1] / "cases.csv")}
    dirty = {r["dossier_id"]: r for r in _rows(results["dirty"][1] / "cases.csv")}
    assert set(clean) == set(dirty)
    for dossier_id, row in clean.items():
        for column in ("case_no", "decision_date", "total_score", "grade", "vetoed"):
            assert dirty[dossier_id][column] == row[column], (dossier_id, column)


def test_inputs_untouched(campaigns):
    _, _, before, dirty = campaigns
    assert _tree_hashes(dirty) == before


def test_the_pooled_run_validated_and_rendered_in_its_workers(campaigns):
    results, _, _, _ = campaigns
    proc, out = results["clean"]
    assert proc.returncode == 0, proc.stderr
    run = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert run["timings"]["workers"] == 2
    assert set(run["timings"]["finish_jobs"]) == {"validate", "charts", "history", "scorecard", "documents",
                                                   "review_forms_1", "review_forms_2", "unit_findings"}
    assert run["validation"]["evaluated"] > 40 and run["publication"]["circular"].endswith("通报.docx")


def test_outputs_are_the_owners_only(campaigns):
    """cases.csv and the letters name individuals: by default nobody but the operator can read them."""
    results, _, _, _ = campaigns
    _, out = results["clean"]
    files = [p for p in out.rglob("*") if p.is_file() and ".pingcha" not in p.parts]
    folders = [p for p in out.rglob("*") if p.is_dir() and ".pingcha" not in p.parts]
    assert files and folders
    assert {oct(p.stat().st_mode & 0o777) for p in files} == {oct(0o600)}
    assert {oct(p.stat().st_mode & 0o777) for p in [out, *folders]} == {oct(0o700)}
