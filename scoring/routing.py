"""Which checklist scores which dossier: a campaign maps case types (and penalty procedures) to checklists.

A campaign meets files of several kinds of act; a summary-procedure penalty scored against the general
standard gets deductions for steps the law does not ask of it. So each file goes to the checklist of its type
(ingest/case_type.py), and a file whose type the campaign has no checklist for is listed with the reason,
never scored against another type's standard. The plan is plain data (ids, paths, hashes) so it travels to
worker processes and keys the dossier cache.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from ingest.case_type import UNKNOWN, parse_type_label, type_label
from ingest.glossary import CASE_TYPE_ZH, TYPE_PROCEDURES
from scoring.checklist import BUNDLED_DIR, Checklist, ChecklistError, Issue
from scoring.glossary import ROUTING_ZH

# The default campaign: every bundled standard for the type it was written for (a missing file is skipped).
DEFAULT_ROUTES: tuple[tuple[str, str], ...] = (
    ("penalty/general", "penalty-general"),
    ("penalty/summary", "penalty-simple"),
    ("license", "license"),
    ("coercion/measure", "coercion-measure"),
    ("coercion/execution", "coercion-execution"),
    ("inspection", "inspection"),
)
PRIMARY_KEY = "penalty/general"  # what `--checklist ID` alone maps (the one type pingcha scored before routing)


def type_keys() -> tuple[str, ...]:
    """Every key a campaign may map: a case type, or one of its procedures (penalty/summary, coercion/execution)."""
    keys = [t for t in CASE_TYPE_ZH if t != UNKNOWN]
    return (*keys, *(f"{t}/{p}" for t, procedures in TYPE_PROCEDURES.items() for p in procedures))


def parse_type_key(text: str) -> str:
    """`penalty/summary`, `license`, `coercion/execution`, or their Chinese names (行政许可, 行政处罚（简易程序）,
    行政强制执行) → the key; else ChecklistError naming the keys there are."""
    key = text.strip()
    if key in type_keys():
        return key
    parsed = parse_type_label(key)
    if parsed is not None:
        case_type, procedure = parsed
        named = case_type == "coercion" or "程序" in key or "简易" in key  # 行政处罚 alone is the whole type
        return f"{case_type}/{procedure}" if procedure and named else case_type
    known = ", ".join(type_keys())
    raise ChecklistError([Issue("checklist", 0, "type", ROUTING_ZH["bad_type"].format(type=text, known=known))])


@dataclass(frozen=True, slots=True)
class Route:
    key: str  # penalty/general | penalty/summary | penalty | license | inspection | coercion[/measure|/execution]
    source: str  # the checklist file
    content_hash: str
    checklist_id: str


@dataclass(frozen=True, slots=True)
class RoutePlan:
    """The campaign's checklists by type; the first route is the primary one (it scores unreadable files)."""

    routes: tuple[Route, ...]

    @classmethod
    def of(cls, checklists: dict[str, Checklist]) -> RoutePlan:
        return cls(tuple(Route(key, str(c.source_path), c.content_hash, c.id) for key, c in checklists.items()))

    @classmethod
    def single(cls, source: str, content_hash: str, checklist_id: str = "") -> RoutePlan:
        """One checklist for general-procedure penalties (a run before routing)."""
        return cls((Route(PRIMARY_KEY, source, content_hash, checklist_id),))

    @property
    def primary(self) -> Route:
        return next((r for r in self.routes if r.key == PRIMARY_KEY), self.routes[0])

    @property
    def content_hash(self) -> str:
        """One hash for the whole plan: the dossier cache's key changes with any checklist or mapping."""
        if len(self.routes) == 1 and self.routes[0].key == PRIMARY_KEY:
            return self.routes[0].content_hash  # a single-type run keeps the keys it had before routing
        digest = hashlib.sha256()
        for route in self.routes:
            digest.update(f"{route.key}={route.content_hash};".encode())
        return digest.hexdigest()

    @property
    def multi_type(self) -> bool:
        return len(self.routes) > 1

    def route_for(self, case_type: str, procedure: str) -> Route | None:
        """The checklist of `case_type`/`procedure`: the exact procedure's first, then the whole type's."""
        by_key = {r.key: r for r in self.routes}
        return by_key.get(f"{case_type}/{procedure}") or by_key.get(case_type)

    def unrouted_reason(self, case_type: str, procedure: str, type_reason: str) -> str:
        """Why a file is not scored, in the words a reviewer reads."""
        if case_type == UNKNOWN:
            return ROUTING_ZH["unknown"].format(reason=type_reason)
        return ROUTING_ZH["no_checklist"].format(type=type_label(case_type, procedure),
                                                 known="、".join(type_label(*_split(r.key)) for r in self.routes))


def _split(key: str) -> tuple[str, str]:
    case_type, _, procedure = key.partition("/")
    return case_type, procedure


def default_routes() -> dict[str, str]:
    """The default campaign: each bundled standard of DEFAULT_ROUTES whose file exists, found by id."""
    return {key: cid for key, cid in DEFAULT_ROUTES if (BUNDLED_DIR / f"{cid}.yaml").is_file()}


def parse_checklist_args(values: list[str]) -> dict[str, str]:
    """Repeated `--checklist ID|PATH` / `--checklist TYPE=ID|PATH` → {type key: id or path}.

    A value without TYPE= maps the general-procedure penalty (the one type of a run before routing)."""
    out: dict[str, str] = {}
    for value in values:
        head, sep, tail = value.partition("=")
        key, source = (parse_type_key(head), tail.strip()) if sep else (PRIMARY_KEY, value.strip())
        if not source:
            raise ChecklistError([Issue("checklist", 0, "checklist", ROUTING_ZH["empty"].format(value=value))])
        if key in out and out[key] != source:
            raise ChecklistError([Issue("checklist", 0, "checklist",
                                        ROUTING_ZH["twice"].format(type=key, first=out[key], second=source))])
        out[key] = source
    return out
