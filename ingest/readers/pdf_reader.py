"""PDF reader: the text layer of each page with pypdfium2, one TextBlock per line, `Position(page=n)`.

pypdfium2 reads ~135 pages/s against pdfplumber's ~7 (stack-notes.md) and keeps U+3000, so pdfplumber is not
used (no table structure for PDFs: a form's cells come out as lines). Pages with no text layer or a garbled
one (fonts without a ToUnicode map) are listed in `Document.pages_needing_ocr` and their garbage is dropped;
OCR itself lives elsewhere and can render pages with `page_image`.

Lines come in reading order from their positions, not from the content stream (`page_lines`): pdfium breaks
lines where the drawing jumps but keeps the stream's order, so a page drawn bottom-to-top, a form whose labels
are drawn before their values, or table cells written out of order would read scrambled. pdfium's lines are
sorted top to bottom and those sharing a baseline are joined left to right into one row ("当事人 X公司").
Rotated text (the ring of a seal drawn as text) is kept out of the rows and given as one line at the end of
the page, so it never interleaves with the date it covers. Spaces pdfium inserts between characters placed one
by one with tracking ("9 1 1 1 0 …") are dropped when the gap is narrower than a character.
"""

from __future__ import annotations

import math
import re
import threading
import unicodedata
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ingest.errors import ReadError
from ingest.glossary import ProblemKind
from ingest.model import Document, Position, TextBlock
from ingest.readers.budget import TextBudget
from ingest.readers.common import ReadLimits, corrupt, too_large
from ingest.readers.pdf_streams import check_pdf_streams

_CID = re.compile(r"\(cid:\d+\)")
_NEWLINES = re.compile(r"\r\n?|[\x0b\x0c\u2028\u2029]")
_DROP = dict.fromkeys(map(ord, "\x00\x02\ufeff\ufffe"), None)  # pdfium's markers for hyphens and BOMs
MIN_LETTER_SHARE = 0.3  # CJK ideographs and ASCII letters/digits: ~80% of a real Chinese page
MAX_BAD_SHARE = 0.2  # private-use, unassigned, control and replacement characters
_BAD_CATEGORIES = frozenset({"Co", "Cn", "Cc", "Cs", "So"})  # So: U+FFFD and the symbol soup of unmapped fonts
SPARSE_CHARS = 30  # fewer characters than this on a page holding an image: a scan with a stamped page number
_IMAGE_TYPES = frozenset({pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_SHADING})


# PDFium is not thread-safe: two threads of one process inside it at once can crash the interpreter (seen
# here when batches ran on threads with one worker). Processes give the parallelism; within a process every
# PDFium call holds this lock.
PDFIUM_LOCK = threading.RLock()


def read_pdf(path: Path, source_file: str, limits: ReadLimits = ReadLimits()) -> Document:
    check_pdf_streams(path, limits)  # before PDFium inflates anything: it aborts the process when memory runs out
    with PDFIUM_LOCK:
        return _read_pdf(path, source_file, limits)


def _read_pdf(path: Path, source_file: str, limits: ReadLimits) -> Document:
    pdf = _open(path)
    try:
        count = len(pdf)
        if count > limits.max_pages:
            raise too_large(f"PDF共 {count} 页，超过上限 {limits.max_pages} 页；请拆分后提交")
        doc = Document(source_file=source_file, file_format="pdf", page_count=count)
        ocr: list[int] = []
        budget = TextBudget(limits, "PDF")
        for number in range(1, count + 1):
            page = pdf[number - 1]
            try:
                text = page_text(page)
                budget.add(text, f"第{number}页")
                if needs_ocr(text, page):
                    ocr.append(number)
                    if not _is_sparse(text):  # absent or garbled: nothing worth keeping
                        continue
                doc.blocks.extend(
                    TextBlock(line, Position(page=number)) for line in text.split("\n") if line.strip()
                )
            finally:
                page.close()
            if len(doc.blocks) > limits.max_blocks:
                raise too_large(f"PDF文字行数超过上限 {limits.max_blocks}")
    except ReadError:
        raise
    except Exception as exc:  # pdfium reports damaged pages as PdfiumError at any point
        raise corrupt("PDF文件", exc) from exc
    finally:
        pdf.close()
    doc.pages_needing_ocr = tuple(ocr)
    if not doc.blocks and not ocr:
        raise ReadError(ProblemKind.EMPTY, "PDF文件中没有任何文字或图像内容（空白页）")
    return doc


def _open(path: Path) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(path)
    except pdfium.PdfiumError as exc:
        if exc.err_code == pdfium_c.FPDF_ERR_PASSWORD:
            raise ReadError(ProblemKind.ENCRYPTED, "PDF文件设置了打开密码，无法读取；请提供未加密的文件") from exc
        if exc.err_code == pdfium_c.FPDF_ERR_SECURITY:
            raise ReadError(ProblemKind.ENCRYPTED, "PDF文件使用了不支持的加密方式，无法读取；请提供未加密的文件") from exc
        raise corrupt("PDF文件", exc) from exc
    except Exception as exc:
        raise corrupt("PDF文件", exc) from exc


def page_text(page: pdfium.PdfPage) -> str:
    """The page's text layer in reading order, full Unicode (CJK extension B included), one line per '\\n'."""
    textpage = page.get_textpage()
    try:
        text = _layout_text(textpage)
    finally:
        textpage.close()
    return _NEWLINES.sub("\n", text).translate(_DROP)


_LINE = re.compile(r"[^\r\n\x0b\x0c\u2028\u2029]+")
_UPRIGHT = 0.05  # radians (3°): a character turned further is rotated text (a seal's ring, a side note)
_Piece = tuple[float, float, float, float, str]  # one of pdfium's lines: top, bottom, left, right, text
_SAME_ROW = 0.5  # two pieces overlapping vertically by half the smaller height stand on one baseline


def _layout_text(tp: pdfium.PdfTextPage) -> str:
    """pdfium's lines, sorted by position into rows; see the module docstring."""
    count = tp.count_chars()
    text = tp.get_text_range(0, count) if count > 0 else ""
    if len(text) != count or not text.strip():  # characters outside the BMP: text and char indexes differ
        return tp.get_text_bounded()
    raw = tp.raw
    upright: list[_Piece] = []
    rotated: list[str] = []
    for m in _LINE.finditer(text):
        piece = m.group()
        first = m.start() + len(piece) - len(piece.lstrip())
        last = m.start() + len(piece.rstrip()) - 1
        if last < first:
            continue
        left, bottom, right, top = tp.get_charbox(first, loose=True)
        if last != first:
            _, b2, right, t2 = tp.get_charbox(last, loose=True)
            bottom, top = min(bottom, b2), max(top, t2)
        if " " in piece.strip():
            piece = _drop_tracking_spaces(tp, text, m.start(), m.end())
        angle = pdfium_c.FPDFText_GetCharAngle(raw, first)
        if _UPRIGHT < angle < 2 * math.pi - _UPRIGHT:
            rotated.append(piece)
        else:
            upright.append((top, bottom, left, right, piece.strip()))
    if sum(len(r) for r in rotated) > sum(len(p[4]) for p in upright):  # a page turned by its matrix: keep the stream
        return text
    upright.sort(key=lambda p: -p[0])
    rows: list[list[_Piece]] = []
    row_top = row_bottom = 0.0
    for piece in upright:
        top, bottom = piece[0], piece[1]
        if rows:
            overlap = min(top, row_top) - max(bottom, row_bottom)
            if overlap > 0 and overlap >= _SAME_ROW * min(top - bottom, row_top - row_bottom):
                rows[-1].append(piece)
                row_top, row_bottom = max(row_top, top), min(row_bottom, bottom)
                continue
        rows.append([piece])
        row_top, row_bottom = top, bottom
    for row in rows:
        row.sort(key=lambda p: p[2])
    _lift_centred_labels(rows)
    lines = [" ".join(p[4] for p in row) for row in rows if row]
    if rotated:
        lines.append("".join("".join(r.split()) for r in rotated))
    return "\n".join(lines)


_SENTENCE_END = tuple("。；;，,！!？?、")


def _lift_centred_labels(rows: list[list[_Piece]]) -> None:
    """A form's label centred beside a value of several lines stands, by position, between (or on the middle
    of) the value's lines; it moves to the row of the value's first line, as it is read: "送达文书 X决定书"."""
    for k, row in enumerate(rows):
        if not row or len(row) > 2:
            continue
        label = row[0]
        if label[4].endswith(_SENTENCE_END):
            continue  # "款；": the last line of a paragraph (under an indented first line), not a form's label
        column = row[1][2] if len(row) == 2 else rows[k - 1][0][2] if k and rows[k - 1] else None
        if column is None or column <= label[3]:
            continue

        above = below = 0
        while _value_line(rows, k - 1 - above, column):
            above += 1
        while _value_line(rows, k + 1 + below, column):
            below += 1
        height = label[0] - label[1]
        centre = (label[0] + label[1]) / 2
        for span in range(1, min(above, below) + 1):
            top, bottom = rows[k - span][0][0], rows[k + span][0][1]
            if abs((top + bottom) / 2 - centre) < 0.5 * height and top - bottom < (2 * span + 1) * 2.5 * height:
                rows[k - span].insert(0, row.pop(0))
                break


def _value_line(rows: list[list[_Piece]], i: int, column: float) -> bool:
    """Row i holds only one line, starting at the value column's left edge."""
    return 0 <= i < len(rows) and len(rows[i]) == 1 and abs(rows[i][0][2] - column) <= 2


def _drop_tracking_spaces(tp: pdfium.PdfTextPage, text: str, start: int, end: int) -> str:
    """The line text[start:end] without the spaces pdfium generated between characters set one by one with a
    little tracking: a gap narrower than the characters (0.6 of their height; a whole height between two ASCII
    letters or digits, whose glyphs are narrow). Wider gaps (columns, justified labels) keep their space."""
    out = []
    for i in range(start, end):
        ch = text[i]
        if (
            ch == " " and start < i < end - 1 and text[i - 1] != " " and text[i + 1] != " "
            and pdfium_c.FPDFText_IsGenerated(tp.raw, i) == 1
        ):
            l1, b1, r1, t1 = tp.get_charbox(i - 1, loose=True)
            l2, b2, r2, t2 = tp.get_charbox(i + 1, loose=True)
            height = max(t1 - b1, t2 - b2)
            narrow = text[i - 1].isascii() and text[i - 1].isalnum() and text[i + 1].isascii() and text[i + 1].isalnum()
            if 0 <= l2 - r1 < height * (1.0 if narrow else 0.6):
                continue
        out.append(ch)
    return "".join(out)


def needs_ocr(text: str, page: pdfium.PdfPage | None = None) -> bool:
    """No text on a page that shows something, garbage text, or a scan with only a stamped line of text."""
    if not text.strip():
        return page is None or _has_objects(page)
    if is_garbled(text):
        return True
    return _is_sparse(text) and page is not None and _has_objects(page, _IMAGE_TYPES)


def _is_sparse(text: str) -> bool:
    compact = "".join(text.split())
    return 0 < len(compact) < SPARSE_CHARS and not is_garbled(compact)


def _has_objects(page: pdfium.PdfPage, types: frozenset[int] | None = None) -> bool:
    """Any object (image, path, form) without text means a scan or a drawing; no object at all, a blank page."""
    return any(True for _ in page.get_objects(filter=list(types) if types else None, max_depth=2))


def is_garbled(text: str) -> bool:
    """`(cid:N)` runs, many private-use/replacement/control characters, or too few letters: an unusable layer."""
    compact = "".join(text.split())
    if not compact:
        return False
    cid_chars = sum(len(m) for m in _CID.findall(compact))
    if cid_chars * 2 >= len(compact):
        return True
    rest = _CID.sub("", compact)
    if not rest:
        return True
    letters = bad = 0
    for ch in rest:
        o = ord(ch)
        if ch.isascii():
            letters += ch.isalnum()
            bad += not ch.isprintable()
        elif 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0x20000 <= o <= 0x323AF:  # CJK ideographs
            letters += 1
        elif unicodedata.category(ch) in _BAD_CATEGORIES:
            bad += 1
    return letters / len(rest) < MIN_LETTER_SHARE or bad / len(rest) > MAX_BAD_SHARE


def render_dpi(width_pt: float, height_pt: float, dpi: int, limits: ReadLimits) -> int:
    """`dpi`, or the highest lower one at which the page fits `max_render_megapixels`; TOO_LARGE when even
    `min_ocr_dpi` does not fit (PDF allows 200 × 200 inch pages: 1.6 gigapixels at 200 dpi)."""
    area = max(width_pt, 1.0) * max(height_pt, 1.0) / (72 * 72)  # square inches
    fitting = int(math.sqrt(limits.max_render_megapixels * 1e6 / area))
    if fitting >= dpi:
        return dpi
    if fitting < limits.min_ocr_dpi:
        mm = 25.4 / 72
        raise too_large(
            f"页面尺寸 {width_pt * mm:.0f}×{height_pt * mm:.0f} mm 过大，按 {limits.min_ocr_dpi} dpi 渲染也超过"
            f" {limits.max_render_megapixels:g} 百万像素的上限，无法OCR识别"
        )
    return fitting


def page_image(path: Path, page: int, dpi: int = 200, limits: ReadLimits = ReadLimits()):
    """Render one page (1-based) to a PIL image, for OCR; at a lower dpi when the page is very large."""
    with PDFIUM_LOCK:
        pdf = pdfium.PdfDocument(path)
        try:
            pdf_page = pdf[page - 1]
            scale = render_dpi(*pdf_page.get_size(), dpi, limits) / 72
            return pdf_page.render(scale=scale).to_pil()
        finally:
            pdf.close()
