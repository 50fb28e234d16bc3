"""How wide a text prints: Chinese characters (and full-width punctuation) are one em, digits and Latin
letters about half. Enough to size table columns and to centre the 发文机关署名 over the 成文日期 without
asking a layout engine."""

from __future__ import annotations

import math
from collections.abc import Sequence

HALF_WIDTH_EM = 0.55  # Times New Roman digits and letters, a little generous
CELL_PADDING_PT = 11.0  # Word's default left + right cell margins (0.19 cm each)


def text_em(text: str) -> float:
    """Width of one line of `text` in ems of its font size."""
    return sum(1.0 if ord(ch) >= 0x2E80 or ch in "“”‘’—…" else HALF_WIDTH_EM for ch in text)


def text_pt(text: str, size: float) -> float:
    """Width in points of the longest line of `text` at `size` points."""
    return max((text_em(line) for line in str(text).split("\n")), default=0.0) * size


def header_pt(text: str, size: float) -> float:
    """A header may wrap onto two lines (评查 / 案卷数) rather than widen its column: half its width, but
    whole for four characters or fewer."""
    em = text_em(text)
    return (em if em <= 4 else math.ceil(em / 2)) * size


def fit_columns(columns: Sequence[Sequence[str]], size: float, available: float,
                minimum_em: float = 2.0) -> list[float]:
    """Column widths in points for a table of `columns` (header first) that spans `available` points.

    Each column asks for its longest cell unwrapped (its header on up to two lines). When all fit, the spare width is shared in proportion
    to what they asked; when not, narrow columns (numbers, grades) keep their width and only the wide ones
    wrap, sharing what is left in proportion to their text but never narrower than their header's longest
    two characters' worth or `minimum_em`.
    """
    wanted = [max([header_pt(col[0], size) if col else 0.0, *(text_pt(c, size) for c in col[1:])])
              + CELL_PADDING_PT for col in columns]
    floor = [max(minimum_em * size, min(text_pt(col[0], size), 4 * size) if col else 0.0) + CELL_PADDING_PT
             for col in columns]
    if sum(wanted) <= available:
        spare = available - sum(wanted)
        return [w + spare * w / sum(wanted) for w in wanted]
    fixed = [False] * len(wanted)
    while True:
        free = available - sum(w for w, f in zip(wanted, fixed, strict=True) if f)
        loose = [i for i, f in enumerate(fixed) if not f]
        share = free / len(loose) if loose else 0.0
        narrow = [i for i in loose if wanted[i] <= share]
        if not narrow:
            break
        for i in narrow:
            fixed[i] = True
    widths = list(wanted)
    loose = [i for i, f in enumerate(fixed) if not f]
    free = available - sum(wanted[i] for i in range(len(wanted)) if fixed[i])
    total = sum(wanted[i] for i in loose)
    for i in loose:
        widths[i] = max(floor[i], free * wanted[i] / total)
    return widths
