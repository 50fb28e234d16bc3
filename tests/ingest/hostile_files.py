"""Builders of hostile input, crafted at test time (never committed as binaries): the vectors of issue 15.

Each builder writes a small file (or a file-system entry) whose reading, done naively, hangs, recurses or
allocates gigabytes; the tests check that each becomes a named problem, quickly and in bounded memory.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
import zlib
from pathlib import Path

import psutil

MB = 1 << 20


def pdf_bytes(pages: list[tuple[tuple[float, float], bytes]], extra: list[bytes] = ()) -> bytes:
    """A minimal valid PDF: each page (width, height in pt) with its raw (already encoded) content stream
    object body `<<…>>stream…endstream`; `extra` objects follow (numbered after the pages' objects)."""
    n = len(pages)
    objects = [b"<</Type/Catalog/Pages 2 0 R>>"]
    kids = b" ".join(b"%d 0 R" % (3 + 2 * i) for i in range(n))
    objects.append(b"<</Type/Pages/Kids[%s]/Count %d>>" % (kids, n))
    for i, ((width, height), content) in enumerate(pages):
        objects.append(b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 %g %g]/Contents %d 0 R>>" % (width, height, 4 + 2 * i))
        objects.append(content)
    objects.extend(extra)
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj" % number + body + b"endobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer<</Size %d/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def plain_stream(data: bytes) -> bytes:
    return b"<</Length %d>>stream\n%s\nendstream" % (len(data), data)


def giant_page_pdf(path: Path, side_pt: float = 14400) -> Path:
    """A few hundred bytes: one page of side × side pt (PDF's largest) with a filled square and no text, so it
    needs OCR; rendered at 200 dpi it is a 40,000 × 40,000 px image."""
    path.write_bytes(pdf_bytes([((side_pt, side_pt), plain_stream(b"0 g 100 100 5000 5000 re f"))]))
    return path


def flate_bomb(inflated_mb: int, fill: bytes = b" ") -> bytes:
    """A zlib stream inflating to `inflated_mb` MiB of `fill`, built without ever holding the inflated data:
    one compressed MiB repeated (a full flush resets the dictionary, so every repetition is the same bytes),
    with the Adler-32 of the whole computed from its definition."""
    block = fill * MB
    c = zlib.compressobj(9)
    head = c.compress(block) + c.flush(zlib.Z_FULL_FLUSH)
    body = c.compress(block) + c.flush(zlib.Z_FULL_FLUSH)
    assert c.compress(block) + c.flush(zlib.Z_FULL_FLUSH) == body
    tail = c.flush()[:-4]  # the final empty block, without the checksum of three MiB
    one = zlib.adler32(block)
    checksum = one
    for _ in range(inflated_mb - 1):
        checksum = _combine(checksum, one, MB)
    return head + body * (inflated_mb - 1) + tail + checksum.to_bytes(4, "big")


def _combine(adler1: int, adler2: int, len2: int) -> int:
    """zlib's adler32_combine (absent from Python's zlib)."""
    base = 65521
    rem = len2 % base
    sum1 = adler1 & 0xFFFF
    sum2 = (rem * sum1) % base
    sum1 += (adler2 & 0xFFFF) + base - 1
    sum2 += ((adler1 >> 16) & 0xFFFF) + ((adler2 >> 16) & 0xFFFF) + base - rem
    if sum1 >= base:
        sum1 -= base
    if sum1 >= base:
        sum1 -= base
    if sum2 >= (base << 1):
        sum2 -= base << 1
    if sum2 >= base:
        sum2 -= base
    return sum1 | (sum2 << 16)


def flate_bomb_pdf(path: Path, inflated_mb: int = 4096) -> Path:
    """A page whose content stream is a few MB of FlateDecode inflating to `inflated_mb` MiB of spaces."""
    data = flate_bomb(inflated_mb)
    content = b"<</Length %d/Filter/FlateDecode>>stream\n%s\nendstream" % (len(data), data)
    path.write_bytes(pdf_bytes([((595, 842), content)]))
    return path


def huge_shared_string_xlsx(path: Path, mb: int = 280) -> Path:
    """An .xlsx of a few hundred KB whose one shared string is `mb` MiB of text (cell A1 points at it)."""
    import zipfile

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("[Content_Types].xml", _XLSX_TYPES)
        zf.writestr("_rels/.rels", _RELS.format(target="xl/workbook.xml"))
        zf.writestr("xl/workbook.xml", _WORKBOOK)
        zf.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        zf.writestr("xl/worksheets/sheet1.xml", _SHEET)
        with zf.open("xl/sharedStrings.xml", "w", force_zip64=True) as fh:
            fh.write(b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="%s" count="1" uniqueCount="1"><si><t>' % _SML)
            chunk = "案".encode() * (MB // 3)
            for _ in range(mb):
                fh.write(chunk)
            fh.write(b"</t></si></sst>")
    return path


def huge_paragraph_docx(path: Path, mb: int = 100) -> Path:
    """A .docx whose one paragraph holds `mb` MiB of text, in runs of one MiB (each under lxml's own limit on
    one text node, so only pingcha's budgets stand in the way)."""
    import zipfile

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("[Content_Types].xml", _DOCX_TYPES)
        zf.writestr("_rels/.rels", _RELS.format(target="word/document.xml"))
        with zf.open("word/document.xml", "w", force_zip64=True) as fh:
            fh.write(b'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="%s"><w:body>' % _WML)
            fh.write("<w:p><w:r><w:t>行政处罚决定书</w:t></w:r></w:p>".encode())
            fh.write(b"<w:p>")
            run = b"<w:r><w:t>" + "罚".encode() * (MB // 3) + b"</w:t></w:r>"
            for _ in range(mb):
                fh.write(run)
            fh.write(b"</w:p></w:body></w:document>")
    return path


def nested_folders(root: Path, depth: int = 1500) -> Path:
    """`depth` folders one inside the other (built with relative mkdir calls: the full path exceeds PATH_MAX);
    the innermost holds a file. Returns the outermost folder."""
    fd = os.open(root, os.O_RDONLY)
    try:
        for _ in range(depth):
            os.mkdir("d", dir_fd=fd)
            inner = os.open("d", os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = inner
        with os.fdopen(os.open("深处.pdf", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd), "wb") as fh:
            fh.write(b"%PDF-1.4\n")
    finally:
        os.close(fd)
    return root / "d"


def remove_tree(top: Path) -> None:
    """Delete a tree without recursion (shutil.rmtree recurses per level before Python 3.12, and pytest's own
    clean-up of old temporary folders would hit RecursionError on `nested_folders`)."""
    folders, stack = [], [str(top)]
    while stack:
        folder = stack.pop()
        folders.append(folder)
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    stack.append(entry.path)
                else:
                    os.unlink(entry.path)
    for folder in reversed(folders):
        os.rmdir(folder)


_SML = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_WML = b"http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
    'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="{target}"/></Relationships>'
)
_XLSX_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
    'spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
)
_DOCX_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
    'wordprocessingml.document.main+xml"/></Types>'
)
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/'
    'main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
    '<sheet name="送达回证" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
    'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.'
    'openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
    "</Relationships>"
)
_SHEET = (
    '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/'
    'main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>'
)


class TreePeak:
    """Peak resident memory of a process and all its descendants, sampled every `interval` seconds (psutil) in a
    background thread while the `with` block runs: what the machine actually gives the run."""

    def __init__(self, pid: int | None = None, interval: float = 0.02) -> None:
        self.process = psutil.Process(pid)
        self.interval = interval
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._stop.is_set():
            total = 0
            with contextlib.suppress(psutil.Error):  # a child may end between listing and reading it
                for proc in [self.process, *self.process.children(recursive=True)]:
                    with contextlib.suppress(psutil.Error):
                        total += proc.memory_info().rss
            self.peak = max(self.peak, total)
            time.sleep(self.interval)

    @property
    def peak_mb(self) -> float:
        return self.peak / MB

    def __enter__(self) -> TreePeak:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
