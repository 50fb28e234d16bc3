"""The floor a pipeline is compared against: the plain libraries' text extraction of the same files.

Single process, no classification, no extraction, no scoring: pypdfium2 text of every PDF page,
python-docx paragraphs and table cells of every .docx, openpyxl (read-only) values of every .xlsx.
`python -m bench.raw_extract DOSSIERS` prints the numbers for one campaign.
"""

from __future__ import annotations

import contextlib
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path


def _pdf(path: Path) -> tuple[int, int]:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(path)
    chars = 0
    try:
        for page in pdf:
            textpage = page.get_textpage()
            chars += len(textpage.get_text_bounded())
            textpage.close()
            page.close()
        return len(pdf), chars
    finally:
        pdf.close()


def _docx(path: Path) -> tuple[int, int]:
    import docx

    chars = 0
    for item in docx.Document(str(path)).iter_inner_content():
        if hasattr(item, "rows"):
            chars += sum(len(cell.text) for row in item.rows for cell in row.cells)
        else:
            chars += len(item.text)
    return 1, chars


def _xlsx(path: Path) -> tuple[int, int]:
    import openpyxl

    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    chars = 0
    try:
        for ws in wb.worksheets:
            for row in ws.iter_rows(values_only=True):
                chars += sum(len(str(v)) for v in row if v is not None)
    finally:
        wb.close()
    return 1, chars


_BY_SUFFIX = {".pdf": _pdf, ".docx": _docx, ".xlsx": _xlsx}


def dossier_files(root: Path) -> list[Path]:
    """The files the pipeline reads: every dossier's files as discovery lists them (registers excluded)."""
    from ingest.discover import discover_campaign

    inventory = discover_campaign(root)
    return [ref.file_path(name) for ref in inventory.dossiers for name in ref.files]


def raw_extract(files: list[Path]) -> dict:
    """Seconds, files and pages per format; a file a library cannot read counts under `failed`."""
    for reader in (_pdf, _docx, _xlsx):  # import the libraries before the clock starts
        with contextlib.suppress(Exception):
            reader(Path("/nonexistent"))
    seconds: defaultdict[str, float] = defaultdict(float)
    counts: Counter = Counter()
    pages: Counter = Counter()
    failed = 0
    for path in files:
        fmt = path.suffix.lower()
        reader = _BY_SUFFIX.get(fmt)
        if reader is None:
            continue
        started = time.perf_counter()
        try:
            n, _ = reader(path)
        except Exception:
            failed += 1
            n = 0
        seconds[fmt] += time.perf_counter() - started
        counts[fmt] += 1
        pages[fmt] += n
    return {
        "seconds": round(sum(seconds.values()), 3),
        "by_format": {
            fmt.lstrip("."): {"files": counts[fmt], "pages": pages[fmt], "seconds": round(seconds[fmt], 3),
                              "ms_per_file": round(1000 * seconds[fmt] / max(counts[fmt], 1), 2)}
            for fmt in sorted(counts)
        },
        "files": sum(counts.values()),
        "pages": sum(pages.values()),
        "failed": failed,
    }


if __name__ == "__main__":
    import json

    found = dossier_files(Path(sys.argv[1]))
    print(json.dumps(raw_extract(found), indent=2))
