"""Alembic environment for the history store, run programmatically by store.ensure_schema().

The connection comes from `config.attributes["connection"]` (no ini file, so URLs with passwords never pass
through configparser's % interpolation); `sqlalchemy.url` is the fallback for the alembic command line.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from reports.history.models import Base

VERSION_TABLE = "history_alembic_version"  # own table: the database may be shared with other tools

config = context.config
target_metadata = Base.metadata


def _configure(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        version_table=VERSION_TABLE,
        render_as_batch=connection.dialect.name == "sqlite",  # SQLite cannot ALTER most things
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_offline() -> None:
    context.configure(url=config.get_main_option("sqlalchemy.url"), target_metadata=target_metadata,
                      version_table=VERSION_TABLE, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        return
    engine = create_engine(config.get_main_option("sqlalchemy.url"))
    with engine.begin() as conn:
        _configure(conn)
    engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
