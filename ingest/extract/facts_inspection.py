"""An inspection file's facts (行政检查, checklist-inspection.md): whether the record says the officers showed
their certificates (行政处罚法第五十五条; 河南省行政执法条例第二十四条).

Kept apart from the on-the-spot form's reader, which finds the same words on its pre-printed form: here they are
a sentence of the 现场检查笔录 ("执法人员向被检查人出示了执法证件", "已亮证", the 生态环境 form's "这是我们的执法
证件，请过目确认：☑") or a ticked box of the 检查通知书.
A sentence that denies it (未出示, 没有出示) or an unticked box is no statement. Each value keeps its evidence.
"""

from __future__ import annotations

import re

from ingest.extract.layout import Layout
from ingest.glossary import DocKind
from ingest.model import DocFacts

INSPECTION_KINDS = frozenset({DocKind.INSPECTION_RECORD, DocKind.INSPECTION_NOTICE})

_SHOWN = re.compile(r"(?<!未)(?<!没有)(?<!不)(?:出示|亮明|亮)(?:了)?(?:各自的|各自)?(?:有效)?(?:的)?(?:行政)?(?:执法)?"
                    r"(?:证件|证|身份证件|执法证|检查证|监督证)")
# The 生态环境 record's printed sentence, said while handing the certificate over: "这是我们的执法证件（执法证
#编号：…），请过目确认" — a statement that they were shown, unless its 请过目确认 box is left unticked.
_SAID_WHILE_SHOWING = re.compile(r"这是我们的(?:行政)?执法证(?:件)?")
_CONFIRM_BOX = re.compile(r"[^。]*?过目确认\s*[:：]?\s*(?P<box>[□☐☑■√✓])")
_UNTICKED = "□☐"


def collect_inspection(d: Layout, facts: DocFacts) -> None:
    """credentials_shown of a 检查笔录 or 检查通知书: the first sentence or ticked box that says so."""
    if d.doc.kind not in INSPECTION_KINDS or facts.credentials_shown is not None:
        return
    for i, text in enumerate(d.pfolded):
        for m in _SHOWN.finditer(text):
            if any(ch in _UNTICKED for ch in text[max(0, m.start() - 3) : m.start()]):
                continue
            facts.credentials_shown = d.pfound(m.group(), i, m.start(), m.end())
            return
        m = _SAID_WHILE_SHOWING.search(text)
        if m:
            box = _CONFIRM_BOX.match(text, m.end())
            if box and box["box"] in _UNTICKED:
                continue
            facts.credentials_shown = d.pfound(m.group(), i, m.start(), m.end())
            return
