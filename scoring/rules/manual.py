"""manual: a judgement item a reviewer decides (V01, V09, V10, R15); it never deducts by itself.

Example:

```yaml
item:
  kind: manual
  args: {prompt: 核对处罚种类和罚款数额是否在法定种类和幅度内}
manual:
  facts: {}
  message: 待人工评查：核对处罚种类和罚款数额是否在法定种类和幅度内
```
"""

from __future__ import annotations

from ingest.model import CaseFacts
from scoring.rules.base import Outcome, RuleContext
from scoring.rules.registry import Args, register
from scoring.rules.when import When


class ManualArgs(Args):
    prompt: str = ""  # what the reviewer should look at; default: the item's rationale
    when: When | None = None  # e.g. a local rule switched on by a parameter (parameter_set)


@register("manual", args=ManualArgs, asks_reviewer=True)
def check(item, facts: CaseFacts, ctx: RuleContext) -> Outcome:
    """Always `manual`, with what to look at."""
    return Outcome.manual(f"待人工评查：{item.args.prompt or item.rationale}")
