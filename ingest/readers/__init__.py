"""One reader per format, all returning the same `Document` (like unstructured's partition_*).

`read_file` decides the format from the file's bytes first and its extension second, so a mislabelled file is
still read, and turns every failure into a `ReadError` whose kind and Chinese message go to problems.csv.
"""

from __future__ import annotations

import stat
from pathlib import Path

from ingest.errors import ReadError
from ingest.glossary import ProblemKind
from ingest.model import Document
from ingest.readers.budget import file_budget
from ingest.readers.common import MB, ReadLimits, clean_document
from ingest.readers.formats import BY_SUFFIX, LEGACY_SUFFIXES, SUPPORTED_SUFFIXES, ZIP_FORMATS, Format
from ingest.readers.pdf_reader import page_image
from ingest.readers.sniff import Content, is_encrypted_ooxml, legacy_message, sniff, unsupported_message

__all__ = [
    "ReadLimits",
    "read_file",
    "pages_needing_ocr",
    "page_image",
    "is_candidate",
    "SUPPORTED_SUFFIXES",
]


def read_file(path: Path, source_file: str, limits: ReadLimits = ReadLimits()) -> Document:
    """Read one dossier file into a Document, its text without control characters; raises only ReadError."""
    try:
        with file_budget(limits):
            fmt = _format_of(path, limits)
            return clean_document(fmt.reader(path, source_file, limits))
    except ReadError:
        raise
    except MemoryError as exc:
        raise ReadError(ProblemKind.TOO_LARGE, "文件内容过大，读取时内存不足") from exc
    except RecursionError as exc:
        raise ReadError(ProblemKind.CORRUPT, "文件结构嵌套过深，无法读取") from exc
    except Exception as exc:  # nothing unexpected may escape a reader
        raise ReadError(ProblemKind.CORRUPT, f"文件无法读取（{type(exc).__name__}: {exc}）") from exc


def _format_of(path: Path, limits: ReadLimits) -> Format:
    try:
        st = path.stat()
    except OSError as exc:
        raise ReadError(ProblemKind.CORRUPT, f"文件无法打开（{exc.strerror or exc}）") from exc
    if not stat.S_ISREG(st.st_mode):  # discovery takes only regular files; this guards every other caller
        raise ReadError(ProblemKind.SPECIAL_ENTRY, "不是普通文件（管道、设备或文件夹），未读取")
    size = st.st_size
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
    if isinstance(kind, Format):
        return kind
    if kind is Content.OLE:
        if is_encrypted_ooxml(path):
            raise ReadError(ProblemKind.ENCRYPTED, "Office文件设置了打开密码，无法读取；请取消密码后重新提交")
        raise ReadError(ProblemKind.LEGACY_FORMAT, legacy_message(path))
    if suffix in LEGACY_SUFFIXES:
        raise ReadError(ProblemKind.LEGACY_FORMAT, legacy_message(path))
    if suffix in BY_SUFFIX:
        expected = BY_SUFFIX[suffix].label
        what = _EMPTY_ZIP if kind is Content.ZIP else "无法识别的内容"
        raise ReadError(ProblemKind.CORRUPT, f"文件扩展名为 {suffix}，但内容是{what}，不是有效的{expected}")
    raise ReadError(ProblemKind.UNSUPPORTED, unsupported_message(path))


_EMPTY_ZIP = f"一个不含{'/'.join(f.app for f in ZIP_FORMATS)}内容的压缩包"


def is_candidate(path: Path) -> bool:
    """Whether discovery hands the file to `read_file` (which then reads it or says precisely why not).

    Supported and legacy extensions always are; other names only when their bytes are PDF/Office.
    Lock files and hidden files never are.
    """
    name = path.name
    if name.startswith(("~$", ".")):
        return False
    suffix = path.suffix.lower()
    if suffix in BY_SUFFIX or suffix in LEGACY_SUFFIXES:
        return True
    try:
        kind = sniff(path)
        return isinstance(kind, Format) or kind is Content.OLE
    except OSError:
        return False


def pages_needing_ocr(doc: Document) -> tuple[int, ...]:
    """OCR hook: the 1-based PDF pages whose text layer is absent or garbled (render them with `page_image`)."""
    return doc.pages_needing_ocr
