"""Identity codes: 统一社会信用代码 (GB 32100-2015), the embedded 组织机构代码 (GB 11714), 15-digit
营业执照注册号, 18-digit 公民身份号码 (GB 11643, ISO 7064 MOD 11-2). A masked code (91430102**********)
is reported as masked, never as invalid (domain.md "统一社会信用代码").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ingest.normalize import fold

USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_VALUE = {ch: i for i, ch in enumerate(USCC_CHARSET)}
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
MASK_CHARS = "*＊×xX"

# Candidates in text: 15-18 characters of code alphabet or mask characters.
_CANDIDATE = re.compile(r"(?<![0-9A-Za-z*])[0-9A-Z][0-9A-Za-z*×]{14,17}(?![0-9A-Za-z*])")


@dataclass(frozen=True, slots=True)
class CodeCheck:
    """kind: uscc | registration_no | id_card | unknown; status: valid | invalid | masked."""

    code: str
    kind: str
    status: str
    org_code_ok: bool | None = None  # USCC only: the embedded GB 11714 check

    @property
    def valid(self) -> bool:
        return self.status == "valid"


def uscc_check_char(first17: str) -> str:
    total = sum(_USCC_VALUE[ch] * w for ch, w in zip(first17, _USCC_WEIGHTS, strict=True))
    return USCC_CHARSET[(31 - total % 31) % 31]


def org_code_ok(code9: str) -> bool:
    """GB 11714: 8 body characters (0-9, A-Z as 10-35) and a check character (0-9 or X)."""
    if len(code9) != 9 or not re.fullmatch(r"[0-9A-Z]{8}[0-9X]", code9):
        return False
    total = sum(int(ch, 36) * w for ch, w in zip(code9[:8], _ORG_WEIGHTS, strict=True))
    c = 11 - total % 11
    expected = "X" if c == 10 else "0" if c == 11 else str(c)
    return code9[8] == expected


def registration_no_ok(code: str) -> bool:
    """15-digit 注册号: ISO 7064 MOD 11,10 over the 15 digits."""
    if not re.fullmatch(r"\d{15}", code):
        return False
    p = 10
    for ch in code[:14]:
        s = (p + int(ch)) % 10 or 10
        p = (s * 2) % 11
    return (p + int(code[14])) % 10 == 1


def id_card_ok(code: str) -> bool:
    """18-character 公民身份号码: birth date and MOD 11-2 check character."""
    code = code.upper()
    if not re.fullmatch(r"\d{17}[\dX]", code):
        return False
    if not _birth_date_ok(code):
        return False
    total = sum(int(ch) * w for ch, w in zip(code[:17], _ID_WEIGHTS, strict=True))
    return code[17] == _ID_CHECK[total % 11]


def _birth_date_ok(code: str) -> bool:
    try:
        return date(int(code[6:10]), int(code[10:12]), int(code[12:14])).year >= 1880
    except ValueError:
        return False


def _masked(code: str) -> bool:
    return "*" in code or "×" in code or "＊" in code or bool(re.search(r"[xX]{3,}", code))


def check_code(text: str, hint: str | None = None) -> CodeCheck:
    """Classify and validate one code as written; `hint` ('uscc' | 'id_card') comes from its label.

    A USCC is valid when its GB 32100 check character and its embedded GB 11714 check both hold.
    """
    code = fold(text).strip().replace(" ", "")
    upper = code.upper()
    if _masked(code):
        if len(code) == 15:
            return CodeCheck(code, "registration_no", "masked")
        kind = hint or ("uscc" if upper[:1] in "59YANG" or not upper[:1].isdigit() else "id_card")
        return CodeCheck(code, kind, "masked")
    if len(upper) == 18:
        digits_only = re.fullmatch(r"\d{17}[\dX]", upper) is not None
        if digits_only and id_card_ok(upper) and hint != "uscc":
            return CodeCheck(code, "id_card", "valid")
        if all(ch in _USCC_VALUE for ch in upper) and uscc_check_char(upper[:17]) == upper[17]:
            org_ok = org_code_ok(upper[8:17])
            return CodeCheck(code, "uscc", "valid" if org_ok else "invalid", org_ok)
        if hint == "id_card" or (hint is None and digits_only and _birth_date_ok(upper)):
            return CodeCheck(code, "id_card", "invalid")
        return CodeCheck(code, "uscc", "invalid")
    if len(upper) == 15 and upper.isdigit():
        return CodeCheck(code, "registration_no", "valid" if registration_no_ok(upper) else "invalid")
    return CodeCheck(code, "unknown", "invalid")


def find_codes(text: str) -> list[tuple[int, int, str]]:
    """(start, end, code) of every 15/18-character code-like token in `text`."""
    folded = fold(text)
    return [(m.start(), m.end(), text[m.start() : m.end()]) for m in _CANDIDATE.finditer(folded)
            if len(m.group()) in (15, 18)]
