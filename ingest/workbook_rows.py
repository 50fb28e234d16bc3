"""One reader for every campaign workbook (sample, assignment, reviewers, roster, scorecard overrides):
find the header row, map header names (with synonyms) to columns, yield the rows with their sheet and row
number, so each caller only says which columns it wants and what a row means.

Header cells and names compare after NFKC and whitespace removal ("姓 名" is 姓名); cell values are
returned as openpyxl gives them (dates stay dates), with `Row.text` for the stripped string.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from ingest.normalize import norm_text

SHEET_LIST_SEP = "”、“"


@dataclass(frozen=True, slots=True)
class Column:
    """A column a reader wants: `key` names it in code, `names` are the headers that mean it (first: the
    one pingcha writes), `required` makes a missing header an error."""

    key: str
    names: tuple[str, ...]
    required: bool = False

    @property
    def label(self) -> str:
        return self.names[0]


@dataclass(frozen=True, slots=True)
class Row:
    """One data row: `number` is the sheet's row number (1-based, as Excel shows it)."""

    file: str
    sheet: str
    number: int
    cells: tuple
    columns: Mapping[str, int]

    def value(self, key: str) -> object:
        """The raw cell value of column `key` (None when the column or the cell is absent)."""
        index = self.columns.get(key)
        return self.cells[index] if index is not None and index < len(self.cells) else None

    def text(self, key: str) -> str:
        value = self.value(key)
        return "" if value is None else str(value).strip()

    def cell(self, key: str) -> str:
        """The cell's address, e.g. "C5" (for messages that point at one cell)."""
        from openpyxl.utils import get_column_letter

        return f"{get_column_letter(self.columns[key] + 1)}{self.number}"

    @property
    def where(self) -> str:
        return f"{self.file}：工作表“{self.sheet}”第{self.number}行"


@dataclass(frozen=True)
class SheetRows:
    """A sheet read through its header: the data rows, where the header was and which columns it lacks."""

    file: str
    sheet: str
    header_row: int  # 1-based
    columns: Mapping[str, int]
    missing: tuple[Column, ...]  # required columns the header lacks (empty unless strict=False)
    rows: tuple[Row, ...]

    def __iter__(self) -> Iterator[Row]:
        return iter(self.rows)


def read_sheets(path: Path, sheets: Sequence[str | int], what: str, error: Callable[[str], Exception],
                producer: str = "") -> dict[str | int, tuple[str, list[tuple]]]:
    """(title, rows as values) of the named sheets, or of sheet number N for an int. `what` names the file's
    role in messages (评查人员名单, 抽样结果 …), `producer` the pingcha command that writes it; `error`
    builds the exception from a one-line message."""
    import openpyxl

    path = Path(path)
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except FileNotFoundError as exc:
        raise error(f"{what}文件不存在：{path}") from exc
    except Exception as exc:  # openpyxl raises several unrelated types for unreadable files
        raise error(f"{path.name}：无法读取{what}（{type(exc).__name__}: {exc}）") from exc
    try:
        out: dict[str | int, tuple[str, list[tuple]]] = {}
        for sheet in sheets:
            if isinstance(sheet, str) and sheet not in book.sheetnames:
                made_by = f"，不是 {producer} 生成的{what}" if producer else ""
                raise error(f"{path.name}：缺少工作表“{sheet}”{made_by}")
            worksheet = book[sheet] if isinstance(sheet, str) else book.worksheets[sheet]
            out[sheet] = (worksheet.title, list(worksheet.iter_rows(values_only=True)))
        return out
    finally:
        book.close()


def map_header(cells: Sequence[object], columns: Sequence[Column]) -> dict[str, int]:
    """key -> 0-based column index for every wanted column whose header (or a synonym) is in `cells`."""
    normed = [norm_text(c) for c in cells]
    found: dict[str, int] = {}
    for column in columns:
        for name in column.names:
            if norm_text(name) in normed:
                found[column.key] = normed.index(norm_text(name))
                break
    return found


def rows_of(file: str, sheet: str, raw: Sequence[tuple], columns: Sequence[Column],
            error: Callable[[str], Exception], *, header_within: int = 1, strict: bool = True) -> SheetRows:
    """Map the header (the first of the first `header_within` rows holding every required column, or else
    the one holding most of them) and return the data rows below it; rows whose wanted cells are all empty
    are skipped. With strict, a missing required column raises `error` naming all of them."""
    required = [c for c in columns if c.required]
    best_at, best = 0, map_header(raw[0] if raw else (), columns)
    for at, cells in enumerate(raw[:header_within]):
        found = map_header(cells, columns)
        if sum(c.key in found for c in required) > sum(c.key in best for c in required):
            best_at, best = at, found
    missing = tuple(c for c in required if c.key not in best)
    if missing and strict:
        if header_within > 1 and len(missing) == len(required):
            wanted = SHEET_LIST_SEP.join(c.label for c in required)
            optional = SHEET_LIST_SEP.join(c.label for c in columns if not c.required)
            raise error(f"{file}：工作表“{sheet}”前{header_within}行中找不到表头行（需要列：“{wanted}”"
                        + (f"，可选：“{optional}”" if optional else "") + "）")
        names = SHEET_LIST_SEP.join(c.label for c in missing)
        raise error(f"{file}：工作表“{sheet}”第{best_at + 1}行缺少列“{names}”")
    rows = []
    for number, cells in enumerate(raw[best_at + 1:], start=best_at + 2):
        row = Row(file, sheet, number, tuple(cells), best)
        if any(row.text(key) for key in best):
            rows.append(row)
    return SheetRows(file, sheet, best_at + 1, best, missing, tuple(rows))


def read_rows(path: Path, sheet: str | int, columns: Sequence[Column], *, what: str,
              error: Callable[[str], Exception], producer: str = "", header_within: int = 1,
              strict: bool = True) -> SheetRows:
    """The rows of one sheet (a name, or 0 for the first) of the workbook at `path`, by header."""
    path = Path(path)
    title, raw = read_sheets(path, [sheet], what, error, producer)[sheet]
    return rows_of(path.name, title, raw, columns, error, header_within=header_within, strict=strict)
