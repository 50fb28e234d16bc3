"""PDF output: text pages (embedded, subset SimHei) or scanned pages (an image per page, no text layer).

`invariant=1` fixes reportlab's dates and document ids, so the same spec gives the same bytes.
"""

from __future__ import annotations

import io
import random

from samplegen.document import Doc
from samplegen.fonts import register_pdf_font
from samplegen.layout import PAGE_H, PAGE_W, Page, RuleOp, TextOp, layout


def render_pdf(parts: list[tuple[Doc, bool, int]]) -> bytes:
    """One PDF of one or more documents, each starting on a new page: (doc, scanned, seed) per document."""
    from reportlab.pdfgen import canvas

    font = register_pdf_font()
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(PAGE_W, PAGE_H), invariant=1, pageCompression=1)
    c.setTitle("")
    c.setAuthor("")
    for doc, scanned, seed in parts:
        for n, page in enumerate(layout(doc)):
            if scanned:
                _draw_scan(c, page, seed * 1000 + n)
            else:
                _draw_text(c, page, font)
            c.showPage()
    c.save()
    return buf.getvalue()


def page_counts(parts: list[Doc]) -> list[int]:
    return [len(layout(doc)) for doc in parts]


def _draw_text(c, page: Page, font: str) -> None:
    c.setLineWidth(0.6)
    for op in page.ops:
        if isinstance(op, TextOp):
            c.setFont(font, op.size)
            c.drawString(op.x, PAGE_H - op.y, op.text)
        elif isinstance(op, RuleOp):
            c.line(op.x1, PAGE_H - op.y1, op.x2, PAGE_H - op.y2)


def _draw_scan(c, page: Page, seed: int) -> None:
    from reportlab.lib.utils import ImageReader

    from samplegen.scan import scan_image

    image = scan_image(page, random.Random(seed))
    jpeg = io.BytesIO()
    image.save(jpeg, format="JPEG", quality=70, optimize=True)
    jpeg.seek(0)
    c.drawImage(ImageReader(jpeg), 0, 0, width=PAGE_W, height=PAGE_H)
