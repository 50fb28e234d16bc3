"""The 公文 format on its own (reports/govdoc): what a document composed of its blocks reads like in Word."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import RGBColor

from reports.govdoc import GovDoc
from reports.masking import NameMasker


def _east_asia(paragraph) -> str:
    return paragraph.runs[0]._element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia"))


def test_every_block_is_masked_and_in_its_font(tmp_path: Path) -> None:
    doc = GovDoc(mask=NameMasker(["张三"]))
    doc.title("关于张三的通报")
    doc.heading("一、基本情况")
    doc.heading("（一）当事人", level=2)
    doc.para("当事人张三，身份证号110101199003071234，电话13812345678。")
    doc.table(("序号", "当事人"), [(1, "张三"), (2, None)])
    doc.signature("区司法局", "20XX年X月X日")
    document = docx.Document(str(doc.save(tmp_path / "a" / "doc.docx")))

    text = "\n".join(p.text for p in document.paragraphs)
    cells = [[c.text for c in row.cells] for row in document.tables[0].rows]
    assert "张三" not in text and "张某" in text
    assert "1101**********1234" in text and "138****5678" in text
    assert cells == [["序号", "当事人"], ["1", "张某"], ["2", ""]]

    title, h1, h2, body = [p for p in document.paragraphs if p.text][:4]
    assert (title.style.name, _east_asia(title), title.runs[0].font.size.pt) == ("Title", "方正小标宋简体", 22)
    assert (h1.style.name, _east_asia(h1)) == ("Heading 1", "黑体")
    assert (h2.style.name, _east_asia(h2)) == ("Heading 2", "楷体_GB2312")
    assert (_east_asia(body), body.runs[0].font.size.pt) == ("仿宋_GB2312", 16)
    header_row = document.tables[0].rows[0]
    assert header_row._tr.trPr.find(qn("w:tblHeader")) is not None  # repeated on every page
    assert header_row.cells[0].paragraphs[0].runs[0].font.size.pt == 10.5
    signature = [p for p in document.paragraphs if p.text][-2:]
    assert [p.text for p in signature] == ["区司法局", "20XX年X月X日"]
    assert all(p.alignment == WD_ALIGN_PARAGRAPH.RIGHT for p in signature)
    # the date four characters from the right; the name centred over it; the seal's circle drawn there
    assert signature[1].paragraph_format.right_indent.pt == 64
    assert signature[0].paragraph_format.right_indent.pt > 64 and "印章位置" in signature[0]._p.xml


def test_head_table_widths_and_imprint(tmp_path: Path) -> None:
    doc = GovDoc()
    doc.head("北京市大兴区司法局文件", "京兴司发〔2025〕12号")
    doc.table(("序号", "被评查单位", "得分"), [(1, "北京市大兴区城市管理综合行政执法局", "90")])
    doc.imprint(["市司法局"], "区司法局办公室", "2025年7月10日印发", "抄送：")
    document = docx.Document(str(doc.save(tmp_path / "doc.docx")))
    masthead = next(p for p in document.paragraphs if p.text)
    assert masthead.runs[0].font.color.rgb == RGBColor(0xFF, 0, 0)
    assert masthead.alignment == WD_ALIGN_PARAGRAPH.CENTER
    number = next(p for p in document.paragraphs if p.text.startswith("京兴司发"))
    rule = number._p.pPr.find(qn("w:pBdr")).find(qn("w:bottom"))
    assert rule.get(qn("w:color")) == "FF0000"  # the red separator line
    [data] = document.tables
    widths = [c.width.pt for c in data.rows[0].cells]
    assert widths[1] > 3 * widths[0] and round(sum(widths)) == 442  # fitted to the text, as wide as the type area
    assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in data.rows)
    framed = [p for p in document.paragraphs if p._p.pPr is not None and p._p.pPr.find(qn("w:framePr")) is not None]
    assert [p.text for p in framed] == ["抄送：市司法局。", "区司法局办公室\t2025年7月10日印发"]
    frames = [p._p.pPr.find(qn("w:framePr")) for p in framed]
    assert {f.get(qn("w:vAnchor")) for f in frames} == {"page"}  # fixed on the page, not after the text
    tops = [int(f.get(qn("w:y"))) / 20 for f in frames]
    assert round(tops[1] + 28 + 4) == round((297 - 35) / 25.4 * 72)  # its last line ends on the type area's foot


def test_without_a_mask_the_text_is_written_as_given(tmp_path: Path) -> None:
    doc = GovDoc()
    doc.para("当事人张三，电话13812345678。", indent=False)
    document = docx.Document(str(doc.save(tmp_path / "doc.docx")))
    paragraph = document.paragraphs[-1]
    assert paragraph.text == "当事人张三，电话13812345678。"
    assert paragraph.paragraph_format.first_line_indent == 0
    normal = document.styles["Normal"].paragraph_format
    assert normal.first_line_indent.pt == 32 and normal.line_spacing.pt == 28  # two characters, 28-pt pitch


def test_whole_columns_are_not_narrowed_while_the_others_make_room() -> None:
    from reports.govdoc.measure import CELL_PADDING_PT, fit_columns, text_pt

    number, score = "京罚决字〔2025〕第000123号", "0（原始得分98）"
    rows = [["1", "北京市朝阳区城市管理综合行政执法局", number, "北京某某餐饮管理有限公司朝阳第一分公司", score]]
    rows += [[str(n), "北京市朝阳区城市管理综合行政执法局", number, "北京某某餐饮管理有限公司", "90"] for n in range(2, 30)]
    columns = [[h] + [r[c] for r in rows] for c, h in enumerate(("序号", "被评查单位", "决定书文号", "当事人", "得分"))]
    loose = fit_columns(columns, 10.5, 442)
    assert loose[2] < text_pt(number, 10.5) + CELL_PADDING_PT  # least wrapping alone breaks the 文号
    kept = fit_columns(columns, 10.5, 442, whole=(2, 4))
    assert kept[2] >= text_pt(number, 10.5) + CELL_PADDING_PT + 10.5
    assert kept[4] >= text_pt(score, 10.5) + CELL_PADDING_PT + 10.5
    assert round(sum(kept), 6) == 442
    squeezed = fit_columns(columns, 10.5, 340, whole=(2, 4))  # no room for both: the 文号 (named first) stays
    assert squeezed[2] >= text_pt(number, 10.5) + CELL_PADDING_PT and squeezed[4] < text_pt(score, 10.5)
