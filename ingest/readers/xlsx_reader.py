"""Excel (.xlsx) reader: openpyxl read-only with cached values, one TextBlock per non-empty row.

A row's block carries `Position(cell="Sheet!A3")` of its first non-empty cell; each sheet is also a Table.
Dates are written the way reviewers read them (2024年3月5日).
"""

from __future__ import annotations

import warnings
import zipfile
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from ingest.errors import ReadError
from ingest.glossary import ProblemKind
from ingest.model import Document, Position, Table, TextBlock
from ingest.readers.common import ReadLimits, check_zip, corrupt, too_large


def read_xlsx(path: Path, source_file: str, limits: ReadLimits = ReadLimits()) -> Document:
    try:
        with zipfile.ZipFile(path) as zf:
            check_zip(zf, limits)
        with warnings.catch_warnings():  # "no default style", "unknown extension": noise for a reviewer
            warnings.simplefilter("ignore")
            wb = load_workbook(path, read_only=True, data_only=True)
    except ReadError:
        raise
    except Exception as exc:  # openpyxl raises KeyError, ValueError, TypeError, BadZipFile … on broken files
        raise corrupt("Excel文件", exc) from exc
    try:
        doc = Document(source_file=source_file, file_format="xlsx", page_count=1)
        budget = [limits.max_xlsx_cells]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for ws in wb.worksheets:
                _read_sheet(ws, doc, budget, limits)
    except ReadError:
        raise
    except Exception as exc:
        raise corrupt("Excel文件", exc) from exc
    finally:
        wb.close()
    if not doc.blocks:
        raise ReadError(ProblemKind.EMPTY, "Excel文件中没有任何内容")
    return doc


def _read_sheet(ws, doc: Document, budget: list[int], limits: ReadLimits) -> None:
    rows: list[tuple[str, ...]] = []
    first_row = None
    for r, values in enumerate(ws.iter_rows(values_only=True), start=1):
        budget[0] -= len(values)
        if budget[0] < 0:
            raise too_large(f"Excel单元格数超过上限 {limits.max_xlsx_cells}（工作表“{ws.title}”）")
        cells = [cell_text(v) for v in values]
        filled = [i for i, text in enumerate(cells) if text.strip()]
        if not filled:
            if first_row is not None:
                rows.append(tuple(cells))
            continue
        if first_row is None:
            first_row = r
        rows.append(tuple(cells))
        line = "\t".join(cells[filled[0] : filled[-1] + 1])
        doc.blocks.append(TextBlock(line, Position(cell=f"{ws.title}!{get_column_letter(filled[0] + 1)}{r}")))
    if len(doc.blocks) > limits.max_blocks:
        raise too_large(f"Excel行数超过上限 {limits.max_blocks}")
    while rows and not any(c.strip() for c in rows[-1]):
        rows.pop()
    if rows:
        width = max(len(row) for row in rows)
        padded = tuple(row + ("",) * (width - len(row)) for row in rows)
        doc.tables.append(Table(padded, Position(cell=f"{ws.title}!A{first_row}")))


def cell_text(value: object) -> str:
    """A cell value as a reviewer sees it: dates as 2024年3月5日, 50000.0 as 50000, booleans as 是/否."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        day = f"{value.year}年{value.month}月{value.day}日"
        return day if value.time() == time(0) else f"{day} {value.hour}时{value.minute:02d}分"
    if isinstance(value, date):
        return f"{value.year}年{value.month}月{value.day}日"
    if isinstance(value, time):
        return f"{value.hour}时{value.minute:02d}分"
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return format(Decimal(repr(value)).normalize(), "f") if abs(value) < 1e15 else repr(value)
    return str(value)
