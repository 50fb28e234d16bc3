"""Render a run's human-facing reports from its contract files: charts, then the scorecard workbook."""

from __future__ import annotations

from pathlib import Path

from reports.charts import render_campaign_charts
from reports.loading import load_run
from reports.scorecard import write_scorecard


def render_reports(out_dir: Path) -> list[Path]:
    """Write charts/*.png and scorecards.xlsx from cases/findings/problems.csv and run.json."""
    data = load_run(out_dir)
    charts = render_campaign_charts(data, out_dir)
    scorecard = out_dir / "scorecards.xlsx"
    write_scorecard(data, scorecard, charts=charts)
    return [scorecard, *charts]
