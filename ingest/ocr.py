"""Offline OCR of scanned PDF pages (RapidOCR: PaddleOCR models from the wheel, on OpenVINO or onnxruntime).

The PDF reader lists pages without a usable text layer in `Document.pages_needing_ocr`; `apply_ocr` renders
those pages with pypdfium2, recognises them and puts the lines back as `TextBlock`s with
`origin=TextOrigin.OCR` and their confidence, so that every later stage treats them like text-layer lines
and a reviewer can be told which values came from OCR. The engine choice and the dpi were measured on
generated 行政处罚决定书 scans (bench/ocr_engines.py).

The engine is imported and loaded on first use, once per process (models take ~1 s and ~200 MB), so that
`import ingest` stays light. Recognition is serialised by a lock: the inference backend already uses every
core of the process, so parallelism means more processes (PINGCHA_OCR_THREADS=1 each), not more threads.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from ingest.errors import ReadError
from ingest.glossary import ProblemKind
from ingest.model import Document, Position, TextBlock, TextOrigin
from ingest.readers.budget import check_time
from ingest.readers.common import ReadLimits

# 150 and 200 dpi read our generated scans equally well (accuracy 1.0); on OpenVINO 200 dpi costs ~1.0-1.2
# CPU-s per dense page, ~0.05 more than 150 (recognition works on 48 px high lines either way). 200 is the
# resolution most scans are made at, so it is not resampled.
DEFAULT_DPI = 200
MIN_CONFIDENCE = 0.8
MIN_INK = 0.005  # a page without text but with this share of dark pixels was not readable, not blank
INSTALL_HINT = "请安装 OCR 组件：pip install rapidocr onnxruntime"

_lock = threading.Lock()
_engine = None  # ingest.ocr_engines.Engine once loaded
_engine_error: str | None = None


@dataclass(frozen=True, slots=True)
class OcrLine:
    """One line of a page in reading order, boxes on the same line merged; box in pixels at the OCR dpi."""

    text: str
    confidence: float
    box: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)


@dataclass(frozen=True, slots=True)
class OcrPage:
    page: int  # 1-based
    lines: tuple[OcrLine, ...]
    mean_confidence: float | None  # character-weighted; None when the page holds no text
    seconds: float
    ink: float = 0.0  # share of dark pixels: tells a blank page from one the engine could not read

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


# ----------------------------------------------------------------------------------------------------
# Engine
# ----------------------------------------------------------------------------------------------------


def _load_engine():
    """The process-wide engine, loaded once; raises ReadError(OCR_UNAVAILABLE) when it cannot be."""
    global _engine, _engine_error
    if _engine is not None:
        return _engine
    with _lock:
        if _engine is None and _engine_error is None:
            try:
                from ingest.ocr_engines.rapid import RapidEngine

                _engine = RapidEngine()
            except Exception as exc:  # ImportError, a missing libGL, a damaged model file
                _engine_error = f"{type(exc).__name__}: {exc}"
        if _engine is None:
            raise ReadError(ProblemKind.OCR_UNAVAILABLE, f"OCR引擎不可用，扫描页无法识别（{_engine_error}）；{INSTALL_HINT}")
        return _engine


def ocr_installed() -> bool:
    """Whether an OCR engine package is installed, without loading it (models cost ~1 s and 100-200 MB a
    process, which a campaign without scans should not pay)."""
    import importlib.util

    return _engine is not None or any(
        importlib.util.find_spec(name) is not None for name in ("rapidocr", "rapidocr_onnxruntime")
    )


def ocr_available() -> bool:
    """Whether OCR can run in this process (loads the engine on first call)."""
    try:
        _load_engine()
    except ReadError:
        return False
    return True


# ----------------------------------------------------------------------------------------------------
# Recognition
# ----------------------------------------------------------------------------------------------------


def ocr_image(image, *, engine=None) -> list[OcrLine]:
    """Lines of one page image in reading order, post-processed (`fix_text`)."""
    engine = engine or _load_engine()
    try:
        with _lock:
            boxes = engine.recognize(image)
    except ReadError:
        raise
    except Exception as exc:
        raise ReadError(ProblemKind.OCR_FAILED, f"OCR识别出错（{type(exc).__name__}: {exc}）") from exc
    return [replace(line, text=fix_text(line.text)) for line in merge_lines(boxes)]


def ocr_pdf_pages(
    pdf_path: Path, pages: Sequence[int], *, dpi: int = DEFAULT_DPI, engine=None, limits: ReadLimits | None = None
) -> list[OcrPage]:
    """Render each page (1-based) with pypdfium2 at `dpi` and recognise it, one page at a time, so that one
    page image is alive at once. Every page's size is checked against the render budget before any is
    rendered: a too large page is refused (TOO_LARGE) at once, a large one rendered at a lower dpi."""
    import pypdfium2 as pdfium

    from ingest.readers.pdf_reader import PDFIUM_LOCK

    limits = limits or ReadLimits.from_env()
    out: list[OcrPage] = []
    with PDFIUM_LOCK:
        try:
            pdf = pdfium.PdfDocument(pdf_path)
        except Exception as exc:
            raise ReadError(ProblemKind.OCR_FAILED, f"无法打开PDF文件进行OCR识别（{type(exc).__name__}: {exc}）") from exc
    try:
        with PDFIUM_LOCK:
            dpis = {number: _page_dpi(pdf, number, dpi, limits) for number in pages}
        engine = engine or _load_engine()
        for number in pages:
            check_time()
            t0 = time.perf_counter()
            with PDFIUM_LOCK:  # render under the lock; recognition, the slow part, runs outside it
                image = _render(pdf, number, dpis[number])
            lines = ocr_image(image, engine=engine)
            ink = sum(image.convert("L").histogram()[:128]) / max(1, image.width * image.height)
            del image
            out.append(OcrPage(number, tuple(lines), _mean_confidence(lines), time.perf_counter() - t0, ink))
    finally:
        with PDFIUM_LOCK:
            pdf.close()
    return out


def _page_dpi(pdf, number: int, dpi: int, limits: ReadLimits) -> int:
    from ingest.readers.pdf_reader import render_dpi

    if not 1 <= number <= len(pdf):
        raise ReadError(ProblemKind.OCR_FAILED, f"第{number}页不存在（共{len(pdf)}页），无法OCR识别")
    page = pdf[number - 1]
    try:
        width, height = page.get_size()
    finally:
        page.close()
    try:
        return render_dpi(width, height, dpi, limits)
    except ReadError as exc:
        raise ReadError(exc.kind, f"第{number}页{exc.message}") from None


def _render(pdf, number: int, dpi: int):
    """One page as a grayscale PIL image."""
    try:
        page = pdf[number - 1]
        try:
            return page.render(scale=dpi / 72, grayscale=True).to_pil()
        finally:
            page.close()
    except Exception as exc:
        raise ReadError(ProblemKind.OCR_FAILED, f"第{number}页无法渲染为图像（{type(exc).__name__}: {exc}）") from exc


def apply_ocr(
    doc: Document,
    pdf_path: Path,
    *,
    min_confidence: float = MIN_CONFIDENCE,
    dpi: int = DEFAULT_DPI,
    limits: ReadLimits | None = None,
) -> tuple[Document, list[str]]:
    """`doc` with the text of its `pages_needing_ocr` replaced by OCR lines, and reasons for a reviewer.

    A page whose mean confidence is below `min_confidence` gets a reason, and so does a page with ink but no
    text (too degraded for the detector; also a photo, which a reviewer looks at anyway); a blank page (the
    back of a sheet) gets none. The given `doc` is not changed.
    """
    pages = sorted(set(doc.pages_needing_ocr))
    if not pages:
        return doc, []
    results = ocr_pdf_pages(pdf_path, pages, dpi=dpi, limits=limits)
    wanted = set(pages)
    blocks = [b for b in doc.blocks if b.position.page not in wanted]
    reasons: list[str] = []
    for result in results:
        blocks.extend(
            TextBlock(line.text, Position(page=result.page), origin=TextOrigin.OCR, ocr_confidence=round(line.confidence, 4))
            for line in result.lines
        )
        if result.mean_confidence is not None and result.mean_confidence < min_confidence:
            reasons.append(f"第{result.page}页OCR识别置信度{result.mean_confidence:.2f}，需人工核对")
        elif result.mean_confidence is None and result.ink >= MIN_INK:
            reasons.append(f"第{result.page}页有图文内容但OCR未识别出文字，需人工核对")
    blocks.sort(key=lambda b: b.position.page or 0)  # stable: each page keeps its own order
    return replace(doc, blocks=blocks, ocr_pages=tuple(pages)), reasons


def _mean_confidence(lines: Sequence[OcrLine]) -> float | None:
    chars = sum(len(line.text) for line in lines)
    if not chars:
        return None
    return sum(line.confidence * len(line.text) for line in lines) / chars


# ----------------------------------------------------------------------------------------------------
# Reading order
# ----------------------------------------------------------------------------------------------------


def merge_lines(boxes) -> list[OcrLine]:
    """Boxes → lines: top to bottom, boxes overlapping vertically by half a height joined left to right.

    Engines split a line at wide gaps (法定代表人：张三    职务：经理) and return boxes in detection order;
    a gap wider than a character's height becomes one space, a narrower one nothing (Chinese has no spaces).
    """
    rows: list[list] = []
    for box in sorted((b for b in boxes if b.text.strip()), key=lambda b: ((b.y0 + b.y1) / 2, b.x0)):
        height = max(1.0, box.y1 - box.y0)
        for row in reversed(rows[-3:]):  # only the last few rows can still be on the same line
            top, bottom = min(b.y0 for b in row), max(b.y1 for b in row)
            overlap = min(bottom, box.y1) - max(top, box.y0)
            if overlap >= 0.5 * min(height, bottom - top):
                row.append(box)
                break
        else:
            rows.append([box])
    lines: list[OcrLine] = []
    for row in rows:
        row.sort(key=lambda b: b.x0)
        parts: list[str] = []
        for prev, box in zip([None, *row[:-1]], row, strict=True):
            if prev is not None:
                gap = box.x0 - prev.x1
                parts.append(" " if gap > max(prev.y1 - prev.y0, box.y1 - box.y0) else "")
            parts.append(box.text.strip())
        text = "".join(parts)
        chars = sum(len(b.text.strip()) for b in row)
        conf = sum(b.confidence * len(b.text.strip()) for b in row) / max(1, chars)
        bbox = (min(b.x0 for b in row), min(b.y0 for b in row), max(b.x1 for b in row), max(b.y1 for b in row))
        lines.append(OcrLine(text, conf, bbox))
    return lines


# ----------------------------------------------------------------------------------------------------
# Post-processing: known OCR confusions, each fix anchored on a pattern that cannot occur in real text
# ----------------------------------------------------------------------------------------------------

_CJK = r"\u3400-\u9fff\uf900-\ufaff"
# 〔2025〕 read as 【2025】, [2025〕, 【2025] …: a 4-digit year in brackets of which at least one is 【】 or
# the pair does not match, between an agency code and a serial + 号. Matching [] and () are left as written
# (盘环罚决(2021)138号 is real practice; the case-number parser accepts every bracket style).
_CASE_YEAR = re.compile(
    rf"(?<=[{_CJK}A-Za-z0-9）)])\s*([【〔\[［(（])\s*((?:19|20)\d{{2}})\s*([】〕\]］)）])(?=\s*第?\s*[A-Za-z0-9-]{{1,16}}\s*号)"
)
_PAIRS = {"〔": "〕", "[": "]", "［": "］", "(": ")", "（": "）", "【": "】"}
_ASCII_PUNCT = {":": "：", ",": "，", ";": "；", "?": "？", "!": "！"}
_CJK_PUNCT = re.compile(rf"(?<=[{_CJK}])\s*([:,;?!])")  # after a Chinese character: never 12:30 or 3,200
_CJK_PAREN = re.compile(rf"\(([^()（）]*[{_CJK}][^()（）]*)\)")  # (一) (¥50000元): full-width like the source
_ELLIPSIS = re.compile(r"(?:\.{3,}|。{3,}|…+|·{3,})")
_DASHES = re.compile(rf"(?<=[{_CJK}])(?:—{{1,2}}|-{{2,}}|–{{2,}})(?=[{_CJK}])")


def fix_text(text: str) -> str:
    """Undo OCR confusions that are safe to undo: brackets of case-number years, ASCII punctuation next to
    Chinese, ellipses and dashes. Digits stay ASCII (the parsers fold full-width digits anyway)."""
    text = _CASE_YEAR.sub(_case_year, text)
    text = _CJK_PUNCT.sub(lambda m: _ASCII_PUNCT[m.group(1)], text)
    text = _CJK_PAREN.sub(r"（\1）", text)
    text = _ELLIPSIS.sub("……", text)
    return _DASHES.sub("——", text)


def _case_year(m: re.Match[str]) -> str:
    open_, year, close = m.groups()
    if "【" in open_ + close or "】" in open_ + close or _PAIRS.get(open_) != close:
        return f"〔{year}〕"
    return f"{open_}{year}{close}"


def ocr_document(pdf_path: Path, doc: Document, limits: ReadLimits | None = None) -> Document:
    """The OCR hook of `ingest.load.load_dossier`: OCR the pages without a usable text layer.

    Pages that gave text are no longer pending; a page with ink but no recognised text stays pending, so
    the dossier reports it as OCR_FAILED. Low confidence travels on each block (`ocr_confidence`), from
    which extraction derives the dossier's review reasons.
    """
    new, _reasons = apply_ocr(doc, pdf_path, limits=limits)
    read = {block.position.page for block in new.blocks if block.origin == TextOrigin.OCR and block.text.strip()}
    return replace(new, pages_needing_ocr=tuple(p for p in new.pages_needing_ocr if p not in read))
