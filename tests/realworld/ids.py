"""Check characters of the identifiers written into the hand-written dossiers, computed from the standards
themselves (GB 32100-2015 统一社会信用代码, GB 11643-1999 公民身份号码) and never from pingcha's code: an invented
party must carry a valid code, so that a 信用代码无效 deduction on it would be false."""

from __future__ import annotations

CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def credit_check(first17: str) -> str:
    total = sum(CREDIT_CHARS.index(c) * w for c, w in zip(first17, CREDIT_WEIGHTS, strict=True))
    return CREDIT_CHARS[(31 - total % 31) % 31]


def id_check(first17: str) -> str:
    total = sum(int(c) * w for c, w in zip(first17, ID_WEIGHTS, strict=True))
    return "10X98765432"[total % 11]


def valid(code: str) -> bool:
    """A complete 18-character 统一社会信用代码 or 公民身份号码 whose last character checks."""
    if len(code) != 18:
        return False
    if code[:17].isdigit() and (code[17].isdigit() or code[17] == "X") and code[6:8] in ("19", "20"):
        return id_check(code[:17]) == code[17]
    return all(c in CREDIT_CHARS for c in code) and credit_check(code[:17]) == code[17]
