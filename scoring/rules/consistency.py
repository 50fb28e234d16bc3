"""consistency: the same fact reads the same in every document (R21 文号, R22 当事人名称/信用代码).

Example:

```yaml
item:
  kind: consistency
  args: {fields: [case_no], kinds: [service_receipt]}
pass:
  facts:
    documents:
      - {file: 09决定书.docx, kind: decision, own_no: 京朝市监罚〔2025〕12号}
      - {file: 10送达回证.docx, kind: service_receipt, cited_case_nos: [京朝市监罚〔2025〕12号]}
  message: 文号前后一致
fail:
  facts:
    documents:
      - {file: 09决定书.docx, kind: decision, own_no: 京朝市监罚〔2025〕12号}
      - {file: 10送达回证.docx, kind: service_receipt, cited_case_nos: [京朝市监罚〔2025〕21号]}
  message: 送达回证（10送达回证.docx）所载文号“京朝市监罚〔2025〕21号”与决定书文号“京朝市监罚〔2025〕12号”不一致
  occurrences: 1
  evidence: 10送达回证.docx
unknown:                    # text glued to a number read from a wrapped line: not a well-formed number
  facts:
    documents:
      - {file: 09决定书.pdf, kind: decision, own_no: 京朝市监罚〔2025〕12号}
      - {file: 10送达回证.pdf, kind: service_receipt, cited_case_nos: [摘要罚款京朝市监罚〔2025〕12号]}
  message: 送达回证（10送达回证.pdf）所载文号“摘要罚款京朝市监罚〔2025〕12号”与决定书文号“京朝市监罚〔2025〕12号”不同，但未能完整识别（疑为断行或粘连），无法核对
```

Precision first: a difference is a fail only when both values are well formed — a case number that
parses as one number with nothing glued to it, a credit code (or ID number) whose check character holds,
a name that is not the other with words glued on or cut off. Otherwise the item is `unknown`.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ingest.extract.case_numbers import find_case_numbers
from ingest.extract.credit_code import check_code
from ingest.glossary import DocKind
from ingest.model import CaseFacts, Found
from ingest.normalize import norm_text
from scoring.rules.base import Outcome, RuleContext, doc_ref
from scoring.rules.registry import Args, register
from scoring.rules.when import When

FIELD_ZH = {"case_no": "文号", "party_name": "当事人名称", "party_id": "统一社会信用代码"}


class ConsistencyArgs(Args):
    fields: tuple[Literal["case_no", "party_name", "party_id"], ...] = Field(min_length=1)
    kinds: tuple[DocKind, ...] = ()  # documents compared with the decision; empty: every document
    when: When | None = None


def same(a: str, b: str, masked_ok: bool = False) -> bool:
    """Equal after normalisation; a masked character (*) matches anything when `masked_ok`."""
    a, b = norm_text(a).upper(), norm_text(b).upper()
    if a == b:
        return True
    if masked_ok and len(a) == len(b) and ("*" in a or "*" in b):
        return all(x == y or "*" in (x, y) for x, y in zip(a, b, strict=True))
    return False


def well_formed(field: str, a: str, b: str) -> bool:
    """Both values read whole, so that their difference is the file's and not the reading's."""
    a, b = norm_text(a).upper(), norm_text(b).upper()
    if a.endswith(b) or b.endswith(a) or a.startswith(b) or b.startswith(a):
        return False  # one is the other with text glued on or cut off (a wrapped line, a cell read on)
    if field == "case_no":
        return all(len(found := find_case_numbers(v)) == 1 and norm_text(found[0].text).upper() == v for v in (a, b))
    if field == "party_id":
        return all("*" in v or check_code(v).status == "valid" for v in (a, b))
    return True


UNSURE = "不同，但未能完整识别（疑为断行或粘连），无法核对"


def _case_no(facts: CaseFacts, args: ConsistencyArgs) -> tuple[list[tuple[str, Found[str]]], str | None, int]:
    decisions = facts.of_kind(DocKind.DECISION)
    if not decisions:
        return [], None, 0
    own = next((d.own_no for d in decisions if d.own_no), None) or facts.elements.case_no
    if own is None:
        return [], "未能读取决定书文号", 0
    docs = [d for d in facts.documents if d.kind != DocKind.DECISION and (not args.kinds or d.kind in args.kinds)]
    cited = [(d, c) for d in docs for c in d.cited_case_nos]
    bad = [
        (f"{doc_ref(d)}所载文号“{c.value}”与决定书文号“{own.value}”"
         + ("不一致" if well_formed("case_no", c.value, own.value) else UNSURE), c)
        for d, c in cited
        if not same(c.value, own.value)
    ]
    return bad, None, len(cited)


def _party(facts: CaseFacts, args: ConsistencyArgs, field: str) -> tuple[list[tuple[str, Found[str]]], int]:
    docs = [d for d in facts.documents if not args.kinds or d.kind in args.kinds]
    values = [(d, getattr(d, field)) for d in docs if getattr(d, field) is not None]
    ref = getattr(facts.elements, field) or (values[0][1] if values else None)
    if ref is None:
        return [], 0
    where = f"（{ref.evidence.source_file}）" if ref.evidence.source_file else ""
    aliases = _sole_trader_names(facts) if field == "party_name" else []
    bad = [
        (f"{doc_ref(d)}所载{FIELD_ZH[field]}“{v.value}”与“{ref.value}”{where}"
         + ("不一致" if well_formed(field, v.value, ref.value) else UNSURE), v)
        for d, v in values
        if not same(v.value, ref.value, masked_ok=field == "party_id")
        and not any(norm_text(v.value) in names and norm_text(ref.value) in names for names in aliases)
    ]
    return bad, len(values)


def _sole_trader_names(facts: CaseFacts) -> list[set[str]]:
    """The two names of each 个体工商户 a document gives (its 字号 and its 经营者, "当事人：沈某（个体工商户，字号：X商行）"):
    a 催告书 addressed to the operator addresses the same party (the operator answers for the business)."""
    return [{norm_text(d.party_name.value), norm_text(d.party_representative.value)} for d in facts.documents
            if d.party_kind == "individual" and d.party_name and d.party_representative]


@register("consistency", args=ConsistencyArgs)
def check(item, facts: CaseFacts, ctx: RuleContext) -> Outcome:
    """One occurrence per document whose value differs from the decision's (or the first document's)."""
    args: ConsistencyArgs = item.args
    bad: list[tuple[str, Found[str]]] = []
    compared, unread = 0, []
    for field in args.fields:
        if field == "case_no":
            found, why, n = _case_no(facts, args)
            if why:
                unread.append(why)
        else:
            found, n = _party(facts, args, field)
        bad += found
        compared += n
    sure = [(t, f) for t, f in bad if not t.endswith(UNSURE)]
    if sure:
        return Outcome.failed("；".join(t for t, _ in sure), sure[0][1].evidence, len(sure))
    if bad or unread:
        return Outcome.unknown("；".join([t for t, _ in bad] + [u + "，无法核对" for u in unread]),
                               bad[0][1].evidence if bad else None)
    if not compared:
        return Outcome.na(f"卷内无可比对的{'、'.join(FIELD_ZH[f] for f in args.fields)}，不适用")
    return Outcome.passed(f"{'、'.join(FIELD_ZH[f] for f in args.fields)}前后一致")
