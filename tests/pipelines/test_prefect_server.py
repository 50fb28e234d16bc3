"""The June-30 self-review deployment on a real Prefect server, as an operator runs it (docs/prefect-server.md).

Starts `prefect server start` on a free port with its own PREFECT_HOME, creates the process work pool,
deploys from prefect.yaml, triggers the deployment for one unit of a generated campaign, runs a worker once
and checks the unit's outputs. Everything it starts is stopped in teardown. About 1.5 minutes.
"""

from __future__ import annotations

import contextlib
import csv
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.paths import ROOT

BIN = Path(sys.executable).parent
PREFECT = str(BIN / "prefect")
DEPLOYMENT = "june30_self_review/june30-self-review"

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _stop(proc: subprocess.Popen) -> None:
    """Stop a process started in its own session, and everything it started (uvicorn, flow-run processes)."""
    if proc.poll() is None:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)
        except ProcessLookupError:
            pass
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)  # children that outlived their parent keep its process group


def _wait_healthy(url: str, server: subprocess.Popen, log: Path, timeout: float = 150) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"prefect server exited ({server.returncode}):\n{log.read_text(errors='replace')[-3000:]}")
        try:
            with urllib.request.urlopen(f"{url}/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.5)
    pytest.fail(f"prefect server not healthy after {timeout:.0f} s:\n{log.read_text(errors='replace')[-3000:]}")


@pytest.fixture
def prefect_server(tmp_path: Path) -> Iterator[dict[str, str]]:
    """A `prefect server start` on 127.0.0.1 with an isolated PREFECT_HOME; yields the environment to use it."""
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update({
        "PREFECT_HOME": str(tmp_path / "prefect-home"),
        "PREFECT_API_URL": f"http://127.0.0.1:{port}/api",
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "DO_NOT_TRACK": "1",
        "PREFECT_SERVER_LOGGING_LEVEL": "WARNING",
        "PREFECT_LOGGING_LEVEL": "INFO",
        "PREFECT_CLI_COLORS": "false",
        "PREFECT_CLI_WRAP_LINES": "false",
        "MPLBACKEND": "Agg",
        "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
    })  # fmt: skip
    log = tmp_path / "server.log"
    with log.open("wb") as out:
        server = subprocess.Popen(
            [PREFECT, "server", "start", "--host", "127.0.0.1", "--port", str(port)],
            env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True, cwd=tmp_path,
        )
    try:
        _wait_healthy(env["PREFECT_API_URL"], server, log)
        yield env
    finally:
        _stop(server)
    assert server.poll() is not None


def _run(args: list[str], env: dict[str, str], cwd: Path, timeout: float = 120) -> str:
    done = subprocess.run(args, env=env, cwd=cwd, capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, f"{' '.join(args)} failed ({done.returncode}):\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done.stdout


def test_june30_deployment_runs_one_unit_on_a_worker(prefect_server: dict[str, str], tmp_path: Path):
    env = prefect_server
    started = time.monotonic()
    campaign, out_root = tmp_path / "campaign", tmp_path / "self-review"
    _run([sys.executable, "-m", "samplegen", str(campaign), "--units", "2", "--per-unit", "1"],
         env, ROOT)
    units = sorted(p.name for p in campaign.iterdir() if p.is_dir())
    assert len(units) == 2
    unit, other = units

    _run([PREFECT, "work-pool", "create", "local-pool", "--type", "process"], env, tmp_path)
    deployed = _run([PREFECT, "--no-prompt", "deploy", "--name", "june30-self-review"], env, ROOT)
    assert "successfully created" in deployed
    params = {"dossiers": str(campaign), "out_root": str(out_root), "units": [unit]}
    triggered = _run([PREFECT, "deployment", "run", DEPLOYMENT, "--params", json.dumps(params, ensure_ascii=False)],
                     env, tmp_path)
    flow_run_id = re.search(r"UUID:\s*([0-9a-f-]{36})", triggered)
    assert flow_run_id, triggered

    worker_log = tmp_path / "worker.log"
    with worker_log.open("wb") as out:
        worker = subprocess.Popen([PREFECT, "worker", "start", "--pool", "local-pool", "--run-once"],
                                  env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True, cwd=tmp_path)
    try:
        worker.wait(timeout=240)
    finally:
        _stop(worker)
    log = worker_log.read_text(errors="replace")
    assert worker.returncode == 0, log[-4000:]

    state = json.loads(_run([PREFECT, "flow-run", "inspect", flow_run_id[1], "--output", "json"], env, tmp_path))
    assert state["state"]["type"] == "COMPLETED", (state["state"], log[-4000:])
    # the pull step recorded by `prefect deploy`: the worker ran the flow code from this checkout
    assert "set_working_directory" in log, log[-4000:]

    unit_out = out_root / unit
    assert (unit_out / "scorecards.xlsx").is_file()
    with (unit_out / "cases.csv").open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert rows and {r["unit"] for r in rows} == {unit}
    assert not (out_root / other).exists()
    print(f"prefect server test: {time.monotonic() - started:.0f} s after the server was healthy")
