"""surcharge_within: the 加处罚款 or 滞纳金 never above the sum it is added to (行政强制法第四十五条第二款, 行政处罚法
第七十二条第一款第（一）项: 加处罚款的数额不得超出罚款的数额).

The sums are those the 催告书, the 强制执行决定书, the court application or ruling write ("加处罚款人民币3000元",
"罚款本金5000元"); the principal falls back to the fine of the enforced decision when the file holds its copy.
A surcharge written only as a rate (每日按罚款数额的百分之三) is not a sum: nothing is judged.

Example:

```yaml
item:
  kind: surcharge_within
  args: {}
pass:
  facts:
    documents:
      - {file: 03申请书.docx, kind: enforcement_application, surcharge: 3000, principal: 5000}
  message: 加处罚款3000元未超过罚款本金5000元
  evidence: 03申请书.docx
fail:
  facts:
    documents:
      - {file: 03申请书.docx, kind: enforcement_application, surcharge: 6000, principal: 5000}
  message: 加处罚款6000元超过罚款本金5000元
  occurrences: 1
  evidence: 03申请书.docx
unknown:
  facts:
    documents:
      - {file: 03申请书.docx, kind: enforcement_application, surcharge: 3000}
  message: 卷内写明加处罚款3000元，但未能读取罚款本金，无法比较
n/a:
  facts: {}
  message: 卷内未写明加处罚款（滞纳金）数额，不适用
```
"""

from __future__ import annotations

from ingest.model import CaseFacts
from scoring.rules.base import Outcome, RuleContext, decision_fine, yuan
from scoring.rules.registry import Args, register
from scoring.rules.when import When


class SurchargeWithinArgs(Args):
    when: When | None = None


@register("surcharge_within", args=SurchargeWithinArgs)
def check(item, facts: CaseFacts, ctx: RuleContext) -> Outcome:
    """Fail when a surcharge written as a sum is above the principal (the document's own, else the decision's fine)."""
    with_surcharge = [d for d in facts.documents if d.surcharge is not None]
    if not with_surcharge:
        return Outcome.na("卷内未写明加处罚款（滞纳金）数额，不适用")
    doc = max(with_surcharge, key=lambda d: d.surcharge.value)
    surcharge = doc.surcharge
    principal = doc.principal or next((d.principal for d in facts.documents if d.principal is not None), None) \
        or decision_fine(facts)
    if principal is None:
        return Outcome.unknown(f"卷内写明加处罚款{yuan(surcharge.value)}，但未能读取罚款本金，无法比较", surcharge.evidence)
    if surcharge.value > principal.value:
        return Outcome.failed(f"加处罚款{yuan(surcharge.value)}超过罚款本金{yuan(principal.value)}", surcharge.evidence)
    return Outcome.passed(f"加处罚款{yuan(surcharge.value)}未超过罚款本金{yuan(principal.value)}", surcharge.evidence)
