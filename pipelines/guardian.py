"""Ends what a run started when the run itself is gone without stopping it (kill -9, a crash).

Started by the CLI as `python guardian.py PID` with a pipe on its standard input that only the run holds:
the pipe closes when the run's process ends, however it ends. Meanwhile it notes the run's new descendants
twice a second (Prefect's temporary server, worker processes); once the pipe closes it stops those still
running (SIGTERM, SIGKILL after 3 s). psutil tells a reused pid from the process it noted. Interrupts are
ignored: Ctrl-C reaches the whole process group, and the run stops its own children first.

Run by path, not as a module, so that it imports only psutil and the standard library.
"""

from __future__ import annotations

import contextlib
import os
import select
import signal
import sys

import psutil

POLL_SECONDS = 0.5
TERM_SECONDS = 3.0


def watch(parent: int) -> list[psutil.Process]:
    """Follow `parent`'s descendants until its pipe on stdin closes; returns those seen and still running.

    Seen processes are kept until they end, never replaced by a newer listing: a listing made just as the
    run died finds no children (they have a new parent by then)."""
    me = os.getpid()
    seen: dict[int, psutil.Process] = {}
    try:
        root = psutil.Process(parent)
    except psutil.NoSuchProcess:
        return []
    while True:
        ready, _, _ = select.select([sys.stdin.fileno()], [], [], POLL_SECONDS)
        if ready and not os.read(sys.stdin.fileno(), 4096):
            break
        try:
            current = root.children(recursive=True)
        except psutil.NoSuchProcess:
            break
        seen = {pid: p for pid, p in seen.items() if p.is_running()}
        for process in current:
            if process.pid != me:
                seen.setdefault(process.pid, process)
    return list(seen.values())


def stop(processes: list[psutil.Process], timeout: float = TERM_SECONDS) -> None:
    """SIGTERM, then SIGKILL for those still running after `timeout` seconds. multiprocessing's resource
    tracker ignores SIGTERM by design (it would only wait for the others): it is killed at once."""
    alive = [p for p in processes if p.is_running()]
    for process in alive:
        with contextlib.suppress(psutil.Error):
            if _is_resource_tracker(process):
                process.kill()
            else:
                process.terminate()
                process.resume()  # a stopped process (SIGSTOP, ^Z) acts on SIGTERM only once continued
    _, alive = psutil.wait_procs(alive, timeout=timeout)
    for process in alive:
        with contextlib.suppress(psutil.Error):
            process.kill()
    psutil.wait_procs(alive, timeout=2)


def _is_resource_tracker(process: psutil.Process) -> bool:
    return any("multiprocessing.resource_tracker" in part for part in process.cmdline())


def main(argv: list[str]) -> int:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    stop(watch(int(argv[0])))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
