"""Checklists as data: load a review standard (评查标准) from YAML, validate it, describe it.

A checklist file holds every number and every item (checklist-penalty-general.md: "Points and thresholds are
parameters of the checklist file, not code"). Validation errors name file, line and field, one per line,
like a linter: `penalty-general.yaml:57: R09: unknown rule kind 'within_dayz'`.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from ingest.errors import PingchaError
from scoring.rules import REGISTRY, Args, RuleSpec
from scoring.rules.registry import ParamRef

BUNDLED_DIR = Path(__file__).parent / "checklists"
PARTY_KINDS = ("individual", "organisation")
TOP_KEYS = {"id", "version", "title", "description", "parameters", "categories", "grades", "items"}
ITEM_KEYS = {"code", "name", "category", "points", "cap", "veto", "kind", "args", "statute", "rationale"}
CODE_RE = re.compile(r"^[A-Z][A-Z0-9]{1,7}$")
NAME_RE = re.compile(r"^[a-z][a-z0-9_]*$")

DESCRIBE_HEADER = ("编号", "评查项目", "评查类别", "分值", "扣分上限", "否决项", "检查方式", "法律依据")


@dataclass(frozen=True)
class Issue:
    file: str
    line: int
    where: str  # item code or field path
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.where}: {self.message}"


class ChecklistError(PingchaError):
    """A checklist that cannot be used. str() is the first problem on one line; `issues` holds them all."""

    def __init__(self, issues: list[Issue]) -> None:
        self.issues = issues
        super().__init__(str(issues[0]))


@dataclass(frozen=True)
class Category:
    name: str
    points: int  # 0 for the veto category
    veto: bool = False


@dataclass(frozen=True)
class GradeBand:
    grade: str
    min_score: float  # the band holds scores >= min_score


@dataclass(frozen=True)
class ChecklistItem:
    code: str
    name: str
    category: str
    points: float  # per occurrence; 0 for veto items
    cap: float
    veto: bool
    kind: str
    args: Args
    statute: str
    rationale: str
    line: int = 0

    @property
    def rule(self) -> RuleSpec:
        return RuleSpec(self.kind, self.args, self.line)


@dataclass(frozen=True)
class Checklist:
    id: str
    version: str
    title: str
    content_hash: str  # sha256 of the file's bytes, hex
    parameters: dict[str, Any]
    categories: tuple[Category, ...]
    items: tuple[ChecklistItem, ...]
    grades: tuple[GradeBand, ...]  # highest first; the last has min_score 0
    source_path: Path
    description: str = ""
    _by_code: dict[str, ChecklistItem] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_code", {i.code: i for i in self.items})

    def item(self, code: str) -> ChecklistItem:
        return self._by_code[code]

    def category(self, name: str) -> Category:
        return next(c for c in self.categories if c.name == name)

    @property
    def fail_grade(self) -> str:
        return self.grades[-1].grade


def available_checklists() -> list[str]:
    """Ids of the checklists bundled with pingcha."""
    return sorted(p.stem for p in BUNDLED_DIR.glob("*.yaml"))


def resolve_checklist(id_or_path: str) -> Path:
    path = Path(id_or_path)
    if path.suffix in (".yaml", ".yml") or path.exists() or "/" in id_or_path:
        return path
    return BUNDLED_DIR / f"{id_or_path}.yaml"


# ---------------------------------------------------------------------------------------------------
# YAML with line numbers
# ---------------------------------------------------------------------------------------------------


class _Source:
    """The parsed file plus a map from each value's path to its line, and the issues found so far."""

    def __init__(self, name: str, text: str) -> None:
        self.name = name
        self.issues: list[Issue] = []
        self.lines: dict[tuple, int] = {}
        loader = yaml.SafeLoader(text)
        try:
            node = loader.get_single_node()
            self.data = loader.construct_document(node) if node is not None else None
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = mark.line + 1 if mark else 1
            problem = getattr(exc, "problem", None) or str(exc)
            raise ChecklistError([Issue(name, line, "yaml", problem)]) from exc
        finally:
            loader.dispose()
        if node is not None:
            self._walk(node, ())

    def _walk(self, node: yaml.Node, path: tuple) -> None:
        self.lines.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            seen: set = set()
            for key_node, value_node in node.value:
                key = key_node.value
                if key in seen:
                    self.issues.append(Issue(self.name, key_node.start_mark.line + 1, _fmt(path) or "file",
                                             f"duplicate key '{key}'"))
                seen.add(key)
                self.lines[(*path, key)] = key_node.start_mark.line + 1
                self._walk(value_node, (*path, key))
        elif isinstance(node, yaml.SequenceNode):
            for i, child in enumerate(node.value):
                self._walk(child, (*path, i))

    def line(self, path: tuple) -> int:
        while path and path not in self.lines:
            path = path[:-1]
        return self.lines.get(path, 1)

    def error(self, path: tuple, where: str, message: str) -> None:
        self.issues.append(Issue(self.name, self.line(path), where, message))


def _fmt(path: tuple) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


# ---------------------------------------------------------------------------------------------------
# Loading
# ---------------------------------------------------------------------------------------------------


def load_checklist(id_or_path: str) -> Checklist:
    """Load and validate a checklist by bundled id (`penalty-general`) or by path to a YAML file."""
    path = resolve_checklist(str(id_or_path))
    if not path.is_file():
        known = ", ".join(available_checklists())
        raise ChecklistError([Issue(path.name, 0, "checklist", f"no such checklist '{id_or_path}' (bundled: {known})")])
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ChecklistError([Issue(path.name, 1, "file", "not UTF-8 text")]) from exc
    src = _Source(path.name, text)
    checklist = _build(src, path, hashlib.sha256(raw).hexdigest())
    if src.issues:
        raise ChecklistError(src.issues)
    assert checklist is not None
    return checklist


def _build(src: _Source, path: Path, digest: str) -> Checklist | None:
    data = src.data
    if not isinstance(data, dict):
        src.error((), "file", "a checklist is a mapping with id, version, title, parameters, categories, grades, items")
        return None
    for key in data.keys() - TOP_KEYS:
        src.error((key,), str(key), f"unknown key '{key}'")
    for key in sorted(TOP_KEYS - {"description"} - data.keys()):
        src.error((), key, f"missing '{key}'")
    for key in ("id", "title"):
        if key in data and not (isinstance(data[key], str) and data[key].strip()):
            src.error((key,), key, "must be a non-empty string")
    parameters = _parameters(src, data.get("parameters"))
    categories = _categories(src, data.get("categories"))
    grades = _grades(src, data.get("grades"))
    items = _items(src, data.get("items"), {c.name: c for c in categories}, parameters)
    if src.issues:
        return None
    return Checklist(
        id=data["id"],
        version=str(data["version"]),
        title=data["title"],
        content_hash=digest,
        parameters=parameters,
        categories=tuple(categories),
        items=tuple(items),
        grades=tuple(grades),
        source_path=path,
        description=str(data.get("description") or ""),
    )


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and value >= 0


def _parameters(src: _Source, raw: Any) -> dict[str, Any]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        src.error(("parameters",), "parameters", "must be a mapping of name: value")
        return {}
    out: dict[str, Any] = {}
    for name, value in raw.items():
        where = f"parameters.{name}"
        if not NAME_RE.match(str(name)):
            src.error(("parameters", name), where, "parameter names are lower_snake_case")
        elif _number(value):
            out[name] = value
        elif isinstance(value, dict) and set(value) == set(PARTY_KINDS) and all(map(_number, value.values())):
            out[name] = dict(value)
        else:
            src.error(("parameters", name), where,
                      "must be a non-negative number or {individual: number, organisation: number}")
    return out


def _categories(src: _Source, raw: Any) -> list[Category]:
    if not isinstance(raw, list) or not raw:
        if raw is not None:
            src.error(("categories",), "categories", "must be a list of {name, points}")
        return []
    out: list[Category] = []
    for i, entry in enumerate(raw):
        path = ("categories", i)
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            src.error(path, _fmt(path), "a category needs a name")
            continue
        extra = entry.keys() - {"name", "points", "veto"}
        for key in extra:
            src.error((*path, key), _fmt((*path, key)), f"unknown key '{key}'")
        veto = entry.get("veto", False) is True
        points = entry.get("points", 0)
        if any(c.name == entry["name"] for c in out):
            src.error(path, _fmt(path), f"duplicate category '{entry['name']}'")
        if veto and points:
            src.error((*path, "points"), _fmt((*path, "points")), "the veto category has no points")
        elif not veto and not (isinstance(points, int) and not isinstance(points, bool) and points > 0):
            src.error((*path, "points"), _fmt((*path, "points")), "points must be a positive integer")
            continue
        out.append(Category(entry["name"], 0 if veto else points, veto))
    total = sum(c.points for c in out)
    if out and total != 100:
        src.error(("categories",), "categories", f"category points sum to {total}, not 100")
    return out


def _grades(src: _Source, raw: Any) -> list[GradeBand]:
    if not isinstance(raw, list) or not raw:
        if raw is not None:
            src.error(("grades",), "grades", "must be a list of {grade, min}, highest first")
        return []
    out: list[GradeBand] = []
    for i, entry in enumerate(raw):
        path = ("grades", i)
        if not (isinstance(entry, dict) and isinstance(entry.get("grade"), str) and _number(entry.get("min"))
                and set(entry) == {"grade", "min"}):
            src.error(path, _fmt(path), "a grade band is {grade: name, min: score}")
            continue
        if out and entry["min"] >= out[-1].min_score:
            src.error((*path, "min"), _fmt((*path, "min")), "bands must be listed from the highest minimum down")
        out.append(GradeBand(entry["grade"], float(entry["min"])))
    if out and out[-1].min_score != 0:
        src.error(("grades", len(raw) - 1), "grades", "the last band must start at 0")
    return out


def _items(src: _Source, raw: Any, categories: dict[str, Category], params: dict[str, Any]) -> list[ChecklistItem]:
    if not isinstance(raw, list) or not raw:
        if raw is not None:
            src.error(("items",), "items", "must be a non-empty list of items")
        return []
    out: list[ChecklistItem] = []
    codes: set[str] = set()
    for i, entry in enumerate(raw):
        path = ("items", i)
        if not isinstance(entry, dict):
            src.error(path, _fmt(path), "an item is a mapping")
            continue
        code = str(entry.get("code", ""))
        where = code or _fmt(path)
        n_before = len(src.issues)
        if not CODE_RE.match(code):
            src.error((*path, "code"), where, f"bad item code '{code}' (e.g. R09)")
        elif code in codes:
            src.error((*path, "code"), where, f"duplicate item code '{code}'")
        codes.add(code)
        for key in sorted(entry.keys() - ITEM_KEYS):
            src.error((*path, key), where, f"unknown key '{key}'")
        for key in ("name", "category", "kind", "statute", "rationale"):
            if not (isinstance(entry.get(key), str) and entry[key].strip()):
                src.error((*path, key), where, f"missing '{key}'")
        veto = entry.get("veto", False)
        if not isinstance(veto, bool):
            src.error((*path, "veto"), where, "veto must be true or false")
            veto = False
        category = categories.get(entry.get("category"))
        if category is None and isinstance(entry.get("category"), str):
            src.error((*path, "category"), where, f"unknown category '{entry['category']}'")
        elif category is not None and category.veto != veto:
            src.error((*path, "category"), where,
                      "veto items belong to the veto category, and only they" )
        points, cap = entry.get("points", 0), entry.get("cap", entry.get("points", 0))
        if veto:
            if points or cap:
                src.error((*path, "points"), where, "a veto item has no points")
        else:
            if not (_number(points) and points > 0):
                src.error((*path, "points"), where, "points must be positive")
            elif not (_number(cap) and cap >= points):
                src.error((*path, "cap"), where, f"cap ({cap}) must be at least points ({points})")
        spec = _rule(src, entry.get("kind"), entry.get("args"), path, where, params, len(path)) if isinstance(
            entry.get("kind"), str) else None
        if len(src.issues) == n_before and spec is not None:
            out.append(ChecklistItem(code, entry["name"].strip(), entry["category"], float(points), float(cap),
                                     veto, spec.kind, spec.args, entry["statute"].strip(),
                                     entry["rationale"].strip(), src.line(path)))
    return out


def _rule(src: _Source, kind_name: str, raw_args: Any, path: tuple, where: str,
          params: dict[str, Any], depth: int) -> RuleSpec | None:
    """Build one rule (recursively for composite kinds); the kind's args schema validates its args.
    `depth` is the length of the item's own path, so that field names read from the item down."""
    kind = REGISTRY.get(kind_name)
    if kind is None:
        src.error((*path, "kind"), where, f"unknown rule kind '{kind_name}'")
        return None
    raw_args = {} if raw_args is None else raw_args
    args_path = (*path, "args")
    if not isinstance(raw_args, dict):
        src.error(args_path, where, "args must be a mapping")
        return None
    n_before = len(src.issues)
    if kind.composite:
        subs = raw_args.get("rules")
        if isinstance(subs, list):
            built = []
            for j, sub in enumerate(subs):
                sub_path = (*args_path, "rules", j)
                if not isinstance(sub, dict) or not isinstance(sub.get("kind"), str):
                    src.error(sub_path, where, "a sub-rule is {kind: name, args: {…}}")
                    continue
                for key in sub.keys() - {"kind", "args"}:
                    src.error((*sub_path, key), where, f"unknown key '{key}' in sub-rule")
                built.append(_rule(src, sub["kind"], sub.get("args"), sub_path, where, params, depth))
            raw_args = {**raw_args, "rules": tuple(built)}
    if len(src.issues) > n_before:
        return None
    try:
        args = kind.args_model.model_validate(raw_args)
    except ValidationError as exc:
        # a typo shows as an unknown arg and a missing one: report the unknown one first
        for err in sorted(exc.errors(), key=lambda e: e["type"] != "extra_forbidden"):
            loc = tuple(p for p in err["loc"] if isinstance(p, int | str))
            field_name = _fmt((*args_path[depth:], *loc))
            if err["type"] == "extra_forbidden":
                msg = f"unknown arg '{_fmt(loc)}' for rule kind '{kind_name}'"
            elif err["type"] == "missing":
                msg = f"missing arg '{_fmt(loc)}' for rule kind '{kind_name}'"
            else:
                msg = f"{field_name}: {err['msg'].removeprefix('Value error, ')}"
            src.error((*args_path, *loc), where, msg)
        return None
    for loc, name, shape in _param_refs(args, ()):
        field_name = _fmt((*args_path[depth:], *loc))
        if name not in params:
            src.error((*args_path, *loc), where, f"{field_name}: unknown parameter '{name}'")
        elif shape == "by_party" and not isinstance(params[name], dict):
            src.error((*args_path, *loc), where, f"{field_name}: parameter '{name}' must give individual and organisation")
        elif shape == "int" and isinstance(params[name], dict):
            src.error((*args_path, *loc), where, f"{field_name}: parameter '{name}' must be a single number")
    check = getattr(args, "check_parameters", None)
    if check is not None:
        for loc, msg in check(params):
            src.error((*args_path, *loc), where, f"{_fmt((*args_path[depth:], *loc))}: {msg}")
    return RuleSpec(kind_name, args, src.line(path))


def _param_refs(model: BaseModel, loc: tuple) -> list[tuple[tuple, str, str]]:
    """Every (location, parameter name, shape) an args model refers to, nested models included."""
    refs = []
    for name, info in type(model).model_fields.items():
        value = getattr(model, name)
        marks = [m for m in info.metadata if isinstance(m, ParamRef)]
        if marks and value is not None:
            refs.append(((*loc, name), value, marks[0].shape))
        elif isinstance(value, BaseModel):
            refs += _param_refs(value, (*loc, name))
        elif isinstance(value, tuple):
            for i, sub in enumerate(value):
                if isinstance(sub, BaseModel):
                    refs += _param_refs(sub, (*loc, name, i))
    return refs


# ---------------------------------------------------------------------------------------------------
# Describing
# ---------------------------------------------------------------------------------------------------


def _kind_label(spec: RuleSpec) -> str:
    if REGISTRY[spec.kind].composite:
        return f"{spec.kind}({', '.join(_kind_label(s) for s in spec.args.rules)})"  # type: ignore[attr-defined]
    return spec.kind


def describe_checklist(checklist: Checklist) -> list[tuple]:
    """One row per item, in order: (code, name, category, points, cap, veto, kind, statute).

    Points and cap are None for veto items. `DESCRIBE_HEADER` holds the Chinese column names."""
    return [
        (
            item.code,
            item.name,
            item.category,
            None if item.veto else _num(item.points),
            None if item.veto else _num(item.cap),
            item.veto,
            _kind_label(item.rule),
            item.statute,
        )
        for item in checklist.items
    ]


def _num(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value
