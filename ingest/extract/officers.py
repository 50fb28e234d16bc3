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
    r"承办人员|承办人|主办人|协办人|经办人|记录人|勘验人|执法检查人员|现场执法人员|"
    # a record that serves two acts names them in brackets: 检查（勘验）人员, 检查（勘察）人 (农业, 生态环境 forms)
    r"检查\((?:勘验|勘察|勘查)\)(?:人员|人)|"
    # the officers' titles in sector forms: 卫生监督员签名：…, 交通警察：张伟（警号012345）
    r"(?:卫生|食品药品|环境|劳动保障|安全生产|市场)?(?:监督员|监察员|稽查员)|交通警察|人民警察|民警)"
    # "承办人意见", "调查人员陈述": the label word is part of another label, not followed by names
    # "申请执法人员回避": the officers are the object of the party's right, not a list
    r"(?!员|汇报|介绍|报告|称|表示|指出|回答|补充|发言|意见|陈述|说明|情况|认为|提出|建议|签名日期|职务|单位|所在|在|于|对|依法|进行|到|发现|应当|出示|已|向|共同|回避)"
)
_FILLER = re.compile(
    r"(?:(?:执法证件号码|执法证件号|执法证号码|执法证号|执法证编号|证件号码|证件号|证号)\s*(?:分别|依次)?\s*(?:为|是)|"
    r"[\s:：、，,;；()（）|/和及与]|分别为|分别是|分别|依次为|执法证件号码|执法证件号|执法证编号|执法证号|执法证号码|"
    r"执法证|证件号码|证件号|证件编号|证号|编号|号码|执法资格证号|行政执法证号|警号|签名|签字|签章|姓名|及执法证号|"
    r"等|二人|两人|2人|同志|（签名）|NO\.?|No\.?|No|no)+"
)
# A province's abbreviation may lead the number (湘A0123456): only when a letter or digit follows it at once.
_PROVINCE = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
_CERT = re.compile(
    rf"(?<![A-Za-z0-9])(?:[{_PROVINCE}](?=[A-Za-z0-9]))?"
    r"(?=[A-Za-z0-9-]*\d)[A-Za-z0-9][A-Za-z0-9-]{4,18}[A-Za-z0-9](?![A-Za-z0-9])"
)
# A two-character name spread out to the width of three ("王  五"): one character, spaces, one character.
# Not when a third spread character follows ("欧 阳 明" is one name, not 欧阳).
_SPREAD_NAME = re.compile(
    r"(?<![\u4e00-\u9fa5])[\u4e00-\u9fa5][ \u3000]{1,4}[\u4e00-\u9fa5]"
    r"(?![\u4e00-\u9fa5·])(?![ \u3000]{1,4}[\u4e00-\u9fa5](?![\u4e00-\u9fa5]))"
)
_NAME = re.compile(
    r"[\u4e00-\u9fa5][\u4e00-\u9fa5·]{1,3}?"
    r"(?=执法|证件|证号|编号|签名|签字|分别|同志|[\s、，,;；:：()（）|/和及与等]|[A-Za-z0-9]|$"
    # what officers do right after their names in running text: 执法人员周婷、王丽娟向当事人出示…
    r"|向|于|到|在|对|将|前往|出示|依法|进行|当场|共同|一同|一起|持|均|已|亮明|来到|赴|会同)"
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


_CERT_WORD = re.compile(_CERT_HEADS)
_NUMBER_WORD = re.compile(r"证|编号|号码|/|\(")
_CERT_LIST_LINE = re.compile(rf"^\s*(?:执法)?{_CERT_HEADS}\s*(?:分别|依次)?\s*(?:为|是)?\s*[:：]?\s*")
_ROW_NUMBER = re.compile(r"^\s*(?:\d{1,3}|[一二三四五六七八九十]{1,2})\s*\.?\s*$")


# Officers a decision names only in its evidence list, by their certificates: "3.张三、李四行政执法证复印件各1份"
# or "执法证复印件2份，证明张三、李四的身份". The names stand straight before 执法证 at the item's start, or
# after 证明 before 的身份/资格: a list of names there, nothing else.
_NAME_LIST = r"[\u4e00-\u9fa5·]{2,4}?(?:[、和及][\u4e00-\u9fa5·]{2,4}?)*"
_CERTS_OF_NAMES = re.compile(
    rf"^\s*(?:\d{{1,2}}\s*[.、．]|[(（]\d{{1,2}}[)）])?\s*(?P<names>{_NAME_LIST})的?(?:行政)?执法(?:证|证件)"
    # an evidence item is a copy of the certificates; "们的执法证件（…" is a sentence wrapped after 这是我
    r"(?=[^。；;]{0,4}(?:复印件|复印|扫描件|影印件))"
)
_CERTS_PROVE_NAMES = re.compile(
    rf"执法(?:证|证件)[^。；;]{{0,20}}?证明(?P<names>{_NAME_LIST})(?:二人|两人|等人?)?的(?:执法)?(?:身份|资格|主体资格)"
)


@dataclass(frozen=True, slots=True)
class OfficerHit:
    name: str
    cert: str | None
    line: int
    start: int
    end: int


def _parse(text: str, pos: int, end: int, line: int) -> list[OfficerHit]:
    """Names and numbers in text[pos:end], read as: (filler | name | number)*; stops at anything else."""
    return _parse_at(text, pos, end, line)[0]


def _numbered(text: str, pos: int, end: int) -> bool:
    """Whether text[pos:] is a certificate number, after a filler that says so (（执法证号：…, /…)."""
    m = _FILLER.match(text, pos, end)
    if not m or not _NUMBER_WORD.search(m.group()):
        return False
    return _CERT.match(text, m.end(), end) is not None


def _parse_at(text: str, pos: int, end: int, line: int) -> tuple[list[OfficerHit], int]:
    """`_parse`, and where it stopped."""
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
        m = _SPREAD_NAME.match(text, pos, end) or _NAME.match(text, pos, end)
        # "张三1101…李四1102…": names and numbers run together, each name straight before its own number
        run_on = bool(out and out[-1].cert and m and _CERT.match(text, m.end(), end))
        if out and not gap and not run_on:
            break  # two names need something between them: "王江瑞于当天" is a name and then the narrative
        name = re.sub(r"\s+", "", m.group()) if m else ""
        # after every name got its number, only a listed name (、 | spaces or a line break in a cell before it)
        # continues the list
        # (or any name whose own number follows it: "，李四/1101…", "），李四（执法证号：…）"); "），现场检查，"
        # after a number is narrative going on
        listed = not out or waiting or any(ch in gap for ch in "、|/ \n\t")
        if m and not listed:
            listed = run_on or _numbered(text, m.end(), end)
        if m and listed and not _NOT_NAME.match(name):
            out.append(OfficerHit(name, None, line, m.start(), m.end()))
            waiting.append(len(out) - 1)
            pos, gap = m.end(), ""
            continue
        break
    return out, pos


_FIELD_AFTER_LABEL = re.compile(r"\s*(?:\([^()]{0,8}\))?\s*[:：|]")
_LIST_GAP = re.compile(r"[、，,和及与\s|/]")


def _plausible(hits: list[OfficerHit], folded: str, label_end: int) -> list[OfficerHit]:
    """Names a reader would take for officers: each with its certificate number, or a list of names after
    the label, or the one name of a form field (执法人员：张三). A word after the label in running text
    (执法人员当场查获…, 执法人员以予采纳) or words around a noun (执法证件复印件) are not names."""
    if not hits or all(h.cert for h in hits):
        return hits
    if _FIELD_AFTER_LABEL.match(folded, label_end):
        return hits
    if len(hits) == 1:
        return []
    listed = all(_LIST_GAP.search(folded[a.end : b.start]) for a, b in zip(hits, hits[1:], strict=False))
    return hits if listed else [h for h in hits if h.cert]


def find_officers(text: str, line: int = 0) -> list[OfficerHit]:
    """Officers named after an officer label in one line of text."""
    folded = fold(text)
    out: list[OfficerHit] = []
    for m in _LABEL.finditer(folded):
        stop = _SEGMENT_END.search(folded, m.end())
        end = stop.start() if stop else len(folded)
        out.extend(_plausible(_parse(folded, m.end(), end, line), folded, m.end()))
        # "张三，执法证号：…；李四，执法证号：…": the list goes on after a semicolon with the next numbered name
        while out and out[-1].cert and stop and stop.group() in "；;":
            name = _NAME.match(folded, stop.end())
            if not name or _NOT_NAME.match(name.group()) or not _numbered(folded, name.end(), len(folded)):
                break
            start = stop.end()
            stop = _SEGMENT_END.search(folded, start)
            more = _parse(folded, start, stop.start() if stop else len(folded), line)
            out.extend(h for h in more if h.cert)
    return out


def find_officers_by_certificates(text: str, line: int = 0) -> list[OfficerHit]:
    """Officers named in an evidence item about their certificates (no officer label before them)."""
    folded = fold(text)
    for pattern in (_CERTS_OF_NAMES, _CERTS_PROVE_NAMES):
        m = pattern.search(folded)
        if not m:
            continue
        names = re.split(r"[、和及]", m["names"])
        if any(_NOT_NAME.match(n) or _LABEL.search(n) for n in names):
            continue
        out, pos = [], m.start("names")
        for name in names:
            out.append(OfficerHit(name, None, line, pos, pos + len(name)))
            pos += len(name) + 1
        return out
    return []


def _continuation(folded: str, previous: list[OfficerHit], index: int) -> list[OfficerHit]:
    """Officers on a line under an officer line, without a label of its own: "          李四  执法证号：…" under
    "执法人员：张三  执法证号：…", or "执法证号：…、…" under "执法人员：张三、李四". Only a line that is
    nothing else counts."""
    if all(h.cert for h in previous):
        hits, pos = _parse_at(folded, 0, len(folded), index)
        if hits and all(h.cert for h in hits) and not folded[pos:].strip() and _CERT_WORD.search(folded):
            return hits
        return []
    m = _CERT_LIST_LINE.match(folded)
    if not m or any(h.cert for h in previous):
        return []
    certs = _CERT.findall(folded, m.end())
    if len(certs) != len(previous) or _FILLER.sub("", _CERT.sub("", folded[m.end() :])):
        return []
    return [OfficerHit(h.name, cert, h.line, h.start, h.end) for h, cert in zip(previous, certs, strict=True)]


def find_officers_in_lines(lines: Sequence[str]) -> list[OfficerHit]:
    """Officers in a document's lines, table rows included; each name once, the first number kept."""
    found: list[OfficerHit] = []
    context = False  # the previous table row was an officer row: a following row of names/numbers belongs
    previous: list[OfficerHit] = []  # officers named on the line before (text lines)
    for index, line in enumerate(lines):
        folded = fold(line)
        above, previous = previous, []
        if above and not is_table_row(line) and not _LABEL.search(folded):
            more = _continuation(folded, above, index)
            if more:
                found.extend(more)
                previous = more
                continue
        if is_table_row(line):
            cells = split_cells(folded)
            row = " | ".join(cells)
            hits = find_officers(row, index)
            if not hits and context and not any(_LABEL.search(c) for c in cells):
                if len(cells) > 2 and _ROW_NUMBER.match(cells[0]):
                    row = " | ".join(cells[1:])  # a 序号 column before the name
                hits = [h for h in _parse(row, 0, len(row), index) if h.cert]
            context = bool(_LABEL.search(row)) or (context and bool(hits))
            found.extend(_map_back(line, h) for h in hits)
        elif context and _ROW_LINE.match(folded):
            found.extend(h for h in _parse(folded, 0, len(folded), index) if h.cert)
        else:
            context = bool(_HEADER_LINE.match(folded))
            if not context:
                previous = find_officers(line, index)
                found.extend(previous or find_officers_by_certificates(line, index))
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
