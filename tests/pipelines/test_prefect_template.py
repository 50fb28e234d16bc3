"""The migrated Prefect database copied into new output folders (pipelines/prefect_template.py)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from pipelines import prefect_template


def test_seed_copies_the_template_once_and_never_overwrites(tmp_path: Path, monkeypatch) -> None:
    template = tmp_path / "prefect-3.x.db"
    template.write_bytes(b"template")
    monkeypatch.setattr(prefect_template, "template_path", lambda: template)
    home = tmp_path / "out" / ".pingcha" / "prefect"

    assert prefect_template.seed_database(home) is True
    assert (home / "prefect.db").read_bytes() == b"template"

    (home / "prefect.db").write_bytes(b"a database in use")
    assert prefect_template.seed_database(home) is False
    assert (home / "prefect.db").read_bytes() == b"a database in use"


def test_no_template_no_copy(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(prefect_template, "template_path", lambda: tmp_path / "missing.db")
    assert prefect_template.seed_database(tmp_path / "home") is False
    assert not (tmp_path / "home").exists()


@pytest.mark.slow
def test_built_template_is_a_migrated_prefect_database(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "share" / "prefect-test.db"
    monkeypatch.setattr(prefect_template, "template_path", lambda: target)

    assert prefect_template.build_template() == target

    with sqlite3.connect(target) as db:
        (revision,) = db.execute("select version_num from alembic_version").fetchone()
        tables = {name for (name,) in db.execute("select name from sqlite_master where type='table'")}
        flow_runs = db.execute("select count(*) from flow_run").fetchone()[0]
    assert revision and {"flow", "flow_run", "task_run"} <= tables and flow_runs == 0
