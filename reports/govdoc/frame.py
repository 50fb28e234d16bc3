"""The parts of a 公文 around its body (GB/T 9704-2012 §7.2, §7.3.5, §7.4): the 版头 (red 发文机关标志, 发文字号,
red separator line), the 落款 (署名 centred over the 成文日期, which stands four characters from the right,
and the seal's place), and the 版记 (抄送, 印发机关 and 印发日期 between rules) at the foot of the last page.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt, RGBColor
from docx.text.paragraph import Paragraph

from reports.govdoc.fonts import BODY_PT, IMPRINT_PT, LINE_PT, DocFonts, style_run
from reports.govdoc.measure import text_pt

RED = "FF0000"
TYPE_AREA_PT = 156 / 25.4 * 72  # 156 mm: the type area's width
MASTHEAD_MAX_PT = 42  # 初号; longer names shrink to stay on one line
MASTHEAD_TOP_PT = 35 / 25.4 * 72  # §7.2.1: the 发文机关标志's top edge 35 mm below the type area's
PAGE_HEIGHT_PT, BOTTOM_MARGIN_PT = 297 / 25.4 * 72, 35 / 25.4 * 72  # reports/govdoc/page.py
IMPRINT_LINE_PT = LINE_PT + 4  # a line of the 版记 with its rule
IMPRINT_WIDTH_PT = TYPE_AREA_PT - 2  # LibreOffice keeps a floating table as wide as the text area inline
SEAL_MM = 42  # a round official seal
_EMU_PER_PT = 12700


def _border(ppr: Any, side: str, size_eighths: int, color: str, space: int = 0) -> None:
    borders = ppr.find(qn("w:pBdr"))
    if borders is None:  # schema order: after pStyle … framePr, widowControl, numPr; before shd, tabs, spacing …
        borders = OxmlElement("w:pBdr")
        frame_pr = ppr.find(qn("w:framePr"))
        if frame_pr is not None:
            frame_pr.addnext(borders)
        else:
            ppr.insert_element_before(borders, "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku",
                                      "w:wordWrap", "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE",
                                      "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid",
                                      "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
                                      "w:suppressOverlap", "w:jc")
    edge = OxmlElement(f"w:{side}")
    for key, value in (("val", "single"), ("sz", str(size_eighths)), ("space", str(space)), ("color", color)):
        edge.set(qn(f"w:{key}"), value)
    borders.append(edge)


def _plain(paragraph: Paragraph, align: Any = WD_ALIGN_PARAGRAPH.CENTER) -> Paragraph:
    paragraph.alignment = align
    paragraph.paragraph_format.first_line_indent = Pt(0)
    return paragraph


def masthead(doc: DocxDocument, text: str, fonts: DocFonts) -> Paragraph:
    """The 发文机关标志: red 小标宋, centred, on one line, 35 mm below the top of the type area."""
    size = min(MASTHEAD_MAX_PT, int(TYPE_AREA_PT / max(text_pt(text, 1.0), 1.0)))
    paragraph = _plain(doc.add_paragraph())
    paragraph.paragraph_format.space_before = Pt(MASTHEAD_TOP_PT - LINE_PT)
    paragraph.paragraph_format.line_spacing = Pt(size * 1.3)
    run = style_run(paragraph.add_run(text), fonts.title[0], size)
    run.font.color.rgb = RGBColor.from_string(RED)
    return paragraph


def number_and_rule(doc: DocxDocument, number: str, fonts: DocFonts) -> Paragraph:
    """The 发文字号 centred two lines below the masthead, and under it (4 mm) the red separator line as wide
    as the type area."""
    doc.add_paragraph()
    doc.add_paragraph()
    paragraph = _plain(doc.add_paragraph())
    style_run(paragraph.add_run(number), fonts.body[0], BODY_PT)
    _border(paragraph._p.get_or_add_pPr(), "bottom", 12, RED, space=10)  # 1.5 pt, 10 pt below the text
    return paragraph


def _seal(paragraph: Paragraph, centre_pt: float) -> None:
    """A dashed red circle where the seal goes, behind the 署名 and 成文日期, which sit a little below its
    centre (§7.3.5.1); the bureau stamps over it."""
    size = round(SEAL_MM / 25.4 * 72 * _EMU_PER_PT)
    left = round(centre_pt * _EMU_PER_PT - size / 2)
    top = round(-0.33 * size)
    wps = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
    xml = (
        f'<w:r {nsdecls("w", "wp", "a")} xmlns:wps="{wps}"><w:drawing>'
        '<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="251659264" '
        'behindDoc="1" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        f'<wp:positionH relativeFrom="margin"><wp:posOffset>{left}</wp:posOffset></wp:positionH>'
        f'<wp:positionV relativeFrom="paragraph"><wp:posOffset>{top}</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="{size}" cy="{size}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>'
        '<wp:docPr id="4201" name="seal" descr="印章位置"/><wp:cNvGraphicFramePr/>'
        f'<a:graphic><a:graphicData uri="{wps}"><wps:wsp><wps:cNvSpPr/><wps:spPr>'
        f'<a:xfrm><a:off x="0" y="0"/><a:ext cx="{size}" cy="{size}"/></a:xfrm>'
        '<a:prstGeom prst="ellipse"><a:avLst/></a:prstGeom><a:noFill/>'
        f'<a:ln w="9525"><a:solidFill><a:srgbClr val="{RED}"/></a:solidFill><a:prstDash val="dash"/></a:ln>'
        '</wps:spPr><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>'
    )
    paragraph._p.append(parse_xml(xml))


def signature(doc: DocxDocument, organizer: str, date: str, fonts: DocFonts, seal: bool = True) -> None:
    """落款 (§7.3.5.1): a blank line, the 署名 centred over the 成文日期, the date four characters from the
    right margin; with `seal`, the seal's place drawn over both."""
    doc.add_paragraph()
    date_right = 4 * BODY_PT
    date_width, name_width = text_pt(date, BODY_PT), text_pt(organizer, BODY_PT)
    name_right = max(0.0, date_right + (date_width - name_width) / 2)
    name = _plain(doc.add_paragraph(), WD_ALIGN_PARAGRAPH.RIGHT)
    name.paragraph_format.right_indent = Pt(name_right)
    style_run(name.add_run(organizer), fonts.body[0], BODY_PT)
    day = _plain(doc.add_paragraph(), WD_ALIGN_PARAGRAPH.RIGHT)
    day.paragraph_format.right_indent = Pt(date_right)
    style_run(day.add_run(date), fonts.body[0], BODY_PT)
    if seal:
        _seal(name, TYPE_AREA_PT - date_right - date_width / 2)


def _cell_text(cell: Any, text: str, fonts: DocFonts, align: Any) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.alignment = align
    fmt = paragraph.paragraph_format
    fmt.first_line_indent, fmt.left_indent, fmt.right_indent = Pt(0), Pt(IMPRINT_PT), Pt(IMPRINT_PT)  # 空一字
    style_run(paragraph.add_run(text), fonts.body[0], IMPRINT_PT)


def imprint(doc: DocxDocument, copy_to: Sequence[str], printed_by: str, printed_on: str, fonts: DocFonts,
            copy_label: str) -> Any:
    """The 版记 (§7.4): 抄送 and 印发机关/印发日期 in 四号 仿宋 between a thick first and last rule with a thin
    rule between: a table floating at the foot of the type area of the last page (so it stays there however
    long the body is), each line 左右各空一字."""
    rows = 2 if copy_to else 1
    table = doc.add_table(rows=rows, cols=2)
    tbl_pr = table._tbl.tblPr
    top = PAGE_HEIGHT_PT - BOTTOM_MARGIN_PT - rows * IMPRINT_LINE_PT
    tbl_pr.insert(0, parse_xml(  # schema order: tblpPr first (no table style), tblBorders after tblW
        f'<w:tblpPr {nsdecls("w")} w:leftFromText="0" w:rightFromText="0" w:vertAnchor="page" '
        f'w:horzAnchor="margin" w:tblpXSpec="center" w:tblpY="{round(top * 20)}"/>'))
    width = tbl_pr.find(qn("w:tblW"))
    width.set(qn("w:type"), "dxa")
    width.set(qn("w:w"), str(round(IMPRINT_WIDTH_PT * 20)))
    width.addnext(parse_xml(
        f'<w:tblBorders {nsdecls("w")}><w:top w:val="single" w:sz="8" w:space="0" w:color="000000"/>'
        '<w:left w:val="nil"/><w:bottom w:val="single" w:sz="8" w:space="0" w:color="000000"/>'
        '<w:right w:val="nil"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
        '<w:insideV w:val="nil"/></w:tblBorders>'))
    for row in table.rows:
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        for cell in row.cells:
            cell.width = Pt(IMPRINT_WIDTH_PT / 2)
    if copy_to:
        merged = table.rows[0].cells[0].merge(table.rows[0].cells[1])
        _cell_text(merged, copy_label + "，".join(copy_to) + "。", fonts, WD_ALIGN_PARAGRAPH.LEFT)
    last = table.rows[-1].cells
    _cell_text(last[0], printed_by, fonts, WD_ALIGN_PARAGRAPH.LEFT)
    _cell_text(last[1], printed_on, fonts, WD_ALIGN_PARAGRAPH.RIGHT)
    anchor = doc.add_paragraph()  # a floating table is anchored to the paragraph after it: without one,
    anchor.paragraph_format.line_spacing = Pt(1)  # LibreOffice drops the table
    return table
