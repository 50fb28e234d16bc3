"""Shared machinery of the *_contents kinds: named parts of a document, each present, missing or unreadable."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ingest.glossary import DocKind
from ingest.model import CaseFacts, DocFacts
from scoring.rules.base import Outcome, doc_evidence, doc_ref


@dataclass(frozen=True)
class Part:
    label: str  # what a reviewer calls it
    check: Callable[[DocFacts, CaseFacts], bool | None]  # True present, False missing, None unreadable
    applies: Callable[[CaseFacts], bool] = lambda facts: True
    # prose the model cannot see (违法事实 in a decision): "cannot tell" is noted, never unknown or a fail
    narrative: bool = False


def judge_parts(docs: list[DocFacts], facts: CaseFacts, parts: dict[str, Part], names: tuple[str, ...]) -> Outcome:
    """One occurrence per part missing from each document; unknown when parts could only not be read."""
    missing: list[tuple[DocFacts, list[str]]] = []
    unreadable: list[str] = []
    unchecked: list[str] = []
    for doc in docs:
        gone, unread = [], []
        for name in names:
            part = parts[name]
            if not part.applies(facts):
                continue
            found = part.check(doc, facts)
            if found is False:
                gone.append(part.label)
            elif found is None and part.narrative:
                unchecked.append(part.label)
            elif found is None:
                unread.append(part.label)
        if gone:
            missing.append((doc, gone))
        if unread:
            unreadable.append(f"{doc_ref(doc)}的{'、'.join(unread)}")
    note = f"（{'、'.join(dict.fromkeys(unchecked))}未能自动核对）" if unchecked else ""
    if missing:
        text = "；".join(f"{doc_ref(d)}缺{'、'.join(g)}" for d, g in missing)
        return Outcome.failed(text + note, doc_evidence(missing[0][0]), sum(len(g) for _, g in missing))
    if unreadable:
        return Outcome.unknown("未能读取" + "；".join(unreadable) + note)
    checked = [parts[n].label for n in names if parts[n].label not in unchecked]
    text = ("已载明" + "、".join(checked) + note) if checked else note.strip("（）")
    return Outcome.passed(text, doc_evidence(docs[0]))


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


def both(*checks: bool | None) -> bool | None:
    """All of several sub-checks: missing wins over unreadable."""
    if any(c is False for c in checks):
        return False
    if any(c is None for c in checks):
        return None
    return True
