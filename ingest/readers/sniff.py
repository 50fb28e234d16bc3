"""Decide a file's real format from its first bytes (extension only as a tie-breaker)."""

from __future__ import annotations

import zipfile
from enum import StrEnum
from pathlib import Path

OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")  # stream name inside a password-protected OOXML

SUPPORTED_SUFFIXES = frozenset({".docx", ".pdf", ".xlsx"})
LEGACY_SUFFIXES = {".doc": ".docx", ".xls": ".xlsx", ".wps": ".docx", ".et": ".xlsx", ".ppt": ".pdf"}
IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".tif", ".tiff", ".bmp", ".gif", ".heic", ".webp"})


class Kind(StrEnum):
    PDF = "pdf"
    DOCX = "docx"
    XLSX = "xlsx"
    ZIP = "zip"  # a zip that is neither (OFD, a plain archive)
    OLE = "ole"  # legacy Office or an encrypted OOXML
    EMPTY = "empty"
    OTHER = "other"


def sniff(path: Path) -> Kind:
    """Magic bytes first; zip members tell .docx from .xlsx. Never raises for unreadable content."""
    with path.open("rb") as fh:
        head = fh.read(1024)
    if not head:
        return Kind.EMPTY
    if head.startswith(b"%PDF-"):
        return Kind.PDF
    if head.startswith(OLE_MAGIC):
        return Kind.OLE
    if head.startswith(ZIP_MAGICS):
        try:
            with zipfile.ZipFile(path) as zf:
                names = set(zf.namelist())
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
            # A truncated .docx/.xlsx still starts with PK: let the extension pick the reader that reports it.
            return {".docx": Kind.DOCX, ".xlsx": Kind.XLSX}.get(path.suffix.lower(), Kind.ZIP)
        if "word/document.xml" in names or any(n.startswith("word/") for n in names):
            return Kind.DOCX
        if "xl/workbook.xml" in names or any(n.startswith("xl/") for n in names):
            return Kind.XLSX
        return Kind.ZIP
    if b"%PDF-" in head:  # the header may follow a few junk bytes; PDF readers tolerate that
        return Kind.PDF
    return Kind.OTHER


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
    target = LEGACY_SUFFIXES.get(suffix, ".docx 或 .xlsx")
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
    return f"不支持的文件类型（{label}）；案卷材料应为 .docx、.pdf 或 .xlsx"
