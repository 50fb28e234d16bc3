"""Peak memory of the whole process tree of a run (the flow process, its workers, Prefect's server).

getrusage only knows this process and its largest *finished* child; a worker that balloons and is killed,
or several workers at their peaks together, escape it. So a thread samples the resident memory of the
process and all its descendants with psutil every quarter second and keeps the largest sum. Listing the
descendants scans every process of the machine (~8 ms on a busy one), so the list is renewed every 2 s and
only the memory of the processes on it is read in between (~0.1 ms each).
"""

from __future__ import annotations

import threading

import psutil

INTERVAL_SECONDS = 0.25
REFRESH_EVERY = 8  # samples between two listings of the descendants


class TreeMemory:
    """Start with `start()`; `peak_mb` is the largest sum of RSS seen so far (one sample taken at once)."""

    def __init__(self, interval: float = INTERVAL_SECONDS) -> None:
        self._interval = interval
        self._stop = threading.Event()
        self._root = psutil.Process()
        self._peak = 0
        self._tree: list[psutil.Process] = []
        self._samples = 0
        self._thread = threading.Thread(target=self._run, name="tree-memory", daemon=True)

    def start(self) -> TreeMemory:
        self.sample()
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=2)

    def sample(self, refresh: bool = True) -> int:
        """The tree's resident memory now (bytes); `refresh=False` reuses the last list of descendants."""
        if refresh or not self._tree:
            try:
                self._tree = [self._root, *self._root.children(recursive=True)]
            except psutil.Error:
                return 0
        total = 0
        for process in self._tree:
            try:
                total += process.memory_info().rss
            except psutil.Error:  # ended between the listing and the reading
                continue
        self._peak = max(self._peak, total)
        return total

    @property
    def peak_mb(self) -> float:
        return round(self._peak / (1024 * 1024), 1)

    def _run(self) -> None:
        while not self._stop.wait(self._interval):
            self._samples += 1
            self.sample(refresh=self._samples % REFRESH_EVERY == 0)
