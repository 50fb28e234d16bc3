"""The page of a 公文 (GB/T 9704): A4 with its margins, a fixed 28-point line pitch, page numbers '— N —'."""

from __future__ import annotations

from typing import Any

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from reports.glossary import DOC_ZH
from reports.govdoc.fonts import (
    BODY_PT,
    FONTS,
    FOOTER_PT,
    LINE_PT,
    TITLE_PT,
    DocFonts,
    declare_font_fallbacks,
    style_font,
    style_run,
)


def body_spacing(fmt: Any, indent: bool = True) -> None:
    """Exact line pitch, no space around paragraphs, and a two-character first-line indent unless told not."""
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(LINE_PT)
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    fmt.first_line_indent = Pt(BODY_PT * 2) if indent else Pt(0)


def a4_page(section: Any) -> None:
    """A4 portrait with the standard's margins (top 37 mm, bottom 35 mm, left 28 mm, right 26 mm)."""
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(3.7), Cm(3.5)
    section.left_margin, section.right_margin = Cm(2.8), Cm(2.6)
    section.footer_distance = Cm(2.5)


def page_number_footer(section: Any, fonts: DocFonts) -> None:
    """Centered '— N —' in the footer: a PAGE field, so Word numbers every page."""
    paragraph = section.footer.paragraphs[0] if section.footer.paragraphs else section.footer.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    style_run(paragraph.add_run(DOC_ZH["page_prefix"]), fonts.footer[0], FOOTER_PT)
    for kind, text in (("begin", None), ("instr", " PAGE "), ("separate", None), ("text", "1"), ("end", None)):
        run = style_run(paragraph.add_run(), fonts.footer[0], FOOTER_PT)
        if kind == "instr":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._element.append(instr)
        elif kind == "text":
            run.text = text
        else:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._element.append(char)
    style_run(paragraph.add_run(DOC_ZH["page_suffix"]), fonts.footer[0], FOOTER_PT)


def new_government_document(fonts: DocFonts = FONTS) -> DocxDocument:
    """An empty A4 document with GB/T 9704 margins, fonts on the Normal and heading styles, page numbers."""
    doc = Document()
    section = doc.sections[0]
    a4_page(section)
    normal = doc.styles["Normal"]
    style_font(normal, fonts.body[0], BODY_PT, False)
    body_spacing(normal.paragraph_format)
    for name, (font, _alt), size in (("Title", fonts.title, TITLE_PT), ("Heading 1", fonts.heading, BODY_PT),
                                     ("Heading 2", fonts.heading2, BODY_PT)):
        style = doc.styles[name]
        style_font(style, font, size, False)
        body_spacing(style.paragraph_format, indent=name != "Title")
        ppr = style.element.get_or_add_pPr()
        border = ppr.find(qn("w:pBdr"))  # the template's Title has a blue bottom rule
        if border is not None:
            ppr.remove(border)
    declare_font_fallbacks(doc, fonts)
    page_number_footer(section, fonts)
    return doc
