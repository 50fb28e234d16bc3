"""run.json: what was run, with which standard and code, how long each phase took, and what came out."""

from __future__ import annotations

import os
import platform
import resource
import sys
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from importlib import metadata
from typing import Any

from ingest.discover import CampaignInventory, DossierRef
from pipelines.stages import STAGES, DossierOutcome
from scoring.checklist import Checklist

_VERSIONED = (
    "pingcha", "pandas", "openpyxl", "python-docx", "pdfplumber", "pypdfium2", "great-expectations",
    "prefect", "matplotlib", "chinese-calendar", "python-calamine", "rapidocr", "openvino",
)  # fmt: skip


def versions() -> dict[str, str]:
    found = {"python": platform.python_version()}
    for name in _VERSIONED:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = ""
    return found


@dataclass
class RunRecorder:
    """Collects run.json's content while the flow runs; holds counters, never per-dossier results."""

    arguments: dict[str, Any]
    campaign: str = ""
    campaign_year: int | None = None  # --year or campaign.yaml; None: the documents take the run's year
    campaign_file: dict[str, Any] | None = None  # campaign.yaml as validated (reports/campaign_file.py)
    checklist: dict[str, Any] = field(default_factory=dict)
    checklists: dict[str, Any] = field(default_factory=dict)  # by case type, when the campaign has several
    started_at: str = field(default_factory=lambda: datetime.now().astimezone().isoformat(timespec="seconds"))
    workers: int = 1
    phases: dict[str, float] = field(default_factory=dict)
    finish_jobs: dict[str, float] = field(default_factory=dict)  # wall seconds of each job after the dossiers
    stage_seconds: dict[str, float] = field(default_factory=lambda: dict.fromkeys(STAGES, 0.0))
    counts: Counter = field(default_factory=Counter)
    grades: Counter = field(default_factory=Counter)
    units_by_count: Counter = field(default_factory=Counter)
    problem_kinds: Counter = field(default_factory=Counter)
    validation: dict[str, Any] = field(default_factory=dict)
    sampling: dict[str, Any] | None = None
    reviewers: dict[str, list[str]] = field(default_factory=dict)  # 交叉评查: dossier_id -> reviewers
    reports: list[str] = field(default_factory=list)
    publication: dict[str, Any] = field(default_factory=dict)
    task_runner: str = "threads+processes"
    tree_memory: Any = None  # pipelines.treememory.TreeMemory sampling the run's process tree
    _t0: float = field(default_factory=time.perf_counter)
    _startup: float | None = field(default_factory=lambda: _seconds_since_process_start())

    def set_routes(self, routed: dict[str, Checklist]) -> None:
        """The checklist of each case type (a campaign of several types): run.json `checklists`."""
        self.checklists = {key: {"id": c.id, "version": c.version, "title": c.title, "content_hash": c.content_hash,
                                 "path": str(c.source_path)} for key, c in routed.items()}

    def set_checklist(self, checklist: Checklist) -> None:
        self.checklist = {
            "id": checklist.id,
            "version": checklist.version,
            "title": checklist.title,
            "content_hash": checklist.content_hash,
            "path": str(checklist.source_path),
        }

    @contextmanager
    def phase(self, name: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.phases[name] = round(self.phases.get(name, 0.0) + time.perf_counter() - started, 3)

    def count_inventory(
        self, inventory: CampaignInventory, refs: list[DossierRef], units: list[str] | None
    ) -> None:
        chosen_units = [u for u in inventory.units if units is None or u in units]
        self.counts["units"] = len(chosen_units)
        self.counts["dossiers"] = len(refs)
        for unit in chosen_units:
            self.units_by_count[unit] = 0
        for problem in inventory.problems:
            if units is None or problem.dossier_id.split("/", 1)[0] in units:
                self.problem_kinds[problem.kind.value] += 1

    def add_outcome(self, outcome: DossierOutcome, cached: bool) -> None:
        result = outcome.result
        self.units_by_count[result.unit] += 1
        self.counts["cached_dossiers" if cached else "processed_dossiers"] += 1
        if not cached:
            self.counts["files_read"] += outcome.files_read
            self.counts["pages_read"] += outcome.pages
            self.counts["ocr_pages"] += outcome.ocr_pages
            for stage, seconds in outcome.timings.items():
                self.stage_seconds[stage] = self.stage_seconds.get(stage, 0.0) + seconds
        self.counts["files"] += outcome.files_read
        if result.grade:
            self.counts["scored"] += 1
            self.grades[result.grade] += 1
        self.counts["vetoed"] += int(result.vetoed)
        self.counts["needs_review"] += int(result.needs_review)
        for problem in outcome.problems:
            self.problem_kinds[problem.kind.value] += 1

    def _peak_rss_mb(self) -> dict[str, float]:
        peaks = _peak_rss_mb()
        if self.tree_memory is not None:
            self.tree_memory.sample()
            peaks["process_tree"] = self.tree_memory.peak_mb
        return peaks

    def as_dict(self) -> dict[str, Any]:
        return {
            "campaign": self.campaign,
            **({"campaign_year": self.campaign_year} if self.campaign_year is not None else {}),
            **({"campaign_file": self.campaign_file} if self.campaign_file is not None else {}),
            "started_at": self.started_at,
            "finished_at": datetime.now().astimezone().isoformat(timespec="seconds"),
            "arguments": self.arguments,
            "checklist": self.checklist,
            **({"checklists": self.checklists} if self.checklists else {}),
            "counts": {
                **dict(self.counts),
                "problems": sum(self.problem_kinds.values()),
                "grades": dict(self.grades),
                "problem_kinds": dict(self.problem_kinds),
                "dossiers_by_unit": dict(self.units_by_count),
            },
            "timings": {
                "wall_seconds": round(time.perf_counter() - self._t0, 3),
                "phases": self.phases,
                "finish_jobs": self.finish_jobs,
                "stage_cpu_seconds": {k: round(v, 3) for k, v in self.stage_seconds.items()},
                "workers": self.workers,
                "task_runner": self.task_runner,
                # process start → flow body: imports, Prefect's temporary server, flow-run creation
                "startup_seconds": self._startup,
                "peak_rss_mb": self._peak_rss_mb(),
            },
            "sampling": self.sampling,
            "reviewers": self.reviewers,
            "validation": self.validation,
            "reports": self.reports,
            "publication": self.publication,
            "versions": versions(),
            "platform": {"python": sys.version.split()[0], "machine": platform.machine()},
        }


def _seconds_since_process_start() -> float | None:
    """Wall seconds since this process started (Linux /proc; None elsewhere)."""
    try:
        with open(f"/proc/{os.getpid()}/stat", "rb") as handle:
            fields = handle.read().rsplit(b")", 1)[1].split()
        with open("/proc/uptime", "rb") as handle:
            uptime = float(handle.read().split()[0])
        return round(uptime - int(fields[19]) / os.sysconf("SC_CLK_TCK"), 3)
    except (OSError, ValueError, IndexError):
        return None


def _peak_rss_mb() -> dict[str, float]:
    """Peak RSS of the flow process and of its largest finished child (a worker process), in MB; the whole
    tree's peak comes from pipelines.treememory."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"flow_process": round(own, 1), "largest_child": round(children, 1)}
