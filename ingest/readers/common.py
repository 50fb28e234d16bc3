"""Limits and guards shared by the readers (file size, zip bombs, wrapping library errors, control
characters)."""

from __future__ import annotations

import os
import re
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace

from ingest.errors import ReadError
from ingest.glossary import ProblemKind
from ingest.model import Document, Table, TextBlock

MB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class ReadLimits:
    """Bounds a reader may not exceed, so that one hostile or huge file cannot stall a campaign."""

    max_file_mb: float = 200  # size on disk
    max_pages: int = 500  # PDF pages
    max_uncompressed_mb: float = 300  # sum of declared zip member sizes (.docx/.xlsx), and bytes inflated
    max_xlsx_cells: int = 200_000  # cells iterated over all sheets
    max_zip_members: int = 10_000  # a real .docx/.xlsx has tens of members
    max_blocks: int = 200_000  # text blocks per file
    # Budgets against hostile or damaged input (issue 15); README "Security" lists them.
    max_block_chars: int = 100_000  # characters of one paragraph, line or row (a real one has a few thousand)
    max_text_chars: int = 5_000_000  # characters of one file (a 500-page decision has ~1 M)
    max_xml_mb: float = 64  # one inflated .docx document part, .xlsx sheet or shared-strings part
    max_stream_mb: float = 64  # one inflated PDF content, form or font stream (all of them: max_uncompressed_mb)
    max_image_megapixels: float = 200  # one image in a PDF, from its declared width and height
    max_render_megapixels: float = 40  # one page rendered for OCR (A4 at 200 dpi is 3.9); larger: lower dpi
    min_ocr_dpi: int = 72  # a page that fits the render budget only below this is too large to OCR
    max_seconds: float = 600  # wall time to read and OCR one file
    max_folder_depth: int = 32  # folders below a dossier folder

    @property
    def max_uncompressed_bytes(self) -> int:
        return int(self.max_uncompressed_mb * MB)

    @property
    def max_file_bytes(self) -> int:
        return int(self.max_file_mb * MB)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> ReadLimits:
        """Limits tuned by PINGCHA_MAX_<FIELD> variables (e.g. PINGCHA_MAX_PAGES=1000), which worker
        processes inherit; a malformed value is an error, never silently ignored."""
        environ = os.environ if environ is None else environ
        values: dict[str, float | int] = {}
        for spec in fields(cls):
            name = "PINGCHA_" + spec.name.upper()
            if name in environ:
                kind = int if spec.type in (int, "int") else float
                try:
                    values[spec.name] = kind(environ[name])
                except ValueError as exc:
                    raise ValueError(f"{name} must be a number, not {environ[name]!r}") from exc
        return cls(**values)


def too_large(message: str) -> ReadError:
    return ReadError(ProblemKind.TOO_LARGE, message)


def corrupt(what: str, exc: BaseException | str) -> ReadError:
    """A library failure becomes CORRUPT, keeping the library's own words for whoever debugs it."""
    detail = exc if isinstance(exc, str) else f"{type(exc).__name__}: {exc}"
    return ReadError(ProblemKind.CORRUPT, f"{what}已损坏或格式无效，无法读取（{detail}）")


def check_zip(zf: zipfile.ZipFile, limits: ReadLimits) -> None:
    """Zip-bomb guard on the declared sizes, before anything is inflated."""
    infos = zf.infolist()
    if len(infos) > limits.max_zip_members:
        raise too_large(f"压缩包内文件数 {len(infos)} 超过上限 {limits.max_zip_members}")
    declared = sum(max(info.file_size, 0) for info in infos)
    if declared > limits.max_uncompressed_bytes:
        raise too_large(
            f"文件解压后大小 {declared / MB:.0f} MB 超过上限 {limits.max_uncompressed_mb:g} MB（疑似压缩炸弹或超大文件）"
        )


def read_member(zf: zipfile.ZipFile, name: str, limits: ReadLimits, budget: list[int]) -> bytes:
    """Inflate one member in chunks, stopping as soon as the shared byte budget is spent.

    zipfile already stops at the declared size; counting here also bounds members whose header lies.
    """
    chunks: list[bytes] = []
    with zf.open(name) as fh:
        while True:
            chunk = fh.read(1024 * 1024)
            if not chunk:
                break
            budget[0] -= len(chunk)
            if budget[0] < 0:
                raise too_large(f"文件解压后超过上限 {limits.max_uncompressed_mb:g} MB（疑似压缩炸弹）")
            chunks.append(chunk)
    return b"".join(chunks)


# openpyxl's ILLEGAL_CHARACTERS_RE (C0 but tab, line feed, carriage return) plus DEL and the C1 controls:
# no document holds them as text, a workbook cannot (openpyxl raises), a terminal obeys them.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_LINE_BREAKING = {"\x0b": "\n", "\x0c": "\n"}  # vertical tab and form feed end a line in Word and PDF text


def _drop(match: re.Match[str]) -> str:
    return _LINE_BREAKING.get(match.group(), "")


def clean_text(text: str) -> tuple[str, int]:
    """`text` without control characters (a line break for a vertical tab or form feed), and how many;
    carriage returns become line feeds, uncounted (a CSV row written with "\n" endings would break at a
    bare one)."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not CONTROL_CHARACTERS.search(text):
        return text, 0
    return CONTROL_CHARACTERS.subn(_drop, text)


def clean_document(doc: Document) -> Document:
    """Clean every block and table cell of a read file once, at the reader boundary (ingest.readers.read_file,
    and OCR output in ingest.load), counting what was removed in `doc.control_characters`."""
    removed = 0
    blocks: list[TextBlock] = []
    for block in doc.blocks:
        text, n = clean_text(block.text)
        removed += n
        blocks.append(replace(block, text=text) if n else block)
    tables: list[Table] = []  # their cells are the table rows' blocks again: cleaned, not counted twice
    for table in doc.tables:
        cleaned = [tuple(clean_text(cell) for cell in row) for row in table.rows]
        changed = any(n for row in cleaned for _, n in row)
        removed = removed or int(changed)
        tables.append(replace(table, rows=tuple(tuple(text for text, _ in row) for row in cleaned))
                      if changed else table)
    if removed:
        doc.blocks, doc.tables = blocks, tables
        doc.control_characters += removed
    return doc
