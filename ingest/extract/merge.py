"""A dossier's documents → `CaseFacts`: per-document facts and the canonical `Elements`.

The decision is the canonical source; other documents fill what it lacks (filing date from the 立案审批表,
source date from the 案件来源登记表, notice number/date/fine from the 告知书, delivery date from the 送达回证
that serves the decision, officers from the 笔录). Values that disagree stay in the per-document facts for
the cross-checks (文号前后一致, 当事人一致).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from datetime import date

from ingest.case_type import decide_case_type, dossier_id_name
from ingest.extract.document_facts import extract_document
from ingest.extract.facts_coercion import adopt_measure_record
from ingest.extract.facts_execution import link_enforced_decision, link_reminder_receipts
from ingest.extract.facts_license import merge_license
from ingest.glossary import DECISION_KINDS, RECORD_KINDS, DocKind
from ingest.model import CaseFacts, DateRole, DocFacts, Dossier, Elements, Found, Officer, TextOrigin
from ingest.normalize import no_spaces

LOW_OCR_CONFIDENCE = 0.90  # clean scans read 0.98-0.998; a half-degraded page 0.83 with wrong codes

# Where each element is looked for after the decision, in order.
_PARTY_ORDER = (DocKind.DECISION, DocKind.ON_THE_SPOT_DECISION, DocKind.PENALTY_NOTICE, DocKind.HEARING_NOTICE, DocKind.DECISION_APPROVAL,
                DocKind.FILING_APPROVAL, DocKind.INVESTIGATION_REPORT, DocKind.CASE_SOURCE, DocKind.CLOSING_APPROVAL,
                DocKind.COVER)  # fmt: skip


def extract_case(dossier: Dossier, register_label: str = "", register: str = "") -> CaseFacts:
    """Extract every document of a classified dossier, merge the canonical elements and decide the case type
    (documents first, then the register's `register_label` from the register file `register`, then the name)."""
    docs = [extract_document(doc) for doc in dossier.documents]
    link_reminder_receipts(docs)
    link_enforced_decision(docs)
    elements = merge_elements(docs)
    reasons = _review_reasons(dossier)
    typed = decide_case_type({d.kind for d in docs}, register_label, register, dossier_id_name(dossier.dossier_id))
    elements.case_type, elements.procedure, elements.case_type_reason = typed.case_type, typed.procedure, typed.reason
    adopt_measure_record(docs)  # after the type: it is read off the documents as classified
    if not typed.known:
        reasons.append(typed.reason)
    return CaseFacts(
        dossier_id=dossier.dossier_id,
        unit=dossier.unit,
        documents=docs,
        elements=elements,
        problems=list(dossier.problems),
        review_reasons=reasons,
    )


def _of(docs: list[DocFacts], *kinds: DocKind) -> list[DocFacts]:
    return [d for d in docs if d.kind in kinds]


def _first(docs: Iterable[DocFacts], get: Callable[[DocFacts], object]):
    for d in docs:
        value = get(d)
        if value is not None:
            return value
    return None


def _date(docs: Iterable[DocFacts], role: DateRole) -> Found[date] | None:
    return _first(docs, lambda d: d.dates.get(role))


def choose_decision(docs: list[DocFacts]) -> DocFacts | None:
    """The decision: the first one with a number (a second one is kept for cross-checks)."""
    decisions = _of(docs, *DECISION_KINDS)
    return next((d for d in decisions if d.own_no), decisions[0] if decisions else None)


def _serves(receipt: DocFacts, *words: str) -> bool:
    served = receipt.served_document.value if receipt.served_document else ""
    return any(w in served for w in words)


def _delivery(docs: list[DocFacts], decision: DocFacts | None) -> tuple[Found[date] | None, Found[date] | None]:
    """(decision delivery date, notice served date) from the 送达回证s."""
    receipts = _of(docs, DocKind.SERVICE_RECEIPT)
    case_no = no_spaces(decision.own_no.value) if decision and decision.own_no else None
    # the notice as this file names it: 告知书, or its own title and number (交通运输: 违法行为通知书)
    notice_marks = ["告知"] + [no_spaces(m) for n in _of(docs, DocKind.PENALTY_NOTICE)
                               for m in (n.title, n.own_no.value if n.own_no else "") if len(no_spaces(m)) >= 4]
    delivery = notice = None
    unknown: list[DocFacts] = []
    for r in receipts:
        served = no_spaces(r.served_document.value) if r.served_document else ""
        # a 听证告知书 served alone is not the 行政处罚（事先）告知书
        served = served.replace("行政处罚听证告知书", "听证").replace("听证告知书", "听证")
        cites_decision = bool(case_no) and any(no_spaces(c.value) == case_no for c in r.cited_case_nos)
        serves_notice = any(m in served for m in notice_marks)
        if (cites_decision or "决定书" in served) and not serves_notice:
            delivery = delivery or r.dates.get(DateRole.DELIVERY)
        elif serves_notice:
            notice = notice or r.dates.get(DateRole.DELIVERY)
        elif not served:
            unknown.append(r)
    if delivery is None and len(receipts) == 1 and unknown:
        delivery = unknown[0].dates.get(DateRole.DELIVERY)
    return delivery, notice


def _officers(docs: list[DocFacts]) -> list[Officer]:
    """Each officer once. Order: as first listed with certificate numbers in a 笔录, then in any document,
    then officers named without a number; a later number fills a gap."""
    records = [d for d in docs if d.kind in RECORD_KINDS]
    passes = (
        [o for d in records for o in d.officers if o.cert_no],
        [o for d in docs for o in d.officers if o.cert_no],
        [o for d in records for o in d.officers] + [o for d in docs for o in d.officers],
    )
    out: list[Officer] = []
    seen: set[str] = set()
    for officers in passes:
        for officer in officers:
            if officer.name not in seen:
                seen.add(officer.name)
                out.append(officer)
    return [o for o in out if o.cert_no or _joined(o.name, seen) is None]


def _joined(name: str, names: set[str]) -> tuple[str, str] | None:
    """'龚艳韩勇' when 龚艳 and 韩勇 are known: two names whose separating space a scan or PDF lost."""
    for cut in range(2, len(name) - 1):
        if name[:cut] in names and name[cut:] in names:
            return name[:cut], name[cut:]
    return None


def _cited_case_no(docs: list[DocFacts]) -> Found[str] | None:
    """The decision number most documents cite, when the decision itself is missing or unnumbered."""
    counts = Counter(no_spaces(c.value) for d in docs for c in d.cited_case_nos)
    if not counts:
        return None
    best = counts.most_common(1)[0][0]
    return next(c for d in docs for c in d.cited_case_nos if no_spaces(c.value) == best)


def merge_elements(docs: list[DocFacts]) -> Elements:
    """Canonical elements: the decision first, the other documents filling gaps."""
    decision = choose_decision(docs)
    notices = _of(docs, DocKind.PENALTY_NOTICE)
    notice = next((n for n in notices if n.own_no), notices[0] if notices else None)
    primary = [decision] if decision else []
    party_docs = primary + [d for k in _PARTY_ORDER for d in _of(docs, k) if d is not decision]
    party_doc = next((d for d in party_docs if d.party_name), None)

    e = Elements()
    if decision is not None and (decision.kind == DocKind.ON_THE_SPOT_DECISION or "当场" in decision.title
                                 or "简易程序" in decision.title):
        e.procedure = "summary"
    e.case_no = decision.own_no if decision and decision.own_no else _cited_case_no(docs)
    e.agency = _first(primary + notices + docs, lambda d: d.agency)
    if party_doc is not None:
        e.party_name = party_doc.party_name
        e.party_kind = party_doc.party_kind
        e.party_id = party_doc.party_id or _first(party_docs, lambda d: d.party_id)
    fact_docs = primary + notices + _of(docs, DocKind.INVESTIGATION_REPORT, DocKind.FILING_APPROVAL,
                                        DocKind.CASE_SOURCE) + docs  # fmt: skip
    _violation(e, fact_docs)
    e.source_date = _date(_of(docs, DocKind.CASE_SOURCE), DateRole.SOURCE) or _date(docs, DateRole.SOURCE)
    e.filing_date = _date(_of(docs, DocKind.FILING_APPROVAL), DateRole.FILING) or _date(docs, DateRole.FILING)
    if notice is not None:
        e.notice_no = notice.own_no
        e.notice_date = notice.dates.get(DateRole.NOTICE)
        e.notice_fine_amount = notice.fine
    e.decision_date = decision.dates.get(DateRole.DECISION) if decision else None
    delivery, notice_served = _delivery(docs, decision)
    e.delivery_date = delivery
    e.notice_served_date = notice_served or _date(primary + docs, DateRole.NOTICE_SERVED)
    e.hearing_date = _date(_of(docs, DocKind.HEARING_RECORD) + _of(docs, DocKind.HEARING_NOTICE), DateRole.HEARING)
    if decision is not None:
        e.fine_amount = decision.fine
        e.violated = list(decision.violated)
        e.penalty_basis = list(decision.penalty_basis)
        e.remedies = decision.remedies
        e.review_body = decision.review_body
        e.payment_terms = decision.payment_terms
    e.officers = _officers(docs)
    waiver_docs = _of(docs, DocKind.DEFENSE_RECORD) + [d for d in docs if d.kind != DocKind.DEFENSE_RECORD]
    e.waiver = _first(waiver_docs, lambda d: d.waiver)
    merge_license(docs, e)
    return e


def _violation(e: Elements, fact_docs: list[DocFacts]) -> None:
    """The act's date, its end and whether it went on, all from one statement of the act. The day an inspection
    found it going on stands for it only when no document dates the act to the month alone (自2023年10月起…):
    then it began earlier, on a day the file does not give."""
    act = next((d for d in fact_docs if DateRole.VIOLATION in d.dates), None)
    if act is not None:
        e.violation_date = act.dates[DateRole.VIOLATION]
        e.violation_end_date = act.dates.get(DateRole.VIOLATION_END)
        e.violation_ongoing = act.violation_ongoing
        return
    seen = next((d for d in fact_docs if DateRole.VIOLATION_SEEN in d.dates), None)
    if seen is not None and not any(d.violation_month for d in fact_docs):
        e.violation_date = seen.dates[DateRole.VIOLATION_SEEN]
        e.violation_ongoing = Found(True, e.violation_date.evidence)


def _review_reasons(dossier: Dossier) -> list[str]:
    """OCR text read with low confidence: a reviewer must check the values taken from it."""
    reasons: list[str] = []
    for doc in dossier.documents:
        low = sorted(
            {
                b.position.label()
                for b in doc.blocks
                if b.origin == TextOrigin.OCR and b.ocr_confidence is not None and b.ocr_confidence < LOW_OCR_CONFIDENCE
            }
        )
        if low:
            reasons.append(f"OCR识别置信度低：{doc.source_file} 第{','.join(low[:5])}页")
    return reasons
