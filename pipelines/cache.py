"""Cache keys for dossier tasks: a dossier is re-read only when its files, the checklist or the code change."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from ingest.discover import DossierRef

_PACKAGES = ("ingest", "scoring", "pipelines")


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


def file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def dossier_cache_key(ref: DossierRef, checklist_hash: str, roster_path: str | None) -> str:
    digest = hashlib.sha256()
    digest.update(code_fingerprint().encode())
    digest.update(ref.dossier_id.encode())
    digest.update(checklist_hash.encode())
    if roster_path:
        digest.update(file_digest(Path(roster_path)).encode())
    paths = [ref.path] if ref.single_file else [ref.path / f for f in ref.files]
    for path in paths:
        digest.update(str(path.name).encode())
        digest.update(file_digest(path).encode())
    return f"dossier-{digest.hexdigest()}"
