"""Enforcement officers and their certificate numbers (执法证号), statutes.md Art. 42/55.

Accepted: "执法人员：张三（执法证号：11010012345）、李四（执法证号：…）", "执法人员张三、李四，执法证号分别为
…、…", "检查人：张三、李四  执法证号：…、…", and table rows "执法人员 | 张三 | 证件号 | …" (a row of names and
numbers under such a row too). A certificate number is an alphanumeric code of 6–20 characters next to the
name (domain.md "Officers"). After the label the text is read as a small grammar (names, numbers, fillers),
so narrative like "执法人员于3月5日到现场" yields no names.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ingest.extract.text import is_table_row, split_cells
from ingest.normalize import fold

_LABEL = re.compile(
    r"(?<!被)(?<!受)(?:执法人员|行政执法人员|执法人|检查人员|检查人|询问人员|询问人|调查人员|调查人|办案人员|办案人|"
    r"承办人员|承办人|主办人|协办人|经办人|记录人|勘验人|执法检查人员|现场执法人员)"
    # "承办人意见", "调查人员陈述": the label word is part of another label, not followed by names
    r"(?!员|汇报|介绍|报告|称|表示|指出|回答|补充|发言|意见|陈述|说明|情况|认为|提出|建议|签名日期|职务|单位|所在|在|于|对|依法|进行|到|发现|应当|出示|已|向|共同)"
)
_FILLER = re.compile(
    r"(?:[\s:：、，,;；()（）|/和及与]|分别为|分别是|分别|依次为|执法证件号码|执法证件号|执法证编号|执法证号|执法证号码|"
    r"执法证|证件号码|证件号|证件编号|证号|编号|号码|执法资格证号|行政执法证号|签名|签字|签章|姓名|及执法证号|"
    r"等|二人|两人|2人|同志|（签名）|NO\.?|No\.?|No|no)+"
)
_CERT = re.compile(r"(?<![A-Za-z0-9])(?=[A-Za-z0-9-]*\d)[A-Za-z0-9][A-Za-z0-9-]{4,18}[A-Za-z0-9](?![A-Za-z0-9])")
_NAME = re.compile(
    r"[\u4e00-\u9fa5][\u4e00-\u9fa5·]{1,3}?"
    r"(?=执法|证件|证号|编号|签名|签字|分别|同志|[\s、，,;；:：()（）|/和及与等]|[A-Za-z0-9]|$)"
)
_NOT_NAME = re.compile(
    r"^(?:我们|本局|我局|本机关|你单位|单位|时间|地点|日期|记录|记录人|执法|证件|证号|出示|现场|依法|以上|其中|"
    r"年|月|日|签名|签字|负责人|工作单位|联系电话|电话|职务|被询问人|被检查人|当事人|见证人|在场|无|本人|是|对|向|"
    r"对你|已|于|在|经|由|为|进行|检查|询问|调查|人员|等人|同志|局|所|队|科|股|站|中心|大队|支队|执法人员)$"
)
_SEGMENT_END = re.compile(r"[。；;]|被询问人|被检查人|当事人|见证人|联系电话|电话|地点|时间|工作单位|职务|记录人|"
                          r"询问人|检查人|执法人员")


# "执法人员  执法证号" heading a list of "张三  11010012345" lines: a table printed to PDF or OCRed.
_CERT_HEADS = r"(?:执法证件号码|执法证件号|执法证编号|执法证号码|执法证号|执法证|证件号码|证件号|证号|编号)"
_HEADER_LINE = re.compile(
    rf"^\s*(?:{_LABEL.pattern})\s*(?:\([^()]{{0,8}}\))?\s*[:：]?\s*{_CERT_HEADS}\s*[:：]?\s*$"
)
_ROW_LINE = re.compile(r"^\s*[\u4e00-\u9fa5·]{2,5}\s+[A-Za-z0-9-]{6,20}(?:\s+[\u4e00-\u9fa5·]{2,5}\s+[A-Za-z0-9-]{6,20})*\s*$")


@dataclass(frozen=True, slots=True)
class OfficerHit:
    name: str
    cert: str | None
    line: int
    start: int
    end: int


def _parse(text: str, pos: int, end: int, line: int) -> list[OfficerHit]:
    """Names and numbers in text[pos:end], read as: (filler | name | number)*; stops at anything else."""
    out: list[OfficerHit] = []
    waiting: list[int] = []  # indexes in `out` of names still without a number
    gap = ""
    while pos < end:
        m = _FILLER.match(text, pos, end)
        if m and m.end() > pos:
            gap += m.group()
            pos = m.end()
            continue
        m = _CERT.match(text, pos, end)
        if m:
            if not waiting:
                break
            i = waiting.pop(0)
            hit = out[i]
            out[i] = OfficerHit(hit.name, m.group(), line, hit.start, m.end())
            pos, gap = m.end(), ""
            continue
        m = _NAME.match(text, pos, end)
        # after every name got its number, only a listed name (、 | or spaces before it) continues the list
        listed = not out or waiting or any(ch in gap for ch in "、|/ ") or ")" in gap
        if m and listed and not _NOT_NAME.match(m.group()):
            out.append(OfficerHit(m.group(), None, line, m.start(), m.end()))
            waiting.append(len(out) - 1)
            pos, gap = m.end(), ""
            continue
        break
    return out


def find_officers(text: str, line: int = 0) -> list[OfficerHit]:
    """Officers named after an officer label in one line of text."""
    folded = fold(text)
    out: list[OfficerHit] = []
    for m in _LABEL.finditer(folded):
        stop = _SEGMENT_END.search(folded, m.end())
        end = stop.start() if stop else len(folded)
        out.extend(_parse(folded, m.end(), end, line))
    return out


def find_officers_in_lines(lines: Sequence[str]) -> list[OfficerHit]:
    """Officers in a document's lines, table rows included; each name once, the first number kept."""
    found: list[OfficerHit] = []
    context = False  # the previous table row was an officer row: a following row of names/numbers belongs
    for index, line in enumerate(lines):
        folded = fold(line)
        if is_table_row(line):
            cells = split_cells(folded)
            row = " | ".join(cells)
            hits = find_officers(row, index)
            if not hits and context and not any(_LABEL.search(c) for c in cells):
                hits = [h for h in _parse(row, 0, len(row), index) if h.cert]
            context = bool(_LABEL.search(row)) or (context and bool(hits))
            found.extend(_map_back(line, h) for h in hits)
        elif context and _ROW_LINE.match(folded):
            found.extend(h for h in _parse(folded, 0, len(folded), index) if h.cert)
        else:
            context = bool(_HEADER_LINE.match(folded))
            if not context:
                found.extend(find_officers(line, index))
    return merge_officers(found)


def _map_back(line: str, hit: OfficerHit) -> OfficerHit:
    """Offsets of a hit found in a rebuilt table row, mapped onto the original line."""
    start = line.find(hit.name)
    if start < 0:
        return OfficerHit(hit.name, hit.cert, hit.line, 0, len(line))
    end = line.find(hit.cert, start) + len(hit.cert) if hit.cert and hit.cert in line[start:] else start + len(hit.name)
    return OfficerHit(hit.name, hit.cert, hit.line, start, end)


def merge_officers(hits: Sequence[OfficerHit]) -> list[OfficerHit]:
    """Each name once, in order of appearance; a later number fills a missing one."""
    by_name: dict[str, int] = {}
    out: list[OfficerHit] = []
    for hit in hits:
        if hit.name in by_name:
            i = by_name[hit.name]
            if out[i].cert is None and hit.cert:
                out[i] = hit
            continue
        by_name[hit.name] = len(out)
        out.append(hit)
    # "龚艳韩勇" (a signature line whose gap was lost in a scan) when 龚艳 and 韩勇 are listed too
    names = set(by_name)
    return [h for h in out if h.cert or not any(
        h.name[:cut] in names and h.name[cut:] in names for cut in range(2, len(h.name) - 1))]
