"""Preconditions (`when:` in a checklist item's args): whether an item applies to a file at all.

A kind declares `when: When | None = None` in its args model and nothing else: the dispatcher
(`RuleKind.evaluate` in registry.py) checks it before the kind runs, so no kind repeats that preamble.
"""

from __future__ import annotations

from typing import Literal

from pydantic import field_validator

from ingest.glossary import DECISION_KINDS, EXECUTION_TERM_ZH, DocKind
from ingest.model import CaseFacts
from scoring.rules.args import Args
from scoring.rules.base import (
    IntParam,
    Outcome,
    PartyParam,
    RuleContext,
    at_or_above,
    decision_fine,
    hearing_held,
    kinds_zh,
)


class When(Args):
    """The item applies only if all of these hold; otherwise its outcome is n/a."""

    has: tuple[DocKind, ...] = ()  # any of these documents is in the file
    lacks: tuple[DocKind, ...] = ()  # none of these is in the file
    procedure: Literal["general", "summary"] | None = None
    fine_positive: bool = False
    fine_at_least: PartyParam | None = None
    hearing_held: bool = False
    # True: only when a decision records the fine collected on the spot (当场收缴); False: only when none does
    collected_on_spot: bool | None = None
    parameter_set: IntParam | None = None  # only when this checklist parameter is above zero (a local rule)
    # 行政强制执行 (DocFacts.execution_terms): only when some document records one of these (拆除), or none does
    # (立即执行 excuses the 催告 and its period)
    terms_any: tuple[str, ...] = ()
    terms_none: tuple[str, ...] = ()

    @field_validator("terms_any", "terms_none")
    @classmethod
    def _known_terms(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        unknown = [t for t in value if t not in EXECUTION_TERM_ZH]
        if unknown:
            raise ValueError(f"unknown execution term(s) {', '.join(unknown)}: use {', '.join(EXECUTION_TERM_ZH)}")
        return value

    def check(self, facts: CaseFacts, ctx: RuleContext) -> Outcome | None:
        """None when the item applies; otherwise the n/a (or unknown) outcome to return."""
        if self.has and not facts.has(*self.has):
            return Outcome.na(f"卷内无{kinds_zh(self.has)}，不适用")
        if self.lacks and facts.has(*self.lacks):
            return Outcome.na(f"卷内有{kinds_zh(self.lacks)}，不适用")
        if self.procedure and facts.elements.procedure != self.procedure:
            return Outcome.na("非一般程序案件，不适用" if self.procedure == "general" else "非简易程序案件，不适用")
        if self.fine_positive:
            fine = decision_fine(facts)
            if fine is None or fine.value <= 0:
                return Outcome.na("未处罚款，不适用")
        if self.fine_at_least:
            applies, why = at_or_above(facts, self.fine_at_least, ctx)
            if applies is None:
                return Outcome.unknown(why)
            if not applies:
                return Outcome.na(f"{why}，不适用")
        if self.hearing_held and not hearing_held(facts):
            return Outcome.na("未举行听证，不适用")
        if self.collected_on_spot is not None and collected_on_spot(facts) != self.collected_on_spot:
            return Outcome.na("罚款未当场收缴，不适用" if self.collected_on_spot else "罚款已当场收缴，不适用")
        if self.parameter_set and not ctx.param(self.parameter_set):
            return Outcome.na("本评查标准未启用此项（地方规定），不适用")
        recorded = {t for d in facts.documents for t in d.execution_terms}
        if self.terms_any and not recorded & set(self.terms_any):
            return Outcome.na(f"卷内未见{'或'.join(EXECUTION_TERM_ZH[t] for t in self.terms_any)}的记载，不适用")
        if present := [t for t in self.terms_none if t in recorded]:
            return Outcome.na(f"卷内有{EXECUTION_TERM_ZH[present[0]]}，不适用")
        return None


def collected_on_spot(facts: CaseFacts) -> bool:
    """A decision of the file records the fine collected on the spot (行政处罚法第六十八条、第六十九条)."""
    return any(d.collected_on_spot is not None and d.collected_on_spot.value for d in facts.of_kind(*DECISION_KINDS))
