"""PostgreSQL for the history-store tests: a fresh database per use on the server named by
PINGCHA_TEST_POSTGRES_URL (started by .ci/postgres.sh). Not a conftest plugin: tests import it.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

ENV = "PINGCHA_TEST_POSTGRES_URL"

requires_postgres = pytest.mark.skipif(
    not os.environ.get(ENV), reason=f"{ENV} is not set (start a server with: eval \"$(.ci/postgres.sh start)\")"
)


@contextmanager
def fresh_postgres_database() -> Iterator[str]:
    """A new, empty database on the test server (dropped afterwards); yields its SQLAlchemy URL."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    base = make_url(os.environ[ENV])
    name = f"pingcha_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = base.set(database=name).render_as_string(hide_password=False)
    try:
        yield url
    finally:
        from reports.history.store import dispose_engines

        dispose_engines()  # pooled connections would keep the database in use
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
