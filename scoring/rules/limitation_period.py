r"""limitation_period: the act discovered more than the limitation period after it ended (V07 追诉时效).

行政处罚法第三十六条: an act not discovered within two years is not punished; five years where it touches 公民生命
健康安全、金融安全 and had harmful consequences; a continuing act counts from its end. Discovery is the earliest
date of `discovered` in the file (案源登记, 检查, 举报; 立案 only when nothing earlier is there). The end is the
act's end as written (…至9月5日), else its date. Precision first:
- the act went on past the dates read and no end is written (自…起, 截至…, 至今, found by an inspection):
  `pass` while even its start is within the period, else `manual` (the reviewer reads when it ended);
- beyond the ordinary period but within the extended one: `fail` only when the provisions were read and none
  is from a law in `extended_laws`; otherwise `unknown` (whether harm makes it five years is for the reviewer);
- the violation date unknown: `n/a` (the check applies when it is known).

Example:

```yaml
item:
  kind: limitation_period
  args:
    limit: limitation_years
    limit_extended: limitation_years_extended
    extended_laws: [食品安全法, 药品管理法]
parameters: {limitation_years: 2, limitation_years_extended: 5}
pass:
  facts:
    elements:
      violation_date: {value: 2024-03-04, file: 13决定书.pdf, quote: 经查，2024年3月4日至3月6日，当事人…}
      violation_end_date: {value: 2024-03-06, file: 13决定书.pdf}
      source_date: {value: 2024-03-05, file: 01案源登记表.docx}
      filing_date: {value: 2024-03-12, file: 02立案.docx}
  message: 案源登记（2024年3月5日）在违法行为终了（2024年3月6日）后未超过2年追诉时效
  evidence: 01案源登记表.docx
fail:
  facts:
    documents:
      - {file: 13决定书.pdf, kind: decision, title: 行政处罚决定书}
      - {file: 01案源登记表.docx, kind: case_source, title: 案件来源登记表}
    elements:
      violation_date: {value: 2021-05-10, file: 13决定书.pdf, quote: 经查，当事人于2021年5月10日…}
      source_date: {value: 2024-03-05, file: 01案源登记表.docx, quote: 登记日期：2024年3月5日}
      violated: [{value: {law: 中华人民共和国道路运输条例, article: 8}, file: 13决定书.pdf}]
  message: "违法行为发生于2021年5月10日（行政处罚决定书 13决定书.pdf：“经查，当事人于2021年5月10日…”），\
    案源登记于2024年3月5日（案件来源登记表 01案源登记表.docx：“登记日期：2024年3月5日”），\
    已超过2年追诉时效（期限届满日2023年5月10日）"
  evidence: 13决定书.pdf
unknown:
  facts:
    elements:
      violation_date: {value: 2021-05-10, file: 13决定书.pdf}
      source_date: {value: 2024-03-05, file: 01案源登记表.docx}
      violated: [{value: {law: 中华人民共和国食品安全法, article: 34}, file: 13决定书.pdf}]
  message: "案源登记（2024年3月5日）在违法行为发生（2021年5月10日）后已超过2年，未超过5年；\
    违法依据涉及中华人民共和国食品安全法，是否涉及公民生命健康安全、金融安全且有危害后果（适用5年时效），请人工核对"
manual:
  facts:
    elements:
      violation_date: {value: 2021-05-10, file: 13决定书.pdf}
      violation_ongoing: {value: true, file: 13决定书.pdf}
      source_date: {value: 2024-03-05, file: 01案源登记表.docx}
  message: 违法行为自2021年5月10日起有继续状态，卷内未写明终了日期，距案源登记（2024年3月5日）已超过2年，请人工核对行为终了日期
n/a:
  facts:
    elements:
      source_date: {value: 2024-03-05, file: 01案源登记表.docx}
  message: 违法行为发生日期不明，不适用
```
"""

from __future__ import annotations

from datetime import date

from ingest.model import CaseFacts, Evidence, Found
from scoring.rules.base import (
    DateRef,
    IntParam,
    Outcome,
    RuleContext,
    doc_zh,
    event_zh,
    file_doubt,
    resolve_date,
)
from scoring.rules.dates_in_order import zh_date
from scoring.rules.registry import Args, register
from scoring.rules.when import When
from scoring.workdays import add_years


class LimitationPeriodArgs(Args):
    limit: IntParam  # years
    limit_extended: IntParam  # years, 生命健康安全/金融安全 with harm
    # laws whose violations may touch 生命健康安全/金融安全 (a fragment of the title, 《》 left out)
    extended_laws: tuple[str, ...] = ()
    discovered: tuple[DateRef, ...] = ("source_date", "inspection_record.record_start", "filing_date")
    when: When | None = None

    def check_parameters(self, params: dict) -> list[tuple[tuple, str]]:
        return [((name,), f"a period in years needs a parameter named *_years*, not '{getattr(self, name)}'")
                for name in ("limit", "limit_extended") if "_years" not in getattr(self, name)]


def _discovery(facts: CaseFacts, refs: tuple[str, ...]) -> tuple[Found[date], str] | None:
    """The earliest of the discovery dates the file gives, and which one it is."""
    found = [(f, ref) for ref in refs if (f := resolve_date(facts, ref)[0]) is not None]
    return min(found, key=lambda pair: pair[0].value) if found else None


def _where(facts: CaseFacts, found: Found[date]) -> str:
    """'案件来源登记表 01来源.docx：“登记日期：…”' — the document and the words a date was read from."""
    file = found.evidence.source_file
    doc = next((d for d in facts.documents if d.source_file == file), None)
    parts = [p for p in (doc_zh(doc) if doc else "", file) if p]
    quote = f"：“{found.evidence.quote}”" if found.evidence.quote else ""
    return f"（{' '.join(parts)}{quote}）" if parts else ""


@register("limitation_period", args=LimitationPeriodArgs)
def check(item, facts: CaseFacts, ctx: RuleContext) -> Outcome:
    """Fail when the act was discovered more than the period after it ended, with both dates as evidence."""
    args: LimitationPeriodArgs = item.args
    e = facts.elements
    if e.violation_date is None:
        return Outcome.na(f"{event_zh('violation_date')}日期不明，不适用")
    found = _discovery(facts, args.discovered)
    if found is None:
        return Outcome.unknown("未能读取案源登记、检查或立案日期，无法计算追诉时效")
    discovery, ref = found
    limit, extended = int(ctx.param(args.limit)), int(ctx.param(args.limit_extended))
    end = e.violation_end_date or e.violation_date
    what = "违法行为终了" if e.violation_end_date else event_zh("violation_date")
    deadline, long_deadline = add_years(end.value, limit), add_years(end.value, extended)
    span = f"{event_zh(ref)}（{zh_date(discovery.value)}）在{what}（{zh_date(end.value)}）后"
    if discovery.value <= deadline:
        return Outcome.passed(f"{span}未超过{limit}年追诉时效", discovery.evidence)
    if e.violation_ongoing is not None and e.violation_end_date is None:
        return Outcome.manual(f"违法行为自{zh_date(e.violation_date.value)}起有继续状态，卷内未写明终了日期，"
                              f"距{event_zh(ref)}（{zh_date(discovery.value)}）已超过{limit}年，请人工核对行为终了日期")
    if discovery.value <= long_deadline:
        laws = [p.value.law for p in (*e.violated, *e.penalty_basis)]
        touching = next((law for law in laws if any(name in law for name in args.extended_laws)), None)
        if not laws or touching:
            why = f"违法依据涉及{touching}" if touching else "未能读取违法依据"
            return Outcome.unknown(f"{span}已超过{limit}年，未超过{extended}年；{why}，是否涉及公民生命健康安全、"
                                   f"金融安全且有危害后果（适用{extended}年时效），请人工核对", discovery.evidence)
    else:
        limit, deadline = extended, long_deadline
    doubt = next((d for f in (end, discovery) if (d := file_doubt(facts, f.evidence.source_file))), None)
    message = (f"{what}于{zh_date(end.value)}{_where(facts, end)}，{event_zh(ref)}于{zh_date(discovery.value)}"
               f"{_where(facts, discovery)}，已超过{limit}年追诉时效（期限届满日{zh_date(deadline)}）")
    if doubt:
        return Outcome.unknown(f"{message}，但日期读自未能完整识别的文书（{doubt}），请人工核对", end.evidence)
    quote = f"{end.evidence.quote}；{discovery.evidence.source_file}：{discovery.evidence.quote}"
    return Outcome.failed(message, Evidence(end.evidence.source_file, end.evidence.position, quote))
