"""Bound what PDFium would inflate, before PDFium opens the file.

PDFium inflates a page's content streams, forms, fonts and object streams whole into memory, and aborts the
process when an allocation fails (no exception to catch; a memory limit only turns the abort sooner). A 4 MB
FlateDecode stream inflates to 4 GB. So the raw file is scanned first: every FlateDecode stream other than an
image is inflated in chunks that are counted and dropped, stopping at `max_stream_mb` for one stream and at
`max_uncompressed_mb` for the file; an image (which PDFium decodes line by line, and only when rendering) is
bounded by its declared width × height instead. The scan works on the bytes as they are (a memory map), needs no
cross-reference table, and costs a few milliseconds for an ordinary decision.

Not inflated here: streams whose first filter is not FlateDecode (LZW, ASCII85 then Flate), which ordinary
producers do not write; their content still passes the page and time budgets.
"""

from __future__ import annotations

import mmap
import re
import zlib
from pathlib import Path

from ingest.readers.common import MB, ReadLimits, too_large

_STREAM = re.compile(rb"(?<!end)stream(?:\r\n|\n|\r)")
_ENDSTREAM = b"endstream"
_OBJ = b"obj"
_FLATE_FIRST = re.compile(rb"/Filter\s*(?:\[\s*)?/FlateDecode\b")
_IMAGE = re.compile(rb"/Subtype\s*/Image\b")
_WIDTH = re.compile(rb"/Width\s+(\d{1,12})\b")
_HEIGHT = re.compile(rb"/Height\s+(\d{1,12})\b")
_HEADER_WINDOW = 4096  # bytes before `stream` searched for the stream's dictionary
_CHUNK = 1 << 16


def check_pdf_streams(path: Path, limits: ReadLimits) -> None:
    """Raise TOO_LARGE when a stream of `path` would inflate (or an image decode) past its budget."""
    with path.open("rb") as fh:
        try:
            data = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        except ValueError:  # an empty file: nothing to inflate
            return
    with data:
        _scan(data, limits)


def _scan(data: mmap.mmap, limits: ReadLimits) -> None:
    per_stream = int(limits.max_stream_mb * MB)
    total_left = limits.max_uncompressed_bytes
    pixels = limits.max_image_megapixels * 1e6
    pos = 0
    while match := _STREAM.search(data, pos):
        start = match.end()
        window = data[max(0, match.start() - _HEADER_WINDOW) : match.start()]
        header = window[window.rfind(_OBJ) + len(_OBJ) :] if _OBJ in window else window
        end = data.find(_ENDSTREAM, start)
        pos = len(data) if end < 0 else end + len(_ENDSTREAM)
        if _IMAGE.search(header):
            width, height = _WIDTH.search(header), _HEIGHT.search(header)
            if width and height and int(width[1]) * int(height[1]) > pixels:
                raise too_large(
                    f"PDF中一幅图像声明为 {int(width[1])}×{int(height[1])} 像素，超过上限"
                    f" {limits.max_image_megapixels:g} 百万像素（疑似异常文件）"
                )
            continue
        if not _FLATE_FIRST.search(header):
            continue
        size = _inflated_size(data, start, min(per_stream, total_left) + 1)
        if size > per_stream:
            raise too_large(
                f"PDF中一个压缩数据流解压后超过上限 {limits.max_stream_mb:g} MB（疑似压缩炸弹）；请重新导出后提交"
            )
        total_left -= size
        if total_left < 0:
            raise too_large(
                f"PDF压缩数据解压后合计超过上限 {limits.max_uncompressed_mb:g} MB（疑似压缩炸弹）；请拆分后提交"
            )


def _inflated_size(data: mmap.mmap, start: int, cap: int) -> int:
    """Bytes the zlib stream at `start` inflates to, counting no further than `cap`; damaged data ends the
    count where it breaks (PDFium stops there too)."""
    inflater = zlib.decompressobj()
    size, pos = 0, start
    try:
        while size < cap and pos < len(data) and not inflater.eof:
            pending = data[pos : pos + _CHUNK]
            pos += len(pending)
            while pending and size < cap:
                size += len(inflater.decompress(pending, min(cap - size, 16 * _CHUNK)))
                pending = inflater.unconsumed_tail
    except zlib.error:
        pass
    return size
