"""A unit's register (台账) read as a list of inspections: who was inspected, when, of what type, and the row.

The frequency of inspections (同一企业年度检查次数, 同日多次入企) is no fact of one dossier: it is counted over the
unit's register (scoring/campaign/inspection_frequency.py). This reader only reads: every row with a party and a
readable date becomes a `RegisteredInspection` quoting its row; a sheet without such columns is passed over, and a
register with none says why. In a register of all case types, only rows whose type names 检查 are inspections.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from ingest.extract.dates import find_dates
from ingest.glossary import INSPECTION_REGISTER_HEADERS_ZH, INSPECTION_TYPE_MARK, REGISTER_HEADERS_ZH
from ingest.workbook_rows import Column, Row, read_sheets, rows_of

# the party column is "required" so that the header row is found among the first rows (strict=False: never raised)
COLUMNS = (
    *(Column(key, names, required=key == "party") for key, names in INSPECTION_REGISTER_HEADERS_ZH.items()),
    Column("case_type", REGISTER_HEADERS_ZH["case_type"]),
)
HEADER_ROWS = 10  # a register's title and notes may stand above its header


@dataclass(frozen=True, slots=True)
class RegisteredInspection:
    unit: str
    party: str
    credit_code: str
    day: date
    inspection_type: str  # 日常检查, 线索核查 … as written; '' when the register has no such column
    where: str  # 台账.xlsx：工作表“检查”第5行
    quote: str  # the row's cells, as the reviewer finds them


@dataclass(slots=True)
class RegisterRead:
    register: str  # its name relative to the campaign
    inspections: list[RegisteredInspection] = field(default_factory=list)
    note: str = ""  # why nothing was read (unreadable, no inspection columns), '' when rows were read


class _Unreadable(Exception):
    pass


def _day(value: object) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    hits = find_dates(str(value or ""))
    return hits[0].value if hits else None


def _cell(value: object) -> str:
    """A cell as the reviewer sees it in Excel: a date without its midnight."""
    if isinstance(value, datetime) and value.time() == datetime.min.time():
        return value.date().isoformat()
    return str(value).strip()


def _quote(row: Row) -> str:
    return " | ".join(_cell(c) for c in row.cells if c is not None and str(c).strip())


def read_inspection_register(path: Path, unit: str, name: str) -> RegisterRead:
    """The inspections a register lists (every sheet with a party and a date column)."""
    import openpyxl

    read = RegisterRead(name)
    try:
        book = openpyxl.load_workbook(path, read_only=True)
        sheets = list(book.sheetnames)
        book.close()
        raw = read_sheets(path, sheets, "检查台账", _Unreadable)
    except _Unreadable as exc:
        read.note = str(exc)
        return read
    except Exception as exc:  # openpyxl raises several unrelated types for unreadable files
        read.note = f"{Path(path).name}：无法读取检查台账（{type(exc).__name__}）"
        return read
    for title, rows in raw.values():
        sheet = rows_of(Path(path).name, title, rows, COLUMNS, _Unreadable, header_within=HEADER_ROWS, strict=False)
        typed = "case_type" in sheet.columns
        date_key = "inspection_date" if "inspection_date" in sheet.columns else "any_date" if typed else None
        if "party" not in sheet.columns or date_key not in sheet.columns:
            continue
        for row in sheet:
            if typed and INSPECTION_TYPE_MARK not in row.text("case_type"):
                continue
            day = _day(row.value(date_key))
            if day is None or not row.text("party"):
                continue
            read.inspections.append(RegisteredInspection(
                unit, row.text("party"), row.text("credit_code").upper(), day, row.text("inspection_type"),
                row.where, _quote(row),
            ))  # fmt: skip
    if not read.inspections:
        wanted = "、".join(f"“{names[0]}”" for names in (INSPECTION_REGISTER_HEADERS_ZH["party"],
                                                        INSPECTION_REGISTER_HEADERS_ZH["inspection_date"]))
        read.note = f"{name}中未找到列有{wanted}的检查记录"
    return read
