"""document_present: a required document is in the file (R01, R07, R08, R17, R20, R24, V03).

A receipt may be asked to serve one document (`serves`): the decision (R17 of the penalty standard), or a document it
names (`named`, the 催告书: a receipt naming nothing is unknown, the served document's own service date counts).

Precision first: a fail's evidence lists the documents searched; when a file could not be read or a
document could not be classified, the absence is not proven: `unknown`, naming those files.

Example:

```yaml
item:
  kind: document_present
  args: {kinds: [filing_approval]}
pass:
  facts:
    documents: [{file: 02立案.docx, kind: filing_approval}]
  message: 卷内有立案审批表（02立案.docx）
  evidence: 02立案.docx
fail:
  facts:
    documents: [{file: 01案源.docx, kind: case_source}]
  message: 卷内未见立案审批表
  occurrences: 1
  evidence: ''
unknown:                    # a file not read, or a document not classified, may be the one looked for
  - facts:
      problems: [{file: 13扫描件.jpg, kind: unsupported}]
    message: 卷内未见立案审批表，但有1个文件无法读取（13扫描件.jpg），无法判定
  - facts:
      documents: [{file: 01案源.docx, kind: case_source}, {file: 02审批.docx, kind: unknown}]
      problems: [{file: 02审批.docx, kind: unclassified}]
    message: 卷内未见立案审批表，但有1个文件无法读取或未能识别文书类型（02审批.docx），无法判定
```
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import Field, field_validator

from ingest.glossary import DocKind
from ingest.model import CaseFacts
from scoring.rules.base import (
    DOC_ATTRS,
    DateRef,
    Outcome,
    RuleContext,
    absent,
    dated,
    doc_evidence,
    doc_ref,
    kinds_zh,
    resolve_date,
    serves_decision,
)
from scoring.rules.registry import Args, register
from scoring.rules.when import When


class DocumentPresentArgs(Args):
    kinds: tuple[DocKind, ...] = Field(min_length=1)  # any one of them will do
    when: When | None = None
    # For service receipts: only a receipt that serves the decision counts (R17); `named`: only a receipt whose
    # 送达文书 names one of `served_keywords` (a 送达回证 of the enforced decision is not the 催告书's), or the
    # served document's own service date `served_on` (a "送达：…签收" line under it, or a receipt linked to it).
    serves: Literal["decision", "named"] | None = None
    served_keywords: tuple[str, ...] = ("处罚决定",)
    served_on: DateRef | None = None
    what: str | None = None  # how a message names the missing document; default: the kinds' names
    # Another document's field attests what the missing one would prove ("执行情况：当事人已缴纳罚款" in the
    # 结案审批表): the absence is then not a deduction but a question for the reviewer (unknown).
    attested_by: tuple[str, ...] = ()  # labels of DocFacts.fields
    attested_words: tuple[str, ...] = ()  # regular expressions, one of which the field must say
    # statements (DocFacts attributes) that attest it wherever written (an inspection's 执法码 scanned: code_shown)
    attested_by_statement: tuple[str, ...] = ()
    # a document printed inside another (a 清单 as a table of the 查封（扣押）决定书): a document of `inside` whose
    # `inside_attr` was read holds it
    inside: tuple[DocKind, ...] = ()
    inside_attr: Literal["goods_table"] = "goods_table"
    # unknown: the document may come after the file was closed (a court's ruling on an application): its absence
    # is a question for the reviewer, not a deduction
    if_absent: Literal["fail", "unknown"] = "fail"

    @field_validator("attested_by_statement")
    @classmethod
    def _statements(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        unknown = [a for a in value if a not in DOC_ATTRS]
        if unknown:
            raise ValueError(f"unknown document field(s) {', '.join(unknown)}")
        return value


@register("document_present", args=DocumentPresentArgs)
def check(item, facts: CaseFacts, ctx: RuleContext) -> Outcome:
    """Fail naming the document when none of `kinds` is in the file."""
    args: DocumentPresentArgs = item.args
    what = args.what or kinds_zh(args.kinds)
    docs = facts.of_kind(*args.kinds)
    if args.serves == "decision":
        served = [serves_decision(d, facts, args.served_keywords) for d in docs]
        for doc, serves in zip(docs, served, strict=True):
            if serves:
                return Outcome.passed(f"卷内有{doc_ref(doc)}", doc_evidence(doc))
        if facts.elements.delivery_date is not None:
            found = facts.elements.delivery_date
            return Outcome.passed(f"决定书送达日期为{found.value.isoformat()}", found.evidence)
        undecided = [d for d, s in zip(docs, served, strict=True) if s is None]
        if undecided:
            return Outcome.unknown(
                f"{doc_ref(undecided[0])}未载明所送达的文书，无法确认是否为决定书的送达凭证",
                doc_evidence(undecided[0]),
            )
        return absent(facts, what)
    if args.serves == "named":
        return _named(facts, args, docs, what)
    if docs:
        return Outcome.passed(f"卷内有{doc_ref(docs[0])}", doc_evidence(docs[0]))
    holder = next((d for d in facts.of_kind(*args.inside) if getattr(d, args.inside_attr) is not None), None)
    if holder is not None:
        shown = getattr(holder, args.inside_attr)
        return Outcome.passed(f"{what}载于{doc_ref(holder)}（“{' '.join(shown.value.split())}”表格）", shown.evidence)
    stated = next(((d, f) for d in facts.documents for a in args.attested_by_statement
                   if (f := getattr(d, a, None)) is not None), None)
    if stated is not None:
        doc, found = stated
        return Outcome.unknown(f"卷内未见{what}，但{doc_ref(doc)}载明“{found.value}”，请核对", found.evidence)
    attest = _attestation(facts, args)
    if attest is not None:
        doc, found = attest
        return Outcome.unknown(f"卷内未见{what}，但{doc_ref(doc)}载明“{found.value}”，请核对", found.evidence)
    if args.if_absent == "unknown":
        return Outcome.unknown(f"卷内未见{what}，可能尚未作出或另卷归档，请核对")
    return absent(facts, what)


def _named(facts: CaseFacts, args: DocumentPresentArgs, docs, what: str) -> Outcome:
    """A receipt naming the served document, or that document's own service date; a receipt naming nothing
    may be it (unknown); receipts of other documents only: absent."""
    if args.served_on is not None:
        found, _ = resolve_date(facts, args.served_on)
        if found is not None:
            return Outcome.passed(dated(facts, args.served_on, found), found.evidence)
    for doc in docs:
        if doc.served_document is not None and any(k in doc.served_document.value for k in args.served_keywords):
            return Outcome.passed(f"卷内有{doc_ref(doc)}（{doc.served_document.value}）", doc_evidence(doc))
    silent = [d for d in docs if d.served_document is None]
    if silent:
        return Outcome.unknown(f"{doc_ref(silent[0])}未载明所送达的文书，无法确认是否为{what}", doc_evidence(silent[0]))
    return absent(facts, what, "（卷内送达回证均为其他文书的送达凭证）" if docs else "")


def _attestation(facts: CaseFacts, args: DocumentPresentArgs):
    """(document, field) of the first field in `attested_by` that says one of `attested_words`, or None."""
    for doc in facts.documents:
        for label in args.attested_by:
            found = doc.fields.get(label)
            if found is not None and any(re.search(word, found.value) for word in args.attested_words):
                return doc, found
    return None
