"""Typefaces and sizes of a 公文 (GB/T 9704), set so Word honours them for Chinese text.

python-docx's `font.name` sets only the Latin faces; Chinese text is drawn with `w:eastAsia`, and theme
fonts or theme colours in the default template override explicit ones. These helpers set all of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt, RGBColor
from docx.text.run import Run


@dataclass(frozen=True, slots=True)
class DocFonts:
    """East Asian font per role, with the font Word substitutes when the first is not installed
    (written to the font table as w:altName). 方正小标宋简体 and *_GB2312 are what GB/T 9704 drafts use."""

    title: tuple[str, str] = ("方正小标宋简体", "宋体")
    body: tuple[str, str] = ("仿宋_GB2312", "仿宋")
    heading: tuple[str, str] = ("黑体", "SimHei")
    heading2: tuple[str, str] = ("楷体_GB2312", "楷体")
    footer: tuple[str, str] = ("宋体", "SimSun")
    latin: str = "Times New Roman"

    def east_asian(self) -> tuple[tuple[str, str], ...]:
        """Every (font, substitute) pair, in the order they are declared in the font table."""
        return (self.title, self.body, self.heading, self.heading2, self.footer)


FONTS = DocFonts()
TITLE_PT, BODY_PT, TABLE_PT, FOOTER_PT, IMPRINT_PT = 22, 16, 10.5, 14, 14  # 二号, 三号, 五号, 四号, 四号
LINE_PT = 28  # fixed line pitch: 22 lines on the type area of an A4 page


def set_fonts(rpr: Any, east_asia: str, latin: str) -> None:
    """Set w:rFonts explicitly (ascii, hAnsi, eastAsia, cs) and drop theme fonts, which override them."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:eastAsia"), east_asia)
    fonts.set(qn("w:cs"), latin)


def style_run(run: Run, east_asia: str, size: float, bold: bool = False, latin: str = FONTS.latin) -> Run:
    """A run in `east_asia` (Chinese) and `latin` (digits, Latin letters) at `size` points."""
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.name = latin
    set_fonts(run._element.get_or_add_rPr(), east_asia, latin)
    return run


def style_font(style: Any, east_asia: str, size: float, bold: bool, latin: str = FONTS.latin) -> None:
    """A paragraph style's font: black, upright, in the given faces (the template's blue headings go)."""
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.italic = False
    style.font.color.rgb = RGBColor(0, 0, 0)
    rpr = style.element.get_or_add_rPr()
    color = rpr.find(qn("w:color"))
    if color is not None:  # theme colour attributes would win over the RGB value
        for attr in ("w:themeColor", "w:themeShade", "w:themeTint"):
            color.attrib.pop(qn(attr), None)
    set_fonts(rpr, east_asia, latin)
    if rpr.find(qn("w:lang")) is None:  # Chinese text: substitutes are chosen for Simplified Chinese forms
        lang = OxmlElement("w:lang")
        lang.set(qn("w:val"), "en-US")
        lang.set(qn("w:eastAsia"), "zh-CN")
        rpr.append(lang)


def declare_font_fallbacks(doc: DocxDocument, fonts: DocFonts) -> None:
    """Declare each East Asian font in word/fontTable.xml with its substitute (w:altName) and GB2312 charset,
    so Word on a machine without 方正小标宋简体 or 仿宋_GB2312 falls back to 宋体/仿宋 instead of a Latin font."""
    part = next((p for p in doc.part.package.iter_parts() if str(p.partname) == "/word/fontTable.xml"), None)
    if part is None:
        return
    root = parse_xml(part.blob)
    present = {f.get(qn("w:name")) for f in root.findall(qn("w:font"))}
    for name, alt in fonts.east_asian():
        if name in present:
            continue
        font = parse_xml(
            f'<w:font {nsdecls("w")} w:name="{name}"><w:altName w:val="{alt}"/><w:charset w:val="86"/>'
            '<w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>'
        )
        root.append(font)
        present.add(name)
    from lxml import etree

    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
