"""fine_within: a decision stays inside a procedure's limits: only the penalties allowed, a fine not above the
limit (per party kind, or one amount), unless the document records a reason the law accepts (简易程序: 行政处罚法
第五十一条 警告 or 罚款 ≤ 200 yuan for a citizen, ≤ 3000 for an organisation; 当场收缴: 第六十八条 ≤ 100 yuan
unless 事后难以执行, 第六十九条 边远、水上、交通不便).

`threshold_requirement` asks for a document at or above an amount; this kind judges the amount itself, and a
limit written "以下" includes the amount itself (as Chinese statutes use 以下; 二百元 is within "二百元以下").
Precision first: a fine not read, a party kind not told, or a form partly recognised is `unknown`; a 个体工商户
(an individual in law, but a trade name) fined between the two limits is `unknown` unless the checklist's
`sole_trader_param` says it counts as an individual.

Example:

```yaml
item:
  kind: fine_within
  args:
    limit_by_party: summary_fine_limit
    penalties: [警告, 罚款]
    what: 简易程序
parameters:
  summary_fine_limit: {individual: 200, organisation: 3000}
pass:
  facts:
    documents:
      - {file: 当场决定书.docx, kind: on_the_spot_decision, party_kind: individual, fine: 200, penalty_kinds: [罚款]}
  message: 罚款200元，未超过个人200元的简易程序限额
  evidence: 当场决定书.docx
fail:
  - facts:
      documents:
        - {file: 当场决定书.docx, kind: on_the_spot_decision, party_kind: individual, fine: 500, penalty_kinds: [罚款]}
    message: 当场行政处罚决定书（当场决定书.docx）罚款500元，超过个人200元的简易程序限额
    occurrences: 1
    evidence: 当场决定书.docx
  - facts:
      documents:
        - {file: 当场决定书.docx, kind: on_the_spot_decision, party_kind: organisation, fine: 1000,
           penalty_kinds: [罚款, 没收违法所得]}
    message: 当场行政处罚决定书（当场决定书.docx）处以没收违法所得，不属于简易程序可处的警告、罚款
    occurrences: 1
unknown:
  facts:
    documents:
      - {file: 当场决定书.docx, kind: on_the_spot_decision, fine: 1000, penalty_kinds: [罚款]}
  message: 当场行政处罚决定书（当场决定书.docx）罚款1000元，当事人类型（单位或个人）无法判定，是否超过简易程序限额不明
n/a:
  facts: {}
  message: 卷内无当场行政处罚决定书，不适用
```
"""

from __future__ import annotations

from decimal import Decimal

from pydantic import model_validator

from ingest.extract.party import is_organisation_name
from ingest.glossary import DOC_KIND_ZH, PARTY_KIND_ZH, DocKind
from ingest.model import CaseFacts, DocFacts
from scoring.glossary import Status
from scoring.rules.base import (
    DOC_ATTRS,
    IntParam,
    Outcome,
    PartyParam,
    RuleContext,
    _attr_set,
    doc_evidence,
    doc_ref,
    partly_read,
    party_kind,
    yuan,
)
from scoring.rules.registry import Args, register
from scoring.rules.when import When


class FineWithinArgs(Args):
    limit_by_party: PartyParam | None = None  # {individual, organisation}
    limit: IntParam | None = None  # one amount whatever the party
    penalties: tuple[str, ...] = ()  # the kinds of penalty allowed (行政处罚法第九条 words); empty: any
    excused_by: tuple[str, ...] = ()  # DocFacts fields whose presence excuses a fine above the limit
    sole_trader_param: IntParam | None = None  # parameter: 1 a 个体工商户 counts as an individual, 0 undecided
    kinds: tuple[DocKind, ...] = (DocKind.ON_THE_SPOT_DECISION,)
    what: str = ""  # how a message names the limit (简易程序, 当场收缴)
    when: When | None = None

    @model_validator(mode="after")
    def _one_limit(self) -> FineWithinArgs:
        if (self.limit_by_party is None) == (self.limit is None):
            raise ValueError("give exactly one of limit_by_party and limit")
        unknown = [a for a in self.excused_by if a not in DOC_ATTRS]
        if unknown:
            raise ValueError(f"unknown document field(s) {', '.join(unknown)}")
        return self


def _limit(doc: DocFacts, facts: CaseFacts, args: FineWithinArgs, ctx: RuleContext,
           fine: Decimal) -> tuple[Decimal | None, str]:
    """The limit that applies to this party, and how a message names it; (None, why) when it cannot be told."""
    if args.limit is not None:
        return Decimal(str(ctx.param(args.limit))), f"{args.what}限额{yuan(Decimal(str(ctx.param(args.limit))))}"
    limits = {k: ctx.threshold(args.limit_by_party, k) for k in ("individual", "organisation")}
    kind = doc.party_kind or party_kind(facts)
    sole_trader = kind == "individual" and doc.party_name is not None and is_organisation_name(doc.party_name.value)
    if sole_trader and not (args.sole_trader_param and ctx.param(args.sole_trader_param)):
        if limits["individual"] < fine <= limits["organisation"]:
            return None, (f"当事人{doc.party_name.value}为个体工商户，按个人或单位适用的限额未定"
                          f"（{yuan(limits['individual'])}或{yuan(limits['organisation'])}）")
        kind = "organisation" if fine <= limits["individual"] else "individual"
    if kind not in limits:
        if fine <= min(limits.values()):
            kind = min(limits, key=limits.__getitem__)
        elif fine > max(limits.values()):
            kind = max(limits, key=limits.__getitem__)
        else:
            return None, f"当事人类型（单位或个人）无法判定，是否超过{args.what}限额不明"
    return limits[kind], f"{PARTY_KIND_ZH[kind]}{yuan(limits[kind])}的{args.what}限额"


def _judge(doc: DocFacts, facts: CaseFacts, args: FineWithinArgs, ctx: RuleContext) -> Outcome:
    if args.penalties:
        other = [p for p in doc.penalty_kinds if p.value not in args.penalties]
        if other:
            return Outcome.failed(f"{doc_ref(doc)}处以{'、'.join(p.value for p in other)}，不属于"
                                  f"{args.what}可处的{'、'.join(args.penalties)}", other[0].evidence)
    if doc.fine is None:
        if any(p.value == "罚款" for p in doc.penalty_kinds):
            return Outcome.unknown(f"未能读取{doc_ref(doc)}的罚款金额")
        return Outcome.passed(f"{doc_ref(doc)}未处罚款", doc_evidence(doc))
    fine = doc.fine.value
    limit, named = _limit(doc, facts, args, ctx, fine)
    if limit is None:
        return Outcome.unknown(f"{doc_ref(doc)}罚款{yuan(fine)}，{named}")
    if fine <= limit:
        return Outcome.passed(f"罚款{yuan(fine)}，未超过{named}", doc.fine.evidence)
    excuse = next((getattr(doc, a) for a in args.excused_by if _attr_set(doc, a)), None)
    if excuse is not None:
        return Outcome.passed(f"罚款{yuan(fine)}超过{named}，但{doc_ref(doc)}载明“{excuse.value}”", excuse.evidence)
    return Outcome.failed(f"{doc_ref(doc)}罚款{yuan(fine)}，超过{named}", doc.fine.evidence)


@register("fine_within", args=FineWithinArgs)
def check(item, facts: CaseFacts, ctx: RuleContext) -> Outcome:
    """One occurrence per decision of `kinds` outside the limits; unknown when a limit cannot be told."""
    args: FineWithinArgs = item.args
    docs = facts.of_kind(*args.kinds)
    if not docs:
        return Outcome.na(f"卷内无{'或'.join(DOC_KIND_ZH[k] for k in args.kinds)}，不适用")
    outcomes = [(d, _judge(d, facts, args, ctx)) for d in docs]
    fails = [(d, o) for d, o in outcomes if o.status == Status.FAIL]
    doubtful = [(d, o) for d, o in fails if partly_read(d, facts)]
    if doubtful and len(doubtful) == len(fails):
        d, o = doubtful[0]
        return Outcome.unknown(f"{o.message}，但该文书未能完整识别（{partly_read(d, facts)}），请人工核对")
    if fails:
        return Outcome.failed("；".join(o.message for _, o in fails), fails[0][1].evidence, len(fails))
    unknown = [o for _, o in outcomes if o.status == Status.UNKNOWN]
    if unknown:
        return Outcome.unknown("；".join(o.message for o in unknown))
    return Outcome.passed("；".join(o.message for _, o in outcomes), outcomes[0][1].evidence)
