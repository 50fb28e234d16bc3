"""统一社会信用代码 check character (GB 32100-2015), for R22 when extraction has no checker of its own.

domain.md, "统一社会信用代码": 18 characters from the charset below; weights over the first 17; masked codes
(91430102**********) are not invalid. Chinese citizen ID numbers (GB 11643) are recognised so that an
individual's ID is never judged as a credit code.
"""

from __future__ import annotations

import re
from datetime import date

CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


def normalize(code: str) -> str:
    return re.sub(r"\s+", "", code).upper()


def is_masked(code: str) -> bool:
    return "*" in code or "＊" in code or "×" in code


def credit_check_char(first17: str) -> str:
    total = sum(CHARSET.index(ch) * w for ch, w in zip(first17, WEIGHTS, strict=True))
    return CHARSET[(31 - total % 31) % 31]


def is_valid_credit_code(code: str) -> bool:
    """True when `code` is 18 charset characters whose 18th is the GB 32100 check character."""
    code = normalize(code)
    if len(code) != 18 or any(ch not in CHARSET for ch in code):
        return False
    return credit_check_char(code[:17]) == code[17]


def is_citizen_id(code: str) -> bool:
    """An 18-character 公民身份号码 with a plausible birth date and a valid GB 11643 check character."""
    code = normalize(code)
    if not re.fullmatch(r"\d{17}[\dX]", code):
        return False
    try:
        date(int(code[6:10]), int(code[10:12]), int(code[12:14]))
    except ValueError:
        return False
    total = sum(int(ch) * w for ch, w in zip(code[:17], _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11] == code[17]


def looks_like_credit_code(code: str) -> bool:
    """Worth checking as a credit code: 18 characters, unmasked, not a citizen ID."""
    code = normalize(code)
    return len(code) == 18 and not is_masked(code) and not is_citizen_id(code)
