"""Case numbers (文号): 机关代字 + 〔year〕 + serial + 号, in every bracket style practice uses.

domain.md "Case number": 〔〕［］[]（）() brackets, optional 第, zero-padded / hyphenated / lettered serials,
prefixes in brackets ((津保)应急罚, 湛(吴)环罚字, 京建法罚（朝房）字). Values are returned as written with
whitespace removed; `kind` tells a decision number (罚决字 / 罚字) from a notice number (罚告字 / 告字).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.normalize import fold, squash

_PREFIX_CHAR = r"[\u3400-\u9fffA-Za-z0-9]"
_PREFIX_GROUP = r"\([\u3400-\u9fffA-Za-z0-9]{1,8}\)"
# Searched in folded, whitespace-free text: （）［］ are then ()[]; 〔〕【】 stay.
_CASE_NO = re.compile(
    rf"(?P<prefix>(?:{_PREFIX_GROUP}|{_PREFIX_CHAR}){{1,24}}?)"
    r"(?P<open>[〔\[(【])(?P<year>(?:19|20)\d{2})(?P<close>[〕\])】])"
    # a note in brackets may follow the serial: 湘攸交处罚〔2025〕092(非)号
    r"(?P<di>第)?(?P<serial>[A-Za-z0-9][A-Za-z0-9\-]{0,15}|X{1,4}-X{1,6})(?:\([\u4e00-\u9fff]{1,3}\))?号"
)
# Words that end what comes before an agency code: the prefix starts after the last of them.
_CUT = re.compile(
    r".*(?:书|号|的|了|根据|依据|依照|按照|文号|编号|案号|决定|对|于|经|以|即|为|是|见|在|及|和|与|或|向|将|按|"
    r"名称|文书|通知|字号|详见|作出|下达|送达|简称)"
)
_BRACKETED = re.compile(r"\([^()]{1,8}\)")
_PREFIX_START = re.compile(rf"(?:{_PREFIX_GROUP}|{_PREFIX_CHAR})")


@dataclass(frozen=True, slots=True)
class CaseNo:
    text: str  # as written, whitespace removed
    kind: str  # decision | notice | hearing | other
    year: int
    serial: str
    start: int  # offsets in the original (unsquashed) text
    end: int


def classify(number: str) -> str:
    """decision for …罚决字 / …罚字 / 罚(year); notice for …告字 / 罚告; hearing for 听告 / 听字."""
    m = re.search(r"[〔\[(【（［]\s*(?:19|20)\d{2}", number)
    prefix = number[: m.start()] if m else number
    prefix = re.sub(r"[(（][^)）]*[)）]", "", prefix)  # (津保) is a place, not a kind
    if "听" in prefix:
        return "hearing"
    if "告" in prefix:
        return "notice"
    if "罚" in prefix or "决" in prefix:
        return "decision"
    return "other"


def find_case_numbers(text: str) -> list[CaseNo]:
    """Every case number in `text`, in order of appearance."""
    compact, offsets = squash(text)
    folded = fold(compact)
    out: list[CaseNo] = []
    for m in _CASE_NO.finditer(folded):
        start = m.start("prefix")
        prefix = folded[start : m.end("prefix")]
        # a word inside a bracketed part of the 代字 (威自然执(经)罚字) does not end what comes before it
        cut = _CUT.match(_BRACKETED.sub(lambda g: "□" * len(g.group()), prefix))
        if cut:
            start += cut.end()
        # a prefix must start with a character or a complete bracketed group
        while start < m.start("open") and not _PREFIX_START.match(folded, start):
            start += 1
        if start >= m.start("open"):
            continue
        written = compact[start : m.end()]
        out.append(
            CaseNo(
                text=written,
                kind=classify(fold(written)),
                year=int(m["year"]),
                serial=m["serial"],
                start=offsets[start],
                end=offsets[m.end() - 1] + 1,
            )
        )
    return out


def case_no_key(number: str) -> str | None:
    """How two writings of one 文号 compare (a register's cell and the decision's own): the 代字 folded with
    its brackets unified, the year, the serial without 第 and leading zeros. 京市监罚〔2024〕012号 and
    京市监罚[2024]第12号 share a key; None when `number` holds no case number."""
    found = find_case_numbers(number)
    if not found:
        return None
    no = found[0]
    folded = fold(no.text)
    prefix = folded[: re.search(r"[〔\[(【](?:19|20)\d{2}[〕\])】]", folded).start()]
    prefix = prefix.replace("(", "（").replace(")", "）")
    return f"{prefix}〔{no.year}〕{no.serial.lstrip('0') or '0'}号"


# A line that ends inside a number: a 代字's bracketed part (威自然执(经)), or an opening bracket with or without
# the year (X罚字〔 / X罚字〔2024 / X罚字〔2024〕12): the next line holds the rest.
_OPEN_TAIL = re.compile(
    rf"(?:{_PREFIX_GROUP}|[〔\[(【]\s*(?:(?:19|20)\d{{0,2}}\s*(?:[〕\])】]\s*第?\s*[A-Za-z0-9\-]*)?)?)\s*$"
)


def find_case_numbers_in_lines(lines: list[str]) -> list[tuple[int, CaseNo]]:
    """Every case number of `lines` as (line index, number), also one a line end cut in two — a heading
    printed in a large size wraps where its width ends, not where a paragraph does. A number joined across
    two lines is reported on the line where it starts, with its end clipped to that line."""
    found = [[*find_case_numbers(line)] if "号" in line else [] for line in lines]
    for k in range(len(lines) - 1):
        head, tail = lines[k], lines[k + 1]
        if "号" not in tail or not _OPEN_TAIL.search(fold(head)):
            continue
        for no in find_case_numbers(head + tail):
            if not no.start < len(head) < no.end:
                continue
            cut_end = no.end - len(head)
            found[k + 1] = [n for n in found[k + 1] if n.end != cut_end]  # the number's second half alone
            found[k].append(CaseNo(no.text, no.kind, no.year, no.serial, no.start, min(no.end, len(head))))
    return [(k, no) for k, numbers in enumerate(found) for no in sorted(numbers, key=lambda n: n.start)]
