"""The rule-kind registry: a checklist item names a `kind`; the kind validates its `args` and evaluates.

Like ruff's and sqlfluff's rule registries: a kind is registered by name with its args schema, never
wired into an if-chain, so a new check is one new module under scoring/rules/ (imported automatically).
The registry is also the dispatcher: `RuleKind.evaluate` applies the item's precondition (`when`) before
the kind's own check, so a kind only declares `when` in its args model.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ingest.model import CaseFacts
from scoring.rules.args import Args, NoArgs, ParamRef
from scoring.rules.base import Outcome, RuleContext
from scoring.rules.when import When

__all__ = ["REGISTRY", "Args", "Check", "NoArgs", "ParamRef", "RuleKind", "RuleSpec", "get_kind", "register"]

Check = Callable[[Any, CaseFacts, RuleContext], Outcome]


@dataclass(frozen=True)
class RuleKind:
    name: str
    args_model: type[Args]
    check: Check  # the kind's own judgement, run once the item applies
    doc: str = ""  # the kind's module docstring: what it checks, and its example with cases
    composite: bool = False  # its args hold nested rules ({kind, args}) that the loader builds first
    asks_reviewer: bool = False  # never passes or fails by itself (manual): its example shows no pass/fail

    @property
    def summary(self) -> str:
        """The docstring's first line without the leading 'name: '."""
        first = self.doc.strip().splitlines()[0] if self.doc.strip() else ""
        return first.removeprefix(f"{self.name}:").strip()

    def evaluate(self, item: Any, facts: CaseFacts, ctx: RuleContext) -> Outcome:
        """The item's outcome: its precondition's n/a (or unknown) when `when` does not hold, else the check."""
        when = getattr(item.args, "when", None)
        if isinstance(when, When) and (pre := when.check(facts, ctx)) is not None:
            return pre
        return self.check(item, facts, ctx)


REGISTRY: dict[str, RuleKind] = {}


def register(
    name: str, args: type[Args] = NoArgs, *, composite: bool = False, asks_reviewer: bool = False
) -> Callable[[Check], Check]:
    """Decorator: `@register("document_present", args=DocumentPresentArgs)` on the kind's check."""

    def deco(fn: Check) -> Check:
        if name in REGISTRY:
            raise ValueError(f"rule kind {name!r} registered twice")
        when = args.model_fields.get("when")
        if when is not None and When | None != when.annotation:
            raise TypeError(f"rule kind {name!r}: declare the precondition as `when: When | None = None`")
        doc = sys.modules[fn.__module__].__doc__ or ""
        REGISTRY[name] = RuleKind(name, args, fn, doc, composite, asks_reviewer)
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
