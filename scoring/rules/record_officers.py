"""record_officers: each 笔录 names at least two officers with certificate numbers (R04; Art. 42, 55).

Example:

```yaml
item:
  kind: record_officers
  args: {min_officers: 2, require_cert: true}
pass:
  facts:
    documents:
      - file: 03询问笔录.docx
        kind: inquiry_record
        officers: [{name: 张三, cert_no: '11010012345'}, {name: 李四, cert_no: '11010012346'}]
  message: 1份笔录均载明2名以上执法人员及执法证号
fail:
  facts:
    documents:
      - file: 03询问笔录.docx
        kind: inquiry_record
        officers: [{name: 张三, cert_no: '11010012345'}, {name: 李四, cert_no: null}]
  message: 询问笔录（03询问笔录.docx）载明执法人员2人，李四未载明执法证号（应不少于2人并载明执法证号）
  occurrences: 1
  evidence: 03询问笔录.docx
n/a:
  facts: {}
  message: 卷内无笔录，不适用
```
"""

from __future__ import annotations

from pydantic import Field

from ingest.glossary import RECORD_KINDS, DocKind
from ingest.model import CaseFacts, DocFacts, Officer
from ingest.normalize import norm_text
from scoring.rules.base import Outcome, RuleContext, doc_ref, looked_in
from scoring.rules.registry import Args, register
from scoring.rules.when import When


class RecordOfficersArgs(Args):
    min_officers: int = Field(2, ge=1)
    require_cert: bool = True
    kinds: tuple[DocKind, ...] = tuple(sorted(RECORD_KINDS))
    when: When | None = None


def has_cert(officer: Officer) -> bool:
    """The document states the officer's certificate number (a form may name an officer without one)."""
    return bool((officer.cert_no or "").strip())


def distinct_officers(officers: list[Officer], require_cert: bool) -> list[Officer]:
    """Each officer once (by name); with require_cert, only those whose certificate number is stated."""
    seen: dict[str, Officer] = {}
    for officer in officers:
        if require_cert and not has_cert(officer):
            continue
        seen.setdefault(norm_text(officer.name), officer)
    return list(seen.values())


def shortfall(doc: DocFacts, minimum: int, require_cert: bool) -> str | None:
    """What a document lacks in officers, or None when it has enough."""
    qualified = distinct_officers(doc.officers, require_cert)
    if len(qualified) >= minimum:
        return None
    named = distinct_officers(doc.officers, False)
    without = [o.name for o in named if not has_cert(o)]
    text = f"{doc_ref(doc)}载明执法人员{len(named)}人"
    if require_cert and without:
        text += f"，{'、'.join(without)}未载明执法证号"
    return text


@register("record_officers", args=RecordOfficersArgs)
def check(item, facts: CaseFacts, ctx: RuleContext) -> Outcome:
    """One occurrence per 笔录 with fewer than `min_officers` officers holding stated certificate numbers."""
    args: RecordOfficersArgs = item.args
    records = facts.of_kind(*args.kinds)
    if not records:
        return Outcome.na("卷内无笔录，不适用")
    problems = [(d, s) for d in records if (s := shortfall(d, args.min_officers, args.require_cert))]
    if not problems:
        return Outcome.passed(f"{len(records)}份笔录均载明{args.min_officers}名以上执法人员及执法证号")
    first = problems[0][0]
    evidence = first.officers[0].evidence if first.officers else looked_in(first)  # no officer line: no quote
    need = f"（应不少于{args.min_officers}人并载明执法证号）"
    return Outcome.failed("；".join(s for _, s in problems) + need, evidence, len(problems))
