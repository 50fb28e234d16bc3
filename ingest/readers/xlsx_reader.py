"""Excel (.xlsx) reader: calamine (Rust, via python-calamine) with cached values, one TextBlock per non-empty row.

A row's block carries `Position(cell="Sheet!A3")` of its first non-empty cell; each sheet is also a Table.
Dates are written the way reviewers read them (2024年3月5日).

calamine loads a whole sheet as one dense rectangle (from its first to its last non-empty cell), so a tiny hostile
file with cells at A1 and XFD1048576 would make it allocate terabytes and abort the process. Before calamine sees
a sheet, `_sheet_area` bounds that rectangle from the raw XML and the cell budget refuses it.
"""

from __future__ import annotations

import html
import re
import zipfile
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from xml.parsers import expat

from python_calamine import CalamineWorkbook, SheetTypeEnum

from ingest.errors import ReadError
from ingest.glossary import ProblemKind
from ingest.model import Document, Position, Table, TextBlock
from ingest.readers.budget import TextBudget, check_part_size
from ingest.readers.common import ReadLimits, check_zip, corrupt, read_member, too_large


def read_xlsx(path: Path, source_file: str, limits: ReadLimits = ReadLimits()) -> Document:
    try:
        with zipfile.ZipFile(path) as zf:
            check_zip(zf, limits)
            _check_sheet_areas(zf, limits)
        wb = CalamineWorkbook.from_path(path)
    except ReadError:
        raise
    except BaseException as exc:  # zipfile and calamine raise BadZipFile, CalamineError, XmlError, ZipError …
        if not _library_error(exc):
            raise
        raise corrupt("Excel文件", exc) from exc
    try:
        doc = Document(source_file=source_file, file_format="xlsx", page_count=1)
        budget = [limits.max_xlsx_cells]
        text = TextBudget(limits, "Excel文件")
        seen: set[str] = set()
        for index, meta in enumerate(wb.sheets_metadata):
            # a chart sheet has no cells; a repeated name (invalid in Excel) would only be the first sheet again,
            # as calamine finds sheets by name
            if meta.typ == SheetTypeEnum.ChartSheet or meta.name in seen:
                continue
            seen.add(meta.name)
            _read_sheet(meta.name, wb.get_sheet_by_index(index), doc, budget, limits, text)
    except ReadError:
        raise
    except BaseException as exc:
        if not _library_error(exc):
            raise
        raise corrupt("Excel文件", exc) from exc
    finally:
        wb.close()
    if not doc.blocks:
        raise ReadError(ProblemKind.EMPTY, "Excel文件中没有任何内容")
    return doc


def _library_error(exc: BaseException) -> bool:
    """An ordinary exception, or a Rust panic (pyo3's PanicException derives from BaseException)."""
    return isinstance(exc, Exception) or type(exc).__name__ == "PanicException"


def _read_sheet(title: str, sheet, doc: Document, budget: list[int], limits: ReadLimits, text: TextBudget) -> None:
    start, end = sheet.start, sheet.end
    if start is None or end is None:  # no non-empty cell
        return
    budget[0] -= (end[0] + 1) * (end[1] + 1)  # counted from A1, as the cells a reader would iterate
    if budget[0] < 0:
        raise too_large(f"Excel单元格数超过上限 {limits.max_xlsx_cells}（工作表“{title}”）")
    row0, col0 = start  # 0-based; the data below starts at this cell, not at A1
    lead = ("",) * col0
    rows: list[tuple[str, ...]] = []
    first_row = None
    for r, values in enumerate(sheet.to_python(skip_empty_area=True), start=row0 + 1):
        cells = [v if type(v) is str else cell_text(v) for v in values]
        filled = [i for i, text in enumerate(cells) if text.strip()]
        if not filled:
            if first_row is not None:
                rows.append(lead + tuple(cells))
            continue
        if first_row is None:
            first_row = r
        rows.append(lead + tuple(cells))
        line = "\t".join(cells[filled[0] : filled[-1] + 1])
        text.add(line, f"工作表“{title}”第{r}行")
        doc.blocks.append(TextBlock(line, Position(cell=f"{title}!{_column_letter(col0 + filled[0] + 1)}{r}")))
    if len(doc.blocks) > limits.max_blocks:
        raise too_large(f"Excel行数超过上限 {limits.max_blocks}")
    while rows and not any(c.strip() for c in rows[-1]):
        rows.pop()
    if rows:
        width = max(len(row) for row in rows)
        padded = tuple(row + ("",) * (width - len(row)) for row in rows)
        doc.tables.append(Table(padded, Position(cell=f"{title}!A{first_row}")))


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
        # calamine gives every number as a float; below 1e16 an integral one is printed exactly, without ".0"
        if value.is_integer() and abs(value) < 1e16:
            return str(int(value))
        return format(Decimal(repr(value)).normalize(), "f") if abs(value) < 1e15 else repr(value)
    return str(value)


def _column_letter(column: int) -> str:
    """1 → A, 27 → AA. openpyxl's get_column_letter would import all of openpyxl into every worker (~190 ms,
    ~30 MB measured), which this reader otherwise does not need."""
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


# ------------------------------------------------------------------------------- sheet size before calamine

# calamine reads a sheet from whichever part `xl/<kind>sheets/…` the workbook points at (names compared ignoring
# case), so every such part is measured.
_SHEET_PART = re.compile(r"xl/[^/]*sheets/")
_PREFIX = rb"<(?:[^\s<>/:!?]+:)?"  # any namespace prefix: calamine matches on the local name
_ATTR = rb"""\s+(?!r\s*=)[^\s=<>"']+\s*=\s*(?:"[^"]*"|'[^']*')"""  # one attribute other than r, value quoted
_C_TAG = re.compile(_PREFIX + rb"c[\s/>]")
_ROW_TAG = re.compile(_PREFIX + rb"row[\s/>]")
_C_REF = re.compile(_PREFIX + rb"c(?:" + _ATTR + rb""")*\s+r\s*=\s*["']([A-Za-z]*)([0-9]*)""")
_ROW_REF = re.compile(_PREFIX + rb"row(?:" + _ATTR + rb""")*\s+r\s*=\s*["'][A-Za-z]*([0-9]*)""")
_REF = re.compile(r"([A-Za-z]*)([0-9]*)")
_HUGE = 1 << 62


def _check_sheet_areas(zf: zipfile.ZipFile, limits: ReadLimits) -> None:
    inflated = [limits.max_uncompressed_bytes]
    for info in zf.infolist():
        name = info.filename.lower()
        if name.endswith("sharedstrings.xml"):  # calamine holds every shared string at once: one may be 280 MB
            check_part_size(zf, info, limits, "Excel文件的共享字符串表")
            continue
        if not _SHEET_PART.match(name) or name.endswith(".rels"):
            continue
        check_part_size(zf, info, limits, "Excel工作表")
        # by ZipInfo, not name: with duplicate names every entry is measured
        xml = read_member(zf, info, limits, inflated)  # type: ignore[arg-type]
        if _sheet_area(xml, limits.max_xlsx_cells) > limits.max_xlsx_cells:
            title = _sheet_titles(zf).get(name, info.filename)
            raise too_large(f"Excel单元格数超过上限 {limits.max_xlsx_cells}（工作表“{title}”）")


def _sheet_area(xml: bytes, limit: int) -> int:
    """An upper bound on the cells calamine allocates for this sheet XML, counted from A1.

    A cell's position is its `r` attribute; a cell without one follows the previous cell of its row (calamine
    numbers rows the same way). When every cell has `r` the bound is read off the tags; otherwise the XML is
    walked as calamine walks it. References calamine would reject are ignored (it fails before allocating);
    absurd ones count as huge.
    """
    refs = _C_REF.findall(xml)
    rows, columns = _extent(refs)
    unplaced = len(_C_TAG.findall(xml)) - len(refs)
    if unplaced <= 0 or rows == _HUGE:
        return rows * columns
    row_refs = [d for d in _ROW_REF.findall(xml) if d]
    if any(len(d) > 7 for d in row_refs):
        return _HUGE
    rows = max(rows, max(map(int, row_refs), default=0) + len(_ROW_TAG.findall(xml)) + 1)
    coarse = rows * (columns + unplaced)
    if coarse <= limit or len(refs) + unplaced > limit:
        return coarse
    walked = _walked_area(xml)
    return coarse if walked is None else walked


def _extent(refs: list[tuple[bytes, bytes]]) -> tuple[int, int]:
    """(rows, columns) spanned from A1 by (letters, digits) references; huge when a reference is absurd."""
    digits = [d for _, d in refs if d]
    letters = {c for c, d in refs if d}
    if any(len(d) > 7 for d in digits) or any(len(c) > 3 for c in letters):
        return _HUGE, _HUGE
    return max(map(int, digits), default=0), max(map(_column_number, letters), default=0)


def _walked_area(xml: bytes) -> int | None:
    """Positions exactly as calamine assigns them (expat instead of quick-xml); None if expat cannot parse."""
    row = column = 0  # 0-based, like calamine's row_index/col_index
    rows = columns = 0
    huge = False

    def start(name: str, attrs: dict[str, str]) -> None:
        nonlocal row, column, rows, columns, huge
        local = name.split(":", 1)[-1]
        ref = attrs.get("r")
        match = _REF.fullmatch(ref) if ref is not None else None
        if local == "row" and match and match[2]:
            huge = huge or len(match[2]) > 7
            row = int(match[2][:8]) - 1
        elif local == "c":
            if match and match[2]:
                if len(match[2]) > 7 or len(match[1]) > 3:
                    huge = True
                    return
                r, column = int(match[2]) - 1, _column_number(match[1].encode()) - 1
            else:
                r = row
            rows, columns = max(rows, r + 1), max(columns, column + 1)

    def end(name: str) -> None:
        nonlocal row, column
        local = name.split(":", 1)[-1]
        if local == "row":
            row, column = row + 1, 0
        elif local == "c":
            column += 1

    parser = expat.ParserCreate()
    parser.StartElementHandler, parser.EndElementHandler = start, end
    try:
        parser.Parse(xml, True)
    except expat.ExpatError:
        return None
    return _HUGE if huge else rows * columns


def _column_number(letters: bytes) -> int:
    number = 0
    for byte in letters.upper():
        number = number * 26 + byte - 64
    return number


def _sheet_titles(zf: zipfile.ZipFile) -> dict[str, str]:
    """Sheet part (lower-cased) → sheet name, resolved as calamine does; only for an error message."""
    try:
        rels = zf.read("xl/_rels/workbook.xml.rels").decode("utf-8", "replace")
        workbook = zf.read("xl/workbook.xml").decode("utf-8", "replace")
    except (KeyError, OSError, zipfile.BadZipFile):
        return {}
    targets = {}
    for tag in re.findall(r"<(?:\w+:)?Relationship\b[^>]*>", rels):
        rid, target = re.search(r'\bId="([^"]*)"', tag), re.search(r'\bTarget="([^"]*)"', tag)
        if rid and target:
            part = html.unescape(target.group(1))
            part = part[1:] if part.startswith("/xl/") else part if part.startswith("xl/") else "xl/" + part
            targets[rid.group(1)] = part.lower()
    titles = {}
    for tag in re.findall(r"<(?:\w+:)?sheet\b[^>]*>", workbook):
        name, rid = re.search(r'\bname="([^"]*)"', tag), re.search(r'\br:id="([^"]*)"', tag)
        if name and rid and rid.group(1) in targets:
            titles.setdefault(targets[rid.group(1)], html.unescape(name.group(1)))
    return titles
