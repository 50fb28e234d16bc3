"""A unit's 台账 read as inspections (ingest/inspection_register.py): the header found under a title, dates
written as dates or as text, a register of all case types filtered to its 检查 rows, and a register without the
columns saying so."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import openpyxl

from ingest.inspection_register import read_inspection_register

CODE = "91320115MA1XK7P30C"


def _book(path: Path, sheets: dict[str, list[list]]) -> Path:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
    wb.save(path)
    return path


def test_an_inspection_register_under_its_title(tmp_path) -> None:
    path = _book(tmp_path / "检查台账.xlsx", {"2025年检查": [
        ["江宁区市场监管局2025年行政检查台账"],
        [],
        ["序号", "被检查对象", "统一社会信用代码", "检查日期", "检查类型"],
        [1, "南京某某食品有限公司", CODE.lower(), datetime(2025, 3, 12), "日常检查"],
        [2, "南京某某食品有限公司", CODE, "2025年5月6日", "投诉举报核查"],
        [3, "南京另一商店", "", "2025-06-01", "专项检查"],
        [4, "", "", "2025-06-02", "日常检查"],  # no party: not an inspection of anyone
    ]})
    read = read_inspection_register(path, "江宁区市场监管局", "江宁区市场监管局/检查台账.xlsx")
    assert read.note == ""
    got = [(i.party, i.credit_code, i.day, i.inspection_type) for i in read.inspections]
    assert got == [
        ("南京某某食品有限公司", CODE, date(2025, 3, 12), "日常检查"),
        ("南京某某食品有限公司", CODE, date(2025, 5, 6), "投诉举报核查"),
        ("南京另一商店", "", date(2025, 6, 1), "专项检查"),
    ]
    assert read.inspections[0].where == "检查台账.xlsx：工作表“2025年检查”第4行"
    assert read.inspections[0].quote.startswith("1 | 南京某某食品有限公司 | ")


def test_a_register_of_all_types_counts_its_inspection_rows_only(tmp_path) -> None:
    path = _book(tmp_path / "案件台账.xlsx", {"台账": [
        ["案卷编号", "案件类型", "当事人", "日期"],
        ["2025-001", "行政处罚", "南京某某食品有限公司", "2025-03-01"],
        ["2025-002", "行政检查", "南京某某食品有限公司", "2025-03-02"],
    ]})
    read = read_inspection_register(path, "u", "u/案件台账.xlsx")
    assert [(i.party, i.day) for i in read.inspections] == [("南京某某食品有限公司", date(2025, 3, 2))]


def test_a_register_without_inspection_columns_says_so(tmp_path) -> None:
    path = _book(tmp_path / "案件台账.xlsx", {"台账": [["案卷编号", "案件类型"], ["2025-001", "行政处罚"]]})
    read = read_inspection_register(path, "u", "u/案件台账.xlsx")
    assert read.inspections == [] and "未找到列有“被检查对象”、“检查日期”的检查记录" in read.note
    broken = tmp_path / "坏台账.xlsx"
    broken.write_bytes(b"not a workbook")
    assert "无法读取检查台账" in read_inspection_register(broken, "u", "u/坏台账.xlsx").note
