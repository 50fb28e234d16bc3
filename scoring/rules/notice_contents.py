"""notice_contents: what a 事先告知书 must tell the party (R13; Art. 44, 45): facts, basis, intended penalty,
and the right to state a case with its period."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ingest.glossary import DocKind
from ingest.model import CaseFacts
from scoring.rules._contents import FACT_LABELS, Part, both, judge_parts, prose_part
from scoring.rules.base import Outcome, RuleContext, has_part
from scoring.rules.registry import Args, register
from scoring.rules.when import When

PARTS: dict[str, Part] = {
    # facts are prose: missing only when extraction read them in this case's other notice or decision
    "facts": Part("违法事实", lambda d, f: prose_part(d, f, FACT_LABELS), narrative=True),
    "basis": Part("处罚依据", lambda d, f: has_part(d, ("violated", "penalty_basis"), ("处罚依据", "依据"))),
    "penalty": Part(
        "拟作出的处罚",
        lambda d, f: has_part(d, ("fine",), ("拟处罚", "拟作出的行政处罚", "处罚内容"), narrative=True),
        narrative=True,
    ),
    "defense_right": Part(
        "陈述申辩权利及期限",
        lambda d, f: both(has_part(d, ("defense_right",), ()), has_part(d, ("defense_period_days",), ())),
    ),
}


class NoticeContentsArgs(Args):
    parts: tuple[Literal[tuple(PARTS)], ...] = Field(default=tuple(PARTS), min_length=1)  # type: ignore[valid-type]
    kinds: tuple[DocKind, ...] = (DocKind.PENALTY_NOTICE,)
    when: When | None = None


@register("notice_contents", args=NoticeContentsArgs)
def check(item, facts: CaseFacts, ctx: RuleContext) -> Outcome:
    """One occurrence per part missing from each notice."""
    args: NoticeContentsArgs = item.args
    docs = facts.of_kind(*args.kinds)
    if not docs:
        return Outcome.na("卷内无事先告知书，不适用")
    return judge_parts(docs, facts, PARTS, args.parts)
