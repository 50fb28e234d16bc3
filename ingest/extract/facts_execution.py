"""A 行政强制执行 file's facts (checklist-enforcement.md part B): what the 催告书, the 强制执行决定书, the 代履行决定书
and the court application say, each with the sentence that says it.

The law asks for parts written as prose (行政强制法第三十五条: 履行义务的期限、方式, 涉及金钱给付的金额和给付方式,
当事人依法享有的陈述权和申辩权; 第三十七条: 理由和依据, 方式和时间, 复议诉讼途径): each part found is kept as its
quote under an EXECUTION_TERM_ZH name; a part not found is simply absent (the rules decide whether that is a
missing part or a reading they cannot trust). Dates: the deadline a 催告书 gives (…前), when the enforced decision
was served as the 催告书 or application tells it, and the time of execution from the 现场笔录's span (date_roles).
A receipt that serves the 催告书 gives the 催告书 its served date (`link_reminder_receipts`); the decision enforced gives
the 催告书 its service and the last day it left to perform (`link_enforced_decision`: a 催告书 dated before that day
comes too early, 行政强制法第三十四条).
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from decimal import Decimal

from ingest.extract.amounts import find_amounts
from ingest.extract.dates import find_dates
from ingest.extract.layout import Layout
from ingest.extract.remedies import find_remedies
from ingest.glossary import DocKind
from ingest.model import DateRole, DocFacts, Evidence, Found
from ingest.normalize import cn_to_int, no_spaces

EXECUTION_KINDS = frozenset({
    DocKind.PAYMENT_REMINDER, DocKind.ENFORCEMENT_DECISION, DocKind.SUBSTITUTE_PERFORMANCE,
    DocKind.DEMOLITION_NOTICE, DocKind.EXECUTION_RECORD, DocKind.EXECUTION_AGREEMENT,
    DocKind.EXECUTION_SUSPENSION, DocKind.COURT_RULING, DocKind.ENFORCEMENT_APPLICATION,
})  # fmt: skip

# the decisions an execution file enforces: a penalty's fine, a 责令限期拆除/改正 order
ENFORCED_KINDS = frozenset({DocKind.DECISION, DocKind.RECTIFICATION_ORDER})
_DECIDING = (DocKind.ENFORCEMENT_DECISION, DocKind.SUBSTITUTE_PERFORMANCE)
_TELLING = (DocKind.PAYMENT_REMINDER, DocKind.ENFORCEMENT_APPLICATION, DocKind.ENFORCEMENT_DECISION,
            DocKind.SUBSTITUTE_PERFORMANCE, DocKind.COURT_RULING)

# term -> (the documents it is read from, the words that say it). Precision first: each pattern is a phrase the
# form books use for that part, not a single common word.
_TERMS: dict[str, tuple[tuple[DocKind, ...], re.Pattern[str]]] = {
    "deadline": ((DocKind.PAYMENT_REMINDER, DocKind.DEMOLITION_NOTICE),
                 re.compile(r"(之日起|起)[0-9一二三四五六七八九十]{1,3}(个工作)?日内|履行期限|[于在]\d{4}年\d{1,2}月\d{1,2}日(之|以)?前")),
    "manner": ((DocKind.PAYMENT_REMINDER,),
               re.compile(r"履行方式|缴纳方式|缴款方式|(到|至|向)[^。；]{0,30}(银行|缴款|代收)|自行(拆除|清除|改正|履行|恢复)|"
                          r"(缴纳|缴清|缴付)(罚款|上述)")),
    "amount": ((DocKind.PAYMENT_REMINDER,), re.compile(r"(罚款|金额|款项|费用)[^。；]{0,20}\d[\d,.]*\s*万?元|[零壹贰叁肆伍陆柒捌玖拾佰仟万]+元")),
    "defense_right": ((DocKind.PAYMENT_REMINDER,), re.compile(r"陈述[、和及与]?申辩|申辩[、和及与]?陈述")),
    # the standard is a rate ("每日按罚款数额的百分之三", "按日加收万分之五的滞纳金"); a sum (已加处罚款3000元) tells
    # what was added, not the standard the party was to be told (行政强制法第四十五条第一款)
    "surcharge_standard": ((DocKind.PAYMENT_REMINDER, DocKind.DECISION, DocKind.ENFORCEMENT_DECISION),
                           re.compile(r"(每日|按日)[^。；]{0,20}(百分之|千分之|万分之|\d+(\.\d+)?\s*[%％‰])")),
    # the file speaks of a surcharge at all (R13 and R14 apply)
    "surcharge": ((DocKind.PAYMENT_REMINDER, DocKind.DECISION, DocKind.ENFORCEMENT_DECISION,
                   DocKind.ENFORCEMENT_APPLICATION), re.compile(r"加处罚款|滞纳金")),
    "reason_basis": (_DECIDING, re.compile(r"(依据|根据|依照|按照)[^。；]{0,12}《[^》]{2,40}》")),
    "manner_time": (_DECIDING, re.compile(r"(强制执行|代履行|强制拆除|执行)的?(方式|时间)|(定于|将于|拟于|决定于|[,，]于)\d{4}年\d{1,2}月\d{1,2}日"
                                          r"[^。；]{0,60}?(强制|执行|拆除|代履行|实施)")),
    # named: "代履行人：北京某某环境服务有限公司", "委托某某公司代为履行" (not "由代履行人清运")
    "performer": ((DocKind.SUBSTITUTE_PERFORMANCE,),
                  re.compile(r"代履行人(为|是)?[:：]?\s*[\u4e00-\u9fff()（）]{2,30}(公司|单位|中心|队|站|社)|"
                             r"(委托|由)[^。；]{2,30}(公司|单位|中心|队|站|社)[^。；]{0,8}(代为履行|代履行|实施|清运|清除|拆除)")),
    "budget": ((DocKind.SUBSTITUTE_PERFORMANCE,), re.compile(r"费用预算|预算费用|代履行费用[^。；]{0,12}元|预计[^。；]{0,8}费用")),
    "object": ((DocKind.SUBSTITUTE_PERFORMANCE,), re.compile(r"代履行(的)?标的|(拆除|清除|清理|恢复)[^。；]{0,20}(建筑|构筑|设施|物品|违法建设|原状)")),
    "immediate": (_DECIDING + (DocKind.ENFORCEMENT_APPLICATION,), re.compile(r"立即(强制)?执行|立即(实施)?代履行|立即(实施|予以)(强制)?(拆除|清除)")),
    "demolition": (_DECIDING + (DocKind.EXECUTION_RECORD, DocKind.DEMOLITION_NOTICE), re.compile(r"(强制|予以|实施|组织)拆除|拆除违法")),
    "emergency": ((DocKind.EXECUTION_RECORD,) + _DECIDING, re.compile(r"情况紧急|紧急情况|紧急(实施|执行)")),
    # the enforced decision went through 复议 or a court: the court window is then not the plain one (manual)
    "review_or_suit": ((DocKind.ENFORCEMENT_APPLICATION, DocKind.PAYMENT_REMINDER, DocKind.COURT_RULING),
                       re.compile(r"复议决定书|(复议机关|复议)[^。；]{0,12}(维持|决定)|经(行政)?复议|行政判决书|(法院|判决)[^。；]{0,10}驳回[^。；]{0,10}诉讼请求")),
    # 行政处罚法第七十二条第二款: an approved 延期/分期 moves the start of the court window
    "deferred": ((DocKind.ENFORCEMENT_APPLICATION, DocKind.PAYMENT_REMINDER),
                 re.compile(r"(同意|批准|准予)[^。；]{0,10}(延期|分期)(缴纳|履行|支付)")),
}

# "本局于2025年1月6日向你单位送达了《行政处罚决定书》" / "该决定书已于2025年1月6日直接送达当事人"
_SERVED_AFTER = re.compile(r"[^。；]{0,14}?(依法|直接|留置|邮寄|公告)?送达(了|给)?")
# only a sum labelled as one or the other, right after its word: never a total (罚款及加处罚款合计…元) nor a rate
# (每日加处罚款…元), which would be compared as if it were the surcharge
_LABEL_TAIL = r"(金额|数额)?(为|是|计)?[:：]?(人民币)?\s*$"
_SURCHARGE = re.compile(rf"(加处(的)?罚款|滞纳金){_LABEL_TAIL}")
_PRINCIPAL = re.compile(rf"(罚款(本金)?|本金){_LABEL_TAIL}")
_RATE_OR_TOTAL = re.compile(r"每[日天]|按日|合计|共计|总计|累计|以上|以下|不超过|不得超出")
_DEADLINE_DATE = re.compile(r"(前|之前|以前)")


def collect_execution(d: Layout, facts: DocFacts) -> None:
    """The terms, dates and sums of a 行政强制执行 document (and the surcharge standard of a decision)."""
    kind = d.doc.kind
    if kind not in EXECUTION_KINDS and kind not in ENFORCED_KINDS:
        return
    for term, (kinds, pattern) in _TERMS.items():
        if kind in kinds and term not in facts.execution_terms:
            for i, text in enumerate(d.pfolded):
                m = pattern.search(text)
                if m is not None:
                    facts.execution_terms[term] = d.pfound(d.paras[i][m.start():m.end()], i, m.start(), m.end())
                    break
    if kind in _DECIDING and "remedies" not in facts.execution_terms:
        for i, text in enumerate(d.paras):
            hit = find_remedies(text)
            if hit is not None:
                facts.execution_terms["remedies"] = d.pfound(text[hit.start:hit.end], i, hit.start, hit.end)
                break
    if kind in ENFORCED_KINDS:
        _performance(d, facts)
        return
    _dates(d, facts)
    if kind in _TELLING:
        _sums(d, facts)


def _dates(d: Layout, facts: DocFacts) -> None:
    roles = facts.dates
    for i, text in enumerate(d.pfolded):
        for sentence_start, sentence in _sentences(text):
            for hit in find_dates(sentence):
                after = sentence[hit.end:]
                if (DateRole.DEADLINE not in roles and d.doc.kind in (DocKind.PAYMENT_REMINDER, DocKind.DEMOLITION_NOTICE)
                        and _DEADLINE_DATE.match(after)):
                    roles[DateRole.DEADLINE] = d.pfound(hit.value, i, sentence_start + hit.start, sentence_start + hit.end)
                served = _SERVED_AFTER.match(after)
                if (DateRole.UNDERLYING_DELIVERY not in roles and served and "决定" in sentence
                        and "催告" not in sentence):
                    roles[DateRole.UNDERLYING_DELIVERY] = d.pfound(hit.value, i, sentence_start + hit.start,
                                                                   sentence_start + hit.end + served.end())


# "自收到本决定书之日起十五日内缴纳", "责令你单位自收到本决定书之日起十日内自行拆除" (never the 复议/诉讼 period after it)
_PERIOD = re.compile(r"收到本?(?:决定书?|通知书?|文书)?之日起([0-9一二三四五六七八九十]{1,3})[个]?日内(?![^。；]{0,12}(?:复议|诉讼|陈述|申辩|听证))")
_PERFORM_BY = re.compile(r"[于在]$")


def _performance(d: Layout, facts: DocFacts) -> None:
    """The time the enforced decision gives to perform: days from its service, or a date (…前)."""
    for i, text in enumerate(d.pfolded):
        m = _PERIOD.search(text)
        if m is not None and facts.performance_days is None:
            facts.performance_days = d.pfound(cn_to_int(m.group(1)), i, m.start(), m.end())
        for sentence_start, sentence in _sentences(text):
            for hit in find_dates(sentence):
                if (DateRole.DEADLINE not in facts.dates and _PERFORM_BY.search(sentence[:hit.start])
                        and _DEADLINE_DATE.match(sentence[hit.end:])
                        and re.search(r"履行|缴纳|拆除|清除|改正|恢复", sentence[hit.end:hit.end + 20])):
                    facts.dates[DateRole.DEADLINE] = d.pfound(hit.value, i, sentence_start + hit.start,
                                                              sentence_start + hit.end)


def link_enforced_decision(docs: list[DocFacts]) -> None:
    """What each 催告书 (and the application, the 强制执行决定书) needs of the decision it enforces. Its service (a
    receipt naming it by title or number, or a 送达 line under it) when the document does not tell it; and the last day to perform: the date the decision names,
    or its service (else as the 催告书 or the application tells it) plus the days it gives. Nothing the file does
    not tell."""
    reminders = [d for d in docs if d.kind == DocKind.PAYMENT_REMINDER]
    telling = [d for d in docs if d.kind in (DocKind.ENFORCEMENT_APPLICATION, DocKind.ENFORCEMENT_DECISION)]
    decisions = [d for d in docs if d.kind in ENFORCED_KINDS]
    if not (reminders or telling) or not decisions:
        return
    timed = [d for d in decisions if d.performance_days or DateRole.DEADLINE in d.dates]
    decision = (timed or decisions)[0]
    served = _served(docs, decision) or decision.dates.get(DateRole.DELIVERY)
    told = [d.dates[DateRole.UNDERLYING_DELIVERY] for d in docs if DateRole.UNDERLYING_DELIVERY in d.dates]
    deadline = decision.dates.get(DateRole.DEADLINE)
    start = _served(docs, decision) or next(iter(told), None) or served
    days = decision.performance_days
    if deadline is None and start is not None and days is not None:
        ev = days.evidence
        deadline = Found(start.value + timedelta(days=days.value),
                         Evidence(ev.source_file, ev.position, f"{ev.quote}（送达{start.value.isoformat()}）"))
    for doc in reminders + telling:
        if served is not None:
            doc.dates.setdefault(DateRole.UNDERLYING_DELIVERY, served)
    for reminder in reminders:
        if deadline is not None:
            reminder.dates.setdefault(DateRole.PERFORMANCE_DEADLINE, deadline)


def _served(docs: list[DocFacts], decision: DocFacts) -> Found[date] | None:
    """The service date of a receipt naming `decision` (its title, or its number) — never another 决定书's."""
    title = no_spaces(decision.title)
    number = no_spaces(decision.own_no.value) if decision.own_no else None
    for r in docs:
        if r.kind != DocKind.SERVICE_RECEIPT or DateRole.DELIVERY not in r.dates:
            continue
        served = no_spaces(r.served_document.value) if r.served_document else ""
        if (title and title in served and not re.search(r"强制|代履行|催告", served)) or (
                number and (number in served or any(no_spaces(c.value) == number for c in r.cited_case_nos))):
            return r.dates[DateRole.DELIVERY]
    return None


def _sentences(text: str) -> list[tuple[int, str]]:
    out, start = [], 0
    for m in re.finditer(r"[。；;]", text):
        out.append((start, text[start:m.end()]))
        start = m.end()
    if start < len(text):
        out.append((start, text[start:]))
    return out


def _sums(d: Layout, facts: DocFacts) -> None:
    """The surcharge (加处罚款/滞纳金 …元) and the fine it is added to, when written as sums."""
    for i, text in enumerate(d.pfolded):
        for hit in find_amounts(text):
            if hit.role == "range":
                continue
            before = text[max(0, hit.start - 24):hit.start]
            if _RATE_OR_TOTAL.search(before[-12:]):
                continue
            found = Found(Decimal(hit.value), d.pfound("", i, hit.start, hit.end).evidence)
            if _SURCHARGE.search(before):
                facts.surcharge = facts.surcharge or found
            elif _PRINCIPAL.search(before):
                facts.principal = facts.principal or found


def link_reminder_receipts(docs: list[DocFacts]) -> None:
    """A 送达回证 that serves the 催告书 gives the 催告书 its served date when the 催告书 has none of its own."""
    reminders = [d for d in docs if d.kind == DocKind.PAYMENT_REMINDER and DateRole.DELIVERY not in d.dates]
    if not reminders:
        return
    for receipt in docs:
        if receipt.kind != DocKind.SERVICE_RECEIPT or DateRole.DELIVERY not in receipt.dates:
            continue
        served = receipt.served_document.value if receipt.served_document else ""
        if "催告" in served:
            for reminder in reminders:
                reminder.dates[DateRole.DELIVERY] = receipt.dates[DateRole.DELIVERY]
            return
