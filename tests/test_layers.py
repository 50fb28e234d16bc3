"""The layers import one way: ingest ← scoring ← reports ← pipelines; only pipelines imports Prefect."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
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
