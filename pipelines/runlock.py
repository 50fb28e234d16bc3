"""One run per output folder: OUT/.pingcha/lock, held by `flock` for the whole run, names its holder.

The kernel's `flock` decides: it is released when the holder exits, however it exits (kill -9 included), so a
lock file whose text still names a run that no longer holds it is stale and is taken over with a note. The
text (pid, host, start time) is only for the messages; it is emptied when the lock is released normally.
On another host the kernel cannot tell (a network file system), so such a lock is refused, never taken.

The lock also owns the run's scratch folder OUT/.pingcha/tmp (temporary files, outputs being written):
emptied each time a run takes the lock, so nothing a killed run left there survives the next start.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import socket
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

from ingest.errors import PingchaError
from pipelines.glossary import RUN_SAFETY_ZH
from pipelines.prefect_env import STATE_DIR_NAME

LOCK_NAME = "lock"
SCRATCH_NAME = "tmp"

_held: dict[Path, int] = {}  # lock file -> open descriptor, for the locks this process holds
_guard = threading.Lock()


class RunLocked(PingchaError):
    """Another run holds OUT's lock (exit 2 with its pid, host and start time)."""


@dataclass(frozen=True, slots=True)
class Holder:
    pid: int
    host: str
    started: str

    @classmethod
    def me(cls) -> Holder:
        return cls(os.getpid(), socket.gethostname(), datetime.now().astimezone().isoformat(timespec="seconds"))

    @classmethod
    def parse(cls, text: str) -> Holder | None:
        try:
            raw = json.loads(text)
            return cls(int(raw["pid"]), str(raw["host"]), str(raw["started"]))
        except (ValueError, KeyError, TypeError):
            return None


def lock_path(out_dir: Path) -> Path:
    return Path(out_dir).resolve() / STATE_DIR_NAME / LOCK_NAME


def scratch_dir(out_dir: Path) -> Path:
    """OUT/.pingcha/tmp: the running run's temporary files (emptied when a run takes the lock)."""
    return Path(out_dir).resolve() / STATE_DIR_NAME / SCRATCH_NAME


@contextmanager
def hold(out_dir: Path) -> Iterator[Path]:
    """Hold OUT's lock for the block (re-entrant within a process: the CLI and its flow both take it).

    Raises RunLocked when another live run holds it. Yields the scratch folder, empty on first entry.
    """
    path = lock_path(out_dir)
    with _guard:
        reentered = path in _held
        if not reentered:
            _held[path] = _acquire(path, out_dir)
    if reentered:
        yield scratch_dir(out_dir)
        return
    try:
        scratch = scratch_dir(out_dir)
        shutil.rmtree(scratch, ignore_errors=True)
        scratch.mkdir(parents=True, exist_ok=True)
        yield scratch
    finally:
        with _guard:
            fd = _held.pop(path, None)
        if fd is not None:
            _release(fd)


def release_all() -> None:
    """Release every lock of this process (the signal handler calls it before exiting at once)."""
    with _guard:
        fds = list(_held.values())
        _held.clear()
    for fd in fds:
        _release(fd)


def _acquire(path: Path, out_dir: Path) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise _locked("lock_held", _read(fd), path, out_dir) from None
        previous = _read(fd)
        if previous is not None:
            if previous.host != socket.gethostname():
                raise _locked("lock_other_host", previous, path, out_dir)
            if previous.pid != os.getpid() and _same_process_alive(previous):
                raise _locked("lock_held", previous, path, out_dir)  # a file system without flock
            print(RUN_SAFETY_ZH["lock_stale"].format(**asdict(previous), lock=path), file=sys.stderr)
        text = json.dumps(asdict(Holder.me()), ensure_ascii=False).encode()
        os.ftruncate(fd, 0)
        os.pwrite(fd, text + b"\n", 0)
        return fd
    except BaseException:
        os.close(fd)
        raise


def _release(fd: int) -> None:
    try:
        os.ftruncate(fd, 0)  # an empty lock file: the next run has nothing stale to report
        fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _read(fd: int) -> Holder | None:
    return Holder.parse(os.pread(fd, 4096, 0).decode("utf-8", "replace"))


def _locked(key: str, holder: Holder | None, path: Path, out_dir: Path) -> RunLocked:
    unknown = Holder(0, "?", "?")
    fields = asdict(holder or unknown)
    return RunLocked(RUN_SAFETY_ZH[key].format(**fields, lock=path, out=Path(out_dir).resolve()))


def _same_process_alive(holder: Holder) -> bool:
    """The named pid runs and was started before the lock was taken (not a reused pid)."""
    import psutil

    try:
        created = psutil.Process(holder.pid).create_time()
        started = datetime.fromisoformat(holder.started).timestamp()
    except (psutil.Error, ValueError):
        return False
    return created <= started + 1
