"""The process pool that does the CPU-bound work of dossier tasks.

Prefect's ProcessPoolTaskRunner costs ~140 ms per task here (measured: 200 trivial tasks in 28 s on two
workers, against 1 s on threads), more than reading a dossier. So tasks run on threads, and each hands its
work to this pool, which lives for one campaign. With one worker, or inside a Dask worker, there is no
pool and the work runs in the calling thread.

Validation gets a process of its own next to the pool: Great Expectations takes ~3 s and ~200 MB to import,
which one process can pay while Prefect's server starts, instead of every worker or the run's end. A run
validates once: the process then ends (`retire_validation`), returning its ~300 MB before the scorecard
and the documents are written.

A worker that dies (the OOM killer, a crash in a C library, kill -9) breaks a ProcessPoolExecutor: every
job in it fails. So each job notes in a marker file, named by the worker's pid, which job it is running;
when the pool breaks it is replaced, the job the dead worker was running fails with WorkerCrashed, and the
other jobs are submitted again to the new pool. Workers watch their parent and exit when it is gone.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import shutil
import signal
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Generic, TypeVar

R = TypeVar("R")

_pool: _Pool | None = None
_validator: _Pool | None = None  # one process with Great Expectations imported
_job_ids = itertools.count(1)
PARENT_POLL_SECONDS = 0.5


class WorkerCrashed(Exception):
    """The worker process running this job died (signal or exit code in `exitcode`, as multiprocessing)."""

    def __init__(self, exitcode: int | None) -> None:
        super().__init__(f"worker process died (exit code {exitcode})")
        self.exitcode = exitcode


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


class _Pool:
    """A ProcessPoolExecutor replaced whenever one of its processes dies, knowing which job each worker runs."""

    def __init__(self, size: int, initargs: tuple[Any, ...], markers: Path) -> None:
        self.size = size
        self._initargs = initargs
        self.markers = markers
        self._lock = threading.Lock()
        self._verdicts: dict[ProcessPoolExecutor, dict[int, int | None]] = {}  # broken -> crashed job ids
        self.executor = self._new_executor()

    def _new_executor(self) -> ProcessPoolExecutor:
        # "spawn" keeps Prefect's threads and the ephemeral server out of the children
        return ProcessPoolExecutor(
            max_workers=self.size,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_worker,
            initargs=self._initargs,
        )

    def submit(self, fn: Callable[..., R], *args: Any) -> Job[R]:
        return Job(self, fn, args)

    def recover(self, broken: ProcessPoolExecutor) -> dict[int, int | None]:
        """Replace a broken executor (once, whichever thread comes first); the jobs its dead workers were
        running, with their exit codes. Workers the executor itself terminated afterwards (SIGTERM) and
        workers that died between jobs blame no job."""
        with self._lock:
            if broken in self._verdicts:
                return self._verdicts[broken]
            processes = dict(getattr(broken, "_processes", None) or {})
            crashed: dict[int, int | None] = {}
            for pid, process in processes.items():
                if _exit_code(process) in (0, None, -signal.SIGTERM):
                    continue
                job = _read_marker(self.markers / str(pid))
                if job is not None:
                    crashed[job] = _exit_code(process)
            broken.shutdown(wait=False, cancel_futures=True)
            if self.executor is broken:
                self.executor = self._new_executor()
            self._verdicts[broken] = crashed
            return crashed

    def shutdown(self) -> None:
        with self._lock:
            executors = [self.executor, *self._verdicts]
        for executor in executors:
            executor.shutdown(wait=True, cancel_futures=True)


def _exit_code(process: Any, timeout: float = 5.0) -> int | None:
    """The exit code of a worker of a broken executor (its manager thread may be reaping it meanwhile)."""
    deadline = time.monotonic() + timeout
    process.join(timeout=timeout)
    while process.exitcode is None and time.monotonic() < deadline:
        time.sleep(0.05)
    return process.exitcode


class Job(Generic[R]):
    """`fn(*args)` in a pool: `result()` survives the death of other jobs' workers, not of its own."""

    def __init__(self, pool: _Pool, fn: Callable[..., R], args: tuple[Any, ...]) -> None:
        self._pool, self._fn, self._args = pool, fn, args
        self._submit()

    def _submit(self) -> None:
        self.id = next(_job_ids)
        while True:
            executor = self._pool.executor
            try:
                self._future: Future[R] = executor.submit(_tracked, str(self._pool.markers), self.id, self._fn, *self._args)
                self._executor = executor
                return
            except BrokenProcessPool:  # a worker died between jobs
                self._pool.recover(executor)

    def result(self) -> R:
        while True:
            try:
                return self._future.result()
            except BrokenProcessPool:
                crashed = self._pool.recover(self._executor)
                if self.id in crashed:
                    raise WorkerCrashed(crashed[self.id]) from None
                self._submit()  # it was only queued or running next to the one that died


@contextmanager
def pool(workers: int | None, warm: bool = False) -> Iterator[int]:
    """Start the pool (and the validation process) for a campaign; yields the number of worker processes.

    `warm` starts the processes now and has them import what they will need, so that the CLI can do this
    while Prefect's temporary server starts, on the core the server leaves idle. A pool started already
    (by the CLI) is used as it is. The markers live in the temporary folder (the CLI points it into OUT).
    """
    global _pool, _validator
    size = workers if workers and workers > 0 else default_workers()
    if size <= 1 or _pool is not None:
        yield 1 if _pool is None else _pool.size
        return
    markers = Path(tempfile.mkdtemp(prefix="pingcha-workers-"))
    parent = os.getpid()
    _pool = _Pool(size, (max(1, default_workers() // size), parent), markers)
    _validator = _Pool(1, (None, parent), markers)
    if warm:
        for _ in range(size):
            _pool.executor.submit(warm_up)
        _validator.executor.submit(warm_up_validation)
    try:
        yield size
    finally:
        pools = (_pool, _validator)
        _pool = _validator = None
        for each in pools:
            if each is not None:  # the validation process may have been retired already
                each.shutdown()
        shutil.rmtree(markers, ignore_errors=True)


def warm_up() -> None:
    """Import the dossier stages (ingest, scoring)."""
    import pipelines.stages  # noqa: F401


def warm_up_validation() -> None:
    """Import Great Expectations and the validation module (pipelines.finish imports it only when it runs)."""
    import great_expectations  # noqa: F401

    import reports.validation  # noqa: F401


def _init_worker(ocr_threads: int | None, parent: int) -> None:
    """Each worker's share of the cores for OCR inference: N workers with one thread each beat one worker
    with N threads, and N workers with N threads each oversubscribe the machine (ingest/ocr_engines).
    And a thread that ends the worker when its parent is gone (kill -9 of the run must not leave workers);
    Ctrl-C, which reaches the whole process group, is the parent's to handle (pipelines/shutdown.py)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if ocr_threads is not None:
        os.environ.setdefault("PINGCHA_OCR_THREADS", str(ocr_threads))
    threading.Thread(target=_exit_with_parent, args=(parent,), name="parent-watch", daemon=True).start()


def _exit_with_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(PARENT_POLL_SECONDS)
    os._exit(1)


def _tracked(markers: str, job_id: int, fn: Callable[..., R], *args: Any) -> R:
    """Run a job in a worker with its id in the worker's marker file, emptied before the result is sent.

    After the id, what it runs (function, dossier): an operator can see what each worker is doing."""
    marker = Path(markers) / str(os.getpid())
    marker.write_text(f"{job_id}\t{fn.__name__}\t{getattr(args[0], 'dossier_id', '') if args else ''}")
    try:
        return fn(*args)
    finally:
        marker.write_text("")


def _read_marker(path: Path) -> int | None:
    try:
        text = path.read_text().split("\t", 1)[0].strip()
    except OSError:
        return None
    return int(text) if text.isdigit() else None


def run(fn: Callable[..., R], *args: Any) -> R:
    """Run `fn(*args)` in the pool if one is running, else here. A job whose worker died is run once more
    (the jobs after the dossiers: losing one would lose the campaign's reports)."""
    if _pool is None:
        return fn(*args)
    return _run_twice(_pool, fn, args)


def run_validation(fn: Callable[..., R], *args: Any) -> R:
    """Run `fn(*args)` in the validation process if one is running, else like `run`."""
    if _validator is None:
        return run(fn, *args)
    return _run_twice(_validator, fn, args)


def retire_validation() -> None:
    """End the validation process once the run's validation is done; a later `run_validation` uses the pool."""
    global _validator
    validator, _validator = _validator, None
    if validator is not None:
        validator.shutdown()


def _run_twice(target: _Pool, fn: Callable[..., R], args: tuple[Any, ...]) -> R:
    try:
        return target.submit(fn, *args).result()
    except WorkerCrashed:
        return target.submit(fn, *args).result()


def submit(fn: Callable[..., R], *args: Any) -> Job[R] | Future[R]:
    """`fn(*args)` queued in the pool if one is running, else run here now (the future is already done).

    Either way `.result()` gives the value; WorkerCrashed when the worker running it died.
    """
    if _pool is not None:
        return _pool.submit(fn, *args)
    future: Future[R] = Future()
    try:
        future.set_result(fn(*args))
    except BaseException as exc:
        future.set_exception(exc)
    return future
