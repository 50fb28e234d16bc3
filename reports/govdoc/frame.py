"""The parts of a 公文 around its body (GB/T 9704-2012 §7.2, §7.3.5, §7.4): the 版头 (red 发文机关标志, 发文字号,
red separator line), the 落款 (署名 centred over the 成文日期, which stands four characters from the right,
and the seal's place), and the 版记 (抄送, 印发机关 and 印发日期 between rules) at the foot of the last page, in frames fixed there.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
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
LEFT_MARGIN_PT = 28 / 25.4 * 72  # reports/govdoc/page.py
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


def _framed(paragraph: Paragraph, top: float, height: float) -> Any:
    """Put `paragraph` in a frame of its own, as wide as the type area, `top` points from the top of the page
    it falls on. One frame per line: LibreOffice drops the frame of consecutive framed paragraphs whose
    borders differ, and the 版记's rules differ (thick first and last, thin between)."""
    ppr = paragraph._p.get_or_add_pPr()
    ppr.insert(0, parse_xml(  # schema order: framePr first (no pStyle, keepNext, keepLines, pageBreakBefore)
        f'<w:framePr {nsdecls("w")} w:w="{round(TYPE_AREA_PT * 20)}" w:h="{round(height * 20)}" w:hRule="atLeast" '
        f'w:wrap="around" w:hAnchor="page" w:x="{round(LEFT_MARGIN_PT * 20)}" w:vAnchor="page" '
        f'w:y="{round(top * 20)}"/>'))
    return ppr


def _line_count(text: str) -> int:
    return max(1, math.ceil(text_pt(text, IMPRINT_PT) / (TYPE_AREA_PT - 2 * IMPRINT_PT)))


def imprint(doc: DocxDocument, copy_to: Sequence[str], printed_by: str, printed_on: str, fonts: DocFonts,
            copy_label: str) -> list[Paragraph]:
    """The 版记 (§7.4): 抄送 and 印发机关/印发日期 in 四号 仿宋 between a thick first and last rule with a thin
    rule between, each line 左右各空一字; framed at the foot of the type area (_framed), so on the last page
    it sits at the bottom however long the body is, not after the text."""
    lines = [(copy_label + "，".join(copy_to) + "。", "")] if copy_to else []
    lines.append((printed_by, printed_on))
    heights = [_line_count(left + "　" + right) * IMPRINT_LINE_PT for left, right in lines]
    bottom = PAGE_HEIGHT_PT - BOTTOM_MARGIN_PT
    paragraphs = []
    for n, (left, right) in enumerate(lines):
        paragraph = _plain(doc.add_paragraph(), WD_ALIGN_PARAGRAPH.LEFT)
        ppr = _framed(paragraph, bottom - sum(heights[n:]), heights[n])
        fmt = paragraph.paragraph_format
        fmt.left_indent, fmt.right_indent = Pt(IMPRINT_PT), Pt(IMPRINT_PT)  # 空一字
        fmt.line_spacing = Pt(IMPRINT_LINE_PT)
        fmt.keep_with_next = n < len(lines) - 1
        if n == 0:
            _border(ppr, "top", 8, "000000", space=1)  # the first and last rules 0.35 mm, the one between 0.25 mm
        _border(ppr, "bottom", 8 if n == len(lines) - 1 else 4, "000000", space=1)
        style_run(paragraph.add_run(left), fonts.body[0], IMPRINT_PT)
        if right:  # 印发机关 flush left, 印发日期 flush right
            fmt.tab_stops.add_tab_stop(Pt(TYPE_AREA_PT - 2 * IMPRINT_PT), WD_TAB_ALIGNMENT.RIGHT)
            style_run(paragraph.add_run("\t" + right), fonts.body[0], IMPRINT_PT)
        paragraphs.append(paragraph)
    anchor = doc.add_paragraph()  # LibreOffice anchors the frames to the paragraph after them: without one it
    anchor.paragraph_format.line_spacing = Pt(1)  # keeps the lines in the text flow
    return paragraphs
