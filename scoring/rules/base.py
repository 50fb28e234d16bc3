"""What every rule kind shares: the Outcome it returns, its context, preconditions, dates and fines.

Semantics kept in one place so that all kinds agree (checklist-penalty-general.md, "How a file is scored"),
precision first (issue 14): a `fail` needs positive evidence. A missing document is a `fail` whose evidence
lists the documents searched, unless a file could not be read or a document could not be classified: then
the absence is not proven and the outcome is `unknown`, naming those files. A form field is missing only when
its label was read with an empty value; a label not found at all is `unknown`. A value whose document is
present but unreadable is `unknown`; a value whose document is absent makes the check `n/a` (the absence is
another item's business).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Annotated, Any

from pydantic import AfterValidator

from ingest.glossary import DECISION_KINDS, DOC_KIND_ZH, PARTY_KIND_ZH, DocKind, ProblemKind
from ingest.model import CaseFacts, DateRole, DocFacts, Elements, Evidence, Found, Position
from ingest.normalize import norm_text
from scoring.glossary import DATED_EVIDENCE_ZH, Status
from scoring.rules.args import ParamRef
from scoring.workdays import CalendarUnknownError

MISSING = Evidence("")  # the evidence of an absence: no file, no quote

# Problems that may hide a document: its absence from the facts proves nothing.
UNREADABLE = frozenset(
    {
        ProblemKind.UNSUPPORTED,
        ProblemKind.CORRUPT,
        ProblemKind.ENCRYPTED,
        ProblemKind.LEGACY_FORMAT,
        ProblemKind.OCR_FAILED,
        ProblemKind.OCR_UNAVAILABLE,
        ProblemKind.TOO_LARGE,
        ProblemKind.NO_DOCUMENTS,
        ProblemKind.INTERNAL_ERROR,
        ProblemKind.SPECIAL_ENTRY,
        ProblemKind.TIMEOUT,
    }
)
# An unclassified document was read, but may be the one looked for under a title the classifier does not know.
HIDING = UNREADABLE | {ProblemKind.UNCLASSIFIED}


@dataclass(frozen=True, slots=True)
class Outcome:
    """A rule's verdict on one dossier; the engine turns it into a Finding with points."""

    status: Status
    occurrences: int = 0
    message: str = ""
    evidence: Evidence | None = None

    @staticmethod
    def passed(message: str = "", evidence: Evidence | None = None) -> Outcome:
        return Outcome(Status.PASS, 0, message, evidence)

    @staticmethod
    def failed(message: str, evidence: Evidence | None, occurrences: int = 1) -> Outcome:
        return Outcome(Status.FAIL, max(occurrences, 1), message, evidence or MISSING)

    @staticmethod
    def na(message: str = "") -> Outcome:
        return Outcome(Status.NA, 0, message)

    @staticmethod
    def unknown(message: str, evidence: Evidence | None = None) -> Outcome:
        return Outcome(Status.UNKNOWN, 0, message, evidence)

    @staticmethod
    def manual(message: str = "") -> Outcome:
        return Outcome(Status.MANUAL, 0, message)


@dataclass(frozen=True)
class RuleContext:
    """The checklist's parameters and the optional roster and publication register, as rules see them."""

    parameters: dict[str, Any]
    roster: Any = None  # scoring.roster.Roster | None
    publications: Any = None  # scoring.publications.Publications | None (公示台账, --publications)

    def param(self, name: str) -> Any:
        return self.parameters[name]

    def threshold(self, name: str, party_kind: str) -> Decimal:
        return Decimal(str(self.parameters[name][party_kind]))


# ---------------------------------------------------------------------------------------------------
# Args building blocks
# ---------------------------------------------------------------------------------------------------

IntParam = Annotated[str, ParamRef("int")]
PartyParam = Annotated[str, ParamRef("by_party")]

# Elements date fields: the DateRole that carries them in documents, and the documents that hold them.
ELEMENT_DATES: dict[str, tuple[DateRole, tuple[DocKind, ...]]] = {
    "violation_date": (DateRole.VIOLATION, ()),
    "source_date": (DateRole.SOURCE, (DocKind.CASE_SOURCE,)),
    "filing_date": (DateRole.FILING, (DocKind.FILING_APPROVAL,)),
    "notice_date": (DateRole.NOTICE, (DocKind.PENALTY_NOTICE,)),
    "notice_served_date": (DateRole.NOTICE_SERVED, (DocKind.PENALTY_NOTICE,)),
    "hearing_date": (DateRole.HEARING, (DocKind.HEARING_RECORD,)),
    "decision_date": (DateRole.DECISION, (DocKind.DECISION, DocKind.ON_THE_SPOT_DECISION)),
    "delivery_date": (DateRole.DELIVERY, (DocKind.SERVICE_RECEIPT,)),
    # 行政许可 (checklist-licensing.md)
    "application_date": (DateRole.APPLICATION, (DocKind.RECEIPT_OF_MATERIALS, DocKind.LICENSE_APPLICATION)),
    "correction_notice_date": (DateRole.SIGNED, (DocKind.CORRECTION_NOTICE,)),
    "acceptance_date": (DateRole.ACCEPTANCE, (DocKind.ACCEPTANCE_NOTICE,)),
    "certificate_delivery_date": (DateRole.DELIVERY, (DocKind.LICENSE_CERTIFICATE,)),
    "publication_date": (DateRole.PUBLICATION, (DocKind.PUBLICATION_PROOF,)),
}

EVENT_ZH: dict[str, str] = {
    "violation_date": "违法行为发生",
    "source_date": "案源登记",
    "filing_date": "立案",
    "notice_date": "告知",
    "notice_served_date": "告知书送达",
    "hearing_date": "听证",
    "decision_date": "作出决定",
    "delivery_date": "决定书送达",
    DateRole.HEARING_NOTICE.value: "听证通知",
    DateRole.EXTENSION.value: "延期审批",
    DateRole.CLOSING.value: "结案",
    DateRole.APPROVAL.value: "负责人审批",
    DateRole.RECORD_START.value: "笔录开始",
    "application_date": "收到申请",
    "correction_notice_date": "补正告知",
    "acceptance_date": "受理",
    "certificate_delivery_date": "许可证件送达",
    "publication_date": "公开",
    DateRole.VIOLATION.value: "违法行为发生",
    DateRole.DECISION.value: "作出决定",
    DateRole.DELIVERY.value: "当事人签收",
    DateRole.SIGNED.value: "落款",
    DateRole.HANDOVER.value: "罚款交至行政机关",
    DateRole.BANK_DEPOSIT.value: "罚款缴存银行",
    DateRole.FILED.value: "备案",
    # 行政强制执行 (coercion-execution): one document carries several events
    "payment_reminder.signed": "催告书落款",
    "payment_reminder.delivery": "催告书送达",
    "payment_reminder.deadline": "催告书载明的履行期限",
    "payment_reminder.underlying_delivery": "被执行决定送达",
    "payment_reminder.performance_deadline": "被执行决定的履行期限届满",
    "enforcement_application.underlying_delivery": "被执行决定送达",
    "enforcement_decision.underlying_delivery": "被执行决定送达",
    "enforcement_decision.signed": "作出强制执行决定",
    "substitute_performance.signed": "作出代履行决定",
    "enforcement_application.signed": "申请人民法院强制执行",
    "execution_record.record_start": "实施强制执行",
}


def _check_date_ref(ref: str) -> str:
    """A date reference: an Elements date field, a DateRole, or '<doc kind>.<role>'."""
    if ref in ELEMENT_DATES:
        return ref
    kind, _, role = ref.rpartition(".")
    roles = {r.value for r in DateRole}
    if role not in roles or (kind and kind not in {k.value for k in DocKind}):
        raise ValueError(
            f"unknown date {ref!r}: use an element ({', '.join(ELEMENT_DATES)}), a date role "
            f"({', '.join(sorted(roles))}) or '<document kind>.<role>'"
        )
    return ref


DateRef = Annotated[str, AfterValidator(_check_date_ref)]


def event_zh(ref: str) -> str:
    if ref in EVENT_ZH:
        return EVENT_ZH[ref]
    kind, _, role = ref.rpartition(".")
    if kind and (kind == DocKind.ON_THE_SPOT_DECISION or role in _SUMMARY_ROLES):
        return EVENT_ZH[role]  # one form carries several events (违法, 决定, 签收): name the event, not the form
    if kind:
        return DOC_KIND_ZH[DocKind(kind)]
    return EVENT_ZH.get(role, role)


_SUMMARY_ROLES = frozenset({DateRole.HANDOVER.value, DateRole.BANK_DEPOSIT.value, DateRole.FILED.value})


def serves_decision(doc: DocFacts, facts: CaseFacts, keywords: tuple[str, ...] = ("决定",)) -> bool | None:
    """Whether a service receipt serves the decision: True, False, or None when it does not say."""
    case_no = facts.elements.case_no
    if case_no and any(norm_text(c.value) == norm_text(case_no.value) for c in doc.cited_case_nos):
        return True
    if doc.served_document is None:
        return None
    text = doc.served_document.value
    return any(k in text for k in keywords) and "告知" not in text


def resolve_date(facts: CaseFacts, ref: str) -> tuple[Found[date] | None, bool]:
    """The date a reference names, and whether a document that should carry it is in the file."""
    if ref in ELEMENT_DATES:
        role, home = ELEMENT_DATES[ref]
        found = getattr(facts.elements, ref)
        home_docs = facts.of_kind(*home)
        if ref == "delivery_date":  # only receipts for the decision, never the notice's
            home_docs = [d for d in home_docs if serves_decision(d, facts) is not False]
        if found is None:
            found = next((d.dates[role] for d in home_docs if role in d.dates), None)
        if found is None:
            found = next((d.dates[role] for d in facts.documents if role in d.dates and not home), None)
        if found is None and ref in ("decision_date", "notice_date", "filing_date"):
            fallback = DateRole.APPROVAL if ref == "filing_date" else DateRole.SIGNED
            found = next((d.dates[fallback] for d in home_docs if fallback in d.dates), None)
        return found, bool(home_docs)
    kind, _, role_name = ref.rpartition(".")
    role = DateRole(role_name)
    docs = facts.of_kind(DocKind(kind)) if kind else facts.documents
    found = next((d.dates[role] for d in docs if role in d.dates), None)
    return found, bool(kind) and bool(docs)


def zh_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def document_of(facts: CaseFacts, evidence: Evidence) -> DocFacts | None:
    """The document a piece of evidence lies in: of its file's documents, the last one starting at or before it
    (a file may hold several documents)."""
    docs = [d for d in facts.documents if d.source_file == evidence.source_file and evidence.source_file]
    if len(docs) <= 1:
        return docs[0] if docs else None

    def at(position: Position) -> int:
        return position.page or position.paragraph or 0

    before = [d for d in docs if at(d.position) <= at(evidence.position)]
    return before[-1] if before else docs[0]


def dated(facts: CaseFacts, ref: str, found: Found[date]) -> str:
    """One date as a two-date finding quotes it: '告知书送达日期2024年3月1日（《送达回证》第1页）'."""
    event, day = event_zh(ref), zh_date(found.value)
    ev = found.evidence
    doc = document_of(facts, ev)
    name = DATED_EVIDENCE_ZH["document"].format(title=doc_zh(doc)) if doc else ev.source_file
    if not name:
        return DATED_EVIDENCE_ZH["undated_place"].format(event=event, date=day)
    return DATED_EVIDENCE_ZH["dated"].format(event=event, date=day, where=name + ev.position.where())


def two_dates_evidence(facts: CaseFacts, first: tuple[str, Found[date]], second: tuple[str, Found[date]]) -> Evidence:
    """The evidence of an item resting on two dates: the second date's file and place, quoting both dates with
    their documents, so the reviewer need not look for the first."""
    quote = DATED_EVIDENCE_ZH["joiner"].join(dated(facts, ref, found) for ref, found in (first, second))
    return Evidence(second[1].evidence.source_file, second[1].evidence.position, quote)


def resolve_first(facts: CaseFacts, refs: tuple[str, ...]) -> tuple[Found[date] | None, bool, str]:
    """The first of several alternative references that gives a date (and which one it was)."""
    any_home = False
    for ref in refs:
        found, home = resolve_date(facts, ref)
        any_home = any_home or home
        if found is not None:
            return found, True, ref
    return None, any_home, refs[0]


# ---------------------------------------------------------------------------------------------------
# Documents, absences, fines
# ---------------------------------------------------------------------------------------------------


def doc_zh(doc: DocFacts) -> str:
    return doc.title or DOC_KIND_ZH.get(doc.kind, doc.kind.value)


def doc_ref(doc: DocFacts) -> str:
    """How a message names a document: its title and file."""
    return f"{doc_zh(doc)}（{doc.source_file}）" if doc.source_file else doc_zh(doc)


def doc_evidence(doc: DocFacts, quote: str = "") -> Evidence:
    return Evidence(doc.source_file, doc.position, quote or doc.title)


def looked_in(doc: DocFacts) -> Evidence:
    """Where something was looked for and not found: the document's file and place, no quote. Its title
    quoted would read as the deficient line itself; the message names the document."""
    return Evidence(doc.source_file, doc.position, "")


def found_evidence(doc: DocFacts, attr: str) -> Evidence:
    """The line a document's field was read from (a Found, or the first of a list of them), else where the
    document is."""
    value = getattr(doc, attr, None)
    first = value[0] if isinstance(value, list) and value else value
    evidence = getattr(first, "evidence", None)
    return evidence if isinstance(evidence, Evidence) and evidence.quote else doc_evidence(doc)


def blank_field_evidence(doc: DocFacts, names: list[str]) -> Evidence | None:
    """The deficient line itself where one was read: a form field that `names` name, read with an empty value
    (送达地点：), rather than the document's title."""
    for label, found in doc.fields.items():
        if not str(found.value).strip() and any(label in name or name in label for name in names):
            return found.evidence
    return None


def kinds_zh(kinds: tuple[DocKind, ...] | list[DocKind]) -> str:
    return "或".join(DOC_KIND_ZH[k] for k in kinds)


def unreadable_files(facts: CaseFacts) -> list[str]:
    return [p.source_file or facts.dossier_id for p in facts.problems if p.kind in UNREADABLE]


def hiding_files(facts: CaseFacts) -> list[str]:
    """Files that may hold a document the facts do not show: unreadable, or holding an unclassified document."""
    return list(dict.fromkeys(p.source_file or facts.dossier_id for p in facts.problems if p.kind in HIDING))


def files_zh(files: list[str]) -> str:
    return "、".join(files[:3]) + ("等" if len(files) > 3 else "")


def searched(facts: CaseFacts) -> Evidence:
    """The evidence of an absence: the documents searched (checklist: every fail names its evidence)."""
    titles = list(dict.fromkeys(doc_zh(d) for d in facts.documents))
    return Evidence("", Position(), f"已查阅{len(facts.documents)}份文书：{'、'.join(titles)}" if titles else "卷内无文书")


def not_proven(facts: CaseFacts, what_zh: str, lead: str = "") -> Outcome | None:
    """The unknown an absence gives when files could not be read or documents not classified, else None."""
    unreadable, hiding = unreadable_files(facts), hiding_files(facts)
    if not hiding:
        return None
    why = (
        f"有{len(unreadable)}个文件无法读取" if len(unreadable) == len(hiding)
        else f"有{len(hiding)}个文件无法读取或未能识别文书类型"
    )
    return Outcome.unknown(f"{lead}卷内未见{what_zh}，但{why}（{files_zh(hiding)}），无法判定")


def absent(facts: CaseFacts, what_zh: str, extra: str = "") -> Outcome:
    """A required document is not in the file: fail listing the documents searched, or unknown when a file
    could not be read or a document not classified (it may be the one looked for)."""
    return not_proven(facts, what_zh) or Outcome.failed(f"卷内未见{what_zh}{extra}", searched(facts))


def decision_fine(facts: CaseFacts) -> Found[Decimal] | None:
    if facts.elements.fine_amount is not None:
        return facts.elements.fine_amount
    return next((d.fine for d in facts.of_kind(*DECISION_KINDS) if d.fine is not None), None)


def notice_fine(facts: CaseFacts) -> Found[Decimal] | None:
    if facts.elements.notice_fine_amount is not None:
        return facts.elements.notice_fine_amount
    notices = [d for d in facts.of_kind(DocKind.PENALTY_NOTICE) if d.fine is not None]
    return notices[-1].fine if notices else None


def case_fine(facts: CaseFacts) -> Found[Decimal] | None:
    """The larger of the decided and the intended fine: either makes the case large."""
    found = [f for f in (decision_fine(facts), notice_fine(facts)) if f is not None]
    return max(found, key=lambda f: f.value) if found else None


def party_kind(facts: CaseFacts) -> str | None:
    if facts.elements.party_kind:
        return facts.elements.party_kind
    return next((d.party_kind for d in facts.documents if d.party_kind), None)


def yuan(amount: Decimal) -> str:
    return f"{amount.normalize():f}元"


def at_or_above(facts: CaseFacts, param: str, ctx: RuleContext) -> tuple[bool | None, str]:
    """Is the case's fine at or above a by-party threshold? (None, reason) when that cannot be told."""
    fine = case_fine(facts)
    if fine is None:
        return False, "卷内未见罚款金额"
    kind = party_kind(facts)
    if kind in ("individual", "organisation"):
        limit = ctx.threshold(param, kind)
        above = fine.value >= limit
        rel = "达到" if above else "低于"
        return above, f"罚款{yuan(fine.value)}{rel}{PARTY_KIND_ZH[kind]}{yuan(limit)}的标准"
    limits = [ctx.threshold(param, k) for k in ("individual", "organisation")]
    if fine.value >= max(limits):
        return True, f"罚款{yuan(fine.value)}达到标准"
    if fine.value < min(limits):
        return False, f"罚款{yuan(fine.value)}低于标准"
    return None, f"当事人类型（单位或个人）无法判定，罚款{yuan(fine.value)}是否达到标准不明"


def hearing_held(facts: CaseFacts) -> bool:
    return facts.has(DocKind.HEARING_RECORD) or resolve_date(facts, "hearing_date")[0] is not None


# ---------------------------------------------------------------------------------------------------
# Parts of a document (contents checks): True present, False missing, None cannot be told
# ---------------------------------------------------------------------------------------------------


def _attr_set(doc: DocFacts, attr: str) -> bool:
    value = getattr(doc, attr)
    if isinstance(value, Found) and isinstance(value.value, bool):
        return value.value
    if isinstance(value, list | dict | str):
        return bool(value)
    return value is not None


def labelled(doc: DocFacts, labels: tuple[str, ...]) -> bool | None:
    """A form field by its labels: True filled in, False a label read with an empty value (the positive
    evidence of a blank), None no label found (wrapped in its cell, a synonym not known, another layout)."""
    values = [doc.fields[label].value for label in labels if label in doc.fields]
    if any(v.strip() for v in values):
        return True
    return False if values else None


def has_part(
    doc: DocFacts,
    attrs: tuple[str, ...] = (),
    labels: tuple[str, ...] = (),
    dates: tuple[DateRole, ...] = (),
    narrative: bool = False,
) -> bool | None:
    """Present when any attribute, labelled field or date role is found. A part shown only by labels is
    missing only when its label was read blank, and cannot be told (None) when no label was found; a part
    that extraction reads as a clause (attrs: remedies, payment_terms …) is missing when the document was
    read and the clause is not in it. A `narrative` part (违法事实 in a decision is prose, not a labelled
    field) is never missing: its absence proves nothing."""
    if any(_attr_set(doc, a) for a in attrs) or any(r in doc.dates for r in dates):
        return True
    by_label = labelled(doc, labels)
    if by_label is not None:
        return by_label
    if narrative or not (attrs or dates):
        return None
    return False if (doc.fields or doc.dates) else None


def partly_read(doc: DocFacts, facts: CaseFacts) -> str | None:
    """Why a document's text may be incomplete (pages not read, OCR of low confidence), or None: a part not
    found in such a document is `unknown`, never a `fail`."""
    return file_doubt(facts, doc.source_file)


def file_doubt(facts: CaseFacts, source_file: str) -> str | None:
    """Why what was read from a file may be wrong or incomplete, or None. Read from the problems and the
    review reasons ingest reports (a low-confidence OCR reason names its file)."""
    if not source_file:
        return None
    problem = next((p for p in facts.problems if p.source_file == source_file and p.kind in UNREADABLE), None)
    if problem is not None:
        return problem.message
    return next((r for r in facts.review_reasons if source_file in r), None)


SCANNED_ZH = "为扫描件（文字经OCR识别），手写签名或勾选可能未被识别，无法判定"


def unless_scanned(doc: DocFacts, found: bool | None) -> bool | None:
    """A blank signature line or an unticked box read from a scan is no proof: handwriting is often not
    recognised (None then)."""
    return None if found is False and doc.scanned else found


def both(*checks: bool | None) -> bool | None:
    """All of several sub-checks: missing wins over unreadable."""
    if any(c is False for c in checks):
        return False
    if any(c is None for c in checks):
        return None
    return True


DOC_ATTRS = frozenset(DocFacts.__dataclass_fields__) - {"source_file", "kind", "title", "position"}
ELEMENT_ATTRS = frozenset(Elements.__dataclass_fields__)


def calendar_unknown(exc: CalendarUnknownError) -> Outcome:
    return Outcome.unknown(str(exc))
