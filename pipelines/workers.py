"""The process pool that does the CPU-bound work of dossier tasks.

Prefect's ProcessPoolTaskRunner costs ~140 ms per task here (measured: 200 trivial tasks in 28 s on two
workers, against 1 s on threads), more than reading a dossier. So tasks run on threads, and each hands its
work to this pool, which lives for one campaign. With one worker, or inside a Dask worker, there is no
pool and the work runs in the calling thread.

Validation gets a process of its own next to the pool: Great Expectations takes ~3 s and ~200 MB to import,
which one process can pay while Prefect's server starts, instead of every worker or the run's end.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from typing import Any, TypeVar

R = TypeVar("R")

_pool: ProcessPoolExecutor | None = None
_validator: ProcessPoolExecutor | None = None  # one process with Great Expectations imported


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


@contextmanager
def pool(workers: int | None, warm: bool = False) -> Iterator[int]:
    """Start the pool (and the validation process) for a campaign; yields the number of worker processes.

    `warm` starts the processes now and has them import what they will need, so that the CLI can do this
    while Prefect's temporary server starts, on the core the server leaves idle. A pool started already
    (by the CLI) is used as it is.
    """
    global _pool, _validator
    size = workers if workers and workers > 0 else default_workers()
    if size <= 1 or _pool is not None:
        yield 1 if _pool is None else size
        return
    # "spawn" keeps Prefect's threads and the ephemeral server out of the children
    context = multiprocessing.get_context("spawn")
    _pool = ProcessPoolExecutor(
        max_workers=size, mp_context=context, initializer=_init_worker, initargs=(max(1, default_workers() // size),)
    )
    _validator = ProcessPoolExecutor(max_workers=1, mp_context=context)
    if warm:
        for _ in range(size):
            _pool.submit(warm_up)
        _validator.submit(warm_up_validation)
    try:
        yield size
    finally:
        executors = (_pool, _validator)
        _pool = _validator = None
        for executor in executors:
            executor.shutdown(wait=True, cancel_futures=True)


def warm_up() -> None:
    """Import the dossier stages (ingest, scoring)."""
    import pipelines.stages  # noqa: F401


def warm_up_validation() -> None:
    """Import Great Expectations and the validation module (pipelines.finish imports it only when it runs)."""
    import great_expectations  # noqa: F401

    import reports.validation  # noqa: F401


def _init_worker(ocr_threads: int) -> None:
    """Each worker's share of the cores for OCR inference: N workers with one thread each beat one worker
    with N threads, and N workers with N threads each oversubscribe the machine (ingest/ocr_engines)."""
    os.environ.setdefault("PINGCHA_OCR_THREADS", str(ocr_threads))


def run(fn: Callable[..., R], *args: Any) -> R:
    """Run `fn(*args)` in the pool if one is running, else here."""
    if _pool is None:
        return fn(*args)
    return _pool.submit(fn, *args).result()


def run_validation(fn: Callable[..., R], *args: Any) -> R:
    """Run `fn(*args)` in the validation process if one is running, else like `run`."""
    if _validator is None:
        return run(fn, *args)
    return _validator.submit(fn, *args).result()


def submit(fn: Callable[..., R], *args: Any) -> Future[R]:
    """`fn(*args)` queued in the pool if one is running, else run here now (the future is already done)."""
    if _pool is not None:
        return _pool.submit(fn, *args)
    future: Future[R] = Future()
    try:
        future.set_result(fn(*args))
    except BaseException as exc:
        future.set_exception(exc)
    return future
