"""Per-file budgets that readers check as they go: wall time, text length and inflated part sizes.

The limits themselves are fields of `ReadLimits`; this module holds what enforces them while reading. The time
budget covers reading and OCR of one file (`ingest.load.load_dossier` opens it); it is checked between pages,
paragraphs and rows, never interrupting a library call, so each such call is kept short by the size budgets.
"""

from __future__ import annotations

import time
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from ingest.errors import ReadError
from ingest.glossary import ProblemKind
from ingest.readers.common import MB, ReadLimits, too_large


@dataclass(frozen=True, slots=True)
class Deadline:
    ends: float  # time.monotonic()
    seconds: float

    def check(self) -> None:
        if time.monotonic() > self.ends:
            raise ReadError(ProblemKind.TIMEOUT, f"读取超过时限 {self.seconds:g} 秒，未读完；请拆分或检查文件后重新提交")


_deadline: ContextVar[Deadline | None] = ContextVar("pingcha_file_deadline", default=None)


@contextmanager
def file_budget(limits: ReadLimits) -> Iterator[Deadline]:
    """The time budget of one file; nested calls keep the outer (earlier) deadline."""
    current = _deadline.get()
    if current is not None:
        yield current
        return
    deadline = Deadline(time.monotonic() + limits.max_seconds, limits.max_seconds)
    token = _deadline.set(deadline)
    try:
        yield deadline
    finally:
        _deadline.reset(token)


def check_time() -> None:
    """Raise TIMEOUT when the current file's budget is spent (no budget open: nothing to check)."""
    deadline = _deadline.get()
    if deadline is not None:
        deadline.check()


class TextBudget:
    """Counts the characters a reader keeps; a block or a file over its limit is refused as too large."""

    __slots__ = ("limits", "used", "what")

    def __init__(self, limits: ReadLimits, what: str) -> None:
        self.limits, self.what, self.used = limits, what, 0

    def add(self, text: str, where: str) -> None:
        if len(text) > self.limits.max_block_chars:
            raise too_large(
                f"{self.what}{where}一处文字 {len(text):,} 字，超过单段上限 {self.limits.max_block_chars:,} 字（疑似异常文件）"
            )
        self.used += len(text)
        if self.used > self.limits.max_text_chars:
            raise too_large(f"{self.what}文字超过全文上限 {self.limits.max_text_chars:,} 字；请拆分后提交")
        check_time()


def check_part_size(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limits: ReadLimits, what: str) -> None:
    """Refuse a zip member that inflates past `max_xml_mb`, by its declared size and then by inflating it in
    chunks that are counted and dropped (a header may lie), before any parser holds it."""
    cap = int(limits.max_xml_mb * MB)
    message = f"{what}解压后超过上限 {limits.max_xml_mb:g} MB（疑似异常文件）；请拆分后提交"
    if info.file_size > cap:
        raise too_large(message)
    size = 0
    with zf.open(info) as fh:
        while chunk := fh.read(MB):
            size += len(chunk)
            if size > cap:
                raise too_large(message)
