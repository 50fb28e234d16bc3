"""The circular draft (通报.docx): scope and method, ranking, grades, charts, common problems, recurrence and
the rectification requirements (整改要求), laid out as a government document (GB/T 9704 conventions).

It is a draft for the bureau to finish: title year, document number, deadline and date are placeholders
(20XX, X号). Everything it prints passes through masking (reports/masking.py), because a circular goes to
every unit and is often published; the reviewer's scorecard keeps the data as found.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd
from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from ingest.glossary import (
    CHART_ZH,
    CHINESE_NUMERALS,
    CIRCULAR_ZH,
    DOC_ZH,
    FILE_NAMES_ZH,
    FINDING_ZH,
    GRADES_ZH,
    LOCATION_ZH,
    REPORT_ZH,
    TERMS_ZH,
    TREND_ZH,
)
from reports.charts import CHART_FILES
from reports.loading import RunData, load_run
from reports.masking import NameMasker, individual_names
from reports.summary import failed, top_problems, unit_ranking

if TYPE_CHECKING:
    from reports.history.trends import Trends

CIRCULAR_FILE = FILE_NAMES_ZH["circular"]
PROBLEM_DETAILS = 5  # problems described with examples; the table lists up to PROBLEM_TABLE
PROBLEM_TABLE = 10
EXAMPLES_PER_PROBLEM = 2


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


FONTS = DocFonts()
TITLE_PT, BODY_PT, TABLE_PT, FOOTER_PT = 22, 16, 10.5, 14  # 二号, 三号, 五号, 四号
LINE_PT = 28  # fixed line pitch: 22 lines on the type area of an A4 page


# --- low-level formatting ------------------------------------------------------------------------------


def _set_fonts(rpr: Any, east_asia: str, latin: str) -> None:
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
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.name = latin
    _set_fonts(run._element.get_or_add_rPr(), east_asia, latin)
    return run


def _style_font(style: Any, east_asia: str, size: float, bold: bool, latin: str = FONTS.latin) -> None:
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.italic = False
    style.font.color.rgb = RGBColor(0, 0, 0)
    rpr = style.element.get_or_add_rPr()
    color = rpr.find(qn("w:color"))
    if color is not None:  # theme colour attributes would win over the RGB value
        for attr in ("w:themeColor", "w:themeShade", "w:themeTint"):
            color.attrib.pop(qn(attr), None)
    _set_fonts(rpr, east_asia, latin)


def _paragraph_format(fmt: Any, indent: bool = True) -> None:
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(LINE_PT)
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    fmt.first_line_indent = Pt(BODY_PT * 2) if indent else Pt(0)


def _font_table_fallbacks(doc: DocxDocument, fonts: DocFonts) -> None:
    """Declare each East Asian font in word/fontTable.xml with its substitute (w:altName) and GB2312 charset,
    so Word on a machine without 方正小标宋简体 or 仿宋_GB2312 falls back to 宋体/仿宋 instead of a Latin font."""
    part = next((p for p in doc.part.package.iter_parts() if str(p.partname) == "/word/fontTable.xml"), None)
    if part is None:
        return
    root = parse_xml(part.blob)
    present = {f.get(qn("w:name")) for f in root.findall(qn("w:font"))}
    for name, alt in (fonts.title, fonts.body, fonts.heading, fonts.heading2, fonts.footer):
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


def _page_number_footer(section: Any, fonts: DocFonts) -> None:
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
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(3.7), Cm(3.5)
    section.left_margin, section.right_margin = Cm(2.8), Cm(2.6)
    section.footer_distance = Cm(2.5)
    normal = doc.styles["Normal"]
    _style_font(normal, fonts.body[0], BODY_PT, False)
    _paragraph_format(normal.paragraph_format)
    for name, (font, _alt), size in (("Title", fonts.title, TITLE_PT), ("Heading 1", fonts.heading, BODY_PT),
                                     ("Heading 2", fonts.heading2, BODY_PT)):
        style = doc.styles[name]
        _style_font(style, font, size, False)
        _paragraph_format(style.paragraph_format, indent=name != "Title")
        ppr = style.element.get_or_add_pPr()
        border = ppr.find(qn("w:pBdr"))  # the template's Title has a blue bottom rule
        if border is not None:
            ppr.remove(border)
    _font_table_fallbacks(doc, fonts)
    _page_number_footer(section, fonts)
    return doc


class GovDoc:
    """A government-document writer whose every text passes through masking (names = individual parties)."""

    def __init__(self, names: Iterable[str] = (), fonts: DocFonts = FONTS) -> None:
        self.doc = new_government_document(fonts)
        self.fonts = fonts
        self.mask_names = NameMasker(names)

    def mask(self, text: object) -> str:
        return self.mask_names("" if text is None else str(text))

    def title(self, text: str) -> Paragraph:
        paragraph = self.doc.add_paragraph(style="Title")
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.line_spacing = Pt(TITLE_PT * 1.6)
        paragraph.paragraph_format.space_before = Pt(LINE_PT)
        paragraph.paragraph_format.space_after = Pt(LINE_PT)
        style_run(paragraph.add_run(self.mask(text)), self.fonts.title[0], TITLE_PT)
        return paragraph

    def center(self, text: str) -> Paragraph:
        paragraph = self.doc.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.first_line_indent = Pt(0)
        style_run(paragraph.add_run(self.mask(text)), self.fonts.body[0], BODY_PT)
        return paragraph

    def heading(self, text: str, level: int = 1) -> Paragraph:
        paragraph = self.doc.add_paragraph(style="Heading 1" if level == 1 else "Heading 2")
        font = self.fonts.heading if level == 1 else self.fonts.heading2
        style_run(paragraph.add_run(self.mask(text)), font[0], BODY_PT)
        return paragraph

    def para(self, text: str, indent: bool = True, align: Any = None) -> Paragraph:
        paragraph = self.doc.add_paragraph()
        if not indent:
            paragraph.paragraph_format.first_line_indent = Pt(0)
        if align is not None:
            paragraph.alignment = align
        style_run(paragraph.add_run(self.mask(text)), self.fonts.body[0], BODY_PT)
        return paragraph

    def table(self, headers: Sequence[str], rows: Iterable[Sequence[object]]) -> Any:
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
        self.doc.add_paragraph()
        return table

    def picture(self, path: Path, caption: str) -> None:
        self.doc.add_picture(str(path), width=Cm(15.6))
        picture = self.doc.paragraphs[-1]
        picture.alignment = WD_ALIGN_PARAGRAPH.CENTER
        picture.paragraph_format.first_line_indent = Pt(0)
        picture.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
        self.para(caption, indent=False, align=WD_ALIGN_PARAGRAPH.CENTER)

    def signature(self, lines: Sequence[str]) -> None:
        self.doc.add_paragraph()
        for line in lines:
            self.para(line, indent=False, align=WD_ALIGN_PARAGRAPH.RIGHT)

    def save(self, path: Path) -> Path:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        self.doc.save(str(path))
        return path


# --- helpers shared with the letters -------------------------------------------------------------------


def fmt_num(value: float, digits: int = 2) -> str:
    """86 -> '86', 45.5 -> '45.5', 83.333 -> '83.33'."""
    text = f"{float(value):.{digits}f}".rstrip("0").rstrip(".")
    return text or "0"


def fmt_share(part: int, whole: int) -> str:
    return f"{part / whole * 100:.1f}%" if whole else "0%"


def case_part(dossier_id: str) -> str:
    """The case folder/file name without its unit: 区城管执法局/2025-017 -> 2025-017."""
    return dossier_id.split("/", 1)[1] if "/" in dossier_id else dossier_id


def location(source_file: str, page: str) -> str:
    page = str(page or "").strip()
    where = LOCATION_ZH["page"].format(page=page) if page.isdigit() else LOCATION_ZH["cell"].format(page=page)
    return "，".join(p for p in (source_file, where if page else "") if p)


def campaign_year_of(data: RunData) -> int | None:
    value = data.run.raw.get("campaign_year")
    try:
        return int(value) if value not in (None, "") else (data.run.started_at.year if data.run.started_at else None)
    except (TypeError, ValueError):
        return None


def campaign_name(data: RunData) -> str:
    return data.run.campaign or CIRCULAR_ZH["campaign_default"]


# --- the circular --------------------------------------------------------------------------------------


def _sampling_text(data: RunData) -> str:
    sampling = data.run.raw.get("sampling")
    if isinstance(sampling, dict):
        population = sampling.get("population", sampling.get("total"))
        drawn = sampling.get("drawn", sampling.get("sampled", len(data.cases)))
        try:
            population, drawn = int(population), int(drawn)
        except (TypeError, ValueError):
            return CIRCULAR_ZH["sampling_list"]
        return CIRCULAR_ZH["sampling"].format(population=population, drawn=drawn,
                                              ratio=fmt_share(drawn, population))
    if data.run.arguments.get("sample"):
        return CIRCULAR_ZH["sampling_list"]
    return ""


def _scope(doc: GovDoc, data: RunData) -> None:
    doc.heading(CIRCULAR_ZH["h_scope"])
    checklist = data.run.checklist
    units = data.cases["unit"].nunique()
    text = CIRCULAR_ZH["scope"].format(units=units, files=len(data.cases)) + _sampling_text(data)
    if checklist.id:
        text += CIRCULAR_ZH["method"].format(title=checklist.title or checklist.id, id=checklist.id,
                                             version=checklist.version or "—")
    if len(data.audit):
        text += CIRCULAR_ZH["review_note"].format(n=len(data.audit))
    unreadable = int((data.problems["source_file"].astype(str) != "").sum())  # files, not empty units
    if unreadable:
        text += CIRCULAR_ZH["unreadable"].format(n=unreadable)
    doc.para(text)


def ranking_rows(cases: pd.DataFrame) -> list[list[str]]:
    """The ranking table's rows (also what the test compares with cases.csv)."""
    ranking = unit_ranking(cases)
    return [
        [str(r["rank"]), r["unit"], str(r["files"]), fmt_num(r["average"]), fmt_num(r["total"]),
         *[str(r[g]) for g in GRADES_ZH], str(r["vetoes"])]
        for _, r in ranking.iterrows()
    ]


RANKING_HEADERS = (TERMS_ZH["rank"], TERMS_ZH["unit"], TERMS_ZH["files_reviewed"], TERMS_ZH["average_score"],
                   TERMS_ZH["total"], *GRADES_ZH, TERMS_ZH["veto_count"])


def _results(doc: GovDoc, data: RunData, charts: Sequence[tuple[Path, str]]) -> None:
    doc.heading(CIRCULAR_ZH["h_results"])
    doc.heading(CIRCULAR_ZH["h_ranking"], level=2)
    doc.para(CIRCULAR_ZH["ranking_intro"])
    doc.table(RANKING_HEADERS, ranking_rows(data.cases))
    doc.heading(CIRCULAR_ZH["h_grades"], level=2)
    graded = data.cases[data.cases["grade"].isin(GRADES_ZH)]
    parts = [CIRCULAR_ZH["grade_part"].format(grade=g, files=int((graded["grade"] == g).sum()),
                                              share=fmt_share(int((graded["grade"] == g).sum()), len(graded)))
             for g in GRADES_ZH]
    text = CIRCULAR_ZH["grades_intro"].format(files=len(graded)) + "，".join(parts) + "。"
    vetoed = int(data.cases["vetoed"].sum())
    if vetoed:
        text += CIRCULAR_ZH["vetoed"].format(n=vetoed)
    doc.para(text)
    if charts:
        doc.heading(CIRCULAR_ZH["h_charts"], level=2)
        for n, (path, title) in enumerate(charts, start=1):
            doc.picture(path, DOC_ZH["figure"].format(n=n, title=title))


def _examples(hits: pd.DataFrame) -> list[str]:
    """Up to EXAMPLES_PER_PROBLEM example sentences, quotes first, one per unit where possible."""
    ordered = hits.assign(_has_quote=hits["quote"].astype(str) != "").sort_values(
        "_has_quote", ascending=False, kind="stable").drop_duplicates("unit")
    sentences = []
    for _, row in ordered.head(EXAMPLES_PER_PROBLEM).iterrows():
        message = str(row["message"]).rstrip("。；;，,") + "。" if row["message"] else ""
        text = CIRCULAR_ZH["example"].format(unit=row["unit"], dossier=case_part(row["dossier_id"]), message=message)
        if row["quote"]:
            text += CIRCULAR_ZH["example_quote"].format(quote=row["quote"],
                                                        where=location(row["source_file"], row["page"]))
        sentences.append(text)
    return sentences


def _problems(doc: GovDoc, data: RunData) -> None:
    doc.heading(CIRCULAR_ZH["h_problems"])
    top = top_problems(data.findings, limit=PROBLEM_TABLE)
    if top.empty:
        doc.para(CIRCULAR_ZH["no_problems"])
        return
    doc.para(CIRCULAR_ZH["problems_intro"])
    hits = data.findings[failed(data.findings)].merge(data.cases[["dossier_id", "unit"]], on="dossier_id")
    doc.table(
        (DOC_ZH["seq"], FINDING_ZH["item_code"], FINDING_ZH["item_name"], REPORT_ZH["files_with_problem"],
         REPORT_ZH["points_total"]),
        [[str(i), r["item_code"], r["item_name"], str(r["files"]), fmt_num(r["points"])]
         for i, (_, r) in enumerate(top.iterrows(), start=1)],
    )
    for n, (_, row) in enumerate(top.head(PROBLEM_DETAILS).iterrows(), start=1):
        item_hits = hits[hits["item_code"] == row["item_code"]]
        key = "problem_veto" if row["vetoes"] else "problem_item"
        text = CIRCULAR_ZH[key].format(n=CHINESE_NUMERALS[n - 1], item_name=row["item_name"],
                                       item_code=row["item_code"], files=row["files"],
                                       units=item_hits["unit"].nunique(), points=fmt_num(row["points"]))
        doc.para(text + "".join(_examples(item_hits)))


def _recurrence(doc: GovDoc, trends: Trends) -> None:
    doc.heading(CIRCULAR_ZH["h_recurrence"])
    names = dict(zip(trends.campaigns["label"], trends.campaigns["name"], strict=True))
    previous = names.get(trends.previous) or trends.previous
    if trends.recurrence.empty:
        doc.para(CIRCULAR_ZH["recurrence_none"].format(previous=previous))
    else:
        doc.para(CIRCULAR_ZH["recurrence_intro"].format(previous=previous))
        doc.table(
            (DOC_ZH["seq"], TERMS_ZH["unit"], FINDING_ZH["item_code"], FINDING_ZH["item_name"],
             TREND_ZH["previous_files"], TREND_ZH["latest_files"]),
            [[str(i), r["unit"], r["item_code"], r["item_name"], str(r["previous_files"]), str(r["latest_files"])]
             for i, (_, r) in enumerate(trends.recurrence.iterrows(), start=1)],
        )
    if not trends.zero_enforcement.empty:
        units = "、".join(trends.zero_enforcement["unit"])
        doc.para(CIRCULAR_ZH["zero_enforcement"].format(previous=previous, units=units))


def _requirements(doc: GovDoc, number: int) -> None:
    doc.heading(CIRCULAR_ZH["h_requirements"].format(n=CHINESE_NUMERALS[number - 1]))
    organizer, deadline = DOC_ZH["organizer"], DOC_ZH["deadline_placeholder"]
    for key in ("req_1", "req_2", "req_3", "req_4"):
        doc.para(CIRCULAR_ZH[key].format(organizer=organizer, deadline=deadline))


def run_charts(out_dir: Path) -> list[tuple[Path, str]]:
    """The run's charts/*.png (also one folder deeper), each with its title from the glossary."""
    titles = {file: CHART_ZH[key] for key, file in CHART_FILES.items()}
    paths = sorted({p.resolve() for p in Path(out_dir).glob("charts/**/*.png")})
    order = list(CHART_FILES.values())
    paths.sort(key=lambda p: (order.index(p.name) if p.name in order else len(order), str(p)))
    return [(p, titles.get(p.name, p.stem)) for p in paths]


def write_circular(out_dir: Path, path: Path, trends: Trends | None = None) -> Path:
    """Write the circular draft for the run in `out_dir` to `path` (conventionally OUT/通报.docx).

    With `trends` (reports.history.compute_trends), the trend charts and a 整改落实情况 section (recurrence
    table, 零执法 list) are added.
    """
    data = load_run(Path(out_dir))
    doc = GovDoc(names=individual_names(data.cases))
    year = campaign_year_of(data)
    doc.center(CIRCULAR_ZH["doc_no"])
    doc.title(CIRCULAR_ZH["title"].format(year=year or CIRCULAR_ZH["year_placeholder"]))
    doc.para(CIRCULAR_ZH["addressee"], indent=False)
    doc.para(CIRCULAR_ZH["intro"].format(organizer=DOC_ZH["organizer"], campaign=campaign_name(data)))
    _scope(doc, data)
    charts = run_charts(out_dir)
    with tempfile.TemporaryDirectory(prefix="pingcha-trends-") as tmp:
        if trends is not None and len(trends.campaigns) >= 2:
            from reports.history.charts import TREND_CHART_FILES, render_trend_charts

            titles = {file: TREND_ZH[key] for key, file in TREND_CHART_FILES.items()}
            charts += [(p, titles.get(p.name, p.stem)) for p in render_trend_charts(trends, Path(tmp))]
        _results(doc, data, charts)
        _problems(doc, data)
        section = 4
        if trends is not None and trends.previous is not None:
            _recurrence(doc, trends)
            section = 5
        _requirements(doc, section)
        doc.signature([DOC_ZH["organizer"], DOC_ZH["date_placeholder"]])
        return doc.save(path)
