"""Clauses a decision or notice must contain (domain.md "Remedies"; statutes.md Art. 44, 59, 63, 66):
remedies (行政复议 within 60 days, 行政诉讼 within 6 months, the review body), payment terms (十五日内缴纳),
waiver statements (放弃陈述、申辩和听证权利), and the notice's defense and hearing rights with their period.
Each finder returns the sentence span it relied on, so the quote is the clause itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.errors import ParseError
from ingest.extract.text import sentences
from ingest.normalize import NUMERAL_CHARS, cn_to_int, fold

_PERIOD = re.compile(rf"(?P<n>[{NUMERAL_CHARS}\d]+)\s*(?P<unit>个工作日|个月|日|天|工作日|月)")
_REVIEW = re.compile(r"行政复议|申请复议")
_LITIGATION = re.compile(r"行政诉讼|提起诉讼|向[^。；]{0,30}人民法院")
_REVIEW_BODY = re.compile(r"向\s*(?P<body>[^，,。；;向]{2,60}?)\s*(?:申请行政复议|申请复议|提出行政复议)")
# "逾期…向人民法院申请强制执行": the agency's enforcement, not the party's right to sue
_ENFORCEMENT_ONLY = re.compile(r"强制执行(?![^。；]*(?:行政诉讼|提起诉讼))")
_PAYMENT = re.compile(r"缴纳|缴至|缴款|交纳|缴清|履行|(?:罚款|罚没款)(?:交|缴)(?:至|到|入)")
_PAYMENT_PERIOD = re.compile(r"(?:日|天)内|之日起|期限")
# "逾期…视为放弃" is the notice's own wording, not the party's waiver.
_WAIVER = re.compile(r"(?<!视为)(?<!视同)(?<!作)放弃[^。；]{0,12}(?:陈述|申辩|听证)")
_WAIVER_SPOKEN = re.compile(r"(?:本人|我|本单位|本公司)[^。；]{0,12}不(?:进行|提出|要求|申请)(?:陈述|申辩|听证)")
_DEFENSE = re.compile(r"陈述[、和及,，]?\s*申辩|陈述意见|申辩意见")
_HEARING = re.compile(r"听证")
_RIGHT = re.compile(r"权|可以|有权|可在|可于|提出|要求|申请")


@dataclass(frozen=True, slots=True)
class ClauseHit:
    start: int
    end: int
    days: int | None = None  # the period written in the clause, in days (months for litigation)
    months: int | None = None
    working_days: bool = False
    body: str | None = None  # review body (复议机关)


def _periods(text: str) -> list[tuple[int, str]]:
    out = []
    for m in _PERIOD.finditer(text):
        try:
            out.append((cn_to_int(m["n"]), m["unit"]))
        except ParseError:
            continue
    return out


def is_heading(hit: ClauseHit) -> bool:
    """A remedies hit that gives neither a period nor a review body: a heading, or a clause missing both."""
    return hit.days is None and hit.months is None and hit.body is None


def find_remedies(text: str) -> ClauseHit | None:
    """The 行政复议/行政诉讼 clause: its period(s) and the review body it names."""
    folded = fold(text)
    spans = [
        (a, b) for a, b in sentences(folded)
        if _REVIEW.search(folded, a, b)
        or _LITIGATION.search(folded, a, b) and not _ENFORCEMENT_ONLY.search(folded, a, b)
    ]
    if not spans:
        return None
    # a heading ("三、申请复议或者提起诉讼的途径和期限") names the clause; the clause gives a period or a body
    first = next((i for i, (a, b) in enumerate(spans) if _PERIOD.search(folded, a, b) or _REVIEW_BODY.search(folded, a, b)), 0)
    spans = spans[first:]
    start, end = spans[0][0], spans[0][1]
    # a clause split into two sentences (复议 … 。诉讼 …。) is one remedies clause
    for a, b in spans[1:3]:
        if a - end <= 2:
            end = b
    clause = folded[start:end]
    days = months = None
    for n, unit in _periods(clause):
        if "月" in unit and months is None:
            months = n
        elif "月" not in unit and days is None:
            days = n
    body_m = _REVIEW_BODY.search(clause)
    body = text[start + body_m.start("body") : start + body_m.end("body")].strip() if body_m else None
    return ClauseHit(start, end, days=days, months=months, body=body)


def find_payment_terms(text: str) -> ClauseHit | None:
    """The sentence saying how and by when the fine is paid (十五日内缴至指定银行)."""
    folded = fold(text)
    for a, b in sentences(folded):
        if _PAYMENT.search(folded, a, b) and _PAYMENT_PERIOD.search(folded, a, b) and "复议" not in folded[a:b]:
            periods = [n for n, unit in _periods(folded[a:b]) if "月" not in unit]
            return ClauseHit(a, b, days=periods[0] if periods else None)
    return None


def find_waiver(text: str) -> ClauseHit | None:
    """A statement that the party waives its right to state a case / a hearing."""
    folded = fold(text)
    m = _WAIVER.search(folded) or _WAIVER_SPOKEN.search(folded)
    if not m:
        return None
    for a, b in sentences(folded):
        if a <= m.start() < b:
            return ClauseHit(a, b)
    return ClauseHit(m.start(), m.end())


def _right_clause(text: str, subject: re.Pattern[str], exclude: re.Pattern[str] | None) -> ClauseHit | None:
    folded = fold(text)
    for a, b in sentences(folded):
        sentence = folded[a:b]
        if subject.search(sentence) and _RIGHT.search(sentence) and not (exclude and exclude.search(sentence)):
            periods = [(n, unit) for n, unit in _periods(sentence) if "月" not in unit]
            days = periods[0][0] if periods else None
            working = bool(periods) and "工作" in periods[0][1]
            return ClauseHit(a, b, days=days, working_days=working)
    return None


def find_defense_right(text: str) -> ClauseHit | None:
    """The notice's sentence on the right to state a case (陈述、申辩) and the period it gives."""
    return _right_clause(text, _DEFENSE, None)


def find_hearing_right(text: str) -> ClauseHit | None:
    """The sentence telling the party of its right to request a hearing (听证)."""
    return _right_clause(text, _HEARING, re.compile(r"不(?:适用|属于)[^。]{0,10}听证"))
