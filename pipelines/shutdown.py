"""Ctrl-C and SIGTERM stop a run within seconds, with nothing left running; kill -9 leaves nothing for long.

Unwinding through Prefect's engine on an interrupt took 60-120 s (it reports the crash to a server that the
same Ctrl-C stopped) and ended in ConnectError. So the handler does not unwind: it stops every descendant
process (worker pool, validation process, Prefect's temporary server: SIGTERM, SIGKILL after 3 s), releases
OUT's lock, empties the scratch folder, prints the resume hint and exits 130 at once. Outputs are published
only at the end of a run (pipelines/outputs.py), so an interrupted run leaves none half-written, and the
dossier cache lets `--overwrite` resume. For kill -9 of the run, workers watch their parent
(pipelines/workers.py) and a guardian process stops the rest (pipelines/guardian.py).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import psutil

from pipelines import guardian, runlock

EXIT_INTERRUPTED = 130
TERM_SECONDS = 3.0
_SIGNALS = (signal.SIGINT, signal.SIGTERM)

_hint: str | None = None
_scratch: Path | None = None
_previous: dict[int, Any] = {}
_stopping = False
_guardian: subprocess.Popen | None = None


def install(hint: str, scratch: Path | None = None) -> None:
    """Handle SIGINT and SIGTERM in this (main) thread until `uninstall()`."""
    global _hint, _scratch
    _hint, _scratch = hint, scratch
    for number in _SIGNALS:
        _previous[number] = signal.signal(number, _on_signal)


def reinstall() -> None:
    """Put the handlers back after a library replaced them (Prefect's flow engine does for SIGTERM)."""
    if _hint is None:
        return
    try:
        for number in _SIGNALS:
            signal.signal(number, _on_signal)
    except ValueError:  # not the main thread: the flow runs elsewhere, the CLI's handlers stay
        pass


def uninstall() -> None:
    global _hint, _scratch
    for number, handler in _previous.items():
        signal.signal(number, handler)
    _previous.clear()
    _hint = _scratch = None


def start_guardian() -> None:
    """Start the guardian once per process; it outlives nothing: it ends when this process ends."""
    global _guardian
    if _guardian is not None and _guardian.poll() is None:
        return
    script = Path(__file__).with_name("guardian.py")
    _guardian = subprocess.Popen([sys.executable, "-I", str(script), str(os.getpid())], stdin=subprocess.PIPE)


def stop_descendants(timeout: float = TERM_SECONDS) -> None:
    """SIGTERM every descendant but the guardian, SIGKILL those still running after `timeout` seconds."""
    keep = {_guardian.pid} if _guardian is not None else set()
    try:
        children = [p for p in psutil.Process().children(recursive=True) if p.pid not in keep]
    except psutil.Error:
        return
    guardian.stop(children, timeout)


def _on_signal(number: int, frame: object) -> None:
    global _stopping
    if _stopping:  # a second Ctrl-C while stopping: the first one finishes the job
        return
    _stopping = True
    try:
        print(_hint, file=sys.stderr, flush=True)
        stop_descendants()
        runlock.release_all()
        if _scratch is not None:
            shutil.rmtree(_scratch, ignore_errors=True)
    finally:
        os._exit(EXIT_INTERRUPTED)
