"""Render a run's human-facing reports from its contract files: charts, then the scorecard workbook.

The two steps are separate so a campaign can draw the charts once and then write the scorecard and the
circular (which both embed them) at the same time.
"""

from __future__ import annotations

from pathlib import Path

from reports.charts import render_campaign_charts
from reports.loading import load_run
from reports.scorecard import SCORECARD_NAME, write_scorecard


def render_charts(out_dir: Path) -> list[Path]:
    """Write charts/*.png from cases/findings.csv and run.json."""
    return render_campaign_charts(load_run(out_dir), Path(out_dir))


def render_scorecard(out_dir: Path, charts: list[Path]) -> Path:
    """Write scorecards.xlsx, embedding the given chart PNGs in 汇总."""
    scorecard = Path(out_dir) / SCORECARD_NAME
    write_scorecard(load_run(out_dir), scorecard, charts=charts)
    return scorecard

