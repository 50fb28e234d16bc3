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
                minimum_em: float = 2.0, whole: Sequence[int] = ()) -> list[float]:
    """Column widths in points for a table of `columns` (header first) that spans `available` points.

    Each column asks for its longest cell unwrapped (its header on up to two lines). When all fit, the spare
    width is shared in proportion to what they asked; when not, the columns are narrowed where wrapping costs
    the table the fewest lines (_least_wrapping), never narrower than their header's longest two characters'
    worth or `minimum_em`. The columns in `whole` (identifiers such as a 文号, a score with its note) are not
    narrowed at all while the others' floors leave them room; the first of them counts most.
    """
    wanted = [max([header_pt(col[0], size) if col else 0.0, *(text_pt(c, size) for c in col[1:])])
              + CELL_PADDING_PT for col in columns]
    floor = [max(minimum_em * size, min(text_pt(col[0], size), 4 * size) if col else 0.0) + CELL_PADDING_PT
             for col in columns]
    # a whole column gets a character to spare: digits and Latin letters print wider in some CJK faces than
    # HALF_WIDTH_EM says, and one too few points breaks the line
    wanted = [w + size if c in whole else w for c, w in enumerate(wanted)]
    kept = list(whole)
    while kept and sum(wanted[c] if c in kept else floor[c] for c in range(len(columns))) > available:
        kept.pop()  # not room for all: the last named gives way first
    floor = [max(f, wanted[c]) if c in kept else f for c, f in enumerate(floor)]
    if sum(wanted) <= available:
        spare = available - sum(wanted)
        return [w + spare * w / sum(wanted) for w in wanted]
    return _least_wrapping(columns, size, available, wanted, floor)


def _lines(ems: Sequence[float], size: float, width: float) -> int:
    inner = max(width - CELL_PADDING_PT, size)
    return sum(max(1, math.ceil(em * size / inner - 1e-9)) for em in ems)


def _least_wrapping(columns: Sequence[Sequence[str]], size: float, available: float, wanted: list[float],
                    floor: list[float]) -> list[float]:
    """Narrow the columns step by step, each step taking from the column whose wrapping adds the fewest lines
    to the table (the widest on a tie), never below its floor: a unit's name stays on one line while a 文号
    or a long remark can wrap instead. The steps are at most a 20th of the excess (a long quote in a cell
    must not make hundreds of them); what cannot be taken is taken in proportion from above the floors."""
    ems = [[[text_em(line) for line in str(cell).split("\n")] for cell in col] for col in columns]
    rows = max((len(col) for col in columns), default=0)

    def height(widths: list[float]) -> int:
        lines = [[_lines(col[r], size, w) if r < len(col) else 1 for r in range(rows)] for col, w in zip(ems, widths, strict=True)]
        return sum(max(col[r] for col in lines) for r in range(rows))

    widths = list(wanted)
    step = max(size / 2, (sum(wanted) - available) / 20)
    while sum(widths) > available:
        cut = min(step, sum(widths) - available)
        choices = [c for c in range(len(widths)) if widths[c] - cut >= floor[c]]
        if not choices:
            break
        costs = {c: height([w - cut if i == c else w for i, w in enumerate(widths)]) for c in choices}
        best = min(choices, key=lambda c: (costs[c], -widths[c]))
        widths[best] -= cut
    excess = sum(widths) - available
    if excess > 1e-6:  # the floors left too little to take step by step
        room = [w - f for w, f in zip(widths, floor, strict=True)]
        widths = [w - excess * r / sum(room) if sum(room) else w * available / sum(widths)
                  for w, r in zip(widths, room, strict=True)]
    return widths
