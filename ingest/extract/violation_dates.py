"""The date of the violation, its end, and whether it went on: only where the text ties a date to the act.

Files state it as the party doing something on a day (当事人于2024年3月19日销售…), as the opening of a finding
(经查明：2024年10月15日，当事人在…销售…; 经查，2024年3月4日至3月6日，当事人…; 截至2025年5月13日，当事人未建立…),
or as what an inspection found on its day (2024年3月19日检查发现当事人未建立农药销售台账: the act was there
that day). Dates of what the agency did (经本机关于3月19日责令改正), of deadlines (于3月29日前改正) and of what
the party did afterwards (当事人已于6月5日自行拆除) are not. Precision first: better no date than a wrong one.

The end matters for 追诉时效 (行政处罚法第三十六条: a continuing act counts from its end): an explicit period end
(…至9月5日) is read; a date the act is said to go on from or beyond (自…起, 截至…, 至今, 仍…, found by an
inspection) marks the act as ongoing with no end read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.extract.dates import DateHit, range_end


@dataclass(frozen=True, slots=True)
class Act:
    """What the text says about the act a date belongs to."""

    end: DateHit | None = None  # the end of its period, when written
    ongoing: bool = False  # it went on from or beyond the dates read, no end written
    seen: bool = False  # the date an inspection found it going on, not the date it began

_CLAUSE_CUT = re.compile(r"[。；;，,]")
_SENTENCE_CUT = re.compile(r"[。；;]")
_AGENCY_WORDS = re.compile(r"执法证|本机关|本局|我局|我队|我所|本所|我委|本委|我大队|本大队|执法人员|检查|接到|收到|向你|对你|作出|送达|立案|告知")
_VIOLATION_WORDS = re.compile(r"违法|违反|未|擅自|超标|超过|无证|没有|排放|生产|销售|经营|使用|存在|拒不|伪造|非法")
_PARTY_SUBJECT = re.compile(r"当事人|你单位|你公司|你店|你厂|你(?=于|在|自)|该单位|该公司|该店|该厂|其(?=于|在|自)|被检查人|经查")
_PARTY_OPENING = re.compile(r"\s*(?:当事人|你单位|你公司|你店|你厂|你|该单位|该公司|该店|该厂|被检查人)")
_VIOLATION_LEAD = re.compile(r"(?:于|在|自|从)\s*$")
# what the party did after the fact, not the violation: "当事人已于4月25日缴纳罚款", "已于6月5日自行拆除"
_AFTERMATH = re.compile(r"缴纳|缴清|交纳|缴款|缴付|履行|执行完毕|收到|签收|领取|提出|申请|到案|接受|签名|签字|整改|改正|"
                        r"拆除|纠正|补办|陈述|申辩|提交|进行了|放弃|要求听证|参加听证|到场|接受询问")
# the day of something else: a rule taking effect (条例于2021年9月1日施行), a purchase before the sale
_RULE_DATE = re.compile(r"修订|施行|实施|生效|公布|颁布|发布|定为|列为")
_OTHER_EVENT = re.compile(r"进购|购进|采购|购买|进货|成立|注册|登记|取得|签订|入职")
_DEADLINE = re.compile(r"\s*(?:前|之前|以前|内)")  # 责令于3月29日前改正: a deadline the agency set
# where a finding opens: a paragraph, a sentence, 经查（明）, 违法事实：
_OPENING = re.compile(r"(?:^|[。；;：:]|经查[明实]?[，,]?|违法事实[为是]?)\s*(?P<from>截至|截止|自|从)?\s*$")  # on text before
_INSPECTION_FOUND = re.compile(
    r"\s*[，,]?\s*(?:执法人员|本机关|本局|我局)?(?:在[^，。；,]{1,24})?(?:现场|日常|执法|监督|专项)?(?:检查|巡查)(?:时|中)?发现"
)


def violation_at(folded: str, hit: DateHit) -> Act | None:
    """Whether `hit` dates the party's act, and what the text says of the act; None if it does not."""
    clause = _CLAUSE_CUT.split(folded[hit.end : hit.end + 30], maxsplit=1)[0]
    if _DEADLINE.match(folded, hit.end) or _AFTERMATH.search(folded[hit.end : hit.end + 10]):
        return None
    if _RULE_DATE.search(clause) or (_OTHER_EVENT.search(clause) and not _VIOLATION_WORDS.search(clause)):
        return None
    before = folded[: hit.start]
    end = range_end(folded, hit)
    sentence = _SENTENCE_CUT.split(folded[end.end if end else hit.end :], maxsplit=1)[0]
    opening = _OPENING.search(before)
    if opening:  # 经查明：2024年10月15日，当事人…
        rest = sentence.lstrip(" ，,")
        party = _PARTY_OPENING.match(rest)
        if party and not _AFTERMATH.search(rest[party.end() : party.end() + 12]) and _VIOLATION_WORDS.search(rest):
            return Act(end, end is None and (opening["from"] is not None or _ongoing_after(sentence)))
    found = _INSPECTION_FOUND.match(folded, hit.end)
    if found:  # 2024年3月19日检查发现当事人未建立…
        rest = _SENTENCE_CUT.split(folded[found.end() :], maxsplit=1)[0]
        if _PARTY_OPENING.match(rest) and _VIOLATION_WORDS.search(rest):
            return Act(ongoing=True, seen=True)
    if _led_by_party(folded, hit, end):  # 当事人于2024年3月19日销售…
        return Act(end, end is None and (before.rstrip().endswith(("自", "从")) or _ongoing_after(sentence)))
    return None


_MONTH_ONLY = re.compile(
    r"(?:(?:当事人|你单位|你公司|你|该单位|该公司)[^。；，,]{0,4}(?:于|自|从)|(?:经查[明实]?|违法事实)[：:，,]?\s*(?:自|从)?)"
    r"\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月(?!\s*\d{1,2}\s*[日号])"
)


def month_only(folded: str) -> re.Match[str] | None:
    """The act dated to the month only (当事人自2023年10月起…): it began before any day an inspection saw it."""
    return _MONTH_ONLY.search(folded)


def _ongoing_after(sentence: str) -> bool:
    head = _CLAUSE_CUT.split(sentence, maxsplit=1)[0]
    return bool(re.match(r"\s*(?:起|以来|开始)", sentence) or re.search(r"至今|迄今|一直|持续|仍", head))


def _led_by_party(folded: str, hit: DateHit, end: DateHit | None) -> bool:
    """当事人于2024年3月19日销售… : a lead word before the date, the party as subject of its clause."""
    before = folded[max(0, hit.start - 3) : hit.start]
    if not _VIOLATION_LEAD.search(before):
        return False
    left = max(0, hit.start - 14)
    cut = max((m.end() for m in _CLAUSE_CUT.finditer(folded, left, hit.start)), default=left)
    if _AGENCY_WORDS.search(folded, cut, hit.start):
        return False
    if _PARTY_SUBJECT.search(folded, cut, hit.start):
        return True  # 当事人于…, 你单位于…: what the party did on that day
    stop = end.end if end else hit.end
    after = _SENTENCE_CUT.split(folded[stop : stop + 60], maxsplit=1)[0]
    return bool(_VIOLATION_WORDS.search(after)) and not _AGENCY_WORDS.search(after[:6])
