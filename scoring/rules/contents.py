"""contents: the parts a document must state, one occurrence per part missing from each document.

Four documents have their parts written down: the decision (`decision`, R11; 行政处罚法 Art. 59:
party, facts and evidence, penalty and basis, performance, remedies, agency and date), the 事先告知书
(`penalty_notice`, R13; Art. 44, 45: facts, basis, intended penalty, right to state a case and its period)
and the 送达回证 (`service_receipt`, R19; Art. 61: document served and its number, recipient, manner,
place, date, signature or witnessed refusal), and the on-the-spot form (`on_the_spot_decision`, the 简易程序
standard; Art. 44, 52, 55: its parts are in _on_the_spot_form.py); the 行政强制执行 documents (`payment_reminder`,
`enforcement_decision`, `substitute_performance`: 行政强制法第三十五条、第三十七条、第五十一条, in
_execution_forms.py). A part is present, missing, or unreadable (unknown); a part
written as prose (违法事实) that extraction cannot see is noted, never deducted.

Precision first: a clause (复议/诉讼, 陈述申辩权利, 履行方式) is missing only from a document read whole; in a
document partly recognised (pages not read, OCR of low confidence) it is `unknown`. A form's part (送达回证)
is missing only when its label was read blank; a label not found is `unknown`.

Example:

```yaml
item:
  kind: contents
  args: {document: penalty_notice, parts: [basis, defense_right]}
pass:
  facts:
    documents:
      - file: 07告知书.docx
        kind: penalty_notice
        penalty_basis: [{law: 中华人民共和国食品安全法, article: 124}]
        defense_right: 你单位有权进行陈述和申辩
        defense_period_days: 3
  message: 已载明处罚依据、陈述申辩权利及期限
  evidence: 07告知书.docx
fail:
  facts:
    documents:
      - {file: 07告知书.docx, kind: penalty_notice, fields: {违法事实: 销售过期食品}}
  message: 行政处罚事先告知书（07告知书.docx）缺处罚依据、陈述申辩权利及期限
  occurrences: 2
  evidence: 07告知书.docx
unknown:
  facts:
    documents:
      - file: 07告知书.docx
        kind: penalty_notice
        penalty_basis: [{law: 中华人民共和国食品安全法, article: 124}]
        defense_right: 你单位有权进行陈述和申辩
  message: 未能在行政处罚事先告知书（07告知书.docx）中识别‘陈述申辩权利及期限’
n/a:
  facts: {}
  message: 卷内无事先告知书，不适用
```
"""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import Field, model_validator

from ingest.glossary import DocKind
from ingest.model import CaseFacts, DateRole, DocFacts, Evidence
from scoring.rules._execution_forms import ENFORCEMENT_DECISION, PAYMENT_REMINDER, SUBSTITUTE_PERFORMANCE
from scoring.rules._forms import Form, Part, form_part
from scoring.rules._on_the_spot_form import ON_THE_SPOT_DECISION
from scoring.rules._seizure_record_form import SEIZURE_RECORD
from scoring.rules.base import (
    Outcome,
    RuleContext,
    blank_field_evidence,
    both,
    decision_fine,
    doc_evidence,
    doc_ref,
    has_part,
    labelled,
    partly_read,
)
from scoring.rules.registry import Args, register
from scoring.rules.when import When

PROSE_KINDS = (DocKind.DECISION, DocKind.PENALTY_NOTICE)
FACT_LABELS = ("违法事实", "事实", "案由")  # fields extraction fills from prose or labelled lines
EVIDENCE_LABELS = ("证据",)


def prose_part(doc: DocFacts, facts: CaseFacts, labels: tuple[str, ...]) -> bool | None:
    """A narrative part (违法事实, 证据) written as prose: present when extraction filled one of `labels`.

    Missing only when extraction read that prose in another notice or decision of the same case (so it can
    read this unit's writing) and this document was read at all; otherwise it cannot be told (None). R13
    (告知书 facts) and R11 (决定书 facts and evidence) need this: their absence is a deduction per item.
    """
    if any(label in doc.fields for label in labels):
        return True
    read_elsewhere = any(
        label in other.fields for other in facts.of_kind(*PROSE_KINDS) if other is not doc for label in labels
    )
    was_read = bool(doc.fields or doc.dates or doc.fine or doc.violated or doc.penalty_basis)
    return False if read_elsewhere and was_read else None


SERVED_LABELS = ("送达文书",)  # ingest's canonical label for 送达文书名称(及文号)


def _served_no(doc: DocFacts, facts: CaseFacts) -> bool | None:
    """The served document's number: missing only when the 送达文书 field was read and holds no number."""
    if doc.cited_case_nos or (doc.served_document and re.search(r"号", doc.served_document.value)):
        return True
    by_label = labelled(doc, ("文号",))
    if by_label is not None:
        return by_label
    served = next((doc.fields[label].value for label in SERVED_LABELS if label in doc.fields), None)
    return False if served is not None and served.strip() and "号" not in served else None


def _signature(doc: DocFacts, facts: CaseFacts) -> bool | None:
    if doc.signed_by_party is not None:
        return doc.signed_by_party.value
    return labelled(doc, ("受送达人签名", "拒收说明", "见证人"))


def _defense_right(doc: DocFacts, facts: CaseFacts) -> bool | None:
    """The right to state a case and its period: a right read without a period cannot tell the period is
    missing (it is often written in the next sentence), so only an absent right is a fail."""
    right = has_part(doc, ("defense_right",), ())
    if right is not True:
        return right
    return True if doc.defense_period_days is not None else None


DECISION = Form(DocKind.DECISION, "决定书", {
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
})

PENALTY_NOTICE = Form(DocKind.PENALTY_NOTICE, "事先告知书", {
    # facts are prose: missing only when extraction read them in this case's other notice or decision
    "facts": Part("违法事实", lambda d, f: prose_part(d, f, FACT_LABELS), narrative=True),
    "basis": Part("处罚依据", lambda d, f: has_part(d, ("violated", "penalty_basis"), ("处罚依据", "依据"))),
    "penalty": Part(
        "拟作出的处罚",
        lambda d, f: has_part(d, ("fine",), ("拟处罚", "拟作出的行政处罚", "处罚内容"), narrative=True),
        narrative=True,
    ),
    "defense_right": Part("陈述申辩权利及期限", _defense_right),
})

SERVICE_RECEIPT = Form(DocKind.SERVICE_RECEIPT, "送达回证", {
    "document": Part(
        "送达文书名称及文号",
        lambda d, f: both(form_part(d, ("served_document",), SERVED_LABELS), _served_no(d, f)),
    ),
    "recipient": Part("受送达人", lambda d, f: form_part(d, ("party_name",), ("受送达人",))),
    "manner": Part("送达方式", lambda d, f: form_part(d, (), ("送达方式",))),
    "place": Part("送达地点", lambda d, f: form_part(d, ("place",), ("送达地点",))),
    "date": Part("送达日期", lambda d, f: form_part(d, (), ("送达日期",), (DateRole.DELIVERY, DateRole.SIGNED))),
    "signature": Part("受送达人签名或见证拒收", _signature),
})

FORMS: dict[str, Form] = {"decision": DECISION, "penalty_notice": PENALTY_NOTICE, "service_receipt": SERVICE_RECEIPT,
                          "on_the_spot_decision": ON_THE_SPOT_DECISION, "seizure_record": SEIZURE_RECORD,
                          "payment_reminder": PAYMENT_REMINDER, "enforcement_decision": ENFORCEMENT_DECISION,
                          "substitute_performance": SUBSTITUTE_PERFORMANCE}


class ContentsArgs(Args):
    document: Literal["decision", "penalty_notice", "service_receipt", "on_the_spot_decision", "seizure_record",
                      "payment_reminder", "enforcement_decision", "substitute_performance"]  # whose parts (FORMS)
    parts: tuple[str, ...] = Field(default=(), min_length=1)  # default: every part of `document`
    kinds: tuple[DocKind, ...] = ()  # the documents checked; default: `document`
    when: When | None = None

    @model_validator(mode="before")
    @classmethod
    def _defaults(cls, data: Any) -> Any:
        if isinstance(data, dict) and data.get("document") in FORMS:
            form = FORMS[data["document"]]
            return {"parts": tuple(form.parts), "kinds": (form.kind,), **data}
        return data

    @model_validator(mode="after")
    def _known_parts(self) -> ContentsArgs:
        known = FORMS[self.document].parts
        unknown = [p for p in self.parts if p not in known]
        if unknown:
            raise ValueError(f"unknown part(s) {', '.join(unknown)} of {self.document}: use {', '.join(known)}")
        return self


def judge_parts(docs: list[DocFacts], facts: CaseFacts, parts: dict[str, Part], names: tuple[str, ...]) -> Outcome:
    """One occurrence per part missing from each document; unknown when parts could only not be read."""
    missing: list[tuple[DocFacts, list[str]]] = []
    unreadable: list[str] = []
    unchecked: list[str] = []
    fail_line: Evidence | None = None  # the line that shows the first missing part, when its part quotes one
    shown: list[Evidence] = []  # the lines that show present parts
    for doc in docs:
        gone, unread, told = [], [], []
        for name in names:
            part = parts[name]
            if not part.applies(facts):
                continue
            found = part.check(doc, facts)
            if found is False and partly_read(doc, facts):
                found = None  # pages not read or OCR of low confidence: the part may be there
            line = part.evidence(doc) if part.evidence is not None and found is not None else None
            if found is False:
                gone.append(part.label)
                if len(gone) == 1 and not missing:
                    fail_line = line
            elif found is None and part.narrative:
                unchecked.append(part.label)
            elif found is None and part.why is not None and (why := part.why(doc, facts)):
                told.append(f"{doc_ref(doc)}‘{part.label}’：{why}")
            elif found is None:
                unread.append(part.label)
            elif line is not None:
                shown.append(line)
        if gone:
            missing.append((doc, gone))
        if unread:
            unreadable.append(f"未能在{doc_ref(doc)}中识别{'、'.join(f'‘{u}’' for u in unread)}")
        unreadable.extend(told)
    note = f"（{'、'.join(dict.fromkeys(unchecked))}未能自动核对）" if unchecked else ""
    if missing:
        text = "；".join(f"{doc_ref(d)}缺{'、'.join(g)}" for d, g in missing)
        first, gone = missing[0]
        evidence = fail_line or blank_field_evidence(first, gone) or doc_evidence(first)
        return Outcome.failed(text + note, evidence, sum(len(g) for _, g in missing))
    if unreadable:
        return Outcome.unknown("；".join(unreadable) + note)
    checked = [parts[n].label for n in names if parts[n].label not in unchecked and parts[n].applies(facts)]
    text = ("已载明" + "、".join(checked) + note) if checked else note.strip("（）")
    return Outcome.passed(text, shown[0] if shown else doc_evidence(docs[0]))


@register("contents", args=ContentsArgs)
def check(item, facts: CaseFacts, ctx: RuleContext) -> Outcome:
    """One occurrence per part missing from each document of `kinds`."""
    args: ContentsArgs = item.args
    form = FORMS[args.document]
    docs = facts.of_kind(*args.kinds)
    if not docs:
        return Outcome.na(f"卷内无{form.name_zh}，不适用")
    return judge_parts(docs, facts, form.parts, args.parts)
