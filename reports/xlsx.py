"""openpyxl helpers for every workbook pingcha writes: the house header style, column widths, A4 print
set-up, Excel-safe sheet names, scaled images, a hidden key-value sheet, cell-safe values, and streaming
large sheets through write-only workbooks (BufferedSheet, CachedStyles).

Every value goes into a cell through `put`, `append_row` or `data_cell`: text from the units' files (a
party name, a quote, a folder name) is always a string cell, never a formula, even when it starts with
'=' ("=HYPERLINK(…)"), and characters openpyxl refuses are dropped, so no input can make a workbook
fail or run anything in a reviewer's Excel. pingcha writes no formula or link of its own (drop-down lists
are data validations, not cells); one added later must be written apart from these helpers, on purpose.

Only the format lives here; what a workbook says lives with its report (reports/scorecard.py, …).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from copy import copy
from datetime import datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES, ILLEGAL_CHARACTERS_RE
from openpyxl.drawing.image import Image
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import column_index_from_string, coordinate_from_string
from openpyxl.worksheet.cell_range import CellRange
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from reports.glossary import REPORT_ZH
from reports.safe_names import CONTROL_CHARACTERS, shorten

BOLD = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
WRAP = Alignment(wrap_text=True, vertical="top")
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
THIN = Side(style="thin", color="BFBFBF")
HEADER_BORDER = Border(bottom=THIN)
SHEET_NAME_MAX = 31  # Excel refuses longer sheet names
_SHEET_NAME_UNSAFE = re.compile(r"[\[\]:*?/\\]")


def style_header(cells: Iterable[Any], alignment: Alignment | None = None, border: Border | None = None,
                 fill: PatternFill = HEADER_FILL) -> None:
    """The house header look: bold on light blue, optionally centred and ruled below."""
    for cell in cells:
        cell.font = BOLD
        cell.fill = fill
        if alignment is not None:
            cell.alignment = alignment
        if border is not None:
            cell.border = border


def write_header(ws: Any, row: int, labels: Sequence[str], alignment: Alignment | None = CENTER,
                 border: Border | None = HEADER_BORDER) -> None:
    """Header labels in `row` from column A, bold on light blue, centred, with a thin rule below."""
    style_header([put(ws, row, col, label) for col, label in enumerate(labels, start=1)], alignment, border)


def set_widths(ws: Any, widths: Sequence[float]) -> None:
    """Column widths (in characters) from column A on."""
    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width


FITTED_WIDTH_MAX = 60  # a wider column is wrapped instead


def text_width(text: object) -> int:
    """The width of `text` in Excel character widths: a Chinese (East Asian wide) character takes two."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in str(text))


def fitted_width(values: Iterable[object], minimum: float, maximum: float = FITTED_WIDTH_MAX) -> float:
    """A column width that shows the longest of `values` whole (with a little margin), between `minimum` and
    `maximum`: a case id cut in print cannot be looked up."""
    longest = max((text_width(v) for v in values if v is not None), default=0)
    return float(min(max(minimum, longest + 2), maximum))


def break_before(ws: Any, row: int) -> None:
    """A page break so that `row` starts a new printed page (openpyxl's Break id is the row above)."""
    if row > 1:
        ws.row_breaks.append(Break(id=row - 1))


def save_workbook(wb: Workbook, path: Path) -> Path:
    """Save `wb` at `path`, making its folder first; returns the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


# Printable width of A4 landscape with 0.4" side margins, in Excel character widths (about 1.9 mm each at the
# default 11-pt font); a sheet is shrunk to one page wide only while its text stays at 10 pt or more.
PRINT_WIDTH_CHARS = 143
MIN_PRINT_SCALE = 91  # 11 pt × 0.91 ≈ 10 pt


def print_scale(widths: Sequence[float]) -> int | None:
    """The print scale (%) for columns of `widths`: None (fit to one page wide) when that keeps the text at
    10 pt or more, else MIN_PRINT_SCALE, and the columns run onto further pages."""
    total = sum(widths)
    return None if total * MIN_PRINT_SCALE / 100 <= PRINT_WIDTH_CHARS else MIN_PRINT_SCALE


def print_setup(ws: Any, title_rows: str | None, footer: str = REPORT_ZH["footer"],
                title_cols: str | None = None) -> None:
    """A4 landscape, `title_rows` ('4:4') repeated on every page, the sheet's name in the header and page
    numbers in the footer; fit to page width only where the print stays legible (print_scale), so call it
    after the column widths are set. Where the columns run onto a further page, that page follows its left
    neighbour (across, then down) and repeats `title_cols` ('A:B'), so each printed page names its rows."""
    ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    ws.page_setup.orientation = Worksheet.ORIENTATION_LANDSCAPE
    widths = [d.width for d in ws.column_dimensions.values() if d.width and not d.hidden]
    scale = print_scale(widths)
    if scale is None:
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
    else:
        ws.page_setup.scale = scale
        ws.sheet_properties.pageSetUpPr.fitToPage = False
        ws.print_options.gridLines = True  # columns continued on the next page stay readable as a grid
        ws.page_setup.pageOrder = "overThenDown"
        if title_cols:
            ws.print_title_cols = title_cols
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    if title_rows:
        ws.print_title_rows = title_rows
    ws.oddHeader.left.text = "&A"
    ws.oddFooter.center.text = footer


def safe_sheet_names(names: Iterable[str], reserved: Sequence[str] = ()) -> dict[str, str]:
    """Unique Excel-safe sheet names (≤31 chars, none of []:*?/\\ nor control characters, not blank, none of
    `reserved`, compared case-insensitively as Excel does) for each name; a longer name keeps its head and
    a stable hash of the whole ('~1a2b3c4d'), so two long names sharing a head stay apart; clashes left
    get '~2', '~3' …"""
    taken = {name.casefold() for name in reserved}
    out: dict[str, str] = {}
    for original in names:
        base = _SHEET_NAME_UNSAFE.sub("_", CONTROL_CHARACTERS.sub("", str(original))).strip().strip("'") or "_"
        base = shorten(base, str(original), SHEET_NAME_MAX)
        name, n = base, 1
        while name.casefold() in taken:
            n += 1
            suffix = f"~{n}"
            name = base[: SHEET_NAME_MAX - len(suffix)] + suffix
        taken.add(name.casefold())
        out[original] = name
    return out


def add_image(ws: Any, path: Path, anchor: str, width_px: int) -> int:
    """Embed a PNG at `anchor`, scaled to `width_px` wide; returns its height in pixels."""
    image = Image(str(path))
    scale = width_px / image.width
    image.width, image.height = width_px, int(image.height * scale)
    ws.add_image(image, anchor)
    return image.height


def hidden_key_values(ws: Any, pairs: Iterable[tuple[str, object]]) -> None:
    """One key and value per row on a protected, very hidden sheet (Excel's menus cannot show it): what a
    program reads back, out of the reader's way."""
    for key, value in pairs:
        append_row(ws, [key, value])
    ws.protection.sheet = True
    ws.sheet_state = "veryHidden"


def excel_value(value: Any) -> Any:
    """A value openpyxl writes as such: numpy scalars as Python ones, NaN as an empty cell, datetimes
    without time zone (Excel has none), text without the characters openpyxl refuses. A pandas Timestamp is
    known by its to_pydatetime, so that the campaign workbooks, which use these helpers, are written without
    importing pandas."""
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("", value) if ILLEGAL_CHARACTERS_RE.search(value) else value
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item"):
        return excel_value(value.item())
    if isinstance(value, datetime) and hasattr(value, "to_pydatetime"):
        return value.to_pydatetime().replace(tzinfo=None)
    if getattr(value, "tzinfo", None) is not None:
        return value.replace(tzinfo=None)
    return value


def _taken_for_other_type(text: str) -> bool:
    """Text openpyxl would store as a formula ('=…') or an error value ('#N/A') if given it plainly."""
    return text.startswith("=") or text in ERROR_CODES


def set_value(cell: Any, value: Any) -> Any:
    """Give `cell` a value as data: text is a string cell whatever it starts with."""
    value = excel_value(value)
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"
    return cell


def put(ws: Any, row: int, column: int, value: Any) -> Any:
    """ws.cell(row, column, value) for data: the cell, its value never a formula."""
    return set_value(ws.cell(row=row, column=column), value)


def new_cell(ws: Any, value: Any) -> Any:
    """A cell of `ws` not yet placed (to style it before appending), holding `value` as data."""
    return set_value(WriteOnlyCell(ws), value)


def data_cell(ws: Any, value: Any) -> Any:
    """A value to append to `ws` as data: itself when openpyxl stores it as it is, else a string cell (also
    in write-only mode, where a plain '=…' would become a formula)."""
    value = excel_value(value)
    if isinstance(value, str) and _taken_for_other_type(value):
        return new_cell(ws, value)
    return value


def append_row(ws: Any, values: Iterable[Any]) -> None:
    """ws.append for data rows: cells made already (styled) are kept, every other value via `data_cell`."""
    ws.append([value if isinstance(value, Cell) else data_cell(ws, value) for value in values])


class CachedStyles:
    """Styles a cell by copying a cached style array: openpyxl hashes every style object it is given, which
    made styling 36,000 rows (1,000 files × 36 items) take most of the write time."""

    def __init__(self) -> None:
        self._cache: dict[tuple[int, int], object] = {}

    def apply(self, cell: Any, alignment: Alignment | None = None, fill: PatternFill | None = None) -> None:
        key = (id(alignment), id(fill))
        style = self._cache.get(key)
        if style is None:
            if alignment is not None:
                cell.alignment = alignment
            if fill is not None:
                cell.fill = fill
            self._cache[key] = copy(cell._style)
        else:
            cell._style = copy(style)


class BufferedSheet:
    """A small sheet of a write-only workbook, filled cell by cell like a Worksheet, written in row order.

    Write-only workbooks stream large sheets (the scorecard's 评查明细: 36,000 rows for 1,000 files) to disk
    instead of holding them as cell objects; the small sheets beside them are laid out here first.
    """

    def __init__(self, ws: Any) -> None:
        object.__setattr__(self, "_ws", ws)
        object.__setattr__(self, "_cells", {})
        object.__setattr__(self, "max_row", 0)

    def cell(self, row: int, column: int, value: object = None) -> WriteOnlyCell:
        cell = self._cells.get((row, column))
        if cell is None:
            cell = self._cells[(row, column)] = WriteOnlyCell(self._ws)
            object.__setattr__(self, "max_row", max(self.max_row, row))
        if isinstance(value, Cell):  # from append_row: the value is what counts here, laid out as data
            value = value.value
        if value is not None:
            set_value(cell, value)
        return cell

    def __getitem__(self, coordinate: str) -> WriteOnlyCell:
        column, row = coordinate_from_string(coordinate)
        return self.cell(row, column_index_from_string(column))

    def __setitem__(self, coordinate: str, value: object) -> None:
        set_value(self[coordinate], value)

    def append(self, values: Sequence[object]) -> None:
        row = self.max_row + 1
        for column, value in enumerate(values, start=1):
            self.cell(row, column, value)
        object.__setattr__(self, "max_row", row)

    def merge_cells(self, start_row: int, start_column: int, end_row: int, end_column: int) -> None:
        self._ws.merged_cells.add(CellRange(min_row=start_row, min_col=start_column, max_row=end_row,
                                            max_col=end_column))

    def add_data_validation(self, validation: DataValidation) -> None:
        self._ws.data_validations.append(validation)

    def flush(self, rows: int | None = None, columns: int | None = None) -> None:
        """Write the laid-out rows to the sheet (once, at the end).

        The sheet's size (`<dimension>`, which readers such as openpyxl's read-only mode rely on) is written
        before its rows: the laid-out size, or `rows` × `columns` when more rows will be streamed after these.
        """
        width = max((column for _, column in self._cells), default=0)
        size = f"A1:{get_column_letter(max(columns or width, 1))}{max(rows or self.max_row, 1)}"
        self._ws.calculate_dimension = lambda: size  # the hook openpyxl's sheet writer asks for the size
        for row in range(1, self.max_row + 1):
            self._ws.append([self._cells.get((row, column)) for column in range(1, width + 1)])

    def __getattr__(self, name: str) -> Any:  # page set-up, freeze panes, images … belong to the sheet itself
        return getattr(self._ws, name)

    def __setattr__(self, name: str, value: object) -> None:
        setattr(self._ws, name, value)


@contextmanager
def laid_out_sheet(wb: Workbook, title: str) -> Iterator[BufferedSheet]:
    """A new sheet of the write-only workbook `wb`, laid out in the `with` block and written at its end."""
    sheet = BufferedSheet(wb.create_sheet(title))
    yield sheet
    sheet.flush()
