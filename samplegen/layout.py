"""Lays a `Doc` out on A4 pages as positioned text lines and rules, shared by text and scanned PDFs.

Lines break between tokens (case numbers, dates, 《law titles》, numbers) where possible, so that values a
reader extracts are rarely split across lines, as in a well-typeset original.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from samplegen.document import Doc, Para, Table
from samplegen.fonts import pdf_safe, text_width

PAGE_W, PAGE_H = 595.27, 841.89
LEFT, RIGHT, TOP, BOTTOM = 64.0, 64.0, 72.0, 64.0
BODY = PAGE_W - LEFT - RIGHT
CELL_PAD = 4.0

_TOKEN = re.compile(
    r"[\u4e00-\u9fa5（）()]{0,10}[〔［\[（(]\d{4}[〕］\]）)]第?[A-Za-z0-9\-]+号"
    r"|\d{4}年\s?\d{1,2}月\s?\d{1,2}日(?:\d{1,2}时\d{2}分)?"
    r"|《[^》]{1,30}》"
    r"|第[一二三四五六七八九十百零]+[条款]"
    r"|第[（(]?[一二三四五六七八九十]+[）)]?项"
    r"|[A-Za-z0-9.\-￥]+"
    r"|.",
    re.S,
)


_NO_LINE_START = set("。，、；：？！）》〕］”’」』…")  # 避头: punctuation hangs into the margin instead


@dataclass(frozen=True)
class TextOp:
    x: float
    y: float  # baseline, from the top of the page
    text: str
    size: float


@dataclass(frozen=True)
class RuleOp:
    x1: float
    y1: float
    x2: float
    y2: float


@dataclass
class Page:
    ops: list[TextOp | RuleOp] = field(default_factory=list)


def wrap(text: str, size: float, width: float) -> list[str]:
    """Break text into lines no wider than `width`, between tokens when a token fits on a line."""
    lines: list[str] = []
    line = ""
    for m in _TOKEN.finditer(text):
        token = m.group(0)
        if text_width(line + token, size) <= width or (token in _NO_LINE_START and line):
            line += token
            continue
        if line:
            lines.append(line)
            line = ""
        for ch in token:  # a token wider than the line, or the start of a new line
            if text_width(line + ch, size) > width and line:
                lines.append(line)
                line = ""
            line += ch
    if line or not lines:
        lines.append(line)
    return lines


class _Cursor:
    def __init__(self) -> None:
        self.pages: list[Page] = [Page()]
        self.y = TOP

    def need(self, height: float) -> None:
        if self.y + height > PAGE_H - BOTTOM and self.y > TOP + 1:
            self.pages.append(Page())
            self.y = TOP

    @property
    def page(self) -> Page:
        return self.pages[-1]


def layout(doc: Doc) -> list[Page]:
    cur = _Cursor()
    for block in doc.blocks:
        if isinstance(block, Para):
            _para(cur, block)
        else:
            _table(cur, block)
    return cur.pages


def _para(cur: _Cursor, p: Para) -> None:
    size = p.size
    lead = size * 1.65
    indent = 2 * size if p.indent else 0.0
    text = pdf_safe(p.text)
    lines = wrap(text, size, BODY - indent) if indent == 0 else _wrap_indented(text, size, indent)
    if p.size > 14:
        cur.y += size * 0.5
    for i, line in enumerate(lines):
        cur.need(lead)
        cur.y += lead
        w = text_width(line, size)
        if p.align == "center":
            x = LEFT + (BODY - w) / 2
        elif p.align == "right":
            x = PAGE_W - RIGHT - w
        else:
            x = LEFT + (indent if i == 0 else 0.0)
        if line:
            cur.page.ops.append(TextOp(x, cur.y, line, size))
    if p.size > 14:
        cur.y += size * 0.6


def _wrap_indented(text: str, size: float, indent: float) -> list[str]:
    first = wrap(text, size, BODY - indent)[0]
    rest = text[len(first):]
    return [first, *wrap(rest, size, BODY)] if rest else [first]


def _table(cur: _Cursor, t: Table) -> None:
    size = 11.0
    lead = size * 1.5
    ncols = max(len(r) for r in t.rows)
    rel = list(t.widths) if len(t.widths) == ncols else [1.0] * ncols
    widths = [BODY * w / sum(rel) for w in rel]
    cur.y += size * 0.6
    for row in t.rows:
        cells = [wrap(pdf_safe(row[i]) if i < len(row) else "", size, widths[i] - 2 * CELL_PAD)
                 for i in range(ncols)]
        height = max(len(c) for c in cells) * lead + 2 * CELL_PAD
        cur.need(height)
        top = cur.y
        x = LEFT
        for i, lines in enumerate(cells):
            for k, line in enumerate(lines):
                if line:
                    cur.page.ops.append(TextOp(x + CELL_PAD, top + CELL_PAD + (k + 1) * lead - size * 0.35,
                                               line, size))
            x += widths[i]
        bottom = top + height
        ops = cur.page.ops
        ops.append(RuleOp(LEFT, top, LEFT + BODY, top))
        ops.append(RuleOp(LEFT, bottom, LEFT + BODY, bottom))
        x = LEFT
        for w in [0.0, *widths]:
            x += w
            ops.append(RuleOp(x, top, x, bottom))
        cur.y = bottom
    cur.y += size * 0.4
