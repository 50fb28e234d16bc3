"""A migrated, empty Prefect database made once at install time, copied into each new OUT.

Without PREFECT_API_URL every run starts Prefect's temporary server on a SQLite database in OUT (a run never
writes outside OUT). On a new OUT that server first runs all of Prefect's migrations: ~4 s of an ~8 s start
(measured: 8.3 s to the flow body on a new database, 4.6 s on a migrated one). `make install` runs
`python -m pipelines.prefect_template`, which migrates a database in a temporary folder and keeps a copy in
the virtualenv, keyed by the Prefect version; `configure_prefect` copies it into a new OUT. Without the
template (a plain `pip install`) Prefect simply migrates as before.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from pipelines.glossary import CONSOLE_ZH

DB_NAME = "prefect.db"


def template_path() -> Path | None:
    """Where the template for the installed Prefect lives (in the virtualenv); None without Prefect."""
    try:
        prefect_version = version("prefect")
    except PackageNotFoundError:
        return None
    return Path(sys.prefix) / "share" / "pingcha" / f"prefect-{prefect_version}.db"


def seed_database(prefect_home: Path) -> bool:
    """Copy the template to `prefect_home`/prefect.db when that database does not exist yet."""
    template = template_path()
    target = prefect_home / DB_NAME
    if template is None or not template.is_file() or target.exists():
        return False
    prefect_home.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".db.partial")
    shutil.copyfile(template, partial)
    os.replace(partial, target)
    return True


def build_template() -> Path:
    """Migrate an empty database with Prefect's own command and store a consistent copy as the template."""
    target = template_path()
    if target is None:
        raise RuntimeError("prefect is not installed")
    with tempfile.TemporaryDirectory(prefix="pingcha-prefect-") as tmp:
        env = {**os.environ, "PREFECT_HOME": tmp, "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "DO_NOT_TRACK": "1"}
        env.pop("PREFECT_API_DATABASE_CONNECTION_URL", None)
        env.pop("PREFECT_API_URL", None)
        subprocess.run([sys.executable, "-m", "prefect", "server", "database", "reset", "-y"], env=env,
                       check=True, capture_output=True)  # fmt: skip
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(".db.partial")
        source, copy = sqlite3.connect(Path(tmp) / DB_NAME), sqlite3.connect(partial)
        try:
            source.backup(copy)  # consistent even while a WAL file is pending
        finally:
            source.close()
            copy.close()
        os.replace(partial, target)
    return target


def main() -> int:
    try:
        path = build_template()
    except (OSError, RuntimeError, subprocess.CalledProcessError, sqlite3.Error) as exc:
        print(CONSOLE_ZH["no_prefect_template"].format(error=exc), file=sys.stderr)
        return 0
    print(CONSOLE_ZH["prefect_template"].format(path=path))
    return 0


if __name__ == "__main__":
    sys.exit(main())
