"""Builders for small real .docx/.pdf/.xlsx files used by the ingest tests (Chinese text included)."""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

import mplfonts

from ingest.model import Document, Position, Table, TextBlock

SIMHEI = Path(mplfonts.__file__).parent / "fonts" / "SimHei.ttf"

Item = str | Sequence[Sequence[str]]  # a paragraph, or a table given as rows of cell texts


def make_docx(path: Path, items: Sequence[Item], page_break_before: Sequence[int] = ()) -> Path:
    """A .docx with paragraphs and tables in the given order (python-docx writes it)."""
    import docx
    from docx.enum.text import WD_BREAK

    d = docx.Document()
    for i, item in enumerate(items):
        if i in page_break_before:
            d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        if isinstance(item, str):
            d.add_paragraph(item)
        else:
            rows = [list(r) for r in item]
            table = d.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            for r, row in enumerate(rows):
                for c, text in enumerate(row):
                    table.cell(r, c).text = text
    d.save(str(path))
    return path


def _font() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "SimHei" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("SimHei", str(SIMHEI)))
    return "SimHei"


def make_pdf(
    path: Path,
    pages: Sequence[Sequence[str]],
    *,
    image_pages: Sequence[int] = (),
    encrypt: str | None = None,
    font_size: int = 12,
) -> Path:
    """A PDF with one text line per string (embedded SimHei); pages listed in image_pages (1-based) hold only
    an image, like a scanned page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    font = _font()
    kwargs = {}
    if encrypt is not None:
        from reportlab.lib import pdfencrypt

        kwargs["encrypt"] = pdfencrypt.StandardEncryption(encrypt, ownerPassword="owner" + encrypt, strength=128)
    c = canvas.Canvas(str(path), pagesize=A4, **kwargs)
    width, height = A4
    for number, lines in enumerate(pages, start=1):
        if number in image_pages:
            c.drawImage(_image_reader(), 50, 300, width=400, height=400)
        else:
            c.setFont(font, font_size)
            y = height - 72
            for line in lines:
                c.drawString(72, y, line)
                y -= font_size * 1.8
        c.showPage()
    c.save()
    return path


def _image_reader():
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader

    img = Image.new("RGB", (200, 200), "white")
    draw = ImageDraw.Draw(img)
    for y in range(20, 180, 12):
        draw.line((20, y, 180, y), fill="black", width=3)
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    buf.seek(0)
    return ImageReader(buf)


def make_xlsx(path: Path, sheets: dict[str, Sequence[Sequence[object]]]) -> Path:
    import openpyxl

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                if value is not None:
                    ws.cell(r, c, value)
    wb.save(str(path))
    return path


def read_docx_with_python_docx(path: Path, source_file: str) -> Document:
    """The reference (slow) reading with python-docx, built to the same rules as the lxml fast path."""
    import docx
    from docx.table import Table as DocxTable
    from docx.table import _Cell

    d = docx.Document(str(path))
    doc = Document(source_file=source_file, file_format="docx", page_count=1)
    counter = 0
    for item in d.iter_inner_content():
        if isinstance(item, DocxTable):
            start, rows = counter + 1, []
            for row in item.rows:
                counter += 1
                cells = tuple(_Cell(tc, item).text for tc in row._tr.tc_lst)
                rows.append(cells)
                if "\t".join(cells).strip():
                    doc.blocks.append(TextBlock("\t".join(cells), Position(paragraph=counter), in_table=True))
            doc.tables.append(Table(tuple(rows), Position(paragraph=start)))
        else:
            counter += 1
            if item.text.strip():
                doc.blocks.append(TextBlock(item.text, Position(paragraph=counter)))
    return doc


def cases_csv_row(elements, columns) -> dict[str, str]:
    """`columns` of the cases.csv row the pipeline writes for these elements (reports.contract_csv.case_row),
    so extraction tests compare what a reviewer reads in cases.csv, formatted by the writer itself."""
    from reports.contract_csv import CASES_COLUMNS, case_row
    from scoring.model import CaseResult

    unscored = CaseResult("dossier", "unit", "checklist", elements, [], 0.0, 0.0, "", False)
    row = dict(zip(CASES_COLUMNS, case_row(unscored, "checklist"), strict=True))
    return {column: row[column] for column in columns}
