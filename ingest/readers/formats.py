"""The one table of file formats: detection, extensions, readers, names and messages all derive from it.

Adding a format is one reader module plus one `Format` row in `FORMATS`. A row's position matters only
where two rows could claim the same bytes (a zip holding both word/ and xl/ is read as the earlier row).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ingest.model import Document
from ingest.readers.common import ReadLimits
from ingest.readers.docx_reader import read_docx
from ingest.readers.pdf_reader import read_pdf
from ingest.readers.xlsx_reader import read_xlsx

Reader = Callable[[Path, str, ReadLimits], Document]


@dataclass(frozen=True, slots=True)
class Format:
    """One readable format and how it is recognised.

    Recognised by `zip_part` (a member-name prefix inside a zip container), else by `magic` (bytes within
    the first KiB), else — for formats without a signature — by extension alone.
    """

    name: str  # Document.file_format written by the reader
    reader: Reader
    label: str  # what a reviewer calls such a file ("Word文档")
    app: str  # the program a reviewer knows it by ("Word")
    suffix: str  # the format's own extension
    variants: tuple[str, ...] = ()  # other extensions read as this format (macro-enabled variants)
    legacy: tuple[str, ...] = ()  # older extensions of the same kind of file, to be re-saved as `suffix`
    converted_from: tuple[str, ...] = ()  # unreadable extensions a reviewer converts to `suffix`
    single_file: bool = False  # a unit-level file in this format (or a legacy one) is a whole dossier
    zip_part: str | None = None
    magic: bytes | None = None

    @property
    def suffixes(self) -> tuple[str, ...]:
        return (self.suffix, *self.variants)


FORMATS: tuple[Format, ...] = (
    Format("docx", read_docx, "Word文档", "Word", ".docx", variants=(".docm",), legacy=(".doc", ".wps"),
           single_file=True, zip_part="word/"),
    Format("pdf", read_pdf, "PDF文件", "PDF", ".pdf", converted_from=(".ppt",), single_file=True, magic=b"%PDF-"),
    Format("xlsx", read_xlsx, "Excel文件", "Excel", ".xlsx", variants=(".xlsm",), legacy=(".xls", ".et"),
           zip_part="xl/"),
)  # fmt: skip

BY_SUFFIX: dict[str, Format] = {suffix: f for f in FORMATS for suffix in f.suffixes}
SUPPORTED_SUFFIXES = frozenset(f.suffix for f in FORMATS)
# An unreadable extension → the extension to re-save it as.
LEGACY_SUFFIXES: dict[str, str] = {old: f.suffix for f in FORMATS for old in (*f.legacy, *f.converted_from)}
# Extensions of a file standing directly in a unit folder that make it a single-file dossier.
SINGLE_FILE_SUFFIXES = frozenset(s for f in FORMATS if f.single_file for s in (f.suffix, *f.legacy))
ZIP_FORMATS = tuple(f for f in FORMATS if f.zip_part is not None)


def or_list(items: list[str]) -> str:
    """'.docx、.pdf 或 .xlsx' — a reviewer's list of alternatives."""
    return items[0] if len(items) == 1 else "、".join(items[:-1]) + " 或 " + items[-1]


SUPPORTED_LIST = or_list(sorted(SUPPORTED_SUFFIXES))  # as a reviewer reads them in a message
