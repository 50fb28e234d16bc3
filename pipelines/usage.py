"""The CLI's usage errors and exit statuses, apart from cli.py so the sub-command modules it loads can raise
them without importing cli.py back (no import circle)."""

from __future__ import annotations

EXIT_OK, EXIT_UNEXPECTED, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """Bad arguments: reported on one line, exit status 2."""
