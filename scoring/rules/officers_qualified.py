"""officers_qualified: two officers with certificates act for the agency (V02; Art. 42, 持证上岗).

Without a roster: some document of the file must show two distinct officers with certificate numbers.
With a roster: additionally every officer named must be on it, with a matching certificate number valid on
the document's date.

Example:

```yaml
item:
  kind: officers_qualified
  args: {min_officers: 2}
pass:
  facts:
    documents:
      - file: 03询问笔录.docx
        kind: inquiry_record
        officers: [{name: 张三, cert_no: '11010012345'}, {name: 李四, cert_no: '11010012346'}]
  message: 询问笔录（03询问笔录.docx）载明执法人员张三、李四及执法证号
  evidence: 03询问笔录.docx
fail:
  facts:
    documents:
      - file: 03询问笔录.docx
        kind: inquiry_record
        officers: [{name: 张三, cert_no: '11010012345'}]
  message: 卷内没有一份文书载明2名以上执法人员及其执法证号（最多为询问笔录（03询问笔录.docx），1人持证）
  occurrences: 1
  evidence: 03询问笔录.docx
unknown:                    # a veto needs positive evidence: the officers may be in a document not classified
  facts:
    documents:
      - file: 03询问笔录.docx
        kind: inquiry_record
        officers: [{name: 张三, cert_no: '11010012345'}]
      - {file: 04检查记录.docx, kind: unknown}
    problems: [{file: 04检查记录.docx, kind: unclassified}]
  message: 卷内已识别的文书均未载明2名以上执法人员及其执法证号，但有文件无法读取或未能识别文书类型（04检查记录.docx），无法判定
```
"""

from __future__ import annotations

from datetime import date

from pydantic import Field

from ingest.model import CaseFacts, DateRole, DocFacts
from scoring.roster import Roster, norm_cert
from scoring.rules.base import (
    Outcome,
    RuleContext,
    doc_ref,
    files_zh,
    hiding_files,
    unreadable_files,
    zh_date,
)
from scoring.rules.record_officers import distinct_officers, has_cert
from scoring.rules.registry import Args, register
from scoring.rules.when import When

_DOC_DATE_ROLES = (
    DateRole.SIGNED,
    DateRole.RECORD_START,
    DateRole.DECISION,
    DateRole.NOTICE,
    DateRole.FILING,
    DateRole.APPROVAL,
    DateRole.DELIVERY,
    DateRole.CLOSING,
)


class OfficersQualifiedArgs(Args):
    min_officers: int = Field(2, ge=1)
    when: When | None = None


def doc_date(doc: DocFacts) -> date | None:
    if doc.time_span is not None:
        return doc.time_span.value[0].date()
    return next((doc.dates[r].value for r in _DOC_DATE_ROLES if r in doc.dates), None)


def roster_problems(facts: CaseFacts, roster: Roster) -> tuple[list[tuple[str, object]], list[str]]:
    """(problem, evidence) pairs for officers the roster does not support, and checks it could not make."""
    problems: dict[str, object] = {}
    undated: list[str] = []
    for doc in facts.documents:
        day = doc_date(doc)
        for officer in doc.officers:
            entries = roster.by_name(officer.name)
            if not entries:
                problems.setdefault(f"{officer.name}不在执法人员名册中（{doc_ref(doc)}）", officer.evidence)
                continue
            if not has_cert(officer):
                continue  # a form that names the officer without a number: the name is on the roster
            cert = norm_cert(officer.cert_no)
            matching = [e for e in entries if e.cert_no == cert]
            if not matching:
                listed = "、".join(e.cert_no for e in entries)
                problems.setdefault(
                    f"{officer.name}的执法证号{officer.cert_no}与名册（{listed}）不符（{doc_ref(doc)}）",
                    officer.evidence,
                )
                continue
            if day is None:
                undated.append(f"{doc_ref(doc)}无日期，未能核对{officer.name}执法证有效期")
                continue
            if not any(e.valid_on(day) for e in matching):
                e = matching[0]
                span = f"{zh_date(e.valid_from) if e.valid_from else ''}至{zh_date(e.valid_to) if e.valid_to else ''}"
                problems.setdefault(
                    f"{officer.name}的执法证（{officer.cert_no}）有效期为{span}，{doc_ref(doc)}日期{zh_date(day)}不在有效期内",
                    officer.evidence,
                )
    return list(problems.items()), undated


@register("officers_qualified", args=OfficersQualifiedArgs)
def check(item, facts: CaseFacts, ctx: RuleContext) -> Outcome:
    """Fail when no document shows `min_officers` officers with certificates, or the roster contradicts one."""
    args: OfficersQualifiedArgs = item.args
    # the document closest to the requirement: most certified officers, then most officers named (its
    # quote is the evidence of a fail: checklist "every fail names its evidence")
    best = max(
        facts.documents,
        key=lambda d: (len(distinct_officers(d.officers, True)), len(distinct_officers(d.officers, False))),
        default=None,
    )
    count = len(distinct_officers(best.officers, True)) if best else 0
    if count < args.min_officers:
        if not any(d.officers for d in facts.documents) and unreadable_files(facts):
            return Outcome.unknown("卷内可读文书均未载明执法人员，且有文件无法读取，无法判定")
        if hiding := hiding_files(facts):  # a veto needs positive evidence: the officers may be in those files
            return Outcome.unknown(f"卷内已识别的文书均未载明{args.min_officers}名以上执法人员及其执法证号，"
                                   f"但有文件无法读取或未能识别文书类型（{files_zh(hiding)}），无法判定")
        text = f"卷内没有一份文书载明{args.min_officers}名以上执法人员及其执法证号"
        if best and best.officers:
            text += f"（最多为{doc_ref(best)}，{count}人持证）"
            return Outcome.failed(text, best.officers[0].evidence)
        return Outcome.failed(text, None)
    shown = f"{doc_ref(best)}载明执法人员{'、'.join(o.name for o in distinct_officers(best.officers, True))}及执法证号"
    roster: Roster | None = ctx.roster
    if roster is None:
        return Outcome.passed(shown, best.officers[0].evidence)
    problems, undated = roster_problems(facts, roster)
    if problems:
        return Outcome.failed("；".join(p for p, _ in problems), problems[0][1], len(problems))  # type: ignore[arg-type]
    if undated:
        return Outcome.unknown("；".join(undated))
    return Outcome.passed(shown + "，均与执法人员名册相符", best.officers[0].evidence)
