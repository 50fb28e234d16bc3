"""Shared test fixtures: Prefect runs against one temporary server per session, quietly."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
os.environ.setdefault("PREFECT_SERVER_LOGGING_LEVEL", "CRITICAL")
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
os.environ.setdefault("MPLBACKEND", "Agg")


@pytest.fixture(scope="session")
def prefect_harness(tmp_path_factory: pytest.TempPathFactory):
    """One temporary Prefect server for every flow test of the session (~20 s once)."""
    home = tmp_path_factory.mktemp("prefect-home")
    os.environ["PREFECT_HOME"] = str(home)
    os.environ["PREFECT_LOCAL_STORAGE_PATH"] = str(home / "storage")
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture(scope="session")
def cli_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Environment for running `pingcha` as a subprocess: no progress bar, shared Prefect state."""
    env = dict(os.environ)
    env["PINGCHA_NO_PROGRESS"] = "1"
    env.pop("PREFECT_API_URL", None)
    env.pop("PREFECT_HOME", None)
    env["PINGCHA_STATE_DIR"] = str(tmp_path_factory.mktemp("pingcha-state"))
    return env
