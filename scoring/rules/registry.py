"""The rule-kind registry: a checklist item names a `kind`; the kind validates its `args` and evaluates.

Like ruff's and sqlfluff's rule registries: a kind is registered by name with its args schema, never
wired into an if-chain, so a new check is one new module under scoring/rules/ (imported automatically).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict

if TYPE_CHECKING:
    from ingest.model import CaseFacts
    from scoring.rules.base import Outcome, RuleContext


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


Evaluate = Callable[[Any, "CaseFacts", "RuleContext"], "Outcome"]


@dataclass(frozen=True)
class RuleKind:
    name: str
    args_model: type[Args]
    evaluate: Evaluate
    doc: str = ""
    composite: bool = False  # its args hold nested rules ({kind, args}) that the loader builds first


REGISTRY: dict[str, RuleKind] = {}


def register(name: str, args: type[Args] = NoArgs, *, composite: bool = False) -> Callable[[Evaluate], Evaluate]:
    """Decorator: `@register("document_present", args=DocumentPresentArgs)` on the kind's evaluate."""

    def deco(fn: Evaluate) -> Evaluate:
        if name in REGISTRY:
            raise ValueError(f"rule kind {name!r} registered twice")
        doc = (fn.__doc__ or "").strip().splitlines()
        REGISTRY[name] = RuleKind(name, args, fn, doc[0] if doc else "", composite)
        return fn

    return deco


def get_kind(name: str) -> RuleKind | None:
    return REGISTRY.get(name)


@dataclass(frozen=True)
class RuleSpec:
    """A rule kind with its validated args: what an item (or a composite's sub-rule) runs."""

    kind: str
    args: Args
    line: int = 0  # where it was written in the checklist file
