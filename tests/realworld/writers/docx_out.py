"""Forms as a Word file: headings, paragraphs and real Word tables (merged cells for spans, line breaks
inside cells where the template wraps a label)."""

from __future__ import annotations

from pathlib import Path

from tests.realworld.writers.family import Family
from tests.realworld.writers.grid import place
from tests.realworld.writers.model import Block, Doc


def _east_asian(run, font: str, size: int, bold: bool = False) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt

    run.font.name = font
    run.font.size = Pt(size)
    run.bold = bold
    rpr = run._element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(fonts)
    fonts.set(qn("w:eastAsia"), font)


def _para(container, text: str, fam: Family, align=None, size=None, bold=False, indent=False):
    from docx.shared import Pt

    p = container.add_paragraph()
    if align is not None:
        p.alignment = align
    if indent:
        p.paragraph_format.first_line_indent = Pt((size or fam.body_size) * 2)
    _east_asian(p.add_run(text), fam.docx_font, size or fam.body_size, bold)
    return p


def _table(d, block: Block, fam: Family) -> None:
    from docx.shared import Cm

    cells, nrows, ncols = place(block.rows)
    table = d.add_table(rows=nrows, cols=ncols)
    table.style = "Table Grid"
    widths = block.widths or [1.0] * ncols
    total = sum(widths)
    for c in range(ncols):
        for r in range(nrows):
            table.cell(r, c).width = Cm(16.0 * widths[c] / total)
    for p in cells:
        cell = table.cell(p.row, p.col)
        if p.rowspan > 1 or p.colspan > 1:
            cell = cell.merge(table.cell(p.row + p.rowspan - 1, p.col + p.colspan - 1))
        lines = p.text.split("\n")
        first = cell.paragraphs[0]
        _east_asian(first.add_run(lines[0]), fam.docx_font, fam.body_size, fam.label_bold and p.col == 0)
        for line in lines[1:]:
            _east_asian(cell.add_paragraph().add_run(line), fam.docx_font, fam.body_size)


def _document(d, doc: Doc, fam: Family) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH as A

    if fam.banner:
        _para(d, fam.banner, fam, A.CENTER, fam.heading_size)
    *agency, title = doc.heading
    for line in agency:
        _para(d, line, fam, A.CENTER, fam.heading_size, bold=True)
    _para(d, title, fam, A.CENTER, fam.title_size, bold=True)
    if doc.number:
        _para(d, doc.number, fam, A.RIGHT if fam.number_align == "right" else A.CENTER)
    for block in doc.blocks:
        if block.kind == "p":
            _para(d, block.text, fam, indent=fam.first_line_indent)
        elif block.kind == "right":
            _para(d, block.text, fam, A.RIGHT)
        elif block.kind == "center":
            _para(d, block.text, fam, A.CENTER)
        elif block.kind == "table":
            _table(d, block, fam)
        elif block.kind == "break":
            d.add_page_break()
        # a stamp has no text: Word copies of a form carry none


def write_docx(path: Path, docs: list[Doc], fam: Family) -> Path:
    """One .docx holding the given forms, each after a page break."""
    import docx

    d = docx.Document()
    for i, doc in enumerate(docs):
        if i:
            d.add_page_break()
        _document(d, doc, fam)
    d.save(str(path))
    return path
