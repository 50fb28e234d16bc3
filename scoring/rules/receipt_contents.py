"""receipt_contents: what a 送达回证 must show (R19): document served and its number, recipient, manner,
place, date, and the recipient's signature or a witnessed refusal."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import Field

from ingest.glossary import DocKind
from ingest.model import CaseFacts, DateRole, DocFacts
from scoring.rules._contents import Part, both, judge_parts
from scoring.rules.base import Outcome, RuleContext, has_part
from scoring.rules.registry import Args, register
from scoring.rules.when import When


def _served_no(doc: DocFacts, facts: CaseFacts) -> bool | None:
    if doc.cited_case_nos or (doc.served_document and re.search(r"号", doc.served_document.value)):
        return True
    return has_part(doc, (), ("文书文号", "文号", "送达文书名称及文号"))


def _signature(doc: DocFacts, facts: CaseFacts) -> bool | None:
    if doc.signed_by_party is not None:
        return doc.signed_by_party.value
    return has_part(doc, (), ("受送达人签名", "受送达人签收", "拒收说明", "拒收", "见证人"))


PARTS: dict[str, Part] = {
    "document": Part(
        "送达文书名称及文号",
        lambda d, f: both(has_part(d, ("served_document",), ("送达文书", "送达文书名称")), _served_no(d, f)),
    ),
    "recipient": Part("受送达人", lambda d, f: has_part(d, ("party_name",), ("受送达人",))),
    "manner": Part("送达方式", lambda d, f: has_part(d, (), ("送达方式",))),
    "place": Part("送达地点", lambda d, f: has_part(d, ("place",), ("送达地点",))),
    "date": Part(
        "送达日期", lambda d, f: has_part(d, (), ("送达时间", "送达日期"), (DateRole.DELIVERY, DateRole.SIGNED))
    ),
    "signature": Part("受送达人签名或见证拒收", _signature),
}


class ReceiptContentsArgs(Args):
    parts: tuple[Literal[tuple(PARTS)], ...] = Field(default=tuple(PARTS), min_length=1)  # type: ignore[valid-type]
    kinds: tuple[DocKind, ...] = (DocKind.SERVICE_RECEIPT,)
    when: When | None = None


@register("receipt_contents", args=ReceiptContentsArgs)
def check(item, facts: CaseFacts, ctx: RuleContext) -> Outcome:
    """One occurrence per part missing from each service receipt."""
    args: ReceiptContentsArgs = item.args
    docs = facts.of_kind(*args.kinds)
    if not docs:
        return Outcome.na("卷内无送达回证，不适用")
    return judge_parts(docs, facts, PARTS, args.parts)
