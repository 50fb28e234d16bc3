"""After a campaign is scored: record it in the history store, chart trends, draft the circular and letters.

The store is written by every run unless told not to; without a named store it is OUT/history.db (an
embedded SQLite file: nothing to start). Naming one shared store (`--history PATH|URL` or
$PINGCHA_HISTORY) lets trends compare this campaign with earlier years. A store that cannot be written
does not undo the campaign: the reason is recorded and the documents are still drafted.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from reports.circular import write_circular
from reports.glossary import FILE_NAMES_ZH
from reports.letters import write_supervision_letters

DEFAULT_HISTORY = "default"
CIRCULAR_NAME = FILE_NAMES_ZH["circular"]
LETTERS_DIR = FILE_NAMES_ZH["letters_dir"]
TRENDS_DIR = "trends"


def resolve_history(out_dir: Path, history: str | None) -> str | None:
    if history is None or history == "":
        return None
    if history == DEFAULT_HISTORY:
        return os.environ.get("PINGCHA_HISTORY") or f"sqlite:///{(out_dir / 'history.db').resolve()}"
    return history


def record_history(out_dir: Path, history: str | None = DEFAULT_HISTORY, shown_as: Path | None = None) -> dict[str, Any]:
    """Record the run in the history store; returns {"history": …} or {"history_error": …} for run.json
    ({} when no store is named). Errors of the store are reported, not raised. `shown_as`: the run's folder
    to record when `out_dir` is where it is being written (history.store.record_run)."""
    url = resolve_history(out_dir, history)
    if url is None:
        return {}
    try:
        from reports.history.store import record_run

        record = record_run(out_dir, url, shown_as=shown_as)
    except Exception as exc:  # a database driver's error must not lose a finished campaign
        return {"history_error": f"{type(exc).__name__}: {exc}"}
    return {"history": {"campaign": record.name, "year": record.year, "replaced": record.replaced}}


def write_documents(out_dir: Path, history: str | None = DEFAULT_HISTORY, recorded: bool = True) -> dict[str, Any]:
    """Trends (when the store holds two campaigns or more), the circular and the supervision letters.

    `recorded` says whether this run is in the store: without it the trends would compare the wrong years.
    Expects the campaign charts (reports.render.render_charts) to be drawn already.
    """
    summary: dict[str, Any] = {}
    trends = None
    url = resolve_history(out_dir, history)
    if url is not None and recorded:
        try:
            from reports.history.charts import render_trend_charts, write_trends_workbook
            from reports.history.command import load_trends

            trends = load_trends(url)
            if len(trends.campaigns) >= 2:
                trend_dir = out_dir / TRENDS_DIR
                trend_dir.mkdir(exist_ok=True)
                write_trends_workbook(trends, trend_dir / "trends.xlsx")
                summary["trend_charts"] = [str(p) for p in render_trend_charts(trends, trend_dir)]
            else:
                trends = None
        except Exception as exc:  # as above: the documents are still drafted
            summary["history_error"] = f"{type(exc).__name__}: {exc}"
            trends = None
    summary["circular"] = str(write_circular(out_dir, out_dir / CIRCULAR_NAME, trends=trends))
    letters = write_supervision_letters(out_dir, out_dir / LETTERS_DIR)
    summary["letters"] = [str(p) for p in letters]
    return summary

