"""Decide a file's real format from its first bytes (extension only as a tie-breaker), and say why a file is
not read. Everything format-specific comes from the table in `ingest.readers.formats`."""

from __future__ import annotations

import zipfile
from enum import StrEnum
from pathlib import Path

from ingest.readers.formats import (
    BY_SUFFIX,
    FORMATS,
    LEGACY_SUFFIXES,
    SUPPORTED_LIST,
    ZIP_FORMATS,
    Format,
    or_list,
)

OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")  # stream name inside a password-protected OOXML
IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".tif", ".tiff", ".bmp", ".gif", ".heic", ".webp"})


class Content(StrEnum):
    """What a file holds when it is in none of the readable formats."""

    ZIP = "zip"  # a zip that is no format's container (OFD, a plain archive)
    OLE = "ole"  # legacy Office or an encrypted OOXML
    EMPTY = "empty"
    OTHER = "other"


def sniff(path: Path) -> Format | Content:
    """Magic bytes first; zip members tell the zip-based formats apart. Never raises for unreadable content."""
    with path.open("rb") as fh:
        head = fh.read(1024)
    if not head:
        return Content.EMPTY
    if head.startswith(OLE_MAGIC):
        return Content.OLE
    if head.startswith(ZIP_MAGICS):
        return _zip_format(path)
    for fmt in FORMATS:
        if fmt.magic is not None and fmt.magic in head:  # a header may follow a few junk bytes; readers tolerate it
            return fmt
    fmt = BY_SUFFIX.get(path.suffix.lower())
    if fmt is not None and fmt.magic is None and fmt.zip_part is None:  # a format without a signature
        return fmt
    return Content.OTHER


def _zip_format(path: Path) -> Format | Content:
    try:
        with zipfile.ZipFile(path) as zf:
            names = zf.namelist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        # A truncated .docx/.xlsx still starts with PK: let the extension pick the reader that reports it.
        suffix = path.suffix.lower()
        return next((f for f in ZIP_FORMATS if f.suffix == suffix), Content.ZIP)
    for fmt in ZIP_FORMATS:
        if any(n.startswith(fmt.zip_part) for n in names):  # type: ignore[arg-type]
            return fmt
    return Content.ZIP


def is_encrypted_ooxml(path: Path) -> bool:
    """An OLE container holding an `EncryptedPackage` stream is a password-protected .docx/.xlsx."""
    overlap = len(ENCRYPTED_PACKAGE)
    tail = b""
    with path.open("rb") as fh:
        while chunk := fh.read(1024 * 1024):
            if ENCRYPTED_PACKAGE in tail + chunk:
                return True
            tail = chunk[-overlap:]
    return False


def legacy_message(path: Path) -> str:
    suffix = path.suffix.lower()
    target = LEGACY_SUFFIXES.get(suffix, or_list([f.suffix for f in ZIP_FORMATS]))  # OLE's successors are zips
    label = suffix or "无扩展名"
    return f"旧版Office格式（{label}），无法读取；请用Word/WPS/Excel打开后另存为 {target} 格式再提交"


def unsupported_message(path: Path) -> str:
    """Why a file is not read, in a reviewer's words, with what to do about it."""
    name, suffix = path.name, path.suffix.lower()
    if name.startswith("~$"):
        return "Office临时锁定文件（~$开头，文档打开时自动生成），不属于案卷材料；请关闭文档后删除此文件"
    if name.startswith(".") or name.lower() in {"thumbs.db", "desktop.ini"}:
        return f"系统隐藏文件（{name}），不属于案卷材料，可删除"
    if suffix in IMAGE_SUFFIXES:
        return f"图片文件（{suffix}）不能直接评查；请将扫描件按顺序合并为PDF后提交"
    if suffix == ".ofd":
        return "OFD版式文件暂不支持；请转换为PDF后提交"
    if suffix in {".zip", ".rar", ".7z"}:
        return f"压缩包（{suffix}）不会自动解压；请解压后按案卷目录放置"
    label = suffix or "无扩展名"
    return f"不支持的文件类型（{label}）；案卷材料应为 {SUPPORTED_LIST}"
