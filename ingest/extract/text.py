"""Small text helpers shared by the parsers: hits with offsets, sentences, quotes, table cells."""

from __future__ import annotations

import re
from dataclasses import dataclass

CJK = "\u3400-\u9fff\uf900-\ufaff"
_SENTENCE_END = re.compile(r"[。；;!?！？\n]")
_CELL_SPLIT = re.compile(r"[\t|｜]")


@dataclass(frozen=True, slots=True)
class Hit:
    """A parsed value and where it was found: `line` indexes the caller's list of lines (blocks)."""

    value: object
    start: int
    end: int
    line: int = 0


def sentence_at(text: str, start: int, end: int | None = None) -> tuple[int, int]:
    """Bounds of the sentence (。；) holding text[start:end], end-exclusive, punctuation included."""
    end = start if end is None else end
    left = 0
    for m in _SENTENCE_END.finditer(text, 0, start):
        left = m.end()
    m = _SENTENCE_END.search(text, end)
    right = m.end() if m else len(text)
    return left, right


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `text`."""
    out, left = [], 0
    for m in _SENTENCE_END.finditer(text):
        if m.end() - left > 1:
            out.append((left, m.end()))
        left = m.end()
    if left < len(text) and text[left:].strip():
        out.append((left, len(text)))
    return out


def quote_span(text: str, start: int, end: int, limit: int = 120) -> str:
    """The original text around [start, end): its sentence, clipped to `limit` characters."""
    left, right = sentence_at(text, start, end)
    left = max(left, min(start, end - limit))
    right = min(right, max(end, left + limit))
    return text[left:right].strip()


def split_cells(text: str) -> list[str]:
    """Cells of a table row rendered as text ('a | b' or tab separated); merged duplicates kept once."""
    cells: list[str] = []
    for cell in _CELL_SPLIT.split(text.strip()):
        cell = cell.strip()
        if cells and cell and cell == cells[-1]:
            continue  # python-docx repeats a merged cell's text in every grid cell
        cells.append(cell)
    return cells


def is_table_row(text: str) -> bool:
    return "|" in text or "\t" in text or "｜" in text
