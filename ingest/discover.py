"""Campaign discovery (output-contract.md "Input layout"): walk the input tree, say where every dossier is.

DOSSIERS/<unit>/<case>/… is a folder dossier, DOSSIERS/<unit>/<case>.pdf|.docx a single-file dossier and
DOSSIERS/<unit>/*台账*.xlsx a register. Nothing is silently skipped: every file that is not read is a Problem.
Finding reads no file's content beyond its first bytes; `ingest.load.load_dossier` reads what is found.
Everything here is plain data and module-level functions, so refs pickle into worker processes.
"""

from __future__ import annotations

import os
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from ingest.glossary import ProblemKind
from ingest.model import Problem
from ingest.readers import is_candidate
from ingest.readers.formats import SINGLE_FILE_SUFFIXES, SUPPORTED_LIST
from ingest.readers.sniff import unsupported_message

REGISTER_MARK = "台账"
_SKIPPED_DIRS = frozenset({"__MACOSX", "$RECYCLE.BIN", "System Volume Information"})


@dataclass(frozen=True, slots=True)
class DossierRef:
    """Where one dossier lives; `files` are relative to the dossier folder ('/' separators), sorted.

    For a single-file dossier `path` is the file and `files` holds its name, so that evidence names a file.
    """

    dossier_id: str
    unit: str
    path: Path
    single_file: bool
    files: tuple[str, ...]

    def file_path(self, name: str) -> Path:
        return self.path if self.single_file else self.path / name


@dataclass(frozen=True, slots=True)
class RegisterRef:
    """A unit's case register (案件台账); `name` relative to the campaign root."""

    unit: str
    name: str
    path: Path


@dataclass(slots=True)
class CampaignInventory:
    root: Path
    units: list[str] = field(default_factory=list)
    dossiers: list[DossierRef] = field(default_factory=list)
    registers: list[RegisterRef] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def dossiers_of(self, unit: str) -> list[DossierRef]:
        return [d for d in self.dossiers if d.unit == unit]


def _nfc(text: str) -> str:
    """Ids in NFC, so names copied from macOS (NFD) compare equal to the same names typed on Windows."""
    return unicodedata.normalize("NFC", text)


def _entries(folder: Path) -> list[os.DirEntry]:
    with os.scandir(folder) as it:
        return sorted(it, key=lambda e: (_nfc(e.name), e.name))


def _is_dir(entry: os.DirEntry) -> bool:
    return entry.is_dir(follow_symlinks=False)


def _skipped_dir(name: str) -> bool:
    return name.startswith(".") or name in _SKIPPED_DIRS


def discover_campaign(root: Path) -> CampaignInventory:
    """Units, dossiers, registers and layout problems under `root`, in a deterministic (name) order."""
    root = Path(root)
    inv = CampaignInventory(root=root)
    for entry in _entries(root):
        name = _nfc(entry.name)
        if _is_dir(entry):
            if _skipped_dir(entry.name):
                inv.problems.append(Problem(name, "", ProblemKind.UNSUPPORTED, f"系统或隐藏文件夹（{name}），未作为被评查单位读取"))
                continue
            _discover_unit(Path(entry.path), name, inv)
        elif entry.name.startswith(("~$", ".")):
            inv.problems.append(Problem("", name, ProblemKind.UNSUPPORTED, unsupported_message(Path(entry.path))))
        else:
            inv.problems.append(Problem("", name, ProblemKind.MISPLACED, ROOT_FILE_MESSAGE))
    return inv


ROOT_FILE_MESSAGE = "文件直接放在评查根目录下，未读取；案卷应放在“单位名称/案卷”目录中（如 区城管执法局/2025-017）"


def _discover_unit(folder: Path, unit: str, inv: CampaignInventory) -> None:
    inv.units.append(unit)
    found = 0
    for entry in _entries(folder):
        name = _nfc(entry.name)
        rel = f"{unit}/{name}"
        path = Path(entry.path)
        if _is_dir(entry):
            if _skipped_dir(entry.name):
                inv.problems.append(Problem(rel, "", ProblemKind.UNSUPPORTED, f"系统或隐藏文件夹（{name}），未读取"))
                continue
            found += _discover_case_folder(path, rel, unit, inv)
            continue
        suffix = path.suffix.lower()
        if REGISTER_MARK in name and not name.startswith("~$") and suffix in {".xlsx", ".xls", ".xlsm"}:
            if suffix == ".xls":
                inv.problems.append(Problem(rel, name, ProblemKind.LEGACY_FORMAT,
                                            "案件台账为旧版Excel格式（.xls），请另存为 .xlsx 后提交"))
            else:
                inv.registers.append(RegisterRef(unit, rel, path))
        elif is_candidate(path) and suffix in SINGLE_FILE_SUFFIXES | {""}:
            inv.dossiers.append(DossierRef(rel, unit, path, True, (name,)))
            found += 1
        elif is_candidate(path):
            inv.problems.append(Problem(rel, name, ProblemKind.MISPLACED,
                                        "单位目录下的Excel文件名不含“台账”，既不作为案卷也不作为台账读取；"
                                        "如为案件台账请在文件名中加“台账”，如为案卷材料请放入案卷文件夹"))
        else:
            inv.problems.append(Problem(rel, name, ProblemKind.UNSUPPORTED, unsupported_message(path)))
    if not found:
        inv.problems.append(Problem(unit, "", ProblemKind.NO_DOSSIERS,
                                    f"单位“{unit}”未提交任何案卷；零执法单位需说明情况"))


def _discover_case_folder(folder: Path, dossier_id: str, unit: str, inv: CampaignInventory) -> int:
    """Adds the dossier (1) or, when it holds nothing readable, a NO_DOCUMENTS problem (0)."""
    files: list[str] = []
    for rel, path in _walk(folder):
        if is_candidate(path):
            files.append(rel)
        else:
            inv.problems.append(Problem(dossier_id, rel, ProblemKind.UNSUPPORTED, unsupported_message(path)))
    if not files:
        inv.problems.append(Problem(dossier_id, "", ProblemKind.NO_DOCUMENTS,
                                    f"案卷文件夹中没有可读取的 {SUPPORTED_LIST} 文件"))
        return 0
    inv.dossiers.append(DossierRef(dossier_id, unit, folder, False, tuple(files)))
    return 1


def _walk(folder: Path, prefix: str = ""):
    """(relative name, path) of every file below `folder`, depth first in name order; no symlinked folders."""
    for entry in _entries(folder):
        rel = f"{prefix}{_nfc(entry.name)}"
        if _is_dir(entry):
            yield from _walk(Path(entry.path), rel + "/")
        elif entry.is_file():
            yield rel, Path(entry.path)
