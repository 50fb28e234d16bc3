"""The one header-mapped reader behind every campaign workbook: headers by name and synonym, typed rows that
know their sheet and row, and messages that name the file, sheet, row and every missing column."""

from __future__ import annotations

from datetime import datetime

import openpyxl
import pytest

from ingest.errors import PingchaError
from ingest.workbook_rows import Column, read_rows, rows_of

COLUMNS = (
    Column("name", ("姓名", "名字"), required=True),
    Column("unit", ("单位",), required=True),
    Column("since", ("有效期起",)),
)


class BookError(PingchaError):
    pass


def _book(tmp_path, rows, title="名单"):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = title
    for row in rows:
        ws.append(row)
    path = tmp_path / "book.xlsx"
    wb.save(path)
    return path


def test_header_found_below_a_title_with_synonyms_and_spacing(tmp_path):
    path = _book(tmp_path, [["2025年评查人员名单"], [], ["单 位", "名字", "备注", "有效期起"],
                            ["市场局", "张三", "x", datetime(2024, 1, 2)], [None, None, "only a note"],
                            ["城管局", " 李四 ", None, None]])
    sheet = read_rows(path, 0, COLUMNS, what="名单", error=BookError, header_within=5)
    assert sheet.sheet == "名单" and sheet.header_row == 3
    assert [(r.number, r.text("name"), r.text("unit")) for r in sheet] == [(4, "张三", "市场局"), (6, "李四", "城管局")]
    first = sheet.rows[0]
    assert first.value("since") == datetime(2024, 1, 2)  # raw values: dates stay dates
    assert first.cell("unit") == "A4" and first.cell("name") == "B4"
    assert first.where == "book.xlsx：工作表“名单”第4行"


def test_every_missing_required_column_is_named_with_its_row(tmp_path):
    path = _book(tmp_path, [["姓名", "电话"], ["张三", "1"]])
    with pytest.raises(BookError, match="book.xlsx：工作表“名单”第1行缺少列“单位”"):
        read_rows(path, 0, COLUMNS, what="名单", error=BookError)
    with pytest.raises(BookError, match="前5行中找不到表头行（需要列：“姓名”、“单位”，可选：“有效期起”）"):
        rows_of("book.xlsx", "名单", [("a", "b"), ("c",)], COLUMNS, BookError, header_within=5)


def test_lenient_mode_reports_missing_columns_instead_of_raising():
    sheet = rows_of("f.xlsx", "明细", [("电话", "姓名"), ("1", "张三")], COLUMNS, BookError, strict=False)
    assert [c.key for c in sheet.missing] == ["unit"]
    assert sheet.rows[0].text("name") == "张三" and sheet.rows[0].text("unit") == ""


def test_missing_file_and_sheet_are_one_line_errors(tmp_path):
    with pytest.raises(BookError, match="名单文件不存在"):
        read_rows(tmp_path / "none.xlsx", 0, COLUMNS, what="名单", error=BookError)
    path = _book(tmp_path, [["姓名", "单位"]])
    with pytest.raises(BookError, match="缺少工作表“汇总”，不是 pingcha x 生成的名单"):
        read_rows(path, "汇总", COLUMNS, what="名单", error=BookError, producer="pingcha x")
