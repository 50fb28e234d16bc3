"""Readers: real files built here, asserting text, positions and the kind of every failure."""

from __future__ import annotations

import contextlib
import re
import struct
import time
import tracemalloc
import zipfile
from collections.abc import Callable
from datetime import date, datetime
from datetime import time as clock
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ingest.errors import ReadError
from ingest.glossary import ProblemKind
from ingest.model import Position
from ingest.readers import ReadLimits, pages_needing_ocr, read_file
from ingest.readers.pdf_reader import is_garbled
from ingest.readers.sniff import OLE_MAGIC
from tests.ingest.builders import make_docx, make_pdf, make_xlsx, read_docx_with_python_docx

DECISION_LINES = [
    "北京市朝阳区城市管理综合行政执法局",
    "行 政 处 罚 决 定 书",
    "京朝城管罚字〔2024〕第12号",
    "当事人：北京某某餐饮有限公司\u3000统一社会信用代码：91110105MA01234567",
    "收到本行政处罚决定书之日起六十日内可申请行政复议。",
]


def _kind(path: Path, limits: ReadLimits = ReadLimits()) -> ProblemKind:
    with pytest.raises(ReadError) as info:
        read_file(path, path.name, limits)
    assert info.value.message  # always a Chinese explanation
    return info.value.kind


# ---------------------------------------------------------------------------------------------- docx


def test_docx_paragraphs_and_tables_in_order(tmp_path: Path) -> None:
    path = make_docx(
        tmp_path / "决定书.docx",
        ["行政处罚决定审批表", "", [["当事人", "北京某某有限公司"], ["案由", "未按规定"]], "承办人意见：同意"],
    )
    doc = read_file(path, "决定书.docx")
    assert doc.file_format == "docx" and doc.page_count == 1
    assert [(b.text, b.position.paragraph, b.in_table) for b in doc.blocks] == [
        ("行政处罚决定审批表", 1, False),
        ("当事人\t北京某某有限公司", 3, True),  # paragraph 2 is blank: counted, not emitted
        ("案由\t未按规定", 4, True),
        ("承办人意见：同意", 5, False),
    ]
    assert doc.tables[0].rows == (("当事人", "北京某某有限公司"), ("案由", "未按规定"))
    assert doc.tables[0].position == Position(paragraph=3)
    assert doc.source_file == "决定书.docx"


def test_docx_fast_path_equals_python_docx(tmp_path: Path) -> None:
    import docx
    from docx.enum.text import WD_BREAK

    d = docx.Document()
    p = d.add_paragraph("第一行")
    p.add_run().add_break()  # line break → "\n"
    p.add_run("第二行\t制表")
    d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)  # page break → "" (a blank paragraph)
    d.add_paragraph("行　政　处　罚　决　定　书")
    t = d.add_table(rows=2, cols=3)
    t.cell(0, 0).merge(t.cell(0, 1)).text = "合并单元格"
    t.cell(1, 2).text = "多段\n文字"
    d.add_paragraph("落款：2024年3月5日")
    path = tmp_path / "a.docx"
    d.save(str(path))
    fast = read_file(path, "a.docx")
    assert _text_rules(fast) == _text_rules(read_docx_with_python_docx(path, "a.docx"))
    assert fast.tables == read_docx_with_python_docx(path, "a.docx").tables
    assert fast.blocks[0].text == "第一行\n第二行\t制表"
    assert fast.blocks[2].text == "合并单元格\t"  # a merged cell once, not once per grid column

    generated = make_docx(tmp_path / "b.docx", DECISION_LINES + [[["a", "b"], ["", ""]]] + DECISION_LINES)
    assert _text_rules(read_file(generated, "b")) == _text_rules(read_docx_with_python_docx(generated, "b"))


def _text_rules(doc) -> list[tuple[str, int | None, bool]]:
    """What python-docx and the fast path must agree on: each block's text, number and table membership (the
    page and heading a person finds it by are the fast path's alone, tests/ingest/test_docx_layout.py)."""
    return [(b.text, b.position.paragraph, b.in_table) for b in doc.blocks]


def test_docx_mislabelled_as_pdf_is_read_as_docx(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "x.docx", ["送达回证"])
    wrong = path.rename(tmp_path / "送达回证.pdf")
    doc = read_file(wrong, "送达回证.pdf")
    assert doc.file_format == "docx" and doc.blocks[0].text == "送达回证"


def test_truncated_docx_is_corrupt(tmp_path: Path) -> None:
    good = make_docx(tmp_path / "g.docx", DECISION_LINES).read_bytes()
    bad = tmp_path / "bad.docx"
    bad.write_bytes(good[: len(good) // 2])
    assert _kind(bad) is ProblemKind.CORRUPT


def test_docx_without_document_part_is_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "x.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("readme.txt", "hello")
    assert _kind(path) is ProblemKind.CORRUPT


def _bomb(path: Path, megabytes: int) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open("word/document.xml", "w", force_zip64=True) as fh:
            chunk = b" " * (1 << 20)
            for _ in range(megabytes):
                fh.write(chunk)
    return path


def test_zip_bomb_is_too_large_fast_and_small(tmp_path: Path) -> None:
    path = _bomb(tmp_path / "炸弹.docx", 320)  # 320 MB of XML in a ~1.5 MB file
    assert path.stat().st_size < 5 * 1024 * 1024
    tracemalloc.start()
    started = time.perf_counter()
    assert _kind(path) is ProblemKind.TOO_LARGE
    elapsed = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert elapsed < 1.0 and peak < 20 * 1024 * 1024


def test_zip_member_with_lying_size_stops_early(tmp_path: Path) -> None:
    """A header that declares 100 bytes for a 3 MB member: never inflated past what was declared."""
    path = tmp_path / "lie.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", b"<w:document/>" + b" " * 3_000_000)
    data = bytearray(path.read_bytes())
    local = data.find(b"PK\x03\x04")
    central = data.find(b"PK\x01\x02")
    struct.pack_into("<I", data, local + 22, 100)
    struct.pack_into("<I", data, central + 24, 100)
    path.write_bytes(bytes(data))
    assert _kind(path, ReadLimits(max_uncompressed_mb=1)) in (ProblemKind.CORRUPT, ProblemKind.TOO_LARGE)


def test_declared_size_over_limit(tmp_path: Path) -> None:
    path = _bomb(tmp_path / "b.docx", 3)
    assert _kind(path, ReadLimits(max_uncompressed_mb=2)) is ProblemKind.TOO_LARGE


# ---------------------------------------------------------------------------------------------- pdf


def test_pdf_lines_pages_and_fullwidth_space(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "d.pdf", [DECISION_LINES[:4], DECISION_LINES[4:]])
    doc = read_file(path, "正卷/d.pdf")
    assert doc.file_format == "pdf" and doc.page_count == 2
    assert [(b.text, b.position.page) for b in doc.blocks] == [
        (DECISION_LINES[0], 1),
        (DECISION_LINES[1], 1),
        (DECISION_LINES[2], 1),
        (DECISION_LINES[3], 1),  # U+3000 kept
        (DECISION_LINES[4], 2),
    ]
    assert "\r" not in doc.text
    assert doc.pages_needing_ocr == ()


def test_pdf_image_page_needs_ocr(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "scan.pdf", [["送达回证"], [], ["备考表"]], image_pages=[2])
    doc = read_file(path, "scan.pdf")
    assert pages_needing_ocr(doc) == (2,)
    assert [b.position.page for b in doc.blocks] == [1, 3]


def test_pdf_fully_scanned_is_not_empty(tmp_path: Path) -> None:
    doc = read_file(make_pdf(tmp_path / "s.pdf", [[], []], image_pages=[1, 2]), "s.pdf")
    assert doc.blocks == [] and doc.pages_needing_ocr == (1, 2)


def test_pdf_garbled_page_is_flagged_and_dropped(tmp_path: Path) -> None:
    garbage = "(cid:12)(cid:34)(cid:56)(cid:78)(cid:90)(cid:11)(cid:23)"
    path = make_pdf(tmp_path / "g.pdf", [["行政处罚事先告知书"], [garbage, garbage]])
    doc = read_file(path, "g.pdf")
    assert doc.pages_needing_ocr == (2,)
    assert [b.text for b in doc.blocks] == ["行政处罚事先告知书"]


@pytest.mark.parametrize(
    ("text", "garbled"),
    [
        ("行政处罚决定书 当事人：北京某某有限公司", False),
        ("2024年3月5日 ¥545元 第108条", False),
        ("(cid:3)(cid:4)(cid:5)(cid:6)", True),
        ("\ue001\ue002\ue003\ue004\ue005\ue006", True),
        ("\ufffd\ufffd\ufffd\ufffd政\ufffd", True),
        ("ÄÅÆÇÈÉÊËÌÍÎÏ ÐÑÒÓÔ", True),
        ("!\"#$%&'()*+,-./!\"#$%", True),
    ],
)
def test_is_garbled(text: str, garbled: bool) -> None:
    assert is_garbled(text) is garbled


def test_blank_pdf_is_empty(tmp_path: Path) -> None:
    assert _kind(make_pdf(tmp_path / "blank.pdf", [[]])) is ProblemKind.EMPTY


def test_encrypted_pdf(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "secret.pdf", [["行政处罚决定书"]], encrypt="123456")
    assert _kind(path) is ProblemKind.ENCRYPTED


def test_pdf_with_owner_password_only_is_readable(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "owner.pdf", [["行政处罚决定书"]], encrypt="")
    assert read_file(path, "owner.pdf").blocks[0].text == "行政处罚决定书"


def test_broken_pdf_is_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 50)
    assert _kind(path) is ProblemKind.CORRUPT


def test_pdf_over_page_limit(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "long.pdf", [["页"]] * 6)
    assert _kind(path, ReadLimits(max_pages=5)) is ProblemKind.TOO_LARGE


# ---------------------------------------------------------------------------------------------- xlsx


def test_xlsx_rows_cells_dates_and_tables(tmp_path: Path) -> None:
    path = make_xlsx(
        tmp_path / "台账.xlsx",
        {
            "2024年台账": [
                ["某某区城管局行政处罚案件台账"],
                [],
                ["序号", "决定书文号", "决定日期", "罚款金额"],
                [1, "京朝城管罚字〔2024〕第12号", date(2024, 3, 5), 50000.0],
                [None, None, datetime(2024, 3, 6, 9, 30), 545.5],
            ],
            "说明": [[None, None, "备注"]],
        },
    )
    doc = read_file(path, "台账.xlsx")
    assert [(b.text, b.position.cell) for b in doc.blocks] == [
        ("某某区城管局行政处罚案件台账", "2024年台账!A1"),
        ("序号\t决定书文号\t决定日期\t罚款金额", "2024年台账!A3"),
        ("1\t京朝城管罚字〔2024〕第12号\t2024年3月5日\t50000", "2024年台账!A4"),
        ("2024年3月6日 9时30分\t545.5", "2024年台账!C5"),
        ("备注", "说明!C1"),
    ]
    assert len(doc.tables) == 2
    assert doc.tables[0].position == Position(cell="2024年台账!A1")
    assert doc.tables[0].rows[3] == ("1", "京朝城管罚字〔2024〕第12号", "2024年3月5日", "50000")


def test_xlsx_cell_limit(tmp_path: Path) -> None:
    path = make_xlsx(tmp_path / "big.xlsx", {"S": [[i, i] for i in range(100)]})
    assert _kind(path, ReadLimits(max_xlsx_cells=50)) is ProblemKind.TOO_LARGE


def test_empty_xlsx(tmp_path: Path) -> None:
    assert _kind(make_xlsx(tmp_path / "e.xlsx", {"S": []})) is ProblemKind.EMPTY


def test_truncated_xlsx_is_corrupt(tmp_path: Path) -> None:
    good = make_xlsx(tmp_path / "g.xlsx", {"S": [["a"]]}).read_bytes()
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(good[:-200])
    assert _kind(bad) is ProblemKind.CORRUPT


def _rewrite_xlsx(path: Path, edit: Callable[[str, bytes], bytes]) -> Path:
    """The same workbook with some parts edited (by name), for XML that openpyxl never writes."""
    parts = {}
    with zipfile.ZipFile(path) as zf:
        for info in zf.infolist():
            parts[info.filename] = edit(info.filename, zf.read(info))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return path


def test_xlsx_used_range_not_at_a1(tmp_path: Path) -> None:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "登记"
    ws["C3"], ws["D3"] = "当事人", "某某公司"
    ws["E5"], ws["F5"] = "罚款", 500
    ws["B6"], ws["C6"] = "  ", "空白单元格之后"  # whitespace only: not where the row's text starts
    ws["AB7"] = "远处"
    wb.save(tmp_path / "r.xlsx")
    doc = read_file(tmp_path / "r.xlsx", "r.xlsx")
    assert [(b.text, b.position.cell) for b in doc.blocks] == [
        ("当事人\t某某公司", "登记!C3"),
        ("罚款\t500", "登记!E5"),
        ("空白单元格之后", "登记!C6"),
        ("远处", "登记!AB7"),
    ]
    (table,) = doc.tables
    assert table.position == Position(cell="登记!A3")  # rows counted from the first non-empty one, columns from A
    assert len(table.rows) == 5 and {len(row) for row in table.rows} == {28}
    assert table.rows[0][:4] == ("", "", "当事人", "某某公司")
    assert not any(table.rows[1]) and table.rows[2][4:6] == ("罚款", "500")


def test_xlsx_cells_without_r_attribute(tmp_path: Path) -> None:
    """r is optional in OOXML: a cell without it follows the previous cell, a row without it the previous row."""
    path = make_xlsx(tmp_path / "n.xlsx", {"S": [[f"{r}-{c}" for c in range(5)] for r in range(300)]})
    _rewrite_xlsx(path, lambda name, data: re.sub(rb' r="[A-Z]*[0-9]+"', b"", data) if "worksheets/" in name else data)
    doc = read_file(path, "n.xlsx")
    assert len(doc.blocks) == 300
    assert (doc.blocks[-1].text, doc.blocks[-1].position.cell) == ("299-0\t299-1\t299-2\t299-3\t299-4", "S!A300")


def test_xlsx_values_as_reviewers_read_them(tmp_path: Path) -> None:
    values = [
        date(2024, 3, 5),
        datetime(2024, 3, 5, 9, 5),
        datetime(2024, 3, 5),  # midnight: a date
        clock(9, 5),
        True,
        False,
        50000.0,
        545.5,
        0.1,
        1e-7,
        -0.0,
        1234567890123456,
        12,
        "  文本  ",
    ]
    path = make_xlsx(tmp_path / "v.xlsx", {"值": [values]})
    assert read_file(path, "v.xlsx").tables[0].rows[0] == (
        "2024年3月5日",
        "2024年3月5日 9时05分",
        "2024年3月5日",
        "9时05分",
        "是",
        "否",
        "50000",
        "545.5",
        "0.1",
        "0.0000001",
        "0",
        "1234567890123456",
        "12",
        "  文本  ",
    )


def test_xlsx_cached_formula_values_and_chinese_date_formats(tmp_path: Path) -> None:
    """A formula's cached value is read (data_only); Excel's built-in Chinese date format 31 (yyyy年m月d日) is a
    date, as Excel shows it."""
    path = make_xlsx(tmp_path / "f.xlsx", {"S": [["=1+1", 45356]]})

    def edit(name: str, data: bytes) -> bytes:
        if name == "xl/worksheets/sheet1.xml":
            data = re.sub(rb"<v\s*/>|<v></v>", b"<v>2</v>", data, count=1)
            return data.replace(b'<c r="B1" t="n">', b'<c r="B1" s="1" t="n">')
        if name == "xl/styles.xml":  # a second cell style with number format 31
            xf31 = rb'<xf numFmtId="31" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/>'
            return re.sub(rb'<cellXfs count="1">(.*?)</cellXfs>', rb'<cellXfs count="2">\1' + xf31 + rb"</cellXfs>", data)
        return data

    _rewrite_xlsx(path, edit)
    assert read_file(path, "f.xlsx").blocks[0].text == "2\t2024年3月5日"


def test_xlsx_merged_cells_keep_their_value_in_the_first_cell(tmp_path: Path) -> None:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "审批表"
    ws.merge_cells("A1:C1")
    ws["A1"] = "行政处罚决定审批表"
    ws.append(["承办人", "张三", "李四"])
    ws.merge_cells("B3:C4")
    ws["A3"], ws["B3"] = "承办意见", "建议罚款伍万元"
    wb.save(tmp_path / "m.xlsx")
    doc = read_file(tmp_path / "m.xlsx", "m.xlsx")
    assert [(b.text, b.position.cell) for b in doc.blocks] == [
        ("行政处罚决定审批表", "审批表!A1"),
        ("承办人\t张三\t李四", "审批表!A2"),
        ("承办意见\t建议罚款伍万元", "审批表!A3"),
    ]
    assert doc.tables[0].rows == (
        ("行政处罚决定审批表", "", ""),
        ("承办人", "张三", "李四"),
        ("承办意见", "建议罚款伍万元", ""),
    )


def test_xlsx_chinese_and_hidden_sheets_are_read_in_order(tmp_path: Path) -> None:
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active.title = "立案审批表"
    wb.active["A1"] = "立案"
    sheets = (("隐藏的送达回证", "hidden"), ("深度隐藏（附件）", "veryHidden"), ("空白页", "visible"))
    for title, state in sheets:
        ws = wb.create_sheet(title)
        ws.sheet_state = state
        if title != "空白页":
            ws["B2"] = title
    wb.save(tmp_path / "h.xlsx")
    doc = read_file(tmp_path / "h.xlsx", "h.xlsx")
    assert [(b.text, b.position.cell) for b in doc.blocks] == [
        ("立案", "立案审批表!A1"),
        ("隐藏的送达回证", "隐藏的送达回证!B2"),
        ("深度隐藏（附件）", "深度隐藏（附件）!B2"),
    ]
    positions = [t.position.cell for t in doc.tables]
    assert positions == ["立案审批表!A1", "隐藏的送达回证!A2", "深度隐藏（附件）!A2"]


@pytest.mark.parametrize("dimension", ["keep", "drop", "lie"])
def test_xlsx_far_apart_cells_are_too_large_without_allocating(tmp_path: Path, dimension: str) -> None:
    """A1 and XFD1048576 in a 6 KB file: the reader must refuse before building a 17-billion-cell grid
    (calamine would abort the whole process), whatever the sheet's <dimension> says."""
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active["A1"], wb.active["XFD1048576"] = "a", "b"
    path = tmp_path / "far.xlsx"
    wb.save(path)
    replacement = {"keep": None, "drop": b"", "lie": b'<dimension ref="A1"/>'}[dimension]
    if replacement is not None:
        _rewrite_xlsx(path, lambda name, data: re.sub(rb"<dimension[^>]*/>", replacement, data))
    started = time.perf_counter()
    assert _kind(path) is ProblemKind.TOO_LARGE
    assert time.perf_counter() - started < 1.0


def test_xlsx_with_another_extension_is_still_read(tmp_path: Path) -> None:
    path = make_xlsx(tmp_path / "台账.xlsx", {"S": [["送达回证"]]}).rename(tmp_path / "台账.docx")
    assert read_file(path, path.name).blocks[0].text == "送达回证"


# ---------------------------------------------------------------------------------------------- dispatch


@pytest.mark.parametrize("name", ["a.docx", "a.pdf", "a.xlsx", "a.doc", "a.txt"])
def test_zero_bytes_is_empty(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"")
    assert _kind(path) is ProblemKind.EMPTY


def _ole(path: Path, extra: bytes = b"") -> Path:
    path.write_bytes(OLE_MAGIC + b"\x00" * 504 + extra + b"\x00" * 1024)
    return path


def test_legacy_doc_and_xls(tmp_path: Path) -> None:
    for name, target in (("旧.doc", ".docx"), ("旧.xls", ".xlsx")):
        with pytest.raises(ReadError) as info:
            read_file(_ole(tmp_path / name), name)
        assert info.value.kind is ProblemKind.LEGACY_FORMAT
        assert target in info.value.message and "另存为" in info.value.message
    # the extension alone is enough when the bytes are something else (e.g. an RTF saved as .doc)
    rtf = tmp_path / "r.doc"
    rtf.write_bytes(b"{\\rtf1 hello}")
    assert _kind(rtf) is ProblemKind.LEGACY_FORMAT


def _message(path: Path) -> str:
    with pytest.raises(ReadError) as info:
        read_file(path, path.name)
    return info.value.message


def test_messages_derived_from_the_format_table_read_as_before(tmp_path: Path) -> None:
    """The reviewer's words name every readable format, whatever table row they come from."""
    text = tmp_path / "说明.txt"
    text.write_text("x", encoding="utf-8")
    assert _message(text) == "不支持的文件类型（.txt）；案卷材料应为 .docx、.pdf 或 .xlsx"
    plain_zip = tmp_path / "a.docx"
    with zipfile.ZipFile(plain_zip, "w") as zf:
        zf.writestr("readme.txt", "x")
    assert _message(plain_zip) == "文件扩展名为 .docx，但内容是一个不含Word/Excel内容的压缩包，不是有效的Word文档"
    junk = tmp_path / "b.xlsm"
    junk.write_bytes(b"not a workbook")
    assert _message(junk) == "文件扩展名为 .xlsm，但内容是无法识别的内容，不是有效的Excel文件"
    assert _message(_ole(tmp_path / "c.bin")) == (
        "旧版Office格式（.bin），无法读取；请用Word/WPS/Excel打开后另存为 .docx 或 .xlsx 格式再提交"
    )
    assert _message(_ole(tmp_path / "d.ppt")) == (
        "旧版Office格式（.ppt），无法读取；请用Word/WPS/Excel打开后另存为 .pdf 格式再提交"
    )


def test_truncated_zip_is_reported_by_the_reader_its_own_extension_names(tmp_path: Path) -> None:
    for name, expected in (("a.docx", "Word文档已损坏"), ("a.xlsx", "Excel文件已损坏"), ("a.docm", "不是有效的Word文档")):
        path = tmp_path / name
        path.write_bytes(b"PK\x03\x04" + b"\x00" * 40)
        assert expected in _message(path), name


def test_password_protected_docx(tmp_path: Path) -> None:
    path = _ole(tmp_path / "加密.docx", "EncryptedPackage".encode("utf-16-le"))
    assert _kind(path) is ProblemKind.ENCRYPTED


def test_unsupported_and_mislabelled(tmp_path: Path) -> None:
    txt = tmp_path / "说明.txt"
    txt.write_text("你好", encoding="utf-8")
    assert _kind(txt) is ProblemKind.UNSUPPORTED
    fake = tmp_path / "fake.docx"
    fake.write_text("not a zip", encoding="utf-8")
    assert _kind(fake) is ProblemKind.CORRUPT
    pdf_as_txt = make_pdf(tmp_path / "x.pdf", [["送达回证"]]).rename(tmp_path / "x.txt")
    assert read_file(pdf_as_txt, "x.txt").blocks[0].text == "送达回证"


def test_file_over_size_limit(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "x.pdf", [["行政处罚决定书"]])
    assert _kind(path, ReadLimits(max_file_mb=0.0001)) is ProblemKind.TOO_LARGE


# ---------------------------------------------------------------------------------------------- fuzzing


@pytest.fixture(scope="module")
def samples(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    d = tmp_path_factory.mktemp("samples")
    return {
        ".docx": make_docx(d / "a.docx", DECISION_LINES + [[["当事人", "某公司"]]]).read_bytes(),
        ".pdf": make_pdf(d / "a.pdf", [DECISION_LINES, DECISION_LINES[:2]]).read_bytes(),
        ".xlsx": make_xlsx(d / "a.xlsx", {"S": [["序号", date(2024, 1, 2)], [1, 2.5]]}).read_bytes(),
    }


_FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _only_read_error(tmp_path: Path, suffix: str, data: bytes) -> None:
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(data)
    with contextlib.suppress(ReadError):
        read_file(path, path.name, ReadLimits(max_uncompressed_mb=20))


@_FUZZ
@given(suffix=st.sampled_from([".docx", ".pdf", ".xlsx", ".doc", ".bin"]), data=st.binary(max_size=2048))
def test_random_bytes_raise_only_read_error(tmp_path: Path, suffix: str, data: bytes) -> None:
    _only_read_error(tmp_path, suffix, data)


@_FUZZ
@given(suffix=st.sampled_from([".docx", ".pdf", ".xlsx"]), cut=st.floats(0, 1), flips=st.lists(st.integers(0, 10**9), max_size=8))
def test_damaged_files_raise_only_read_error(
    tmp_path: Path, samples: dict[str, bytes], suffix: str, cut: float, flips: list[int]
) -> None:
    data = bytearray(samples[suffix][: max(1, int(len(samples[suffix]) * cut))])
    for f in flips:
        data[f % len(data)] ^= 0x5A
    _only_read_error(tmp_path, suffix, bytes(data))


def test_pdfs_read_from_many_threads_at_once(tmp_path: Path) -> None:
    """With one worker, or on Dask threads, several dossiers are read in threads of one process; PDFium is
    not thread-safe, so the reader serialises it (without that this crashed the interpreter)."""
    from concurrent.futures import ThreadPoolExecutor

    pages = [[f"行政处罚决定书 第{p}页", "当事人：北京宏远物资有限公司", "罚款人民币伍万元整"] for p in range(1, 9)]
    paths = [make_pdf(tmp_path / f"d{i}.pdf", pages) for i in range(4)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        texts = list(pool.map(lambda i: read_file(paths[i % 4], "d.pdf").text, range(200)))
    assert len(set(texts)) == 1
    assert "第8页" in texts[0] and "伍万元" in texts[0]
