"""av_recorded: an act on the unit's 音像记录事项清单 was recorded on audio/video (三项制度, 全过程记录).

国办发〔2018〕118号: 查封扣押财产、强制拆除 and 执法办案场所 need a full audio/video record (the national minimum
of `acts`; a city lists more). The video is outside the dossier: what a file can show is an 音像记录清单 or a
sentence naming the recording (全程录音录像, 执法记录仪, 音像资料) in a record or the 备考表. The item applies
when the file shows a listed act; it fails only when the act is certain (查封扣押: its decision, list or record;
强制拆除: a demolition notice and an execution record) and no reference to a recording is in the file. An act
that is only likely, or one no document tells (执法办案场所), is never deducted on a guess.

Example:

```yaml
item:
  kind: av_recorded
  args: {acts: av_required_acts}
parameters: {av_required_acts: [查封扣押财产, 强制拆除, 执法办案场所]}
pass:
  - facts:
      documents:
        - {file: 05扣押决定书.docx, kind: seizure}
        - {file: 20音像资料清单.xlsx, kind: av_record_index}
    message: 查封扣押财产有音像记录：卷内有音像记录清单（20音像资料清单.xlsx）
    evidence: 20音像资料清单.xlsx
  - facts:
      documents:
        - {file: 05扣押决定书.docx, kind: seizure}
        - {file: 04现场笔录.docx, kind: seizure_record, av_mention: 全程使用执法记录仪}
    message: 查封扣押财产有音像记录：查封(扣押)现场笔录（04现场笔录.docx）载明“全程使用执法记录仪”
    evidence: 04现场笔录.docx
fail:
  facts:
    documents: [{file: 05扣押决定书.docx, kind: seizure}]
  message: 卷内有查封扣押财产（05扣押决定书.docx），未见音像记录清单或全程音像记录的记载
  occurrences: 1
  evidence: 05扣押决定书.docx
n/a:
  facts:
    documents: [{file: 09决定书.docx, kind: decision}]
  message: 卷内未见应全程音像记录的执法活动（查封扣押财产、强制拆除、执法办案场所），不适用
```
"""

from __future__ import annotations

from ingest.glossary import DocKind
from ingest.model import CaseFacts, DocFacts
from scoring.rules.base import Outcome, RuleContext, doc_evidence, doc_ref, not_proven
from scoring.rules.registry import Args, register
from scoring.rules.when import When

# act -> (documents that make it certain, any-of groups; documents that make it only likely)
SEIZURE = "查封扣押财产"
DEMOLITION = "强制拆除"
ACTS: dict[str, tuple[tuple[tuple[DocKind, ...], ...], tuple[DocKind, ...]]] = {
    SEIZURE: (((DocKind.SEIZURE, DocKind.SEIZURE_LIST, DocKind.SEIZURE_RECORD),), ()),
    DEMOLITION: (((DocKind.DEMOLITION_NOTICE,), (DocKind.EXECUTION_RECORD,)), (DocKind.DEMOLITION_NOTICE,)),
}


class AvRecordedArgs(Args):
    acts: str  # the parameter holding the unit's list (音像记录事项清单)
    when: When | None = None

    def check_parameters(self, params: dict) -> list[tuple[tuple, str]]:
        if self.acts not in params:
            return [(("acts",), f"unknown parameter '{self.acts}'")]
        acts = params[self.acts]
        if not isinstance(acts, list) or not all(isinstance(a, str) for a in acts):
            return [(("acts",), f"parameter '{self.acts}' must be a list of acts")]
        return []


def _shown(facts: CaseFacts, act: str) -> tuple[str, DocFacts] | None:
    """('certain' | 'likely', the document that shows it) for an act the file shows, else None."""
    if act not in ACTS:
        return None  # 执法办案场所 and local acts: no document tells them
    certain, likely = ACTS[act]
    groups = [facts.of_kind(*group) for group in certain]
    if all(groups):
        return "certain", groups[0][0]
    found = facts.of_kind(*likely) if likely else []
    return ("likely", found[0]) if found else None


@register("av_recorded", args=AvRecordedArgs)
def check(item, facts: CaseFacts, ctx: RuleContext) -> Outcome:
    """n/a when no listed act shows; pass on an index or a sentence naming the recording; fail when certain."""
    args: AvRecordedArgs = item.args
    acts = list(ctx.param(args.acts) or [])
    shown = [(act, *hit) for act in acts if (hit := _shown(facts, act)) is not None]
    if not shown:
        listed = "、".join(acts) or "无"
        return Outcome.na(f"卷内未见应全程音像记录的执法活动（{listed}），不适用")
    names = "、".join(act for act, _, _ in shown)
    index = facts.of_kind(DocKind.AV_RECORD_INDEX)
    if index:
        return Outcome.passed(f"{names}有音像记录：卷内有{doc_ref(index[0])}", doc_evidence(index[0]))
    mention = next((d for d in facts.documents if d.av_mention is not None), None)
    if mention is not None:
        return Outcome.passed(f"{names}有音像记录：{doc_ref(mention)}载明“{mention.av_mention.value}”",
                              mention.av_mention.evidence)
    certain = [(act, doc) for act, how, doc in shown if how == "certain"]
    if not certain:
        act, _, doc = shown[0]
        return Outcome.unknown(f"卷内有{doc_ref(doc)}，可能涉及{act}，未见音像记录的记载，请核对", doc_evidence(doc))
    act, doc = certain[0]
    what = f"卷内有{act}（{doc.source_file}）"
    return not_proven(facts, "音像记录清单或全程音像记录的记载", f"{what}，") or Outcome.failed(
        f"{what}，未见音像记录清单或全程音像记录的记载", doc_evidence(doc))
