"""A full disk is named, not disguised (issue 15): the run stops with one Chinese line and exit 1, the
previous outputs in OUT stay as they were, the staged ones are removed; a disk already (nearly) full is
refused before anything starts (exit 2).

The full disk is real: a small tmpfs mounted in a private mount namespace (`unshare`), no mock."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pipelines.glossary import RUN_SAFETY_ZH
from tests.paths import ROOT

SAMPLES = ROOT / "sample_dossiers"
UNIT = "区生态环境局"


def _env(**extra: str) -> dict[str, str]:
    """A user's environment: Prefect configured by pingcha itself (its state in OUT), not by the test session."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("PREFECT_", "PINGCHA_"))}
    return {**env, "PYTHONPATH": str(ROOT), "PINGCHA_NO_PROGRESS": "1", **extra}


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "pipelines.cli", *args]


def test_a_nearly_full_disk_is_refused_before_the_run_starts(tmp_path: Path) -> None:
    out = tmp_path / "out"
    need_mb = 10**9  # more than any disk has: the check, not the disk, decides
    done = subprocess.run(_cli("run", str(SAMPLES), "--out", str(out)), capture_output=True, text=True,
                          cwd=ROOT, env=_env(PINGCHA_MIN_FREE_MB=str(need_mb)), timeout=120)  # fmt: skip
    assert done.returncode == 2, done.stderr
    line = done.stderr.strip().splitlines()[-1]
    assert "输出目录所在磁盘剩余空间不足" in line and "至少需要 1000000000.0 MB" in line
    assert not (out / "run.json").exists() and not (out / "scorecards.xlsx").exists()


def _can_mount_tmpfs(tmp_path: Path) -> bool:
    if shutil.which("unshare") is None:
        return False
    probe = tmp_path / "probe"
    probe.mkdir()
    done = subprocess.run(["unshare", "-rm", "sh", "-c", f"mount -t tmpfs -o size=1m tmpfs {probe}"],
                          capture_output=True, timeout=30)  # fmt: skip
    return done.returncode == 0


@pytest.mark.slow
def test_a_disk_that_fills_during_the_run_keeps_the_previous_outputs(tmp_path: Path) -> None:
    if not _can_mount_tmpfs(tmp_path):
        pytest.skip("this kernel allows no private tmpfs mount (unshare -rm): no full disk to test on")
    out = tmp_path / "out"
    out.mkdir()
    # one unit's run fits in 14 MB; the whole campaign's outputs, staged beside it, do not
    script = (
        f"mount -t tmpfs -o size=14m tmpfs {out} || exit 90\n"
        f"{sys.executable} -m pipelines.cli run {SAMPLES} --out {out} --unit {UNIT} --workers 1 || exit 91\n"
        f"cp {out}/run.json {tmp_path}/first-run.json\n"
        f"{sys.executable} -m pipelines.cli run {SAMPLES} --out {out} --overwrite --workers 1\n"
        f"echo rc=$?\n"
        f"ls -A {out} > {tmp_path}/after.txt\n"
        f"ls -A {out}/.pingcha/tmp > {tmp_path}/scratch.txt 2>/dev/null\n"
        f"cp {out}/run.json {tmp_path}/after-run.json 2>/dev/null\n"
        f"df -k {out} | tail -1 > {tmp_path}/df.txt\n"
    )
    done = subprocess.run(["unshare", "-rm", "sh", "-c", script], capture_output=True, text=True, cwd=ROOT,
                          env=_env(PINGCHA_MIN_FREE_MB="1"), timeout=900)  # fmt: skip
    assert "rc=" in done.stdout, done.stderr[-2000:]
    assert done.stdout.strip().splitlines()[-1] == "rc=1", done.stderr[-2000:]
    assert done.stderr.strip().splitlines()[-1] == RUN_SAFETY_ZH["disk_full"].format(out=out)
    assert "Traceback" not in done.stderr
    # the first run's outputs are all there, its run.json unchanged: the failed run published nothing
    after = set((tmp_path / "after.txt").read_text().split())
    assert {"run.json", "cases.csv", "scorecards.xlsx", "通报.docx"} <= after
    assert json.loads((tmp_path / "after-run.json").read_text()) == json.loads((tmp_path / "first-run.json").read_text())
    assert (tmp_path / "scratch.txt").read_text().strip() == ""  # the staged outputs were removed
