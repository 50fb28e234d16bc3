"""`pingcha trends --history URL --out DIR`: the orchestration the CLI and the flow task call.

Kept free of argparse and Prefect (reports must not import pipelines) so both callers share it.
"""

from __future__ import annotations

from pathlib import Path

from reports.history.charts import render_trend_charts, write_trends_workbook
from reports.history.store import ensure_schema, normalize_url
from reports.history.trends import Trends, compute_trends

TRENDS_WORKBOOK = "trends.xlsx"
TREND_CHARTS_DIR = "trend_charts"


def run_trends(url: str, out_dir: Path, campaigns: list[str] | None = None) -> list[Path]:
    """Compute trends from the store and write DIR/trends.xlsx and DIR/trend_charts/*.png; returns the paths
    (workbook first)."""
    trends = load_trends(url, campaigns)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    workbook = write_trends_workbook(trends, out_dir / TRENDS_WORKBOOK)
    charts = render_trend_charts(trends, out_dir / TREND_CHARTS_DIR)
    return [workbook, *charts]


def load_trends(url: str, campaigns: list[str] | None = None) -> Trends:
    """Trends after bringing the store's schema up to date (an older store is migrated first)."""
    url = normalize_url(url)
    ensure_schema(url)
    return compute_trends(url, campaigns)
