"""The layers import one way: ingest ← scoring ← reports ← pipelines; only pipelines imports Prefect."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.paths import ROOT

ORDER = ("ingest", "scoring", "reports", "pipelines")
FORBIDDEN_EVERYWHERE_BUT_PIPELINES = ("prefect", "prefect_dask", "dask", "distributed")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("layer", ORDER[:-1])
def test_lower_layers_never_import_higher_ones_or_prefect(layer):
    higher = set(ORDER[ORDER.index(layer) + 1 :])
    offenders = []
    for path in sorted((ROOT / layer).rglob("*.py")):
        bad = _imports(path) & (higher | set(FORBIDDEN_EVERYWHERE_BUT_PIPELINES))
        if bad:
            offenders.append(f"{path.relative_to(ROOT)}: {sorted(bad)}")
    assert not offenders, "\n".join(offenders)


# The sample generator is the test oracle: its ground truth must come from its own reading of the rules, never
# from the code it checks. It may use ingest's plain vocabulary (document kinds) but no extraction, scoring,
# reports or pipelines; and no production layer may depend on it (only the CLI's `generate` command runs it).
ORACLE = "samplegen"
ORACLE_FORBIDDEN = ("scoring", "reports", "pipelines", "ingest.extract", *FORBIDDEN_EVERYWHERE_BUT_PIPELINES)


def _full_imports(path: Path) -> set[str]:
    """Absolute module names imported, with `from a import b` also counted as a.b (b may be a module)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def _is_within(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


def test_the_generator_never_imports_the_code_it_is_the_oracle_for():
    offenders = []
    for path in sorted((ROOT / ORACLE).rglob("*.py")):
        bad = {n for n in _full_imports(path) if any(_is_within(n, f) for f in ORACLE_FORBIDDEN)}
        if bad:
            offenders.append(f"{path.relative_to(ROOT)}: {sorted(bad)}")
    assert not offenders, "\n".join(offenders)


@pytest.mark.parametrize("layer", ORDER[:-1])
def test_production_layers_never_import_the_generator(layer):
    offenders = [str(path.relative_to(ROOT)) for path in sorted((ROOT / layer).rglob("*.py"))
                 if ORACLE in _imports(path)]
    assert not offenders, "\n".join(offenders)


def _module_graph() -> dict[str, set[str]]:
    """project module -> the project modules it imports (a `from pkg import name` counts pkg.name when that
    is a module, else pkg)."""
    packages = ("ingest", "scoring", "reports", "pipelines", "samplegen")
    modules = {".".join(p.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__"): p
               for layer in packages for p in (ROOT / layer).rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        deps: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                for alias in node.names:
                    full = f"{node.module}.{alias.name}"
                    deps.add(full if full in modules else node.module)
            elif isinstance(node, ast.Import):
                deps.update(alias.name for alias in node.names)
        graph[name] = {d for d in deps if d in modules and d != name}
    return graph


def test_no_import_circle():
    graph = _module_graph()
    state: dict[str, int] = {}  # 1 visiting, 2 done

    def visit(node: str, path: list[str]) -> list[str] | None:
        state[node] = 1
        for dep in sorted(graph[node]):
            if state.get(dep) == 1:
                return [*path, node, dep]
            if dep not in state and (cycle := visit(dep, [*path, node])):
                return cycle
        state[node] = 2
        return None

    for module in sorted(graph):
        if module not in state:
            cycle = visit(module, [])
            assert cycle is None, " -> ".join(cycle)
