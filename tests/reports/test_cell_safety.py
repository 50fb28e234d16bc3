"""The shared writers' guarantees: input text is never a formula in a workbook (normal and write-only
mode) nor runnable in a CSV, names fit in a path, and what pingcha writes it reads back unchanged."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from openpyxl import Workbook

from reports.contract_csv import escape_cell, unescape_cell
from reports.loading import _read_csv, write_contract_csv
from reports.safe_names import safe_file_name
from reports.xlsx import append_row, laid_out_sheet, put, safe_sheet_names

HOSTILE = ['=HYPERLINK("http://evil.example","点此")', "=1+1", "+1+1", "-1+1", "@SUM(A1)", "#N/A",
           "\tTAB", "\rCR", "'quoted", "当事人\x1b甲"]


@pytest.mark.parametrize("write_only", [False, True])
def test_text_is_a_string_cell_whatever_it_starts_with(tmp_path: Path, write_only: bool) -> None:
    wb = Workbook(write_only=write_only)
    if write_only:
        ws = wb.create_sheet("s")
        append_row(ws, HOSTILE)
        with laid_out_sheet(wb, "b") as laid:
            append_row(laid, HOSTILE)
            put(laid, 2, 1, "=2+2")
    else:
        ws = wb.active
        append_row(ws, HOSTILE)
        put(ws, 2, 1, "=2+2")
        ws["A3"] = "=3+3"  # a plain assignment is a formula: the check below would see it
    wb.save(tmp_path / "x.xlsx")
    book = openpyxl.load_workbook(tmp_path / "x.xlsx")
    cells = [c for sheet in book.worksheets for row in sheet.iter_rows() for c in row if c.value is not None]
    formulas = [c.value for c in cells if c.data_type == "f"]
    assert formulas == ([] if write_only else ["=3+3"])
    texts = {c.value for c in cells if c.data_type == "s"}
    assert set(HOSTILE[:-1]) <= texts and "当事人甲" in texts and "=2+2" in texts


def test_csv_cells_are_escaped_and_read_back_exactly(tmp_path: Path) -> None:
    values = [*HOSTILE[:-1], "-12.5", "0", "2025-03-01", "普通文字", ""]
    assert [escape_cell(v) for v in values][:9] == [v if v == "#N/A" else "'" + v for v in HOSTILE[:9]]
    assert [escape_cell(v) for v in values][9:] == ["-12.5", "0", "2025-03-01", "普通文字", ""]
    assert [unescape_cell(escape_cell(v)) for v in values] == values
    values.remove("\rCR")  # never in read text (ingest.readers.common.clean_text): a CSV row would break there
    write_contract_csv(pd.DataFrame({"party_name": values, "points": [1.5] * len(values)}), tmp_path / "t.csv")
    assert _read_csv(tmp_path / "t.csv", ("party_name", "points"))["party_name"].tolist() == values


def test_names_in_paths_fit_and_stay_apart() -> None:
    long = "某" * 84  # 252 bytes
    a, b = safe_file_name(long), safe_file_name(long + "乙")
    assert len(a.encode()) <= 200 and len(b.encode()) <= 200 and a != b and a == safe_file_name(long)
    assert safe_file_name("甲/乙:丙\x07") == "甲_乙_丙_" and safe_file_name("NUL") == "_NUL"
    sheets = safe_sheet_names([long, long + "乙", "单位\x1b甲"])
    assert len(set(sheets.values())) == 3 and all(len(v) <= 31 for v in sheets.values())
    assert sheets["单位\x1b甲"] == "单位甲"
