"""What the 三项制度 checks read in a dossier (国办发〔2018〕118号; 行政处罚法第四十七条、第五十八条):

- a sentence naming an audio/video recording of the act (全程录音录像, 执法记录仪, 音像资料) in any record or
  备考表; a sentence that denies it (未使用执法记录仪, 没有录像) is no statement;
- the 法制审核意见's reviewer (审核人), conclusion (审核意见 / 审核结论) and, where the form has the box, the
  reviewer's 法律职业资格. A label read with nothing after it is kept with an empty value: the positive
  evidence of a blank, as form fields are.
"""

from __future__ import annotations

import re

from ingest.extract.layout import Layout
from ingest.glossary import DocKind
from ingest.model import DocFacts

_AV = re.compile(r"(?:全程|全过程)?(?:同步)?(?:录音录像|录像|音像记录|音像资料|音视频|视音频|执法记录仪)")
_DENIED = re.compile(r"(?:未|没有|无|不)(?:使用|进行|开启|作)?[^，。；]{0,4}$")

# A label and its value: after a colon anywhere, or — a form's row, its label cell first (审核人员 | 卢静) — after a
# tab or spaces where the label opens the line or its cell.
_LABEL_FIELDS = {
    "reviewer": (r"(?:法制)?审核(?:人|人员)(?:签名|签字)?", r"[^\s，。；:：]{0,12}"),
    "review_conclusion": (r"(?:法制)?审核(?:意见|结论)", r"[^\n]{0,200}"),
    "reviewer_qualification": (r"法律职业资格(?:证书)?(?:编号|证号)?", r"[A-Za-z0-9\u4e00-\u9fff]{0,30}"),
}
_REVIEW_LABELS = {
    name: (re.compile(rf"{label}\s*[:：]\s*(?P<value>{value})"),
           re.compile(rf"(?:^|(?<=\t))\s*{label}(?:\t|\s+)(?P<value>{value})"))
    for name, (label, value) in _LABEL_FIELDS.items()
}


_CLAUSE_END = "，。；;,"


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around [start, end): from the last punctuation before to the first after (the quote)."""
    before = max(text.rfind(ch, 0, start) for ch in _CLAUSE_END) + 1
    after = [i for i in (text.find(ch, end) for ch in _CLAUSE_END) if i >= 0]
    return before, min(after) if after else len(text)


def collect_three_systems(d: Layout, facts: DocFacts) -> None:
    """av_mention of any document; the review's reviewer, conclusion and qualification of a 法制审核意见."""
    for i, text in enumerate(d.pfolded):
        if facts.av_mention is not None:
            break
        for m in _AV.finditer(text):
            if not _DENIED.search(text[max(0, m.start() - 8) : m.start()]):
                start, end = _clause(text, m.start(), m.end())
                facts.av_mention = d.pfound(d.paras[i][start:end], i, start, end)  # as written (fold keeps offsets)
                break
    if d.doc.kind != DocKind.LEGAL_REVIEW:
        return
    for name, (labelled, in_row) in _REVIEW_LABELS.items():
        for i, text in enumerate(d.pfolded):
            m = labelled.search(text) or in_row.search(text)
            if m:
                value = d.paras[i][m.start("value") : m.end("value")].strip()
                setattr(facts, name, d.pfound(value, i, m.start("value") if value else m.start(), m.end()))
                break
