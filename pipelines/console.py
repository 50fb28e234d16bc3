"""What the CLI prints: a progress bar per dossier, the end-of-run summary table, a checklist table."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from ingest.glossary import ELEMENT_ZH
from pipelines.glossary import CONSOLE_ZH
from scoring.glossary import CHECKLIST_TABLE_ZH, GRADES_ZH, SHORT_TERMS_ZH, TERMS_ZH, zh

_out = Console(highlight=False)
_err = Console(stderr=True, highlight=False)


class ProgressBar:
    """A bar on a terminal; on a pipe or in CI, one line per 10% so logs stay short."""

    def __init__(self) -> None:
        self._interactive = sys.stderr.isatty()
        self._progress: Progress | None = None
        self._task = None
        self._last_decile = -1
        self._started = time.perf_counter()

    def __call__(self, event: str, done: int, total: int) -> None:
        if event == "start":
            self._started = time.perf_counter()
            if self._interactive and total:
                self._progress = Progress(
                    TextColumn(f"[bold]{CONSOLE_ZH['progress_bar']}[/bold]"), BarColumn(), MofNCompleteColumn(),
                    TextColumn("{task.description}"), TimeRemainingColumn(), console=_err, transient=True,
                )  # fmt: skip
                self._progress.start()
                self._task = self._progress.add_task("", total=total)
            return
        if self._progress is not None and self._task is not None:
            self._progress.update(self._task, completed=done, description=event[-40:])
            return
        decile = (done * 10) // total if total else 10
        if decile != self._last_decile and event != "done":
            self._last_decile = decile
            rate = done / max(time.perf_counter() - self._started, 1e-6)
            _err.print(f"{CONSOLE_ZH['progress']} {done}/{total} {TERMS_ZH['dossier']} ({rate:.1f}/s)")

    def close(self) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None


def print_summary(summary: dict[str, Any], out_dir: Path) -> None:
    counts = summary.get("counts", {})
    grades = counts.get("grades", {})
    table = Table(title=f"{zh('campaign')}: {summary.get('campaign', '')}", show_lines=False)
    table.add_column(zh("unit"))
    table.add_column(zh("files_reviewed"), justify="right")
    for unit, n in sorted(counts.get("dossiers_by_unit", {}).items()):
        table.add_row(unit, str(n))
    _out.print(table)
    grade_text = "  ".join(f"{g} {grades.get(g, 0)}" for g in GRADES_ZH)
    checklist = summary.get("checklist", {})
    line = (
        (SHORT_TERMS_ZH["unit"], "units"), (TERMS_ZH["dossier"], "dossiers"), (CONSOLE_ZH["scored"], "scored"),
        (ELEMENT_ZH["vetoed"], "vetoed"), (ELEMENT_ZH["needs_review"], "needs_review"),
        (TERMS_ZH["problems"], "problems"),
    )
    _out.print("  ".join(f"{label} {counts.get(key, 0)}" for label, key in line))
    _out.print(f"{ELEMENT_ZH['grade']}: {grade_text}")
    cached = counts.get("cached_dossiers", 0)
    if cached:
        _out.print(f"{CONSOLE_ZH['cached']}: {cached}")
    # a campaign of several case types names each standard it scored with (run.json `checklists`)
    used = list({(c.get("id", ""), c.get("version", "")): c for c in (summary.get("checklists") or {}).values()})
    standards = "、".join(f"{i} {v}" for i, v in used) or f"{checklist.get('id', '')} {checklist.get('version', '')}"
    _out.print(
        f"{TERMS_ZH['checklist']} {standards}  "
        f"{CONSOLE_ZH['elapsed']} {summary.get('timings', {}).get('wall_seconds', 0):.1f}s"
    )
    publication = summary.get("publication", {})
    if publication.get("history_error"):
        _err.print(f"[yellow]{CONSOLE_ZH['history_not_written']}: {publication['history_error']}[/yellow]")
    scorecard = out_dir / "scorecards.xlsx"
    _out.print(f"{CONSOLE_ZH['scorecard']}: {scorecard.resolve()}")


def print_checklist(checklist: Any) -> None:
    from scoring.checklist import describe_checklist

    table = Table(title=f"{checklist.title}  ({checklist.id} {checklist.version})")
    for header in CHECKLIST_TABLE_ZH.values():
        table.add_column(header)
    for row in describe_checklist(checklist):
        table.add_row(*[_cell(c) for c in row])
    _out.print(table)


def _cell(value: Any) -> str:
    """As a reader writes it: a veto item has no points (—), a veto column says 是 or nothing, never True/None."""
    from reports.glossary import YES_ZH

    if value is None:
        return "—"
    if isinstance(value, bool):
        return YES_ZH if value else ""
    return str(value)
