"""GovDoc: a 公文 composed block by block: 版头 (masthead, number and red line), title, 主送, headings, body
paragraphs, tables, figures, 附件说明, 落款 with the seal's place, attachment pages and the 版记.

Every text goes through one hook, `mask`, before it is written: the circular and letters pass a
reports.masking.NameMasker, so no block can print a citizen's ID number or name by forgetting to mask it.
The same hook drops control characters (a unit's folder name may hold one), which XML cannot carry.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph

import reports.govdoc.frame as frame
from reports.govdoc.fonts import BODY_PT, FONTS, LINE_PT, TABLE_PT, TITLE_PT, DocFonts, style_run
from reports.govdoc.measure import fit_columns, text_em
from reports.govdoc.page import new_government_document
from reports.safe_names import TEXT_CONTROL_CHARACTERS

FIGURE_WIDTH_CM = 15.6  # the type area's width (210 − 28 − 26 mm)


_TITLE_BREAKS = ("的", "于", "度", "关")  # a title line may end after these (关于… / …的通报)


def title_lines(text: str) -> str:
    """A title too long for one line, broken where its sense allows and nearest the middle, so the lines
    are of like length (GB/T 9704 §7.3.2: 回行时要做到词意完整，排列对称); short titles stay whole."""
    if text_em(text) * TITLE_PT <= 0.9 * frame.TYPE_AREA_PT or "\n" in text:  # fonts differ a little
        return text
    middle = len(text) / 2
    cuts = [i + 1 for i, ch in enumerate(text[:-3]) if ch in _TITLE_BREAKS and 2 < i + 1 < len(text) - 2]
    cut = min(cuts, key=lambda i: abs(i - middle), default=round(middle))
    return text[:cut] + "\n" + text[cut:]


def _as_is(text: str) -> str:
    return text


class GovDoc:
    """A government-document writer; `mask` rewrites every text before it is written (default: none)."""

    def __init__(self, mask: Callable[[str], str] = _as_is, fonts: DocFonts = FONTS) -> None:
        self.doc = new_government_document(fonts)
        self.fonts = fonts
        self._mask = mask
        self._style_ids: dict[tuple[str, WD_STYLE_TYPE], str | None] = {}

    def _style_id(self, name: str, kind: WD_STYLE_TYPE) -> str | None:
        """A style's id, looked up once: python-docx searches every style of the template on each use
        (~1.5 ms; a campaign's 评查表 uses a style 3,000 times)."""
        key = (name, kind)
        if key not in self._style_ids:
            self._style_ids[key] = self.doc.part.get_style_id(name, kind)
        return self._style_ids[key]

    def _styled_paragraph(self, name: str) -> Paragraph:
        paragraph = self.doc.add_paragraph()
        paragraph._p.style = self._style_id(name, WD_STYLE_TYPE.PARAGRAPH)
        return paragraph

    def mask(self, text: object) -> str:
        text = "" if text is None else str(text)
        if TEXT_CONTROL_CHARACTERS.search(text):
            text = TEXT_CONTROL_CHARACTERS.sub("", text)
        return self._mask(text)

    def title(self, text: str) -> Paragraph:
        """The document's title (标题): 二号 小标宋, centred, a line's space above and below."""
        paragraph = self._styled_paragraph("Title")
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.line_spacing = Pt(TITLE_PT * 1.6)
        paragraph.paragraph_format.space_before = Pt(LINE_PT)
        paragraph.paragraph_format.space_after = Pt(LINE_PT)
        style_run(paragraph.add_run(title_lines(self.mask(text))), self.fonts.title[0], TITLE_PT)
        return paragraph

    def head(self, masthead: str, number: str) -> None:
        """The 版头: the red 发文机关标志, the 发文字号 and the red separator line."""
        frame.masthead(self.doc, self.mask(masthead), self.fonts)
        frame.number_and_rule(self.doc, self.mask(number), self.fonts)

    def addressee(self, names: Sequence[str] | str) -> Paragraph:
        """主送机关: flush left, names joined by 、, ending with a full-width colon."""
        text = names if isinstance(names, str) else "、".join(names)
        return self.para(text.rstrip("：:") + "：", indent=False)

    def heading(self, text: str, level: int = 1) -> Paragraph:
        """一、 headings in 黑体 (level 1), （一） headings in 楷体 (level 2); the numbering is in the text."""
        paragraph = self._styled_paragraph("Heading 1" if level == 1 else "Heading 2")
        font = self.fonts.heading if level == 1 else self.fonts.heading2
        style_run(paragraph.add_run(self.mask(text)), font[0], BODY_PT)
        return paragraph

    def para(self, text: str, indent: bool = True, align: Any = None, masked: bool = True,
             size: float = BODY_PT) -> Paragraph:
        """A body paragraph (三号 仿宋), first line indented by two characters unless `indent` is False.
        `masked=False` only for the issuing office's own words (its contact line and phone)."""
        paragraph = self.doc.add_paragraph()
        if not indent:
            paragraph.paragraph_format.first_line_indent = Pt(0)
        if align is not None:
            paragraph.alignment = align
        if size != BODY_PT:  # a smaller line keeps the pitch in proportion
            paragraph.paragraph_format.line_spacing = Pt(LINE_PT * size / BODY_PT)
        style_run(paragraph.add_run(self.mask(text) if masked else text), self.fonts.body[0], size)
        return paragraph

    def blank(self) -> Paragraph:
        """An empty line (after a table, before the signature)."""
        return self.doc.add_paragraph()

    def table(self, headers: Sequence[str], rows: Iterable[Sequence[object]], whole: Sequence[int] = (),
              merge: Sequence[int] = ()) -> Any:
        """A centred grid in 五号 as wide as the type area, columns fitted to their text (only wide columns
        wrap; those in `whole` not at all while the others leave room: measure.fit_columns), the header row in
        黑体 and repeated on every page, no row split across pages; an empty line follows. Text cells of more
        than a few characters are left-aligned, short ones centred. In the columns of `merge` a value equal to
        the one above is not repeated: the cells are merged down (a unit's name once beside its files)."""
        texts = [[self.mask(v) for v in values] for values in [list(headers), *[list(r) for r in rows]]]
        merged = _merged_cells(texts, merge)
        for r, c in merged:
            texts[r][c] = ""
        columns = [[row[c] if c < len(row) else "" for row in texts] for c in range(len(headers))]
        widths = fit_columns(columns, TABLE_PT, frame.TYPE_AREA_PT, whole=whole)
        wide = [max((text_em(v) for v in col[1:]), default=0) > 8 for col in columns]
        table = self.doc.add_table(rows=min(len(texts), 2), cols=len(headers))
        table._tbl.tblStyle_val = self._style_id("Table Grid", WD_STYLE_TYPE.TABLE)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        for column, width in zip(table.columns, widths, strict=True):
            column.width = Pt(width)
        # row by row: Table.cell() rebuilds the whole cell grid on every call (quadratic in the rows)
        for r, (row, values) in enumerate(zip(table.rows, texts[:2], strict=True)):
            row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
            for c, (cell, value) in enumerate(zip(row.cells, values, strict=False)):
                cell.width = Pt(widths[c])
                paragraph = cell.paragraphs[0]
                paragraph.paragraph_format.first_line_indent = Pt(0)
                paragraph.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
                left = r > 0 and wide[c]
                paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT if left else WD_ALIGN_PARAGRAPH.CENTER
                font = self.fonts.heading[0] if r == 0 else self.fonts.body[0]
                style_run(paragraph.add_run(value), font, TABLE_PT)
        # the other rows are copies of the first data row, styled alike, with their own text: building each
        # cell through python-docx costs ~2 ms, and a campaign's 评查表 has tens of thousands of them
        template = table.rows[1]._tr if len(texts) > 1 else None
        for values in texts[2:]:
            tr = copy.deepcopy(template)
            for tc, value in zip(tr.iterchildren(qn("w:tc")), values, strict=False):
                _set_cell_text(tc, value)
            table._tbl.append(tr)
        header = table.rows[0]._tr.get_or_add_trPr()
        header.append(OxmlElement("w:tblHeader"))  # repeat the header row on every page
        if merge:
            _merge_down(table, merge, merged)
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

    def attachments(self, names: Sequence[str], contact: str = "", label: str = "附件：") -> None:
        """附件说明 (§7.3.4) after an empty line: 附件：1．… with further names under the first; then the
        contact line, if any."""
        if names:
            self.blank()
            for n, name in enumerate(names, start=1):
                number = f"{n}．" if len(names) > 1 else ""
                paragraph = self.para((label if n == 1 else "") + number + name)
                if n > 1:  # aligned under the first name
                    paragraph.paragraph_format.first_line_indent = Pt(BODY_PT * (2 + len(label)))
        if contact:
            self.para(contact, masked=False)

    def signature(self, organizer: str, date: str, seal: bool = True) -> None:
        """落款: 署名 centred over the 成文日期, four characters from the right, and the seal's place."""
        frame.signature(self.doc, self.mask(organizer), self.mask(date), self.fonts, seal)

    def page_break(self) -> None:
        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def attachment_page(self, label: str, title: str) -> None:
        """A new page opening an attachment: 附件 (黑体, flush left) and its title centred."""
        self.page_break()
        label_paragraph = self.doc.add_paragraph()
        label_paragraph.paragraph_format.first_line_indent = Pt(0)
        style_run(label_paragraph.add_run(self.mask(label)), self.fonts.heading[0], BODY_PT)
        self.title(title)

    def imprint(self, copy_to: Sequence[str], printed_by: str, printed_on: str, copy_label: str) -> None:
        """The 版记 at the foot of the last page: 抄送, 印发机关 and 印发日期."""
        frame.imprint(self.doc, [self.mask(c) for c in copy_to], self.mask(printed_by), self.mask(printed_on),
                      self.fonts, copy_label)

    def save(self, path: Path) -> Path:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        self.doc.save(str(path))
        return path


def _merged_cells(texts: list[list[str]], merge: Sequence[int]) -> set[tuple[int, int]]:
    """(row, column) of the body cells in `merge` columns whose value equals the cell's above (row 0 is the
    header): they continue the cell above."""
    return {(r, c) for c in merge for r in range(2, len(texts))
            if c < len(texts[r]) and c < len(texts[r - 1]) and texts[r][c] and texts[r][c] == texts[r - 1][c]}


def _merge_down(table: Any, merge: Sequence[int], merged: set[tuple[int, int]]) -> None:
    """Mark the cells of `merge` columns: a run of equal values restarts at its first cell, the others continue
    it (w:vMerge), so Word and LibreOffice draw one cell."""
    for r, tr in enumerate(table._tbl.iterchildren(qn("w:tr"))):
        if r == 0:
            continue
        cells = list(tr.iterchildren(qn("w:tc")))
        for c in merge:
            if c >= len(cells):
                continue
            continues = (r, c) in merged
            starts = (r + 1, c) in merged
            if continues or starts:
                vmerge = OxmlElement("w:vMerge")
                if starts and not continues:
                    vmerge.set(qn("w:val"), "restart")
                cells[c].get_or_add_tcPr().append(vmerge)


def _set_cell_text(tc: Any, value: str) -> None:
    """Replace the text of a copied cell's one run, keeping its formatting (a cell built by `GovDoc.table`)."""
    run = tc.find(f".//{qn('w:r')}")
    for child in [*run.findall(qn("w:t")), *run.findall(qn("w:br")), *run.findall(qn("w:tab"))]:
        run.remove(child)
    for n, line in enumerate(value.split("\n")):  # as python-docx's add_run writes breaks and tabs
        if n:
            run.append(OxmlElement("w:br"))
        for m, piece in enumerate(line.split("\t")):
            if m:
                run.append(OxmlElement("w:tab"))
            if piece:
                t = OxmlElement("w:t")
                t.text = piece
                if piece != piece.strip():
                    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                run.append(t)
