"""Prefect flows: a review campaign (discover → read → extract → score → validate → report → publish).

The flow only orchestrates. Dossiers are reviewed in Prefect tasks of consecutive batches (a task per
dossier cost more CPU in Prefect's client and temporary server than reading the dossier: bench/, see
docs/performance.md); each dossier's outcome is cached on its files' content, the checklist's hash and
the code (pipelines/cache.py), so an interrupted campaign resumes dossier by dossier. The CPU-bound work
runs in a shared process pool, so all cores are used. Only a few batches are in flight at a time and
outcomes are streamed to the output files in dossier order and then dropped, so memory stays flat however
large the campaign. After the dossiers, validation, charts, scorecard, history record and documents are
tasks that wait only for what they need and run in the same pool (pipelines/finish.py).
"""

from __future__ import annotations

import math
import os
import time
from collections import deque
from contextlib import nullcontext
from pathlib import Path
from typing import Any

from prefect import flow, task
from prefect.cache_policies import NO_CACHE
from prefect.context import FlowRunContext
from prefect.task_runners import ThreadPoolTaskRunner

from ingest.discover import CampaignInventory, DossierRef, discover_campaign
from pipelines import finish, progress, workers
from pipelines.cache import dossier_cache_key, load_outcome, results_dir, store_outcome
from pipelines.outputs import check_out_dir, fresh_stage, publish_outputs, write_run_json
from pipelines.runinfo import RunRecorder
from pipelines.runlock import hold
from pipelines.stages import DossierOutcome, crashed_outcome, review_dossier
from pipelines.treememory import TreeMemory
from reports.contract_csv import ContractWriter
from scoring.checklist import load_checklist
from scoring.routing import PRIMARY_KEY, RoutePlan, default_routes

MAX_BATCH = 25  # dossiers per Prefect task: 40 tasks for 1,000 dossiers


@task(name="discover", cache_policy=NO_CACHE)
def discover_task(dossiers: str) -> CampaignInventory:
    return discover_campaign(Path(dossiers))


@task(name="review-dossiers", task_run_name="review {label}", cache_policy=NO_CACHE, persist_result=False)
def review_batch_task(
    refs: list[DossierRef],
    plan: RoutePlan,
    roster_path: str | None,
    cache_dir: str | None,
    label: str = "",
    register_entries: dict[str, tuple[str, str]] | None = None,
    publications_path: str | None = None,
) -> list[tuple[DossierOutcome, bool]]:
    """Review consecutive dossiers; each is served from the cache or sent to the worker pool at once.

    Returns (outcome, from_cache) in the order of `refs`. A dossier whose worker process died is reported
    as worker-crashed (pipelines/workers.py); the others keep their results.
    """
    directory = Path(cache_dir) if cache_dir else None
    pending = []
    entries = register_entries or {}
    for ref in refs:
        entry = entries.get(ref.dossier_id, ("", ""))
        key = dossier_cache_key(ref, plan.content_hash + ("|" + entry[0] if entry[0] else ""), roster_path,
                                publications_path)
        hit = load_outcome(directory, key, DossierOutcome) if directory else None
        job = None if hit is not None else workers.submit(review_dossier, ref, plan, roster_path, None, entry,
                                                          publications_path)
        pending.append((key, hit, job))
    results: list[tuple[DossierOutcome, bool]] = []
    for ref, (key, hit, job) in zip(refs, pending, strict=True):
        if hit is not None:
            results.append((hit, True))
            continue
        try:
            outcome = job.result()
        except workers.WorkerCrashed as crash:  # reported, never cached: the next run tries it again
            results.append((crashed_outcome(ref, plan, crash.exitcode), False))
            continue
        if directory:
            store_outcome(directory, key, outcome)
        results.append((outcome, False))
    return results


# After the dossiers: each task hands its job to the worker pool (pipelines/finish.py), so independent jobs
# use all cores; `_finish` submits them with the futures they wait for.
@task(name="validate", cache_policy=NO_CACHE)
def validate_task(out: str) -> finish.JobResult:
    try:
        return workers.run_validation(finish.validate, out)
    finally:
        workers.retire_validation()  # validation is done: its process's memory is the documents' now


@task(name="charts", cache_policy=NO_CACHE)
def charts_task(out: str) -> finish.JobResult:
    return workers.run(finish.charts, out)


@task(name="history", cache_policy=NO_CACHE)
def history_task(out: str, history: str | None, shown_as: str) -> finish.JobResult:
    return workers.run(finish.history, out, history, shown_as)


@task(name="scorecard", cache_policy=NO_CACHE)
def scorecard_task(out: str, charts: finish.JobResult, shown_as: str) -> finish.JobResult:
    return workers.run(finish.scorecard, out, charts.value, shown_as)


@task(name="documents", cache_policy=NO_CACHE)
def documents_task(out: str, history: str | None, recorded: finish.JobResult) -> finish.JobResult:
    """The circular and letters, comparing with earlier campaigns when this run is in the history store."""
    return workers.run(finish.documents, out, history, "history" in recorded.value)


@task(name="unit_findings", cache_policy=NO_CACHE)
def unit_findings_task(out: str) -> finish.JobResult:
    """unit_findings.csv: the inspections each unit's register lists, counted per party (a campaign-level check)."""
    return workers.run(finish.unit_findings, out)


FORM_SHARES = 2  # the 评查表 written by two jobs: one would be the longest of the finish, the others waiting


@task(name="review_forms", cache_policy=NO_CACHE)
def review_forms_task(out: str, share: tuple[int, int]) -> finish.JobResult:
    return workers.run(finish.review_forms, out, share)


@flow(
    name="review_campaign",
    task_runner=ThreadPoolTaskRunner(max_workers=16),
    log_prints=False,
    validate_parameters=True,
)
def review_campaign(
    dossiers: str,
    out: str,
    checklist: str = "penalty-general",
    campaign: str | None = None,
    roster: str | None = None,
    workers_count: int | None = None,
    units: list[str] | None = None,
    overwrite: bool = False,
    sample: str | None = None,
    history: str | None = "default",
    assignment: str | None = None,
    campaign_file: dict[str, Any] | None = None,
    year: int | None = None,
    checklists: dict[str, str] | None = None,
    publications: str | None = None,
) -> dict[str, Any]:
    """Review every dossier under DOSSIERS and write the output contract's files into OUT.

    `units` restricts the campaign to some unit folders (the June-30 self-review runs one unit each).
    `history` is the results store's URL or path; "default" means $PINGCHA_HISTORY or OUT/history.db,
    None records nothing. `checklists` maps case types to checklists (scoring/routing.py); without it,
    `checklist` scores general-procedure penalties, and the default campaign adds the bundled standards of the
    other types when `checklist` is the default.
    Returns the run summary that is also written to run.json.
    """
    dossiers_root = Path(dossiers).resolve()
    out_dir = Path(out).resolve()
    recorder = RunRecorder(
        arguments={
            "dossiers": str(dossiers_root), "out": str(out_dir), "checklist": checklist,
            "campaign": campaign, "roster": roster, "workers": workers_count, "units": units,
            "overwrite": overwrite, "sample": sample, "history": history, "assignment": assignment,
            **({"publications": publications} if publications else {}),
        },
    )  # fmt: skip
    if checklists is None:
        checklists = default_routes() if checklist == "penalty-general" else {}
        checklists[PRIMARY_KEY] = checklist
    routed = {key: load_checklist(source) for key, source in checklists.items()}
    plan = RoutePlan.of(routed)
    loaded = routed.get(PRIMARY_KEY) or next(iter(routed.values()))
    recorder.set_checklist(loaded)
    if plan.multi_type:
        recorder.set_routes(routed)
    recorder.campaign = campaign or dossiers_root.name
    recorder.campaign_year, recorder.campaign_file = year, campaign_file  # the documents read them from run.json
    from pipelines import shutdown

    shutdown.reinstall()  # Prefect's engine put its own SIGTERM handler in place of the CLI's
    tree = TreeMemory().start()
    recorder.tree_memory = tree
    # OUT's lock (the CLI took it already; a flow started otherwise takes it here), then every output is
    # written into a staging folder and published into OUT at the end, run.json last (pipelines/outputs.py)
    try:
        with hold(out_dir) as scratch:
            check_out_dir(out_dir, dossiers_root, overwrite)  # the previous outputs stay until publication
            stage = fresh_stage(scratch)
            _review_campaign(dossiers_root, stage, recorder, plan, roster, workers_count, units, sample, assignment,
                             publications)
            with recorder.phase("finish"):
                from reports.publish import resolve_history

                _finish(str(stage), resolve_history(out_dir, history), recorder, str(out_dir))
            return publish_outputs(stage, out_dir, recorder.as_dict())
    finally:
        tree.stop()


def _review_campaign(
    dossiers_root: Path,
    stage: Path,
    recorder: RunRecorder,
    plan: RoutePlan,
    roster: str | None,
    workers_count: int | None,
    units: list[str] | None,
    sample: str | None,
    assignment: str | None,
    publications: str | None = None,
) -> None:
    """Discover, select and review the dossiers into the staging folder's contract files and run.json."""
    with recorder.phase("discover"):
        inventory = discover_task(str(dossiers_root))
    refs = [r for r in inventory.dossiers if units is None or r.unit in units]
    if sample:
        from scoring.campaign.sampling import read_sample

        drawn = read_sample(Path(sample))
        recorder.sampling = drawn.describe()
        refs = [r for r in refs if r.dossier_id in drawn.dossier_ids]
    recorder.count_inventory(inventory, refs, units)
    if assignment:
        from scoring.campaign.assignment import reviewers_by_dossier

        assigned = reviewers_by_dossier(Path(assignment))
        recorder.reviewers = {r.dossier_id: assigned[r.dossier_id] for r in refs if r.dossier_id in assigned}

    runner = FlowRunContext.get().task_runner
    local = isinstance(runner, ThreadPoolTaskRunner)  # else Dask: tasks run in its workers, no local pool
    recorder.task_runner = "threads+processes" if local else type(runner).__name__
    cache_dir = results_dir()
    with workers.pool(workers_count) if local else nullcontext(0) as pool_size:
        recorder.workers = pool_size
        with recorder.phase("process"), ContractWriter(stage, plan.primary.checklist_id) as writer:
            writer.add_problems(p for p in inventory.problems if units is None or _in_units(p.dossier_id, units))
            if publications:  # the 公示台账's rows that cannot be used, once for the run
                from scoring.publications import load_publications

                writer.add_problems(load_publications(Path(publications)).problems)
            parallel = pool_size if local else _dask_threads(runner)
            entries = register_entries(inventory, refs)
            _review_dossiers(refs, parallel, writer, recorder, plan, roster, cache_dir, entries, publications)
        write_run_json(stage, recorder.as_dict())  # the jobs after the dossiers read the run's metadata


def _review_dossiers(
    refs: list[DossierRef],
    parallel: int,
    writer: ContractWriter,
    recorder: RunRecorder,
    plan: RoutePlan,
    roster: str | None,
    cache_dir: str | None,
    entries: dict[str, tuple[str, str]],
    publications: str | None = None,
) -> None:
    """Submit batches, a few at a time, and stream their outcomes to the output files in dossier order."""
    batches = _batches(refs, parallel)
    in_flight: deque = deque()

    def submit_next() -> None:
        if batches:
            batch = batches.popleft()
            label = batch[0].dossier_id + (f" … ({len(batch)})" if len(batch) > 1 else "")
            batch_entries = {r.dossier_id: entries[r.dossier_id] for r in batch if r.dossier_id in entries}
            in_flight.append(review_batch_task.submit(
                batch, plan, roster, cache_dir, label, batch_entries, publications
            ))  # fmt: skip

    # enough queued work to keep every worker busy, few enough that finished outcomes never pile up
    for _ in range(max(3, parallel + 1)):
        submit_next()
    total, done = len(refs), 0
    progress.report("start", 0, total)
    while in_flight:
        future = in_flight.popleft()
        outcomes = future.result()
        submit_next()
        for outcome, cached in outcomes:
            writer.add_case(outcome.result)
            writer.add_problems(outcome.problems)
            recorder.add_outcome(outcome, cached=cached)
            done += 1
            progress.report(outcome.result.dossier_id, done, total)
        del future, outcomes
    progress.report("done", total, total)


def _finish(out: str, history: str | None, recorder: RunRecorder, shown_as: str) -> None:
    """Validation ∥ charts, then 评查表 ∥ scorecard ∥ (history record → circular and letters) (pipelines/finish.py).

    Validation flags dossiers for review in cases.csv, so everything that shows or stores cases waits for it.
    """
    validated = validate_task.submit(out)
    charts = charts_task.submit(out)
    scorecard = scorecard_task.submit(out, charts, shown_as, wait_for=[validated])  # shows validation's flags
    recorded = history_task.submit(out, history, shown_as, wait_for=[validated])  # cases as validation left them
    documents = documents_task.submit(out, history, recorded, wait_for=[charts])  # embeds the charts
    forms = {f"review_forms_{k + 1}": review_forms_task.submit(out, (k, FORM_SHARES), wait_for=[validated])
             for k in range(FORM_SHARES)}  # queued before the scorecard: the longest jobs first
    units = unit_findings_task.submit(out)  # reads cases.csv's units and the registers only
    jobs = {"validate": validated, "charts": charts, "history": recorded, "scorecard": scorecard,
            "documents": documents, "unit_findings": units, **forms}
    results = {name: future.result() for name, future in jobs.items()}
    recorder.finish_jobs = {name: result.seconds for name, result in results.items()}
    recorder.validation = results["validate"].value
    recorder.reports = [results["scorecard"].value, *results["charts"].value]
    recorder.publication = {**results["history"].value, **results["documents"].value, **results["unit_findings"].value,
                            **finish.merge_forms([results[name] for name in forms])}


def campaign_flow(dask_address: str | None = None):
    """`review_campaign`, or the same flow with its dossier tasks sent to the Dask scheduler at `dask_address`.

    Dask workers must import this project (same code, same paths to DOSSIERS/OUT) and reach a Prefect API
    (PREFECT_API_URL of a shared server; otherwise each worker starts its own temporary one).
    """
    if not dask_address:
        return review_campaign
    from prefect_dask import DaskTaskRunner

    return review_campaign.with_options(task_runner=DaskTaskRunner(address=dask_address))


def _batches(refs: list[DossierRef], parallel: int) -> deque[list[DossierRef]]:
    """Consecutive batches: at most MAX_BATCH, and at least four per worker so small campaigns spread out."""
    size = max(1, min(MAX_BATCH, math.ceil(len(refs) / (4 * max(parallel, 1)))))
    return deque(refs[i : i + size] for i in range(0, len(refs), size))


def _dask_threads(runner: Any) -> int:
    """Threads in the Dask cluster (each runs one batch at a time); 8 when the scheduler cannot say."""
    try:
        return max(1, sum(runner._client.nthreads().values()))
    except Exception:
        return int(os.environ.get("PINGCHA_DASK_PARALLEL", "8"))


def register_entries(inventory: CampaignInventory, refs: list[DossierRef]) -> dict[str, tuple[str, str]]:
    """dossier_id -> (type label, register name) for the dossiers their unit's 台账 lists with a type."""
    if not inventory.registers:
        return {}
    from ingest.case_type import dossier_id_name, register_types
    from ingest.normalize import norm_text

    listed: dict[str, dict[str, tuple[str, str]]] = {}
    for register in inventory.registers:
        types = register_types(register.path)
        listed.setdefault(register.unit, {}).update({k: (v, register.name) for k, v in types.items()})
    out = {}
    for ref in refs:
        entry = listed.get(ref.unit, {}).get(norm_text(dossier_id_name(ref.dossier_id)))
        if entry:
            out[ref.dossier_id] = entry
    return out


def _in_units(dossier_id: str, units: list[str]) -> bool:
    return dossier_id.split("/", 1)[0] in units


@flow(name="june30_self_review", log_prints=False)
def june30_self_review(
    dossiers: str,
    out_root: str,
    checklist: str = "penalty-general",
    campaign: str | None = None,
    units: list[str] | None = None,
) -> dict[str, Any]:
    """Each unit reviews its own files before June 30 (朝阳2020 二(四)): one run and one OUT per unit."""
    inventory = discover_task(str(Path(dossiers).resolve()))
    chosen = [u for u in inventory.units if units is None or u in units]
    summaries: dict[str, Any] = {}
    started = time.time()
    for unit in chosen:
        summaries[unit] = review_campaign(
            dossiers=dossiers,
            out=str(Path(out_root) / unit),
            checklist=checklist,
            campaign=campaign or f"{unit} 自查",
            units=[unit],
            overwrite=True,
        )
    return {"units": list(summaries), "seconds": round(time.time() - started, 1)}
