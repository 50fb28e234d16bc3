"""Campaign charts: all four drawn, 150 dpi, CJK glyphs present (no missing-glyph warnings)."""

from __future__ import annotations

import warnings
from pathlib import Path

import mplfonts
from PIL import Image

from reports.charts import render_campaign_charts
from reports.fonts import cjk_font_path, use_cjk_font
from reports.loading import load_run
from tests.reports.fake_run import make_run


def test_charts_render_without_missing_glyphs(tmp_path: Path) -> None:
    data = load_run(make_run(tmp_path / "out"))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        paths = render_campaign_charts(data, tmp_path / "out")
    messages = [str(w.message) for w in caught]
    assert not [m for m in messages if "missing from font" in m or "Glyph" in m], messages
    assert [p.name for p in paths] == ["avg_score_by_unit.png", "grades_by_unit.png",
                                       "top_deductions_pareto.png", "deductions_by_category.png"]
    for path in paths:
        assert path.parent == tmp_path / "out" / "charts"
        with Image.open(path) as image:
            assert round(image.info["dpi"][0]) == 150
            assert image.width >= 1200  # ~10 in wide at 150 dpi: legible on A4 landscape


def test_font_comes_from_mplfonts_not_the_system() -> None:
    assert Path(mplfonts.__file__).parent in cjk_font_path().parents
    import matplotlib

    name = use_cjk_font()
    assert matplotlib.rcParams["font.sans-serif"][0] == name
    assert matplotlib.get_backend().lower() == "agg"


def test_empty_run_draws_nothing(tmp_path: Path) -> None:
    out = tmp_path / "empty"
    out.mkdir()
    assert render_campaign_charts(load_run(out), out) == []
