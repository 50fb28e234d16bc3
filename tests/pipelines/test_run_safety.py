"""A run survives what happens to its processes, and leaves nothing half-done or running (issue 15, item 5).

Fast tests drive the pieces (lock, worker pool, publication, memory sampler); slow ones run the real CLI in
its own process group on a small generated campaign and kill a worker, interrupt it, or kill it with -9.
"""

from __future__ import annotations

import csv
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from pipelines import runlock, workers
from pipelines.outputs import publish_outputs
from tests.paths import ROOT

# --- the lock -------------------------------------------------------------------------------------------


def _holder_process(out: Path) -> subprocess.Popen:
    """Another process holding OUT's lock until it is killed."""
    code = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from pipelines import runlock\n"
        "with runlock.hold(Path(sys.argv[1])):\n"
        "    print('held', flush=True)\n"
        "    time.sleep(600)\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", code, str(out)], stdout=subprocess.PIPE, text=True,
                            cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})  # fmt: skip
    assert proc.stdout.readline().strip() == "held"
    return proc


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.kill()
    proc.wait(timeout=10)


def test_second_holder_is_refused_with_the_holders_pid_and_host(tmp_path):
    out = tmp_path / "out"
    holder = _holder_process(out)
    try:
        with pytest.raises(runlock.RunLocked) as caught, runlock.hold(out):
            pass
        message = str(caught.value)
        assert "输出目录正被另一次运行使用" in message
        assert f"进程 {holder.pid}" in message and socket.gethostname() in message
        assert "\n" not in message
    finally:
        _stop(holder)


def test_the_cli_exits_2_naming_the_holder(tmp_path):
    from pipelines.cli import main

    inputs, out = tmp_path / "in", tmp_path / "out"
    case = inputs / "单位甲" / "2025-001"
    case.mkdir(parents=True)
    (case / "决定书.docx").write_bytes(b"")  # a campaign to review: the lock is what refuses the run
    holder = _holder_process(out)
    try:
        code = subprocess.run([sys.executable, "-m", "pipelines.cli", "run", str(inputs), "--out", str(out)],
                              capture_output=True, text=True, cwd=ROOT, timeout=120,
                              env={**os.environ, "PYTHONPATH": str(ROOT)})  # fmt: skip
        assert code.returncode == 2
        lines = code.stderr.strip().splitlines()
        assert len(lines) == 1 and f"进程 {holder.pid}" in lines[0]
        assert main(["run", str(inputs), "--out", str(out)]) == 2  # in-process too, before Prefect starts
    finally:
        _stop(holder)


def test_a_stale_lock_is_taken_over_with_a_note(tmp_path, capsys):
    out = tmp_path / "out"
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    lock = runlock.lock_path(out)
    lock.parent.mkdir(parents=True)
    stale = {"pid": dead.pid, "host": socket.gethostname(), "started": "2025-01-01T00:00:00+08:00"}
    lock.write_text(json.dumps(stale))
    (runlock.scratch_dir(out) / "leftover").mkdir(parents=True)  # what a killed run left
    with runlock.hold(out) as scratch:
        assert json.loads(lock.read_text())["pid"] == os.getpid()
        assert list(scratch.iterdir()) == []
    note = capsys.readouterr().err
    assert "接管失效的锁" in note and str(dead.pid) in note
    assert lock.read_text() == ""  # released: nothing stale for the next run


def test_a_lock_from_another_host_is_never_taken(tmp_path):
    out = tmp_path / "out"
    lock = runlock.lock_path(out)
    lock.parent.mkdir(parents=True)
    lock.write_text(json.dumps({"pid": 1, "host": "another-host.invalid", "started": "2025-01-01T00:00:00"}))
    with pytest.raises(runlock.RunLocked, match="another-host.invalid"), runlock.hold(out):
        pass


def test_export_is_refused_during_a_run_and_otherwise_lands_whole(tmp_path, capsys):
    from pipelines.cli import main
    from tests.reports.fake_run import make_run

    out = make_run(tmp_path / "run")
    holder = _holder_process(out)
    try:
        assert main(["export", str(out)]) == 2
        assert "输出目录正被另一次运行使用" in capsys.readouterr().err
        assert not (out / "platform_export.csv").exists()
    finally:
        _stop(holder)
    assert main(["export", str(out)]) == 0
    assert (out / "platform_export.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert (out / "platform_export.xlsx").stat().st_size > 1000
    assert str(out / "platform_export.csv") in capsys.readouterr().out  # where it is, not where it was written
    assert list(runlock.scratch_dir(out).iterdir()) == []


# --- the worker pool ----------------------------------------------------------------------------------


def _die_or_wait(n: int) -> int:
    if n == 0:
        os.kill(os.getpid(), signal.SIGKILL)
    time.sleep(1.0)
    return n * n


def test_a_dead_worker_fails_only_its_own_job_and_is_replaced():
    with workers.pool(2):
        jobs = [workers.submit(_die_or_wait, n) for n in (1, 0, 2, 3)]
        outcomes = []
        for job in jobs:
            try:
                outcomes.append(job.result())
            except workers.WorkerCrashed as crash:
                outcomes.append(crash.exitcode)
        assert outcomes == [1, -signal.SIGKILL, 4, 9]
        assert workers.run(_die_or_wait, 5) == 25  # the replacement pool works


# --- publication and memory -----------------------------------------------------------------------------


def test_outputs_are_moved_into_out_with_run_json_last_and_paths_relocated(tmp_path):
    out, stage = tmp_path / "out", tmp_path / "out" / ".pingcha" / "tmp" / "outputs"
    (stage / "charts").mkdir(parents=True)
    (stage / "charts" / "a.png").write_bytes(b"png")
    (stage / "cases.csv").write_text("dossier_id\n")
    (stage / "run.json").write_text("{}")  # the intermediate one, replaced by the summary
    summary = publish_outputs(stage, out, {"reports": [str(stage / "charts" / "a.png")], "campaign": "x"})
    assert summary["reports"] == [str(out / "charts" / "a.png")]
    assert json.loads((out / "run.json").read_text()) == summary
    assert (out / "charts" / "a.png").read_bytes() == b"png" and (out / "cases.csv").is_file()
    assert not stage.exists()


def test_tree_memory_counts_the_children():
    from pipelines.treememory import TreeMemory

    code = "import time; block = bytearray(300 * 1024 * 1024); print('ok', flush=True); time.sleep(30)"
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "ok"
        tree = TreeMemory()
        tree.sample()
        assert tree.peak_mb >= 300
    finally:
        _stop(child)


# --- the real CLI ---------------------------------------------------------------------------------------


def _generate(root: Path, per_unit: int) -> Path:
    subprocess.run([sys.executable, "-m", "samplegen", str(root), "--units", "2", "--per-unit", str(per_unit),
                    "--seed", "7"], check=True, capture_output=True, cwd=ROOT, timeout=300)  # fmt: skip
    return root


def _env(cli_env: dict[str, str], cache: Path) -> dict[str, str]:
    return {**cli_env, "PINGCHA_CACHE_DIR": str(cache), "PYTHONPATH": str(ROOT)}


def _start(inputs: Path, out: Path, env: dict[str, str], *extra: str) -> subprocess.Popen:
    args = [sys.executable, "-m", "pipelines.cli", "run", str(inputs), "--out", str(out), "--workers", "2", *extra]
    return subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT,
                            start_new_session=True)  # fmt: skip


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def _group(pgid: int) -> list[psutil.Process]:
    found = []
    for process in psutil.process_iter():
        try:
            if os.getpgid(process.pid) == pgid:
                found.append(process)
        except (ProcessLookupError, psutil.Error):
            continue
    return found


def _wait_for_group_gone(pgid: int, seconds: float) -> list[psutil.Process]:
    deadline = time.monotonic() + seconds
    while (left := _group(pgid)) and time.monotonic() < deadline:
        time.sleep(0.1)
    return left


def _markers(out: Path) -> list[Path]:
    return sorted((out / ".pingcha" / "tmp").glob("pingcha-workers-*/*"))


def _busy_worker(out: Path, proc: subprocess.Popen, seconds: float = 240) -> tuple[int, str]:
    """A worker caught in the middle of a dossier, stopped (SIGSTOP): (pid, dossier_id)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and proc.poll() is None:
        for marker in _markers(out):
            try:
                text = marker.read_text()
                if "review_dossier" not in text:
                    continue
                pid = int(marker.name)
                os.kill(pid, signal.SIGSTOP)
                if marker.read_text() == text:  # still on that dossier: it cannot finish while stopped
                    return pid, text.split("\t")[2]
                os.kill(pid, signal.SIGCONT)
            except (OSError, ValueError):
                continue
        time.sleep(0.01)
    pytest.fail(f"no worker caught on a dossier (exit {proc.poll()})")


@pytest.fixture(scope="module")
def campaign(tmp_path_factory, cli_env):
    """A small generated campaign and the outputs of an undisturbed run of it."""
    base = tmp_path_factory.mktemp("runsafe")
    inputs = _generate(base / "in", per_unit=4)
    clean = base / "clean"
    proc = _start(inputs, clean, _env(cli_env, base / "cache-clean"))
    _, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err
    return base, inputs, clean


@pytest.mark.slow
def test_a_killed_worker_is_reported_and_the_campaign_finishes(campaign, cli_env):
    base, inputs, clean = campaign
    out = base / "worker-killed"
    proc = _start(inputs, out, _env(cli_env, base / "cache-killed"))
    pid, dossier_id = _busy_worker(out, proc)
    os.kill(pid, signal.SIGKILL)
    _, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err

    crashed = [p for p in _rows(out / "problems.csv") if p["kind"] == "worker-crashed"]
    assert [p["dossier_id"] for p in crashed] == [dossier_id]
    assert "工作进程意外终止" in crashed[0]["message"] and "SIGKILL" in crashed[0]["message"]
    cases = {row["dossier_id"]: row for row in _rows(out / "cases.csv")}
    expected = {row["dossier_id"]: row for row in _rows(clean / "cases.csv")}
    assert cases.keys() == expected.keys()
    assert cases[dossier_id]["grade"] == "" and cases[dossier_id]["needs_review"] == "true"
    for other, row in expected.items():  # the other dossiers keep their results
        if other != dossier_id:
            assert cases[other] == row
    run = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert run["counts"]["problem_kinds"]["worker-crashed"] == 1
    peaks = run["timings"]["peak_rss_mb"]  # flow_process is getrusage's: it keeps the peak of the forking parent
    assert peaks["process_tree"] > max(300, peaks["largest_child"])  # the flow, 3 workers and Prefect's server


@pytest.mark.slow
def test_ctrl_c_stops_everything_and_the_rerun_is_identical(campaign, cli_env):
    base, inputs, clean = campaign
    out, env = base / "interrupted", _env(cli_env, base / "cache-interrupted")
    proc = _start(inputs, out, env)
    _busy_worker(out, proc)  # stopped in the middle of a dossier: the run cannot finish before the signal
    sent = time.monotonic()
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=30)
    took = time.monotonic() - sent
    assert proc.returncode == 130, err
    assert took < 10, took
    assert "已中断" in err and "--overwrite" in err
    assert _wait_for_group_gone(proc.pid, 2) == []
    assert not (out / "run.json").exists()
    assert [p.name for p in (out / ".pingcha").iterdir() if p.name == "tmp"] == []  # scratch removed
    assert runlock.lock_path(out).read_text() == ""

    rerun = subprocess.run([sys.executable, "-m", "pipelines.cli", "run", str(inputs), "--out", str(out),
                            "--workers", "2", "--overwrite"], capture_output=True, text=True, env=env, cwd=ROOT,
                           timeout=600)  # fmt: skip
    assert rerun.returncode == 0, rerun.stderr
    for name in ("cases.csv", "findings.csv", "problems.csv"):
        assert (out / name).read_bytes() == (clean / name).read_bytes(), name


@pytest.mark.slow
def test_a_second_run_is_refused_and_kill_9_leaves_nothing_running(campaign, cli_env):
    base, inputs, _ = campaign
    out, env = base / "killed", _env(cli_env, base / "cache-killed-9")
    proc = _start(inputs, out, env)
    _busy_worker(out, proc)  # stopped in the middle of a dossier: the run cannot finish before kill -9
    second = subprocess.run([sys.executable, "-m", "pipelines.cli", "run", str(inputs), "--out", str(out),
                             "--workers", "2", "--overwrite"], capture_output=True, text=True, env=env, cwd=ROOT,
                            timeout=120)  # fmt: skip
    assert second.returncode == 2
    assert "输出目录正被另一次运行使用" in second.stderr and f"进程 {proc.pid}" in second.stderr

    proc.kill()
    proc.wait(timeout=10)
    left = _wait_for_group_gone(proc.pid, 10)  # workers watch their parent, the guardian stops the server
    assert left == [], [p.cmdline() for p in left]
    assert json.loads(runlock.lock_path(out).read_text())["pid"] == proc.pid  # stale now
    with runlock.hold(out):
        assert json.loads(runlock.lock_path(out).read_text())["pid"] == os.getpid()
