"""Forms as PDF: text PDFs in the CID font STSong-Light (stack-notes.md), text hard-wrapped at a fixed count of
characters (`pdf-wrapped`, lines break inside dates and numbers as printed copies do), and scan-like PDFs whose
pages are only images (rendered, tilted, speckled) so that text must come from OCR."""

from __future__ import annotations

import io
import math
import random
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.colors import Color
from reportlab.platypus import Flowable

from tests.realworld.writers.family import Family
from tests.realworld.writers.grid import place
from tests.realworld.writers.model import Block, Doc

CID_FONT = "STSong-Light"
TTF_FONT = "SimHei"  # embedded, so a page can be rasterised for the scan-like copies


def _register(font: str) -> str:
    from reportlab.pdfbase import pdfmetrics

    if font in pdfmetrics.getRegisteredFontNames():
        return font
    if font == CID_FONT:
        from reportlab.pdfbase.cidfonts import UnicodeCIDFont

        pdfmetrics.registerFont(UnicodeCIDFont(CID_FONT))
    else:
        import mplfonts
        from reportlab.pdfbase.ttfonts import TTFont

        pdfmetrics.registerFont(TTFont(TTF_FONT, str(Path(mplfonts.__file__).parent / "fonts" / "SimHei.ttf")))
    return font


def _styles(font: str, fam: Family):
    from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle

    body = ParagraphStyle("body", fontName=font, fontSize=fam.body_size, leading=fam.body_size * 1.7,
                          wordWrap="CJK", alignment=TA_LEFT)
    return {
        "p": ParagraphStyle("p", parent=body, firstLineIndent=fam.body_size * 2 if fam.first_line_indent else 0),
        "line": body,
        "right": ParagraphStyle("right", parent=body, alignment=TA_RIGHT),
        "center": ParagraphStyle("center", parent=body, alignment=TA_CENTER),
        "cell": ParagraphStyle("cell", parent=body, fontSize=fam.body_size - 1, leading=(fam.body_size - 1) * 1.5),
        "agency": ParagraphStyle("agency", parent=body, fontSize=fam.heading_size, leading=fam.heading_size * 1.6,
                                 alignment=TA_CENTER),
        "title": ParagraphStyle("title", parent=body, fontSize=fam.title_size, leading=fam.title_size * 1.6,
                                alignment=TA_CENTER, spaceAfter=4),
    }


def _hard_wrap(text: str, width: int, indent: bool) -> list[str]:
    """Fixed-count lines, as a narrow printed column breaks them (inside dates and numbers too)."""
    text = ("\u3000\u3000" if indent else "") + text
    return [text[i : i + width] for i in range(0, len(text), width)] or [""]


class _Stamp(Flowable):
    """A red seal circle with a star drawn over the lines just above it (the 落款 date), taking no room."""

    def wrap(self, aw, ah):
        self._aw = aw
        return aw, 0

    def draw(self):
        c = self.canv
        red = Color(0.85, 0.1, 0.1, alpha=0.75)
        c.setStrokeColor(red)
        c.setFillColor(red)
        c.setLineWidth(2.2)
        x, y = self._aw - 70, 26
        c.circle(x, y, 38, stroke=1, fill=0)
        path = c.beginPath()
        for k in range(10):
            r = 11 if k % 2 == 0 else 4.5
            a = math.pi / 2 + k * math.pi / 5
            px, py = x + r * math.cos(a), y + r * math.sin(a)
            if k == 0:
                path.moveTo(px, py)
            else:
                path.lineTo(px, py)
        path.close()
        c.drawPath(path, stroke=0, fill=1)


def _table(block: Block, st, width: float, fam: Family, wrapped: bool):
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, Table, TableStyle

    cells, nrows, ncols = place(block.rows)
    data = [["" for _ in range(ncols)] for _ in range(nrows)]
    widths = block.widths or [1.0] * ncols
    total = sum(widths)
    col_w = [width * w / total for w in widths]
    style = [("GRID", (0, 0), (-1, -1), 0.6, colors.black), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
    for p in cells:
        lines = p.text.split("\n")
        if wrapped:
            span_w = sum(col_w[p.col : p.col + p.colspan])
            per_line = max(2, int(span_w / (fam.body_size - 1)) - 1)
            lines = [part for line in lines for part in _hard_wrap(line, per_line, False)]
        data[p.row][p.col] = Paragraph("<br/>".join(escape(x) for x in lines), st["cell"])
        if p.rowspan > 1 or p.colspan > 1:
            style.append(("SPAN", (p.col, p.row), (p.col + p.colspan - 1, p.row + p.rowspan - 1)))
    return Table(data, colWidths=col_w, style=TableStyle(style))


def _flowables(doc: Doc, fam: Family, st, width: float, wrapped: bool) -> list:
    from reportlab.platypus import PageBreak, Paragraph, Spacer

    out: list = []
    if fam.banner:
        out.append(Paragraph(escape(fam.banner), st["agency"]))
    *agency, title = doc.heading
    out += [Paragraph(escape(line), st["agency"]) for line in agency]
    out.append(Paragraph(escape(title), st["title"]))
    if doc.number:
        out.append(Paragraph(escape(doc.number), st["right" if fam.number_align == "right" else "center"]))
    for block in doc.blocks:
        if block.kind == "p" and wrapped:
            out += [Paragraph(escape(x), st["line"]) for x in _hard_wrap(block.text, fam.wrap_chars, True)]
        elif block.kind in ("p", "right", "center"):
            out.append(Paragraph(escape(block.text), st[block.kind]))
        elif block.kind == "table":
            out += [_table(block, st, width, fam, wrapped), Spacer(1, 6)]
        elif block.kind == "stamp":
            out.append(_Stamp())
        elif block.kind == "break":
            out.append(PageBreak())
    return out


def _build(target, docs: list[Doc], fam: Family, font: str, wrapped: bool) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import PageBreak, SimpleDocTemplate

    st = _styles(_register(font), fam)
    tpl = SimpleDocTemplate(target, pagesize=A4, leftMargin=70, rightMargin=62, topMargin=64, bottomMargin=60)
    story: list = []
    for i, doc in enumerate(docs):
        if i:
            story.append(PageBreak())
        story += _flowables(doc, fam, st, tpl.width, wrapped)

    def footer(canvas, _doc):
        if fam.footer == "page":
            canvas.setFont(font, 10)
            canvas.drawCentredString(A4[0] / 2, 32, f"第 {canvas.getPageNumber()} 页")

    tpl.build(story, onFirstPage=footer, onLaterPages=footer)


def _scan(path: Path, docs: list[Doc], fam: Family, seed: int) -> None:
    """Render with an embedded font, rasterise each page, tilt and speckle it, and keep only the images."""
    import pypdfium2 as pdfium
    from PIL import Image, ImageFilter
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    _build(buf, docs, fam, _register(TTF_FONT), wrapped=False)
    rng = random.Random(seed)
    out = canvas.Canvas(str(path), pagesize=A4)
    pdf = pdfium.PdfDocument(buf.getvalue())
    for page in pdf:
        img = page.render(scale=200 / 72).to_pil().convert("L")
        img = img.rotate(rng.uniform(-0.8, 0.8), resample=Image.BICUBIC, fillcolor=246, expand=False)
        px = img.load()
        w, h = img.size
        for _ in range(w * h // 400):
            x, y = rng.randrange(w), rng.randrange(h)
            px[x, y] = rng.choice((90, 150, 200))
        img = img.filter(ImageFilter.GaussianBlur(0.5))
        png = io.BytesIO()
        img.save(png, format="PNG")
        png.seek(0)
        out.drawImage(ImageReader(png), 0, 0, width=A4[0], height=A4[1])
        out.showPage()
    pdf.close()
    out.save()


def write_pdf(path: Path, docs: list[Doc], fam: Family, fmt: str) -> Path:
    """One PDF holding the given forms in the format named (pdf | pdf-wrapped | pdf-scan-like)."""
    if fmt == "pdf-scan-like":
        _scan(path, docs, fam, seed=sum(map(ord, path.name)))
    else:
        _build(str(path), docs, fam, CID_FONT, wrapped=fmt == "pdf-wrapped")
    return path
