"""OUT's disk: refuse to start on a (nearly) full one, and name a full disk when a run fails on one.

A full disk shows up in many disguises — `OSError: [Errno 28]` from a write, a SQLite error in Prefect's
state database, a Prefect client that times out because its server could not write. The user needs one
answer: free space, then re-run (the cache keeps the dossiers already read; staged outputs are never published
half-written, so the previous outputs stay as they were).
"""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

# Prefect's state database, the cache and the outputs of a small campaign fit in this; below it a run is refused.
MIN_FREE_BYTES = 64 * 1024 * 1024
MIN_FREE_ENV = "PINGCHA_MIN_FREE_MB"  # an operator's own floor, in MB (0 turns the check off)
# When a run fails and OUT's disk has less than this left, the disk is the cause whatever the error says.
FULL_BELOW_BYTES = 1024 * 1024
_FULL_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT})


def free_bytes(path: Path) -> int | None:
    """Bytes free for this user on the file system that holds `path` (or its nearest existing ancestor)."""
    probe = Path(path).absolute()
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    try:
        return shutil.disk_usage(probe).free
    except OSError:
        return None


def min_free_bytes() -> int:
    """The floor below which a run is refused: PINGCHA_MIN_FREE_MB when set to a number, else 64 MB."""
    raw = os.environ.get(MIN_FREE_ENV, "").strip()
    try:
        return max(0, int(float(raw) * 1024 * 1024)) if raw else MIN_FREE_BYTES
    except ValueError:
        return MIN_FREE_BYTES


def megabytes(count: int) -> str:
    return f"{count / (1024 * 1024):.1f} MB"


def is_disk_full(exc: BaseException, out_dir: Path | None) -> bool:
    """The failure `exc` was caused by a full disk: an ENOSPC/EDQUOT anywhere in its chain, or OUT's disk
    nearly full when it happened."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, OSError) and current.errno in _FULL_ERRNOS:
            return True
        current = current.__cause__ or current.__context__
    if out_dir is None:
        return False
    free = free_bytes(out_dir)
    return free is not None and free < FULL_BELOW_BYTES
