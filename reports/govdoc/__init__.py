"""The 公文 format (GB/T 9704) that the circular and the supervision letters are written in.

- `fonts`: typefaces per role (`DocFonts`), point sizes, and setting East Asian fonts on runs and styles;
- `page`: A4 page set-up, the 28-point line pitch, the '— N —' page-number footer, the empty document;
- `writer`: `GovDoc`, the blocks a 公文's body is composed from, each text through one masking hook.

Only the format lives here; what a document says lives in reports/circular.py and reports/letters.py.
"""

from reports.govdoc.fonts import FONTS, DocFonts, style_run
from reports.govdoc.page import new_government_document
from reports.govdoc.writer import GovDoc

__all__ = ["FONTS", "DocFonts", "GovDoc", "new_government_document", "style_run"]
