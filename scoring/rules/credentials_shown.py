"""credentials_shown: each 检查笔录 records that the officers showed their certificates (行政处罚法第五十五条).

The record says so in a sentence or a ticked box ("已向被检查人出示执法证件", "亮证"). Precision first: a record
is missing the statement only when it was read whole and names its officers (the form was understood); a
record partly read, or whose officers were not read, is `unknown`.

Example:

```yaml
item:
  kind: credentials_shown
  args: {kinds: [inspection_record]}
pass:
  facts:
    documents:
      - file: 03检查笔录.docx
        kind: inspection_record
        credentials_shown: 出示执法证件
  message: 1份现场检查(勘验)笔录均载明出示执法证件
  evidence: 03检查笔录.docx
fail:
  facts:
    documents:
      - file: 03检查笔录.docx
        kind: inspection_record
        officers: [{name: 张三, cert_no: '11010012345'}, {name: 李四, cert_no: '11010012346'}]
  message: 现场检查(勘验)笔录（03检查笔录.docx）未载明出示执法证件
  occurrences: 1
  evidence: 03检查笔录.docx
unknown:
  facts:
    documents:
      - {file: 03检查笔录.docx, kind: inspection_record}
  message: 未能在现场检查(勘验)笔录（03检查笔录.docx）中识别执法人员，无法判定是否载明出示执法证件
n/a:
  facts: {}
  message: 卷内无现场检查(勘验)笔录，不适用
```
"""

from __future__ import annotations

from pydantic import Field

from ingest.glossary import DocKind
from ingest.model import CaseFacts
from scoring.rules.base import Outcome, RuleContext, doc_evidence, doc_ref, kinds_zh, partly_read
from scoring.rules.registry import Args, register
from scoring.rules.when import When


class CredentialsShownArgs(Args):
    kinds: tuple[DocKind, ...] = Field((DocKind.INSPECTION_RECORD,), min_length=1)
    when: When | None = None


@register("credentials_shown", args=CredentialsShownArgs)
def check(item, facts: CaseFacts, ctx: RuleContext) -> Outcome:
    """One occurrence per record read whole, naming its officers, that never says the certificates were shown."""
    args: CredentialsShownArgs = item.args
    docs = facts.of_kind(*args.kinds)
    if not docs:
        return Outcome.na(f"卷内无{kinds_zh(args.kinds)}，不适用")
    lacking, doubts = [], []
    for doc in docs:
        if doc.credentials_shown is not None:
            continue
        if why := partly_read(doc, facts):
            doubts.append(f"{doc_ref(doc)}未见出示执法证件的记载，但{why.rstrip('。')}")
        elif not doc.officers:
            doubts.append(f"未能在{doc_ref(doc)}中识别执法人员，无法判定是否载明出示执法证件")
        else:
            lacking.append(doc)
    if lacking:
        text = "；".join(f"{doc_ref(d)}未载明出示执法证件" for d in lacking)
        return Outcome.failed(text, doc_evidence(lacking[0]), len(lacking))
    if doubts:
        return Outcome.unknown("；".join(doubts))
    shown = docs[0].credentials_shown
    return Outcome.passed(f"{len(docs)}份{kinds_zh(args.kinds)}均载明出示执法证件",
                          shown.evidence if shown is not None else doc_evidence(docs[0]))
