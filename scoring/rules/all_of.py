"""all_of: an item made of several checks that must all hold (R16 hearing, R22 party information).

Example:

```yaml
item:
  kind: all_of
  args:
    rules:
      - {kind: document_present, args: {kinds: [hearing_record], when: {hearing_held: true}}}
      - {kind: element_present, args: {element: hearing_date, when: {hearing_held: true}}}
pass:
  facts:
    elements: {hearing_date: {value: 2025-04-10, file: 听证笔录.docx}}
    documents: [{file: 听证笔录.docx, kind: hearing_record}]
  message: 卷内有听证笔录（听证笔录.docx）；已载明听证日期
  evidence: 听证笔录.docx
fail:
  facts:
    elements: {hearing_date: {value: 2025-04-10, file: 听证通知书.docx}}
  message: 卷内未见听证笔录
  occurrences: 1
  evidence: ''
n/a:
  facts: {}
  message: 未举行听证，不适用
```
"""

from __future__ import annotations

import dataclasses

from pydantic import ConfigDict, Field

from ingest.model import CaseFacts
from scoring.glossary import Status
from scoring.rules.base import Outcome, RuleContext
from scoring.rules.registry import Args, RuleSpec, get_kind, register


class AllOfArgs(Args):
    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)
    rules: tuple[RuleSpec, ...] = Field(min_length=1)  # built by the loader from [{kind, args}, …]


@register("all_of", args=AllOfArgs, composite=True)
def check(item, facts: CaseFacts, ctx: RuleContext) -> Outcome:
    """Fail if any sub-check fails (occurrences add up); else unknown if any is unknown; n/a if all are."""
    outcomes = []
    for spec in item.args.rules:
        sub = dataclasses.replace(item, kind=spec.kind, args=spec.args)
        outcomes.append(get_kind(spec.kind).evaluate(sub, facts, ctx))
    fails = [o for o in outcomes if o.status == Status.FAIL]
    if fails:
        return Outcome.failed("；".join(o.message for o in fails), fails[0].evidence, sum(o.occurrences for o in fails))
    for status in (Status.UNKNOWN, Status.MANUAL):
        found = [o for o in outcomes if o.status == status]
        if found:
            return Outcome(status, 0, "；".join(o.message for o in found), found[0].evidence)
    passed = [o for o in outcomes if o.status == Status.PASS]
    if passed:
        return Outcome.passed("；".join(o.message for o in passed), passed[0].evidence)
    return Outcome.na("；".join(dict.fromkeys(o.message for o in outcomes)))
