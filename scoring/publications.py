"""The publication register (公示台账): when each decision was published, from the 公示 platform's export.

`pingcha run --publications FILE.xlsx` (or `publications:` in the campaign file): a sheet with the decision's
文号, the 公示日期 and optionally the 网址. The 三项制度 item 公示 (rule kind published_on_time) joins it to a
file on the normalised case number (ingest.extract.case_numbers.case_no_key). A row that cannot be used (no
readable 文号 or date) is a named problem of the run, never the end of it: the other rows still count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from ingest.errors import PingchaError
from ingest.extract.case_numbers import case_no_key
from ingest.glossary import ProblemKind
from ingest.model import Problem
from ingest.workbook_rows import Column, read_rows

WHAT_ZH = "公示台账"

PUBLICATION_FIELDS = (
    Column("case_no", ("文号", "决定书文号", "行政处罚决定书文号", "行政许可决定书文号", "决定文号", "案号",
                       "许可文号", "处罚决定书文号"), required=True),
    Column("published", ("公示日期", "公开日期", "发布日期", "公示时间", "公开时间", "发布时间", "上网日期"),
           required=True),
    Column("url", ("网址", "链接", "URL", "公示网址", "公示链接", "网页地址")),
)


class PublicationsError(PingchaError):
    """The register cannot be read at all (no file, no header): the run stops with this message."""


@dataclass(frozen=True, slots=True)
class Publication:
    """One register row: the decision's 文号 as written, its publication date, the page, where the row is."""

    case_no: str
    published: date
    url: str
    file: str
    row: int

    @property
    def where(self) -> str:
        return f"{self.file}第{self.row}行"


@dataclass(frozen=True)
class Publications:
    entries: tuple[Publication, ...]
    problems: tuple[Problem, ...] = ()
    source: str = ""
    _by_key: dict[str, Publication] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        index: dict[str, Publication] = {}
        for entry in self.entries:
            key = case_no_key(entry.case_no)
            kept = index.get(key) if key else None
            if key and (kept is None or entry.published < kept.published):  # published once: the first date
                index[key] = entry
        object.__setattr__(self, "_by_key", index)

    def of(self, case_no: str) -> Publication | None:
        key = case_no_key(case_no)
        return self._by_key.get(key) if key else None


def _date(value: object) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    m = re.fullmatch(r"(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?(?:\s+[\d:：]+)?", str(value or "").strip())
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def load_publications(path: str | Path) -> Publications:
    """Read the first sheet of the register; rows without a readable 文号 or date become problems."""
    path = Path(path)
    entries: list[Publication] = []
    problems: list[Problem] = []
    for row in read_rows(path, 0, PUBLICATION_FIELDS, what=WHAT_ZH, error=PublicationsError, header_within=5):
        number, when = row.text("case_no"), _date(row.value("published"))
        if case_no_key(number) is None:
            why = f"无法识别的文号“{number}”" if number else "缺少文号"
        elif when is None:
            shown = row.text("published")
            why = f"无法识别的公示日期“{shown}”" if shown else "缺少公示日期"
        else:
            entries.append(Publication(number, when, row.text("url"), path.name, row.number))
            continue
        problems.append(Problem("", path.name, ProblemKind.BAD_REGISTER_ROW, f"{WHAT_ZH}{row.where}：{why}，该行未使用"))
    return Publications(tuple(entries), tuple(problems), str(path))
