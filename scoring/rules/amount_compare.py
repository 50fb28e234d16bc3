"""amount_compare: 大写 and figures agree within a document (R23); the decision's fine is not higher than the
notice's unless the party was notified again (V11; Art. 44, 45: 不得因陈述申辩而给予更重的处罚).

Example:

```yaml
item:
  kind: amount_compare
  args: {mode: decision_vs_notice}
pass:
  facts:
    documents:
      - {file: 07告知书.docx, kind: penalty_notice, fine: 20000}
      - {file: 09决定书.docx, kind: decision, fine: 20000}
  message: 决定罚款20000元未高于告知的拟罚款20000元
fail:
  facts:
    documents:
      - {file: 07告知书.docx, kind: penalty_notice, fine: 20000}
      - {file: 09决定书.docx, kind: decision, fine: 30000}
  message: 决定罚款30000元高于告知书拟罚款20000元（行政处罚事先告知书（07告知书.docx）），且未重新告知
  occurrences: 1
  evidence: 09决定书.docx
unknown:                    # an amount read from a document partly recognised: a veto needs positive evidence
  facts:
    documents:
      - {file: 07告知书.pdf, kind: penalty_notice, fine: 20000}
      - {file: 09决定书.docx, kind: decision, fine: 30000}
    problems: [{file: 07告知书.pdf, kind: ocr-failed, message: 第2页OCR也未能识别}]
  message: 决定罚款30000元高于告知书拟罚款20000元，但金额读自未能完整识别的文书（第2页OCR也未能识别），无法判定
```
"""

from __future__ import annotations

from typing import Literal

from ingest.glossary import DocKind
from ingest.model import CaseFacts
from scoring.rules.base import (
    Outcome,
    RuleContext,
    decision_fine,
    doc_evidence,
    doc_ref,
    file_doubt,
    notice_fine,
    yuan,
)
from scoring.rules.registry import Args, register
from scoring.rules.when import When


class AmountCompareArgs(Args):
    mode: Literal["upper_vs_figures", "decision_vs_notice"]
    kinds: tuple[DocKind, ...] = ()  # upper_vs_figures: documents checked; empty: every document
    when: When | None = None


def _upper_vs_figures(facts: CaseFacts, args: AmountCompareArgs) -> Outcome:
    pairs = [
        (d, a)
        for d in facts.documents
        if not args.kinds or d.kind in args.kinds
        for a in d.amounts
        if a.upper is not None and a.figures is not None
    ]
    if not pairs:
        return Outcome.na("卷内无同时以大写和数字书写的金额，不适用")
    bad = [(d, a) for d, a in pairs if a.upper != a.figures]
    if not bad:
        return Outcome.passed(f"{len(pairs)}处金额大小写一致")
    text = "；".join(f"{doc_ref(d)}大写金额{yuan(a.upper)}与数字金额{yuan(a.figures)}不一致" for d, a in bad)
    return Outcome.failed(text, bad[0][1].evidence, len(bad))


def _decision_vs_notice(facts: CaseFacts) -> Outcome:
    decided = decision_fine(facts)
    if decided is None:
        return Outcome.na("决定书未处罚款，不适用")
    notices = facts.of_kind(DocKind.PENALTY_NOTICE, DocKind.HEARING_NOTICE)
    if not notices:
        return Outcome.na("卷内无事先告知书，不适用")
    fines = [d.fine for d in notices if d.fine is not None]
    if not fines and (merged := notice_fine(facts)) is not None:
        fines = [merged]
    if not fines:
        return Outcome.unknown("未能读取事先告知书的拟罚款金额，无法与决定罚款比较", doc_evidence(notices[0]))
    highest = max(fines, key=lambda f: f.value)
    if decided.value <= highest.value:
        return Outcome.passed(f"决定罚款{yuan(decided.value)}未高于告知的拟罚款{yuan(highest.value)}")
    names = "、".join(doc_ref(d) for d in notices)
    doubt = file_doubt(facts, decided.evidence.source_file) or file_doubt(facts, highest.evidence.source_file)
    if doubt:  # a veto needs positive evidence: an amount read from a document partly recognised is not
        return Outcome.unknown(f"决定罚款{yuan(decided.value)}高于告知书拟罚款{yuan(highest.value)}，"
                               f"但金额读自未能完整识别的文书（{doubt}），无法判定", decided.evidence)
    return Outcome.failed(
        f"决定罚款{yuan(decided.value)}高于告知书拟罚款{yuan(highest.value)}（{names}），且未重新告知",
        decided.evidence,
    )


@register("amount_compare", args=AmountCompareArgs)
def check(item, facts: CaseFacts, ctx: RuleContext) -> Outcome:
    """Compare amounts: within a document (大写 vs figures) or decision vs notice."""
    args: AmountCompareArgs = item.args
    if args.mode == "upper_vs_figures":
        return _upper_vs_figures(facts, args)
    return _decision_vs_notice(facts)
