"""PDF reader: the text layer of each page with pypdfium2, one TextBlock per line, `Position(page=n)`.

pypdfium2 reads ~135 pages/s against pdfplumber's ~7 (stack-notes.md) and keeps U+3000, so pdfplumber is not
used (no table structure for PDFs: a form's cells come out as lines). Pages with no text layer or a garbled
one (fonts without a ToUnicode map) are listed in `Document.pages_needing_ocr` and their garbage is dropped;
OCR itself lives elsewhere and can render pages with `page_image`.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ingest.errors import ReadError
from ingest.glossary import ProblemKind
from ingest.model import Document, Position, TextBlock
from ingest.readers.common import ReadLimits, corrupt, too_large

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
        for number in range(1, count + 1):
            page = pdf[number - 1]
            try:
                text = page_text(page)
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
    """The page's text layer, full Unicode (CJK extension B included), newlines normalised to '\\n'."""
    textpage = page.get_textpage()
    try:
        text = textpage.get_text_bounded()
    finally:
        textpage.close()
    return _NEWLINES.sub("\n", text).translate(_DROP)


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


def page_image(path: Path, page: int, dpi: int = 200):
    """Render one page (1-based) to a PIL image, for OCR."""
    with PDFIUM_LOCK:
        pdf = pdfium.PdfDocument(path)
        try:
            return pdf[page - 1].render(scale=dpi / 72).to_pil()
        finally:
            pdf.close()
