"""Prefect settings applied before Prefect is imported: quiet, offline, and state kept under OUT.

With no PREFECT_API_URL, Prefect starts a temporary local server whose SQLite database lives in
PREFECT_HOME. A run must not write outside its output folder (output-contract.md), so that database,
and the task-result cache used to resume an interrupted run, live in OUT/.pingcha unless the user points
PINGCHA_STATE_DIR (shared between output folders) or PREFECT_API_URL (a long-lived server) elsewhere.
"""

from __future__ import annotations

import os
from pathlib import Path

STATE_DIR_NAME = ".pingcha"


def state_dir_for(out_dir: Path) -> Path:
    shared = os.environ.get("PINGCHA_STATE_DIR")
    return Path(shared).expanduser().resolve() if shared else out_dir / STATE_DIR_NAME


def configure_prefect(state_dir: Path, verbose: bool = False) -> None:
    """Set Prefect's environment; must run before the first `import prefect`."""
    env = os.environ
    state_dir.mkdir(parents=True, exist_ok=True)
    env.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    env.setdefault("DO_NOT_TRACK", "1")
    # stack-notes.md: a fresh ephemeral server took ~22 s, over Prefect's default 20 s timeout
    env.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
    if "PREFECT_HOME" not in env:
        env["PREFECT_HOME"] = str(state_dir / "prefect")
        if "PREFECT_API_URL" not in env and "PREFECT_API_DATABASE_CONNECTION_URL" not in env:
            from pipelines.prefect_template import seed_database

            seed_database(Path(env["PREFECT_HOME"]))  # a migrated database: the server starts ~4 s sooner
    env.setdefault("PREFECT_LOCAL_STORAGE_PATH", str(state_dir / "results"))
    # the CLI reports failures on one line itself; Prefect's own tracebacks only with --verbose
    level = "INFO" if verbose else "CRITICAL"
    env.setdefault("PREFECT_LOGGING_LEVEL", level)
    # the in-process event services log CancelledError tracebacks when the process exits
    env.setdefault("PREFECT_SERVER_LOGGING_LEVEL", "WARNING" if verbose else "CRITICAL")
    env.setdefault("PREFECT_LOGGING_TO_API_ENABLED", "false" if not verbose else "true")
    if not verbose:
        # Prefect's background services log under their class names, outside the `prefect` logger: at exit after
        # a failure (a full disk) EventsWorker warns "Still processing items" after the CLI's own last line
        import logging

        for service in ("EventsWorker", "APILogWorker"):
            logging.getLogger(service).setLevel(logging.CRITICAL)
