"""Where a .docx block stands as a person sees it in Word: its page, the heading above it, its place under it.

Word numbers neither paragraphs nor, in the file, pages, so a block number is no place a reviewer can find.
Pages are counted from what the file records: hard page breaks (`w:br w:type="page"`), `w:pageBreakBefore`,
section breaks that start a new page, and the `w:lastRenderedPageBreak` hints Word saves where it last laid
out a page. Marks with no text between them are one break (Word writes a rendered hint right after a hard
break), and a file with no break gets no page at all (page 1 of 1 tells nothing). Pages that overflow without
a mark cannot be seen in the file: counted from hard breaks only, a page is the first it could be on.

A heading is a paragraph styled as one (Heading N / 标题 N / Title, or an outline level), a short centred or
bold line (a document's title, 询问笔录), or a short numbered line (一、 …, （一）…).
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterator
from typing import NamedTuple

from lxml import etree

from ingest.model import Position

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f"{{{W}}}"
VAL = f"{_W}val"
T, BR, LAST_RENDERED = f"{_W}t", f"{_W}br", f"{_W}lastRenderedPageBreak"
BR_TYPE = f"{_W}type"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True)

HEADING_MAX_CHARS = 30  # a heading is a line, not a sentence
BOLD_HEADING_MAX_CHARS = 20  # a bold line without centring or a number: shorter still (labels are bold too)
HEADING_QUOTE_CHARS = 20  # a longer heading is cut in the location text
_NUMBERED = re.compile(r"^\s*([一二三四五六七八九十]{1,3}\s*、|[（(]\s*[一二三四五六七八九十]{1,3}\s*[）)])")
_SENTENCE_END = re.compile(r"[。；;，,：:]\s*$")
_HEADING_STYLE = re.compile(r"^(heading\s*\d|标题\s*\d?|title)$", re.IGNORECASE)


def _on(element: etree._Element | None) -> bool:
    """A toggle property (w:b, w:pageBreakBefore) that is present and not switched off."""
    return element is not None and element.get(VAL, "true").lower() not in ("false", "0", "off")


class Styles:
    """What the document's paragraph styles say about headings: styled as one, centred, bold.

    Only the styles a candidate heading names are parsed, each cut out of styles.xml by its id: the part is
    often 50–350 KB (python-docx's template), and parsing it whole cost more than reading the text."""

    def __init__(self, load: Callable[[], bytes | None]) -> None:
        self._load = load
        self._xml: bytes | None = None
        self._by_id: dict[str, etree._Element | None] = {}

    def _style(self, style_id: str) -> etree._Element | None:
        if style_id not in self._by_id:
            if self._xml is None:
                self._xml = self._load() or b""
            found = re.search(rb'<w:style\b[^>]*\bw:styleId="' + re.escape(style_id.encode()) + rb'"[^>]*>.*?</w:style>',
                              self._xml, re.DOTALL)
            style = None
            if found:
                with contextlib.suppress(etree.XMLSyntaxError):
                    style = etree.fromstring(b'<w:styles xmlns:w="' + W.encode() + b'">' + found.group() +
                                             b"</w:styles>", _PARSER)[0]
            if style is not None and style.get(f"{_W}type", "paragraph") != "paragraph":
                style = None
            self._by_id[style_id] = style
        return self._by_id[style_id]

    def _chain(self, style_id: str):
        seen: set[str] = set()
        while style_id and style_id not in seen and (style := self._style(style_id)) is not None:
            seen.add(style_id)
            yield style
            based = style.find(f"{_W}basedOn")
            style_id = based.get(VAL, "") if based is not None else ""

    def is_heading(self, style_id: str) -> bool:
        for style in self._chain(style_id):
            name = style.find(f"{_W}name")
            if name is not None and _HEADING_STYLE.match(name.get(VAL, "").strip()):
                return True
            level = style.find(f"{_W}pPr/{_W}outlineLvl")
            if level is not None and level.get(VAL, "9").isdigit() and int(level.get(VAL, "9")) < 9:
                return True
        return False

    def property(self, style_id: str, path: str) -> etree._Element | None:
        for style in self._chain(style_id):
            found = style.find(path)
            if found is not None:
                return found
        return None


def is_heading(p: etree._Element, ppr: etree._Element | None, text: str, styles: Styles) -> bool:
    """A heading line: styled as one, or short and centred, bold or numbered (`ppr`: its w:pPr)."""
    line = text.strip()
    if not line or "\n" in line or len(line) > HEADING_MAX_CHARS or _SENTENCE_END.search(line):
        return False
    style_id = ""
    if ppr is not None:
        level = ppr.find(f"{_W}outlineLvl")
        if level is not None and level.get(VAL, "9").isdigit() and int(level.get(VAL, "9")) < 9:
            return True
        style = ppr.find(f"{_W}pStyle")
        style_id = style.get(VAL, "") if style is not None else ""
    if style_id and styles.is_heading(style_id):
        return True
    if _NUMBERED.match(line):
        return True
    jc = ppr.find(f"{_W}jc") if ppr is not None else None
    if jc is None and style_id:
        jc = styles.property(style_id, f"{_W}pPr/{_W}jc")
    if jc is not None and jc.get(VAL) == "center":
        return True
    return len(line) <= BOLD_HEADING_MAX_CHARS and "：" not in line and ":" not in line \
        and _all_bold(p, style_id, styles)


def _all_bold(p: etree._Element, style_id: str, styles: Styles) -> bool:
    style_bold = _on(styles.property(style_id, f"{_W}rPr/{_W}b")) if style_id else False
    runs = [r for r in p.iter(f"{_W}r") if "".join(t.text or "" for t in r.iter(T)).strip()]
    if not runs:
        return False
    for r in runs:
        bold = r.find(f"{_W}rPr/{_W}b")
        if not (_on(bold) if bold is not None else style_bold):
            return False
    return True


class PageCounter:
    """The page each block starts on, from the page marks met in document order."""

    def __init__(self) -> None:
        self.page = 1
        self._pending = False  # a mark since the last text: the next text starts a page
        self._text_on_page = False

    def mark(self) -> None:
        if self._text_on_page:
            self._pending = True

    def text(self) -> None:
        if self._pending:
            self.page += 1
            self._pending = False
        self._text_on_page = True

    def walk(self, element: etree._Element, text: str) -> int | None:
        """Feed one paragraph or table row and its text; the page its first text stands on (None: no text)."""
        if not any(e.tag == LAST_RENDERED or e.get(BR_TYPE) == "page" for e in element.iter(BR, LAST_RENDERED)):
            if not text.strip():  # the common case, no mark inside: its text starts where the last one left
                return None
            self.text()
            return self.page
        first: int | None = None
        for e in element.iter(T, BR, LAST_RENDERED):
            if e.tag == T:
                if e.text and e.text.strip():
                    self.text()
                    first = self.page if first is None else first
            elif e.tag == LAST_RENDERED or e.get(BR_TYPE) == "page":
                self.mark()
        return first


def section_break_after(ppr: etree._Element | None, next_types: Iterator[str | None]) -> bool:
    """A paragraph ending a section (a sectPr in its `ppr`) starts the next section on a new page unless that
    one is continuous; `next_types` yields the start type of each section after the first, in order."""
    if ppr is None or ppr.find(f"{_W}sectPr") is None:
        return False
    return next(next_types, None) not in ("continuous", "nextColumn")


def section_types(body: etree._Element) -> list[str | None]:
    """The start type of each section in order (`w:type` in its sectPr; default nextPage)."""
    out: list[str | None] = []
    for sect in body.iter(f"{_W}sectPr"):
        kind = sect.find(f"{_W}type")
        out.append(kind.get(VAL) if kind is not None else None)
    return out


def page_break_before(ppr: etree._Element | None) -> bool:
    return ppr is not None and _on(ppr.find(f"{_W}pageBreakBefore"))


class _Place(NamedTuple):
    number: int
    page: int | None
    heading: str
    since_heading: int | None  # None for a table row
    since_page: int | None
    row: int | None


class Placer:
    """Gives each block its Position: block number, page, heading above and its count under it."""

    def __init__(self) -> None:
        self.heading = ""
        self._since_heading = 0
        self._since_page = 0
        self._page_of_count = 1
        self.pages = PageCounter()
        self.places: list[_Place] = []

    def paragraph(self, number: int, page: int | None, text: str, heading: bool) -> int:
        """Record a non-blank paragraph (a heading starts the count of those below it); its index."""
        self._new_page(page)
        self._since_heading += 1
        self._since_page += 1
        self.places.append(_Place(number, page, self.heading, self._since_heading, self._since_page, None))
        if heading:
            self.heading = _cut(text)
            self._since_heading = 0
        return len(self.places) - 1

    def table_row(self, number: int, page: int | None, row: int) -> int:
        self._new_page(page)
        self.places.append(_Place(number, page, self.heading, None, None, row))
        return len(self.places) - 1

    def _new_page(self, page: int | None) -> None:
        if page is not None and page != self._page_of_count:
            self._page_of_count, self._since_page = page, 0

    def position(self, index: int) -> Position:
        """The finished Position: a page only when the file has a break; a count from the heading, else from
        the page's top when pages are known, else from the file's top."""
        place = self.places[index]
        has_pages = self.pages.page > 1
        page = place.page if has_pages else None
        if place.row is not None:
            return Position(paragraph=place.number, word_page=page, heading=place.heading, row=place.row)
        nth = place.since_heading if place.heading or not has_pages else place.since_page
        return Position(paragraph=place.number, word_page=page, heading=place.heading, nth=nth)


def _cut(heading: str) -> str:
    """The heading as quoted in a location: without the spaces that spread a title (询 问 笔 录), cut short."""
    heading = re.sub(r"\s+", "", heading)
    return heading if len(heading) <= HEADING_QUOTE_CHARS else heading[: HEADING_QUOTE_CHARS - 1] + "…"
