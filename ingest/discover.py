"""Campaign discovery (output-contract.md "Input layout"): walk the input tree, say where every dossier is.

DOSSIERS/<unit>/<case>/… is a folder dossier, DOSSIERS/<unit>/<case>.pdf|.docx a single-file dossier and
DOSSIERS/<unit>/*台账*.xlsx a register. Nothing is silently skipped: every file that is not read is a Problem.
Finding reads no file's content beyond its first bytes; `ingest.load.load_dossier` reads what is found.
Entries are inspected with `lstat` before anything opens them: only regular files become dossier files (a FIFO
would block the first read forever, `/dev/zero` never ends); a symlink is followed only to a regular file inside
the campaign folder; folders are walked iteratively, to `ReadLimits.max_folder_depth`. Each entry not taken is a
SPECIAL_ENTRY (or TOO_LARGE) problem naming it.
Everything here is plain data and module-level functions, so refs pickle into worker processes.
"""

from __future__ import annotations

import os
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from ingest.glossary import ProblemKind
from ingest.model import Problem
from ingest.readers import ReadLimits, is_candidate
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


_DIR, _FILE = "dir", "file"


def _inspect(entry: os.DirEntry, top: str) -> str:
    """`_DIR`, `_FILE` (a regular file, or an in-tree symlink to one), or why the entry is not taken."""
    try:
        st = entry.stat(follow_symlinks=False)
        if stat.S_ISLNK(st.st_mode):
            target = os.path.realpath(entry.path)
            if not os.path.exists(target):
                return "符号链接指向的目标不存在（失效链接），未读取"
            if os.path.commonpath([target, top]) != top:
                return "符号链接指向评查目录之外，未跟随读取；请将文件本身放入案卷"
            st = os.stat(target)
            if stat.S_ISDIR(st.st_mode):
                return "符号链接指向文件夹，未跟随读取；请将文件夹本身放入此处"
    except (OSError, ValueError) as exc:
        return f"无法查看该条目（{getattr(exc, 'strerror', None) or exc}），未读取"
    if stat.S_ISDIR(st.st_mode):
        return _DIR
    if stat.S_ISREG(st.st_mode):
        return _FILE
    what = (
        "命名管道（FIFO）" if stat.S_ISFIFO(st.st_mode)
        else "设备文件" if stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode)
        else "套接字" if stat.S_ISSOCK(st.st_mode) else "特殊文件"
    )  # fmt: skip
    return f"{what}不是普通文件，不属于案卷材料，未读取"


def _skipped_dir(name: str) -> bool:
    return name.startswith(".") or name in _SKIPPED_DIRS


def discover_campaign(root: Path, limits: ReadLimits | None = None) -> CampaignInventory:
    """Units, dossiers, registers and layout problems under `root`, in a deterministic (name) order."""
    root = Path(root)
    limits = limits or ReadLimits.from_env()
    top = os.path.realpath(root)
    inv = CampaignInventory(root=root)
    for entry in _entries(root):
        name = _nfc(entry.name)
        what = _inspect(entry, top)
        if what == _DIR:
            if _skipped_dir(entry.name):
                inv.problems.append(Problem(name, "", ProblemKind.UNSUPPORTED, f"系统或隐藏文件夹（{name}），未作为被评查单位读取"))
                continue
            _discover_unit(Path(entry.path), name, inv, top, limits)
        elif what != _FILE:
            inv.problems.append(Problem("", name, ProblemKind.SPECIAL_ENTRY, what))
        elif entry.name.startswith(("~$", ".")):
            inv.problems.append(Problem("", name, ProblemKind.UNSUPPORTED, unsupported_message(Path(entry.path))))
        else:
            inv.problems.append(Problem("", name, ProblemKind.MISPLACED, ROOT_FILE_MESSAGE))
    return inv


ROOT_FILE_MESSAGE = "文件直接放在评查根目录下，未读取；案卷应放在“单位名称/案卷”目录中（如 区城管执法局/2025-017）"


def _discover_unit(folder: Path, unit: str, inv: CampaignInventory, top: str, limits: ReadLimits) -> None:
    inv.units.append(unit)
    found = 0
    try:
        entries = _entries(folder)
    except OSError as exc:
        inv.problems.append(Problem(unit, "", ProblemKind.SPECIAL_ENTRY, f"单位文件夹无法读取（{exc.strerror or exc}）"))
        entries = []
    for entry in entries:
        name = _nfc(entry.name)
        rel = f"{unit}/{name}"
        path = Path(entry.path)
        what = _inspect(entry, top)
        if what == _DIR:
            if _skipped_dir(entry.name):
                inv.problems.append(Problem(rel, "", ProblemKind.UNSUPPORTED, f"系统或隐藏文件夹（{name}），未读取"))
                continue
            found += _discover_case_folder(path, rel, unit, inv, top, limits)
            continue
        if what != _FILE:
            inv.problems.append(Problem(rel, name, ProblemKind.SPECIAL_ENTRY, what))
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


def _discover_case_folder(
    folder: Path, dossier_id: str, unit: str, inv: CampaignInventory, top: str, limits: ReadLimits
) -> int:
    """Adds the dossier (1) or, when it holds nothing readable, a NO_DOCUMENTS problem (0)."""
    files: list[str] = []
    for rel, path in _walk(folder, dossier_id, inv, top, limits):
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


def _walk(folder: Path, dossier_id: str, inv: CampaignInventory, top: str, limits: ReadLimits):
    """(relative name, path) of every regular file below `folder`, depth first in name order.

    Iterative (a stack of open listings), so thousands of nested folders cannot exhaust Python's recursion;
    folders deeper than `max_folder_depth`, and entries that are not regular files, are problems instead.
    """
    stack: list[tuple[list[os.DirEntry], int, str]] = []
    try:
        stack.append((_entries(folder), 0, ""))
    except OSError as exc:
        inv.problems.append(Problem(dossier_id, "", ProblemKind.SPECIAL_ENTRY, f"案卷文件夹无法读取（{exc.strerror or exc}）"))
    while stack:
        entries, index, prefix = stack[-1]
        if index == len(entries):
            stack.pop()
            continue
        stack[-1] = (entries, index + 1, prefix)
        entry = entries[index]
        rel = f"{prefix}{_nfc(entry.name)}"
        what = _inspect(entry, top)
        if what == _FILE:
            yield rel, Path(entry.path)
        elif what != _DIR:
            inv.problems.append(Problem(dossier_id, rel, ProblemKind.SPECIAL_ENTRY, what))
        elif len(stack) > limits.max_folder_depth:
            inv.problems.append(Problem(dossier_id, rel + "/", ProblemKind.TOO_LARGE,
                                        f"文件夹层级超过上限 {limits.max_folder_depth} 层，其下内容未读取；请整理目录后提交"))
        else:
            try:
                stack.append((_entries(Path(entry.path)), 0, rel + "/"))
            except OSError as exc:
                inv.problems.append(Problem(dossier_id, rel + "/", ProblemKind.SPECIAL_ENTRY,
                                            f"文件夹无法读取（{exc.strerror or exc}）"))
