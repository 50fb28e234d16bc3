"""One reader per format, all returning the same `Document` (like unstructured's partition_*).

`read_file` decides the format from the file's bytes first and its extension second, so a mislabelled file is
still read, and turns every failure into a `ReadError` whose kind and Chinese message go to problems.csv.
"""

from __future__ import annotations

from pathlib import Path

from ingest.errors import ReadError
from ingest.glossary import ProblemKind
from ingest.model import Document
from ingest.readers.common import MB, ReadLimits
from ingest.readers.docx_reader import read_docx
from ingest.readers.pdf_reader import page_image, read_pdf
from ingest.readers.sniff import (
    LEGACY_SUFFIXES,
    SUPPORTED_SUFFIXES,
    Kind,
    is_encrypted_ooxml,
    legacy_message,
    sniff,
    unsupported_message,
)
from ingest.readers.xlsx_reader import read_xlsx

__all__ = [
    "ReadLimits",
    "read_file",
    "pages_needing_ocr",
    "page_image",
    "is_candidate",
    "SUPPORTED_SUFFIXES",
]

_READERS = {Kind.DOCX: read_docx, Kind.PDF: read_pdf, Kind.XLSX: read_xlsx}
_BY_SUFFIX = {".docx": Kind.DOCX, ".docm": Kind.DOCX, ".pdf": Kind.PDF, ".xlsx": Kind.XLSX, ".xlsm": Kind.XLSX}


def read_file(path: Path, source_file: str, limits: ReadLimits = ReadLimits()) -> Document:
    """Read one dossier file into a Document; raises only ReadError."""
    try:
        kind = _format_of(path, limits)
        return _READERS[kind](path, source_file, limits)
    except ReadError:
        raise
    except MemoryError as exc:
        raise ReadError(ProblemKind.TOO_LARGE, "文件内容过大，读取时内存不足") from exc
    except RecursionError as exc:
        raise ReadError(ProblemKind.CORRUPT, "文件结构嵌套过深，无法读取") from exc
    except Exception as exc:  # nothing unexpected may escape a reader
        raise ReadError(ProblemKind.CORRUPT, f"文件无法读取（{type(exc).__name__}: {exc}）") from exc


def _format_of(path: Path, limits: ReadLimits) -> Kind:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ReadError(ProblemKind.CORRUPT, f"文件无法打开（{exc.strerror or exc}）") from exc
    if size == 0:
        raise ReadError(ProblemKind.EMPTY, "文件为空（0字节）")
    if size > limits.max_file_mb * MB:
        raise ReadError(
            ProblemKind.TOO_LARGE, f"文件大小 {size / MB:.0f} MB 超过上限 {limits.max_file_mb:g} MB；请拆分或压缩后提交"
        )
    suffix = path.suffix.lower()
    try:
        kind = sniff(path)
    except OSError as exc:
        raise ReadError(ProblemKind.CORRUPT, f"文件无法打开（{exc.strerror or exc}）") from exc
    if kind in _READERS:
        return kind
    if kind is Kind.OLE:
        if is_encrypted_ooxml(path):
            raise ReadError(ProblemKind.ENCRYPTED, "Office文件设置了打开密码，无法读取；请取消密码后重新提交")
        raise ReadError(ProblemKind.LEGACY_FORMAT, legacy_message(path))
    if suffix in LEGACY_SUFFIXES:
        raise ReadError(ProblemKind.LEGACY_FORMAT, legacy_message(path))
    if suffix in _BY_SUFFIX:
        expected = {Kind.DOCX: "Word文档", Kind.PDF: "PDF文件", Kind.XLSX: "Excel文件"}[_BY_SUFFIX[suffix]]
        what = "一个不含Word/Excel内容的压缩包" if kind is Kind.ZIP else "无法识别的内容"
        raise ReadError(ProblemKind.CORRUPT, f"文件扩展名为 {suffix}，但内容是{what}，不是有效的{expected}")
    raise ReadError(ProblemKind.UNSUPPORTED, unsupported_message(path))


def is_candidate(path: Path) -> bool:
    """Whether discovery hands the file to `read_file` (which then reads it or says precisely why not).

    Supported and legacy extensions always are; other names only when their bytes are PDF/Office.
    Lock files and hidden files never are.
    """
    name = path.name
    if name.startswith(("~$", ".")):
        return False
    suffix = path.suffix.lower()
    if suffix in _BY_SUFFIX or suffix in LEGACY_SUFFIXES:
        return True
    try:
        return sniff(path) in (Kind.PDF, Kind.DOCX, Kind.XLSX, Kind.OLE)
    except OSError:
        return False


def pages_needing_ocr(doc: Document) -> tuple[int, ...]:
    """OCR hook: the 1-based PDF pages whose text layer is absent or garbled (render them with `page_image`)."""
    return doc.pages_needing_ocr
