"""How values are written: case numbers, dates, amounts (大写), article numbers, 项.

`standard` follows GB/T 9704 habits; `varied` draws per-dossier styles from real practice
(domain.md: How elements look in real documents). Every function here is pure.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

_DIGITS = "零一二三四五六七八九"
_UPPER = "零壹贰叁肆伍陆柒捌玖"


@dataclass(frozen=True)
class Style:
    """Per-dossier writing habits. The defaults are the standard style."""

    brackets: tuple[str, str] = ("〔", "〕")
    di: bool = False  # 第 before the serial
    serial: str = "plain"  # plain | pad3 | hyphen | letter
    prefix: str = ""  # e.g. "（清）" before the agency code
    date: str = "cn"  # cn | cn_pad | cn_space | dot | iso | hanzi
    sign_date: str = "cn"  # the date under a seal
    zero: str = "〇"  # 〇 | ○ | 0 in hanzi dates
    party_label: str = "label"  # label ("当事人：X") | salutation ("X：")
    amount: str = "upper_fig"  # upper_fig | rmb_fig | yen | wan
    item: str = "full"  # full 第（一）项 | half 第(一)项 | plain 第一项
    officers_table: bool = False


STANDARD = Style()


def cn_number(n: int) -> str:
    """Chinese numerals as in article numbers: 一百零八, 三十四, 十二."""
    if n < 0:
        raise ValueError(n)
    if n < 10:
        return _DIGITS[n]
    if n < 20:
        return "十" + (_DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return _DIGITS[n // 10] + "十" + (_DIGITS[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        head = _DIGITS[n // 100] + "百"
        if rest == 0:
            return head
        if rest < 10:
            return head + "零" + _DIGITS[rest]
        if rest < 20:
            return head + "一十" + (_DIGITS[rest % 10] if rest % 10 else "")
        return head + cn_number(rest)
    raise ValueError(n)


def case_no(agency_code: str, kind: str, year: int, serial: int, style: Style = STANDARD) -> str:
    """A document number: 清市监罚字〔2025〕12号 and its variants. `kind` is 罚字, 罚告字, 罚决字 …"""
    left, right = style.brackets
    if style.serial == "pad3":
        ser = f"{serial:03d}"
    elif style.serial == "hyphen":
        ser = f"{(serial - 1) // 20 + 1}-{serial}"
    elif style.serial == "letter":
        ser = f"k-{serial}"
    else:
        ser = str(serial)
    return f"{style.prefix}{agency_code}{kind}{left}{year}{right}{'第' if style.di else ''}{ser}号"


def hanzi_date(d: date, zero: str = "〇") -> str:
    digits = "".join(_DIGITS[int(ch)] for ch in str(d.year)).replace("零", zero)
    return f"{digits}年{_month_day_hanzi(d.month)}月{_month_day_hanzi(d.day)}日"


def _month_day_hanzi(n: int) -> str:
    return cn_number(n)


def fmt_date(d: date, style: str = "cn", zero: str = "〇") -> str:
    if style == "cn_pad":
        return f"{d.year}年{d.month:02d}月{d.day:02d}日"
    if style == "cn_space":
        return f"{d.year}年{d.month:2d}月{d.day:2d}日".replace("年 ", "年 ").replace("月 ", "月 ")
    if style == "dot":
        return f"{d.year}.{d.month}.{d.day}"
    if style == "iso":
        return d.isoformat()
    if style == "hanzi":
        return hanzi_date(d, zero)
    return f"{d.year}年{d.month}月{d.day}日"


def fmt_time_span(start: datetime, end: datetime | None, style: str = "cn") -> str:
    """笔录 time: 2025年3月5日9时30分至10时15分 (to the minute)."""
    day = fmt_date(start.date(), "cn" if style in ("hanzi", "dot", "iso") else style)
    text = f"{day}{start.hour}时{start.minute:02d}分"
    if end is not None:
        text += f"至{end.hour}时{end.minute:02d}分"
    return text


def upper_amount(amount: Decimal) -> str:
    """Financial 大写 of a yuan amount: 伍万贰仟壹佰贰拾元整; jiao/fen when present."""
    yuan = int(amount)
    cents = int((amount - yuan) * 100)
    out = _upper_int(yuan) + "元" if yuan else ""
    if cents == 0:
        return (out or "零元") + "整"
    jiao, fen = divmod(cents, 10)
    if jiao:
        out += _UPPER[jiao] + "角"
    elif yuan:
        out += "零"
    if fen:
        out += _UPPER[fen] + "分"
    return out


def _upper_int(n: int) -> str:
    if n == 0:
        return "零"
    units = ["", "拾", "佰", "仟"]
    groups = []
    while n:
        groups.append(n % 10000)
        n //= 10000
    parts = []
    zero_pending = False
    for gi in range(len(groups) - 1, -1, -1):
        g = groups[gi]
        if g == 0:
            zero_pending = True
            continue
        text = ""
        digits = [g // 1000, g // 100 % 10, g // 10 % 10, g % 10]
        started = False
        for pos, dgt in enumerate(digits):
            if dgt == 0:
                if started or parts:
                    zero_pending = True
                continue
            if zero_pending and (started or parts):
                text += "零"
            zero_pending = False
            text += _UPPER[dgt] + units[3 - pos]
            started = True
        parts.append(text + ("万" if gi == 1 else "亿" if gi == 2 else ""))
    return "".join(parts)


def fig_amount(amount: Decimal) -> str:
    """50000 or 545.5 (no grouping, as in decisions)."""
    text = format(amount.normalize(), "f") if amount != amount.to_integral() else str(int(amount))
    return text


def fmt_fine(amount: Decimal, style: str = "upper_fig", upper_override: Decimal | None = None) -> str:
    """The fine as the decision writes it. `upper_override` plants a 大写/figure mismatch."""
    upper = upper_amount(upper_override if upper_override is not None else amount)
    fig = fig_amount(amount)
    if style == "rmb_fig":
        return f"人民币{fig}元"
    if style == "yen":
        return f"{upper}（￥{fig}元）"
    if style == "wan" and amount % 10000 == 0:
        return f"{int(amount) // 10000}万元"
    if style == "wan":
        return f"人民币{fig}元"
    return f"人民币{upper}（￥{fig}元）"


def fmt_item(n: int, style: str = "full") -> str:
    if style == "half":
        return f"第({cn_number(n)})项"
    if style == "plain":
        return f"第{cn_number(n)}项"
    return f"第（{cn_number(n)}）项"


def provision(law: str, article: int, clause: int | None = None, item: int | None = None, style: str = "full") -> str:
    """《中华人民共和国大气污染防治法》第一百零八条第一款第（一）项"""
    text = f"《{law}》第{cn_number(article)}条"
    if clause:
        text += f"第{cn_number(clause)}款"
    if item:
        text += fmt_item(item, style)
    return text
