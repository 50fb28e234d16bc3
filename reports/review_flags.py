"""Flag cases.csv rows for review in place: only the rows that gain a reason are rewritten.

Reviewers and other programs may already hold cases.csv, and a diff of two runs should show only what
changed, so every other record keeps its exact text (quoting, line ending) and the file is replaced
atomically.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from reports.contract_csv import CSV_ENCODING


@dataclass(slots=True)
class CsvTable:
    """A contract CSV as read: parsed fields beside each record's exact text."""

    header: list[str]
    header_raw: str
    raw: list[str]  # each record's exact text, line ending included
    rows: list[list[str]]  # parsed fields, same positions as raw


def _records(text: str) -> Iterator[tuple[str, list[str]]]:
    """(exact text, fields) of each CSV record; quoted fields may span lines."""
    consumed: list[str] = []

    def lines() -> Iterator[str]:
        for line in io.StringIO(text, newline=""):
            consumed.append(line)
            yield line

    for fields in csv.reader(lines()):
        yield "".join(consumed), fields
        consumed.clear()


def read_table(path: Path) -> CsvTable:
    """A contract CSV's header and records, each record with its exact text; empty for an empty file."""
    with path.open(encoding=CSV_ENCODING, newline="") as handle:
        text = handle.read()
    records = _records(text)
    try:
        header_raw, header = next(records)
    except StopIteration:
        return CsvTable([], "", [], [])
    raw: list[str] = []
    rows: list[list[str]] = []
    for record_raw, fields in records:
        raw.append(record_raw)
        rows.append(fields)
    return CsvTable(header, header_raw, raw, rows)


def flag_rows(path: Path, table: CsvTable, reasons: dict[int, list[str]]) -> int:
    """Set needs_review=true and append reasons on the given records; rewrite the file atomically."""
    try:
        flag_at = table.header.index("needs_review")
        reasons_at = table.header.index("review_reasons")
    except ValueError:
        return 0
    changed = 0
    out: list[str] = [table.header_raw]
    for i, record_raw in enumerate(table.raw):
        new = reasons.get(i)
        fields = table.rows[i]
        if not new or not fields:
            out.append(record_raw)
            continue
        fields = fields + [""] * (len(table.header) - len(fields))
        existing = [r for r in fields[reasons_at].split(";") if r]
        added = [r for r in new if r not in existing]
        if fields[flag_at] == "true" and not added:
            out.append(record_raw)
            continue
        fields[flag_at] = "true"
        fields[reasons_at] = ";".join(existing + added)
        ending = "\r\n" if record_raw.endswith("\r\n") else "\n"
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator=ending).writerow(fields)
        out.append(buffer.getvalue())
        changed += 1
    if changed:
        temp = path.with_name(path.name + ".tmp")
        with temp.open("w", encoding=CSV_ENCODING, newline="") as handle:
            handle.write("".join(out))
        os.replace(temp, path)
    return changed
