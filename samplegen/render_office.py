"""Word and Excel output with fixed metadata and zip timestamps, so the same spec gives the same bytes."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime
from functools import cache

from samplegen.document import Doc, Para, Table

FIXED = datetime(2025, 1, 1, 8, 0, 0)
_EAST_ASIAN_FONT = "宋体"


@cache
def _docx_template() -> bytes:
    """python-docx's default template, slimmed once (its styles part is 336 kB), with 宋体 as East Asian font."""
    import docx
    from docx.oxml.ns import qn
    from docx.shared import Pt

    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(12)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), _EAST_ASIAN_FONT)
    buf = io.BytesIO()
    document.save(buf)
    return normalize_zip(buf.getvalue(), slim=True)


def render_docx(doc: Doc) -> bytes:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Pt

    document = docx.Document(io.BytesIO(_docx_template()))
    align = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
             "right": WD_ALIGN_PARAGRAPH.RIGHT}
    for block in doc.blocks:
        if isinstance(block, Para):
            p = document.add_paragraph()
            p.alignment = align[block.align]
            if block.indent:
                p.paragraph_format.first_line_indent = Pt(24)
            run = p.add_run(block.text)
            run.bold = block.bold or None
            run.font.size = Pt(block.size)
            run.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), _EAST_ASIAN_FONT)
        elif isinstance(block, Table):
            ncols = max(len(r) for r in block.rows)
            table = document.add_table(rows=len(block.rows), cols=ncols)
            table.style = "Table Grid"
            for r, row in enumerate(block.rows):
                for c in range(ncols):
                    table.cell(r, c).text = row[c] if c < len(row) else ""
    props = document.core_properties
    props.author = props.last_modified_by = "pingcha-samplegen"
    props.created = props.modified = FIXED
    props.revision = 1
    props.title = doc.title
    buf = io.BytesIO()
    document.save(buf)
    return normalize_zip(buf.getvalue())


def render_xlsx(doc: Doc) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side

    wb = Workbook()
    ws = wb.active
    ws.title = re.sub(r"[\[\]:*?/\\]", "", doc.title)[:31] or "Sheet1"
    ncols = max([len(b.rows[0]) for b in doc.blocks if isinstance(b, Table)] + [2])
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    row = 1
    for block in doc.blocks:
        if isinstance(block, Para):
            cell = ws.cell(row=row, column=1, value=block.text)
            cell.font = Font(name=_EAST_ASIAN_FONT, size=block.size, bold=block.bold)
            cell.alignment = Alignment(horizontal=block.align, wrap_text=True, vertical="center")
            if ncols > 1:
                ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=ncols)
            row += 1
        elif isinstance(block, Table):
            for values in block.rows:
                for c, value in enumerate(values, start=1):
                    cell = ws.cell(row=row, column=c, value=value)
                    cell.font = Font(name=_EAST_ASIAN_FONT, size=11)
                    cell.alignment = Alignment(wrap_text=True, vertical="center")
                    cell.border = border
                row += 1
    for c, width in zip("ABCD", (26, 56, 16, 10), strict=False):
        ws.column_dimensions[c].width = width
    wb.properties.creator = wb.properties.lastModifiedBy = "pingcha-samplegen"
    wb.properties.created = FIXED
    wb.properties.title = doc.title
    buf = io.BytesIO()
    wb.save(buf)
    return normalize_zip(buf.getvalue())


def render_register(title: str, header: list[str], rows: list[list[object]]) -> bytes:
    """A unit's 案件台账: a plain table sheet."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = "案件台账"
    ws.append([title])
    ws["A1"].font = Font(name=_EAST_ASIAN_FONT, size=14, bold=True)
    ws.append(header)
    for r in rows:
        ws.append(r)
    for c, width in zip("ABCDEFGHIJK", (6, 14, 26, 32, 22, 30, 12, 12, 12, 12, 12), strict=False):
        ws.column_dimensions[c].width = width
    wb.properties.creator = wb.properties.lastModifiedBy = "pingcha-samplegen"
    wb.properties.created = FIXED
    buf = io.BytesIO()
    wb.save(buf)
    return normalize_zip(buf.getvalue())


_MODIFIED = re.compile(rb"<dcterms:modified([^>]*)>[^<]*</dcterms:modified>")
# Parts of python-docx's template that a case document does not need (they triple the file size).
_DROP = ("word/stylesWithEffects.xml", "docProps/thumbnail.jpeg", "customXml/")
_DROP_REFS = re.compile(rb"<(?:Relationship|Override)[^>]*(?:stylesWithEffects|thumbnail|customXml|item1)[^>]*/>")
_LATENT = re.compile(rb"<w:latentStyles.*?</w:latentStyles>", re.S)


def normalize_zip(data: bytes, slim: bool = False) -> bytes:
    """Rewrite an OOXML zip with fixed entry timestamps and a fixed `modified` date (and, for .docx,
    without the template's unused parts)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if slim and info.filename.startswith(_DROP):
                continue
            blob = src.read(info.filename)
            if slim and info.filename.endswith((".rels", "[Content_Types].xml")):
                blob = _DROP_REFS.sub(b"", blob)
            if slim and info.filename == "word/styles.xml":
                blob = _prune_styles(_LATENT.sub(b"", blob))
            if info.filename == "docProps/core.xml":
                blob = _MODIFIED.sub(rb"<dcterms:modified\1>" + FIXED.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
                                     + rb"</dcterms:modified>", blob)
            entry = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            dst.writestr(entry, blob)
    return out.getvalue()


_KEEP_STYLES = {"Normal", "DefaultParagraphFont", "TableNormal", "NoList", "TableGrid"}


def _prune_styles(blob: bytes) -> bytes:
    """Keep only the styles the generated documents use."""
    from lxml import etree

    ns = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    root = etree.fromstring(blob)
    for style in root.findall(f"{ns}style"):
        if style.get(f"{ns}styleId") not in _KEEP_STYLES:
            root.remove(style)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
