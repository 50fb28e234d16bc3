"""The parts of a coercive measure's 现场笔录 the `contents` kind checks (coercion-measure R02–R05).

行政强制法第十八条: (四) the party is notified to be there, else a witness is invited; (五) the party is told on the
spot the reasons, basis, rights and remedies; (六) the party is heard; (八) the record is signed by the party and
the officers, a refusal noted; (九) with the party absent, the witness and the officers sign.

Precision first: a part is missing only on positive evidence in a record read whole — a signature line read
blank, an unticked box, a 当事人未到场 with no witness, or (for a step told in words) a record whose officers were
read and that says nothing of the step. A record whose text came from OCR (a scan) proves no blank: a
handwritten signature or tick is often not read, so the part is `unknown` with that reason.
"""

from __future__ import annotations

from ingest.glossary import DocKind
from ingest.model import CaseFacts, DocFacts, Evidence
from scoring.rules._forms import Form, Part
from scoring.rules.base import SCANNED_ZH, labelled
from scoring.rules.base import unless_scanned as _unless_scanned

PARTY_SIGN = ("被检查人签名",)  # fields.py: 当事人签名、当事人(签名) …
OFFICER_SIGN = ("检查人员签名",)  # fields.py: 执法人员签名 …
WITNESS = ("见证人",)  # fields.py: 见证人签名 …
def _absent(doc: DocFacts) -> bool:
    return doc.party_absent is not None and doc.party_absent.value


def _party_signature(doc: DocFacts, facts: CaseFacts) -> bool | None:
    """Signed or a refusal noted; a party stated absent signs nothing (the witness does: R03)."""
    if _absent(doc):
        return True
    if doc.signed_by_party is not None:
        return _unless_scanned(doc, doc.signed_by_party.value)
    return _unless_scanned(doc, labelled(doc, PARTY_SIGN))


def _officer_signature(doc: DocFacts, facts: CaseFacts) -> bool | None:
    return _unless_scanned(doc, labelled(doc, OFFICER_SIGN))


def _witness(doc: DocFacts, facts: CaseFacts) -> bool | None:
    """Party stated absent: the witness's line filled; its line read blank, a record saying no witness came, or
    one never naming a witness, is the fail; a witness named in a sentence with no line found cannot be told.
    Else the party was there (stated, or signed): nothing to check."""
    if _absent(doc):
        line = labelled(doc, WITNESS)
        if line is not None:
            return _unless_scanned(doc, line)
        said = doc.witness_mentioned
        if said is not None and said.value:
            return None
        return _unless_scanned(doc, False)
    if doc.party_absent is not None or (doc.signed_by_party is not None and doc.signed_by_party.value):
        return True
    return None


def _told_in_words(doc: DocFacts, stated) -> bool | None:
    """A step told in a sentence or a box: its statement; an unticked box False; nothing said False in a
    record read whole whose officers were read (the form was understood), else None. With the party stated
    absent nobody could be told or heard on the spot: not a fail, the reviewer judges (None)."""
    if stated is not None and stated.value:
        return True
    if _absent(doc):
        return None
    if stated is not None:
        return _unless_scanned(doc, stated.value)
    return _unless_scanned(doc, False if doc.officers else None)


def _heard(doc: DocFacts, facts: CaseFacts) -> bool | None:
    if facts.has(DocKind.DEFENSE_RECORD):  # 陈述申辩笔录 of its own
        return True
    return _told_in_words(doc, doc.defense_heard)


def _witness_evidence(doc: DocFacts) -> Evidence | None:
    if doc.witness_mentioned is not None and not doc.witness_mentioned.value:
        return doc.witness_mentioned.evidence  # 未邀请见证人
    return doc.party_absent.evidence if _absent(doc) else None


def _field_evidence(labels: tuple[str, ...]):
    return lambda doc: next((doc.fields[label].evidence for label in labels if label in doc.fields), None)


def _why(doc: DocFacts, facts: CaseFacts) -> str | None:
    return SCANNED_ZH if doc.scanned else None


def _why_witness(doc: DocFacts, facts: CaseFacts) -> str | None:
    if not _absent(doc):
        return "未记载当事人是否到场，也未见当事人签名，无法判定是否需要见证人"
    if doc.witness_mentioned is not None and doc.witness_mentioned.value and labelled(doc, WITNESS) is None:
        return f"笔录记载{doc.witness_mentioned.evidence.quote}，但未找到见证人签名栏，无法判定见证人是否签名"
    return _why(doc, facts)


def _why_words(doc: DocFacts, facts: CaseFacts) -> str | None:
    if _absent(doc):
        return f"笔录记载{doc.party_absent.evidence.quote}，当事人不在场时如何告知、听取由评查人员判定"
    return _why(doc, facts) or (None if doc.officers else "未能识别执法人员（笔录格式未能读懂），无法判定")


SEIZURE_RECORD = Form(DocKind.SEIZURE_RECORD, "现场笔录", {
    "party_signature": Part("当事人签名或拒签注明", _party_signature, why=_why,
                            evidence=lambda d: d.signed_by_party.evidence if d.signed_by_party else
                            _field_evidence(PARTY_SIGN)(d)),
    "officer_signature": Part("执法人员签名", _officer_signature, why=_why, evidence=_field_evidence(OFFICER_SIGN)),
    "witness": Part("当事人到场或见证人到场签名", _witness, why=_why_witness, evidence=_witness_evidence),
    "reasons_told": Part("当场告知理由、依据、权利和救济途径", lambda d, f: _told_in_words(d, d.reasons_told),
                         why=_why_words, evidence=lambda d: d.reasons_told.evidence if d.reasons_told else None),
    "defense_heard": Part("听取陈述申辩", _heard, why=_why_words,
                          evidence=lambda d: d.defense_heard.evidence if d.defense_heard else None),
})
