"""The project's named errors. Readers and parsers raise only these (or return a value)."""

from __future__ import annotations

from ingest.glossary import ProblemKind


class PingchaError(Exception):
    """Base of every error pingcha raises on purpose."""


class ReadError(PingchaError):
    """A file could not be read; `kind` is the problems.csv kind, `message` is for the reviewer."""

    def __init__(self, kind: ProblemKind, message: str) -> None:
        super().__init__(f"{kind.value}: {message}")
        self.kind = kind
        self.message = message


class ParseError(PingchaError):
    """A value could not be parsed (a date, an amount, a case number)."""
