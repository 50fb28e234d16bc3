"""The dossier cache: a dossier is re-read only when its files, the checklist, the roster, the 公示台账 or the code
change.

Outcomes are stored as JSON, one file per key under `results_dir()` (OUT/.pingcha/results/dossiers by default),
written atomically as each dossier finishes, so an interrupted campaign resumes without redoing finished dossiers.
JSON read back through the outcome's type, never pickle: a file planted in the cache folder can at worst be
refused as invalid (and the dossier read again), never run code.
"""

from __future__ import annotations

import hashlib
import os
import stat
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from pydantic import TypeAdapter, ValidationError

from ingest.discover import DossierRef
from ingest.readers import ReadLimits

_PACKAGES = ("ingest", "scoring", "pipelines")
T = TypeVar("T")


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Hash of the source of the layers that produce a dossier's result, so new code invalidates the cache."""
    digest = hashlib.sha256()
    root = Path(__file__).resolve().parent.parent
    for package in _PACKAGES:
        for path in sorted((root / package).rglob("*.py")):
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(path.read_bytes())
        for path in sorted((root / package).rglob("*.yaml")):
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def file_digest(path: Path, max_bytes: int | None = None) -> str:
    """The content's hash; a file that is not regular or is over `max_bytes` (which the reader refuses from its
    size alone) is keyed by its stat, never opened: a FIFO or /dev/zero would block or never end."""
    st = path.stat()
    if not stat.S_ISREG(st.st_mode) or (max_bytes is not None and st.st_size > max_bytes):
        return f"unread:{st.st_mode:o}:{st.st_size}:{st.st_mtime_ns}"
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def dossier_cache_key(ref: DossierRef, checklist_hash: str, roster_path: str | None,
                      publications_path: str | None = None) -> str:
    digest = hashlib.sha256()
    digest.update(code_fingerprint().encode())
    digest.update(ref.dossier_id.encode())
    digest.update(checklist_hash.encode())
    if roster_path:
        digest.update(file_digest(Path(roster_path)).encode())
    if publications_path:  # a changed 公示台账 re-scores every file (T01 reads it)
        digest.update(b"publications:" + file_digest(Path(publications_path)).encode())
    paths = [ref.path] if ref.single_file else [ref.path / f for f in ref.files]
    max_bytes = ReadLimits.from_env().max_file_bytes
    for path in paths:
        digest.update(str(path.name).encode())
        digest.update(file_digest(path, max_bytes).encode())
    return f"dossier-{digest.hexdigest()}"


def results_dir() -> str | None:
    """$PINGCHA_CACHE_DIR, else `dossiers/` under PREFECT_LOCAL_STORAGE_PATH (set by prefect_env); None: no cache."""
    explicit = os.environ.get("PINGCHA_CACHE_DIR")
    if explicit:
        return explicit
    storage = os.environ.get("PREFECT_LOCAL_STORAGE_PATH")
    return str(Path(storage) / "dossiers") if storage else None


@lru_cache(maxsize=8)
def _adapter(kind: type) -> TypeAdapter:
    return TypeAdapter(kind)


def load_outcome(directory: Path, key: str, kind: type[T]) -> T | None:
    """The cached outcome for `key` as a `kind`, or None (missing, unreadable or invalid: recomputed)."""
    try:
        raw = (directory / f"{key}.json").read_bytes()
    except OSError:
        return None
    try:
        return _adapter(kind).validate_json(raw)
    except ValidationError:
        return None


def store_outcome(directory: Path, key: str, outcome: object) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    tmp = directory / f".{key}.{os.getpid()}.tmp"
    tmp.write_bytes(_adapter(type(outcome)).dump_json(outcome))
    os.replace(tmp, directory / f"{key}.json")
