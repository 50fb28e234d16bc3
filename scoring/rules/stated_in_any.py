"""stated_in_any: a step the file must say it took, in any of several documents (inspection R07: the notice or
the record tells the party its rights and the inspection's basis).

Each part is a statement ingest reads as True (a sentence or a ticked box), False (an unticked box) or not at all.
A part is present when any document states it. Precision first: it is missing only on positive evidence — an
unticked box, or (`fail_on_silence`) every document read whole, none a scan, its officers or fields read, and
none saying a word of it; otherwise `unknown` with the reason. A part whose wording varies too much to read
silence as absence (the basis, often "依照有关规定") leaves `fail_on_silence` off: then silence is unknown.

Example:

```yaml
item:
  kind: stated_in_any
  args:
    kinds: [inspection_notice, inspection_record]
    parts:
      - {attr: rights_told, label: 告知申请回避、陈述申辩等权利, fail_on_silence: true}
pass:
  facts:
    documents:
      - {file: 02通知书.docx, kind: inspection_notice, rights_told: true}
      - {file: 03检查笔录.docx, kind: inspection_record, officers: [{name: 张三, cert_no: '1'}]}
  message: 已载明告知申请回避、陈述申辩等权利
  evidence: 02通知书.docx
fail:
  facts:
    documents:
      - {file: 03检查笔录.docx, kind: inspection_record, officers: [{name: 张三, cert_no: '1'}]}
  message: 行政检查通知书或现场检查(勘验)笔录均未载明告知申请回避、陈述申辩等权利（已查阅现场检查(勘验)笔录（03检查笔录.docx））
  occurrences: 1
  evidence: 03检查笔录.docx
unknown:
  facts:
    documents:
      - {file: 03检查笔录.pdf, kind: inspection_record, scanned: true, officers: [{name: 张三, cert_no: '1'}]}
  message: 未见告知申请回避、陈述申辩等权利，但现场检查(勘验)笔录（03检查笔录.pdf）为扫描件（文字经OCR识别），手写签名或勾选可能未被识别，无法判定
n/a:
  facts: {}
  message: 卷内无行政检查通知书或现场检查(勘验)笔录，不适用
```
"""

from __future__ import annotations

from pydantic import Field, field_validator

from ingest.glossary import DocKind
from ingest.model import CaseFacts, DocFacts
from scoring.rules.base import (
    DOC_ATTRS,
    SCANNED_ZH,
    Outcome,
    RuleContext,
    doc_evidence,
    doc_ref,
    kinds_zh,
    partly_read,
)
from scoring.rules.registry import Args, register
from scoring.rules.when import When


class StatedPart(Args):
    attr: str  # a DocFacts attribute holding Found[bool] or a Found text (rights_told, correction_deadline …)
    label: str  # what a reviewer calls the statement (告知…权利, 改正期限)
    fail_on_silence: bool = False  # a file read whole saying nothing of it is a fail (else unknown)

    @field_validator("attr")
    @classmethod
    def _known(cls, value: str) -> str:
        if value not in DOC_ATTRS:
            raise ValueError(f"unknown document field {value!r}")
        return value


class StatedInAnyArgs(Args):
    kinds: tuple[DocKind, ...] = Field(min_length=1)
    parts: tuple[StatedPart, ...] = Field(min_length=1)
    when: When | None = None


def _doubt(doc: DocFacts, facts: CaseFacts) -> str | None:
    """Why silence in this document proves nothing: partly read, a scan, or its form not understood."""
    if why := partly_read(doc, facts):
        return why.rstrip("。")
    if doc.scanned:
        return SCANNED_ZH.removesuffix("，无法判定")
    if not (doc.officers or doc.fields or doc.own_no or doc.party_name or doc.dates):
        return "未能读懂其格式"  # nothing of it was read: its text may not be what it seems
    return None


@register("stated_in_any", args=StatedInAnyArgs)
def check(item, facts: CaseFacts, ctx: RuleContext) -> Outcome:
    """Present when any document of `kinds` states each part; missing on an unticked box or, for a part that
    fails on silence, when every document was read whole and says nothing of it."""
    args: StatedInAnyArgs = item.args
    docs = facts.of_kind(*args.kinds)
    if not docs:
        return Outcome.na(f"卷内无{kinds_zh(args.kinds)}，不适用")
    shown, missing, doubts = [], [], []
    for part in args.parts:
        found = [getattr(d, part.attr) for d in docs if getattr(d, part.attr) is not None]
        if any(f.value for f in found):
            shown.append((part, next(f for f in found if f.value)))
            continue
        # none is True here: a value read is an unticked box (a scan's proves nothing)
        unticked = next(((d, f) for d in docs if (f := getattr(d, part.attr)) is not None and not d.scanned), None)
        why = next(((d, w) for d in docs if (w := _doubt(d, facts))), None)
        if unticked is not None and not partly_read(unticked[0], facts):
            missing.append((part, unticked[1].evidence, f"{doc_ref(unticked[0])}中‘{part.label}’未勾选"))
        elif why is None and part.fail_on_silence:
            read = "、".join(doc_ref(d) for d in docs)
            missing.append((part, doc_evidence(docs[0]), f"{kinds_zh(args.kinds)}均未载明{part.label}（已查阅{read}）"))
        elif why is not None:
            doubts.append(f"未见{part.label}，但{doc_ref(why[0])}{why[1]}，无法判定")
        else:
            doubts.append(f"未能在{'、'.join(doc_ref(d) for d in docs)}中识别{part.label}的记载")
    if missing:
        return Outcome.failed("；".join(m for _, _, m in missing), missing[0][1], len(missing))
    if doubts:
        return Outcome.unknown("；".join(doubts))
    return Outcome.passed("已载明" + "、".join(p.label for p, _ in shown), shown[0][1].evidence)
