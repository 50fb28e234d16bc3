"""Text normalisation shared by every extractor, and Chinese numerals.

`fold` maps full-width forms to ASCII one character for one character, so a regex match found in folded
text has the same offsets in the original: parsers match on folded text and quote the original. `squash`
removes whitespace and returns an offset map for the same purpose (spaced-out titles and numbers).
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from functools import lru_cache

from ingest.errors import ParseError

_FOLD: dict[int, str] = {code: chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)}
_FOLD.update(
    {
        0x3000: " ",  # ideographic space
        0x00A0: " ",
        0x200B: " ",
        0xFEFF: " ",
        0xFFE5: "¥",  # ￥
        0x2010: "-",
        0x2011: "-",
        0x2012: "-",
        0x2013: "-",
        0x2014: "-",  # — (ranges of times: 9:30—10:15)
        0x2015: "-",
        0x2212: "-",
        0x301C: "~",
        0xFE5D: "〔",
        0xFE5E: "〕",
        0xFE30: ":",
        0xFE55: ":",
        0x2236: ":",  # ∶ ratio sign used as colon
        0x2027: ".",
    }
)
_FOLD.update({code: " " for code in range(0x2000, 0x200B)})
_FOLD_TABLE = str.maketrans(_FOLD)

_WS = re.compile(r"\s+")
_CJK = "\u3400-\u9fff\uf900-\ufaff"
_SPACED_CJK = re.compile(rf"(?<=[{_CJK}〔〕（）《》：])\s+(?=[{_CJK}〔〕（）《》：])")


@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """Full-width digits/letters/punctuation → ASCII, odd spaces → ' '; same length as `text`.

    Cached: the extractors fold the same lines of a dossier thousands of times (~10% of extraction CPU).
    """
    return text.translate(_FOLD_TABLE)


def squash(text: str) -> tuple[str, list[int]]:
    """`text` without whitespace, and for each kept character its offset in `text`."""
    kept: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        if not ch.isspace() and ch not in "\u3000\u200b\ufeff":
            kept.append(ch)
            offsets.append(i)
    return "".join(kept), offsets


def collapse_spaces(text: str) -> str:
    """Runs of whitespace → one space; spaces between Chinese characters (行 政 处 罚) dropped."""
    text = _SPACED_CJK.sub("", fold(text))
    return _WS.sub(" ", text).strip()


def no_spaces(text: str) -> str:
    """`text` with all whitespace removed (case numbers are compared this way)."""
    return _WS.sub("", text.replace("\u3000", ""))


def norm_text(value: object) -> str:
    """How names, units, headers and found values compare: NFKC (full-width → half-width), no whitespace;
    None and other empty values (0, False) are ''."""
    return "".join(unicodedata.normalize("NFKC", str(value or "")).split())


# A line that is only page furniture: 第2页 共3页, 第2页（共3页）, 共3页第2页, — 2 —, 2/3, 2, Page 2 of 3.
_PAGE_MARK = re.compile(
    r"^(?:第\d+页(?:[(/,]?共\d+页\)?)?|共\d+页(?:,?第\d+页)?|-\d+-|\d+/\d+|\d{1,4}|(?:page)?\d+(?:of\d+)?)$", re.I
)


def is_page_mark(text: str) -> bool:
    """Whether a line is a page number (classification skips it above a title, paragraphs skip it)."""
    return bool(_PAGE_MARK.match(no_spaces(fold(text))))


# ----------------------------------------------------------------------------------------------------
# Chinese numerals
# ----------------------------------------------------------------------------------------------------

DIGITS: dict[str, int] = {
    "零": 0, "〇": 0, "○": 0, "0": 0, "O": 0, "o": 0, "Ｏ": 0, "◯": 0, "洞": 0,
    "一": 1, "壹": 1, "幺": 1, "二": 2, "贰": 2, "貳": 2, "两": 2, "兩": 2, "三": 3, "叁": 3, "參": 3,
    "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "陸": 6, "七": 7, "柒": 7,
    "八": 8, "捌": 8, "九": 9, "玖": 9,
}  # fmt: skip
for _d in "123456789":
    DIGITS[_d] = int(_d)
_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_BIG = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}
NUMERAL_CHARS = "".join(DIGITS) + "".join(_UNITS) + "".join(_BIG)
_ASCII_INT = re.compile(r"\d+")


def cn_to_int(text: str) -> int:
    """一百零八 → 108, 二十 → 20, 十五 → 15, 两千 → 2000, 二〇二四 → 2024 (digit by digit), '108' → 108.

    Raises ParseError for anything else. ASCII digit runs may be mixed in (3万 → 30000).
    """
    s = fold(text).strip().replace(" ", "")
    if not s:
        raise ParseError("empty numeral")
    if s.isascii() and s.isdigit():
        return int(s)
    if all(ch in DIGITS for ch in s):
        return int("".join(str(DIGITS[ch]) for ch in s))
    total = section = 0
    num: int | None = None
    i = 0
    while i < len(s):
        ch = s[i]
        if ch.isascii() and ch.isdigit():
            m = _ASCII_INT.match(s, i)
            assert m
            num = int(m.group())
            i = m.end()
            continue
        if ch in DIGITS:
            num = DIGITS[ch]
        elif ch in _UNITS:
            section += (1 if num is None else num) * _UNITS[ch]
            num = None
        elif ch in _BIG:
            big = _BIG[ch]
            value = section + (num or 0)
            if big > 10**4:
                total = (total + value) * big
            else:
                total += value * big
            section, num = 0, None
        else:
            raise ParseError(f"not a Chinese numeral: {text!r}")
        i += 1
    return total + section + (num or 0)


_LOWER = "零一二三四五六七八九"


def _below_10000(n: int) -> str:
    out = []
    zero = False
    for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d, n = divmod(n, unit)
        if d:
            if zero:
                out.append("零")
            out.append(_LOWER[d] + name)
            zero = False
        elif out:
            zero = True
    return "".join(out)


def int_to_cn(n: int) -> str:
    """108 → 一百零八, 20 → 二十, 10 → 十, 15 → 十五, 0 → 零 (used in tests and messages)."""
    if n < 0:
        raise ParseError("negative numeral")
    if n == 0:
        return "零"
    parts = []
    for big, name in ((10**8, "亿"), (10**4, "万"), (1, "")):
        chunk, n = divmod(n, big)
        if chunk:
            if parts and chunk < 1000:
                parts.append("零")
            parts.append(_below_10000(chunk) + name)
        elif parts and n:
            parts.append("零")
    text = "".join(parts)
    text = re.sub("零+", "零", text).rstrip("零")
    return text[1:] if text.startswith("一十") else text


_UPPER_AMOUNT = re.compile(r"^(?:人民币)?(?P<yuan>[^元圆角分整]*)(?:[元圆])?(?:(?P<jiao>[^元圆角分整])角)?(?:(?P<fen>[^元圆角分整])分)?整?$")


def cn_amount(text: str) -> Decimal:
    """伍万贰仟壹佰贰拾元 → 52120; 伍佰肆拾伍元整 → 545; 壹拾元伍角陆分 → 10.56; 零元伍角 → 0.5."""
    s = fold(text).replace(" ", "").replace("正", "整")
    m = _UPPER_AMOUNT.match(s)
    if not m:
        raise ParseError(f"not an amount in words: {text!r}")
    yuan = cn_to_int(m["yuan"]) if m["yuan"] else 0
    value = Decimal(yuan)
    if m["jiao"]:
        value += Decimal(cn_to_int(m["jiao"])) / 10
    if m["fen"]:
        value += Decimal(cn_to_int(m["fen"])) / 100
    return value
