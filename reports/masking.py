"""Personal data out of circulated documents: citizen ID numbers, phone numbers, individual parties' names.

The circular (通报), supervision letters (监督意见书) and trend charts go to every unit and are often
published; only the reviewer's scorecard keeps the data as found. Over-masking (an organisation code that
looks like an ID, an officer's certificate number that looks like a phone) is accepted; missing a real ID
is not, so the ID pattern checks only the shape and the birth date, never the check digit.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

MASK = "*"
SURNAME_PLACEHOLDER = "某"

# 公民身份号码 (GB 11643): 6-digit region, YYYYMMDD birth date, 3-digit sequence, check digit or X.
_ID_RE = re.compile(
    r"(?<![0-9A-Za-z])"
    r"([1-9]\d{5})((?:18|19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(\d{3}[0-9Xx])"
    r"(?![0-9A-Za-z])"
)
# Mobile numbers, optionally with +86 / 86 and separators: 13812345678, 138-1234-5678, +86 138 1234 5678.
_MOBILE_RE = re.compile(r"(?<![\d*])(?:\+?86[- ]?)?(1[3-9]\d)[- ]?(\d{4})[- ]?(\d{4})(?![\d*])")
# Landlines with area code: 010-12345678, (010)12345678, 0351-1234567, 010 1234 5678.
_LANDLINE_RE = re.compile(r"(?<![\d*])([(（]?0\d{2,3}[)）]?[- ]?)(\d{3,4})[- ]?(\d{4})(?![\d*])")
# A number right after a phone keyword, whatever its shape: 电话：69283456.
_PHONE_KEYWORD_RE = re.compile(r"((?:联系)?电话|手机|座机|联系方式|Tel|TEL|tel)([:：]?\s*)(\d[\d -]{5,}\d)")

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
    digits = [i for i, ch in enumerate(text) if ch.isdigit()]
    hide = set(digits[:-keep_end]) if len(digits) > keep_end else set()
    return "".join(MASK if i in hide else ch for i, ch in enumerate(text))


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
    """ID numbers and phone numbers masked; everything else unchanged."""
    text = _ID_RE.sub(lambda m: mask_id_number(m.group(0)), text)
    text = _MOBILE_RE.sub(lambda m: f"{m.group(1)}{MASK * 4}{m.group(3)}", text)
    text = _LANDLINE_RE.sub(lambda m: f"{m.group(1)}{MASK * len(m.group(2))}{m.group(3)}", text)
    return _PHONE_KEYWORD_RE.sub(lambda m: m.group(1) + m.group(2) + _mask_digits(m.group(3)), text)


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
        text = mask_numbers(str(text))
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
