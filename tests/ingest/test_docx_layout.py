""".docx evidence a reviewer can find in Word: the page where the file has page breaks, the heading above and
the paragraph's place under it — never the reader's internal block number (issue 16, point 5)."""

from __future__ import annotations

from pathlib import Path

from ingest.readers import read_file


def _places(path: Path) -> dict[str, str]:
    return {b.text: b.position.label() for b in read_file(path, path.name).blocks}


def _inquiry(path: Path, page_break: bool) -> Path:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK

    d = docx.Document()
    d.add_paragraph("询 问 笔 录").alignment = WD_ALIGN_PARAGRAPH.CENTER  # a centred title is a heading
    d.add_paragraph("时间：2024年3月1日9时至10时")
    d.add_paragraph("")  # blank paragraphs are not counted: a person does not count them
    d.add_heading("一、基本情况", level=2)  # styled Heading 2
    d.add_paragraph("问：你的姓名？")
    d.add_paragraph("答：张三。")
    if page_break:
        d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    d.add_paragraph("二、调查经过")  # numbered short line
    d.add_paragraph("问：是否知道违法？")
    d.add_paragraph("答：知道。")
    d.add_paragraph("答：我没有营业执照，以后改正。")
    table = d.add_table(rows=2, cols=2)
    table.cell(1, 0).text = "被询问人签名"
    d.save(str(path))
    return path


def test_docx_with_a_page_break_gives_page_heading_and_paragraph(tmp_path: Path) -> None:
    places = _places(_inquiry(tmp_path / "询问笔录.docx", page_break=True))
    assert places["答：我没有营业执照，以后改正。"] == "第2页，“二、调查经过”下第3段"
    assert places["问：你的姓名？"] == "第1页，“一、基本情况”下第1段"
    assert places["时间：2024年3月1日9时至10时"] == "第1页，“询问笔录”下第1段"  # spaces of a spread title dropped
    assert places["被询问人签名\t"] == "第2页，“二、调查经过”下表格第2行"


def test_docx_without_page_breaks_gives_heading_and_paragraph_only(tmp_path: Path) -> None:
    places = _places(_inquiry(tmp_path / "询问笔录.docx", page_break=False))
    assert places["答：我没有营业执照，以后改正。"] == "“二、调查经过”下第3段"
    assert places["询 问 笔 录"] == "第1段"  # nothing above it: counted from the top


def _raw_docx(path: Path, body: str) -> Path:
    """A .docx written by hand, for the marks python-docx does not write (rendered page breaks, sections)."""
    import zipfile

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                    'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>'
                    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
                    'officedocument.wordprocessingml.document.main+xml"/></Types>')
        zf.writestr("word/document.xml", f'<?xml version="1.0"?><w:document xmlns:w="{w}"><w:body>{body}'
                    "</w:body></w:document>")
    return path


def _p(text: str, ppr: str = "", before: str = "") -> str:
    return f"<w:p><w:pPr>{ppr}</w:pPr><w:r>{before}<w:t>{text}</w:t></w:r></w:p>"


def test_rendered_page_breaks_sections_and_break_before(tmp_path: Path) -> None:
    body = "".join([
        _p("一、案件来源"),
        _p("甲段。"),
        _p("乙段。", before="<w:br w:type=\"page\"/>"),  # hard break at its start: 乙段 is on page 2 …
        _p("丙段。", before="<w:lastRenderedPageBreak/>"),  # … and Word's rendered hint opens page 3
        _p("丁段。", ppr="<w:sectPr/>"),  # ends section 1; section 2 (戊段's sectPr) is continuous: no break
        _p("戊段。", ppr="<w:sectPr><w:type w:val=\"continuous\"/></w:sectPr>"),  # ends section 2; section 3
        # (the body's sectPr, no type) starts on a new page
        _p("己段。", before="<w:lastRenderedPageBreak/>"),  # the hint of the same break: still page 4
        _p("（二）处理意见", ppr="<w:pageBreakBefore/>"),
        _p("庚段。"),
        "<w:sectPr/>",
    ])
    places = _places(_raw_docx(tmp_path / "x.docx", body))
    assert places["乙段。"] == "第2页，“一、案件来源”下第2段"
    assert places["丙段。"] == "第3页，“一、案件来源”下第3段"
    assert places["戊段。"] == "第3页，“一、案件来源”下第5段"
    assert places["己段。"] == "第4页，“一、案件来源”下第6段"
    assert places["庚段。"] == "第5页，“（二）处理意见”下第1段"


def test_page_counted_from_the_page_top_without_a_heading(tmp_path: Path) -> None:
    body = _p("当事人于2024年在本市经营，未取得许可。") + _p("第二段，情节较轻。") + \
        _p("第三段，依法处理。", before="<w:br w:type=\"page\"/>") + _p("第四段，送达。")
    places = _places(_raw_docx(tmp_path / "y.docx", body))
    assert places["第四段，送达。"] == "第2页第2段"
    assert places["第二段，情节较轻。"] == "第1页第2段"
