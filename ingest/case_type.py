"""Which kind of enforcement act a dossier records (case type and procedure), decided from its documents.

A campaign draws files of every act a unit performs (行政处罚, 行政许可, 行政强制, 行政检查), and each is scored
against its own standard, so the type must be known before scoring. The documents decide first (a
当场行政处罚决定书 is a summary-procedure penalty whatever the folder says); when no document decides, the unit's
register (台账) or the case's folder name does; else the type is `unknown` with the reason and a reviewer must
say. The decision table is data: a new type is one `TypeRule` row.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ingest.glossary import (
    CASE_TYPE_NAME_MARKS,
    CASE_TYPE_ZH,
    DOC_KIND_ZH,
    PROCEDURE_ZH,
    REGISTER_HEADERS_ZH,
    TYPE_PROCEDURES,
    TYPE_REASON_ZH,
    DocKind,
)
from ingest.normalize import norm_text

UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class TypeRule:
    """Documents of `any_of` make a dossier this type, unless it also holds one of `unless` (which a
    higher row decides on)."""

    case_type: str
    procedure: str  # "" where the type has no procedures
    any_of: frozenset[DocKind]
    unless: frozenset[DocKind] = frozenset()


_PENALTY_FILE = frozenset({DocKind.DECISION, DocKind.PENALTY_NOTICE, DocKind.FILING_APPROVAL,
                           DocKind.DECISION_APPROVAL, DocKind.INVESTIGATION_REPORT, DocKind.HEARING_NOTICE})
_LICENSE_FILE = frozenset({DocKind.ACCEPTANCE_NOTICE, DocKind.NON_ACCEPTANCE_DECISION, DocKind.LICENSE_DECISION,
                           DocKind.LICENSE_REFUSAL, DocKind.LICENSE_APPLICATION, DocKind.CORRECTION_NOTICE,
                           DocKind.LICENSE_REVIEW_RECORD, DocKind.LICENSE_EXTENSION_NOTICE,
                           DocKind.LICENSE_CERTIFICATE})
# 行政检查: the documents only an inspection file holds. A 现场检查笔录 alone does not decide: every penalty file
# holds one, and a penalty file read in part would be taken for an inspection (the register or the name decides).
_INSPECTION_FILE = frozenset({DocKind.INSPECTION_APPROVAL, DocKind.INSPECTION_PLAN, DocKind.INSPECTION_NOTICE,
                              DocKind.INSPECTION_RESULT_NOTICE})
# 行政强制执行: an execution file (催告—决定—实施, or 申请法院) often holds a copy of the decision it enforces; it is
# a penalty file only when the penalty's own procedure documents are there too.
_EXECUTION_FILE = frozenset({DocKind.ENFORCEMENT_DECISION, DocKind.SUBSTITUTE_PERFORMANCE, DocKind.COURT_RULING,
                             DocKind.ENFORCEMENT_APPLICATION})
_PENALTY_PROCEDURE = frozenset({DocKind.PENALTY_NOTICE, DocKind.FILING_APPROVAL, DocKind.DECISION_APPROVAL,
                                DocKind.INVESTIGATION_REPORT, DocKind.HEARING_NOTICE, DocKind.ON_THE_SPOT_DECISION})
_MEASURE_FILE = frozenset({DocKind.SEIZURE, DocKind.FREEZE_DECISION})
_NOT_INSPECTION = _PENALTY_FILE | _LICENSE_FILE | _EXECUTION_FILE | {DocKind.ON_THE_SPOT_DECISION, DocKind.SEIZURE}

# First matching row wins. A penalty file holding a 扣押决定书 stays a penalty (its checklist's supplements score
# the measure); a 查封/扣押 without any penalty document is a coercive-measure file; an enforcement decision, a
# 代履行决定书, a court application or ruling without the penalty's procedure documents is an execution file.
TYPE_RULES: tuple[TypeRule, ...] = (
    TypeRule("penalty", "summary", frozenset({DocKind.ON_THE_SPOT_DECISION}), unless=frozenset({DocKind.DECISION})),
    TypeRule("coercion", "execution", _EXECUTION_FILE, unless=_PENALTY_PROCEDURE | _MEASURE_FILE),
    TypeRule("penalty", "general", _PENALTY_FILE),
    TypeRule("license", "", _LICENSE_FILE),
    TypeRule("coercion", "measure", _MEASURE_FILE),
    # an inspection with no penalty, licence or coercion document (an inspection that led to a case is that case)
    TypeRule("inspection", "", _INSPECTION_FILE, unless=_NOT_INSPECTION),
)


@dataclass(frozen=True, slots=True)
class CaseType:
    """A dossier's type and procedure, where they came from (documents | register | name | none) and why."""

    case_type: str
    procedure: str
    source: str
    reason: str

    @property
    def known(self) -> bool:
        return self.case_type != UNKNOWN

    @property
    def key(self) -> str:
        """The routing key: `penalty/summary`, `license`, `unknown`."""
        return f"{self.case_type}/{self.procedure}" if self.procedure else self.case_type


def type_label(case_type: str, procedure: str = "") -> str:
    """行政处罚（简易程序）, 行政许可, 行政强制执行: how a register or a message names the type."""
    name = CASE_TYPE_ZH.get(case_type, case_type)
    if procedure not in TYPE_PROCEDURES.get(case_type, ()):
        return name
    return f"{name}（{PROCEDURE_ZH[procedure]}）" if case_type == "penalty" else PROCEDURE_ZH[procedure]


def from_documents(kinds: set[DocKind] | frozenset[DocKind]) -> CaseType | None:
    """The first decision-table row the documents satisfy, with the documents that decided it."""
    for rule in TYPE_RULES:
        present = rule.any_of & kinds
        if present and not rule.unless & kinds:
            titles = "、".join(sorted(DOC_KIND_ZH[k] for k in present))
            return CaseType(rule.case_type, rule.procedure, "documents",
                            TYPE_REASON_ZH["documents"].format(documents=titles))
    return None


def parse_type_label(text: str) -> tuple[str, str] | None:
    """(case_type, procedure) named by a register cell or a folder mark (行政处罚（简易程序）, 行政许可, 简易 …)."""
    folded = norm_text(text)
    if not folded:
        return None
    if "简易" in folded or "当场" in folded:
        return "penalty", "summary"
    for procedure in TYPE_PROCEDURES["coercion"]:  # 行政强制措施 / 行政强制执行 (or 强制执行 alone)
        if PROCEDURE_ZH[procedure] in folded or PROCEDURE_ZH[procedure][2:] in folded:
            return "coercion", procedure
    for case_type, name in CASE_TYPE_ZH.items():
        if case_type != UNKNOWN and name in folded or name[2:] in folded:
            return case_type, "general" if case_type == "penalty" else ""
    return None


def from_name(name: str) -> CaseType | None:
    """The type a case's folder or file name marks (CASE_TYPE_NAME_MARKS), if any."""
    for mark, label in CASE_TYPE_NAME_MARKS:
        if mark in name:
            parsed = parse_type_label(label)
            if parsed:
                return CaseType(*parsed, "name", TYPE_REASON_ZH["name"].format(name=name, mark=mark))
    return None


def from_register(label: str, register: str) -> CaseType | None:
    parsed = parse_type_label(label)
    if parsed is None:
        return None
    return CaseType(*parsed, "register", TYPE_REASON_ZH["register"].format(register=register, label=label))


def decide_case_type(kinds: set[DocKind] | frozenset[DocKind], register_label: str = "", register: str = "",
                     name: str = "") -> CaseType:
    """Documents first, then the register's entry, then the folder or file name; else unknown with the reason."""
    decided = from_documents(kinds)
    if decided is None and register_label:
        decided = from_register(register_label, register)
    if decided is None and name:
        decided = from_name(name)
    return decided or CaseType(UNKNOWN, "", "none", TYPE_REASON_ZH["unknown"])


def dossier_id_name(dossier_id: str) -> str:
    """What a register or a folder mark names: the case folder's name, or its file's name without the suffix."""
    name = dossier_id.rsplit("/", 1)[-1]
    return name.rsplit(".", 1)[0] if name.lower().endswith((".pdf", ".docx", ".xlsx")) else name


# ------------------------------------------------------------------------------------------- the register


def register_types(path: Path) -> dict[str, str]:
    """Case name (normalised) -> type label from a register with a case-number and a type column; else {}."""
    return dict(_register_types(str(path), path.stat().st_mtime_ns if path.exists() else 0))


@lru_cache(maxsize=32)
def _register_types(path: str, mtime_ns: int) -> tuple[tuple[str, str], ...]:
    del mtime_ns  # part of the cache key only
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception:  # an unreadable register is reported by the run; the type falls back to the name
        return ()
    keys, labels = REGISTER_HEADERS_ZH["case_key"], REGISTER_HEADERS_ZH["case_type"]
    types: dict[str, str] = {}
    try:
        for ws in book.worksheets:
            key_col = type_col = None
            for row in ws.iter_rows(values_only=True):
                cells = [norm_text(c) for c in row]
                if key_col is None:
                    key_col = next((cells.index(h) for h in keys if h in cells), None)
                    type_col = next((cells.index(h) for h in labels if h in cells), None)
                    if key_col is None or type_col is None:
                        key_col = type_col = None
                    continue
                if key_col < len(cells) and type_col < len(cells) and cells[key_col] and cells[type_col]:
                    types[cells[key_col]] = cells[type_col]
            if types:
                break
    finally:
        book.close()
    return tuple(types.items())
