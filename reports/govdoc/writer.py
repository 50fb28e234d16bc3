"""GovDoc: a 公文 composed block by block (title, headings, body paragraphs, tables, figures, signature).

Every text goes through one hook, `mask`, before it is written: the circular and letters pass a
reports.masking.NameMasker, so no block can print a citizen's ID number or name by forgetting to mask it.
The same hook drops control characters (a unit's folder name may hold one), which XML cannot carry.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph

from reports.govdoc.fonts import BODY_PT, FONTS, LINE_PT, TABLE_PT, TITLE_PT, DocFonts, style_run
from reports.govdoc.page import new_government_document
from reports.safe_names import TEXT_CONTROL_CHARACTERS

FIGURE_WIDTH_CM = 15.6  # the type area's width (210 − 28 − 26 mm)


def _as_is(text: str) -> str:
    return text


class GovDoc:
    """A government-document writer; `mask` rewrites every text before it is written (default: none)."""

    def __init__(self, mask: Callable[[str], str] = _as_is, fonts: DocFonts = FONTS) -> None:
        self.doc = new_government_document(fonts)
        self.fonts = fonts
        self._mask = mask

    def mask(self, text: object) -> str:
        text = "" if text is None else str(text)
        if TEXT_CONTROL_CHARACTERS.search(text):
            text = TEXT_CONTROL_CHARACTERS.sub("", text)
        return self._mask(text)

    def title(self, text: str) -> Paragraph:
        """The document's title (标题): 二号 小标宋, centred, a line's space above and below."""
        paragraph = self.doc.add_paragraph(style="Title")
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.line_spacing = Pt(TITLE_PT * 1.6)
        paragraph.paragraph_format.space_before = Pt(LINE_PT)
        paragraph.paragraph_format.space_after = Pt(LINE_PT)
        style_run(paragraph.add_run(self.mask(text)), self.fonts.title[0], TITLE_PT)
        return paragraph

    def center(self, text: str) -> Paragraph:
        """A centred body-font line without indent (the document number, for instance)."""
        paragraph = self.doc.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.first_line_indent = Pt(0)
        style_run(paragraph.add_run(self.mask(text)), self.fonts.body[0], BODY_PT)
        return paragraph

    def heading(self, text: str, level: int = 1) -> Paragraph:
        """一、 headings in 黑体 (level 1), （一） headings in 楷体 (level 2); the numbering is in the text."""
        paragraph = self.doc.add_paragraph(style="Heading 1" if level == 1 else "Heading 2")
        font = self.fonts.heading if level == 1 else self.fonts.heading2
        style_run(paragraph.add_run(self.mask(text)), font[0], BODY_PT)
        return paragraph

    def para(self, text: str, indent: bool = True, align: Any = None) -> Paragraph:
        """A body paragraph (三号 仿宋), first line indented by two characters unless `indent` is False."""
        paragraph = self.doc.add_paragraph()
        if not indent:
            paragraph.paragraph_format.first_line_indent = Pt(0)
        if align is not None:
            paragraph.alignment = align
        style_run(paragraph.add_run(self.mask(text)), self.fonts.body[0], BODY_PT)
        return paragraph

    def blank(self) -> Paragraph:
        """An empty line (after a table, before the signature)."""
        return self.doc.add_paragraph()

    def table(self, headers: Sequence[str], rows: Iterable[Sequence[object]]) -> Any:
        """A centred grid in 五号, the header row in 黑体 and repeated on every page; an empty line follows."""
        rows = [list(r) for r in rows]
        table = self.doc.add_table(rows=1 + len(rows), cols=len(headers))
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        # row by row: Table.cell() rebuilds the whole cell grid on every call (quadratic in the rows)
        for r, (row, values) in enumerate(zip(table.rows, [list(headers), *rows], strict=True)):
            for cell, value in zip(row.cells, values, strict=False):
                paragraph = cell.paragraphs[0]
                paragraph.paragraph_format.first_line_indent = Pt(0)
                paragraph.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
                font = self.fonts.heading[0] if r == 0 else self.fonts.body[0]
                style_run(paragraph.add_run(self.mask(value)), font, TABLE_PT)
        header = table.rows[0]._tr.get_or_add_trPr()
        header.append(OxmlElement("w:tblHeader"))  # repeat the header row on every page
        self.blank()
        return table

    def picture(self, path: Path, caption: str) -> None:
        """A figure as wide as the type area, centred, with its caption centred below."""
        self.doc.add_picture(str(path), width=Cm(FIGURE_WIDTH_CM))
        picture = self.doc.paragraphs[-1]
        picture.alignment = WD_ALIGN_PARAGRAPH.CENTER
        picture.paragraph_format.first_line_indent = Pt(0)
        picture.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
        self.para(caption, indent=False, align=WD_ALIGN_PARAGRAPH.CENTER)

    def signature(self, lines: Sequence[str]) -> None:
        """The issuing body and date (署名, 成文日期), right-aligned after an empty line."""
        self.blank()
        for line in lines:
            self.para(line, indent=False, align=WD_ALIGN_PARAGRAPH.RIGHT)

    def save(self, path: Path) -> Path:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        self.doc.save(str(path))
        return path
