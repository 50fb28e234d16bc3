"""The one font of every generated page: SimHei from the installed `mplfonts` package.

A TrueType font (reportlab rejects the CFF .otf fonts), embedded and subset by reportlab, so that text PDFs
render anywhere and extract exactly; scanned pages are drawn with the same file.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import mplfonts

FONT_NAME = "SimHei"
FONT_PATH = Path(mplfonts.__file__).parent / "fonts" / "SimHei.ttf"


@cache
def register_pdf_font() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont(FONT_NAME, str(FONT_PATH)))
    return FONT_NAME


def text_width(text: str, size: float) -> float:
    from reportlab.pdfbase import pdfmetrics

    return pdfmetrics.stringWidth(text, register_pdf_font(), size)


def pdf_safe(text: str) -> str:
    """SimHei lacks U+00A5 (¥): write the full-width ￥ it has."""
    return text.replace("¥", "￥")
