"""Check a parsed checklist file and build the typed Checklist from it, reporting every problem at once.

Parse, don't validate: each section is checked and turned into its model in one pass, so a Checklist that
exists is a usable one. Problems are collected in the Source (with their lines), not raised one by one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from ingest.glossary import DocKind
from scoring.checklist.model import Category, Checklist, ChecklistError, ChecklistItem, GradeBand, Supplement
from scoring.checklist.source import Source, fmt_path
from scoring.rules import REGISTRY, RuleSpec
from scoring.rules.registry import ParamRef

PARTY_KINDS = ("individual", "organisation")
TOP_KEYS = {"id", "version", "title", "description", "parameters", "categories", "grades", "items", "supplements"}
SUPPLEMENT_KEYS = {"checklist", "id", "title", "when_any", "categories", "items"}
ITEM_KEYS = {"code", "name", "category", "points", "cap", "veto", "kind", "args", "statute", "rationale"}
CODE_RE = re.compile(r"^[A-Z][A-Z0-9]{1,7}$")
NAME_RE = re.compile(r"^[a-z][a-z0-9_]*$")


def build_checklist(src: Source, path: Path, digest: str,
                    load_ref: Callable[[str], Checklist] | None = None) -> Checklist | None:
    """The Checklist of a parsed file, or None when `src` collected any issue.

    `load_ref` loads a supplement that names another checklist (by id, or by path beside this file)."""
    data = src.data
    if not isinstance(data, dict):
        src.error((), "file", "a checklist is a mapping with id, version, title, parameters, categories, grades, items")
        return None
    for key in data.keys() - TOP_KEYS:
        src.error((key,), str(key), f"unknown key '{key}'")
    for key in sorted(TOP_KEYS - {"description", "supplements"} - data.keys()):
        src.error((), key, f"missing '{key}'")
    for key in ("id", "title"):
        if key in data and not (isinstance(data[key], str) and data[key].strip()):
            src.error((key,), key, "must be a non-empty string")
    parameters = _parameters(src, data.get("parameters"))
    categories = _categories(src, data.get("categories"))
    grades = _grades(src, data.get("grades"))
    items = _items(src, data.get("items"), {c.name: c for c in categories}, parameters)
    supplements = _supplements(src, data.get("supplements"), parameters, grades, path, load_ref)
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
        supplements=tuple(supplements),
    )


def _supplements(src: Source, raw: Any, params: dict[str, Any], grades: list[GradeBand], path: Path,
                 load_ref: Callable[[str], Checklist] | None) -> list[Supplement]:
    """`supplements:` entries: {checklist: ID|PATH, when_any: [kinds]} or {id, title, when_any, items
    [, categories]} with this file's parameters and grade bands (one category named by the title by default)."""
    if raw is None:
        return []
    if not isinstance(raw, list):
        src.error(("supplements",), "supplements", "must be a list of {checklist | id, title, items} with when_any")
        return []
    kinds = {k.value for k in DocKind}
    out: list[Supplement] = []
    for i, entry in enumerate(raw):
        at = ("supplements", i)
        where = fmt_path(at)
        if not isinstance(entry, dict):
            src.error(at, where, "a supplement is a mapping")
            continue
        n_before = len(src.issues)
        for key in sorted(entry.keys() - SUPPLEMENT_KEYS):
            src.error((*at, key), where, f"unknown key '{key}'")
        triggers = entry.get("when_any")
        if not (isinstance(triggers, list) and triggers and all(isinstance(t, str) for t in triggers)):
            src.error((*at, "when_any"), where, "when_any must list document kinds (e.g. [seizure])")
            triggers = []
        for t in triggers:
            if t not in kinds:
                src.error((*at, "when_any"), where, f"unknown document kind '{t}'")
        checklist = _supplement_checklist(src, entry, at, where, params, grades, path, load_ref)
        if checklist is not None and len(src.issues) == n_before:
            out.append(Supplement(checklist, frozenset(triggers), src.line(at)))
    return out


def _supplement_checklist(src: Source, entry: dict, at: tuple, where: str, params: dict[str, Any],
                          grades: list[GradeBand], path: Path,
                          load_ref: Callable[[str], Checklist] | None) -> Checklist | None:
    if "checklist" in entry:
        if {"id", "title", "items", "categories"} & entry.keys():
            src.error(at, where, "a supplement names another checklist or lists its own items, not both")
            return None
        ref = str(entry["checklist"])
        if load_ref is None:
            src.error((*at, "checklist"), where, "supplement checklists cannot be loaded here")
            return None
        beside = path.parent / ref
        try:
            return load_ref(str(beside) if ref.endswith((".yaml", ".yml")) and beside.exists() else ref)
        except ChecklistError as exc:
            src.error((*at, "checklist"), where, f"supplement checklist '{ref}': {exc}")
            return None
    missing = [key for key in ("id", "title") if not (isinstance(entry.get(key), str) and entry[key].strip())]
    for key in missing:
        src.error((*at, key), where, f"missing '{key}'")
    if missing:
        return None
    n_before = len(src.issues)
    categories = _categories(src, entry["categories"]) if "categories" in entry else [Category(entry["title"], 100)]
    items = _items(src, entry.get("items"), {c.name: c for c in categories}, params)
    if "items" not in entry:
        src.error(at, where, "missing 'items'")
    if len(src.issues) > n_before:
        return None
    return Checklist(id=entry["id"], version="", title=entry["title"], content_hash="", parameters=params,
                     categories=tuple(categories), items=tuple(items), grades=tuple(grades), source_path=path)


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and value >= 0


def _parameters(src: Source, raw: Any) -> dict[str, Any]:
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
        elif isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value):
            out[name] = list(value)  # a list of names (音像记录事项清单): the kind that reads it checks its words
        else:
            src.error(("parameters", name), where,
                      "must be a non-negative number, {individual: number, organisation: number} or a list of names")
    return out


def _categories(src: Source, raw: Any) -> list[Category]:
    if not isinstance(raw, list) or not raw:
        if raw is not None:
            src.error(("categories",), "categories", "must be a list of {name, points}")
        return []
    out: list[Category] = []
    for i, entry in enumerate(raw):
        path = ("categories", i)
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            src.error(path, fmt_path(path), "a category needs a name")
            continue
        extra = entry.keys() - {"name", "points", "veto"}
        for key in extra:
            src.error((*path, key), fmt_path((*path, key)), f"unknown key '{key}'")
        veto = entry.get("veto", False) is True
        points = entry.get("points", 0)
        if any(c.name == entry["name"] for c in out):
            src.error(path, fmt_path(path), f"duplicate category '{entry['name']}'")
        if veto and points:
            src.error((*path, "points"), fmt_path((*path, "points")), "the veto category has no points")
        elif not veto and not (isinstance(points, int) and not isinstance(points, bool) and points > 0):
            src.error((*path, "points"), fmt_path((*path, "points")), "points must be a positive integer")
            continue
        out.append(Category(entry["name"], 0 if veto else points, veto))
    total = sum(c.points for c in out)
    if out and total != 100:
        src.error(("categories",), "categories", f"category points sum to {total}, not 100")
    return out


def _grades(src: Source, raw: Any) -> list[GradeBand]:
    if not isinstance(raw, list) or not raw:
        if raw is not None:
            src.error(("grades",), "grades", "must be a list of {grade, min}, highest first")
        return []
    out: list[GradeBand] = []
    for i, entry in enumerate(raw):
        path = ("grades", i)
        if not (isinstance(entry, dict) and isinstance(entry.get("grade"), str) and _number(entry.get("min"))
                and set(entry) == {"grade", "min"}):
            src.error(path, fmt_path(path), "a grade band is {grade: name, min: score}")
            continue
        if out and entry["min"] >= out[-1].min_score:
            src.error((*path, "min"), fmt_path((*path, "min")), "bands must be listed from the highest minimum down")
        out.append(GradeBand(entry["grade"], float(entry["min"])))
    if out and out[-1].min_score != 0:
        src.error(("grades", len(raw) - 1), "grades", "the last band must start at 0")
    return out


def _items(src: Source, raw: Any, categories: dict[str, Category], params: dict[str, Any]) -> list[ChecklistItem]:
    if not isinstance(raw, list) or not raw:
        if raw is not None:
            src.error(("items",), "items", "must be a non-empty list of items")
        return []
    out: list[ChecklistItem] = []
    codes: set[str] = set()
    for i, entry in enumerate(raw):
        path = ("items", i)
        if not isinstance(entry, dict):
            src.error(path, fmt_path(path), "an item is a mapping")
            continue
        code = str(entry.get("code", ""))
        where = code or fmt_path(path)
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


def _rule(src: Source, kind_name: str, raw_args: Any, path: tuple, where: str,
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
            field_name = fmt_path((*args_path[depth:], *loc))
            if err["type"] == "extra_forbidden":
                msg = f"unknown arg '{fmt_path(loc)}' for rule kind '{kind_name}'"
            elif err["type"] == "missing":
                msg = f"missing arg '{fmt_path(loc)}' for rule kind '{kind_name}'"
            else:
                msg = f"{field_name}: {err['msg'].removeprefix('Value error, ')}"
            src.error((*args_path, *loc), where, msg)
        return None
    for loc, name, shape in _param_refs(args, ()):
        field_name = fmt_path((*args_path[depth:], *loc))
        if name not in params:
            src.error((*args_path, *loc), where, f"{field_name}: unknown parameter '{name}'")
        elif shape == "by_party" and not isinstance(params[name], dict):
            src.error((*args_path, *loc), where, f"{field_name}: parameter '{name}' must give individual and organisation")
        elif shape == "int" and isinstance(params[name], dict):
            src.error((*args_path, *loc), where, f"{field_name}: parameter '{name}' must be a single number")
    check = getattr(args, "check_parameters", None)
    if check is not None:
        for loc, msg in check(params):
            src.error((*args_path, *loc), where, f"{fmt_path((*args_path[depth:], *loc))}: {msg}")
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
