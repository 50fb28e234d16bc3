"""A document's layout: its blocks as lines, and as paragraphs with PDF/OCR line wraps joined back.

Every collector reads a document through `Layout` and turns an offset in a line or paragraph into evidence
that names the block where the value starts.
"""

from __future__ import annotations

import re

from ingest.extract.dates import find_dates
from ingest.extract.fields import FieldHit
from ingest.extract.forms import form_lines
from ingest.extract.text import quote_span
from ingest.model import Document, Evidence, Found, TextBlock, TextOrigin
from ingest.normalize import fold, is_page_mark, no_spaces

HEAD_BLOCKS = 10  # blocks at the top where a document's own number and party are written
TAIL_BLOCKS = 10  # blocks at the end where the 落款 (agency, date, seal) is written
# The seal mark written in a 落款 beside the agency's name and the date.
SEAL = re.compile(r"[(（]\s*(?:印章|盖章|公章|章|签章|单位印章)\s*[)）]|\(?(?:印章|盖章)\)?$")


# A new "标签：" line, or a form row "标签  值" (a table printed without its grid), is never a wrapped tail.
_LABEL_START = re.compile(
    r"\s*(?!执法证|证号|证件)[\u4e00-\u9fa5()（）]{2,12}[:：]|\s*[\u4e00-\u9fa5]{2,12}(?:[(（][^()（）]{1,10}[)）])?[ \t\u3000]+\S"
    r"|\s*[问答][:：]"
)
# a colon ends a paragraph (a label, "如下："), except "即：", which restates what comes next in the same sentence
_PARA_END = re.compile(r"(?:[。；;！？!?）)】」”]|(?<!即)[：:])\s*$")
_INDENT = re.compile(r"^[ \t\u3000]+\S")  # a first-line indent starts a paragraph, never a wrapped tail
# a numbered heading or list item (一、 （二） 3. 4、) starts a paragraph, never a wrapped tail; "（一）项" and
# "第二十五条" at a line's start are a citation wrapped mid-way
_NUMBERED = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十\d]{1,3}[)）](?![项款条])|\d{1,2}[.、．](?!\d))")
# "统一社会信用代码：9141…": a field whose value is a code does not run on into the next line
_CODE_FIELD_END = re.compile(r"[:：]\s*[0-9A-Za-z*×\-]{6,}$")
_CONTINUED = re.compile(r"\(续页?\)$|续页$")
_PROSE = re.compile(r"[，,、。；;]")
_QA = re.compile(r"\s*[问答][:：]")
_MAX_PRINTED_LINE = 60  # characters in one printed line of an A4 page at the smallest usual size


def _label_start(text: str) -> bool:
    """Whether a line starts a new "标签：" field. A label holding an unclosed bracket ("们的执法证件（执法证编号："
    after a line wrapped at 这是我) is a sentence going on, not a label: labels close what they open (检查（勘察）时间：)."""
    m = _LABEL_START.match(text)
    if not m:
        return False
    label = m.group()
    return label.count("(") + label.count("（") <= label.count(")") + label.count("）")


def _date_only(text: str) -> bool:
    """A line that is nothing but a date (a 落款 under a signature) never continues the line above."""
    if len(text) > 24:
        return False
    hits = find_dates(text, with_time=False)
    return len(hits) == 1 and len(no_spaces(text[: hits[0].start] + text[hits[0].end :])) <= 1


class Layout:
    """A document's blocks, and its paragraphs: PDF/OCR lines wrapped mid-sentence joined back together.

    Line-based parsers (numbers, party, fields, officers) read `lines`; sentence-based ones (amounts,
    citations, clauses, dates) read `paras`. Evidence always names the block where a value starts.
    """

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        blocks = list(doc.blocks)
        if not blocks and doc.tables:
            blocks = [
                TextBlock("\t".join(row), table.position, in_table=True) for table in doc.tables for row in table.rows
            ]
        self.blocks = blocks
        self.raw = [b.text for b in blocks]
        # parsers read form rows that lost their table ("受送达人 X公司") as "受送达人：X公司"
        self.lines = form_lines(self.raw)
        self.folded = [fold(t) for t in self.lines]
        self.paras: list[str] = []
        self.para_starts: list[list[tuple[int, int]]] = []  # per paragraph: (offset, block index)
        self.para_of_block: list[int] = []
        self._join()
        self.pfolded = [fold(t) for t in self.paras]

    def _join(self) -> None:
        wrapped_len = 0
        if self.doc.file_format == "pdf" or any(b.origin == TextOrigin.OCR for b in self.blocks):
            lengths = sorted(len(t.strip()) for t, b in zip(self.lines, self.blocks, strict=True) if not b.in_table)
            if len(lengths) >= 4:
                wrapped_len = max(12, int(lengths[int(len(lengths) * 0.9) - 1] * 0.75))
        else:
            wrapped_len = self._copied_width()
        furniture = self._furniture() if wrapped_len else set()
        previous_wraps = False
        for i, (text, block) in enumerate(zip(self.lines, self.blocks, strict=True)):
            if previous_wraps and i in furniture:
                # a page number or running header between the two halves of a sentence: the sentence goes on
                self.para_of_block.append(len(self.paras) - 1)
                continue
            if (
                previous_wraps and not block.in_table and not _label_start(text) and not _date_only(text)
                and not _INDENT.match(text) and not _NUMBERED.match(text)
            ):
                offset = len(self.paras[-1])
                self.paras[-1] += text.strip()
                self.para_starts[-1].append((offset, i))
            else:
                self.paras.append(text.strip() if wrapped_len else text)
                self.para_starts.append([(0, i)])
            self.para_of_block.append(len(self.paras) - 1)
            stripped = text.strip()
            previous_wraps = bool(
                wrapped_len and not block.in_table and len(stripped) >= wrapped_len and not _PARA_END.search(stripped)
                and not _CODE_FIELD_END.search(stripped)
            )

    def _furniture(self) -> set[int]:
        """Blocks that are page furniture, not text: page numbers, and running headers or footers (a line at
        the top or bottom of a page that also stands at the top or bottom of another page, or says 续页)."""
        out: set[int] = set()
        edges: dict[str, set[int]] = {}
        by_page: dict[int, list[int]] = {}
        for i, block in enumerate(self.blocks):
            if block.in_table:
                continue
            if block.position.page is not None:
                by_page.setdefault(block.position.page, []).append(i)
            elif is_page_mark(self.folded[i]):
                out.add(i)  # a page number copied into a Word file with the text around it
        for page, indexes in by_page.items():
            for i in indexes[:2] + indexes[-2:]:
                key = no_spaces(self.folded[i])
                if is_page_mark(key) or _CONTINUED.search(key):
                    out.add(i)
                elif key:
                    edges.setdefault(key, set()).add(page)
        for page, indexes in by_page.items():
            for i in indexes[:2] + indexes[-2:]:
                if len(edges.get(no_spaces(self.folded[i]), ())) > 1 and page > min(by_page):
                    out.add(i)
        return out

    def _copied_width(self) -> int:
        """The wrap length when a Word file holds text copied from a PDF (every printed line its own paragraph,
        cut mid-sentence at one width), else 0: a normal paragraph is a whole sentence or more."""
        prose = [
            t for t in (line.strip() for line, b in zip(self.lines, self.blocks, strict=True) if not b.in_table)
            if len(t) >= 16 and _PROSE.search(t) and not _QA.match(t)
        ]
        if len(prose) < 4:
            return 0
        width = sorted(len(t) for t in prose)[int(len(prose) * 0.9) - 1]
        if width > _MAX_PRINTED_LINE:
            return 0
        cut = [t for t in prose if len(t) >= 0.8 * width and not _PARA_END.search(t)]
        if len(cut) < 3 or len(cut) < 0.4 * len(prose):
            return 0
        return max(12, int(width * 0.75))

    def evidence(self, line: int, start: int = 0, end: int | None = None) -> Evidence:
        text = self.lines[line]
        if len(self.raw[line]) == len(text):
            text = self.raw[line]  # same offsets: quote the words as written
        end = len(text) if end is None else end
        return Evidence(self.doc.source_file, self.blocks[line].position, quote_span(text, start, end))

    def found(self, value, line: int, start: int = 0, end: int | None = None) -> Found:
        return Found(value, self.evidence(line, start, end))

    def pfound(self, value, para: int, start: int = 0, end: int | None = None) -> Found:
        """A value found in paragraph `para` at [start, end): evidence at the block holding `start`."""
        text = self.paras[para]
        end = len(text) if end is None else end
        block = self.para_starts[para][0][1]
        for offset, index in self.para_starts[para]:
            if offset <= start:
                block = index
        return Found(value, Evidence(self.doc.source_file, self.blocks[block].position, quote_span(text, start, end)))


def field_span(d: Layout, hit: FieldHit) -> tuple[int, int]:
    """Where a labelled field's value stands in its line (the whole line when it was pieced together, or when
    the label was read blank: the line shows the empty field)."""
    start = d.lines[hit.line].find(hit.value) if hit.value else -1
    return (start, start + len(hit.value)) if start >= 0 else (0, len(d.lines[hit.line]))
