"""The work after the dossiers: validation, charts, scorecard, history record, circular and letters, and the
campaign-level findings counted over the units' registers (unit_findings.csv, a job needing nothing else).

Each job reads the run's contract files from OUT and writes its own outputs, so independent jobs run at the
same time in the campaign's worker processes (pipelines/workers.py) instead of one after the other in the
flow process: validation ∥ charts, then 评查表 ∥ scorecard ∥ (history record → documents). Validation flags
dossiers for review in cases.csv, so everything that shows cases waits for it; the scorecard and the circular
embed the charts; the circular compares with earlier campaigns, so it follows the record. One after another
they took longer than reading 1,000 dossiers (bench/, docs/performance.md). Every job returns its wall time.

The jobs read and write the run's staging folder (pipelines/outputs.py); `shown_as` is OUT, where the files
will be once published, for what records a folder (the scorecard's _meta, the history store).
"""

from __future__ import annotations

import gc
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True, slots=True)
class JobResult:
    value: Any
    seconds: float


def _timed(fn, *args: Any) -> JobResult:
    """Run a job; afterwards hand the memory it freed back to the system, as the worker lives on."""
    from reports.memory import release_freed_memory

    started = time.perf_counter()
    try:
        value = fn(*args)
    finally:
        gc.collect()
        release_freed_memory()
    return JobResult(value, round(time.perf_counter() - started, 3))


def validate(out: str) -> JobResult:
    """Great Expectations gates on the contract files (reports/validation.py)."""
    import logging

    from reports.validation import validate_run

    logging.getLogger("great_expectations").setLevel(logging.WARNING)
    return _timed(lambda: validate_run(Path(out)).as_dict())


def charts(out: str) -> JobResult:
    from reports.render import render_charts

    return _timed(lambda: [str(p) for p in render_charts(Path(out))])


def scorecard(out: str, chart_paths: list[str], shown_as: str) -> JobResult:
    return _timed(lambda: str(_write_scorecard(Path(out), [Path(p) for p in chart_paths], Path(shown_as))))


def _write_scorecard(out: Path, charts: list[Path], shown_as: Path) -> Path:
    """reports.render.render_scorecard, with the workbook's _meta naming OUT rather than the staging folder."""
    from dataclasses import replace

    from reports.loading import load_run
    from reports.scorecard import SCORECARD_NAME, write_scorecard

    path = out / SCORECARD_NAME
    write_scorecard(replace(load_run(out), out_dir=shown_as), path, charts=charts)
    return path


def history(out: str, store: str | None, shown_as: str) -> JobResult:
    from reports.publish import record_history

    return _timed(lambda: record_history(Path(out), store, Path(shown_as)))


def documents(out: str, store: str | None, recorded: bool) -> JobResult:
    """The circular and the supervision letters (and the trends, when the store holds earlier campaigns)."""
    from reports.publish import write_documents

    return _timed(lambda: write_documents(Path(out), store, recorded))


def unit_findings(out: str) -> JobResult:
    """unit_findings.csv: each unit's inspections counted over its register (reports/unit_findings.py); no
    file when the run scored no inspection file."""
    from reports.loading import load_run
    from reports.unit_findings import UNIT_FINDINGS_NAME, write_unit_findings

    def job() -> dict[str, str]:
        written = write_unit_findings(load_run(Path(out)), Path(out) / UNIT_FINDINGS_NAME)
        return {"unit_findings": str(written)} if written else {}

    return _timed(job)


def review_forms(out: str, share: tuple[int, int] = (0, 1)) -> JobResult:
    """The 评查表, one per unit (`share` (k, n): every n-th unit from the k-th). Jobs of their own: they need
    neither the charts nor the history record and take longer than the circular and letters together, so
    they start once validation has flagged the files, shared between the workers (`merge_forms`)."""
    from reports.review_form import write_review_forms

    return _timed(lambda: {"review_forms": [str(p) for p in write_review_forms(Path(out), share=share)]})


def merge_forms(shares: list[JobResult]) -> dict[str, list[str]]:
    """The paths of `review_forms` jobs (k = 0 … n-1, in order) back in unit order."""
    lists = [share.value["review_forms"] for share in shares]
    merged: list[str] = [""] * sum(map(len, lists))
    for k, paths in enumerate(lists):
        merged[k :: len(lists)] = paths
    return {"review_forms": merged}
