"""Form rows that lost their table: a label and its value on one text line, separated by spaces.

A form (送达回证, 立案审批表 …) printed to PDF, scanned and OCRed, or typed with spaces for alignment has no
table grid left: "受送达人 北京市宏远物资有限公司", "当事人 X公司   案件来源 举报", and a long label may wrap
over lines ("统一社会信用代码（" / "身份证件号码）" / value on the next line). `form_lines` rewrites such lines
into the "标签：值" shape the parsers already read: a known label (and only a known one, so prose is never
taken for a form) followed by whitespace gets a colon in place of its first whitespace character, so that
offsets into the line stay those of the original. Wrapped labels are joined onto the value's line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ingest.extract.credit_code import check_code
from ingest.extract.fields import LABELS
from ingest.extract.party import LABEL_SYNONYMS
from ingest.extract.text import is_table_row
from ingest.normalize import fold

# Labels a form row may start with: the field labels, the party labels and the officer labels.
_OFFICER_LABELS = ("执法人员", "行政执法人员", "执法人", "检查人员", "检查人", "询问人", "询问人员", "调查人", "调查人员",
                   "办案人员", "办案人", "承办人", "承办人员", "主办人", "协办人", "经办人", "记录人", "勘验人")
_EXTRA = ("法定代表人", "负责人", "住所", "地址", "联系电话", "职务", "性别", "年龄", "工作单位", "送达人", "备注",
          "案件名称", "处罚内容", "处罚依据", "拟处罚意见", "执行情况", "审批日期", "决定书文号", "缴款人", "执收单位",
          "缴款日期", "收款银行", "收入项目", "法制机构意见", "案情简述", "登记人", "登记日期")
KNOWN_LABELS: frozenset[str] = frozenset(
    fold(s).replace("（", "(").replace("）", ")")
    for s in (*(s for syns in LABELS.values() for s in syns), *LABEL_SYNONYMS, *_OFFICER_LABELS, *_EXTRA)
)
_ALT = "|".join(
    re.escape(s).replace(r"\(", r"\s*\(\s*").replace(r"\)", r"\s*\)\s*") for s in sorted(KNOWN_LABELS, key=len, reverse=True)
)
_NOTE = r"(?:\s*\([^()]{1,12}\))?"  # 统一社会信用代码(身份证件号码), 受送达人(签名)
# A label at the start of a line or after a gap, then whitespace and a value that is neither a colon nor
# prose running on (当事人 于3月5日… is a wrapped sentence, not a form row).
_SPACED = re.compile(
    rf"(?:^\s*|(?<=\s))(?P<label>{_ALT}){_NOTE}(?P<gap>[ \t\u3000]+)(?=[^\s:：])(?![的之了着过已对将系]|[于在自从至到]\s*[\d〇○二])"
)
_COLON_LABEL = re.compile(rf"^\s*(?:{_ALT}){_NOTE}\s*[:：]")
_LABEL_LIKE = re.compile(r"^[\u4e00-\u9fff()/、]{2,24}$")
# A known label spread out to align a column ("当 事 人：", "住    所：", "询 问 人："), then a colon.
_SPREAD = re.compile(
    r"(?:^|(?<=[ \t\u3000]{2})|(?<=[,，;；。]))[ \t\u3000]*"
    r"(?P<label>[\u4e00-\u9fff](?:[ \t\u3000]{0,6}[\u4e00-\u9fff]){1,11})[ \t\u3000]*(?=[:：])"
)
_WIDE_GAP = re.compile(r"[ \t\u3000]{2,}")
_SPREAD_HINT = re.compile(r"[\u4e00-\u9fff][ \t\u3000]+[\u4e00-\u9fff][ \t\u3000]*[\u4e00-\u9fff:：]")
_SPACE = re.compile(r"\s+")


def _squashed(line: str) -> str:
    return _SPACE.sub("", fold(line)).replace("（", "(").replace("）", ")")


def _open_parens(text: str) -> int:
    return text.count("(") - text.count(")")


def _label_head(text: str) -> bool:
    """Whether `text` (whitespace removed, folded) starts with a known label."""
    return any(text.startswith(label) for label in KNOWN_LABELS if len(label) >= 2)


def _compact(line: str) -> str:
    """'当 事 人：X' → '当事人  ：X' (same length): a spread-out label's characters brought together, the
    spaces moved before its colon, so that the parsers read it and every offset after it stays the same."""
    if not _SPREAD_HINT.search(line):
        return line
    out = list(line)
    for m in _SPREAD.finditer(fold(line)):
        start, text = m.start("label"), m["label"]
        # the label may follow a spread-out value after a wide gap ("王  某  住  所："): take the longest
        # known label the token ends with, starting the token or after a wide gap
        for cut in [0, *(g.end() for g in _WIDE_GAP.finditer(text))]:
            chars = [ch for ch in text[cut:] if not ch.isspace()]
            if "".join(chars) in KNOWN_LABELS:
                break
        else:
            continue
        if len(chars) == len(text) - cut:
            continue
        out[start + cut : start + len(text)] = chars + [" "] * (len(text) - cut - len(chars))
    return "".join(out)


def _spaced(line: str) -> str:
    """'受送达人 X公司' → '受送达人：X公司' (same length): known labels followed by whitespace get a colon."""
    folded = fold(line)
    first = True
    out = list(line)
    for m in _SPACED.finditer(folded):
        label = _squashed(m["label"])
        if not first and len(label) < 3 and len(folded[: m.start()]) - len(folded[: m.start()].rstrip()) < 2:
            continue  # a short word inside a value ("… 时间 …") needs a wide gap before it to be a label
        if not first or m.start("label") == len(folded) - len(folded.lstrip()):
            out[m.start("gap")] = "："
        first = False
    return "".join(out)


_HEAD_TOKEN = re.compile(r"^\s*([\u4e00-\u9fff]{1,3})[ \t\u3000]+(?=\S)")


def _unstack_labels(out: list[str]) -> None:
    """A label written down a merged cell ("当事" / "人" beside the rows it heads: "当事 姓名 孙建民",
    "人 公民身份号码 …"): its pieces are blanked where they stand, so that each row's own label heads it."""
    for i in range(len(out) - 1):
        first, second = _HEAD_TOKEN.match(out[i]), _HEAD_TOKEN.match(out[i + 1])
        if not first or not second or is_table_row(out[i]) or is_table_row(out[i + 1]):
            continue
        if first.group(1) + second.group(1) not in KNOWN_LABELS or _squashed(first.group(1)) in KNOWN_LABELS:
            continue
        for j, m in ((i, first), (i + 1, second)):
            out[j] = " " * m.end(1) + out[j][m.end(1):]  # offsets kept


_CODE_HEAD = re.compile(r"(?<![0-9A-Za-z])[0-9A-Z]{8,17}\s*$")
_CODE_TAIL = re.compile(r"\s*[0-9A-Z]{1,10}\s*$")
# the tail opening a line that goes on with the next field: "H10 法定代表人：钱某" under "…代码：91320115MA7B2C8"
_CODE_TAIL_LEAD = re.compile(r"\s*(?P<tail>[0-9A-Z]{1,10})(?=[ \t\u3000]+\S)")


def _join_cut_codes(out: list[str]) -> None:
    """An 18-character code wrapped at the line's end ("统一社会信用代码 913201177250341" / "874"): the tail is
    joined back when only the whole passes its check character (the tail's own line becomes '', or spaces where
    the next field goes on after it: "874 法定代表人：…")."""
    for i in range(len(out) - 1):
        head, tail = _CODE_HEAD.search(out[i]), _CODE_TAIL.fullmatch(out[i + 1])
        lead = None if tail else _CODE_TAIL_LEAD.match(out[i + 1])
        if not head or not (tail or lead) or is_table_row(out[i]) or is_table_row(out[i + 1]):
            continue
        piece = tail.group().strip() if tail else lead["tail"]
        code = head.group().strip() + piece
        if len(code) == 18 and check_code(code).valid and not check_code(head.group().strip()).valid:
            # a tail before another field leaves spaces in its place: the field keeps its offsets
            rest = "" if tail else " " * lead.end() + out[i + 1][lead.end():]
            out[i], out[i + 1] = out[i].rstrip() + piece, rest


def form_lines(lines: Sequence[str]) -> list[str]:
    """`lines` with label/value form rows written as '标签：值'; same number of lines, same offsets except
    where a wrapped label was joined onto its value's line (the label's own lines become '')."""
    out = list(lines)
    _join_cut_codes(out)
    _unstack_labels(out)
    i = 0
    while i < len(out):
        line = out[i]
        if is_table_row(line) or not line.strip():
            i += 1
            continue
        line = out[i] = _compact(line)
        head = _squashed(line)
        # "统一社会信用代码（" / "身份证件号码）" [/ value]: a label wrapped inside its parenthesis
        if (
            i + 1 < len(out)
            and _open_parens(head) > 0
            and _LABEL_LIKE.match(head)
            and _label_head(head)
            and not is_table_row(out[i + 1])
        ):
            nxt = _squashed(out[i + 1])
            close = nxt.find(")")
            if 0 <= close <= 14 and _LABEL_LIKE.match(nxt[: close + 1]):
                label = head + nxt[: close + 1]
                rest = _value_after(out[i + 1], close + 1)
                if rest:
                    out[i], out[i + 1] = "", f"{label}：{rest}"
                    i += 2
                    continue
                if i + 2 < len(out) and out[i + 2].strip() and not is_table_row(out[i + 2]) and not _label_head(
                    _squashed(out[i + 2])
                ):
                    out[i], out[i + 1], out[i + 2] = "", "", f"{label}：{out[i + 2].strip()}"
                    i += 3
                    continue
        out[i] = _spaced(line)
        # a printed label alone on its line with the next row's label below it: its cell was left blank (a
        # text PDF of a table without rules drops the empty cell); a colon makes the blank readable
        if (head in KNOWN_LABELS and len(head) >= 2 and i + 1 < len(out) and not is_table_row(out[i + 1])
                and (_SPACED.match(fold(out[i + 1])) or _COLON_LABEL.match(fold(out[i + 1])))):
            out[i] = line.rstrip() + "："
        i += 1
    return out


def _value_after(line: str, squashed_end: int) -> str:
    """The text of `line` after its first `squashed_end` non-space characters, stripped."""
    seen = 0
    for pos, ch in enumerate(line):
        if seen == squashed_end:
            return line[pos:].strip(" \t\u3000:：")
        if not ch.isspace():
            seen += 1
    return ""
