"""The work done for one dossier — read, extract, score — as a plain function.

Kept free of Prefect so that it runs unchanged in a worker process, in a test, or in a benchmark. The
flow only orchestrates: it maps this over dossiers and streams the outcomes to the output files.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ingest.discover import DossierRef
from ingest.extract import extract_case
from ingest.glossary import ProblemKind
from ingest.load import load_dossier
from ingest.model import Document, Problem
from ingest.readers import ReadLimits
from scoring.checklist import Checklist, load_checklist
from scoring.engine import score_case, unreadable_result, unrouted_result
from scoring.model import CaseResult
from scoring.routing import RoutePlan

STAGES: tuple[str, ...] = ("read", "ocr", "extract", "score")


@dataclass(slots=True)
class DossierOutcome:
    """What one dossier gives the campaign: its scored result, its problems and what it cost."""

    result: CaseResult
    problems: list[Problem]
    timings: dict[str, float] = field(default_factory=dict)
    files_read: int = 0
    pages: int = 0
    ocr_pages: int = 0


@lru_cache(maxsize=1)
def ocr_enabled() -> bool:
    """OCR runs when its engine is installed and not switched off (PINGCHA_OCR=0).

    The engine itself is loaded by the first page that needs it; if it cannot be, that page is reported
    as ocr-unavailable with the reason (ingest.load.load_dossier).
    """
    if os.environ.get("PINGCHA_OCR", "1") == "0":
        return False
    from ingest.ocr import ocr_installed

    return ocr_installed()


class _TimedOcr:
    """The OCR hook for load_dossier, keeping the time it took so run.json can report OCR apart."""

    def __init__(self) -> None:
        self.seconds = 0.0

    def __call__(self, path: Path, doc: Document) -> Document:
        from ingest.ocr import ocr_document

        started = time.perf_counter()
        try:
            return ocr_document(path, doc)
        finally:
            self.seconds += time.perf_counter() - started


@lru_cache(maxsize=8)
def cached_checklist(source: str, content_hash: str) -> Checklist:
    """Each worker process loads a checklist once; the hash keys a changed file to a fresh load."""
    del content_hash  # part of the cache key only
    return load_checklist(source)


@lru_cache(maxsize=4)
def cached_roster(path: str, mtime_ns: int):  # -> Roster
    del mtime_ns
    from scoring.roster import load_roster

    return load_roster(Path(path))


@lru_cache(maxsize=4)
def cached_publications(path: str, mtime_ns: int):  # -> Publications
    del mtime_ns
    from scoring.publications import load_publications

    return load_publications(Path(path))


def crashed_outcome(ref: DossierRef, plan: RoutePlan, exitcode: int | None) -> DossierOutcome:
    """The outcome of a dossier whose worker process died while reading it: not scored, reported, not cached."""
    from pipelines.glossary import RUN_SAFETY_ZH

    if exitcode is not None and exitcode < 0:
        cause = RUN_SAFETY_ZH["worker_signal"].format(signal=_signal_name(-exitcode))
    else:
        cause = RUN_SAFETY_ZH["worker_exit"].format(code=exitcode)
    message = RUN_SAFETY_ZH["worker_crashed"].format(cause=cause)
    checklist = cached_checklist(plan.primary.source, plan.primary.content_hash)
    result = unreadable_result(ref.dossier_id, ref.unit, checklist, message)
    return DossierOutcome(result, [Problem(ref.dossier_id, "", ProblemKind.WORKER_CRASHED, message)])


def _signal_name(number: int) -> str:
    import signal

    try:
        return signal.Signals(number).name
    except ValueError:
        return str(number)


def review_dossier(
    ref: DossierRef,
    plan: RoutePlan,
    roster_path: str | None = None,
    limits: ReadLimits | None = None,
    register_entry: tuple[str, str] = ("", ""),
    publications_path: str | None = None,
) -> DossierOutcome:
    """Read, extract and score one dossier against the checklist of its case type. Never raises for bad input:
    problems are returned. `register_entry` is (type label, register file) from the unit's 台账, if it lists it."""
    checklist = cached_checklist(plan.primary.source, plan.primary.content_hash)
    roster = cached_roster(roster_path, Path(roster_path).stat().st_mtime_ns) if roster_path else None
    publications = (cached_publications(publications_path, Path(publications_path).stat().st_mtime_ns)
                    if publications_path else None)
    timings: dict[str, float] = {}

    ocr = _TimedOcr() if ocr_enabled() else None
    started = time.perf_counter()
    dossier = load_dossier(ref, limits or ReadLimits.from_env(), ocr=ocr)
    timings["ocr"] = ocr.seconds if ocr else 0.0
    timings["read"] = time.perf_counter() - started - timings["ocr"]
    pages = sum(doc.page_count for doc in dossier.documents)
    ocr_pages = sum(len(doc.ocr_pages) for doc in dossier.documents)
    files_read = len(dossier.files)

    if not dossier.documents:
        reason = "案卷无可读文书，未评分"
        if not any(p.kind == ProblemKind.NO_DOCUMENTS for p in dossier.problems):
            dossier.problems.append(Problem(ref.dossier_id, "", ProblemKind.NO_DOCUMENTS, reason))
        result = unreadable_result(ref.dossier_id, ref.unit, checklist, reason)
        return DossierOutcome(result, dossier.problems, timings, files_read, pages, ocr_pages)

    started = time.perf_counter()
    facts = extract_case(dossier, *register_entry)
    timings["extract"] = time.perf_counter() - started

    started = time.perf_counter()
    e = facts.elements
    route = plan.route_for(e.case_type, e.procedure)
    if route is None:  # listed, not scored against another type's standard
        reason = plan.unrouted_reason(e.case_type, e.procedure, e.case_type_reason)
        dossier.problems.append(Problem(ref.dossier_id, "", ProblemKind.NO_CHECKLIST, reason))
        result = unrouted_result(facts, reason)
    else:
        result = score_case(facts, cached_checklist(route.source, route.content_hash), roster, publications)
    timings["score"] = time.perf_counter() - started
    return DossierOutcome(result, dossier.problems, timings, files_read, pages, ocr_pages)
