"""Where each cell of a table with row and column spans lands, shared by the Word and the PDF writers."""

from __future__ import annotations

from dataclasses import dataclass

from tests.realworld.writers.model import Cell


@dataclass(frozen=True)
class Placed:
    row: int
    col: int
    rowspan: int
    colspan: int
    text: str


def place(rows: list[list[Cell]]) -> tuple[list[Placed], int, int]:
    """Cells with their grid positions, skipping slots taken by a row span from above; (cells, rows, cols)."""
    taken: set[tuple[int, int]] = set()
    placed: list[Placed] = []
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            while (r, c) in taken:
                c += 1
            placed.append(Placed(r, c, cell.rowspan, cell.span, cell.text))
            for dr in range(cell.rowspan):
                for dc in range(cell.span):
                    taken.add((r + dr, c + dc))
            c += cell.span
    ncols = max((p.col + p.colspan for p in placed), default=0)
    nrows = max((p.row + p.rowspan for p in placed), default=0)
    return placed, nrows, ncols
