"""A campaign holding the reading-side vectors of issue 15, run by the real CLI in a subprocess: it exits 0, each
hostile entry is named in problems.csv, the good dossiers are scored, each file stays within its time budget and
the whole process tree (CLI, workers, Prefect's server) stays under 2 GB, sampled with psutil while it runs.
"""

from __future__ import annotations

import csv
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from samplegen import build_campaign, write_campaign
from samplegen.model import DossierPlan
from tests.ingest import hostile_files as hostile
from tests.ingest.builders import make_docx

pytestmark = pytest.mark.slow

UNIT = "外来单位"
FILE_SECONDS = 20  # PINGCHA_MAX_SECONDS for this run: a file past it would be a `timeout` row


def _hostile_unit(root: Path, outside: Path) -> dict[tuple[str, str], str]:
    """The vectors, each where a unit would put it; returns (dossier_id, source_file) -> expected kind."""
    unit = root / UNIT
    case = unit / "2025-900"
    case.mkdir(parents=True)
    make_docx(case / "决定书.docx", ["某区市场监督管理局", "行政处罚决定书", "当事人：某某公司"])
    os.mkfifo(case / "x.pdf")
    os.symlink("/dev/zero", case / "y.pdf")
    os.symlink(case / "没有.pdf", case / "失效.pdf")
    os.symlink(outside / "外部.docx", case / "外部.docx")
    os.symlink(outside, case / "外部文件夹")
    hostile.nested_folders(case, 1500)
    hostile.huge_shared_string_xlsx(case / "送达回证.xlsx")
    hostile.huge_paragraph_docx(case / "笔录.docx")
    os.symlink(case, unit / "2025-901")
    os.mkfifo(unit / "2025-902.pdf")
    hostile.giant_page_pdf(unit / "2025-903.pdf")
    hostile.flate_bomb_pdf(unit / "2025-904.pdf")
    folder = f"{UNIT}/2025-900"
    return {
        (folder, "x.pdf"): "special-entry",
        (folder, "y.pdf"): "special-entry",
        (folder, "失效.pdf"): "special-entry",
        (folder, "外部.docx"): "special-entry",
        (folder, "外部文件夹"): "special-entry",
        (folder, "d/" * 33): "too-large",
        (folder, "送达回证.xlsx"): "too-large",
        (folder, "笔录.docx"): "too-large",
        (f"{UNIT}/2025-901", "2025-901"): "special-entry",
        (f"{UNIT}/2025-902.pdf", "2025-902.pdf"): "special-entry",
        (f"{UNIT}/2025-903.pdf", "2025-903.pdf"): "too-large",
        (f"{UNIT}/2025-904.pdf", "2025-904.pdf"): "too-large",
    }


@pytest.fixture(scope="module")
def run(tmp_path_factory, cli_env):
    base = tmp_path_factory.mktemp("hostile")
    root, outside, out = base / "campaign", base / "outside", base / "out"
    write_campaign(build_campaign(seed=7, units=1, per_unit=2, plan=[DossierPlan(), DossierPlan()]), root)
    outside.mkdir()
    make_docx(outside / "外部.docx", ["行政处罚决定书"])
    expected = _hostile_unit(root, outside)
    env = {**cli_env, "PINGCHA_MAX_SECONDS": str(FILE_SECONDS)}
    command = [sys.executable, "-m", "pipelines.cli", "run", str(root), "--out", str(out), "--workers", "2"]
    started = time.perf_counter()
    proc = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    with hostile.TreePeak(proc.pid, interval=0.05) as peak:
        stdout, stderr = proc.communicate(timeout=300)
    yield proc.returncode, stdout + stderr, time.perf_counter() - started, peak, out, expected
    hostile.remove_tree(root / UNIT / "2025-900" / "d")  # pytest's recursive clean-up would fail on it


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_the_run_exits_0_and_names_every_hostile_entry(run):
    code, output, _, _, out, expected = run
    assert code == 0, output[-2000:]
    found = {(p["dossier_id"], p["source_file"]): p["kind"] for p in _rows(out / "problems.csv")}
    for key, kind in expected.items():
        assert found.get(key) == kind, (key, found.get(key), kind)
    assert "timeout" not in found.values()  # every file was read (or refused) within FILE_SECONDS


def test_the_good_dossiers_are_scored(run):
    _, _, _, _, out, _ = run
    cases = {r["dossier_id"]: r for r in _rows(out / "cases.csv")}
    good = [d for d in cases if not d.startswith(UNIT)]
    assert len(good) == 2 and all(cases[d]["grade"] for d in good)
    assert cases[f"{UNIT}/2025-900"]["party_name"] == "某某公司"  # the readable file of the hostile dossier


def test_time_and_memory_of_the_whole_tree_are_bounded(run):
    _, _, elapsed, peak, _, _ = run
    assert peak.peak_mb > 100  # the sampler saw the run
    assert peak.peak_mb < 2048, peak.peak_mb
    assert elapsed < 240, elapsed

