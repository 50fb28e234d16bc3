"""What the `contents` kind knows of the 行政强制执行 documents: the parts of a 催告书 (行政强制法第三十五条), a
强制执行决定书 (第三十七条第二款) and a 代履行决定书 (第五十一条第一款第（一）项), read by
ingest/extract/facts_execution.py as quotes under EXECUTION_TERM_ZH names.

A part is present when its quote (or the matching DocFacts attribute) was read; missing only when the document
was read at all (its dates, party or other parts were) and the part was not; otherwise it cannot be told.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ingest.glossary import EXECUTION_TERM_ZH, DocKind
from ingest.model import CaseFacts, DateRole, DocFacts
from scoring.rules._forms import Form, Part
from scoring.rules.base import both, has_part


def _term(*terms: str, attrs: tuple[str, ...] = (), dates: tuple[DateRole, ...] = ()) -> Callable[
        [DocFacts, CaseFacts], bool | None]:
    def check(doc: DocFacts, facts: CaseFacts) -> bool | None:
        if any(t in doc.execution_terms for t in terms) or any(r in doc.dates for r in dates):
            return True
        if attrs and has_part(doc, attrs) is True:
            return True
        was_read = bool(doc.dates or doc.execution_terms or doc.party_name)
        return False if was_read else None
    return check


def _money_duty(facts: CaseFacts) -> bool:
    """The 催告书 asks for a sum: it writes one, a surcharge standard, or payment (缴纳罚款). The decision's fine
    alone does not decide it: a demolition file may hold a decision that also fined the party."""
    for doc in facts.of_kind(DocKind.PAYMENT_REMINDER):
        terms = doc.execution_terms
        if doc.principal or doc.surcharge or "amount" in terms or "surcharge_standard" in terms or "surcharge" in terms:
            return True
        if "manner" in terms and re.search(r"缴|款", terms["manner"].value):
            return True
    return False


def _party(doc: DocFacts, facts: CaseFacts) -> bool | None:
    """Named (a 当事人 field or the salutation "X公司："); the address as a field. A letter-form decision saluting
    the party often gives the address only as the place in its body ("你在和燕路407号楼顶搭建的…"): an address
    not read as a field cannot be told missing (None), never a deduction."""
    named = has_part(doc, ("party_name",), ("当事人",))
    address = has_part(doc, ("party_address",), ("住所", "地址", "住址", "经营场所"))
    return both(named, None if address is False else address)


_PARTY = Part("当事人的名称和地址", _party)
_AGENCY_DATE = Part("行政机关的名称和日期", lambda d, f: both(has_part(d, ("agency",), ("执法机关",)),
                                                       has_part(d, (), (), (DateRole.DECISION, DateRole.SIGNED))))
_REASON_BASIS = Part(EXECUTION_TERM_ZH["reason_basis"], _term("reason_basis", attrs=("penalty_basis", "violated")))
_MANNER_TIME = Part(EXECUTION_TERM_ZH["manner_time"], _term("manner_time"))

def _surcharge_claimed(facts: CaseFacts) -> bool:
    """The agency claims a surcharge sum (in the court application or its own decision): the 催告书 must have
    asked for it, or the amount it told was not the amount enforced (第三十五条第（三）项)."""
    return any(d.surcharge for d in facts.of_kind(DocKind.ENFORCEMENT_APPLICATION, DocKind.ENFORCEMENT_DECISION))


PAYMENT_REMINDER = Form(DocKind.PAYMENT_REMINDER, "催告书", {
    "deadline": Part(EXECUTION_TERM_ZH["deadline"], _term("deadline", dates=(DateRole.DEADLINE,))),
    "manner": Part(EXECUTION_TERM_ZH["manner"], _term("manner", attrs=("payment_terms",))),
    "amount": Part(EXECUTION_TERM_ZH["amount"], _term("amount"), applies=_money_duty),
    "surcharge": Part("申请执行的" + EXECUTION_TERM_ZH["surcharge"], _term("surcharge", attrs=("surcharge",)),
                      applies=_surcharge_claimed),
    "defense_right": Part(EXECUTION_TERM_ZH["defense_right"], _term("defense_right", attrs=("defense_right",))),
})

ENFORCEMENT_DECISION = Form(DocKind.ENFORCEMENT_DECISION, "强制执行决定书", {
    "party": _PARTY,
    "reason_basis": _REASON_BASIS,
    "manner_time": _MANNER_TIME,
    "remedies": Part(EXECUTION_TERM_ZH["remedies"], _term("remedies", attrs=("remedies",))),
    "agency_date": _AGENCY_DATE,
})

SUBSTITUTE_PERFORMANCE = Form(DocKind.SUBSTITUTE_PERFORMANCE, "代履行决定书", {
    "party": _PARTY,
    "reason_basis": _REASON_BASIS,
    "manner_time": _MANNER_TIME,
    # the 标的 is often only the thing named in the decision's narrative: noted, never deducted
    "object": Part(EXECUTION_TERM_ZH["object"], lambda d, f: True if "object" in d.execution_terms else None,
                   narrative=True),
    "budget": Part(EXECUTION_TERM_ZH["budget"], _term("budget")),
    "performer": Part(EXECUTION_TERM_ZH["performer"], _term("performer")),
})
