"""Money amounts (domain.md "Amounts"): words (伍万贰仟壹佰贰拾元, 五万元) and figures (人民币50000元,
¥545, 5万元, 50,000.00元), paired when written together (伍佰肆拾伍元整(¥545元)), each with its role:
the fine (罚款…) versus other amounts (没收违法所得…, 货值…) and statutory ranges (五万元以上二十万元以下).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from ingest.errors import ParseError
from ingest.normalize import cn_amount, fold

_WORD_DIGITS = "零壹贰貳叁參肆伍陆陸柒捌玖拾佰仟萬万亿億〇一二两三四五六七八九十百千"
_WORDS = re.compile(
    rf"(?:人民币)?\s*(?P<w>[{_WORD_DIGITS}]+)\s*[元圆]"
    rf"(?:\s*[{_WORD_DIGITS}]角)?(?:\s*[{_WORD_DIGITS}]分)?(?:\s*[整正])?"
)
_FIGURES = re.compile(
    r"(?:人民币|RMB|¥|\$)?\s*(?:[(:：]\s*)?(?:小写\s*[:：]?\s*)?(?:人民币|¥)?\s*"
    r"(?<![\d.])(?<!\d,)(?P<n>\d{1,3}(?:,\d{3}){1,4}(?:\.\d{1,2})?|\d{1,15}(?:\.\d{1,2})?)(?!\d)\s*(?P<wan>万)?\s*(?P<unit>元|圆)?"
)
_YEN_ONLY = re.compile(r"¥\s*(?P<n>\d{1,3}(?:,\d{3}){1,4}(?:\.\d{1,2})?|\d{1,15}(?:\.\d{1,2})?)(?!\d)")
# between the words and the figures of one amount: brackets, 小写, 人民币, a form's "金额（小写）"
_PAIR_GAP = re.compile(r"^[\s(（)）:：]*(?:金额|人民币|RMB)?[\s(（)）:：]*(?:大写|小写|人民币|金额|RMB)?[\s(（)）:：¥]*$")
# "叁仟元整（大写），¥3000.00（小写）", "伍仟元，小写：5000元": a comma may stand between the two only when
# the second is marked as the same amount (小写, ¥, RMB); "罚款伍仟元，2000元用于…" are two amounts.
_LABELLED_PAIR_GAP = re.compile(
    r"^[\s(（)）:：,，]*(?:大写)?[\s(（)）:：,，]*(?:小写|人民币|RMB)?(?:金额)?[\s(（)）:：]*(?:人民币|RMB)?[\s:：¥]*$"
)
_SAME_AMOUNT = re.compile(r"小写|大写|RMB")
_FINE_WORDS = re.compile(r"罚款|罚金|罚没款")
_OTHER_WORDS = re.compile(
    r"没收|违法所得|货值|销售额|营业额|经营额|收入|价款|价值|成本|货款|押金|费用|工资|收费|单价|每[吨件日个次]|"
    r"注册资本|资金|赔偿|补偿|税款|滞纳金|加处"
)
_RANGE_AFTER = re.compile(r"\s*(?:以上|以下|以内|至|到|~|-|或者|的罚款[,，]?(?:并|可以|情节))")
_RANGE_BEFORE = re.compile(r"(?:至|到|~|-|不足|超过|低于|高于)\s*$")
_PER_UNIT = re.compile(r"(?:每|按)[\u4e00-\u9fff]{0,5}\s*(?:人民币)?\s*$")
_FINE_AFTER = re.compile(r"[\s)）]*(?:的)?(?:罚款|罚金)")  # 7667元(柒仟陆佰陆拾柒元整)的罚款
# the fine restated as a sum after its description: …费用两倍的罚款，即：29500.00元 / …的罚款，计金额23178.30元
_FINE_RESTATED = re.compile(r"(?:罚款|罚金)[,，]?\s*(?:即|计|计金额|金额为?)[:：]?\s*(?:人民币)?\s*$")
_CLAUSE_CUT = re.compile(r"[。；;，,]")


@dataclass(frozen=True, slots=True)
class AmountHit:
    """One amount written in a text: `upper` from words, `figures` from digits; role fine|other|range."""

    upper: Decimal | None
    figures: Decimal | None
    start: int
    end: int
    role: str

    @property
    def value(self) -> Decimal:
        return self.figures if self.figures is not None else self.upper  # type: ignore[return-value]


def plain(value: Decimal) -> Decimal:
    """50000.00 → 50000, 545.50 → 545.5 (never exponent notation)."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.quantize(Decimal("0.01")).normalize()


def _figures(m: re.Match[str]) -> Decimal | None:
    try:
        value = Decimal(m["n"].replace(",", ""))
    except InvalidOperation:
        return None
    return plain(value * 10000 if m["wan"] else value)


def _raw(text: str) -> list[tuple[int, int, str, Decimal]]:
    """(start, end, 'w'|'f', value) for every amount, not yet paired."""
    out: list[tuple[int, int, str, Decimal]] = []
    taken: list[tuple[int, int]] = []
    for m in _WORDS.finditer(text):
        if not any(ch in "零壹贰貳叁參肆伍陆陸柒捌玖拾佰仟一二两三四五六七八九十百千" for ch in m["w"]):
            continue
        try:
            value = cn_amount(re.sub(r"\s+", "", m.group()))
        except ParseError:
            continue
        out.append((m.start("w"), m.end(), "w", plain(value)))
        taken.append((m.start(), m.end()))
    for m in _FIGURES.finditer(text):
        if not (m["unit"] or m["wan"] and m["unit"]):
            continue
        if any(a <= m.start("n") < b for a, b in taken):
            continue
        value = _figures(m)
        if value is not None:
            start = m.start("n")
            if start > 0 and text[start - 1] == "¥":
                start -= 1
            out.append((start, m.end(), "f", value))
            taken.append((m.start("n"), m.end()))
    for m in _YEN_ONLY.finditer(text):
        if any(a <= m.start("n") < b for a, b in taken):
            continue
        out.append((m.start(), m.end(), "f", plain(Decimal(m["n"].replace(",", "")))))
    out.sort()
    return out


def _role(text: str, start: int, end: int) -> str:
    if _RANGE_AFTER.match(text, end) or _RANGE_BEFORE.search(text, max(0, start - 3), start):
        return "range"
    if _FINE_RESTATED.search(text, max(0, start - 16), start):
        return "fine"
    window_start = max(0, start - 16)
    cuts = list(_CLAUSE_CUT.finditer(text, window_start, start))
    if cuts:
        window_start = cuts[-1].end()
    window = text[window_start:start]
    if _PER_UNIT.search(window):
        return "other"  # a rate (每平方米20元的罚款), not the fine decided
    fine = [m.end() for m in _FINE_WORDS.finditer(window)]
    other = [m.end() for m in _OTHER_WORDS.finditer(window)]
    if fine and (not other or fine[-1] > other[-1]):
        return "fine"
    if other:
        return "other"
    if _FINE_AFTER.match(text, end):
        return "fine"
    return "other"


def find_amounts(text: str) -> list[AmountHit]:
    """Every amount in `text`, words and figures of the same amount paired into one hit."""
    folded = fold(text)
    raw = _raw(folded)
    out: list[AmountHit] = []
    i = 0
    while i < len(raw):
        start, end, kind, value = raw[i]
        upper = value if kind == "w" else None
        figures = value if kind == "f" else None
        if i + 1 < len(raw):
            n_start, n_end, n_kind, n_value = raw[i + 1]
            gap = folded[end:n_start]
            marked = _SAME_AMOUNT.search(gap) or folded[n_start : n_start + 1] == "¥"
            paired = _PAIR_GAP.match(gap) or (marked and _LABELLED_PAIR_GAP.match(gap))
            if n_kind != kind and n_start >= end and paired:
                if n_kind == "w":
                    upper = n_value
                else:
                    figures = n_value
                close = re.match(r"\s*[)）]", folded[n_end:])
                end = n_end + (close.end() if close else 0)
                i += 1
        out.append(AmountHit(upper, figures, start, end, _role(folded, start, raw[i][1] if i < len(raw) else end)))
        i += 1
    return out


def find_fine(text: str) -> AmountHit | None:
    """The first amount in `text` that is a fine (not a range, not confiscation)."""
    for hit in find_amounts(text):
        if hit.role == "fine":
            return hit
    return None
