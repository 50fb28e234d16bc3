"""format_check: a value has a valid form, e.g. a 统一社会信用代码's GB 32100 check character (R22).

Example:

```yaml
item:
  kind: format_check
  args: {element: party_id, format: credit_code}
pass:
  facts:
    elements: {party_kind: organisation}
    documents: [{file: 05营业执照.pdf, kind: party_identity, party_id: '914101850572028342'}]
  message: 统一社会信用代码校验通过
fail:
  facts:
    elements: {party_kind: organisation}
    documents: [{file: 05营业执照.pdf, kind: party_identity, party_id: '914101850572028343'}]
  message: 统一社会信用代码“914101850572028343”校验位错误（应为2）
  occurrences: 1
  evidence: 05营业执照.pdf
unknown:                    # 18 characters are needed: a code cut by a wrapped line is not judged
  facts:
    elements: {party_kind: organisation}
    documents: [{file: 案卷.pdf, kind: filing_approval, party_id: '9141018505720283'}]
  message: 统一社会信用代码“9141018505720283”读到16位，未能完整识别，无法校验
n/a:
  facts: {}
  message: 卷内未载明统一社会信用代码，不适用
```
"""

from __future__ import annotations

from typing import Literal

from ingest.extract.credit_code import USCC_CHARSET, check_code, uscc_check_char
from ingest.model import CaseFacts, Found
from ingest.normalize import fold, norm_text
from scoring.rules.base import Outcome, RuleContext, party_kind
from scoring.rules.registry import Args, register
from scoring.rules.when import When


class FormatCheckArgs(Args):
    element: Literal["party_id"] = "party_id"
    format: Literal["credit_code"] = "credit_code"
    when: When | None = None


def credit_code_problem(value: str, kind: str | None) -> str | None:
    """Why a party ID is not a valid credit code, or None (valid, masked, or not meant as one).

    Only the GB 32100 check character is judged (the checklist's words); the embedded GB 11714
    organisation-code check that extraction also computes is not a deduction here."""
    if kind == "individual":
        return None
    code = "".join(fold(value).split()).upper()
    checked = check_code(code, "uscc" if kind == "organisation" else None)
    if checked.status == "masked" or checked.kind in ("id_card", "registration_no"):
        return None  # masked is not invalid; an ID number or an old 注册号 is not meant as a credit code
    if len(code) != 18:
        return None  # a code cut short or run on is the reading's doubt (credit_code_doubt), not the file's error
    bad = [ch for ch in code if ch not in USCC_CHARSET]
    if bad:
        return f"统一社会信用代码“{value}”含非法字符“{''.join(bad)}”"
    if uscc_check_char(code[:17]) != code[17]:
        return f"统一社会信用代码“{value}”校验位错误（应为{uscc_check_char(code[:17])}）"
    return None


def credit_code_doubt(value: str, kind: str | None) -> str | None:
    """Why a party ID meant as a credit code cannot be judged: not read whole (a wrapped line cuts it)."""
    code = "".join(fold(value).split()).upper()
    checked = check_code(code, "uscc" if kind == "organisation" else None)
    if kind != "organisation" or checked.status == "masked" or checked.kind in ("id_card", "registration_no"):
        return None
    return f"统一社会信用代码“{value}”读到{len(code)}位，未能完整识别" if len(code) != 18 else None


@register("format_check", args=FormatCheckArgs)
def check(item, facts: CaseFacts, ctx: RuleContext) -> Outcome:
    """Fail for each distinct party ID in the file that is meant as a credit code but fails its check."""
    values: dict[str, Found[str]] = {}
    for found in [facts.elements.party_id, *(d.party_id for d in facts.documents)]:
        if found is not None:
            values.setdefault(norm_text(found.value).upper(), found)
    if not values:
        return Outcome.na("卷内未载明统一社会信用代码，不适用")
    kind = party_kind(facts)
    bad = [(p, f) for f in values.values() if (p := credit_code_problem(f.value, kind))]
    if bad:
        return Outcome.failed("；".join(p for p, _ in bad), bad[0][1].evidence, len(bad))
    doubts = [(p, f) for f in values.values() if (p := credit_code_doubt(f.value, kind))]
    if doubts:
        return Outcome.unknown("；".join(p for p, _ in doubts) + "，无法校验", doubts[0][1].evidence)
    return Outcome.passed("统一社会信用代码校验通过" if kind != "individual" else "当事人为个人，证件号码不按信用代码校验")
