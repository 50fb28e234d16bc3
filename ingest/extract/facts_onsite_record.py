"""What a coercive measure's 现场笔录 says of its procedure (行政强制法第十八条): whether the party was there
(第（四）项: else a witness), whether the party was told the reasons, basis, rights and remedies (第（五）项) and
was heard (第（六）项). The signatures (第（八）项、第（九）项) are the generic signature lines (facts_records.py,
fields.py: 被检查人签名 (当事人签名), 检查人员签名 (执法人员签名), 见证人); the certificates (第（三）项) facts_inspection.py.

A statement counts in a sentence or a ticked box; an unticked box (□已告知) or a denial (未听取) is read as
False with its quote: the positive evidence a missing step needs. Words loosely about the step (告知, 复议, 陈述)
count as stated: a record is deducted only when it says nothing of the step at all, never on a wording not known.
"""

from __future__ import annotations

import re

from ingest.extract.facts_on_the_spot import option_box
from ingest.extract.layout import Layout
from ingest.glossary import DocKind
from ingest.model import DocFacts, Found, TextOrigin

_ABSENT = re.compile(r"当事人[^，。；:：□☐☑√]{0,8}?(?:未|没有|不|拒不|拒绝)(?:到场|在场|到现场)|当事人不在现场")
_PRESENT = re.compile(r"当事人[^，。；:：□☐☑√]{0,8}?(?<!未)(?<!不)(?<!没有)(?:已)?(?:到场|在场)")
# a form's boxes: "当事人到场情况：□到场 ☑未到场"
_BOX_PRESENCE = re.compile(r"([□☐☑✓✔√■▣☒])\s*(?:当事人)?(未到场|不在场|未在场|到场|在场)")
_TICKED = "☑✓✔√■▣☒"
_WITNESS = re.compile(r"见证")
_NO_WITNESS = re.compile(r"(?:未|没有|无)(?:邀请)?(?:到场)?见证")
_TOLD = re.compile(r"(?<!未)(?<!没有)告知|(?:申请|提起)?行政复议|行政诉讼|救济途径")
# not a line's label ("当事人陈述申辩：", read as a field below), nor the right told (第十八条第（五）项 "享有的陈述、
# 申辩权利" is R04's telling, not the hearing of 第（六）项)
_HEARD = re.compile(r"(?:(?<!未)(?<!没有)(?<!不)(?:听取|进行|作出|提出|放弃)?(?:了)?(?:当事人的)?陈述(?:和|、|及)?申辩|"
                    r"(?<!未)(?<!没有)(?:听取)(?:了)?(?:当事人)?(?:的)?意见)(?![^，。；]{0,4}[:：])(?!的?权)")
# the party's words written down in a sentence ("当事人陈述：从邻县批发商处进货", "听取其陈述：是公司安排的"): heard
_HEARD_SAID = re.compile(r"(?:当事人(?:的)?|(?<!未)(?<!没有)听取(?:了)?(?:其|当事人|驾驶员|他|她)?(?:的)?)"
                         r"(?:陈述|申辩|辩称)[:：]\s*[^\s，。；:：]")
_NOT_HEARD = re.compile(r"(?:未|没有)(?:听取|给予)[^。；]{0,8}(?:陈述|申辩)")
_HEARD_LABEL = "当事人意见"  # fields.py: 当事人陈述申辩、陈述申辩意见 …


def collect_onsite_record(d: Layout, facts: DocFacts) -> None:
    """party_absent, witness_mentioned, reasons_told, defense_heard of a 查封(扣押)现场笔录, or of a 现场检查笔录 (the
    record a seizure is often made in: facts_coercion.adopt_measure_record); `scanned` of every document."""
    facts.scanned = any(b.origin == TextOrigin.OCR for b in d.doc.blocks)
    if d.doc.kind not in (DocKind.SEIZURE_RECORD, DocKind.INSPECTION_RECORD):
        return
    for i, text in enumerate(d.pfolded):
        if facts.party_absent is None or not facts.party_absent.value:
            _presence(d, facts, i, text)
        if facts.witness_mentioned is None or facts.witness_mentioned.value:
            if m := _NO_WITNESS.search(text):
                facts.witness_mentioned = d.pfound(False, i, m.start(), m.end())
            elif facts.witness_mentioned is None and (m := _WITNESS.search(text)):
                facts.witness_mentioned = d.pfound(True, i, m.start(), m.end())
        _statement(d, facts, "reasons_told", _TOLD, i, text)
        if m := _NOT_HEARD.search(text):  # a denial: its sentence states nothing else of the step
            if facts.defense_heard is None:
                facts.defense_heard = d.pfound(False, i, m.start(), m.end())
        else:
            _statement(d, facts, "defense_heard", _HEARD, i, text)
            _statement(d, facts, "defense_heard", _HEARD_SAID, i, text)
    opinion = facts.fields.get(_HEARD_LABEL)
    if opinion is not None and (facts.defense_heard is None or not facts.defense_heard.value):
        # "当事人陈述申辩：" read with a value is the party heard; read blank, nothing was recorded
        facts.defense_heard = Found(bool(opinion.value.strip()), opinion.evidence)


def _presence(d: Layout, facts: DocFacts, i: int, text: str) -> None:
    """当事人未到场 (True) wins over 到场 (False): a ticked box, else the prose."""
    for m in _BOX_PRESENCE.finditer(text):
        if m.group(1) in _TICKED:
            facts.party_absent = d.pfound(m.group(2)[0] in "未不", i, m.start(), m.end())
            return
    if m := _ABSENT.search(text):
        facts.party_absent = d.pfound(True, i, m.start(), m.end())
    elif facts.party_absent is None and (m := _PRESENT.search(text)):
        facts.party_absent = d.pfound(False, i, m.start(), m.end())


def _statement(d: Layout, facts: DocFacts, attr: str, pattern: re.Pattern, i: int, text: str) -> None:
    """The first statement of a step: True in words or a ticked box; False an unticked box (kept only until a
    statement turns up)."""
    known = getattr(facts, attr)
    if known is not None and known.value:
        return
    for m in pattern.finditer(text):
        box = option_box(text, m.start())
        if box == "unticked":
            if known is None:
                setattr(facts, attr, d.pfound(False, i, max(0, m.start() - 1), m.end()))
                known = getattr(facts, attr)
            continue
        setattr(facts, attr, d.pfound(True, i, m.start(), m.end()))
        return
