"""Each rule kind's example, read from its module docstring, and the facts its cases describe.

The format is documented in scoring/rules/__init__.py. The example is the kind's documentation and its test
at once (as sqlfluff's per-rule case files are): tests/scoring/rules/test_rule_kinds.py runs every registered kind's cases,
so a kind that documents itself is tested with no edit elsewhere.
"""

from __future__ import annotations

import dataclasses
import re
import types
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any, Union, get_args, get_origin, get_type_hints

import yaml

from ingest.glossary import DOC_KIND_ZH, DocKind, ProblemKind
from ingest.model import CaseFacts, DocFacts, Elements, Evidence, Found, Position, Problem
from scoring.checklist import ChecklistItem
from scoring.glossary import Status
from scoring.rules.base import Outcome, RuleContext
from scoring.rules.registry import REGISTRY, RuleKind, RuleSpec

BLOCK = re.compile(r"^```yaml\n(.*?)^```", re.DOTALL | re.MULTILINE)
STATUSES = {s.value: s for s in Status}  # the case keys: pass, fail, n/a, unknown, manual
CASE_KEYS = {"facts", "message", "occurrences", "evidence"}


class ExampleError(ValueError):
    """A docstring example that does not follow the format."""


@dataclass(frozen=True)
class Case:
    status: Status
    facts: dict[str, Any]  # as written; `build_facts` makes the CaseFacts
    message: str | None = None  # the exact message, when given
    occurrences: int | None = None
    evidence: str | None = None  # the evidence's file; '' for an absence


@dataclass(frozen=True)
class Example:
    kind: str
    item: dict[str, Any]  # {kind, args}, as a checklist writes it
    parameters: dict[str, Any]
    cases: tuple[Case, ...]


def example_of(kind: RuleKind) -> Example:
    """The kind's example: the one ```yaml block of its module docstring."""
    blocks = BLOCK.findall(kind.doc)
    if len(blocks) != 1:
        raise ExampleError(f"{kind.name}: its docstring needs exactly one ```yaml block, found {len(blocks)}")
    raw = yaml.safe_load(blocks[0])
    if not isinstance(raw, dict) or not isinstance(raw.get("item"), dict):
        raise ExampleError(f"{kind.name}: the example needs an `item: {{kind, args}}`")
    unknown = raw.keys() - {"item", "parameters", *STATUSES}
    if unknown:
        raise ExampleError(f"{kind.name}: unknown key(s) {', '.join(sorted(unknown))} in the example")
    cases = []
    for key, status in STATUSES.items():
        written = raw.get(key, [])
        for case in written if isinstance(written, list) else [written]:
            if not isinstance(case, dict) or "facts" not in case or case.keys() - CASE_KEYS:
                raise ExampleError(f"{kind.name}: a `{key}` case is {{facts, message, occurrences, evidence}}")
            cases.append(Case(status, case["facts"] or {}, *(case.get(k) for k in ("message", "occurrences", "evidence"))))
    return Example(kind.name, raw["item"], raw.get("parameters") or {}, tuple(cases))


def build_rule(kind_name: str, raw_args: dict[str, Any] | None) -> RuleSpec:
    """A rule as the checklist loader builds it: composite kinds' sub-rules first, then the args schema."""
    kind = REGISTRY[kind_name]
    args = dict(raw_args or {})
    if kind.composite:
        args["rules"] = tuple(build_rule(sub["kind"], sub.get("args")) for sub in args.get("rules", ()))
    return RuleSpec(kind_name, kind.args_model.model_validate(args))


def build_item(item: dict[str, Any]) -> ChecklistItem:
    spec = build_rule(item["kind"], item.get("args"))
    return ChecklistItem("EX", item["kind"], "", 1, 1, False, spec.kind, spec.args, "", item.get("rationale", ""))


def run_case(example: Example, case: Case) -> Outcome:
    item = build_item(example.item)
    return REGISTRY[item.kind].evaluate(item, build_facts(case.facts), RuleContext(example.parameters))


# ---------------------------------------------------------------------------------------------------
# Facts from YAML: a value read from a document is written bare; its evidence is that document's file
# ---------------------------------------------------------------------------------------------------


def build_facts(raw: dict[str, Any]) -> CaseFacts:
    """documents: [{file, kind, <DocFacts field>: value …}], elements: {<Elements field>: value …},
    problems: [{file, kind, message}]. A Found value is written bare (its evidence: the document's file,
    the value as quote) or as {value, file, quote}."""
    _no_unknown(raw, {"documents", "elements", "problems"}, "facts")
    documents = [_document(d) for d in raw.get("documents") or []]
    elements = _build(Elements, raw.get("elements") or {}, "")
    problems = [
        Problem("案卷", p.get("file", ""), ProblemKind(p["kind"]), p.get("message", "")) for p in raw.get("problems") or []
    ]
    return CaseFacts("案卷", "单位", documents, elements, problems)


def _document(raw: dict[str, Any]) -> DocFacts:
    kind = DocKind(raw["kind"])
    fields = {k: v for k, v in raw.items() if k not in ("file", "kind")}
    fields.setdefault("title", DOC_KIND_ZH[kind])
    return _build(DocFacts, {"source_file": raw.get("file", ""), "kind": kind, **fields}, raw.get("file", ""))


def _no_unknown(raw: dict[str, Any], known: set[str], where: str) -> None:
    unknown = raw.keys() - known
    if unknown:
        raise ExampleError(f"unknown key(s) {', '.join(sorted(unknown))} in {where}")


def _build(cls: type, raw: dict[str, Any], file: str) -> Any:
    hints = get_type_hints(cls)
    _no_unknown(raw, set(hints), cls.__name__)
    values = {name: _convert(hints[name], value, file) for name, value in raw.items()}
    for f in dataclasses.fields(cls):
        if hints[f.name] is Evidence and f.name not in values:
            values[f.name] = Evidence(file)
    return cls(**values)


def _convert(tp: Any, raw: Any, file: str) -> Any:
    origin, params = get_origin(tp), get_args(tp)
    if origin in (Union, types.UnionType):
        inner = [p for p in params if p is not type(None)]
        return None if raw is None else _convert(inner[0], raw, file)
    if origin is Found:
        if isinstance(raw, dict) and "value" in raw:
            where = raw.get("file", file)
            return Found(_convert(params[0], raw["value"], where), Evidence(where, Position(), raw.get("quote", "")))
        return Found(_convert(params[0], raw, file), Evidence(file, Position(), str(raw)))
    if origin is list:
        return [_convert(params[0], r, file) for r in raw]
    if origin is dict:
        return {_convert(params[0], k, file): _convert(params[1], v, file) for k, v in raw.items()}
    if origin is tuple:
        return tuple(_convert(p, r, file) for p, r in zip(params, raw, strict=True))
    if tp is Decimal:
        return Decimal(str(raw))
    if tp is date and isinstance(raw, str):
        return date.fromisoformat(raw)
    if tp is datetime and isinstance(raw, str):
        return datetime.fromisoformat(raw)
    if isinstance(tp, type) and issubclass(tp, Enum):
        return tp(raw)
    if isinstance(tp, type) and dataclasses.is_dataclass(tp) and isinstance(raw, dict):
        return _build(tp, raw, file)
    return raw
