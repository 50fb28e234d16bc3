"""The base of every kind's args schema, and the mark of an arg that names a checklist parameter.

Kept apart from base.py and registry.py so that both can build on it without importing each other.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Args(BaseModel):
    """Base of every kind's args schema: frozen, and unknown keys are errors (typos must not pass)."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class NoArgs(Args):
    pass


class ParamRef:
    """Marks an args field whose value names a checklist parameter; `shape` is 'int' or 'by_party'."""

    def __init__(self, shape: str) -> None:
        self.shape = shape

    def __repr__(self) -> str:
        return f"ParamRef({self.shape!r})"
