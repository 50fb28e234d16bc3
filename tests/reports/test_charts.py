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


def test_pareto_shows_vetoes_apart_from_points(tmp_path) -> None:
    """A veto deducts no points: it has its own panel counting files, and the points panel never lists it."""
    import pandas as pd
    from matplotlib.figure import Figure

    from reports import charts
    from reports.glossary import CHART_ZH

    problems = pd.DataFrame({
        "item_code": ["V03", "R17", "R01"], "item_name": ["未履行事先告知程序", "决定书无送达凭证", "缺立案审批表"],
        "category": ["基础标准", "送达执行", "立案"], "files": [3, 2, 4], "points": [0.0, 20.0, 5.0],
        "vetoes": [3, 0, 0]})  # fmt: skip
    drawn: list[Figure] = []
    original = charts._save
    charts._save = lambda fig, path: drawn.append(fig) or original(fig, path)
    try:
        charts.use_cjk_font()
        charts.chart_pareto(problems, tmp_path / "p.png")
    finally:
        charts._save = original
    vetoes, points = [ax for ax in drawn[0].axes if ax.get_title()]
    assert vetoes.get_title() == CHART_ZH["pareto_vetoes"] and points.get_title() == CHART_ZH["pareto_points"]
    assert [t.get_text() for t in vetoes.get_yticklabels()] == ["未履行事先告知程序"]
    assert [p.get_width() for p in vetoes.patches] == [3]
    assert [t.get_text() for t in points.get_xticklabels()] == ["决定书无送达凭证", "缺立案审批表"]  # by points
    assert [p.get_height() for p in points.patches] == [20.0, 5.0]
