"""Find and load checklists: by bundled id (`penalty-general`) or by path to a YAML file."""

from __future__ import annotations

import hashlib
from pathlib import Path

from scoring.checklist.model import Checklist, ChecklistError, Issue
from scoring.checklist.source import Source
from scoring.checklist.validate import build_checklist

BUNDLED_DIR = Path(__file__).parents[1] / "checklists"  # scoring/checklists, beside this package


def available_checklists() -> list[str]:
    """Ids of the checklists bundled with pingcha."""
    return sorted(p.stem for p in BUNDLED_DIR.glob("*.yaml"))


def resolve_checklist(id_or_path: str) -> Path:
    """The file a checklist argument names: a YAML path as given, else the bundled checklist of that id."""
    path = Path(id_or_path)
    if path.suffix in (".yaml", ".yml") or path.exists() or "/" in id_or_path:
        return path
    return BUNDLED_DIR / f"{id_or_path}.yaml"


def load_checklist(id_or_path: str, _loading: frozenset[Path] = frozenset()) -> Checklist:
    """Load and validate a checklist by bundled id (`penalty-general`) or by path to a YAML file.

    Its supplements that name other checklists are loaded with it (a checklist cannot supplement itself)."""
    path = resolve_checklist(str(id_or_path))
    if not path.is_file():
        known = ", ".join(available_checklists())
        raise ChecklistError([Issue(path.name, 0, "checklist", f"no such checklist '{id_or_path}' (bundled: {known})")])
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ChecklistError([Issue(path.name, 1, "file", "not UTF-8 text")]) from exc
    src = Source(path.name, text)
    loading = _loading | {path.resolve()}

    def load_ref(ref: str) -> Checklist:
        if resolve_checklist(ref).resolve() in loading:
            raise ChecklistError([Issue(path.name, 0, "supplements", f"'{ref}' supplements itself")])
        return load_checklist(ref, loading)

    checklist = build_checklist(src, path, hashlib.sha256(raw).hexdigest(), load_ref)
    if src.issues:
        raise ChecklistError(src.issues)
    assert checklist is not None
    return checklist
