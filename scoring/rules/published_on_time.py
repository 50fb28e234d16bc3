"""published_on_time: the decision was published (公示) within its working days (三项制度, 公示).

国办发〔2018〕118号 (via the 国新办 briefing): 行政许可、行政处罚 decisions within 7 working days, other 执法决定
within 20. The publication date comes from the 公示台账 (`--publications`, joined on the normalised 文号; the
evidence quotes the register's file and row) or from a 公示材料 in the dossier. Most dossiers hold neither and
the platform is outside the file: without a source the item is `unknown`, never a fail.

Example:

```yaml
item:
  kind: published_on_time
  args: {limit: publication_working_days}
parameters: {publication_working_days: 7}
pass:
  facts:
    elements:
      decision_date: {value: 2025-04-15, file: 09决定书.docx}
      publication_date: {value: 2025-04-18, file: 15公示截图.pdf}
  message: 公开在作出决定后第3个工作日，期限7个工作日
  evidence: 15公示截图.pdf
fail:
  facts:
    elements:
      decision_date: {value: 2025-04-15, file: 09决定书.docx}
      publication_date: {value: 2025-05-15, file: 15公示截图.pdf}
  message: 决定于2025年4月15日作出，2025年5月15日公开，超过7个工作日（期限届满日2025年4月24日）
  occurrences: 1
  evidence: 15公示截图.pdf
unknown:
  facts:
    elements:
      decision_date: {value: 2025-04-15, file: 09决定书.docx}
  message: 未提供公示台账，案卷中也无公示材料，无法判定是否按期公示
n/a:
  facts:
    documents: [{file: 01案源.docx, kind: case_source}]
  message: 卷内无决定，不适用
```
"""

from __future__ import annotations

from datetime import date

from ingest.extract.case_numbers import case_no_key
from ingest.glossary import DECISION_KINDS, DocKind
from ingest.model import CaseFacts, DateRole, Evidence, Found, Position
from scoring.rules.base import (
    DateRef,
    IntParam,
    Outcome,
    RuleContext,
    calendar_unknown,
    resolve_date,
    resolve_first,
    two_dates_evidence,
    zh_date,
)
from scoring.rules.registry import Args, register
from scoring.rules.when import When
from scoring.workdays import CalendarUnknownError, add_working_days, working_days_between

NO_SOURCE = "未提供公示台账，案卷中也无公示材料"


class PublishedOnTimeArgs(Args):
    limit: IntParam  # working days after the decision (7 for 处罚/许可, 20 for other decisions)
    start: tuple[DateRef, ...] = ("decision_date",)  # the decision's date, first found wins
    # the documents whose own 文号 the register lists: a coercive measure's register row is its 决定书's, not the
    # penalty's that may share the file
    numbers_of: tuple[DocKind, ...] = (DocKind.DECISION, DocKind.ON_THE_SPOT_DECISION)
    when: When | None = None

    def check_parameters(self, params: dict) -> list[tuple[tuple, str]]:
        if not self.limit.endswith("_working_days"):
            return [(("limit",), f"a period in working days needs a parameter named *_working_days, not '{self.limit}'")]
        return []


def case_numbers(facts: CaseFacts, kinds: tuple[DocKind, ...]) -> list[str]:
    """The decision numbers to look up: the canonical 文号 first when it is a penalty decision's, then the own
    文号 of each document of `kinds`."""
    found = [facts.elements.case_no.value] if facts.elements.case_no and set(kinds) & DECISION_KINDS else []
    found += [d.own_no.value for d in facts.of_kind(*kinds) if d.own_no is not None]
    return list(dict.fromkeys(found))


def from_register(facts: CaseFacts, ctx: RuleContext, kinds: tuple[DocKind, ...]) -> tuple[Found[date] | None, str]:
    """(the register's publication date with the row quoted, why none) for the file's 文号."""
    register = ctx.publications
    if register is None:
        return None, ""
    numbers = case_numbers(facts, kinds)
    for number in numbers:
        row = register.of(number)
        if row is not None:
            quote = f"公示台账{row.where}：文号{row.case_no}，公示日期{zh_date(row.published)}" + (
                f"，网址{row.url}" if row.url else "")
            return Found(row.published, Evidence(row.file, Position(), quote)), ""
    if not numbers:
        return None, "未读取到决定书文号，无法与公示台账对照"
    return None, f"公示台账中未见文号{numbers[0]}"


def from_proof(facts: CaseFacts, kinds: tuple[DocKind, ...]) -> Found[date] | None:
    """The date of a 公示材料 in the file: for the file's own decision any proof; for another decision sharing
    the file (a seizure in a penalty file) only a proof that names that decision's 文号."""
    if set(kinds) & DECISION_KINDS:
        return resolve_date(facts, "publication_date")[0]
    wanted = {case_no_key(n) for n in case_numbers(facts, kinds)} - {None}
    for doc in facts.of_kind(DocKind.PUBLICATION_PROOF):
        named = [doc.own_no, *doc.cited_case_nos] if doc.own_no else doc.cited_case_nos
        if DateRole.PUBLICATION in doc.dates and any(case_no_key(n.value) in wanted for n in named):
            return doc.dates[DateRole.PUBLICATION]
    return None


@register("published_on_time", args=PublishedOnTimeArgs)
def check(item, facts: CaseFacts, ctx: RuleContext) -> Outcome:
    """Fail when the publication date is later than the decision's date + limit working days."""
    args: PublishedOnTimeArgs = item.args
    start, home, start_ref = resolve_first(facts, args.start)
    if start is None:
        return Outcome.unknown("未能读取决定日期，无法判定是否按期公示") if home else Outcome.na("卷内无决定，不适用")
    published, why = from_register(facts, ctx, args.numbers_of)
    if published is None:
        published = from_proof(facts, args.numbers_of)
    if published is None:
        lead = f"{why}，案卷中也无公示材料" if why else NO_SOURCE
        return Outcome.unknown(f"{lead}，无法判定是否按期公示")
    limit = int(ctx.param(args.limit))
    if published.value < start.value:
        return Outcome.unknown(f"公示日期（{zh_date(published.value)}）早于决定日期（{zh_date(start.value)}），请核对",
                               published.evidence)
    try:
        deadline = add_working_days(start.value, limit)
        count = working_days_between(start.value, published.value)
    except CalendarUnknownError as exc:
        return calendar_unknown(exc)
    evidence = _evidence(facts, (start_ref, start), published)
    if published.value <= deadline:
        span = "与作出决定同日" if published.value == start.value else f"在作出决定后第{count}个工作日"
        return Outcome.passed(f"公开{span}，期限{limit}个工作日", evidence)
    return Outcome.failed(
        f"决定于{zh_date(start.value)}作出，{zh_date(published.value)}公开，超过{limit}个工作日"
        f"（期限届满日{zh_date(deadline)}）", evidence)


def _evidence(facts: CaseFacts, start: tuple[str, Found[date]], published: Found[date]) -> Evidence:
    """The register row quoted as it is; a proof in the dossier with both dates and their documents."""
    if published.evidence.quote.startswith("公示台账"):
        return published.evidence
    return two_dates_evidence(facts, start, ("publication_date", published))
