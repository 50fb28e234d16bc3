"""The parts of the on-the-spot form (当场行政处罚决定书) the `contents` kind checks, for the 简易程序 standard.

行政处罚法第五十二条: the pre-printed, numbered form states the party, the violation, its time and place, the
kind and basis of the penalty, the fine, the remedies, the agency's name, and is signed or sealed by the
officers; 第四十四条 the party is told of the right to state a case; 第五十五条 the officers show their
certificates. A hand-filled form is read label by label: a part is missing only when its label was read blank
(or, for a printed clause such as the remedies, when the form was read and the clause is not in it).
"""

from __future__ import annotations

from ingest.glossary import DocKind
from ingest.model import CaseFacts, DateRole, DocFacts
from scoring.rules._forms import Form, Part, form_part
from scoring.rules.base import both, decision_fine, has_part, labelled
from scoring.rules.when import collected_on_spot

RECEIPT_LABELS = ("受送达人签名", "被检查人签名", "拒收说明")  # ingest's labels for 当事人签收 and a refusal note


def _credentials(doc: DocFacts, facts: CaseFacts) -> bool | None:
    """Certificates shown: the form says so, or prints each officer's certificate number; missing only when
    the officers are named and none with a number, and the form says nothing of showing them."""
    if doc.credentials_shown is not None or any((o.cert_no or "").strip() for o in doc.officers):
        return True
    return False if doc.officers and doc.fields else None


def _officers(doc: DocFacts, facts: CaseFacts) -> bool | None:
    if doc.officers:
        return True
    return labelled(doc, ("执法人员", "承办人"))


def _receipt(doc: DocFacts, facts: CaseFacts) -> bool | None:
    if doc.signed_by_party is not None and doc.signed_by_party.value:
        return True
    return labelled(doc, RECEIPT_LABELS)


def _penalty(doc: DocFacts, facts: CaseFacts) -> bool | None:
    if doc.penalty_kinds or doc.fine is not None:
        return True
    return labelled(doc, ("处罚内容",))


def _to_pay_later(facts: CaseFacts) -> bool:
    return decision_fine(facts) is not None and not collected_on_spot(facts)


ON_THE_SPOT_DECISION = Form(DocKind.ON_THE_SPOT_DECISION, "当场行政处罚决定书", {
    "facts": Part("违法行为", lambda d, f: has_part(d, (), ("违法事实", "案由"), narrative=True), narrative=True),
    "time": Part("违法时间", lambda d, f: form_part(d, (), ("违法时间",), (DateRole.VIOLATION,))),
    "place": Part("违法地点", lambda d, f: form_part(d, ("place",), ("违法地点", "地点"))),
    "defense_right": Part(
        "告知陈述申辩权利及当事人意见", lambda d, f: has_part(d, ("defense_right", "waiver"), ("当事人意见",))
    ),
    "party_opinion": Part("当事人陈述申辩意见", lambda d, f: form_part(d, ("waiver",), ("当事人意见",))),
    "credentials": Part("出示执法证件", _credentials),
    "party": Part("当事人", lambda d, f: form_part(d, ("party_name",), ("当事人",))),
    "penalty": Part("处罚种类", _penalty),
    "basis": Part("处罚依据", lambda d, f: has_part(d, ("penalty_basis",), ("处罚依据",))),
    "fine": Part("罚款数额", lambda d, f: form_part(d, ("fine",), ("罚款金额",)),
                 applies=lambda f: decision_fine(f) is not None),
    "remedies": Part("申请行政复议、提起行政诉讼的途径和期限", lambda d, f: has_part(d, ("remedies",), ("救济途径",))),
    "agency_date": Part(
        "行政机关名称和决定日期",
        lambda d, f: both(
            has_part(d, ("agency",), ("执法机关",)), has_part(d, (), (), (DateRole.DECISION, DateRole.SIGNED))
        ),
    ),
    "officers": Part("执法人员签名或盖章", _officers),
    "serial": Part("预定格式的编号", lambda d, f: form_part(d, ("form_serial", "own_no"), ("文号",))),
    "performance": Part(
        "罚款缴纳方式和期限",
        lambda d, f: has_part(d, ("payment_terms",), ("履行方式", "缴款方式", "履行期限")),
        applies=_to_pay_later,  # a fine collected on the spot has nothing left to pay
    ),
    "receipt": Part("当事人签收或拒收注明", _receipt),
})
