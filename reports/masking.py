"""Personal data out of circulated documents: citizen ID numbers, phone numbers, natural persons' names.

The circular (通报), supervision letters (监督意见书) and trend charts go to every unit and are often
published; only the reviewer's scorecard keeps the data as found. Over-masking (an organisation code that
looks like an ID, an officer's certificate number that looks like a phone) is accepted; missing a real ID
is not, so the ID pattern checks only the shape and the birth date, never the check digit, and accepts what
units really type: full-width digits, spaces, hyphens or dots between groups, and the old 15-digit numbers.
Names are masked where they are known (individual parties) and wherever a label says a person follows
(见证人, 被询问人, 法定代表人 …).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

MASK = "*"
SURNAME_PLACEHOLDER = "某"

_D = "[0-9０-９]"  # a digit as units type it: ASCII or full width
_SEPARATORS = " \u3000-.·－—"  # what people put between groups of digits: spaces, hyphens, dots
_SEP = "[" + re.escape(_SEPARATORS) + "]?"
_NOT_ALNUM_BEFORE = "(?<![0-9A-Za-z０-９Ａ-Ｚａ-ｚ])"
_NOT_ALNUM_AFTER = "(?![0-9A-Za-z０-９Ａ-Ｚａ-ｚ])"


def _spaced(count: int) -> str:
    """`count` digits, each pair optionally separated once: 110101 19900307 123X, 1101-0119-…"""
    return _D + (_SEP + _D) * (count - 1)


# 公民身份号码 (GB 11643): 18 characters (6 region, YYYYMMDD, 3 sequence, check digit or X) or the old
# 15 digits (6 region, YYMMDD, 3 sequence); the birth date is checked after separators are removed.
_ID18_RE = re.compile(_NOT_ALNUM_BEFORE + "(" + _spaced(17) + _SEP + "[0-9０-９XxＸｘ])" + _NOT_ALNUM_AFTER)
_ID15_RE = re.compile(_NOT_ALNUM_BEFORE + "(" + _spaced(15) + ")" + _NOT_ALNUM_AFTER)
# Mobile numbers, optionally with +86 / 86 and separators: 13812345678, 138-1234-5678, 138.1234.5678, +86 138 …
_MOBILE_RE = re.compile(
    r"(?<![\d*０-９])(?:[+＋]?[8８][6６]" + _SEP + ")?([1１][3-9３-９]" + _D + ")(" + _SEP + _D * 4 + ")(" + _SEP
    + _D * 4 + r")(?![\d*０-９])")
# Landlines with area code: 010-12345678, (010)12345678, 0351-1234567, 010 1234 5678, 010.6234.5678.
_LANDLINE_RE = re.compile(
    r"(?<![\d*０-９])([(（]?[0０]" + _D + "{2,3}[)）]?" + _SEP + ")(" + _D + "{3,4})(" + _SEP + _D
    + r"{4})(?![\d*０-９])")
# A number right after a phone keyword, whatever its shape: 电话：69283456.
_PHONE_KEYWORD_RE = re.compile(
    r"((?:联系)?电话|手机|座机|联系方式|Tel|TEL|tel)([:：]?\s*)(" + _D + "[0-9０-９ \u3000.\\-]{5,}" + _D + ")")
# Natural persons named after a label in quoted text: witnesses, interviewees, representatives, contacts.
PERSON_LABELS = ("见证人", "证人", "被询问人", "被调查人", "被检查人", "法定代表人", "负责人", "经营者", "联系人",
                 "委托代理人", "代理人", "陪同人", "在场人", "记录人员", "翻译人员", "受送达人", "签收人", "代收人")
_LABELLED_PERSON_RE = re.compile(
    "(" + "|".join(sorted(PERSON_LABELS, key=len, reverse=True)) + r")([(（][^)）]{0,8}[)）])?([:：]\s*|\s+)"
    r"([\u4e00-\u9fff]{2,4}?)(?=[\s,，;；。、（(:：签]|$)")
_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９ＸＸｘ", "0123456789XXx")


def _digits(text: str) -> str:
    """The digits (and a final X) of a spaced or full-width number, as ASCII."""
    return "".join(ch for ch in text.translate(_FULL_WIDTH_DIGITS) if ch.isdigit() or ch in "Xx")


def _valid_birth(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= 31 and 1850 <= year <= 2099


def _is_id18(raw: str) -> bool:
    d = _digits(raw)
    return len(d) == 18 and d[0] != "0" and _valid_birth(int(d[6:10]), int(d[10:12]), int(d[12:14]))


def _is_id15(raw: str) -> bool:
    d = _digits(raw)
    return len(d) == 15 and d[0] != "0" and _valid_birth(1900 + int(d[6:8]), int(d[8:10]), int(d[10:12]))


def _mask_middle(raw: str, keep_start: int = 4, keep_end: int = 4) -> str:
    """Mask every digit but the first `keep_start` and last `keep_end`, keeping separators where they are."""
    places = [i for i, ch in enumerate(raw) if _digits(ch)]
    hide = set(places[keep_start:len(places) - keep_end])
    return "".join(MASK if i in hide else ch for i, ch in enumerate(raw))


# Two-character surnames (复姓) that keep both characters.
COMPOUND_SURNAMES = frozenset({
    "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯", "令狐", "端木", "独孤",
    "南宫", "西门", "轩辕", "呼延", "申屠", "澹台", "公羊", "万俟", "闻人", "赫连", "太史", "钟离", "宗政", "濮阳", "淳于", "单于",
    "东郭", "百里", "拓跋",
})


def mask_id_number(number: str) -> str:
    """Keep the first 4 and last 4 characters: 110101199003071234 -> 1101**********1234."""
    return number[:4] + MASK * (len(number) - 8) + number[-4:]


def _mask_digits(text: str, keep_end: int = 4) -> str:
    return _mask_middle(text, keep_start=0, keep_end=keep_end)


def mask_person_name(name: str) -> str:
    """张三 -> 张某, 王小明 -> 王某某, 欧阳娜娜 -> 欧阳某某; already masked names stay as they are."""
    name = name.strip()
    if len(name) < 2:
        return name
    surname = name[:2] if name[:2] in COMPOUND_SURNAMES and len(name) > 2 else name[0]
    rest = len(name) - len(surname)
    return surname + SURNAME_PLACEHOLDER * min(max(rest, 1), 2)


def _is_masked(name: str) -> bool:
    return SURNAME_PLACEHOLDER in name[1:] or MASK in name


def mask_numbers(text: str) -> str:
    """ID numbers (18 and 15 digits, spaced or full width) and phone numbers masked; the rest unchanged."""
    text = _ID18_RE.sub(lambda m: _mask_middle(m.group(1)) if _is_id18(m.group(1)) else m.group(0), text)
    text = _ID15_RE.sub(lambda m: _mask_middle(m.group(1)) if _is_id15(m.group(1)) else m.group(0), text)
    text = _MOBILE_RE.sub(lambda m: m.group(1) + MASK * 4 + m.group(3).lstrip(_SEPARATORS), text)
    text = _LANDLINE_RE.sub(lambda m: m.group(1) + MASK * len(m.group(2)) + m.group(3).lstrip(_SEPARATORS), text)
    return _PHONE_KEYWORD_RE.sub(lambda m: m.group(1) + m.group(2) + _mask_digits(m.group(3)), text)


def mask_labelled_persons(text: str) -> str:
    """Names written after a person label (见证人：张三, 被询问人 李四) masked, whoever they are."""
    return _LABELLED_PERSON_RE.sub(
        lambda m: m.group(0)[: m.start(4) - m.start(0)] + mask_person_name(m.group(4)), text)


def person_names(names: Iterable[str | None]) -> list[str]:
    """The names worth masking: de-duplicated, longest first (so 欧阳娜娜 goes before 欧阳娜), never 1 char."""
    unique = {n.strip() for n in names if isinstance(n, str) and len(n.strip()) >= 2 and not _is_masked(n.strip())}
    return sorted(unique, key=lambda n: (-len(n), n))


class NameMasker:
    """Masks ID numbers, phone numbers and the given individuals' names; built once per document.

    The names are matched by one alternation, longest first (so 欧阳娜娜 wins over 欧阳娜): a campaign's
    circular masks thousands of cells against hundreds of names.
    """

    def __init__(self, names: Iterable[str | None] = ()) -> None:
        self.names = person_names(names)
        self._names_re = re.compile("|".join(map(re.escape, self.names))) if self.names else None

    def __call__(self, text: str) -> str:
        if not text:
            return text
        text = mask_labelled_persons(mask_numbers(str(text)))
        if self._names_re is not None:
            text = self._names_re.sub(lambda m: mask_person_name(m.group(0)), text)
        return text


def mask_text(text: str, names: Iterable[str] = ()) -> str:
    """Mask ID numbers, phone numbers and every occurrence of the given individuals' names in `text`."""
    return NameMasker(names)(text)


def individual_names(cases) -> list[str]:  # cases: pandas DataFrame with party_name, party_kind
    """Names of the individual parties (party_kind individual) in a cases table; organisations stay."""
    if cases is None or len(cases) == 0 or "party_name" not in cases:
        return []
    rows = cases[cases["party_kind"].astype(str) == "individual"]
    return person_names(rows["party_name"].astype(str))
