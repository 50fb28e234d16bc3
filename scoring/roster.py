"""The officer roster (执法人员名册): who holds an enforcement certificate, and when it is valid.

V02 (执法人员少于二人或无执法资格) with `--roster ROSTER.xlsx`: every officer named in the file must be on the
roster with a matching certificate number valid on the document's date (持证上岗, policy/).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from ingest.errors import PingchaError
from ingest.normalize import norm_text
from ingest.workbook_rows import Column, read_rows

COLUMNS = ("姓名", "执法证号", "单位", "有效期起", "有效期止")


class RosterError(PingchaError):
    """The roster file cannot be used; the message names the file and the row or column."""


def norm_cert(cert: str) -> str:
    return re.sub(r"[\s\-－]", "", unicodedata.normalize("NFKC", cert)).upper()


@dataclass(frozen=True, slots=True)
class RosterEntry:
    name: str
    cert_no: str
    unit: str = ""
    valid_from: date | None = None
    valid_to: date | None = None

    def valid_on(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )


@dataclass(frozen=True)
class Roster:
    entries: tuple[RosterEntry, ...]
    source: str = ""
    _by_name: dict[str, tuple[RosterEntry, ...]] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        index: dict[str, list[RosterEntry]] = {}
        for entry in self.entries:
            index.setdefault(norm_text(entry.name), []).append(entry)
        object.__setattr__(self, "_by_name", {k: tuple(v) for k, v in index.items()})

    def by_name(self, name: str) -> tuple[RosterEntry, ...]:
        return self._by_name.get(norm_text(name), ())


def _to_date(value: object, where: str) -> date | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    m = re.fullmatch(r"(\d{4})[-./年](\d{1,2})[-./月](\d{1,2})日?", text)
    if not m:
        raise RosterError(f"{where}: 无法识别的日期“{text}”")
    return date(int(m[1]), int(m[2]), int(m[3]))


ROSTER_FIELDS = (
    Column("name", (COLUMNS[0],), required=True),
    Column("cert_no", (COLUMNS[1],), required=True),
    Column("unit", (COLUMNS[2],)),
    Column("valid_from", (COLUMNS[3],)),
    Column("valid_to", (COLUMNS[4],)),
)


def load_roster(path: str | Path) -> Roster:
    """Read the first sheet of an .xlsx whose header row holds 姓名, 执法证号, 单位, 有效期起, 有效期止."""
    path = Path(path)
    entries = []
    for row in read_rows(path, 0, ROSTER_FIELDS, what="执法人员名册", error=RosterError):
        if not row.text("name") and not row.text("cert_no"):
            continue
        where = f"{path.name}:{row.number}"
        entries.append(
            RosterEntry(
                name=row.text("name"),
                cert_no=norm_cert(row.text("cert_no")),
                unit=row.text("unit"),
                valid_from=_to_date(row.value("valid_from"), where),
                valid_to=_to_date(row.value("valid_to"), where),
            )
        )
    return Roster(tuple(entries), source=str(path))
