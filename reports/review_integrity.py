"""What makes a reviewed scorecard trustworthy: row keys, the sealed `_meta`, the audit chain, clean cells.

The 评查明细 sheet goes to reviewers and comes back edited. Reviewers are trusted, but Excel makes
accidents easy: one column sorted alone moves the dossier names away from the reviewer's decisions, a row
is deleted, a formula or a zero-width space is typed. So
- every row carries a hidden row key (a short sha256 of the run's fingerprint, dossier and item): rows are
  matched by it, so sorting or moving whole rows is harmless, and a row whose dossier or item no longer
  fits its key (one column sorted alone, cells moved, a row typed in) or a row that is missing is refused,
  naming sheet and cell;
- `_meta` (which run the workbook shows) is a protected, very hidden sheet with a seal over its values,
  and the run's fingerprint covers audit.csv, whose every row carries the hash of the row before it, so an
  edited earlier round is found even when the scorecard is made again;
- reviewer cells holding NaN or infinities, formulas without a computed value, or invisible characters
  (zero-width space, bidi marks, control characters) are refused with sheet and cell.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path

import pandas as pd

from reports.loading import AUDIT_CHAIN_COLUMN

SEAL_KEY = "seal"
HASH_CHARS = 16


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:HASH_CHARS]


def row_key(fingerprint: str, dossier_id: str, item_code: str) -> str:
    """The hidden key of one 评查明细 row: binds the row's dossier and item to the run it was made from."""
    return _digest("row", fingerprint, dossier_id, item_code)


def meta_seal(pairs: Iterable[tuple[str, object]]) -> str:
    """The seal written under `_meta`'s values (every pair but the seal itself, in order)."""
    return _digest("meta", *(f"{key}={'' if value is None else value}" for key, value in pairs if key != SEAL_KEY))


def audit_row_hash(row: Sequence[str]) -> str:
    """The hash of one audit.csv row as written (its own prev_hash included), which the next row carries."""
    return _digest("audit", *row)


def chain_audit(audit: pd.DataFrame, columns: Sequence[str], first_new: int) -> pd.DataFrame:
    """`audit` with prev_hash filled for rows from `first_new` on, each the hash of the row before it."""
    audit = audit.copy()
    if AUDIT_CHAIN_COLUMN not in audit.columns:
        audit[AUDIT_CHAIN_COLUMN] = ""
    previous = "" if first_new == 0 else audit_row_hash([str(v) for v in audit.iloc[first_new - 1][list(columns)]])
    position = audit.columns.get_loc(AUDIT_CHAIN_COLUMN)
    for i in range(first_new, len(audit)):
        audit.iat[i, position] = previous
        previous = audit_row_hash([str(v) for v in audit.iloc[i][list(columns)]])
    return audit


def audit_head(audit: pd.DataFrame, columns: Sequence[str]) -> str:
    """The hash of the last audit row (run.json `review.audit_head`): covers the row no successor chains."""
    return audit_row_hash([str(v) for v in audit.iloc[-1][list(columns)]]) if len(audit) else ""


def broken_audit_row(audit: pd.DataFrame, columns: Sequence[str], head: str | None) -> int | None:
    """The 0-based index of the first audit row whose prev_hash does not match the row before it (or, for
    the last row, whose hash is not `head` when one is recorded), or None."""
    if AUDIT_CHAIN_COLUMN not in audit.columns:
        return 0 if len(audit) else None
    previous = ""
    for i in range(len(audit)):
        if str(audit.iloc[i][AUDIT_CHAIN_COLUMN]) != previous:
            return i
        previous = audit_row_hash([str(v) for v in audit.iloc[i][list(columns)]])
    if head is not None and len(audit) and previous != head:
        return len(audit) - 1
    return None


# Cc (control) and Cf (format: zero-width space and joiners, bidi marks, soft hyphen, BOM …) are invisible;
# a line break typed with Alt+Enter in a reason is not.
_VISIBLE_CONTROLS = {"\n", "\r", "\t"}


def invisible_characters(text: str) -> list[str]:
    """The invisible characters of `text` as U+XXXX, in order, once each."""
    found: list[str] = []
    for char in text:
        if unicodedata.category(char) in ("Cc", "Cf") and char not in _VISIBLE_CONTROLS:
            code = f"U+{ord(char):04X}"
            if code not in found:
                found.append(code)
    return found


def formula_cells(path: Path, sheet: str, columns: Sequence[int]) -> dict[tuple[int, int], str]:
    """(row number, 0-based column) -> formula of every formula cell of `sheet` in `columns` (the values
    read elsewhere are Excel's cached results; a formula nobody computed has none)."""
    from openpyxl import load_workbook

    wanted = set(columns)
    found: dict[tuple[int, int], str] = {}
    wb = load_workbook(path, read_only=True, data_only=False)
    try:
        if sheet not in wb.sheetnames:
            return found
        for row in wb[sheet].iter_rows(min_col=min(wanted) + 1, max_col=max(wanted) + 1):
            for cell in row:
                if getattr(cell, "data_type", None) == "f" and cell.column - 1 in wanted:
                    found[(cell.row, cell.column - 1)] = str(cell.value)
    finally:
        wb.close()
    return found
