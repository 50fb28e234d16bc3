"""Identifiers a reviewer checks: 统一社会信用代码 (GB 32100), 组织机构代码 (GB 11714), 公民身份号码 (GB 11643).

Generated codes carry correct check characters so that only the planted `invalid_credit_code` defect makes a
check fail (domain.md: 统一社会信用代码).
"""

from __future__ import annotations

import random
from datetime import date

CREDIT_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


def credit_check_char(first17: str) -> str:
    """GB 32100 check character of the first 17 characters."""
    total = sum(CREDIT_CHARSET.index(ch) * w for ch, w in zip(first17, _CREDIT_WEIGHTS, strict=True))
    return CREDIT_CHARSET[(31 - total % 31) % 31]


def is_valid_credit_code(code: str) -> bool:
    if len(code) != 18 or any(ch not in CREDIT_CHARSET for ch in code):
        return False
    return credit_check_char(code[:17]) == code[17]


def _org_value(ch: str) -> int:
    return int(ch) if ch.isdigit() else ord(ch) - ord("A") + 10


def org_check_char(first8: str) -> str:
    """GB 11714 check character of a 组织机构代码 body."""
    c = 11 - sum(_org_value(ch) * w for ch, w in zip(first8, _ORG_WEIGHTS, strict=True)) % 11
    return "X" if c == 10 else "0" if c == 11 else str(c)


def make_credit_code(rng: random.Random, region: str, kind: str = "91") -> str:
    """A valid code: registration type (91 company, 92 个体工商户), region, 组织机构代码, check character."""
    while True:
        if rng.random() < 0.5:
            body = "MA" + "".join(rng.choice(CREDIT_CHARSET) for _ in range(6))
        else:
            body = "".join(rng.choice("0123456789") for _ in range(8))
        org = body + org_check_char(body)
        if all(ch in CREDIT_CHARSET for ch in org):  # the GB 11714 check may be X, which GB 32100 allows
            first17 = kind + region + org
            return first17 + credit_check_char(first17)


def corrupt_credit_code(code: str) -> str:
    """Same code with a wrong check character (the `invalid_credit_code` defect)."""
    good = code[17]
    bad = CREDIT_CHARSET[(CREDIT_CHARSET.index(good) + 7) % len(CREDIT_CHARSET)]
    return code[:17] + bad


def id_check_char(first17: str) -> str:
    """GB 11643 (ISO 7064 MOD 11-2) check character of a 公民身份号码."""
    return _ID_CHECK[sum(int(ch) * w for ch, w in zip(first17, _ID_WEIGHTS, strict=True)) % 11]


def make_citizen_id(rng: random.Random, region: str, birth: date, male: bool) -> str:
    seq = rng.randrange(0, 100) * 10 + (rng.choice((1, 3, 5, 7, 9)) if male else rng.choice((0, 2, 4, 6, 8)))
    first17 = f"{region}{birth:%Y%m%d}{seq:03d}"
    return first17 + id_check_char(first17)


def is_valid_citizen_id(code: str) -> bool:
    return len(code) == 18 and code[:17].isdigit() and id_check_char(code[:17]) == code[17]
