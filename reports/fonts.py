"""A CJK font for matplotlib from the bundled `mplfonts` package, never from the system.

stack-notes.md (fonts): matplotlib's default font has no Chinese (tofu and "Glyph missing" warnings), and
`mplfonts.use_font()` needs `mplfonts init`, which rewrites matplotlib's cache. Registering the font file
directly with the font manager works offline with zero warnings.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # headless: charts are files, never windows

from matplotlib import font_manager, rcParams  # noqa: E402

# Preferred first; SimHei is a TrueType fallback should the .otf be missing from a trimmed install.
FONT_FILES = ("NotoSansCJKsc-Regular.otf", "SimHei.ttf", "SourceHanSerifSC-Regular.otf")


def cjk_font_path() -> Path:
    """Path of the first bundled CJK font that exists."""
    import mplfonts

    fonts_dir = Path(mplfonts.__file__).parent / "fonts"
    for name in FONT_FILES:
        path = fonts_dir / name
        if path.exists():
            return path
    raise FileNotFoundError(f"no CJK font found in {fonts_dir} (expected one of {', '.join(FONT_FILES)})")


@cache
def use_cjk_font() -> str:
    """Register the bundled CJK font and make it the default sans-serif; returns its family name."""
    path = cjk_font_path()
    font_manager.fontManager.addfont(str(path))
    name = font_manager.FontProperties(fname=str(path)).get_name()
    rcParams["font.family"] = "sans-serif"
    rcParams["font.sans-serif"] = [name, "DejaVu Sans"]
    rcParams["axes.unicode_minus"] = False  # the CJK font's minus is fine, but keep ASCII hyphen safe
    return name
