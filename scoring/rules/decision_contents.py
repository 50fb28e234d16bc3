"""decision_contents: the parts 行政处罚法 Art. 59 requires in a decision (R11), one occurrence each."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ingest.glossary import DocKind
from ingest.model import CaseFacts, DateRole
from scoring.rules._contents import EVIDENCE_LABELS, FACT_LABELS, Part, both, judge_parts, prose_part
from scoring.rules.base import Outcome, RuleContext, decision_fine, has_part
from scoring.rules.registry import Args, register
from scoring.rules.when import When

PARTS: dict[str, Part] = {
    "party": Part(
        "当事人名称和地址",
        lambda d, f: both(
            has_part(d, ("party_name",), ("当事人",)),
            has_part(d, ("party_address",), ("住所", "地址", "住址", "经营场所")),
        ),
    ),
    "facts_evidence": Part(
        "违法事实和证据",
        lambda d, f: both(prose_part(d, f, FACT_LABELS), prose_part(d, f, EVIDENCE_LABELS)),
        narrative=True,
    ),
    "penalty_basis": Part(
        "处罚种类和依据",
        lambda d, f: both(
            has_part(d, ("fine",), ("处罚内容", "处罚决定", "行政处罚"), narrative=True),
            has_part(d, ("penalty_basis",), ("处罚依据",)),
        ),
        narrative=True,  # a warning has no fine to read: the kind of penalty is prose then
    ),
    "performance": Part(
        "履行方式和期限",
        lambda d, f: has_part(d, ("payment_terms",), ("履行方式", "缴款方式", "履行期限")),
        applies=lambda f: decision_fine(f) is not None,  # a warning has nothing to perform
    ),
    "remedies": Part("救济途径和期限", lambda d, f: has_part(d, ("remedies",), ("救济途径",))),
    "agency_date": Part(
        "作出决定的机关名称和日期",
        lambda d, f: both(
            has_part(d, ("agency",), ("执法机关",)), has_part(d, (), (), (DateRole.DECISION, DateRole.SIGNED))
        ),
    ),
}


class DecisionContentsArgs(Args):
    parts: tuple[Literal[tuple(PARTS)], ...] = Field(default=tuple(PARTS), min_length=1)  # type: ignore[valid-type]
    kinds: tuple[DocKind, ...] = (DocKind.DECISION,)
    when: When | None = None


@register("decision_contents", args=DecisionContentsArgs)
def check(item, facts: CaseFacts, ctx: RuleContext) -> Outcome:
    """One occurrence per Art. 59 part missing from the decision."""
    args: DecisionContentsArgs = item.args
    docs = facts.of_kind(*args.kinds)
    if not docs:
        return Outcome.na("卷内无决定书，不适用")
    return judge_parts(docs, facts, PARTS, args.parts)
