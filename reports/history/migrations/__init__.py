"""Alembic migrations of the history store (a package so that non-editable installs ship them)."""
